/**
 * Moving existing variables and connections (src/generators/migration.ts): the export
 * formats Airflow writes are read, every item is named as its backend looks it up (names
 * written here by hand from the provider rules), and the generated script, run by bash with
 * recording stub CLIs, writes exactly each value under exactly that name, for realistic and
 * for hostile keys and values. The check script parses as Python and, with a fake backend,
 * prints found/MISSING and never a value.
 */
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { connectionsFormat, parseConnectionsExport, parseVariablesExport, planMigration, type MigrationPlan } from '../../../src/generators/migration.ts';
import { parseConnectionUri } from '../../../src/generators/connection.ts';
import type { ProviderId } from '../../../src/generators/types.ts';
import { hostileString } from '../helpers/arbitraries.ts';
import { missingTools, run } from '../helpers/tools.ts';

/** Realistic exports, as Airflow 2 and 3 print them. */
const VARIABLES_EXPORT = JSON.stringify(
  { api_key: 's3cr3t', etl_config: { batch: 500, tables: ['a', 'b'] }, retries: 3, data_path: '/data/in', feature_on: true },
  null,
  4,
);
const CONNECTION = {
  conn_type: 'postgres',
  description: 'Reporting database',
  host: 'db.example.com',
  login: 'report',
  password: 'p@ss:w/rd',
  schema: 'analytics',
  port: 5432,
  extra: '{"sslmode": "require"}',
};
const CONNECTIONS_JSON = JSON.stringify({ reporting_db: CONNECTION, http_api: { conn_type: 'http', description: null, host: 'api.example.com', login: null, password: null, schema: null, port: null, extra: null } }, null, 4);
const CONNECTIONS_YAML = toYaml({ reporting_db: CONNECTION });
const CONNECTIONS_ENV = 'reporting_db=postgres://report:p%40ss%3Aw%2Frd@db.example.com:5432/analytics?sslmode=require\nhttp_api=http://api.example.com\n';

const INPUTS: Record<ProviderId, Record<string, string>> = {
  'hashicorp-vault': { platform: 'astro', vaultUrl: 'https://vault.example.com:8200', mountPoint: 'airflow' },
  'aws-parameter-store': { platform: 'astro', region: 'eu-west-1', roleArn: 'arn:aws:iam::123456789012:role/airflow' },
  'aws-secrets-manager': { platform: 'astro', region: 'eu-west-1', roleArn: 'arn:aws:iam::123456789012:role/airflow' },
  'gcp-secret-manager': { platform: 'astro', projectId: 'my-project-123' },
  'azure-key-vault': { platform: 'software', vaultUrl: 'https://my-vault.vault.azure.net/' },
};

/** The name each backend looks up with the settings above (provider rules, by hand). */
const NAMES: Record<ProviderId, (kind: 'variable' | 'connection', key: string) => string> = {
  'hashicorp-vault': (kind, key) => `airflow/data/${kind === 'variable' ? 'variables' : 'connections'}/${key}`,
  'aws-parameter-store': (kind, key) => `/airflow/${kind === 'variable' ? 'variables' : 'connections'}/${key}`,
  'aws-secrets-manager': (kind, key) => `airflow/${kind === 'variable' ? 'variables' : 'connections'}/${key}`,
  'gcp-secret-manager': (kind, key) => `airflow-${kind === 'variable' ? 'variables' : 'connections'}-${key}`,
  'azure-key-vault': (kind, key) => `airflow-${kind === 'variable' ? 'variables' : 'connections'}-${key}`.replace(/_/g, '-'),
};

