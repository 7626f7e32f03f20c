/**
 * Example-based tests for every provider x platform x auth method. The expected facts are
 * written by hand from the reference sheet (class paths, names, IAM actions, policy paths,
 * commands), not copied from the generator's output.
 */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  authMethods,
  formFields,
  generate,
  lookupNames,
  platforms,
  providerIds,
  providers,
  secretFields,
  validateInput,
  type GenerateResult,
  type Platform,
  type ProviderId,
} from '../../../src/generators/index.ts';
import { HELP_MAX_CHARS } from '../../../src/generators/field-help.ts';
import { PLATFORMS, PLATFORM_LABELS, PROVIDER_IDS } from '../../../src/generators/types.ts';
import { AUTH_METHODS } from '../helpers/intended.ts';

const COMMON = ['connection-uri', 'connection-json', 'write-variable', 'write-connection', 'verify-secrets', 'requirements', 'backend-kwargs'];
/** The last snippets of each platform's guide; deleting the test secrets always comes last. */
const TAIL: Record<Platform, string[]> = {
  astro: ['env-file', 'example-dag', 'deploy-astro', 'delete-secrets'],
  'remote-execution': ['env-file', 'example-dag', 'values-yaml', 'helm-upgrade', 'delete-secrets'],
  software: ['dockerfile', 'example-dag', 'software-env-vars', 'delete-secrets'],
};
const awsTrust = (a: string, p: Platform) =>
  a !== 'role' ? [] : [...(p === 'remote-execution' ? ['eks-oidc-issuer'] : []), 'iam-trust-policy', 'iam-create-role'];
const PROVIDER_IDS_EXTRA: Record<ProviderId, (auth: string, platform: Platform) => string[]> = {
  // Kubernetes auth on the agents: the local containers test with an AppRole of their own.
  'hashicorp-vault': (a) => ['vault-enable-kv', 'vault-policy', 'vault-write-policy', ...(a === 'kubernetes' ? ['vault-kubernetes-auth'] : []), 'vault-approle'],
  // The role is created here: on Astro trusting the Deployment's workload identity, on Remote
  // Execution the agents' service accounts through the cluster's OIDC issuer (found first).
  // On Astro the role trusts the reader's own sign-in for the local tests; a command takes it out after.
  'aws-parameter-store': (a, p) => ['iam-policy', ...awsTrust(a, p), 'iam-attach-policy', ...(a === 'role' && p === 'astro' ? ['iam-trust-restore'] : [])],
  'aws-secrets-manager': (a, p) => ['iam-policy', ...awsTrust(a, p), 'iam-attach-policy', ...(a === 'role' && p === 'astro' ? ['iam-trust-restore'] : [])],
  // Astro workload identity: impersonating the service account from the Deployment's own identity is offered too.
  'gcp-secret-manager': (a, p) => ['gcp-service-account', 'gcp-grant-access', ...(p === 'astro' && a === 'workload-identity' ? ['gcp-impersonation'] : [])],
  // Remote Execution with a managed identity: the identity and its federated credentials first.
  // A managed identity signs in only inside Azure: local tests get a service principal of their own.
  'azure-key-vault': (a, p) => [
    ...(p === 'remote-execution' && a === 'managed-identity' ? ['azure-federated-credentials'] : []),
    'azure-grant-access',
    ...(a === 'managed-identity' ? ['azure-local-credentials'] : []),
  ],
};

const AUTH = AUTH_METHODS;

const CLASS: Record<ProviderId, string> = {
  'hashicorp-vault': 'airflow.providers.hashicorp.secrets.vault.VaultBackend',
  'aws-parameter-store': 'airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend',
  'aws-secrets-manager': 'airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend',
  'gcp-secret-manager': 'airflow.providers.google.cloud.secrets.secret_manager.CloudSecretManagerBackend',
  'azure-key-vault': 'airflow.providers.microsoft.azure.secrets.key_vault.AzureKeyVaultBackend',
};
const PACKAGE: Record<ProviderId, string> = {
  'hashicorp-vault': 'apache-airflow-providers-hashicorp',
  'aws-parameter-store': 'apache-airflow-providers-amazon',
  'aws-secrets-manager': 'apache-airflow-providers-amazon',
  'gcp-secret-manager': 'apache-airflow-providers-google',
  'azure-key-vault': 'apache-airflow-providers-microsoft-azure',
};
/**
 * Minimum provider versions pinned in requirements.txt, from the microsoft-azure provider changelog:
 * 8.0.0 added the tenant_id/client_id/client_secret kwargs (#34706), 8.2.0 made DefaultAzureCredential
 * configurable with managed_identity_client_id/workload_identity_tenant_id (#35052).
 */
const MIN_VERSION: Partial<Record<ProviderId, (auth: string) => string>> = {
  'azure-key-vault': (a) => (a === 'managed-identity' ? '>=8.2.0' : '>=8.0.0'),
  // Backend kwargs reach the AWS connection (role_arn, region_name, keys) since 5.1.0 (amazon changelog, #25628).
  'aws-parameter-store': () => '>=5.1.0',
  'aws-secrets-manager': () => '>=5.1.0',
};
/** Names Airflow requests for variable my_var / connection my_db with default prefixes (sheet sections 1-5; Vault with mount airflow). */
const NAMES: Record<ProviderId, { variable: string; connection: string }> = {
  'hashicorp-vault': { variable: 'airflow/data/variables/my_var', connection: 'airflow/data/connections/my_db' },
  'aws-parameter-store': { variable: '/airflow/variables/my_var', connection: '/airflow/connections/my_db' },
  'aws-secrets-manager': { variable: 'airflow/variables/my_var', connection: 'airflow/connections/my_db' },
  'gcp-secret-manager': { variable: 'airflow-variables-my_var', connection: 'airflow-connections-my_db' },
  'azure-key-vault': { variable: 'airflow-variables-my-var', connection: 'airflow-connections-my-db' },
};

const KEYFILE = {
  type: 'service_account',
  project_id: 'my-project-123',
  private_key_id: 'abc',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n',
  client_email: 'airflow@my-project-123.iam.gserviceaccount.com',
};

const FULL = {
  deploymentId: 'cl03oiq7d80402nwn7fsl3dmv',
  variableKey: 'my_var',
  variableValue: 'hello world',
  connectionId: 'my_db',
  connHost: 'db.example.com',
  connLogin: 'airflow',
  connPassword: 'p@ss word',
  connPort: '5432',
  connSchema: 'app',
  vaultUrl: 'https://vault.example.com:8200',
  roleId: '11111111-2222-3333-4444-555555555555',
  secretId: '66666666-7777-8888-9999-000000000000',
  region: 'us-east-1',
  roleArn: 'arn:aws:iam::123456789012:role/airflow-secrets',
  accessKeyId: 'AKIAABCDEFGHIJKLMNOP',
  secretAccessKey: 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN',
  iamUserName: 'airflow',
  projectId: 'my-project-123',
  serviceAccountEmail: 'airflow@my-project-123.iam.gserviceaccount.com',
  keyfileJson: JSON.stringify(KEYFILE, null, 2),
  tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  clientId: '12345678-1234-1234-1234-123456789012',
  clientSecret: 's3cr3t~value',
  managedIdentityClientId: 'fedcba98-7654-3210-fedc-ba9876543210',
  kubernetesNamespace: 'astro-agents',
  agentChartVersion: '1.4.0',
  kubernetesServiceAccount: 'astro-agent',
  kubernetesHost: 'https://203.0.113.10:443',
};

const combos = providerIds.flatMap((p) => platforms.flatMap((pl) => AUTH[p][pl].map((a) => [p, pl, a] as const)));

function code(r: GenerateResult, id: string): string {
  const s = r.snippets.find((x) => x.id === id);
  if (!s) throw new Error('missing snippet ' + id);
  return s.code;
}

/** The kwargs object from the .env / Dockerfile / values.yaml line (single-quoted JSON). */
function kwargsFrom(r: GenerateResult): Record<string, unknown> {
  return JSON.parse(code(r, 'backend-kwargs')) as Record<string, unknown>;
}

