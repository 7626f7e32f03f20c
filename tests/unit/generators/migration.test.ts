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
import { afterAll, describe, expect, it, vi } from 'vitest';
import { stringify as toYaml } from 'yaml';
import { SHOWN_ITEMS, connectionsFormat, parseConnectionsExport, parseVariablesExport, planMigration, shortened, type MigrationPlan } from '../../../src/generators/migration.ts';
import { parseConnectionUri } from '../../../src/generators/connection.ts';
import { shellWord, shellWordPlain } from '../../../src/generators/escape/shell.ts';
import { lookupNames } from '../../../src/generators/index.ts';
import type { ProviderId } from '../../../src/generators/types.ts';
import { hostileString, nonEmptyHostile } from '../helpers/arbitraries.ts';
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

describe('quoting', () => {
  it("the script's fast quoting of values is the generator's shellWord", () => {
    fc.assert(
      fc.property(hostileString, (value) => {
        expect(shellWordPlain(value)).toBe(shellWord(value));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('names', () => {
  it('every item gets the name the guide shows for the same key, whatever the prefixes, separator and mount', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVIDERS),
        fc.record({ variablesPrefix: hostileString, connectionsPrefix: hostileString, sep: fc.constantFrom('', '-', '/', '_', '$&', '.'), mountPoint: hostileString, variablesPath: hostileString }),
        fc.array(nonEmptyHostile, { minLength: 1, maxLength: 4 }),
        (p, settings, keys) => {
          const input = { ...INPUTS[p], ...settings };
          const plan = planMigration(p, input, { variables: JSON.stringify(Object.fromEntries(keys.map((k) => [k, 'v']))) });
          for (const item of plan.items.filter((i) => i.secretName)) {
            expect(item.secretName).toBe(lookupNames(p, { ...input, variableKey: item.key }).variable);
          }
        },
      ),
      { numRuns: 300 },
    );
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

/**
 * An Astro project's airflow_settings.yaml, as `astro dev object export` writes it (4-space
 * indents, lists inside their key, conn_extra as a map, conn_uri empty), with what a reader
 * adds by hand: a JSON-text extra, a port in quotes, YAML's quoting styles, hostile values, the
 * empty entries of the file `astro dev init` makes, and a pool.
 */
const HOSTILE_PASSWORD = `it's "quoted" $(whoami) \`id\` $HOME\nsecond line ✓ 🔑 ${'\u05e9\u05dc\u05d5\u05dd'}`;
const ASTRO_SETTINGS = `# This file allows you to configure Airflow Connections, Pools, and Variables in a single place for local development only.

airflow:
    connections:
        - conn_id: reporting_db
          conn_type: postgres
          conn_host: db.example.com
          conn_schema: analytics
          conn_login: report
          conn_password: "it's \\"quoted\\" $(whoami) \`id\` $HOME\\nsecond line ✓ 🔑 \\u05e9\\u05dc\\u05d5\\u05dd"
          conn_port: 5432
          conn_uri: ""
          conn_extra:
            sslmode: require
            connect_timeout: 10
        - conn_id: http_api
          conn_type: http
          conn_host: api.example.com
          conn_schema: ""
          conn_login: ""
          conn_password: ""
          conn_port: "8443"
          conn_uri: ""
          conn_extra: '{"timeout": 5, "headers": {"X-Team": "data''s"}}'
        - conn_id: warehouse
          conn_uri: snowflake://svc:pw@acme/db?warehouse=wh
        - conn_id:
          conn_type:
          conn_host:
          conn_schema:
          conn_login:
          conn_password:
          conn_port:
          conn_extra:
            example_extra_field: example-value
    pools:
        - pool_name: etl_pool
          pool_slot: 3
          pool_description: ETL jobs
    variables:
        - variable_name: email_list
          variable_value: data-team@example.com
        - variable_name: sql_snippet
          variable_value: |-
            SELECT * FROM "t" WHERE name = 'x' AND $(rm -rf /) = \`y\`
            -- second line
        - variable_name: batch_size
          variable_value: 500
        - variable_name:
          variable_value:
`;
const ASTRO_EXPECTED = {
  variables: { email_list: 'data-team@example.com', sql_snippet: "SELECT * FROM \"t\" WHERE name = 'x' AND $(rm -rf /) = `y`\n-- second line", batch_size: '500' },
  reporting_db: { conn_type: 'postgres', host: 'db.example.com', login: 'report', password: HOSTILE_PASSWORD, schema: 'analytics', port: 5432, extra: '{"sslmode":"require","connect_timeout":10}' },
  http_api: { conn_type: 'http', host: 'api.example.com', port: 8443, extra: '{"timeout": 5, "headers": {"X-Team": "data\'s"}}' },
  warehouse: { conn_type: 'snowflake', host: 'acme', login: 'svc', password: 'pw', schema: 'db', extra: { warehouse: 'wh' } },
};

describe("an Astro project's airflow_settings.yaml (astro dev object export)", () => {
  const aws = (exports: Parameters<typeof planMigration>[2]) => planMigration('aws-secrets-manager', INPUTS['aws-secrets-manager'], exports);
  const byKey = (plan: MigrationPlan) => Object.fromEntries(plan.items.map((i) => [i.key, i]));

  it.each(['variables', 'connections'] as const)('pasted into the %s box: its variables and connections, pools named in a note', (box) => {
    const plan = aws({ [box]: ASTRO_SETTINGS });
    expect(plan.items.map((i) => `${i.kind} ${i.key}`)).toEqual([
      'variable email_list',
      'variable sql_snippet',
      'variable batch_size',
      'connection reporting_db',
      'connection http_api',
      'connection warehouse',
    ]);
    const items = byKey(plan);
    for (const [key, value] of Object.entries(ASTRO_EXPECTED.variables)) expect(items[key]!.value).toBe(value);
    for (const key of ['reporting_db', 'http_api', 'warehouse'] as const) {
      expect(JSON.parse(items[key]!.value)).toEqual(ASTRO_EXPECTED[key]);
      expect(items[key]!.secretName).toBe(`airflow/connections/${key}`);
    }
    expect(plan.items.flatMap((i) => i.problems)).toEqual([]);
    expect(plan.problems).toEqual([{ field: box, severity: 'note', message: 'airflow_settings.yaml: 1 pool is not moved (a secrets backend holds only variables and connections)' }]);
  });

  it('the same file in both boxes is read once', () => {
    const plan = aws({ variables: ASTRO_SETTINGS, connections: ASTRO_SETTINGS });
    expect(plan.items).toHaveLength(6);
    expect(plan.items.flatMap((i) => i.problems)).toEqual([]);
  });

  it('Vault gets each connection as a URI that Airflow reads back to the same fields', () => {
    const items = byKey(planMigration('hashicorp-vault', INPUTS['hashicorp-vault'], { connections: ASTRO_SETTINGS }));
    expect(parseConnectionUri(items.reporting_db!.value)).toMatchObject({ connType: 'postgres', host: 'db.example.com', login: 'report', password: HOSTILE_PASSWORD, schema: 'analytics', port: 5432, extra: { sslmode: 'require', connect_timeout: 10 } });
    expect(parseConnectionUri(items.http_api!.value)).toMatchObject({ connType: 'http', host: 'api.example.com', port: 8443, extra: { timeout: 5, headers: { 'X-Team': "data's" } } });
  });

  it.skipIf(tools.length > 0)('the script writes every hostile value exactly, under its name', () => {
    for (const p of PROVIDERS) {
      const plan = planMigration(p, INPUTS[p], { variables: ASTRO_SETTINGS });
      const { commands } = runScript(script(plan));
      expect(commands).toEqual(plan.items.filter((i) => !i.problems.some((x) => x.severity === 'error')).flatMap((i) => intended(p, i.kind, i.key, i.value, false)));
      expect(commands.map((c) => c.stdin)).toContain(ASTRO_EXPECTED.variables.sql_snippet);
      const password = commands.find((c) => c.stdin.includes('report'))!.stdin;
      expect(p === 'hashicorp-vault' ? parseConnectionUri(password).password : JSON.parse(password).password).toBe(HOSTILE_PASSWORD);
    }
  });

  it('empty lists and a file with only pools give nothing to move, and say so', () => {
    expect(aws({ variables: 'airflow:\n  connections: []\n  pools: []\n  variables: []\n' })).toMatchObject({ items: [], problems: [] });
    expect(aws({ connections: 'airflow:\n  connections:\n  variables:\n' })).toMatchObject({ items: [], problems: [] });
    const pools = aws({ connections: 'airflow:\n  pools:\n    - pool_name: a\n      pool_slot: 1\n    - pool_name: b\n      pool_slot: 2\n' });
    expect(pools.items).toEqual([]);
    expect(pools.problems.map((p) => p.message)).toEqual(['airflow_settings.yaml: 2 pools are not moved (a secrets backend holds only variables and connections)']);
  });

  it('reads scalars the way the Astro CLI loads them: ports as numbers or text, true as 1, no port for 0', () => {
    const plan = aws({
      connections: [
        'airflow:',
        '  connections:',
        '    - {conn_id: a, conn_type: mysql, conn_host: h, conn_port: 0}',
        "    - {conn_id: b, conn_type: mysql, conn_host: h, conn_port: ' 3306 '}",
        '    - {conn_id: c, conn_type: mysql, conn_host: h, conn_port: 33.5}',
        '    - {conn_id: 42, conn_type: mysql, conn_login: 7, conn_extra: {}}',
        '  variables:',
        '    - {variable_name: flag, variable_value: true}',
        "    - {variable_name: quoted, variable_value: 'true'}",
        '    - {variable_name: ratio, variable_value: 0.25}',
        '    - {variable_name: listed, variable_value: [1, 2]}',
        '    - {variable_name: missing}',
        '    - {variable_value: orphan}',
      ].join('\n'),
    });
    const items = byKey(plan);
    expect(JSON.parse(items.a!.value)).toEqual({ conn_type: 'mysql', host: 'h' });
    expect(JSON.parse(items.b!.value)).toEqual({ conn_type: 'mysql', host: 'h', port: 3306 });
    expect(items.c!.problems).toEqual([{ field: 'value', severity: 'error', message: 'conn_port is not a whole number' }]);
    expect(JSON.parse(items['42']!.value)).toEqual({ conn_type: 'mysql', login: '7' });
    expect(items.flag!.value).toBe('1');
    expect(items.flag!.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(items.quoted!).toMatchObject({ value: 'true', problems: [] });
    expect(items.ratio!.value).toBe('0.25');
    expect(items.listed!.problems[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/^variable_value is a list or map/) });
    expect(items.missing!.problems).toEqual([{ field: 'value', severity: 'error', message: 'No variable_value: the Astro CLI does not load a variable without a value' }]);
    expect(plan.problems.map((p) => p.message)).toEqual(['airflow_settings.yaml: 1 entry has no variable_name or conn_id and is skipped (the Astro CLI skips them too)']);
    // Left out of the script, and said why.
    expect(script(plan)).toContain('# variable "missing": No variable_value');
    expect(script(plan)).not.toContain('orphan');
  });

  it('conn_uri is used only on its own; a connection with neither conn_type nor conn_uri is left out', () => {
    const items = byKey(
      aws({
        connections: [
          'airflow:',
          '  connections:',
          '    - conn_id: both',
          '      conn_type: postgres',
          '      conn_host: fields.example.com',
          '      conn_uri: postgres://uri.example.com/db',
          '    - conn_id: uri_and_extra',
          '      conn_uri: postgres://uri.example.com/db',
          '      conn_extra: {a: b}',
          '    - conn_id: neither',
          '      conn_host: h',
          '    - conn_id: text_extra',
          '      conn_type: http',
          '      conn_extra: not json',
          '    - conn_id: bad_uri',
          '      conn_uri: not a uri',
        ].join('\n'),
      }),
    );
    expect(JSON.parse(items.both!.value)).toEqual({ conn_type: 'postgres', host: 'fields.example.com' });
    expect(items.both!.problems.map((p) => p.message)).toEqual(['conn_uri is not used: the Astro CLI takes the connection from the conn_* fields when they are set']);
    expect(JSON.parse(items.uri_and_extra!.value)).toEqual({ conn_type: 'postgres', host: 'uri.example.com', schema: 'db' });
    expect(items.uri_and_extra!.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(items.neither!.problems).toEqual([{ field: 'value', severity: 'error', message: 'No conn_type (or conn_uri): the Astro CLI skips this connection' }]);
    expect(JSON.parse(items.text_extra!.value)).toEqual({ conn_type: 'http', extra: 'not json' });
    expect(items.text_extra!.problems.map((p) => p.severity)).toEqual(['warning']);
    expect(items.bad_uri!.problems[0]!.severity).toBe('error');
  });

  it('nothing pasted reaches the console, even where the YAML reader has a warning', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const emit = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const plan = aws({ connections: 'airflow:\n  variables:\n    - variable_name: tagged\n      variable_value: !custom s3cr3t-in-a-tag\n' });
      expect(plan.items.map((i) => i.value)).toEqual(['s3cr3t-in-a-tag']);
      expect(warn).not.toHaveBeenCalled();
      expect(emit).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      emit.mockRestore();
    }
  });

  it('a malformed file is a problem of its box, never an exception', () => {
    const broken = 'airflow:\n  connections:\n    - conn_id: a\n      conn_type: [postgres\n';
    for (const box of ['variables', 'connections'] as const) {
      const plan = aws({ [box]: broken });
      expect(plan.items).toEqual([]);
      expect(plan.problems).toHaveLength(1);
      expect(plan.problems[0]).toMatchObject({ field: box, severity: 'error', message: expect.stringMatching(/^Not YAML/) });
    }
    const notLists = aws({ connections: 'airflow:\n  connections: reporting_db\n  variables: {a: b}\n' });
    expect(notLists.items).toEqual([]);
    expect(notLists.problems.map((p) => p.message)).toEqual(['airflow_settings.yaml: airflow.connections is not a list', 'airflow_settings.yaml: airflow.variables is not a list']);
    // An alias bomb is refused by the YAML reader's cap, not expanded.
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...'bcdefghij'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill('*' + 'abcdefghij'[i]).join(', ')}]`), 'airflow:', '  variables: *j'].join('\n');
    expect(() => aws({ connections: bomb })).not.toThrow();
    expect(aws({ connections: bomb }).problems[0]).toMatchObject({ severity: 'error', message: expect.stringMatching(/^Not YAML: Excessive alias count/) });
  });
});

describe('rows typed by hand', () => {
  const aws = (exports: Parameters<typeof planMigration>[2]) => planMigration('aws-secrets-manager', INPUTS['aws-secrets-manager'], exports);

  it('a row is planned exactly like the same entry pasted', () => {
    // (Keys that look like array indexes are left out: a JSON object lists them first.)
    fc.assert(
      fc.property(fc.constantFrom(...PROVIDERS), fc.array(fc.tuple(nonEmptyHostile.filter((k) => k.trim() === k && !/^(?:0|[1-9]\d*)$/.test(k)), hostileString), { minLength: 1, maxLength: 4 }), (p, entries) => {
        const pasted = planMigration(p, INPUTS[p], { variables: JSON.stringify(Object.fromEntries(entries)) });
        const typed = planMigration(p, INPUTS[p], { rows: [...new Map(entries)].map(([key, value]) => ({ kind: 'variable' as const, key, value })) });
        expect(typed).toEqual(pasted);
      }),
      { numRuns: 200 },
    );
    const uri = 'postgres://report:p%40ss@db.example.com:5432/analytics?sslmode=require';
    const json = JSON.stringify(CONNECTION);
    for (const p of PROVIDERS) {
      expect(planMigration(p, INPUTS[p], { rows: [{ kind: 'connection', key: 'a', value: ` ${uri}\n` }, { kind: 'connection', key: 'b', value: json }] })).toEqual(
        planMigration(p, INPUTS[p], { connections: `a=${uri}\nb=${json}\n` }),
      );
    }
  });

  it('comes after what is pasted; an empty row is left out; a variable keeps its value exactly, keys and connections are trimmed', () => {
    const plan = aws({
      variables: '{"pasted": "x"}',
      rows: [
        { kind: 'variable', key: '  spaced_key ', value: '  keeps spaces\nand lines  ' },
        { kind: 'connection', key: '', value: '   ' },
        { kind: 'variable', key: '', value: '' },
        { kind: 'connection', key: 'api', value: '  http://api.example.com  ' },
      ],
    });
    expect(plan.items.map((i) => [i.kind, i.key, i.value])).toEqual([
      ['variable', 'pasted', 'x'],
      ['variable', 'spaced_key', '  keeps spaces\nand lines  '],
      ['connection', 'api', '{"conn_type":"http","host":"api.example.com","schema":""}'],
    ]);
    expect(plan.items.flatMap((i) => i.problems)).toEqual([]);
  });

  it('a half-filled or wrong row is shown with its problem and left out of the script', () => {
    const plan = aws({
      variables: '{"api_key": "pasted"}',
      rows: [
        { kind: 'variable', key: '', value: 'value without a key' },
        { kind: 'variable', key: 'no_value', value: '' },
        { kind: 'connection', key: '', value: 'postgres://h' },
        { kind: 'connection', key: 'no_uri', value: '' },
        { kind: 'connection', key: 'not_uri', value: 'db.example.com:5432' },
        { kind: 'connection', key: 'bad_json', value: '{"conn_type": ' },
        { kind: 'variable', key: 'api_key', value: 'typed again' },
      ],
    });
    const errors = plan.items.map((i) => i.problems.filter((p) => p.severity === 'error').map((p) => p.message));
    expect(errors).toEqual([
      [],
      ['No key'],
      ['The backend cannot store an empty value'],
      ['Same name as variable api_key: airflow/variables/api_key'],
      ['No connection id'],
      ['No value: type the connection as a URI (postgres://...) or as JSON ({"conn_type": ...})'],
      ['Not a connection URI (type://...)'],
      ['Not a JSON object of connection fields'],
    ]);
    // Variables first, then connections, as for a paste.
    expect(plan.items.map((i) => i.kind)).toEqual(['variable', 'variable', 'variable', 'variable', 'connection', 'connection', 'connection', 'connection']);
    expect(script(plan)).toContain('# Left out (7)');
    expect(script(plan)).not.toContain('value without a key');
    expect(script(plan)).not.toContain('typed again');
  });

  it.skipIf(tools.length > 0)('the script writes hostile typed values exactly', () => {
    const rows = [
      { kind: 'variable' as const, key: 'typed_var', value: `it's "q" $(id) \`x\` $HOME\n\\ ✓ 🔑 \u05e9` },
      { kind: 'connection' as const, key: 'typed_db', value: JSON.stringify({ conn_type: 'postgres', host: 'h', password: "p'$(id)`x`\n" }) },
    ];
    for (const p of PROVIDERS) {
      const plan = planMigration(p, INPUTS[p], { rows });
      const { commands } = runScript(script(plan));
      expect(commands).toEqual(plan.items.flatMap((i) => intended(p, i.kind, i.key, i.value, false)));
      expect(commands.map((c) => c.stdin)).toContain(rows[0]!.value);
    }
  });
});

describe('long scripts, shortened for the page', () => {
  const shownOf = (plan: MigrationPlan, id: string) => plan.snippets.find((s) => s.id === id)!.shown;
  const variables = (n: number, value: (i: number) => string) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`var_${i}`, value(i)])));
  const connections = (n: number) => JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`conn_${i}`, { conn_type: 'postgres', host: `db${i}.example.com`, password: `pw ${i}` }])));

  it('shortened(): the first entries, then one comment with how many more and their lines', () => {
    const entries = Array.from({ length: SHOWN_ITEMS + 3 }, (_, i) => (i === SHOWN_ITEMS + 1 ? 'a\nb\nc' : `e${i}`));
    const out = shortened(entries, '# ', 'items');
    expect(out.slice(0, SHOWN_ITEMS)).toEqual(entries.slice(0, SHOWN_ITEMS));
    expect(out).toHaveLength(SHOWN_ITEMS + 1);
    expect(out[SHOWN_ITEMS]).toBe('# ... and 3 more items (5 lines), not shown on this page: Copy or Download gives the whole script.');
    // One line per entry: no line count.
    expect(shortened(Array.from({ length: SHOWN_ITEMS + 1 }, () => 'x'), '    # ', 'variables').pop()).toBe(
      '    # ... and 1 more variables, not shown on this page: Copy or Download gives the whole script.',
    );
    const few = ['a', 'b'];
    expect(shortened(few, '# ', 'items')).toEqual(few);
  });

  it('up to SHOWN_ITEMS items: nothing is shortened', () => {
    const plan = planMigration('aws-secrets-manager', INPUTS['aws-secrets-manager'], { variables: variables(SHOWN_ITEMS, (i) => `v${i}`) });
    expect(plan.snippets.map((s) => s.shown)).toEqual([undefined, undefined]);
  });

  it.skipIf(tools.length > 0)('more: the shown script is the start of the whole one, runs as shell and writes the first items; the shown check is Python', () => {
    const n = SHOWN_ITEMS + 50;
    // Values with line breaks: the comment counts their lines.
    const plan = planMigration('aws-parameter-store', INPUTS['aws-parameter-store'], { variables: variables(n, (i) => `line one ${i}\nline two`), connections: connections(n) });
    const code = script(plan);
    const shown = shownOf(plan, 'migrate-secrets')!;
    const marker = `# ... and ${2 * n - SHOWN_ITEMS} more items (${(2 * n - SHOWN_ITEMS) * 2 + 50} lines), not shown on this page: Copy or Download gives the whole script.\n`;
    expect(shown.endsWith(marker)).toBe(true);
    expect(code.startsWith(shown.slice(0, -marker.length))).toBe(true);
    expect(shown.length).toBeLessThan(code.length / 2);
    writeFileSync(join(dir, 'shown.sh'), shown);
    run('bash', ['-n', join(dir, 'shown.sh')]);
    const { commands } = runScript(shown);
    const first = plan.items.slice(0, SHOWN_ITEMS);
    expect(commands).toEqual(first.flatMap((i) => intended('aws-parameter-store', i.kind, i.key, i.value, false)));

    const shownCheck = shownOf(plan, 'migrate-check')!;
    expect(shownCheck).toContain(`    # ... and ${n - SHOWN_ITEMS} more variables, not shown on this page`);
    // The keys of the items the shown script writes: the first variables fill it.
    expect(shownCheck).toContain(`CONNECTIONS = [\n    # ... and ${n} more connections, not shown on this page`);
    expect(shownCheck).toContain(`    "var_${SHOWN_ITEMS - 1}",\n    # ... and`);
    expect(shownCheck).not.toContain(`"var_${SHOWN_ITEMS}"`);
    expect(check(plan)).toContain(`"conn_${n - 1}"`);
    writeFileSync(join(dir, 'shown.py'), shownCheck);
    run('python3', ['-c', 'import ast, sys; ast.parse(open(sys.argv[1]).read())', join(dir, 'shown.py')]);
  });

  it('the shown check lists the keys of the items the shown script writes', () => {
    const plan = planMigration('gcp-secret-manager', INPUTS['gcp-secret-manager'], { variables: variables(150, (i) => `v${i}`), connections: connections(100) });
    const shown = shownOf(plan, 'migrate-check')!;
    expect(shown).toContain('    "var_149",\n]');
    expect(shown).toContain('    "conn_49",\n    # ... and 50 more connections, not shown on this page: Copy or Download gives the whole script.\n]');
    expect(shownOf(plan, 'migrate-secrets')).toMatch(/\| write_secret airflow-connections-conn_49\n# \.\.\. and 50 more items \(100 lines\), not shown on this page/);
  });

  it('items left out: their list is shortened too', () => {
    const n = SHOWN_ITEMS + 7;
    // Keys with a space: AWS names can't have one, so each is left out.
    const plan = planMigration('aws-secrets-manager', INPUTS['aws-secrets-manager'], { variables: JSON.stringify(Object.fromEntries(Array.from({ length: n }, (_, i) => [`bad key ${i}`, 'v']))) });
    const shown = shownOf(plan, 'migrate-secrets')!;
    expect(shown).toContain(`# Left out (${n}): fix them and generate the script again.`);
    expect(shown).toContain(`# variable "bad key ${SHOWN_ITEMS - 1}": `);
    expect(shown).not.toContain(`"bad key ${SHOWN_ITEMS}"`);
    expect(shown).toContain('# ... and 7 more left out, not shown on this page: Copy or Download gives the whole script.');
    expect(script(plan)).toContain(`# variable "bad key ${n - 1}": `);
    // Nothing written: no check to shorten.
    expect(shownOf(plan, 'migrate-check')).toBeUndefined();
  });
});