/** The commands that write one secret (program and argv, stdin), with the stub saying whether it exists. */
function intended(p: ProviderId, kind: 'variable' | 'connection', key: string, value: string, exists: boolean): { argv: string[]; stdin: string }[] {
  const name = NAMES[p](kind, key);
  switch (p) {
    case 'hashicorp-vault':
      return [{ argv: ['vault', 'kv', 'put', '-mount=airflow', '--', `${kind === 'variable' ? 'variables' : 'connections'}/${key}`, kind === 'variable' ? 'value=-' : 'conn_uri=-'], stdin: value }];
    case 'aws-parameter-store':
      return [{ argv: ['aws', 'ssm', 'put-parameter', '--region=eu-west-1', `--name=${name}`, '--type', 'SecureString', '--overwrite', '--value', 'file:///dev/stdin'], stdin: value }];
    case 'aws-secrets-manager':
      return [
        { argv: ['aws', 'secretsmanager', 'describe-secret', '--region=eu-west-1', `--secret-id=${name}`], stdin: '' },
        exists
          ? { argv: ['aws', 'secretsmanager', 'put-secret-value', '--region=eu-west-1', `--secret-id=${name}`, '--secret-string', 'file:///dev/stdin'], stdin: value }
          : { argv: ['aws', 'secretsmanager', 'create-secret', '--region=eu-west-1', `--name=${name}`, '--secret-string', 'file:///dev/stdin'], stdin: value },
      ];
    case 'gcp-secret-manager':
      return [
        { argv: ['gcloud', 'secrets', 'describe', '--project=my-project-123', '--', name], stdin: '' },
        exists
          ? { argv: ['gcloud', 'secrets', 'versions', 'add', '--project=my-project-123', '--data-file=-', '--', name], stdin: value }
          : { argv: ['gcloud', 'secrets', 'create', '--project=my-project-123', '--replication-policy=automatic', '--data-file=-', '--', name], stdin: value },
      ];
    case 'azure-key-vault':
      return [{ argv: ['az', 'keyvault', 'secret', 'set', '--vault-name=my-vault', `--name=${name}`, '--file', '/dev/stdin', '--encoding', 'utf-8'], stdin: value }];
  }
}

