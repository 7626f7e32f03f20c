/**
 * The page's setup: the one owner of the platform, auth method, Airflow version and every
 * field value of a guide (on a page without a guide: the tab choices only). Everything
 * else follows it: the tabs, the form islands, the snippets, the URL and storage
 * (persist.ts). Nothing writes it but the functions below.
 *
 * It is created when the page needs it (activation.ts, start.ts). It starts from the URL
 * query, else the remembered choices and values, then takes what the server-rendered forms
 * already hold (a reader can type before it loads), so nothing typed early is lost and no
 * hand-off is needed.
 *
 * Secrets live only in this module's memory: never in the URL, storage or a request.
 */
import { type ReadonlySignal, batch, computed, signal } from '@preact/signals-core';
import { type ChoiceGroup, type ChoiceState, PLATFORM_IDS, allAuthMethods, isChoiceGroup, isPlatform, pickChoices, sameChoices } from './choices.ts';
import type { FieldName } from '../../generators/fields.ts';
import type { GuideSpec } from './config.ts';
import { SETUP_FORMS } from './activation.ts';
import { startPersist } from './persist.ts';
import { loadChoice, loadValues } from './remembered.ts';
import { MAX_VALUE_LENGTH, type SetupState, type UrlSchema, parseQuery } from './url-state.ts';

/** What an incoming link brought, and what it asked for that the page did not take (the form says so). */
export interface LinkReport {
  /** Fields the link filled with a value this browser did not already remember (a teammate's link, not the reader's own reload). */
  prefilled: string[];
  /** Secret fields that were in the link (never read). */
  droppedSecrets: string[];
  /** Fields whose value was cut to MAX_VALUE_LENGTH. */
  cut: string[];
  /** Choice parameters with a value that does not exist. */
  invalid: { param: string; value: string }[];
  /** The link asked for an auth method the chosen platform does not offer. */
  unofferedAuth: string | null;
}

export interface PageSetup {
  /** The guide (null on a page without one). */
  spec: GuideSpec | null;
  schema: UrlSchema;
  state: ReadonlySignal<SetupState>;
  /** The state's choices only: views of the choices (tabs, setup CSS) do not run on a keystroke. */
  choices: ReadonlySignal<ChoiceState>;
  /** Goes up by one on every change, for tests (`<html data-setup-version>` follows it). */
  version: ReadonlySignal<number>;
  /** Goes up by one each time the reader clears their values. */
  clears: ReadonlySignal<number>;
  link: LinkReport;
  /** The choice of a tab group or radio; false when the value does not exist here. */
  choose(group: ChoiceGroup, value: string): boolean;
  setValue(name: FieldName, value: string): void;
  setValues(values: Partial<Record<FieldName, string>>): void;
  /** Empties every value and forgets the remembered ones. */
  clear(): void;
  /** Writes the URL (and remembered values) now instead of a moment later. */
  flush(): void;
}

const NO_AUTH = { astro: [], 'remote-execution': [], software: [] } as const;

/** The guide written into the page at build time (`<html data-guide>`), or null. */
export function readGuideSpec(root: Element): GuideSpec | null {
  try {
    const raw = root.getAttribute('data-guide');
    return raw ? (JSON.parse(raw) as GuideSpec) : null;
  } catch {
    return null;
  }
}

type Control = HTMLInputElement | HTMLTextAreaElement;

/**
 * What a form control says, as a change of the setup: a choice (a checked radio of a choice
 * group), a field's value (a radio's default option is the empty value), or nothing.
 */
function readControl(el: Control, schema: UrlSchema): { choice: [ChoiceGroup, string] } | { field: [string, string] } | null {
  const name = el.name;
  if (el instanceof HTMLInputElement && el.type === 'radio') {
    if (!el.checked) return null;
    if (isChoiceGroup(name)) return { choice: [name, el.value] };
    if (schema.fields.includes(name)) return { field: [name, el.value === schema.defaults[name] ? '' : el.value] };
    return null;
  }
  return schema.fields.includes(name) ? { field: [name, el.value] } : null;
}

/**
 * What the reader changed in the server-rendered forms before any script ran: a control
 * whose value differs from the value it was rendered with (`defaultValue`), or a radio whose
 * checked state differs from `defaultChecked`.
 */
export function typedInForms(doc: Document, schema: UrlSchema): { values: Record<string, string>; choices: [ChoiceGroup, string][] } {
  const values: Record<string, string> = {};
  const choices: [ChoiceGroup, string][] = [];
  for (const form of doc.querySelectorAll(SETUP_FORMS)) {
    for (const el of form.querySelectorAll<Control>('input[name], textarea[name]')) {
      const changed = el instanceof HTMLInputElement && el.type === 'radio' ? el.defaultChecked !== el.checked : el.value !== el.defaultValue;
      const read = changed ? readControl(el, schema) : null;
      if (read && 'choice' in read) choices.push(read.choice);
      else if (read) values[read.field[0]] = read.field[1];
    }
  }
  return { values, choices };
}

/**
 * The forms' one way into the setup: every edit of a field or choice in a setup form (typed,
 * pasted, a radio chosen), whether or not its island has hydrated, is written to the setup.
 */
