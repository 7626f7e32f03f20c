/**
 * Loads the generator of one provider only (src/generators/browser/<id>.ts), so a guide
 * page never downloads the other four providers.
 */
import type { ProviderApi } from '../../generators/provider-api.ts';

const LOADERS: Record<string, () => Promise<{ default: ProviderApi }>> = {
  'hashicorp-vault': () => import('../../generators/browser/hashicorp-vault.ts'),
  'aws-parameter-store': () => import('../../generators/browser/aws-parameter-store.ts'),
  'aws-secrets-manager': () => import('../../generators/browser/aws-secrets-manager.ts'),
  'gcp-secret-manager': () => import('../../generators/browser/gcp-secret-manager.ts'),
  'azure-key-vault': () => import('../../generators/browser/azure-key-vault.ts'),
};

export async function loadProvider(id: string): Promise<ProviderApi> {
  const load = LOADERS[id];
  if (!load) throw new Error(`No generator for ${id}`);
  return (await load()).default;
}
