/**
 * Tab groups (WAI-ARIA tabs pattern with automatic activation) as a view of the page's
 * setup. Every `[data-tabs="<group>"]` shows the setup's choice for its group (platform,
 * auth method or Airflow version) when it offers it, else its first tab; a click or an
 * arrow key chooses in the setup, and every group, form radio and snippet follows. The
 * setup writes the URL and remembers the choice (src/guide/client/persist.ts).
 * Loaded with the page's setup (src/guide/client/page.ts); until then the pre-paint
 * script's CSS shows the chosen panels, and start.ts keeps the clicks and keys for it.
 * A link to an element inside a hidden panel (`#id`) chooses that panel.
 */
import { effect } from '@preact/signals-core';
import { PLATFORM_AIRFLOW_VERSIONS, isChoiceGroup, shownChoice, tabValue } from '../guide/client/choices.ts';
import { pageSetup } from '../guide/client/setup.ts';
import { TAB, TAB_KEYS } from '../guide/client/activation.ts';
import { syncTocPanels } from './toc-panels.ts';

function tabsOf(group: HTMLElement): HTMLElement[] {
  const list = group.querySelector<HTMLElement>(':scope > .tabs__list');
  return list ? Array.from(list.querySelectorAll<HTMLElement>(':scope > [role="tab"]')) : [];
}

function panelsOf(group: HTMLElement): HTMLElement[] {
  const wrap = group.querySelector<HTMLElement>(':scope > .tabs__panels');
  return wrap ? Array.from(wrap.querySelectorAll<HTMLElement>(':scope > [role="tabpanel"]')) : [];
}

/** Shows `value` in one group. */
function show(group: HTMLElement, value: string): void {
  for (const tab of tabsOf(group)) {
    const on = tab.dataset.tabValue === value;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  for (const panel of panelsOf(group)) panel.hidden = panel.dataset.tabValue !== value;
  group.dataset.ready = '';
}

/** Chooses the value of `tab` in the setup. */
export function chooseTab(tab: HTMLElement | null | undefined): void {
  const name = tab?.closest<HTMLElement>('[data-tabs]')?.dataset.tabs;
  const value = tab?.dataset.tabValue;
  if (isChoiceGroup(name) && value) pageSetup().choose(name, value);
}

/** Where each key moves in a tab list of `n` tabs from tab `i` (wrapping around). */
const MOVES: Record<(typeof TAB_KEYS)[number], (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

const isTabKey = (key: string): key is (typeof TAB_KEYS)[number] => (TAB_KEYS as readonly string[]).includes(key);

/** Moves from `tab` as `key` says: chooses the tab it lands on and focuses it. */
export function moveTab(tab: HTMLElement, key: string): void {
  const group = tab.closest<HTMLElement>('[data-tabs]');
  if (!group || !isTabKey(key)) return;
  const move = MOVES[key];
  // Tabs of a choice the platform does not have (Airflow 2 on Remote Execution) are hidden.
  const tabs = tabsOf(group).filter((t) => t === tab || t.checkVisibility());
  const next = tabs[move(tabs.indexOf(tab), tabs.length)];
  if (!next) return;
  chooseTab(next);
  next.focus();
}

function onKeydown(event: KeyboardEvent): void {
  const tab = (event.target as HTMLElement | null)?.closest<HTMLElement>(TAB);
  if (!tab || !isTabKey(event.key)) return;
  event.preventDefault();
  moveTab(tab, event.key);
}

/** Opens the panels that contain the element a `#fragment` points to. */
function revealHashTarget(): void {
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  const target = id ? document.getElementById(id) : null;
  let panel = target?.closest<HTMLElement>('[role="tabpanel"]');
  let revealed = false;
  while (panel) {
    if (panel.hidden) {
      chooseTab(tabsOf(panel.closest<HTMLElement>('[data-tabs]') as HTMLElement).find((t) => t.dataset.tabValue === panel?.dataset.tabValue));
      revealed = true;
    }
    panel = panel.parentElement?.closest<HTMLElement>('[role="tabpanel"]');
  }
  if (revealed) target?.scrollIntoView();
}

export function initTabs(): void {
  const setup = pageSetup();
  const groups = Array.from(document.querySelectorAll<HTMLElement>('[data-tabs]'));
  effect(() => {
    const state = setup.choices.value;
    for (const group of groups) {
      const name = group.dataset.tabs;
      if (!isChoiceGroup(name)) continue;
      const value = tabValue(
        tabsOf(group).map((t) => t.dataset.tabValue ?? ''),
        shownChoice(state, name, PLATFORM_AIRFLOW_VERSIONS),
      );
      if (value) show(group, value);
    }
    syncTocPanels();
  });
  document.addEventListener('keydown', onKeydown);
  document.addEventListener('click', (event) => chooseTab((event.target as HTMLElement | null)?.closest<HTMLElement>(TAB)));
  addEventListener('hashchange', revealHashTarget);
  revealHashTarget();
}
