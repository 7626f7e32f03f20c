/**
 * Moving existing variables and connections into a secrets backend: reads what
 * `airflow variables export` and `airflow connections export` print, names every item as
 * the backend will look it up under the reader's settings, checks what the backend can't
 * store, and writes two snippets:
 *  - `migrate-secrets` (sh): one script that writes every item with the backend's CLI,
 *    each value on standard input (never an argument), a second run overwriting, and
 *    `DRY_RUN=1` listing the names only;
 *  - `migrate-check` (python): run in the local Airflow, it asks the configured backend for
 *    every key and prints found or MISSING, never a value.
 *
 * Pure, like the rest of the generator; a page loads it only when the reader uses it.
 */
import { parse as parseYaml } from 'yaml';
import { commented, shellWord, snippet } from './common-snippets.ts';
import { buildConnectionUri, connectionJsonObject, parseConnectionUri } from './connection.ts';
import type { Ctx } from './context.ts';
import { FIELDS, type FieldDef } from './fields.ts';
import { MIGRATION_WRITERS } from './migration-writers.ts';
import { names, resolve } from './generate.ts';
import type { ProviderSpec } from './provider-spec.ts';
import { specOf } from './registry.ts';
import { secretName } from './secret-name.ts';
import { plain, sanitize } from './slots.ts';
import type { ConnectionFields, ProviderId, RawInput, SecretKind, Snippet } from './types.ts';

