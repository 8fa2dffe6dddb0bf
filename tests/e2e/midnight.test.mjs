// The date changes while the app stays open: customer types and "birthdays this month" follow
// without a reload. The page's clock is Playwright's (it fakes Date and the timers): the app
// opens a few minutes before midnight on the last day of June, then the machine "sleeps" past it.
//
// The app's "today" is the device's local date (the browser runs in Europe/Paris, UTC+2 in
// June), so the midnight crossed here is Paris's.
import { assert, expectEqual, test } from './harness.mjs';

// 90 days (the default "new client" window) before the evening the clock starts on: a client
// whose first purchase is that day is new until midnight, occasional after it.
const EVENING = '2025-06-30T23:56:00+02:00';
const FIRST_PURCHASE = '2025-04-01';

test('customer types and birthdays follow the date across midnight without a reload', async ({ app, context, step }) => {
  const { list, form, fiche, segments } = app;
  const counts = async () =>
    `new ${await segments.countOf('new')}, occasional ${await segments.countOf('occasional')}, ` +
    `birthdays ${await segments.countOf('birthdays_this_month')}`;

  await step('on 30 June, a client born in June whose first purchase was 90 days ago', async () => {
    await context.clock.install({ time: EVENING });
    await app.open();
    await list.newFiche();
    await form.fill({ kind: 'person', firstName: 'Minuit', lastName: 'Passé', birthDate: '1980-06-15' });
    await form.saveAndClose();
    await list.open('Passé');
    await fiche.addEntry({ kind: 'purchase', amount: '30,00', label: 'Premier achat', date: FIRST_PURCHASE });
    await list.show();
    await expectEqual(counts, 'new 1, occasional 0, birthdays 1', 'the sidebar counts before midnight', 10_000)
      .catch(async (e) => {
        throw new Error(`${e.message} (the page's clock says ${await app.page.evaluate(() => new Date().toISOString())})`);
      });
  });

  await step('two hours later, without a reload: occasional, and no birthday this month', async () => {
    const before = await app.page.evaluate(() => new Date().toISOString());
    assert(before < '2025-06-30T22:00:00.000Z', `the first step ran past midnight (${before}): make EVENING earlier`);
    // A laptop lid closed then opened: due timers fire once.
    await context.clock.fastForward('02:00:00');
    await expectEqual(counts, 'new 0, occasional 1, birthdays 0', 'the sidebar counts after midnight');
  });
});
