#!/usr/bin/env node
// Trunk post_build hook, run after csp-boot.mjs (see Trunk.toml): fills in the service worker
// template (pwa/sw.js, copied to the dist root by index.html) with this build's version and the
// list of files to precache, so that each build is a new worker with a new cache.
//
//   FILES   every file of the build but sw.js, relative to it (so dist/ works under a sub-path)
//   VERSION the first 16 hex digits of a SHA-256 over those files' paths and contents and the
//           worker's own template: any change to what ships makes a new version
//
// Trunk gives the staging directory in TRUNK_STAGING_DIR; run by hand, pass a directory instead:
//   node scripts/sw-precache.mjs dist

import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('sw-precache: no directory (set TRUNK_STAGING_DIR or pass one)');
  process.exit(2);
}
const WORKER = 'sw.js';
const VERSION_SLOT = "'__CARNET_VERSION__'";
const FILES_SLOT = "['__CARNET_FILES__']";

const files = readdirSync(dir, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile())
  .map((e) => relative(dir, join(e.parentPath ?? e.path, e.name)).split(sep).join('/'))
  .filter((f) => f !== WORKER)
  .sort();
if (!files.includes('index.html')) throw new Error(`sw-precache: ${dir} has no index.html`);

const workerPath = join(dir, WORKER);
let worker = readFileSync(workerPath, 'utf8');
for (const slot of [VERSION_SLOT, FILES_SLOT]) {
  // A worker already filled in (a second run by hand) has no slot left: say so rather than ship it.
  if (worker.split(slot).length !== 2) throw new Error(`sw-precache: ${workerPath} must hold ${slot} exactly once`);
}

const hash = createHash('sha256').update(worker);
for (const f of files) hash.update(`\0${f}\0`).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);

worker = worker
  .replace(VERSION_SLOT, JSON.stringify(version))
  .replace(FILES_SLOT, JSON.stringify(files.map((f) => f.split('/').map(encodeURIComponent).join('/'))));
writeFileSync(workerPath, worker);
console.log(`sw-precache: ${WORKER} version ${version}, ${files.length} files to precache`);
