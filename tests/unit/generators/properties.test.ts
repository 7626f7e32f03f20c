/**
 * Property tests over hostile input (arbitrary unicode, quotes, $(), backticks, newlines,
 * #, %, \, ${}): every snippet is read back by a real parser and compared with an
 * independent model of the intended values (tests/unit/helpers/intended.ts):
 * sh -> bash -n, shellcheck, and execution with recording stub commands on PATH;
 * json -> JSON.parse; yaml -> the yaml package; hcl -> @cdktf/hcl2json;
 * dotenv -> python-dotenv and a compose-go-rule reader (the Astro CLI), which must agree exactly;
 * python -> ast; dockerfile -> a BuildKit-rule reader, and dockerfile-ast (npm) must agree with it
 * (exactly, except the `'\''` difference written down in helpers/dockerfile-ast-env.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generate, type GenerateResult, type Platform, type ProviderId } from '../../../src/generators/index.ts';
import { hostileString } from '../helpers/arbitraries.ts';
import { readComposeDotenv } from '../helpers/compose-dotenv.ts';
import { compareWithDockerfileAst } from '../helpers/dockerfile-ast-env.ts';
import { readDockerfileEnv } from '../helpers/dockerfile-env.ts';
import {
  COMBOS,
  CLASS,
  type Cmd,
  type Input,
  type Pid,
  commandsOf,
  localAuthOf,
  astroTrustOf,
  localEnvOf,
  softwareEnvOf,
  composeOverrideOf,
  irsaTrustOf,
  connJsonOf,
  foreignAccountOf,
  iamPolicyOf,
  identityOf,
  kwargsMatch,
  kwargsOf,
  policyPathsOf,
  uriOf,
  val,
} from '../helpers/intended.ts';
import { recordCommands } from '../helpers/stubs.ts';
import { missingTools, python, run } from '../helpers/tools.ts';


/** Per combination: inputs checked in-process, and the subset also run through bash/shellcheck/stubs. */
const IN_PROCESS = 60;
const SHELL = 14;
const STUBBED = 6;
/** Fixed seeds keep CI reproducible; set GENERATOR_SEED to explore other inputs. */
const SEED = Number(process.env.GENERATOR_SEED ?? 1000);

const maybe = <T,>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined, freq: 3 });
const text = fc.oneof({ weight: 4, arbitrary: hostileString }, { weight: 1, arbitrary: fc.constant('') });
const either = (...valid: string[]) => maybe(fc.oneof(text, fc.constantFrom(...valid)));
const jsonOf = (a: fc.Arbitrary<unknown>) => a.map((v) => JSON.stringify(v));

