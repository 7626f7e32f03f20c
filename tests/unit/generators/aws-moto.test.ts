/**
 * Both AWS guides, run for real: every `aws` command of the page, in guide order, by the real
 * AWS CLI against a local AWS API (moto's server mode on 127.0.0.1, dummy credentials,
 * AWS_ENDPOINT_URL), for every platform and auth method, with realistic and hostile input.
 * Then boto3 reads back, independently of the CLI:
 *  - the test variable and connection are stored under exactly the names Airflow's backend
 *    requests (the model in helpers/intended.ts, written from the provider source facts, not
 *    from the generator), with exactly the intended values (the value typed; the connection URI);
 *  - the policy created is attached to the intended role (created with the page's trust policy)
 *    or user, and its resources match the real ARNs of both secrets;
 *  - a second run works: the page's hint (SSM --overwrite, Secrets Manager put-secret-value), and
 *    the migration script run twice (it overwrites);
 *  - the cleanup commands remove both secrets.
 * Other programs on the page (astro, helm, kubectl, eksctl) are no-op stubs.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { generate, type GenerateResult } from '../../../src/generators/index.ts';
import { planMigration } from '../../../src/generators/migration.ts';
import { hostileString } from '../helpers/arbitraries.ts';
import { type Input, astroTrustOf, iamPolicyOf, names, uriOf, val } from '../helpers/intended.ts';
import { type LocalServer, startMoto } from '../helpers/servers.ts';
import { missingTools, pythonAsync, run, runAsync } from '../helpers/tools.ts';

type AwsId = 'aws-parameter-store' | 'aws-secrets-manager';
const REGION = 'us-east-1';
/** moto's account: the ARNs the page computes must be the ones moto gives. */
const ACCOUNT = '123456789012';

const BASE: Record<string, Input> = {
  astro: {
    region: REGION,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/airflow-secrets`,
    workloadIdentityArn: 'arn:aws:iam::210987654321:role/AirflowS3Logs-x',
    localPrincipalArn: `arn:aws:iam::${ACCOUNT}:user/jane`,
    deploymentId: 'cl03oiq7d80402nwn7fsl3dmv',
  },
  'remote-execution': {
    region: REGION,
    roleArn: `arn:aws:iam::${ACCOUNT}:role/agents/agents-read`,
    eksClusterName: 'prod-agents',
    oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/ABC123',
    kubernetesNamespace: 'astro-agents',
    kubernetesServiceAccount: 'agent-worker, agent-triggerer',
    agentChartVersion: '1.4.0',
  },
  software: {
    region: REGION,
    accessKeyId: 'AKIAABCDEFGHIJKLMNOP',
    secretAccessKey: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123',
    iamUserName: 'airflow-user',
    awsAccountId: ACCOUNT,
  },
};
const AUTH: Record<string, string> = { astro: 'role', 'remote-execution': 'role', software: 'access-keys' };

const REALISTIC: Input = {
  variableKey: 'my_var',
  variableValue: 'hello world',
  connectionId: 'my_db',
  connType: 'postgres',
  connHost: 'db.example.com',
  connLogin: 'airflow',
  connPassword: 'p@ss word',
  connPort: '5432',
  connSchema: 'app',
};

/** Names that start with - (one looks like an option of the AWS CLI), custom prefixes, hostile values. */
const HOSTILE: Record<AwsId, Input> = {
  'aws-parameter-store': {
    variablesPrefix: '/-team/vars',
    connectionsPrefix: 'team.prod/conns',
    variableKey: '-team_-x',
    variableValue: "it's \"$(id)\" `id` ${HOME} é 😀 中\nsecond line\r\n\ttab",
    connectionId: '--region',
    connType: 'http',
    connHost: 'api.example.com',
    connLogin: 'user name',
    connPassword: "p'a\"s$s`w\\o{r}d #%",
    connExtra: '{"a b": "c&d", "é": "$(x)"}',
    policyName: 'airflow-read.v2',
  },
  'aws-secrets-manager': {
    variablesPrefix: '-team/vars',
    connectionsPrefix: 'team@prod',
    sep: '+',
    variableKey: '--endpoint-url=x',
    variableValue: "it's \"$(id)\" `id` ${HOME} é 😀 中\nsecond line\r\n\ttab",
    connectionId: '-=.@',
    connType: 'google-cloud-platform',
    connPassword: "p'a\"s$s`w\\o{r}d #%",
    connExtra: '{"project": "p", "n": 1}',
    policyName: 'airflow+read=v2',
  },
};

