// Which pages to measure: every route the site must have (issue 2) plus every
// other page found in dist/, limited by --pages. A route that is not built yet is
// reported as not measured.
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export const OVERVIEW_ROUTE = '/';
export const GUIDE_ROUTES = [
  '/hashicorp-vault/',
  '/aws-parameter-store/',
  '/aws-secrets-manager/',
  '/gcp-secret-manager/',
  '/azure-key-vault/',
];
export const EXPECTED_ROUTES = [OVERVIEW_ROUTE, ...GUIDE_ROUTES];

/** overview | guide | page: decides which JavaScript budget applies. */
export function pageKind(route) {
  if (route === OVERVIEW_ROUTE) return 'overview';
  if (GUIDE_ROUTES.includes(route)) return 'guide';
  return 'page';
}

/** Routes of the index.html files in dist/ (404.html and other top files are not pages). */
export function builtRoutes(distDir) {
  const routes = [];
  if (!existsSync(distDir)) return routes;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (entry.name === '_astro') continue;
        walk(join(dir, entry.name));
      } else if (entry.name === 'index.html') {
        const rel = relative(distDir, dir).split(sep).join('/');
        routes.push(rel === '' ? '/' : `/${rel}/`);
      }
    }
  };
  walk(distDir);
  return routes.sort();
}

/**
 * The page list: [{ route, kind, built }]. With `only`, exactly those routes in that
 * order; otherwise the expected routes first, then any other built page.
 */
export function selectPages(distDir, only) {
  const built = new Set(builtRoutes(distDir));
  const routes = only ?? [...EXPECTED_ROUTES, ...[...built].filter((r) => !EXPECTED_ROUTES.includes(r))];
  return routes.map((route) => ({ route, kind: pageKind(route), built: built.has(route) }));
}
