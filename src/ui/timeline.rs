//! A fiche's history, newest first, with the form to add or edit an event.

use super::tx;
use chrono::NaiveTime;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::inputs::errors_for;
use crate::domain::dates::{format_date, iso_date, parse_iso_date};
use crate::domain::history::{default_currency, EntryStatus, HistoryEntry, HistoryKind};
use crate::domain::money::{format_amount, format_amount_plain, parse_amount};
use crate::domain::validate::{FieldError, Problem};
use crate::i18n::{labels, t, K};
use crate::state::clock;
use crate::state::draft::{code, from_code};
use crate::state::{actions, use_app, AppError, AppState};

/// The entry form's inputs.
#[derive(Clone, PartialEq)]
struct EntryDraft {
    /// `None` for a new entry.
    original: Option<HistoryEntry>,
    kind: HistoryKind,
    date: String,
    amount: String,
    label: String,
    status: String,
    text: String,
}

impl EntryDraft {
    fn new_entry() -> EntryDraft {
        EntryDraft {
            original: None,
            kind: HistoryKind::Purchase,
            date: iso_date(clock::today()),
            amount: String::new(),
            label: String::new(),
            status: String::new(),
            text: String::new(),
        }
    }

    fn edit(e: &HistoryEntry) -> EntryDraft {
        EntryDraft {
            original: Some(e.clone()),
            kind: e.kind,
            date: iso_date(clock::local_day(e.date)),
            amount: e.amount_cents.map(format_amount_plain).unwrap_or_default(),
            label: e.label.clone(),
            status: e.status.as_ref().map(code).unwrap_or_default(),
            text: e.text.clone(),
        }
    }

    /// The entry, or the inputs that cannot be read. The time of day is kept from the original
    /// (or taken from now) so that several events of one day keep their order.
    fn to_entry(&self, fiche_id: &str) -> Result<HistoryEntry, Vec<FieldError>> {
        let mut errors = Vec::new();
        let day = parse_iso_date(self.date.trim()).unwrap_or_else(|| {
            errors.push(FieldError {
                field: "date".into(),
                problem: Problem::InvalidDate,
            });
            clock::today()
        });
        let time = match &self.original {
            Some(o) => clock::local_time(o.date),
            None => clock::now_time(),
        };
        let amount_cents = if self.kind.has_amount() && !self.amount.trim().is_empty() {
            parse_amount(&self.amount).map(Some).unwrap_or_else(|_| {
                errors.push(FieldError {
                    field: "amount".into(),
                    problem: Problem::InvalidAmount,
                });
                None
            })
        } else {
            None
        };
        let status: Option<EntryStatus> =
            from_code(&self.status).filter(|s| self.kind.statuses().contains(s));
        let status = status.or_else(|| self.kind.statuses().first().copied());
        if !errors.is_empty() {
            return Err(errors);
        }
        let base = self.original.clone();
        Ok(HistoryEntry {
            id: base
                .as_ref()
                .map(|o| o.id.clone())
                .unwrap_or_else(|| uuid::Uuid::new_v4().to_string()),
            fiche_id: fiche_id.to_string(),
            date: clock::local_instant(
                day,
                time.min(NaiveTime::from_hms_opt(23, 59, 59).unwrap_or_default()),
            ),
            kind: self.kind,
            label: self.label.trim().to_string(),
            amount_cents,
            currency: base.map(|o| o.currency).unwrap_or_else(default_currency),
            status,
            text: self.text.trim().to_string(),
        })
    }
}

fn reload(fiche_id: String, entries: RwSignal<Option<Vec<HistoryEntry>>>, app: AppState) {
    spawn_local(async move {
        match actions::history(fiche_id).await {
            Ok(list) => entries.set(Some(list)),
            Err(e) => app.report(e),
        }
    });
}