const inputArb: fc.Arbitrary<Input> = fc.record(
  {
    deploymentId: either('cl03oiq7d80402nwn7fsl3dmv'),
    variableKey: either('my_var', 'a/b', 'x.y-z'),
    variableValue: maybe(text),
    connectionId: either('my_db'),
    connType: either('postgresql', 'google-cloud-platform', 'http'),
    connHost: either('db.example.com', 'https://api.example.com', 'k8s://10.0.0.1', '://x', 'Upper.Case'),
    connLogin: maybe(text),
    connPassword: maybe(text),
    connPort: either('5432', '0', '65535'),
    connSchema: maybe(text),
    connExtra: maybe(
      fc.oneof(
        text,
        jsonOf(fc.dictionary(hostileString, hostileString, { maxKeys: 3 })),
        jsonOf(fc.dictionary(hostileString, fc.oneof(hostileString, fc.integer(), fc.boolean(), fc.array(hostileString, { maxLength: 2 })), { maxKeys: 3 })),
      ),
    ),
    airflowVersion: either('2', '3'),
    connectionsPrefix: maybe(text),
    variablesPrefix: maybe(text),
    sep: either('-', '/', '_', ''),
    vaultUrl: either('https://vault.example.com:8200', 'https://my-vault.vault.azure.net/', 'http://host.docker.internal:8200'),
    namespace: either('admin'),
    mountPoint: maybe(text),
    kvVersion: either('1', '2'),
    connectionsPath: either('', 'a/', 'conns//'),
    variablesPath: maybe(text),
    policyName: maybe(text),
    roleName: maybe(text),
    roleId: maybe(text),
    secretId: maybe(text),
    kubernetesRole: maybe(text),
    kubernetesAuthMount: maybe(text),
    kubernetesHost: maybe(text),
    kubernetesNamespace: maybe(text),
    helmRelease: either('astro-agent', 'agents.prod-1'),
    agentChartVersion: either('1.4.0', 'v2.0.0-rc.1+build.5'),
    kubernetesServiceAccount: maybe(fc.oneof(text, fc.constantFrom('a-worker-x, a-dag-processor-x,a-triggerer-x', ' , ,'), fc.array(text, { maxLength: 3 }).map((a) => a.join(',')))),
    region: either('us-east-1', 'cn-north-1', 'us-gov-west-1'),
    roleArn: maybe(fc.oneof(text, fc.constant('arn:aws:iam::123456789012:role/a/b'), hostileString.map((s) => 'arn:aws-cn:iam::123456789012:role/' + s))),
    accessKeyId: maybe(text),
    secretAccessKey: maybe(text),
    awsAccountId: either('123456789012'),
    iamUserName: maybe(text),
    projectId: either('my-project-123'),
    serviceAccountEmail: either(
      'airflow@my-project-123.iam.gserviceaccount.com',
      'airflow@other-project.iam.gserviceaccount.com',
      'service-1@gcp-sa-secretmanager.iam.gserviceaccount.com',
      '1-compute@developer.gserviceaccount.com',
      '@x.iam.gserviceaccount.com',
    ),
    keyfileJson: maybe(fc.oneof(text, jsonOf(fc.record({ type: fc.constant('service_account'), client_email: hostileString, private_key: hostileString })))),
    tenantId: maybe(text),
    clientId: maybe(text),
    clientSecret: maybe(text),
    credentialsIn: either('kwargs', 'environment'),
    managedIdentityClientId: maybe(text),
    principalObjectId: either('fedcba98-7654-3210-fedc-ba9876543210'),
    workloadIdentityArn: either('arn:aws:iam::210987654321:role/AirflowS3Logs-x'),
    localPrincipalArn: either('arn:aws:iam::123456789012:user/jane'),
    eksClusterName: either('prod-agents'),
    oidcIssuer: either('https://oidc.eks.us-east-1.amazonaws.com/id/ABC123', 'https://eastus.oic.prod-aks.azure.com/t/g/'),
    managedIdentityName: either('airflow-agents'),
    resourceGroup: either('airflow-rg'),
    aksClusterName: either('agents-aks'),
    aksResourceGroup: either('agents-rg'),
  },
  { requiredKeys: [] },
);

interface Case {
  key: string;
  p: Pid;
  platform: Platform;
  auth: string;
  input: Input;
  result: GenerateResult;
}

function cases(perCombo: number, seed: number): Case[] {
  return COMBOS.flatMap(({ p, platform, auth }, i) =>
    fc.sample(inputArb, { numRuns: perCombo, seed: seed + i }).map((input, j) => ({
      key: `${p}/${platform}/${auth}/${j}`,
      p,
      platform,
      auth,
      input,
      result: generate(p as ProviderId, { ...input, platform, authMethod: auth }),
    })),
  );
}

function snippet(c: Case, id: string): string | undefined {
  return c.result.snippets.find((s) => s.id === id)?.code;
}

/** A readable description of a failing case. */
const why = (c: Case, what: string) => `${what} for ${c.key}: ${JSON.stringify(c.input)}`;

const ALL = cases(IN_PROCESS, SEED);

