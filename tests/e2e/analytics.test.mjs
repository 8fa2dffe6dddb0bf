// The analysis page against a file made for it: 15 fiches (a to o) and their histories, restored
// from a JSON backup, on a device whose clock says 15 July 2025 in Paris. Every figure below was
// worked out by hand from the histories written here (the working is in the comments), not by
// running Carnet's code: the page must show exactly these.
//
// Period 2025-01-01 – 2025-06-30 (181 days); the previous period is 2024-07-04 – 2024-12-31.
import { writeFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assert, eventually, expectEqual, test } from './harness.mjs';

const TODAY = '2025-07-15T10:00:00+02:00';
const PERIOD = 'from=2025-01-01&to=2025-06-30';

// id, first name, sex, birth date, first address [postal code, country], source, owner
const PEOPLE = [
  ['a', 'Alice', 'female', '2001-07-15', ['75011', ''], 'Salon', 'Julie'], // 24 today: under 25
  ['b', 'Béa', 'female', '2000-07-15', ['75002', ''], 'Salon', 'Julie'], // 25 today
  ['c', 'Chloé', 'female', '2000-07-16', ['69003', ''], 'Salon', 'Julie'], // 25 tomorrow: 24
  ['d', 'Diane', 'female', '1990-01-01', ['20000', ''], 'Salon', 'Julie'], // Corsica below 20200: 2A
  ['e', 'Emma', 'female', '1960-07-15', ['20200', ''], 'Site web', 'Julie'], // 2B; 65 today
  ['f', 'Farid', 'male', '1960-07-16', ['97400', ''], 'Site web', 'Julie'], // 974; 64
  ['g', 'Gabin', 'male', '1980-05-05', ['2A004', ''], '', 'Julie'], // written 2A; 45
  ['h', 'Hugo', 'male', null, ['1000', 'Belgique'], '', 'Marc'], // abroad
  ['i', 'Inès', 'male', null, null, '', 'Marc'],
  ['j', 'Jade', 'other', null, ['123', ''], '', 'Marc'], // not a postal code: unknown
  ['k', 'Karim', null, null, null, '', 'Marc'],
  ['l', 'Léa', null, null, null, '', 'Marc'],
  ['m', 'Manon', null, null, null, '', ''],
  ['n', 'Noé', null, null, null, '', ''],
];

// fiche, date (UTC), kind, amount in cents, label
const HISTORY = [
  ['a', '2024-06-15T10:00:00Z', 'purchase', 10000],
  ['a', '2025-01-10T10:00:00Z', 'purchase', 100000],
  ['a', '2025-03-05T10:00:00Z', 'purchase', 50000],
  ['b', '2025-01-01T08:00:00Z', 'purchase', 80000], // the period's first day
  ['b', '2025-06-30T18:00:00Z', 'purchase', 40000], // its last day
  ['c', '2024-09-01T10:00:00Z', 'purchase', 20000],
  ['c', '2025-02-14T10:00:00Z', 'purchase', 90000],
  ['c', '2025-02-20T10:00:00Z', 'purchase', -10000], // a refund: revenue down, not an order
  ['d', '2025-02-01T10:00:00Z', 'purchase', 70000],
  ['e', '2024-12-31T23:30:00Z', 'purchase', 5000], // 1 January in Paris, but the UTC day counts
  ['e', '2025-03-01T10:00:00Z', 'purchase', 60000],
  ['f', '2025-04-01T10:00:00Z', 'purchase', 50000],
  ['g', '2025-04-15T10:00:00Z', 'purchase', 40000],
  ['g', '2025-05-15T10:00:00Z', 'purchase', 40000],
  ['h', '2025-05-01T10:00:00Z', 'purchase', 30000],
  ['i', '2025-05-20T10:00:00Z', 'purchase', 20000],
  ['j', '2025-06-10T10:00:00Z', 'purchase', 15000],
  ['k', '2024-08-08T10:00:00Z', 'purchase', 10000],
  ['k', '2025-06-20T10:00:00Z', 'purchase', 10000],
  ['l', '2024-07-10T10:00:00Z', 'purchase', 7500],
  ['l', '2025-06-25T10:00:00Z', 'purchase', 5000],
  ['n', '2023-03-01T10:00:00Z', 'purchase', 30000],
  ['a', '2025-01-05T09:00:00Z', 'campaign', null, 'Soldes hiver'],
  ['b', '2025-01-05T09:00:00Z', 'campaign', null, 'Soldes hiver'],
  ['c', '2025-01-05T09:00:00Z', 'campaign', null, 'Soldes hiver'],
  ['f', '2025-03-20T09:00:00Z', 'campaign', null, 'Printemps'],
  ['g', '2025-03-20T09:00:00Z', 'campaign', null, 'Printemps'],
  ['m', '2025-03-20T09:00:00Z', 'campaign', null, 'Printemps'],
  ['m', '2025-02-10T09:00:00Z', 'call', null],
  ['n', '2025-06-01T09:00:00Z', 'note', null],
];

