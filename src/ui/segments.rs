//! The list's segment tools: the sidebar (built-in and saved segments with live counts), the
//! filter builder (one editor for every kind of condition, driven by `segment::Field`), and the
//! bulk actions.

use std::collections::HashSet;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::device_files::{dated_name, download};
use super::dispatch::run;
use super::tx;
use crate::domain::codec::csv_write::{default_columns, summary_columns, Variant};
use crate::domain::fiche::{Fiche, Status};
use crate::domain::segment::list::counts;
use crate::domain::segment::{
    build, fields, mailing_list, BuiltinId, Draft, Field, Filter, Group, Input, Line,
};
use crate::i18n::{labels, problem_text, t, tn, K};
use crate::state::segments::{self as seg, bulk_delete, bulk_edit, listed_ids, load_draft, Bulk};
use crate::state::transfer::{csv_of, vcards_of};
use crate::state::{use_app, AppError};

/// The filter a segment shows as once loaded in the builder, to tell which one is active.
fn as_loaded(f: &Filter) -> Filter {
    Draft::from_filter(f).map_or_else(|| f.clone(), |d| d.to_filter())
}

#[component]
pub fn Sidebar() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    // Built-in then saved segments, counted in one pass; again only when the file, the
    // thresholds or the saved list change, never on a keystroke.
    let counts = Memo::new(move |_| {
        let mut filters: Vec<Filter> = BuiltinId::ALL.map(BuiltinId::filter).to_vec();
        app.saved
            .with(|s| filters.extend(s.iter().map(|s| s.filter.clone())));
        app.derived
            .with(|d| app.file.with(|f| counts(f, d, &filters)))
    });
    let builtins = BuiltinId::ALL
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            view! {
                <SegItem testid=format!("seg-{}", b.id()) filter=b.filter()
                    name=Signal::derive(move || t(lang.get(), labels::builtin(b)).to_string())
                    count=Signal::derive(move || counts.with(|c| c.get(i).copied().unwrap_or(0)))/>
            }
        })
        .collect_view();
    let saved = move || {
        let n = BuiltinId::ALL.len();
        app.saved.with(|list| {
            list.iter()
                .enumerate()
                .map(|(i, s)| {
                    let name = s.name.clone();
                    view! {
                        <SegItem testid="saved-segment".to_string() filter=s.filter.clone()
                            name=Signal::derive(move || name.clone())
                            count=Signal::derive(move || counts.with(|c| c.get(n + i).copied().unwrap_or(0)))
                            delete=s.id.clone()/>
                    }
                })
                .collect_view()
        })
    };
    let wide = window()
        .inner_width()
        .ok()
        .and_then(|w| w.as_f64())
        .is_some_and(|w| w >= 900.0);
    view! {
        <details class="sidebar" open=wide data-testid="sidebar">
            <summary>{tx(lang, K::Segments)}</summary>
            <ul class="segs">
                <SegItem testid="seg-all".to_string() filter=Filter::default()
                    name=Signal::derive(move || t(lang.get(), K::AllFiches).to_string())
                    count=Signal::derive(move || app.file.with(|f| f.len()))/>
                {builtins}
            </ul>
            <h2>{tx(lang, K::MySegments)}</h2>
            <ul class="segs">{saved}</ul>
            <Show when=move || app.saved.with(Vec::is_empty)>
                <p class="hint">{tx(lang, K::NoSavedSegment)}</p>
            </Show>
        </details>
    }
}

/// One segment of the sidebar: loads its filter into the builder; saved ones can be deleted.
#[component]
fn SegItem(
    testid: String,
    filter: Filter,
    name: Signal<String>,
    count: Signal<usize>,
    #[prop(optional)] delete: Option<String>,
) -> impl IntoView {
    let app = use_app();
    let loaded = as_loaded(&filter);
    let active = Memo::new(move |_| app.filter.with(|f| *f == loaded));
    let delete = delete.map(|id| {
        view! {
            <ConfirmButton label=K::DeleteSegment question=K::ConfirmDeleteSegment testid="delete-segment"
                icon=true on_confirm=move |()| run(app, seg::delete_segment(app, id.clone()))/>
        }
    });
    view! {
        <li data-testid=testid>
            <button type="button" class="seg" aria-pressed=move || active.get().to_string()
                on:click=move |_| load_draft(app, Draft::from_filter(&filter).unwrap_or_default())>
                <span class="seg-name">{name}</span>
                <span class="seg-count" data-testid="seg-count">{move || count.get()}</span>
            </button>
            {delete}
        </li>
    }
}

