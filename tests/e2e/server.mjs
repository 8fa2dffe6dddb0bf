// A small static file server for dist/, like any plain static host: correct MIME types (the
// browser compiles wasm in streaming mode only when served as application/wasm), no SPA fallback,
// no rewriting. Serves under a base path (the e2e tests use /carnet/ to prove sub-path hosting).
//
// Library: startServer({ root, base, port, host }) -> { url, origin, close() }
// Command: node tests/e2e/server.mjs [root=dist] [--port 8080] [--base /] [--host 127.0.0.1]

import { createServer } from 'node:http';
import { createReadStream, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

function statOrNull(path) {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** Starts serving `root` under `base` (which starts and ends with '/'); port 0 picks a free one. */
export function startServer({ root = 'dist', base = '/', port = 0, host = '127.0.0.1' } = {}) {
  const rootDir = resolve(root);
  if (!statOrNull(join(rootDir, 'index.html'))) {
    throw new Error(`${rootDir}/index.html is missing: build first (trunk build --release)`);
  }
  if (!base.startsWith('/')) base = `/${base}`;
  if (!base.endsWith('/')) base = `${base}/`;

  const server = createServer((req, res) => {
    const send = (status, body, headers = {}) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed\n');

    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    } catch {
      return send(400, 'bad request\n');
    }
    // `/carnet` without its slash: redirect, or the page's relative URLs would resolve one level up.
    if (`${pathname}/` === base) return send(301, '', { Location: base });
    if (!pathname.startsWith(base)) return send(404, 'not found\n');

    let file = resolve(rootDir, `.${sep}${pathname.slice(base.length)}`);
    if (file !== rootDir && !file.startsWith(rootDir + sep)) return send(403, 'forbidden\n');
    let st = statOrNull(file);
    if (st?.isDirectory()) {
      if (!pathname.endsWith('/')) return send(301, '', { Location: `${pathname}/` });
      file = join(file, 'index.html');
      st = statOrNull(file);
    }
    if (!st?.isFile()) return send(404, 'not found\n');

    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': st.size,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });

  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const origin = `http://${host}:${server.address().port}`;
      resolvePromise({
        origin,
        url: `${origin}${base}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

// Run as a command (scripts/serve.sh).
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opts = { root: 'dist', base: '/', port: 8080, host: '127.0.0.1' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--port') opts.port = Number(args[++i]);
    else if (a === '--base') opts.base = args[++i];
    else if (a === '--host') opts.host = args[++i];
    else if (!a.startsWith('--')) opts.root = a;
    else {
      console.error(`unknown option ${a}`);
      process.exit(2);
    }
  }
  try {
    const { url } = await startServer(opts);
    console.log(`Carnet is served at ${url}  (Ctrl+C to stop)`);
  } catch (e) {
    console.error(`error: ${e.message}`);
    process.exit(1);
  }
}
