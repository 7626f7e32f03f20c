/**
 * Site-wide data: title, navigation (overview + one guide per provider) and the
 * platforms the guides cover. Routes here are stable; other pages link to them.
 */

export const SITE_TITLE = 'Airflow secrets backends';
export const SITE_DESCRIPTION =
  'Step-by-step guides for storing Apache Airflow variables and connections in an external secrets backend on Astro, Remote Execution and Astronomer Software.';

import { PLATFORMS as PLATFORM_IDS, PLATFORM_LABELS, type Platform, type ProviderId } from './generators/types.ts';

export type Provider = ProviderId;
export type { Platform };

export interface NavItem {
  /** Path with leading and trailing slash, as served. */
  href: string;
  /** Link text in the sidebar. */
  label: string;
  /** Provider id for guide pages; absent for the overview. */
  provider?: Provider;
}

export const OVERVIEW: NavItem = { href: '/', label: 'Overview' };

export const GUIDES: readonly (NavItem & { provider: Provider })[] = [
  { href: '/hashicorp-vault/', label: 'HashiCorp Vault', provider: 'hashicorp-vault' },
  { href: '/aws-parameter-store/', label: 'AWS Parameter Store', provider: 'aws-parameter-store' },
  { href: '/aws-secrets-manager/', label: 'AWS Secrets Manager', provider: 'aws-secrets-manager' },
  { href: '/gcp-secret-manager/', label: 'Google Cloud Secret Manager', provider: 'gcp-secret-manager' },
  { href: '/azure-key-vault/', label: 'Azure Key Vault', provider: 'azure-key-vault' },
];

/** Tools that work with what a reader already has (after the guides in the sidebar). */
export const DOCTOR: NavItem = { href: '/doctor/', label: 'Check my configuration' };
export const TOOLS: readonly NavItem[] = [DOCTOR];

export const NAV: readonly NavItem[] = [OVERVIEW, ...GUIDES, ...TOOLS];

/** The sidebar's headed groups, after the overview. */
export const NAV_SECTIONS: readonly { heading: string; items: readonly NavItem[] }[] = [
  { heading: 'Guides', items: GUIDES },
  { heading: 'Tools', items: TOOLS },
];

export { PLATFORM_LABELS };

export const PLATFORMS: readonly { value: Platform; label: string }[] = PLATFORM_IDS.map((value) => ({ value, label: PLATFORM_LABELS[value] }));

export function guideHref(provider: Provider): string {
  return `/${provider}/`;
}

/** Normalises a request path so `/x`, `/x/` and `/x/index.html` compare equal. */
export function normalizePath(path: string): string {
  let p = path.replace(/index\.html$/, '');
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  return p;
}

/** Every word the site search shows or announces (src/components/Search.astro, src/scripts/search.ts). */
export const SEARCH_TEXTS = {
  open: 'Search',
  dialog: 'Search the guides',
  placeholder: 'Search the guides: a step, a setting, an error',
  close: 'Close',
  results: 'Results',
  hint: 'Type a word: a step, a setting such as role_arn, or an error message.',
  loading: 'Loading the search index…',
  notBuilt: 'Search works in the built site: run npm run build, then npm run preview.',
  failed: 'The search could not load. Use the navigation, or reload the page.',
  none: (query: string) => `No page matches “${query}”.`,
  found: (pages: number, query: string) => `${pages} ${pages === 1 ? 'page matches' : 'pages match'} “${query}”.`,
};
