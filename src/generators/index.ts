/**
 * Public API of the snippet generator (see README.md in this folder).
 * Pure TypeScript: no DOM, no Node built-ins; safe to run in the browser on every keystroke.
 */
import { fieldHelp } from './field-help.ts';
import { PLATFORMS, PROVIDER_IDS, secretFields } from './fields.ts';
import { generateWith, plainNames, problemsOf } from './generate.ts';
import { authMethodsOf } from './provider-api.ts';
import { fieldsOf } from './form-fields.ts';
import { SPECS, specOf } from './registry.ts';
import type {
  AuthMethodChoices,
  FormField,
  FormFieldWithoutHelp,
  GenerateResult,
  Platform,
  Problem,
  ProviderId,
  ProviderInfo,
  RawInput,
} from './types.ts';

export { buildConnectionJson, buildConnectionUri, parseConnectionUri } from './connection.ts';
export { secretName } from './secret-name.ts';
export type { ProviderApi } from './provider-api.ts';
export { secretFields };
export type {
  AuthMethodChoices,
  ConnectionFields,
  FieldOption,
  FormField,
  FormFieldWithoutHelp,
  GenerateResult,
  InputKind,
  ParsedConnection,
  Platform,
  Problem,
  ProviderId,
  ProviderInfo,
  RawInput,
  SecretKind,
  Severity,
  Slot,
  Snippet,
  SnippetLang,
} from './types.ts';

/** Provider ids in guide order. */
export const providerIds: readonly ProviderId[] = PROVIDER_IDS;
/** Platform ids. */
export const platforms: readonly Platform[] = PLATFORMS;

/** Display name, backend class, provider package and default kwargs, by provider id. */
export const providers: Readonly<Record<ProviderId, ProviderInfo>> = Object.fromEntries(
  PROVIDER_IDS.map((id) => [id, SPECS[id].info]),
) as Record<ProviderId, ProviderInfo>;

function unknownProvider(id: unknown): Problem {
  return { field: 'provider', severity: 'error', message: `Unknown provider ${String(id)}` };
}

/** Every snippet the chosen platform and auth method need, in guide order, plus problems. */
export function generate(providerId: ProviderId, input: RawInput): GenerateResult {
  const spec = specOf(providerId);
  return spec ? generateWith(spec, input ?? {}) : { snippets: [], problems: [unknownProvider(providerId)] };
}

/** Only the problems of an input (same as `generate(...).problems`, without building snippets). */
export function validateInput(providerId: ProviderId, input: RawInput): Problem[] {
  const spec = specOf(providerId);
  return spec ? problemsOf(spec, input ?? {}).problems : [unknownProvider(providerId)];
}

/** The names Airflow will look up for the input's test variable and connection. */
export function lookupNames(providerId: ProviderId, input: RawInput): { variable: string; connection: string } {
  const spec = specOf(providerId);
  return spec ? plainNames(spec, input ?? {}) : { variable: '', connection: '' };
}

/** Auth methods a platform offers for a provider; the default is the first. */
export function authMethods(providerId: ProviderId, platform: Platform): AuthMethodChoices {
  const spec = specOf(providerId);
  return spec ? authMethodsOf(spec, platform) : { values: [], labels: {}, default: '' };
}

/**
 * The form's fields, in order, for this provider, platform and auth method, without help text.
 * Use this in browser code: it keeps the help texts (field-help.ts) out of the bundle.
 */
export function formFieldsWithoutHelp(providerId: ProviderId, platform: Platform, authMethod: string): FormFieldWithoutHelp[] {
  const spec = specOf(providerId);
  return spec ? fieldsOf(spec, platform, authMethod) : [];
}

/** The form's fields with their help text (for build-time rendering; see `formFieldsWithoutHelp`). */
export function formFields(providerId: ProviderId, platform: Platform, authMethod: string): FormField[] {
  return formFieldsWithoutHelp(providerId, platform, authMethod).map(({ name, label, ...rest }) => {
    const help = fieldHelp(name, providerId);
    const field: FormField = { name, label, help: help.text, ...rest };
    if (help.more) field.helpMore = help.more;
    if (help.on) field.helpOn = help.on;
    return field;
  });
}