/// A button that asks before acting: a second, explicit confirmation appears beside it.
#[component]
fn ConfirmButton(
    label: K,
    question: K,
    testid: &'static str,
    #[prop(into)] on_confirm: Callback<()>,
    #[prop(optional)] icon: bool,
) -> impl IntoView {
    let lang = use_app().lang;
    let armed = RwSignal::new(false);
    view! {
        <span class="confirm">
            <button type="button" class="ghost danger" data-testid=testid
                aria-label=tx(lang, label) aria-expanded=move || armed.get().to_string()
                on:click=move |_| armed.update(|a| *a = !*a)>
                {move || if icon { "×".to_string() } else { t(lang.get(), label).to_string() }}
            </button>
            <Show when=move || armed.get()>
                <span class="confirm-box" role="alertdialog">
                    {tx(lang, question)}
                    <button type="button" class="danger" data-testid=format!("confirm-{testid}")
                        on:click=move |_| { armed.set(false); on_confirm.run(()); }>
                        {tx(lang, K::ConfirmDelete)}
                    </button>
                    <button type="button" class="ghost" data-testid=format!("cancel-{testid}")
                        on:click=move |_| armed.set(false)>
                        {tx(lang, K::Cancel)}
                    </button>
                </span>
            </Show>
        </span>
    }
}

/// The filter builder: groups of conditions, AND / OR, and "save as a segment".
#[component]
pub fn FilterBuilder() -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    // Redrawn when lines come or go or the draft is replaced, not when a value is typed (the
    // boxes keep their focus and text).
    let shape = Memo::new(move |_| {
        app.draft_loaded.track();
        app.draft
            .with(|d| d.groups.iter().map(|g| g.lines.len()).collect::<Vec<_>>())
    });
    let add_line = move |group: Option<usize>| {
        app.draft.update(|d| {
            let line = Line {
                not: false,
                cond: Field::Type.default_condition(),
            };
            match group.or(d.groups.len().checked_sub(1)) {
                Some(g) if g < d.groups.len() => d.groups[g].lines.push(line),
                _ => d.groups.push(Group {
                    any: false,
                    lines: vec![line],
                }),
            }
        })
    };
    let groups = move || {
        let shape = shape.get();
        let many = shape.len() > 1;
        shape
            .into_iter()
            .enumerate()
            .map(|(g, n)| {
                let lines = (0..n)
                    .map(|l| view! { <ConditionRow group=g line=l/> })
                    .collect_view();
                let any = Signal::derive(move || {
                    app.draft.with(|d| d.groups.get(g).is_some_and(|x| x.any))
                });
                let mode = (n > 1).then(|| {
                    view! {
                        <AnyAll any=any all=K::MatchAll any_k=K::MatchAny testid="group-mode"
                            set=move |v| app.draft.update(|d| if let Some(x) = d.groups.get_mut(g) { x.any = v })/>
                    }
                });
                view! {
                    <fieldset class="fgroup" class:boxed=many data-testid="filter-group">
                        {mode}
                        {lines}
                        {many.then(|| view! {
                            <button type="button" class="ghost small" on:click=move |_| add_line(Some(g))>
                                {tx(lang, K::AddCondition)}
                            </button>
                        })}
                    </fieldset>
                }
            })
            .collect_view()
    };
    let top_any = Signal::derive(move || app.draft.with(|d| d.any));
    let name = RwSignal::new(String::new());
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let n = name.get_untracked();
        if n.trim().is_empty() {
            return;
        }
        let filter = app.filter.get_untracked();
        run(app, async move {
            seg::save_segment(app, n, filter).await?;
            name.set(String::new());
            Ok(())
        });
    };
    let has_lines = move || !app.draft.with(Draft::is_empty);
    view! {
        <details class="builder" open=has_lines() data-testid="filter-builder">
            <summary>
                {move || match shape.with(|s| s.iter().sum()) {
                    0 => t(lang.get(), K::Filter).to_string(),
                    n => tn(lang.get(), K::FilterCount, n, &[]),
                }}
            </summary>
            <Show when=move || { shape.with(Vec::len) > 1 }>
                <AnyAll any=top_any all=K::GroupsAll any_k=K::GroupsAny testid="groups-mode"
                    set=move |v| app.draft.update(|d| d.any = v)/>
            </Show>
            {groups}
            <div class="builder-actions">
                <button type="button" class="ghost" data-testid="add-condition" on:click=move |_| add_line(None)>
                    {tx(lang, K::AddCondition)}
                </button>
                <button type="button" class="ghost" data-testid="add-group"
                    on:click=move |_| app.draft.update(|d| d.groups.push(Group { any: false, lines: vec![Line { not: false, cond: Field::Type.default_condition() }] }))>
                    {tx(lang, K::AddGroup)}
                </button>
                <Show when=has_lines>
                    <button type="button" class="ghost" data-testid="clear-filter"
                        on:click=move |_| load_draft(app, Draft::default())>
                        {tx(lang, K::ClearFilter)}
                    </button>
                </Show>
            </div>
            <Show when=has_lines>
                <form class="save-segment" on:submit=save>
                    <label>
                        <span>{tx(lang, K::SegmentName)}</span>
                        <input type="text" data-testid="segment-name" required
                            prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    </label>
                    <button type="submit" class="primary" data-testid="save-segment">{tx(lang, K::SaveSegment)}</button>
                </form>
            </Show>
        </details>
    }
}

