// What the benchmarks share: a file of n fiches with their history written straight into the
// app's IndexedDB (in the stored shape of records the app itself wrote, from its demo data),
// start-up timing, and memory and latency figures. Used by bench-segments.mjs and
// bench-analytics.mjs; prints nothing itself.
//
// Ids are generated, the summaries computed here as `Summary::from_history` does.

import { App } from '../tests/e2e/pages.mjs';

/** The kinds of the entries of a fiche that buys, in order (`perFiche` of them, cycled). */
export const KINDS = ['purchase', 'call', 'email', 'visit', 'purchase', 'note', 'purchase', 'meeting', 'purchase', 'quote'];

/** Runs in the page: fills the stores from the templates; returns the seconds it took. */
async function fill({ n, perFiche, template, entryTemplate, kinds }) {
  const FIRST = ['Hélène', 'Jérôme', 'François', 'Zoé', 'Amélie', 'Noël', 'Céline', 'Loïc', 'Maëlle', 'Stéphane', 'Paul', 'Inès'];
  const LAST = ['Dupré', 'Lefèvre', 'Bérard', 'Noël', 'Mézière', 'Garçon', 'Lemaître', 'Chênevière', 'Dubois', 'Martin', 'Roux', 'Petit'];
  const CITY = [['69003', 'Lyon'], ['75011', 'Paris'], ['13001', 'Marseille'], ['33000', 'Bordeaux'], ['59000', 'Lille'], ['69100', 'Villeurbanne']];
  const KINDS = kinds;
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
        e.label = kind === 'campaign' ? `Campagne ${next(6)}` : kind;
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

/**
 * Opens the app in `page` at `url`, loads the demo data to take one stored fiche and entry as
 * templates, then replaces the file with `n` fiches of `perFiche` entries of `kinds`.
 * Returns the seconds the writing took.
 */
export async function writeFile(page, url, { n, perFiche, kinds = KINDS }) {
  // One record and one entry as the app stores them: the templates.
  const app = new App(page, url);
  await app.open();
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
  await fillPage.goto(new URL('manifest.webmanifest', url).href);
  await fillPage.evaluate(async () => {
    const db = await new Promise((ok) => {
      const r = indexedDB.open('carnet');
      r.onsuccess = () => ok(r.result);
    });
    await new Promise((ok) => {
      const tx = db.transaction(['fiches', 'history', 'cache'], 'readwrite');
      tx.objectStore('fiches').clear();
      tx.objectStore('history').clear();
      // The stamp and what was stored under it go too: they describe the demo file.
      tx.objectStore('cache').clear();
      tx.oncomplete = ok;
    });
    db.close();
  });
  const fillSeconds = await fillPage.evaluate(fill, { n, perFiche, template, entryTemplate, kinds });
  await fillPage.close();
  return fillSeconds;
}

/**
 * Navigates to `url` and returns the ms from navigation start to the list counting `n` fiches;
 * then waits (up to a minute) for the startup snapshot of that state and says whether it came.
 */
export async function startup(page, url, n) {
  await page.goto(url);
  return page.evaluate(async (n) => {
    const shown = () => {
      const c = document.querySelector('[data-testid=count]');
      return c && Number(c.textContent.replace(/\D/g, '')) === n && document.querySelector('[data-testid=fiche-row]');
    };
    while (!shown()) await new Promise((ok) => requestAnimationFrame(ok));
    return performance.now();
  }, n);
}

/** Waits until the stored `cache` record `key` carries the current stamp (a minute at most). */
export async function waitCached(page, key) {
  return page.evaluate(async (key) => {
    const current = () => new Promise((ok, ko) => {
      const r = indexedDB.open('carnet');
      r.onerror = () => ko(r.error);
      r.onsuccess = () => {
        const db = r.result;
        const tx = db.transaction('cache');
        const stamp = tx.objectStore('cache').get('stamp');
        const rec = tx.objectStore('cache').get(key);
        tx.oncomplete = () => { db.close(); ok(!!(rec.result && stamp.result && rec.result.stamp === stamp.result.value)); };
      };
    });
    const t0 = performance.now();
    while (performance.now() - t0 < 60_000) {
      if (await current()) return true;
      await new Promise((ok) => setTimeout(ok, 250));
    }
    return false;
  }, key);
}

export const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return `median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms`;
};

export async function heap(cdp) {
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

