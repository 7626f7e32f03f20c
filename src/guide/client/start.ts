/**
 * What every page runs at load, kept small: it decides when the page's interactive layer
 * (page.ts: the setup, the tab view, a guide's live code) is needed, and keeps what the
 * reader does until it is in place.
 *
 * The layer loads at once when the page starts with something the server-rendered page
 * does not show: a query (a shared link), remembered choices or values, or a link to an
 * element inside a tab panel. Otherwise the pre-paint script's CSS already shows the page
 * as it should be, and the layer loads when the reader reaches for a tab list, a setup form
 * or a Download button (pointer over it, focus, touch) or uses one. A tab click, an arrow
 * key on a tab or a Download click that comes before the layer is kept and done when it
 * arrives, and so is a button press in a form island before it has hydrated (island-actions.ts);
 * typing needs nothing kept (the setup reads the forms when it starts).
 *
 * Self-contained apart from constants: no signals, no setup code.
 */
import { DOWNLOAD_BUTTON, MIGRATION_TOOL, REACHING_EVENTS, SETUP_FORMS, TAB, TAB_KEYS } from './activation.ts';
import { ISLAND_HOST, islandHydrated, pendingIslandActions } from './island-actions.ts';
import type { PendingAction } from './page.ts';
import { CHOICE_KEY_PREFIX, VALUES_KEY } from './storage-keys.ts';

/** Where reaching or acting loads the layer. */
const INTERACTIVE = `${SETUP_FORMS}, [data-tabs] > .tabs__list, ${DOWNLOAD_BUTTON}`;

/** True when storage holds a remembered choice or values. */
function remembersSomething(): boolean {
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i) ?? '';
      if (key === VALUES_KEY || key.startsWith(CHOICE_KEY_PREFIX)) return true;
    }
  } catch {
    /* storage blocked: nothing remembered */
  }
  return false;
}

/** True when the URL's `#fragment` names an element inside a tab panel. */
function linksIntoPanel(): boolean {
  let id = '';
  try {
    id = decodeURIComponent(location.hash.slice(1));
  } catch {
    return false;
  }
  return id !== '' && document.getElementById(id)?.closest('[role="tabpanel"]') != null;
}

export function startWhenNeeded(): void {
  const pending: PendingAction[] = [];
  let requested = false;
  let started = false;
  const load = () => {
    if (requested) return;
    requested = true;
    import('./page.ts')
      .then((page) => {
        started = true;
        page.startPage(pending.splice(0));
      })
      .catch(() => {
        // Offline or a failed download: try again at the next interaction.
        requested = false;
      });
  };

  const target = (event: Event) => (event.target instanceof Element ? event.target : null);
  for (const type of REACHING_EVENTS) {
    document.addEventListener(
      type,
      (event) => {
        const el = target(event);
        if (started || !el?.closest(INTERACTIVE)) return;
        pending.push({ kind: 'reach', type, target: el });
        load();
      },
      { passive: true },
    );
  }
  // A button of a form island pressed before the island is live (the page code may have
  // arrived already): kept for islands.ts, which does it once the islands have hydrated.
  document.addEventListener(
    'click',
    (event) => {
      const button = target(event)?.closest<HTMLElement>('button');
      if (!button?.closest(ISLAND_HOST) || islandHydrated(button)) return;
      pendingIslandActions.push({ kind: 'click', target: button });
      load();
    },
    true,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      const input = target(event)?.closest<HTMLElement>('input');
      if (event.key !== 'Enter' || !input?.closest(ISLAND_HOST) || islandHydrated(input)) return;
      event.preventDefault();
      pendingIslandActions.push({ kind: 'enter', target: input });
      load();
    },
    true,
  );
  document.addEventListener('click', (event) => {
    const el = target(event);
    const tab = el?.closest<HTMLElement>(TAB);
    const button = el?.closest<HTMLElement>(DOWNLOAD_BUTTON);
    if (started || !(tab || button)) return;
    pending.push(tab ? { kind: 'tab', tab } : { kind: 'download', button: button as HTMLElement });
    load();
  });
  document.addEventListener('keydown', (event) => {
    const tab = target(event)?.closest<HTMLElement>(TAB);
    if (started || !tab || !(TAB_KEYS as readonly string[]).includes(event.key)) return;
    event.preventDefault();
    pending.push({ kind: 'tab-key', tab, key: event.key });
    load();
  });
  for (const type of ['input', 'change'] as const) {
    document.addEventListener(type, (event) => {
      if (!started && target(event)?.closest(SETUP_FORMS)) load();
    });
  }
  // The migration tool's code (with the generator's planner) loads when the reader reaches it.
  const migrate = (event: Event) => {
    const root = target(event)?.closest<HTMLElement>(MIGRATION_TOOL);
    if (root) import('./migration.ts').then((m) => m.startMigration(root)).catch(() => undefined);
  };
  for (const type of ['focusin', 'input'] as const) document.addEventListener(type, migrate);
  // The setup forms never submit (Enter in a field would load the page with every value in its URL).
  document.addEventListener('submit', (event) => {
    if (target(event)?.matches(SETUP_FORMS)) event.preventDefault();
  });
  addEventListener('hashchange', () => {
    if (linksIntoPanel()) load();
  });

  if (location.search.length > 1 || remembersSomething() || linksIntoPanel()) load();
}
