// When the browser's storage fails: no IndexedDB at all (some private modes), or a full disk
// during a write. The app must say so in words, never crash, and never leave half a write. Also
// what the settings show of the storage (usage, quota, persistence) and the backup reminder.
import { assert, expectText, test } from './harness.mjs';
import { App } from './pages.mjs';

for (const [how, patch] of [
  ['throws on access (storage blocked)', 'get() { throw new DOMException("The user denied permission.", "SecurityError"); }'],
  ['is missing', 'value: undefined'],
]) {
  test(`when indexedDB ${how}, the app says storage is unavailable and does not crash`, async ({ app, page, baseURL, step }) => {
    app.allowErrorBanner();
    await step('the page opens with window.indexedDB unusable', async () => {
      await page.addInitScript(`Object.defineProperty(window, 'indexedDB', { configurable: true, ${patch} });`);
      await page.goto(baseURL);
    });
    await step('it says, in words, that storage is unavailable', async () => {
      const banner = page.getByTestId('error-banner');
      await expectText(banner, /stockage du navigateur n'est pas disponible/);
      assert(!(await page.getByTestId('loading').isVisible()), 'still "opening the file"');
      await page.getByTestId('lang-switch').selectOption('en');
      await expectText(banner, /storage is not available/);
    });
  });
}

// Chromium reports a full disk when a transaction commits: every request succeeded, then the
// transaction aborts with a QuotaExceededError. A real small quota cannot be had here: CDP's
// Storage.overrideQuotaForOrigin is accepted (getUsageAndQuota shows it) but Chromium 156 does
// not enforce it on IndexedDB (3.3 MB of demo data went into a 1.5 MB override). So this init
// script makes the commit fail the way the browser does, once the test says the disk is full: the
// transaction's `oncomplete` is never reached, it aborts, and its `error` is a QuotaExceededError.
const FULL_DISK = () => {
  window.__carnetDiskFull = false;
  const writing = new WeakSet();
  for (const method of ['add', 'put', 'delete']) {
    const original = IDBObjectStore.prototype[method];
    IDBObjectStore.prototype[method] = function (...args) {
      if (window.__carnetDiskFull) writing.add(this.transaction);
      return original.apply(this, args);
    };
  }
  const proto = IDBTransaction.prototype;
  const complete = Object.getOwnPropertyDescriptor(proto, 'oncomplete');
  Object.defineProperty(proto, 'oncomplete', {
    ...complete,
    set(handler) {
      complete.set.call(this, handler);
      if (handler && writing.has(this)) this.abort(); // the commit fails
    },
  });
  const error = Object.getOwnPropertyDescriptor(proto, 'error');
  Object.defineProperty(proto, 'error', {
    ...error,
    get() {
      return writing.has(this) ? new DOMException('The quota has been exceeded.', 'QuotaExceededError') : error.get.call(this);
    },
  });
};

test('a full disk: the write is refused with a clear message and the file stays as it was', async ({ app, page, step }) => {
  const { list, form } = app;
  const diskFull = (full) => page.evaluate((f) => (window.__carnetDiskFull = f), full);
  const banner = page.getByTestId('error-banner');
  const dismiss = () => banner.getByRole('button').click();

  await step('the app opens on an empty file', async () => {
    await page.addInitScript(FULL_DISK);
    await app.open();
    await list.expectCount(0);
  });

  await step('disk full: loading the demo data is refused, and nothing of it is listed', async () => {
    await diskFull(true);
    await list.loadDemo();
    await expectText(banner, /stockage du navigateur est plein : rien n'a été enregistré/);
    await list.expectCount(0);
    await dismiss();
  });

  await step('disk full: saving a new fiche is refused; the form keeps what was typed', async () => {
    await list.newFiche();
    await form.fill({ kind: 'person', firstName: 'Jeanne', lastName: 'Plein' });
    await form.save();
    await expectText(banner, /plein/);
    assert(await form.root.isVisible(), 'the form closed although nothing was saved');
    assert((await page.getByTestId('f-last-name').inputValue()) === 'Plein', 'the form lost what was typed');
    await dismiss();
    await form.cancel();
    await list.expectCount(0);
  });

  await step('space freed, after a reload: the file is still empty, and whole writes work', async () => {
    await diskFull(false);
    await app.reload();
    await list.expectCount(0);
    await list.loadDemo();
    await list.expectCount(300, 30_000);
  });
});

/** Writes the time of the last backup as the JSON export does (meta store, RFC 3339). */
function recordBackup(page, daysAgo) {
  return page.evaluate(
    (days) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('carnet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('meta', 'readwrite');
          const at = new Date(Date.now() - days * 86_400_000).toISOString();
          tx.objectStore('meta').put({ key: 'last_backup_at', value: at });
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    daysAgo,
  );
}

test('settings show storage and persistence; a backup reminder when the last one is old or missing', async ({ app, page, context, baseURL, step }) => {
  const { list, form } = app;
  const reminder = page.getByTestId('backup-reminder');

  await step('an empty file: no reminder', async () => {
    await app.open();
    await list.expectCount(0);
    assert(!(await reminder.isVisible()), 'a reminder for an empty file');
  });

  await step('the settings show usage, quota, persistence and "never backed up"', async () => {
    await page.getByTestId('nav-settings').click();
    await expectText(page.getByTestId('storage-used'), /\d.*(o|ko|Mo)$/);
    await expectText(page.getByTestId('storage-quota'), /\d.*(Mo|Go|To)$/);
    await expectText(page.getByTestId('storage-persisted'), /^(Accordé|Non accordé)/);
    await expectText(page.getByTestId('last-backup'), 'jamais');
  });

  await step('a fiche exists and no backup was ever made: the reminder says so', async () => {
    await list.show();
    await list.newFiche();
    await form.fill({ kind: 'person', firstName: 'Ana', lastName: 'Rappel' });
    await form.saveAndClose();
    await expectText(reminder, /Aucune sauvegarde/);
  });

  await step('"later" hides it for this tab, across a reload too', async () => {
    await page.getByTestId('backup-later').click();
    await reminder.waitFor({ state: 'detached' });
    await app.reload();
    await list.expectCount(1);
    assert(!(await reminder.isVisible()), 'the reminder came back in the same session');
  });

  await step('another tab (another session) reminds again; a 40-day-old backup is "too old"', async () => {
    const other = new App(await context.newPage(), baseURL);
    await other.open();
    const otherReminder = other.page.getByTestId('backup-reminder');
    await expectText(otherReminder, /Aucune sauvegarde/);
    await recordBackup(other.page, 40);
    await other.page.getByTestId('nav-settings').click();
    await expectText(otherReminder, /plus de 30 jours/);

    await step('a backup made today: the reminder goes, the settings show its date', async () => {
      await recordBackup(other.page, 0);
      await other.list.show();
      await otherReminder.waitFor({ state: 'detached' });
      await other.page.getByTestId('nav-settings').click();
      const today = new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });
      await expectText(other.page.getByTestId('last-backup'), today);
    });
  });
});
