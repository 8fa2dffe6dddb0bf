#!/usr/bin/env node
// Import and export throughput through the real browser path: a generated French CSV is picked
// in the import page of the release build (decode, map, plan in wasm), confirmed (one IndexedDB
// transaction), then the file is exported as CSV and as a JSON backup; a till export with one
// purchase per client is attached, then picked again (every row already there: planned to add
// nothing). Prints figures; fails only if the app fails.
//   trunk build --release && node scripts/bench-import.mjs [rows ...]   (default: 10000 100000)
// DIST=<folder> benchmarks another build than dist/ (one keeping function names, to profile).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, openBrowser } from '../tests/e2e/harness.mjs';
import { App } from '../tests/e2e/pages.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10_000, 100_000);

// The files are picked from disk, as a user does: given as a buffer, Playwright would carry
// them into the page as base64 first (about 0.9 s for the 8 MB of 100k rows, counted as plan).
const FILES = mkdtempSync(join(tmpdir(), 'carnet-bench-'));
process.on('exit', () => rmSync(FILES, { recursive: true, force: true }));
function onDisk(name, bytes) {
  const path = join(FILES, name);
  writeFileSync(path, bytes);
  return path;
}

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

/** A till export: one purchase per client of `frenchCsv(n)`, found by e-mail. */
function tillCsv(n) {
  const lines = ['Date;Email;Montant;Libellé'];
  for (let i = 0; i < n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(`${day}/03/2025;client${i}@example.fr;${10 + (i % 90)},${String(i % 100).padStart(2, '0')};Achat n°${i}`);
  }
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'latin1');
}

const server = await startServer({ root: join(ROOT, process.env.DIST ?? 'dist'), base: '/carnet/' });
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
      await page.getByTestId('import-file').setInputFiles(onDisk(`bench-${n}.csv`, csv));
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

      // History: attached once, then the same file again, all of it already there.
      const till = tillCsv(n);
      const pickTill = async () => {
        await page.getByTestId('history-file').setInputFiles(onDisk(`till-${n}.csv`, till));
        await page.getByTestId('history-preview').waitFor({ timeout });
      };
      t = performance.now();
      await pickTill();
      const histPlanMs = performance.now() - t;
      t = performance.now();
      await page.getByTestId('confirm-history').click();
      await page.getByTestId('history-done').waitFor({ timeout });
      const histWriteMs = performance.now() - t;
      t = performance.now();
      await pickTill();
      const histAgainMs = performance.now() - t;
      const again = [await page.getByTestId('history-entries').innerText(), await page.getByTestId('history-duplicates').innerText()].map(Number);
      if (again[0] !== 0 || again[1] !== n) throw new Error(`the same history again: ${again[0]} to add, ${again[1]} already there (expected 0, ${n})`);

      await app.list.show();
      const listed = await app.list.count();
      if (listed !== n) throw new Error(`expected ${n} fiches listed after the import, the counter says ${listed}`);
      if (browser.problems.length) throw new Error(browser.problems[0]);
      rows.push({ n, mb: csv.length / 1e6, planMs, writeMs, csvMs, jsonMs, histPlanMs, histWriteMs, histAgainMs });
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const rate = (n, ms) => Math.round(n / (ms / 1000)).toLocaleString('en');
const cols = [
  ['rows', (r) => r.n.toLocaleString('en')],
  ['file', (r) => `${r.mb.toFixed(1)} MB`],
  ['read+plan', (r) => `${s(r.planMs)} (${rate(r.n, r.planMs)}/s)`],
  ['write', (r) => `${s(r.writeMs)} (${rate(r.n, r.writeMs)}/s)`],
  ['total', (r) => `${s(r.planMs + r.writeMs)} (${rate(r.n, r.planMs + r.writeMs)}/s)`],
  ['CSV export', (r) => s(r.csvMs)],
  ['JSON backup', (r) => s(r.jsonMs)],
  ['history plan', (r) => s(r.histPlanMs)],
  ['history write', (r) => `${s(r.histWriteMs)} (${rate(r.n, r.histWriteMs)}/s)`],
  ['same history again', (r) => s(r.histAgainMs)],
];
const table = [cols.map(([h]) => h), ...rows.map((r) => cols.map(([, f]) => f(r)))];
const widths = cols.map((_, i) => Math.max(...table.map((line) => line[i].length)));
console.log('\nimport bench (release build, headless Chromium, one IndexedDB transaction per import; rows/s in brackets)');
for (const line of table) console.log(line.map((c, i) => c.padEnd(widths[i])).join('  '));
