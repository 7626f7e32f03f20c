/**
 * The GCP guide's gcloud commands, run by the real gcloud CLI (its own argument parser, then its
 * requests) against a fake of the Google APIs on 127.0.0.1 (gcloud's api_endpoint_overrides
 * properties, a dummy access token, a throwaway config folder; nothing leaves the machine).
 * A command gcloud rejects while parsing fails the test; the commented alternatives are run too.
 * The fake records what arrives: the secret ids must be the names Airflow requests (the model in
 * helpers/intended.ts), the payload bytes the intended values, and the project binding the
 * service account with Secret Accessor.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { generate } from '../../../src/generators/index.ts';
import { type Input, names, uriOf, val } from '../helpers/intended.ts';
import { freePort } from '../helpers/servers.ts';
import { missingTools, runAsync } from '../helpers/tools.ts';

interface Received {
  method: string;
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

/** A fake of Secret Manager, Resource Manager, IAM and Service Usage: records requests, keeps secret versions. */
function fakeGoogle(log: () => Received[]) {
  const versions = new Map<string, string>();
  return (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const text = Buffer.concat(chunks).toString('utf8');
      const body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      const path = decodeURIComponent(url.pathname);
      log().push({ method: req.method ?? '', path, query: url.searchParams, body });
      const send = (status: number, o: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(o));
      };
      let m: RegExpExecArray | null;
      if ((m = /^\/v1\/(projects\/[^/]+\/secrets)$/.exec(path)) && req.method === 'POST') {
        return send(200, { name: `${m[1]}/${url.searchParams.get('secretId')}`, replication: { automatic: {} } });
      }
      if ((m = /^\/v1\/(projects\/[^/]+\/secrets\/.+):addVersion$/.exec(path))) {
        versions.set(m[1], String((body.payload as { data: string }).data));
        // gcloud sends a CRC32C of the payload and checks that the service says it used it.
        return send(200, { name: `${m[1]}/versions/1`, state: 'ENABLED', clientSpecifiedPayloadChecksum: true });
      }
      if ((m = /^\/v1\/(projects\/[^/]+\/secrets\/.+)\/versions\/latest:access$/.exec(path))) {
        const data = versions.get(m[1]);
        return data === undefined ? send(404, { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } }) : send(200, { name: `${m[1]}/versions/1`, payload: { data } });
      }
      if (/:getIamPolicy$/.test(path)) return send(200, { version: 1, etag: 'ACAB', bindings: [] });
      if (/:setIamPolicy$/.test(path)) return send(200, (body as { policy: unknown }).policy);
      if (/^\/v1\/projects\/[^/]+\/serviceAccounts$/.test(path)) {
        const id = String(body.accountId);
        return send(200, { name: `projects/-/serviceAccounts/${id}@x.iam.gserviceaccount.com`, email: `${id}@x.iam.gserviceaccount.com` });
      }
      if (/\/keys$/.test(path)) return send(200, { name: path.slice(4) + '/k1', privateKeyData: Buffer.from('{"type": "service_account"}').toString('base64') });
      if (/services:batchEnable|:enable$/.test(path)) return send(200, { name: 'operations/noop.DONE_OPERATION', done: true, response: {} });
      if (req.method === 'DELETE') return send(200, {});
      if (req.method === 'GET' && (m = /^\/v1\/(projects\/[^/]+\/operations\/.+)$/.exec(path))) return send(200, { name: m[1], done: true });
      return send(200, { name: path.slice(4) });
    });
  };
}

