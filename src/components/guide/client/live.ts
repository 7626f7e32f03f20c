/**
 * Loaded on demand (after the first edit, or at once for a prefilled page): runs the
 * generator for the reader's setup and keeps every snippet, lookup name and validation
 * message of the page up to date. Each distinct set of choices (the form's, and those of
 * snippets pinned to a platform, auth method or Airflow version) is generated once per
 * change. What the reader can see (lookup names, messages, snippets in the viewport) is
 * updated in the keystroke's own task, so the next frame paints it; the other snippets right
 * after that frame, in a task of their own, and at once if one comes within a screen of the
 * viewport before that. A keystroke with no snippet in view only checks the input (problems
 * and lookup names) and builds no snippet in its own task. Snippets in tab panels that are
 * not shown wait until a tab switch reveals them.
 */
import type { GenerateResult, RawInput } from '../../../generators/index.ts';
import type { ProviderApi } from '../../../generators/provider-api.ts';
import { type AirflowVersion, type Pins, type PlatformId, isPlatform, resolveChoices } from './choices.ts';
import type { PageSetup } from './page-state.ts';
import { LiveSnippet } from './snippet-dom.ts';
import type { SetupState } from './url-state.ts';

interface Tracked {
  live: LiveSnippet;
  id: string;
  pins: Pins;
  /** The state this snippet shows (stale when it differs from the page's). */
  shown: SetupState | null;
}

/** The longest task the first pass over the snippets may take before it yields. */
const FIRST_PASS_SLICE_MS = 8;

function pinsOf(el: HTMLElement): Pins {
  const p = el.dataset.pinPlatform;
  const af = el.dataset.pinAirflow;
  return {
    platform: isPlatform(p) ? p : undefined,
    authMethod: el.dataset.pinAuth || undefined,
    airflowVersion: af === '2' || af === '3' ? (af as AirflowVersion) : undefined,
  };
}

function inputFor(state: SetupState, platform: PlatformId, authMethod: string, airflowVersion: AirflowVersion): RawInput {
  const input: RawInput = { platform, authMethod, airflowVersion };
  for (const [k, v] of Object.entries(state.values)) if (v !== '') input[k] = v;
  return input;
}

export function startLive(page: PageSetup, api: ProviderApi): void {
  const provider = page.config.provider;
  const auth = page.config.auth;
  const tracked: Tracked[] = [];
  for (const el of document.querySelectorAll<HTMLElement>('[data-live-snippet]')) {
    if (el.dataset.provider !== provider) continue;
    try {
      tracked.push({ live: new LiveSnippet(el), id: el.dataset.liveSnippet ?? '', pins: pinsOf(el), shown: null });
    } catch {
      /* a malformed block stays as rendered */
    }
  }
  const lookups = Array.from(document.querySelectorAll<HTMLElement>('code[data-lookup]')).filter((el) => el.dataset.provider === provider);

  // Generator results of the current state, by resolved choices.
  let resultsOf: SetupState | null = null;
  let results = new Map<string, GenerateResult>();
  const resultFor = (state: SetupState, pins: Pins): GenerateResult => {
    if (resultsOf !== state) {
      resultsOf = state;
      results = new Map();
    }
    const c = resolveChoices(auth, pins, { platform: state.platform, authPref: state.authPref, airflowVersion: state.airflowVersion });
    const key = `${c.platform}|${c.authMethod}|${c.airflowVersion}`;
    let out = results.get(key);
    if (!out) {
      out = api.generate(inputFor(state, c.platform, c.authMethod, c.airflowVersion));
      results.set(key, out);
    }
    return out;
  };
  const refresh = (t: Tracked) => {
    const state = page.state.get();
    if (t.shown === state) return;
    t.live.show(resultFor(state, t.pins).snippets.find((s) => s.id === t.id));
    t.shown = state;
  };
  // Snippets inside a tab panel that is not shown are brought up to date when a tab switch
  // reveals them (the tabs dispatch guides:tabchange before the next paint).
  const shownNow = (t: Tracked) => t.live.root.closest('[role="tabpanel"][hidden]') === null;
  const refreshShown = () => {
    for (const t of tracked) if (shownNow(t)) refresh(t);
  };

  // Which snippets are in the viewport (all of them without the API); one that comes within
  // a screen of it is brought up to date at once, so scrolling never shows a stale one.
  const inView = new Set<Tracked>(typeof IntersectionObserver === 'function' ? [] : tracked);
  if (typeof IntersectionObserver === 'function') {
    const byRoot = new Map(tracked.map((t) => [t.live.root, t]));
    const observe = (callback: (t: Tracked, entry: IntersectionObserverEntry) => void, rootMargin: string) => {
      const observer = new IntersectionObserver((entries) => {
        for (const entry of entries) {
          const t = byRoot.get(entry.target as HTMLElement);
          if (t) callback(t, entry);
        }
      }, { rootMargin });
      for (const t of tracked) observer.observe(t.live.root);
    };
    observe((t, entry) => {
      if (entry.isIntersecting) inView.add(t);
      else inView.delete(t);
    }, '0px');
    observe((t, entry) => {
      if (entry.isIntersecting && shownNow(t)) refresh(t);
    }, '100% 0px');
  }
  // The rest: after the frame that shows the keystroke (a task queued from that frame).
  let restQueued = false;
  const queueRest = () => {
    if (restQueued) return;
    restQueued = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        restQueued = false;
        refreshShown();
      }, 0),
    );
  };

  // Lookup names and the form's messages: what the reader sees next to the fields.
  const updateNames = (state: SetupState) => {
    const own = resolveChoices(auth, {}, { platform: state.platform, authPref: state.authPref, airflowVersion: state.airflowVersion });
    const { problems, lookup: names } = api.check(inputFor(state, own.platform, own.authMethod, own.airflowVersion));
    for (const el of lookups) {
      const name = el.dataset.lookup === 'connection' ? names.connection : names.variable;
      if (el.textContent !== name) el.textContent = name;
    }
    page.derived.set({ problems, lookup: names });
  };
  const update = (state: SetupState) => {
    for (const t of inView) if (shownNow(t)) refresh(t);
    queueRest();
    updateNames(state);
  };

  // The first pass over every snippet is the most work the page ever does at once: it is
  // cut into tasks of at most FIRST_PASS_SLICE_MS, so the keystroke that started it never
  // waits behind one long task. Until it ends, snippets show their static rendering and
  // edits update the names only; then every snippet follows the setup.
  let live = false;
  let next = 0;
  const firstPass = () => {
    const end = performance.now() + FIRST_PASS_SLICE_MS;
    while (next < tracked.length && (next === 0 || performance.now() < end)) refresh(tracked[next++] as Tracked);
    if (next < tracked.length) {
      setTimeout(firstPass, 0);
      return;
    }
    document.documentElement.classList.add('setup-live');
    for (const t of tracked) t.live.takeOver();
    live = true;
    update(page.state.get());
  };
  document.addEventListener('guides:tabchange', () => live && refreshShown());
  addEventListener('hashchange', () => live && refreshShown());
  updateNames(page.state.get());
  page.state.subscribe((s) => (live ? update(s) : updateNames(s)));
  setTimeout(firstPass, 0);
}
