// The e2e harness: a headless Chromium per test, with a fresh profile (so an empty IndexedDB),
// and guards that fail the test on
//   - any uncaught page error (`pageerror`: the only sign a wasm panic gives),
//   - any console error (this includes every CSP refusal Chromium reports),
//   - any `securitypolicyviolation` event,
//   - any request to another origin (blocked, too: nothing may leave the machine),
//   - a crashed page.
// Every request is recorded; a failing test's list goes to target/e2e/<test>.requests.txt with a
// screenshot next to it.
//
// Never `npx playwright install`: the browser is Debian's chromium (scripts/setup.sh installs it).

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '../../tools/node_modules/playwright-core/index.mjs';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS = join(ROOT, 'target', 'e2e');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Every test's body is raced against this many ms. */
export const TEST_TIMEOUT_MS = 90_000;
/** Default wait for one element or condition. */
export const STEP_TIMEOUT_MS = 10_000;

/**
 * Launches Chromium on a fresh profile (a new folder in `profileIn`) and arms the guards.
 * Returns { context, page, requests, problems, failed, close }; `failed` is a promise that
 * rejects at the first problem, for racing against the test body.
 */
export async function openBrowser({ origin, viewport = { width: 1280, height: 800 }, locale = 'fr-FR', profileIn = tmpdir() }) {
  const profile = mkdtempSync(join(profileIn, 'carnet-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale,
    timezoneId: 'Europe/Paris',
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);

  const requests = [];
  const problems = [];
  let reject;
  const failed = new Promise((_, r) => (reject = r));
  failed.catch(() => {}); // observed through Promise.race; never an unhandled rejection
  const problem = (message) => {
    problems.push(message);
    reject(new Error(message));
  };

  const local = (url) => url.startsWith(`${origin}/`) || /^(data|blob|about):/.test(url);
  context.on('request', (req) => {
    requests.push(`${req.method()} ${req.url()}`);
    if (!local(req.url())) problem(`request to another origin: ${req.method()} ${req.url()}`);
  });
  await context.route((url) => !local(url.href), (route) => route.abort('blockedbyclient'));

  // Reported through a binding, which the page's CSP cannot block.
  await context.exposeBinding('__carnetCspViolation', (_source, v) =>
    problem(`CSP violation: ${v.directive} blocked ${v.blocked} (${v.source}:${v.line})`),
  );
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__carnetCspViolation({
        directive: e.violatedDirective,
        blocked: e.blockedURI || 'inline',
        source: e.sourceFile,
        line: e.lineNumber,
      }),
    );
    addEventListener('TrunkApplicationStarted', () => (window.__carnetStarted = true));
  });

  // Page errors a test provokes on purpose (see `allowPageError`); any other still fails it.
  const allowed = [];
  const watch = (page) => {
    page.on('pageerror', (err) => {
      if (!allowed.some((re) => re.test(err.message))) problem(`page error (wasm panic?): ${err.message}`);
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') problem(`console error: ${msg.text()}`);
    });
    page.on('crash', () => problem('the page crashed'));
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    requests,
    problems,
    failed,
    /** Lets page errors whose message matches `re` happen without failing the test. */
    allowPageError: (re) => allowed.push(re),
    close: async () => {
      await context.close().catch(() => {});
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// --- Registry and runner -----------------------------------------------------------------------------

const registered = [];

/** Registers a test: `test('name', async ({ page, app, baseURL, requests, step }) => { ... })`. */
export function test(name, fn, { timeout = TEST_TIMEOUT_MS } = {}) {
  registered.push({ name, fn, timeout });
}

export function registeredTests() {
  return registered;
}

const slug = (s) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Runs one test in its own browser; returns { ok, ms, error }.
 * `makeFixtures(page, baseURL)` adds the page objects (see pages.mjs) and may add `afterEach`,
 * a last check run after the test's body.
 */
export async function runTest({ name, fn, timeout }, { baseURL, origin, makeFixtures }) {
  const started = Date.now();
  const browser = await openBrowser({ origin });
  let currentStep = '';
  const step = async (label, body) => {
    currentStep = label;
    console.log(`    · ${label}`);
    return body();
  };
  let timer;
  const timedOut = new Promise((_, r) => {
    timer = setTimeout(() => r(new Error(`timed out after ${timeout} ms`)), timeout);
  });
  try {
    const fixtures = { ...browser, baseURL, origin, step, ...makeFixtures(browser.page, baseURL) };
    await Promise.race([fn(fixtures), browser.failed, timedOut]);
    currentStep = 'after the test';
    if (fixtures.afterEach) await Promise.race([fixtures.afterEach(), browser.failed, timedOut]);
    // Problems that arrive just after the last step (late errors) still count.
    await browser.page.waitForTimeout(200);
    if (browser.problems.length) throw new Error(browser.problems[0]);
    return { ok: true, ms: Date.now() - started };
  } catch (error) {
    if (currentStep) error.message = `[step: ${currentStep}] ${error.message}`;
    if (browser.problems.length > 1) error.message += `\n      also: ${browser.problems.slice(1).join('\n      also: ')}`;
    mkdirSync(ARTIFACTS, { recursive: true });
    const base = join(ARTIFACTS, slug(name));
    await browser.page.screenshot({ path: `${base}.png`, fullPage: true, timeout: 5000 }).catch(() => {});
    writeFileSync(`${base}.requests.txt`, `${browser.requests.join('\n')}\n`);
    error.artifacts = base;
    return { ok: false, ms: Date.now() - started, error };
  } finally {
    clearTimeout(timer);
    await browser.close();
  }
}

// --- Assertions (polling, since the UI updates asynchronously) -------------------------------------

/** Polls `probe` until `check(value)` is true; fails with `describe(value)` otherwise. */
export async function eventually(probe, check, describe, timeout = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeout;
  let value;
  for (;;) {
    try {
      value = await probe();
      if (check(value)) return value;
    } catch (e) {
      value = `<${e.message.split('\n')[0]}>`;
    }
    if (Date.now() > deadline) throw new Error(describe(value));
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the locator's text matches (a RegExp, or a string it must contain). */
export function expectText(locator, expected, timeout) {
  const matches = (t) => (expected instanceof RegExp ? expected.test(t) : t.includes(expected));
  return eventually(
    () => locator.innerText({ timeout: 1000 }),
    matches,
    (t) => `expected ${locator} to show ${expected}, it shows ${JSON.stringify(t)}`,
    timeout,
  );
}

/** Waits until `probe()` equals `expected`. */
export function expectEqual(probe, expected, what, timeout) {
  return eventually(
    probe,
    (v) => v === expected,
    (v) => `expected ${what} to be ${JSON.stringify(expected)}, got ${JSON.stringify(v)}`,
    timeout,
  );
}

export function assert(condition, message) {
  if (!condition) throw new Error(message);
}
