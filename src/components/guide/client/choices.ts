/**
 * The discrete choices a snippet is generated for: platform, auth method and Airflow
 * version. A snippet may pin some of them (props of <Snippet>); the others follow the
 * reader's setup. Shared by the build and the browser, so both resolve alike.
 */

export type PlatformId = 'astro' | 'remote-execution' | 'software';
export type AirflowVersion = '2' | '3';

export const PLATFORM_IDS: readonly PlatformId[] = ['astro', 'remote-execution', 'software'];

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

export function resolveChoices(auth: AuthTable, pins: Pins, state: ChoiceState): Choices {
  let platform = pins.platform ?? state.platform;
  if (!pins.platform) {
    if (pins.airflowVersion === '2' && platform === 'remote-execution') platform = 'astro';
    if (pins.authMethod && !auth[platform].includes(pins.authMethod)) {
      platform = PLATFORM_IDS.find((p) => auth[p].includes(pins.authMethod as string)) ?? platform;
    }
  }
  const authMethod = pins.authMethod ?? effectiveAuth(auth, platform, state.authPref);
  const airflowVersion = pins.airflowVersion ?? (platform === 'remote-execution' ? '3' : state.airflowVersion);
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
