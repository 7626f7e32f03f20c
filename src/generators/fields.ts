/**
 * Canonical input fields: placeholders, defaults, which provider / platform / auth method
 * uses them, which are secret, and per-field format checks (zod/mini). What the form shows
 * lives apart, so the browser's generator carries none of it: labels and examples in
 * field-labels.ts, help texts in field-help.ts.
 */
import * as z from 'zod/mini';
import { sanitize } from './slots.ts';
import { PLATFORMS, PLATFORM_AIRFLOW_VERSIONS, PROVIDER_IDS, hasPlaceholder, type FieldOption, type InputKind, type Platform, type ProviderId, type Severity } from './types.ts';

export { PLATFORMS, PROVIDER_IDS };

/** Fields the UI must never put in a URL, storage or a request. */
export const secretFields: readonly string[] = [
  'variableValue',
  'connPassword',
  'secretId',
  'secretAccessKey',
  'keyfileJson',
  'clientSecret',
];

export interface Finding {
  message: string;
  severity: Severity;
}

/** Context a check may look at: the chosen provider, platform, auth method and the other values. */
export interface CheckContext {
  provider: ProviderId;
  platform: Platform;
  authMethod: string;
  values: Record<string, string>;
}

export type Check = (value: string, ctx: CheckContext) => Finding | undefined;

export interface FieldDef {
  /** The `<your-...>` text snippets show when the field is empty and has no default. */
  placeholder: string;
  default?: string;
  kind: InputKind;
  options?: FieldOption[];
  /** Providers using the field (all when absent). */
  providers?: readonly ProviderId[];
  platforms?: readonly Platform[];
  /** Auth methods using the field (all when absent). */
  auth?: readonly string[];
  /** A check every provider shares; provider-specific ones are in the provider's `checks`. */
  check?: Check;
  /**
   * Values, besides the example, that give a snippet a different layout (a value the snippets
   * treat as a different case, such as an account of another project). The build renders
   * each of them (src/guide/shapes.ts).
   */
  layoutExamples?: readonly string[];
  /**
   * Optional, but shown with the fields every reader fills rather than in the collapsed
   * optional section: the readers who need it (HCP Vault's namespace) must see it.
   */
  prominent?: boolean;
  /** Asked only next to the step it changes (InlineFields), not in the setup form: a choice that matters there alone. */
  inlineOnly?: boolean;
}

const VAULT: ProviderId[] = ['hashicorp-vault'];
const AWS: ProviderId[] = ['aws-parameter-store', 'aws-secrets-manager'];
const GCP: ProviderId[] = ['gcp-secret-manager'];
const AZURE: ProviderId[] = ['azure-key-vault'];
const PREFIXED: ProviderId[] = ['aws-parameter-store', 'aws-secrets-manager', 'gcp-secret-manager', 'azure-key-vault'];

export const error = (message: string): Finding => ({ message, severity: 'error' });
export const warning = (message: string): Finding => ({ message, severity: 'warning' });

/** The first finding of several checks of one field (a provider's rule on top of the shared one). */
export function firstOf(...checks: (Check | undefined)[]): Check {
  return (v, ctx) => {
    for (const c of checks) {
      const f = c?.(v, ctx);
      if (f) return f;
    }
    return undefined;
  };
}

/** A connection part that is still a `<your-...>` placeholder would be stored as typed. */
const notPlaceholder: Check = (v) => (hasPlaceholder(v) ? warning('This is a placeholder: the stored connection would contain it as typed.') : undefined);

/**
 * A login without a password is a valid connection (the URI and JSON leave the password out,
 * never a placeholder), but it is usually a password not yet typed: say so next to the login.
 */
const noPassword = (ctx: CheckContext): Finding | undefined =>
  ctx.values.connPassword ? undefined : warning('No password: the connection is stored without one. Type it in Password if it needs one.');

/** A zod/mini string schema with a regex and an optional length limit; the message explains the rule. */
function pattern(re: RegExp, message: string, max?: number) {
  return max ? z.string().check(z.regex(re, message), z.maxLength(max, message)) : z.string().check(z.regex(re, message));
}

