/** The generator for aws-parameter-store alone, for browser code (see ../README.md, "Browser bundles"). */
import { providerApi } from '../provider-api.ts';
import { awsParameterStore } from '../providers/aws-parameter-store.ts';

export { secretFields } from '../fields.ts';

const api = providerApi(awsParameterStore);
export default api;
export const { provider, generate, validateInput, lookupNames, check, authMethods } = api;
