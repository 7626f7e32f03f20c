/**
 * The setup of one guide page, shared by the form, the connection builder and the live
 * snippets (one module instance per page). It starts from the URL query, else remembered
 * values; keeps the URL (`history.replaceState`, hash kept), the remembered values and the
 * tab groups in step with it; and loads the live module (generator + snippet updates) as
 * soon as there is anything to show that the static page does not already show, or a
 * field of a form gets the focus.
 *
 * Secrets live only in this module's memory: never in the URL, storage or a request.
 */
import { type AirflowVersion, type PlatformId, allAuthMethods, effectiveAuth, isPlatform } from './choices.ts';
import type { SetupConfig } from './config.ts';
import type { EarlyText } from './prepaint-setup.ts';
import { loadProvider } from './provider-loader.ts';
import { clearValues as forgetValues, loadValues, saveValues } from './remembered.ts';
import { applySetupRules } from './state-css.ts';
import { type Store, createStore } from './store.ts';
import { MAX_VALUE_LENGTH, type SetupState, type UrlSchema, parseQuery, writeQuery } from './url-state.ts';

export interface Problem {
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface Derived {
  problems: Problem[];
  lookup: { variable: string; connection: string };
}

export interface PageSetup {
  config: SetupConfig;
  schema: UrlSchema;
  state: Store<SetupState>;
  derived: Store<Derived>;
  /** Messages about the incoming link (plain text). */
  notices: Store<string[]>;
  setValue(name: string, value: string): void;
  setValues(values: Record<string, string>): void;
  setChoice(group: 'platform' | 'authMethod' | 'airflowVersion', value: string): void;
  clear(): void;
  /** Loads the generator and starts updating snippets (idempotent). */
  goLive(): Promise<void>;
  /** Writes the URL (and remembered values) now instead of a moment later. */
  flush(): void;
}

const CHOICE_GROUPS = ['platform', 'authMethod', 'airflowVersion'] as const;
/** The forms whose fields are the page's setup: the setup form and the connection builder. */
const SETUP_FORMS = 'form[data-setup-form], form[data-connection-builder]';
/** How long after the last edit the URL and the remembered values are written. */
export const URL_WRITE_DELAY_MS = 400;
let page: PageSetup | undefined;

function storedTab(group: string): string | null {
  try {
    return localStorage.getItem(`guides:tab:${group}`);
  } catch {
    return null;
  }
}

function label(config: SetupConfig, name: string): string {
  return config.fields.find((f) => f.name === name)?.label ?? name;
}

function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

type ChoiceGroup = (typeof CHOICE_GROUPS)[number];

/**
 * What the reader changed in the server-rendered forms before the islands took over:
 * hydration keeps the fields' DOM values but not as state, so without this a quick click
 * or a few typed letters would show in the form and nowhere else. A control differs from
 * what the server rendered when its value is not its `defaultValue` (the value attribute)
 * or its checked state is not its `defaultChecked`. Hydration empties textareas, so their
 * text comes from what the pre-paint script recorded (prepaint-setup.ts).
 */
function editsBeforeHydration(config: SetupConfig): { values: Record<string, string>; choices: [ChoiceGroup, string][] } {
  const values: Record<string, string> = {};
  const choices: [ChoiceGroup, string][] = [];
  const defaults = new Map(config.fields.map((f) => [f.name, f.default]));
  for (const form of document.querySelectorAll(SETUP_FORMS)) {
    for (const el of form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input[name], textarea[name]')) {
      const name = el.name;
      if (el instanceof HTMLInputElement && el.type === 'radio') {
        if (!el.checked || el.defaultChecked) continue;
        if ((CHOICE_GROUPS as readonly string[]).includes(name)) choices.push([name as ChoiceGroup, el.value]);
        else if (defaults.has(name)) values[name] = el.value === defaults.get(name) ? '' : el.value;
      } else if (defaults.has(name) && el.value !== el.defaultValue) {
        values[name] = el.value;
      }
    }
  }
  const w = window as unknown as { guidesEarlyText?: EarlyText };
  if (w.guidesEarlyText) {
    w.guidesEarlyText.stop();
    for (const [name, value] of Object.entries(w.guidesEarlyText.values)) if (defaults.has(name)) values[name] = value;
    delete w.guidesEarlyText;
  }
  return { values, choices };
}

function initialState(config: SetupConfig, schema: UrlSchema, notices: string[]): { state: SetupState; fromUrl: boolean } {
  const parsed = parseQuery(location.search, schema);
  const methods = allAuthMethods(config.auth);
  const platformTab = storedTab('platform');
  const authTab = storedTab('authMethod');
  const afTab = storedTab('airflowVersion');
  const platform: PlatformId = parsed.platform ?? (isPlatform(platformTab) ? platformTab : 'astro');
  const authPref = parsed.authPref ?? (authTab && methods.includes(authTab) ? authTab : '');
  const airflowVersion: AirflowVersion = parsed.airflowVersion ?? (afTab === '2' ? '2' : '3');
  const fields = config.fields.map((f) => f.name);
  const base: Record<string, string> = Object.fromEntries(fields.map((f) => [f, '']));
  const values = parsed.hasValues ? { ...base, ...parsed.values } : { ...base, ...loadValues(config.provider, fields, config.secrets) };

  if (parsed.droppedSecrets.length) {
    const names = parsed.droppedSecrets.map((s) => label(config, s));
    notices.push(
      `This link contained ${list(names)}. Secrets are never read from links, so ${names.length > 1 ? 'they were' : 'it was'} ignored and removed from the address bar.`,
    );
  }
  if (parsed.cut.length) {
    notices.push(`${list(parsed.cut.map((s) => label(config, s)))}: the value in the link was longer than ${MAX_VALUE_LENGTH.toLocaleString('en-US')} characters and was cut.`);
  }
  for (const bad of parsed.invalid) {
    notices.push(`This link asked for ${bad.param} “${bad.value}”, which does not exist here; it was ignored.`);
  }
  if (parsed.authPref && !config.auth[platform].includes(parsed.authPref)) {
    const shown = effectiveAuth(config.auth, platform, parsed.authPref);
    notices.push(
      `${config.platformLabels[platform]} offers ${list(config.auth[platform].map((a) => config.authLabels[a] ?? a))} for ${config.providerName}; showing ${config.authLabels[shown] ?? shown}.`,
    );
  }
  return { state: { platform, authPref, airflowVersion, values }, fromUrl: parsed.hasValues };
}

function isBlank(state: SetupState): boolean {
  return state.airflowVersion === '3' && Object.values(state.values).every((v) => v === '');
}

export function pageSetup(config: SetupConfig): PageSetup {
  if (page) return page;
  const schema: UrlSchema = {
    fields: config.fields.map((f) => f.name),
    secrets: config.secrets,
    defaults: Object.fromEntries(config.fields.flatMap((f) => (f.default === undefined ? [] : [[f.name, f.default]]))),
    auth: config.auth,
  };
  const noticeList: string[] = [];
  const { state: first } = initialState(config, schema, noticeList);
  const state = createStore(first);
  const derived = createStore<Derived>({ problems: [], lookup: config.lookup });
  const notices = createStore(noticeList);
  const methods = allAuthMethods(config.auth);

  let live: Promise<void> | undefined;
  const goLive = (): Promise<void> => {
    live ??= Promise.all([import('./live.ts'), loadProvider(config.provider)])
      .then(([m, api]) => m.startLive(current, api))
      .catch(() => {
        live = undefined;
      });
    return live;
  };

  // The pre-paint rules follow the state at once. The URL and the remembered values follow
  // once the reader pauses (URL_WRITE_DELAY_MS after the last change, not every so often
  // while typing): history.replaceState and localStorage cost milliseconds each, which
  // would delay the paint of the keystroke they land next to. `flush()` writes them at
  // once (before a link is copied, and when the page is hidden).
  let urlTimer: ReturnType<typeof setTimeout> | undefined;
  let saveWanted = false;
  const flush = () => {
    if (urlTimer !== undefined) clearTimeout(urlTimer);
    urlTimer = undefined;
    const s = state.get();
    const search = writeQuery(location.search, s, schema);
    if (search !== location.search) history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
    if (saveWanted) saveValues(config.provider, s.values, schema.fields, config.secrets);
    saveWanted = false;
  };
  const scheduleUrl = () => {
    if (urlTimer !== undefined) clearTimeout(urlTimer);
    urlTimer = setTimeout(flush, URL_WRITE_DELAY_MS);
  };
  state.subscribe((s, prev) => {
    if (s.platform !== prev.platform || s.authPref !== prev.authPref) applySetupRules(config.auth, s.platform, s.authPref);
    scheduleUrl();
  });
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });

  const edit = (next: SetupState) => {
    saveWanted = true;
    state.set(next);
    void goLive();
  };
  const cap = (v: string) => (v.length > MAX_VALUE_LENGTH ? v.slice(0, MAX_VALUE_LENGTH) : v);

  const current: PageSetup = {
    config,
    schema,
    state,
    derived,
    notices,
    setValue(name, value) {
      const s = state.get();
      if (!(name in s.values) || s.values[name] === value) return;
      edit({ ...s, values: { ...s.values, [name]: cap(value) } });
    },
    setValues(values) {
      const s = state.get();
      const next = { ...s.values };
      for (const [k, v] of Object.entries(values)) if (k in next) next[k] = cap(v);
      edit({ ...s, values: next });
    },
    setChoice(group, value) {
      const s = state.get();
      let next = s;
      if (group === 'platform' && isPlatform(value)) next = { ...s, platform: value };
      else if (group === 'authMethod' && methods.includes(value)) next = { ...s, authPref: value };
      else if (group === 'airflowVersion' && (value === '2' || value === '3')) next = { ...s, airflowVersion: value };
      if (next === s) return;
      state.set(next);
      if (next.airflowVersion !== '3') void goLive();
      // The tab groups show the same choice; they remember it and keep it in the URL too.
      document.dispatchEvent(new CustomEvent('guides:tabchange', { detail: { group, value } }));
      flush();
    },
    clear() {
      forgetValues();
      const s = state.get();
      state.set({ ...s, values: Object.fromEntries(Object.keys(s.values).map((k) => [k, ''])) });
    },
    goLive,
    flush,
  };
  page = current;

  document.addEventListener('guides:tabchange', (event) => {
    const detail = (event as CustomEvent<{ group?: unknown; value?: unknown }>).detail;
    const group = detail?.group;
    const value = detail?.value;
    if (typeof value !== 'string' || !CHOICE_GROUPS.includes(group as (typeof CHOICE_GROUPS)[number])) return;
    const s = state.get();
    if (group === 'platform' && isPlatform(value) && value !== s.platform) state.set({ ...s, platform: value });
    else if (group === 'authMethod' && methods.includes(value) && value !== s.authPref) state.set({ ...s, authPref: value });
    else if (group === 'airflowVersion' && (value === '2' || value === '3') && value !== s.airflowVersion) {
      state.set({ ...s, airflowVersion: value });
      void goLive();
    }
  });

  applySetupRules(config.auth, first.platform, first.authPref);
  flush();
  if (!isBlank(first)) void goLive();
  const early = editsBeforeHydration(config);
  for (const [group, value] of early.choices) current.setChoice(group, value);
  if (Object.keys(early.values).length) current.setValues(early.values);
  // A reader who puts the cursor in a field is about to type: the live code loads now, so
  // the first keystroke does not wait for a download.
  document.addEventListener('focusin', (event) => {
    if (event.target instanceof Element && event.target.closest(SETUP_FORMS)) void goLive();
  });
  return current;
}

/** The page's setup once a form or builder island has created it. */
export function currentPageSetup(): PageSetup | undefined {
  return page;
}
