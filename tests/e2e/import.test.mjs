// Import and export (issue 3): a French Excel file (semicolons, Windows-1252) with a problem
// row is previewed, imported, found, undone; a JSON backup restores into an empty file.
import { readFileSync } from 'node:fs';
import { assert, eventually, expectEqual, openBrowser, test } from './harness.mjs';
import { App } from './pages.mjs';

// What Excel on a French Windows machine writes: ';', CRLF, Windows-1252 (Latin-1 for these).
const FRENCH_CSV = Buffer.from(
  [
    'Civilité;Prénom;Nom;E-mail;Téléphone;Code postal;Ville;Date de naissance',
    'Mme;Hélène;Dupré;helene.dupre@example.fr;06 12 34 56 78;69003;Lyon;14/07/1980',
    'M.;Jérôme;Lefèvre;jerome@example.fr;04 78 00 00 01;69001;Lyon;01/02/1975',
    'Mme;Zoé;Bérard;pas-un-email;;75011;Paris;',
    'M.;François;Noël;francois.noel@example.fr;0033 6 98 76 54 32;13001;Marseille;31/12/1969',
    '',
  ].join('\r\n'),
  'latin1',
);

async function openFiles(app) {
  await app.page.getByTestId('nav-files').click();
  await app.page.getByTestId('files-page').waitFor();
}

async function importFile(page, testid, name, buffer, mimeType) {
  await page.getByTestId(testid).setInputFiles({ name, mimeType, buffer });
}

