import { expect, test, type Page } from '@playwright/test';
import { choose } from './guide-helpers';
import { DESKTOP, GUIDE_ROUTES, PHONE, ROUTES } from './site-helpers';

/** The "On this page" links marked as the section in view, per list. */
const marked = (page: Page, list: string) => page.locator(`${list} .toc a[aria-current="true"]`);

/** Per list entry that links to a heading in a tab panel: is it listed, and is its heading shown? */
const panelEntries = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLAnchorElement>('.toc a')).flatMap((a) => {
      const heading = document.getElementById(decodeURIComponent(a.hash.slice(1)));
      if (!heading?.closest('[role="tabpanel"]')) return [];
      let listed = true;
      for (let el: Element | null = a; el && !el.matches('.toc'); el = el.parentElement) {
        if (getComputedStyle(el).display === 'none') listed = false;
      }
      return [{ list: a.closest('.toc-aside') ? 'aside' : 'bar', href: a.hash, listed, shown: heading.checkVisibility() }];
    }),
  );

test.describe('table of contents follows the reader', () => {
  test('wide: the section scrolled to is marked, one link at a time, also for an h3', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/aws-parameter-store/');
    await expect(marked(page, '.toc-aside')).toHaveCount(0);
    for (const [id, text] of [
      ['step-2-write-a-test-variable-and-connection', /^Step 2:/],
      ['step-4-test-with-the-example-dag', /^Step 4:/],
      ['prerequisites', /^Prerequisites$/],
    ] as const) {
      await page.locator(`#${id}`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await expect(marked(page, '.toc-aside')).toHaveText(text);
      await expect(marked(page, '.toc-aside')).toHaveCount(1);
    }
    // An h3 of the section in view is marked instead of its h2.
    const h3 = page.locator('.toc-aside .toc ul ul a').first();
    const h3Id = ((await h3.getAttribute('href')) as string).slice(1);
    await page.locator(`[id="${h3Id}"]`).evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect(marked(page, '.toc-aside')).toHaveAttribute('href', `#${h3Id}`);
    // At the very end of the page the last heading is marked.
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    await expect(marked(page, '.toc-aside')).toHaveAttribute('href', (await page.locator('.toc-aside .toc a').last().getAttribute('href')) as string);
    await expect(marked(page, '.toc-aside')).toBeInViewport();
  });

  for (const guide of GUIDE_ROUTES) {
    test(`${guide.path}: from the first paint, the lists show only the headings of the chosen panels, for every platform and auth method`, async ({ page }) => {
      await page.setViewportSize(DESKTOP);
      // The pre-paint rules alone: the page's interactive layer (which has the tabs) is kept from loading.
      await page.route(/\/_astro\/page\.[^/]*\.js$/, (route) => route.abort());
      await page.goto(guide.path);
      const auth = JSON.parse((await page.locator('html').getAttribute('data-guide')) as string).auth as Record<string, string[]>;
      let listedSomewhere = false;
      for (const platform of Object.keys(auth)) {
        for (const method of ['', ...new Set(Object.values(auth).flat())]) {
          const address = `${guide.path}?platform=${platform}${method ? `&authMethod=${method}` : ''}`;
          await page.goto(address);
          await expect(page.locator('.toc-mobile .toc')).toHaveCount(1);
          const entries = await panelEntries(page);
          for (const e of entries) expect(e.listed, `${address} ${e.list} ${e.href}`).toBe(e.shown);
          listedSomewhere ||= entries.some((e) => e.listed);
        }
      }
      // Vault's tab panels have no headings of their own; every other guide's do.
      expect(listedSomewhere).toBe(guide.path !== '/hashicorp-vault/');
    });
  }

  test('the lists follow a choice made in the page', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/azure-key-vault/?platform=software&authMethod=client-secret');
    const local = page.locator('.toc-aside .toc a[href="#give-the-local-containers-azure-credentials"]');
    const always = page.locator('.toc-aside .toc a[href="#write-the-variable"]');
    await expect(always).toBeVisible();
    await expect(local).toBeHidden();
    // In the form once it has hydrated (choose waits for it), as the guide tests choose.
    await choose(page, 'astro', 'managed-identity');
    await expect(local).toBeVisible();
    await expect(page.locator('.toc-aside .toc a[href="#use-a-service-principal-locally"]')).toBeHidden();
    for (const e of await panelEntries(page)) expect(e.listed, `${e.list} ${e.href}`).toBe(e.shown);
    // Back to Software: the Astro heading leaves the lists again.
    await choose(page, 'software');
    await expect(local).toBeHidden();
    for (const e of await panelEntries(page)) expect(e.listed, `${e.list} ${e.href}`).toBe(e.shown);
  });

  test('wide: at the end of the page both side columns are still whole under the header', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    for (const path of ['/aws-secrets-manager/', '/']) {
      await page.goto(path);
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      await expect.poll(() => page.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 1)).toBe(true);
      await expect(page.locator('.site-footer')).toBeInViewport();
      const header = (await page.locator('.site-header').boundingBox()) as { y: number; height: number };
      for (const top of [page.locator('.sidebar a').first(), page.locator('.toc-aside__title')]) {
        const box = (await top.boundingBox()) as { y: number };
        expect(box.y, path).toBeGreaterThanOrEqual(header.y + header.height);
      }
    }
  });

  test('opened at a heading: marked at once', async ({ page }) => {
    await page.setViewportSize(DESKTOP);
    await page.goto('/gcp-secret-manager/#step-3-configure-your-astro-project-locally');
    await expect(marked(page, '.toc-aside')).toHaveText(/^Step 3:/);
  });

  test('phone: the contents stay reachable in a sticky bar naming the section, and a link lands below it', async ({ page }) => {
    await page.setViewportSize(PHONE);
    await page.goto('/hashicorp-vault/');
    const bar = page.locator('.toc-mobile');
    const summary = bar.locator('summary');
    await page.locator('#step-2-write-a-test-variable-and-connection').evaluate((h) => h.scrollIntoView({ block: 'start' }));
    await expect(bar).toBeInViewport();
    await expect(summary).toContainText(/On this page\s*Step 2: Write a test variable and connection/);
    await summary.click();
    await expect(page.getByRole('navigation', { name: 'On this page' }).first()).toBeVisible();
    await bar.getByRole('link', { name: /^Step 5:/ }).click();
    await expect(bar).not.toHaveAttribute('open');
    const heading = page.locator('#step-5-deploy-the-configuration');
    await expect(heading).toBeInViewport();
    await expect(summary).toContainText('Step 5');
    const barBox = await bar.boundingBox();
    const headingBox = await heading.boundingBox();
    expect(headingBox!.y).toBeGreaterThanOrEqual(barBox!.y + barBox!.height);
  });
});

