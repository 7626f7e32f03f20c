/**
 * The contents lists' entries for headings inside tab panels. Before the tabs run, a tab group
 * shows its panel of the chosen value when it has one, else its first panel (styles/tabs.css,
 * the pre-paint rules); the entries say which choices show their heading
 * (components/TableOfContents.astro, from `panelAttributes`):
 *  - `data-only-<group>="<value>"`: the heading's panel is not its group's first: it shows only
 *    for that value;
 *  - `data-not-<group>="<values>"`: it is the first: it shows unless one of the group's other
 *    values is chosen.
 * So a pre-paint rule per group (`tocPanelRule`) shows the entries of exactly the panels shown.
 * From when the tabs run they show the entries of the panels they show (`syncTocPanels`).
 * Without scripts every panel shows, and every entry.
 */
import type { HeadingPanels } from '../integrations/heading-panels.ts';

const PANEL_ENTRY = 'data-in-panel';

/** The attributes of the entry of a heading inside `panels`. */
export function panelAttributes(panels: HeadingPanels | undefined): Record<string, string> {
  if (!panels) return {};
  const out: Record<string, string> = { [PANEL_ENTRY]: '' };
  for (const [group, { value, offered }] of Object.entries(panels)) {
    const name = group.toLowerCase();
    const others = offered.filter((v) => v !== value);
    if (offered[0] !== value) out[`data-only-${name}`] = value;
    else if (others.length > 0) out[`data-not-${name}`] = others.join(' ');
  }
  return out;
}

/**
 * The pre-paint rule for one group and the value its tab groups show (`''`: none chosen, each
 * group shows its first panel): hides the entries of the panels not shown, until the tabs
 * mark the lists ready. Inlined into the pre-paint script, so it uses no outer name.
 */
export function tocPanelRule(group: string, value: string): string {
  const name = group.toLowerCase();
  const chosen = value || '-';
  return (
    'html.js .toc:not([data-ready]) :is(li[data-only-' + name + ']:not([data-only-' + name + '="' + chosen + '"]),li[data-not-' + name + '~="' + chosen + '"]){display:none}'
  );
}

/** Shows the entries of the headings whose panels show; called each time the tabs change. */
export function syncTocPanels(): void {
  for (const entry of document.querySelectorAll<HTMLElement>(`.toc li[${PANEL_ENTRY}]`)) {
    const link = entry.querySelector<HTMLAnchorElement>(':scope > a');
    const heading = link ? document.getElementById(decodeURIComponent(link.hash.slice(1))) : null;
    entry.hidden = heading?.closest('[role="tabpanel"][hidden]') != null;
  }
  for (const list of document.querySelectorAll<HTMLElement>('.toc')) list.dataset.ready = '';
}