describe('every provider x platform x auth method', () => {
  it('covers the 19 combinations of the issue', () => {
    expect(combos).toHaveLength(19);
    for (const p of providerIds) for (const pl of platforms) expect(authMethods(p, pl).values).toEqual(AUTH[p][pl]);
  });

  describe.each(combos)('%s on %s with %s', (p, platform, authMethod) => {
    const vaultUrl = p === 'azure-key-vault' ? 'https://my-vault.vault.azure.net/' : FULL.vaultUrl;
    const r = generate(p, { ...FULL, vaultUrl, platform, authMethod });

    it('downloads are whole files under the names the commands use; parts of a file say so and have no download', () => {
      const commands = r.snippets.filter((x) => x.lang === 'sh').map((x) => x.code).join('\n');
      // Lines to add to a file that holds more (the agents' values, the Dockerfile, requirements.txt).
      const parts = r.snippets.filter((x) => x.use === 'add').map((x) => x.id);
      expect(parts).toEqual(['requirements', ...(platform === 'software' ? ['dockerfile'] : []), ...(platform === 'remote-execution' ? ['values-yaml'] : [])]);
      for (const x of r.snippets.filter((y) => y.use === 'add')) expect(x.title).toMatch(new RegExp(`^Add .*${x.filename!.replace('.', '\\.')}$`));
      // A file a command reads is downloaded under the name the command gives.
      for (const x of r.snippets.filter((y) => y.filename && !y.use && (y.lang === 'json' || y.lang === 'hcl'))) expect(commands).toContain(x.filename!.slice(x.filename!.lastIndexOf('/') + 1));
      // helm reads the whole values file the part is merged into, never the part alone.
      if (platform === 'remote-execution') expect(code(r, 'helm-upgrade')).toMatch(/ -f values\.yaml /);
      // The formatted kwargs are for reading only.
      expect(r.snippets.find((x) => x.id === 'backend-kwargs')?.use).toBe('read');
    });

    it('has exactly the contract snippet ids, in guide order', () => {
      const ids = r.snippets.map((s) => s.id);
      // Right after the .env, the local containers get the reader's own AWS or gcloud sign-in
      // (Vault: the host entry for a Vault on the reader's computer; Kubernetes auth tests locally
      // with an AppRole, so it gets it too).
      const override = ['role', 'workload-identity', 'approle', 'kubernetes'].includes(authMethod) && platform !== 'software';
      const tail = TAIL[platform]
        .flatMap((id) => (id === 'env-file' && override ? [id, 'compose-override'] : [id]));
      expect(new Set(ids)).toEqual(new Set([...PROVIDER_IDS_EXTRA[p](authMethod, platform), ...COMMON, ...tail]));
      expect(ids.indexOf('write-variable')).toBeLessThan(ids.indexOf('verify-secrets'));
      expect(ids.indexOf('requirements')).toBeLessThan(ids.indexOf('example-dag'));
      if (p === 'gcp-secret-manager') expect(ids.indexOf('gcp-service-account')).toBeLessThan(ids.indexOf('gcp-grant-access'));
      expect(ids.slice(-tail.length)).toEqual(tail);
    });

    it('has no problems for valid input', () => {
      const problems = r.problems.filter((x) => x.severity === 'error');
      expect(problems).toEqual([]);
    });

    it('uses the current class path and provider package only', () => {
      const all = r.snippets.map((s) => s.code).join('\n');
      // Comments may name the old forms (the Airflow 2 DAG says what to write before 2.4); code must not use them.
      const code_ = all.split('\n').filter((l) => !l.trimStart().startsWith('#')).join('\n');
      expect(code_).not.toMatch(/airflow\.contrib|azure_key_vault|schedule_interval/);
      expect(all).not.toMatch(/undefined|NaN|\[object Object\]/);
      expect(code(r, 'requirements').trim()).toBe(PACKAGE[p] + (MIN_VERSION[p]?.(authMethod) ?? ''));
      expect(providers[p].backendClass).toBe(CLASS[p]);
      if (platform === 'software') {
        expect(code(r, 'dockerfile')).toContain(`ENV AIRFLOW__SECRETS__BACKEND='${CLASS[p]}'`);
        expect(code(r, 'software-env-vars')).toContain(CLASS[p]);
      } else if (authMethod !== 'kubernetes') {
        expect(code(r, 'env-file')).toContain(`AIRFLOW__SECRETS__BACKEND='${CLASS[p]}'`);
      }
      if (platform === 'remote-execution') expect(parseYaml(code(r, 'values-yaml')).secretBackend).toBe(CLASS[p]);
      if (platform === 'astro') expect(code(r, 'deploy-astro')).toContain(`AIRFLOW__SECRETS__BACKEND=${CLASS[p]}`);
    });

    it('writes, reads and documents the names Airflow looks up', () => {
      expect(lookupNames(p, { ...FULL, platform, authMethod })).toEqual(NAMES[p]);
      if (p !== 'hashicorp-vault') {
        expect(code(r, 'write-variable')).toContain(NAMES[p].variable);
        expect(code(r, 'write-connection')).toContain(NAMES[p].connection);
        expect(code(r, 'verify-secrets')).toContain(NAMES[p].variable);
      }
    });

    it('deletes exactly the two test secrets it wrote, last', () => {
      const del = r.snippets.at(-1)!;
      expect(del).toMatchObject({ id: 'delete-secrets', lang: 'sh', title: 'Delete the test secrets' });
      const commands = del.code.replace(/\\\n\s*/g, ' ').split('\n').filter((l) => l && !l.startsWith('#'));
      // Vault addresses the secrets as -mount=<mount> <path>/<key>; the others by full name.
      const [v, c] = p === 'hashicorp-vault' ? ['variables/my_var', 'connections/my_db'] : [NAMES[p].variable, NAMES[p].connection];
      expect(commands.join('\n')).toContain(v);
      expect(commands.join('\n')).toContain(c);
      expect(commands.join('\n')).not.toContain('<your-');
      expect(commands.every((l) => /^(vault kv metadata delete|aws ssm delete-parameter|aws secretsmanager delete-secret|gcloud secrets delete|az keyvault secret delete) /.test(l))).toBe(true);
    });

    it('deploys the kwargs as one line of JSON, quoted for each target', () => {
      const kw = kwargsFrom(r);
      const line = JSON.stringify(kw);
      if (platform === 'astro') {
        const deploy = code(r, 'deploy-astro');
        expect(deploy).toMatch(/--secret \\\n\s+AIRFLOW__SECRETS__BACKEND_KWARGS='\{/);
        expect(deploy).toContain("astro deploy --deployment-id=cl03oiq7d80402nwn7fsl3dmv");
        const m = /AIRFLOW__SECRETS__BACKEND_KWARGS='([^'\n]*)'/.exec(deploy);
        expect(JSON.parse(m![1])).toEqual(kw);
      }
      if (platform === 'remote-execution') {
        const v = parseYaml(code(r, 'values-yaml'));
        // Workers read [workers] secrets_backend_kwargs when their backend is set in [workers] (sheet section 0).
        expect(v.commonEnv.map((e: { name: string }) => e.name)).toEqual(['AIRFLOW__SECRETS__BACKEND_KWARGS', 'AIRFLOW__WORKERS__SECRETS_BACKEND_KWARGS']);
        for (const e of v.commonEnv) expect(JSON.parse(e.value)).toEqual(kw);
        expect(commandLines(code(r, 'helm-upgrade'))).toEqual([
          'helm list --namespace=astro-agents',
          // The release name comes from input: it goes after --, with the chart.
          'helm upgrade --namespace=astro-agents --version=1.4.0 -f values.yaml -- astro-agent astronomer/astro-remote-execution-agent',
        ]);
      }
      expect(line).not.toContain('None');
    });

    it('has an example DAG for the right Airflow version', () => {
      const dag = code(r, 'example-dag');
      expect(dag).toContain('schedule=None');
      expect(dag).toContain('"my_var"');
      expect(dag).toContain('"my_db"');
      expect(dag).toContain('from airflow.sdk import');
      expect(dag).toContain('Variable.get("my_var", default=None)');
      expect(dag).toContain('Connection.get("my_db")');
      expect(dag).not.toContain('default_var');
    });

    it('has well-formed slots', () => {
      for (const s of r.snippets) {
        let end = 0;
        for (const slot of s.slots) {
          expect(slot.start).toBeGreaterThanOrEqual(end);
          expect(slot.end).toBeGreaterThanOrEqual(slot.start);
          expect(slot.end).toBeLessThanOrEqual(s.code.length);
          end = slot.end;
        }
        expect(s.code).not.toMatch(/[\uE000-\uE002]/);
      }
      const write = r.snippets.find((s) => s.id === 'example-dag')!;
      const keySlot = write.slots.find((x) => x.field === 'variableKey')!;
      // The slot is the whole Python literal, quotes included (the layout never depends on quoting).
      expect(write.code.slice(keySlot.start, keySlot.end)).toBe('"my_var"');
    });
  });
});

describe('the test connection', () => {
  it('a login without a password is said next to the login, and the URI has no password part, never a placeholder', () => {
    for (const p of providerIds) {
      const r = generate(p, { connType: 'postgres', connHost: 'db.example.com', connLogin: 'airflow' });
      expect(r.problems).toContainEqual(expect.objectContaining({ field: 'connLogin', severity: 'warning', message: expect.stringMatching(/no password/i) }));
      const uri = r.snippets.find((s) => s.id === 'connection-uri')?.code.trim();
      expect(uri).toBe('postgres://airflow@db.example.com');
      const withPassword = generate(p, { connType: 'postgres', connHost: 'db.example.com', connLogin: 'airflow', connPassword: 'pw' });
      expect(withPassword.problems.filter((x) => x.field === 'connLogin')).toEqual([]);
      expect(generate(p, { connType: 'postgres', connHost: 'db.example.com' }).problems.filter((x) => x.field === 'connLogin')).toEqual([]);
    }
  });
});

