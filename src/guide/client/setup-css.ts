/**
 * The CSS that shows the form fields (`data-when`), the tabs of choices that exist on the
 * chosen platform only (`data-platforms`: Airflow 2 is not on Remote Execution) and the
 * all-empty snippet renderings (`data-empty-for`, `*` for a rendering that is the same for
 * every choice) of the chosen platform and auth method.
 * The pre-paint script installs the first version before the page is parsed, so a prefilled or remembered setup never
 * shifts the layout; `followSetup` replaces it whenever the choice changes.
 */
import { effect } from '@preact/signals-core';
import type { PageSetup } from './setup.ts';

/**
 * The rules for `platform` with auth preference `pref` (`offered`: the platform's methods,
 * default first). Self-contained: the pre-paint script inlines it.
 */
export function setupRules(platform: string, pref: string, offered: readonly string[]): string {
  const combo = platform + ':' + (offered.indexOf(pref) >= 0 ? pref : offered[0] || '');
  const key = platform + ':' + pref;
  return [
    '[data-when]:not([data-when~="' + combo + '"]){display:none!important}',
    '[data-platforms]:not([data-platforms~="' + platform + '"]){display:none!important}',
    'html:not(.setup-live) [data-live-snippet]>.code-block:is([data-empty-for~="' + key + '"],[data-empty-for="*"]){display:grid!important}',
    'html:not(.setup-live) [data-live-snippet]>.code-block:not([data-empty-for~="' + key + '"],[data-empty-for="*"]){display:none!important}',
  ].join('\n');
}

/** A sheet holds the setup rules when its first rule is the fields' rule. */
function isSetupSheet(sheet: CSSStyleSheet): boolean {
  const first = sheet.cssRules[0];
  return first instanceof CSSStyleRule && first.selectorText.startsWith('[data-when]');
}

export function followSetup(setup: PageSetup): void {
  const spec = setup.spec;
  if (!spec) return;
  let sheet: CSSStyleSheet | undefined;
  let applied = '';
  effect(() => {
    const { platform, authPref } = setup.choices.value;
    const text = setupRules(platform, authPref, spec.auth[platform]);
    if (text === applied) return;
    applied = text;
    try {
      // The pre-paint script's sheet is taken over; without it, one is added.
      sheet ??= document.adoptedStyleSheets.find(isSetupSheet);
      if (!sheet) {
        sheet = new CSSStyleSheet();
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      }
      sheet.replaceSync(text);
    } catch {
      /* constructed stylesheets unsupported: every field stays visible */
    }
  });
}