function backup() {
  const created = '2023-01-01T09:00:00Z';
  const fiches = PEOPLE.map(([id, first, sex, birth, address, source, owner]) => ({
    id,
    kind: 'person',
    first_name: first,
    last_name: 'Test',
    ...(sex && { sex }),
    ...(birth && { birth_date: birth }),
    ...(address && { addresses: [{ postal_code: address[0], country: address[1], city: 'Ville' }] }),
    ...(source && { source }),
    ...(owner && { owner }),
    created_at: created,
    updated_at: created,
    version: 1,
  }));
  fiches.push({ id: 'o', kind: 'company', company: 'Oméga SARL', addresses: [{ postal_code: '13001', city: 'Marseille' }], created_at: created, updated_at: created, version: 1 });
  const history = HISTORY.map(([fiche, date, kind, amount, label], i) => ({
    id: `h${i}`,
    fiche_id: fiche,
    date,
    kind,
    ...(label && { label }),
    ...(amount !== null && { amount_cents: amount }),
    currency: 'EUR',
  }));
  return { format: 'carnet-backup', version: 1, exported_at: '2025-07-15T08:00:00Z', fiches, history, meta: {} };
}

/** The rows of an analysis table, as the page writes them (narrow spaces as plain ones). */
async function table(page, name) {
  const t = page.getByTestId(`analytics-${name}`);
  await t.waitFor();
  return t.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => [...r.children].map((c) => c.innerText.replace(/[\u202f\u00a0]/g, ' ').trim())),
  );
}

function expectRows(actual, expected, what) {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new Error(`${what}:\n      got      ${a}\n      expected ${e}`);
}

async function restore(page, app) {
  const dir = mkdtempSync(join(tmpdir(), 'carnet-analytics-'));
  const path = join(dir, 'analyse.json');
  writeFileSync(path, JSON.stringify(backup()));
  await page.getByTestId('nav-files').click();
  await page.getByTestId('restore-file').setInputFiles(path);
  await page.getByTestId('restore-replace').click();
  await page.getByTestId('confirm-restore').click();
  await page.getByTestId('restore-done').waitFor({ timeout: 30_000 });
  await app.list.show();
  await app.list.expectCount(15);
}

async function openAnalytics(page, app, query) {
  await page.goto(`${app.baseURL}#/analytics?${query}`);
  await app.ready();
  await page.getByTestId('analytics-page').waitFor();
  await page.getByTestId('analytics-kpis').waitFor({ timeout: 20_000 });
}

