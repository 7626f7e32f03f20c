/**
 * Moving existing variables and connections into a secrets backend: reads what
 * `airflow variables export` and `airflow connections export` print, and the Astro project's
 * `airflow_settings.yaml` that `astro dev object export` writes, names every item as the
 * backend will look it up under the reader's settings, checks what the backend can't store,
 * and writes two snippets:
 *  - `migrate-secrets` (sh): one script that writes every item with the backend's CLI,
 *    each value on standard input (never an argument), a second run overwriting, and
 *    `DRY_RUN=1` listing the names only;
 *  - `migrate-check` (python): run in the local Airflow, it asks the configured backend for
 *    every key and prints found or MISSING, never a value.
 * Past SHOWN_ITEMS items each also comes shortened for the page (`shown`).
 *
 * Pure, like the rest of the generator; a page loads it only when the reader uses it.
 */
import { parse as parseYaml } from 'yaml';
import { commented, snippet } from './common-snippets.ts';
import { shellWordPlain } from './escape/shell.ts';
import { buildConnectionUri, connectionJsonObject, parseConnectionUri } from './connection.ts';
import type { Ctx } from './context.ts';
import { FIELDS, type FieldDef } from './fields.ts';
import { MIGRATION_WRITERS } from './migration-writers.ts';
import { names, resolve } from './generate.ts';
import type { ProviderSpec } from './provider-spec.ts';
import { specOf } from './registry.ts';
import { secretName } from './secret-name.ts';
import { NOT_SIMPLE, readSimpleYaml } from './simple-yaml.ts';
import { plain, sanitize } from './slots.ts';
import type { ConnectionFields, ProviderId, RawInput, SecretKind, Snippet } from './types.ts';

export interface MigrationProblem {
  /** What the problem is about: the item's key or value, or a whole paste. */
  field: 'key' | 'value' | 'variables' | 'connections';
  /** `note`: something of a paste that is not moved on purpose (an Astro file's pools). */
  severity: 'error' | 'warning' | 'note';
  message: string;
}

export interface MigrationItem {
  kind: SecretKind;
  key: string;
  /** The name the backend looks up for the key ('' when it will not look the key up). */
  secretName: string;
  /** How the value is stored: the variable's text, or the connection as Airflow JSON or a URI. */
  format: 'text' | 'json' | 'uri';
  /** What is written. */
  value: string;
  /** An item with an error is left out of the script. */
  problems: MigrationProblem[];
}

/** True when the script writes the item: it has no error (an item with one is left out). */
export function isWritten(item: MigrationItem): boolean {
  return !item.problems.some((p) => p.severity === 'error');
}

/**
 * Items whose lines a page shows of a longer script; the rest are said in one comment of the
 * script's language. Thousands of items make half a megabyte of script, which a browser takes
 * a tenth of a second to put into a code block.
 */
export const SHOWN_ITEMS = 200;

export interface MigrationSnippet extends Snippet {
  /**
   * Present when the snippet has more than SHOWN_ITEMS items: the snippet shortened for the
   * page, still valid in its language, with a comment where it leaves items out. `code`
   * stays the whole snippet, for Copy and Download.
   */
  shown?: string;
}

export interface MigrationPlan {
  items: MigrationItem[];
  snippets: MigrationSnippet[];
  /** Problems of a paste as a whole (not JSON, not an export). */
  problems: MigrationProblem[];
}

/** A variable or connection typed by hand (the tool's rows): read like one entry of a paste. */
export interface HandRow {
  kind: SecretKind;
  /** The key (the ends are trimmed). */
  key: string;
  /** A variable's value, exactly; a connection as an Airflow URI or Airflow's JSON form (the ends are trimmed). */
  value: string;
}

export interface Exports {
  /** `airflow variables export` output (a JSON object), or an Astro project's `airflow_settings.yaml`. */
  variables?: string;
  /** `airflow connections export` output (`--file-format json`, `yaml` or `env`), or an Astro project's `airflow_settings.yaml`. */
  connections?: string;
  /** Variables and connections typed by hand, after what is pasted. A row with no key and no value is left out. */
  rows?: readonly HandRow[];
}

interface VariableEntry {
  key: string;
  value: string;
  /** What reading the entry found (an entry with an error is shown, not written). */
  problems?: MigrationProblem[];
}

