/** The generator for gcp-secret-manager alone, for browser code (see ../README.md, "Browser bundles"). */
import { providerApi } from '../provider-api.ts';
import { gcpSecretManager } from '../providers/gcp-secret-manager.ts';

export { secretFields } from '../fields.ts';

const api = providerApi(gcpSecretManager);
export default api;
export const { provider, generate, validateInput, lookupNames, check, authMethods } = api;
