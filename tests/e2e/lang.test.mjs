// The language switch: the interface and the page's lang follow it, and the choice survives a reload.
import { eventually, expectEqual, expectText, test } from './harness.mjs';

test('switching to English and back, remembered across a reload', async ({ app, page, step }) => {
  const nav = page.getByTestId('nav-list');
  const docLang = () => page.evaluate(() => document.documentElement.lang);

  let french;
  await step('a French browser gets French', async () => {
    await app.open();
    await expectEqual(docLang, 'fr', 'the page lang');
    french = await nav.innerText();
    // French counts 0 in the singular.
    await expectText(page.getByTestId('count'), /^0 fiche$/);
  });

  await step('English, also after a reload', async () => {
    await page.getByTestId('lang-switch').selectOption('en');
    await expectEqual(docLang, 'en', 'the page lang');
    const english = await eventually(
      () => nav.innerText(),
      (text) => text !== french,
      () => `the navigation still says ${JSON.stringify(french)} in English`,
    );
    await expectText(page.getByTestId('count'), /^0 records$/);
    await app.reload();
    await expectEqual(docLang, 'en', 'the page lang after a reload');
    await expectText(nav, english);
  });

  await step('the settings page opens, and French comes back', async () => {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-page').waitFor();
    await page.getByTestId('lang-switch').selectOption('fr');
    await expectEqual(docLang, 'fr', 'the page lang');
  });
});
