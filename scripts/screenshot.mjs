#!/usr/bin/env node
// Takes the README's screenshot: loads the demo data into the built app, shoots the list showing
// a segment (loyal clients in postal codes 69*, with the sidebar's counts) and an open fiche, and
// puts the two side by side in docs/screenshot.png.
//   trunk build --release && node scripts/screenshot.mjs [out.png]
// Uses the e2e harness, so it fails (and writes nothing) if the app logs an error on the way.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ROOT, eventually, openBrowser } from '../tests/e2e/harness.mjs';
import { App } from '../tests/e2e/pages.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const out = resolve(process.argv[2] ?? join(ROOT, 'docs', 'screenshot.png'));
const viewport = { width: 1280, height: 860 };

const server = await startServer({ root: join(ROOT, 'dist'), base: '/carnet/' });
const browser = await openBrowser({ origin: server.origin, viewport });
try {
  const shoot = async () => {
    const app = new App(browser.page, server.url);
    await app.open();
    await app.list.loadDemo();
    await eventually(
      () => app.list.count(),
      (n) => n > 0,
      () => 'no fiche listed after loading the demo data',
      30_000,
    );
    // The backup reminder (no backup yet) is dismissed: the shot is about the file.
    await browser.page.getByRole('button', { name: 'Plus tard' }).click();
    await app.segments.pick('loyal');
    await app.segments.addCondition('Code postal', 'commence par', '69');
    await browser.page.waitForTimeout(300); // the address follows the filter, the rows settle
    const list = await browser.page.screenshot();
    await app.list.rows.first().click();
    await browser.page.getByTestId('fiche-page').waitFor();
    await browser.page.waitForTimeout(300); // let the timeline settle
    const fiche = await browser.page.screenshot();
    return [list, fiche];
  };
  const shots = await Promise.race([shoot(), browser.failed]);

  // Compose on a blank page: two screenshots side by side.
  const img = (png) => `<img src="data:image/png;base64,${png.toString('base64')}">`;
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: viewport.width * 2 + 24, height: viewport.height + 16 });
  await page.setContent(
    `<body style="margin:0;padding:8px;display:flex;gap:8px;background:#d9e2e6">${shots.map(img).join('')}</body>`,
  );
  mkdirSync(dirname(out), { recursive: true });
  await page.screenshot({ path: out });
  console.log(`screenshot: wrote ${out}`);
} catch (e) {
  console.error(`screenshot: ${e.message}`);
  process.exitCode = 1;
} finally {
  await browser.close();
  await server.close();
}
