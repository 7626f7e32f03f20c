/**
 * The config doctor: the configurations earlier guides printed are diagnosed with every
 * defect they have; each format is read by its consumer's rules; every finding is found on a
 * small example; the guides' own output (every provider, platform and auth method, every
 * target) is reported clean and links back to a guide that regenerates the same kwargs; and
 * no text, however hostile, makes it throw or run unbounded.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authMethods, formFieldsWithoutHelp, generate, platforms, providerIds, secretFields, type ProviderId } from '../../../src/generators/index.ts';
import type { Platform } from '../../../src/generators/types.ts';
import { correctedLines, guideUrlSchema, lookupName, runDoctor, type DoctorReport } from '../../../src/doctor/diagnose.ts';
import { detectFormat, readAstroLoadEnv, readComposeEnv, readPaste, type InputFormat } from '../../../src/doctor/read.ts';
import { readKwargs } from '../../../src/doctor/lenient-json.ts';
import { shellCommands } from '../../../src/doctor/shell-words.ts';
import { parseQuery } from '../../../src/guide/client/url-state.ts';
import { guideSpec } from '../../../src/guide/setup-config.ts';
import { hostileString } from '../helpers/arbitraries.ts';
import { SEED_FIXTURES } from './fixtures.ts';

const ids = (r: DoctorReport, ...severities: string[]) => r.findings.filter((f) => severities.includes(f.severity)).map((f) => f.id);
const errors = (r: DoctorReport) => r.findings.filter((f) => f.severity === 'error');

const VAULT = 'airflow.providers.hashicorp.secrets.vault.VaultBackend';
const SM = 'airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend';
const AZURE = 'airflow.providers.microsoft.azure.secrets.key_vault.AzureKeyVaultBackend';
const GCP = 'airflow.providers.google.cloud.secrets.secret_manager.CloudSecretManagerBackend';
const SSM = 'airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend';

function env(backend: string, kwargs: string): string {
  return `AIRFLOW__SECRETS__BACKEND=${backend}\nAIRFLOW__SECRETS__BACKEND_KWARGS='${kwargs}'\n`;
}

describe('configurations printed by earlier guides', () => {
  for (const f of SEED_FIXTURES) {
    it(f.name, () => {
      expect(detectFormat(f.text)).toBe(f.format);
      const r = runDoctor(f.text);
      expect(r.provider).toBe(f.provider);
      const found = ids(r, 'error', 'warning');
      for (const id of f.finds) expect(found, `${id} in ${JSON.stringify(r.findings, null, 1)}`).toContain(id);
      // The corrected lines name the current class and parse back clean of the fixed defects.
      expect(r.corrected?.code).toContain(String(readPaste(r.corrected!.code, f.format).settings[0]?.value ?? 'none'));
      const again = runDoctor(r.corrected!.code, { format: f.format, platform: r.platform });
      // Every finding the corrected lines fix is gone from them.
      const fixedThere = ['class-contrib', 'class-deprecated', 'backend-quoted', 'kwargs-quoted', 'dockerfile-split', 'shell-split', 'shell-redirect', 'gcp-keyfile-string'];
      for (const finding of r.findings) if (fixedThere.includes(finding.id) && finding.fix) expect(ids(again, 'error', 'warning')).not.toContain(finding.id);
    });
  }
});

describe('reading each format as its consumer does', () => {
  it('.env: Compose and astro --load disagree on a double-quoted value with escapes', () => {
    const text = 'AIRFLOW__SECRETS__BACKEND_KWARGS="{\\"url\\": \\"https://v:8200\\"}"\n';
    expect(readComposeEnv(text)[0].value).toBe('{"url": "https://v:8200"}');
    expect(readAstroLoadEnv(text)[0].value).toBe('{\\"url\\": \\"https://v:8200\\"}');
    const r = runDoctor(`AIRFLOW__SECRETS__BACKEND=${VAULT}\n` + text);
    expect(ids(r, 'warning')).toContain('load-reads-differently');
  });

  it('.env: an unquoted value is cut at " #", an export prefix is dropped', () => {
    const [e] = readComposeEnv('export AIRFLOW__SECRETS__BACKEND=a.b.C  # the class\n');
    expect(e).toMatchObject({ key: 'AIRFLOW__SECRETS__BACKEND', value: 'a.b.C' });
  });

  it('.env: a $ in a double-quoted value is flagged, in single quotes it is not', () => {
    expect(ids(runDoctor(`AIRFLOW__SECRETS__BACKEND=${VAULT}\nAIRFLOW__SECRETS__BACKEND_KWARGS="{\\"url\\": \\"https://v:8200\\", \\"secret_id\\": \\"a$HOME\\"}"\n`), 'warning')).toContain('kwargs-expands');
    expect(ids(runDoctor(env(VAULT, '{"url": "https://v:8200", "auth_type": "approle", "role_id": "r", "secret_id": "a$HOME"}')), 'warning')).not.toContain('kwargs-expands');
  });

  it('Dockerfile: continuation lines and the legacy ENV KEY value form', () => {
    const r = readPaste(`ENV AIRFLOW__SECRETS__BACKEND=${VAULT} \\\n    AIRFLOW__SECRETS__BACKEND_KWARGS='{"a": 1}'\nENV AIRFLOW__WORKERS__SECRETS_BACKEND ${VAULT}\n`, 'dockerfile');
    expect(r.settings.map((s) => [s.name, s.value])).toEqual([
      ['AIRFLOW__SECRETS__BACKEND', VAULT],
      ['AIRFLOW__SECRETS__BACKEND_KWARGS', '{"a": 1}'],
      ['AIRFLOW__WORKERS__SECRETS_BACKEND', VAULT],
    ]);
  });

  it('values.yaml: unquoted JSON is a YAML mapping, not a string', () => {
    const r = runDoctor(`secretBackend: ${SM}\ncommonEnv:\n  - name: AIRFLOW__SECRETS__BACKEND_KWARGS\n    value: {"region_name": "us-east-1"}\n`);
    expect(ids(r, 'error')).toContain('yaml-not-string');
    expect(r.corrected?.code).toContain(`value: '{"region_name": "us-east-1"}'`);
  });

  it('values.yaml: invalid YAML and an alias bomb are reported, not thrown', () => {
    expect(ids(runDoctor('secretBackend: [unclosed\n', { format: 'values-yaml' }), 'error')).toContain('yaml-syntax');
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill('*' + String.fromCharCode(96 + i)).join(',')}]`);
    bomb.push('secretBackend: x');
    const r = runDoctor(bomb.join('\n'), { format: 'values-yaml' });
    expect(ids(r, 'error')).toContain('yaml-syntax');
  });

  it('UI: Key/Value lines as the Software guide prints them, with the values taken literally', () => {
    const r = readPaste(`Key:    AIRFLOW__SECRETS__BACKEND\nValue:  ${VAULT}\nSecret: no\n\nKey:    AIRFLOW__SECRETS__BACKEND_KWARGS\nValue:  {"url": "https://v"}\nSecret: yes\n`);
    expect(r.format).toBe('ui');
    expect(r.settings.map((s) => s.value)).toEqual([VAULT, '{"url": "https://v"}']);
  });

  it('astro commands: words as the shell splits them, --secret noticed, the deployment ID kept', () => {
    const [c] = shellCommands(`astro deployment variable create \\\n  --deployment-id cl03oiq7d80402nwn7fsl3dmv "A=$x" 'B=$y' C=\\"z\\" # note`);
    expect(c.words.map((w) => w.text)).toEqual(['astro', 'deployment', 'variable', 'create', '--deployment-id', 'cl03oiq7d80402nwn7fsl3dmv', 'A=$x', 'B=$y', 'C="z"']);
    expect(c.words.map((w) => w.expands)).toEqual([false, false, false, false, false, false, true, false, false]);
    const r = runDoctor(`astro deployment variable create --deployment-id cl03oiq7d80402nwn7fsl3dmv --secret AIRFLOW__SECRETS__BACKEND=${VAULT} AIRFLOW__SECRETS__BACKEND_KWARGS='{"url": "https://v:8200", "auth_type": "approle", "role_id": "r", "secret_id": "s"}'`);
    expect(errors(r)).toEqual([]);
    expect(r.corrected?.code).toContain("--deployment-id cl03oiq7d80402nwn7fsl3dmv --secret AIRFLOW__SECRETS__BACKEND_KWARGS='");
  });

  it('astro commands: kwargs with a credential and no --secret', () => {
    const r = runDoctor(`astro deployment variable create -d abcdef123 AIRFLOW__SECRETS__BACKEND=${VAULT} AIRFLOW__SECRETS__BACKEND_KWARGS='{"url": "https://v:8200", "auth_type": "approle", "role_id": "r", "secret_id": "s"}'`);
    expect(r.findings.find((f) => f.id === 'credentials-in-kwargs')?.severity).toBe('warning');
  });

  it('detects each format', () => {
    expect(detectFormat(`secretBackend: x\n`)).toBe('values-yaml');
    expect(detectFormat(`ENV A=b\n`)).toBe('dockerfile');
    expect(detectFormat(`{"url": "x"}`)).toBe('kwargs');
    expect(detectFormat(`'{"url": "x"}'`)).toBe('kwargs');
    expect(detectFormat(`AIRFLOW__SECRETS__BACKEND=x\n`)).toBe('env');
    expect(detectFormat(`AIRFLOW__SECRETS__BACKEND\nx\n`)).toBe('ui');
    expect(detectFormat(`astro deployment variable update -d x A=b`)).toBe('astro-command');
  });
});

describe('findings', () => {
  const kw = (p: string, k: string) => runDoctor(env(p, k));
  it('kwargs in Python syntax: single quotes, None/True, trailing commas, with the JSON fix', () => {
    const r = kw(VAULT, `{'url': 'https://v:8200', 'config_path': None, 'verify': True, 'auth_type': 'approle', 'role_id': 'r', 'secret_id': 's',}`.replace(/'/g, '\\u0027'));
    // (.env single quotes cannot hold ', so the bare-kwargs format is used below)
    const bare = runDoctor(`{'url': 'https://v:8200', 'config_path': None, 'verify': True, 'auth_type': 'approle', 'role_id': 'r', 'secret_id': 's',}`);
    expect(bare.format).toBe('kwargs');
    const f = bare.findings.find((x) => x.id === 'kwargs-not-json');
    expect(f?.title).toMatch(/single quotes and Python None\/True\/False and trailing commas/);
    expect(JSON.parse(f!.fix!)).toEqual({ url: 'https://v:8200', config_path: null, verify: true, auth_type: 'approle', role_id: 'r', secret_id: 's' });
    expect(r.provider).toBe('hashicorp-vault');
  });
  it('invalid JSON without a repair', () => {
    expect(ids(kw(VAULT, '{"url": "https://v:8200"'), 'error')).toContain('kwargs-invalid');
    expect(ids(kw(VAULT, '["url"]'), 'error')).toContain('kwargs-not-object');
  });
  it('a typo in a kwarg and a kwarg of another backend, renamed in the fix', () => {
    const r = kw(SM, '{"connection_prefix": "airflow/connections", "region_name": "us-east-1", "role_arn": "arn:aws:iam::123456789012:role/x"}');
    expect(ids(r, 'error')).toContain('kwarg-typo');
    expect(r.fixedKwargs).toHaveProperty('connections_prefix', 'airflow/connections');
    const v = kw(AZURE, '{"url": "https://my-vault.vault.azure.net/"}');
    expect(ids(v, 'error')).toContain('kwarg-other-backend');
    expect(v.fixedKwargs).toEqual({ vault_url: 'https://my-vault.vault.azure.net/' });
    expect(ids(kw(GCP, '{"project_id": "my-project-123", "region_name": "x"}'), 'error')).toContain('kwarg-other-backend');
  });
  it('removed Secrets Manager kwargs', () => {
    const r = kw(SM, '{"region_name": "us-east-1", "full_url_mode": false}');
    expect(ids(r, 'warning')).toContain('kwarg-removed');
    expect(r.fixedKwargs).toEqual({ region_name: 'us-east-1' });
  });
  it('a typo in the class path, an unknown class', () => {
    const r = kw('airflow.providers.amazon.aws.secrets.secret_manager.SecretsManagerBackend', '{"region_name": "us-east-1"}');
    expect(r.findings.find((f) => f.id === 'class-typo')?.fix).toBe(SM);
    expect(ids(kw('my_company.secrets.Backend', '{}'), 'warning')).toContain('class-unknown');
  });
  it('Azure: a prefix with "_" is looked up with "-"', () => {
    const r = kw(AZURE, '{"vault_url": "https://kv1.vault.azure.net/", "connections_prefix": "airflow_conns"}');
    expect(r.findings.find((f) => f.id === 'azure-underscore')?.detail).toContain('airflow-conns-my-key');
  });
  it('sep "" on Azure and GCP; Azure credentials half set', () => {
    expect(ids(kw(AZURE, '{"vault_url": "https://kv1.vault.azure.net/", "sep": ""}'), 'error')).toContain('sep-empty');
    expect(ids(kw(GCP, '{"project_id": "my-project-123", "sep": ""}'), 'warning')).toContain('sep-empty');
    expect(ids(kw(AZURE, '{"vault_url": "https://kv1.vault.azure.net/", "client_id": "a", "client_secret": "b"}'), 'error')).toContain('azure-partial-credentials');
  });
  it('GCP key file: a string holding JSON becomes the object; a key without private_key', () => {
    const key = JSON.stringify({ type: 'service_account', private_key: 'k', client_email: 'a@p.iam.gserviceaccount.com' });
    const r = runDoctor(JSON.stringify({ project_id: 'my-project-123', gcp_keyfile_dict: key }));
    expect(ids(r, 'error')).toContain('gcp-keyfile-string');
    expect(r.fixedKwargs?.gcp_keyfile_dict).toEqual(JSON.parse(key));
    expect(ids(runDoctor(JSON.stringify({ project_id: 'my-project-123', gcp_keyfile_dict: { type: 'service_account' } })), 'error')).toContain('gcp-keyfile-incomplete');
  });
  it('Vault: localhost in .env, HCP without namespace, KV version as text, auth without credentials, paths with the mount', () => {
    const local = kw(VAULT, '{"url": "http://127.0.0.1:8200", "auth_type": "approle", "role_id": "r", "secret_id": "s"}');
    expect(local.findings.find((f) => f.id === 'vault-url-localhost')?.fix).toBe('http://host.docker.internal:8200');
    expect(ids(kw(VAULT, '{"url": "https://c.vault.abc.hashicorp.cloud:8200", "auth_type": "approle", "role_id": "r", "secret_id": "s"}'), 'warning')).toContain('vault-hcp-namespace');
    const text = kw(VAULT, '{"url": "https://v:8200", "kv_engine_version": "2", "auth_type": "approle", "role_id": "r", "secret_id": "s"}');
    expect(ids(text, 'error')).toContain('vault-kv-version');
    expect(text.fixedKwargs?.kv_engine_version).toBe(2);
    expect(ids(kw(VAULT, '{"url": "https://v:8200", "auth_type": "approle"}'), 'error')).toContain('vault-approle-role-id');
    expect(ids(kw(VAULT, '{"url": "https://v:8200"}'), 'warning')).toContain('vault-token-missing');
    expect(ids(kw(VAULT, '{"url": "https://v:8200", "auth_type": "aprole", "role_id": "r", "secret_id": "s"}'), 'error')).toContain('vault-auth-type');
    const mount = kw(VAULT, '{"url": "https://v:8200", "mount_point": "airflow", "connections_path": "airflow/connections", "auth_type": "approle", "role_id": "r", "secret_id": "s"}');
    expect(mount.findings.find((f) => f.id === 'vault-path-has-mount')?.detail).toContain('airflow/data/airflow/connections/my_key');
    expect(ids(kw(VAULT, '{"auth_type": "approle", "role_id": "r", "secret_id": "s"}'), 'error')).toContain('vault-url-missing');
  });
  it('AWS: region and role ARN shapes', () => {
    expect(ids(kw(SSM, '{"region_name": "US East"}'), 'error')).toContain('aws-region-shape');
    expect(ids(kw(SSM, '{"region_name": "us-east-1", "role_arn": "arn:aws:iam::123:role/x"}'), 'error')).toContain('aws-role-arn');
  });
  it('worker kwargs that differ from the [secrets] ones', () => {
    const r = runDoctor(env(SSM, '{"region_name": "us-east-1"}') + `AIRFLOW__WORKERS__SECRETS_BACKEND_KWARGS='{"region_name": "eu-west-1"}'\n`);
    expect(ids(r, 'warning')).toContain('worker-kwargs-differ');
  });
  it('nothing to check', () => {
    expect(ids(runDoctor('hello'), 'error')).toEqual(['nothing-found']);
  });
});

describe('lookup names', () => {
  it('follow the pasted kwargs with the provider rules', () => {
    const az = runDoctor(env(AZURE, '{"vault_url": "https://kv1.vault.azure.net/", "variables_prefix": "airflow_vars"}'));
    expect(lookupName(az, 'variable', 'my_var')).toBe('airflow-vars-my-var');
    const v = runDoctor(env(VAULT, '{"url": "https://v:8200", "mount_point": "airflow", "kv_engine_version": 1, "auth_type": "approle", "role_id": "r", "secret_id": "s"}'));
    expect(lookupName(v, 'connection', 'my_db')).toBe('airflow/connections/my_db');
    const ssm = runDoctor(env(SSM, '{"region_name": "us-east-1", "connections_prefix": "airflow/connections"}'));
    expect(lookupName(ssm, 'connection', 'my_db')).toBe('/airflow/connections/my_db');
  });
});

// --- the guides' own output -------------------------------------------------------------------

const SECRET_VALUES: Record<string, string> = {
  secretId: '6f2a1c0e-2b1d-4c3e-9a8b-7d6e5f4a3b2c',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  clientSecret: 'Abc8Q~example.secret_value-1234567890xyz',
  keyfileJson: JSON.stringify({ type: 'service_account', project_id: 'my-project-123', private_key_id: 'abc', private_key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n', client_email: 'airflow@my-project-123.iam.gserviceaccount.com' }),
  connPassword: 'p@ss',
};
const OTHER_VALUES: Record<string, string> = {
  roleId: '0d3a2f1e-5b6c-4d7e-8f9a-0b1c2d3e4f5a',
  tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
  clientId: '4a1b2c3d-5e6f-7081-92a3-b4c5d6e7f809',
  managedIdentityClientId: '9f8e7d6c-5b4a-3928-1706-f5e4d3c2b1a0',
  principalObjectId: '11111111-2222-3333-4444-555555555555',
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  kubernetesRole: 'airflow',
  iamUserName: 'airflow-secrets',
  awsAccountId: '123456789012',
  kubernetesNamespace: 'astro-agent',
  agentChartVersion: '1.4.0',
};
/** Where the form's example shows the shape with placeholders (an AKS issuer is too long to show whole). */
const PROVIDER_VALUES: Partial<Record<ProviderId, Record<string, string>>> = {
  'azure-key-vault': { oidcIssuer: 'https://eastus.oic.prod-aks.azure.com/72f988bf-86f1-41af-91ab-2d7cd011db47/3c8a3e8b-1f0b-4c7e-9d2a-6a1f0e2b9c4d/' },
};

