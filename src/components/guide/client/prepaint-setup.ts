/**
 * Inline script placed right before the setup form (see SetupForm.astro), run while the
 * page is parsed. It works out the platform and auth method the page will show (from the
 * query, else the remembered tab choices, as the tabs and the page state do) and adopts the
 * rules of state-css.ts, so the form shows the right fields and the snippets the right
 * rendering on first paint. It is inlined with `Function.prototype.toString`: no imports,
 * no outer variables. The auth table comes from the parent element's `data-setup-auth`.
 */
/** Text typed into the forms' textareas before hydration (`window.guidesEarlyText`). */
export interface EarlyText {
  values: Record<string, string>;
  /** Stops recording; the page state calls it when it takes the text over. */
  stop(): void;
}

export function prepaintSetup(): void {
  // Text typed into a textarea of the forms before they hydrate: hydration empties
  // textareas, so the page state takes the text from here (page memory only), then stops it.
  const earlyText: Record<string, string> = {};
  const record = (event: Event) => {
    const t = event.target;
    if (t instanceof HTMLTextAreaElement && t.name && t.closest('form[data-setup-form], form[data-connection-builder]')) earlyText[t.name] = t.value;
  };
  document.addEventListener('input', record, true);
  (window as unknown as { guidesEarlyText?: EarlyText }).guidesEarlyText = {
    values: earlyText,
    stop: () => document.removeEventListener('input', record, true),
  };
  const host = document.currentScript && document.currentScript.parentElement;
  if (!host) return;
  let auth: Record<string, string[]>;
  try {
    auth = JSON.parse(host.getAttribute('data-setup-auth') || '');
  } catch {
    return;
  }
  const platforms = ['astro', 'remote-execution', 'software'];
  const methods: string[] = [];
  for (const p of platforms) for (const a of auth[p] || []) if (methods.indexOf(a) < 0) methods.push(a);
  // The first occurrence counts; a value with broken percent-encoding counts as absent.
  const fromQuery = (name: string): string | null => {
    for (const part of location.search.slice(1).split('&')) {
      const eq = part.indexOf('=');
      try {
        if (decodeURIComponent((eq < 0 ? part : part.slice(0, eq)).replace(/\+/g, ' ')) !== name) continue;
      } catch {
        continue;
      }
      try {
        return eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
      } catch {
        return null;
      }
    }
    return null;
  };
  const stored = (name: string): string | null => {
    try {
      return localStorage.getItem('guides:tab:' + name);
    } catch {
      return null;
    }
  };
  let platform = 'astro';
  for (const v of [fromQuery('platform'), stored('platform')]) {
    if (v && platforms.indexOf(v) >= 0) {
      platform = v;
      break;
    }
  }
  let pref = '';
  for (const v of [fromQuery('authMethod'), stored('authMethod')]) {
    if (v && methods.indexOf(v) >= 0) {
      pref = v;
      break;
    }
  }
  const offered = auth[platform] || [];
  const combo = platform + ':' + (offered.indexOf(pref) >= 0 ? pref : offered[0] || '');
  const key = platform + ':' + pref;
  const rules = [
    '[data-when]:not([data-when~="' + combo + '"]){display:none!important}',
    'html:not(.setup-live) [data-live-snippet]>.code-block[data-empty-for~="' + key + '"]{display:grid!important}',
    'html:not(.setup-live) [data-live-snippet]>.code-block:not([data-empty-for~="' + key + '"]){display:none!important}',
  ];
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(rules.join('\n'));
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    (window as unknown as { guidesSetupSheet: CSSStyleSheet }).guidesSetupSheet = sheet;
  } catch {
    /* the page state applies the rules once it runs */
  }
}
