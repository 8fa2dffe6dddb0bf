//! Phone numbers, amounts and dates as French users type them.

use carnet::domain::dates::{compact_date, format_date, iso_date, parse_date, parse_iso_date};
use carnet::domain::lang::Lang;
use carnet::domain::money::{
    format_amount, format_amount_plain, parse_amount, MoneyError, MAX_CENTS, NNBSP,
};
use carnet::domain::phone::{
    format_phone_fr, national_fr, normalize_phone, phone_digits, PhoneError,
};
use chrono::NaiveDate;
use proptest::prelude::*;

#[test]
fn french_phone_formats_normalise_to_e164() {
    for raw in [
        "06 12 34 56 78",
        "06.12.34.56.78",
        "06-12-34-56-78",
        "0612345678",
        " 06 12 34 56 78 ",
        "+33 6 12 34 56 78",
        "+33612345678",
        "0033612345678",
        "00 33 6 12 34 56 78",
        "+33 (0)6 12 34 56 78",
        "+33 (0) 6 12 34 56 78",
        "+33 06 12 34 56 78",
        "(06) 12 34 56 78",
        "06/12/34/56/78",
        "06\u{a0}12\u{a0}34\u{a0}56\u{a0}78",
    ] {
        assert_eq!(
            normalize_phone(raw).as_deref(),
            Ok("+33612345678"),
            "{raw:?}"
        );
    }
    assert_eq!(
        normalize_phone("01 23 45 67 89").as_deref(),
        Ok("+33123456789")
    );
}

#[test]
fn spreadsheet_damaged_french_numbers_are_repaired() {
    // Excel drops the leading zero of "0612345678" and the plus of "+33612345678".
    assert_eq!(normalize_phone("612345678").as_deref(), Ok("+33612345678"));
    assert_eq!(
        normalize_phone("33612345678").as_deref(),
        Ok("+33612345678")
    );
}

#[test]
fn international_numbers() {
    assert_eq!(
        normalize_phone("+44 20 7946 0958").as_deref(),
        Ok("+442079460958")
    );
    assert_eq!(
        normalize_phone("0044 20 7946 0958").as_deref(),
        Ok("+442079460958")
    );
    assert_eq!(
        normalize_phone("+1 (415) 555-2671").as_deref(),
        Ok("+14155552671")
    );
    assert_eq!(
        normalize_phone("+32 2 123 45 67").as_deref(),
        Ok("+3221234567")
    );
    assert_eq!(normalize_phone("+12345678").as_deref(), Ok("+12345678"));
    assert_eq!(
        normalize_phone("+123456789012345").as_deref(),
        Ok("+123456789012345")
    );
}

#[test]
fn phone_errors() {
    assert_eq!(normalize_phone(""), Err(PhoneError::Empty));
    assert_eq!(normalize_phone("   "), Err(PhoneError::Empty));
    assert_eq!(normalize_phone("06 12 34"), Err(PhoneError::TooFewDigits));
    assert_eq!(
        normalize_phone("06 12 34 56 78 9"),
        Err(PhoneError::TooManyDigits)
    );
    assert_eq!(
        normalize_phone("+33 6 12 34 56"),
        Err(PhoneError::TooFewDigits)
    );
    assert_eq!(
        normalize_phone("+33 6 12 34 56 78 90"),
        Err(PhoneError::TooManyDigits)
    );
    assert_eq!(normalize_phone("+1234567"), Err(PhoneError::TooFewDigits));
    assert_eq!(
        normalize_phone("+1234567890123456"),
        Err(PhoneError::TooManyDigits)
    );
    assert_eq!(normalize_phone("1234567"), Err(PhoneError::TooFewDigits));
    assert_eq!(
        normalize_phone("12345678901234567"),
        Err(PhoneError::TooManyDigits)
    );
    assert_eq!(
        normalize_phone("1234567890"),
        Err(PhoneError::MissingCountryCode)
    );
    assert_eq!(
        normalize_phone("06 12 AB 56 78"),
        Err(PhoneError::InvalidCharacters)
    );
    assert_eq!(
        normalize_phone("tel: 0612345678"),
        Err(PhoneError::InvalidCharacters)
    );
    assert_eq!(
        normalize_phone("06+12345678"),
        Err(PhoneError::InvalidCharacters)
    );
    assert_eq!(
        normalize_phone("++33612345678"),
        Err(PhoneError::InvalidCharacters)
    );
    assert_eq!(
        normalize_phone("0612345678 poste 12"),
        Err(PhoneError::InvalidCharacters)
    );
    assert_eq!(normalize_phone("+"), Err(PhoneError::TooFewDigits));
    assert_eq!(normalize_phone("00"), Err(PhoneError::TooFewDigits));
}

