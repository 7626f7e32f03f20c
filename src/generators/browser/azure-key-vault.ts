/** The generator for azure-key-vault alone, for browser code (see ../README.md, "Browser bundles"). */
import { providerApi } from '../provider-api.ts';
import { azureKeyVault } from '../providers/azure-key-vault.ts';

export { secretFields } from '../fields.ts';

const api = providerApi(azureKeyVault);
export default api;
export const { provider, generate, validateInput, lookupNames, check, authMethods } = api;
