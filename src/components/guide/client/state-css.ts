/**
 * CSS that shows the form fields and the all-empty snippet renderings of one setup. The
 * inline pre-paint script (prepaint-setup.ts) installs the first version before the form
 * is parsed, so a prefilled or remembered setup never shifts the layout; the page state
 * replaces the rules whenever the platform or auth method changes.
 */
import { type AuthTable, type PlatformId, effectiveAuth } from './choices.ts';

export function setupRules(auth: AuthTable, platform: PlatformId, authPref: string): string {
  const combo = `${platform}:${effectiveAuth(auth, platform, authPref)}`;
  const key = `${platform}:${authPref}`;
  return [
    `[data-when]:not([data-when~="${combo}"]){display:none!important}`,
    `html:not(.setup-live) [data-live-snippet]>.code-block[data-empty-for~="${key}"]{display:grid!important}`,
    `html:not(.setup-live) [data-live-snippet]>.code-block:not([data-empty-for~="${key}"]){display:none!important}`,
  ].join('\n');
}

declare global {
  interface Window {
    guidesSetupSheet?: CSSStyleSheet;
  }
}

/** Replaces the rules (creating the sheet when the pre-paint script could not). */
export function applySetupRules(auth: AuthTable, platform: PlatformId, authPref: string): void {
  const text = setupRules(auth, platform, authPref);
  try {
    let sheet = window.guidesSetupSheet;
    if (!sheet) {
      sheet = new CSSStyleSheet();
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      window.guidesSetupSheet = sheet;
    }
    sheet.replaceSync(text);
  } catch {
    /* constructed stylesheets unsupported: every field stays visible */
  }
}
