// The built page as a static host serves it, under a sub-path: it boots under its own strict CSP,
// with no inline script, wasm served as application/wasm, and nothing fetched from elsewhere.
import { assert, eventually, test } from './harness.mjs';

test('the app boots under its CSP from a sub-path', async ({ page, baseURL, origin, requests, step }) => {
  const responses = [];
  page.on('response', (r) => responses.push(r));

  await step('the page loads and the wasm starts', async () => {
    await page.goto(baseURL);
    await eventually(
      () => page.evaluate(() => window.__carnetStarted === true),
      Boolean,
      () => 'the wasm app never dispatched TrunkApplicationStarted',
      20_000,
    );
  });

  await step('index.html carries the CSP and no inline script or style', async () => {
    const html = await (await page.request.get(baseURL)).text();
    const csp = /<meta[^>]+http-equiv="Content-Security-Policy"[^>]+content="([^"]+)"/i.exec(html);
    assert(csp, 'index.html has no CSP meta tag');
    for (const directive of ["default-src 'none'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'"]) {
      assert(csp[1].includes(directive), `the CSP lacks ${directive}`);
    }
    const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
      ([, attrs, body]) => !/\bsrc=/.test(attrs) && body.trim(),
    );
    assert(inline.length === 0, `index.html still has ${inline.length} inline script(s)`);
    assert(!/<style\b|\sstyle=/i.test(html), 'index.html has an inline style');
  });

  await step('every asset comes from under the sub-path, wasm as application/wasm', async () => {
    const wasm = responses.filter((r) => r.url().endsWith('.wasm'));
    assert(wasm.length > 0, 'no .wasm was fetched');
    for (const r of wasm) {
      assert(r.status() === 200, `${r.url()} answered ${r.status()}`);
      assert(r.headers()['content-type'] === 'application/wasm', `${r.url()} is served as ${r.headers()['content-type']}`);
    }
    const base = new URL(baseURL).pathname;
    const outside = requests.filter((line) => !line.split(' ')[1].startsWith(`${origin}${base}`));
    assert(outside.length === 0, `requests outside ${base}: ${outside.join(', ')}`);
  });
});
