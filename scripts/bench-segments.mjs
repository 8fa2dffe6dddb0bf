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
import { startServer } from '../tests/e2e/server.mjs';

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
if (sizes.length === 0) sizes.push(10_000, 100_000);
const HISTORY_PER_FICHE = 10;

/** Runs in the page: fills the stores from the templates; returns the seconds it took. */
async function fill({ n, perFiche, template, entryTemplate }) {
  const FIRST = ['Hélène', 'Jérôme', 'François', 'Zoé', 'Amélie', 'Noël', 'Céline', 'Loïc', 'Maëlle', 'Stéphane', 'Paul', 'Inès'];
  const LAST = ['Dupré', 'Lefèvre', 'Bérard', 'Noël', 'Mézière', 'Garçon', 'Lemaître', 'Chênevière', 'Dubois', 'Martin', 'Roux', 'Petit'];
  const CITY = [['69003', 'Lyon'], ['75011', 'Paris'], ['13001', 'Marseille'], ['33000', 'Bordeaux'], ['59000', 'Lille'], ['69100', 'Villeurbanne']];
  const KINDS = ['purchase', 'call', 'email', 'visit', 'purchase', 'note', 'purchase', 'meeting', 'purchase', 'quote'];
  const t0 = performance.now();
  const db = await new Promise((ok, ko) => {
    const r = indexedDB.open('carnet');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => ko(r.error);
  });
  const day = 86_400_000;
  const now = Date.now();
  let rnd = 12345;
  const next = (m) => {
    rnd = (rnd * 1103515245 + 12345) % 2147483648;
    return rnd % m;
  };
  const CHUNK = 5000;
  for (let start = 0; start < n; start += CHUNK) {
    const tx = db.transaction(['fiches', 'history'], 'readwrite');
    const fiches = tx.objectStore('fiches');
    const history = tx.objectStore('history');
    for (let i = start; i < Math.min(n, start + CHUNK); i++) {
      const id = `bench-${i}`;
      const rec = structuredClone(template);
      const f = rec.fiche;
      rec.id = id;
      f.id = id;
      f.version = 1;
      f.first_name = FIRST[i % 12];
      f.last_name = `${LAST[Math.floor(i / 12) % 12]} ${i}`;
      f.company = '';
      f.kind = i % 7 === 0 ? 'company' : 'person';
      if (f.kind === 'company') f.company = `Société ${i}`;
      const [cp, city] = CITY[i % 6];
      if (f.addresses?.length) {
        f.addresses = [{ ...f.addresses[0], postal_code: cp, city }];
      }
      if (f.emails?.length) f.emails = [{ ...f.emails[0], value: `client${i}@example.fr` }];
      if (f.phones?.length) {
        f.phones = [{ ...f.phones[0], value: `06 ${String(10 + (i % 90)).padStart(2, '0')} ${String(Math.floor(i / 90) % 100).padStart(2, '0')} ${String(i % 97).padStart(2, '0')} 00` }];
      }
      f.tags = i % 5 === 0 ? ['vip'] : [];
      const s = { total_spent_cents: 0, orders: 0, first_purchase: null, last_purchase: null, last_contact: null, contacts: 0, recent_purchases: [] };
      const buyer = i % 4 !== 0;
      for (let k = 0; k < perFiche; k++) {
        const e = structuredClone(entryTemplate);
        const kind = buyer ? KINDS[k] : 'call';
        const at = new Date(now - next(3 * 365) * day);
        at.setUTCHours(12, 0, 0, 0);
        const iso = at.toISOString().replace('.000Z', 'Z');
        e.id = `${id}-h${k}`;
        e.fiche_id = id;
        e.date = iso;
        e.kind = kind;
        e.label = kind;
        e.amount_cents = kind === 'purchase' ? 1000 + next(20000) : null;
        e.status = null;
        e.text = '';
        history.put(e);
        if (kind === 'purchase') {
          s.total_spent_cents += e.amount_cents;
          s.orders += 1;
          if (!s.first_purchase || iso < s.first_purchase) s.first_purchase = iso;
          if (!s.last_purchase || iso > s.last_purchase) s.last_purchase = iso;
          s.recent_purchases.push(iso.slice(0, 10));
        }
        if (kind !== 'note' && kind !== 'campaign') {
          s.contacts += 1;
          if (!s.last_contact || iso > s.last_contact) s.last_contact = iso;
        }
      }
      s.recent_purchases.sort().reverse();
      s.recent_purchases = s.recent_purchases.slice(0, 12);
      rec.summary = s;
      fiches.put(rec);
    }
    await new Promise((ok, ko) => {
      tx.oncomplete = ok;
      tx.onerror = () => ko(tx.error);
      tx.onabort = () => ko(tx.error);
    });
  }
  db.close();
  return (performance.now() - t0) / 1000;
}

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