interface Parsed<T> {
  entries: T[];
  problems: MigrationProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The YAML reader of every paste, with its limits in one place: what tools write (block
 * mappings and lists of scalars) is read by the fast reader (simple-yaml.ts, the same result),
 * anything else by the yaml package: duplicate keys allowed, at most 100 aliases, and warnings
 * never logged (the yaml package would print the pasted line, secrets and all, to the console).
 */
function readYaml(text: string): unknown {
  const fast = readSimpleYaml(text);
  return fast !== NOT_SIMPLE ? fast : parseYaml(text, { uniqueKeys: false, maxAliasCount: 100, logLevel: 'error' });
}

/**
 * `airflow variables export`: `{"key": value}`. Airflow exports a value that is valid JSON
 * as that JSON (a number, an object...), so such values are written back as JSON text.
 */
export function parseVariablesExport(text: string): Parsed<{ key: string; value: string }> {
  if (!text.trim()) return { entries: [], problems: [] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { entries: [], problems: [{ field: 'variables', severity: 'error', message: `Not JSON: ${(e as Error).message}` }] };
  }
  return variablesFromObject(data);
}

function variablesFromObject(data: unknown): Parsed<{ key: string; value: string }> {
  if (!isObject(data)) {
    return { entries: [], problems: [{ field: 'variables', severity: 'error', message: 'Expected a JSON object of keys and values, as airflow variables export writes' }] };
  }
  return {
    entries: Object.entries(data).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) })),
    problems: [],
  };
}

export interface ExportedConnection {
  connId: string;
  fields: ConnectionFields & { description?: string | null };
  /** Why the connection can't be read, if it can't. */
  error?: string;
  /** What reading it changed or left out (the connection is still written). */
  warnings?: string[];
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : String(v));

function fromExportFields(connId: string, o: Record<string, unknown>): ExportedConnection {
  const extra = o.extra;
  return {
    connId,
    fields: {
      connType: text(o.conn_type),
      host: text(o.host),
      login: text(o.login),
      password: text(o.password),
      schema: text(o.schema),
      port: o.port === null || o.port === undefined || o.port === '' ? null : text(o.port),
      // An export writes extra as the JSON text Airflow stored; keep it exactly.
      extra: extra === null || extra === undefined || extra === '' ? null : isObject(extra) ? JSON.stringify(extra) : String(extra),
      description: text(o.description),
    },
  };
}

function fromUri(connId: string, uri: string): ExportedConnection {
  if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(uri)) return { connId, fields: {}, error: 'Not a connection URI (type://...)' };
  try {
    const c = parseConnectionUri(uri);
    return { connId, fields: { connType: c.connType, host: c.host, login: c.login, password: c.password, port: c.port, schema: c.schema, extra: c.extra } };
  } catch (e) {
    return { connId, fields: {}, error: (e as Error).message };
  }
}

/** One connection written as text: Airflow's JSON form (`{"conn_type": ...}`) or its URI, as in an env export or a row typed by hand. */
function connectionFromText(connId: string, value: string): ExportedConnection {
  if (!value.startsWith('{')) return fromUri(connId, value);
  try {
    const o: unknown = JSON.parse(value);
    if (isObject(o)) return fromExportFields(connId, o);
  } catch {
    /* said below */
  }
  return { connId, fields: {}, error: 'Not a JSON object of connection fields' };
}

/** The lines of a paste that say something (not blank, not a # comment). */
const contentLines = (text: string) => text.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith('#'));

/** Which export format a paste is in. */
export function connectionsFormat(text: string): 'json' | 'yaml' | 'env' {
  const t = text.trim();
  if (t.startsWith('{')) return 'json';
  // env when every line that says something is `id=...`; stops at the first that is not (a YAML file's first line).
  let any = false;
  for (let start = 0; start < t.length; ) {
    const end = t.indexOf('\n', start);
    const line = t.slice(start, end < 0 ? t.length : end).replace(/\r$/, '');
    start = end < 0 ? t.length : end + 1;
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^[^\s=:][^=:]*=/.test(line)) return 'yaml';
    any = true;
  }
  return any ? 'env' : 'yaml';
}

