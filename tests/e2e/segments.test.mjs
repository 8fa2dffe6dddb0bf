// Segments: a filter built on demo data (loyal clients in postal codes 69*), saved, found again
// after a reload with the same count, bulk-tagged, then exported.
import { assert, eventually, expectEqual, test } from './harness.mjs';

test('build a segment, save it, reload, bulk-tag and export it', async ({ app, page, step }) => {
  const { list, segments } = app;
  let total;
  let loyal;
  let rhone;

  await step('demo data gives a file with loyal clients', async () => {
    await app.open();
    await list.loadDemo();
    total = await eventually(() => list.count(), (n) => n >= 200, (n) => `demo data listed ${n} fiches`, 30_000);
    await expectEqual(() => segments.countOf('all'), total, 'the sidebar count of every fiche');
    loyal = await segments.countOf('loyal');
    assert(loyal > 0 && loyal < total, `the sidebar counts ${loyal} loyal clients of ${total}`);
  });

  await step('the loyal segment, then postal code starting with 69', async () => {
    await segments.pick('loyal');
    await list.expectCount(loyal);
    await segments.addCondition('Code postal', 'commence par', '69');
    rhone = await eventually(() => list.count(), (n) => n < loyal, (n) => `still ${n} fiches after the postal code`);
    assert(rhone > 0, 'no loyal client in 69*: the demo data should have some');
    // The address follows once typing pauses.
    await eventually(() => page.url(), (u) => u.includes('?f='), (u) => `the address does not hold the filter: ${u}`);
    // Every row in view agrees with the filter.
    await page.getByTestId('columns-menu').locator('summary').click();
    await page.getByTestId('col-postal_code').check();
    await page.getByTestId('columns-menu').locator('summary').click();
    const codes = await list.rows.evaluateAll((rows) => rows.map((r) => r.innerText));
    assert(codes.length > 0 && codes.every((t) => /\b69\d{3}\b/.test(t)), `rows outside 69*: ${codes.filter((t) => !/\b69\d{3}\b/.test(t)).join(' | ')}`);
  });

  await step('saved as a segment with its live count', async () => {
    await segments.save('Fidèles du Rhône');
    await expectEqual(() => segments.countOf('saved:Fidèles du Rhône'), rhone, 'the saved segment count');
  });

  await step('a reload restores the filter and the saved segment', async () => {
    await app.reload();
    await list.expectCount(rhone, 20_000);
    await expectEqual(() => segments.countOf('saved:Fidèles du Rhône'), rhone, 'the saved segment count after reload');
    await segments.pick('all');
    await list.expectCount(total);
    await segments.pick('saved:Fidèles du Rhône');
    await list.expectCount(rhone);
  });

  await step('bulk-tag them: only they carry the tag', async () => {
    const said = await segments.addTag('rhone-vip');
    assert(said.includes(String(rhone)), `the bulk action says "${said}", expected ${rhone} changed`);
    await segments.clear();
    await list.expectCount(total);
    await segments.addCondition('Étiquettes', "a l'une de (séparées par des virgules)", 'rhone-vip');
    await list.expectCount(rhone);
  });

  await step('export them as CSV and vCard', async () => {
    await segments.pick('saved:Fidèles du Rhône');
    await list.expectCount(rhone);
    const csv = await segments.export('bulk-export-csv');
    assert((csv.match(/rhone-vip/g) ?? []).length === rhone, `the CSV holds ${rhone} tagged fiches`);
    const vcf = await segments.export('bulk-export-vcard');
    assert((vcf.match(/BEGIN:VCARD/g) ?? []).length === rhone, `the vCard file holds ${rhone} cards`);
  });
});