function fails(schema: ReturnType<typeof pattern>, value: string): string | undefined {
  const r = schema.safeParse(value);
  return r.success ? undefined : (r.error.issues[0]?.message ?? 'Invalid value');
}

/** A check that reports an error when the schema rejects the value. */
export function mustMatch(re: RegExp, message: string, max?: number): Check {
  const schema = pattern(re, message, max);
  return (v) => {
    const m = fails(schema, v);
    return m ? error(m) : undefined;
  };
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
/** Azure's rule for resource group names (the identity's and the cluster's). */
/** Helm's rule for release names: DNS subdomain labels, at most HELM_RELEASE_MAX characters. */
const HELM_RELEASE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const HELM_RELEASE_MAX = 53;
/** A chart version: SemVer 2, as the chart's Chart.yaml gives it (a leading v is accepted). */
const CHART_VERSION = /^v?(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?(\+[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?$/;

/** A comma-separated list: entries trimmed, empty ones dropped. */
export function listOf(v: string): string[] {
  return v.split(',').map((x) => x.trim()).filter((x) => x !== '');
}

/** Strings inside parsed JSON get the same clean-up as typed text (`\\uE000` or `\\u0000` escapes). */
function cleanTree(v: unknown): unknown {
  if (typeof v === 'string') return sanitize(v);
  if (Array.isArray(v)) return v.map(cleanTree);
  if (v !== null && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [sanitize(k), cleanTree(x)]));
  }
  return v;
}

/** A JSON object from typed text (cleaned), or undefined when the text is not one. */
export function parseJsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (cleanTree(v) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

export const FIELDS = {
  deploymentId: {
    placeholder: '<your-deployment-id>',
    kind: 'text',
    platforms: ['astro'],
    check: mustMatch(/^[a-z0-9]{20,32}$/, 'Deployment ID must be 20 to 32 lowercase letters and digits, like cl03oiq7d80402nwn7fsl3dmv'),
  },
  vaultUrl: {
    placeholder: '<your-vault-url>',
    kind: 'text',
  },
  namespace: {
    placeholder: '',
    kind: 'text',
    providers: VAULT,
    prominent: true,
  },
  mountPoint: {
    placeholder: '<your-kv-mount>',
    default: 'airflow',
    kind: 'text',
    providers: VAULT,
  },
  kvVersion: {
    placeholder: '2',
    default: '2',
    kind: 'radio',
    options: [
      { value: '2', label: 'KV version 2' },
      { value: '1', label: 'KV version 1' },
    ],
    providers: VAULT,
  },
  connectionsPath: {
    placeholder: '<your-connections-path>',
    default: 'connections',
    kind: 'text',
    providers: VAULT,
  },
  variablesPath: {
    placeholder: '<your-variables-path>',
    default: 'variables',
    kind: 'text',
    providers: VAULT,
  },
  policyName: {
    placeholder: '<your-policy-name>',
    default: 'airflow-secrets-read',
    kind: 'text',
    providers: ['hashicorp-vault', 'aws-parameter-store', 'aws-secrets-manager'],
  },
  roleName: {
    placeholder: '<your-approle-name>',
    default: 'airflow',
    kind: 'text',
    providers: VAULT,
    auth: ['approle', 'kubernetes'],
  },
  roleId: {
    placeholder: '<your-approle-role-id>',
    kind: 'text',
    providers: VAULT,
    auth: ['approle', 'kubernetes'],
  },
  secretId: {
    placeholder: '<your-approle-secret-id>',
    kind: 'password',
    providers: VAULT,
    auth: ['approle', 'kubernetes'],
  },
  kubernetesRole: {
    placeholder: '<your-kubernetes-role>',
    default: 'airflow',
    kind: 'text',
    providers: VAULT,
    auth: ['kubernetes'],
  },
  kubernetesAuthMount: {
    placeholder: '<your-kubernetes-auth-mount>',
    default: 'kubernetes',
    kind: 'text',
    providers: VAULT,
    auth: ['kubernetes'],
  },
  kubernetesHost: {
    placeholder: '<your-kubernetes-api-url>',
    kind: 'text',
    providers: VAULT,
    auth: ['kubernetes'],
  },
  region: {
    placeholder: '<your-aws-region>',
    kind: 'text',
    providers: AWS,
  },
  roleArn: {
    placeholder: '<your-role-arn>',
    kind: 'text',
    providers: AWS,
    auth: ['role'],
  },
  workloadIdentityArn: {
    placeholder: '<your-workload-identity-arn>',
    kind: 'text',
    providers: AWS,
    platforms: ['astro'],
    auth: ['role'],
    check: mustMatch(
      /^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
      'The workload identity is an IAM role ARN, like arn:aws:iam::210987654321:role/AirflowS3Logs-...',
    ),
  },
  localPrincipalArn: {
    placeholder: '<your-own-iam-arn>',
    kind: 'text',
    providers: AWS,
    platforms: ['astro'],
    auth: ['role'],
    check: (v) => {
      if (/^arn:aws(-[a-z]+)*:iam::\d{12}:(user|role)\/[\w+=,.@/-]{1,512}$/.test(v)) return undefined;
      const session = /^arn:aws(-[a-z]+)*:sts::\d{12}:assumed-role\/([\w+=,.@-]+)\//.exec(v);
      if (session) return error(`A sign-in session, not a principal: enter its role's ARN (aws iam get-role --role-name ${session[2]} --query Role.Arn --output text).`);
      return error('An IAM user or role ARN, like arn:aws:iam::123456789012:user/jane');
    },
  },
  eksClusterName: {
    placeholder: '<your-eks-cluster>',
    kind: 'text',
    providers: AWS,
    platforms: ['remote-execution'],
    auth: ['role'],
    check: mustMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/, 'EKS cluster names use letters, digits, - and _ (up to 100), starting with a letter or digit'),
  },
  oidcIssuer: {
    placeholder: '<your-cluster-oidc-issuer>',
    kind: 'text',
    providers: [...AWS, ...AZURE],
    platforms: ['remote-execution'],
    auth: ['role', 'managed-identity'],
    check: mustMatch(
      /^https:\/\/[A-Za-z0-9.-]+(:\d+)?(\/[A-Za-z0-9._~-]+)*\/?$/,
      'The issuer is the https:// URL the command above prints',
    ),
  },
  managedIdentityName: {
    placeholder: '<your-managed-identity>',
    kind: 'text',
    providers: AZURE,
    platforms: ['remote-execution'],
    auth: ['managed-identity'],
  },
  resourceGroup: {
    placeholder: '<your-resource-group>',
    kind: 'text',
    providers: AZURE,
    platforms: ['remote-execution'],
    auth: ['managed-identity'],
  },
  aksClusterName: {
    placeholder: '<your-aks-cluster>',
    kind: 'text',
    providers: AZURE,
    platforms: ['remote-execution'],
    auth: ['managed-identity'],
  },
  aksResourceGroup: {
    placeholder: '<your-aks-resource-group>',
    kind: 'text',
    providers: AZURE,
    platforms: ['remote-execution'],
    auth: ['managed-identity'],
  },
  accessKeyId: {
    placeholder: '<your-aws-access-key-id>',
    kind: 'text',
    providers: AWS,
    auth: ['access-keys'],
  },
  secretAccessKey: {
    placeholder: '<your-aws-secret-access-key>',
    kind: 'password',
    providers: AWS,
    auth: ['access-keys'],
  },
  awsAccountId: {
    placeholder: '<your-aws-account-id>',
    kind: 'text',
    providers: AWS,
  },
  iamUserName: {
    placeholder: '<your-iam-user-name>',
    kind: 'text',
    providers: AWS,
    auth: ['access-keys'],
  },
  projectId: {
    placeholder: '<your-gcp-project-id>',
    kind: 'text',
    providers: GCP,
  },
  serviceAccountEmail: {
    placeholder: '<your-service-account-email>',
    kind: 'text',
    providers: GCP,
    // Another project's account: nothing to create, only access to grant.
    layoutExamples: ['airflow@another-project-45.iam.gserviceaccount.com'],
  },
  deploymentIdentity: {
    // Optional: empty means the Deployment runs as the service account itself (no impersonation).
    placeholder: '',
    kind: 'text',
    providers: GCP,
    platforms: ['astro'],
    auth: ['workload-identity'],
  },
  keyfileJson: {
    placeholder: '<your-service-account-key-json>',
    kind: 'textarea',
    providers: GCP,
    auth: ['key-file'],
  },
  tenantId: {
    placeholder: '<your-tenant-id>',
    kind: 'text',
    providers: AZURE,
  },
  clientId: {
    placeholder: '<your-client-id>',
    kind: 'text',
    providers: AZURE,
    auth: ['client-secret', 'managed-identity'],
  },
  clientSecret: {
    placeholder: '<your-client-secret>',
    kind: 'password',
    providers: AZURE,
    auth: ['client-secret', 'managed-identity'],
  },
  credentialsIn: {
    placeholder: 'kwargs',
    default: 'kwargs',
    kind: 'radio',
    options: [
      { value: 'kwargs', label: 'In the kwargs (provider 8.0.0 or later)' },
      { value: 'environment', label: 'AZURE_* variables (older providers)' },
    ],
    providers: AZURE,
    // Software images can be old; Astro and Remote Execution run current providers.
    platforms: ['software'],
    inlineOnly: true,
    auth: ['client-secret'],
  },
  managedIdentityClientId: {
    placeholder: '<your-managed-identity-client-id>',
    kind: 'text',
    providers: AZURE,
    auth: ['managed-identity'],
  },
  principalObjectId: {
    placeholder: '<your-principal-object-id>',
    kind: 'text',
    providers: AZURE,
  },
  kubernetesNamespace: {
    placeholder: '<your-agent-namespace>',
    kind: 'text',
    platforms: ['remote-execution'],
    check: mustMatch(DNS_LABEL, 'Namespace must be lowercase letters, digits and dashes (up to 63)'),
  },
  agentChartVersion: {
    placeholder: '<installed-chart-version>',
    kind: 'text',
    platforms: ['remote-execution'],
    check: mustMatch(CHART_VERSION, 'Use the version that helm list shows at the end of the CHART column, for example 1.4.0'),
  },
  helmRelease: {
    placeholder: '<your-helm-release>',
    default: 'astro-agent',
    kind: 'text',
    platforms: ['remote-execution'],
    check: mustMatch(HELM_RELEASE, `Helm release names are lowercase letters, digits, dashes and dots (up to ${HELM_RELEASE_MAX})`, HELM_RELEASE_MAX),
  },
  kubernetesServiceAccount: {
    placeholder: '<your-agent-service-account>',
    kind: 'text',
    providers: ['hashicorp-vault', 'gcp-secret-manager', ...AWS, ...AZURE],
    platforms: ['remote-execution'],
    auth: ['kubernetes', 'workload-identity', 'role', 'managed-identity'],
    check: (v) =>
      listOf(v).every((n) => /^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$/.test(n)) && listOf(v).length
        ? undefined
        : error('Service account names are lowercase letters, digits, dashes and dots; separate several with commas'),
  },
  connectionsPrefix: {
    placeholder: '<your-connections-prefix>',
    kind: 'text',
    providers: PREFIXED,
  },
  variablesPrefix: {
    placeholder: '<your-variables-prefix>',
    kind: 'text',
    providers: PREFIXED,
  },
  sep: {
    placeholder: '<your-separator>',
    kind: 'text',
    providers: ['aws-secrets-manager', 'gcp-secret-manager', 'azure-key-vault'],
  },
  variableKey: {
    placeholder: '<your-variable-key>',
    kind: 'text',
    check: (v) => (v.length > 250 ? error('Airflow variable keys can be at most 250 characters') : undefined),
  },
  variableValue: {
    placeholder: '<your-variable-value>',
    kind: 'password',
  },
  connectionId: {
    placeholder: '<your-connection-id>',
    kind: 'text',
  },
  connType: {
    placeholder: '<your-connection-type>',
    default: 'postgres',
    kind: 'text',
    check: mustMatch(
      /^[A-Za-z][A-Za-z0-9_.+-]*$/,
      'Connection type must start with a letter and use letters, digits, _ and -, like postgres',
    ),
  },
  connHost: {
    placeholder: '<your-connection-host>',
    kind: 'text',
    check: firstOf((v) => {
      const i = v.indexOf('://');
      if (i >= 0 && /[@:]/.test(v.slice(0, i))) return error('The part before :// in the host cannot contain @ or :');
      if (i >= 0 && v.indexOf('://', i + 3) >= 0) return error('The host can contain :// only once');
      if (!v.includes('/') && /[A-Z]/.test(v)) return warning('Airflow lowercases host names read from a connection URI');
      return undefined;
    }, notPlaceholder),
  },
  connLogin: { placeholder: '<your-connection-login>', kind: 'text', check: (v, ctx) => notPlaceholder(v, ctx) ?? noPassword(ctx) },
  connPassword: { placeholder: '<your-connection-password>', kind: 'password', check: notPlaceholder },
  connPort: {
    placeholder: '',
    kind: 'text',
    check: (v) => (/^\d{1,5}$/.test(v) && Number(v) >= 1 && Number(v) <= 65535 ? undefined : error('Port must be a number from 1 to 65535')),
  },
  connSchema: { placeholder: '', kind: 'text', check: notPlaceholder },
  connExtra: {
    placeholder: '',
    kind: 'textarea',
    check: (v) => (parseJsonObject(v) ? undefined : error('Extra must be a JSON object, like {"sslmode": "require"}')),
  },
  airflowVersion: {
    placeholder: '3',
    default: '3',
    kind: 'radio',
    options: [
      { value: '3', label: 'Airflow 3' },
      { value: '2', label: 'Airflow 2' },
    ],
    // Offered where the platform runs more than one version.
    platforms: PLATFORMS.filter((p) => PLATFORM_AIRFLOW_VERSIONS[p].length > 1),
    check: (v) => (v === '2' || v === '3' ? undefined : error('Airflow version must be 2 or 3')),
  },
} satisfies Record<string, FieldDef>;

/** A canonical field name: a misspelt one does not compile. */
export type FieldName = keyof typeof FIELDS;

export function isFieldName(name: string): name is FieldName {
  return Object.prototype.hasOwnProperty.call(FIELDS, name);
}

/** Per-provider defaults and placeholders that differ from the table above (labels: field-labels.ts). */
const PROVIDER_OVERRIDES: Partial<Record<ProviderId, Record<string, Partial<FieldDef>>>> = {
  'aws-parameter-store': {
    // Optional for IRSA: without names, every service account of the agent namespace is trusted.
    kubernetesServiceAccount: { placeholder: '' },
    connectionsPrefix: { default: '/airflow/connections' },
    variablesPrefix: { default: '/airflow/variables' },
  },
  'aws-secrets-manager': {
    // Optional for IRSA: without names, every service account of the agent namespace is trusted.
    kubernetesServiceAccount: { placeholder: '' },
    connectionsPrefix: { default: 'airflow/connections' },
    variablesPrefix: { default: 'airflow/variables' },
    sep: { default: '/' },
  },
  'gcp-secret-manager': {
    connectionsPrefix: { default: 'airflow-connections' },
    variablesPrefix: { default: 'airflow-variables' },
    sep: { default: '-' },
  },
  'azure-key-vault': {
    connectionsPrefix: { default: 'airflow-connections' },
    variablesPrefix: { default: 'airflow-variables' },
    sep: { default: '-' },
    vaultUrl: { placeholder: '<your-key-vault-url>' },
  },
};

/** The field definition as it applies to one provider (undefined if the provider does not use it). */
export function fieldDef(name: string, provider: ProviderId): FieldDef | undefined {
  if (!isFieldName(name)) return undefined;
  const base: FieldDef = FIELDS[name];
  if (name === 'vaultUrl' && provider !== 'hashicorp-vault' && provider !== 'azure-key-vault') return undefined;
  if (base.providers && !base.providers.includes(provider)) return undefined;
  const o = PROVIDER_OVERRIDES[provider]?.[name];
  return o ? { ...base, ...o } : base;
}

/** Whether a field is part of the form for this provider, platform and auth method. */
export function fieldApplies(name: string, provider: ProviderId, platform: Platform, authMethod: string): boolean {
  const d = fieldDef(name, provider);
  if (!d) return false;
  if (d.platforms && !d.platforms.includes(platform)) return false;
  if (d.auth && !d.auth.includes(authMethod)) return false;
  return true;
}
