/**
 * Loaded on demand (derived.ts `goLive`): runs the
 * generator for the reader's setup and keeps every snippet, lookup name and validation
 * message of the page up to date. Each distinct set of choices (the form's, and those of
 * snippets pinned to a platform, auth method or Airflow version) is generated once per
 * change. What the reader can see (lookup names, messages, snippets in the viewport) is
 * updated in the keystroke's own task, so the next frame paints it; the other snippets right
 * after that frame, in a task of their own, and at once if one comes within a screen of the
 * viewport before that. A keystroke with no snippet in view builds no snippet in its own
 * task. Snippets in tab panels that are not shown wait until a choice reveals them.
 */
import { effect } from '@preact/signals-core';
import type { ProviderApi } from '../../generators/provider-api.ts';
import type { GenerateResult, Problem } from '../../generators/types.ts';
import { type AirflowVersion, type Pins, isPlatform, resolveChoices } from './choices.ts';
import { checked, generatorInput } from './derived.ts';
import type { PageSetup } from './setup.ts';
import { LiveSnippet } from './snippet-dom.ts';
import { snippetValue } from './trim.ts';
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

/** The values with every secret field emptied (so its snippets show the placeholder). */
export function withoutSecrets(values: Readonly<Record<string, string>>, secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = { ...values };
  for (const name of secrets) if (name in out) out[name] = '';
  return out;
}

export function startLive(page: PageSetup, api: ProviderApi): void {
  const spec = page.spec;
  if (!spec) return;
  const provider = spec.provider;
  const auth = spec.auth;
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

  // A value with an error is marked where it appears in a snippet, with the message (the
  // copy button reads it, copy-check.ts): it never flows into a copy unnoticed.
  const markErrors = (root: HTMLElement, problems: readonly Problem[], values: SetupState['values']) => {
    const errors = new Map(problems.filter((p) => p.severity === 'error').map((p) => [p.field, p.message]));
    if (!errors.size && !root.querySelector('[data-slot-error]')) return;
    // A slot made of several values (the kwargs JSON, a URI) is marked when it holds a wrong one.
    const wrong = [...errors].map(([field, message]) => [field, snippetValue(field, values[field] ?? ''), message] as const).filter(([, v]) => v !== '');
    for (const el of root.querySelectorAll<HTMLElement>('[data-slot]')) {
      const text = el.textContent ?? '';
      const own = el.dataset.slot ?? '';
      const [field, , message] = errors.has(own) ? [own, '', errors.get(own)] : (wrong.find(([, v]) => text.includes(v)) ?? []);
      if (message === undefined) {
        delete el.dataset.slotError;
        delete el.dataset.slotErrorField;
      } else {
        el.dataset.slotError = message;
        el.dataset.slotErrorField = field;
      }
    }
  };

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
      out = api.generate(generatorInput(state, c.platform, c.authMethod, c.airflowVersion));
      results.set(key, out);
    }
    return out;
  };
  // While printing, every secret shows as its placeholder: secret values never go on paper.
  let printState: SetupState | null = null;
  const refresh = (t: Tracked) => {
    const state = printState ?? page.state.peek();
    if (t.shown === state) return;
    const result = resultFor(state, t.pins);
    t.live.show(result.snippets.find((s) => s.id === t.id));
    markErrors(t.live.root, result.problems, state.values);
    t.shown = state;
    // For tests: the setup version this snippet shows (see <html data-setup-version>).
    t.live.root.dataset.version = String(page.version.peek());
  };
  // Snippets inside a tab panel that is not shown are brought up to date when a tab switch
  // reveals them (live.ts follows the choices right after the tabs show their panels).
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

  // Lookup names in the text: what the reader sees next to the steps (the form shows the same check).
  const updateNames = () => {
    const names = checked.value?.lookup;
    if (!names) return;
    for (const el of lookups) {
      const name = el.dataset.lookup === 'connection' ? names.connection : names.variable;
      if (el.textContent !== name) el.textContent = name;
    }
  };
  const update = () => {
    for (const t of inView) if (shownNow(t)) refresh(t);
    queueRest();
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
    update();
  };
  effect(updateNames);
  let choices = page.choices.peek();
  effect(() => {
    // The version changes with every edit; the choices object only with a choice.
    const c = page.choices.value;
    document.documentElement.dataset.setupVersion = String(page.version.value);
    if (!live) return;
    // A new choice reveals other tab panels: once the tabs have shown them (before the next
    // paint), every shown snippet is brought up to date.
    const chose = c !== choices;
    choices = c;
    if (chose) queueMicrotask(refreshShown);
    else update();
  });
  addEventListener('hashchange', () => live && refreshShown());
  const print = (on: boolean) => {
    const state = page.state.peek();
    if (on === (printState !== null)) return;
    printState = on ? { ...state, values: withoutSecrets(state.values, spec.secrets) } : null;
    for (const t of tracked) refresh(t);
  };
  addEventListener('beforeprint', () => print(true));
  addEventListener('afterprint', () => print(false));
  // Print preview and emulated print media may come without the events.
  const printMedia = matchMedia('print');
  printMedia.addEventListener('change', () => print(printMedia.matches));
  if (printMedia.matches) print(true);
  setTimeout(firstPass, 0);
}
