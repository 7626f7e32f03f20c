import { expect, type BrowserContext, type Page } from '@playwright/test';

/** The routes of the site in sidebar order (stable; other pages link to them). */
export const ROUTES = [
  { path: '/', nav: 'Overview' },
  { path: '/hashicorp-vault/', nav: 'HashiCorp Vault' },
  { path: '/aws-parameter-store/', nav: 'AWS Parameter Store' },
  { path: '/aws-secrets-manager/', nav: 'AWS Secrets Manager' },
  { path: '/gcp-secret-manager/', nav: 'Google Cloud Secret Manager' },
  { path: '/azure-key-vault/', nav: 'Azure Key Vault' },
  { path: '/doctor/', nav: 'Check my configuration' },
] as const;

export const GUIDE_ROUTES = ROUTES.filter((r) => r.path !== '/' && r.path !== '/doctor/');

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 900 };

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
  foreignRequests: string[];
}

/**
 * Records console errors, uncaught exceptions, CSP violations (both the DOM event and
 * Chromium's console report) and every request that leaves the preview server's origin.
 * Call before the first navigation.
 */
export async function watchPage(page: Page, baseURL: string): Promise<PageProblems> {
  const origin = new URL(baseURL).origin;
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] };
  page.on('console', (msg) => {
    const text = msg.text();
    if (/Content[- ]Security[- ]Policy/i.test(text)) problems.cspViolations.push(text);
    else if (msg.type() === 'error') problems.consoleErrors.push(text);
  });
  page.on('pageerror', (err) => problems.pageErrors.push(err.message));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) problems.foreignRequests.push(url);
  });
  await page.exposeFunction('__reportCsp', (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCsp: (t: string) => void }).__reportCsp(
        `${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  return problems;
}

export function expectNoProblems(problems: PageProblems): void {
  expect(problems.pageErrors, 'uncaught exceptions').toEqual([]);
  expect(problems.consoleErrors, 'console errors').toEqual([]);
  expect(problems.cspViolations, 'CSP violations').toEqual([]);
  expect(problems.foreignRequests, 'requests to other origins').toEqual([]);
}

/** The navigation that is visible at the current width (sidebar, or the phone menu). */
/**
 * The layout shift score (CLS as Lighthouse counts it: shifts without recent input) of
 * the page so far and over the next `ms` milliseconds.
 */
export function layoutShiftTotal(page: Page, ms: number): Promise<number> {
  return page.evaluate(
    (wait) =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
            if (!e.hadRecentInput) total += e.value;
          }
        }).observe({ type: 'layout-shift', buffered: true });
        setTimeout(() => resolve(total), wait);
      }),
    ms,
  );
}

export function visibleNav(page: Page) {
  return page.getByRole('navigation', { name: 'Guides' });
}

export async function setStoredTheme(context: BrowserContext, theme: 'light' | 'dark'): Promise<void> {
  await context.addInitScript((t) => {
    if (!sessionStorage.getItem('__themeSeeded')) {
      localStorage.setItem('guides:theme', t);
      sessionStorage.setItem('__themeSeeded', '1');
    }
  }, theme);
}

/** Finds a guide page that has at least `min` tab groups named `group`. */
export async function findPageWithGroups(page: Page, group: string, min: number): Promise<string> {
  for (const r of GUIDE_ROUTES) {
    await page.goto(r.path);
    if ((await page.locator(`[data-tabs="${group}"]`).count()) >= min) return r.path;
  }
  throw new Error(`No guide page has ${min} "${group}" tab groups`);
}