export function followForms(setup: PageSetup, doc: Document): void {
  const onEdit = (event: Event) => {
    const el = event.target;
    if (!(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) || !el.closest(SETUP_FORMS)) return;
    const read = readControl(el, setup.schema);
    if (read && 'choice' in read) setup.choose(...read.choice);
    // A name of the guide's schema (readControl checked it), so a field name.
    else if (read) setup.setValue(read.field[0] as FieldName, read.field[1]);
  };
  doc.addEventListener('input', onEdit);
  doc.addEventListener('change', onEdit);
}

/**
 * The other way: plain fields that are not a hydrated island's (the inline fields, the
 * connection builder before it hydrates) show the setup's value of their name.
 */
export function showValues(inputs: readonly (HTMLInputElement | HTMLTextAreaElement)[], values: Readonly<Record<string, string>>): void {
  for (const input of inputs) {
    const value = values[input.name];
    if (value === undefined) continue;
    // A radio of a field: checked when it is the value, or (empty value) the default it was rendered with.
    if (input.type === 'radio') (input as HTMLInputElement).checked = value === '' ? (input as HTMLInputElement).defaultChecked : input.value === value;
    else if (input.value !== value) input.value = value;
  }
}

function cap(v: string): string {
  return v.length > MAX_VALUE_LENGTH ? v.slice(0, MAX_VALUE_LENGTH) : v;
}

export function createSetup(spec: GuideSpec | null, search: string, doc: Document): PageSetup {
  const schema: UrlSchema = spec ?? { fields: [], secrets: [], defaults: {}, auth: NO_AUTH };
  const auth = schema.auth;
  const methods = allAuthMethods(auth);
  const parsed = parseQuery(search, schema);
  // The query's choices as parsed (only values that exist), else the remembered ones.
  const fromQuery = { platform: parsed.platform, authMethod: parsed.authPref, airflowVersion: parsed.airflowVersion } as Record<string, string | undefined>;
  const choices: ChoiceState = pickChoices((group) => fromQuery[group], loadChoice, spec ? auth : null, PLATFORM_IDS);
  const blank = Object.fromEntries(schema.fields.map((f) => [f, '']));
  const remembered = spec ? loadValues(spec.provider, schema.fields, schema.secrets) : {};
  const values = { ...blank, ...(parsed.hasValues ? parsed.values : remembered) };
  const prefilled = parsed.hasValues ? Object.keys(parsed.values).filter((k) => parsed.values[k] && parsed.values[k] !== remembered[k]) : [];
  const state = signal<SetupState>({ ...choices, values });
  const version = signal(0);
  const clears = signal(0);
  const unoffered = parsed.authPref && !auth[choices.platform].includes(parsed.authPref) ? parsed.authPref : null;
  const link: LinkReport = { prefilled, droppedSecrets: parsed.droppedSecrets, cut: parsed.cut, invalid: parsed.invalid, unofferedAuth: unoffered };

  const set = (next: SetupState) => {
    batch(() => {
      state.value = next;
      version.value++;
    });
  };
  // The same object until a choice changes, so its readers are not notified of value edits.
  let shown: ChoiceState = choices;
  const choicesNow = computed(() => {
    const s = state.value;
    if (!sameChoices(s, shown)) shown = { platform: s.platform, authPref: s.authPref, airflowVersion: s.airflowVersion };
    return shown;
  });
  const setup: PageSetup = {
    spec,
    schema,
    state,
    choices: choicesNow,
    version,
    clears,
    link,
    choose(group, value) {
      const s = state.value;
      let next: SetupState | null = null;
      if (group === 'platform' && isPlatform(value)) next = { ...s, platform: value };
      else if (group === 'authMethod' && methods.includes(value)) next = { ...s, authPref: value };
      else if (group === 'airflowVersion' && (value === '2' || value === '3')) next = { ...s, airflowVersion: value };
      if (!next) return false;
      if (!sameChoices(s, next)) set(next);
      return true;
    },
    setValue(name, value) {
      const s = state.value;
      if (!(name in s.values) || s.values[name] === cap(value)) return;
      set({ ...s, values: { ...s.values, [name]: cap(value) } });
    },
    setValues(more) {
      const s = state.value;
      const next = { ...s.values };
      for (const [k, v] of Object.entries(more)) if (k in next) next[k] = cap(v);
      set({ ...s, values: next });
    },
    clear() {
      const s = state.value;
      batch(() => {
        set({ ...s, values: { ...blank } });
        clears.value++;
      });
    },
    flush: () => undefined,
  };
  setup.flush = startPersist(setup);
  // What was typed or clicked in the forms before this ran.
  const early = typedInForms(doc, schema);
  for (const [group, value] of early.choices) setup.choose(group, value);
  if (Object.keys(early.values).length) setup.setValues(early.values);
  return setup;
}

let page: PageSetup | undefined;

/** The page's setup, created on first use (by the tabs, a form island or the live code). */
export function pageSetup(): PageSetup {
  page ??= createSetup(readGuideSpec(document.documentElement), location.search, document);
  return page;
}