describe('in-process parsers (JSON, YAML, HCL, Dockerfile, compose-go .env, text)', () => {
  it(`checks ${ALL.length} generated inputs`, async () => {
    const accountOutcomes = new Set<boolean>();
    const azureEnvOutcomes = new Set<boolean>();
    const dockerfileAst = { exact: 0, quoted: 0 };
    for (const c of ALL) {
      const { p, platform, auth, input } = c;
      const kw = kwargsOf(p, platform, auth, input);
      for (const s of c.result.snippets) {
        expect(s.code, why(c, s.id)).not.toMatch(/undefined|NaN|\[object Object\]|[\uE000-\uE002]/);
        let end = 0;
        for (const slot of s.slots) {
          expect(slot.start >= end && slot.end >= slot.start && slot.end <= s.code.length, why(c, 'slots of ' + s.id)).toBe(true);
          end = slot.end;
        }
      }
      expect(JSON.parse(snippet(c, 'connection-json')!), why(c, 'connection-json')).toEqual(connJsonOf(input));
      expect(snippet(c, 'connection-uri'), why(c, 'connection-uri')).toBe(uriOf(input));
      expect(kwargsMatch(JSON.parse(snippet(c, 'backend-kwargs')!), kw), why(c, 'backend-kwargs')).toBe(true);
      if (p === 'aws-parameter-store' || p === 'aws-secrets-manager') {
        expect(JSON.parse(snippet(c, 'iam-policy')!), why(c, 'iam-policy')).toEqual(iamPolicyOf(p, input).policy);
        if (platform === 'astro' && auth === 'role') {
          // Exactly the typed workload identity and the reader's own IAM identity (or their placeholders) may assume the role.
          expect(JSON.parse(snippet(c, 'iam-trust-policy')!), why(c, 'iam-trust-policy')).toEqual(astroTrustOf(input));
        }
        if (platform === 'remote-execution' && auth === 'role') {
          expect(JSON.parse(snippet(c, 'iam-trust-policy')!), why(c, 'iam-trust-policy')).toEqual(irsaTrustOf(p, input));
        }
      }
      if (platform === 'remote-execution') {
        const tree = parseYaml(snippet(c, 'values-yaml')!) as Record<string, unknown>;
        const { commonEnv, ...rest } = tree as { commonEnv: { name: string; value: string }[] };
        expect(rest, why(c, 'values-yaml')).toEqual({ secretBackend: CLASS[p], ...identityOf(p, platform, auth, input) });
        // Both the [secrets] and the [workers] kwargs (sheet section 0), with the same value.
        expect(commonEnv.map((e) => e.name)).toEqual(['AIRFLOW__SECRETS__BACKEND_KWARGS', 'AIRFLOW__WORKERS__SECRETS_BACKEND_KWARGS']);
        for (const e of commonEnv) expect(kwargsMatch(JSON.parse(e.value), kw), why(c, 'values-yaml kwargs')).toBe(true);
      }
      // The local containers' additions: exactly the intended services, mounts and hosts.
      const override = snippet(c, 'compose-override');
      const intendedOverride = composeOverrideOf(p, platform, auth, input);
      expect(override !== undefined, why(c, 'compose-override presence')).toBe(intendedOverride !== undefined);
      if (override !== undefined) expect(parseYaml(override), why(c, 'compose-override')).toEqual(intendedOverride);
      const envFile = snippet(c, 'env-file');
      // Local .env on Astro and Remote Execution (Vault Kubernetes auth: with the local AppRole).
      expect(envFile !== undefined, why(c, 'env-file presence')).toBe(platform !== 'software');
      if (envFile !== undefined) {
        // The Astro CLI reads .env with compose-go: the kwargs and any local credentials must come out exactly.
        const { AIRFLOW__SECRETS__BACKEND: cls, AIRFLOW__SECRETS__BACKEND_KWARGS: kwLine, ...rest } = readComposeDotenv(envFile);
        expect(cls).toBe(CLASS[p]);
        expect(kwargsMatch(JSON.parse(kwLine), kwargsOf(p, platform, localAuthOf(p, auth), input)), why(c, 'env-file (compose-go)')).toBe(true);
        expect(rest, why(c, 'env-file local credentials (compose-go)')).toEqual(localEnvOf(p, platform, auth, input));
      }
      if (platform === 'software') {
        const env = readDockerfileEnv(snippet(c, 'dockerfile')!);
        // A second reader: dockerfile-ast sees the same ENV keys and values as the BuildKit-rule reader.
        const ast = compareWithDockerfileAst(snippet(c, 'dockerfile')!, env);
        expect(ast.mismatches, why(c, 'dockerfile (dockerfile-ast)')).toEqual([]);
        dockerfileAst.exact += ast.exact;
        dockerfileAst.quoted += ast.quoted;
        const extra = softwareEnvOf(p, platform, auth, input);
        if (p === 'azure-key-vault') azureEnvOutcomes.add(Object.keys(extra).length > 0);
        expect(env.map((e) => [e.key, e.expanded]), why(c, 'dockerfile')).toEqual([
          ['AIRFLOW__SECRETS__BACKEND', false],
          ['AIRFLOW__SECRETS__BACKEND_KWARGS', false],
          ...Object.keys(extra).map((k) => [k, false]),
        ]);
        expect(env[0].value).toBe(CLASS[p]);
        expect(kwargsMatch(JSON.parse(env[1].value), kw), why(c, 'dockerfile kwargs')).toBe(true);
        expect(Object.fromEntries(env.slice(2).map((e) => [e.key, e.value])), why(c, 'dockerfile AZURE_*')).toEqual(extra);
        const ui = snippet(c, 'software-env-vars')!;
        const line = /^Value: {2}(\{.*)$/m.exec(ui)![1];
        expect(kwargsMatch(JSON.parse(line), kw), why(c, 'software-env-vars')).toBe(true);
        const keys = [...ui.matchAll(/^Key: {4}(.*)$/gm)].map((x) => x[1]);
        expect(keys, why(c, 'software-env-vars keys')).toEqual(['AIRFLOW__SECRETS__BACKEND', 'AIRFLOW__SECRETS__BACKEND_KWARGS', ...Object.keys(extra)]);
      }
      if (p === 'gcp-secret-manager') {
        const field = foreignAccountOf(input);
        const flagged = c.result.problems.filter((x) => x.severity === 'warning' && x.message.includes('must not be created here')).map((x) => x.field);
        expect(flagged, why(c, 'foreign service account warning')).toEqual(field ? [field] : []);
        if (/@./.test(c.input.serviceAccountEmail ?? '')) accountOutcomes.add(field === undefined);
      }
      if (p === 'hashicorp-vault') {
        const parsed = (await parseHcl('policy.hcl', snippet(c, 'vault-policy')!)) as { path: Record<string, { capabilities: string[] }[]> };
        // hcl2json returns the blocks keyed by label (sorted, duplicates merged).
        const want = [...new Set(policyPathsOf(input))].sort();
        expect(Object.keys(parsed.path).sort(), why(c, 'vault-policy')).toEqual(want);
        for (const blocks of Object.values(parsed.path)) for (const b of blocks) expect(b.capabilities).toEqual(['read']);
      }
    }
    // Both an own-project account and a foreign one were generated, so the warning rule was exercised.
    expect([...accountOutcomes].sort()).toEqual([false, true]);
    // Azure on Software was generated with the credentials in the kwargs and in AZURE_* variables.
    expect([...azureEnvOutcomes].sort()).toEqual([false, true]);
    // dockerfile-ast compared values both exactly and, with a ', through its documented fallback.
    expect(dockerfileAst.exact).toBeGreaterThan(0);
    expect(dockerfileAst.quoted).toBeGreaterThan(0);
  });
});

describe('python-dotenv and Python ast (batched)', () => {
  const missing = missingTools('python3', 'dotenv');
  it.skipIf(missing.length > 0)('.env files read back to the class and the kwargs, identically to compose-go; DAG literals are the keys', () => {
    const envs = ALL.filter((c) => snippet(c, 'env-file') !== undefined);
    const readBack = python<Record<string, string>[]>(
      [
        'import json, os, sys, tempfile',
        'from dotenv import dotenv_values',
        'out = []',
        'with tempfile.TemporaryDirectory() as d:',
        '    for i, text in enumerate(json.load(sys.stdin)):',
        '        p = os.path.join(d, str(i) + ".env")',
        '        with open(p, "w", encoding="utf-8", newline="") as f:',
        '            f.write(text)',
        '        out.append(dotenv_values(p))',
        'print(json.dumps(out))',
      ].join('\n'),
      envs.map((c) => snippet(c, 'env-file')),
    );
    envs.forEach((c, i) => {
      const got = readBack[i];
      const { AIRFLOW__SECRETS__BACKEND: cls, AIRFLOW__SECRETS__BACKEND_KWARGS: kwLine, ...rest } = got;
      expect(cls).toBe(CLASS[c.p]);
      expect(kwargsMatch(JSON.parse(kwLine), kwargsOf(c.p, c.platform, localAuthOf(c.p, c.auth), c.input)), why(c, 'env-file')).toBe(true);
      expect(rest, why(c, 'env-file local credentials')).toEqual(localEnvOf(c.p, c.platform, c.auth, c.input));
      expect(got, why(c, 'env-file: python-dotenv and compose-go differ')).toEqual(readComposeDotenv(snippet(c, 'env-file')!));
    });
    const dags = python<{ variable: unknown[]; connection: unknown[]; imports: string[] }[]>(
      [
        'import ast, json, sys',
        'out = []',
        'for src in json.load(sys.stdin):',
        '    tree = ast.parse(src)',
        '    r = {"variable": [], "connection": [], "imports": []}',
        '    for node in ast.walk(tree):',
        '        if isinstance(node, ast.ImportFrom):',
        '            r["imports"].append(node.module)',
        '        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):',
        '            name = node.func.value.id + "." + node.func.attr',
        '            if name == "Variable.get":',
        '                r["variable"].append(ast.literal_eval(node.args[0]))',
        '            if name in ("Connection.get", "BaseHook.get_connection"):',
        '                r["connection"].append(ast.literal_eval(node.args[0]))',
        '    out.append(r)',
        'print(json.dumps(out))',
      ].join('\n'),
      ALL.map((c) => snippet(c, 'example-dag')),
    );
    ALL.forEach((c, i) => {
      expect(dags[i].variable, why(c, 'example-dag')).toEqual([val(c.p, c.input, 'variableKey')]);
      expect(dags[i].connection, why(c, 'example-dag')).toEqual([val(c.p, c.input, 'connectionId')]);
      const v3 = c.platform === 'remote-execution' || c.input.airflowVersion !== '2';
      expect(dags[i].imports.includes('airflow.sdk'), why(c, 'example-dag imports')).toBe(v3);
    });
  });
});

describe('example DAGs run against fake Airflow modules (batched)', () => {
  const missing = missingTools('python3');
  // Fakes with the real signatures: airflow.sdk (Airflow 3) Variable.get(key, default, deserialize_json) and
  // Connection.get(conn_id); Airflow 2 airflow.models.Variable.get(key, default_var, deserialize_json),
  // airflow.hooks.base.BaseHook.get_connection(conn_id) and airflow.decorators. A wrong keyword is a TypeError.
  const FAKES: Record<string, string> = {
    '_recorder.py': 'CALLS = []\nNOTSET = object()\n',
    'airflow/__init__.py': '',
    'airflow/sdk.py': [
      'from _recorder import CALLS, NOTSET',
      'class Variable:',
      '    @staticmethod',
      '    def get(key, default=NOTSET, deserialize_json=False):',
      '        CALLS.append(["Variable.get", key, "default" if default is None else "other"])',
      '        return "x" * 7',
      'class Connection:',
      '    conn_type = "postgres"',
      '    host = "db"',
      '    @classmethod',
      '    def get(cls, conn_id):',
      '        CALLS.append(["Connection.get", conn_id])',
      '        return cls()',
      'def dag(**kwargs):',
      '    def decorate(fn):',
      '        def build():',
      '            CALLS.append(["dag", sorted(kwargs)])',
      '            return fn()',
      '        return build',
      '    return decorate',
      'def task(fn):',
      '    return fn',
    ].join('\n'),
    'airflow/models.py': [
      'from _recorder import CALLS, NOTSET',
      'class Variable:',
      '    @classmethod',
      '    def get(cls, key, default_var=NOTSET, deserialize_json=False):',
      '        CALLS.append(["Variable.get", key, "default" if default_var is None else "other"])',
      '        return "x" * 7',
    ].join('\n'),
    'airflow/hooks/__init__.py': '',
    'airflow/hooks/base.py': [
      'from _recorder import CALLS',
      'class _Conn:',
      '    conn_type = "postgres"',
      '    host = "db"',
      'class BaseHook:',
      '    @classmethod',
      '    def get_connection(cls, conn_id):',
      '        CALLS.append(["BaseHook.get_connection", conn_id])',
      '        return _Conn()',
    ].join('\n'),
    'airflow/decorators.py': 'from airflow.sdk import dag, task\n',
  };
  it.skipIf(missing.length > 0)('every DAG variant runs its task and looks up exactly the typed variable key and connection id', () => {
    const results = python<{ calls?: unknown[]; error?: string }[]>(
      [
        'import contextlib, io, json, os, runpy, sys, tempfile',
        'payload = json.load(sys.stdin)',
        'out = []',
        'with tempfile.TemporaryDirectory() as d:',
        '    for name, text in payload["fakes"].items():',
        '        path = os.path.join(d, name)',
        '        os.makedirs(os.path.dirname(path), exist_ok=True)',
        '        with open(path, "w", encoding="utf-8") as f:',
        '            f.write(text)',
        '    sys.path.insert(0, d)',
        '    import _recorder',
        '    for i, src in enumerate(payload["dags"]):',
        '        path = os.path.join(d, "dag_%d.py" % i)',
        '        with open(path, "w", encoding="utf-8") as f:',
        '            f.write(src)',
        '        _recorder.CALLS.clear()',
        '        try:',
        '            with contextlib.redirect_stdout(io.StringIO()):',
        '                runpy.run_path(path, run_name="dag_%d" % i)',
        '            out.append({"calls": list(_recorder.CALLS)})',
        '        except Exception as e:',
        '            out.append({"error": type(e).__name__ + ": " + str(e)})',
        'print(json.dumps(out))',
      ].join('\n'),
      { fakes: FAKES, dags: ALL.map((c) => snippet(c, 'example-dag')) },
    );
    ALL.forEach((c, i) => {
      const v3 = c.platform === 'remote-execution' || c.input.airflowVersion !== '2';
      const decorator = v3 ? ['catchup', 'schedule', 'tags'] : ['catchup', 'schedule', 'start_date', 'tags'];
      expect(results[i], why(c, 'example-dag run')).toEqual({
        calls: [
          ['dag', decorator],
          ['Variable.get', val(c.p, c.input, 'variableKey'), 'default'],
          [v3 ? 'Connection.get' : 'BaseHook.get_connection', val(c.p, c.input, 'connectionId')],
        ],
      });
    });
  });
});

describe('shell snippets', () => {
  const missing = missingTools('bash', 'shellcheck');
  const SH = cases(SHELL, SEED + 4000);
  let dir = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'snippets-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(missing.length > 0)('every sh snippet passes bash -n and shellcheck', () => {
    const files: string[] = [];
    SH.forEach((c, i) =>
      c.result.snippets
        .filter((s) => s.lang === 'sh')
        .forEach((s) => {
          const f = join(dir, `${i}-${s.id}.sh`);
          writeFileSync(f, s.code);
          files.push(f);
        }),
    );
    expect(files.length).toBeGreaterThan(1000);
    const bad = run('bash', ['-c', 'for f in "$@"; do bash -n "$f" 2>&1 || echo "FAILED $f"; done', 'x', ...files]);
    expect(bad).toBe('');
    // SC2016 (no expansion in single quotes) and SC1003 (a backslash before a closing single
    // quote) describe exactly what these snippets intend: typed text taken literally.
    const r = run('bash', ['-c', 'shellcheck -s bash -e SC2016,SC1003 -f gcc "$@" || true', 'x', ...files]);
    expect(r).toBe('');
  });

  it.skipIf(missing.length > 0)('commands run with stub programs receive exactly the intended arguments and stdin', () => {
    const run1 = SH.filter((_, i) => i % Math.ceil(SHELL / STUBBED) === 0);
    const wanted: { key: string; c: Case; cmds: Cmd[] }[] = [];
    const snippets: { key: string; code: string }[] = [];
    for (const c of run1) {
      const intended = commandsOf(c.p, c.platform, c.auth, c.input);
      for (const s of c.result.snippets.filter((x) => x.lang === 'sh')) {
        const key = `${c.key}#${s.id}`;
        expect(intended[s.id], `model has commands for ${s.id}`).toBeDefined();
        wanted.push({ key, c, cmds: intended[s.id] });
        snippets.push({ key, code: s.code });
      }
    }
    const got = recordCommands(snippets);
    expect(wanted.length).toBeGreaterThan(300);
    for (const w of wanted) {
      const actual = got.get(w.key) ?? [];
      expect(actual.length, why(w.c, w.key + ' command count')).toBe(w.cmds.length);
      w.cmds.forEach((cmd, j) => {
        const a = actual[j];
        expect(a.stdin, why(w.c, `${w.key} stdin of command ${j}`)).toBe(cmd.stdin);
        expect(a.ns, why(w.c, `${w.key} VAULT_NAMESPACE of command ${j}`)).toBe(cmd.vaultNamespace === undefined ? '' : 'set:' + cmd.vaultNamespace);
        expect(a.argv.length, why(w.c, `${w.key} argc of command ${j}: ${JSON.stringify(a.argv)}`)).toBe(cmd.argv.length);
        cmd.argv.forEach((arg, k) => {
          if (typeof arg === 'string') expect(a.argv[k], why(w.c, `${w.key} argv[${k}] of command ${j}`)).toBe(arg);
          else {
            expect(a.argv[k].startsWith(arg.prefix)).toBe(true);
            expect(kwargsMatch(JSON.parse(a.argv[k].slice(arg.prefix.length)), arg.json), why(w.c, `${w.key} kwargs argument`)).toBe(true);
          }
        });
      });
    }
  });
});
