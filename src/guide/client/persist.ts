/**
 * The one writer of the URL and of storage. The URL follows the setup (its canonical query,
 * `history.replaceState`, hash and unknown parameters kept); storage remembers the tab
 * choices and the non-secret values the reader changed. A choice is written at once; values
 * URL_WRITE_DELAY_MS after the last change, because `replaceState` and `localStorage` cost
 * milliseconds each and would delay the paint of the keystroke they land next to. `flush`
 * writes now (before a link is copied, and when the page is hidden). Test hook:
 * `<html data-setup-saved>` is there while nothing is waiting to be written.
 */
import { effect } from '@preact/signals-core';
import { CHOICE_GROUPS, choiceOf } from './choices.ts';
import { clearValues, saveChoice, saveValues } from './remembered.ts';
import type { PageSetup } from './setup.ts';
import { type SetupState, writeQuery } from './url-state.ts';

/** How long after the last edit the URL and the remembered values are written. */
export const URL_WRITE_DELAY_MS = 400;

/** Starts following `setup`; returns `flush`. */
export function startPersist(setup: PageSetup): () => void {
  const { spec, schema } = setup;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let shown: SetupState | null = null;
  let valuesChanged = false;
  let clears = setup.clears.peek();

  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const s = setup.state.peek();
    const search = writeQuery(location.search, s, schema);
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    if (valuesChanged && spec) saveValues(spec.provider, s.values, schema.fields, schema.secrets);
    valuesChanged = false;
    document.documentElement.dataset.setupSaved = '';
  };

  effect(() => {
    const s = setup.state.value;
    const cleared = setup.clears.value !== clears;
    clears = setup.clears.peek();
    const before = shown;
    shown = s;
    if (!before) {
      flush();
      return;
    }
    if (cleared) {
      clearValues();
      valuesChanged = false;
    } else if (s.values !== before.values) valuesChanged = true;
    const chosen = CHOICE_GROUPS.filter((g) => choiceOf(s, g) !== choiceOf(before, g) && choiceOf(s, g) !== '');
    for (const g of chosen) saveChoice(g, choiceOf(s, g));
    if (chosen.length || cleared) {
      flush();
      return;
    }
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, URL_WRITE_DELAY_MS);
    delete document.documentElement.dataset.setupSaved;
  });
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  return flush;
}
