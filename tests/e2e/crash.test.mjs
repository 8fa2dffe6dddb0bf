// Whatever kills the wasm module (a panic aborts it, memory running out traps it), the page says
// so and offers to reload (issue 17). The test makes the release build trap for real: it asks the
// module's own allocator for an impossible layout, which aborts as any failed allocation does.
import { assert, expectText, test } from './harness.mjs';

const TRAP = /unreachable|RuntimeError/;

for (const [lang, expected, reload] of [
  ['fr', /Une erreur inattendue s'est produite/, 'Recharger'],
  ['en', /An unexpected error happened/, 'Reload'],
]) {
  test(`a wasm trap shows the crash banner (${lang}), and reloading brings the app back`, async ({ app, page, allowPageError, step }) => {
    app.allowCrash();
    allowPageError(TRAP);
    await step('the app is open', async () => {
      await page.addInitScript(() =>
        addEventListener('TrunkApplicationStarted', (e) => (window.__carnetWasm = e.detail.wasm)),
      );
      await app.open();
      if (lang === 'en') await page.getByTestId('lang-switch').selectOption('en');
    });
    await step('the module traps: the banner says so, in the page language', async () => {
      // From a timer, as from any event the app handles: nothing catches it but the page.
      await page.evaluate(() => setTimeout(() => window.__carnetWasm.__wbindgen_malloc(1, 3)));
      const banner = page.getByTestId('crash-banner');
      await expectText(banner, expected);
      assert((await banner.getByTestId('crash-reload').innerText()) === reload, 'the reload button');
      assert((await page.getByTestId('crash-banner').count()) === 1, 'one banner, not one per error');
    });
    await step('reload: the app opens again, without the banner', async () => {
      await Promise.all([page.waitForEvent('load'), page.getByTestId('crash-reload').click()]);
      await app.ready();
      assert(!(await page.getByTestId('crash-banner').count()), 'the banner survived the reload');
      app.crashExpected = false;
    });
  });
}
