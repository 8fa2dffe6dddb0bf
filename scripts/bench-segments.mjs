#!/usr/bin/env node
// The list at scale in the release build, in headless Chromium: files of n fiches with 10
// history entries each are written straight into the app's IndexedDB (in the page, in the
// stored shape of a record the app itself wrote), then the app is reloaded and measured:
//   - startup: navigation to the list showing every fiche;
//   - search and filter latency over 100 keystrokes each, measured in the page: from the input
//     event to the end of the work it triggers (the next macrotask: leptos runs its effects in
//     microtasks) and to the next animation frame, median and p95;
//   - memory: the JS heap and the ArrayBuffers (the wasm memory), from the DevTools protocol;
//   - the same search and filter as plain JavaScript over the same records in the same page.
// Prints figures; never fails on time.
//   trunk build --release && node scripts/bench-segments.mjs [fiches ...]  (default: 10000 100000)
// DIST=<folder> measures another build than dist/ (one keeping function names); PROFILE=<folder>
// also writes the DevTools CPU profiles of the search and filter keystrokes there
// (search-<n>.cpuprofile, filter-<n>.cpuprofile).
//
// The records are cloned from one the app stored (demo data), so they follow its stored shape;
// the history is written in the same way. Ids are generated, the summaries computed here as
// `Summary::from_history` does.

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openBrowser } from '../tests/e2e/harness.mjs';
import { App } from '../tests/e2e/pages.mjs';
import { heap, startup, stats, waitCached, writeFile } from './bench-data.mjs';
import { startServer } from '../tests/e2e/server.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10_000, 100_000);
const HISTORY_PER_FICHE = 10;

/** Runs in the page: `count` input events on `selector`, values from `values`; per event, the
 * time to the end of the work (next macrotask) and to the next animation frame. */
async function keystrokes({ selector, values, count }) {
  const boxes = document.querySelectorAll(selector);
  const box = boxes[boxes.length - 1];
  const work = [];
  const frame = [];
  const macrotask = () => new Promise((ok) => setTimeout(ok, 0));
  const nextFrame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
  for (let i = 0; i < count; i++) {
    await nextFrame();
    box.value = values[i % values.length];
    const t0 = performance.now();
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await macrotask();
    work.push(performance.now() - t0);
    await nextFrame();
    frame.push(performance.now() - t0);
  }
  return { work, frame };
}

/** Runs `run`, under the DevTools CPU profiler when PROFILE names a folder (written as
 * <folder>/<name>.cpuprofile, to open in DevTools). */
async function profiled(cdp, name, run) {
  if (!process.env.PROFILE) return run();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.start');
  const result = await run();
  const { profile } = await cdp.send('Profiler.stop');
  writeFileSync(join(process.env.PROFILE, `${name}.cpuprofile`), JSON.stringify(profile));
  return result;
}

/** Runs in the page: the same search and filter in plain JavaScript over the same records. */
async function plainJs({ searches, prefixes }) {
  const db = await new Promise((ok) => {
    const r = indexedDB.open('carnet');
    r.onsuccess = () => ok(r.result);
  });
  const records = await new Promise((ok) => {
    const r = db.transaction('fiches').objectStore('fiches').getAll();
    r.onsuccess = () => ok(r.result);
  });
  db.close();
  const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const hay = records.map((r) => {
    const f = r.fiche;
    return fold([f.first_name, f.last_name, f.company, ...(f.emails ?? []).map((e) => e.value), ...(f.phones ?? []).map((p) => p.value.replace(/\D/g, '')), ...(f.addresses ?? []).flatMap((a) => [a.postal_code, a.city])].join('\n'));
  });
  // Kept, so that the memory figure after this pass shows what the JS copy holds.
  window.benchCopy = { records, hay };
  const year = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
  const time = (fn) => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  const search = searches.map((q) => time(() => {
    const words = fold(q).split(/\s+/).filter(Boolean);
    hay.filter((h) => words.every((w) => h.includes(w))).length;
  }));
  // "Loyal in 69…": three purchases in a year, a postal code with the prefix.
  const filter = prefixes.map((p) => time(() => {
    records.filter((r) => (r.summary.recent_purchases?.[2] ?? '') >= year && (r.fiche.addresses ?? []).some((a) => a.postal_code.startsWith(p))).length;
  }));
  return { search, filter, n: records.length };
}