/** Keys and values drawn at random: names from each backend's characters, often dash-led. */
function randomInputs(p: AwsId, n: number, seed: number): Input[] {
  const chars = p === 'aws-parameter-store' ? 'abcXYZ019_.-' : 'abcXYZ019_.-+=@';
  const word = fc.string({ unit: fc.constantFrom(...chars.split('')), minLength: 1, maxLength: 12 });
  const name = fc.tuple(fc.constantFrom('', '-', '--'), word).map(([a, b]) => a + b);
  const value = hostileString.filter((s) => s.trim().length > 0 && s.length <= 200);
  return fc.sample(
    fc.record({
      variableKey: name,
      connectionId: name,
      variableValue: value,
      connLogin: value,
      connPassword: value,
      variablesPrefix: fc.constantFrom('/x/vars', 'v', '-p/q'),
      ...(p === 'aws-secrets-manager' ? { sep: fc.constantFrom('/', '_', '-', '.') } : {}),
    }),
    { numRuns: n, seed },
  );
}

interface State {
  stored: Record<string, { value: string; arn: string } | null>;
  attached: string[];
  policy: unknown;
  trust: unknown;
}

/** boto3 reads what moto holds: the secrets by name, the policies attached, the policy and trust documents. */
const READ_STATE = [
  'import json, sys, boto3',
  'a = json.load(sys.stdin)',
  'kw = dict(endpoint_url=a["endpoint"], region_name=a["region"], aws_access_key_id="testing", aws_secret_access_key="testing")',
  'iam = boto3.client("iam", **kw)',
  'out = {"stored": {}, "attached": [], "policy": None, "trust": None}',
  'for name in a["names"]:',
  '    try:',
  '        if a["provider"] == "aws-parameter-store":',
  '            p = boto3.client("ssm", **kw).get_parameter(Name=name, WithDecryption=True)["Parameter"]',
  '            out["stored"][name] = {"value": p["Value"], "arn": p["ARN"]}',
  '        else:',
  '            s = boto3.client("secretsmanager", **kw).get_secret_value(SecretId=name)',
  '            out["stored"][name] = {"value": s["SecretString"], "arn": s["ARN"]}',
  '    except Exception as e:',
  '        if "NotFound" not in type(e).__name__ and "NotFound" not in str(e): raise',
  '        out["stored"][name] = None',
  'if a.get("role"):',
  '    out["attached"] = [x["PolicyArn"] for x in iam.list_attached_role_policies(RoleName=a["role"])["AttachedPolicies"]]',
  '    out["trust"] = iam.get_role(RoleName=a["role"])["Role"]["AssumeRolePolicyDocument"]',
  'if a.get("user"):',
  '    out["attached"] = [x["PolicyArn"] for x in iam.list_attached_user_policies(UserName=a["user"])["AttachedPolicies"]]',
  'if a.get("policyArn"):',
  '    pol = iam.get_policy(PolicyArn=a["policyArn"])["Policy"]',
  '    out["policy"] = iam.get_policy_version(PolicyArn=a["policyArn"], VersionId=pol["DefaultVersionId"])["PolicyVersion"]["Document"]',
  'print(json.dumps(out))',
].join('\n');

/** What the reader has before the page: the user (access keys) and the agents' EKS cluster (IRSA). */
const SEED_WORLD = [
  'import json, sys, boto3',
  'a = json.load(sys.stdin)',
  'kw = dict(endpoint_url=a["endpoint"], region_name=a["region"], aws_access_key_id="testing", aws_secret_access_key="testing")',
  'if a.get("user"):',
  '    boto3.client("iam", **kw).create_user(UserName=a["user"])',
  'if a.get("cluster"):',
  '    boto3.client("eks", **kw).create_cluster(name=a["cluster"], roleArn="arn:aws:iam::123456789012:role/eks", resourcesVpcConfig={})',
  'print("{}")',
].join('\n');

