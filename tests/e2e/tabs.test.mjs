// Two tabs on one file (two pages of one browser context, as two tabs of one profile): each sees
// the other's changes without a reload, an edit based on an outdated version is refused with a
// message and can be started again, and a schema upgrade from another tab asks for a reload.
import { assert, expectEqual, expectText, test } from './harness.mjs';
import { App } from './pages.mjs';

// Playwright's actionability checks wait for animation frames, which a background tab does not
// get: the tab a step acts in is brought to the front first (the other keeps running, as a real
// background tab does, and must update by itself).

/** A second tab on the app, with the same page objects. */
async function secondTab(context, baseURL) {
  const tab = new App(await context.newPage(), baseURL);
  await tab.open();
  return tab;
}

test("two tabs see each other's changes live", async ({ app: a, context, baseURL, step }) => {
  let b;
  await step('both tabs open the empty file', async () => {
    await a.open();
    b = await secondTab(context, baseURL);
    await b.list.expectCount(0);
  });

  await step('a fiche created in tab A is listed in tab B', async () => {
    await a.page.bringToFront();
    await a.list.newFiche();
    await a.form.fill({ kind: 'person', firstName: 'Zoé', lastName: 'Bernard', city: 'Nantes' });
    await a.form.saveAndClose();
    await b.list.expectCount(1);
    await b.list.row('Bernard').waitFor();
  });

  await step("a purchase added in tab A shows in tab B's timeline and summary", async () => {
    await b.list.open('Bernard');
    await a.page.bringToFront();
    await a.fiche.addEntry({ kind: 'purchase', amount: '42,00', label: 'Théière' });
    await b.fiche.entry('Théière').waitFor();
    await expectText(b.fiche.summary('total'), '42,00');
  });

  await step('a rename in tab A shows in tab B', async () => {
    await a.fiche.edit();
    await a.form.fill({ lastName: 'Bernard-Roux' });
    await a.form.saveAndClose();
    await expectText(b.page.getByTestId('fiche-name'), 'Bernard-Roux');
  });

  await step('a deletion in tab A empties tab B', async () => {
    await a.fiche.delete();
    await b.page.getByTestId('not-found').waitFor();
    await b.page.bringToFront();
    await b.list.show();
    await b.list.expectCount(0);
  });
});

test('an edit based on an outdated version is refused, and the fiche can be reloaded', async ({ app: a, context, baseURL, step }) => {
  let b;
  await step('tab A creates Paul Martin; tab B opens him for editing', async () => {
    await a.open();
    await a.list.newFiche();
    await a.form.fill({ kind: 'person', firstName: 'Paul', lastName: 'Martin' });
    await a.form.saveAndClose();
    b = await secondTab(context, baseURL);
    await b.list.open('Martin');
    await b.fiche.edit();
  });

  await step('tab A saves a change first', async () => {
    await a.page.bringToFront();
    await a.fiche.edit();
    await a.form.fill({ firstName: 'Paulo' });
    await a.form.saveAndClose();
  });

  await step("tab B's save is refused with the conflict message; its form stays open", async () => {
    await b.page.bringToFront();
    await b.form.fill({ city: 'Lille' });
    await b.form.save();
    const conflict = b.page.getByTestId('form-conflict');
    await expectText(conflict, /modifiée ailleurs/);
    assert(await b.form.root.isVisible(), 'the form closed although the save was refused');
  });

  await step('"reload the fiche" shows the saved version; saving again then works', async () => {
    await b.page.getByTestId('reload-fiche').click();
    await expectEqual(() => b.page.getByTestId('f-first-name').inputValue(), 'Paulo', "tab A's first name in tab B's form");
    await b.page.getByTestId('form-conflict').waitFor({ state: 'detached' });
    await b.form.fill({ city: 'Lille' });
    await b.form.saveAndClose();
  });

  await step("tab A sees tab B's city, and its own first name was not overwritten", async () => {
    await expectText(a.page.getByTestId('fiche-page'), 'Lille');
    await expectText(a.page.getByTestId('fiche-name'), 'Paulo');
  });
});

test('a schema upgrade from another tab asks this one to reload; nothing saved is lost', async ({ app, page, context, baseURL, step }) => {
  let other;
  await step('this tab saves a fiche', async () => {
    await app.open();
    await app.list.newFiche();
    await app.form.fill({ kind: 'person', firstName: 'Léa', lastName: 'Petit' });
    await app.form.saveAndClose();
  });

  await step('another tab (a newer Carnet) upgrades the database', async () => {
    other = await context.newPage();
    await other.goto(`${baseURL}manifest.webmanifest`); // same origin, no app running
    const stored = await other.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const current = indexedDB.open('carnet');
          current.onerror = () => reject(current.error);
          current.onsuccess = () => {
            const version = current.result.version;
            current.result.close();
            const upgrade = indexedDB.open('carnet', version + 1);
            upgrade.onblocked = () => reject(new Error('the upgrade was blocked by the open tab'));
            upgrade.onerror = () => reject(upgrade.error);
            upgrade.onsuccess = () => {
              const db = upgrade.result;
              const count = db.transaction('fiches').objectStore('fiches').count();
              count.onsuccess = () => {
                db.close();
                resolve(count.result);
              };
            };
          };
        }),
    );
    assert(stored === 1, `the upgraded database holds ${stored} fiches`);
  });

  await step('this tab says at once that it must be reloaded', async () => {
    app.allowErrorBanner();
    const banner = page.getByTestId('error-banner');
    await expectText(banner, /version plus récente/);
    await page.getByTestId('reload-page').waitFor();
  });

  await step('reloaded, this (older) Carnet refuses the newer file instead of failing silently', async () => {
    await page.getByTestId('reload-page').click();
    await expectText(page.getByTestId('error-banner'), /version plus récente/);
    await other.close();
  });
});
