/**
 * Build time: every distinct shape a generator snippet can take on a guide page.
 *
 * A snippet's text outside its slots (its layout) changes only with discrete things: the
 * choices (platform, auth method, Airflow version, KV version, ...) and which optional
 * fields are filled. The build enumerates them all (`layoutInputs`) and keeps one rendering
 * per distinct skeleton. Their lines are pre-highlighted (render-snippet.ts); the browser
 * assembles any layout from those lines.
 */
import { fieldDef } from '../generators/fields.ts';
import { authMethods, formFields, generate, platforms, type ProviderId, type RawInput, type Snippet } from '../generators/index.ts';
import {
  PLATFORM_AIRFLOW_VERSIONS,
  allStateKeys,
  resolveChoices,
  type AirflowVersion,
  type AuthTable,
  type Choices,
  type Pins,
  type PlatformId,
} from './client/choices.ts';
import { shapeKey, skeletonOf } from './client/skeleton.ts';

export type { Pins };

export interface Shape {
  key: string;
  snippet: Snippet;
  /** State keys (`platform:authPref`) for which this is the snippet with every field empty. */
  emptyFor: string[];
  /** True when `emptyFor` is every state key of the page (rendered as `data-empty-for="*"`). */
  emptyForEvery: boolean;
  /** The shape shown without JavaScript: the default choices, every field empty. */
  isDefault: boolean;
}

const KEYFILE_SAMPLE = JSON.stringify({
  type: 'service_account',
  project_id: 'my-project-123',
  private_key_id: 'abc',
  private_key: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n',
  client_email: 'airflow@my-project-123.iam.gserviceaccount.com',
});

const memo = new Map<string, Snippet[]>();

function generateMemo(provider: ProviderId, input: RawInput): Snippet[] {
  const key = provider + '\u0000' + JSON.stringify(input);
  let out = memo.get(key);
  if (!out) {
    out = generate(provider, input).snippets;
    memo.set(key, out);
  }
  return out;
}

export function authTable(provider: ProviderId): AuthTable {
  const t = {} as Record<PlatformId, readonly string[]>;
  for (const p of platforms) t[p] = authMethods(provider, p).values;
  return t;
}

function typical(name: string, example: string | undefined, def: string | undefined): string {
  if (name === 'keyfileJson') return KEYFILE_SAMPLE;
  return example ?? def ?? 'value1';
}

/** The discrete option combinations (KV version, ...) of one choice, the defaults first. */
function bases(provider: ProviderId, c: Choices): Record<string, string>[] {
  const fields = formFields(provider, c.platform, c.authMethod);
  const discrete = fields.filter((f) => (f.kind === 'radio' || f.kind === 'select') && f.name !== 'airflowVersion' && f.options?.length);
  let out: Record<string, string>[] = [{}];
  for (const f of discrete) {
    const values = (f.options ?? []).map((o) => o.value);
    out = out.flatMap((b) => values.map((v) => (v === f.default ? b : { ...b, [f.name]: v })));
  }
  return out;
}

function textFields(provider: ProviderId, c: Choices) {
  return formFields(provider, c.platform, c.authMethod).filter((f) => f.kind === 'text' || f.kind === 'textarea' || f.kind === 'password');
}

/** The most inputs enumerated for one snippet and set of options. */
const MAX_LAYOUT_INPUTS = 512;

const skeletonKey = (s: Snippet | undefined): string => (s ? shapeKey(skeletonOf(s.code, s.slots)) : '');

/**
 * Every input that gives snippet `id` a different layout for one set of choices.
 *
 * A layout depends only on discrete things: the choices, each option field's value, which
 * text fields are filled (an optional line, a kwarg, a `--flag`) and, for a few fields,
 * which case a value falls in (`layoutExamples` in the field table). Values themselves
 * never change it: every escaper keeps its quotes inside the slot, and commands wrap by
 * structure. So for every option combination, the fields that change the snippet are
 * found (set alone, or changed in a full form) and every combination of their cases is
 * generated, the other fields filled: together these are all the snippet's layouts. The
 * property test in tests/unit/guide/layouts.test.ts checks that against arbitrary input.
 */
