//! One customer's folder: every field, the summary and the timeline.

use super::tx;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::device_files::download;
use super::dispatch::go;
use super::timeline::Timeline;
use crate::domain::custom_field::render_value;
use crate::domain::dates::format_date;
use crate::domain::fiche::{Channel, Fiche};
use crate::domain::money::format_amount;
use crate::domain::phone::{format_phone_fr, normalize_phone};
use crate::domain::search::fold;
use crate::domain::summary::Summary;
use crate::domain::validate::website_href;
use crate::i18n::{labels, t, tf, Lang, K};
use crate::state::clock;
use crate::state::{actions, transfer, use_app, AppState, Route};

#[component]
pub fn FichePage(id: String) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let record = {
        let id = id.clone();
        Memo::new(move |_| {
            app.file
                .with(|f| f.get(&id).map(|r| (r.fiche.clone(), r.summary.clone())))
        })
    };
    let confirming = RwSignal::new(false);
    let deleting = RwSignal::new(false);
    // The page's children are rebuilt whenever the fiche appears again: they read the id from here.
    let id = StoredValue::new(id);
    let delete = move |_| {
        let id = id.get_value();
        {
            deleting.set(true);
            spawn_local(async move {
                match actions::delete_fiche(app, id).await {
                    Ok(()) => go(&Route::List),
                    Err(e) => app.report(e),
                }
                deleting.set(false);
                confirming.set(false);
            });
        }
    };

    view! {
        <Show when=move || record.with(Option::is_some)
            fallback=move || view! { <p class="empty" data-testid="not-found">{tx(lang, K::FicheNotFound)}</p> }>
            <article class="fiche-page" data-testid="fiche-page">
                <p class="crumbs"><a href="#/">{tx(lang, K::Back)}</a></p>
                <header class="fiche-head">
                    <div>
                        <h1 data-testid="fiche-name">{move || record.with(|r| r.as_ref().map(|(f, _)| f.display_name()).unwrap_or_default())}</h1>
                        <p class="badges">
                            {move || record.with(|r| r.as_ref().map(|(f, _)| view! {
                                <span class="badge">{t(lang.get(), labels::status(f.status))}</span>
                                <span class="badge">{t(lang.get(), labels::fiche_kind(f.kind))}</span>
                                {f.tags.iter().map(|tag| view! { <span class="badge tag">{tag.clone()}</span> }).collect_view()}
                            }))}
                        </p>
                    </div>
                    <div class="actions">
                        <button type="button" data-testid="edit-fiche" on:click=move |_| go(&Route::Edit(id.get_value()))>{tx(lang, K::Edit)}</button>
                        <button type="button" class="ghost" data-testid="export-person" on:click=move |_| export_person(app, id.get_value())>{tx(lang, K::PersonExport)}</button>
                        <button type="button" class="ghost" data-testid="export-vcard-one"
                            on:click=move |_| {
                                let text = transfer::vcards_of(app, Some(&[id.get_value()]));
                                download(app, &format!("{}.vcf", file_stem(app, &id.get_value())), "text/vcard;charset=utf-8", text.as_bytes());
                            }>{tx(lang, K::VcardOne)}</button>
                        <button type="button" class="danger" data-testid="delete-fiche" on:click=move |_| confirming.set(true)>{tx(lang, K::Delete)}</button>
                    </div>
                </header>
                <Show when=move || confirming.get()>
                    <div class="confirm" role="alertdialog" aria-modal="true" data-testid="confirm-dialog">
                        <p>{tx(lang, K::ConfirmDeleteFiche)}</p>
                        <button type="button" class="danger" data-testid="confirm-delete" on:click=delete
                            prop:disabled=move || deleting.get()>{tx(lang, K::ConfirmDelete)}</button>
                        <button type="button" class="ghost" data-testid="cancel-delete" on:click=move |_| confirming.set(false)>{tx(lang, K::Cancel)}</button>
                    </div>
                </Show>
                <div class="fiche-body">
                    <section class="fiche-data">
                        {move || record.get().map(|(f, _)| details(&f, lang.get(), app.fields.get()))}
                    </section>
                    <aside class="fiche-side">
                        {move || record.get().map(|(_, s)| summary_view(&s, lang.get()))}
                        <Timeline fiche_id=id.get_value()/>
                    </aside>
                </div>
            </article>
        </Show>
    }
}

