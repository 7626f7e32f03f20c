/** The generator for aws-secrets-manager alone, for browser code (see ../README.md, "Browser bundles"). */
import { providerApi } from '../provider-api.ts';
import { awsSecretsManager } from '../providers/aws-secrets-manager.ts';

export { secretFields } from '../fields.ts';

const api = providerApi(awsSecretsManager);
export default api;
export const { provider, generate, validateInput, lookupNames, check, authMethods } = api;