/** `airflow connections export`, in any of its file formats. */
export function parseConnectionsExport(text: string): Parsed<ExportedConnection> {
  if (!text.trim()) return { entries: [], problems: [] };
  const format = connectionsFormat(text);
  if (format === 'env') {
    const entries = contentLines(text).map((line) => {
      const i = line.indexOf('=');
      return connectionFromText(line.slice(0, i).trim(), line.slice(i + 1).trim());
    });
    return { entries, problems: [] };
  }
  const data = readStructured(text, format, 'connections');
  return 'problem' in data ? { entries: [], problems: [data.problem] } : connectionsFromObject(data.value);
}

function connectionsFromObject(data: unknown): Parsed<ExportedConnection> {
  if (!isObject(data)) {
    return {
      entries: [],
      problems: [{ field: 'connections', severity: 'error', message: 'Expected the output of airflow connections export (--file-format json, yaml or env)' }],
    };
  }
  const entries = Object.entries(data).map(([connId, o]) =>
    isObject(o) ? fromExportFields(connId, o) : typeof o === 'string' ? fromUri(connId, o) : { connId, fields: {}, error: 'Not a connection' },
  );
  return { entries, problems: [] };
}

/** The first line of a parser's message, without the colon that introduces its excerpt. */
const firstLine = (e: unknown) => (e as Error).message.split('\n')[0]!.replace(/:\s*$/, '');

/** A paste read as JSON or YAML, or the problem that says why it can't be. */
function readStructured(text: string, format: 'json' | 'yaml', field: 'variables' | 'connections'): { value: unknown } | { problem: MigrationProblem } {
  try {
    return { value: format === 'json' ? JSON.parse(text) : readYaml(text) };
  } catch (e) {
    const what = format === 'json' ? 'JSON' : 'YAML';
    return { problem: { field, severity: 'error', message: `Not ${what}: ${firstLine(e)}` } };
  }
}

// --- An Astro project's airflow_settings.yaml (`astro dev object export`) --------------------
//
// What the Astro CLI (settings/types.go, settings.go) writes and reads back:
//   airflow:
//     connections: [{conn_id, conn_type, conn_host, conn_schema, conn_login, conn_password,
//                    conn_port (a number), conn_uri, conn_extra (a map, or JSON text)}]
//     pools: [{pool_name, pool_slot, pool_description}]
//     variables: [{variable_name, variable_value}]
// `astro dev start` loads it into the local Airflow: an entry without a name, a variable
// without a value and a connection with neither conn_type nor conn_uri are skipped; conn_uri is
// used only when no other field is set; conn_extra as text is taken as it is, a map as JSON;
// scalars are read as text the way its decoder does (a number as its digits, true as 1).

const SETTINGS_LISTS = ['connections', 'pools', 'variables'] as const;

/** True when a parsed paste is an Astro project's `airflow_settings.yaml`. */
export function isAstroSettings(data: unknown): data is { airflow: Record<string, unknown> } {
  if (!isObject(data) || !isObject(data.airflow)) return false;
  const airflow = data.airflow;
  return SETTINGS_LISTS.some((k) => k in airflow);
}

/** A scalar as the Astro CLI's decoder reads it into a text field, or undefined for a list or map (which it cannot read). */
function settingText(v: unknown): string | undefined {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '1' : '0';
  if (typeof v === 'number') return String(v);
  return undefined;
}

type SettingsField = 'conn_type' | 'conn_host' | 'conn_schema' | 'conn_login' | 'conn_password' | 'conn_uri';

