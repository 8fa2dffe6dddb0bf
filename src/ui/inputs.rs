//! Labelled inputs shared by the forms, and the field-error line under them.

use leptos::prelude::*;

use super::tx;
use crate::domain::validate::FieldError;
use crate::i18n::{problem_text, K};
use crate::state::use_app;

/// The messages for `path`, each in a `field-error` element the tests and screen readers find.
pub fn errors_for(errors: RwSignal<Vec<FieldError>>, path: String) -> impl IntoView {
    let lang = use_app().lang;
    move || {
        errors.with(|all| {
            all.iter()
                .filter(|e| e.field == path)
                .map(|e| {
                    view! {
                        <p class="field-error" role="alert" data-testid="field-error"
                            data-field=e.field.clone()>
                            {problem_text(lang.get(), &e.problem)}
                        </p>
                    }
                })
                .collect_view()
        })
    }
}

/// Whether `path` has an error, for `aria-invalid`.
pub fn has_error(
    errors: RwSignal<Vec<FieldError>>,
    path: &str,
) -> impl Fn() -> bool + Send + Sync + 'static {
    let path = path.to_string();
    move || errors.with(|all| all.iter().any(|e| e.field == path))
}

/// A labelled `<input>` whose value lives somewhere in a signal.
#[allow(clippy::too_many_arguments)]
pub fn text_input(
    label: K,
    testid: String,
    path: String,
    input_type: &'static str,
    errors: RwSignal<Vec<FieldError>>,
    get: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
) -> AnyView {
    // Erased to one signal and one callback: the body is then compiled once, not once per
    // call site's closure types (dozens of copies in the wasm otherwise).
    text_input_erased(
        label,
        testid,
        path,
        input_type,
        errors,
        Signal::derive(get),
        Callback::new(set),
    )
}

fn text_input_erased(
    label: K,
    testid: String,
    path: String,
    input_type: &'static str,
    errors: RwSignal<Vec<FieldError>>,
    get: Signal<String>,
    set: Callback<String>,
) -> AnyView {
    let lang = use_app().lang;
    let invalid = has_error(errors, &path);
    view! {
        <label class="field">
            <span class="field-label">{tx(lang, label)}</span>
            <input type=input_type data-testid=testid prop:value=move || get.get()
                aria-invalid=move || if invalid() { "true" } else { "false" }
                on:input=move |ev| set.run(event_target_value(&ev))/>
            {errors_for(errors, path)}
        </label>
    }
    .into_any()
}

/// A labelled `<textarea>`, with the errors of `path` under it (a text too long).
pub fn text_area(
    label: K,
    testid: String,
    path: String,
    errors: RwSignal<Vec<FieldError>>,
    get: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
) -> AnyView {
    let (get, set) = (Signal::derive(get), Callback::new(set));
    let lang = use_app().lang;
    let invalid = has_error(errors, &path);
    view! {
        <label class="field field-wide">
            <span class="field-label">{tx(lang, label)}</span>
            <textarea data-testid=testid rows="3" prop:value=move || get.get()
                aria-invalid=move || if invalid() { "true" } else { "false" }
                on:input=move |ev| set.run(event_target_value(&ev))></textarea>
            {errors_for(errors, path)}
        </label>
    }
    .into_any()
}

/// A labelled `<select>` over `options` (value, text key); `""` stands for "not set".
pub fn select_input(
    label: K,
    testid: String,
    options: Vec<(String, K)>,
    get: impl Fn() -> String + Send + Sync + 'static,
    set: impl Fn(String) + Send + Sync + 'static,
) -> AnyView {
    let set = Callback::new(set);
    let lang = use_app().lang;
    // `selected` on each option, not only `prop:value` on the select: the property set before
    // the options exist would be lost.
    let current = Signal::derive(get);
    view! {
        <label class="field">
            <span class="field-label">{tx(lang, label)}</span>
            <select data-testid=testid on:change=move |ev| set.run(event_target_value(&ev))
                prop:value=move || current.get()>
                {options.into_iter().map(|(value, text)| {
                    let v = value.clone();
                    view! {
                        <option value=value selected=move || current.get() == v>
                            {tx(lang, text)}
                        </option>
                    }
                }).collect_view()}
            </select>
        </label>
    }
    .into_any()
}