test('previous and next links follow the sidebar order', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  for (const [i, route] of ROUTES.entries()) {
    await page.goto(route.path);
    const nav = page.getByRole('navigation', { name: 'Previous and next pages' });
    const previous = ROUTES[i - 1];
    const next = ROUTES[i + 1];
    if (previous) await expect(nav.locator('a[rel="prev"]')).toHaveAttribute('href', previous.path);
    else await expect(nav.locator('a[rel="prev"]')).toHaveCount(0);
    if (next) {
      await expect(nav.locator('a[rel="next"]')).toHaveAttribute('href', next.path);
      await expect(nav.locator('a[rel="next"]')).toContainText(next.nav);
    } else await expect(nav.locator('a[rel="next"]')).toHaveCount(0);
  }
  await page.goto('/no-such-page/');
  await expect(page.getByRole('navigation', { name: 'Previous and next pages' })).toHaveCount(0);
});

test('every page has a canonical address, link-preview tags, and is in the sitemap', async ({ page, request }) => {
  const index = await request.get('/sitemap-index.xml');
  expect(index.status()).toBe(200);
  const sitemapUrl = /<loc>([^<]+)<\/loc>/.exec(await index.text())?.[1] as string;
  const sitemap = await (await request.get(new URL(sitemapUrl).pathname)).text();
  const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1] as string).pathname);
  expect(listed.sort()).toEqual(ROUTES.map((r) => r.path).sort());
  expect(await (await request.get('/robots.txt')).text()).toContain(`Sitemap: ${new URL('/sitemap-index.xml', sitemapUrl).href}`);
  for (const route of ROUTES) {
    await page.goto(`${route.path}?platform=software`);
    const title = await page.locator('h1').textContent();
    const meta = (key: string) => page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content');
    const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
    expect(new URL(canonical as string).pathname).toBe(route.path);
    expect(new URL(canonical as string).search).toBe('');
    expect(await meta('og:url')).toBe(canonical);
    expect(await meta('og:title')).toBe(title);
    expect(await meta('twitter:title')).toBe(title);
    expect(await meta('twitter:card')).toBe('summary');
    const description = await meta('description');
    expect(description!.length).toBeGreaterThan(40);
    expect(await meta('og:description')).toBe(description);
    expect(await meta('twitter:description')).toBe(description);
  }
});
