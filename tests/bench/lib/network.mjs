// Records every request a Playwright page makes, tagged with the phase it was
// issued in ("load" or "later"), and knows when the network has gone quiet.
import { gzipSync } from 'node:zlib';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** js | css | html | image | font | data | other, from the response type, else the request. */
export function classify(contentType, resourceType, url) {
  const ct = String(contentType ?? '').toLowerCase();
  if (/javascript|ecmascript/.test(ct)) return 'js';
  if (ct.startsWith('text/css')) return 'css';
  if (ct.startsWith('text/html')) return 'html';
  if (ct.startsWith('image/')) return 'image';
  if (ct.startsWith('font/') || /woff|opentype|truetype/.test(ct)) return 'font';
  if (/json|xml/.test(ct)) return 'data';
  if (!ct) {
    const path = (() => {
      try {
        return new URL(url).pathname;
      } catch {
        return '';
      }
    })();
    if (/\.m?js$/.test(path) || resourceType === 'script') return 'js';
    if (/\.css$/.test(path) || resourceType === 'stylesheet') return 'css';
    if (resourceType === 'document') return 'html';
    if (resourceType === 'image') return 'image';
    if (resourceType === 'font') return 'font';
  }
  return 'other';
}

export function isOtherOrigin(url, origin) {
  let u;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (!/^(https?|wss?):$/.test(u.protocol)) return false;
  return u.origin !== origin;
}

export function trackNetwork(page, origin) {
  const entries = [];
  const byRequest = new Map();
  const inflight = new Set();
  let lastActivity = Date.now();
  let phase = 'load';

  page.on('request', (request) => {
    inflight.add(request);
    lastActivity = Date.now();
    const entry = {
      url: request.url(),
      method: request.method(),
      resourceType: request.resourceType(),
      phase,
      otherOrigin: isOtherOrigin(request.url(), origin),
      done: null,
    };
    entries.push(entry);
    byRequest.set(request, entry);
  });
  page.on('requestfinished', (request) => {
    inflight.delete(request);
    lastActivity = Date.now();
    const entry = byRequest.get(request);
    if (!entry) return;
    // Caught here: a page closed before the response was read must not take the run down.
    entry.done = (async () => {
      const response = await request.response().catch((error) => {
        entry.responseError = String(error?.message ?? error);
        return null;
      });
      if (!response) return;
      entry.status = response.status();
      entry.contentType = response.headers()['content-type'] ?? '';
      entry.contentEncoding = response.headers()['content-encoding'] ?? '';
      if (entry.status >= 300 && entry.status < 400) return;
      try {
        entry.body = await response.body();
      } catch (error) {
        entry.bodyError = String(error?.message ?? error);
      }
    })();
  });
  page.on('requestfailed', (request) => {
    inflight.delete(request);
    lastActivity = Date.now();
    const entry = byRequest.get(request);
    if (entry) entry.failure = request.failure()?.errorText ?? 'failed';
  });

  return {
    setPhase(next) {
      phase = next;
    },
    /**
     * Wait until no request is in flight and none started or ended for `quietMs`.
     * Returns the URLs still in flight when `timeoutMs` ran out (empty when quiet).
     */
    async waitQuiet(quietMs = 500, timeoutMs = 20000) {
      const start = Date.now();
      for (;;) {
        if (inflight.size === 0 && Date.now() - lastActivity >= quietMs) return [];
        if (Date.now() - start > timeoutMs) return [...inflight].map((r) => r.url());
        await sleep(25);
      }
    },
    /** All requests with their bodies read, sizes and gzip sizes computed. */
    async finish() {
      await Promise.all(entries.map((e) => e.done));
      return entries.map((e) => {
        const type = classify(e.contentType, e.resourceType, e.url);
        const raw = e.body ? e.body.length : null;
        const gzip = e.body ? gzipSync(e.body).length : null;
        const { body, done, ...rest } = e;
        return { ...rest, type, raw, gzip, _body: body ?? null };
      });
    },
  };
}
