/**
 * Configurations as earlier versions of the source guides printed them (written out here by
 * hand, with the defects they had), and the findings the doctor must report for each.
 */
export interface Fixture {
  name: string;
  text: string;
  format: 'env' | 'dockerfile' | 'values-yaml' | 'ui' | 'kwargs' | 'astro-command';
  provider: string;
  /** Finding ids that must all be reported (errors and warnings). */
  finds: string[];
}

const VAULT_OLD = '{"connections_path": "connections", "variables_path": "variables", "config_path": null, "url": "http://host.docker.internal:8200", "auth_type": "approle", "role_id":"<your-approle-id>", "secret_id":"<your-approle-secret>"}';

export const SEED_FIXTURES: Fixture[] = [
  {
    name: 'Vault, Dockerfile with the airflow.contrib class (older Astro guide)',
    format: 'dockerfile',
    provider: 'hashicorp-vault',
    text: `FROM quay.io/astronomer/astro-runtime:5.0.0\nENV AIRFLOW__SECRETS__BACKEND="airflow.contrib.secrets.hashicorp_vault.VaultBackend"\nENV AIRFLOW__SECRETS__BACKEND_KWARGS='${VAULT_OLD}'\n`,
    finds: ['class-contrib', 'placeholder', 'vault-url-local-only'],
  },
  {
    name: 'Vault, Dockerfile with unquoted JSON (Software 0.30 guide)',
    format: 'dockerfile',
    provider: 'hashicorp-vault',
    text: `ENV AIRFLOW__SECRETS__BACKEND=airflow.providers.hashicorp.secrets.vault.VaultBackend\nENV AIRFLOW__SECRETS__BACKEND_KWARGS=${VAULT_OLD}\n`,
    finds: ['dockerfile-split'],
  },
  {
    name: 'Vault, astro commands with a local URL for a Deployment',
    format: 'astro-command',
    provider: 'hashicorp-vault',
    text:
      `$ astro deployment variable create --deployment-id <your-deployment-id> AIRFLOW__SECRETS__BACKEND=airflow.providers.hashicorp.secrets.vault.VaultBackend\n` +
      `$ astro deployment variable create --deployment-id <your-deployment-id> AIRFLOW__SECRETS__BACKEND_KWARGS='{"connections_path": "connections", "variables_path": "variables", "config_path": null, "url": "http://host.docker.internal:8200", "auth_type": "approle", "role_id":"astro_role", "secret_id":"<your-approle-secret>"}' --secret\n`,
    finds: ['shell-redirect', 'vault-url-local-only', 'placeholder'],
  },
  {
    name: 'Secrets Manager, astro command with unquoted JSON (overview page)',
    format: 'astro-command',
    provider: 'aws-secrets-manager',
    text: `$ astro deployment variable create --deployment-id <your-deployment-id> AIRFLOW__SECRETS__BACKEND_KWARGS={"connections_prefix": "airflow/connections", "variables_prefix": "airflow/variables", "role_arn": "<your-role-arn>", "region_name": "<your-region>"} --secret\n`,
    finds: ['shell-redirect', 'shell-split', 'backend-missing', 'placeholder'],
  },
  {
    name: 'Secrets Manager, Dockerfile with a leading slash in the prefixes (older Astro guide)',
    format: 'dockerfile',
    provider: 'aws-secrets-manager',
    text: `ENV AIRFLOW__SECRETS__BACKEND="airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend"\nENV AIRFLOW__SECRETS__BACKEND_KWARGS='{"connections_prefix": "/airflow/connections", "variables_prefix": "/airflow/variables"}'\n`,
    finds: ['aws-sm-leading-slash', 'aws-region-missing'],
  },
  {
    name: 'Parameter Store, the airflow.contrib class (older Astro guide)',
    format: 'dockerfile',
    provider: 'aws-parameter-store',
    text: `ENV AIRFLOW__SECRETS__BACKEND="airflow.contrib.secrets.aws_systems_manager.SystemsManagerParameterStoreBackend"\nENV AIRFLOW__SECRETS__BACKEND_KWARGS='{"connections_prefix": "/airflow/connections", "variables_prefix": "/airflow/variables"}'\n`,
    finds: ['class-contrib', 'aws-region-missing'],
  },
  {
    name: 'GCP, key file as an unquoted placeholder (older Astro guide)',
    format: 'dockerfile',
    provider: 'gcp-secret-manager',
    text: `ENV AIRFLOW__SECRETS__BACKEND=airflow.providers.google.cloud.secrets.secret_manager.CloudSecretManagerBackend\nENV AIRFLOW__SECRETS__BACKEND_KWARGS='{"connections_prefix": "airflow-connections", "variables_prefix": "airflow-variables", "gcp_keyfile_dict": <your-key-file>}'\n`,
    finds: ['kwargs-invalid'],
  },
  {
    name: 'GCP, key file as a string in .env (overview page)',
    format: 'env',
    provider: 'gcp-secret-manager',
    text: `AIRFLOW__SECRETS__BACKEND=airflow.providers.google.cloud.secrets.secret_manager.CloudSecretManagerBackend\nAIRFLOW__SECRETS__BACKEND_KWARGS={"connections_prefix": "airflow-connections", "variables_prefix": "airflow-variables", "gcp_keyfile_dict": "<your-service-account-key>"}\n`,
    finds: ['gcp-keyfile-string', 'placeholder'],
  },
  {
    name: 'Azure, the azure_key_vault module path (older Astro guide)',
    format: 'dockerfile',
    provider: 'azure-key-vault',
    text: `ENV AIRFLOW__SECRETS__BACKEND="airflow.providers.microsoft.azure.secrets.azure_key_vault.AzureKeyVaultBackend"\nENV AIRFLOW__SECRETS__BACKEND_KWARGS='{"connections_prefix": "airflow-connections", "variables_prefix": "airflow-variables", "vault_url": "<your-vault-url>"}'\n`,
    finds: ['class-deprecated', 'placeholder'],
  },
  {
    name: 'Azure, values.yaml with placeholders (current Remote Execution guide)',
    format: 'values-yaml',
    provider: 'azure-key-vault',
    text:
      'secretBackend: "airflow.providers.microsoft.azure.secrets.key_vault.AzureKeyVaultBackend"\ncommonEnv:\n- name: AIRFLOW__SECRETS__BACKEND_KWARGS\n  value: \'{"connections_prefix": "airflow-connections", "variables_prefix": "airflow-variables", "vault_url": "<your-vault-url>", "managed_identity_client_id": "<your-managed-identity-client-id>", "workload_identity_tenant_id": "<your-tenant-id>"}\'\nlabels:\n  azure.workload.identity/use: "true"\n',
    finds: ['placeholder'],
  },
  {
    name: 'Azure, Astro UI value pasted with the Dockerfile quotes',
    format: 'ui',
    provider: 'azure-key-vault',
    text: `AIRFLOW__SECRETS__BACKEND\n"airflow.providers.microsoft.azure.secrets.key_vault.AzureKeyVaultBackend"\nAIRFLOW__SECRETS__BACKEND_KWARGS\n'{"connections_prefix": "airflow-connections", "variables_prefix": "airflow-variables", "vault_url": "https://my-vault.vault.azure.net/"}'\n`,
    finds: ['backend-quoted', 'kwargs-quoted'],
  },
  {
    name: 'Vault, .env for local development (overview page)',
    format: 'env',
    provider: 'hashicorp-vault',
    text: `AIRFLOW__SECRETS__BACKEND=airflow.providers.hashicorp.secrets.vault.VaultBackend\nAIRFLOW__SECRETS__BACKEND_KWARGS={"connections_path": "connections", "variables_path": "variables", "config_path": null, "url": "http://host.docker.internal:8200", "auth_type": "approle", "role_id":"astro_role", "secret_id":"<your-approle-secret>"}\n`,
    finds: ['placeholder'],
  },
  {
    name: 'Parameter Store, astro commands with unquoted JSON (overview page)',
    format: 'astro-command',
    provider: 'aws-parameter-store',
    text:
      '$ astro deployment variable create --deployment-id <your-deployment-id> AIRFLOW__SECRETS__BACKEND=airflow.providers.amazon.aws.secrets.systems_manager.SystemsManagerParameterStoreBackend\n' +
      '$ astro deployment variable create --deployment-id <your-deployment-id> AIRFLOW__SECRETS__BACKEND_KWARGS={"connections_prefix": "airflow/connections", "variables_prefix": "airflow/variables", "role_arn": "<your-role-arn>", "region_name": "<your-region>"} --secret\n',
    finds: ['shell-redirect', 'shell-split', 'placeholder'],
  },
  {
    name: 'GCP, astro commands with unquoted JSON (overview page)',
    format: 'astro-command',
    provider: 'gcp-secret-manager',
    text:
      '$ astro deployment variable create --deployment-id <your-deployment-id> AIRFLOW__SECRETS__BACKEND=airflow.providers.google.cloud.secrets.secret_manager.CloudSecretManagerBackend\n' +
      '$ astro deployment variable create --deployment-id <your-deployment-id> AIRFLOW__SECRETS__BACKEND_KWARGS={"connections_prefix": "airflow-connections", "variables_prefix": "airflow-variables", "project_id": "<your-secret-manager-project-id>"}\n',
    finds: ['shell-redirect', 'shell-split', 'placeholder'],
  },
  {
    name: 'Azure, .env with client-secret placeholders (current Astro guide)',
    format: 'env',
    provider: 'azure-key-vault',
    text: 'AIRFLOW__SECRETS__BACKEND=airflow.providers.microsoft.azure.secrets.key_vault.AzureKeyVaultBackend\nAIRFLOW__SECRETS__BACKEND_KWARGS={"connections_prefix": "airflow-connections", "variables_prefix": "airflow-variables", "vault_url": "<your-vault-url>", "tenant_id": "<your-tenant-id>", "client_id": "<your-client-id>", "client_secret": "<your-client-secret>"}\n',
    finds: ['placeholder'],
  },
  {
    name: 'Secrets Manager, Dockerfile with the airflow.contrib class',
    format: 'dockerfile',
    provider: 'aws-secrets-manager',
    text: `ENV AIRFLOW__SECRETS__BACKEND="airflow.contrib.secrets.aws_secrets_manager.SecretsManagerBackend"\nENV AIRFLOW__SECRETS__BACKEND_KWARGS='{"connections_prefix": "airflow/connections", "variables_prefix": "airflow/variables", "region_name": "us-east-1"}'\n`,
    finds: ['class-contrib'],
  },
];