test('a French Excel file is previewed, imported, undone, and a backup restores', async ({ app, page, origin, baseURL, step }) => {
  const { list } = app;
  let backupText;

  await step('the preview counts 4 fiches to create and shows the bad e-mail on line 4', async () => {
    await app.open();
    await openFiles(app);
    await importFile(page, 'import-file', 'clients.csv', FRENCH_CSV, 'text/csv');
    await page.getByTestId('import-preview').waitFor();
    await expectEqual(async () => Number(await page.getByTestId('plan-create').innerText()), 4, 'fiches to create');
    const problem = page.locator('[data-testid=problem-row][data-line="4"]');
    await problem.waitFor();
    const text = await problem.innerText();
    assert(text.includes('pas-un-email'), `the problem row shows the value: ${text}`);
    assert(/e-mail/i.test(text), `the problem row says what is wrong: ${text}`);
  });

  await step('confirming writes them; accents survived the Windows-1252 file', async () => {
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-done').waitFor({ timeout: 20_000 });
    await list.show();
    await list.expectCount(4);
    await list.search('jerome lefevre');
    await list.expectCount(1);
    assert((await list.rows.first().innerText()).includes('Lefèvre'), 'the accented name was decoded');
    await list.search('');
  });

  await step('undo removes the whole import', async () => {
    await openFiles(app);
    await page.getByTestId('last-import').waitFor();
    await page.getByTestId('undo-import-button').click();
    await page.getByTestId('confirm-undo').click();
    await page.getByTestId('undo-done').waitFor();
    await list.show();
    await list.expectCount(0);
  });

  await step('imported again, then saved as a JSON backup', async () => {
    await openFiles(app);
    await importFile(page, 'import-file', 'clients.csv', FRENCH_CSV, 'text/csv');
    await page.getByTestId('confirm-import').click();
    await page.getByTestId('import-done').waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup-json').click()]);
    backupText = readFileSync(await download.path(), 'utf8');
    const backup = JSON.parse(backupText);
    assert(backup.format === 'carnet-backup', 'the download is a Carnet backup');
    assert(backup.fiches.length === 4, `the backup holds the 4 fiches, not ${backup.fiches.length}`);
  });

  await step('restored into an empty file (another browser profile), it gives the same fiches', async () => {
    const other = await openBrowser({ origin });
    try {
      const app2 = new App(other.page, baseURL);
      await app2.open();
      await app2.list.expectCount(0);
      await openFiles(app2);
      await importFile(other.page, 'restore-file', 'backup.json', Buffer.from(backupText), 'application/json');
      await other.page.getByTestId('restore-preview').waitFor();
      await other.page.getByTestId('restore-replace').click();
      await other.page.getByTestId('confirm-restore').click();
      await other.page.getByTestId('restore-done').waitFor({ timeout: 20_000 });
      const [download] = await Promise.all([
        other.page.waitForEvent('download'),
        other.page.getByTestId('backup-json').click(),
      ]);
      const again = JSON.parse(readFileSync(await download.path(), 'utf8'));
      const original = JSON.parse(backupText);
      const byId = (a, b) => a.id.localeCompare(b.id);
      assert(
        JSON.stringify(again.fiches.sort(byId)) === JSON.stringify(original.fiches.sort(byId)),
        'the restored fiches equal the backed-up ones, field for field',
      );
      await app2.list.show();
      await app2.list.expectCount(4);
      if (other.problems.length) throw new Error(other.problems[0]);
    } finally {
      await other.close();
    }
  });

  await step('a binary file gets a message and changes nothing', async () => {
    await openFiles(app);
    await importFile(page, 'import-file', 'photo.xlsx', Buffer.from([0x50, 0x4b, 3, 4, 0, 0, 0, 0, 0xff, 0xfe]), 'application/octet-stream');
    await page.getByTestId('file-error').waitFor();
    await eventually(() => page.getByTestId('import-preview').count(), (n) => n === 0, () => 'no preview for a binary file');
  });

  await step('a till export imported twice adds its purchases once', async () => {
    const till = Buffer.from(
      [
        'Date;Email;Montant;Libellé',
        '03/05/2024;helene.dupre@example.fr;49,90;Bouquet',
        '03/05/2024;helene.dupre@example.fr;49,90;Bouquet',
        '04/05/2024;jerome@example.fr;12,00;Carte',
        '',
      ].join('\r\n'),
      'latin1',
    );
    const counts = async () => [
      Number(await page.getByTestId('history-entries').innerText()),
      Number(await page.getByTestId('history-duplicates').innerText()),
    ];
    await importFile(page, 'history-file', 'caisse.csv', till, 'text/csv');
    await page.getByTestId('history-preview').waitFor();
    await expectEqual(async () => JSON.stringify(await counts()), '[2,1]', 'entries to add and repeated rows');
    await page.getByTestId('confirm-history').click();
    await page.getByTestId('history-done').waitFor({ timeout: 20_000 });
    await importFile(page, 'history-file', 'caisse.csv', till, 'text/csv');
    await page.getByTestId('history-preview').waitFor();
    await expectEqual(async () => JSON.stringify(await counts()), '[0,3]', 'nothing new the second time');
  });
});

test('a CSV of 200,000 columns is refused with a reason, and the app goes on working', async ({ app, page, step }) => {
  const wide = Buffer.from(Array.from({ length: 200_000 }, (_, i) => `c${i}`).join(';') + '\r\n');
  await step('picked in the fiche import, it is refused with the number of columns and the limit', async () => {
    await app.open();
    await openFiles(app);
    await importFile(page, 'import-file', 'wide.csv', wide, 'text/csv');
    const error = page.getByTestId('file-error');
    await error.waitFor();
    const text = await error.innerText();
    assert(/200000 colonnes ; Carnet en lit au plus 500/.test(text), `said: ${text}`);
    assert(!(await page.getByTestId('import-preview').count()), 'a preview of the refused file');
    assert(!(await page.getByTestId('import-file-reading').count()), '"reading the file" stays after the refusal');
  });
  await step('the same file in the history import, then the app still navigates', async () => {
    await importFile(page, 'history-file', 'wide.csv', wide, 'text/csv');
    await eventually(() => page.getByTestId('file-error').count(), (n) => n === 2, (n) => `${n} error lines`);
    await app.list.show();
    await app.list.expectCount(0);
  });
});
