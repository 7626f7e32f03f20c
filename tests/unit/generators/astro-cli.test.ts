/**
 * What the Astro CLI makes of the page, by its own rules (astronomer/astro-cli,
 * cloud/deployment/deployment_variable.go and cmd/cloud/deployment.go), written here as a model:
 * - `astro deployment variable create KEY=VALUE ...`: each argument is split at its first `=`
 *   (`strings.SplitN(arg, "=", 2)` since astro-cli #1605, March 2024; before that every `=` cut
 *   the value); `--key`/`--value` flags are hidden and not used by the page;
 * - `--load` reads `.env` line by line: a line starting with `#` or empty is skipped, the rest is
 *   split at the first `=`, and the value loses leading/trailing `"`, then `'`, then blanks.
 * The deploy commands (run with recording stubs) and the .env must give the backend class and
 * exactly the kwargs, also when the kwargs hold `=` (a key file's base64, a client secret).
 */
import { describe, expect, it } from 'vitest';
import { generate, type ProviderId } from '../../../src/generators/index.ts';
import { CLASS, type Pid, kwargsMatch, kwargsOf } from '../helpers/intended.ts';
import { recordCommands } from '../helpers/stubs.ts';
import { missingTools } from '../helpers/tools.ts';

/** Go's strings.Trim with a one-character cutset. */
const trim = (s: string, c: string) => s.replace(new RegExp(`^[${c}]+|[${c}]+$`, 'g'), '');

/** The variables `astro deployment variable create` sets from its argv (after the subcommand). */
export function astroVariables(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  let key = '';
  let value = '';
  for (const a of argv) {
    const flag = /^--([a-z-]+)(?:=([\s\S]*))?$/.exec(a);
    if (flag) {
      if (flag[1] === 'key') key = flag[2] ?? '';
      if (flag[1] === 'value') value = flag[2] ?? '';
      continue;
    }
    const i = a.indexOf('=');
    if (i > 0 && i < a.length - 1) out[a.slice(0, i)] = a.slice(i + 1);
  }
  if (key && value) out[key] = value;
  return out;
}

/** The variables `--load` reads from a .env file. */
export function astroLoad(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (line.startsWith('#') || line === '') continue;
    const i = line.indexOf('=');
    if (i < 0) continue;
    const key = line.slice(0, i);
    const value = trim(trim(line.slice(i + 1), '"'), "'").trim();
    if (key && value && !(key in out)) out[key] = value;
  }
  return out;
}

const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC==\n-----END PRIVATE KEY-----\n';
const CASES: { p: Pid; input: Record<string, string> }[] = [
  { p: 'hashicorp-vault', input: { vaultUrl: 'https://vault.example.com:8200/?a=b', roleId: 'r', secretId: 's=e=c' } },
  { p: 'aws-parameter-store', input: { region: 'us-east-1', roleArn: 'arn:aws:iam::123456789012:role/a=b' } },
  { p: 'aws-secrets-manager', input: { region: 'us-east-1', roleArn: 'arn:aws:iam::123456789012:role/x', variablesPrefix: 'v=1' } },
  {
    p: 'gcp-secret-manager',
    input: {
      authMethod: 'key-file',
      projectId: 'my-project-123',
      keyfileJson: JSON.stringify({ type: 'service_account', client_email: 'a@my-project-123.iam.gserviceaccount.com', private_key: PRIVATE_KEY }),
    },
  },
  { p: 'azure-key-vault', input: { vaultUrl: 'https://my-vault.vault.azure.net/', tenantId: 't', clientId: 'c', clientSecret: 'abc~def=ghi==' } },
];

describe('the Astro CLI reads the deploy commands and the .env as intended', () => {
  const missing = missingTools('bash');
  it.skipIf(missing.length > 0)('astro deployment variable create sets the class and exactly the kwargs, = included', () => {
    const snippets = CASES.map(({ p, input }) => ({
      key: p,
      code: generate(p as ProviderId, { ...input, platform: 'astro' }).snippets.find((s) => s.id === 'deploy-astro')!.code,
    }));
    const got = recordCommands(snippets);
    for (const { p, input } of CASES) {
      const creates = got.get(p)!.filter((c) => c.argv.slice(0, 4).join(' ') === 'astro deployment variable create');
      expect(creates).toHaveLength(2);
      const vars = Object.assign({}, ...creates.map((c) => astroVariables(c.argv.slice(4))));
      expect(vars.AIRFLOW__SECRETS__BACKEND, p).toBe(CLASS[p]);
      const kw = kwargsOf(p, 'astro', input.authMethod ?? (p === 'gcp-secret-manager' ? 'workload-identity' : p === 'hashicorp-vault' ? 'approle' : p === 'azure-key-vault' ? 'client-secret' : 'role'), input);
      expect(kwargsMatch(JSON.parse(vars.AIRFLOW__SECRETS__BACKEND_KWARGS), kw), `${p}: ${vars.AIRFLOW__SECRETS__BACKEND_KWARGS}`).toBe(true);
    }
  });

  it('--load reads the .env to the class and exactly the kwargs', () => {
    for (const { p, input } of CASES) {
      const env = generate(p as ProviderId, { ...input, platform: 'astro' }).snippets.find((s) => s.id === 'env-file')!.code;
      const vars = astroLoad(env);
      expect(Object.keys(vars)).toEqual(['AIRFLOW__SECRETS__BACKEND', 'AIRFLOW__SECRETS__BACKEND_KWARGS']);
      expect(vars.AIRFLOW__SECRETS__BACKEND).toBe(CLASS[p]);
      const kw = kwargsOf(p, 'astro', input.authMethod ?? (p === 'gcp-secret-manager' ? 'workload-identity' : p === 'hashicorp-vault' ? 'approle' : p === 'azure-key-vault' ? 'client-secret' : 'role'), input);
      expect(kwargsMatch(JSON.parse(vars.AIRFLOW__SECRETS__BACKEND_KWARGS), kw), p).toBe(true);
    }
  });
});