function realisticInput(provider: ProviderId, platform: Platform, authMethod: string): Record<string, string> {
  const input: Record<string, string> = { platform, authMethod };
  for (const f of formFieldsWithoutHelp(provider, platform, authMethod)) {
    if (f.name === 'airflowVersion') continue;
    // GCP's impersonation from the Deployment's own identity: that identity is not in the kwargs
    // (only the impersonated account is), so no configuration can bring it back into a link.
    if (f.name === 'deploymentIdentity') continue;
    // What a reader types: fields left at their default are not typed.
    const v = SECRET_VALUES[f.name] ?? PROVIDER_VALUES[provider]?.[f.name] ?? OTHER_VALUES[f.name] ?? f.example;
    if (v !== undefined && v !== '' && v !== f.default) input[f.name] = v;
  }
  return input;
}

const TARGETS: [snippet: string, format: InputFormat][] = [
  ['env-file', 'env'],
  ['dockerfile', 'dockerfile'],
  ['values-yaml', 'values-yaml'],
  ['software-env-vars', 'ui'],
  ['deploy-astro', 'astro-command'],
  ['backend-kwargs', 'kwargs'],
];

describe("the guides' own settings", () => {
  it('the doctor builds the same URL schema as the guide page', () => {
    for (const p of providerIds) {
      const spec = guideSpec(p);
      const schema = guideUrlSchema(p);
      expect([...schema.fields].sort()).toEqual([...spec.fields].sort());
      expect(schema.defaults).toEqual(spec.defaults);
      expect(schema.auth).toEqual(spec.auth);
    }
  });

  for (const provider of providerIds)
    for (const platform of platforms)
      for (const authMethod of authMethods(provider, platform).values)
        it(`${provider} on ${platform} with ${authMethod}: clean, and the link regenerates the same kwargs`, () => {
          const input = realisticInput(provider, platform, authMethod);
          const original = generate(provider, input);
          expect(original.problems.filter((p) => p.severity === 'error')).toEqual([]);
          const kwargsOf = (r: typeof original) => r.snippets.find((s) => s.id === 'backend-kwargs')!.code;
          let checked = 0;
          for (const [id, format] of TARGETS) {
            const snippet = original.snippets.find((s) => s.id === id);
            if (!snippet) continue;
            checked++;
            expect(detectFormat(snippet.code), id).toBe(format);
            const report = runDoctor(snippet.code, { platform });
            expect(errors(report), `${id}: ${JSON.stringify(report.findings)}`).toEqual([]);
            // The one warning allowed: credentials in a Dockerfile (the guide says it is for a local test only).
            expect(report.findings.filter((f) => f.severity === 'warning' && !(format === 'dockerfile' && f.id === 'credentials-in-kwargs')), id).toEqual([]);
            expect(report.provider).toBe(provider);
            // The link: the guide's own URL format, non-secret values only.
            const url = new URL(report.guideLink!, 'https://example.com');
            expect(url.pathname).toBe(`/${provider}/`);
            for (const s of secretFields) expect(url.searchParams.has(s)).toBe(false);
            for (const s of Object.values(SECRET_VALUES)) expect(decodeURIComponent(url.search)).not.toContain(s);
            const parsed = parseQuery(url.search, guideUrlSchema(provider));
            // The reader enters the secrets again; everything else comes from the link.
            const secrets = Object.fromEntries(secretFields.flatMap((s) => (input[s] ? [[s, input[s]]] : [])));
            const again = generate(provider, { ...parsed.values, ...secrets, platform: parsed.platform ?? 'astro', authMethod: parsed.authPref ?? '' });
            // The local .env of Vault Kubernetes auth signs in with the local AppRole: its link is that setup.
            const local = id === 'env-file' && provider === 'hashicorp-vault' && authMethod === 'kubernetes';
            const expected = local ? generate(provider, { ...input, authMethod: 'approle' }) : original;
            expect(kwargsOf(again), `${id} -> ${report.guideLink}`).toBe(kwargsOf(expected));
          }
          expect(checked).toBeGreaterThanOrEqual(2);
        });

  it('Azure on Software with the service principal in AZURE_* variables: clean, and the link opens that form (no secret in it)', () => {
    const input: Record<string, string> = { ...realisticInput('azure-key-vault', 'software', 'client-secret'), credentialsIn: 'environment' };
    const original = generate('azure-key-vault', input);
    for (const id of ['dockerfile', 'software-env-vars']) {
      const report = runDoctor(original.snippets.find((s) => s.id === id)!.code, { platform: 'software' });
      expect(errors(report), id).toEqual([]);
      const url = new URL(report.guideLink!, 'https://example.com');
      expect(decodeURIComponent(url.search)).not.toContain(input.clientSecret);
      const parsed = parseQuery(url.search, guideUrlSchema('azure-key-vault'));
      expect(parsed.platform, id).toBe('software');
      expect(parsed.values, id).toMatchObject({ credentialsIn: 'environment', clientId: input.clientId, tenantId: input.tenantId });
      const again = generate('azure-key-vault', { ...parsed.values, clientSecret: input.clientSecret, platform: 'software', authMethod: parsed.authPref ?? '' });
      expect(again.snippets.find((s) => s.id === 'dockerfile')!.code, id).toBe(original.snippets.find((s) => s.id === 'dockerfile')!.code);
    }
  });
});