#[test]
fn phone_display_and_digits() {
    assert_eq!(format_phone_fr("+33612345678"), "06 12 34 56 78");
    assert_eq!(format_phone_fr("+442079460958"), "+442079460958");
    assert_eq!(format_phone_fr("not a number"), "not a number");
    assert_eq!(national_fr("+33612345678").as_deref(), Some("0612345678"));
    assert_eq!(national_fr("+3361234567"), None);
    assert_eq!(phone_digits("+33 (0)6 12-34"), "33061234");
    assert_eq!(phone_digits(""), "");
}

#[test]
fn amounts_as_typed() {
    let cases = [
        ("12,50", 1250),
        ("12.50", 1250),
        ("1 234,56", 123_456),
        ("1\u{202f}234,56", 123_456),
        ("1\u{a0}234,56", 123_456),
        ("1.234,56", 123_456),
        ("1,234.56", 123_456),
        ("1 234 567", 123_456_700),
        ("1.234.567", 123_456_700),
        ("1234", 123_400),
        ("12,5", 1250),
        ("0,05", 5),
        (",5", 50),
        ("€ 12,50", 1250),
        ("€12.50", 1250),
        ("12,50 €", 1250),
        ("12,50€", 1250),
        ("12,50 EUR", 1250),
        ("eur 12,50", 1250),
        ("-3,20", -320),
        ("-3,20 €", -320),
        ("-€3.20", -320),
        ("€ -3,20", -320),
        ("\u{2212}3,20", -320),
        ("+7", 700),
        ("0", 0),
        ("  42  ", 4200),
    ];
    for (raw, cents) in cases {
        assert_eq!(parse_amount(raw), Ok(cents), "{raw:?}");
    }
}

#[test]
fn negative_amounts_as_tills_and_accounting_write_them() {
    let cases = [
        ("-12,50", -1250),
        ("-12.50", -1250),
        ("12,50-", -1250),
        ("12.50-", -1250),
        ("12,50 -", -1250),
        ("12,50 €-", -1250),
        ("12,50- €", -1250),
        ("(12,50)", -1250),
        ("(12.50)", -1250),
        ("(1 234,56)", -123_456),
        ("(12,50 €)", -1250),
        ("(€12.50)", -1250),
        ("€ (12,50)", -1250),
        ("( 12,50 )", -1250),
        ("12,50\u{2212}", -1250),
        ("-0,00", 0),
    ];
    for (raw, cents) in cases {
        assert_eq!(parse_amount(raw), Ok(cents), "{raw:?}");
    }
    // One sign only, and parentheses that close.
    for garbage in [
        "--12,50",
        "-12,50-",
        "(-12,50)",
        "-(12,50)",
        "(12,50)-",
        "+12,50-",
        "-+12,50",
        "(12,50",
        "12,50)",
        "()",
        "(-)",
        "12-50",
        "((12,50))",
    ] {
        assert_eq!(
            parse_amount(garbage),
            Err(MoneyError::Invalid),
            "{garbage:?}"
        );
    }
}

#[test]
fn amount_errors() {
    assert_eq!(parse_amount(""), Err(MoneyError::Empty));
    assert_eq!(parse_amount("  "), Err(MoneyError::Empty));
    assert_eq!(parse_amount("12,505"), Err(MoneyError::TooManyDecimals));
    assert_eq!(parse_amount("1,234"), Err(MoneyError::TooManyDecimals));
    assert_eq!(parse_amount("0.001"), Err(MoneyError::TooManyDecimals));
    for garbage in [
        "abc",
        "12a",
        "12,",
        "€",
        "-",
        "--3",
        "1-2",
        "12 50",
        "1.2.3",
        "12,50,3",
        "1e5",
        "NaN",
        "12$",
        "1 2345",
        "12.34,56.78",
        "1,23.45",
    ] {
        assert_eq!(
            parse_amount(garbage),
            Err(MoneyError::Invalid),
            "{garbage:?}"
        );
    }
    assert_eq!(
        parse_amount("99999999999999999999"),
        Err(MoneyError::Overflow)
    );
    assert_eq!(
        parse_amount("92233720368547758,08"),
        Err(MoneyError::Overflow)
    );
    assert_eq!(
        parse_amount("10 000 000 000 000,00"),
        Err(MoneyError::Overflow),
        "above MAX_CENTS a JavaScript number would round it"
    );
    assert_eq!(parse_amount("-9 999 999 999 999,99"), Ok(-MAX_CENTS));
}

