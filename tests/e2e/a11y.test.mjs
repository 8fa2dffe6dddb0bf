// Accessibility and tablets: axe-core finds no serious or critical violation on the main pages in
// light and dark; the keyboard shortcuts; the list beside the open fiche on a landscape tablet and
// not in portrait; 44 px touch targets under a touch screen; a printable fiche.
//
// axe-core is injected with page.evaluate (CDP's Runtime.evaluate, which the page's CSP does not
// govern) rather than page.addScriptTag, which the CSP would refuse as an inline script: the CSP
// stays in force for the app during this test, and no bypassCSP is needed.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, assert, expectEqual, eventually, test } from './harness.mjs';

const AXE = readFileSync(join(ROOT, 'tools', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Runs axe on the page as it is; fails on any serious or critical violation. */
async function noSeriousViolation(page, where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  const { violations } = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'], runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }),
  );
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert(
    bad.length === 0,
    `${where}: ${bad.map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`).join('; ')}`,
  );
}

/** Loads the demo data and opens the first listed fiche that has a history. */
async function demoFiche(app) {
  await app.open();
  await app.list.loadDemo();
  await app.list.expectCount(300, 30_000);
  await app.list.sortBy('last_contact');
  await app.list.rows.first().click();
  await app.page.getByTestId('fiche-page').waitFor();
  await app.fiche.entries.first().waitFor();
}

test('axe: no serious or critical violation on the list, form, fiche and settings, light and dark', async ({ app, page, step }) => {
  await step('demo data loaded', async () => {
    await demoFiche(app);
    await app.list.show();
  });
  for (const scheme of ['light', 'dark']) {
    await step(`${scheme}: list, fiche, form (with refusals), settings`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      await app.list.show();
      await noSeriousViolation(page, `${scheme} list`);
      await app.list.open('');
      await noSeriousViolation(page, `${scheme} fiche`);
      await app.list.newFiche();
      await page.$$eval('details', (all) => all.forEach((d) => (d.open = true)));
      await app.form.fill({ kind: 'person', firstName: 'Axe', email: 'not-an-email', birthDate: '1850-01-01' });
      await app.form.save();
      await app.form.fieldError('emails.0').waitFor();
      await noSeriousViolation(page, `${scheme} form with refusals`);
      await app.form.cancel();
      await page.getByTestId('nav-settings').click();
      await page.getByTestId('storage-card').waitFor();
      await noSeriousViolation(page, `${scheme} settings`);
    });
  }
});

test('keyboard: "n" opens a new fiche and "/" the search, but not while typing; focus is visible', async ({ app, page, step }) => {
  const active = () => page.evaluate(() => document.activeElement?.dataset?.testid ?? document.activeElement?.tagName);
  await step('"n" on the list opens the form', async () => {
    await app.open();
    await page.locator('body').press('n');
    await app.form.root.waitFor();
  });
  await step('typing "n" in a field types it', async () => {
    await page.getByTestId('f-first-name').press('n');
    assert((await page.getByTestId('f-first-name').inputValue()) === 'n', 'the "n" did not reach the field');
    assert(await app.form.root.isVisible(), 'the form was left');
  });
  await step('"/" from another page goes to the list and focuses the search; "/" in it is typed', async () => {
    await app.form.cancel();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-page').waitFor();
    await page.locator('body').press('/');
    await expectEqual(active, 'search', 'the focused element after "/"');
    await page.keyboard.type('a/n');
    assert((await app.list.searchBox.inputValue()) === 'a/n', 'keys typed in the search were taken as shortcuts');
  });
  await step('Alt+N opens a new fiche even from a field', async () => {
    await page.keyboard.press('Alt+KeyN');
    await app.form.root.waitFor();
  });
  await step('the keyboard focus is drawn (3 px outline)', async () => {
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineWidth);
    assert(outline === '3px', `the focused element's outline is ${outline}`);
  });
});

test('tablet: list and fiche side by side in landscape, one at a time in portrait; 44 px touch targets', async ({ app, page, context, step }) => {
  const search = app.list.searchBox;
  await step('a landscape tablet (1024 x 768): the open fiche sits beside the list', async () => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await app.open();
    await app.list.loadDemo();
    await app.list.expectCount(300, 30_000);
    await app.list.search('ma');
    const listed = await app.list.count();
    await app.list.rows.nth(0).click();
    await page.getByTestId('fiche-page').waitFor();
    assert(await search.isVisible(), 'the list is hidden while a fiche is open');
    const [list, fiche] = await Promise.all([search.boundingBox(), page.getByTestId('fiche-page').boundingBox()]);
    assert(list.x + list.width <= fiche.x, `the list (${list.x}+${list.width}) overlaps the fiche (${fiche.x})`);
    assert((await page.locator('[data-testid="fiche-row"][aria-current="true"]').count()) === 1, 'the open fiche is not marked in the list');
    const first = await app.fiche.name();
    await app.list.rows.nth(1).click();
    await eventually(() => app.fiche.name(), (n) => n !== first, () => 'the second fiche did not open');
    assert((await search.inputValue()) === 'ma' && (await app.list.count()) === listed, 'opening a fiche lost the search');
  });

  await step('portrait (768 x 1024): the fiche alone', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.getByTestId('fiche-page').waitFor();
    await search.waitFor({ state: 'detached' });
  });

  await step('under a touch screen every control is at least 44 px high', async () => {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    const small = async () =>
      page.$$eval('button, input:not([type=checkbox]), select, summary, .nav a, .crumbs a, tr[data-testid="fiche-row"], label.check', (all) =>
        all
          .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
          .map((e) => [e.dataset.testid || e.textContent.trim().slice(0, 20) || e.tagName, Math.round(e.getBoundingClientRect().height)])
          .filter(([, h]) => h < 44),
      );
    for (const [where, open] of [
      ['fiche', async () => {}],
      ['list', () => app.list.show()],
      ['form', async () => { await app.list.newFiche(); await page.$$eval('details', (all) => all.forEach((d) => (d.open = true))); }],
    ]) {
      await open();
      const tooSmall = await small();
      assert(tooSmall.length === 0, `${where}: below 44 px: ${JSON.stringify(tooSmall.slice(0, 8))}`);
    }
  });
});

test('print: a fiche prints without the app around it', async ({ app, page, step }) => {
  await step('a fiche with history is open beside the list', async () => demoFiche(app));
  await step('print media: only the fiche, its summary and history', async () => {
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header.topbar', '.split-list', '[data-testid="edit-fiche"]', '[data-testid="add-entry"]']) {
      assert(!(await page.locator(hidden).first().isVisible()), `${hidden} shows in print`);
    }
    for (const shown of ['fiche-name', 'summary', 'timeline']) {
      assert(await page.getByTestId(shown).isVisible(), `${shown} is missing in print`);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'print-fiche.png'), fullPage: true });
    await page.pdf({ path: join(ARTIFACTS, 'print-fiche.pdf'), format: 'A4' });
  });
});
