//! The "load demo data" button, offered on the empty list and in the settings.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n::{t, K};
use crate::state::{actions, use_app};

#[component]
pub fn DemoButton() -> impl IntoView {
    let app = use_app();
    let busy = RwSignal::new(false);
    let load = move |_| {
        busy.set(true);
        spawn_local(async move {
            if let Err(e) = actions::load_demo(app).await {
                app.report(e);
            }
            busy.set(false);
        });
    };
    view! {
        <button type="button" data-testid="load-demo" on:click=load prop:disabled=move || busy.get()>
            {move || t(app.lang.get(), if busy.get() { K::DemoLoading } else { K::LoadDemo })}
        </button>
    }
}
