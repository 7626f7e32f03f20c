/**
 * Starts a guide page's browser layer (run by SetupForm.astro): the setup CSS follows the
 * choices, Download buttons work, and the live code loads when there is something to show
 * that the static page does not already show (values, or Airflow 2), or as soon as a form
 * field gets the focus, so the first keystroke does not wait for a download.
 */
import { effect } from '@preact/signals-core';
import { goLive } from './derived.ts';
import { initDownloads } from './download.ts';
import { followSetup } from './setup-css.ts';
import { SETUP_FORMS, pageSetup } from './setup.ts';

export function bootGuide(): void {
  const setup = pageSetup();
  followSetup(setup);
  initDownloads();
  effect(() => {
    const s = setup.state.value;
    if (s.airflowVersion !== '3' || Object.values(s.values).some((v) => v !== '')) void goLive();
  });
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof Element && event.target.closest(SETUP_FORMS)) void goLive();
  });
}
