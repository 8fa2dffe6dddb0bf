// Page objects over the UI's data-testid hooks (the contract with src/ui). Tests speak in user
// terms through these; when the UI changes shape, only this file should need to follow.

import { readFileSync } from 'node:fs';
import { STEP_TIMEOUT_MS, eventually, expectEqual } from './harness.mjs';

/** Reads the first whole number in a text, allowing French digit grouping ("1 234"). */
export function firstNumber(text) {
  const m = /\d[\d\s\u00a0\u202f]*/.exec(text);
  return m ? Number(m[0].replace(/\D/g, '')) : NaN;
}

/**
 * Reads a CSV export (French Excel by default: `;`, BOM) into one object per row, keyed by the
 * header. Quoted cells may hold the delimiter, quotes ("") and line breaks (lists, one per line).
 */
export function readCsv(text, delimiter = ';') {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c !== '"') cell += c;
      else if (s[i + 1] === '"') cell += s[i++];
      else quoted = false;
    } else if (c === '"') {
      quoted = true;
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  const [header = [], ...body] = rows;
  return body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i] ?? ''])));
}

export class App {
  constructor(page, baseURL) {
    this.page = page;
    this.baseURL = baseURL;
    /** Set by tests whose point is an error on screen: the end-of-test check then allows it. */
    this.errorExpected = false;
    this.list = new ListPage(page);
    this.form = new FicheForm(page);
    this.fiche = new FichePage(page);
    this.segments = new Segments(page);
  }

  /** Opens the app at its base URL and waits until it has mounted. */
  async open() {
    await this.page.goto(this.baseURL);
    await this.ready();
  }

  async reload() {
    await this.page.reload();
    await this.ready();
  }

  /** The app is up when its navigation is on screen and the file has been read; no error shown. */
  async ready() {
    await this.page.getByTestId('nav-list').waitFor({ timeout: 20_000 });
    await this.page.getByTestId('loading').waitFor({ state: 'detached', timeout: 20_000 });
    const error = await this.errorBanner();
    if (error !== null) throw new Error(`the app opened with an error: ${error}`);
  }

  async errorBanner() {
    const banner = this.page.getByTestId('error-banner');
    return (await banner.isVisible()) ? banner.innerText() : null;
  }

  /** Lets the test end with an error shown (storage unavailable, another tab upgraded...). */
  allowErrorBanner() {
    this.errorExpected = true;
  }

  /** Lets the test end with the crash banner shown (a test that makes the module trap). */
  allowCrash() {
    this.crashExpected = true;
  }

  /** Saves a JSON backup of the whole file (page "Import / export"), back to the list; returns it parsed. */
  async backup() {
    await this.page.getByTestId('nav-files').click();
    await this.page.getByTestId('files-page').waitFor();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('backup-json').click()]);
    const backup = JSON.parse(readFileSync(await download.path(), 'utf8'));
    await this.list.show();
    return backup;
  }

  /** Waits until the service worker is activated (so the app shell is cached); returns its scope. */
  async workerReady() {
    return this.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      const worker = reg.active;
      if (worker.state !== 'activated') {
        await new Promise((done) => worker.addEventListener('statechange', () => worker.state === 'activated' && done()));
      }
      return reg.scope;
    });
  }
}

export class ListPage {
  constructor(page) {
    this.page = page;
    this.searchBox = page.getByTestId('search');
    this.counter = page.getByTestId('count');
    this.rows = page.getByTestId('fiche-row');
    this.loadDemoButton = page.getByTestId('load-demo');
  }

  async show() {
    await this.page.getByTestId('nav-list').click();
    await this.searchBox.waitFor();
  }

  async search(text) {
    await this.searchBox.fill(text);
  }

  /** The number of fiches listed, as the counter shows it. */
  async count() {
    return firstNumber(await this.counter.innerText({ timeout: 1000 }));
  }

  expectCount(n, timeout) {
    return expectEqual(() => this.count(), n, 'the listed count', timeout);
  }

  /** The listed row whose text contains `text`. */
  row(text) {
    return this.rows.filter({ hasText: text });
  }

  async sortBy(value) {
    await this.page.getByTestId('sort').selectOption(value);
  }

  async newFiche() {
    await this.page.getByTestId('new-fiche').click();
    await this.page.getByTestId('fiche-form').waitFor();
  }

  async loadDemo() {
    await this.loadDemoButton.click();
  }

  /** Opens the fiche whose row contains `text`. */
  async open(text) {
    await this.row(text).first().click();
    await this.page.getByTestId('fiche-page').waitFor();
  }
}

/** The list's segment tools: sidebar, filter builder, bulk actions (src/ui/segments.rs). */
export class Segments {
  constructor(page) {
    this.page = page;
    this.builder = page.getByTestId('filter-builder');
    this.conditions = page.getByTestId('condition');
    this.bulk = page.getByTestId('bulk');
  }

