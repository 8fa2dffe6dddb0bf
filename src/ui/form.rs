//! Creating and editing a fiche. Fields are grouped so a simple fiche stays quick to fill:
//! identity and contact details open, the rest folded.

use super::tx;
use chrono::Utc;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::dispatch::go;
use super::inputs::{errors_for, select_input, text_area, text_input};
use crate::domain::custom_field::{CustomFieldDef, CustomKind};
use crate::domain::fiche::{Address, Channel, Civility, Fiche, FicheKind, Labelled, Sex, Status};
use crate::domain::validate::FieldError;
use crate::i18n::{labels, storage_text, t, K};
use crate::state::clock;
use crate::state::draft::{code, from_code, FicheDraft};
use crate::state::StorageError;
use crate::state::{actions, use_app, AppError, Notice, Route};

/// Binds an input to one `String` place in the draft: `(getter, setter)`.
macro_rules! bind {
    ($d:ident . $($path:tt)+) => {
        (
            move || $d.with(|d| d.$($path)+.clone()),
            move |v: String| $d.update(|d| d.$($path)+ = v),
        )
    };
}

/// Binds an input to a field of row `$i` of a list in the fiche.
macro_rules! bind_row {
    ($d:ident, $list:ident, $i:expr, $field:ident) => {
        (
            move || {
                $d.with(|d| {
                    d.fiche
                        .$list
                        .get($i)
                        .map(|r| r.$field.clone())
                        .unwrap_or_default()
                })
            },
            move |v: String| {
                $d.update(|d| {
                    if let Some(r) = d.fiche.$list.get_mut($i) {
                        r.$field = v;
                    }
                })
            },
        )
    };
}

/// Binds a `<select>` to an optional enum of the fiche.
macro_rules! bind_enum {
    ($d:ident . $field:ident) => {
        (
            move || $d.with(|d| d.fiche.$field.as_ref().map(code).unwrap_or_default()),
            move |v: String| $d.update(|d| d.fiche.$field = from_code(&v)),
        )
    };
}

fn options<T: serde::Serialize + Copy>(
    values: &[T],
    label: fn(T) -> K,
    none: bool,
) -> Vec<(String, K)> {
    let mut out: Vec<(String, K)> = if none {
        vec![(String::new(), K::NotSet)]
    } else {
        vec![]
    };
    out.extend(values.iter().map(|v| (code(v), label(*v))));
    out
}

