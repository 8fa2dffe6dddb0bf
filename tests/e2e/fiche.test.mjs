// The main user path: create a fiche, find it, record purchases, get refused, delete it.
import { assert, expectEqual, expectText, test } from './harness.mjs';

test('a fiche from creation to deletion', async ({ app, page, step }) => {
  const { list, form, fiche } = app;

  await step('the app opens on an empty file', async () => {
    await app.open();
    await list.expectCount(0);
    await list.loadDemoButton.waitFor(); // offered while the file is empty
  });

  await step('create Hélène Dupré through the form', async () => {
    await list.newFiche();
    await form.fill({
      kind: 'person',
      status: 'client',
      firstName: 'Hélène',
      lastName: 'Dupré',
      email: 'helene@example.fr',
      city: 'Lyon',
    });
    await form.saveAndClose();
  });

  await step('she is in the list', async () => {
    await list.show();
    await list.expectCount(1);
    await expectText(list.counter, /^1 fiche$/); // not "1 fiches"
    await list.row('Dupré').waitFor();
  });

  await step('searching without accents finds her; "zzz" finds nobody', async () => {
    await list.search('helene');
    await list.expectCount(1);
    await list.row('Hélène').waitFor();
    await list.search('zzz');
    await list.expectCount(0);
    await expectEqual(() => list.rows.count(), 0, 'the rows listed for "zzz"');
    await list.search('');
    await list.expectCount(1);
  });

  await step('after a reload she is still there (IndexedDB)', async () => {
    await app.reload();
    await list.expectCount(1);
    await list.row('Dupré').waitFor();
  });

  await step('her fiche opens', async () => {
    await list.open('Dupré');
    await expectText(page.getByTestId('fiche-name'), /hélène/i);
    await expectText(page.getByTestId('fiche-name'), /dupré/i);
  });

  await step('a purchase of 12,50 makes the total 12,50 in 1 order', async () => {
    await fiche.addEntry({ kind: 'purchase', amount: '12,50', label: 'Bouquet' });
    await expectText(fiche.summary('total'), '12,50');
    await expectText(fiche.summary('orders'), /(^|\D)1(\D|$)/);
  });

  await step('another of 7,50 makes the total 20,00 and the average 10,00', async () => {
    await fiche.addEntry({ kind: 'purchase', amount: '7,50', label: 'Carte' });
    await expectText(fiche.summary('total'), '20,00');
    await expectText(fiche.summary('orders'), /(^|\D)2(\D|$)/);
    await expectText(fiche.summary('average'), '10,00');
  });

  await step('editing the 7,50 to 17,50, then deleting it, keeps the summary true', async () => {
    await fiche.editEntry('Carte', { amount: '17,50' });
    await expectText(fiche.summary('total'), '30,00');
    await fiche.deleteEntry('Carte');
    await expectText(fiche.summary('total'), '12,50');
    await expectText(fiche.summary('orders'), /(^|\D)1(\D|$)/);
  });

  await step('a fiche with e-mail "not-an-email" is refused and not saved', async () => {
    await list.show();
    await list.expectCount(1);
    await list.newFiche();
    await form.fill({ kind: 'person', firstName: 'Paul', lastName: 'Martin', email: 'not-an-email' });
    await form.save();
    const error = form.fieldError('emails.0');
    await error.waitFor();
    const message = (await error.innerText()).trim();
    assert(message.length > 0, 'the e-mail refusal has no message');
    assert(await form.root.isVisible(), 'the form closed although a field was refused');
    await form.cancel();
    await list.show();
    await list.expectCount(1);
    await app.reload();
    await list.expectCount(1);
    assert((await list.row('Martin').count()) === 0, 'the refused fiche was saved');
  });

  await step('deleting Hélène after confirmation removes her, for good', async () => {
    await list.open('Dupré');
    await fiche.delete();
    await list.show();
    await list.expectCount(0);
    await app.reload();
    await list.expectCount(0);
    assert((await list.row('Dupré').count()) === 0, 'Hélène is still listed after a reload');
  });
});
