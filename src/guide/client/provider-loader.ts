/**
 * Loads the generator of one provider only (src/generators/browser/<id>.ts), so a guide
 * page never downloads the other four providers.
 */
import type { ProviderApi } from '../../generators/provider-api.ts';

const LOADERS = import.meta.glob<{ default: ProviderApi }>('../../generators/browser/*.ts');

export async function loadProvider(id: string): Promise<ProviderApi> {
  const load = LOADERS[`../../generators/browser/${id}.ts`];
  if (!load) throw new Error(`No generator for ${id}`);
  return (await load()).default;
}