  /** A sidebar entry: a built-in id (`loyal`, `b2b`…), `all`, or a saved segment's name. */
  entry(id) {
    return id.startsWith('saved:')
      ? this.page.getByTestId('saved-segment').filter({ hasText: id.slice(6) })
      : this.page.getByTestId(`seg-${id}`);
  }

  async pick(id) {
    await this.entry(id).locator('button.seg').click();
  }

  /** The live count the sidebar shows for an entry. */
  async countOf(id) {
    return firstNumber(await this.entry(id).getByTestId('seg-count').innerText());
  }

  async #open(details) {
    if (!(await details.evaluate((d) => d.open))) await details.locator('summary').first().click();
  }

  /**
   * Adds a condition to the last group: field and operator by their visible names, then the
   * values (filled, then the box left, so lists of words are read too).
   */
  async addCondition(field, op, ...values) {
    await this.#open(this.builder);
    const before = await this.conditions.count();
    await this.builder.getByTestId('add-condition').click();
    const row = this.conditions.nth(before);
    await row.getByTestId('cond-field').selectOption({ label: field });
    if (op) await row.getByTestId('cond-op').selectOption({ label: op });
    for (const [i, v] of values.entries()) {
      const box = row.getByTestId(`cond-value-${i}`);
      await box.fill(v);
      await box.blur();
    }
  }

  async clear() {
    await this.#open(this.builder);
    await this.builder.getByTestId('clear-filter').click();
  }

  async save(name) {
    await this.#open(this.builder);
    await this.builder.getByTestId('segment-name').fill(name);
    await this.builder.getByTestId('save-segment').click();
  }

  async openBulk() {
    await this.#open(this.bulk);
  }

  /** How many fiches the bulk actions apply to, as their title says (ticked, or else listed). */
  async targetCount() {
    return firstNumber(await this.bulk.getByTestId('bulk-count').innerText());
  }

  /** Clicks a bulk action and returns what the page then says (each action clears the last message). */
  async #act(testId) {
    await this.openBulk();
    await this.bulk.getByTestId(testId).click();
    return eventually(
      () => this.bulk.getByTestId('bulk-result').innerText(),
      (text) => text.trim() !== '',
      () => `the bulk action ${testId} said nothing`,
    );
  }

  /** Adds a tag to the listed fiches; returns what the page says it changed. */
  async addTag(tag) {
    await this.openBulk();
    await this.bulk.getByTestId('bulk-tag').fill(tag);
    return this.#act('bulk-add-tag');
  }

  /** Removes a tag from the listed fiches; returns what the page says it changed. */
  async removeTag(tag) {
    await this.openBulk();
    await this.bulk.getByTestId('bulk-tag').fill(tag);
    return this.#act('bulk-remove-tag');
  }

  /** Sets the status (its visible name: "Client", "Prospect") of the listed fiches. */
  async setStatus(label) {
    await this.openBulk();
    await this.bulk.getByTestId('bulk-status').selectOption({ label });
    return this.#act('bulk-set-status');
  }

  async setOwner(owner) {
    await this.openBulk();
    await this.bulk.getByTestId('bulk-owner').fill(owner);
    return this.#act('bulk-set-owner');
  }

  /**
   * Copies the e-mail addresses of the listed fiches that consented. Returns what the page says
   * and, when the clipboard refused, the addresses it shows to copy by hand (else null).
   */
  async copyEmails() {
    const said = await this.#act('bulk-copy-emails');
    const box = this.bulk.getByTestId('emails-fallback');
    return { said, fallback: (await box.isVisible()) ? await box.inputValue() : null };
  }

  /** Asks to delete the listed fiches, then confirms (`confirm` true) or cancels the question. */
  async deleteListed({ confirm }) {
    await this.openBulk();
    await this.bulk.getByTestId('bulk-delete').click();
    await this.bulk.getByTestId(confirm ? 'confirm-bulk-delete' : 'cancel-bulk-delete').click();
    await this.bulk.getByTestId('confirm-bulk-delete').waitFor({ state: 'detached' });
  }

  /** Clicks an export button and returns the downloaded text. */
  async export(testId) {
    await this.openBulk();
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.bulk.getByTestId(testId).click()]);
    return readFileSync(await download.path(), 'utf8');
  }
}