#[component]
pub fn FicheForm(id: Option<String>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let defs = app.fields.get_untracked();
    let existing = id.as_ref().and_then(|id| {
        app.file
            .with_untracked(|f| f.get(id).map(|r| r.fiche.clone()))
    });
    if id.is_some() && existing.is_none() {
        return view! { <p class="empty" data-testid="not-found">{tx(lang, K::FicheNotFound)}</p> }
            .into_any();
    }
    let is_new = existing.is_none();
    let start =
        existing.unwrap_or_else(|| Fiche::new(uuid::Uuid::new_v4().to_string(), Utc::now()));
    let draft = RwSignal::new(FicheDraft::new(start, &defs, lang.get_untracked()));
    let errors: RwSignal<Vec<FieldError>> = RwSignal::new(Vec::new());
    let busy = RwSignal::new(false);
    // The save was refused: the fiche changed elsewhere (another tab) since this form opened.
    let conflict = RwSignal::new(false);
    // The save was refused: the fiche was deleted in another tab. Nothing here re-creates it
    // (no reload, no "save as new"): what was typed stays in the form to be copied.
    let deleted = RwSignal::new(false);
    let is_company = move || draft.with(|d| d.fiche.kind == FicheKind::Company);

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() || deleted.get_untracked() {
            return;
        }
        let defs = app.fields.get_untracked();
        let fiche = match draft.with_untracked(|d| d.to_fiche(&defs, clock::today())) {
            Ok(f) => f,
            Err(e) => {
                errors.set(e);
                return;
            }
        };
        busy.set(true);
        spawn_local(async move {
            match actions::save_fiche(app, fiche).await {
                Ok(saved) => {
                    errors.set(Vec::new());
                    go(&Route::Fiche(saved.id));
                }
                Err(AppError::Invalid(e)) => errors.set(e),
                Err(AppError::Storage(StorageError::Conflict { .. })) => conflict.set(true),
                Err(AppError::Storage(StorageError::Deleted { .. })) => {
                    conflict.set(false);
                    deleted.set(true);
                }
                Err(e) => app.report(e),
            }
            busy.set(false);
        });
    };
    // Starts the form again from the fiche as stored now; gone if it was deleted meanwhile.
    let reload = move |_| {
        let id = draft.with_untracked(|d| d.fiche.id.clone());
        spawn_local(async move {
            match actions::reload_fiche(app, id.clone()).await {
                Ok(Some(fiche)) => {
                    let defs = app.fields.get_untracked();
                    draft.set(FicheDraft::new(fiche, &defs, lang.get_untracked()));
                    errors.set(Vec::new());
                    conflict.set(false);
                }
                Ok(None) => {
                    app.notice
                        .set(Some(Notice::Storage(StorageError::NotFound { id })));
                    go(&Route::List);
                }
                Err(e) => app.report(e),
            }
        });
    };
    let cancel_to = if is_new {
        Route::List
    } else {
        Route::Fiche(draft.with_untracked(|d| d.fiche.id.clone()))
    };

    let (kind_get, kind_set) = (
        move || draft.with(|d| code(&d.fiche.kind)),
        move |v: String| draft.update(|d| d.fiche.kind = from_code(&v).unwrap_or_default()),
    );
    let (status_get, status_set) = (
        move || draft.with(|d| code(&d.fiche.status)),
        move |v: String| draft.update(|d| d.fiche.status = from_code(&v).unwrap_or_default()),
    );
    let (civ_get, civ_set) = bind_enum!(draft.civility);
    let (sex_get, sex_set) = bind_enum!(draft.sex);
    let (chan_get, chan_set) = bind_enum!(draft.preferred_channel);
    let (first_get, first_set) = bind!(draft.fiche.first_name);
    let (last_get, last_set) = bind!(draft.fiche.last_name);
    let (company_get, company_set) = bind!(draft.fiche.company);
    let (job_get, job_set) = bind!(draft.fiche.job_title);
    let (birth_get, birth_set) = bind!(draft.birth_date);
    let (web_get, web_set) = bind!(draft.fiche.website);
    let (sector_get, sector_set) = bind!(draft.fiche.sector);
    let (rev_get, rev_set) = bind!(draft.revenue);
    let (head_get, head_set) = bind!(draft.headcount);
    let (owner_get, owner_set) = bind!(draft.fiche.owner);
    let (source_get, source_set) = bind!(draft.fiche.source);
    let (fc_get, fc_set) = bind!(draft.first_contact);
    let (int_get, int_set) = bind!(draft.interests);
    let (tags_get, tags_set) = bind!(draft.tags);
    let (notes_get, notes_set) = bind!(draft.fiche.notes);

    view! {
        <form class="fiche-form" data-testid="fiche-form" novalidate on:submit=on_submit>
            <h1>{move || t(lang.get(), if is_new { K::FormNewTitle } else { K::FormEditTitle })}</h1>
            <Show when=move || errors.with(|e| !e.is_empty())>
                <p class="banner banner-error" role="alert" data-testid="form-errors">{tx(lang, K::FormHasErrors)}</p>
            </Show>
            <Show when=move || conflict.get()>
                <div class="banner banner-error conflict" role="alert" data-testid="form-conflict">
                    <p>
                        {move || storage_text(lang.get(), &StorageError::Conflict { id: String::new() })}
                        " "{tx(lang, K::ConflictHint)}
                    </p>
                    <button type="button" class="primary" data-testid="reload-fiche" on:click=reload>
                        {tx(lang, K::ReloadFiche)}
                    </button>
                </div>
            </Show>
            <Show when=move || deleted.get()>
                <div class="banner banner-error conflict" role="alert" data-testid="form-deleted">
                    <p>{move || storage_text(lang.get(), &StorageError::Deleted { id: String::new() })}</p>
                    <a href="#/">{tx(lang, K::Back)}</a>
                </div>
            </Show>
            {errors_for(errors, "name".into())}
            <fieldset class="group">
                <legend>{tx(lang, K::SecIdentity)}</legend>
                <div class="grid">
                    {select_input(K::FKind, "f-kind".into(), options(&[FicheKind::Person, FicheKind::Company], labels::fiche_kind, false), kind_get, kind_set)}
                    {select_input(K::FStatus, "f-status".into(), options(&[Status::Prospect, Status::Client], labels::status, false), status_get, status_set)}
                    {select_input(K::FCivility, "f-civility".into(), options(&[Civility::Mrs, Civility::Mr, Civility::Mx], labels::civility, true), civ_get, civ_set)}
                    {text_input(K::FFirstName, "f-first-name".into(), "first_name".into(), "text", errors, first_get, first_set)}
                    {text_input(K::FLastName, "f-last-name".into(), "last_name".into(), "text", errors, last_get, last_set)}
                    {text_input(K::FCompany, "f-company".into(), "company".into(), "text", errors, company_get, company_set)}
                    {text_input(K::FJobTitle, "f-job-title".into(), "job_title".into(), "text", errors, job_get, job_set)}
                    {select_input(K::FSex, "f-sex".into(), options(&[Sex::Female, Sex::Male, Sex::Other], labels::sex, true), sex_get, sex_set)}
                    {text_input(K::FBirthDate, "f-birth-date".into(), "birth_date".into(), "date", errors, birth_get, birth_set)}
                </div>
            </fieldset>
            <fieldset class="group">
                <legend>{tx(lang, K::SecContact)}</legend>
                <ContactRows draft errors/>
                <div class="grid">
                    {text_input(K::FWebsite, "f-website".into(), "website".into(), "url", errors, web_get, web_set)}
                </div>
            </fieldset>
            <details class="group" open=is_company()>
                <summary>{tx(lang, K::SecCompany)}</summary>
                <div class="grid">
                    {text_input(K::FSector, "f-sector".into(), "sector".into(), "text", errors, sector_get, sector_set)}
                    {text_input(K::FRevenue, "f-revenue".into(), "revenue".into(), "text", errors, rev_get, rev_set)}
                    {text_input(K::FHeadcount, "f-headcount".into(), "headcount".into(), "text", errors, head_get, head_set)}
                </div>
            </details>
            <details class="group">
                <summary>{tx(lang, K::SecRelationship)}</summary>
                <div class="grid">
                    {text_input(K::FOwner, "f-owner".into(), "owner".into(), "text", errors, owner_get, owner_set)}
                    {text_input(K::FSource, "f-source".into(), "source".into(), "text", errors, source_get, source_set)}
                    {text_input(K::FFirstContact, "f-first-contact".into(), "first_contact".into(), "date", errors, fc_get, fc_set)}
                    {select_input(K::FPreferredChannel, "f-channel".into(), options(&Channel::ALL, labels::channel, true), chan_get, chan_set)}
                </div>
            </details>
            <details class="group">
                <summary>{tx(lang, K::SecPreferences)}</summary>
                <div class="grid">
                    {text_input(K::FInterests, "f-interests".into(), "interests".into(), "text", errors, int_get, int_set)}
                    {text_input(K::FTags, "f-tags".into(), "tags".into(), "text", errors, tags_get, tags_set)}
                    {text_area(K::FNotes, "f-notes".into(), "notes".into(), errors, notes_get, notes_set)}
                    <p class="hint">{tx(lang, K::NotesHint)}</p>
                </div>
            </details>
            <details class="group">
                <summary>{tx(lang, K::SecConsent)}</summary>
                <ConsentRows draft errors/>
            </details>
            <Show when=move || !app.fields.with(Vec::is_empty)>
                <details class="group" open=true>
                    <summary>{tx(lang, K::SecCustom)}</summary>
                    <div class="grid">
                        {move || app.fields.get().into_iter().map(|def| custom_input(def, draft, errors)).collect_view()}
                    </div>
                </details>
            </Show>
            <div class="actions">
                <button type="submit" class="primary" data-testid="save-fiche" prop:disabled=move || busy.get() || deleted.get()>
                    {move || t(lang.get(), if busy.get() { K::Saving } else { K::Save })}
                </button>
                <button type="button" class="ghost" data-testid="cancel" on:click=move |_| go(&cancel_to)>
                    {tx(lang, K::Cancel)}
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// Phones, e-mails and addresses: several of each, with a label.
#[component]
fn ContactRows(draft: RwSignal<FicheDraft>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let lang = use_app().lang;
    // Lengths only: typing in a row must not redraw (and unfocus) the rows.
    let addresses = Memo::new(move |_| draft.with(|d| d.fiche.addresses.len()));
    view! {
        {labelled_rows(draft, errors, LabelledList::Phones)}
        {labelled_rows(draft, errors, LabelledList::Emails)}
        <h2 class="sub">{tx(lang, K::FAddresses)}</h2>
        {move || (0..addresses.get()).map(|i| {
            let (lg, ls) = bind_row!(draft, addresses, i, label);
            let (sg, ss) = bind_row!(draft, addresses, i, street);
            let (pg, ps) = bind_row!(draft, addresses, i, postal_code);
            let (cg, cs) = bind_row!(draft, addresses, i, city);
            let (rg, rs) = bind_row!(draft, addresses, i, region);
            let (ng, ns) = bind_row!(draft, addresses, i, country);
            view! {
                <div class="address grid">
                    {text_input(K::FLabel, format!("f-address-label-{i}"), format!("addresses.{i}.label"), "text", errors, lg, ls)}
                    {text_input(K::FStreet, format!("f-street-{i}"), format!("addresses.{i}.street"), "text", errors, sg, ss)}
                    {text_input(K::FPostalCode, format!("f-postal-code-{i}"), format!("addresses.{i}.postal_code"), "text", errors, pg, ps)}
                    {text_input(K::FCity, format!("f-city-{i}"), format!("addresses.{i}.city"), "text", errors, cg, cs)}
                    {text_input(K::FRegion, format!("f-region-{i}"), format!("addresses.{i}.region"), "text", errors, rg, rs)}
                    {text_input(K::FCountry, format!("f-country-{i}"), format!("addresses.{i}.country"), "text", errors, ng, ns)}
                    <button type="button" class="ghost small" on:click=move |_| draft.update(|d| { d.fiche.addresses.remove(i); })>{tx(lang, K::Remove)}</button>
                </div>
            }
        }).collect_view()}
        <button type="button" class="ghost small" data-testid="add-address"
            on:click=move |_| draft.update(|d| d.fiche.addresses.push(Address::default()))>{tx(lang, K::AddAddress)}</button>
    }
}

/// The two lists of labelled values a fiche has.
#[derive(Clone, Copy)]
enum LabelledList {
    Phones,
    Emails,
}

impl LabelledList {
    fn get(self, f: &Fiche) -> &Vec<Labelled> {
        match self {
            LabelledList::Phones => &f.phones,
            LabelledList::Emails => &f.emails,
        }
    }

    fn of(self, f: &mut Fiche) -> &mut Vec<Labelled> {
        match self {
            LabelledList::Phones => &mut f.phones,
            LabelledList::Emails => &mut f.emails,
        }
    }

    /// (field path and test id stem, input type, heading, value label, add button)
    fn words(self) -> (&'static str, &'static str, K, K, K) {
        match self {
            LabelledList::Phones => ("phone", "tel", K::FPhones, K::FPhone, K::AddPhone),
            LabelledList::Emails => ("email", "email", K::FEmails, K::FEmail, K::AddEmail),
        }
    }
}

/// Phones or e-mails: a label and a value per row, rows added and removed.
fn labelled_rows(
    draft: RwSignal<FicheDraft>,
    errors: RwSignal<Vec<FieldError>>,
    list: LabelledList,
) -> impl IntoView {
    let lang = use_app().lang;
    let (stem, input_type, heading, value_label, add_label) = list.words();
    // The length only: typing in a row must not redraw (and unfocus) the rows.
    let count = Memo::new(move |_| draft.with(|d| list.get(&d.fiche).len()));
    let cell = move |i: usize, value: bool| {
        (
            move || {
                draft.with(|d| {
                    list.get(&d.fiche)
                        .get(i)
                        .map(|r| {
                            if value {
                                r.value.clone()
                            } else {
                                r.label.clone()
                            }
                        })
                        .unwrap_or_default()
                })
            },
            move |v: String| {
                draft.update(|d| {
                    if let Some(r) = list.of(&mut d.fiche).get_mut(i) {
                        if value {
                            r.value = v
                        } else {
                            r.label = v
                        }
                    }
                })
            },
        )
    };
    view! {
        <h2 class="sub">{tx(lang, heading)}</h2>
        {move || (0..count.get()).map(|i| {
            let (lg, ls) = cell(i, false);
            let (vg, vs) = cell(i, true);
            view! {
                <div class="row">
                    {text_input(K::FLabel, format!("f-{stem}-label-{i}"), format!("{stem}s.{i}.label"), "text", errors, lg, ls)}
                    {text_input(value_label, format!("f-{stem}-{i}"), format!("{stem}s.{i}"), input_type, errors, vg, vs)}
                    <button type="button" class="ghost small" on:click=move |_| draft.update(|d| { list.of(&mut d.fiche).remove(i); })>{tx(lang, K::Remove)}</button>
                </div>
            }
        }).collect_view()}
        <button type="button" class="ghost small" data-testid=format!("add-{stem}")
            on:click=move |_| draft.update(|d| list.of(&mut d.fiche).push(Labelled::default()))>{tx(lang, add_label)}</button>
    }
}

/// Consent per marketing channel: state, date and proof.
#[component]
fn ConsentRows(draft: RwSignal<FicheDraft>, errors: RwSignal<Vec<FieldError>>) -> impl IntoView {
    let lang = use_app().lang;
    Channel::CONSENT
        .iter()
        .enumerate()
        .map(|(i, ch)| {
            let name = code(ch);
            let (sg, ss) = bind!(draft.consents[i].state);
            let (dg, ds) = bind!(draft.consents[i].date);
            let (pg, ps) = bind!(draft.consents[i].source);
            let states = vec![
                (String::new(), K::ConsentUnknown),
                ("granted".to_string(), K::ConsentGranted),
                ("withdrawn".to_string(), K::ConsentWithdrawn),
            ];
            let ch = *ch;
            view! {
                <div class="consent grid">
                    <h3 class="sub">{tx(lang, labels::channel(ch))}</h3>
                    {select_input(labels::channel(ch), format!("f-consent-{name}"), states, sg, ss)}
                    {text_input(K::ConsentDate, format!("f-consent-{name}-date"), format!("consents.{name}"), "date", errors, dg, ds)}
                    {text_input(K::ConsentSource, format!("f-consent-{name}-source"), format!("consents.{name}.source"), "text", errors, pg, ps)}
                </div>
            }
        })
        .collect_view()
}

/// The input for one custom field, by its kind.
fn custom_input(
    def: CustomFieldDef,
    draft: RwSignal<FicheDraft>,
    errors: RwSignal<Vec<FieldError>>,
) -> AnyView {
    let id = def.id.clone();
    let testid = format!("f-custom-{}", def.id);
    let path = format!("custom.{}", def.id);
    let get = {
        let id = id.clone();
        move || draft.with(|d| d.custom.get(&id).cloned().unwrap_or_default())
    };
    let set = {
        let id = id.clone();
        move |v: String| {
            draft.update(|d| {
                d.custom.insert(id.clone(), v);
            })
        }
    };
    let name = def.name.clone();
    match def.kind {
        CustomKind::LongText => view! {
            <label class="field field-wide">
                <span class="field-label">{name}</span>
                <textarea data-testid=testid rows="3" prop:value=get on:input=move |ev| set(event_target_value(&ev))></textarea>
                {errors_for(errors, path)}
            </label>
        }
        .into_any(),
        CustomKind::YesNo | CustomKind::Choice => {
            let lang = use_app().lang;
            // Yes and no follow the language switch; the user's choices are their own words.
            let choices: Vec<(String, Signal<String>)> = if def.kind == CustomKind::YesNo {
                let yes = Signal::derive(move || t(lang.get(), K::Yes).to_string());
                let no = Signal::derive(move || t(lang.get(), K::No).to_string());
                vec![("true".into(), yes), ("false".into(), no)]
            } else {
                def.options.iter().map(|o| (o.clone(), Signal::stored(o.clone()))).collect()
            };
            let current = Signal::derive(get);
            view! {
                <label class="field">
                    <span class="field-label">{name}</span>
                    <select data-testid=testid prop:value=move || current.get() on:change=move |ev| set(event_target_value(&ev))>
                        <option value="" selected=move || current.get().is_empty()>{tx(lang, K::NotSet)}</option>
                        {choices.into_iter().map(|(value, text)| {
                            let v = value.clone();
                            view! { <option value=value selected=move || current.get() == v>{text}</option> }
                        }).collect_view()}
                    </select>
                    {errors_for(errors, path)}
                </label>
            }
            .into_any()
        }
        CustomKind::MultiChoice => {
            let current = Signal::derive(get);
            view! {
                <fieldset class="field field-wide" data-testid=testid>
                    <legend class="field-label">{name}</legend>
                    {def.options.iter().map(|opt| {
                        let o = opt.clone();
                        let o2 = opt.clone();
                        let id = id.clone();
                        view! {
                            <label class="check">
                                <input type="checkbox" prop:checked=move || current.get().lines().any(|l| l == o)
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        draft.update(|d| {
                                            let raw = d.custom.entry(id.clone()).or_default();
                                            let mut chosen: Vec<String> = raw.lines().filter(|l| *l != o2).map(str::to_string).collect();
                                            if on { chosen.push(o2.clone()); }
                                            *raw = chosen.join("\n");
                                        });
                                    }/>
                                {opt.clone()}
                            </label>
                        }
                    }).collect_view()}
                    {errors_for(errors, path)}
                </fieldset>
            }
            .into_any()
        }
        kind => {
            let input_type = if kind == CustomKind::Date { "date" } else { "text" };
            view! {
                <label class="field">
                    <span class="field-label">{name}</span>
                    <input type=input_type data-testid=testid prop:value=get on:input=move |ev| set(event_target_value(&ev))/>
                    {errors_for(errors, path)}
                </label>
            }
            .into_any()
        }
    }
}
