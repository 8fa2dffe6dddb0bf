//! The last line of defence: a panic in wasm kills the module, so leptos can no longer render.
//! The hook logs the panic and draws a banner with plain DOM calls so the user sees what
//! happened and can reload, instead of a page that silently stops responding.

use wasm_bindgen::JsCast;

use crate::i18n::{t, Lang, K};

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_banner();
    }));
}

fn show_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let lang = match document
        .document_element()
        .and_then(|e| e.get_attribute("lang"))
    {
        Some(l) if l.starts_with("en") => Lang::En,
        _ => Lang::Fr,
    };
    let Ok(banner) = document.create_element("div") else {
        return;
    };
    banner.set_class_name("banner banner-error crash");
    let _ = banner.set_attribute("role", "alert");
    let _ = banner.set_attribute("data-testid", "error-banner");
    let Ok(text) = document.create_element("p") else {
        return;
    };
    text.set_text_content(Some(t(lang, K::Crash)));
    let _ = banner.append_child(&text);
    if let Ok(button) = document.create_element("button") {
        button.set_text_content(Some(t(lang, K::Reload)));
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        if let Some(b) = button.dyn_ref::<web_sys::HtmlElement>() {
            b.set_onclick(Some(reload.as_ref().unchecked_ref()));
        }
        // The page is going down with the module; the closure must outlive this call.
        reload.forget();
        let _ = banner.append_child(&button);
    }
    if let Some(body) = document.body() {
        let _ = body.prepend_with_node_1(&banner);
    }
}
