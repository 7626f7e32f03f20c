/**
 * What the doctor knows about the five backends: their current class paths (from the
 * generator's provider table), the old paths earlier guides printed, and the kwargs each
 * backend's constructor reads, as the provider source defines them.
 */
import { providers } from '../generators/index.ts';
import { PROVIDER_IDS, type ProviderId } from '../generators/types.ts';

export const BACKEND_ENV = 'AIRFLOW__SECRETS__BACKEND';
export const KWARGS_ENV = 'AIRFLOW__SECRETS__BACKEND_KWARGS';
export const WORKER_BACKEND_ENV = 'AIRFLOW__WORKERS__SECRETS_BACKEND';
export const WORKER_KWARGS_ENV = 'AIRFLOW__WORKERS__SECRETS_BACKEND_KWARGS';
/** The Azure SDK's environment credential: older Azure setups keep the service principal here, not in the kwargs. */
export const AZURE_ENV = { clientId: 'AZURE_CLIENT_ID', tenantId: 'AZURE_TENANT_ID', clientSecret: 'AZURE_CLIENT_SECRET' } as const;
export const SETTING_NAMES = [BACKEND_ENV, KWARGS_ENV, WORKER_BACKEND_ENV, WORKER_KWARGS_ENV, ...Object.values(AZURE_ENV)] as const;

export function currentClass(id: ProviderId): string {
  return providers[id].backendClass;
}

export function providerOfClass(path: string): ProviderId | undefined {
  return PROVIDER_IDS.find((id) => currentClass(id) === path);
}

/** Class paths that once worked (or that a guide printed) and what replaced them. */
export const OLD_CLASSES: Record<string, { provider: ProviderId; why: string }> = {
  'airflow.contrib.secrets.hashicorp_vault.VaultBackend': { provider: 'hashicorp-vault', why: 'contrib' },
  'airflow.contrib.secrets.aws_systems_manager.SystemsManagerParameterStoreBackend': { provider: 'aws-parameter-store', why: 'contrib' },
  'airflow.contrib.secrets.aws_secrets_manager.SecretsManagerBackend': { provider: 'aws-secrets-manager', why: 'contrib' },
  'airflow.contrib.secrets.gcp_secrets_manager.CloudSecretsManagerBackend': { provider: 'gcp-secret-manager', why: 'contrib' },
  'airflow.contrib.secrets.gcp_secrets_manager.CloudSecretManagerBackend': { provider: 'gcp-secret-manager', why: 'contrib' },
  'airflow.contrib.secrets.azure_key_vault.AzureKeyVaultBackend': { provider: 'azure-key-vault', why: 'contrib' },
  'airflow.providers.microsoft.azure.secrets.azure_key_vault.AzureKeyVaultBackend': { provider: 'azure-key-vault', why: 'shim' },
};

/** The last part of each current class path: a path ending in it most likely meant that backend. */
export function providerOfClassName(path: string): ProviderId | undefined {
  const name = path.slice(path.lastIndexOf('.') + 1);
  return PROVIDER_IDS.find((id) => currentClass(id).endsWith('.' + name));
}

const AWS_CONNECTION_EXTRAS = [
  'region_name',
  'profile_name',
  'role_arn',
  'assume_role_method',
  'assume_role_kwargs',
  'aws_access_key_id',
  'aws_secret_access_key',
  'aws_session_token',
  'endpoint_url',
  'verify',
  'config_kwargs',
  'service_config',
  'session_kwargs',
];
const AWS_PREFIXES = ['connections_prefix', 'connections_lookup_pattern', 'variables_prefix', 'variables_lookup_pattern', 'config_prefix', 'config_lookup_pattern', 'use_ssl', 'api_version'];