function layoutInputs(provider: ProviderId, id: string, c: Choices): RawInput[] {
  const text = textFields(provider, c);
  const cases = new Map<string, string[]>();
  const full: Record<string, string> = {};
  for (const f of text) {
    full[f.name] = typical(f.name, f.example, f.default);
    cases.set(f.name, [full[f.name] as string, ...(fieldDef(f.name, provider)?.layoutExamples ?? [])]);
  }
  const choice = { platform: c.platform, authMethod: c.authMethod, airflowVersion: c.airflowVersion };
  const out: RawInput[] = [];
  for (const b of bases(provider, c)) {
    const input = (values: Record<string, string>): RawInput => ({ ...choice, ...b, ...values });
    const layout = (values: Record<string, string>) => skeletonKey(generateMemo(provider, input(values)).find((x) => x.id === id));
    const emptyLayout = layout({});
    const fullLayout = layout(full);
    const varying = text
      .map((f) => f.name)
      .filter((name) => {
        const { [name]: _left, ...rest } = full;
        if (layout(rest) !== fullLayout) return true;
        return (cases.get(name) ?? []).some((v) => layout({ [name]: v }) !== emptyLayout || layout({ ...full, [name]: v }) !== fullLayout);
      });
    let combos: Record<string, string>[] = [{ ...full }];
    for (const name of varying) {
      combos = combos.flatMap((values) => {
        const { [name]: _left, ...rest } = values;
        return [rest, ...(cases.get(name) ?? []).map((v) => ({ ...values, [name]: v }))];
      });
      if (combos.length > MAX_LAYOUT_INPUTS) {
        throw new Error(`snippet ${id} (${provider}): too many layouts to enumerate (fields ${varying.join(', ')})`);
      }
    }
    out.push(...combos.map(input));
  }
  return out;
}

/**
 * Every distinct shape of snippet `id` on a page of `provider`, the default one first.
 * Throws when the generator never produces `id` for the pinned choices.
 */
export function snippetShapes(provider: ProviderId, id: string, pins: Pins): Shape[] {
  const auth = authTable(provider);
  const keys = allStateKeys(auth);
  const choicesByKey = new Map<string, Choices>();
  const emptyByKey = new Map<string, Choices>();
  for (const key of keys) {
    const [platform, authPref] = key.split(':') as [PlatformId, string];
    for (const af of airflowVersionsThatMatter(provider, id, pins)) {
      const c = resolveChoices(auth, pins, { platform, authPref, airflowVersion: af });
      choicesByKey.set(`${c.platform}|${c.authMethod}|${c.airflowVersion}`, c);
      if (af === '3') emptyByKey.set(key, c);
    }
  }
  const shapes = new Map<string, Shape>();
  const addShape = (s: Snippet): Shape => {
    const key = shapeKey(skeletonOf(s.code, s.slots));
    let shape = shapes.get(key);
    if (!shape) {
      shape = { key, snippet: s, emptyFor: [], emptyForEvery: false, isDefault: false };
      shapes.set(key, shape);
    }
    return shape;
  };
  // The empty renderings first: the default one leads.
  const defaultKey = keys[0] as string;
  for (const key of keys) {
    const c = emptyByKey.get(key) as Choices;
    const s = generateMemo(provider, { platform: c.platform, authMethod: c.authMethod, airflowVersion: c.airflowVersion }).find(
      (x) => x.id === id,
    );
    if (!s) continue;
    const shape = addShape(s);
    shape.emptyFor.push(key);
    if (key === defaultKey) shape.isDefault = true;
  }
  for (const shape of shapes.values()) shape.emptyForEvery = shape.emptyFor.length === keys.length;
  if (shapes.size === 0) {
    throw new Error(
      `<Snippet provider="${provider}" id="${id}">: the generator has no snippet "${id}" for ${describe(pins)}. ` +
        'Check the id against src/generators/README.md, or pin platform/authMethod to where it exists.',
    );
  }
  if (![...shapes.values()].some((s) => s.isDefault)) {
    throw new Error(
      `<Snippet provider="${provider}" id="${id}">: the generator has no "${id}" for the default choices; pin platform/authMethod.`,
    );
  }
  for (const c of choicesByKey.values()) {
    for (const input of layoutInputs(provider, id, c)) {
      const s = generateMemo(provider, input).find((x) => x.id === id);
      if (s) addShape(s);
    }
  }
  return [...shapes.values()].sort((a, b) => Number(b.isDefault) - Number(a.isDefault));
}

/** ['3'], or ['3', '2'] when the snippet follows the reader's Airflow version and differs by it. */
function airflowVersionsThatMatter(provider: ProviderId, id: string, pins: Pins): AirflowVersion[] {
  if (pins.airflowVersion) return ['3'];
  const platform = pins.platform && PLATFORM_AIRFLOW_VERSIONS[pins.platform].length > 1 ? pins.platform : 'astro';
  const at = (af: AirflowVersion) => generateMemo(provider, { platform, airflowVersion: af }).find((x) => x.id === id)?.code;
  return at('3') === at('2') ? ['3'] : ['3', '2'];
}

function describe(pins: Pins): string {
  const parts = Object.entries(pins).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}="${String(v)}"`);
  return parts.length ? parts.join(' ') : 'any platform or auth method';
}
