// Bulk actions on a segment (demo data, the B2B segment), besides the tag and exports of
// segments.test.mjs: a tag added then removed, status and owner set, the e-mail addresses of those
// who consented copied, and the fiches deleted once the question is confirmed (not when cancelled).
// Changes are checked against JSON backups: the listed fiches change only as the action says, the
// others not at all.
import { assert, eventually, expectEqual, test } from './harness.mjs';
import { firstNumber, readCsv } from './pages.mjs';

// Headers of the French Excel CSV the bulk export writes.
const ID = 'Carnet ID';
const TAGS = 'Tags (un par ligne)';
const EMAIL = 'E-mail 1 - Valeur';

const TAG = 'relance-2025';
const OWNER = 'Camille Testeuse';

// A backup leaves empty parts out (no `tags` when there is none): read them as empty.
const byId = (backup) => new Map(backup.fiches.map((f) => [f.id, { ...f, tags: f.tags ?? [] }]));
const tagsOf = (row) => row[TAGS].split('\n').filter(Boolean);

test('bulk actions on a segment: tag removed, status, owner, e-mails copied, deletion', async ({ app, page, context, origin, step }) => {
  const { list, segments } = app;
  let total; // fiches in the file
  let ids; // the listed ones, in the list's order (from the CSV export of the list)
  let before; // the file as a JSON backup, before any bulk action

  /** The listed fiches as the bulk CSV export writes them. */
  const exported = async () => readCsv(await segments.export('bulk-export-csv'));

  await step('demo data, then the B2B segment: what the bulk actions target', async () => {
    await app.open();
    await list.loadDemo();
    total = await eventually(() => list.count(), (n) => n >= 200, (n) => `demo data listed ${n} fiches`, 30_000);
    before = await app.backup();
    assert(before.fiches.length === total, `the backup holds ${before.fiches.length} fiches, the list ${total}`);
    await segments.pick('b2b');
    const n = await segments.countOf('b2b');
    assert(n > 0 && n < total, `the B2B segment counts ${n} of ${total}`);
    await list.expectCount(n);
    await expectEqual(() => segments.targetCount(), n, 'the number of fiches the bulk actions apply to');
    ids = (await exported()).map((r) => r[ID]);
    assert(ids.length === n && new Set(ids).size === n, `the export lists ${ids.length} distinct fiches of ${n}`);
    const was = byId(before);
    assert(ids.every((id) => was.get(id)?.kind === 'company'), 'the exported fiches are the companies of the file');
  });

  await step('a tag added, then removed: only that tag goes', async () => {
    const was = byId(before);
    assert(ids.every((id) => !was.get(id).tags.includes(TAG)), `no fiche carries ${TAG} yet`);
    assert(ids.some((id) => was.get(id).tags.length > 0), 'some listed fiches have other tags, which must stay');
    const added = await segments.addTag(TAG);
    assert(firstNumber(added) === ids.length, `adding says "${added}", expected ${ids.length} changed`);
    const tagged = await exported();
    assert(tagged.every((r) => tagsOf(r).includes(TAG)), `after adding, rows without ${TAG}: ${tagged.filter((r) => !tagsOf(r).includes(TAG)).length}`);
    const removed = await segments.removeTag(TAG);
    assert(firstNumber(removed) === ids.length, `removing says "${removed}", expected ${ids.length} changed`);
    const untagged = await exported();
    const wrong = untagged.filter((r) => JSON.stringify(tagsOf(r)) !== JSON.stringify(was.get(r[ID]).tags));
    assert(wrong.length === 0, `after removing, ${wrong.length} fiches' tags differ from before, e.g. ${wrong[0]?.[TAGS]}`);
  });

  await step('status set to prospect, owner set: the file changes there and nowhere else', async () => {
    const was = byId(before);
    const clients = ids.filter((id) => was.get(id).status === 'client').length;
    assert(clients > 0 && clients < ids.length, `${clients} of ${ids.length} listed fiches are clients: the test needs both`);
    const status = await segments.setStatus('Prospect');
    assert(firstNumber(status) === clients, `setting the status says "${status}", expected ${clients} changed`);
    const owner = await segments.setOwner(OWNER);
    assert(firstNumber(owner) === ids.length, `setting the owner says "${owner}", expected ${ids.length} changed`);

    const now = byId(await app.backup());
    assert(now.size === was.size, `the file holds ${now.size} fiches, not ${was.size}`);
    const listed = new Set(ids);
    // Besides status and owner, a save bumps version and updated_at; the tags are back as they were.
    const rest = ({ status, owner, version, updated_at, ...f }) => JSON.stringify(f);
    for (const [id, f] of was) {
      const g = now.get(id);
      if (!listed.has(id)) {
        assert(JSON.stringify(g) === JSON.stringify(f), `fiche ${id}, not listed, changed`);
        continue;
      }
      assert(g.status === 'prospect' && g.owner === OWNER, `fiche ${id} is ${g.status} of "${g.owner}"`);
      assert(rest(g) === rest(f), `fiche ${id} changed beyond its status and owner`);
    }
    // The backup went through another page: the list comes back with the segment.
    await segments.pick('b2b');
    await list.expectCount(ids.length);
  });

  await step('copy the e-mails: exactly those of the listed fiches that consented, in order', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    // Something else on the clipboard first, so a copy that writes nothing cannot pass.
    await page.evaluate(() => navigator.clipboard.writeText('avant la copie'));
    const consent = new Map(before.fiches.map((f) => [f.id, f.consents?.email ?? null]));
    const rows = await exported();
    assert(JSON.stringify(rows.map((r) => r[ID])) === JSON.stringify(ids), 'the export lists the same fiches');
    const expected = rows.filter((r) => consent.get(r[ID])?.granted === true && r[EMAIL] !== '').map((r) => r[EMAIL]);
    const withdrawn = rows.filter((r) => consent.get(r[ID])?.granted === false && r[EMAIL] !== '').length;
    const unasked = rows.filter((r) => consent.get(r[ID]) === null && r[EMAIL] !== '').length;
    assert(expected.length > 0 && withdrawn > 0 && unasked > 0, `consents in the segment: ${expected.length} granted, ${withdrawn} withdrawn, ${unasked} never asked; the test needs all three`);

    const { said, fallback } = await segments.copyEmails();
    assert(fallback === null, `the clipboard refused; the page shows the addresses instead: ${fallback}`);
    const copied = await eventually(
      () => page.evaluate(() => navigator.clipboard.readText()),
      (text) => text !== 'avant la copie',
      () => 'the clipboard still holds what was there before the copy',
    );
    const lines = copied.split('\n');
    const extra = lines.filter((e) => !expected.includes(e));
    const missing = expected.filter((e) => !lines.includes(e));
    assert(extra.length === 0 && missing.length === 0, `copied ${lines.length} addresses, ${expected.length} expected; not expected: ${extra.join(', ')}; missing: ${missing.join(', ')}`);
    assert(JSON.stringify(lines) === JSON.stringify(expected), 'the addresses are in the order of the list');
    const [copiedCount, leftOut] = (said.match(/\d+/g) ?? []).map(Number);
    assert(copiedCount === expected.length && leftOut === ids.length - expected.length, `the page says "${said}": expected ${expected.length} copied, ${ids.length - expected.length} left out`);
  });

  await step('bulk delete, cancelled: nothing is deleted', async () => {
    await segments.deleteListed({ confirm: false });
    // A backup reads the stores after any deletion the click would have started.
    const after = await app.backup();
    assert(after.fiches.length === total, `the file holds ${after.fiches.length} fiches after cancelling, not ${total}`);
    await expectEqual(() => segments.countOf('all'), total, 'the count of every fiche after cancelling');
    await segments.pick('b2b');
    await list.expectCount(ids.length);
  });

  await step('bulk delete, confirmed: exactly the listed fiches go, with their history, also after a reload', async () => {
    const b2c = await segments.countOf('b2c');
    const n = ids.length;
    await segments.deleteListed({ confirm: true });
    await list.expectCount(0);
    await expectEqual(() => segments.countOf('all'), total - n, 'the count of every fiche after deleting');
    await app.reload();
    await expectEqual(() => segments.countOf('all'), total - n, 'the count of every fiche after a reload', 20_000);
    await expectEqual(() => segments.countOf('b2b'), 0, 'the B2B count after a reload');
    await expectEqual(() => segments.countOf('b2c'), b2c, 'the B2C count after a reload');
    await segments.pick('all');
    await list.expectCount(total - n);

    const after = await app.backup();
    const gone = new Set(ids);
    const left = after.fiches.filter((f) => gone.has(f.id)).length;
    const history = after.history.filter((e) => gone.has(e.fiche_id)).length;
    assert(after.fiches.length === total - n && left === 0, `the file holds ${after.fiches.length} fiches, ${left} of them deleted ones`);
    assert(history === 0, `${history} history entries of deleted fiches remain`);
    assert(before.history.some((e) => gone.has(e.fiche_id)), 'the deleted fiches had history to delete');
  });
}, { timeout: 150_000 });