/** Every command of a snippet, the commented alternatives uncommented (a comment that is a gcloud or printf line). */
function runnable(code: string): string {
  return code
    .split('\n')
    .map((l) => (/^# (printf '%s' .* \| )?gcloud /.test(l) ? l.slice(2) : l))
    .join('\n');
}

const EMAIL = 'airflow@my-project-123.iam.gserviceaccount.com';
const CASES: { key: string; platform: string; auth: string; input: Input }[] = [
  {
    key: 'astro/key-file realistic',
    platform: 'astro',
    auth: 'key-file',
    input: { projectId: 'my-project-123', serviceAccountEmail: EMAIL, variableKey: 'my_var', variableValue: 'hello world', connectionId: 'my_db', connHost: 'db.example.com', connPassword: 'p@ss word' },
  },
  {
    // Names that start with - (an empty-looking prefix), and a value gcloud must store byte for byte.
    key: 'remote-execution/workload-identity hostile',
    platform: 'remote-execution',
    auth: 'workload-identity',
    input: {
      projectId: 'my-project-123',
      serviceAccountEmail: EMAIL,
      variablesPrefix: '-',
      connectionsPrefix: '--project',
      variableKey: '-team_-x',
      variableValue: "it's \"$(id)\" `id` é 😀\r\nline\ttab",
      connectionId: 'my_db',
      connType: 'http',
      connLogin: 'user name',
      connPassword: "p'a\"s$s`w\\o{r}d",
      kubernetesNamespace: 'astro-agents',
      kubernetesServiceAccount: 'agent-worker, agent-triggerer',
    },
  },
];

describe('the GCP guide through the real gcloud CLI, against a local fake of the Google APIs', () => {
  const missing = missingTools('bash', 'gcloud');
  let server: Server | undefined;
  let port = 0;
  let dir = '';
  let current: Received[] = [];
  beforeAll(async () => {
    if (missing.length) return;
    dir = mkdtempSync(join(tmpdir(), 'gcloud-'));
    writeFileSync(join(dir, 'token'), 'dummy-access-token');
    port = await freePort();
    // One server; each case's requests go to its own log (the cases run one after another).
    server = createServer(fakeGoogle(() => current));
    const s = server;
    await new Promise<void>((r) => s.listen(port, '127.0.0.1', r));
  });
  afterAll(async () => {
    const s = server;
    if (s) await new Promise((r) => s.close(r));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(missing.length > 0).for(CASES)('$key: gcloud parses and runs every command; the fake receives the intended ids, bytes and binding', async ({ platform, auth, input }, { expect }) => {
    const base = `http://127.0.0.1:${port}/`;
    const config = mkdtempSync(join(dir, 'config-'));
    const env = {
      PATH: process.env.PATH,
      HOME: dir,
      LANG: 'C.UTF-8',
      CLOUDSDK_CONFIG: config,
      CLOUDSDK_CORE_DISABLE_PROMPTS: '1',
      CLOUDSDK_CORE_DISABLE_USAGE_REPORTING: 'true',
      CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK: 'true',
      CLOUDSDK_AUTH_ACCESS_TOKEN_FILE: join(dir, 'token'),
      CLOUDSDK_CORE_REQUEST_REASON: '',
      CLOUDSDK_API_ENDPOINT_OVERRIDES_SECRETMANAGER: base,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_CLOUDRESOURCEMANAGER: base,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_IAM: base,
      CLOUDSDK_API_ENDPOINT_OVERRIDES_SERVICEUSAGE: base,
    };
    const result = generate('gcp-secret-manager', { ...input, platform, authMethod: auth });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const work = mkdtempSync(join(dir, 'case-'));
    const requests: Received[] = [];
    current = requests;
    const outputs: Record<string, string> = {};
    // Every snippet with a gcloud command (the others run no gcloud: astro, helm, kubectl).
    for (const s of result.snippets.filter((x) => x.lang === 'sh' && x.id !== 'delete-secrets' && /gcloud /.test(x.code))) {
      // Each gcloud command on its own, so a parse error names its command.
      outputs[s.id] = await runAsync('bash', ['-c', `set -euo pipefail\ncd ${JSON.stringify(work)}\n${runnable(s.code)}`], '', env);
    }
    const n = names('gcp-secret-manager', input);
    const value = val('gcp-secret-manager', input, 'variableValue');
    const uri = uriOf(input);
    // Created under exactly the names Airflow requests, with exactly the intended bytes (base64 in the API).
    const created = requests.filter((r) => r.method === 'POST' && /\/secrets$/.test(r.path)).map((r) => r.query.get('secretId'));
    expect(created).toEqual([n.variable, n.connection]);
    const added = requests.filter((r) => r.path.endsWith(':addVersion'));
    const bytes = added.map((r) => [r.path.replace(/^\/v1\/projects\/[^/]+\/secrets\//, '').replace(/:addVersion$/, ''), Buffer.from(String((r.body.payload as { data: string }).data), 'base64').toString('utf8')]);
    // Each secret twice: the first version with create, then the commented second-run command
    // (a value with a line break makes that comment several lines: it is not run here).
    const sorted = (a: string[][]) => a.map((x) => JSON.stringify(x)).sort();
    const twice = (name: string, v: string) => (/[\r\n]/.test(v) ? [[name, v]] : [[name, v], [name, v]]);
    expect(sorted(bytes)).toEqual(sorted([...twice(n.variable, value), ...twice(n.connection, uri)]));
    expect(outputs['verify-secrets']).toBe(value + uri);
    // The project binding: the service account, Secret Accessor.
    const set = requests.filter((r) => /^\/v1\/projects\/my-project-123:setIamPolicy$/.test(r.path)).map((r) => (r.body as { policy: { bindings: unknown[] } }).policy.bindings);
    expect(set).toEqual([[{ role: 'roles/secretmanager.secretAccessor', members: [`serviceAccount:${EMAIL}`] }]]);
    // Remote Execution: each agent service account may act as the service account (GKE Workload Identity).
    const ksa = requests.filter((r) => /\/serviceAccounts\/[^/]+:setIamPolicy$/.test(r.path)).map((r) => [r.path.replace(/^.*\/serviceAccounts\//, ''), (r.body as { policy: { bindings: unknown[] } }).policy.bindings]);
    const agents = platform === 'remote-execution' ? (input.kubernetesServiceAccount ?? '').split(',').map((x) => x.trim()) : [];
    expect(ksa).toEqual(
      agents.map((a) => [`${EMAIL}:setIamPolicy`, [{ role: 'roles/iam.workloadIdentityUser', members: [`serviceAccount:my-project-123.svc.id.goog[${input.kubernetesNamespace}/${a}]`] }]]),
    );
    // The stricter per-secret grants (commented on the page) name both secrets.
    const perSecret = requests.filter((r) => /\/secrets\/.+:setIamPolicy$/.test(r.path)).map((r) => r.path.replace(/^\/v1\/projects\/[^/]+\/secrets\//, '').replace(/:setIamPolicy$/, ''));
    expect(perSecret).toEqual([n.variable, n.connection]);
    // Cleanup deletes exactly those two.
    requests.length = 0;
    await runAsync('bash', ['-c', `set -euo pipefail\n${result.snippets.find((x) => x.id === 'delete-secrets')!.code}`], '', env);
    expect(requests.filter((r) => r.method === 'DELETE').map((r) => r.path.replace(/^\/v1\/projects\/[^/]+\/secrets\//, ''))).toEqual([n.variable, n.connection]);
  });
});
