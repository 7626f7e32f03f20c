/**
 * Starts a guide page's browser layer (run by page.ts when the page needs it): the forms
 * write to the setup, the setup CSS follows the choices, the form islands hydrate when the
 * page needs them (activation.ts), and the live code loads when there is
 * something to show that the static page does not already show (values, or Airflow 2), or
 * as soon as a form field gets the focus, so the first keystroke does not wait for a download.
 */
import { effect } from '@preact/signals-core';
import { ACTIVE_ATTRIBUTE, REACHING_EVENTS, SETUP_FORMS } from './activation.ts';
import { RENDERED_CHOICES, sameChoices } from './choices.ts';
import { goLive } from './derived.ts';
import { hydrateIslands } from './islands.ts';
import { followSetup } from './setup-css.ts';
import { followForms, pageSetup, showValues } from './setup.ts';
import { whenNear } from './when-near.ts';
import type { SetupState } from './url-state.ts';

/** True when the server-rendered form shows this state as it is (the default choices, no values). */
function asRendered(s: SetupState): boolean {
  return sameChoices(s, RENDERED_CHOICES) && Object.values(s.values).every((v) => v === '');
}

export type ReachingEvent = (typeof REACHING_EVENTS)[number];

/**
 * The inline fields' code loads when one of them comes near the view or is reached for
 * (until then what is typed in them still reaches the setup: followForms).
 */
function watchInlineFields(setup: ReturnType<typeof pageSetup>): void {
  whenNear(Array.from(document.querySelectorAll('form[data-inline-fields]')), () => {
    void import('./inline-fields.ts').then((m) => m.followInlineFields(setup, document)).catch(() => undefined);
  });
}

/** The snippet that lists environment variables as `Key:` / `Value:` lines for the Software UI. */
const KEY_VALUE_SNIPPET = '[data-live-snippet="software-env-vars"]';

/** The Software UI's listing gets a Copy button per key and value when it comes near the view. */
function watchKeyValues(): void {
  const hosts = Array.from(document.querySelectorAll<HTMLElement>(KEY_VALUE_SNIPPET));
  whenNear(hosts, () => {
    void import('./key-value-copies.ts').then((m) => hosts.forEach(m.addKeyValueCopies)).catch(() => undefined);
  });
}

/** Starts the guide; returns what to do when the reader reaches for a setup form. */
export function bootGuide(): (type: ReachingEvent) => void {
  const setup = pageSetup();
  const root = document.documentElement;
  const spec = setup.spec;
  const activate = () => {
    root.setAttribute(ACTIVE_ATTRIBUTE, '');
    if (spec) void hydrateIslands(spec);
  };
  followForms(setup, document);
  watchInlineFields(setup);
  watchKeyValues();
  // Until the connection builder hydrates (near the view: islands.ts), its plain fields show
  // the setup's values, such as those of a link.
  const builderFields = Array.from(document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('form[data-connection-builder] :is(input[type="text"], input[type="password"], textarea)[name]'));
  effect(() => showValues(builderFields, setup.state.value.values));
  followSetup(setup);
  const link = setup.link;
  if (link.prefilled.length) void import('./link-notice.ts').then((m) => m.showLinkNotice(setup)).catch(() => undefined);
  const linkNotes = link.droppedSecrets.length + link.cut.length + link.invalid.length + (link.unofferedAuth ? 1 : 0);
  const start = setup.state.peek();
  let active = false;
  let live = false;
  // Runs until the islands are needed and the live code is loading, then never again.
  const stop = effect(() => {
    const s = setup.state.value;
    if (!active && (s !== start || linkNotes > 0 || !asRendered(s))) {
      active = true;
      activate();
    }
    if (!live && (s.airflowVersion !== '3' || Object.values(s.values).some((v) => v !== ''))) {
      live = true;
      void goLive();
    }
    if (active && live) queueMicrotask(() => stop());
  });
  const reach = (type: ReachingEvent) => {
    activate();
    if (type === 'focusin') void goLive();
  };
  for (const type of REACHING_EVENTS) {
    document.addEventListener(
      type,
      (event) => {
        if (event.target instanceof Element && event.target.closest(SETUP_FORMS)) reach(type);
      },
      { passive: true },
    );
  }
  return reach;
}
