#!/usr/bin/env node
// Import and export throughput through the real browser path: a generated French CSV is picked
// in the import page of the release build (decode, map, plan in wasm), confirmed (one IndexedDB
// transaction), then the file is exported as CSV and as a JSON backup. Prints figures; fails only
// if the app fails.
//   trunk build --release && node scripts/bench-import.mjs [rows ...]   (default: 10000 100000)

import { join } from 'node:path';
import { ROOT, openBrowser } from '../tests/e2e/harness.mjs';
import { App } from '../tests/e2e/pages.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10_000, 100_000);

const FIRST = ['Hélène', 'Jérôme', 'François', 'Zoé', 'Amélie', 'Noël', 'Céline', 'Loïc', 'Maëlle', 'Stéphane'];
const LAST = ['Dupré', 'Lefèvre', 'Bérard', 'Noël', 'Mézière', 'Garçon', 'Lemaître', 'Chênevière', 'Dubois', 'Martin'];
const CITY = [['69003', 'Lyon'], ['75011', 'Paris'], ['13001', 'Marseille'], ['33000', 'Bordeaux'], ['59000', 'Lille']];

/** n rows as Excel on a French Windows machine writes them (';', CRLF, Windows-1252). */
function frenchCsv(n) {
  const lines = ['Civilité;Prénom;Nom;E-mail;Téléphone;Code postal;Ville;Date de naissance;Notes'];
  for (let i = 0; i < n; i++) {
    const f = FIRST[i % 10];
    const l = LAST[Math.floor(i / 10) % 10];
    const [cp, city] = CITY[i % 5];
    const phone = `06 ${String(10 + (i % 90)).padStart(2, '0')} ${String(Math.floor(i / 90) % 100).padStart(2, '0')} ${String(Math.floor(i / 9000) % 100).padStart(2, '0')} ${String(i % 97).padStart(2, '0')}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    const month = String(1 + (i % 12)).padStart(2, '0');
    lines.push(`${i % 2 ? 'M.' : 'Mme'};${f};${l};client${i}@example.fr;${phone};${cp};${city};${day}/${month}/${1940 + (i % 60)};"Client n°${i}; fidèle"`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

const server = await startServer({ root: join(ROOT, 'dist'), base: '/carnet/' });
const rows = [];
try {
  for (const n of sizes) {
    const browser = await openBrowser({ origin: server.origin });
    try {
      const { page } = browser;
      const app = new App(page, server.url);
      await app.open();
      await page.getByTestId('nav-files').click();
      const csv = frenchCsv(n);
      const timeout = 600_000;

      let t = performance.now();
      await page.getByTestId('import-file').setInputFiles({ name: `bench-${n}.csv`, mimeType: 'text/csv', buffer: csv });
      await page.getByTestId('import-preview').waitFor({ timeout });
      const planMs = performance.now() - t;

      t = performance.now();
      await page.getByTestId('confirm-import').click();
      await page.getByTestId('import-done').waitFor({ timeout });
      const writeMs = performance.now() - t;

      t = performance.now();
      const [csvDownload] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByTestId('export-csv').click()]);
      await csvDownload.path();
      const csvMs = performance.now() - t;

      t = performance.now();
      const [jsonDownload] = await Promise.all([page.waitForEvent('download', { timeout }), page.getByTestId('backup-json').click()]);
      await jsonDownload.path();
      const jsonMs = performance.now() - t;

      await app.list.show();
      const listed = await app.list.count();
      if (listed !== n) throw new Error(`expected ${n} fiches listed after the import, the counter says ${listed}`);
      if (browser.problems.length) throw new Error(browser.problems[0]);
      rows.push({ n, mb: csv.length / 1e6, planMs, writeMs, csvMs, jsonMs });
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
console.log('\nimport bench (release build, headless Chromium, one IndexedDB transaction per import)');
console.log('rows      file     read+plan   write     total     rows/s    CSV export  JSON backup');
for (const r of rows) {
  const total = r.planMs + r.writeMs;
  console.log(
    `${String(r.n).padEnd(9)} ${`${r.mb.toFixed(1)} MB`.padEnd(8)} ${s(r.planMs).padEnd(11)} ${s(r.writeMs).padEnd(9)} ${s(total).padEnd(9)} ${String(Math.round(r.n / (total / 1000))).padEnd(9)} ${s(r.csvMs).padEnd(11)} ${s(r.jsonMs)}`,
  );
}