#[test]
fn amount_formatting() {
    assert_eq!(
        format_amount(123_456, Lang::Fr),
        format!("1{NNBSP}234,56{NNBSP}€")
    );
    assert_eq!(format_amount(1250, Lang::Fr), format!("12,50{NNBSP}€"));
    assert_eq!(format_amount(5, Lang::Fr), format!("0,05{NNBSP}€"));
    assert_eq!(format_amount(-320, Lang::Fr), format!("-3,20{NNBSP}€"));
    assert_eq!(
        format_amount(100_000_000, Lang::Fr),
        format!("1{NNBSP}000{NNBSP}000,00{NNBSP}€")
    );
    assert_eq!(format_amount(123_456, Lang::En), "€1,234.56");
    assert_eq!(format_amount(-320, Lang::En), "-€3.20");
    assert_eq!(format_amount(0, Lang::En), "€0.00");
    assert_eq!(format_amount_plain(1250), "12,50");
    assert_eq!(format_amount_plain(123_456), "1234,56");
    assert_eq!(format_amount_plain(-5), "-0,05");
    // i64::MIN has no positive counterpart: it must still format.
    assert!(format_amount(i64::MIN, Lang::Fr).starts_with("-92"));
}

#[test]
fn formatted_amounts_read_back() {
    for cents in [0, 1, 99, 100, 123_456, -320, 100_000_000_000] {
        for lang in Lang::ALL {
            assert_eq!(
                parse_amount(&format_amount(cents, lang)),
                Ok(cents),
                "{cents} {lang:?}"
            );
        }
    }
}

#[test]
fn dates() {
    let d = NaiveDate::from_ymd_opt(2024, 7, 4).unwrap();
    assert_eq!(format_date(d, Lang::Fr), "04/07/2024");
    assert_eq!(format_date(d, Lang::En), "2024-07-04");
    assert_eq!(parse_date("2024-07-04"), Some(d));
    assert_eq!(parse_date("04/07/2024"), Some(d));
    assert_eq!(parse_date(" 4/7/2024 "), Some(d));
    for bad in [
        "",
        "04/07/24",
        "2024-7",
        "31/02/2024",
        "2024-13-01",
        "04-07-2024x",
        "aa/bb/cccc",
        "4/7/ 2024",
        "+2024-07-04",
    ] {
        assert_eq!(parse_date(bad), None, "{bad:?}");
    }
    for lang in Lang::ALL {
        assert_eq!(parse_date(&format_date(d, lang)), Some(d));
    }
}

proptest! {
    #[test]
    fn plain_amount_round_trips(cents in -1_000_000_000_000_i64..1_000_000_000_000) {
        prop_assert_eq!(parse_amount(&format_amount_plain(cents)), Ok(cents));
    }

    #[test]
    fn amount_parsing_never_panics(raw in "\\PC{0,24}") {
        let _ = parse_amount(&raw);
    }

    #[test]
    fn phone_normalisation_is_idempotent(raw in "[+]?[0-9 .()-]{0,20}") {
        if let Ok(n) = normalize_phone(&raw) {
            prop_assert_eq!(normalize_phone(&n), Ok(n.clone()));
            prop_assert_eq!(normalize_phone(&format_phone_fr(&n)), Ok(n));
        }
    }

    #[test]
    fn phone_and_date_parsing_never_panic(raw in "\\PC{0,24}") {
        let _ = normalize_phone(&raw);
        let _ = parse_date(&raw);
    }
}

proptest! {
    /// The hand-written layouts are chrono's `%d/%m/%Y`, `%Y-%m-%d` and `%Y%m%d`, for any date
    /// chrono can hold (signed years included), and ISO text reads back.
    #[test]
    fn date_layouts_match_chrono(days in -3_000_000i32..3_000_000) {
        let d = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
        prop_assert_eq!(format_date(d, Lang::Fr), d.format("%d/%m/%Y").to_string());
        prop_assert_eq!(format_date(d, Lang::En), d.format("%Y-%m-%d").to_string());
        prop_assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
        prop_assert_eq!(compact_date(d), d.format("%Y%m%d").to_string());
        if (0..=9999).contains(&chrono::Datelike::year(&d)) {
            prop_assert_eq!(parse_iso_date(&iso_date(d)), Some(d));
        }
    }
}

#[test]
fn iso_dates_are_read_strictly() {
    assert_eq!(
        parse_iso_date("2024-07-14"),
        NaiveDate::from_ymd_opt(2024, 7, 14)
    );
    for bad in [
        "14/07/2024",
        "2024-7-14",
        "2024-02-30",
        " 2024-07-14",
        "",
        "2024-07-1x",
    ] {
        assert_eq!(parse_iso_date(bad), None, "{bad:?}");
    }
}
