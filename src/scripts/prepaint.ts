/**
 * Runs synchronously in `<head>` before the first paint (inlined by the layout via
 * `Function.prototype.toString`, so it must stay self-contained: no imports, no
 * outer variables). It
 *  - marks `<html class="js">` so the CSS can switch from the no-script layout;
 *  - applies a stored theme choice (`guides:theme`) as `data-theme`;
 *  - reads tab choices from the query string (first occurrence) and from
 *    localStorage (`guides:tab:<group>`), sets `data-tab-<group>` on `<html>` and
 *    adds a constructed stylesheet that shows the chosen panel of each group that
 *    offers it, so the page never shifts when the tabs script starts.
 * Names and values are checked against strict patterns, so nothing from the URL is
 * ever written into CSS or attributes unless it is a plain slug.
 */
export function prepaint(): void {
  const root = document.documentElement;
  root.classList.add('js');
  let store: Storage | undefined;
  try {
    store = window.localStorage;
  } catch {
    store = undefined;
  }
  const read = (key: string): string | null => {
    try {
      return store ? store.getItem(key) : null;
    } catch {
      return null;
    }
  };
  const theme = read('guides:theme');
  if (theme === 'light' || theme === 'dark') root.setAttribute('data-theme', theme);

  const groupRe = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
  const valueRe = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
  const picks: Record<string, string[]> = {};
  let count = 0;
  const add = (group: string, value: string | null) => {
    if (!value || !groupRe.test(group) || !valueRe.test(value)) return;
    const list = picks[group] || (count < 24 ? ((count += 1), (picks[group] = [])) : undefined);
    if (list && list.length < 2 && list.indexOf(value) < 0) list.push(value);
  };
  const seen: Record<string, 1> = {};
  const query = location.search.slice(1);
  if (query.length < 4096) {
    for (const part of query.split('&')) {
      const eq = part.indexOf('=');
      if (eq < 1) continue;
      try {
        const key = decodeURIComponent(part.slice(0, eq).replace(/\+/g, ' '));
        if (seen[key]) continue;
        seen[key] = 1;
        add(key, decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' ')));
      } catch {
        /* broken percent-encoding: ignore this parameter */
      }
    }
  }
  try {
    if (store) {
      for (let i = 0; i < store.length; i += 1) {
        const key = store.key(i);
        if (key && key.indexOf('guides:tab:') === 0) add(key.slice(11), read(key));
      }
    }
  } catch {
    /* storage unavailable */
  }

  const rules: string[] = [];
  for (const group of Object.keys(picks)) {
    const list = picks[group] as string[];
    root.setAttribute(`data-tab-${group.toLowerCase()}`, list[0] as string);
    const has = (v: string) => `:has(>.tabs__panels>[data-tab-value="${v}"])`;
    list.forEach((value, i) => {
      const sel = `html.js [data-tabs="${group}"]:not([data-ready])${i ? `:not(${has(list[0] as string)})` : ''}${has(value)}`;
      rules.push(
        `${sel}>.tabs__panels>[data-tab-value]{display:none}`,
        `${sel}>.tabs__panels>[data-tab-value="${value}"]{display:block}`,
        `${sel}>.tabs__list>[data-tab-value]{--tab-fg:initial;--tab-line:initial}`,
        `${sel}>.tabs__list>[data-tab-value="${value}"]{--tab-fg:var(--text);--tab-line:var(--accent)}`,
      );
    });
  }
  if (rules.length && 'adoptedStyleSheets' in document) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(rules.join('\n'));
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    } catch {
      /* the tabs script still selects the right panel once it runs */
    }
  }
}
