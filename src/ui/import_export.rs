//! Import and export: pick or drop a file, see the plan (counts, column mapping, every problem
//! row), confirm; export CSV, vCard and JSON backups; restore a backup; undo the last import.

use std::sync::Arc;

use super::tx;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::device_files::{dated_name, download, dropped_file, picked_file, read_bytes};
use crate::domain::codec::csv_import::{report_csv, HistoryPlan, ImportPlan};
use crate::domain::codec::csv_write::{default_columns, header, summary_columns, Column, Variant};
use crate::domain::codec::json_backup::{parse_backup, Backup};
use crate::domain::codec::mapping::{AddressPart, ListSplit, Mapping, Target};
use crate::domain::codec::plan::{FichePlan, OnMatch, RowError};
use crate::domain::codec::text::Encoding;
use crate::domain::custom_field::CustomFieldDef;
use crate::domain::dates::format_date;
use crate::i18n::transfer::{
    backup_error_text, import_problem_text, read_error_text, target_text, text_error_text,
};
use crate::i18n::{t, tf, tn, Lang, K};
use crate::state::clock;
use crate::state::draft::{code, from_code};
use crate::state::segments::listed_ids;
use crate::state::transfer::{self, RestoreMode};
use crate::state::ImportBatchInfo;
use crate::state::{platform, use_app, AppError, AppState};

#[component]
pub fn ImportExportPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    // Bumped after every import or undo so the undo box reads the last batch again.
    let imports = RwSignal::new(0u32);
    view! {
        <section class="files-page" data-testid="files-page">
            <h1>{tx(lang, K::FilesTitle)}</h1>
            <ImportFiches imports/>
            <ImportHistory imports/>
            <UndoImport imports/>
            <ExportBox/>
            <BackupBox/>
        </section>
    }
}

/// Tells the user what went wrong with a file; nothing was written.
fn error_line(error: RwSignal<Option<String>>) -> impl IntoView {
    move || {
        error.get().map(|e| view! { <p class="banner banner-error" role="alert" data-testid="file-error">{e}</p> })
    }
}

fn progress_bar(progress: RwSignal<Option<(usize, usize)>>) -> impl IntoView {
    move || {
        progress.get().map(|(done, total)| {
            view! {
                <progress data-testid="import-progress" max=total.max(1).to_string() value=done.to_string()>
                    {format!("{done}/{total}")}
                </progress>
            }
        })
    }
}

