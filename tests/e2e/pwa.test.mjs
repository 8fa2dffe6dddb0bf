// Installable and offline: the manifest parses with every icon, the service worker takes control
// under the sub-path, the app opens and saves with no network, and a new version waits for the
// user's reload instead of swapping files under the page.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, assert, expectEqual, openBrowser, test } from './harness.mjs';
import { App } from './pages.mjs';
import { startServer } from './server.mjs';

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(buffer) {
  assert(buffer.subarray(1, 4).toString() === 'PNG', 'not a PNG');
  return [buffer.readUInt32BE(16), buffer.readUInt32BE(20)];
}

test('installable: the manifest parses and the service worker controls the app under its sub-path', async ({ app, page, context, baseURL, step }) => {
  await step('the app opens and its worker activates, scoped to the sub-path', async () => {
    await app.open();
    const scope = await app.workerReady();
    assert(scope === baseURL, `the worker's scope is ${scope}, not ${baseURL}`);
  });

  await step('Chromium parses the manifest and finds no installability error', async () => {
    const cdp = await context.newCDPSession(page);
    const { url, errors, data } = await cdp.send('Page.getAppManifest');
    assert(url === `${baseURL}manifest.webmanifest`, `manifest at ${url}`);
    assert(errors.length === 0, `manifest errors: ${JSON.stringify(errors)}`);
    const manifest = JSON.parse(data);
    for (const [key, value] of Object.entries({ name: 'Carnet', start_url: './', scope: './', display: 'standalone' })) {
      assert(manifest[key] === value, `manifest ${key} is ${JSON.stringify(manifest[key])}, not ${JSON.stringify(value)}`);
    }
    assert(manifest.short_name && manifest.theme_color && manifest.background_color, 'short_name or colours missing');
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    assert(installabilityErrors.length === 0, `not installable: ${JSON.stringify(installabilityErrors)}`);

    const wanted = [['192x192', 'any'], ['512x512', 'any'], ['512x512', 'maskable']];
    for (const [sizes, purpose] of wanted) {
      const icon = manifest.icons.find((i) => i.sizes === sizes && (i.purpose ?? 'any').split(' ').includes(purpose));
      assert(icon, `no ${purpose} icon of ${sizes}`);
      const response = await page.request.get(new URL(icon.src, url).href);
      assert(response.headers()['content-type'] === 'image/png', `${icon.src} is ${response.headers()['content-type']}`);
      const [w, h] = pngSize(await response.body());
      assert(`${w}x${h}` === sizes, `${icon.src} is ${w}x${h}, the manifest says ${sizes}`);
    }
  });

  await step('after a reload the page is controlled by the worker, and served from its cache', async () => {
    const fromWorker = [];
    page.on('response', (r) => r.fromServiceWorker() && fromWorker.push(r.url()));
    await app.reload();
    assert(await page.evaluate(() => navigator.serviceWorker.controller !== null), 'no controller after a reload');
    assert(fromWorker.some((u) => u.endsWith('.wasm')), `the wasm did not come from the worker: ${fromWorker.join(', ')}`);
  });
});

test('offline: after one visit the app opens with no network, and what is saved stays', async ({ app, page, context, step }) => {
  const { list, form } = app;
  await step('a first visit caches the app', async () => {
    await app.open();
    await app.workerReady();
  });

  await step('offline, a reload opens the app', async () => {
    await context.setOffline(true);
    const started = Date.now();
    await app.reload();
    console.log(`      offline reload to a ready app: ${Date.now() - started} ms`);
    await list.expectCount(0);
  });

  await step('offline, a fiche is created, and is still there after another reload', async () => {
    await list.newFiche();
    await form.fill({ kind: 'person', firstName: 'Noé', lastName: 'Horsligne', city: 'Brest' });
    await form.saveAndClose();
    await list.show();
    await list.expectCount(1);
    await app.reload();
    await list.expectCount(1);
    await list.row('Horsligne').waitFor();
  });

  await step('back online, nothing was lost', async () => {
    await context.setOffline(false);
    await app.reload();
    await list.row('Horsligne').waitFor();
  });
});

// A new deploy needs a server whose files can change: this test serves its own copy of dist/ and
// opens its own browser on it (with the harness's guards, checked at the end).
test('a new version waits, is announced, and takes over only when the user reloads', async ({ step }) => {
  const dist = process.env.E2E_DIST ?? join(ROOT, 'dist');
  const copy = mkdtempSync(join(tmpdir(), 'carnet-deploy-'));
  cpSync(dist, copy, { recursive: true });
  const server = await startServer({ root: copy, base: '/carnet/' });
  const browser = await openBrowser({ origin: server.origin });
  try {
    const { page } = browser;
    const app = new App(page, server.url);
    const cacheNames = () => page.evaluate(async () => (await caches.keys()).sort());
    const run = async (label, body) => step(label, () => Promise.race([body(), browser.failed]));
    let first;

    await run('version 1 is visited and cached', async () => {
      await app.open();
      await app.workerReady();
      first = await cacheNames();
      assert(first.length === 1, `caches after the first visit: ${first}`);
    });

    await run('version 2 is deployed: the page sees it, but keeps running version 1', async () => {
      const sw = join(copy, 'sw.js');
      writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = "[^"]+"/, 'const VERSION = "next-deploy"'));
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
      await page.getByTestId('update-banner').waitFor();
      const state = await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        return { waiting: reg.waiting?.state, controller: navigator.serviceWorker.controller === reg.active };
      });
      assert(state.waiting === 'installed', `the new worker is ${state.waiting}, not waiting`);
      assert(state.controller, 'the page is no longer controlled by the worker it started with');
      const both = await cacheNames();
      assert(both.length === 2 && both.includes('carnet-shell-next-deploy'), `caches while waiting: ${both}`);
    });

    await run('"reload" switches to version 2 and deletes the old cache', async () => {
      await Promise.all([page.waitForEvent('framenavigated'), page.getByTestId('apply-update').click()]);
      await app.ready();
      const names = async () => JSON.stringify(await cacheNames());
      await expectEqual(names, JSON.stringify(['carnet-shell-next-deploy']), 'the caches after the update', 5000);
      assert(!(await page.getByTestId('update-banner').isVisible()), 'the banner is still shown after the update');
    });
    await page.waitForTimeout(200);
    assert(browser.problems.length === 0, browser.problems[0]);
  } finally {
    await browser.close();
    await server.close();
    rmSync(copy, { recursive: true, force: true });
  }
});
