/**
 * An independent model of what the snippets must contain for a given input, written from
 * the reference sheet and the issue (defaults, placeholders, naming rules, Airflow's URI
 * rules), without using the generator's code. Property tests compare real parser output
 * and recorded command lines against it.
 */
export type Input = Record<string, string | undefined>;
export type Pid = 'hashicorp-vault' | 'aws-parameter-store' | 'aws-secrets-manager' | 'gcp-secret-manager' | 'azure-key-vault';
export type Plat = 'astro' | 'remote-execution' | 'software';

export const CLASS: Record<Pid, string> = {
  'hashicorp-vault': 'airflow.providers.hashicorp.secrets.vault.VaultBackend',
  'aws-parameter-store': 'airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend',
  'aws-secrets-manager': 'airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend',
  'gcp-secret-manager': 'airflow.providers.google.cloud.secrets.secret_manager.CloudSecretManagerBackend',
  'azure-key-vault': 'airflow.providers.microsoft.azure.secrets.key_vault.AzureKeyVaultBackend',
};

/** Auth methods per platform, from the table (first = default). */
export const AUTH_METHODS: Record<Pid, Record<Plat, string[]>> = {
  'hashicorp-vault': { astro: ['approle'], 'remote-execution': ['approle', 'kubernetes'], software: ['approle'] },
  'aws-parameter-store': { astro: ['role'], 'remote-execution': ['role'], software: ['access-keys'] },
  'aws-secrets-manager': { astro: ['role'], 'remote-execution': ['role'], software: ['access-keys'] },
  'gcp-secret-manager': { astro: ['workload-identity', 'key-file'], 'remote-execution': ['workload-identity'], software: ['key-file'] },
  'azure-key-vault': { astro: ['client-secret', 'managed-identity'], 'remote-execution': ['client-secret', 'managed-identity'], software: ['client-secret'] },
};

/** Every provider x platform x auth method of that table. */
export const COMBOS = (Object.keys(AUTH_METHODS) as Pid[]).flatMap((p) =>
  (['astro', 'remote-execution', 'software'] as Plat[]).flatMap((platform) => AUTH_METHODS[p][platform].map((auth) => ({ p, platform, auth }))),
);

const PH: Record<string, string> = {
  deploymentId: '<your-deployment-id>',
  roleId: '<your-approle-role-id>',
  secretId: '<your-approle-secret-id>',
  kubernetesHost: '<your-kubernetes-api-url>',
  region: '<your-aws-region>',
  roleArn: '<your-role-arn>',
  accessKeyId: '<your-aws-access-key-id>',
  secretAccessKey: '<your-aws-secret-access-key>',
  awsAccountId: '<your-aws-account-id>',
  iamUserName: '<your-iam-user-name>',
  projectId: '<your-gcp-project-id>',
  serviceAccountEmail: '<your-service-account-email>',
  tenantId: '<your-tenant-id>',
  clientId: '<your-client-id>',
  clientSecret: '<your-client-secret>',
  managedIdentityClientId: '<your-managed-identity-client-id>',
  managedIdentityName: '<your-managed-identity>',
  resourceGroup: '<your-resource-group>',
  aksClusterName: '<your-aks-cluster>',
  aksResourceGroup: '<your-aks-resource-group>',
  kubernetesNamespace: '<your-agent-namespace>',
  eksClusterName: '<your-eks-cluster>',
  oidcIssuer: '<your-cluster-oidc-issuer>',
  agentChartVersion: '<installed-chart-version>',
  kubernetesServiceAccount: '<your-agent-service-account>',
  variableKey: '<your-variable-key>',
  variableValue: '<your-variable-value>',
  connectionId: '<your-connection-id>',
  connHost: '<your-connection-host>',
  connLogin: '<your-connection-login>',
  connPassword: '<your-connection-password>',
};

const DEFAULTS: Record<string, string> = {
  mountPoint: 'airflow',
  kvVersion: '2',
  connectionsPath: 'connections',
  variablesPath: 'variables',
  policyName: 'airflow-secrets-read',
  roleName: 'airflow',
  kubernetesRole: 'airflow',
  kubernetesAuthMount: 'kubernetes',
  connType: 'postgres',
  helmRelease: 'astro-agent',
};

const PREFIXES: Record<Exclude<Pid, 'hashicorp-vault'>, [string, string, string]> = {
  'aws-parameter-store': ['/airflow/connections', '/airflow/variables', ''],
  'aws-secrets-manager': ['airflow/connections', 'airflow/variables', '/'],
  'gcp-secret-manager': ['airflow-connections', 'airflow-variables', '-'],
  'azure-key-vault': ['airflow-connections', 'airflow-variables', '-'],
};

/** Typed value, else default, else placeholder. */
export function val(p: Pid, inp: Input, k: string): string {
  if (inp[k]) return inp[k] as string;
  if (p !== 'hashicorp-vault') {
    const [c, v, s] = PREFIXES[p];
    if (k === 'connectionsPrefix') return c;
    if (k === 'variablesPrefix') return v;
    if (k === 'sep') return s;
  }
  if (k === 'vaultUrl') return p === 'azure-key-vault' ? '<your-key-vault-url>' : '<your-vault-url>';
  return DEFAULTS[k] ?? PH[k] ?? '';
}