/// The AND / OR choice of a group (or of the groups).
#[component]
fn AnyAll(
    any: Signal<bool>,
    all: K,
    any_k: K,
    testid: &'static str,
    set: impl Fn(bool) + 'static,
) -> impl IntoView {
    let lang = use_app().lang;
    view! {
        <select class="any-all" data-testid=testid aria-label=tx(lang, K::FilterOp)
            on:change=move |ev| set(event_target_value(&ev) == "any")>
            <option value="all" selected=move || !any.get()>{tx(lang, all)}</option>
            <option value="any" selected=move || any.get()>{tx(lang, any_k)}</option>
        </select>
    }
}

/// One condition: field, operator (for a field with a few values, the value itself), up to two
/// value boxes, "not", remove. The same component for every kind of field.
#[component]
fn ConditionRow(group: usize, line: usize) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let all_fields = Memo::new(move |_| app.fields.with(|d| fields(d)));
    let parts = Memo::new(move |_| {
        let l = app
            .draft
            .with(|d| d.groups.get(group)?.lines.get(line).cloned())?;
        let (f, op, v) = app.fields.with(|defs| l.parts(defs));
        Some((l.not, f, op, v))
    });
    // What decides the boxes: they are redrawn when it changes, not on each keystroke.
    let kind = Memo::new(move |_| parts.with(|p| p.as_ref().map(|p| (p.1.clone(), p.2))));
    let edit = move |f: &dyn Fn(&mut Line)| {
        app.draft.update(|d| {
            if let Some(l) = d.groups.get_mut(group).and_then(|g| g.lines.get_mut(line)) {
                f(l)
            }
        })
    };
    let set_value = move |k: usize, v: String| {
        let Some((_, field, op, mut values)) = parts.get_untracked() else {
            return;
        };
        values[k] = v;
        edit(&|l| l.cond = build(&field, op, &values));
    };
    let field_options = move || {
        let lang = lang.get();
        let current = kind.with(|k| k.as_ref().map(|k| k.0.clone()));
        app.fields.with(|defs| {
            all_fields.with(|fs| {
                fs.iter()
                    .enumerate()
                    .map(|(i, f)| {
                        view! {
                            <option value=i.to_string() selected=current.as_ref() == Some(f)>
                                {labels::field(lang, f, defs)}
                            </option>
                        }
                    })
                    .collect_view()
            })
        })
    };
    let on_field = move |ev| {
        let i: usize = event_target_value(&ev).parse().unwrap_or(0);
        if let Some(f) = all_fields.with_untracked(|fs| fs.get(i).cloned()) {
            edit(&|l| l.cond = f.default_condition());
        }
    };
    let op_and_values = move || {
        let (field, op) = kind.get()?;
        let lang = lang.get();
        let ops = field.ops();
        let options = ops
            .iter()
            .enumerate()
            .map(|(i, o)| {
                view! { <option value=i.to_string() selected=*o == op>{t(lang, labels::op(&field, *o))}</option> }
            })
            .collect_view();
        let f2 = field.clone();
        let on_op = move |ev| {
            let i: usize = event_target_value(&ev).parse().unwrap_or(0);
            if let (Some(&o), Some((_, _, _, values))) = (ops.get(i), parts.get_untracked()) {
                edit(&|l| l.cond = build(&f2, o, &values));
            }
        };
        let inputs = field.inputs(op);
        let initial = parts.with_untracked(|p| p.as_ref().map(|p| p.3.clone()).unwrap_or_default());
        let boxes = inputs
            .iter()
            .enumerate()
            .map(|(k, input)| {
                let (ty, mode) = match input {
                    Input::Text => ("text", "text"),
                    Input::Number => ("number", "numeric"),
                    Input::Money | Input::Decimal => ("text", "decimal"),
                    Input::Date => ("date", "text"),
                };
                let label = match (inputs.len(), k) {
                    (1, _) => K::FilterValue,
                    (_, 0) => K::FilterFrom,
                    _ => K::FilterTo,
                };
                // Lists of words are read when the box is left: splitting on commas while
                // typing would eat the comma just typed.
                let on_input = *input != Input::Text
                    || !matches!(op, crate::domain::segment::Op::AnyOf
                        | crate::domain::segment::Op::AllOf
                        | crate::domain::segment::Op::NoneOf);
                view! {
                    <input type=ty inputmode=mode class="value" data-testid=format!("cond-value-{k}")
                        aria-label=t(lang, label) placeholder=t(lang, label)
                        value=initial[k].clone()
                        on:input=move |ev| if on_input { set_value(k, event_target_value(&ev)) }
                        on:change=move |ev| if !on_input { set_value(k, event_target_value(&ev)) }/>
                }
            })
            .collect_view();
        Some(view! {
            <select data-testid="cond-op" aria-label=t(lang, K::FilterOp) on:change=on_op>{options}</select>
            {boxes}
        })
    };
    view! {
        <div class="cond" data-testid="condition">
            <label class="check not">
                <input type="checkbox" data-testid="cond-not"
                    prop:checked=move || parts.with(|p| p.as_ref().is_some_and(|p| p.0))
                    on:change=move |ev| { let on = event_target_checked(&ev); edit(&|l| l.not = on) }/>
                {tx(lang, K::FilterNot)}
            </label>
            <select data-testid="cond-field" aria-label=tx(lang, K::FilterField) on:change=on_field>
                {field_options}
            </select>
            {op_and_values}
            <button type="button" class="ghost small" data-testid="remove-condition"
                aria-label=tx(lang, K::RemoveCondition)
                on:click=move |_| app.draft.update(|d| {
                    if let Some(g) = d.groups.get_mut(group) {
                        if line < g.lines.len() {
                            g.lines.remove(line);
                        }
                    }
                    d.groups.retain(|g| !g.lines.is_empty());
                })>"×"</button>
        </div>
    }
}

