/**
 * The discrete choices a guide is shown for: platform, auth method and Airflow version.
 * They are the setup's choices and the tab groups' values at once. A snippet may pin some
 * of them (props of <Snippet>); the others follow the reader's setup. Shared by the build,
 * the pre-paint script and the browser, so all three resolve alike.
 */
import { PLATFORMS, PLATFORM_AIRFLOW_VERSIONS, airflowVersionOn, type AirflowVersion, type Platform } from '../../generators/types.ts';

export type PlatformId = Platform;
export type { AirflowVersion };
export { PLATFORM_AIRFLOW_VERSIONS };

export const PLATFORM_IDS: readonly PlatformId[] = PLATFORMS;
export const AIRFLOW_VERSIONS: readonly AirflowVersion[] = ['3', '2'];

/** The tab groups: each is one of the setup's choices (and its URL parameter). */
export const CHOICE_GROUPS = ['platform', 'authMethod', 'airflowVersion'] as const;
export type ChoiceGroup = (typeof CHOICE_GROUPS)[number];

/** Auth methods offered per platform, the default first (from the generator's `authMethods`). */
export type AuthTable = Record<PlatformId, readonly string[]>;

export interface Pins {
  platform?: PlatformId | undefined;
  authMethod?: string | undefined;
  airflowVersion?: AirflowVersion | undefined;
}

/** What the reader chose: platform, preferred auth method ('' = none), Airflow version. */
export interface ChoiceState {
  platform: PlatformId;
  authPref: string;
  airflowVersion: AirflowVersion;
}

export interface Choices {
  platform: PlatformId;
  authMethod: string;
  airflowVersion: AirflowVersion;
}

export function isChoiceGroup(v: unknown): v is ChoiceGroup {
  return typeof v === 'string' && (CHOICE_GROUPS as readonly string[]).includes(v);
}

export function isPlatform(v: unknown): v is PlatformId {
  return typeof v === 'string' && (PLATFORM_IDS as readonly string[]).includes(v);
}

/** Every auth method of the provider, in table order, without repeats. */
export function allAuthMethods(auth: AuthTable): string[] {
  const out: string[] = [];
  for (const p of PLATFORM_IDS) for (const a of auth[p]) if (!out.includes(a)) out.push(a);
  return out;
}

/** The auth method the platform uses for a preference: the preference if offered, else the default. */
export function effectiveAuth(auth: AuthTable, platform: PlatformId, pref: string): string {
  const offered = auth[platform];
  return offered.includes(pref) ? pref : (offered[0] ?? '');
}

/**
 * The choices a page starts with: the query's value, else the remembered one, else the
 * default, each only when it exists (an auth method of `auth`; none on a page without a
 * guide). Self-contained for the pre-paint script: everything comes in as arguments.
 */
export function pickChoices(
  fromQuery: (group: string) => string | undefined,
  remembered: (group: string) => string | null,
  auth: Record<string, readonly string[]> | null,
  platforms: readonly string[],
): ChoiceState {
  const methods: string[] = [];
  for (const p of platforms) for (const a of (auth && auth[p]) || []) if (methods.indexOf(a) < 0) methods.push(a);
  const pick = (group: string, allowed: readonly string[], fallback: string): string => {
    for (const v of [fromQuery(group), remembered(group)]) if (typeof v === 'string' && allowed.indexOf(v) >= 0) return v;
    return fallback;
  };
  return {
    platform: pick('platform', platforms, platforms[0] as string) as PlatformId,
    authPref: pick('authMethod', methods, ''),
    airflowVersion: pick('airflowVersion', ['2', '3'], '3') as AirflowVersion,
  };
}

/** The value a tab group shows for a choice: the choice if the group offers it, else its first tab. */
export function tabValue(offered: readonly string[], choice: string): string | undefined {
  return offered.includes(choice) ? choice : offered[0];
}

/** The choices the server renders a guide with (what the page shows before any script runs). */
export const RENDERED_CHOICES: ChoiceState = { platform: PLATFORM_IDS[0] as PlatformId, authPref: '', airflowVersion: '3' };

/** True when two states show the same platform, auth preference and Airflow version. */
export function sameChoices(a: ChoiceState, b: ChoiceState): boolean {
  return a.platform === b.platform && a.authPref === b.authPref && a.airflowVersion === b.airflowVersion;
}

export function choiceOf(state: ChoiceState, group: ChoiceGroup): string {
  return group === 'authMethod' ? state.authPref : state[group];
}

/**
 * The value the tab groups of `group` show for a state: the choice, except an Airflow
 * version the platform doesn't run (`versionsOn` is PLATFORM_AIRFLOW_VERSIONS; the hidden
 * tabs: setup-css.ts), where they show the platform's default version.
 * Self-contained: the pre-paint script inlines it.
 */
export function shownChoice(state: ChoiceState, group: string, versionsOn: Record<string, readonly string[]>): string {
  if (group === 'airflowVersion') {
    const runs = versionsOn[state.platform] || [];
    return runs.indexOf(state.airflowVersion) >= 0 ? state.airflowVersion : runs[0] || state.airflowVersion;
  }
  if (group === 'authMethod') return state.authPref;
  return group === 'platform' ? state.platform : '';
}

export function resolveChoices(auth: AuthTable, pins: Pins, state: ChoiceState): Choices {
  let platform = pins.platform ?? state.platform;
  if (!pins.platform) {
    const version = pins.airflowVersion;
    if (version && !PLATFORM_AIRFLOW_VERSIONS[platform].includes(version)) {
      platform = PLATFORM_IDS.find((p) => PLATFORM_AIRFLOW_VERSIONS[p].includes(version)) ?? platform;
    }
    if (pins.authMethod && !auth[platform].includes(pins.authMethod)) {
      platform = PLATFORM_IDS.find((p) => auth[p].includes(pins.authMethod as string)) ?? platform;
    }
  }
  const authMethod = pins.authMethod ?? effectiveAuth(auth, platform, state.authPref);
  const airflowVersion = pins.airflowVersion ?? airflowVersionOn(platform, state.airflowVersion);
  return { platform, authMethod, airflowVersion };
}

/** The key of a choice state used by the pre-paint rules: `<platform>:<auth preference>`. */
export function stateKey(platform: PlatformId, authPref: string): string {
  return `${platform}:${authPref}`;
}

/** Every state key a page can be in (the preference is '' or one of the provider's methods). */
export function allStateKeys(auth: AuthTable): string[] {
  const prefs = ['', ...allAuthMethods(auth)];
  return PLATFORM_IDS.flatMap((p) => prefs.map((a) => stateKey(p, a)));
}
