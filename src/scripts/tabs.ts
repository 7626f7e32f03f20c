/**
 * Synced tab groups (WAI-ARIA tabs pattern with automatic activation).
 *
 * Every `[data-tabs="<group>"]` element on the page is one tab group; all groups
 * with the same name switch together. The selection is read from the URL
 * (`?<group>=<value>`, first occurrence), then from localStorage
 * (`guides:tab:<group>`), else the group's first tab. A user's choice is written
 * back to both (URL via `history.replaceState`, keeping every other parameter and
 * the hash) and announced with `guides:tabchange` on `document`. The same event,
 * dispatched by anyone else (e.g. a form island), switches the tabs too.
 * `window.guidesTabs` exposes `select`/`get` for islands.
 */
import {
  TAB_CHANGE_EVENT,
  TAB_STORAGE_PREFIX,
  isValidGroup,
  isValidValue,
  readQueryValue,
  resolveSelection,
  setQueryValue,
} from './tab-state';

export interface TabChangeDetail {
  group: string;
  value: string;
}

export interface SelectOptions {
  /** Remember in localStorage (default true). */
  persist?: boolean;
  /** Write `?<group>=<value>` into the address bar (default true). */
  updateUrl?: boolean;
  /** Dispatch `guides:tabchange` when the selection changed (default true). */
  broadcast?: boolean;
}

export interface GuidesTabs {
  select(group: string, value: string, options?: SelectOptions): boolean;
  get(group: string): string | undefined;
}

declare global {
  interface Window {
    guidesTabs?: GuidesTabs;
  }
  interface DocumentEventMap {
    'guides:tabchange': CustomEvent<TabChangeDetail>;
  }
}

const current = new Map<string, string>();

function storageGet(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function storageSet(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* private mode or storage disabled: the URL still carries the choice */
  }
}

function tabsOf(group: HTMLElement): HTMLElement[] {
  const list = group.querySelector<HTMLElement>(':scope > .tabs__list');
  return list ? Array.from(list.querySelectorAll<HTMLElement>(':scope > [role="tab"]')) : [];
}

function panelsOf(group: HTMLElement): HTMLElement[] {
  const wrap = group.querySelector<HTMLElement>(':scope > .tabs__panels');
  return wrap ? Array.from(wrap.querySelectorAll<HTMLElement>(':scope > [role="tabpanel"]')) : [];
}

function groupsNamed(name: string): HTMLElement[] {
  return Array.from(document.querySelectorAll<HTMLElement>('[data-tabs]')).filter(
    (g) => g.dataset.tabs === name,
  );
}

/** Shows `value` in one group; false when the group does not offer it. */
function applyToGroup(group: HTMLElement, value: string): boolean {
  const tabs = tabsOf(group);
  if (!tabs.some((t) => t.dataset.tabValue === value)) return false;
  for (const tab of tabs) {
    const on = tab.dataset.tabValue === value;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
  }
  for (const panel of panelsOf(group)) {
    panel.hidden = panel.dataset.tabValue !== value;
  }
  group.dataset.ready = '';
  return true;
}

export function select(name: string, value: string, options: SelectOptions = {}): boolean {
  if (!isValidGroup(name) || !isValidValue(value)) return false;
  const { persist = true, updateUrl = true, broadcast = true } = options;
  let applied = false;
  for (const group of groupsNamed(name)) applied = applyToGroup(group, value) || applied;
  if (!applied) return false;
  const changed = current.get(name) !== value;
  current.set(name, value);
  document.documentElement.setAttribute(`data-tab-${name.toLowerCase()}`, value);
  if (persist) storageSet(TAB_STORAGE_PREFIX + name, value);
  if (updateUrl) {
    const search = setQueryValue(location.search, name, value);
    if (search !== location.search) {
      history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    }
  }
  if (broadcast && changed) {
    document.dispatchEvent(
      new CustomEvent<TabChangeDetail>(TAB_CHANGE_EVENT, { detail: { group: name, value } }),
    );
  }
  return true;
}