/// Bulk actions on the ticked fiches, or on every listed one when none is ticked.
#[component]
pub fn BulkBar(selected: RwSignal<HashSet<String>>) -> impl IntoView {
    let app = use_app();
    let lang = app.lang;
    let targets = move || -> Vec<String> {
        let ticked = selected.get_untracked();
        let listed = listed_ids(app);
        if ticked.is_empty() {
            listed
        } else {
            listed
                .into_iter()
                .filter(|id| ticked.contains(id))
                .collect()
        }
    };
    let n_targets = move || {
        let ticked = selected.with(HashSet::len);
        if ticked == 0 {
            app.listed.with(Vec::len)
        } else {
            ticked
        }
    };
    let result: RwSignal<Option<String>> = RwSignal::new(None);
    let fallback: RwSignal<Option<String>> = RwSignal::new(None);
    let tag = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let status = RwSignal::new(Status::Client);
    // An edit, a copy or a deletion first clears what the previous one said: a message left
    // from an earlier action would read as this one's result (or hide that this one failed).
    let start = move || {
        result.set(None);
        fallback.set(None);
    };
    let apply = move |action: Bulk| {
        start();
        let ids = targets();
        run(app, async move {
            let l = lang.get_untracked();
            match bulk_edit(app, &ids, action).await {
                Ok(n) => result.set(Some(tn(l, K::FichesChanged, n, &[]))),
                // A value the form would refuse: said where the result goes.
                Err(AppError::Invalid(errors)) => {
                    result.set(errors.first().map(|e| problem_text(l, &e.problem)));
                }
                Err(e) => return Err(e),
            }
            Ok(())
        });
    };
    let fiches = move |ids: &[String]| -> Vec<Fiche> {
        app.file.with_untracked(|f| {
            ids.iter()
                .filter_map(|id| f.get(id))
                .map(|r| r.fiche.clone())
                .collect()
        })
    };
    let export_csv = move |_| {
        let ids = targets();
        let defs = app.fields.get_untracked();
        let mut cols = default_columns(&fiches(&ids), &defs);
        cols.extend(summary_columns());
        let text = csv_of(app, Some(&ids), &cols, Variant::FrenchExcel);
        download(
            app,
            &dated_name("carnet-segment", "csv"),
            "text/csv;charset=utf-8",
            text.as_bytes(),
        );
    };
    let export_vcard = move |_| {
        let text = vcards_of(app, Some(&targets()));
        download(
            app,
            &dated_name("carnet-segment", "vcf"),
            "text/vcard;charset=utf-8",
            text.as_bytes(),
        );
    };
    let copy = move |_| {
        start();
        let mailing = mailing_list(&fiches(&targets()));
        let text = mailing.emails.join("\n");
        let lang = lang.get_untracked();
        let copied = tn(lang, K::AddressesCopied, mailing.emails.len(), &[]);
        let said = tn(
            lang,
            K::EmailsCopied,
            mailing.skipped.len(),
            &[("copied", &copied)],
        );
        spawn_local(async move {
            let promise = window().navigator().clipboard().write_text(&text);
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => result.set(Some(said)),
                // No clipboard (permission, an old browser): the addresses to copy by hand.
                Err(_) => {
                    result.set(Some(t(lang, K::EmailsToCopy).to_string()));
                    fallback.set(Some(text));
                }
            }
        });
    };
    let delete = move |()| {
        start();
        let ids = targets();
        selected.set(HashSet::new());
        run(app, bulk_delete(app, ids));
    };
    let status_options = [Status::Prospect, Status::Client]
        .into_iter()
        .map(|s| view! { <option value=(s == Status::Client).to_string() selected=move || status.get() == s>{tx(lang, labels::status(s))}</option> })
        .collect_view();
    view! {
        <details class="bulk" data-testid="bulk">
            <summary>
                <span data-testid="bulk-count">
                    {move || {
                        let key = if selected.with(HashSet::is_empty) { K::BulkOnListed } else { K::BulkOnSelected };
                        tn(lang.get(), key, n_targets(), &[])
                    }}
                </span>
            </summary>
            <div class="bulk-body">
                <div class="bulk-row">
                    <input type="text" data-testid="bulk-tag" aria-label=tx(lang, K::Tags) placeholder=tx(lang, K::Tags)
                        prop:value=move || tag.get() on:input=move |ev| tag.set(event_target_value(&ev))/>
                    <button type="button" data-testid="bulk-add-tag" on:click=move |_| apply(Bulk::AddTag(tag.get_untracked()))>{tx(lang, K::BulkAddTag)}</button>
                    <button type="button" class="ghost" data-testid="bulk-remove-tag" on:click=move |_| apply(Bulk::RemoveTag(tag.get_untracked()))>{tx(lang, K::BulkRemoveTag)}</button>
                </div>
                <div class="bulk-row">
                    <select data-testid="bulk-status" aria-label=tx(lang, K::FStatus)
                        on:change=move |ev| status.set(if event_target_value(&ev) == "true" { Status::Client } else { Status::Prospect })>
                        {status_options}
                    </select>
                    <button type="button" data-testid="bulk-set-status" on:click=move |_| apply(Bulk::Status(status.get_untracked()))>{tx(lang, K::BulkSetStatus)}</button>
                    <input type="text" data-testid="bulk-owner" aria-label=tx(lang, K::FOwner) placeholder=tx(lang, K::FOwner)
                        prop:value=move || owner.get() on:input=move |ev| owner.set(event_target_value(&ev))/>
                    <button type="button" data-testid="bulk-set-owner" on:click=move |_| apply(Bulk::Owner(owner.get_untracked()))>{tx(lang, K::BulkSetOwner)}</button>
                </div>
                <div class="bulk-row">
                    <button type="button" class="ghost" data-testid="bulk-export-csv" on:click=export_csv>{tx(lang, K::ExportCsv)}</button>
                    <button type="button" class="ghost" data-testid="bulk-export-vcard" on:click=export_vcard>{tx(lang, K::ExportVcard)}</button>
                    <button type="button" class="ghost" data-testid="bulk-copy-emails" on:click=copy>{tx(lang, K::CopyEmails)}</button>
                    <ConfirmButton label=K::BulkDelete question=K::ConfirmBulkDelete testid="bulk-delete" on_confirm=delete/>
                    <Show when=move || !selected.with(HashSet::is_empty)>
                        <button type="button" class="ghost" on:click=move |_| selected.set(HashSet::new())>{tx(lang, K::ClearSelection)}</button>
                    </Show>
                </div>
                <p role="status" data-testid="bulk-result">{move || result.get()}</p>
                {move || fallback.get().map(|text| view! {
                    <textarea class="emails" readonly data-testid="emails-fallback" aria-label=tx(lang, K::EmailsToCopy)>{text}</textarea>
                })}
            </div>
        </details>
    }
}