function connectionFromSettings(connId: string, o: Record<string, unknown>): ExportedConnection {
  const read: Partial<Record<SettingsField, string>> = {};
  const warnings: string[] = [];
  for (const k of ['conn_type', 'conn_host', 'conn_schema', 'conn_login', 'conn_password', 'conn_uri'] as const) {
    const v = settingText(o[k]);
    if (v === undefined) return { connId, fields: {}, error: `${k} is a list or map: the Astro CLI cannot read the file` };
    if (typeof o[k] === 'boolean') warnings.push(`${k}: YAML reads ${String(o[k])} as a boolean, which the Astro CLI loads as ${v}; that is written (quote it in the file to keep the word)`);
    read[k] = v;
  }
  let port: string | null = null;
  const rawPort = o.conn_port;
  if (typeof rawPort === 'number' && Number.isInteger(rawPort)) port = rawPort === 0 ? null : String(rawPort);
  else if (typeof rawPort === 'string' && /^\s*[+-]?\d+\s*$/.test(rawPort)) port = Number(rawPort) === 0 ? null : String(Number(rawPort));
  else if (!(rawPort === null || rawPort === undefined || rawPort === '')) return { connId, fields: {}, error: 'conn_port is not a whole number' };

  const hasFields = Boolean(read.conn_type || read.conn_host || read.conn_login || read.conn_password || read.conn_schema || port);
  const rawExtra = o.conn_extra;
  const hasExtra = !(rawExtra === null || rawExtra === undefined || rawExtra === '' || (isObject(rawExtra) && Object.keys(rawExtra).length === 0));
  if (read.conn_uri && !hasFields) {
    const c = fromUri(connId, read.conn_uri);
    if (hasExtra && !c.error) c.warnings = ['conn_extra is not used: with only conn_uri set, the Astro CLI takes the connection from the URI'];
    return c;
  }
  if (!read.conn_type) return { connId, fields: {}, error: 'No conn_type (or conn_uri): the Astro CLI skips this connection' };
  if (read.conn_uri) warnings.push('conn_uri is not used: the Astro CLI takes the connection from the conn_* fields when they are set');

  let extra: string | null = null;
  if (hasExtra) {
    if (typeof rawExtra === 'string') {
      extra = rawExtra;
      let object = false;
      try {
        object = isObject(JSON.parse(rawExtra));
      } catch {
        /* said below */
      }
      if (!object) warnings.push('conn_extra is not a JSON object: Airflow cannot read its fields (written as it is)');
    } else if (isObject(rawExtra)) extra = JSON.stringify(rawExtra);
    else warnings.push('conn_extra is neither a map nor JSON text: left out, as the Astro CLI does');
  }
  return {
    connId,
    fields: {
      connType: read.conn_type,
      host: read.conn_host || null,
      login: read.conn_login || null,
      password: read.conn_password || null,
      schema: read.conn_schema || null,
      port,
      extra,
    },
    ...(warnings.length ? { warnings } : {}),
  };
}

/** Variables and connections of an `airflow_settings.yaml`; its pools are counted, not moved. */
function fromAstroSettings(data: { airflow: Record<string, unknown> }, field: 'variables' | 'connections'): Read {
  const out: Read = { variables: [], connections: [], problems: [], astro: true };
  for (const k of SETTINGS_LISTS) {
    const v = data.airflow[k];
    if (!(v === null || v === undefined || Array.isArray(v))) out.problems.push({ field, severity: 'error', message: `airflow_settings.yaml: airflow.${k} is not a list` });
  }
  const list = (k: (typeof SETTINGS_LISTS)[number]) => (Array.isArray(data.airflow[k]) ? (data.airflow[k] as unknown[]) : []).filter(isObject);
  let unnamed = 0;
  for (const v of list('variables')) {
    const key = settingText(v.variable_name) ?? '';
    const value = settingText(v.variable_value);
    if (!key) {
      if (value) unnamed++;
      continue;
    }
    const problems: MigrationProblem[] = [];
    if (value === undefined) {
      problems.push({ field: 'value', severity: 'error', message: 'variable_value is a list or map: the Astro CLI cannot read the file (write the value as quoted JSON text)' });
    } else if (value === '') {
      problems.push({ field: 'value', severity: 'error', message: 'No variable_value: the Astro CLI does not load a variable without a value' });
    } else if (typeof v.variable_value === 'boolean') {
      problems.push({ field: 'value', severity: 'warning', message: `YAML reads ${String(v.variable_value)} as a boolean, which the Astro CLI loads as ${value}; that is written (quote it in the file to keep the word)` });
    }
    out.variables.push({ key, value: value ?? '', problems });
  }
  for (const c of list('connections')) {
    const connId = settingText(c.conn_id) ?? '';
    if (connId) {
      out.connections.push(connectionFromSettings(connId, c));
      continue;
    }
    if (['conn_type', 'conn_host', 'conn_schema', 'conn_login', 'conn_password', 'conn_uri', 'conn_port'].some((k) => settingText(c[k]) || (k === 'conn_port' && typeof c[k] === 'number' && c[k] !== 0))) unnamed++;
  }
  if (unnamed) {
    out.problems.push({ field, severity: 'warning', message: `airflow_settings.yaml: ${unnamed} ${unnamed === 1 ? 'entry has' : 'entries have'} no variable_name or conn_id and ${unnamed === 1 ? 'is' : 'are'} skipped (the Astro CLI skips them too)` });
  }
  const pools = list('pools').filter((p) => settingText(p.pool_name)).length;
  if (pools) {
    out.problems.push({ field, severity: 'note', message: `airflow_settings.yaml: ${pools} ${pools === 1 ? 'pool is' : 'pools are'} not moved (a secrets backend holds only variables and connections)` });
  }
  return out;
}

