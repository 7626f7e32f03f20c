/**
 * The page's interactive layer, loaded as one chunk when the page needs it (start.ts): the
 * setup, the tab view and, on a guide, the live code and form islands (boot.ts). The
 * actions start.ts kept while this loaded are then done, in order, as if they came now.
 */
import { chooseTab, initTabs, moveTab } from '../../scripts/tabs.ts';
import { DOWNLOAD_BUTTON, SETUP_FORMS } from './activation.ts';
import { type ReachingEvent, bootGuide } from './boot.ts';
import { pageSetup } from './setup.ts';

/**
 * "Your setup" from anywhere: the summary (setup-summary.ts, with its button) comes when the
 * form first leaves the view.
 */
function watchSetupSummary(reach: (type: ReachingEvent) => void): void {
  const form = document.querySelector('.setup');
  const load = () => import('./setup-summary.ts').then((m) => m.startSetupSummary(pageSetup(), () => reach('focusin'))).catch(() => undefined);
  if (!form || typeof IntersectionObserver !== 'function') return void load();
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => !e.isIntersecting)) {
      observer.disconnect();
      void load();
    }
  });
  observer.observe(form);
}

/** A Download button's file is made by download.ts, loaded at the first download. */
function download(button: HTMLElement): void {
  void import('./download.ts').then((m) => m.save(button));
}

/** What the reader did before this chunk was in place. */
export type PendingAction =
  | { kind: 'reach'; type: ReachingEvent; target: Element }
  | { kind: 'tab'; tab: HTMLElement }
  | { kind: 'tab-key'; tab: HTMLElement; key: string }
  | { kind: 'download'; button: HTMLElement };

export function startPage(pending: readonly PendingAction[]): void {
  initTabs();
  document.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement | null)?.closest<HTMLElement>(DOWNLOAD_BUTTON);
    if (button) download(button);
  });
  const reach = pageSetup().spec ? bootGuide() : null;
  if (reach) watchSetupSummary(reach);
  for (const action of pending) {
    if (action.kind === 'reach') {
      if (reach && action.target.closest(SETUP_FORMS)) reach(action.type);
    } else if (action.kind === 'tab') chooseTab(action.tab);
    else if (action.kind === 'tab-key') moveTab(action.tab, action.key);
    else download(action.button);
  }
}
