// The date is the user's (issue 10): a purchase recorded at 00:30 in Paris belongs to that day,
// in winter (UTC+1) and in summer (UTC+2), though UTC is still on the evening before. Stored
// instants stay UTC; every date a person reads or types is local.
import { assert, expectEqual, expectText, test } from './harness.mjs';

for (const [season, at, day, utc] of [
  ['winter', '2026-01-15T00:30:00+01:00', '15/01/2026', '2026-01-14T23:30'],
  ['summer', '2026-07-15T00:30:00+02:00', '15/07/2026', '2026-07-14T22:30'],
]) {
  test(`a purchase recorded at 00:30 in Paris in ${season} is dated that day, stored in UTC`, async ({ app, context, page, step }) => {
    const { list, form, fiche } = app;
    await step(`the device's clock says ${at}, in Paris`, async () => {
      await context.clock.install({ time: at });
      await app.open();
      await list.newFiche();
      await form.fill({ kind: 'person', firstName: 'Nuit', lastName: 'Blanche' });
      await form.saveAndClose();
      await list.open('Blanche');
    });
    await step('the entry form offers the local day, and the timeline shows it', async () => {
      await page.getByTestId('add-entry').click();
      await expectEqual(() => page.getByTestId('entry-date').inputValue(), day.split('/').reverse().join('-'), 'the default date');
      await page.getByTestId('entry-kind').selectOption('purchase');
      await page.getByTestId('entry-amount').fill('18,95');
      await page.getByTestId('save-entry').click();
      await expectText(fiche.entry('18,95'), day);
      await expectText(page.getByTestId('fiche-page'), day);
    });
    await step('the stored instant is the UTC one', async () => {
      const backup = await app.backup();
      const stored = backup.history.map((e) => e.date);
      assert(stored.length === 1 && stored[0].startsWith(utc), `stored ${JSON.stringify(stored)}, expected ${utc}`);
    });
  });
}
