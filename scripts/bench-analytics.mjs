#!/usr/bin/env node
// The analysis page at scale in the release build, in headless Chromium: files of n fiches with
// 10 history entries each (purchases, contacts, a campaign) written straight into the app's
// IndexedDB (see bench-data.mjs), then measured:
//   - the history log rebuilt from the history store at the first start (no stored log yet);
//   - the start once the log is stored with the snapshot;
//   - the page's first opening: from the click on "Analyse" to every table on screen;
//   - a period change through the address: from the change to the end of the work it triggers
//     (all the analyses and their tables), median and p95 over 20 changes;
//   - the wasm memory before and after the page's opening (its growth).
// Prints figures; never fails on time.
//   trunk build --release && node scripts/bench-analytics.mjs [fiches ...]  (default: 10000 100000)

import { join } from 'node:path';
import { ROOT, openBrowser } from '../tests/e2e/harness.mjs';
import { startServer } from '../tests/e2e/server.mjs';
import { heap, startup, stats, waitCached, writeFile } from './bench-data.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10_000, 100_000);
const PER_FICHE = 10;
const KINDS = ['purchase', 'call', 'campaign', 'purchase', 'email', 'purchase', 'visit', 'purchase', 'note', 'purchase'];

/** Runs in the page: ms until the log is ready (the analysis page no longer says it reads). */
async function logReady() {
  const t0 = performance.now();
  location.hash = '#/analytics';
  while (!document.querySelector('[data-testid=analytics-kpis]')) {
    await new Promise((ok) => setTimeout(ok, 20));
  }
  return performance.now() - t0;
}

/** Runs in the page: from the click on the nav link to the last table on screen. */
async function firstOpening() {
  location.hash = '#/';
  await new Promise((ok) => setTimeout(ok, 200));
  const t0 = performance.now();
  document.querySelector('[data-testid=nav-analytics]').click();
  while (!document.querySelector('[data-testid=analytics-makeup-owner]')) {
    await new Promise((ok) => requestAnimationFrame(ok));
  }
  return performance.now() - t0;
}

/** Runs in the page: period changes by the address; per change, the work to the next macrotask. */
async function periodChanges(count) {
  const work = [];
  for (let i = 0; i < count; i++) {
    const from = `20${24 - (i % 3)}-0${1 + (i % 9)}-01`;
    const changed = new Promise((ok) => window.addEventListener('hashchange', ok, { once: true }));
    const t0 = performance.now();
    location.hash = `#/analytics?from=${from}&to=2026-06-30`;
    await changed;
    await new Promise((ok) => setTimeout(ok, 0));
    work.push(performance.now() - t0);
    await new Promise((ok) => requestAnimationFrame(ok));
  }
  return work;
}

const server = await startServer({ root: process.env.DIST ?? join(ROOT, 'dist'), base: '/carnet/' });
try {
  for (const n of sizes) {
    const browser = await openBrowser({ origin: server.origin });
    try {
      const { page } = browser;
      const cdp = await page.context().newCDPSession(page);
      if (process.env.TIMING) page.on('console', (m) => m.text().startsWith('TIMING') && console.log(m.text()));
      const seconds = await writeFile(page, server.url, { n, perFiche: PER_FICHE, kinds: KINDS });
      console.log(`bench-analytics: ${n} fiches + ${n * PER_FICHE} history entries written in ${seconds.toFixed(1)} s`);

      await startup(page, server.url, n);
      const rebuild = await page.evaluate(logReady);
      console.log(`  first start: history log rebuilt from the history store in ${(rebuild / 1000).toFixed(2)} s (from the page's opening)`);
      const stored = await waitCached(page, 'log');
      const start = await startup(page, server.url, n);
      console.log(`  start to the list ${stored ? 'with the log stored' : '(no log stored)'}: ${(start / 1000).toFixed(2)} s`);
      console.log(`  memory before the page: ${await heap(cdp)}`);
      const opening = await page.evaluate(firstOpening);
      console.log(`  analysis page, first opening to every table: ${(opening / 1000).toFixed(2)} s`);
      console.log(`  memory after the page: ${await heap(cdp)}`);
      const changes = await page.evaluate(periodChanges, 20);
      console.log(`  period change, all analyses and tables: ${stats(changes)}`);
      console.log(`  memory after the changes: ${await heap(cdp)}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