test('the analysis page shows exactly the figures of a hand-made file, opens a decile in the list, and follows the period', async ({ app, page, context, step }) => {
  await context.clock.install({ time: TODAY });

  await step('a file restored from a backup made for the test', async () => {
    await app.open();
    await restore(page, app);
  });

  await step('key figures: the period beside the one before', async () => {
    await openAnalytics(page, app, PERIOD);
    // Buyers: a b c d e f g h i j k l (12); before: c e k l (4; a's 2024-06-15 is earlier,
    // e's 2024-12-31 23:30 UTC is its UTC day). Revenue 1500+1200+800+700+600+500+800+300+200
    // +150+100+50 = 6 900 € (c's refund taken off); before 200+50+100+75 = 425 €. Orders 15
    // (a, b, g twice) against 4. Basket 6900/15 = 460; 425/4 = 106,25. Repeat: a b g = 3/12.
    // New: b d f g h i j (7) against c e k l (4).
    expectRows(await table(page, 'kpis'), [
      ['Acheteurs', '12', '4', '+200,0 %'],
      ["Chiffre d'affaires (€)", '6 900,00', '425,00', '+1 523,5 %'],
      ['Commandes', '15', '4', '+275,0 %'],
      ['Panier moyen (€)', '460,00', '106,25', '+332,9 %'],
      ['Taux de réachat (%)', '25,0', '0,0', '+25,0 pt'],
      ['Nouveaux acheteurs', '7', '4', '+75,0 %'],
    ], 'key figures');
  });

  await step('deciles: 12 buyers, the first two groups hold two', async () => {
    // Ranked: a 1500, b 1200, c 800 = g 800 (tie: by id), d 700, e 600, f 500, h 300, i 200,
    // j 150, k 100, l 50. 12 = 10×1 + 2: groups 1 and 2 hold two buyers.
    expectRows(await table(page, 'deciles'), [
      ['1', '2', '2 700,00', '39,1', '39,1'],
      ['2', '2', '1 600,00', '23,2', '62,3'],
      ['3', '1', '700,00', '10,1', '72,5'],
      ['4', '1', '600,00', '8,7', '81,2'],
      ['5', '1', '500,00', '7,2', '88,4'],
      ['6', '1', '300,00', '4,3', '92,8'],
      ['7', '1', '200,00', '2,9', '95,7'],
      ['8', '1', '150,00', '2,2', '97,8'],
      ['9', '1', '100,00', '1,4', '99,3'],
      ['10', '1', '50,00', '0,7', '100,0'],
    ], 'deciles');
    const lead = (await page.getByTestId('lead-deciles').innerText()).replace(/[\u202f\u00a0]/g, ' ');
    assert(lead.includes('39,1 %'), `the sentence above the deciles: ${lead}`);
  });

  await step('cohorts: new buyers by month of their first purchase', async () => {
    // 2025-01 b (buys again in June: month 5); 2025-02 d; 2025-04 f g (g again in May);
    // 2025-05 h i; 2025-06 j (the last month: only month 0). Months after June are empty.
    const blank = (n) => Array(n).fill('');
    expectRows(await table(page, 'cohorts'), [
      ['2025-01', '1', '100,0', '0,0', '0,0', '0,0', '0,0', '100,0', ...blank(6)],
      ['2025-02', '1', '100,0', '0,0', '0,0', '0,0', '0,0', ...blank(7)],
      ['2025-04', '2', '100,0', '50,0', '0,0', ...blank(9)],
      ['2025-05', '2', '100,0', '0,0', ...blank(10)],
      ['2025-06', '1', '100,0', ...blank(11)],
    ], 'cohorts');
  });

  await step('loyalty: returning buyers per month, and the median time between purchases', async () => {
    expectRows(await table(page, 'loyalty'), [
      ['2025-01', '2', '1', '1', '50,0'], // a (bought in 2024), b
      ['2025-02', '2', '1', '1', '50,0'], // c, d (c's refund is not a purchase)
      ['2025-03', '2', '2', '0', '100,0'], // a, e
      ['2025-04', '2', '0', '2', '0,0'], // f, g
      ['2025-05', '3', '1', '2', '33,3'], // g again, h, i
      ['2025-06', '4', '3', '1', '75,0'], // b, k, l again; j
    ], 'loyalty');
    // Gaps whose second purchase is in the period: g 30, a 54, e 60, c 166, b 180, a 209,
    // k 316, l 350 days: 8 pairs, lower median 166.
    const lead = await page.getByTestId('lead-loyalty').innerText();
    assert(lead.includes('166 jours') && lead.includes('8 rachats'), `the median sentence: ${lead}`);
  });

  await step('migrations: the type on 31 December 2024 against 30 June 2025', async () => {
    // Start: e new (first 2024-12-31), a c k l occasional (one purchase each, median yearly
    // frequency 1 000 ‰ not exceeded), n inactive, the rest prospects. End: f g h i j new
    // (first since 1 April), a loyal (yearly frequency 2 881 ‰ above the median 2 000),
    // b c d e k l occasional, n inactive, m o prospects.
    expectRows(await table(page, 'migrations'), [
      ['Prospect', '2', '5', '2', '0', '0', '9'],
      ['Nouveau', '0', '0', '1', '0', '0', '1'],
      ['Occasionnel', '0', '0', '3', '1', '0', '4'],
      ['Fidèle', '0', '0', '0', '0', '0', '0'],
      ['Inactif', '0', '0', '0', '0', '1', '1'],
    ], 'migrations');
  });

  await step('campaigns (30 days) and the contact activity', async () => {
    // Printemps 2025-03-20: f (12 days after, 500 €) and g (26 days, 400 €) bought, m did not.
    // Soldes hiver 2025-01-05: a bought on 01-10 (1 000 €); b bought before it, c 40 days after.
    expectRows(await table(page, 'campaigns'), [
      ['Printemps', '3', '2', '66,7', '900,00'],
      ['Soldes hiver', '3', '1', '33,3', '1 000,00'],
    ], 'campaigns');
    const z = (n) => Array(n).fill('0');
    expectRows(await table(page, 'activity'), [
      ['2025-01', '2', ...z(8), '3'],
      ['2025-02', '3', '0', '0', '1', ...z(6)],
      ['2025-03', '2', ...z(8), '3'],
      ['2025-04', '2', ...z(9)],
      ['2025-05', '3', ...z(9)],
      ['2025-06', '4', ...z(7), '1', '0'],
    ], 'activity');
  });

  await step('the make-up of the file today (15 July 2025)', async () => {
    // Types today: h i j new (first purchase since 16 April); median yearly frequency 1 972 ‰
    // (l): a b c e g k above it, loyal; d f l occasional; n inactive; m o prospects.
    expectRows(await table(page, 'makeup-type'), [
      ['Prospect', '2', '13,3'], ['Nouveau', '3', '20,0'], ['Occasionnel', '3', '20,0'], ['Fidèle', '6', '40,0'], ['Inactif', '1', '6,7'],
    ], 'types');
    expectRows(await table(page, 'makeup-kind'), [['Particulier (B2C)', '14', '93,3'], ['Entreprise (B2B)', '1', '6,7']], 'kinds');
    expectRows(await table(page, 'makeup-sex'), [['Femme', '5', '35,7'], ['Homme', '4', '28,6'], ['Autre', '1', '7,1'], ['Inconnu', '4', '28,6']], 'sexes');
    expectRows(await table(page, 'makeup-age'), [
      ['Moins de 25 ans', '2', '14,3'], ['25-34 ans', '1', '7,1'], ['35-44 ans', '1', '7,1'], ['45-54 ans', '1', '7,1'],
      ['55-64 ans', '1', '7,1'], ['65 ans et plus', '1', '7,1'], ['Inconnu', '7', '50,0'],
    ], 'ages');
    const places = await table(page, 'makeup-departement');
    expectRows(places.slice(0, 6), [['2A', '2', '13,3'], ['75', '2', '13,3'], ['13', '1', '6,7'], ['2B', '1', '6,7'], ['69', '1', '6,7'], ['974', '1', '6,7']], 'départements');
    expectRows(places.slice(6).sort(), [['Inconnu', '6', '40,0'], ['Étranger', '1', '6,7']].sort(), 'abroad and unknown');
    expectRows(await table(page, 'makeup-source'), [['Salon', '4', '26,7'], ['Site web', '2', '13,3'], ['Inconnu', '9', '60,0']], 'sources');
    expectRows(await table(page, 'makeup-owner'), [['Julie', '7', '46,7'], ['Marc', '5', '33,3'], ['Inconnu', '3', '20,0']], 'owners');
  });

  await step('a decile opens the list with exactly its fiches, and the list leads back', async () => {
    await page.getByTestId('analytics-deciles').locator('tbody tr').nth(1).locator('button').first().click();
    await page.getByTestId('pick-banner').waitFor();
    await app.list.expectCount(2);
    const names = await app.list.rows.evaluateAll((rows) => rows.map((r) => r.innerText));
    assert(names.some((n) => n.includes('Chloé')) && names.some((n) => n.includes('Gabin')), `decile 2 lists ${names.join(' | ')}`);
    // The bulk actions apply to exactly them: tag them.
    const said = await app.segments.addTag('decile-2');
    assert(said.includes('2'), `the bulk action says "${said}"`);
    await page.getByTestId('pick-back').click();
    await eventually(() => page.url(), (u) => u.includes(PERIOD), (u) => `back at ${u}`);
    await page.getByTestId('analytics-deciles').waitFor();
  });

  await step('a cell of the migrations chart opens its fiches too', async () => {
    // Prospect on 31 December, new on 30 June: f g h i j.
    await page.getByTestId('section-migrations').locator('svg g[data-pick="0,1"]').click();
    await page.getByTestId('pick-banner').waitFor();
    await app.list.expectCount(5);
    const banner = await page.getByTestId('pick-banner').innerText();
    assert(banner.includes('Prospect → Nouveau'), `the banner says where they came from: ${banner}`);
    await page.getByTestId('pick-clear').click();
    await app.list.expectCount(15);
  });

  await step('a window of 45 days in the address counts c as a response', async () => {
    await openAnalytics(page, app, `${PERIOD}&window=45`);
    expectRows(await table(page, 'campaigns'), [
      ['Printemps', '3', '2', '66,7', '900,00'],
      ['Soldes hiver', '3', '2', '66,7', '1 900,00'],
    ], 'campaigns within 45 days');
  });

  await step('the presets and the address change the period', async () => {
    await page.getByTestId('preset-last-quarter').click();
    await eventually(() => page.url(), (u) => u.includes('from=2025-04-01&to=2025-06-30'), (u) => `the address after the preset: ${u}`);
    // April–June: f g h i j, b k l.
    await expectEqual(async () => (await table(page, 'kpis'))[0][1], '8', 'buyers of the last quarter');
    await page.getByTestId('preset-last12').click();
    await eventually(() => page.url(), (u) => u.includes('from=2024-07-01&to=2025-06-30'), (u) => `the address after the preset: ${u}`);
    await openAnalytics(page, app, 'from=2025-01-01&to=2025-01-31');
    await expectEqual(async () => (await table(page, 'kpis'))[0][1], '2', 'buyers of January');
    await app.reload();
    await expectEqual(async () => (await table(page, 'kpis'))[0][1], '2', 'buyers of January after a reload');
  });

  await step('a purchase added on a fiche, and a fiche deleted, show at once in the analysis', async () => {
    // Manon (m) buys on 2025-03-25: 13 buyers, 7 000 € of revenue.
    await app.list.show();
    await app.list.open('Manon');
    await app.fiche.addEntry({ kind: 'purchase', amount: '100,00', label: 'Bougies', date: '2025-03-25' });
    await openAnalytics(page, app, PERIOD);
    await expectEqual(async () => (await table(page, 'kpis')).slice(0, 2).map((r) => r[1]).join(' | '), '13 | 7 000,00', 'buyers and revenue after the purchase');
    // Léa (l) deleted: 12 buyers, 6 950 €.
    await app.list.show();
    await app.list.open('Léa');
    await app.fiche.delete();
    await app.list.expectCount(14);
    await openAnalytics(page, app, PERIOD);
    await expectEqual(async () => (await table(page, 'kpis')).slice(0, 2).map((r) => r[1]).join(' | '), '12 | 6 950,00', 'buyers and revenue after the deletion');
  });

  await step('in English, the same figures written the English way', async () => {
    await openAnalytics(page, app, PERIOD);
    await page.getByTestId('lang-switch').selectOption('en');
    await eventually(async () => (await table(page, 'kpis'))[1], (r) => r[0] === 'Revenue (€)', (r) => `the revenue row: ${r}`);
    expectRows((await table(page, 'kpis')).slice(0, 2), [
      ['Buyers', '12', '3', '+300.0%'],
      ['Revenue (€)', '6,950.00', '350.00', '+1,885.7%'],
    ], 'key figures in English (m bought, l is gone)');
    // Ranked: a 1500, b 1200, c g 800, d 700, e 600, f 500, h 300, i 200, j 150, m 100, k 100.
    expectRows((await table(page, 'deciles'))[0], ['1', '2', '2,700.00', '38.8', '38.8'], 'the first decile in English');
  });

  await step('a table downloads as CSV (French Excel) and a chart as SVG', async () => {
    await page.getByTestId('lang-switch').selectOption('fr');
    await page.getByTestId('analytics-deciles').waitFor();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('csv-deciles').click()]);
    const text = readFileSync(await csv.path(), 'utf8');
    assert(text.startsWith('\ufeffDécile;Acheteurs;'), `the CSV header: ${text.slice(0, 60)}`);
    assert(text.includes('\r\n1;2;2700,00;38,8;38,8\r\n'), `the first decile in the CSV: ${text}`);
    const [svg] = await Promise.all([page.waitForEvent('download'), page.getByTestId('svg-deciles').click()]);
    const drawing = readFileSync(await svg.path(), 'utf8');
    assert(drawing.startsWith('<svg') && (drawing.match(/<rect/g) ?? []).length === 10, `the SVG: ${drawing.slice(0, 120)}`);
  });
});

test('the analysis page explains an empty file and a period without purchases', async ({ app, page, context, step }) => {
  await context.clock.install({ time: TODAY });
  await step('a file without history says what to do', async () => {
    await app.open();
    await page.getByTestId('nav-analytics').click();
    const empty = await page.getByTestId('analytics-empty').innerText();
    assert(empty.includes('aucun historique'), `the empty state: ${empty}`);
    // The make-up of the file is still shown, with its rows at zero.
    expectRows(await table(page, 'makeup-kind'), [['Particulier (B2C)', '0', '0,0'], ['Entreprise (B2B)', '0', '0,0']], 'kinds of an empty file');
  });
  await step('a period before any purchase says so above the deciles', async () => {
    await restore(page, app);
    await openAnalytics(page, app, 'from=2020-01-01&to=2020-12-31');
    const lead = await page.getByTestId('lead-deciles').innerText();
    assert(lead.includes('Aucun achat'), `the deciles say: ${lead}`);
    expectRows((await table(page, 'kpis'))[0], ['Acheteurs', '0', '0', ''], 'no buyer in 2020 nor 2019');
  });
});
