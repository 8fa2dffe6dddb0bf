//! Settings: the user's own fields, demo data, and what "private" means here.

use super::tx;
use leptos::prelude::*;

use super::demo::DemoButton;
use leptos::task::spawn_local;

use crate::domain::custom_field::{CustomFieldDef, CustomKind};
use crate::domain::dates::format_date;
use crate::domain::field_removal::RemovalMode;
use crate::domain::segment::Thresholds;
use crate::domain::summary::Summary;
use crate::i18n::{format_bytes, labels, t, tf, tn, K};
use crate::state::clock;
use crate::state::draft::{code, from_code};
use crate::state::platform::{self, StorageInfo};
use crate::state::prefs::Prefs;
use crate::state::{actions, use_app, AppState};

fn save(app: AppState, defs: Vec<CustomFieldDef>) {
    spawn_local(async move {
        if let Err(e) = actions::save_fields(app, defs).await {
            app.report(e);
        }
    });
}

#[component]
pub fn SettingsPage() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    view! {
        <section class="settings-page" data-testid="settings-page">
            <h1>{tx(lang, K::SettingsTitle)}</h1>
            <section class="card">
                <h2>{tx(lang, K::CustomFieldsTitle)}</h2>
                <p class="hint">{tx(lang, K::CustomFieldsHelp)}</p>
                <FieldList/>
                <NewField/>
            </section>
            <TypesCard/>
            <section class="card">
                <h2>{tx(lang, K::DemoTitle)}</h2>
                <p class="hint">{tx(lang, K::DemoHelp)}</p>
                <Show when=move || app.file.with(|f| f.is_empty())
                    fallback=move || view! { <p class="muted">{tx(lang, K::DemoOnlyEmpty)}</p> }>
                    <DemoButton/>
                </Show>
            </section>
            <section class="card">
                <h2>{tx(lang, K::AboutTitle)}</h2>
                <p>{tx(lang, K::AboutText)}</p>
            </section>
            <StorageCard/>
            <section class="card">
                <h2>{tx(lang, K::ShortcutsTitle)}</h2>
                <dl class="details shortcuts">
                    <div><dt><kbd>"n"</kbd>" · "<kbd>"Alt+N"</kbd></dt><dd>{tx(lang, K::ShortcutNew)}</dd></div>
                    <div><dt><kbd>"/"</kbd></dt><dd>{tx(lang, K::ShortcutSearch)}</dd></div>
                </dl>
            </section>
        </section>
    }
}

/// Storage used and available, whether it is persistent, and the last backup.
#[component]
fn StorageCard() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    // `None` until the browser answers (it takes a few milliseconds).
    let info: RwSignal<Option<StorageInfo>> = RwSignal::new(None);
    spawn_local(async move { info.set(Some(platform::storage().await.unwrap_or_default())) });
    let bytes = move |pick: fn(&StorageInfo) -> Option<f64>| {
        move || match info.get().map(|i| pick(&i)) {
            None => "…".to_string(),
            Some(Some(b)) => format_bytes(lang.get(), b),
            Some(None) => t(lang.get(), K::StorageUnknown).to_string(),
        }
    };
    let persisted = move || match info.get() {
        None => "…",
        Some(i) => t(
            lang.get(),
            match i.persisted {
                Some(true) => K::PersistGranted,
                Some(false) => K::PersistRefused,
                None => K::StorageUnknown,
            },
        ),
    };
    let last_backup = move || match app.last_backup.get() {
        Some(at) => format_date(clock::local_day(at), lang.get()),
        None => t(lang.get(), K::NeverBackedUp).to_string(),
    };
    view! {
        <section class="card" data-testid="storage-card">
            <h2>{tx(lang, K::StorageTitle)}</h2>
            <p class="hint">{tx(lang, K::OfflineText)}</p>
            <dl class="details">
                <div><dt>{tx(lang, K::StorageUsed)}</dt><dd data-testid="storage-used">{bytes(|i| i.usage)}</dd></div>
                <div><dt>{tx(lang, K::StorageQuota)}</dt><dd data-testid="storage-quota">{bytes(|i| i.quota)}</dd></div>
                <div><dt>{tx(lang, K::StoragePersistent)}</dt><dd data-testid="storage-persisted">{persisted}</dd></div>
                <div><dt>{tx(lang, K::LastBackup)}</dt><dd data-testid="last-backup">{last_backup}</dd></div>
            </dl>
        </section>
    }
}