const SEARCHES = ['d', 'du', 'dup', 'dupr', 'dupre', 'h', 'he', 'hel', 'hele', 'helene', 'helene d', 'helene du', '0', '06', '061', '0612', 'l', 'ly', 'lyo', 'lyon', 'c', 'cl', 'cli', 'client1', 'client12', ''];
const PREFIXES = ['6', '69', '690', '6900', '69003', '69', '7', '75', '750', '75011', '', '1', '13'];

const server = await startServer({ root: process.env.DIST ?? join(ROOT, 'dist'), base: '/carnet/' });
try {
  for (const n of sizes) {
    const browser = await openBrowser({ origin: server.origin });
    try {
      const { page } = browser;
      const cdp = await page.context().newCDPSession(page);
      const app = new App(page, server.url);
      const fillSeconds = await writeFile(page, server.url, { n, perFiche: HISTORY_PER_FICHE });
      console.log(`bench-segments: ${n} fiches + ${n * HISTORY_PER_FICHE} history entries written in ${fillSeconds.toFixed(1)} s`);

      // Startup: navigation start to the list counting every fiche. The first start reads the
      // store record by record (the file was written behind the app's back, so it has no
      // snapshot); the app then writes its startup snapshot, and the second start reads that.
      const first = await startup(page, server.url, n);
      console.log(`  startup to the list, reading every record: ${(first / 1000).toFixed(2)} s`);
      if (await waitCached(page, 'fiches')) {
        const second = await startup(page, server.url, n);
        console.log(`  startup to the list from the snapshot: ${(second / 1000).toFixed(2)} s`);
      } else {
        console.log('  (no startup snapshot for this size)');
      }
      console.log(`  memory after start: ${await heap(cdp)}`);

      const search = await profiled(cdp, `search-${n}`, () =>
        page.evaluate(keystrokes, { selector: '[data-testid=search]', values: SEARCHES, count: 100 }),
      );
      console.log(`  search, 100 keystrokes: work ${stats(search.work)}; to next frame ${stats(search.frame)}`);
      await page.getByTestId('search').fill('');

      // Filter: loyal clients, then a postal-code prefix typed in the condition's box.
      await app.segments.pick('loyal');
      await app.segments.addCondition('Code postal', 'commence par');
      const filter = await profiled(cdp, `filter-${n}`, () =>
        page.evaluate(keystrokes, { selector: '[data-testid=cond-value-0]', values: PREFIXES, count: 100 }),
      );
      console.log(`  filter (loyal + postal code prefix), 100 keystrokes: work ${stats(filter.work)}; to next frame ${stats(filter.frame)}`);
      console.log(`  memory after the passes: ${await heap(cdp)}`);

      // Scrolling: a long jump, then frame times while scrolling down.
      const scroll = await page.evaluate(async () => {
        await new Promise((ok) => requestAnimationFrame(ok));
        const v = document.querySelector('[data-testid=list-viewport]');
        const times = [];
        for (let i = 0; i < 100; i++) {
          const t0 = performance.now();
          v.scrollTop += 400;
          v.dispatchEvent(new Event('scroll'));
          await new Promise((ok) => setTimeout(ok, 0));
          times.push(performance.now() - t0);
          await new Promise((ok) => requestAnimationFrame(ok));
        }
        return times;
      });
      console.log(`  scroll, 100 steps of 400 px: work ${stats(scroll)}`);

      const js = await page.evaluate(plainJs, { searches: SEARCHES, prefixes: PREFIXES });
      console.log(`  plain JS over the same ${js.n} records: search ${stats(js.search)}; filter ${stats(js.filter)}`);
      console.log(`  memory with the JS copy held too (records and folded strings): ${await heap(cdp)}`);
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