describe('HashiCorp Vault facts', () => {
  const base = { ...FULL, platform: 'astro' };
  it('policy grants read on exactly <mount>/data/<path>/* for KV v2', () => {
    const r = generate('hashicorp-vault', base);
    const policy = code(r, 'vault-policy');
    expect(policy.match(/^path "[^"]*"/gm)).toEqual(['path "airflow/data/connections/*"', 'path "airflow/data/variables/*"']);
    expect(policy.match(/capabilities = \[[^\]]*\]/g)).toEqual(['capabilities = ["read"]', 'capabilities = ["read"]']);
    expect(r.snippets.find((s) => s.id === 'vault-policy')!.filename).toBe('airflow-secrets-read.hcl');
    expect(code(r, 'vault-write-policy').trim()).toBe('vault policy write -- airflow-secrets-read airflow-secrets-read.hcl');
  });
  it('KV v1 uses <mount>/<path>/* and -version=1', () => {
    const r = generate('hashicorp-vault', { ...base, kvVersion: 1, mountPoint: 'kv', variablesPath: 'vars' });
    expect(code(r, 'vault-policy').match(/^path "[^"]*"/gm)).toEqual(['path "kv/connections/*"', 'path "kv/vars/*"']);
    expect(code(r, 'vault-enable-kv')).toContain('vault secrets enable -path=kv -version=1 kv');
    expect(kwargsFrom(r)).toMatchObject({ kv_engine_version: 1, mount_point: 'kv', variables_path: 'vars' });
  });
  it('enables AppRole once, creates the role with the policy, reads role-id and a secret-id', () => {
    const r = generate('hashicorp-vault', base);
    const all = r.snippets.map((s) => s.code).join('\n');
    expect(all.match(/^vault auth enable approle$/gm)).toHaveLength(1);
    const approle = code(r, 'vault-approle');
    expect(approle).toContain('vault write auth/approle/role/airflow token_policies=airflow-secrets-read');
    expect(approle).toContain('vault read -field=role_id auth/approle/role/airflow/role-id');
    expect(approle).toContain('vault write -f -field=secret_id auth/approle/role/airflow/secret-id');
    expect(kwargsFrom(r)).toEqual({
      connections_path: 'connections',
      variables_path: 'variables',
      mount_point: 'airflow',
      kv_engine_version: 2,
      url: 'https://vault.example.com:8200',
      auth_type: 'approle',
      role_id: FULL.roleId,
      secret_id: FULL.secretId,
    });
  });
  it('stores the variable under key value and the connection under conn_uri at <path>/<key>', () => {
    const r = generate('hashicorp-vault', base);
    expect(code(r, 'write-variable')).toContain("printf '%s' 'hello world' | vault kv put -mount=airflow -- variables/my_var value=-");
    expect(code(r, 'write-connection')).toContain(
      "printf '%s' postgres://airflow:p%40ss%20word@db.example.com:5432/app | vault kv put -mount=airflow -- connections/my_db conn_uri=-",
    );
    expect(code(r, 'verify-secrets')).toBe('vault kv get -mount=airflow -- variables/my_var\nvault kv get -mount=airflow -- connections/my_db\n');
  });
  it('Kubernetes auth (Remote Execution): kwargs and role', () => {
    const r = generate('hashicorp-vault', { ...FULL, platform: 'remote-execution', authMethod: 'kubernetes', kubernetesAuthMount: 'k8s-agents' });
    expect(kwargsFrom(r)).toMatchObject({ auth_type: 'kubernetes', kubernetes_role: 'airflow', auth_mount_point: 'k8s-agents' });
    expect(kwargsFrom(r)).not.toHaveProperty('role_id');
    const k = code(r, 'vault-kubernetes-auth');
    expect(k).toContain('vault auth enable -path=k8s-agents kubernetes');
    expect(k).toContain('vault write auth/k8s-agents/config kubernetes_host=https://203.0.113.10:443');
    expect(k).toMatch(/vault write \\\n\s+auth\/k8s-agents\/role\/airflow \\\n\s+bound_service_account_names=astro-agent \\\n\s+bound_service_account_namespaces=astro-agents \\\n\s+token_policies=airflow-secrets-read/);
  });
  it('adds namespace only when given', () => {
    expect(kwargsFrom(generate('hashicorp-vault', { ...base, namespace: 'admin' })).namespace).toBe('admin');
    expect(kwargsFrom(generate('hashicorp-vault', base))).not.toHaveProperty('namespace');
  });
  it('warns about localhost and KV v1 on secret/', () => {
    const p = validateInput('hashicorp-vault', { ...base, vaultUrl: 'http://localhost:8200', kvVersion: '1', mountPoint: 'secret' });
    expect(p).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'vaultUrl', severity: 'warning' }),
        expect.objectContaining({ field: 'kvVersion', severity: 'warning' }),
      ]),
    );
  });
});

describe('Azure facts', () => {
  it('Remote Execution, managed identity: the identity, the AKS issuer, and one federated credential per agent service account', () => {
    const issuer = 'https://eastus.oic.prod-aks.azure.com/11111111-2222-3333-4444-555555555555/66666666-7777-8888-9999-000000000000/';
    const base = {
      platform: 'remote-execution',
      authMethod: 'managed-identity',
      managedIdentityName: 'airflow-agents',
      resourceGroup: 'airflow-rg',
      aksClusterName: 'agents-aks',
      aksResourceGroup: 'agents-rg',
      oidcIssuer: issuer,
      kubernetesNamespace: 'astro-agents',
      kubernetesServiceAccount: 'agent-worker, agent.triggerer',
    };
    const r = generate('azure-key-vault', base);
    expect(r.problems).toEqual([]);
    const text = code(r, 'azure-federated-credentials');
    expect(text).toMatch(/^az aks show \\\n\s+--name=agents-aks \\\n\s+--resource-group=agents-rg \\\n\s+--query oidcIssuerProfile\.issuerUrl \\\n\s+--output tsv$/m);
    expect(text).toMatch(/^# az aks update --name=agents-aks --resource-group=agents-rg --enable-oidc-issuer --enable-workload-identity$/m);
    expect(text).toMatch(/^namespace=astro-agents\naccounts=\(agent-worker agent\.triggerer\)\nfor sa in "\$\{accounts\[@\]\}"; do\n/m);
    expect(text).toContain(`--issuer=${issuer} \\`);
    expect(text).toContain('--subject="system:serviceaccount:$namespace:$sa" \\');
    expect(text).toContain('--audiences api://AzureADTokenExchange\ndone');
    // Client secret and Astro have nothing to federate here.
    expect(generate('azure-key-vault', { ...base, authMethod: 'client-secret' }).snippets.map((s) => s.id)).not.toContain('azure-federated-credentials');
    expect(generate('azure-key-vault', { ...base, platform: 'astro' }).snippets.map((s) => s.id)).not.toContain('azure-federated-credentials');
    const bad = generate('azure-key-vault', { ...base, oidcIssuer: 'eastus.oic.prod-aks.azure.com/x', managedIdentityName: 'a', aksClusterName: '-x' }).problems;
    for (const field of ['oidcIssuer', 'managedIdentityName', 'aksClusterName']) expect(bad).toContainEqual(expect.objectContaining({ field, severity: 'error' }));
    expect(generate('azure-key-vault', { ...base, oidcIssuer: 'https://oidc.eks.us-east-1.amazonaws.com/id/X' }).problems).toContainEqual(
      expect.objectContaining({ field: 'oidcIssuer', severity: 'warning' }),
    );
  });
});

describe('AWS facts', () => {
  it('Remote Execution role (IRSA): the cluster issuer found and registered, a web-identity trust policy for the agent service accounts, the role created with it', () => {
    const issuer = 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
    const host = 'oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE';
    const base = { platform: 'remote-execution', region: 'eu-west-1', roleArn: 'arn:aws:iam::123456789012:role/agents-read', eksClusterName: 'prod-agents', oidcIssuer: issuer, kubernetesNamespace: 'astro-agents' };
    for (const provider of ['aws-parameter-store', 'aws-secrets-manager'] as const) {
      const trust = (sub: string[]) => ({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'RemoteExecutionAgents',
            Effect: 'Allow',
            Principal: { Federated: `arn:aws:iam::123456789012:oidc-provider/${host}` },
            Action: 'sts:AssumeRoleWithWebIdentity',
            Condition: { StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com' }, StringLike: { [`${host}:sub`]: sub } },
          },
        ],
      });
      // Without names, any service account of the agent namespace; with names, exactly those.
      const all = generate(provider, base);
      expect(JSON.parse(code(all, 'iam-trust-policy'))).toEqual(trust(['system:serviceaccount:astro-agents:*']));
      const some = generate(provider, { ...base, kubernetesServiceAccount: 'agent-worker, agent-triggerer' });
      expect(JSON.parse(code(some, 'iam-trust-policy'))).toEqual(trust(['system:serviceaccount:astro-agents:agent-worker', 'system:serviceaccount:astro-agents:agent-triggerer']));
      expect(some.problems).toEqual([]);
      const find = code(all, 'eks-oidc-issuer');
      expect(find).toMatch(/^aws eks describe-cluster \\\n\s+--name=prod-agents \\\n\s+--region=eu-west-1 \\\n\s+--query cluster\.identity\.oidc\.issuer \\\n\s+--output text$/m);
      expect(find).toMatch(/^eksctl utils associate-iam-oidc-provider \\\n\s+--cluster=prod-agents \\\n\s+--region=eu-west-1 \\\n\s+--approve$/m);
      expect(find).toMatch(/^kubectl get serviceaccounts --namespace=astro-agents$/m);
      expect(code(all, 'iam-create-role')).toMatch(/^aws iam create-role \\\n\s+--role-name=agents-read \\\n\s+--assume-role-policy-document file:\/\/trust-policy\.json$/m);
      // The kwargs carry no role_arn: IRSA gives the pods the role (values.yaml annotation).
      expect(code(all, 'backend-kwargs')).not.toContain('role_arn');
    }
    const bad = generate('aws-secrets-manager', { ...base, oidcIssuer: 'oidc.eks.eu-west-1.amazonaws.com/id/X', eksClusterName: '-x', kubernetesServiceAccount: 'Bad_Name' }).problems;
    for (const field of ['oidcIssuer', 'eksClusterName', 'kubernetesServiceAccount']) expect(bad).toContainEqual(expect.objectContaining({ field, severity: 'error' }));
    expect(generate('aws-secrets-manager', { ...base, oidcIssuer: 'https://issuer.example.com/x' }).problems).toContainEqual(expect.objectContaining({ field: 'oidcIssuer', severity: 'warning' }));
  });

  it('Astro role: a trust policy that lets exactly the Deployment workload identity and the reader assume the role, and the role created with it', () => {
    const identity = 'arn:aws:iam::210987654321:role/AirflowS3Logs-clmk2qqia000008mhff3ndjr0';
    const me = 'arn:aws:iam::123456789012:user/jane';
    for (const provider of ['aws-parameter-store', 'aws-secrets-manager'] as const) {
      const r = generate(provider, { platform: 'astro', roleArn: 'arn:aws:iam::123456789012:role/airflow-secrets', workloadIdentityArn: identity, localPrincipalArn: me });
      expect(JSON.parse(code(r, 'iam-trust-policy'))).toEqual({
        Version: '2012-10-17',
        Statement: [
          { Sid: 'AstroDeploymentWorkloadIdentity', Effect: 'Allow', Principal: { AWS: identity }, Action: 'sts:AssumeRole' },
          { Sid: 'LocalTests', Effect: 'Allow', Principal: { AWS: me }, Action: 'sts:AssumeRole' },
        ],
      });
      expect(r.snippets.find((s) => s.id === 'iam-trust-policy')?.filename).toBe('trust-policy.json');
      const create = code(r, 'iam-create-role');
      expect(create).toMatch(/^aws iam create-role \\\n\s+--role-name=airflow-secrets \\\n\s+--assume-role-policy-document file:\/\/trust-policy\.json$/m);
      expect(create).toMatch(/^# aws iam update-assume-role-policy --role-name=airflow-secrets --policy-document file:\/\/trust-policy\.json$/m);
      expect(r.problems.filter((p) => p.field === 'workloadIdentityArn')).toEqual([]);
      // Software (access keys) has no role to create.
      const ids = generate(provider, { platform: 'software' }).snippets.map((s) => s.id);
      expect(ids).not.toContain('iam-trust-policy');
      expect(ids).not.toContain('iam-create-role');
    }
    const empty = generate('aws-secrets-manager', { platform: 'astro' });
    expect(JSON.parse(code(empty, 'iam-trust-policy')).Statement[0].Principal.AWS).toBe('<your-workload-identity-arn>');
    expect(generate('aws-secrets-manager', { platform: 'astro', workloadIdentityArn: 'not an arn' }).problems).toContainEqual(
      expect.objectContaining({ field: 'workloadIdentityArn', severity: 'error' }),
    );
  });
  it('Astro role, after the local tests: one command gives the role the Deployment\'s trust alone; a session ARN is refused', () => {
    const identity = 'arn:aws:iam::210987654321:role/AirflowS3Logs-x';
    const r = generate('aws-parameter-store', { platform: 'astro', roleArn: 'arn:aws:iam::123456789012:role/airflow-secrets', workloadIdentityArn: identity, localPrincipalArn: 'arn:aws:iam::123456789012:user/jane' });
    const restore = code(r, 'iam-trust-restore');
    const doc = /--policy-document='([^']*)'$/m.exec(restore);
    expect(restore).toMatch(/^aws iam update-assume-role-policy \\\n\s+--role-name=airflow-secrets \\\n\s+--policy-document='/m);
    expect(JSON.parse(doc![1])).toEqual({
      Version: '2012-10-17',
      Statement: [{ Sid: 'AstroDeploymentWorkloadIdentity', Effect: 'Allow', Principal: { AWS: identity }, Action: 'sts:AssumeRole' }],
    });
    // A session ARN is not a principal: the message names the command that prints the role's.
    const session = generate('aws-parameter-store', { platform: 'astro', localPrincipalArn: 'arn:aws:sts::123456789012:assumed-role/AdminAccess/jane' }).problems.find((p) => p.field === 'localPrincipalArn');
    expect(session).toMatchObject({ severity: 'error' });
    expect(session!.message).toContain('aws iam get-role --role-name AdminAccess --query Role.Arn');
    expect(generate('aws-parameter-store', { platform: 'astro', localPrincipalArn: 'arn:aws:iam::123456789012:role/sso/Admin' }).problems.filter((p) => p.field === 'localPrincipalArn')).toEqual([]);
    // Remote Execution and Software have no such step.
    for (const platform of ['remote-execution', 'software'] as const) expect(generate('aws-parameter-store', { platform }).snippets.map((s) => s.id)).not.toContain('iam-trust-restore');
  });
  it('Parameter Store: SecureString at /prefix/key, ssm:GetParameter on both prefix ARNs, kms note', () => {
    const r = generate('aws-parameter-store', { ...FULL, platform: 'astro' });
    expect(code(r, 'write-variable')).toMatch(/aws ssm put-parameter \\\n\s+--region=us-east-1 \\\n\s+--name=\/airflow\/variables\/my_var \\\n\s+--type SecureString/);
    const policy = JSON.parse(code(r, 'iam-policy'));
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0].Action).toBe('ssm:GetParameter');
    expect(policy.Statement[0].Resource).toEqual([
      'arn:aws:ssm:us-east-1:123456789012:parameter/airflow/connections/*',
      'arn:aws:ssm:us-east-1:123456789012:parameter/airflow/variables/*',
    ]);
    const attach = code(r, 'iam-attach-policy');
    expect(attach).toContain('kms:Decrypt');
    expect(attach).toMatch(/aws iam attach-role-policy \\\n\s+--role-name=airflow-secrets \\\n\s+--policy-arn=arn:aws:iam::123456789012:policy\/airflow-secrets-read/);
    expect(kwargsFrom(r)).toEqual({
      connections_prefix: '/airflow/connections',
      variables_prefix: '/airflow/variables',
      region_name: 'us-east-1',
      role_arn: FULL.roleArn,
    });
  });
  it('Secrets Manager: no leading slash, GetSecretValue on prefix/* (the * covers the random suffix)', () => {
    const r = generate('aws-secrets-manager', { ...FULL, platform: 'astro' });
    const policy = JSON.parse(code(r, 'iam-policy'));
    expect(policy.Statement[0].Action).toBe('secretsmanager:GetSecretValue');
    expect(policy.Statement[0].Resource).toEqual([
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:airflow/connections/*',
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:airflow/variables/*',
    ]);
    // IAM checks a missing secret against its bare name: a -?????? pattern would turn every miss into AccessDenied.
    expect(code(r, 'iam-policy')).not.toContain('??????');
    expect(code(r, 'iam-attach-policy')).toMatch(/^#.*-\?{6}.*\n#.*ResourceNotFound.*AccessDenied/m);
    expect(code(r, 'write-variable')).toContain('--name=airflow/variables/my_var');
  });
  it('Remote Execution uses IRSA: role annotation, no role_arn in the kwargs', () => {
    for (const p of ['aws-parameter-store', 'aws-secrets-manager'] as const) {
      const r = generate(p, { ...FULL, platform: 'remote-execution' });
      expect(parseYaml(code(r, 'values-yaml')).serviceAccount).toEqual({ annotations: { 'eks.amazonaws.com/role-arn': FULL.roleArn } });
      expect(kwargsFrom(r)).not.toHaveProperty('role_arn');
    }
  });
  it('Software uses access keys in the kwargs and attaches the policy to the user', () => {
    const r = generate('aws-secrets-manager', { ...FULL, platform: 'software' });
    expect(kwargsFrom(r)).toMatchObject({ aws_access_key_id: FULL.accessKeyId, aws_secret_access_key: FULL.secretAccessKey });
    expect(code(r, 'iam-attach-policy')).toContain('aws iam attach-user-policy');
  });
  it('validates region and role ARN with clear messages', () => {
    const p = validateInput('aws-parameter-store', { region: 'useast1', roleArn: 'arn:aws:iam::123:role/x' });
    expect(p).toContainEqual({ field: 'region', severity: 'error', message: 'Region must look like us-east-1' });
    expect(p).toContainEqual(expect.objectContaining({ field: 'roleArn', severity: 'error', message: expect.stringContaining('arn:aws:iam::123456789012:role/') }));
  });
});

describe('GCP facts', () => {
  it('Astro workload identity: the Deployment can keep its own identity and impersonate the service account', () => {
    const base = { ...FULL, platform: 'astro', authMethod: 'workload-identity', projectId: 'my-project-123', serviceAccountEmail: 'airflow@my-project-123.iam.gserviceaccount.com' };
    const attached = generate('gcp-secret-manager', base);
    // Not entered: the Deployment runs as the service account itself, no impersonation.
    expect(JSON.parse(code(attached, 'backend-kwargs'))).not.toHaveProperty('impersonation_chain');
    const identity = 'astro-abc123@astro-cloud-123.iam.gserviceaccount.com';
    const r = generate('gcp-secret-manager', { ...base, deploymentIdentity: identity });
    expect(JSON.parse(code(r, 'backend-kwargs')).impersonation_chain).toBe('airflow@my-project-123.iam.gserviceaccount.com');
    expect(code(r, 'gcp-impersonation')).toMatch(
      /^gcloud iam service-accounts add-iam-policy-binding \\\n\s+--project=my-project-123 \\\n\s+--role=roles\/iam\.serviceAccountTokenCreator \\\n\s+--member=serviceAccount:astro-abc123@astro-cloud-123\.iam\.gserviceaccount\.com \\\n\s+-- airflow@my-project-123\.iam\.gserviceaccount\.com$/m,
    );
    expect(code(r, 'env-file')).toContain('Service Account Token Creator');
    expect(r.problems).toEqual([]);
    expect(generate('gcp-secret-manager', { ...base, deploymentIdentity: 'not-an-email' }).problems).toContainEqual(expect.objectContaining({ field: 'deploymentIdentity', severity: 'error' }));
    // Only where the Deployment's identity exists: not with a key file, not on the other platforms.
    for (const other of [{ authMethod: 'key-file' }, { platform: 'remote-execution' }, { platform: 'software', authMethod: 'key-file' }]) {
      const o = generate('gcp-secret-manager', { ...base, ...other, deploymentIdentity: identity });
      expect(o.snippets.map((s) => s.id)).not.toContain('gcp-impersonation');
      expect(JSON.parse(code(o, 'backend-kwargs'))).not.toHaveProperty('impersonation_chain');
    }
  });

  it('creates secrets with a first version from stdin and grants Secret Accessor', () => {
    const r = generate('gcp-secret-manager', { ...FULL, platform: 'astro' });
    expect(code(r, 'write-variable')).toMatch(
      /^printf '%s' 'hello world' \| gcloud secrets create \\\n\s+--project=my-project-123 \\\n\s+--replication-policy=automatic \\\n\s+--data-file=- \\\n\s+-- airflow-variables-my_var$/m,
    );
    const grant = code(r, 'gcp-grant-access');
    // The project-level grant is the command; per-secret grants are the commented, stricter alternative.
    expect(commandLines(grant)).toEqual([
      'gcloud projects add-iam-policy-binding --member=serviceAccount:airflow@my-project-123.iam.gserviceaccount.com --role=roles/secretmanager.secretAccessor -- my-project-123',
    ]);
    for (const name of ['airflow-variables-my_var', 'airflow-connections-my_db']) {
      expect(grant).toContain(
        `# gcloud secrets add-iam-policy-binding --project=my-project-123 --member=serviceAccount:airflow@my-project-123.iam.gserviceaccount.com --role=roles/secretmanager.secretAccessor -- ${name}\n`,
      );
    }
    expect(grant).toMatch(/^#.*NotFound/m);
    expect(grant).toMatch(/^#.*its own grant.*\n#.*PermissionDenied/m);
    expect(kwargsFrom(r)).toEqual({ connections_prefix: 'airflow-connections', variables_prefix: 'airflow-variables', project_id: 'my-project-123' });
  });
  it('key file: gcp_keyfile_dict is a JSON object in every target', () => {
    const r = generate('gcp-secret-manager', { ...FULL, platform: 'astro', authMethod: 'key-file' });
    expect(kwargsFrom(r).gcp_keyfile_dict).toEqual(KEYFILE);
    // The Astro CLI (compose-go) keeps single-quoted .env text as it is, so the line between the
    // quotes must be the JSON itself: the key's newlines are the two characters \n, never \\n.
    const env = /BACKEND_KWARGS='(.*)'$/m.exec(code(r, 'env-file'))![1];
    expect(env).toContain('"-----BEGIN PRIVATE KEY-----\\nMIIB\\n');
    expect(env).not.toMatch(/\\\\|'/);
    expect(JSON.parse(env).gcp_keyfile_dict).toEqual(KEYFILE);
    const empty = generate('gcp-secret-manager', { platform: 'software' });
    expect(typeof kwargsFrom(empty).gcp_keyfile_dict).toBe('object');
  });
  it('a key that is not JSON is shown as typed and reported', () => {
    const r = generate('gcp-secret-manager', { platform: 'software', keyfileJson: 'not json' });
    expect(kwargsFrom(r).gcp_keyfile_dict).toBe('not json');
    expect(r.problems).toContainEqual(expect.objectContaining({ field: 'keyfileJson', severity: 'error' }));
  });
  it('GKE Workload Identity annotation and binding on Remote Execution', () => {
    const r = generate('gcp-secret-manager', { ...FULL, platform: 'remote-execution' });
    expect(parseYaml(code(r, 'values-yaml')).serviceAccount).toEqual({ annotations: { 'iam.gke.io/gcp-service-account': FULL.serviceAccountEmail } });
    expect(code(r, 'gcp-grant-access')).toContain("--member='serviceAccount:my-project-123.svc.id.goog[astro-agents/astro-agent]'");
  });
});

describe('GCP project and key file', () => {
  it('enables the Secret Manager API in the project before anything else', () => {
    for (const authMethod of ['workload-identity', 'key-file']) {
      const first = commandLines(code(generate('gcp-secret-manager', { platform: 'astro', authMethod, projectId: 'my-project-123' }), 'gcp-service-account'))[0];
      expect(first).toBe('gcloud services enable secretmanager.googleapis.com --project=my-project-123');
    }
  });
  it('the key-file template names the typed project and service account until a key is pasted', () => {
    const r = generate('gcp-secret-manager', { platform: 'software', projectId: 'my-project-123', serviceAccountEmail: 'airflow@my-project-123.iam.gserviceaccount.com' });
    const dict = kwargsFrom(r).gcp_keyfile_dict as Record<string, string>;
    expect(dict.type).toBe('service_account');
    expect(dict.project_id).toBe('my-project-123');
    expect(dict.client_email).toBe('airflow@my-project-123.iam.gserviceaccount.com');
    expect(dict.private_key).toBe('<your-private-key>');
    const empty = kwargsFrom(generate('gcp-secret-manager', { platform: 'software' })).gcp_keyfile_dict as Record<string, string>;
    expect(empty.project_id).toBe('<your-gcp-project-id>');
    expect(empty.client_email).toBe('<your-service-account-email>');
  });
});

describe('GCP service account', () => {
  const EMAIL = 'airflow-reader@my-project-123.iam.gserviceaccount.com';
  const warnings = (r: GenerateResult) => r.problems.filter((x) => x.severity === 'warning' && /created here/.test(x.message));

  it('workload identity: creates the account ID before @ in the project, no key', () => {
    for (const platform of ['astro', 'remote-execution'] as const) {
      const r = generate('gcp-secret-manager', { ...FULL, serviceAccountEmail: EMAIL, platform, authMethod: 'workload-identity' });
      const lines = accountCommands(code(r, 'gcp-service-account'));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^gcloud iam service-accounts create --project=my-project-123 --display-name=\S.* -- airflow-reader$/);
      expect(warnings(r)).toEqual([]);
    }
  });
  it('key file: also creates key.json for that account and warns never to commit it', () => {
    const r = generate('gcp-secret-manager', { ...FULL, serviceAccountEmail: EMAIL, platform: 'software' });
    const text = code(r, 'gcp-service-account');
    expect(accountCommands(text)[1]).toBe(`gcloud iam service-accounts keys create key.json --iam-account=${EMAIL}`);
    expect(text).toMatch(/^#.*key\.json is a credential.*never commit/m);
  });
  it('takes the account from the key file when no email is typed', () => {
    const r = generate('gcp-secret-manager', { ...FULL, serviceAccountEmail: '', platform: 'astro', authMethod: 'key-file' });
    const lines = accountCommands(code(r, 'gcp-service-account'));
    expect(lines[0]).toMatch(/^gcloud iam service-accounts create --project=my-project-123 .* -- airflow$/);
    expect(lines[1]).toContain('--iam-account=airflow@my-project-123.iam.gserviceaccount.com');
  });
  it('an empty email gives a placeholder account ID', () => {
    const r = generate('gcp-secret-manager', { platform: 'astro' });
    expect(accountCommands(code(r, 'gcp-service-account'))[0]).toMatch(/^gcloud iam service-accounts create .* -- '<your-[a-z-]+>'$/);
    expect(r.problems).toEqual([]);
  });
  it('warns when the account is Google-managed or from another project', () => {
    for (const email of [
      'service-123456789012@gcp-sa-secretmanager.iam.gserviceaccount.com',
      '123456789012-compute@developer.gserviceaccount.com',
      'my-project-123@appspot.gserviceaccount.com',
      'airflow@other-project-9.iam.gserviceaccount.com',
    ]) {
      const r = generate('gcp-secret-manager', { ...FULL, serviceAccountEmail: email, platform: 'astro' });
      expect(warnings(r), email).toEqual([expect.objectContaining({ field: 'serviceAccountEmail', severity: 'warning' })]);
      expect(warnings(r)[0].message).toMatch(/Google-managed/);
    }
    // Without a project ID, an account of any valid project is fine; a service agent is not.
    expect(warnings(generate('gcp-secret-manager', { serviceAccountEmail: 'airflow@other-project-9.iam.gserviceaccount.com' }))).toEqual([]);
    expect(warnings(generate('gcp-secret-manager', { serviceAccountEmail: '1-compute@developer.gserviceaccount.com' }))).toHaveLength(1);
  });
});

describe('Azure facts', () => {
  it('names replace _ with the separator, and the key rename is a warning', () => {
    const r = generate('azure-key-vault', { ...FULL, vaultUrl: 'https://my-vault.vault.azure.net/', platform: 'astro' });
    expect(code(r, 'write-variable')).toMatch(/--vault-name=my-vault \\\n\s+--name=airflow-variables-my-var/);
    expect(r.problems).toContainEqual(expect.objectContaining({ field: 'variableKey', severity: 'warning' }));
    expect(code(r, 'azure-grant-access')).toContain("--role 'Key Vault Secrets User'");
    expect(kwargsFrom(r)).toEqual({
      connections_prefix: 'airflow-connections',
      variables_prefix: 'airflow-variables',
      vault_url: 'https://my-vault.vault.azure.net/',
      tenant_id: FULL.tenantId,
      client_id: FULL.clientId,
      client_secret: FULL.clientSecret,
    });
  });
  it('managed identity on Remote Execution: workload identity label and client-id annotation', () => {
    const r = generate('azure-key-vault', { ...FULL, vaultUrl: 'https://my-vault.vault.azure.net/', platform: 'remote-execution', authMethod: 'managed-identity' });
    const v = parseYaml(code(r, 'values-yaml'));
    // The label must be on the pods (top-level labels); the client-id annotation is read from the service account.
    expect(v.labels).toEqual({ 'azure.workload.identity/use': 'true' });
    expect(v.serviceAccount).toEqual({ annotations: { 'azure.workload.identity/client-id': FULL.managedIdentityClientId } });
    expect(v).not.toHaveProperty('annotations');
    expect(kwargsFrom(r)).toMatchObject({ managed_identity_client_id: FULL.managedIdentityClientId, workload_identity_tenant_id: FULL.tenantId });
    expect(kwargsFrom(r)).not.toHaveProperty('client_secret');
  });
  it('validates the vault URL and GUIDs', () => {
    const p = validateInput('azure-key-vault', { vaultUrl: 'https://x.example.com', tenantId: 'nope' });
    expect(p.map((x) => x.field)).toEqual(expect.arrayContaining(['vaultUrl', 'tenantId']));
    expect(validateInput('azure-key-vault', { vaultUrl: 'https://my-vault.vault.usgovcloudapi.net/' })).toEqual([]);
  });
});

/** A snippet's command lines, with continuation lines joined, without comments. */
function commandLines(text: string): string[] {
  return text.replace(/ \\\n\s+/g, ' ').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
}

/** The commands of gcp-service-account after the API is enabled (which always comes first). */
function accountCommands(text: string): string[] {
  const [enable, ...rest] = commandLines(text);
  expect(enable).toMatch(/^gcloud services enable secretmanager\.googleapis\.com --project=/);
  return rest;
}

describe('deleting the test secrets (CLI references)', () => {
  it('Vault KV v2: kv metadata delete removes every version; KV v1: kv delete', () => {
    const v2 = generate('hashicorp-vault', { ...FULL, platform: 'astro' });
    expect(commandLines(code(v2, 'delete-secrets'))).toEqual([
      'vault kv metadata delete -mount=airflow -- variables/my_var',
      'vault kv metadata delete -mount=airflow -- connections/my_db',
    ]);
    const v1 = generate('hashicorp-vault', { ...FULL, platform: 'software', kvVersion: '1', mountPoint: 'kv', connectionsPath: 'conns/' });
    expect(commandLines(code(v1, 'delete-secrets'))).toEqual(['vault kv delete -mount=kv -- variables/my_var', 'vault kv delete -mount=kv -- conns/my_db']);
  });
  it('Parameter Store: one delete-parameters call with both names and the region', () => {
    const r = generate('aws-parameter-store', { ...FULL, platform: 'software', variablesPrefix: 'vars/', connectionsPrefix: 'team/conns' });
    // SSM names always start with "/", whatever the prefix looks like.
    expect(commandLines(code(r, 'delete-secrets'))).toEqual([
      // One command per name: the list form (--names a b) cannot take a name that starts with -.
      'aws ssm delete-parameter --region=us-east-1 --name=/vars/my_var',
      'aws ssm delete-parameter --region=us-east-1 --name=/team/conns/my_db',
    ]);
  });
  it('Secrets Manager: delete-secret without a recovery window, with a warning comment', () => {
    const r = generate('aws-secrets-manager', { ...FULL, platform: 'astro', sep: ':' });
    const text = code(r, 'delete-secrets');
    expect(commandLines(text)).toEqual([
      'aws secretsmanager delete-secret --region=us-east-1 --secret-id=airflow/variables:my_var --force-delete-without-recovery',
      'aws secretsmanager delete-secret --region=us-east-1 --secret-id=airflow/connections:my_db --force-delete-without-recovery',
    ]);
    expect(text).toMatch(/^#.*cannot be undone/m);
  });
  it('GCP: gcloud secrets delete for each secret, non-interactive', () => {
    const r = generate('gcp-secret-manager', { ...FULL, platform: 'remote-execution', variablesPrefix: 'af', sep: '_' });
    expect(commandLines(code(r, 'delete-secrets'))).toEqual([
      'gcloud secrets delete --project=my-project-123 --quiet -- af_my_var',
      'gcloud secrets delete --project=my-project-123 --quiet -- airflow-connections_my_db',
    ]);
  });
  it('Azure: the renamed names (_ -> sep), plus soft delete and purge explained', () => {
    const r = generate('azure-key-vault', { ...FULL, vaultUrl: 'https://kv-prod.vault.azure.net/', platform: 'astro', variableKey: 'a_b_c' });
    const text = code(r, 'delete-secrets');
    expect(commandLines(text)).toEqual([
      'az keyvault secret delete --vault-name=kv-prod --name=airflow-variables-a-b-c',
      'az keyvault secret delete --vault-name=kv-prod --name=airflow-connections-my-db',
    ]);
    expect(text).toMatch(/^#.*[Ss]oft delete/m);
    expect(text).toMatch(/^# az keyvault secret purge /m);
  });
  it('empty input deletes the placeholders, quoted', () => {
    const r = generate('gcp-secret-manager', {});
    expect(commandLines(code(r, 'delete-secrets'))[0]).toBe("gcloud secrets delete --project='<your-gcp-project-id>' --quiet -- 'airflow-variables-<your-variable-key>'");
  });
});

describe('Remote Execution agents have several service accounts', () => {
  // The agent chart gives workers, the DAG processor and the triggerer a service account each.
  const SAS = 'astro-worker-default, astro-dag-processor ,astro-triggerer';
  it('Vault binds the Kubernetes role to all of them, comma-separated', () => {
    const r = generate('hashicorp-vault', { ...FULL, platform: 'remote-execution', authMethod: 'kubernetes', kubernetesServiceAccount: SAS });
    expect(commandLines(code(r, 'vault-kubernetes-auth'))[2]).toContain(
      ' bound_service_account_names=astro-worker-default,astro-dag-processor,astro-triggerer ',
    );
    expect(r.problems.filter((x) => x.field === 'kubernetesServiceAccount')).toEqual([]);
  });
  it('GKE gets one workloadIdentityUser binding per name', () => {
    const r = generate('gcp-secret-manager', { ...FULL, platform: 'remote-execution', kubernetesServiceAccount: SAS });
    const members = commandLines(code(r, 'gcp-grant-access'))
      .filter((l) => l.includes('roles/iam.workloadIdentityUser'))
      .map((l) => /--member=(\S+)/.exec(l)![1]);
    expect(members).toEqual([
      "'serviceAccount:my-project-123.svc.id.goog[astro-agents/astro-worker-default]'",
      "'serviceAccount:my-project-123.svc.id.goog[astro-agents/astro-dag-processor]'",
      "'serviceAccount:my-project-123.svc.id.goog[astro-agents/astro-triggerer]'",
    ]);
  });
  it('an invalid name in the list is an error that mentions commas', () => {
    const p = validateInput('hashicorp-vault', { platform: 'remote-execution', authMethod: 'kubernetes', kubernetesServiceAccount: 'ok-name, Bad_Name' });
    expect(p).toContainEqual(expect.objectContaining({ field: 'kubernetesServiceAccount', severity: 'error', message: expect.stringContaining('comma') }));
  });
});

describe('Vault URL warnings', () => {
  const warn = (platform: string, vaultUrl: string) =>
    validateInput('hashicorp-vault', { platform, vaultUrl }).filter((x) => x.field === 'vaultUrl' && x.severity === 'warning');
  it('host.docker.internal and localhost warn on every platform, Software included', () => {
    for (const platform of ['astro', 'remote-execution', 'software']) {
      expect(warn(platform, 'http://host.docker.internal:8200'), platform).toHaveLength(1);
      expect(warn(platform, 'http://localhost:8200'), platform).toHaveLength(1);
      expect(warn(platform, 'http://127.0.0.1:8200'), platform).toHaveLength(1);
    }
    // Same message on Software as on Astro.
    expect(warn('software', 'http://host.docker.internal:8200')[0].message).toBe(warn('astro', 'http://host.docker.internal:8200')[0].message);
  });
  it('a /v1 path warns (the client adds /v1 itself)', () => {
    expect(warn('software', 'https://vault.example.com:8200/v1')[0].message).toMatch(/\/v1/);
    expect(warn('astro', 'https://vault.example.com:8200/v1/')[0].message).toMatch(/\/v1/);
    expect(warn('astro', 'https://v1.example.com:8200')).toEqual([]);
  });
  it('plain http:// warns on Astro and Remote Execution, not on Software; https:// is fine', () => {
    expect(warn('astro', 'http://vault.example.com:8200')[0].message).toMatch(/https:\/\//);
    expect(warn('remote-execution', 'http://vault.example.com:8200')).toHaveLength(1);
    expect(warn('software', 'http://vault.example.com:8200')).toEqual([]);
    expect(warn('astro', 'https://vault.example.com:8200')).toEqual([]);
  });
});

describe('Vault namespace (HCP / Enterprise)', () => {
  it('exports VAULT_NAMESPACE, shell-quoted, before the first vault command', () => {
    const first = (namespace?: string) => code(generate('hashicorp-vault', { ...FULL, platform: 'astro', namespace }), 'vault-enable-kv').split('\n')[0];
    expect(first('admin')).toBe('export VAULT_NAMESPACE=admin');
    expect(first("admin/team a's")).toBe("export VAULT_NAMESPACE='admin/team a'\\''s'");
    expect(first(undefined)).toMatch(/^# /);
    expect(code(generate('hashicorp-vault', { platform: 'astro' }), 'vault-enable-kv')).not.toContain('VAULT_NAMESPACE');
  });
});

describe('GCP accounts that are not created here', () => {
  it('a Google-managed or other-project account gets no create command', () => {
    for (const email of ['service-123@gcp-sa-secretmanager.iam.gserviceaccount.com', 'svc@other-project-9.iam.gserviceaccount.com']) {
      const r = generate('gcp-secret-manager', { ...FULL, serviceAccountEmail: email, platform: 'astro', authMethod: 'workload-identity' });
      expect(accountCommands(code(r, 'gcp-service-account')), email).toEqual([]);
    }
  });
  it('a key file of another project: only the key is created, for that account', () => {
    const keyfileJson = JSON.stringify({ ...KEYFILE, client_email: 'svc@other-project-9.iam.gserviceaccount.com' });
    const r = generate('gcp-secret-manager', { ...FULL, serviceAccountEmail: '', keyfileJson, platform: 'software' });
    expect(accountCommands(code(r, 'gcp-service-account'))).toEqual([
      'gcloud iam service-accounts keys create key.json --iam-account=svc@other-project-9.iam.gserviceaccount.com',
    ]);
  });
});

describe('AWS local credentials note in .env', () => {
  it('Astro: credentials that may assume role_arn; Remote Execution: credentials that may read the parameters or secrets', () => {
    const note = (p: 'aws-parameter-store' | 'aws-secrets-manager', platform: string) =>
      code(generate(p, { ...FULL, platform }), 'env-file').split('\n').filter((l) => /^#.*credentials/.test(l)).join('\n');
    expect(note('aws-parameter-store', 'astro')).toMatch(/assume role_arn/);
    expect(note('aws-parameter-store', 'remote-execution')).toMatch(/may read the parameters/);
    expect(note('aws-secrets-manager', 'remote-execution')).toMatch(/may read the secrets/);
    expect(note('aws-secrets-manager', 'remote-execution')).not.toMatch(/role_arn/);
  });
});

describe('second runs and updates', () => {
  it('deploy-astro: create skips existing keys, so the matching update --secret command is given, commented', () => {
    const text = code(generate('hashicorp-vault', { ...FULL, platform: 'astro' }), 'deploy-astro');
    const create = commandLines(text).find((l) => l.includes('--secret'))!;
    const update = text.split('\n').find((l) => l.startsWith('# astro deployment variable update'))!;
    expect(update).toBe('# ' + create.replace(' variable create ', ' variable update '));
    expect(text).toMatch(/^#.*create skips a key that exists/m);
  });
  it('write snippets say how to write again: --overwrite, put-secret-value, gcloud secrets versions add', () => {
    expect(code(generate('aws-parameter-store', { ...FULL, platform: 'astro' }), 'write-variable')).toMatch(/^#.*ParameterAlreadyExists.*--overwrite/m);
    expect(code(generate('aws-secrets-manager', { ...FULL, platform: 'astro' }), 'write-connection')).toMatch(/^#.*ResourceExistsException.*put-secret-value/m);
    const gcp = code(generate('gcp-secret-manager', { ...FULL, platform: 'astro' }), 'write-variable');
    expect(gcp).toContain("# printf '%s' 'hello world' | gcloud secrets versions add --project=my-project-123 --data-file=- -- airflow-variables-my_var\n");
    expect(commandLines(gcp)).toHaveLength(1);
  });
  it('helm: shows the installed release and keeps its chart version', () => {
    const { agentChartVersion: _, ...noVersion } = FULL;
    const text = code(generate('aws-parameter-store', { ...noVersion, platform: 'remote-execution' }), 'helm-upgrade');
    expect(text).toMatch(/^#.*chart version/m);
    expect(commandLines(text)[1]).toContain(" --version='<installed-chart-version>' ");
    const typed = code(generate('aws-parameter-store', { ...FULL, platform: 'remote-execution', helmRelease: 'agents.prod-1', agentChartVersion: 'v2.0.0-rc.1' }), 'helm-upgrade');
    expect(commandLines(typed)[1]).toMatch(/^helm upgrade .* --version=v2\.0\.0-rc\.1 -f values\.yaml -- agents\.prod-1 astronomer\/astro-remote-execution-agent$/);
  });
  it('helm: a release name or chart version Helm would refuse gets a message', () => {
    const problems = (values: Record<string, string>) =>
      generate('aws-parameter-store', { ...FULL, platform: 'remote-execution', ...values }).problems.map((p) => p.field);
    expect(problems({})).not.toContain('agentChartVersion');
    for (const bad of ['latest', '1.4', 'astro-remote-execution-agent-1.4.0', "1.4.0'; rm -rf ~"]) expect(problems({ agentChartVersion: bad })).toContain('agentChartVersion');
    for (const bad of ['Astro-Agent', '-agent', 'a'.repeat(54), 'my_agent']) expect(problems({ helmRelease: bad })).toContain('helmRelease');
    expect(problems({ helmRelease: 'a'.repeat(53) })).not.toContain('helmRelease');
    // Only Remote Execution has a Helm release.
    expect(generate('aws-parameter-store', { ...FULL, platform: 'astro', agentChartVersion: 'latest' }).problems.map((p) => p.field)).not.toContain('agentChartVersion');
  });
});

describe('Azure access: least privilege, object ID, filled alternatives', () => {
  const base = { ...FULL, vaultUrl: 'https://my-vault.vault.azure.net/', platform: 'astro' };
  it('assigns the role by object ID and principal type; says the role covers the whole vault', () => {
    const text = code(generate('azure-key-vault', base), 'azure-grant-access');
    const [assign] = commandLines(text);
    expect(assign).toContain(`--assignee-object-id="$(az ad sp show --id=${FULL.clientId} --query id --output tsv)"`);
    expect(assign).toContain('--assignee-principal-type ServicePrincipal');
    expect(assign).not.toContain('--assignee ');
    expect(text).toMatch(/^#.*every secret in the vault/m);
    const oid = 'fedcba98-7654-3210-fedc-ba9876543210';
    const typed = code(generate('azure-key-vault', { ...base, authMethod: 'managed-identity', principalObjectId: oid }), 'azure-grant-access');
    expect(commandLines(typed)[0]).toContain(`--assignee-object-id=${oid} --assignee-principal-type ServicePrincipal`);
    expect(typed).toContain(`# az keyvault set-policy --name=my-vault --object-id=${oid} --secret-permissions get\n`);
  });
  it('the access-policy alternative is filled (vault name, the identity) and uses --object-id', () => {
    const mi = code(generate('azure-key-vault', { ...base, authMethod: 'managed-identity' }), 'azure-grant-access');
    expect(mi).toContain(
      `# az keyvault set-policy --name=my-vault --object-id="$(az ad sp show --id=${FULL.managedIdentityClientId} --query id --output tsv)" --secret-permissions get\n`,
    );
    expect(mi).not.toMatch(/VAULT_NAME|CLIENT_ID|--spn/);
  });
  it('the purge alternative names the two deleted secrets', () => {
    const text = code(generate('azure-key-vault', base), 'delete-secrets');
    expect(text).toContain('# az keyvault secret purge --vault-name=my-vault --name=airflow-variables-my-var\n');
    expect(text).toContain('# az keyvault secret purge --vault-name=my-vault --name=airflow-connections-my-db\n');
    expect(text).not.toContain('SECRET_NAME');
  });
  it('object ID must be a GUID', () => {
    expect(validateInput('azure-key-vault', { principalObjectId: 'nope' })).toContainEqual(expect.objectContaining({ field: 'principalObjectId', severity: 'error' }));
  });
});

describe('problem messages point at the right field', () => {
  it('SSM: a prefix starting with aws is reported on the prefix, a key only when the prefix is empty', () => {
    const p = validateInput('aws-parameter-store', { variablesPrefix: '/aws/airflow' });
    expect(p).toContainEqual({ field: 'variablesPrefix', severity: 'error', message: 'Parameter names cannot start with aws or ssm' });
    expect(p.filter((x) => x.field === 'variableKey')).toEqual([]);
    const q = validateInput('aws-parameter-store', { variablesPrefix: '/', variableKey: 'ssm-x' });
    expect(q).toContainEqual(expect.objectContaining({ field: 'variableKey', message: 'Parameter names cannot start with aws or ssm' }));
  });
  it('Azure: an invalid separator gives no rename warning on the keys', () => {
    const p = validateInput('azure-key-vault', { sep: '_', variableKey: 'my_var' });
    expect(p.map((x) => x.field)).toEqual(['sep']);
  });
  it('GCP: a key without private_key says what is missing', () => {
    const keyfileJson = JSON.stringify({ type: 'service_account', client_email: 'a@my-project-123.iam.gserviceaccount.com' });
    expect(validateInput('gcp-secret-manager', { platform: 'software', keyfileJson })).toContainEqual({
      field: 'keyfileJson',
      severity: 'warning',
      message: 'This key has no private_key: paste the whole key file',
    });
  });
  it("Secrets Manager: the leading-slash warning quotes the field's own prefix", () => {
    const [w] = validateInput('aws-secrets-manager', { connectionsPrefix: '/airflow/connections/' }).filter((x) => x.field === 'connectionsPrefix');
    expect(w.message).toContain('/airflow/connections/ and under airflow/connections/');
    expect(w.message).not.toContain('variables');
  });
});

describe('AWS cross-field checks', () => {
  const role = 'arn:aws:iam::123456789012:role/airflow-secrets';
  it('an account ID that differs from the role account is a warning', () => {
    const p = validateInput('aws-parameter-store', { platform: 'astro', roleArn: role, awsAccountId: '999999999999' });
    expect(p).toContainEqual(expect.objectContaining({ field: 'awsAccountId', severity: 'warning', message: expect.stringContaining('123456789012') }));
    expect(validateInput('aws-parameter-store', { platform: 'astro', roleArn: role, awsAccountId: '123456789012' })).toEqual([]);
  });
  it('the partition comes from the region; a role in another partition is a warning', () => {
    const r = generate('aws-secrets-manager', { ...FULL, platform: 'astro', region: 'cn-north-1' });
    expect(JSON.parse(code(r, 'iam-policy')).Statement[0].Resource[0]).toBe('arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:airflow/connections/*');
    expect(r.problems).toContainEqual(expect.objectContaining({ field: 'region', severity: 'warning', message: expect.stringContaining('aws-cn') }));
    const keys = generate('aws-parameter-store', { ...FULL, platform: 'software', region: 'us-gov-west-1', awsAccountId: '123456789012' });
    expect(JSON.parse(code(keys, 'iam-policy')).Statement[0].Resource[0]).toBe('arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/airflow/connections/*');
    const cn = generate('aws-parameter-store', { ...FULL, platform: 'astro', region: 'cn-north-1', roleArn: 'arn:aws-cn:iam::123456789012:role/r' });
    expect(cn.problems).toEqual([]);
  });
});

describe('connection parts are optional', () => {
  it('empty login, password and host are left out of the URI and JSON: no placeholder is stored', () => {
    const r = generate('gcp-secret-manager', { platform: 'astro', connType: 'google_cloud_platform', connectionId: 'gcp', connExtra: '{"project": "p"}' });
    // No schema: the extras follow /? (sheet section 7, get_uri rule 6).
    expect(code(r, 'connection-uri')).toBe('google-cloud-platform:///?project=p');
    expect(JSON.parse(code(r, 'connection-json'))).toEqual({ conn_type: 'google_cloud_platform', extra: { project: 'p' } });
    // The piped (stored) value is exactly the URI.
    expect(code(r, 'write-connection')).toContain("printf '%s' 'google-cloud-platform:///?project=p' | gcloud secrets create");
    expect(code(generate('hashicorp-vault', {}), 'connection-uri')).toBe('postgres://');
    expect(code(generate('hashicorp-vault', { connLogin: 'u', connPort: '5432' }), 'connection-uri')).toBe('postgres://u@:5432');
  });
  it('a typed placeholder is stored as typed, with a warning', () => {
    const p = validateInput('hashicorp-vault', { connPassword: '<your-connection-password>' });
    expect(p).toContainEqual(expect.objectContaining({ field: 'connPassword', severity: 'warning' }));
  });
});

describe('other snippet details', () => {
  it('Vault Kubernetes auth: the agents keep it, the local .env signs in with an AppRole made for local tests', () => {
    const r = generate('hashicorp-vault', { platform: 'remote-execution', authMethod: 'kubernetes', roleId: 'r-1', secretId: 's-1' });
    const env = code(r, 'env-file');
    const kwargs = JSON.parse(/^AIRFLOW__SECRETS__BACKEND_KWARGS='(.*)'$/m.exec(env)![1]);
    expect(kwargs).toMatchObject({ auth_type: 'approle', role_id: 'r-1', secret_id: 's-1' });
    expect(kwargs).not.toHaveProperty('kubernetes_role');
    expect(env).toMatch(/^# Locally Airflow signs in with AppRole; the deployed Airflow keeps Kubernetes auth\.$/m);
    expect(JSON.parse(code(r, 'backend-kwargs'))).toMatchObject({ auth_type: 'kubernetes', kubernetes_role: 'airflow' });
    const approle = r.snippets.find((x) => x.id === 'vault-approle')!;
    expect(approle.title).toBe('AppRole for local tests');
    expect(approle.code).toContain('vault write -f -field=secret_id auth/approle/role/airflow/secret-id');
    // The agents' values.yaml has no AppRole credential.
    expect(code(r, 'values-yaml')).not.toMatch(/role_id|secret_id|s-1/);
  });
  it('Azure managed identity: the local .env adds a local service principal as AZURE_* variables; nothing deployed has them', () => {
    for (const platform of ['astro', 'remote-execution'] as const) {
      const r = generate('azure-key-vault', { platform, authMethod: 'managed-identity', clientId: 'c-1', tenantId: 't-1', clientSecret: 'p-1', vaultUrl: 'https://kv-one.vault.azure.net/' });
      const env = code(r, 'env-file');
      expect(env).toMatch(/^AZURE_CLIENT_ID='c-1'\nAZURE_TENANT_ID='t-1'\nAZURE_CLIENT_SECRET='p-1'\n$/m);
      const local = code(r, 'azure-local-credentials');
      expect(local).toContain("--scopes=\"$(az keyvault show --name=kv-one --query id --output tsv)\"");
      expect(local).toContain("--role 'Key Vault Secrets User'");
      expect(local).toContain("# az keyvault set-policy --name=kv-one --spn=c-1 --secret-permissions get");
      const deployed = r.snippets.filter((x) => ['deploy-astro', 'values-yaml', 'backend-kwargs'].includes(x.id)).map((x) => x.code).join('\n');
      expect(deployed).not.toMatch(/AZURE_CLIENT|c-1|p-1/);
    }
  });
  it('the credentials made for local tests have their removal in the cleanup step (commented: only once local tests are over)', () => {
    const vault = code(generate('hashicorp-vault', { platform: 'remote-execution', authMethod: 'kubernetes', roleName: 'local-tests' }), 'delete-secrets');
    expect(vault).toMatch(/^# vault delete auth\/approle\/role\/local-tests$/m);
    expect(code(generate('hashicorp-vault', { platform: 'remote-execution', authMethod: 'approle' }), 'delete-secrets')).not.toContain('vault delete auth/approle');
    const azure = code(generate('azure-key-vault', { platform: 'astro', authMethod: 'managed-identity', clientId: '11111111-2222-3333-4444-555555555555' }), 'delete-secrets');
    expect(azure).toMatch(/^# az ad sp delete --id=11111111-2222-3333-4444-555555555555$/m);
    expect(code(generate('azure-key-vault', { platform: 'astro', authMethod: 'client-secret' }), 'delete-secrets')).not.toContain('az ad sp delete');
  });
  it('Azure on Software can keep the service principal in AZURE_* variables for providers before 8.0.0', () => {
    const r = generate('azure-key-vault', { platform: 'software', credentialsIn: 'environment', clientId: 'c-1', tenantId: 't-1', clientSecret: 'p-1' });
    expect(JSON.parse(code(r, 'backend-kwargs'))).toEqual({ connections_prefix: 'airflow-connections', variables_prefix: 'airflow-variables', vault_url: '<your-key-vault-url>' });
    expect(code(r, 'requirements')).toBe('apache-airflow-providers-microsoft-azure\n');
    expect(code(r, 'dockerfile')).toMatch(/^ENV AZURE_CLIENT_ID='c-1'\nENV AZURE_TENANT_ID='t-1'\nENV AZURE_CLIENT_SECRET='p-1'\n$/m);
    expect(code(r, 'software-env-vars')).toMatch(/Key: {4}AZURE_CLIENT_SECRET\nValue: {2}p-1\nSecret: yes\n/);
    expect(code(r, 'software-env-vars')).toMatch(/Key: {4}AZURE_CLIENT_ID\nValue: {2}c-1\nSecret: no\n/);
    expect(code(r, 'software-env-vars')).toMatch(/remove the five ENV lines/);
    // The default keeps them in the kwargs (provider 8.0.0).
    const d = generate('azure-key-vault', { platform: 'software', clientId: 'c-1' });
    expect(JSON.parse(code(d, 'backend-kwargs'))).toMatchObject({ client_id: 'c-1' });
    expect(code(d, 'dockerfile')).not.toContain('AZURE_');
    expect(code(d, 'software-env-vars')).toMatch(/remove the two ENV lines/);
    expect(validateInput('azure-key-vault', { platform: 'software', credentialsIn: 'elsewhere' })).toContainEqual(expect.objectContaining({ field: 'credentialsIn', severity: 'error' }));
  });
  it('the compose override writes its settings once: the first service anchors them, the other Airflow services alias them', () => {
    const c = code(generate('gcp-secret-manager', { platform: 'astro' }), 'compose-override');
    expect(c).toMatch(/^ {2}scheduler: &local$/m);
    expect([...c.matchAll(/^ {2}([\w-]+): \*local$/gm)].map((x) => x[1])).toEqual(['dag-processor', 'api-server', 'triggerer']);
    expect(c.match(/GOOGLE_APPLICATION_CREDENTIALS/g)).toHaveLength(1);
    // Airflow 2's services.
    const v2 = code(generate('gcp-secret-manager', { platform: 'astro', airflowVersion: '2' }), 'compose-override');
    expect([...v2.matchAll(/^ {2}([\w-]+): (&|\*)local$/gm)].map((x) => x[1])).toEqual(['scheduler', 'webserver', 'triggerer']);
  });
  it('requirements pins the provider where its kwargs need it', () => {
    expect(code(generate('azure-key-vault', { authMethod: 'managed-identity' }), 'requirements')).toBe('apache-airflow-providers-microsoft-azure>=8.2.0\n');
    expect(code(generate('azure-key-vault', {}), 'requirements')).toBe('apache-airflow-providers-microsoft-azure>=8.0.0\n');
    // role_arn / region_name / access keys in the kwargs: amazon 5.1.0 or later.
    expect(code(generate('aws-parameter-store', {}), 'requirements')).toBe('apache-airflow-providers-amazon>=5.1.0\n');
    expect(code(generate('aws-secrets-manager', { platform: 'software' }), 'requirements')).toBe('apache-airflow-providers-amazon>=5.1.0\n');
  });
  it('the pretty kwargs say they are for reading only', () => {
    const s = generate('hashicorp-vault', {}).snippets.find((x) => x.id === 'backend-kwargs')!;
    expect(s.title).toMatch(/for reading only/);
    expect(s.use).toBe('read');
  });
});

describe('.env for the Astro CLI (compose-go) and python-dotenv', () => {
  it("writes ' and \\ inside the kwargs JSON as \\u0027 and \\u005c, $ as \\u0024", () => {
    const r = generate('hashicorp-vault', { ...FULL, platform: 'astro', secretId: "a$b'c\\d" });
    const line = code(r, 'env-file').split('\n').find((l) => l.startsWith('AIRFLOW__SECRETS__BACKEND_KWARGS='))!;
    expect(line).toContain('"secret_id": "a\\u0024b\\u0027c\\u005cd"');
    expect(line.match(/'/g)).toHaveLength(2);
    expect(JSON.parse(line.slice(line.indexOf("'") + 1, -1)).secret_id).toBe("a$b'c\\d");
  });
});

describe('input handling', () => {
  it('empty input renders quoted placeholders and defaults', () => {
    const r = generate('aws-parameter-store', {});
    expect(code(r, 'deploy-astro')).toContain("--deployment-id='<your-deployment-id>'");
    expect(code(r, 'write-variable')).toContain("--name='/airflow/variables/<your-variable-key>'");
    expect(r.problems).toEqual([]);
  });
  it('garbage values are ignored with a problem and never printed', () => {
    const r = generate('hashicorp-vault', { variableKey: { a: 1 }, connPort: Number.NaN, roleName: [1, 2], mountPoint: () => 1, other: 'x' } as never);
    const all = r.snippets.map((s) => s.code).join('\n');
    expect(all).not.toMatch(/undefined|NaN|\[object Object\]|function/);
    expect(r.problems.map((p) => p.field)).toEqual(expect.arrayContaining(['variableKey', 'connPort', 'roleName', 'mountPoint']));
    expect(all).toContain('<your-variable-key>');
  });
  it('numbers and booleans are text', () => {
    const r = generate('hashicorp-vault', { kvVersion: 1, connPort: 5432, variableKey: true });
    expect(kwargsFrom(r).kv_engine_version).toBe(1);
    expect(code(r, 'connection-uri')).toContain(':5432');
    expect(code(r, 'example-dag')).toContain('Variable.get("true"');
  });
  it('an auth method the platform does not offer falls back to the default with a problem', () => {
    const r = generate('aws-parameter-store', { platform: 'software', authMethod: 'role' });
    expect(r.problems).toContainEqual(expect.objectContaining({ field: 'authMethod', severity: 'error' }));
    expect(kwargsFrom(r)).toHaveProperty('aws_access_key_id');
  });
  it('Remote Execution is Airflow 3 only; Airflow 2 DAGs use the 2.x imports', () => {
    const re = generate('hashicorp-vault', { platform: 'remote-execution', airflowVersion: '2' });
    expect(re.problems).toContainEqual(expect.objectContaining({ field: 'airflowVersion', severity: 'error' }));
    expect(code(re, 'example-dag')).toContain('from airflow.sdk import');
    const a2 = generate('hashicorp-vault', { platform: 'astro', airflowVersion: 2, variableKey: 'k', connectionId: 'c' });
    const dag = code(a2, 'example-dag');
    expect(dag).toContain('from airflow.models import Variable');
    expect(dag).toContain('from airflow.hooks.base import BaseHook');
    expect(dag).toContain('Variable.get("k", default_var=None)');
    expect(dag).toContain('BaseHook.get_connection("c")');
    expect(dag).toContain('schedule=None');
    // schedule= needs Airflow 2.4 (PR #25410): the DAG says so, right above the decorator.
    expect(dag).toMatch(/^# Airflow 2\.4 or later.*schedule_interval=None\.\n@dag\(schedule=None/m);
  });
  it('invalid values are rendered as typed, safely quoted, with a problem', () => {
    const r = generate('aws-parameter-store', { region: "us east'1" });
    expect(code(r, 'verify-secrets')).toContain("--region='us east'\\''1'");
    expect(r.problems).toContainEqual(expect.objectContaining({ field: 'region', severity: 'error' }));
  });
  it('unknown provider', () => {
    expect(generate('nope' as ProviderId, {}).problems[0].severity).toBe('error');
  });
});

describe('limits documented in the field help', () => {
  const field = (name: string, p: ProviderId, platform: Platform = 'remote-execution', auth?: string) =>
    formFields(p, platform, auth ?? authMethods(p, platform).values.at(-1)!).find((f) => f.name === name);
  /** Everything a reader can open of a field's help. */
  const help = (name: string, p: ProviderId, platform?: Platform, auth?: string) => {
    const f = field(name, p, platform, auth);
    return [f?.help, f?.helpMore, ...Object.values(f?.helpOn ?? {})].join(' ');
  };
  it('empty prefixes and paths, plain-text credentials in values.yaml, the GKE pool, the Vault audience, several service accounts', () => {
    expect(help('connectionsPrefix', 'gcp-secret-manager')).toContain('"connections_prefix": ""');
    expect(help('variablesPath', 'hashicorp-vault')).toContain('"variables_path": ""');
    // Plain-text credentials in values.yaml: said on Remote Execution, where they apply.
    expect(field('secretId', 'hashicorp-vault', 'remote-execution', 'approle')!.helpOn?.['remote-execution']).toMatch(/values\.yaml in plain text/);
    expect(field('clientSecret', 'azure-key-vault', 'remote-execution', 'client-secret')!.helpOn?.['remote-execution']).toMatch(/values\.yaml in plain text/);
    expect(help('projectId', 'gcp-secret-manager')).toContain('<cluster-project>.svc.id.goog');
    expect(help('kubernetesRole', 'hashicorp-vault')).toMatch(/audience/);
    expect(help('kubernetesServiceAccount', 'hashicorp-vault')).toMatch(/commas.*dag-processor/s);
  });

  it('keeps the help under a field to two lines, with the rest behind a disclosure or on its platform', () => {
    for (const p of PROVIDER_IDS) {
      for (const platform of PLATFORMS) {
        for (const auth of authMethods(p, platform).values) {
          for (const f of formFields(p, platform, auth)) {
            expect(f.help.length, `${p} ${f.name}`).toBeLessThanOrEqual(HELP_MAX_CHARS);
            // A platform's line names its platform (without scripts every line shows).
            for (const [on, text] of Object.entries(f.helpOn ?? {})) {
              expect(text, `${p} ${f.name} ${on}`).toContain(`On ${PLATFORM_LABELS[on as Platform]}`);
              expect(text.length, `${p} ${f.name} ${on}`).toBeLessThanOrEqual(HELP_MAX_CHARS);
            }
          }
        }
      }
    }
  });
});

describe('form helpers', () => {
  it('secretFields are the six secret fields and render as password or textarea', () => {
    expect([...secretFields].sort()).toEqual(['clientSecret', 'connPassword', 'keyfileJson', 'secretAccessKey', 'secretId', 'variableValue']);
    const f = formFields('gcp-secret-manager', 'software', 'key-file');
    expect(f.find((x) => x.name === 'keyfileJson')).toMatchObject({ secret: true, kind: 'textarea' });
    expect(formFields('aws-parameter-store', 'software', 'access-keys').find((x) => x.name === 'secretAccessKey')).toMatchObject({ secret: true, kind: 'password' });
  });
  it('lists only the fields of the chosen provider, platform and auth method, with defaults', () => {
    const names = formFields('hashicorp-vault', 'remote-execution', 'kubernetes').map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['vaultUrl', 'mountPoint', 'kubernetesRole', 'kubernetesNamespace']));
    // The AppRole the local containers test with (the agents keep Kubernetes auth).
    expect(names).toContain('roleId');
    expect(formFields('hashicorp-vault', 'astro', 'approle').map((f) => f.name)).not.toContain('kubernetesRole');
    expect(names).not.toContain('deploymentId');
    expect(names).not.toContain('airflowVersion');
    const ssm = formFields('aws-parameter-store', 'astro', 'role');
    expect(ssm.find((f) => f.name === 'connectionsPrefix')!.default).toBe('/airflow/connections');
    expect(ssm.map((f) => f.name)).not.toContain('sep');
    expect(formFields('aws-secrets-manager', 'astro', 'role').find((f) => f.name === 'sep')!.default).toBe('/');
    expect(formFields('azure-key-vault', 'astro', 'client-secret').find((f) => f.name === 'vaultUrl')!.label).toBe('Key Vault URL');
  });
});