const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
};

async function heap(cdp) {
  // What stays: garbage (such as the records read at start) collected first.
  await cdp.send('HeapProfiler.collectGarbage');
  const h = await cdp.send('Runtime.getHeapUsage');
  // The wasm linear memory is not in the JS heap: found through its prototype.
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const size = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  const mb = (b) => `${((b ?? 0) / 1048576).toFixed(0)} MB`;
  return `JS heap ${mb(h.usedSize)}, wasm memory ${mb(size.result.value)}`;
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
      await app.open();
      // One record and one entry as the app stores them: the templates.
      await app.list.loadDemo();
      await page.getByTestId('fiche-row').first().waitFor({ timeout: 30_000 });
      const { template, entryTemplate } = await page.evaluate(async () => {
        const db = await new Promise((ok) => {
          const r = indexedDB.open('carnet');
          r.onsuccess = () => ok(r.result);
        });
        const get = (store) => new Promise((ok) => {
          const r = db.transaction(store).objectStore(store).getAll(null, 50);
          r.onsuccess = () => ok(r.result);
        });
        const fiches = await get('fiches');
        const entries = await get('history');
        db.close();
        const full = fiches.find((r) => r.fiche.addresses?.length && r.fiche.emails?.length && r.fiche.phones?.length) ?? fiches[0];
        return { template: full, entryTemplate: entries[0] };
      });
      // Demo data out, bench data in (the page is closed meanwhile: no tab holds the file).
      await page.goto('about:blank');
      const fillPage = await page.context().newPage();
      await fillPage.goto(new URL('manifest.webmanifest', server.url).href);
      await fillPage.evaluate(async () => {
        const db = await new Promise((ok) => {
          const r = indexedDB.open('carnet');
          r.onsuccess = () => ok(r.result);
        });
        await new Promise((ok) => {
          const tx = db.transaction(['fiches', 'history'], 'readwrite');
          tx.objectStore('fiches').clear();
          tx.objectStore('history').clear();
          tx.oncomplete = ok;
        });
        db.close();
      });
      const fillSeconds = await fillPage.evaluate(fill, { n, perFiche: HISTORY_PER_FICHE, template, entryTemplate });
      await fillPage.close();
      console.log(`bench-segments: ${n} fiches + ${n * HISTORY_PER_FICHE} history entries written in ${fillSeconds.toFixed(1)} s`);

      // Startup: navigation start to the list counting every fiche. The first start reads the
      // store record by record (the file was written behind the app's back, so it has no
      // snapshot); the app then writes its startup snapshot, and the second start reads that.
      const startup = async () => {
        await page.goto(server.url);
        return page.evaluate(async (n) => {
          const shown = () => {
            const c = document.querySelector('[data-testid=count]');
            return c && Number(c.textContent.replace(/\D/g, '')) === n && document.querySelector('[data-testid=fiche-row]');
          };
          while (!shown()) await new Promise((ok) => requestAnimationFrame(ok));
          return performance.now();
        }, n);
      };
      const first = await startup();
      console.log(`  startup to the list, reading every record: ${(first / 1000).toFixed(2)} s`);
      const snapshotted = await page.evaluate(async () => {
        const current = () => new Promise((ok, ko) => {
          const r = indexedDB.open('carnet');
          r.onerror = () => ko(r.error);
          r.onsuccess = () => {
            const db = r.result;
            const tx = db.transaction('cache');
            const stamp = tx.objectStore('cache').get('stamp');
            const snap = tx.objectStore('cache').get('fiches');
            tx.oncomplete = () => { db.close(); ok(!!(snap.result && stamp.result && snap.result.stamp === stamp.result.value)); };
          };
        });
        const t0 = performance.now();
        while (performance.now() - t0 < 60_000) {
          if (await current()) return true;
          await new Promise((ok) => setTimeout(ok, 250));
        }
        return false;
      });
      if (snapshotted) {
        const second = await startup();
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