/** IAM's wildcard match: * is any run of characters (/ included), ? one character. */
function iamMatch(pattern: string, arn: string): boolean {
  const re = new RegExp('^' + pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$', 's');
  return re.test(arn);
}

const ROLE_NAME = /:role\/(?:[^/]*\/)*([^/]+)$/;

/** The interpreter's own directory first: its aws and python3, without a version manager's shims (each costs a process). */
function interpreterBin(): string {
  try {
    return run('python3', ['-c', 'import os, sys; print(os.path.dirname(os.path.realpath(sys.executable)))']).trim();
  } catch {
    return '';
  }
}

interface Case {
  key: string;
  p: AwsId;
  platform: string;
  input: Input;
  /** Also the second-run hints and the migration script twice (slow: a few per provider). */
  full: boolean;
}

/** Unique names per case, so the cases can run side by side against one moto. */
function tagged(input: Input, i: number): Input {
  const t = (s: string | undefined) => (s ? s + '-c' + i : s);
  return {
    ...input,
    variableKey: t(input.variableKey),
    connectionId: t(input.connectionId),
    roleArn: t(input.roleArn),
    iamUserName: t(input.iamUserName),
    policyName: (input.policyName ?? 'airflow-secrets-read') + '-c' + i,
    eksClusterName: t(input.eksClusterName),
  };
}

describe('both AWS guides against a local AWS API (moto) with the real AWS CLI', () => {
  const missing = missingTools('bash', 'aws', 'moto');
  let moto: LocalServer | undefined;
  let dir = '';
  let bin = '';
  beforeAll(async () => {
    if (missing.length) return;
    moto = await startMoto();
    dir = mkdtempSync(join(tmpdir(), 'aws-moto-'));
    const stubs = join(dir, 'bin');
    run('mkdir', ['-p', stubs]);
    // The page's other programs: they only need to exist (their argv is checked by the stub tests).
    for (const name of ['astro', 'helm', 'kubectl', 'eksctl']) writeFileSync(join(stubs, name), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    bin = interpreterBin();
  });
  afterAll(async () => {
    await moto?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const env = () => ({
    PATH: [join(dir, 'bin'), bin, process.env.PATH].filter(Boolean).join(':'),
    HOME: dir,
    LANG: 'C.UTF-8',
    AWS_ENDPOINT_URL: moto!.url,
    AWS_ACCESS_KEY_ID: 'testing',
    AWS_SECRET_ACCESS_KEY: 'testing',
    AWS_CONFIG_FILE: join(dir, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'no-credentials'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
    // The reader's configured region (IAM needs one) is another one: the secrets must land in the
    // region the commands name, where the backend (region_name) looks.
    AWS_DEFAULT_REGION: 'eu-west-3',
  });
  const sh = (code: string, cwd: string) => runAsync('bash', ['-c', `set -euo pipefail\ncd ${JSON.stringify(cwd)}\n${code}`], '', env());
  const read = (a: Record<string, unknown>) => pythonAsync<State>(READ_STATE, { endpoint: moto!.url, region: REGION, ...a }, env());

  // Every platform (and so every auth method), realistic and hostile input; each aws command
  // costs a Python start, so the number of runs is kept small.
  const cases: Case[] = [];
  for (const p of ['aws-parameter-store', 'aws-secrets-manager'] as AwsId[]) {
    const add = (platform: string, kind: string, input: Input, full = false) => cases.push({ key: `${p}/${platform}/${kind}`, p, platform, input: { ...BASE[platform], ...input }, full });
    add('astro', 'realistic', REALISTIC);
    add('astro', 'hostile', { ...REALISTIC, ...HOSTILE[p] }, true);
    add('remote-execution', 'hostile', { ...REALISTIC, ...HOSTILE[p] });
    add('software', 'realistic', REALISTIC);
    randomInputs(p, 1, p === 'aws-parameter-store' ? 1818 : 1819).forEach((r) => add('software', 'random', { ...REALISTIC, ...r }));
  }
  cases.forEach((c, i) => (c.input = tagged(c.input, i)));

  it.skipIf(missing.length > 0).concurrent.for(cases)('$key: every aws command runs; Airflow finds exactly the intended values; cleanup removes them', { timeout: 300_000 }, async ({ p, platform, input, full: withRerun }, { expect }) => {
    const auth = AUTH[platform];
    const full = { ...input, platform, authMethod: auth };
    const result: GenerateResult = generate(p, full);
    expect(result.problems.filter((x) => x.severity === 'error'), 'the input is valid for the backend').toEqual([]);
    const work = mkdtempSync(join(dir, 'case-'));
    const roleName = auth === 'role' ? ROLE_NAME.exec(input.roleArn!)![1] : undefined;
    await pythonAsync(SEED_WORLD, { endpoint: moto!.url, region: REGION, user: auth === 'access-keys' ? input.iamUserName : undefined, cluster: platform === 'remote-execution' ? input.eksClusterName : undefined }, env());

    // The page in order: files are written where the commands read them, every sh snippet runs.
    const byId = (id: string) => result.snippets.find((s) => s.id === id);
    let verifyOut = '';
    for (const s of result.snippets) {
      // Taking the reader out of the trust policy (Step 5) and the cleanup come after the checks below.
      if (s.id === 'delete-secrets' || s.id === 'iam-trust-restore') continue;
      if (s.filename && s.lang === 'json') writeFileSync(join(work, s.filename), s.code);
      if (s.lang !== 'sh') continue;
      const out = await sh(s.code, work);
      if (s.id === 'verify-secrets') verifyOut = out;
    }

    // What Airflow's backend requests (the independent model) holds exactly the intended values.
    const n = names(p, input);
    // The AWS CLI reads a file:// value as text, so \r\n and \r come out as \n: the page says so where
    // it pipes the value in (the connection URI has no raw line breaks: they are %-encoded).
    const value = val(p, input, 'variableValue').replace(/\r\n?/g, '\n');
    if (/\r/.test(val(p, input, 'variableValue'))) expect(byId('write-variable')!.code).toMatch(/\\r\\n and \\r line breaks are stored as \\n/);
    const uri = uriOf(input);
    const iam = iamPolicyOf(p, input);
    const state = await read({ provider: p, names: [n.variable, n.connection], role: roleName, user: auth === 'access-keys' ? input.iamUserName : undefined, policyArn: iam.policyArn });
    expect(state.stored[n.variable]?.value, 'variable at ' + n.variable).toBe(value);
    expect(state.stored[n.connection]?.value, 'connection at ' + n.connection).toBe(uri);
    expect(verifyOut, 'verify-secrets prints both values').toBe(value + '\n' + uri + '\n');

    // The policy is attached to the role or user Airflow uses, and its resources cover the real ARNs.
    expect(state.attached).toEqual([iam.policyArn]);
    expect(state.policy).toEqual(iam.policy);
    const resources = iam.policy.Statement[0].Resource;
    for (const name of [n.variable, n.connection]) {
      const arn = state.stored[name]!.arn;
      expect(resources.some((r) => iamMatch(r, arn)), `${arn} is covered by ${JSON.stringify(resources)}`).toBe(true);
    }
    if (auth === 'role' && platform === 'astro') {
      // While testing locally the role trusts the Deployment and the reader; the restore command
      // (Step 5) leaves the Deployment alone.
      expect(state.trust).toEqual(JSON.parse(byId('iam-trust-policy')!.code));
      await sh(byId('iam-trust-restore')!.code, work);
      const after = await read({ provider: p, names: [], role: roleName, policyArn: iam.policyArn });
      expect(after.trust).toEqual(astroTrustOf(input, false));
    } else if (auth === 'role') expect(state.trust).toEqual(JSON.parse(byId('iam-trust-policy')!.code));

    if (withRerun) {
      // A second run: the write snippets as their comments say, with new values; they replace the old ones.
      const input2 = { ...input, variableValue: value + ' v2', connPassword: (input.connPassword ?? '') + 'v2' };
      const again = generate(p, { ...full, ...input2 });
      for (const id of ['write-variable', 'write-connection']) {
        const code = again.snippets.find((s) => s.id === id)!.code;
        const rerun =
          p === 'aws-parameter-store'
            ? (expect(code).toMatch(/add --overwrite/), code.replace(/ --value file:\/\/\/dev\/stdin\n/, ' --value file:///dev/stdin --overwrite\n'))
            : (expect(code).toMatch(/Run put-secret-value --secret-id=NAME instead of create-secret --name=NAME/),
              // The command (after the comments), changed as the comment says.
              code.replace(/^printf[\s\S]*$/m, (c) => c.replace('secretsmanager create-secret', 'secretsmanager put-secret-value').replace('--name=', '--secret-id=')));
        expect(rerun).not.toBe(code);
        await sh(rerun, work);
      }
      let st = await read({ provider: p, names: [n.variable, n.connection] });
      expect(st.stored[n.variable]?.value).toBe(value + ' v2');
      expect(st.stored[n.connection]?.value).toBe(uriOf(input2));

      // The migration tool says the same for a value with \r.
      const cr = planMigration(p, full, { variables: JSON.stringify({ k: 'a\r\nb' }) }).items[0].problems;
      expect(cr).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/stored as \\n/) }));

      // The migration script, twice: it creates what is missing and overwrites what exists.
      const extraKey = 'extra_key' + input.variableKey!.slice(-4);
      const migrate = async (v: string) => {
        const plan = planMigration(p, full, { variables: JSON.stringify({ [val(p, input, 'variableKey')]: v, [extraKey]: v }) });
        expect(plan.items.every((i) => i.problems.every((x) => x.severity !== 'error')), JSON.stringify(plan.items)).toBe(true);
        writeFileSync(join(work, 'migrate-secrets.sh'), plan.snippets.find((s) => s.id === 'migrate-secrets')!.code);
        await sh('bash migrate-secrets.sh', work);
      };
      await migrate('m1');
      await migrate('m2 $(id)');
      const extraName = names(p, { ...input, variableKey: extraKey }).variable;
      st = await read({ provider: p, names: [n.variable, extraName] });
      expect(st.stored[n.variable]?.value).toBe('m2 $(id)');
      expect(st.stored[extraName]?.value).toBe('m2 $(id)');
    }

    // Cleanup removes both test secrets.
    await sh(byId('delete-secrets')!.code, work);
    const st = await read({ provider: p, names: [n.variable, n.connection] });
    expect(st.stored).toEqual({ [n.variable]: null, [n.connection]: null });
  });
});