/** What one paste box holds, read. */
interface Read {
  variables: VariableEntry[];
  connections: ExportedConnection[];
  problems: MigrationProblem[];
  /** The paste is an airflow_settings.yaml. */
  astro?: boolean;
}

const NOTHING: Read = { variables: [], connections: [], problems: [] };

/** The variables box: `airflow variables export`, or an `airflow_settings.yaml`. */
function readVariablesBox(text: string): Read {
  if (!text.trim()) return NOTHING;
  if (!text.trim().startsWith('{')) {
    // Not JSON, so not a variables export: an airflow_settings.yaml, or a mistake said as one.
    try {
      const data = readYaml(text);
      if (isAstroSettings(data)) return fromAstroSettings(data, 'variables');
    } catch (e) {
      if (/^airflow\s*:/m.test(text)) {
        return { ...NOTHING, problems: [{ field: 'variables', severity: 'error', message: `Not YAML (an airflow_settings.yaml?): ${firstLine(e)}` }] };
      }
    }
    const { problems } = parseVariablesExport(text);
    return { ...NOTHING, problems };
  }
  const data = readStructured(text, 'json', 'variables');
  if ('problem' in data) return { ...NOTHING, problems: [data.problem] };
  if (isAstroSettings(data.value)) return fromAstroSettings(data.value, 'variables');
  const { entries, problems } = variablesFromObject(data.value);
  return { ...NOTHING, variables: entries, problems };
}

/** The connections box: `airflow connections export` in any format, or an `airflow_settings.yaml`. */
function readConnectionsBox(text: string): Read {
  if (!text.trim()) return NOTHING;
  const format = connectionsFormat(text);
  if (format === 'env') return { ...NOTHING, connections: parseConnectionsExport(text).entries };
  const data = readStructured(text, format, 'connections');
  if ('problem' in data) return { ...NOTHING, problems: [data.problem] };
  if (isAstroSettings(data.value)) return fromAstroSettings(data.value, 'connections');
  const { entries, problems } = connectionsFromObject(data.value);
  return { ...NOTHING, connections: entries, problems };
}

/** The rows typed by hand, read like the entries of a paste. */
function readRows(rows: readonly HandRow[]): Read {
  const out: Read = { variables: [], connections: [], problems: [] };
  for (const row of rows) {
    const key = row.key.trim();
    const value = row.kind === 'variable' ? row.value : row.value.trim();
    if (!key && !value.trim()) continue;
    if (row.kind === 'variable') out.variables.push({ key, value });
    else if (!key) out.connections.push({ connId: '', fields: {}, error: 'No connection id' });
    else if (!value) out.connections.push({ connId: key, fields: {}, error: 'No value: type the connection as a URI (postgres://...) or as JSON ({"conn_type": ...})' });
    else out.connections.push(connectionFromText(key, value));
  }
  return out;
}

/**
 * Everything to move: both boxes, then the rows typed by hand. The same airflow_settings.yaml
 * pasted into both boxes is read once.
 */
function readAll(exports: Exports): Read {
  const variables = readVariablesBox(exports.variables ?? '');
  const sameFile = variables.astro && (exports.connections ?? '').trim() === (exports.variables ?? '').trim();
  const connections = sameFile ? NOTHING : readConnectionsBox(exports.connections ?? '');
  const rows = readRows(exports.rows ?? []);
  return {
    variables: [...variables.variables, ...connections.variables, ...rows.variables],
    connections: [...variables.connections, ...connections.connections, ...rows.connections],
    problems: [...variables.problems, ...connections.problems],
  };
}

