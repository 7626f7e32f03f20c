/**
 * Values computed from the setup, never stored back into it: the generator's check of the
 * input (the form's messages and the lookup names), once per change and only while
 * something reads it. The generator (one provider's bundle), the live snippet code and the
 * snippets' line pools (line-pools.ts) load on demand (`goLive`): when a form field gets
 * the focus, on the first change, or at once when the page starts with values.
 */
import { computed, signal } from '@preact/signals-core';
import type { ProviderApi } from '../../generators/provider-api.ts';
import type { Problem, RawInput } from '../../generators/types.ts';
import { type AirflowVersion, type PlatformId, resolveChoices } from './choices.ts';
import { snippetValue } from './trim.ts';
import { fillLinePools } from './line-pools.ts';
import { loadProvider } from './provider-loader.ts';
import { pageSetup } from './setup.ts';
import type { SetupState } from './url-state.ts';

export type { Problem };

/** The generator's input for a state and resolved choices (empty values left out). */
export function generatorInput(state: SetupState, platform: PlatformId, authMethod: string, airflowVersion: AirflowVersion): RawInput {
  const input: RawInput = { platform, authMethod, airflowVersion };
  for (const [k, typed] of Object.entries(state.values)) {
    const v = snippetValue(k, typed);
    if (v !== '') input[k] = v;
  }
  return input;
}

/** The provider's generator once loaded. */
export const generator = signal<ProviderApi | null>(null);

/** Problems and lookup names of the setup's own choices; null until the generator is loaded. */
export const checked = computed(() => {
  const api = generator.value;
  const setup = pageSetup();
  if (!api || !setup.spec) return null;
  const s = setup.state.value;
  const own = resolveChoices(setup.spec.auth, {}, s);
  return api.check(generatorInput(s, own.platform, own.authMethod, own.airflowVersion));
});

let live: Promise<void> | undefined;

/** Loads the generator and starts updating the snippets (once; a failed load is tried again next time). */
export function goLive(): Promise<void> {
  const spec = pageSetup().spec;
  if (!spec) return Promise.resolve();
  live ??= Promise.all([import('./live.ts'), loadProvider(spec.provider), fillLinePools()])
    .then(([m, api]) => {
      generator.value = api;
      m.startLive(pageSetup(), api);
    })
    .catch(() => {
      live = undefined;
    });
  return live;
}
