//! CSV imports: of fiches ([`fiches`]) and of history ([`history`]), and the report of their
//! problems as a file to download.

mod fiches;
mod history;

pub(crate) use fiches::RowBuilder;
pub use fiches::{candidates, plan_import, ImportPlan};
pub use history::{plan_history_import, HistoryPlan};

use super::plan::RowError;

/// The problems of a plan as a CSV file to download (`,`, UTF-8 with BOM so Excel shows the
/// accents): line, column, value, problem code, message. `describe` gives the message in the
/// user's language.
pub fn report_csv(errors: &[RowError], describe: &dyn Fn(&RowError) -> String) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let mut rows: Vec<[String; 5]> = vec![[
        "line".into(),
        "column".into(),
        "value".into(),
        "problem".into(),
        "message".into(),
    ]];
    rows.extend(errors.iter().map(|e| {
        [
            e.line.to_string(),
            e.column.clone(),
            e.value.clone(),
            e.problem.code(),
            describe(e),
        ]
    }));
    for r in &rows {
        let cells = r.iter().map(|c| super::values::neutralise(c).into_owned());
        // Writing to a Vec cannot fail.
        let _ = w.write_record(cells);
    }
    let body = w.into_inner().unwrap_or_default();
    let mut out = String::from('\u{feff}');
    out.push_str(&String::from_utf8_lossy(&body));
    out
}