/** The backend kwargs the names follow, as the guide's setup gives them. */
function namingOf(providerId: ProviderId, input: RawInput) {
  const spec = specOf(providerId);
  if (!spec) throw new Error(`Unknown provider ${providerId}`);
  const ctx = resolve(spec, input);
  return { spec, ctx, kwargs: plainKwargs(spec.naming(ctx)) };
}

/** The kwargs without slot markers: the names of pasted keys have no slots (the names are the same). */
function plainKwargs(kwargs: Record<string, unknown>): Record<string, unknown> {
  const unmark = (v: unknown) => (typeof v === 'string' ? plain(v) : v);
  return Object.fromEntries(Object.entries(kwargs).map(([k, v]) => [k, Array.isArray(v) ? v.map(unmark) : unmark(v)]));
}

/**
 * The guide's own checks of a key (the same rules and messages as its test key fields):
 * the field's check and the provider's checks of the name, on the setup resolved once.
 */
function keyChecker(spec: ProviderSpec, base: Ctx) {
  // The setup's own names, computed once: an item changes only the name of its own kind.
  const baseNames = names(spec, base);
  /** `name`: the name the item's key gets ('' when the backend does not look it up), as `names()` would give it. */
  return (kind: SecretKind, key: string, name: string): MigrationProblem[] => {
    const field = kind === 'variable' ? 'variableKey' : 'connectionId';
    const ctx: Ctx = { ...base, typed: { ...base.typed, [field]: key }, problems: [] };
    const check = spec.checks?.[field] ?? (FIELDS[field] as FieldDef).check;
    const finding = check?.(key, { provider: ctx.provider, platform: ctx.platform, authMethod: ctx.authMethod, values: ctx.typed });
    if (finding) ctx.problems.push({ field, ...finding });
    spec.crossChecks?.(ctx, { ...baseNames, [kind]: name });
    return ctx.problems.filter((p) => p.field === field).map((p) => ({ field: 'key' as const, severity: p.severity, message: p.message }));
  };
}

/** Characters that can't be part of a name (a name that starts with - is fine: the CLIs get it as --flag=NAME or after --). */
function nameProblems(name: string): MigrationProblem[] {
  const out: MigrationProblem[] = [];
  if (/[\u0000-\u001f\u007f]/.test(name)) out.push({ field: 'key', severity: 'error', message: 'The key contains a control character (a newline, a tab...)' });
  return out;
}

const AWS_EMPTY = 'The backend cannot store an empty value';