#[component]
pub fn Timeline(fiche_id: String) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let entries: RwSignal<Option<Vec<HistoryEntry>>> = RwSignal::new(None);
    let editing: RwSignal<Option<EntryDraft>> = RwSignal::new(None);
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    // The entry whose deletion waits for a second click.
    let confirming: RwSignal<Option<String>> = RwSignal::new(None);
    reload(fiche_id.clone(), entries, app);
    // Another tab changed this fiche's history: read it again.
    {
        let fiche_id = fiche_id.clone();
        Effect::new(move |seen: Option<()>| {
            let concerned = app
                .remote
                .with(|c| c.as_ref().is_some_and(|c| c.touches(&fiche_id)));
            if seen.is_some() && concerned {
                reload(fiche_id.clone(), entries, app);
            }
        });
    }

    let save = {
        let fiche_id = fiche_id.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let Some(draft) = editing.get_untracked() else {
                return;
            };
            let entry = match draft.to_entry(&fiche_id) {
                Ok(e) => e,
                Err(e) => return errors.set(e),
            };
            let fiche_id = fiche_id.clone();
            spawn_local(async move {
                match actions::save_entry(app, entry).await {
                    Ok(_) => {
                        errors.set(Vec::new());
                        editing.set(None);
                        reload(fiche_id, entries, app);
                    }
                    Err(AppError::Invalid(e)) => errors.set(e),
                    Err(e) => app.report(e),
                }
            });
        }
    };
    let remove = {
        let fiche_id = fiche_id.clone();
        move |entry_id: String| {
            let fiche_id = fiche_id.clone();
            spawn_local(async move {
                match actions::delete_entry(app, fiche_id.clone(), entry_id).await {
                    Ok(_) => {
                        confirming.set(None);
                        reload(fiche_id, entries, app)
                    }
                    Err(e) => app.report(e),
                }
            });
        }
    };

    view! {
        <section class="timeline card" data-testid="timeline">
            <div class="timeline-head">
                <h2>{tx(lang, K::History)}</h2>
                <button type="button" class="primary" data-testid="add-entry"
                    on:click=move |_| { errors.set(Vec::new()); editing.set(Some(EntryDraft::new_entry())); }>
                    {tx(lang, K::AddEntry)}
                </button>
            </div>
            <Show when=move || editing.with(Option::is_some)>
                <EntryForm editing errors on_submit=save.clone()/>
            </Show>
            {move || match entries.get() {
                None => view! { <p class="muted">{tx(lang, K::Loading)}</p> }.into_any(),
                Some(list) if list.is_empty() => view! { <p class="muted" data-testid="no-history">{tx(lang, K::NoHistory)}</p> }.into_any(),
                Some(list) => {
                    let remove = remove.clone();
                    view! {
                        <ol class="events">
                            {list.into_iter().map(|e| {
                                let remove = remove.clone();
                                let id = e.id.clone();
                                let for_edit = e.clone();
                                let lang = lang.get();
                                let amount = e.amount_cents.map(|c| format_amount(c, lang));
                                let status = e.status.map(|s| t(lang, labels::entry_status(s)));
                                // A negative purchase or invoice is a refund or credit note: said
                                // so, its amount shown with its minus sign.
                                let refund = e.is_refund();
                                let kind = if refund { K::Refund } else { labels::history_kind(e.kind) };
                                view! {
                                    <li class=format!("event kind-{}{}", code(&e.kind), if refund { " refund" } else { "" }) data-testid="entry-row" data-id=e.id.clone()>
                                        <div class="event-line">
                                            <span class="event-date">{format_date(clock::local_day(e.date), lang)}</span>
                                            <span class="event-kind">{t(lang, kind)}</span>
                                            {status.map(|s| view! { <span class="badge">{s}</span> })}
                                            {amount.map(|a| view! { <span class="event-amount">{a}</span> })}
                                        </div>
                                        {(!e.label.is_empty()).then(|| view! { <p class="event-label">{e.label.clone()}</p> })}
                                        {(!e.text.is_empty()).then(|| view! { <p class="event-text">{e.text.clone()}</p> })}
                                        <div class="event-actions">
                                            <button type="button" class="ghost small" data-testid="edit-entry"
                                                on:click=move |_| { errors.set(Vec::new()); editing.set(Some(EntryDraft::edit(&for_edit))); }>
                                                {t(lang, K::Edit)}
                                            </button>
                                            {move || if confirming.get().as_deref() == Some(id.as_str()) {
                                                let id = id.clone();
                                                let remove = remove.clone();
                                                view! {
                                                    <span class="confirm-inline" role="alert">{t(lang, K::ConfirmDeleteEntry)}</span>
                                                    <button type="button" class="small danger" data-testid="confirm-delete-entry"
                                                        on:click=move |_| remove(id.clone())>{t(lang, K::ConfirmDelete)}</button>
                                                    <button type="button" class="ghost small" on:click=move |_| confirming.set(None)>{t(lang, K::Cancel)}</button>
                                                }.into_any()
                                            } else {
                                                let id = id.clone();
                                                view! {
                                                    <button type="button" class="ghost small danger" data-testid="delete-entry"
                                                        on:click=move |_| confirming.set(Some(id.clone()))>{t(lang, K::Delete)}</button>
                                                }.into_any()
                                            }}
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn EntryForm<F>(
    editing: RwSignal<Option<EntryDraft>>,
    errors: RwSignal<Vec<FieldError>>,
    on_submit: F,
) -> impl IntoView
where
    F: Fn(leptos::ev::SubmitEvent) + 'static,
{
    let lang = use_app().lang;
    let kind =
        Memo::new(move |_| editing.with(|d| d.as_ref().map_or(HistoryKind::Purchase, |d| d.kind)));
    let field = move |f: fn(&EntryDraft) -> String| {
        move || editing.with(|d| d.as_ref().map(f).unwrap_or_default())
    };
    let set = move |f: fn(&mut EntryDraft, String)| {
        move |ev| {
            let v = event_target_value(&ev);
            editing.update(|d| {
                if let Some(d) = d {
                    f(d, v)
                }
            })
        }
    };
    let status_value = field(|d| d.status.clone());
    view! {
        <form class="entry-form" data-testid="entry-form" novalidate on:submit=on_submit>
            <h3>{move || t(lang.get(), if editing.with(|d| d.as_ref().is_some_and(|d| d.original.is_some())) { K::EditEntry } else { K::AddEntry })}</h3>
            <div class="grid">
                <label class="field">
                    <span class="field-label">{tx(lang, K::EntryKind)}</span>
                    <select data-testid="entry-kind" prop:value=move || code(&kind.get())
                        on:change=set(|d, v| { d.kind = from_code(&v).unwrap_or(HistoryKind::Note); d.status = String::new(); })>
                        {HistoryKind::ALL.into_iter().filter(|k| *k != HistoryKind::Campaign).map(|k| view! {
                            <option value=code(&k) selected=move || kind.get() == k>{tx(lang, labels::history_kind(k))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{tx(lang, K::EntryDate)}</span>
                    <input type="date" data-testid="entry-date" prop:value=field(|d| d.date.clone()) on:input=set(|d, v| d.date = v)/>
                    {errors_for(errors, "date".into())}
                </label>
                <Show when=move || kind.get().has_amount()>
                    <label class="field">
                        <span class="field-label">{tx(lang, K::EntryAmount)}</span>
                        <input type="text" inputmode="decimal" data-testid="entry-amount" prop:value=field(|d| d.amount.clone()) on:input=set(|d, v| d.amount = v)/>
                        {errors_for(errors, "amount".into())}
                    </label>
                </Show>
                <Show when=move || !kind.get().statuses().is_empty()>
                    <label class="field">
                        <span class="field-label">{tx(lang, K::EntryStatus)}</span>
                        <select data-testid="entry-status" prop:value=status_value on:change=set(|d, v| d.status = v)>
                            {move || kind.get().statuses().iter().map(|s| {
                                let c = code(s);
                                let c2 = c.clone();
                                view! { <option value=c selected=move || status_value() == c2>{tx(lang, labels::entry_status(*s))}</option> }
                            }).collect_view()}
                        </select>
                        {errors_for(errors, "status".into())}
                    </label>
                </Show>
                <label class="field field-wide">
                    <span class="field-label">{tx(lang, K::EntryLabel)}</span>
                    <input type="text" data-testid="entry-label" prop:value=field(|d| d.label.clone()) on:input=set(|d, v| d.label = v)/>
                    {errors_for(errors, "label".into())}
                </label>
                <label class="field field-wide">
                    <span class="field-label">{tx(lang, K::EntryText)}</span>
                    <textarea data-testid="entry-text" rows="2" prop:value=field(|d| d.text.clone()) on:input=set(|d, v| d.text = v)></textarea>
                    {errors_for(errors, "text".into())}
                </label>
            </div>
            <div class="actions">
                <button type="submit" class="primary" data-testid="save-entry">{tx(lang, K::Save)}</button>
                <button type="button" class="ghost" data-testid="cancel-entry" on:click=move |_| editing.set(None)>{tx(lang, K::Cancel)}</button>
            </div>
        </form>
    }
}