/** Keyword arguments each backend's constructor reads (its own, not what it passes on). */
export const KNOWN_KWARGS: Record<ProviderId, readonly string[]> = {
  'hashicorp-vault': [
    'connections_path',
    'variables_path',
    'config_path',
    'use_team_secrets_path',
    'global_secrets_path',
    'url',
    'auth_type',
    'auth_mount_point',
    'mount_point',
    'kv_engine_version',
    'token',
    'token_path',
    'username',
    'password',
    'key_id',
    'secret_id',
    'role_id',
    'assume_role_kwargs',
    'region',
    'kubernetes_role',
    'kubernetes_jwt_path',
    'gcp_key_path',
    'gcp_keyfile_dict',
    'gcp_scopes',
    'azure_tenant_id',
    'azure_resource',
    'radius_host',
    'radius_secret',
    'radius_port',
    'jwt_role',
    'jwt_token',
    'jwt_token_path',
    // Passed on to the Vault client (hvac.Client), which knows them.
    'namespace',
    'verify',
    'cert',
    'proxies',
    'timeout',
    'allow_redirects',
  ],
  'aws-parameter-store': [...AWS_PREFIXES, ...AWS_CONNECTION_EXTRAS],
  'aws-secrets-manager': [...AWS_PREFIXES, 'sep', 'extra_conn_words', ...AWS_CONNECTION_EXTRAS],
  'gcp-secret-manager': [
    'connections_prefix',
    'variables_prefix',
    'config_prefix',
    'gcp_keyfile_dict',
    'gcp_key_path',
    'gcp_credential_config_file',
    'gcp_scopes',
    'project_id',
    'sep',
    'impersonation_chain',
  ],
  'azure-key-vault': [
    'connections_prefix',
    'variables_prefix',
    'config_prefix',
    'vault_url',
    'sep',
    'tenant_id',
    'client_id',
    'client_secret',
    'managed_identity_client_id',
    'workload_identity_tenant_id',
  ],
};

/** Where each backend sends a kwarg it does not read itself (what an unknown kwarg does). */
export const UNKNOWN_KWARG_FATE: Record<ProviderId, { severity: 'error' | 'warning'; text: string }> = {
  'hashicorp-vault': { severity: 'warning', text: 'The backend passes it on to the Vault client (hvac), which does not know it: at best it is ignored, at worst the backend fails to start.' },
  'aws-parameter-store': { severity: 'warning', text: 'The backend passes it to its AWS connection as an extra, where nothing reads it: it has no effect.' },
  'aws-secrets-manager': { severity: 'warning', text: 'The backend passes it to its AWS connection as an extra, where nothing reads it: it has no effect.' },
  'gcp-secret-manager': { severity: 'error', text: 'The backend does not take it: creating the backend most likely fails, and Airflow then looks nothing up in Secret Manager.' },
  'azure-key-vault': { severity: 'warning', text: 'The backend passes it to the Key Vault client, which ignores what it does not know: it has no effect.' },
};

/** Kwargs removed from a backend, with when. */
export const REMOVED_KWARGS: Partial<Record<ProviderId, Record<string, string>>> = {
  'aws-secrets-manager': {
    full_url_mode: 'removed in apache-airflow-providers-amazon 9.0.0: connections are read as a URI or as JSON automatically',
    are_secret_values_urlencoded: 'removed in apache-airflow-providers-amazon 9.0.0',
  },
  'hashicorp-vault': {
    global_secrets_path: 'deprecated since apache-airflow-providers-hashicorp 4.8.0',
  },
};

/** Vault auth types the backend accepts (any other value fails at start). */
export const VAULT_AUTH_TYPES = ['approle', 'aws_iam', 'azure', 'github', 'gcp', 'kubernetes', 'ldap', 'radius', 'token', 'userpass', 'jwt'];

/** Kwargs that hold a credential. */
export const CREDENTIAL_KWARGS = ['secret_id', 'token', 'password', 'aws_secret_access_key', 'aws_session_token', 'client_secret', 'gcp_keyfile_dict', 'radius_secret', 'jwt_token'];

/** Levenshtein distance, bounded: returns max + 1 as soon as it is certain to exceed max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/** The closest of `options` to `word` within `max` edits (ties: the first). */
export function closest(word: string, options: readonly string[], max: number): string | undefined {
  let found: string | undefined;
  let bestD = max + 1;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o.toLowerCase(), max);
    if (d < bestD) {
      bestD = d;
      found = o;
    }
  }
  return found;
}