export function planMigration(providerId: ProviderId, input: RawInput, exports: Exports): MigrationPlan {
  const { spec, ctx, kwargs } = namingOf(providerId, input);
  const keyProblems = keyChecker(spec, ctx);
  const read = readAll(exports);
  const items: MigrationItem[] = [];
  const emptyIsError = providerId === 'aws-parameter-store' || providerId === 'aws-secrets-manager';
  const connectionFormat = MIGRATION_WRITERS[spec.info.id].connectionFormat;

  const add = (kind: SecretKind, rawKey: string, rawValue: string, format: MigrationItem['format'], problems: MigrationProblem[]) => {
    if (!rawKey) {
      // Only a row typed by hand can have no key: nothing to name.
      items.push({ kind, key: '', secretName: '', format, value: sanitize(rawValue), problems: [...problems, { field: 'key', severity: 'error', message: 'No key' }] });
      return;
    }
    // What a command line can't carry (NUL, lone surrogates) and the generator's own marker
    // characters are dropped, and said so.
    const key = sanitize(rawKey);
    const value = sanitize(rawValue);
    if (key !== rawKey) problems.push({ field: 'key', severity: 'warning', message: 'Characters that cannot be written (NUL, unpaired surrogates) were removed from the key' });
    if (value !== rawValue) problems.push({ field: 'value', severity: 'warning', message: 'Characters that cannot be written (NUL, unpaired surrogates) were removed from the value' });
    const name = secretName(providerId, kwargs, kind, key);
    const named = name === null ? '' : plain(name);
    const all = [...problems, ...keyProblems(kind, key, named), ...nameProblems(named)];
    if (name === null) all.push({ field: 'key', severity: 'error', message: 'The backend does not look this key up with your settings' });
    const valueError = problems.some((p) => p.field === 'value' && p.severity === 'error');
    if (value === '' && !valueError) all.push({ field: 'value', severity: emptyIsError ? 'error' : 'warning', message: emptyIsError ? AWS_EMPTY : 'The value is empty' });
    // The AWS CLI reads a file:// value (standard input here) as text, with universal newlines.
    if (emptyIsError && value.includes('\r')) all.push({ field: 'value', severity: 'warning', message: 'The AWS CLI reads the value as text: \\r\\n and \\r line breaks are stored as \\n' });
    items.push({ kind, key, secretName: named, format, value, problems: all });
  };

  for (const v of read.variables) add('variable', v.key, v.value, 'text', [...(v.problems ?? [])]);
  for (const c of read.connections) {
    if (c.error) {
      items.push({ kind: 'connection', key: c.connId, secretName: '', format: connectionFormat, value: '', problems: [{ field: c.connId ? 'value' : 'key', severity: 'error', message: c.error }] });
      continue;
    }
    const problems: MigrationProblem[] = (c.warnings ?? []).map((message) => ({ field: 'value', severity: 'warning', message }));
    let value: string;
    if (connectionFormat === 'json') {
      const o: Record<string, unknown> = connectionJsonObject(c.fields);
      if (c.fields.description) o.description = c.fields.description;
      value = JSON.stringify(o);
    } else {
      value = buildConnectionUri(c.fields);
      if (c.fields.description) problems.push({ field: 'value', severity: 'warning', message: 'A connection URI has no place for the description: it is not written' });
    }
    add('connection', c.connId, value, connectionFormat, problems);
  }

  // Two keys whose names come out the same (Azure turns _ into -): the second would overwrite the first.
  const byName = new Map<string, MigrationItem>();
  for (const item of items) {
    if (!item.secretName) continue;
    const first = byName.get(item.secretName);
    if (first) {
      item.problems.push({ field: 'key', severity: 'error', message: `Same name as ${first.kind} ${first.key}: ${item.secretName}` });
    } else byName.set(item.secretName, item);
  }

  const written = items.filter(isWritten);
  const snippets = [migrationScript(spec, ctx, written, items.filter((i) => !isWritten(i))), checkScript(written)];
  return { items, snippets, problems: read.problems };
}

/** A key as a shell comment: quoted as JSON, so no newline in it can end the comment. */
const commentKey = (key: string) => JSON.stringify(key);

function migrationScript(spec: ProviderSpec, ctx: Ctx, ok: MigrationItem[], skipped: MigrationItem[]): Snippet {
  const count = (kind: SecretKind) => ok.filter((i) => i.kind === kind).length;
  const lines = [
    '#!/usr/bin/env bash',
    `# Writes ${count('variable')} variable(s) and ${count('connection')} connection(s) to ${spec.info.name}, under the names Airflow looks up.`,
    '# Save it as migrate-secrets.sh and run: bash migrate-secrets.sh',
    '# (Pasted into a terminal instead, the values would end up in your shell history.)',
    '# DRY_RUN=1 bash migrate-secrets.sh lists the names and writes nothing. Running it again overwrites.',
    'set -euo pipefail',
    '',
    'write_secret() {',
    '  if [ -n "${DRY_RUN:-}" ]; then',
    '    cat >/dev/null',
    `    printf 'would write %s\\n' "$1"`,
    '    return',
    '  fi',
    ...MIGRATION_WRITERS[spec.info.id].writer(ctx).map((l) => '  ' + l),
    `  printf 'wrote %s\\n' "$1"`,
    '}',
    '',
  ];
  // The script has no slots: the head (with the setup's values) loses its markers here, and each
  // item's lines are built from plain text (keys and values are sanitized; a writer's words may
  // carry the setup's markers), so the whole script is never scanned again: with 1,000 items it is
  // half a megabyte.
  const head = plain(lines.join('\n')) + '\n';
  const writer = MIGRATION_WRITERS[spec.info.id];
  const commands = ok.map(
    (item) => `# ${item.kind} ${commentKey(item.key)}\nprintf '%s' ${shellWordPlain(item.value)} | write_secret ${plain(writer.args(ctx, item.kind, item.key, item.secretName).join(' '))}`,
  );
  const leftOut = skipped.map((item) => {
    const why = item.problems.find((p) => p.severity === 'error')?.message ?? '';
    return plain(commented([`${item.kind} ${commentKey(item.key)}: ${why}`]));
  });
  const scriptOf = (commands: string[], leftOut: string[]) => {
    const body = [...commands, ...(skipped.length ? ['', `# Left out (${skipped.length}): fix them and generate the script again.`, ...leftOut] : [])];
    return head + (body.length ? body.join('\n') + '\n' : '');
  };
  const code = scriptOf(commands, leftOut);
  const shown = commands.length > SHOWN_ITEMS || leftOut.length > SHOWN_ITEMS ? scriptOf(shortened(commands, '# ', 'items'), shortened(leftOut, '# ', 'left out')) : undefined;
  return { id: 'migrate-secrets', title: 'Move your variables and connections', lang: 'sh', code, filename: 'migrate-secrets.sh', slots: [], ...(shown === undefined ? {} : { shown }) };
}

