/** Azure Key Vault. */
import { cmd, commented, opt, shellWord, snippet } from '../common-snippets.ts';
import { type Ctx, m, placeholder, value } from '../context.ts';
import type { JsonTree } from '../escape/json.ts';
import { type Check, FIELDS, error, firstOf, listOf, mustMatch, warning } from '../fields.ts';
import type { ProviderSpec } from '../provider-spec.ts';
import type { Snippet } from '../types.ts';
import { mark, plain } from '../slots.ts';

const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
/** What `.env` readers (compose-go for the Astro CLI, python-dotenv) don't read alike; no Azure credential has it. */
const ENV_UNSAFE = /[\r\n'\\]|\$\{/;
const resourceGroupName = mustMatch(/^[-\p{L}\p{N}_.()]{0,89}[-\p{L}\p{N}_()]$/u, 'Resource group names are up to 90 letters, digits, _ - . ( ), not ending with a period');
const guid = (what: string) => mustMatch(GUID, `${what} must be a GUID like 00000000-0000-0000-0000-000000000000`);

/** The vault name from the URL (https://NAME.vault.azure.net/), marked as the URL's slot. */
export function vaultName(ctx: Ctx): string {
  const url = value(ctx, 'vaultUrl');
  if (!url) return mark('vaultUrl', '<your-key-vault-name>');
  const name = url.replace(/^https?:\/\//i, '').split(/[./:?#]/)[0];
  return mark('vaultUrl', name || url);
}

/** Key Vault names allow letters, digits and -, so the separator must be made of those. */
const SEP = /^[A-Za-z0-9-]+$/;

const azurePrefix: Check = (v) =>
  /^[A-Za-z0-9_-]*$/.test(v) ? undefined : error('Key Vault names only allow letters, digits and - (Airflow turns _ into the separator)');

/** The listed agent service accounts as shell words, the whole list one slot. */
function accountWords(ctx: Ctx): string {
  const names = listOf(ctx.typed.kubernetesServiceAccount ?? '');
  if (names.length === 0) return shellWord(m(ctx, 'kubernetesServiceAccount'));
  return mark('kubernetesServiceAccount', names.map((n) => plain(shellWord(n))).join(' '));
}

/**
 * Remote Execution with a managed identity (Microsoft Entra Workload ID): the user-assigned
 * identity, the AKS cluster's OIDC issuer, and one federated credential per agent service
 * account (issuer, subject system:serviceaccount:<namespace>:<account>, the token-exchange
 * audience), so each agent pod's Kubernetes token is exchanged for the identity's.
 */
function federatedCredentials(ctx: Ctx): Snippet {
  const identity = [opt('--resource-group', m(ctx, 'resourceGroup'))];
  const create = cmd([
    'az',
    'identity',
    'federated-credential',
    'create',
    '--name="${sa//./-}"',
    opt('--identity-name', m(ctx, 'managedIdentityName')),
    ...identity,
    opt('--issuer', m(ctx, 'oidcIssuer')),
    '--subject="system:serviceaccount:$namespace:$sa"',
    '--audiences api://AzureADTokenExchange',
  ]);
  const aks = [opt('--name', m(ctx, 'aksClusterName')), opt('--resource-group', m(ctx, 'aksResourceGroup'))];
  const lines = [
    '# 1. The user-assigned managed identity the agents sign in as (skip the first command if it',
    '#    exists). The second prints its client ID: enter it as Managed identity client ID.',
    cmd(['az', 'identity', 'create', opt('--name', m(ctx, 'managedIdentityName')), ...identity]),
    cmd(['az', 'identity', 'show', opt('--name', m(ctx, 'managedIdentityName')), ...identity, '--query clientId', '--output tsv']),
    "# 2. The agents' cluster's OIDC issuer: enter it as Cluster OIDC issuer. If it prints nothing,",
    '#    turn on the OIDC issuer and workload identity first:',
    commented(['az', 'aks', 'update', ...aks, '--enable-oidc-issuer', '--enable-workload-identity']),
    cmd(['az', 'aks', 'show', ...aks, '--query oidcIssuerProfile.issuerUrl', '--output tsv']),
    "# 3. The agents' service accounts: enter the workers', DAG processor's and triggerer's as",
    '#    Agent service accounts.',
    cmd(['kubectl', 'get', 'serviceaccounts', opt('--namespace', m(ctx, 'kubernetesNamespace'))]),
    '# 4. One federated credential per agent service account, named after it:',
    'namespace=' + shellWord(m(ctx, 'kubernetesNamespace')),
    'accounts=(' + accountWords(ctx) + ')',
    'for sa in "${accounts[@]}"; do',
    ...create.split('\n').map((l) => '  ' + l),
    'done',
  ];
  return snippet('azure-federated-credentials', 'Managed identity and federated credentials', 'sh', lines.join('\n') + '\n');
}

/** Software with an older provider: the service principal goes into AZURE_* variables, not the kwargs. */
function credentialsInEnvironment(ctx: Ctx): boolean {
  return ctx.platform === 'software' && ctx.authMethod === 'client-secret' && value(ctx, 'credentialsIn') === 'environment';
}

/**
 * A credential as an environment variable's value. Azure's IDs are GUIDs and its client secrets
 * letters, digits and ~ . _ -; text with a quote, backslash, line break or ${ (flagged at the
 * field) shows the placeholder instead, because the .env readers disagree on it.
 */
function envCredential(ctx: Ctx, name: 'clientId' | 'tenantId' | 'clientSecret'): string {
  return ENV_UNSAFE.test(value(ctx, name)) ? mark(name, placeholder(ctx, name)) : m(ctx, name);
}

/** The service principal as the Azure SDK's EnvironmentCredential reads it (DefaultAzureCredential tries it first). */
function azureEnv(ctx: Ctx): Record<string, string> {
  return { AZURE_CLIENT_ID: envCredential(ctx, 'clientId'), AZURE_TENANT_ID: envCredential(ctx, 'tenantId'), AZURE_CLIENT_SECRET: envCredential(ctx, 'clientSecret') };
}

/**
 * A managed identity signs in only inside Azure. For local tests: a service principal with
 * the same read role on the vault, created with its secret, whose IDs the .env holds.
 */
function localServicePrincipal(ctx: Ctx): Snippet {
  const vault = vaultName(ctx);
  const lines = [
    '# For local tests only: a service principal the local containers sign in as, with the same',
    '# read role on this vault. It prints the Client ID, Tenant ID and Client secret to enter below.',
    cmd([
      'az',
      'ad',
      'sp',
      'create-for-rbac',
      '--name=airflow-secrets-local',
      "--role 'Key Vault Secrets User'",
      '--scopes="$(' + cmd(['az', 'keyvault', 'show', opt('--name', vault), '--query id', '--output tsv']) + ')"',
      "--query '{clientId: appId, tenantId: tenant, clientSecret: password}'",
      '--output json',
    ]),
    '# A vault that uses access policies instead of Azure RBAC:',
    commented(['az', 'keyvault', 'set-policy', opt('--name', vault), opt('--spn', m(ctx, 'clientId')), '--secret-permissions get']),
  ];
  return snippet('azure-local-credentials', 'Service principal for local tests', 'sh', lines.join('\n') + '\n');
}

export const azureKeyVault: ProviderSpec = {
  info: {
    id: 'azure-key-vault',
    name: 'Azure Key Vault',
    backendClass: 'airflow.providers.microsoft.azure.secrets.key_vault.AzureKeyVaultBackend',
    providerPackage: 'apache-airflow-providers-microsoft-azure',
    defaultKwargs: {
      connections_prefix: 'airflow-connections',
      variables_prefix: 'airflow-variables',
      config_prefix: 'airflow-config',
      vault_url: '',
      sep: '-',
    },
  },
  authMethods: {
    astro: ['client-secret', 'managed-identity'],
    'remote-execution': ['client-secret', 'managed-identity'],
    software: ['client-secret'],
  },
  authLabels: { 'client-secret': 'Service principal (client secret)', 'managed-identity': 'Managed identity' },
  // Keyword kwargs: tenant_id/client_id/client_secret since 8.0.0, managed_identity_client_id and
  // workload_identity_tenant_id since 8.2.0 (provider changelog); older versions hand them to SecretClient.
  // Credentials as AZURE_* variables work with any version that has the key_vault module: no pin.
  minVersion: (ctx) => (ctx.authMethod === 'managed-identity' ? '8.2.0' : credentialsInEnvironment(ctx) ? undefined : '8.0.0'),
  checks: {
    vaultUrl: (v) =>
      /^https:\/\/[A-Za-z][A-Za-z0-9-]{1,22}[A-Za-z0-9]\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net|microsoftazure\.de)\/?$/.test(v)
        ? undefined
        : error(
            'Key Vault URL must look like https://my-vault.vault.azure.net/ (3 to 24 letters, digits and dashes; .vault.azure.cn or .vault.usgovcloudapi.net in sovereign clouds)',
          ),
    tenantId: guid('Tenant ID'),
    // Azure-only fields: their rules live here, so other providers' browser bundles leave them out.
    managedIdentityName: mustMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{2,127}$/, 'Managed identity names are 3 to 128 letters, digits, - and _, starting with a letter or digit'),
    resourceGroup: resourceGroupName,
    aksClusterName: mustMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,61}[A-Za-z0-9]$|^[A-Za-z0-9]$/, 'AKS cluster names are 1 to 63 letters, digits, - and _, starting and ending with a letter or digit'),
    aksResourceGroup: resourceGroupName,
    credentialsIn: (v) => (v === 'kwargs' || v === 'environment' ? undefined : error('Choose kwargs or environment')),
    clientId: guid('Client ID'),
    clientSecret: (v) =>
      ENV_UNSAFE.test(v) ? error('Azure client secrets are letters, digits and ~ . _ -; this one has a quote, backslash, line break or ${: check the copy.') : undefined,
    managedIdentityClientId: guid('Managed identity client ID'),
    principalObjectId: guid('Object ID'),
    oidcIssuer: firstOf(FIELDS.oidcIssuer.check, (v) =>
      /^https:\/\/[a-z0-9-]+\.oic\.prod-aks\.azure\.com\/[0-9a-fA-F-]{36}\/[0-9a-fA-F-]{36}\/?$/.test(v)
        ? undefined
        : warning('AKS issuers look like https://<region>.oic.prod-aks.azure.com/<tenant ID>/<GUID>/; check that this is the one the command printed.'),
    ),
    sep: (v) => (SEP.test(v) ? undefined : error('Key Vault names only allow letters, digits and -, so the separator must be one of those (usually -)')),
    connectionsPrefix: azurePrefix,
    variablesPrefix: azurePrefix,
  },

  kwargs(ctx) {
    const kw: Record<string, JsonTree> = {
      connections_prefix: m(ctx, 'connectionsPrefix'),
      variables_prefix: m(ctx, 'variablesPrefix'),
    };
    if (ctx.typed.sep !== undefined) kw.sep = m(ctx, 'sep');
    kw.vault_url = m(ctx, 'vaultUrl');
    if (ctx.authMethod === 'managed-identity') {
      kw.managed_identity_client_id = m(ctx, 'managedIdentityClientId');
      kw.workload_identity_tenant_id = m(ctx, 'tenantId');
    } else if (!credentialsInEnvironment(ctx)) {
      // With all three set the backend uses exactly this service principal.
      kw.tenant_id = m(ctx, 'tenantId');
      kw.client_id = m(ctx, 'clientId');
      kw.client_secret = m(ctx, 'clientSecret');
    }
    return kw;
  },
  naming(ctx) {
    return { connections_prefix: m(ctx, 'connectionsPrefix'), variables_prefix: m(ctx, 'variablesPrefix'), sep: value(ctx, 'sep') };
  },
  setup(ctx) {
    const vault = vaultName(ctx);
    const clientId = m(ctx, ctx.authMethod === 'managed-identity' ? 'managedIdentityClientId' : 'clientId');
    // The object ID of the identity's service principal; with it, az needs no directory (Graph) lookup.
    const oid = ctx.typed.principalObjectId
      ? shellWord(m(ctx, 'principalObjectId'))
      : '"$(' + cmd(['az', 'ad', 'sp', 'show', opt('--id', clientId), '--query id', '--output tsv']) + ')"';
    const who = ctx.authMethod === 'managed-identity' ? 'managed identity' : 'app registration';
    const lines = [
      `# Let the ${who} read secret values in this vault (role Key Vault Secrets User). Key Vault RBAC`,
      "# has no name-prefix scope: this covers every secret in the vault, so keep Airflow's in a vault of their own.",
      cmd([
        'az',
        'role',
        'assignment',
        'create',
        "--role 'Key Vault Secrets User'",
        '--assignee-object-id=' + oid,
        '--assignee-principal-type ServicePrincipal',
        '--scope="$(' + cmd(['az', 'keyvault', 'show', opt('--name', vault), '--query id', '--output tsv']) + ')"',
      ]),
      '# A vault that uses access policies instead of Azure RBAC needs only "get" on secrets:',
      commented(['az', 'keyvault', 'set-policy', opt('--name', vault), '--object-id=' + oid, '--secret-permissions get']),
    ];
    const grant = snippet('azure-grant-access', 'Grant read access', 'sh', lines.join('\n') + '\n');
    if (ctx.authMethod !== 'managed-identity') return [grant];
    const local = localServicePrincipal(ctx);
    return ctx.platform === 'remote-execution' ? [federatedCredentials(ctx), grant, local] : [grant, local];
  },
  localEnv(ctx) {
    if (ctx.authMethod !== 'managed-identity') return undefined;
    return {
      notes: [
        'Local tests only: a managed identity exists only in Azure. The Azure SDK tries these',
        'variables first, so the local containers sign in as the local service principal.',
      ],
      env: azureEnv(ctx),
    };
  },
  softwareEnv(ctx) {
    if (!credentialsInEnvironment(ctx)) return [];
    return Object.entries(azureEnv(ctx)).map(([name, v]) => ({ name, value: v, secret: name === 'AZURE_CLIENT_SECRET' }));
  },
  write(ctx, kind, names, v) {
    const name = kind === 'variable' ? names.variable : names.connection;
    const note = kind === 'variable' ? '# The value is piped in: az reads an argument that starts with @ from a file.\n' : '';
    return note + cmd(['az', 'keyvault', 'secret', 'set', opt('--vault-name', vaultName(ctx)), opt('--name', name), '--file /dev/stdin', '--encoding utf-8'], v) + '\n';
  },
  verify(ctx, names) {
    const get = (name: string) =>
      cmd(['az', 'keyvault', 'secret', 'show', opt('--vault-name', vaultName(ctx)), opt('--name', name), '--query value', '--output tsv']);
    return get(names.variable) + '\n' + get(names.connection) + '\n';
  },
  remove(ctx, names) {
    const del = (name: string) => cmd(['az', 'keyvault', 'secret', 'delete', opt('--vault-name', vaultName(ctx)), opt('--name', name)]);
    return [
      '# Delete both test secrets.',
      del(names.variable),
      del(names.connection),
      '# Soft delete (always on for new vaults) keeps deleted secrets recoverable for the retention period',
      '# (90 days by default), and their names cannot be used again until then. To free the names at once',
      '# (needs the purge permission; not possible while purge protection is on):',
      ...[names.variable, names.connection].map((n) => commented(['az', 'keyvault', 'secret', 'purge', opt('--vault-name', vaultName(ctx)), opt('--name', n)])),
      // A managed identity's service principal for local tests keeps a secret until it is deleted.
      ...(ctx.authMethod === 'managed-identity'
        ? ['# Once you no longer test locally, delete the service principal made for it (and its secret):', commented(['az', 'ad', 'sp', 'delete', opt('--id', m(ctx, 'clientId'))])]
        : []),
      '',
    ].join('\n');
  },
  identity(ctx) {
    if (ctx.authMethod !== 'managed-identity') return undefined;
    return {
      labels: { 'azure.workload.identity/use': 'true' },
      annotations: { 'azure.workload.identity/client-id': m(ctx, 'managedIdentityClientId') },
    };
  },
  crossChecks(ctx, names) {
    const sep = value(ctx, 'sep');
    const sepOk = ctx.typed.sep === undefined || SEP.test(sep);
    for (const [field, name] of [
      ['variableKey', names.variable],
      ['connectionId', names.connection],
    ] as const) {
      const key = ctx.typed[field];
      if (key === undefined) continue;
      const n = plain(name);
      if (!/^[A-Za-z0-9_-]+$/.test(key)) {
        ctx.problems.push({ field, severity: 'error', message: `Key Vault names only allow letters, digits and - (the name would be ${n})` });
      } else if (key.includes('_') && sepOk) {
        ctx.problems.push({
          field,
          severity: 'warning',
          message: `Key Vault names cannot contain _, so Airflow replaces every _ with "${sep}" and looks up ${n}; the commands here use that name.`,
        });
      }
      if (n.length > 127) ctx.problems.push({ field, severity: 'error', message: `Key Vault names can be at most 127 characters (this one has ${n.length})` });
    }
  },
};
