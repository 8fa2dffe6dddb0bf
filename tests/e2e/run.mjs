#!/usr/bin/env node
// Runs the end-to-end tests (tests/e2e/*.test.mjs) one after the other against the built dist/,
// served on 127.0.0.1 (random free port) under /carnet/. Build first: scripts/test.sh does.
//
//   node tests/e2e/run.mjs            all tests
//   node tests/e2e/run.mjs demo       only the tests whose file or name contains "demo"
//   E2E_DIST=/elsewhere/dist node tests/e2e/run.mjs   another build
//
// Prints one line per test, then `e2e: N passed, M failed`; exits 1 if any failed.
// A failed test leaves a screenshot and its request list in target/e2e/.

import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ARTIFACTS, ROOT, registeredTests, runTest } from './harness.mjs';
import { makeFixtures } from './pages.mjs';
import { startServer } from './server.mjs';

const filters = process.argv.slice(2);
const dir = join(ROOT, 'tests', 'e2e');
const files = readdirSync(dir).filter((f) => f.endsWith('.test.mjs')).sort();

const tests = [];
for (const file of files) {
  const before = registeredTests().length;
  await import(pathToFileURL(join(dir, file)).href);
  for (const t of registeredTests().slice(before)) {
    if (!filters.length || filters.some((f) => file.includes(f) || t.name.includes(f))) tests.push({ ...t, file });
  }
}

let server;
try {
  server = await startServer({ root: process.env.E2E_DIST ?? join(ROOT, 'dist'), base: '/carnet/' });
} catch (e) {
  console.error(`e2e: ${e.message}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}
rmSync(ARTIFACTS, { recursive: true, force: true }); // only this run's failures stay
console.log(`e2e: ${tests.length} test(s) against ${server.url}`);

let passed = 0;
let failed = 0;
for (const t of tests) {
  console.log(`  ${t.file} › ${t.name}`);
  const result = await runTest(t, { baseURL: server.url, origin: server.origin, makeFixtures });
  const secs = (result.ms / 1000).toFixed(1);
  if (result.ok) {
    passed++;
    console.log(`  ok    ${t.name} (${secs} s)`);
  } else {
    failed++;
    console.log(`  FAIL  ${t.name} (${secs} s)\n        ${result.error.message}`);
    if (result.error.artifacts) console.log(`        see ${result.error.artifacts}.png and .requests.txt`);
  }
}
await server.close();

if (failed) console.log(`e2e: artifacts of the failures are in ${ARTIFACTS}`);
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed || !tests.length ? 1 : 0);