/// The customer-type rules, each with its default beside it; kept as a preference.
#[component]
fn TypesCard() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let defaults = Thresholds::default();
    let set = move |th: Thresholds| {
        app.thresholds.set(th);
        let mut p = Prefs::load();
        p.thresholds = th;
        p.save();
    };
    type Get = fn(&Thresholds) -> u32;
    type Put = fn(&mut Thresholds, u32);
    let rows: [(K, &str, Get, Put, u32); 4] = [
        (
            K::NewDays,
            "th-new",
            |t| t.new_days,
            |t, v| t.new_days = v,
            3650,
        ),
        (
            K::InactiveDays,
            "th-inactive",
            |t| t.inactive_days,
            |t, v| t.inactive_days = v,
            3650,
        ),
        (
            K::LoyalOrders,
            "th-loyal-orders",
            |t| t.loyal_orders,
            |t, v| t.loyal_orders = v,
            Summary::RECENT_PURCHASES as u32,
        ),
        (
            K::LoyalWindow,
            "th-loyal-window",
            |t| t.loyal_window_days,
            |t, v| t.loyal_window_days = v,
            3650,
        ),
    ];
    let fields = rows
        .into_iter()
        .map(|(label, testid, get, put, max)| {
            view! {
                <label class="field">
                    <span>{tx(lang, label)}</span>
                    <input type="number" min="1" max=max.to_string() step="1" data-testid=testid
                        prop:value=move || get(&app.thresholds.get()).to_string()
                        on:change=move |ev| {
                            // Out of range or not a number: the box shows the rule in force again.
                            match event_target_value(&ev).trim().parse::<u32>() {
                                Ok(v) if (1..=max).contains(&v) => {
                                    let mut th = app.thresholds.get_untracked();
                                    put(&mut th, v);
                                    set(th);
                                }
                                _ => app.thresholds.update(|_| {}),
                            }
                        }/>
                    <span class="hint">{move || tf(lang.get(), K::DefaultValue, &[("value", &get(&defaults).to_string())])}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <section class="card" data-testid="types-card">
            <h2>{tx(lang, K::TypesTitle)}</h2>
            <p class="hint">{tx(lang, K::TypesHelp)}</p>
            <div class="thresholds">{fields}</div>
            <button type="button" class="ghost" data-testid="th-reset" on:click=move |_| set(defaults)>
                {tx(lang, K::ResetDefaults)}
            </button>
        </section>
    }
}

/// The defined fields, in order, with move / rename / remove.
#[component]
fn FieldList() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let removing: RwSignal<Option<CustomFieldDef>> = RwSignal::new(None);
    let swap = move |i: usize, j: usize| {
        let mut defs = app.fields.get_untracked();
        if i < defs.len() && j < defs.len() {
            defs.swap(i, j);
            save(app, defs);
        }
    };
    let rename = move |i: usize, name: String| {
        let mut defs = app.fields.get_untracked();
        let name = name.trim().to_string();
        if let Some(d) = defs.get_mut(i) {
            if !name.is_empty() && d.name != name {
                d.name = name;
                save(app, defs);
            }
        }
    };
    let finish_removal = move |mode: RemovalMode| {
        if let Some(def) = removing.get_untracked() {
            spawn_local(async move {
                if let Err(e) = actions::remove_field(app, def, mode).await {
                    app.report(e);
                }
                removing.set(None);
            });
        }
    };
    let ask_removal = move |def: CustomFieldDef| {
        let in_use = app.file.with_untracked(|f| {
            f.records()
                .iter()
                .any(|r| r.fiche.custom.contains_key(&def.id))
        });
        if in_use {
            removing.set(Some(def));
        } else {
            spawn_local(async move {
                if let Err(e) = actions::remove_field(app, def, RemovalMode::DeleteValues).await {
                    app.report(e);
                }
            });
        }
    };
    view! {
        <Show when=move || !app.fields.with(Vec::is_empty)
            fallback=move || view! { <p class="muted">{tx(lang, K::NoCustomFields)}</p> }>
            <ol class="field-defs" data-testid="field-defs">
                {move || {
                    let defs = app.fields.get();
                    let n = defs.len();
                    defs.into_iter().enumerate().map(|(i, def)| {
                        let kind = def.kind;
                        let for_removal = def.clone();
                        view! {
                            <li class="field-def" data-testid="field-def" data-id=def.id.clone()>
                                <label class="field">
                                    <span class="sr-only">{tx(lang, K::Rename)}</span>
                                    <input type="text" prop:value=def.name.clone()
                                        on:change=move |ev| rename(i, event_target_value(&ev))/>
                                </label>
                                <span class="muted">{tx(lang, labels::custom_kind(kind))}</span>
                                {kind.has_options().then(|| view! { <span class="muted">{def.options.join(" · ")}</span> })}
                                <span class="buttons">
                                    <button type="button" class="ghost small" aria-label=tx(lang, K::MoveUp)
                                        prop:disabled=i == 0 on:click=move |_| swap(i, i.wrapping_sub(1))>"↑"</button>
                                    <button type="button" class="ghost small" aria-label=tx(lang, K::MoveDown)
                                        prop:disabled=i + 1 == n on:click=move |_| swap(i, i + 1)>"↓"</button>
                                    <button type="button" class="ghost small danger" data-testid="remove-field"
                                        on:click=move |_| ask_removal(for_removal.clone())>{tx(lang, K::Remove)}</button>
                                </span>
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
        </Show>
        {move || removing.get().map(|def| {
            let count = app.file.with(|f| f.records().iter().filter(|r| r.fiche.custom.contains_key(&def.id)).count());
            view! {
                <div class="confirm" role="alertdialog" aria-modal="true" data-testid="remove-field-dialog">
                    <p><strong>{tx(lang, K::RemoveFieldTitle)}</strong>" "{tn(lang.get(), K::RemoveFieldValues, count, &[("name", &def.name)])}</p>
                    <button type="button" data-testid="remove-move-to-notes" on:click=move |_| finish_removal(RemovalMode::MoveToNotes)>{tx(lang, K::RemoveMoveToNotes)}</button>
                    <button type="button" class="danger" data-testid="remove-delete-values" on:click=move |_| finish_removal(RemovalMode::DeleteValues)>{tx(lang, K::RemoveDeleteValues)}</button>
                    <button type="button" class="ghost" on:click=move |_| removing.set(None)>{tx(lang, K::Cancel)}</button>
                </div>
            }
        })}
    }
}

/// The form that adds a field.
#[component]
fn NewField() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(CustomKind::Text);
    let options = RwSignal::new(String::new());
    let problem: RwSignal<Option<K>> = RwSignal::new(None);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked().trim().to_string();
        let opts: Vec<String> = options
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if n.is_empty() {
            return problem.set(Some(K::FieldNameRequired));
        }
        if kind.get_untracked().has_options() && opts.is_empty() {
            return problem.set(Some(K::FieldOptionsRequired));
        }
        problem.set(None);
        let mut defs = app.fields.get_untracked();
        defs.push(CustomFieldDef {
            id: uuid::Uuid::new_v4().to_string(),
            name: n,
            kind: kind.get_untracked(),
            options: if kind.get_untracked().has_options() {
                opts
            } else {
                Vec::new()
            },
        });
        spawn_local(async move {
            match actions::save_fields(app, defs).await {
                Ok(()) => {
                    name.set(String::new());
                    options.set(String::new());
                }
                Err(e) => app.report(e),
            }
        });
    };
    view! {
        <form class="new-field grid" data-testid="new-field" novalidate on:submit=add>
            <label class="field">
                <span class="field-label">{tx(lang, K::FieldName)}</span>
                <input type="text" data-testid="field-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span class="field-label">{tx(lang, K::FieldKind)}</span>
                <select data-testid="field-kind" prop:value=move || code(&kind.get())
                    on:change=move |ev| kind.set(from_code(&event_target_value(&ev)).unwrap_or(CustomKind::Text))>
                    {CustomKind::ALL.into_iter().map(|k| view! {
                        <option value=code(&k) selected=move || kind.get() == k>{tx(lang, labels::custom_kind(k))}</option>
                    }).collect_view()}
                </select>
            </label>
            <Show when=move || kind.get().has_options()>
                <label class="field field-wide">
                    <span class="field-label">{tx(lang, K::FieldOptions)}</span>
                    <textarea data-testid="field-options" rows="3" prop:value=move || options.get()
                        on:input=move |ev| options.set(event_target_value(&ev))></textarea>
                </label>
            </Show>
            {move || problem.get().map(|k| view! { <p class="field-error" role="alert" data-testid="field-error" data-field="field_name">{tx(lang, k)}</p> })}
            <div class="actions">
                <button type="submit" class="primary" data-testid="add-field">{tx(lang, K::AddField)}</button>
            </div>
        </form>
    }
}
