/**
 * Preact hook of the form islands: the page's setup and the check derived from it. The
 * first render (hydration) shows the blank setup the server rendered, so hydration matches
 * the markup; right after it, before the first paint, the island shows the page's state
 * and from then on re-renders whenever the state or the check changes.
 */
import { effect } from '@preact/signals-core';
import { useLayoutEffect, useState } from 'preact/hooks';
import { RENDERED_CHOICES } from './client/choices.ts';
import { checked } from './client/derived.ts';
import { type PageSetup, pageSetup } from './client/setup.ts';
import type { SetupState } from './client/url-state.ts';

export interface SetupView {
  /** Null while the server renders. */
  setup: PageSetup | null;
  state: SetupState;
  check: typeof checked.value;
  hydrated: boolean;
}

/** The state the build renders: default choices, every value empty. */
export function blankState(fields: readonly string[]): SetupState {
  return { ...RENDERED_CHOICES, values: Object.fromEntries(fields.map((f) => [f, ''])) };
}

/** `fields`: the guide's value fields (what the blank state holds). */
export function useSetup(fields: readonly string[]): SetupView {
  // Created here at the latest, before Preact touches the form: it reads what was typed.
  const setup = typeof document === 'undefined' ? null : pageSetup();
  const [hydrated, setHydrated] = useState(false);
  const [, rerender] = useState(0);
  useLayoutEffect(() => {
    if (!setup) return undefined;
    setHydrated(true);
    // Reading both signals subscribes this island to them.
    return effect(() => {
      void setup.state.value;
      void checked.value;
      rerender((n) => n + 1);
    });
  }, []);
  if (!hydrated || !setup) return { setup, state: blankState(fields), check: null, hydrated: false };
  return { setup, state: setup.state.value, check: checked.value, hydrated };
}
