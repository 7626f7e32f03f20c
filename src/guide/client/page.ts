/**
 * The page's interactive layer, loaded as one chunk when the page needs it (start.ts): the
 * setup, the tab view and, on a guide, the live code and form islands (boot.ts). The
 * actions start.ts kept while this loaded are then done, in order, as if they came now.
 */
import { chooseTab, initTabs, moveTab } from '../../scripts/tabs.ts';
import { SETUP_FORMS, SETUP_SUMMARY } from './activation.ts';
import { type ReachingEvent, bootGuide } from './boot.ts';
import { initDownloads, save } from './download.ts';
/** The summary's code (setup-summary.ts) loads when the form leaves the view, or on a click of it. */
function summary(): Promise<typeof import('./setup-summary.ts')> {
  return import('./setup-summary.ts').then((m) => {
    m.followSetupSummary(pageSetup());
    return m;
  });
}
let summaryModule: ReturnType<typeof summary> | undefined;
const loadSummary = () => (summaryModule ??= summary());

function watchSetupSummary(): void {
  const form = document.querySelector('.setup');
  if (!form || typeof IntersectionObserver !== 'function') return void loadSummary();
  const button = document.querySelector(SETUP_SUMMARY);
  const observer = new IntersectionObserver((entries) => {
    const inView = entries.every((e) => e.isIntersecting);
    button?.toggleAttribute('data-form-in-view', inView);
    if (!inView) {
      observer.disconnect();
      void loadSummary();
    }
  });
  observer.observe(form);
}

function openSetupDialog(): void {
  loadSummary()
    .then((m) => m.openSetupDialog())
    .catch(() => undefined);
}
import { pageSetup } from './setup.ts';

/** What the reader did before this chunk was in place. */
export type PendingAction =
  | { kind: 'reach'; type: ReachingEvent; target: Element }
  | { kind: 'tab'; tab: HTMLElement }
  | { kind: 'tab-key'; tab: HTMLElement; key: string }
  | { kind: 'download'; button: HTMLElement }
  | { kind: 'summary' };

export function startPage(pending: readonly PendingAction[]): void {
  initTabs();
  initDownloads();
  const reach = pageSetup().spec ? bootGuide() : null;
  if (reach) {
    watchSetupSummary();
    document.addEventListener('click', (event) => {
      if (event.target instanceof Element && event.target.closest(SETUP_SUMMARY)) {
        reach('focusin');
        openSetupDialog();
      }
    });
  }
  for (const action of pending) {
    if (action.kind === 'reach') {
      if (reach && action.target.closest(SETUP_FORMS)) reach(action.type);
    } else if (action.kind === 'tab') chooseTab(action.tab);
    else if (action.kind === 'tab-key') moveTab(action.tab, action.key);
    else if (action.kind === 'summary') {
      reach?.('focusin');
      openSetupDialog();
    } else save(action.button);
  }
}
