/**
 * Help text of the form fields. Kept out of the rest of the generator so that a page can render
 * it at build time (`formFields` includes it) while the browser bundle, which only needs
 * `formFieldsWithoutHelp`, never loads it.
 */
import type { ProviderId } from './types.ts';

/** Help by field name (a field without an entry has no help). */
export const FIELD_HELP: Readonly<Record<string, string>> = {
  deploymentId: 'Shown on the Deployment page in the Astro UI, or by `astro deployment list`.',
  vaultUrl: 'The address of your Vault server as your Deployment reaches it, including the port.',
  namespace: 'HCP Vault and Vault Enterprise only (HCP uses admin). Leave empty otherwise.',
  mountPoint: 'The path of the KV secrets engine that holds the Airflow secrets.',
  kvVersion: 'Version of the KV secrets engine. Version 2 keeps secret versions and is the Vault default.',
  connectionsPath: 'Path under the mount where connections live (connections_path). Empty means the default; for no path at all, set "connections_path": "" in the kwargs and write the secrets at <mount>/<key> yourself.',
  variablesPath: 'Path under the mount where variables live (variables_path). Empty means the default; for no path at all, set "variables_path": "" in the kwargs and write the secrets at <mount>/<key> yourself.',
  policyName: 'Name of the read-only policy this guide creates.',
  roleName: 'Name of the AppRole Airflow logs in with.',
  roleId: 'Printed by the `vault read ... role-id` command below.',
  secretId:
    'Printed by the `vault write -f ... secret-id` command below. Stays in this browser tab. On Remote Execution it is stored in values.yaml in plain text (Helm release, pod spec): prefer Kubernetes auth there, or keep values.yaml out of version control.',
  kubernetesRole:
    'Role in the Vault Kubernetes auth method that the agent pods log in with. The generated role sets no audience; if your Vault version asks for one, add audience=<the audience of the pods\' service account tokens> to the vault write .../role command.',
  kubernetesAuthMount: 'Path where the Kubernetes auth method is enabled in Vault.',
  kubernetesHost: 'The API server address of the agent cluster, as Vault reaches it.',
  region: 'Region that holds the secrets.',
  roleArn: 'The role Airflow uses to read the secrets.',
  workloadIdentityArn: "The Deployment's own IAM role ARN, shown under Workload Identity on the Deployment's Details page in the Astro UI. Your role trusts it.",
  eksClusterName: 'The EKS cluster the agents run in.',
  oidcIssuer: "Printed by the issuer command of the identity step: the cluster's OpenID Connect issuer URL. Only tokens it issues are trusted.",
  managedIdentityName: 'The user-assigned managed identity the agents sign in as.',
  resourceGroup: 'The resource group that holds (or will hold) the managed identity.',
  aksClusterName: 'The AKS cluster the agents run in.',
  aksResourceGroup: 'The resource group of the AKS cluster.',
  accessKeyId: 'Of an IAM user that may read the secrets.',
  secretAccessKey: 'Belongs to the access key ID. Stays in this browser tab.',
  awsAccountId: 'Used in the policy ARNs. Taken from the role ARN when empty.',
  iamUserName: 'The user that owns the access key; the policy is attached to it.',
  projectId:
    'The project that holds the secrets (the ID, not the number). On Remote Execution the GKE binding uses the workload pool <projectId>.svc.id.goog: if the GKE cluster is in another project, use <cluster-project>.svc.id.goog in that command instead.',
  serviceAccountEmail: 'The service account Airflow uses: the Deployment workload identity, the key file owner, or the GKE service account.',
  keyfileJson: 'Paste the whole key file. It goes into the kwargs as a JSON object. Stays in this browser tab.',
  tenantId: 'Microsoft Entra ID > Overview > Tenant ID.',
  clientId: 'App registration > Overview > Application (client) ID.',
  clientSecret:
    'App registration > Certificates & secrets: the Value, not the Secret ID. Stays in this browser tab. On Remote Execution it is stored in values.yaml in plain text (Helm release, pod spec): prefer a managed identity there, or keep values.yaml out of version control.',
  managedIdentityClientId: 'Managed Identities > your identity > Client ID.',
  principalObjectId:
    "Optional. The object ID of the identity's service principal: Managed Identities > your identity > Object (principal) ID, or for an app registration Enterprise applications > the app > Object ID (not the app registration's own object ID). With it, the role assignment needs no directory lookup; when empty, the command looks it up with az ad sp show.",
  kubernetesNamespace: 'Kubernetes namespace the Remote Execution agents run in.',
  agentChartVersion:
    'The chart version the agents run now: `helm list` shows it at the end of the CHART column (astro-remote-execution-agent-1.4.0 is 1.4.0). The upgrade keeps it, so only the values change.',
  helmRelease: 'The NAME column of `helm list` in the agent namespace.',
  kubernetesServiceAccount:
    'Kubernetes service accounts of the agent pods, separated by commas: the workers, the DAG processor and the triggerer each have one (by default <resourceNamePrefix>-worker-..., <resourceNamePrefix>-dag-processor-... and <resourceNamePrefix>-triggerer-...). `kubectl get serviceaccounts -n <namespace>` lists them.',
  connectionsPrefix:
    'Prefix of the secret names Airflow looks up for connections (connections_prefix). Empty means the default; no prefix at all ("") cannot be entered here: set "connections_prefix": "" in the kwargs yourself and check the names against the backend\'s naming rules.',
  variablesPrefix:
    'Prefix of the secret names Airflow looks up for variables (variables_prefix). Empty means the default; no prefix at all ("") cannot be entered here: set "variables_prefix": "" in the kwargs yourself and check the names against the backend\'s naming rules.',
  sep: 'Put between the prefix and the key (sep).',
  variableKey: 'A test variable, as you pass it to Variable.get().',
  variableValue: 'Stays in this browser tab.',
  connectionId: 'A test connection, as you pass it to Connection.get() or a hook.',
  connType: 'The Airflow connection type, for example postgres, mysql, http, aws.',
  connHost: 'Host name or address. A protocol (https://host) is kept.',
  connPassword: 'Stays in this browser tab.',
  connPort: 'Optional.',
  connSchema: 'Optional: database or path.',
  connExtra: 'Optional JSON object of extra parameters.',
  airflowVersion: 'Changes the imports of the example DAG.',
};

const AWS_AGENT_ACCOUNTS =
  'Optional: the service accounts of the agent pods, separated by commas (the workers, the DAG processor and the triggerer each have one; `kubectl get serviceaccounts -n <namespace>` lists them). The trust policy then lets only them assume the role; empty, every service account in the agent namespace may.';

/** Help that differs per provider. */
const PROVIDER_HELP: Partial<Record<ProviderId, Record<string, string>>> = {
  'azure-key-vault': { vaultUrl: 'Key Vault > Overview > Vault URI.' },
  'aws-parameter-store': { kubernetesServiceAccount: AWS_AGENT_ACCOUNTS },
  'aws-secrets-manager': { kubernetesServiceAccount: AWS_AGENT_ACCOUNTS },
};

/** The help text of a field for a provider ('' when there is none). */
export function fieldHelp(name: string, providerId: ProviderId): string {
  return PROVIDER_HELP[providerId]?.[name] ?? FIELD_HELP[name] ?? '';
}