/// A file name from the fiche's name: "dupre-helene".
fn file_stem(app: AppState, id: &str) -> String {
    let name = app
        .file
        .with_untracked(|f| f.get(id).map(|r| r.fiche.display_name()))
        .unwrap_or_default();
    let folded: String = fold(&name)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let stem = folded
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if stem.is_empty() {
        "fiche".into()
    } else {
        stem
    }
}

/// Downloads one person's data as JSON: the right of access and portability.
fn export_person(app: AppState, id: String) {
    spawn_local(async move {
        match transfer::person_json(app, &id).await {
            Ok(Some(text)) => {
                download(
                    app,
                    &format!("{}.json", file_stem(app, &id)),
                    "application/json",
                    text.as_bytes(),
                );
            }
            Ok(None) => {}
            Err(e) => app.report(e),
        }
    });
}

fn summary_view(s: &Summary, lang: Lang) -> impl IntoView {
    let date = |d: Option<chrono::DateTime<chrono::Utc>>| {
        d.map(|d| format_date(clock::local_day(d), lang))
            .unwrap_or_else(|| t(lang, K::NotSet).into())
    };
    let rows = [
        (
            K::TotalSpent,
            "summary-total",
            format_amount(s.total_spent_cents, lang),
        ),
        (K::Orders, "summary-orders", s.orders.to_string()),
        (
            K::AverageBasket,
            "summary-average",
            s.average_basket_cents()
                .map(|c| format_amount(c, lang))
                .unwrap_or_else(|| t(lang, K::NotSet).into()),
        ),
        (
            K::FirstPurchase,
            "summary-first-purchase",
            date(s.first_purchase),
        ),
        (
            K::LastPurchase,
            "summary-last-purchase",
            date(s.last_purchase),
        ),
        (K::LastContact, "summary-last-contact", date(s.last_contact)),
        (K::Contacts, "summary-contacts", s.contacts.to_string()),
    ];
    view! {
        <section class="summary card" data-testid="summary">
            <h2>{t(lang, K::Summary)}</h2>
            <dl class="stats">
                {rows.into_iter().map(|(k, id, v)| view! {
                    <div><dt>{t(lang, k)}</dt><dd data-testid=id>{v}</dd></div>
                }).collect_view()}
            </dl>
        </section>
    }
}