// --- hostile input ------------------------------------------------------------------------------

describe('hostile input', () => {
  const formats: (InputFormat | undefined)[] = [undefined, 'env', 'dockerfile', 'values-yaml', 'ui', 'kwargs', 'astro-command'];
  it('arbitrary and hostile text never throws, in any format', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.string({ unit: 'binary', maxLength: 300 }), fc.constantFrom('{', '[', '"', "'", '\\', '<', '&a', '*a', '---', 'ENV', 'Key:')), fc.constantFrom(...formats), (text, format) => {
        const r = runDoctor(text, format ? { format } : {});
        expect(Array.isArray(r.findings)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
  it('hostile values inside real settings: the corrected lines read back exactly, in every format', () => {
    fc.assert(
      fc.property(hostileString, hostileString, (prefix, secret) => {
        const kw = { region_name: 'us-east-1', connections_prefix: prefix, aws_secret_access_key: secret };
        for (const format of ['env', 'dockerfile', 'values-yaml', 'astro-command', 'ui', 'kwargs'] as const) {
          const lines = correctedLines(format, SM, kw, new Set(), undefined);
          const read = readPaste(lines.code, format);
          const backend = read.settings.find((x) => x.name === 'AIRFLOW__SECRETS__BACKEND');
          if (format !== 'kwargs') expect(backend?.value, format).toBe(SM);
          const kwargs = read.settings.find((x) => x.name === 'AIRFLOW__SECRETS__BACKEND_KWARGS');
          expect(JSON.parse(kwargs!.value), `${format}: ${lines.code}`).toEqual(kw);
        }
      }),
      { numRuns: 150 },
    );
  });
  it('deep nesting and huge pastes are bounded', () => {
    const deep = '['.repeat(100_000);
    expect(readKwargs(deep).ok).toBe(false);
    const t0 = performance.now();
    const r = runDoctor(`AIRFLOW__SECRETS__BACKEND_KWARGS=${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}\n`);
    expect(ids(r, 'error').some((id) => id === 'kwargs-invalid')).toBe(true);
    const big = runDoctor('x'.repeat(1_000_000));
    expect(big.findings[0].id).toBe('paste-cut');
    expect(performance.now() - t0).toBeLessThan(20_000);
  });
});
