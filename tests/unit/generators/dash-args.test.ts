/**
 * A value from input that starts with - must never reach a CLI where the CLI reads it as an
 * option: `aws secretsmanager create-secret --name -team_-x` fails ("expected one argument"),
 * `gcloud secrets create -conns-my_db` fails ("unrecognized arguments"), and a value such as
 * `--endpoint-url=http://...` would even change where the command goes. Every snippet runs with
 * recording stub programs; in every recorded command, no argument before the first `--` may start
 * with a dash-led input value (or a name or piece made from one). Such a value may only arrive as
 * `--flag=value` (`-flag=value` for vault) or after `--`.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generate, type Platform, type ProviderId } from '../../../src/generators/index.ts';
import { planMigration } from '../../../src/generators/migration.ts';
import { hostileString } from '../helpers/arbitraries.ts';
import { AUTH_METHODS, COMBOS, type Input, type Pid, names } from '../helpers/intended.ts';
import { recordCommands } from '../helpers/stubs.ts';
import { missingTools } from '../helpers/tools.ts';


/** Every field whose text reaches a command line. */
const FIELDS = [
  'deploymentId', 'variableKey', 'connectionId', 'connectionsPrefix', 'variablesPrefix', 'sep', 'vaultUrl', 'namespace',
  'mountPoint', 'connectionsPath', 'variablesPath', 'policyName', 'roleName', 'kubernetesRole', 'kubernetesAuthMount',
  'kubernetesHost', 'kubernetesNamespace', 'helmRelease', 'agentChartVersion', 'kubernetesServiceAccount', 'region',
  'roleArn', 'awsAccountId', 'iamUserName', 'projectId', 'serviceAccountEmail', 'clientId', 'managedIdentityClientId',
  'principalObjectId', 'eksClusterName', 'oidcIssuer', 'managedIdentityName', 'resourceGroup', 'aksClusterName', 'aksResourceGroup',
];

/** Dash-led values: a literal option never starts with one (the Q), the rest is hostile. */
const LEADS = ['-', '--', '-f', '--endpoint-url=http://127.0.0.1:9/', '--project=evil-', '-mount=', '--name='];
const dashLed = fc.tuple(fc.constantFrom(...LEADS), hostileString).map(([lead, rest]) => lead + 'Q' + rest);

/** The fixed example of the issue, and one with the two option-like values. */
const FIXED: Input[] = [
  Object.fromEntries(FIELDS.map((f) => [f, '-' + f])),
  { ...Object.fromEntries(FIELDS.map((f) => [f, '-Q' + f])), variableKey: '--endpoint-url=http://127.0.0.1:9/Q', connectionId: '--project=evil-Q', sep: '-' },
];
const RANDOM: Input[] = fc.sample(fc.record(Object.fromEntries(FIELDS.map((f) => [f, dashLed]))), { numRuns: 3, seed: 1800 });

/** Dash-led strings a command could receive: typed values, the names Airflow requests, pieces of both. */
function dashLedStrings(p: Pid, inp: Input): string[] {
  const out = new Set<string>();
  const add = (s: string) => {
    if (s.startsWith('-') && s.length > 1 && s !== '--') out.add(s);
  };
  const n = names(p, inp);
  for (const v of [...Object.values(inp).filter((x): x is string => typeof x === 'string'), n.variable, n.connection]) {
    add(v);
    add(v.split(/[@./:?#]/)[0]);
    for (const item of v.split(',')) {
      add(item.trim());
      add(item.trim().replace(/\./g, '-'));
    }
  }
  return [...out];
}

describe('dash-led input never reaches a CLI as an option', () => {
  const missing = missingTools('bash');
  it.skipIf(missing.length > 0)('every command gets such values as --flag=value or after --', () => {
    const cases = COMBOS.flatMap(({ p, platform, auth }) => [...FIXED, ...RANDOM].map((input, i) => ({ key: `${p}/${platform}/${auth}/${i}`, p, platform, auth, input })));
    const snippets = cases.flatMap((c) =>
      generate(c.p as ProviderId, { ...c.input, platform: c.platform, authMethod: c.auth })
        .snippets.filter((s) => s.lang === 'sh')
        .map((s) => ({ key: `${c.key}#${s.id}`, code: s.code, c })),
    );
    const got = recordCommands(snippets);
    let commands = 0;
    const failures = new Set<string>();
    for (const s of snippets) {
      const bad = dashLedStrings(s.c.p, s.c.input);
      for (const { argv } of got.get(s.key) ?? []) {
        commands++;
        const end = argv.indexOf('--');
        for (const a of argv.slice(1, end < 0 ? undefined : end)) {
          // One line per snippet and command, so every place shows up at once.
          if (bad.some((b) => a.startsWith(b))) failures.add(`${s.key.replace(/\/\d+#/, '#')}: ${argv.slice(0, 4).join(' ')} ... ${JSON.stringify(a)}`);
        }
      }
    }
    expect([...failures]).toEqual([]);
    expect(commands).toBeGreaterThan(300);
  });
});

describe('the migration script passes dash-led names the same way', () => {
  const missing = missingTools('bash');
  it.skipIf(missing.length > 0)('write_secret hands every name to the CLI as --flag=value or after --', () => {
    const keys = ['-team_-x', '--endpoint-url', '--project-x'];
    const failures: string[] = [];
    let commands = 0;
    for (const p of Object.keys(AUTH_METHODS) as Pid[]) {
      const input = { platform: 'software', connectionsPrefix: '-conns', variablesPrefix: '-vars', mountPoint: '-mnt', variablesPath: '-vp', connectionsPath: '-cp', region: '-r', vaultUrl: 'https://-v.vault.azure.net/', projectId: '-proj' };
      const plan = planMigration(p as ProviderId, input, {
        variables: JSON.stringify(Object.fromEntries(keys.map((k) => [k, 'v']))),
        connections: JSON.stringify(Object.fromEntries(keys.map((k) => [k, { conn_type: 'http', host: 'h' }]))),
      });
      const script = plan.snippets.find((x) => x.id === 'migrate-secrets')!.code;
      const got = recordCommands([{ key: p, code: script }]).get(p) ?? [];
      // Every item is written (none left out), for every backend.
      expect(got.filter((c) => c.argv[0] !== 'aws' || !/describe-secret/.test(c.argv[2])).length, p).toBeGreaterThanOrEqual(keys.length * 2);
      const bad = [...new Set([...keys, ...Object.values(input), ...plan.items.map((i) => i.secretName), '-v'])].filter((b) => b.startsWith('-') && b.length > 1);
      for (const { argv } of got) {
        commands++;
        const end = argv.indexOf('--');
        for (const a of argv.slice(1, end < 0 ? undefined : end)) if (bad.some((b) => a.startsWith(b))) failures.push(`${p}: ${JSON.stringify(a)} in ${JSON.stringify(argv)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(commands).toBeGreaterThan(20);
  });
});

describe('opt() gets a flag name', () => {
  it('every opt() call in the generator names a literal flag (the value is joined to it with =)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = join(import.meta.dirname, '../../../src/generators');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    const flags = files.flatMap((f) => [...readFileSync(join(root, f), 'utf8').matchAll(/\bopt\(\s*(['"`])(.*?)\1/g)].map((m) => `${f}: ${m[2]}`));
    expect(flags.length).toBeGreaterThan(30);
    expect(flags.filter((f) => !/: --?[a-z][a-z0-9-]*$/.test(f))).toEqual([]);
  });
});
