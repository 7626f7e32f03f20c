/**
 * Airflow connection URIs and JSON, following `Connection.get_uri()` and
 * `Connection._parse_from_uri()` (with Python's `urllib.parse` rules re-implemented).
 */
import type { ConnectionFields, JsonValue, ParsedConnection } from './types.ts';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Python `urllib.parse.quote(s, safe="")`: everything except A-Z a-z 0-9 _ . - ~ is %XX (UTF-8). */
export function pyQuote(s: string): string {
  return encodeURIComponent(s.replace(LONE_SURROGATE, '\uFFFD')).replace(
    /[!'()*]/g,
    (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase(),
  );
}

/** Python `quote_plus(s)`: as `pyQuote`, with spaces as `+`. */
export function pyQuotePlus(s: string): string {
  return pyQuote(s).replace(/%20/g, '+');
}

/** Python `unquote(s)`: %XX sequences decoded as UTF-8 (invalid bytes become U+FFFD). */
export function pyUnquote(s: string): string {
  if (!s.includes('%')) return s;
  return s.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  });
}

/** Python `json.dumps(value)` with its defaults: `, ` and `: ` separators, non-ASCII as \uXXXX. */
export function pyJsonDumps(value: unknown): string {
  const text = jsonDumpsSpaced(value);
  return text.replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

function jsonDumpsSpaced(v: unknown): string {
  if (Array.isArray(v)) return '[' + v.map(jsonDumpsSpaced).join(', ') + ']';
  if (v !== null && typeof v === 'object') {
    return '{' + Object.entries(v).map(([k, x]) => JSON.stringify(k) + ': ' + jsonDumpsSpaced(x)).join(', ') + '}';
  }
  return JSON.stringify(v ?? null) ?? 'null';
}

/** Python `urlencode(pairs)` (quote_plus on keys and values). */
function urlencode(entries: [string, string][]): string {
  return entries.map(([k, v]) => pyQuotePlus(k) + '=' + pyQuotePlus(v)).join('&');
}

/** Python `parse_qsl(qs, keep_blank_values=True)`. */
export function parseQsl(qs: string): [string, string][] {
  const out: [string, string][] = [];
  for (const part of qs.split('&')) {
    if (!part) continue;
    const i = part.indexOf('=');
    const name = i < 0 ? part : part.slice(0, i);
    const value = i < 0 ? '' : part.slice(i + 1);
    out.push([pyUnquote(name.replace(/\+/g, ' ')), pyUnquote(value.replace(/\+/g, ' '))]);
  }
  return out;
}

/** Airflow's conn_type normalisation: `postgresql` -> `postgres`, otherwise `-` -> `_`. */
export function normalizeConnType(t: string): string {
  return t === 'postgresql' ? 'postgres' : t.replace(/-/g, '_');
}

/** Airflow's `Connection.get_uri()` for these fields. */
export function buildConnectionUri(f: ConnectionFields): string {
  const connType = f.connType ? normalizeConnType(f.connType) : '';
  let uri = connType ? connType.toLowerCase().replace(/_/g, '-') + '://' : '//';
  let host = f.host ?? '';
  const sep = host.indexOf('://');
  if (host && sep >= 0) {
    const protocol = host.slice(0, sep);
    if (protocol) uri += protocol + '://';
    host = host.slice(sep + 3);
  }
  let authority = '';
  if (f.login != null) authority += pyQuote(f.login);
  if (f.password != null) authority += ':' + pyQuote(f.password);
  if (authority) uri += authority + '@';
  let hostBlock = host ? pyQuote(host) : '';
  const port = f.port == null || f.port === '' ? '' : String(f.port);
  if (port && !/^0+$/.test(port)) hostBlock += (hostBlock === '' && authority === '' ? '@:' : ':') + port;
  if (f.schema) hostBlock += '/' + pyQuote(f.schema);
  uri += hostBlock;
  const extra = f.extra;
  if (extra != null && extra !== '') {
    const lead = f.schema ? '?' : '/?';
    const obj = typeof extra === 'string' ? undefined : extra;
    const entries = obj ? Object.entries(obj) : [];
    const allStrings = obj !== undefined && entries.length > 0 && entries.every(([, v]) => typeof v === 'string');
    uri +=
      lead +
      (allStrings ? urlencode(entries as [string, string][]) : urlencode([['__extra__', typeof extra === 'string' ? extra : pyJsonDumps(extra)]]));
  }
  return uri;
}

/** The connection in Airflow's JSON form (one line), with `conn_type` normalised and a numeric port. */
export function connectionJsonObject(f: ConnectionFields): Record<string, JsonValue> {
  const o: Record<string, JsonValue> = {};
  if (f.connType != null) o.conn_type = normalizeConnType(f.connType);
  for (const k of ['host', 'login', 'password', 'schema'] as const) {
    const v = f[k];
    if (v != null) o[k] = v;
  }
  if (f.port != null && f.port !== '') o.port = /^\d+$/.test(String(f.port)) ? Number(f.port) : String(f.port);
  if (f.extra != null) o.extra = typeof f.extra === 'string' ? f.extra : (f.extra as Record<string, JsonValue>);
  return o;
}

export function buildConnectionJson(f: ConnectionFields): string {
  return JSON.stringify(connectionJsonObject(f));
}

interface Split {
  scheme: string;
  netloc: string;
  path: string;
  query: string;
}

/** Python 3.11+ `urlsplit` (the parts Airflow uses). */
function urlsplit(input: string): Split {
  let url = input.replace(/^[\u0000-\u0020]+/, '').replace(/[\t\r\n]/g, '');
  let scheme = '';
  const colon = url.indexOf(':');
  if (colon > 0 && /^[A-Za-z][A-Za-z0-9+.-]*$/.test(url.slice(0, colon))) {
    scheme = url.slice(0, colon).toLowerCase();
    url = url.slice(colon + 1);
  }
  let netloc = '';
  if (url.startsWith('//')) {
    let end = url.length;
    for (const c of '/?#') {
      const w = url.indexOf(c, 2);
      if (w >= 0) end = Math.min(end, w);
    }
    netloc = url.slice(2, end);
    url = url.slice(end);
    if (netloc.includes('[') !== netloc.includes(']')) throw new Error('Invalid IPv6 URL');
  }
  const hash = url.indexOf('#');
  if (hash >= 0) url = url.slice(0, hash);
  let query = '';
  const q = url.indexOf('?');
  if (q >= 0) {
    query = url.slice(q + 1);
    url = url.slice(0, q);
  }
  return { scheme, netloc, path: url, query };
}

function userinfo(netloc: string): { username: string | null; password: string | null } {
  const at = netloc.lastIndexOf('@');
  if (at < 0) return { username: null, password: null };
  const info = netloc.slice(0, at);
  const c = info.indexOf(':');
  return c < 0 ? { username: info, password: null } : { username: info.slice(0, c), password: info.slice(c + 1) };
}

function hostinfo(netloc: string): { hostname: string | null; port: string | null } {
  const hostInfo = netloc.slice(netloc.lastIndexOf('@') + 1);
  let host: string;
  let port: string;
  const br = hostInfo.indexOf('[');
  if (br >= 0) {
    const rest = hostInfo.slice(br + 1);
    const close = rest.indexOf(']');
    host = close < 0 ? rest : rest.slice(0, close);
    const after = close < 0 ? '' : rest.slice(close + 1);
    const c = after.indexOf(':');
    port = c < 0 ? '' : after.slice(c + 1);
  } else {
    const c = hostInfo.indexOf(':');
    host = c < 0 ? hostInfo : hostInfo.slice(0, c);
    port = c < 0 ? '' : hostInfo.slice(c + 1);
  }
  if (!host) return { hostname: null, port: port || null };
  // Python lowercases the host name, except a scoped-IPv6 zone after '%'.
  const pct = host.indexOf('%');
  const hostname = pct < 0 ? host.toLowerCase() : host.slice(0, pct).toLowerCase() + host.slice(pct);
  return { hostname, port: port || null };
}

function parsePort(port: string | null): number | null {
  if (port === null) return null;
  if (!/^[0-9]+$/.test(port)) throw new Error(`Port could not be cast to integer value as '${port}'`);
  const n = Number(port);
  if (n > 65535) throw new Error('Port out of range 0-65535');
  return n;
}

/** Airflow's `Connection(uri=...)`: the fields it reads from a connection URI. Throws on invalid URIs. */
export function parseConnectionUri(uri: string): ParsedConnection {
  const schemes = uri.split('://').length - 1;
  if (schemes > 2) throw new Error(`Invalid connection string: ${uri}.`);
  const withProtocol = schemes === 2;
  const rawType = urlsplit(uri).scheme;
  const connType = normalizeConnType(rawType);
  const rest = uri.split(`${rawType}://`).join(withProtocol ? '' : '//');
  if (withProtocol) {
    const first = rest.split('://')[0];
    if (first.includes('@') || first.includes(':')) throw new Error(`Invalid connection string: ${uri}.`);
  }
  const parts = urlsplit(rest);
  const protocol = withProtocol ? parts.scheme : '';
  const { hostname, port } = hostinfo(parts.netloc);
  let host = pyUnquote(hostname ?? '');
  if (host.includes('/')) {
    let h = parts.netloc;
    if (h.includes('@')) h = h.slice(h.lastIndexOf('@') + 1);
    if (h.includes(':')) h = h.slice(0, h.indexOf(':'));
    host = pyUnquote(h);
  }
  if (host && protocol) host = `${protocol}://${host}`;
  const { username, password } = userinfo(parts.netloc);
  const quotedSchema = parts.path.slice(1);
  let extra: ParsedConnection['extra'] = null;
  if (parts.query) {
    const query = Object.fromEntries(parseQsl(parts.query));
    if ('__extra__' in query) {
      const text = query.__extra__;
      try {
        const v: unknown = JSON.parse(text);
        extra = v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : text;
      } catch {
        extra = text;
      }
    } else {
      extra = query;
    }
  }
  return {
    connType,
    host,
    login: username === null ? null : pyUnquote(username),
    // The ORM Connection ignores an empty password (its setter skips falsy values).
    password: password ? pyUnquote(password) : null,
    port: parsePort(port),
    schema: quotedSchema ? pyUnquote(quotedSchema) : '',
    extra,
  };
}
