#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): makes the built index.html obey the page's CSP
// (`script-src 'self' 'wasm-unsafe-eval'; style-src 'self'`, no inline code allowed).
//
// Trunk 0.21 injects an inline `<script type="module">` that imports the wasm-bindgen glue and starts
// the wasm. This hook moves every inline script of the staged index.html into its own file,
// `boot-<hash>.js` next to it, referenced by a relative URL with a subresource-integrity hash, so
// dist/ still works from any sub-path (public_url = "./"). The hash in the name keeps a browser
// from pairing a cached boot file with newer glue after a deploy.
// It also refuses (fails the build on) inline `style` attributes and `<style>` elements in the HTML.
//
// Trunk gives the staging directory in TRUNK_STAGING_DIR; run by hand, pass a directory instead:
//   node scripts/csp-boot.mjs dist

import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error('csp-boot: no directory (set TRUNK_STAGING_DIR or pass one)');
  process.exit(2);
}
const htmlPath = join(dir, 'index.html');
let html = readFileSync(htmlPath, 'utf8');

// Trunk's own output is regular: no `</script>` inside scripts, attributes without `>`.
const scriptRe = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const moved = [];
html = html.replace(scriptRe, (whole, attrs, body) => {
  if (/\bsrc\s*=/i.test(attrs)) return whole; // already external
  if (!body.trim()) return whole;
  if (body.includes('{{__TRUNK_')) {
    // `trunk serve`'s live-reload script: its placeholders are filled in when index.html is
    // served, so it must stay inline. Only the dev server adds it; use `trunk serve --no-autoreload`
    // to test under the CSP.
    console.warn('csp-boot: left the trunk serve live-reload script inline (the CSP will block it)');
    return whole;
  }
  if (!/\btype\s*=\s*["']?module\b/i.test(attrs)) {
    throw new Error(`csp-boot: unexpected classic inline script <script${attrs}>; only modules are handled`);
  }
  const code = body.replace(/^\s*\n/, '').replace(/\s+$/, '') + '\n';
  const digest = createHash('sha384').update(code).digest();
  const name = `boot-${digest.toString('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), code);
  moved.push(name);
  // Keep Trunk's other attributes (e.g. a nonce) except the type, which is set here.
  const rest = attrs.replace(/\s*\btype\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i, '');
  const integrity = `sha384-${digest.toString('base64')}`;
  return `<script type="module" src="./${name}" integrity="${integrity}"${rest}></script>`;
});

// Chromium ignores `integrity` on `<link rel="preload" as="fetch">` and warns about it in the console
// at every load (crbug.com/981419); the wasm's integrity is not checked either way, so drop it.
html = html.replace(/<link\b[^>]*\bas="fetch"[^>]*>/gi, (link) => link.replace(/\s+integrity="[^"]*"/i, ''));

// Remove boot files of earlier builds (a staging dir is normally fresh; a hand run may not be).
for (const f of readdirSync(dir)) {
  if (/^boot-[0-9a-f]{16}\.js$/.test(f) && !moved.includes(f)) unlinkSync(join(dir, f));
}

// The CSP has no 'unsafe-inline' for styles either: fail loudly rather than ship a page that breaks.
const inlineStyle = html.match(/<style\b|\sstyle\s*=\s*["']/i);
if (inlineStyle) {
  throw new Error(`csp-boot: index.html has an inline style (${inlineStyle[0].trim()}), which the CSP blocks`);
}

writeFileSync(htmlPath, html);
console.log(`csp-boot: moved ${moved.length} inline script(s) to ${moved.join(', ') || '-'}`);