export interface MigrationProblem {
  /** What the problem is about: the item's key or value, or a whole paste. */
  field: 'key' | 'value' | 'variables' | 'connections';
  severity: 'error' | 'warning';
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

export interface MigrationPlan {
  items: MigrationItem[];
  snippets: Snippet[];
  /** Problems of a paste as a whole (not JSON, not an export). */
  problems: MigrationProblem[];
}

export interface Exports {
  /** `airflow variables export` output: a JSON object. */
  variables?: string;
  /** `airflow connections export` output: `--file-format json`, `yaml` or `env`. */
  connections?: string;
}

interface Parsed<T> {
  entries: T[];
  problems: MigrationProblem[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

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

/** The lines of a paste that say something (not blank, not a # comment). */
const contentLines = (text: string) => text.split(/\r?\n/).filter((l) => l.trim() && !l.trim().startsWith('#'));

/** Which export format a paste is in. */
export function connectionsFormat(text: string): 'json' | 'yaml' | 'env' {
  const t = text.trim();
  if (t.startsWith('{')) return 'json';
  const lines = contentLines(t);
  return lines.length > 0 && lines.every((l) => /^[^\s=:][^=:]*=/.test(l)) ? 'env' : 'yaml';
}

/** `airflow connections export`, in any of its file formats. */
export function parseConnectionsExport(text: string): Parsed<ExportedConnection> {
  if (!text.trim()) return { entries: [], problems: [] };
  const format = connectionsFormat(text);
  if (format === 'env') {
    const entries = contentLines(text).map((line) => {
        const i = line.indexOf('=');
        const connId = line.slice(0, i).trim();
        const value = line.slice(i + 1).trim();
        if (value.startsWith('{')) {
          try {
            const o: unknown = JSON.parse(value);
            if (isObject(o)) return fromExportFields(connId, o);
          } catch {
            /* reported below */
          }
          return { connId, fields: {}, error: 'The JSON after = is not a JSON object' };
        }
        return fromUri(connId, value);
      });
    return { entries, problems: [] };
  }
  let data: unknown;
  try {
    data = format === 'json' ? JSON.parse(text) : parseYaml(text, { uniqueKeys: false });
  } catch (e) {
    const what = format === 'json' ? 'JSON' : 'YAML';
    return { entries: [], problems: [{ field: 'connections', severity: 'error', message: `Not ${what}: ${(e as Error).message.split('\n')[0]}` }] };
  }
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

/** The backend kwargs the names follow, as the guide's setup gives them. */
function namingOf(providerId: ProviderId, input: RawInput) {
  const spec = specOf(providerId);
  if (!spec) throw new Error(`Unknown provider ${providerId}`);
  const ctx = resolve(spec, input);
  return { spec, ctx, kwargs: spec.naming(ctx) };
}

/**
 * The guide's own checks of a key (the same rules and messages as its test key fields):
 * the field's check and the provider's checks of the name, on the setup resolved once.
 */
function keyChecker(spec: ProviderSpec, base: Ctx) {
  return (kind: SecretKind, key: string): MigrationProblem[] => {
    const field = kind === 'variable' ? 'variableKey' : 'connectionId';
    const ctx: Ctx = { ...base, typed: { ...base.typed, [field]: key }, problems: [] };
    const check = spec.checks?.[field] ?? (FIELDS[field] as FieldDef).check;
    const finding = check?.(key, { provider: ctx.provider, platform: ctx.platform, authMethod: ctx.authMethod, values: ctx.typed });
    if (finding) ctx.problems.push({ field, ...finding });
    spec.crossChecks?.(ctx, names(spec, ctx));
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
  const variables = parseVariablesExport(exports.variables ?? '');
  const connections = parseConnectionsExport(exports.connections ?? '');
  const items: MigrationItem[] = [];
  const emptyIsError = providerId === 'aws-parameter-store' || providerId === 'aws-secrets-manager';

  const add = (kind: SecretKind, rawKey: string, rawValue: string, format: MigrationItem['format'], problems: MigrationProblem[]) => {
    // What a command line can't carry (NUL, lone surrogates) and the generator's own marker
    // characters are dropped, and said so.
    const key = sanitize(rawKey);
    const value = sanitize(rawValue);
    if (key !== rawKey) problems.push({ field: 'key', severity: 'warning', message: 'Characters that cannot be written (NUL, unpaired surrogates) were removed from the key' });
    if (value !== rawValue) problems.push({ field: 'value', severity: 'warning', message: 'Characters that cannot be written (NUL, unpaired surrogates) were removed from the value' });
    const name = secretName(providerId, kwargs, kind, key);
    const named = name === null ? '' : plain(name);
    const all = [...problems, ...keyProblems(kind, key), ...nameProblems(named)];
    if (name === null) all.push({ field: 'key', severity: 'error', message: 'The backend does not look this key up with your settings' });
    if (value === '') all.push({ field: 'value', severity: emptyIsError ? 'error' : 'warning', message: emptyIsError ? AWS_EMPTY : 'The value is empty' });
    // The AWS CLI reads a file:// value (standard input here) as text, with universal newlines.
    if (emptyIsError && value.includes('\r')) all.push({ field: 'value', severity: 'warning', message: 'The AWS CLI reads the value as text: \\r\\n and \\r line breaks are stored as \\n' });
    items.push({ kind, key, secretName: named, format, value, problems: all });
  };

  for (const v of variables.entries) add('variable', v.key, v.value, 'text', []);
  for (const c of connections.entries) {
    if (c.error) {
      items.push({ kind: 'connection', key: c.connId, secretName: '', format: MIGRATION_WRITERS[spec.info.id].connectionFormat, value: '', problems: [{ field: 'value', severity: 'error', message: c.error }] });
      continue;
    }
    const problems: MigrationProblem[] = [];
    let value: string;
    if (MIGRATION_WRITERS[spec.info.id].connectionFormat === 'json') {
      const o: Record<string, unknown> = connectionJsonObject(c.fields);
      if (c.fields.description) o.description = c.fields.description;
      value = JSON.stringify(o);
    } else {
      value = buildConnectionUri(c.fields);
      if (c.fields.description) problems.push({ field: 'value', severity: 'warning', message: 'A connection URI has no place for the description: it is not written' });
    }
    add('connection', c.connId, value, MIGRATION_WRITERS[spec.info.id].connectionFormat, problems);
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
  return { items, snippets, problems: [...variables.problems, ...connections.problems] };
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
  for (const item of ok) {
    lines.push(`# ${item.kind} ${commentKey(item.key)}`);
    lines.push(`printf '%s' ${shellWord(item.value)} | write_secret ${MIGRATION_WRITERS[spec.info.id].args(ctx, item.kind, item.key, item.secretName).join(' ')}`);
  }
  if (skipped.length) {
    lines.push('', `# Left out (${skipped.length}): fix them and generate the script again.`);
    for (const item of skipped) {
      const why = item.problems.find((p) => p.severity === 'error')?.message ?? '';
      lines.push(commented([`${item.kind} ${commentKey(item.key)}: ${why}`]));
    }
  }
  return snippet('migrate-secrets', 'Move your variables and connections', 'sh', plain(lines.join('\n') + '\n'), 'migrate-secrets.sh');
}

/** A Python string literal (JSON's escapes are Python's too). */
const pyLiteral = (s: string) => JSON.stringify(s);

function checkScript(ok: MigrationItem[]): Snippet {
  const keys = (kind: SecretKind) => ok.filter((i) => i.kind === kind).map((i) => '    ' + pyLiteral(i.key) + ',');
  const code = [
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
  ];
  return snippet('migrate-check', 'Check that Airflow finds them', 'python', code.join('\n'), 'include/check_migrated_secrets.py');
}
