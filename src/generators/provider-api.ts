/**
 * The public functions for one provider spec. `index.ts` looks the spec up by id (and so bundles
 * every provider); the modules under `browser/` bind one spec, so a page about one provider
 * bundles only that provider.
 */
import { checkInput, generateWith, plainNames, problemsOf } from './generate.ts';
import type { ProviderSpec } from './provider-spec.ts';
import type { AuthMethodChoices, GenerateResult, Platform, Problem, ProviderInfo, RawInput } from './types.ts';

export function authMethodsOf(spec: ProviderSpec, platform: Platform): AuthMethodChoices {
  const values = [...(spec.authMethods[platform] ?? spec.authMethods.astro)];
  const labels: Record<string, string> = {};
  for (const v of values) labels[v] = spec.authLabels[v] ?? v;
  return { values, labels, default: values[0] ?? '' };
}

/** The API of `index.ts` for one provider: the same functions without the provider id argument. */
export interface ProviderApi {
  provider: ProviderInfo;
  generate(input: RawInput): GenerateResult;
  validateInput(input: RawInput): Problem[];
  lookupNames(input: RawInput): { variable: string; connection: string };
  /** validateInput and lookupNames in one pass, without building the snippets. */
  check(input: RawInput): { problems: Problem[]; lookup: { variable: string; connection: string } };
  authMethods(platform: Platform): AuthMethodChoices;
}

export function providerApi(spec: ProviderSpec): ProviderApi {
  return {
    provider: spec.info,
    generate: (input) => generateWith(spec, input ?? {}),
    validateInput: (input) => problemsOf(spec, input ?? {}).problems,
    lookupNames: (input) => plainNames(spec, input ?? {}),
    check: (input) => checkInput(spec, input ?? {}),
    authMethods: (platform) => authMethodsOf(spec, platform),
  };
}