export class FicheForm {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('fiche-form');
  }

  /**
   * Fills the given fields only: { kind, status, firstName, lastName, company, email, phone,
   * street, postalCode, city, birthDate (YYYY-MM-DD) }.
   */
  async fill(f) {
    const p = this.page;
    // Kind first: it decides which name fields are shown.
    if (f.kind) await p.getByTestId('f-kind').selectOption(f.kind);
    if (f.status) await p.getByTestId('f-status').selectOption(f.status);
    const inputs = {
      firstName: 'f-first-name',
      lastName: 'f-last-name',
      company: 'f-company',
      email: 'f-email-0',
      phone: 'f-phone-0',
      street: 'f-street-0',
      postalCode: 'f-postal-code-0',
      city: 'f-city-0',
      birthDate: 'f-birth-date',
    };
    for (const [key, testId] of Object.entries(inputs)) {
      if (f[key] !== undefined) await p.getByTestId(testId).fill(f[key]);
    }
  }

  async save() {
    await this.page.getByTestId('save-fiche').click();
  }

  /** Saves and waits for the form to close; if it stays, says which fields were refused. */
  async saveAndClose() {
    await this.save();
    await eventually(
      () => this.root.isVisible(),
      (visible) => !visible,
      () => 'the form stayed open after saving',
      STEP_TIMEOUT_MS,
    ).catch(async (e) => {
      const refused = await this.fieldErrors().catch(() => []);
      throw new Error(`${e.message}; refused fields: ${refused.join('; ') || 'none shown'}`);
    });
  }

  async cancel() {
    await this.page.getByTestId('cancel').click();
  }

  /** The refusal shown for a field path ("emails.0", "birth_date", "name", ...). */
  fieldError(path) {
    return this.page.locator(`[data-testid="field-error"][data-field="${path}"]`);
  }

  async fieldErrors() {
    return this.page
      .getByTestId('field-error')
      .evaluateAll((els) => els.map((e) => `${e.dataset.field}: ${e.textContent.trim()}`));
  }
}

export class FichePage {
  constructor(page) {
    this.page = page;
    this.root = page.getByTestId('fiche-page');
    this.entries = page.getByTestId('entry-row');
  }

  async name() {
    return (await this.page.getByTestId('fiche-name').innerText()).trim();
  }

  /** A summary value: total, orders, average, last-purchase, last-contact, contacts. */
  summary(key) {
    return this.page.getByTestId(`summary-${key}`);
  }

  /** Adds a history entry: { kind, amount ("12,50"), label, date (YYYY-MM-DD) }. */
  async addEntry(entry) {
    const before = await this.entries.count();
    await this.page.getByTestId('add-entry').click();
    await this.#fillEntry(entry);
    await this.#expectEntries(before + 1, 'after saving one');
  }

  #expectEntries(expected, when) {
    return expectEqual(() => this.entries.count(), expected, `the number of timeline entries ${when}`);
  }

  /** Fills the open entry form with the given fields and saves it. */
  async #fillEntry({ kind, amount, label, date }) {
    const p = this.page;
    if (kind) await p.getByTestId('entry-kind').selectOption(kind);
    if (amount !== undefined) await p.getByTestId('entry-amount').fill(amount);
    if (label !== undefined) await p.getByTestId('entry-label').fill(label);
    if (date !== undefined) await p.getByTestId('entry-date').fill(date);
    await p.getByTestId('save-entry').click();
  }

  /** The timeline entry whose text contains `text`. */
  entry(text) {
    return this.entries.filter({ hasText: text });
  }

  /** Edits the entry whose row contains `text`: { kind, amount, label, date } as in addEntry. */
  async editEntry(text, entry) {
    await this.entry(text).getByTestId('edit-entry').click();
    await this.#fillEntry(entry);
    await this.page.getByTestId('entry-form').waitFor({ state: 'detached' });
  }

  /** Deletes the entry whose row contains `text`, confirming. */
  async deleteEntry(text) {
    const before = await this.entries.count();
    const row = this.entry(text);
    await row.getByTestId('delete-entry').click();
    await row.getByTestId('confirm-delete-entry').click();
    await this.#expectEntries(before - 1, 'after deleting one');
  }

  async edit() {
    await this.page.getByTestId('edit-fiche').click();
    await this.page.getByTestId('fiche-form').waitFor();
  }

  /** Deletes the open fiche, confirming in the dialog. */
  async delete() {
    await this.page.getByTestId('delete-fiche').click();
    await this.page.getByTestId('confirm-delete').click();
  }
}

/** The fixtures every test receives besides the browser's. */
export function makeFixtures(page, baseURL) {
  const app = new App(page, baseURL);
  return {
    app,
    // A test ends with no error banner on screen (storage errors are shown there).
    afterEach: async () => {
      const error = await app.errorBanner();
      if (error !== null && !app.errorExpected) throw new Error(`an error is shown: ${error}`);
      const crash = page.getByTestId('crash-banner');
      if ((await crash.count()) && !app.crashExpected) throw new Error(`the crash banner is shown: ${await crash.innerText()}`);
    },
  };
}
