import { PLATFORMS, PLATFORM_AIRFLOW_VERSIONS } from '../generators/types.ts';

/**
 * The platforms a tab's choice exists on, or undefined when it exists on all: an Airflow
 * version only where the platform runs it (Remote Execution runs Airflow 3 only). The tab is
 * hidden on the other platforms (setup-css.ts) and the group shows the platform's version.
 */
export function choicePlatforms(group: string, value: string): readonly string[] | undefined {
  if (group !== 'airflowVersion') return undefined;
  const on = PLATFORMS.filter((p) => (PLATFORM_AIRFLOW_VERSIONS[p] as readonly string[]).includes(value));
  return on.length === PLATFORMS.length ? undefined : on;
}

/** Per-page counter so every tab group on a page gets unique element ids. */
const counters = new WeakMap<object, number>();

export function nextTabGroupNumber(page: object): number {
  const n = (counters.get(page) ?? 0) + 1;
  counters.set(page, n);
  return n;
}

const VALUE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Tab values are short slugs (`astro`, `remote-execution`, `3`): safe in ids, CSS and URLs. */
export function isValidValue(value: unknown): value is string {
  return typeof value === 'string' && VALUE_RE.test(value);
}

export interface PanelTab {
  value: string;
  labelHtml: string;
}

// The markers TabPanel renders. Attributes after them are allowed and dropped: the dev
// server adds data-astro-source-file / data-astro-source-loc to every element.
const PANEL_OPEN = /<section class="tabs__panel" data-tab-pending="1" data-tab-value="([^"]*)" data-tab-label="([^"]*)"[^>]*>/g;
const PANEL_HEADING = /<p class="tabs__panel-heading" data-tab-heading="1"[^>]*>([^<]*)<\/p>/g;

/**
 * The tabs of a group from its rendered panels (TabPanel markup), and the panels' HTML with
 * the tabpanel role and ids of group `gid` and each no-script heading as an h`headingLevel`.
 */
export function readPanels(html: string, group: string, gid: string, headingLevel: number): { tabs: PanelTab[]; panels: string } {
  const tabs: PanelTab[] = [];
  const panels = html
    .replace(PANEL_OPEN, (_m, value: string, labelText: string) => {
      if (!isValidValue(value)) throw new Error(`Tab value "${value}" in group "${group}" must be a simple slug`);
      if (tabs.some((t) => t.value === value)) throw new Error(`Tab value "${value}" appears twice in group "${group}"`);
      tabs.push({ value, labelHtml: attributeTextToHtml(labelText) });
      return `<section class="tabs__panel" role="tabpanel" id="${gid}-panel-${value}" aria-labelledby="${gid}-tab-${value}" tabindex="0" data-tab-value="${value}">`;
    })
    .replace(PANEL_HEADING, (_m, text: string) => `<h${headingLevel} class="tabs__panel-heading">${text}</h${headingLevel}>`);
  return { tabs, panels };
}

const escapes: Record<string, string> = { '<': '&lt;', '>': '&gt;' };

/** Labels arrive attribute-escaped (`&amp;`, `&quot;`); make them safe as element text too. */
export function attributeTextToHtml(text: string): string {
  return text.replace(/[<>]/g, (c) => escapes[c] ?? c);
}

/** Turns `authMethod` into "Auth method" for a default tab list label. */
export function humanizeGroup(group: string): string {
  const words = group
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
