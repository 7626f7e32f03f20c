/**
 * The setup in the URL query: reading a (possibly hostile) query into a setup, and writing
 * a setup back into a query. Pure functions, shared by the browser and the unit tests.
 *
 * Reading (query.ts splits and decodes: broken percent-encoding never throws): the
 * first of repeated parameters counts, unknown parameters are ignored, values longer than
 * `maxLength` are cut, and secret fields are never read (they are reported so the page
 * can strip them and say so).
 *
 * Writing: `platform`, `authMethod`, `airflowVersion` and every non-secret value that is
 * not empty and not its default, under the canonical field names. When the query carries
 * any value, the three choices are written too, so that the link means the same for a
 * reader whose remembered tabs differ. Unknown parameters are kept byte for byte and in
 * place; known ones are replaced in place, repeats dropped, new ones appended.
 */
import { type AuthTable, type AirflowVersion, type PlatformId, CHOICE_GROUPS, allAuthMethods, effectiveAuth, isPlatform } from './choices.ts';
import { queryEntries } from './query.ts';

export const MAX_VALUE_LENGTH = 2000;

export interface UrlSchema {
  /** Value fields of the provider (not platform/authMethod/airflowVersion), in form order. */
  fields: readonly string[];
  /** Secret field names (never read from or written to a URL). */
  secrets: readonly string[];
  /** Field defaults: a value equal to its default is not written. */
  defaults: Readonly<Record<string, string>>;
  auth: AuthTable;
  maxLength?: number;
}

export interface SetupState {
  platform: PlatformId;
  /** '' or one of the provider's auth methods (kept even where the platform does not offer it). */
  authPref: string;
  airflowVersion: AirflowVersion;
  /** Field values ('' = empty); secrets included (they never leave the page). */
  values: Readonly<Record<string, string>>;
}

export interface ParsedQuery {
  platform?: PlatformId;
  authPref?: string;
  airflowVersion?: AirflowVersion;
  values: Record<string, string>;
  /** Any value field was present: the link describes a setup (it wins over remembered values). */
  hasValues: boolean;
  /** Secret fields that arrived in the query (their values are not kept). */
  droppedSecrets: string[];
  /** Fields whose value was cut to the maximum length. */
  cut: string[];
  /** Choice parameters with a value that does not exist, e.g. `platform=bogus`. */
  invalid: { param: string; value: string }[];
}

/** Lone surrogates cannot be encoded in a URL (encodeURIComponent throws); replace them. */
function wellFormed(s: string): string {
  return s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export function parseQuery(search: string, schema: UrlSchema): ParsedQuery {
  const max = schema.maxLength ?? MAX_VALUE_LENGTH;
  const out: ParsedQuery = { values: {}, hasValues: false, droppedSecrets: [], cut: [], invalid: [] };
  const seen = new Set<string>();
  const methods = allAuthMethods(schema.auth);
  for (const p of queryEntries(search)) {
    if (seen.has(p.key)) continue;
    seen.add(p.key);
    if (schema.secrets.includes(p.key)) {
      out.droppedSecrets.push(p.key);
      continue;
    }
    if (p.key === 'platform') {
      if (isPlatform(p.value)) out.platform = p.value;
      else out.invalid.push({ param: p.key, value: p.value.slice(0, 80) });
    } else if (p.key === 'authMethod') {
      if (methods.includes(p.value)) out.authPref = p.value;
      else out.invalid.push({ param: p.key, value: p.value.slice(0, 80) });
    } else if (p.key === 'airflowVersion') {
      if (p.value === '2' || p.value === '3') out.airflowVersion = p.value;
      else out.invalid.push({ param: p.key, value: p.value.slice(0, 80) });
    } else if (schema.fields.includes(p.key)) {
      let v = wellFormed(p.value);
      if (v.length > max) {
        v = v.slice(0, max);
        out.cut.push(p.key);
      }
      out.values[p.key] = v;
      out.hasValues = true;
    }
  }
  return out;
}

/** The canonical parameters of a setup, in order (secrets never included). */
export function canonicalParams(state: SetupState, schema: UrlSchema): [string, string][] {
  const values: [string, string][] = [];
  for (const name of schema.fields) {
    if (schema.secrets.includes(name)) continue;
    const v = state.values[name] ?? '';
    if (v === '' || v === schema.defaults[name]) continue;
    values.push([name, v]);
  }
  const explicit = values.length > 0;
  const out: [string, string][] = [];
  if (explicit || state.platform !== 'astro') out.push(['platform', state.platform]);
  const auth = state.authPref || (explicit ? effectiveAuth(schema.auth, state.platform, '') : '');
  if (auth && (explicit || auth !== effectiveAuth(schema.auth, state.platform, ''))) out.push(['authMethod', auth]);
  if (explicit || state.airflowVersion !== '3') out.push(['airflowVersion', state.airflowVersion]);
  return [...out, ...values];
}

function encode(s: string): string {
  return encodeURIComponent(wellFormed(s));
}

/** `search` with the setup written in; unknown parameters keep their bytes and places. */
export function writeQuery(search: string, state: SetupState, schema: UrlSchema): string {
  const canonical = new Map(canonicalParams(state, schema));
  const known = new Set<string>([...CHOICE_GROUPS, ...schema.fields, ...schema.secrets]);
  const written = new Set<string>();
  const out: string[] = [];
  for (const p of queryEntries(search)) {
    if (!known.has(p.key)) {
      out.push(p.raw);
      continue;
    }
    if (written.has(p.key)) continue;
    written.add(p.key);
    const v = canonical.get(p.key);
    if (v !== undefined) out.push(`${encode(p.key)}=${encode(v)}`);
  }
  for (const [k, v] of canonical) if (!written.has(k)) out.push(`${encode(k)}=${encode(v)}`);
  return out.length ? `?${out.join('&')}` : '';
}
