/**
 * Runs synchronously in `<head>` before the first paint. The layout inlines it with
 * `Function.prototype.toString` (`prepaintCode`), passing in the page state's own pure
 * functions, so the URL is read and the choices are picked exactly as the page state
 * will (nothing here may use an import or an outer name). It
 *  - marks `<html class="js">` so the CSS can switch from the no-script layout;
 *  - applies a stored theme choice (`guides:theme`) as `data-theme`, and the code blocks'
 *    wrap choice (`guides:wrap-code`, code-wrap.ts) as `data-wrap-code`;
 *  - picks the setup's choices (platform, auth method, Airflow version: the query, else
 *    the remembered tab, else the default), sets `data-tab-<group>` on `<html>` and adds a
 *    constructed stylesheet that shows the chosen panel of every tab group offering it, and
 *    in the contents lists only the headings of the chosen panels (toc-panels.ts);
 *  - on a guide (`<html data-guide>`), adds the setup rules (setup-css.ts) that show the
 *    chosen setup's form fields and snippet renderings.
 * Choices are checked against the known values, so nothing from the URL reaches CSS.
 */
import { PLATFORM_AIRFLOW_VERSIONS, PLATFORM_IDS, pickChoices, shownChoice } from '../guide/client/choices.ts';
import { queryEntries } from '../guide/client/query.ts';
import { setupRules } from '../guide/client/setup-css.ts';
import { tocPanelRule } from './toc-panels.ts';

export function prepaint(
  readQuery: typeof queryEntries,
  pick: typeof pickChoices,
  shown: typeof shownChoice,
  rulesFor: typeof setupRules,
  tocRule: typeof tocPanelRule,
  platforms: readonly string[],
  versionsOn: Record<string, readonly string[]>,
): void {
  const root = document.documentElement;
  root.classList.add('js');
  const read = (key: string): string | null => {
    try {
      return window.localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const theme = read('guides:theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);
  if (read('guides:wrap-code') === '1') root.setAttribute('data-wrap-code', '');

  let guide: { auth: Record<string, string[]> } | null = null;
  try {
    guide = JSON.parse(root.getAttribute('data-guide') || 'null');
  } catch {
    guide = null;
  }
  const entries = location.search.length < 8192 ? readQuery(location.search) : [];
  const fromQuery = (group: string): string | undefined => {
    for (const e of entries) if (e.key === group) return e.value;
    return undefined;
  };
  const choices = pick(fromQuery, (group) => read('guides:tab:' + group), guide && guide.auth, platforms);
  const tabRules: string[] = [];
  for (const group of ['platform', 'authMethod', 'airflowVersion']) {
    const value = shown(choices, group, versionsOn);
    tabRules.push(tocRule(group, value));
    if (!value) continue;
    root.setAttribute('data-tab-' + group.toLowerCase(), value);
    const sel = 'html.js [data-tabs="' + group + '"]:not([data-ready]):has(>.tabs__panels>[data-tab-value="' + value + '"])';
    tabRules.push(
      sel + '>.tabs__panels>[data-tab-value]{display:none}',
      sel + '>.tabs__panels>[data-tab-value="' + value + '"]{display:block}',
      sel + '>.tabs__list>[data-tab-value]{--tab-fg:initial;--tab-line:initial}',
      sel + '>.tabs__list>[data-tab-value="' + value + '"]{--tab-fg:var(--text);--tab-line:var(--accent)}',
    );
  }
  const sheets: string[] = [tabRules.join('\n')];
  if (guide) sheets.push(rulesFor(choices.platform, choices.authPref, guide.auth[choices.platform] || []));
  try {
    const added = sheets.map((text) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(text);
      return sheet;
    });
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, ...added];
  } catch {
    /* the tabs and the page state show the right panels and fields once they run */
  }
}

/** The inline code of the pre-paint script, with the page state's functions passed in. */
export const prepaintCode = `(${prepaint.toString()})(${queryEntries.toString()},${pickChoices.toString()},${shownChoice.toString()},${setupRules.toString()},${tocPanelRule.toString()},${JSON.stringify(PLATFORM_IDS)},${JSON.stringify(PLATFORM_AIRFLOW_VERSIONS)});`;
