/** Preact hook: the page's setup (state, derived values, notices) for an island. */
import { useLayoutEffect, useState } from 'preact/hooks';
import type { SetupConfig } from './client/config.ts';
import { type Derived, type PageSetup, pageSetup } from './client/page-state.ts';
import type { SetupState } from './client/url-state.ts';

export interface PageSnapshot {
  state: SetupState;
  derived: Derived;
  notices: string[];
  page: PageSetup | null;
}

/** The state the build renders (and the island first hydrates with). */
export function blankState(config: SetupConfig): SetupState {
  return { platform: 'astro', authPref: '', airflowVersion: '3', values: Object.fromEntries(config.fields.map((f) => [f.name, ''])) };
}

export function usePage(config: SetupConfig): PageSnapshot {
  const [snap, setSnap] = useState<PageSnapshot>(() => ({
    state: blankState(config),
    derived: { problems: [], lookup: config.lookup },
    notices: [],
    page: null,
  }));
  useLayoutEffect(() => {
    const page = pageSetup(config);
    const sync = () => setSnap({ state: page.state.get(), derived: page.derived.get(), notices: page.notices.get(), page });
    sync();
    const off = [page.state.subscribe(sync), page.derived.subscribe(sync), page.notices.subscribe(sync)];
    return () => off.forEach((f) => f());
  }, []);
  return snap;
}