/// The counts of a plan, each with its test id.
fn stats(lang: Lang, items: Vec<(K, usize, &'static str)>) -> impl IntoView {
    view! {
        <dl class="stats">
            {items.into_iter().map(|(k, n, testid)| view! {
                <div><dt>{t(lang, k)}</dt><dd data-testid=testid>{n}</dd></div>
            }).collect_view()}
        </dl>
    }
}

/// A file read partly as UTF-8 and partly as Windows-1252: the user checks the accents.
fn mixed_encoding(lang: Lang, encoding: Encoding) -> impl IntoView {
    (encoding == Encoding::Utf8AndWindows1252).then(|| {
        view! { <p class="banner banner-info" role="status" data-testid="mixed-encoding">{t(lang, K::MixedEncoding)}</p> }
    })
}

/// The problem rows of a plan, with their count.
fn problems(lang: Lang, errors: &[RowError]) -> impl IntoView {
    view! {
        <h3>{tn(lang, K::ProblemsCount, errors.len(), &[])}</h3>
        {problems_table(lang, errors)}
    }
}

/// Confirm (disabled while there is nothing to write or while writing), the report download
/// when there are problems, cancel; then the progress bar. Shared by both import previews.
fn plan_actions(
    lang: RwSignal<Lang>,
    testid: &'static str,
    nothing: bool,
    progress: RwSignal<Option<(usize, usize)>>,
    errors: Vec<RowError>,
    confirm: Callback<()>,
    cancel: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    let report = (!errors.is_empty()).then(|| {
        view! {
            <button type="button" class="ghost" data-testid="download-report"
                on:click=move |_| download_report(app, lang.get_untracked(), &errors)>{tx(lang, K::DownloadReport)}</button>
        }
    });
    view! {
        <div class="actions">
            <button type="button" class="primary" data-testid=format!("confirm-{testid}")
                prop:disabled=move || nothing || progress.get().is_some()
                on:click=move |_| confirm.run(())>
                {move || t(lang.get(), if progress.get().is_some() { K::Importing } else if nothing { K::NothingToImport } else { K::ConfirmImport })}
            </button>
            {report}
            <button type="button" class="ghost" data-testid=format!("cancel-{testid}") on:click=move |_| cancel.run(())>{tx(lang, K::Cancel)}</button>
        </div>
        {progress_bar(progress)}
    }
}

/// What a finished import says, until the next file.
fn done_line(done: RwSignal<Option<String>>, testid: &'static str) -> impl IntoView {
    move || {
        done.get()
            .map(|d| view! { <p class="ok" role="status" data-testid=testid>{d}</p> })
    }
}

/// A drop zone with a file button; `on_file` gets the bytes and the file name.
/// A file input with a drop zone. `reading` is set while the file is read and until the owner,
/// done with it (planned, parsed), clears it: a large file holds the page for a second or two,
/// and the status line is painted before that starts.
fn file_picker(
    lang: RwSignal<Lang>,
    testid: &'static str,
    accept: &'static str,
    on_file: Callback<(String, Vec<u8>)>,
    error: RwSignal<Option<String>>,
    reading: RwSignal<bool>,
) -> impl IntoView {
    let dragging = RwSignal::new(false);
    let take = move |file: web_sys::File| {
        let name = file.name();
        reading.set(true);
        spawn_local(async move {
            match read_bytes(&file).await {
                Ok(bytes) => {
                    platform::painted().await;
                    on_file.run((name, bytes));
                }
                Err(e) => {
                    reading.set(false);
                    error.set(Some(e));
                }
            }
        });
    };
    view! {
        <div class="dropzone" class:dragging=move || dragging.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); dragging.set(true); }
            on:dragleave=move |_| dragging.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                dragging.set(false);
                if let Some(f) = dropped_file(&ev) { take(f) }
            }>
            <span>{tx(lang, K::DropHere)}</span>
            <label class="file-button">
                <span>{tx(lang, K::ChooseFile)}</span>
                <input type="file" class="sr-only" data-testid=testid accept=accept
                    on:change=move |ev| if let Some(f) = picked_file(&ev) { take(f) }/>
            </label>
            {move || reading.get().then(|| view! {
                <span class="muted" role="status" data-testid=format!("{testid}-reading")>{tx(lang, K::Reading)}</span>
            })}
        </div>
    }
}

