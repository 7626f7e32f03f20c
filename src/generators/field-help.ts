/**
 * Help text of the form fields. Kept out of the rest of the generator so that a page can render
 * it at build time (`formFields` includes it) while the browser bundle, which only needs
 * `formFieldsWithoutHelp`, never loads it.
 */
import type { Platform, ProviderId } from './types.ts';

/** A field's help: one or two lines under the field, more behind a disclosure, and lines for one platform only. */
export interface FieldHelpText {
  /** Under the field, at most two lines of the form (HELP_MAX_CHARS). */
  text: string;
  /** Detail for those who need it, behind a "More" disclosure. */
  more?: string;
  /** A line shown only while that platform is chosen (it names the platform: without scripts all show). */
  on?: Partial<Record<Platform, string>>;
}

/** The longest `text` of a field's help: two lines of the form at its widest. */
export const HELP_MAX_CHARS = 84;

/** Help by field name (a field without an entry has no help). */
export const FIELD_HELP: Readonly<Record<string, string | FieldHelpText>> = {
  deploymentId: 'Shown on the Deployment page in the Astro UI, or by `astro deployment list`.',
  vaultUrl: 'The address of your Vault server as your Deployment reaches it, including the port.',
  namespace: 'HCP Vault and Vault Enterprise only (HCP uses admin). Leave empty otherwise.',
  mountPoint: 'The path of the KV secrets engine that holds the Airflow secrets.',
  kvVersion: 'KV engine version. Version 2, the Vault default, keeps secret versions.',
  connectionsPath: { text: 'Path under the mount where connections live (connections_path).', more: 'Empty means the default. For no path at all, set "connections_path": "" in the kwargs and write the secrets at <mount>/<key> yourself.' },
  variablesPath: { text: 'Path under the mount where variables live (variables_path).', more: 'Empty means the default. For no path at all, set "variables_path": "" in the kwargs and write the secrets at <mount>/<key> yourself.' },
  policyName: 'Name of the read-only policy this guide creates.',
  roleName: 'Name of the AppRole Airflow logs in with (with Kubernetes auth, only locally).',
  roleId: 'Printed by the `vault read ... role-id` command below.',
  secretId: {
    text: 'Printed by the `vault write -f ... secret-id` command below.',
    on: { 'remote-execution': 'On Remote Execution AppRole puts it in values.yaml in plain text (not k8s auth).' },
    more: 'On Remote Execution the Helm release and the pod spec hold it in plain text too. If you keep the AppRole there, keep values.yaml out of version control.',
  },
  kubernetesRole: {
    text: 'Role in the Vault Kubernetes auth method that the agent pods log in with.',
    more: "The generated role sets no audience; if your Vault version asks for one, add audience=<the audience of the pods' service account tokens> to the vault write .../role command.",
  },
  kubernetesAuthMount: 'Path where the Kubernetes auth method is enabled in Vault.',
  kubernetesHost: 'The API server address of the agent cluster, as Vault reaches it.',
  region: 'Region that holds the secrets.',
  roleArn: 'The role Airflow uses to read the secrets.',
  localPrincipalArn: 'The IAM user or role your AWS CLI signs in as, trusted until local tests are done.',
  workloadIdentityArn: {
    text: "Your Deployment's IAM role: Workload Identity on its Details page in the Astro UI.",
    more: 'Your role trusts it: the trust policy lets this ARN assume your role (and your own sign-in, until the local tests are done).',
  },
  eksClusterName: 'The EKS cluster the agents run in.',
  oidcIssuer: {
    text: "The cluster's OIDC issuer URL, printed by the issuer command of the identity step.",
    more: 'The OpenID Connect issuer of the cluster: only tokens it signs are trusted.',
  },
  managedIdentityName: 'The user-assigned managed identity the agents sign in as.',
  resourceGroup: 'The resource group that holds (or will hold) the managed identity.',
  aksClusterName: 'The AKS cluster the agents run in.',
  aksResourceGroup: 'The resource group of the AKS cluster.',
  accessKeyId: 'Of an IAM user that may read the secrets.',
  secretAccessKey: 'Belongs to the access key ID.',
  awsAccountId: 'Used in the policy ARNs. Taken from the role ARN when empty.',
  iamUserName: 'The user that owns the access key; the policy is attached to it.',
  projectId: {
    text: 'The project that holds the secrets (the ID, not the number).',
    on: {
      'remote-execution': 'On Remote Execution the GKE binding uses the pool <projectId>.svc.id.goog.',
    },
    more: 'On Remote Execution, if the GKE cluster is in another project, use <cluster-project>.svc.id.goog in the binding command instead.',
  },
  serviceAccountEmail: {
    text: 'The Google service account Airflow uses.',
    on: {
      astro: "On Astro: your Deployment's workload identity, or the owner of the key file.",
      'remote-execution': "On Remote Execution: the one the agents' Kubernetes service accounts are bound to.",
      software: 'On Astronomer Software: the owner of the key file.',
    },
  },
  deploymentIdentity: {
    text: "Only to impersonate: the Deployment's own identity (its Details page in Astro).",
    more: 'Filled, the backend signs in as this identity and acts as your service account (impersonation_chain). Empty, the Deployment runs as your service account itself.',
  },
  keyfileJson: 'Paste the whole key file. It goes into the kwargs as a JSON object.',
  tenantId: 'Microsoft Entra ID > Overview > Tenant ID.',
  clientId: 'App registration > Overview > Application (client) ID.',
  clientSecret: {
    text: 'App registration > Certificates & secrets: the Value, not the Secret ID.',
    on: { 'remote-execution': 'On Remote Execution a service principal leaves it in values.yaml in plain text.' },
    more: 'On Remote Execution the Helm release and the pod spec hold it in plain text too. If you keep the client secret there, keep values.yaml out of version control.',
  },
  credentialsIn: {
    text: '8.0.0+ (Airflow 2.5+) reads the kwargs; older providers only the AZURE_* variables.',
    more: 'With AZURE_CLIENT_ID, AZURE_TENANT_ID and AZURE_CLIENT_SECRET set, the backend signs in through the Azure SDK\'s DefaultAzureCredential, which reads them in every provider version. The kwargs then hold only the vault URL and the prefixes.',
  },
  managedIdentityClientId: 'Managed Identities > your identity > Client ID.',
  principalObjectId: {
    text: "Optional: the object ID of the identity's service principal (looked up when empty).",
    more: "A managed identity's is under Managed Identities > your identity > Object (principal) ID; an app registration's under Enterprise applications > the app > Object ID (not the app registration's own object ID). With it, the role assignment needs no directory lookup (az ad sp show).",
  },
  kubernetesNamespace: 'Kubernetes namespace the Remote Execution agents run in.',
  agentChartVersion: {
    text: 'The chart version the agents run now: the end of the CHART column of `helm list`.',
    more: 'astro-remote-execution-agent-1.4.0 is 1.4.0. The upgrade keeps it, so only the values change.',
  },
  helmRelease: 'The NAME column of `helm list` in the agent namespace.',
  kubernetesServiceAccount: {
    text: "The agent pods' Kubernetes service accounts, separated by commas.",
    more: 'The workers, the DAG processor and the triggerer each have one (by default <resourceNamePrefix>-worker-..., <resourceNamePrefix>-dag-processor-... and <resourceNamePrefix>-triggerer-...). `kubectl get serviceaccounts -n <namespace>` lists them.',
  },
  connectionsPrefix: { text: 'Prefix of the secret names Airflow looks up for connections (connections_prefix).', more: 'Empty means the default. No prefix at all ("") can\'t be entered here: set "connections_prefix": "" in the kwargs yourself and check the names against the backend\'s naming rules.' },
  variablesPrefix: { text: 'Prefix of the secret names Airflow looks up for variables (variables_prefix).', more: 'Empty means the default. No prefix at all ("") can\'t be entered here: set "variables_prefix": "" in the kwargs yourself and check the names against the backend\'s naming rules.' },
  sep: 'Put between the prefix and the key (sep).',
  variableKey: 'A test variable, as you pass it to Variable.get().',
  variableValue: '',
  connectionId: 'A test connection, as you pass it to Connection.get() or a hook.',
  connType: 'The Airflow connection type, for example postgres, mysql, http, aws.',
  connHost: 'Host name or address. A protocol (https://host) is kept.',
  connPassword: '',
  connPort: 'Optional.',
  connSchema: 'Optional: database or path.',
  connExtra: 'Optional JSON object of extra parameters.',
  airflowVersion: 'Changes the imports of the example DAG.',
};

const AWS_AGENT_ACCOUNTS: FieldHelpText = {
  text: 'Optional, separated by commas. Empty, the whole agent namespace is trusted.',
  more: 'The Kubernetes service accounts of the agent pods: the workers, the DAG processor and the triggerer each have one; `kubectl get serviceaccounts -n <namespace>` lists them. With names, the trust policy lets only them assume the role.',
};

/** Help that differs per provider. */
const PROVIDER_HELP: Partial<Record<ProviderId, Record<string, string | FieldHelpText>>> = {
  'azure-key-vault': { vaultUrl: 'Key Vault > Overview > Vault URI.' },
  'aws-parameter-store': { kubernetesServiceAccount: AWS_AGENT_ACCOUNTS },
  'aws-secrets-manager': { kubernetesServiceAccount: AWS_AGENT_ACCOUNTS },
};

/** The help of a field for a provider (`text` '' when there is none). */
export function fieldHelp(name: string, providerId: ProviderId): FieldHelpText {
  const help = PROVIDER_HELP[providerId]?.[name] ?? FIELD_HELP[name] ?? '';
  return typeof help === 'string' ? { text: help } : help;
}