const PROVIDERS = Object.keys(INPUTS) as ProviderId[];
const tools = missingTools('bash', 'shellcheck', 'python3');
const dir = mkdtempSync(join(tmpdir(), 'migration-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Stub CLIs on PATH that record program, argv and stdin; `describe` succeeds when STUB_EXISTS=1. */
function stubs(): string {
  const bin = join(dir, 'bin');
  mkdirSync(bin, { recursive: true });
  for (const name of ['vault', 'aws', 'gcloud', 'az']) {
    const script = [
      '#!/bin/sh',
      `{ printf 'CMD\\0%s\\0%s\\0' '${name}' "$#"; for a in "$@"; do printf '%s\\0' "$a"; done; cat; printf '\\0'; } >> "$STUB_LOG"`,
      'case " $* " in *" describe"*|*" describe-secret "*) [ "${STUB_EXISTS:-}" = 1 ] || exit 1 ;; esac',
      '',
    ].join('\n');
    writeFileSync(join(bin, name), script);
    chmodSync(join(bin, name), 0o755);
  }
  return bin;
}

function runScript(code: string, env: Record<string, string> = {}): { commands: { argv: string[]; stdin: string }[]; stdout: string } {
  const bin = stubs();
  const log = join(dir, `log-${Math.random().toString(36).slice(2)}`);
  writeFileSync(log, '');
  const file = join(dir, 'migrate-secrets.sh');
  writeFileSync(file, code);
  const stdout = run('bash', [file], '', { ...process.env, PATH: `${bin}:${process.env.PATH}`, STUB_LOG: log, ...env });
  const tokens = readFileSync(log, 'utf8').split('\0');
  const commands: { argv: string[]; stdin: string }[] = [];
  for (let i = 0; i < tokens.length - 1; ) {
    if (tokens[i] !== 'CMD') throw new Error(`bad stub log at ${i}`);
    const argc = Number(tokens[i + 2]);
    commands.push({ argv: [tokens[i + 1] as string, ...tokens.slice(i + 3, i + 3 + argc)], stdin: tokens[i + 3 + argc] as string });
    i += 4 + argc;
  }
  return { commands, stdout };
}

const script = (plan: MigrationPlan) => plan.snippets.find((s) => s.id === 'migrate-secrets')!.code;
const check = (plan: MigrationPlan) => plan.snippets.find((s) => s.id === 'migrate-check')!.code;

describe('reading exports', () => {
  it('variables: a JSON object; values Airflow exported as JSON come back as JSON text', () => {
    const { entries, problems } = parseVariablesExport(VARIABLES_EXPORT);
    expect(problems).toEqual([]);
    expect(Object.fromEntries(entries.map((e) => [e.key, e.value]))).toEqual({
      api_key: 's3cr3t',
      etl_config: '{"batch":500,"tables":["a","b"]}',
      retries: '3',
      data_path: '/data/in',
      feature_on: 'true',
    });
    expect(parseVariablesExport("{'a': 'b'}").problems[0]?.message).toMatch(/^Not JSON/);
    expect(parseVariablesExport('["a"]').problems[0]?.message).toMatch(/JSON object/);
    expect(parseVariablesExport('  ')).toEqual({ entries: [], problems: [] });
  });

  it('connections: --file-format json, yaml and env give the same connection', () => {
    expect([connectionsFormat(CONNECTIONS_JSON), connectionsFormat(CONNECTIONS_YAML), connectionsFormat(CONNECTIONS_ENV)]).toEqual(['json', 'yaml', 'env']);
    const want = { connType: 'postgres', host: 'db.example.com', login: 'report', password: 'p@ss:w/rd', schema: 'analytics', port: '5432' };
    for (const text of [CONNECTIONS_JSON, CONNECTIONS_YAML]) {
      const c = parseConnectionsExport(text).entries.find((e) => e.connId === 'reporting_db')!;
      expect(c.fields).toMatchObject({ ...want, extra: '{"sslmode": "require"}', description: 'Reporting database' });
    }
    const env = parseConnectionsExport(CONNECTIONS_ENV).entries;
    expect(env.map((e) => e.connId)).toEqual(['reporting_db', 'http_api']);
    expect({ ...env[0]!.fields, port: String(env[0]!.fields.port) }).toMatchObject({ ...want, extra: { sslmode: 'require' } });
    // The env format with --serialization-format json.
    const jsonLine = parseConnectionsExport(`reporting_db=${JSON.stringify(CONNECTION)}\n`).entries[0]!;
    expect(jsonLine.fields).toMatchObject({ ...want, extra: '{"sslmode": "require"}' });
    expect(parseConnectionsExport('broken=not a uri').entries[0]!.error).toBeTruthy();
    expect(parseConnectionsExport('{"a": ').problems[0]?.message).toMatch(/^Not JSON/);
  });
});

describe.each(PROVIDERS)('%s', (p) => {
  const plan = planMigration(p, INPUTS[p], { variables: VARIABLES_EXPORT, connections: CONNECTIONS_JSON });

  it('names every item as the backend looks it up, and stores connections as JSON (URI for Vault)', () => {
    expect(plan.problems).toEqual([]);
    for (const item of plan.items) {
      expect(item.secretName).toBe(NAMES[p](item.kind, item.key));
      expect(item.problems.filter((x) => x.severity === 'error')).toEqual([]);
    }
    const conn = plan.items.find((i) => i.key === 'reporting_db')!;
    if (p === 'hashicorp-vault') {
      expect(conn.format).toBe('uri');
      expect(parseConnectionUri(conn.value)).toMatchObject({ connType: 'postgres', host: 'db.example.com', login: 'report', password: 'p@ss:w/rd', schema: 'analytics', port: 5432 });
      expect(conn.problems.map((x) => x.message).join()).toMatch(/description/);
    } else {
      expect(conn.format).toBe('json');
      expect(JSON.parse(conn.value)).toEqual({ ...CONNECTION, conn_type: 'postgres' });
    }
  });

  it.skipIf(tools.length > 0)('the script passes bash -n and shellcheck, and writes each value under its name; a second run updates; DRY_RUN writes nothing', () => {
    const code = script(plan);
    writeFileSync(join(dir, 'check.sh'), code);
    run('bash', ['-n', join(dir, 'check.sh')]);
    run('shellcheck', ['-s', 'bash', '-e', 'SC2016,SC1003', join(dir, 'check.sh')]);
    for (const exists of [false, true]) {
      const { commands, stdout } = runScript(code, exists ? { STUB_EXISTS: '1' } : {});
      const want = plan.items.flatMap((i) => intended(p, i.kind, i.key, i.value, exists));
      expect(commands).toEqual(want);
      // Vault's write_secret names the path under the mount; the others the name itself.
      const wrote = (i: (typeof plan.items)[number]) => (p === 'hashicorp-vault' ? `${i.kind === 'variable' ? 'variables' : 'connections'}/${i.key}` : i.secretName);
      expect(stdout.trim().split('\n')).toEqual(plan.items.map((i) => `wrote ${wrote(i)}`));
    }
    const dry = runScript(code, { DRY_RUN: '1' });
    expect(dry.commands).toEqual([]);
    expect(dry.stdout).toMatch(/^would write /);
    expect(dry.stdout).not.toContain('s3cr3t');
  });

  it('reports keys the backend cannot store, two keys that come out as one name, and empty values', () => {
    const bad = planMigration(p, INPUTS[p], { variables: JSON.stringify({ my_var: 'a', 'my-var': 'b', empty: '', 'has space': 'c' }) });
    const problemsOf = (key: string) => bad.items.find((i) => i.key === key)!.problems;
    if (p === 'azure-key-vault') expect(problemsOf('my-var').map((x) => x.message).join()).toMatch(/Same name as variable my_var/);
    expect(problemsOf('empty').length).toBeGreaterThan(0);
    if (p !== 'hashicorp-vault') expect(problemsOf('has space').some((x) => x.severity === 'error')).toBe(true);
    // Left out of the script, and said why.
    for (const item of bad.items.filter((i) => i.problems.some((x) => x.severity === 'error'))) {
      expect(script(bad)).toContain(`# ${item.kind} ${JSON.stringify(item.key)}: `);
    }
  });

  it.skipIf(tools.length > 0)('hostile keys and values never break out of their quoting: each is written exactly, or left out', () => {
    fc.assert(
      fc.property(fc.dictionary(hostileString.filter((k) => k.length > 0 && k.length < 60), hostileString, { maxKeys: 5 }), (vars) => {
        const plan = planMigration(p, INPUTS[p], { variables: JSON.stringify(vars) });
        const written = plan.items.filter((i) => !i.problems.some((x) => x.severity === 'error'));
        const { commands } = runScript(script(plan));
        expect(commands).toEqual(written.flatMap((i) => intended(p, 'variable', i.key, i.value, false)));
        for (const i of written) expect(i.value).toBe(vars[i.key]);
      }),
      { numRuns: 25 },
    );
  });

  it.skipIf(tools.length > 0)('the check script is valid Python that prints found/MISSING per key and never a value', () => {
    const code = check(plan);
    const pkg = join(dir, 'pkg');
    mkdirSync(pkg, { recursive: true });
    // A fake backend: it finds every variable but retries, and every connection.
    writeFileSync(
      join(pkg, 'fakebackend.py'),
      [
        'class Backend:',
        '    def __init__(self, **kwargs):',
        '        self.kwargs = kwargs',
        '    def get_variable(self, key):',
        '        return None if key == "retries" else "VALUE-" + key',
        '    def get_connection(self, conn_id):',
        '        return object()',
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'check.py'), code);
    const out = run('python3', [join(dir, 'check.py')], '', {
      ...process.env,
      PYTHONPATH: pkg,
      AIRFLOW__SECRETS__BACKEND: 'fakebackend.Backend',
      AIRFLOW__SECRETS__BACKEND_KWARGS: '{"a": 1}',
    });
    expect(out).toContain('MISSING variable retries');
    expect(out).toContain('found   variable api_key');
    expect(out).toContain('found   connection reporting_db');
    expect(out).toMatch(/6 found, 1 missing/);
    expect(out).not.toContain('VALUE-');
  });
});
