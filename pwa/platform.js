// What the wasm app asks of the browser that is simpler said in JavaScript: the service worker's
// life cycle and the storage manager. Imported by wasm-bindgen's glue (src/state/platform.rs), so
// it is a file of its own under the CSP, like the glue. Nothing here throws or leaves a promise
// rejected: where a browser lacks a feature (or the page is not a secure context), it does nothing.

let registration = null;
let asked = false; // this page asked the waiting worker to take over: reload when it has

/**
 * Registers ./sw.js for the folder the page is in, and calls `onUpdate()` when a new version is
 * installed and waiting, or was activated from another tab.
 */
export function register_worker(onUpdate) {
  const container = navigator.serviceWorker;
  if (!container) return;
  let controlled = !!container.controller;
  container.addEventListener('controllerchange', () => {
    if (asked) {
      location.reload();
    } else if (controlled) {
      onUpdate(); // another tab switched to a new version: this page still runs the old one
    }
    controlled = true; // the very first worker taking over is not an update
  });
  // A worker installed while another one was active is a new version (the first install is not).
  const watch = (worker, isUpdate) => {
    if (!worker || !isUpdate) return;
    worker.addEventListener('statechange', () => {
      if (worker.state === 'installed' || worker.state === 'activated') onUpdate();
    });
  };
  container
    .register('./sw.js', { scope: './' })
    .then((reg) => {
      registration = reg;
      if (reg.waiting && reg.active) onUpdate();
      watch(reg.installing, !!reg.active);
      reg.addEventListener('updatefound', () => watch(reg.installing, !!reg.active));
      // A tablet may keep the app open for days: look for a new version now and then.
      setInterval(() => reg.update().catch(() => {}), 60 * 60 * 1000);
    })
    .catch(() => {});
}

/** Lets the waiting worker take over; the page reloads once it has (see `controllerchange`). */
export function apply_update() {
  asked = true;
  const waiting = registration && registration.waiting;
  if (waiting) waiting.postMessage('SKIP_WAITING');
  else location.reload();
}

/** Asks that the site's storage be kept under storage pressure; resolves to whether it is. */
export async function persist_storage() {
  try {
    const storage = navigator.storage;
    if (!storage || !storage.persist) return false;
    return (await storage.persisted()) || (await storage.persist());
  } catch {
    return false;
  }
}

/** `{ usage, quota, persisted }` in bytes (each `null` when unknown), or `null` without support. */
export async function storage_info() {
  const storage = navigator.storage;
  if (!storage) return null;
  const estimate = storage.estimate ? await storage.estimate().catch(() => null) : null;
  const persisted = storage.persisted ? await storage.persisted().catch(() => null) : null;
  return { usage: estimate?.usage ?? null, quota: estimate?.quota ?? null, persisted };
}

// --- The crash banner -------------------------------------------------------------------------
// A panic aborts the wasm module, and so does running out of memory or any other trap: after
// that no Rust code runs, so the banner is drawn here, from texts the app hands over while it is
// alive (`set_crash_texts`, on every language change). Whatever the cause, the user sees that
// the page stopped and can reload it; what was saved before is on disk.

let crashTexts = null;
let crashed = false;

/** The banner's sentence and its reload button's label, in the page's language. */
export function set_crash_texts(message, reload) {
  crashTexts = [message, reload];
}

/** Draws the crash banner (once). Called by the panic hook, and below for traps. */
export function show_crash() {
  if (crashed || !document.body) return;
  crashed = true;
  const english = (document.documentElement.lang || '').startsWith('en');
  const [message, reload] = crashTexts ?? (english
    ? ['An unexpected error happened. Your saved data is safe; reload the page.', 'Reload']
    : ["Une erreur inattendue s'est produite. Vos données enregistrées sont intactes ; rechargez la page.", 'Recharger']);
  const banner = document.createElement('div');
  banner.className = 'banner banner-error crash';
  banner.setAttribute('role', 'alert');
  banner.dataset.testid = 'crash-banner';
  const text = document.createElement('p');
  text.textContent = message;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'primary';
  button.dataset.testid = 'crash-reload';
  button.textContent = reload;
  button.addEventListener('click', () => location.reload());
  banner.append(text, button);
  document.body.prepend(banner);
}

const isTrap = (e) => typeof WebAssembly !== 'undefined' && e instanceof WebAssembly.RuntimeError;
addEventListener('error', (event) => {
  if (isTrap(event.error)) show_crash();
});
addEventListener('unhandledrejection', (event) => {
  if (isTrap(event.reason)) show_crash();
});