const clean = (s: string) =>
  s.replace(/[\uE000-\uE00F\u0000]/g, '').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

function cleanTree(v: unknown): unknown {
  if (typeof v === 'string') return clean(v);
  if (Array.isArray(v)) return v.map(cleanTree);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k), cleanTree(x)]));
  return v;
}

export function objectOf(text: string | undefined): Record<string, unknown> | undefined {
  if (!text) return undefined;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (cleanTree(v) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const rstrip = (s: string, chars: string) => {
  let e = s.length;
  while (chars && e > 0 && chars.includes(s[e - 1])) e--;
  return s.slice(0, e);
};

/** The name Airflow requests (sheet sections 1-5), for a key (a placeholder or `*` included). */
export function nameOf(p: Pid, inp: Input, kind: 'variable' | 'connection', key: string): string {
  const v = kind === 'variable';
  if (p === 'hashicorp-vault') {
    const path = rstrip(val(p, inp, v ? 'variablesPath' : 'connectionsPath'), '/');
    const rest = path ? path + '/' + key : key;
    return val(p, inp, 'mountPoint') + (inp.kvVersion === '1' ? '/' : '/data/') + rest;
  }
  let prefix = val(p, inp, v ? 'variablesPrefix' : 'connectionsPrefix');
  const sep = val(p, inp, 'sep');
  if (p === 'aws-parameter-store') {
    const n = rstrip(prefix, '/') + '/' + key;
    return n.startsWith('/') ? n : '/' + n;
  }
  if (p === 'gcp-secret-manager') return prefix + sep + key;
  prefix = rstrip(prefix, sep);
  const n = prefix ? prefix + sep + key : key;
  return p === 'azure-key-vault' ? n.split('_').join(sep) : n;
}

export function names(p: Pid, inp: Input) {
  return { variable: nameOf(p, inp, 'variable', val(p, inp, 'variableKey')), connection: nameOf(p, inp, 'connection', val(p, inp, 'connectionId')) };
}

const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const plus = (s: string) => enc(s).replace(/%20/g, '+');
const normType = (t: string) => (t === 'postgresql' ? 'postgres' : t.split('-').join('_'));

/** Python json.dumps defaults: ", " / ": " separators, ASCII only. */
function pyDumps(v: unknown): string {
  const spaced = (x: unknown): string =>
    Array.isArray(x)
      ? '[' + x.map(spaced).join(', ') + ']'
      : x && typeof x === 'object'
        ? '{' + Object.entries(x).map(([k, y]) => JSON.stringify(k) + ': ' + spaced(y)).join(', ') + '}'
        : JSON.stringify(x);
  return spaced(v).replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/**
 * Airflow get_uri() (section 7.2) for the test connection. Every part but the type is optional: an
 * empty one is left out (None in Airflow), so no placeholder ever reaches a stored secret.
 */
export function uriOf(inp: Input): string {
  let s = normType(inp.connType || 'postgres').toLowerCase().split('_').join('-') + '://';
  let host = inp.connHost ?? '';
  if (host.includes('://')) {
    const i = host.indexOf('://');
    if (i > 0) s += host.slice(0, i) + '://';
    host = host.slice(i + 3);
  }
  let authority = '';
  if (inp.connLogin) authority += enc(inp.connLogin);
  if (inp.connPassword) authority += ':' + enc(inp.connPassword);
  if (authority) s += authority + '@';
  let block = host ? enc(host) : '';
  if (inp.connPort && !/^0+$/.test(inp.connPort)) block += (block === '' && authority === '' ? '@:' : ':') + inp.connPort;
  if (inp.connSchema) block += '/' + enc(inp.connSchema);
  s += block;
  if (inp.connExtra) {
    const lead = inp.connSchema ? '?' : '/?';
    const o = objectOf(inp.connExtra);
    const entries = o ? Object.entries(o) : [];
    if (o && entries.length && entries.every(([, x]) => typeof x === 'string')) {
      s += lead + entries.map(([k, x]) => plus(k) + '=' + plus(x as string)).join('&');
    } else {
      s += lead + '__extra__=' + plus(o ? pyDumps(o) : inp.connExtra);
    }
  }
  return s;
}

export function connJsonOf(inp: Input): Record<string, unknown> {
  const o: Record<string, unknown> = { conn_type: normType(inp.connType || 'postgres') };
  if (inp.connHost) o.host = inp.connHost;
  if (inp.connLogin) o.login = inp.connLogin;
  if (inp.connPassword) o.password = inp.connPassword;
  if (inp.connPort) o.port = /^\d{1,5}$/.test(inp.connPort) ? Number(inp.connPort) : inp.connPort;
  if (inp.connSchema) o.schema = inp.connSchema;
  if (inp.connExtra) o.extra = objectOf(inp.connExtra) ?? inp.connExtra;
  return o;
}

export function kwargsOf(p: Pid, platform: Plat, auth: string, inp: Input): Record<string, unknown> {
  const v = (k: string) => val(p, inp, k);
  if (p === 'hashicorp-vault') {
    const kv = inp.kvVersion;
    const kw: Record<string, unknown> = {
      connections_path: v('connectionsPath'),
      variables_path: v('variablesPath'),
      mount_point: v('mountPoint'),
      kv_engine_version: !kv ? 2 : kv === '1' || kv === '2' ? Number(kv) : kv,
      url: v('vaultUrl'),
    };
    if (inp.namespace) kw.namespace = inp.namespace;
    if (auth === 'kubernetes') Object.assign(kw, { auth_type: 'kubernetes', kubernetes_role: v('kubernetesRole'), auth_mount_point: v('kubernetesAuthMount') });
    else Object.assign(kw, { auth_type: 'approle', role_id: v('roleId'), secret_id: v('secretId') });
    return kw;
  }
  const kw: Record<string, unknown> = { connections_prefix: v('connectionsPrefix'), variables_prefix: v('variablesPrefix') };
  if (p !== 'aws-parameter-store' && inp.sep) kw.sep = inp.sep;
  if (p === 'aws-parameter-store' || p === 'aws-secrets-manager') {
    kw.region_name = v('region');
    if (auth === 'access-keys') Object.assign(kw, { aws_access_key_id: v('accessKeyId'), aws_secret_access_key: v('secretAccessKey') });
    else if (platform !== 'remote-execution') kw.role_arn = v('roleArn');
  } else if (p === 'gcp-secret-manager') {
    kw.project_id = v('projectId');
    if (auth === 'key-file') kw.gcp_keyfile_dict = inp.keyfileJson ? (objectOf(inp.keyfileJson) ?? inp.keyfileJson) : 'TEMPLATE';
  } else {
    kw.vault_url = v('vaultUrl');
    if (auth === 'managed-identity') Object.assign(kw, { managed_identity_client_id: v('managedIdentityClientId'), workload_identity_tenant_id: v('tenantId') });
    // Software with an older provider: the credentials are AZURE_* variables (softwareEnvOf), not kwargs.
    else if (!(platform === 'software' && inp.credentialsIn === 'environment')) Object.assign(kw, { tenant_id: v('tenantId'), client_id: v('clientId'), client_secret: v('clientSecret') });
  }
  return kw;
}

/** Compare kwargs, accepting any key-file template object where the model says TEMPLATE. */
export function kwargsMatch(actual: Record<string, unknown>, intended: Record<string, unknown>): boolean {
  if (intended.gcp_keyfile_dict === 'TEMPLATE') {
    const t = actual.gcp_keyfile_dict as Record<string, unknown> | undefined;
    if (!t || typeof t !== 'object' || t.type !== 'service_account') return false;
    return JSON.stringify({ ...actual, gcp_keyfile_dict: 'TEMPLATE' }) === JSON.stringify(intended);
  }
  return JSON.stringify(actual) === JSON.stringify(intended);
}

const ROLE_ARN = /^arn:(aws[a-z-]*):iam::(\d{12}):role\/(?:[^/]*\/)*([^/]+)$/;

/** The AWS partition a region belongs to (undefined when the text is not a region or the partition is not known here). */
export function partitionOfRegion(region: string | undefined): string | undefined {
  if (!region || !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)) return undefined;
  const known: [RegExp, string][] = [
    [/^cn-/, 'aws-cn'],
    [/^us-gov-/, 'aws-us-gov'],
    [/^us-iso-/, 'aws-iso'],
    [/^us-isob-/, 'aws-iso-b'],
    [/-iso/, ''],
  ];
  for (const [re, part] of known) if (re.test(region)) return part || undefined;
  return 'aws';
}

export function iamPolicyOf(p: 'aws-parameter-store' | 'aws-secrets-manager', inp: Input) {
  const r = ROLE_ARN.exec(inp.roleArn ?? '');
  // Resources live in the region's partition; the role's is the fallback.
  const part = partitionOfRegion(inp.region) ?? (r ? r[1] : 'aws');
  const acct = inp.awsAccountId || (r ? r[2] : PH.awsAccountId);
  const region = val(p, inp, 'region');
  const res = (['connection', 'variable'] as const).map((k) => {
    const n = nameOf(p, inp, k, '*');
    return p === 'aws-parameter-store' ? `arn:${part}:ssm:${region}:${acct}:parameter${n}` : `arn:${part}:secretsmanager:${region}:${acct}:secret:${n}`;
  });
  return {
    policy: {
      Version: '2012-10-17',
      Statement: [{ Sid: 'ReadAirflowSecrets', Effect: 'Allow', Action: p === 'aws-parameter-store' ? 'ssm:GetParameter' : 'secretsmanager:GetSecretValue', Resource: res }],
    },
    policyArn: `arn:${part}:iam::${acct}:policy/${val(p, inp, 'policyName')}`,
    roleName: r ? r[3] : inp.roleArn || '<your-role-name>',
  };
}

/**
 * The docker-compose.override.yml a setup needs locally, as parsed YAML, or undefined: the
 * Astro CLI's Airflow services of the Airflow version (astronomer/astro-cli compose templates),
 * each with the reader's AWS or gcloud sign-in mounted, or (Vault) the host entry for a Vault on the host.
 */
export function composeOverrideOf(p: Pid, platform: Plat, auth: string, inp: Input): Record<string, unknown> | undefined {
  if (platform === 'software') return undefined;
  let service: Record<string, unknown> | undefined;
  if ((p === 'aws-parameter-store' || p === 'aws-secrets-manager') && auth === 'role') {
    service = {
      volumes: ['${HOME}/.aws:/usr/local/airflow/.aws:ro'],
      environment: { AWS_CONFIG_FILE: '/usr/local/airflow/.aws/config', AWS_SHARED_CREDENTIALS_FILE: '/usr/local/airflow/.aws/credentials' },
    };
  } else if (p === 'gcp-secret-manager' && auth === 'workload-identity') {
    const file = '/usr/local/airflow/gcloud/application_default_credentials.json';
    service = { volumes: [`\${HOME}/.config/gcloud/application_default_credentials.json:${file}:ro`], environment: { GOOGLE_APPLICATION_CREDENTIALS: file } };
  } else if (p === 'hashicorp-vault') {
    // Every Vault setup: the local containers sign in with an AppRole (Kubernetes auth too, locally).
    service = { extra_hosts: ['host.docker.internal:host-gateway'] };
  }
  if (!service) return undefined;
  const names = platform === 'astro' && inp.airflowVersion === '2' ? ['scheduler', 'webserver', 'triggerer'] : ['scheduler', 'dag-processor', 'api-server', 'triggerer'];
  return { services: Object.fromEntries(names.map((n) => [n, service])) };
}

/** The auth method the local containers sign in with: Vault Kubernetes auth needs the agent cluster, so locally an AppRole. */
export function localAuthOf(p: Pid, auth: string): string {
  return p === 'hashicorp-vault' && auth === 'kubernetes' ? 'approle' : auth;
}

/** The service principal as the Azure SDK's environment credential reads it. */
function azureEnvOf(inp: Input): Record<string, string> {
  // Text the .env readers don't read alike (quote, backslash, line break, ${) is never an Azure
  // credential: the placeholder shows instead.
  const v = (k: string) => (/[\r\n'\\]|\$\{/.test(inp[k] ?? '') ? PH[k] : val('azure-key-vault', inp, k));
  return { AZURE_CLIENT_ID: v('clientId'), AZURE_TENANT_ID: v('tenantId'), AZURE_CLIENT_SECRET: v('clientSecret') };
}

/** Variables the local .env has besides the backend's two: Azure managed identity's local service principal. */
export function localEnvOf(p: Pid, platform: Plat, auth: string, inp: Input): Record<string, string> {
  return p === 'azure-key-vault' && auth === 'managed-identity' && platform !== 'software' ? azureEnvOf(inp) : {};
}

/** Variables the Software Dockerfile and UI get besides the backend's two. */
export function softwareEnvOf(p: Pid, platform: Plat, auth: string, inp: Input): Record<string, string> {
  return p === 'azure-key-vault' && platform === 'software' && auth === 'client-secret' && inp.credentialsIn === 'environment' ? azureEnvOf(inp) : {};
}

/**
 * Astro: the role's trust policy. The Deployment's workload identity, and the reader's own IAM
 * identity while testing locally (`withLocalTests`: until the restore command runs).
 */
export function astroTrustOf(inp: Input, withLocalTests = true) {
  const principal = (k: string, ph: string) => (inp[k] ? (inp[k] as string) : ph);
  const trusted = (Sid: string, arn: string) => ({ Sid, Effect: 'Allow', Principal: { AWS: arn }, Action: 'sts:AssumeRole' });
  return cleanTree({
    Version: '2012-10-17',
    Statement: [
      trusted('AstroDeploymentWorkloadIdentity', principal('workloadIdentityArn', '<your-workload-identity-arn>')),
      ...(withLocalTests ? [trusted('LocalTests', principal('localPrincipalArn', '<your-own-iam-arn>'))] : []),
    ],
  });
}

/** The IRSA trust policy of a Remote Execution role, from the input alone. */
export function irsaTrustOf(p: 'aws-parameter-store' | 'aws-secrets-manager', inp: Input) {
  const r = ROLE_ARN.exec(inp.roleArn ?? '');
  const part = partitionOfRegion(inp.region) ?? (r ? r[1] : 'aws');
  const acct = inp.awsAccountId || (r ? r[2] : PH.awsAccountId);
  const host = inp.oidcIssuer ? inp.oidcIssuer.replace(/^https:\/\//, '').replace(/\/$/, '') : PH.oidcIssuer;
  const ns = val(p, inp, 'kubernetesNamespace');
  const names = (inp.kubernetesServiceAccount ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  return cleanTree({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'RemoteExecutionAgents',
        Effect: 'Allow',
        Principal: { Federated: `arn:${part}:iam::${acct}:oidc-provider/${host}` },
        Action: 'sts:AssumeRoleWithWebIdentity',
        Condition: {
          StringEquals: { [`${host}:aud`]: 'sts.amazonaws.com' },
          StringLike: { [`${host}:sub`]: (names.length ? names : ['*']).map((n) => `system:serviceaccount:${ns}:${n}`) },
        },
      },
    ],
  });
}

function serviceAccountOf(inp: Input): string {
  if (inp.serviceAccountEmail) return inp.serviceAccountEmail;
  const e = objectOf(inp.keyfileJson)?.client_email;
  return typeof e === 'string' && e ? clean(e) : PH.serviceAccountEmail;
}

/** Where the service account email comes from: the typed email, else the key file's client_email. */
function accountSourceOf(inp: Input): { field: string; email: string } | undefined {
  if (inp.serviceAccountEmail) return { field: 'serviceAccountEmail', email: inp.serviceAccountEmail };
  const e = objectOf(inp.keyfileJson)?.client_email;
  return typeof e === 'string' && e ? { field: 'keyfileJson', email: clean(e) } : undefined;
}

/**
 * The field that must carry the "do not create this account here" warning, or undefined: user-managed
 * service accounts are NAME@PROJECT_ID.iam.gserviceaccount.com; anything else (Google-managed service
 * agents, Compute/App Engine defaults, another project's account) is not created by the reader.
 */
export function foreignAccountOf(inp: Input): string | undefined {
  const src = accountSourceOf(inp);
  if (!src) return undefined;
  const parts = src.email.split('@');
  if (parts[0] === '' || parts.length < 2) return undefined;
  const domain = parts.slice(1).join('@');
  const home = '.iam.gserviceaccount.com';
  if (inp.projectId) return domain === inp.projectId + home ? undefined : src.field;
  // No project ID typed: any account of a well-formed project ID counts as the reader's own.
  const project = domain.endsWith(home) ? domain.slice(0, -home.length) : '';
  return /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/.test(project) ? undefined : src.field;
}

function vaultNameOf(inp: Input): string {
  const u = inp.vaultUrl;
  if (!u) return '<your-key-vault-name>';
  return u.replace(/^https?:\/\//i, '').split(/[./:?#]/)[0] || u;
}

export interface Cmd {
  argv: (string | { prefix: string; json: Record<string, unknown> })[];
  stdin: string;
  /** VAULT_NAMESPACE as the command sees it (undefined: not set). */
  vaultNamespace?: string;
}

/** A comma-separated field: entries with surrounding white space removed, empty ones dropped. */
export function listOf(p: Pid, inp: Input, k: string): string[] {
  const items = (inp[k] ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  return items.length ? items : [val(p, inp, k)];
}

/**
 * The commands each sh snippet runs, in order (argv[0] is the program). A value from input that
 * could start with - is passed as --flag=value (-flag=value for vault) or after a `--` that ends the
 * options, as every one of these CLIs reads it: never as a separate word after a flag.
 */
export function commandsOf(p: Pid, platform: Plat, auth: string, inp: Input): Record<string, Cmd[]> {
  const v = (k: string) => val(p, inp, k);
  const c = (argv: Cmd['argv'], stdin = ''): Cmd => ({ argv, stdin });
  const n = names(p, inp);
  const out: Record<string, Cmd[]> = {};
  const value = v('variableValue');
  const uri = uriOf(inp);
  if (p === 'hashicorp-vault') {
    const mount = v('mountPoint');
    const policy = v('policyName');
    const kvPath = (kind: 'variable' | 'connection') => {
      const path = rstrip(v(kind === 'variable' ? 'variablesPath' : 'connectionsPath'), '/');
      const key = v(kind === 'variable' ? 'variableKey' : 'connectionId');
      return path ? path + '/' + key : key;
    };
    // With a namespace, the snippet exports VAULT_NAMESPACE before its vault command.
    out['vault-enable-kv'] = [
      { ...c(['vault', 'secrets', 'enable', '-path=' + mount, '-version=' + (inp.kvVersion === '1' ? '1' : '2'), 'kv']), vaultNamespace: inp.namespace || undefined },
    ];
    out['vault-write-policy'] = [c(['vault', 'policy', 'write', '--', policy, policy + '.hcl'])];
    if (auth === 'kubernetes') {
      const km = v('kubernetesAuthMount');
      out['vault-kubernetes-auth'] = [
        c(['vault', 'auth', 'enable', '-path=' + km, 'kubernetes']),
        c(['vault', 'write', `auth/${km}/config`, 'kubernetes_host=' + v('kubernetesHost')]),
        c([
          'vault',
          'write',
          `auth/${km}/role/${v('kubernetesRole')}`,
          'bound_service_account_names=' + listOf(p, inp, 'kubernetesServiceAccount').join(','),
          'bound_service_account_namespaces=' + v('kubernetesNamespace'),
          'token_policies=' + policy,
        ]),
      ];
    }
    // AppRole: the deployed login, or with Kubernetes auth the one the local containers test with.
    {
      const role = 'auth/approle/role/' + v('roleName');
      out['vault-approle'] = [
        c(['vault', 'auth', 'enable', 'approle']),
        c(['vault', 'write', role, 'token_policies=' + policy]),
        c(['vault', 'read', '-field=role_id', role + '/role-id']),
        c(['vault', 'write', '-f', '-field=secret_id', role + '/secret-id']),
      ];
    }
    out['write-variable'] = [c(['vault', 'kv', 'put', '-mount=' + mount, '--', kvPath('variable'), 'value=-'], value)];
    out['write-connection'] = [c(['vault', 'kv', 'put', '-mount=' + mount, '--', kvPath('connection'), 'conn_uri=-'], uri)];
    out['verify-secrets'] = [c(['vault', 'kv', 'get', '-mount=' + mount, '--', kvPath('variable')]), c(['vault', 'kv', 'get', '-mount=' + mount, '--', kvPath('connection')])];
    // KV v2 keeps versions: `kv metadata delete` removes all of them; KV v1 `kv delete` removes the secret.
    const del = inp.kvVersion === '1' ? ['vault', 'kv', 'delete'] : ['vault', 'kv', 'metadata', 'delete'];
    out['delete-secrets'] = [c([...del, '-mount=' + mount, '--', kvPath('variable')]), c([...del, '-mount=' + mount, '--', kvPath('connection')])];
  } else if (p === 'aws-parameter-store' || p === 'aws-secrets-manager') {
    const iam = iamPolicyOf(p, inp);
    out['iam-attach-policy'] = [
      c(['aws', 'iam', 'create-policy', '--policy-name=' + v('policyName'), '--policy-document', 'file://airflow-secrets-policy.json']),
      auth === 'access-keys'
        ? c(['aws', 'iam', 'attach-user-policy', '--user-name=' + v('iamUserName'), '--policy-arn=' + iam.policyArn])
        : c(['aws', 'iam', 'attach-role-policy', '--role-name=' + iam.roleName, '--policy-arn=' + iam.policyArn]),
    ];
    // Astro: once the local tests are done, the role trusts the Deployment's workload identity alone.
    if (auth === 'role' && platform === 'astro') {
      out['iam-trust-restore'] = [
        c(['aws', 'iam', 'update-assume-role-policy', '--role-name=' + iam.roleName, { prefix: '--policy-document=', json: astroTrustOf(inp, false) as Record<string, unknown> }]),
      ];
    }
    // The role is created with the trust policy (updating an existing role is a comment).
    if (auth === 'role') {
      out['iam-create-role'] = [c(['aws', 'iam', 'create-role', '--role-name=' + iam.roleName, '--assume-role-policy-document', 'file://trust-policy.json'])];
    }
    // Remote Execution: the cluster's issuer, its IAM identity provider, the agent service accounts.
    if (platform === 'remote-execution' && auth === 'role') {
      out['eks-oidc-issuer'] = [
        c(['aws', 'eks', 'describe-cluster', '--name=' + v('eksClusterName'), '--region=' + v('region'), '--query', 'cluster.identity.oidc.issuer', '--output', 'text']),
        c(['eksctl', 'utils', 'associate-iam-oidc-provider', '--cluster=' + v('eksClusterName'), '--region=' + v('region'), '--approve']),
        c(['kubectl', 'get', 'serviceaccounts', '--namespace=' + v('kubernetesNamespace')]),
      ];
    }
    const region = ['--region=' + v('region')];
    if (p === 'aws-parameter-store') {
      const put = (name: string, s: string) => c(['aws', 'ssm', 'put-parameter', ...region, '--name=' + name, '--type', 'SecureString', '--value', 'file:///dev/stdin'], s);
      const get = (name: string) => c(['aws', 'ssm', 'get-parameter', ...region, '--name=' + name, '--with-decryption', '--query', 'Parameter.Value', '--output', 'text']);
      out['write-variable'] = [put(n.variable, value)];
      out['write-connection'] = [put(n.connection, uri)];
      out['verify-secrets'] = [get(n.variable), get(n.connection)];
      // One delete-parameter per name: a list option cannot take a name that starts with -.
      out['delete-secrets'] = [n.variable, n.connection].map((name) => c(['aws', 'ssm', 'delete-parameter', ...region, '--name=' + name]));
    } else {
      const put = (name: string, s: string) => c(['aws', 'secretsmanager', 'create-secret', ...region, '--name=' + name, '--secret-string', 'file:///dev/stdin'], s);
      const get = (name: string) => c(['aws', 'secretsmanager', 'get-secret-value', ...region, '--secret-id=' + name, '--query', 'SecretString', '--output', 'text']);
      out['write-variable'] = [put(n.variable, value)];
      out['write-connection'] = [put(n.connection, uri)];
      out['verify-secrets'] = [get(n.variable), get(n.connection)];
      const del = (name: string) => c(['aws', 'secretsmanager', 'delete-secret', ...region, '--secret-id=' + name, '--force-delete-without-recovery']);
      out['delete-secrets'] = [del(n.variable), del(n.connection)];
    }
  } else if (p === 'gcp-secret-manager') {
    const project = '--project=' + v('projectId');
    const create = (name: string, s: string) => c(['gcloud', 'secrets', 'create', project, '--replication-policy=automatic', '--data-file=-', '--', name], s);
    const get = (name: string) => c(['gcloud', 'secrets', 'versions', 'access', 'latest', project, '--secret=' + name]);
    const sa = serviceAccountOf(inp);
    out['write-variable'] = [create(n.variable, value)];
    out['write-connection'] = [create(n.connection, uri)];
    out['verify-secrets'] = [get(n.variable), get(n.connection)];
    // Project-level Secret Accessor (per-secret grants are only a commented alternative).
    out['gcp-grant-access'] = [
      c(['gcloud', 'projects', 'add-iam-policy-binding', '--member=serviceAccount:' + sa, '--role=roles/secretmanager.secretAccessor', '--', v('projectId')]),
    ];
    out['delete-secrets'] = [c(['gcloud', 'secrets', 'delete', project, '--quiet', '--', n.variable]), c(['gcloud', 'secrets', 'delete', project, '--quiet', '--', n.connection])];
    const accountId = accountSourceOf(inp)?.email.split('@')[0] || '<your-service-account-id>';
    // An account that is not the project's own is never created (only its key, for key files).
    // The Secret Manager API is enabled first in every case (gcloud services enable is idempotent).
    out['gcp-service-account'] = [
      c(['gcloud', 'services', 'enable', 'secretmanager.googleapis.com', project]),
      ...(foreignAccountOf(inp) ? [] : [c(['gcloud', 'iam', 'service-accounts', 'create', project, '--display-name=Airflow secrets backend', '--', accountId])]),
    ];
    if (auth === 'key-file') out['gcp-service-account'].push(c(['gcloud', 'iam', 'service-accounts', 'keys', 'create', 'key.json', '--iam-account=' + sa]));
    // Astro workload identity: the Deployment's own identity may impersonate the service account instead.
    if (platform === 'astro' && auth === 'workload-identity') {
      const deployment = inp.deploymentIdentity ? v('deploymentIdentity') : '<your-deployment-workload-identity>';
      out['gcp-impersonation'] = [
        c(['gcloud', 'iam', 'service-accounts', 'add-iam-policy-binding', project, '--role=roles/iam.serviceAccountTokenCreator', '--member=serviceAccount:' + deployment, '--', sa]),
      ];
    }
    if (platform === 'remote-execution') {
      for (const ksa of listOf(p, inp, 'kubernetesServiceAccount')) {
        out['gcp-grant-access'].push(
          c([
            'gcloud',
            'iam',
            'service-accounts',
            'add-iam-policy-binding',
            project,
            '--role=roles/iam.workloadIdentityUser',
            `--member=serviceAccount:${v('projectId')}.svc.id.goog[${v('kubernetesNamespace')}/${ksa}]`,
            '--',
            sa,
          ]),
        );
      }
    }
  } else {
    const vault = vaultNameOf(inp);
    const principal = v(auth === 'managed-identity' ? 'managedIdentityClientId' : 'clientId');
    // The object ID is typed, or looked up (az ad sp show) before the scope (bash expands left to right).
    const lookup = inp.principalObjectId ? [] : [c(['az', 'ad', 'sp', 'show', '--id=' + principal, '--query', 'id', '--output', 'tsv'])];
    // Remote Execution, managed identity: the identity, the cluster's issuer, the agent service
    // accounts, then one federated credential per listed account (its name with . as -).
    if (platform === 'remote-execution' && auth === 'managed-identity') {
      const rg = ['--resource-group=' + v('resourceGroup')];
      const aks = ['--name=' + v('aksClusterName'), '--resource-group=' + v('aksResourceGroup')];
      out['azure-federated-credentials'] = [
        c(['az', 'identity', 'create', '--name=' + v('managedIdentityName'), ...rg]),
        c(['az', 'identity', 'show', '--name=' + v('managedIdentityName'), ...rg, '--query', 'clientId', '--output', 'tsv']),
        c(['az', 'aks', 'show', ...aks, '--query', 'oidcIssuerProfile.issuerUrl', '--output', 'tsv']),
        c(['kubectl', 'get', 'serviceaccounts', '--namespace=' + v('kubernetesNamespace')]),
        ...listOf(p, inp, 'kubernetesServiceAccount').map((sa) =>
          c([
            'az',
            'identity',
            'federated-credential',
            'create',
            '--name=' + sa.replace(/\./g, '-'),
            '--identity-name=' + v('managedIdentityName'),
            ...rg,
            '--issuer=' + v('oidcIssuer'),
            `--subject=system:serviceaccount:${v('kubernetesNamespace')}:${sa}`,
            '--audiences',
            'api://AzureADTokenExchange',
          ]),
        ),
      ];
    }
    out['azure-grant-access'] = [
      ...lookup,
      c(['az', 'keyvault', 'show', '--name=' + vault, '--query', 'id', '--output', 'tsv']),
      c([
        'az',
        'role',
        'assignment',
        'create',
        '--role',
        'Key Vault Secrets User',
        '--assignee-object-id=' + (inp.principalObjectId || STUB_OID),
        '--assignee-principal-type',
        'ServicePrincipal',
        '--scope=' + STUB_SCOPE,
      ]),
    ];
    // A managed identity signs in only inside Azure: a service principal for local tests, with
    // the same role on the vault (the scope is looked up first).
    if (auth === 'managed-identity') {
      out['azure-local-credentials'] = [
        c(['az', 'keyvault', 'show', '--name=' + vault, '--query', 'id', '--output', 'tsv']),
        c([
          'az',
          'ad',
          'sp',
          'create-for-rbac',
          '--name=airflow-secrets-local',
          '--role',
          'Key Vault Secrets User',
          '--scopes=' + STUB_SCOPE,
          '--query',
          '{clientId: appId, tenantId: tenant, clientSecret: password}',
          '--output',
          'json',
        ]),
      ];
    }
    const set = (name: string, s: string) => c(['az', 'keyvault', 'secret', 'set', '--vault-name=' + vault, '--name=' + name, '--file', '/dev/stdin', '--encoding', 'utf-8'], s);
    const get = (name: string) => c(['az', 'keyvault', 'secret', 'show', '--vault-name=' + vault, '--name=' + name, '--query', 'value', '--output', 'tsv']);
    out['write-variable'] = [set(n.variable, value)];
    out['write-connection'] = [set(n.connection, uri)];
    out['verify-secrets'] = [get(n.variable), get(n.connection)];
    const del = (name: string) => c(['az', 'keyvault', 'secret', 'delete', '--vault-name=' + vault, '--name=' + name]);
    out['delete-secrets'] = [del(n.variable), del(n.connection)];
  }
  if (platform === 'astro') {
    const id = ['--deployment-id=' + v('deploymentId')];
    out['deploy-astro'] = [
      c(['astro', 'deployment', 'variable', 'create', ...id, 'AIRFLOW__SECRETS__BACKEND=' + CLASS[p]]),
      c(['astro', 'deployment', 'variable', 'create', ...id, '--secret', { prefix: 'AIRFLOW__SECRETS__BACKEND_KWARGS=', json: kwargsOf(p, platform, auth, inp) }]),
      c(['astro', 'deploy', ...id]),
    ];
  }
  if (platform === 'remote-execution') {
    const ns = ['--namespace=' + v('kubernetesNamespace')];
    out['helm-upgrade'] = [
      c(['helm', 'list', ...ns]),
      // The release and its chart version stay as they are: the reader fills in what helm list shows.
      c(['helm', 'upgrade', ...ns, '--version=' + v('agentChartVersion'), '-f', 'values.yaml', '--', v('helmRelease'), 'astronomer/astro-remote-execution-agent']),
    ];
  }
  return out;
}

/** What the stub `az keyvault show` prints, so `--scope "$(...)"` has a known value. */
export const STUB_SCOPE = '/subscriptions/stub/resourceGroups/stub/providers/Microsoft.KeyVault/vaults/stub';
/** What the stub `az ad sp show` prints. */
export const STUB_OID = '00000000-0000-0000-0000-0000000000aa';

/**
 * The identity keys of values.yaml (inventory 2.6): annotations under serviceAccount.annotations (the
 * webhooks read them from the service accounts); the Azure label stays top-level (it must be on the pods).
 */
export function identityOf(p: Pid, platform: Plat, auth: string, inp: Input): Record<string, unknown> {
  if (platform !== 'remote-execution') return {};
  const sa = (annotations: Record<string, string>) => ({ serviceAccount: { annotations } });
  if (p === 'aws-parameter-store' || p === 'aws-secrets-manager') return sa({ 'eks.amazonaws.com/role-arn': val(p, inp, 'roleArn') });
  if (p === 'gcp-secret-manager') return sa({ 'iam.gke.io/gcp-service-account': serviceAccountOf(inp) });
  if (p === 'azure-key-vault' && auth === 'managed-identity') {
    return { labels: { 'azure.workload.identity/use': 'true' }, ...sa({ 'azure.workload.identity/client-id': val(p, inp, 'managedIdentityClientId') }) };
  }
  return {};
}

export function policyPathsOf(inp: Input): string[] {
  return [nameOf('hashicorp-vault', inp, 'connection', '*'), nameOf('hashicorp-vault', inp, 'variable', '*')];
}