fn details(
    f: &Fiche,
    lang: Lang,
    defs: Vec<crate::domain::custom_field::CustomFieldDef>,
) -> impl IntoView {
    let mut rows: Vec<(String, AnyView)> = Vec::new();
    let mut text = |k: K, v: String| {
        if !v.trim().is_empty() {
            rows.push((t(lang, k).to_string(), view! { {v} }.into_any()));
        }
    };
    if let Some(c) = f.civility {
        text(K::FCivility, t(lang, labels::civility(c)).into());
    }
    text(K::FFirstName, f.first_name.clone());
    text(K::FLastName, f.last_name.clone());
    text(K::FCompany, f.company.clone());
    text(K::FJobTitle, f.job_title.clone());
    if let Some(s) = f.sex {
        text(K::FSex, t(lang, labels::sex(s)).into());
    }
    text(
        K::FBirthDate,
        f.birth_date
            .map(|d| format_date(d, lang))
            .unwrap_or_default(),
    );
    for p in &f.phones {
        let shown = normalize_phone(&p.value)
            .map(|n| format_phone_fr(&n))
            .unwrap_or_else(|_| p.value.clone());
        let href = normalize_phone(&p.value).ok().map(|n| format!("tel:{n}"));
        let label = labels::with_label(lang, t(lang, K::FPhone), &p.label);
        rows.push((label, view! { <a href=href>{shown}</a> }.into_any()));
    }
    for e in &f.emails {
        let label = labels::with_label(lang, t(lang, K::FEmail), &e.label);
        let href = format!("mailto:{}", e.value);
        rows.push((
            label,
            view! { <a href=href data-testid="fiche-email">{e.value.clone()}</a> }.into_any(),
        ));
    }
    for a in &f.addresses {
        let label = if a.label.is_empty() {
            t(lang, K::FAddresses).to_string()
        } else {
            a.label.clone()
        };
        let lines = [
            a.street.clone(),
            format!("{} {}", a.postal_code, a.city).trim().to_string(),
            a.region.clone(),
            a.country.clone(),
        ];
        rows.push((
            label,
            view! { <span class="address-lines">{lines.into_iter().filter(|l| !l.is_empty()).map(|l| view! { <span>{l}</span> }).collect_view()}</span> }.into_any(),
        ));
    }
    if !f.website.trim().is_empty() {
        let site = f.website.clone();
        let view = match website_href(&site) {
            Some(href) => {
                view! { <a href=href rel="noopener noreferrer" target="_blank">{site}</a> }
                    .into_any()
            }
            None => view! { {site} }.into_any(),
        };
        rows.push((t(lang, K::FWebsite).into(), view));
    }
    let mut text = |k: K, v: String| {
        if !v.trim().is_empty() {
            rows.push((t(lang, k).to_string(), view! { {v} }.into_any()));
        }
    };
    text(K::FSector, f.sector.clone());
    text(
        K::FRevenue,
        f.revenue_cents
            .map(|c| format_amount(c, lang))
            .unwrap_or_default(),
    );
    text(
        K::FHeadcount,
        f.headcount.map(|h| h.to_string()).unwrap_or_default(),
    );
    text(K::FOwner, f.owner.clone());
    text(K::FSource, f.source.clone());
    text(
        K::FFirstContact,
        f.first_contact
            .map(|d| format_date(d, lang))
            .unwrap_or_default(),
    );
    text(
        K::FPreferredChannel,
        f.preferred_channel
            .map(|c| t(lang, labels::channel(c)).to_string())
            .unwrap_or_default(),
    );
    text(K::Interests, f.interests.join(", "));
    text(K::Tags, f.tags.join(", "));
    for ch in Channel::CONSENT {
        if let Some(c) = f.consents.get(ch) {
            let state = t(
                lang,
                if c.granted {
                    K::ConsentGranted
                } else {
                    K::ConsentWithdrawn
                },
            );
            let date = format_date(c.date, lang);
            let said = if c.source.is_empty() {
                tf(lang, K::ConsentOn, &[("state", state), ("date", &date)])
            } else {
                let values = [("state", state), ("date", &date), ("source", &c.source)];
                tf(lang, K::ConsentOnFrom, &values)
            };
            text(labels::channel(ch), said);
        }
    }
    let custom: Vec<(String, String)> = defs
        .iter()
        .filter_map(|d| {
            f.custom
                .get(&d.id)
                .map(|v| (d.name.clone(), render_value(v, lang)))
        })
        .collect();
    let notes = f.notes.clone();
    let created = format_date(clock::local_day(f.created_at), lang);
    let updated = format_date(clock::local_day(f.updated_at), lang);
    view! {
        <dl class="details card">
            {rows.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
        </dl>
        {(!custom.is_empty()).then(|| view! {
            <section class="card">
                <h2>{t(lang, K::SecCustom)}</h2>
                <dl class="details" data-testid="custom-values">
                    {custom.into_iter().map(|(k, v)| view! { <div><dt>{k}</dt><dd>{v}</dd></div> }).collect_view()}
                </dl>
            </section>
        })}
        {(!notes.trim().is_empty()).then(|| view! {
            <section class="card">
                <h2>{t(lang, K::FNotes)}</h2>
                <p class="notes" data-testid="fiche-notes">{notes}</p>
            </section>
        })}
        <p class="meta-line">{tf(lang, K::CreatedUpdated, &[("created", &created), ("updated", &updated)])}</p>
    }
}
