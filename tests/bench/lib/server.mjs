// A tiny static file server over dist/, bound to 127.0.0.1 on a free port.
// It behaves like a plain static host: directory URLs serve index.html, a URL
// without its trailing slash is redirected, missing files get dist/404.html with
// status 404, text responses are gzip-compressed when the client accepts it, and
// hashed assets under /_astro/ are cacheable for a year.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|manifest\+json)|image\/svg\+xml)/;

export function contentType(path) {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

async function fileInfo(path) {
  try {
    const s = await stat(path);
    return s;
  } catch {
    return null;
  }
}

/**
 * Start the server. Resolves to { origin, port, close(), requests } where
 * `requests` counts the requests served (handy to see that pages were loaded).
 */
export function startStaticServer(root) {
  const rootDir = normalize(root);
  const gzCache = new Map();
  let requests = 0;

  async function resolvePath(pathname) {
    let decoded;
    try {
      decoded = decodeURIComponent(pathname);
    } catch {
      return { status: 400 };
    }
    if (decoded.includes('\0')) return { status: 400 };
    const full = normalize(join(rootDir, decoded));
    if (full !== rootDir && !full.startsWith(rootDir.endsWith(sep) ? rootDir : rootDir + sep)) return { status: 403 };
    const info = await fileInfo(full);
    if (info?.isFile()) return { status: 200, file: full };
    if (info?.isDirectory()) {
      if (!pathname.endsWith('/')) return { status: 301, location: `${pathname}/` };
      const index = join(full, 'index.html');
      if ((await fileInfo(index))?.isFile()) return { status: 200, file: index };
    }
    const notFound = join(rootDir, '404.html');
    if ((await fileInfo(notFound))?.isFile()) return { status: 404, file: notFound };
    return { status: 404 };
  }

  const server = createServer(async (req, res) => {
    requests += 1;
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { allow: 'GET, HEAD' }).end();
        return;
      }
      const found = await resolvePath(url.pathname);
      if (found.status === 301) {
        res.writeHead(301, { location: found.location + url.search }).end();
        return;
      }
      if (!found.file) {
        res.writeHead(found.status, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
        return;
      }
      const type = contentType(found.file);
      let body = await readFile(found.file);
      const headers = {
        'content-type': type,
        'cache-control': url.pathname.startsWith('/_astro/')
          ? 'public, max-age=31536000, immutable'
          : 'public, max-age=0, must-revalidate',
        vary: 'Accept-Encoding',
      };
      if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
        let gz = gzCache.get(found.file);
        if (!gz || gz.source !== body.length) {
          gz = { source: body.length, data: gzipSync(body) };
          gzCache.set(found.file, gz);
        }
        body = gz.data;
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(found.status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        port,
        origin: `http://127.0.0.1:${port}`,
        get requests() {
          return requests;
        },
        close: () =>
          new Promise((done) => {
            server.closeAllConnections?.();
            server.close(() => done());
          }),
      });
    });
  });
}
