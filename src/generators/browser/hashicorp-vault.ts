/** The generator for hashicorp-vault alone, for browser code (see ../README.md, "Browser bundles"). */
import { providerApi } from '../provider-api.ts';
import { hashicorpVault } from '../providers/hashicorp-vault.ts';

export { secretFields } from '../fields.ts';

const api = providerApi(hashicorpVault);
export default api;
export const { provider, generate, validateInput, lookupNames, check, authMethods } = api;