fn problems_table(lang: Lang, errors: &[RowError]) -> AnyView {
    if errors.is_empty() {
        return view! { <p class="muted" data-testid="no-problems">{t(lang, K::NoProblems)}</p> }
            .into_any();
    }
    // A file with thousands of bad rows stays readable; the downloadable report has them all.
    const SHOWN: usize = 500;
    let more = errors.len().saturating_sub(SHOWN);
    view! {
        <div class="table-wrap">
            <table class="problems" data-testid="problems">
                <thead><tr>
                    <th>{t(lang, K::Line)}</th><th>{t(lang, K::Column)}</th>
                    <th>{t(lang, K::Value)}</th><th>{t(lang, K::Reason)}</th>
                </tr></thead>
                <tbody>
                    {errors.iter().take(SHOWN).map(|e| view! {
                        <tr data-testid="problem-row" data-line=e.line.to_string()>
                            <td class="num">{e.line.to_string()}</td>
                            <td>{e.column.clone()}</td>
                            <td class="value">{e.value.clone()}</td>
                            <td>
                                {import_problem_text(lang, &e.problem)}
                                {e.kept_in_notes.then(|| view! { <span class="badge">{t(lang, K::KeptInNotes)}</span> })}
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            {(more > 0).then(|| view! { <p class="muted">{format!("… +{more}")}</p> })}
        </div>
    }
    .into_any()
}

fn download_report(app: AppState, lang: Lang, errors: &[RowError]) {
    let text = report_csv(errors, &|e| import_problem_text(lang, &e.problem));
    download(
        app,
        &dated_name("carnet-rapport-import", "csv"),
        "text/csv;charset=utf-8",
        text.as_bytes(),
    );
}

/// The targets a column can be sent to, the current one first.
fn target_choices(current: &Target, defs: &[CustomFieldDef]) -> Vec<Target> {
    let addr = |part| Target::Address {
        slot: 0,
        part,
        label: String::new(),
    };
    let mut out = vec![
        current.clone(),
        Target::Ignore,
        Target::FirstName,
        Target::LastName,
        Target::FullName,
        Target::Civility,
        Target::Company,
        Target::JobTitle,
        Target::Email {
            slot: 0,
            label: String::new(),
        },
        Target::Phone {
            slot: 0,
            label: String::new(),
        },
        addr(AddressPart::Street),
        addr(AddressPart::PostalCode),
        addr(AddressPart::City),
        addr(AddressPart::Region),
        addr(AddressPart::Country),
        Target::Website,
        Target::BirthDate,
        Target::Sex,
        Target::Kind,
        Target::Status,
        Target::Sector,
        Target::Revenue,
        Target::Headcount,
        Target::Owner,
        Target::Source,
        Target::FirstContact,
        Target::PreferredChannel,
        Target::Interests {
            split: ListSplit::Auto,
        },
        Target::Tags {
            split: ListSplit::Auto,
        },
        Target::Notes,
        Target::NoteLine,
        Target::ExternalId {
            system: "import".into(),
        },
    ];
    out.extend(defs.iter().map(|d| Target::Custom { id: d.id.clone() }));
    let mut seen = Vec::new();
    out.retain(|t| {
        let fresh = !seen.contains(t);
        seen.push(t.clone());
        fresh
    });
    out
}

/// A plan of fiches waiting for confirmation.
#[derive(Clone, PartialEq)]
enum Pending {
    Csv(ImportPlan),
    Vcard(FichePlan),
}

impl Pending {
    fn fiches(&self) -> &FichePlan {
        match self {
            Pending::Csv(p) => &p.fiches,
            Pending::Vcard(p) => p,
        }
    }
}

/// What an import's confirmation updates once its write is over: its result line, its preview
/// (`close`), the undo box and the progress bar.
#[derive(Clone, Copy)]
struct Imported {
    done: RwSignal<Option<String>>,
    close: Callback<()>,
    imports: RwSignal<u32>,
    progress: RwSignal<Option<(usize, usize)>>,
}

/// After an import's write: what it did said (or its failure in the banner), the preview
/// closed, the undo box told to look again.
fn settle(app: AppState, result: Result<(), AppError>, said: impl FnOnce() -> String, s: Imported) {
    match result {
        Ok(()) => {
            s.done.set(Some(said()));
            s.close.run(());
            s.imports.update(|n| *n += 1);
        }
        Err(e) => app.report(e),
    }
    s.progress.set(None);
}

fn is_vcard(name: &str, bytes: &[u8]) -> bool {
    let lower = name.to_ascii_lowercase();
    let start: Vec<u8> = bytes
        .iter()
        .copied()
        .skip_while(|b| *b == 0xEF || *b == 0xBB || *b == 0xBF || b.is_ascii_whitespace())
        .take(11)
        .collect();
    lower.ends_with(".vcf")
        || lower.ends_with(".vcard")
        || start.eq_ignore_ascii_case(b"BEGIN:VCARD")
}

#[component]
fn ImportFiches(imports: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let name = RwSignal::new(String::new());
    let bytes: StoredValue<Vec<u8>> = StoredValue::new(Vec::new());
    let saved: StoredValue<Vec<Mapping>> = StoredValue::new(Vec::new());
    let mapping: RwSignal<Option<Mapping>> = RwSignal::new(None);
    let on_match = RwSignal::new(OnMatch::Update);
    // Shared, not cloned, by the preview and the confirm button: a plan can hold 100k fiches.
    let pending: RwSignal<Option<Arc<Pending>>> = RwSignal::new(None);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let reading = RwSignal::new(false);
    let progress: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let done: RwSignal<Option<String>> = RwSignal::new(None);

    let replan = move |app: AppState| {
        let l = lang.get_untracked();
        let n = name.get_untracked();
        let result = bytes.with_value(|b| {
            if is_vcard(&n, b) {
                transfer::plan_vcard(app, b, on_match.get_untracked())
                    .map(Pending::Vcard)
                    .map_err(|e| text_error_text(l, &e))
            } else {
                saved
                    .with_value(|s| {
                        transfer::plan_csv(
                            app,
                            b,
                            mapping.get_untracked().as_ref(),
                            s,
                            on_match.get_untracked(),
                        )
                    })
                    .map(Pending::Csv)
                    .map_err(|e| read_error_text(l, &e))
            }
        });
        match result {
            Ok(p) => {
                if let Pending::Csv(plan) = &p {
                    mapping.set(Some(plan.mapping.clone()));
                }
                error.set(None);
                pending.set(Some(Arc::new(p)));
            }
            Err(e) => {
                pending.set(None);
                error.set(Some(e));
            }
        }
    };
    let on_file = Callback::new(move |(file_name, data): (String, Vec<u8>)| {
        done.set(None);
        mapping.set(None);
        name.set(file_name);
        bytes.set_value(data);
        spawn_local(async move {
            saved.set_value(transfer::saved_mappings().await.unwrap_or_default());
            replan(app);
            reading.set(false);
        });
    });
    let set_target = move |column: usize, target: Target| {
        mapping.update(|m| {
            if let Some(t) = m.as_mut().and_then(|m| m.targets.get_mut(column)) {
                *t = target;
            }
        });
        replan(app);
    };
    let signals = Imported {
        done,
        close: Callback::new(move |()| pending.set(None)),
        imports,
        progress,
    };
    let confirm = Callback::new(move |()| {
        let Some(p) = pending.get_untracked() else {
            return;
        };
        let label = name.get_untracked();
        let used = match &*p {
            Pending::Csv(plan) => Some(plan.mapping.clone()),
            Pending::Vcard(_) => None,
        };
        progress.set(Some((
            0,
            p.fiches().to_create.len() + p.fiches().to_update.len(),
        )));
        spawn_local(async move {
            let report = move |d: usize, total: usize| progress.set(Some((d, total)));
            let result = transfer::apply_fiches(app, p.fiches(), used, &label, &report).await;
            let said = || {
                let (f, l) = (p.fiches(), lang.get_untracked());
                let created = tn(l, K::FichesCreated, f.created(), &[]);
                let updated = tn(l, K::FichesUpdated, f.updated(), &[]);
                let values = [("created", created.as_str()), ("updated", &updated)];
                tf(l, K::ImportDoneFiches, &values)
            };
            settle(app, result, said, signals);
        });
    });
    let cancel = signals.close;

    view! {
        <section class="card" data-testid="import-fiches">
            <h2>{tx(lang, K::ImportTitle)}</h2>
            <p class="hint">{tx(lang, K::ImportHelp)}</p>
            {file_picker(lang, "import-file", ".csv,.txt,.tsv,.vcf,.vcard,text/csv,text/vcard", on_file, error, reading)}
            {error_line(error)}
            {done_line(done, "import-done")}
            {move || pending.get().map(|p| {
                let l = lang.get();
                let defs = app.fields.get();
                let f = p.fiches();
                let nothing = f.to_create.is_empty() && f.to_update.is_empty();
                view! {
                    <div class="preview" data-testid="import-preview">
                        <h3>{tf(l, K::PreviewOf, &[("name", &name.get())])}</h3>
                        {match &*p {
                            Pending::Csv(plan) => view! {
                                <p class="muted">{tf(l, K::EncodingLine, &[
                                    ("encoding", &format!("{:?}", plan.encoding)),
                                    ("delimiter", &if plan.delimiter == b'\t' { t(l, K::Tab).to_string() } else { (plan.delimiter as char).to_string() }),
                                ])}</p>
                                {mixed_encoding(l, plan.encoding)}
                            }.into_any(),
                            Pending::Vcard(_) => view! { <p class="muted">"vCard"</p> }.into_any(),
                        }}
                        {stats(l, vec![
                            (K::WillCreate, f.created(), "plan-create"),
                            (K::WillUpdate, f.updated(), "plan-update"),
                            (K::WillSkip, f.skipped(), "plan-skip"),
                            (K::Invalid, f.invalid(), "plan-invalid"),
                        ])}
                        <label class="field">
                            <span class="field-label">{t(l, K::OnMatchLabel)}</span>
                            <select data-testid="on-match" on:change=move |ev| {
                                on_match.set(from_code(&event_target_value(&ev)).unwrap_or_default());
                                replan(app);
                            }>
                                {[(OnMatch::Update, K::OnMatchUpdate), (OnMatch::Create, K::OnMatchCreate), (OnMatch::Skip, K::OnMatchSkip)].into_iter().map(|(v, k)| view! {
                                    <option value=code(&v) selected=on_match.get_untracked() == v>{t(l, k)}</option>
                                }).collect_view()}
                            </select>
                        </label>
                        {match &*p {
                            Pending::Csv(plan) => mapping_table(l, plan, &defs, set_target).into_any(),
                            Pending::Vcard(_) => ().into_any(),
                        }}
                        {problems(l, &f.errors)}
                        {plan_actions(lang, "import", nothing, progress, f.errors.clone(), confirm, cancel)}
                    </div>
                }
            })}
        </section>
    }
}

fn mapping_table(
    lang: Lang,
    plan: &ImportPlan,
    defs: &[CustomFieldDef],
    set_target: impl Fn(usize, Target) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let rows: Vec<(usize, String, Vec<Target>)> = plan
        .mapping
        .headers
        .iter()
        .zip(&plan.mapping.targets)
        .enumerate()
        .map(|(i, (h, target))| (i, h.clone(), target_choices(target, defs)))
        .collect();
    let defs = defs.to_vec();
    let ignored = plan.ignored_columns.clone();
    view! {
        <details class="mapping" open=true>
            <summary>{t(lang, K::MappingTitle)}</summary>
            <div class="table-wrap">
                <table data-testid="mapping">
                    <thead><tr><th>{t(lang, K::ColumnHeader)}</th><th>{t(lang, K::ColumnTarget)}</th></tr></thead>
                    <tbody>
                        {rows.into_iter().map(|(i, h, choices)| {
                            let texts: Vec<String> = choices.iter().map(|c| target_text(lang, c, &defs)).collect();
                            view! {
                                <tr>
                                    <td>{h}</td>
                                    <td>
                                        <select data-testid=format!("map-{i}") on:change=move |ev| {
                                            if let Some(t) = event_target_value(&ev).parse::<usize>().ok().and_then(|k| choices.get(k)) {
                                                set_target(i, t.clone());
                                            }
                                        }>
                                            {texts.into_iter().enumerate().map(|(k, text)| view! {
                                                <option value=k.to_string() selected=k == 0>{text}</option>
                                            }).collect_view()}
                                        </select>
                                    </td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {(!ignored.is_empty()).then(|| view! {
                <p class="hint">{tf(lang, K::IgnoredWithValues, &[("columns",
                    &ignored.iter().map(|(h, n)| format!("{h} ({n})")).collect::<Vec<_>>().join(", "))])}</p>
            })}
        </details>
    }
}

#[component]
fn ImportHistory(imports: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let name = RwSignal::new(String::new());
    let pending: RwSignal<Option<Arc<HistoryPlan>>> = RwSignal::new(None);
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let reading = RwSignal::new(false);
    let progress: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let done: RwSignal<Option<String>> = RwSignal::new(None);
    let on_file = Callback::new(move |(file_name, data): (String, Vec<u8>)| {
        done.set(None);
        name.set(file_name);
        spawn_local(async move {
            match transfer::plan_history(app, &data).await {
                Ok(Ok(plan)) => {
                    error.set(None);
                    pending.set(Some(Arc::new(plan)));
                }
                Ok(Err(e)) => {
                    pending.set(None);
                    error.set(Some(read_error_text(lang.get_untracked(), &e)));
                }
                Err(e) => app.report(e),
            }
            reading.set(false);
        });
    });
    let signals = Imported {
        done,
        close: Callback::new(move |()| pending.set(None)),
        imports,
        progress,
    };
    let confirm = Callback::new(move |()| {
        let Some(plan) = pending.get_untracked() else {
            return;
        };
        let label = name.get_untracked();
        progress.set(Some((0, plan.entries.len())));
        spawn_local(async move {
            let report = move |d: usize, total: usize| progress.set(Some((d, total)));
            let result = transfer::apply_history(app, &plan, &label, &report).await;
            let said = || {
                let l = lang.get_untracked();
                let entries = tn(l, K::EventsAdded, plan.entries.len(), &[]);
                tf(l, K::ImportDoneHistory, &[("entries", &entries)])
            };
            settle(app, result, said, signals);
        });
    });
    let cancel = signals.close;
    view! {
        <section class="card" data-testid="import-history">
            <h2>{tx(lang, K::HistoryImportTitle)}</h2>
            <p class="hint">{tx(lang, K::HistoryImportHelp)}</p>
            {file_picker(lang, "history-file", ".csv,.txt,.tsv,text/csv", on_file, error, reading)}
            {error_line(error)}
            {done_line(done, "history-done")}
            {move || pending.get().map(|plan| {
                let l = lang.get();
                let nothing = plan.entries.is_empty();
                view! {
                    <div class="preview" data-testid="history-preview">
                        {mixed_encoding(l, plan.encoding)}
                        {stats(l, vec![
                            (K::EntriesToAdd, plan.entries.len(), "history-entries"),
                            (K::RowsRejected, plan.rejected, "history-rejected"),
                            (K::AlreadyThere, plan.duplicates, "history-duplicates"),
                        ])}
                        {problems(l, &plan.errors)}
                        {plan_actions(lang, "history", nothing, progress, plan.errors.clone(), confirm, cancel)}
                    </div>
                }
            })}
        </section>
    }
}

#[component]
fn UndoImport(imports: RwSignal<u32>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let last: RwSignal<Option<ImportBatchInfo>> = RwSignal::new(None);
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(false);
    Effect::new(move |_| {
        imports.track();
        spawn_local(async move {
            match transfer::last_import().await {
                Ok(info) => last.set(info),
                Err(e) => app.report(e),
            }
        });
    });
    let undo = move |_| {
        spawn_local(async move {
            match transfer::undo_import(app).await {
                Ok(()) => {
                    done.set(true);
                    confirming.set(false);
                    imports.update(|n| *n += 1);
                }
                Err(e) => app.report(e),
            }
        });
    };
    view! {
        <section class="card" data-testid="undo-import">
            <h2>{tx(lang, K::UndoTitle)}</h2>
            {move || done.get().then(|| view! { <p class="ok" role="status" data-testid="undo-done">{tx(lang, K::UndoDone)}</p> })}
            {move || match last.get() {
                None => view! { <p class="muted">{tx(lang, K::NoImport)}</p> }.into_any(),
                Some(info) => {
                    let l = lang.get();
                    view! {
                        <p data-testid="last-import">{tf(l, K::LastImport, &[
                            ("label", &info.label),
                            ("date", &format_date(clock::local_day(info.at), l)),
                            ("created", &tn(l, K::FichesCreated, info.created, &[])),
                            ("updated", &tn(l, K::FichesUpdated, info.updated, &[])),
                            ("entries", &tn(l, K::EventsAdded, info.entries, &[])),
                        ])}</p>
                        <Show when=move || confirming.get()
                            fallback=move || view! { <button type="button" class="danger" data-testid="undo-import-button" on:click=move |_| { done.set(false); confirming.set(true) }>{tx(lang, K::UndoButton)}</button> }>
                            <div class="confirm" role="alertdialog">
                                <p>{tx(lang, K::UndoConfirm)}</p>
                                <button type="button" class="danger" data-testid="confirm-undo" on:click=undo>{tx(lang, K::UndoButton)}</button>
                                <button type="button" class="ghost" on:click=move |_| confirming.set(false)>{tx(lang, K::Cancel)}</button>
                            </div>
                        </Show>
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ExportBox() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let listed = RwSignal::new(false);
    let variant = RwSignal::new(Variant::FrenchExcel);
    let columns: Memo<Vec<Column>> = Memo::new(move |_| {
        let defs = app.fields.get();
        // Recomputed after every change of the file: the fiches are read, not cloned.
        let mut cols = app
            .file
            .with(|f| default_columns(f.records().iter().map(|r| &r.fiche), &defs));
        cols.extend(summary_columns());
        cols
    });
    // Columns the user unticked; everything else is exported.
    let unticked: RwSignal<Vec<Column>> = RwSignal::new(Vec::new());
    let ids = move || -> Option<Vec<String>> {
        // The list's search and filter, in the list's order.
        listed.get_untracked().then(|| listed_ids(app))
    };
    let export_csv = move |_| {
        let cols: Vec<Column> = columns
            .get_untracked()
            .into_iter()
            .filter(|c| !unticked.with_untracked(|u| u.contains(c)))
            .collect();
        let text = transfer::csv_of(app, ids().as_deref(), &cols, variant.get_untracked());
        download(
            app,
            &dated_name("carnet", "csv"),
            "text/csv;charset=utf-8",
            text.as_bytes(),
        );
    };
    let export_vcard = move |_| {
        let text = transfer::vcards_of(app, ids().as_deref());
        download(
            app,
            &dated_name("carnet", "vcf"),
            "text/vcard;charset=utf-8",
            text.as_bytes(),
        );
    };
    view! {
        <section class="card" data-testid="export">
            <h2>{tx(lang, K::ExportTitle)}</h2>
            <div class="grid">
                <label class="field">
                    <span class="field-label">{tx(lang, K::ExportScope)}</span>
                    <select data-testid="export-scope" on:change=move |ev| listed.set(event_target_value(&ev) == "listed")>
                        <option value="all" selected=true>{tx(lang, K::ScopeAll)}</option>
                        <option value="listed">{tx(lang, K::ScopeListed)}</option>
                    </select>
                </label>
                <label class="field">
                    <span class="field-label">{tx(lang, K::Variant)}</span>
                    <select data-testid="export-variant" on:change=move |ev| variant.set(from_code(&event_target_value(&ev)).unwrap_or_default())>
                        <option value=code(&Variant::FrenchExcel) selected=true>{tx(lang, K::VariantFrench)}</option>
                        <option value=code(&Variant::Standard)>{tx(lang, K::VariantStandard)}</option>
                    </select>
                </label>
            </div>
            <details class="columns">
                <summary>{tx(lang, K::Columns)}</summary>
                <div class="column-list">
                    {move || {
                        let defs = app.fields.get();
                        columns.get().into_iter().map(|c| {
                            let text = header(&c, &defs, variant.get());
                            let c2 = c.clone();
                            view! {
                                <label class="check">
                                    <input type="checkbox" prop:checked=move || !unticked.with(|u| u.contains(&c))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            unticked.update(|u| { u.retain(|x| x != &c2); if !on { u.push(c2.clone()) } });
                                        }/>
                                    {text}
                                </label>
                            }
                        }).collect_view()
                    }}
                </div>
            </details>
            <div class="actions">
                <button type="button" class="primary" data-testid="export-csv" on:click=export_csv>{tx(lang, K::ExportCsv)}</button>
                <button type="button" data-testid="export-vcard" on:click=export_vcard>{tx(lang, K::ExportVcard)}</button>
            </div>
        </section>
    }
}

#[component]
fn BackupBox() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let error: RwSignal<Option<String>> = RwSignal::new(None);
    let reading = RwSignal::new(false);
    let pending: RwSignal<Option<Backup>> = RwSignal::new(None);
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let progress: RwSignal<Option<(usize, usize)>> = RwSignal::new(None);
    let backup = move |_| {
        spawn_local(async move {
            match transfer::backup_json(app).await {
                Ok(text) => {
                    download(
                        app,
                        &dated_name("carnet-sauvegarde", "json"),
                        "application/json",
                        text.as_bytes(),
                    );
                }
                Err(e) => app.report(e),
            }
        });
    };
    let on_file = Callback::new(move |(_, data): (String, Vec<u8>)| {
        done.set(false);
        confirming.set(false);
        match parse_backup(&data) {
            Ok(b) => {
                error.set(None);
                pending.set(Some(b));
            }
            Err(e) => {
                pending.set(None);
                error.set(Some(backup_error_text(lang.get_untracked(), &e)));
            }
        }
        reading.set(false);
    });
    let restore = move |mode: RestoreMode| {
        let Some(b) = pending.get_untracked() else {
            return;
        };
        busy.set(true);
        spawn_local(async move {
            let report = move |d: usize, total: usize| progress.set(Some((d, total)));
            match transfer::restore(app, b, mode, &report).await {
                Ok(()) => {
                    pending.set(None);
                    done.set(true);
                }
                Err(e) => app.report(e),
            }
            busy.set(false);
            progress.set(None);
            confirming.set(false);
        });
    };
    view! {
        <section class="card" data-testid="backup">
            <h2>{tx(lang, K::BackupTitle)}</h2>
            <p class="hint">{tx(lang, K::BackupHelp)}</p>
            <button type="button" class="primary" data-testid="backup-json" on:click=backup>{tx(lang, K::BackupButton)}</button>
            <h2 class="restore-title">{tx(lang, K::RestoreTitle)}</h2>
            <p class="hint">{tx(lang, K::RestoreHelp)}</p>
            {file_picker(lang, "restore-file", ".json,application/json", on_file, error, reading)}
            {error_line(error)}
            {move || done.get().then(|| view! { <p class="ok" role="status" data-testid="restore-done">{tx(lang, K::RestoreDone)}</p> })}
            {move || pending.get().map(|b| {
                let l = lang.get();
                view! {
                    <div class="preview" data-testid="restore-preview">
                        <p>{tf(l, K::BackupOf, &[
                            ("date", &format_date(clock::local_day(b.exported_at), l)),
                            ("fiches", &tn(l, K::Fiches, b.fiches.len(), &[])),
                            ("entries", &tn(l, K::Events, b.history.len(), &[])),
                        ])}</p>
                        <div class="actions">
                            <button type="button" data-testid="restore-merge" prop:disabled=move || busy.get()
                                on:click=move |_| restore(RestoreMode::Merge)>{t(l, K::RestoreMerge)}</button>
                            <button type="button" class="danger" data-testid="restore-replace" prop:disabled=move || busy.get()
                                on:click=move |_| confirming.set(true)>{t(l, K::RestoreReplace)}</button>
                        </div>
                        <Show when=move || confirming.get()>
                            <div class="confirm" role="alertdialog">
                                <p>{tx(lang, K::RestoreConfirmReplace)}</p>
                                <button type="button" class="danger" data-testid="confirm-restore" prop:disabled=move || busy.get()
                                    on:click=move |_| restore(RestoreMode::Replace)>{tx(lang, K::RestoreReplace)}</button>
                                <button type="button" class="ghost" on:click=move |_| confirming.set(false)>{tx(lang, K::Cancel)}</button>
                            </div>
                        </Show>
                        {progress_bar(progress)}
                    </div>
                }
            })}
        </section>
    }
}
