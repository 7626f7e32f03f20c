/** The provider modules by id. */
import type { ProviderSpec } from './provider-spec.ts';
import { awsParameterStore } from './providers/aws-parameter-store.ts';
import { awsSecretsManager } from './providers/aws-secrets-manager.ts';
import { azureKeyVault } from './providers/azure-key-vault.ts';
import { gcpSecretManager } from './providers/gcp-secret-manager.ts';
import { hashicorpVault } from './providers/hashicorp-vault.ts';
import type { ProviderId } from './types.ts';

export const SPECS: Record<ProviderId, ProviderSpec> = {
  'hashicorp-vault': hashicorpVault,
  'aws-parameter-store': awsParameterStore,
  'aws-secrets-manager': awsSecretsManager,
  'gcp-secret-manager': gcpSecretManager,
  'azure-key-vault': azureKeyVault,
};

export function specOf(id: unknown): ProviderSpec | undefined {
  return typeof id === 'string' && Object.prototype.hasOwnProperty.call(SPECS, id) ? SPECS[id as ProviderId] : undefined;
}
