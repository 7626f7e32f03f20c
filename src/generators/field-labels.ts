/**
 * What the form shows for each field: its label, and an example for the empty input box.
 * Kept out of fields.ts, as the help texts are (field-help.ts), so that the generator a guide
 * loads in the browser carries none of it: the form is rendered at build time
 * (src/guide/setup-config.ts) and the doctor reads them through index.ts.
 */
import type { FieldName } from './fields.ts';
import type { ProviderId } from './types.ts';

export interface FieldLabel {
  label: string;
  /** An example value for the empty input box. */
  example?: string;
}

export const FIELD_LABELS: Record<FieldName, FieldLabel> = {
  deploymentId: { label: 'Deployment ID', example: 'cl03oiq7d80402nwn7fsl3dmv' },
  vaultUrl: { label: 'Vault URL', example: 'https://vault.example.com:8200' },
  namespace: { label: 'Vault namespace', example: 'admin' },
  mountPoint: { label: 'KV mount path' },
  kvVersion: { label: 'KV version' },
  connectionsPath: { label: 'Connections path' },
  variablesPath: { label: 'Variables path' },
  policyName: { label: 'Policy name' },
  roleName: { label: 'AppRole name' },
  roleId: { label: 'AppRole role ID' },
  secretId: { label: 'AppRole secret ID' },
  kubernetesRole: { label: 'Vault Kubernetes role' },
  kubernetesAuthMount: { label: 'Kubernetes auth mount' },
  kubernetesHost: { label: 'Kubernetes API URL', example: 'https://203.0.113.10:443' },
  region: { label: 'AWS region', example: 'us-east-1' },
  roleArn: { label: 'IAM role ARN', example: 'arn:aws:iam::123456789012:role/airflow-secrets' },
  localPrincipalArn: { label: 'Your own IAM ARN (local tests)', example: 'arn:aws:iam::123456789012:user/jane' },
  workloadIdentityArn: { label: 'Deployment workload identity', example: 'arn:aws:iam::210987654321:role/AirflowS3Logs-clmk2qqia000008mhff3ndjr0' },
  eksClusterName: { label: 'EKS cluster name', example: 'prod-agents' },
  oidcIssuer: { label: 'Cluster OIDC issuer', example: 'https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE' },
  managedIdentityName: { label: 'Managed identity name', example: 'airflow-agents' },
  resourceGroup: { label: 'Resource group of the identity', example: 'airflow-rg' },
  aksClusterName: { label: 'AKS cluster name', example: 'agents-aks' },
  aksResourceGroup: { label: 'Resource group of the cluster', example: 'agents-rg' },
  accessKeyId: { label: 'Access key ID' },
  secretAccessKey: { label: 'Secret access key' },
  awsAccountId: { label: 'AWS account ID', example: '123456789012' },
  iamUserName: { label: 'IAM user name' },
  projectId: { label: 'GCP project ID', example: 'my-project-123' },
  serviceAccountEmail: { label: 'Service account email', example: 'airflow@my-project-123.iam.gserviceaccount.com' },
  deploymentIdentity: { label: 'Deployment workload identity (to impersonate from)', example: 'astro-deployment@astro-project.iam.gserviceaccount.com' },
  keyfileJson: { label: 'Service account key (JSON)' },
  tenantId: { label: 'Tenant ID' },
  clientId: { label: 'Application (client) ID' },
  clientSecret: { label: 'Client secret value' },
  credentialsIn: { label: 'Where Airflow reads the credentials' },
  managedIdentityClientId: { label: 'Managed identity client ID' },
  principalObjectId: { label: 'Object (principal) ID' },
  kubernetesNamespace: { label: 'Agent namespace' },
  agentChartVersion: { label: 'Agent chart version', example: '1.4.0' },
  helmRelease: { label: 'Agent Helm release' },
  kubernetesServiceAccount: { label: 'Agent service accounts' },
  connectionsPrefix: { label: 'Connections prefix' },
  variablesPrefix: { label: 'Variables prefix' },
  sep: { label: 'Separator' },
  variableKey: { label: 'Variable key', example: 'my_var' },
  variableValue: { label: 'Variable value' },
  connectionId: { label: 'Connection ID', example: 'my_db' },
  connType: { label: 'Connection type' },
  connHost: { label: 'Host', example: 'db.example.com' },
  connLogin: { label: 'Login' },
  connPassword: { label: 'Password' },
  connPort: { label: 'Port', example: '5432' },
  connSchema: { label: 'Schema' },
  connExtra: { label: 'Extra (JSON)', example: '{"sslmode": "require"}' },
  airflowVersion: { label: 'Airflow version' },
};

/** Per-provider labels that differ from the table above. */
const PROVIDER_LABELS: Partial<Record<ProviderId, Partial<Record<FieldName, FieldLabel>>>> = {
  'azure-key-vault': {
    vaultUrl: { label: 'Key Vault URL', example: 'https://my-vault.vault.azure.net/' },
    // An AKS cluster's issuer (two GUIDs in full would not fit the field).
    oidcIssuer: { label: 'Cluster OIDC issuer', example: 'https://eastus.oic.prod-aks.azure.com/<tenant-id>/<guid>/' },
  },
};

export function fieldLabel(name: FieldName, provider: ProviderId): FieldLabel {
  return PROVIDER_LABELS[provider]?.[name] ?? FIELD_LABELS[name];
}
