// Demo data: one click fills an empty file with several hundred fiches, which stay after a reload.
import { assert, eventually, test } from './harness.mjs';

test('load demo data fills the list with several hundred fiches', async ({ app, step }) => {
  const { list } = app;
  let loaded;

  await step('an empty file offers demo data', async () => {
    await app.open();
    await list.expectCount(0);
    await list.loadDemo();
  });

  await step('several hundred fiches are listed', async () => {
    loaded = await eventually(
      () => list.count(),
      (n) => n >= 200,
      (n) => `expected several hundred fiches after loading demo data, the counter says ${n}`,
      30_000,
    );
    assert((await list.rows.count()) > 0, 'the counter says fiches but no row is shown');
    await list.loadDemoButton.waitFor({ state: 'hidden' });
  });

  await step('each sort keeps them all', async () => {
    for (const order of ['name', 'created', 'last_contact']) {
      await list.sortBy(order);
      await list.expectCount(loaded);
    }
  });

  await step('they are still there after a reload', async () => {
    await app.reload();
    await list.expectCount(loaded, 20_000);
  });

  await step('a demo fiche opens', async () => {
    const first = list.rows.first();
    await first.click();
    await app.page.getByTestId('fiche-page').waitFor();
    assert((await app.fiche.name()).length > 0, 'the demo fiche has no name');
  });
});