/** Lines in the entries (an entry may have several: a value with line breaks). */
function lineCount(entries: string[]): number {
  let n = entries.length;
  for (const entry of entries) for (let i = entry.indexOf('\n'); i !== -1; i = entry.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * At most `limit` entries, then a line that says how many more there are (and their lines,
 * when an entry has more than one), which starts with `comment`, the language's comment.
 */
export function shortened(entries: readonly string[], comment: string, what: string, limit = SHOWN_ITEMS): string[] {
  if (entries.length <= limit) return [...entries];
  const rest = entries.slice(limit);
  const lines = lineCount(rest);
  const count = lines === rest.length ? `${rest.length} more ${what}` : `${rest.length} more ${what} (${lines} lines)`;
  return [...entries.slice(0, limit), `${comment}... and ${count}, not shown on this page: Copy or Download gives the whole script.`];
}
/** A Python string literal (JSON's escapes are Python's too). */
const pyLiteral = (s: string) => JSON.stringify(s);

function checkScript(ok: MigrationItem[]): MigrationSnippet {
  const keyLines = (kind: SecretKind) => ok.filter((i) => i.kind === kind).map((i) => '    ' + pyLiteral(i.key) + ',');
  const all = { variable: keyLines('variable'), connection: keyLines('connection') };
  const text = (keys: (kind: SecretKind) => string[]) => [
    '# Asks the secrets backend configured in this Airflow for every moved key and prints',
    '# found or MISSING for each. Values are never printed.',
    '# Save it as include/check_migrated_secrets.py, then run it in the local Airflow:',
    '#   astro dev bash --scheduler',
    '#   python include/check_migrated_secrets.py',
    'import json',
    'import os',
    'from importlib import import_module',
    '',
    'VARIABLES = [',
    ...keys('variable'),
    ']',
    'CONNECTIONS = [',
    ...keys('connection'),
    ']',
    '',
    'module_name, _, class_name = os.environ["AIRFLOW__SECRETS__BACKEND"].rpartition(".")',
    'kwargs = json.loads(os.environ.get("AIRFLOW__SECRETS__BACKEND_KWARGS") or "{}")',
    'backend = getattr(import_module(module_name), class_name)(**kwargs)',
    'missing = 0',
    'for key in VARIABLES:',
    '    found = backend.get_variable(key) is not None',
    '    missing += not found',
    '    print("found  " if found else "MISSING", "variable", key)',
    'for conn_id in CONNECTIONS:',
    '    found = backend.get_connection(conn_id) is not None',
    '    missing += not found',
    '    print("found  " if found else "MISSING", "connection", conn_id)',
    'print(f"{len(VARIABLES) + len(CONNECTIONS) - missing} found, {missing} missing")',
    '',
  ].join('\n');
  const check = (keys: (kind: SecretKind) => string[]) => snippet('migrate-check', 'Check that Airflow finds them', 'python', text(keys), 'include/check_migrated_secrets.py');
  const whole = check((kind) => all[kind]);
  if (ok.length <= SHOWN_ITEMS) return whole;
  // Shortened, it lists the keys of the items the shortened migration script shows (variables
  // come first); a comment line in a list is still Python.
  const limit = { variable: SHOWN_ITEMS, connection: Math.max(0, SHOWN_ITEMS - all.variable.length) };
  return { ...whole, shown: check((kind) => shortened(all[kind], '    # ', kind === 'variable' ? 'variables' : 'connections', limit[kind])).code };
}
