// Realistic, fully filled setup-form values for the generator benchmark: what a
// reader would have typed by the end of a guide. Field names and the auth methods
// per platform follow the generator's public contract (issue 3).

export const PLATFORMS = ['astro', 'remote-execution', 'software'];

/** Auth methods offered per provider and platform; the first is the default. */
export const AUTH_METHODS = {
  'hashicorp-vault': { astro: ['approle'], 'remote-execution': ['approle', 'kubernetes'], software: ['approle'] },
  'aws-parameter-store': { astro: ['role'], 'remote-execution': ['role'], software: ['access-keys'] },
  'aws-secrets-manager': { astro: ['role'], 'remote-execution': ['role'], software: ['access-keys'] },
  'gcp-secret-manager': {
    astro: ['workload-identity', 'key-file'],
    'remote-execution': ['workload-identity'],
    software: ['key-file'],
  },
  'azure-key-vault': {
    astro: ['client-secret', 'managed-identity'],
    'remote-execution': ['client-secret', 'managed-identity'],
    software: ['client-secret'],
  },
};

const COMMON = {
  deploymentId: 'clz8k2m1x000108l4bq3hd7fy',
  variableKey: 'reporting_bucket',
  variableValue: 's3://acme-reports/daily',
  connectionId: 'analytics_db',
  connType: 'postgres',
  connHost: 'analytics.db.acme.internal',
  connLogin: 'airflow_reader',
  connPassword: 'Tr0ub4dor&3 "quoted" $HOME `x`',
  connPort: '5432',
  connSchema: 'analytics',
  connExtra: '{"sslmode": "require", "connect_timeout": 10}',
  airflowVersion: '3',
};

const FAKE_KEYFILE = JSON.stringify({
  type: 'service_account',
  project_id: 'acme-data-platform',
  private_key_id: '3f1c0d9e8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n-----END PRIVATE KEY-----\n',
  client_email: 'airflow-secrets@acme-data-platform.iam.gserviceaccount.com',
  client_id: '104857600000000000001',
  token_uri: 'https://oauth2.googleapis.com/token',
});

const PER_PROVIDER = {
  'hashicorp-vault': {
    vaultUrl: 'https://vault.acme.example:8200',
    namespace: 'admin/data-platform',
    mountPoint: 'airflow',
    kvVersion: '2',
    connectionsPath: 'connections',
    variablesPath: 'variables',
    roleName: 'airflow-astro',
    roleId: '6b0c6a2e-4f1d-4c7e-9a53-1f2b3c4d5e6f',
    secretId: 'e3b0c442-98fc-1c14-9afb-f4c8996fb924',
    policyName: 'airflow-secrets-read',
    kubernetesRole: 'airflow-agent',
    kubernetesAuthMount: 'kubernetes',
  },
  'aws-parameter-store': {
    region: 'eu-west-1',
    roleArn: 'arn:aws:iam::123456789012:role/airflow-secrets-reader',
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    connectionsPrefix: '/airflow/connections',
    variablesPrefix: '/airflow/variables',
  },
  'aws-secrets-manager': {
    region: 'us-east-2',
    roleArn: 'arn:aws:iam::123456789012:role/airflow-secrets-reader',
    accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    connectionsPrefix: 'airflow/connections',
    variablesPrefix: 'airflow/variables',
    sep: '/',
  },
  'gcp-secret-manager': {
    projectId: 'acme-data-platform',
    serviceAccountEmail: 'airflow-secrets@acme-data-platform.iam.gserviceaccount.com',
    keyfileJson: FAKE_KEYFILE,
    connectionsPrefix: 'airflow-connections',
    variablesPrefix: 'airflow-variables',
    sep: '-',
  },
  'azure-key-vault': {
    vaultUrl: 'https://acme-airflow-kv.vault.azure.net/',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    clientId: '0c7b6a5d-4e3f-4a1b-8c9d-0e1f2a3b4c5d',
    clientSecret: 'Qx8Q~abcDEF123ghiJKL456mnoPQR789stuVWX0yz',
    managedIdentityClientId: '5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a',
    connectionsPrefix: 'airflow-connections',
    variablesPrefix: 'airflow-variables',
    sep: '-',
  },
};

/** The combinations to time: [{ platform, authMethod|null, input }]. */
export function cases(providerId) {
  const auth = AUTH_METHODS[providerId];
  const out = [];
  for (const platform of PLATFORMS) {
    const methods = auth?.[platform] ?? [null];
    for (const authMethod of methods) {
      const input = { ...COMMON, ...(PER_PROVIDER[providerId] ?? {}), platform };
      if (authMethod) input.authMethod = authMethod;
      out.push({ platform, authMethod, input });
    }
  }
  return out;
}