export function get(name: string): string | undefined {
  return current.get(name);
}

function onKeydown(event: KeyboardEvent): void {
  const tab = (event.target as HTMLElement | null)?.closest<HTMLElement>('[role="tab"]');
  const group = tab?.closest<HTMLElement>('[data-tabs]');
  if (!tab || !group) return;
  const tabs = tabsOf(group);
  const i = tabs.indexOf(tab);
  let next: HTMLElement | undefined;
  switch (event.key) {
    case 'ArrowRight':
      next = tabs[(i + 1) % tabs.length];
      break;
    case 'ArrowLeft':
      next = tabs[(i - 1 + tabs.length) % tabs.length];
      break;
    case 'Home':
      next = tabs[0];
      break;
    case 'End':
      next = tabs[tabs.length - 1];
      break;
    default:
      return;
  }
  event.preventDefault();
  if (!next) return;
  const name = group.dataset.tabs;
  const value = next.dataset.tabValue;
  if (name && value) select(name, value);
  next.focus();
}

function onClick(event: MouseEvent): void {
  const tab = (event.target as HTMLElement | null)?.closest<HTMLElement>('[role="tab"]');
  const group = tab?.closest<HTMLElement>('[data-tabs]');
  const name = group?.dataset.tabs;
  const value = tab?.dataset.tabValue;
  if (name && value) select(name, value);
}

/** Opens the tab that contains the element a `#fragment` points to. */
function revealHashTarget(): void {
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return;
  }
  if (!id) return;
  const target = document.getElementById(id);
  let panel = target?.closest<HTMLElement>('[role="tabpanel"]');
  let revealed = false;
  while (panel) {
    const group = panel.closest<HTMLElement>('[data-tabs]');
    const name = group?.dataset.tabs;
    const value = panel.dataset.tabValue;
    if (panel.hidden && name && value) {
      select(name, value, { persist: false, updateUrl: false });
      revealed = true;
    }
    panel = group?.parentElement?.closest<HTMLElement>('[role="tabpanel"]');
  }
  if (revealed) target?.scrollIntoView();
}

export function initTabs(): void {
  const groups = Array.from(document.querySelectorAll<HTMLElement>('[data-tabs]'));
  const names = new Set<string>();
  for (const group of groups) {
    const name = group.dataset.tabs;
    if (!isValidGroup(name)) continue;
    names.add(name);
    const offered = tabsOf(group).flatMap((t) => (t.dataset.tabValue ? [t.dataset.tabValue] : []));
    const fromUrl = readQueryValue(location.search, name);
    const fromStore = storageGet(TAB_STORAGE_PREFIX + name);
    const value = resolveSelection(offered, fromUrl, fromStore);
    if (value) applyToGroup(group, value);
  }
  for (const name of names) {
    const fromUrl = readQueryValue(location.search, name);
    const fromStore = storageGet(TAB_STORAGE_PREFIX + name);
    const chosen = [fromUrl, fromStore].find(
      (v) => isValidValue(v) && groupsNamed(name).some((g) => tabsOf(g).some((t) => t.dataset.tabValue === v)),
    );
    const value = chosen ?? groupsNamed(name)[0]?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.dataset.tabValue;
    if (value) current.set(name, value);
  }
  document.addEventListener('keydown', onKeydown);
  document.addEventListener('click', onClick);
  document.addEventListener(TAB_CHANGE_EVENT, (event) => {
    const detail = event.detail;
    if (!detail || !isValidGroup(detail.group) || !isValidValue(detail.value)) return;
    if (current.get(detail.group) === detail.value) return;
    select(detail.group, detail.value, { broadcast: false });
  });
  window.addEventListener('hashchange', revealHashTarget);
  revealHashTarget();
  window.guidesTabs = { select, get };
}
