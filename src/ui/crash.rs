//! The last line of defence: a panic in wasm kills the module, so leptos can no longer render.
//! The hook logs the panic and asks `pwa/platform.js` for the banner, which draws it with plain
//! DOM calls; the same script draws it for traps that never reach a panic hook (memory running
//! out, `unreachable`). The banner's texts are handed over while the app is alive.

use crate::state::platform;

pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        platform::show_crash();
    }));
}
