/**
 * Loaded on demand (after the first edit, or at once for a prefilled page): runs the
 * generator for the reader's setup and keeps every snippet, lookup name and validation
 * message of the page up to date. Each distinct set of choices (the form's, and those of
 * snippets pinned to a platform, auth method or Airflow version) is generated once per
 * change; updates run in the same task as the keystroke, so they are painted in the next
 * frame.
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
}

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
      tracked.push({ live: new LiveSnippet(el), id: el.dataset.liveSnippet ?? '', pins: pinsOf(el) });
    } catch {
      /* a malformed block stays as rendered */
    }
  }
  const lookups = Array.from(document.querySelectorAll<HTMLElement>('code[data-lookup]')).filter((el) => el.dataset.provider === provider);

  const update = (state: SetupState) => {
    const choice = { platform: state.platform, authPref: state.authPref, airflowVersion: state.airflowVersion };
    const results = new Map<string, GenerateResult>();
    const resultFor = (pins: Pins): GenerateResult => {
      const c = resolveChoices(auth, pins, choice);
      const key = `${c.platform}|${c.authMethod}|${c.airflowVersion}`;
      let out = results.get(key);
      if (!out) {
        out = api.generate(inputFor(state, c.platform, c.authMethod, c.airflowVersion));
        results.set(key, out);
      }
      return out;
    };
    for (const t of tracked) t.live.show(resultFor(t.pins).snippets.find((s) => s.id === t.id));

    const own = resolveChoices(auth, {}, choice);
    const names = api.lookupNames(inputFor(state, own.platform, own.authMethod, own.airflowVersion));
    for (const el of lookups) {
      const name = el.dataset.lookup === 'connection' ? names.connection : names.variable;
      if (el.textContent !== name) el.textContent = name;
    }
    page.derived.set({ problems: resultFor({}).problems, lookup: names });
  };

  update(page.state.get());
  document.documentElement.classList.add('setup-live');
  for (const t of tracked) t.live.takeOver();
  page.state.subscribe((s) => update(s));
}
