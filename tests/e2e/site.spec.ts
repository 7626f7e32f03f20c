import { expect, test } from '@playwright/test';
import { DESKTOP, PHONE, ROUTES, expectNoProblems, layoutShiftTotal, visibleNav, watchPage } from './site-helpers';

test.describe('every route', () => {
  for (const route of ROUTES) {
    test(`${route.path} renders with title, navigation and the current page marked`, async ({ page, baseURL }) => {
      const problems = await watchPage(page, baseURL as string);
      await page.setViewportSize(DESKTOP);
      const response = await page.goto(route.path);
      expect(response?.status()).toBe(200);

      const h1 = page.locator('h1');
      await expect(h1).toHaveCount(1);
      const heading = (await h1.innerText()).trim();
      expect(heading.length).toBeGreaterThan(2);
      if (route.path === '/') expect(heading).toBe('Configure an external secrets backend');
      await expect(page).toHaveTitle(new RegExp(heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));

      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      const description = await page.locator('meta[name="description"]').getAttribute('content');
      expect(description?.length ?? 0).toBeGreaterThan(50);
      await expect(page.locator('meta[name="referrer"]')).toHaveAttribute('content', 'no-referrer');
      const csp = await page.locator('meta[http-equiv="content-security-policy"]').getAttribute('content');
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).not.toContain('unsafe-inline');

      await expect(page.getByRole('banner')).toContainText('Airflow secrets backends');
      const nav = visibleNav(page);
      await expect(nav).toBeVisible();
      const links = nav.getByRole('link');
      await expect(links).toHaveCount(ROUTES.length);
      for (const r of ROUTES) await expect(nav.getByRole('link', { name: r.nav, exact: true })).toHaveAttribute('href', r.path);
      const current = nav.locator('[aria-current="page"]');
      await expect(current).toHaveCount(1);
      await expect(current).toHaveText(route.nav);
      await expect(current).toHaveAttribute('href', route.path);

      await expect(page.getByRole('main')).toBeVisible();
      await expect(page.getByRole('contentinfo')).toBeVisible();
      expectNoProblems(problems);
    });
  }
});

test('the overview links to each of the five guides and to the doctor from its body', async ({ page }) => {
  await page.goto('/');
  const main = page.getByRole('main');
  for (const r of ROUTES.slice(1)) {
    await expect(main.locator(`a[href="${r.path}"]`).first()).toBeVisible();
  }
  for (const section of ['Why use a secrets backend', 'Lookup order', 'One backend per Deployment', 'Platforms']) {
    await expect(main.getByRole('heading', { name: new RegExp(section) })).toBeVisible();
  }
});

test('an unknown path gets the 404 page with links back', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  const response = await page.goto('/no-such-page/anywhere/');
  expect(response?.status()).toBe(404);
  await expect(page.locator('h1')).toHaveText('Page not found');
  await expect(page).toHaveTitle(/Page not found/);
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: 'overview' })).toHaveAttribute('href', '/');
  await expect(main.getByRole('link', { name: 'Azure Key Vault' })).toHaveAttribute('href', '/azure-key-vault/');
  await expect(visibleNav(page).locator('[aria-current="page"]')).toHaveCount(0);
  // Chromium reports the document's own 404 status on the console; nothing else may fail.
  const own = problems.consoleErrors.filter((m) => /status of 404/.test(m));
  expect(own).toHaveLength(1);
  expectNoProblems({ ...problems, consoleErrors: problems.consoleErrors.filter((m) => !own.includes(m)) });
});

test('headings have anchor links named after them, and the table of contents points at them', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('/');
  const headings = page.locator('main .prose h2[id], main .prose h3[id]');
  const count = await headings.count();
  expect(count).toBeGreaterThan(3);
  for (let i = 0; i < count; i += 1) {
    const h = headings.nth(i);
    const id = (await h.getAttribute('id')) as string;
    // textContent: a heading in a section skipped off screen has no rendered text.
    const text = ((await h.textContent()) ?? '').trim();
    const anchor = page.locator(`a.heading__anchor[href="#${id}"]`);
    await expect(anchor).toHaveCount(1);
    await expect(anchor).toHaveAccessibleName(`Link to section: ${text}`);
  }
  // The anchor appears when focused.
  const firstAnchor = page.locator('a.heading__anchor').first();
  await firstAnchor.focus();
  await expect(firstAnchor).toHaveCSS('opacity', '1');

  const toc = page.getByRole('navigation', { name: 'On this page' });
  await expect(toc).toBeVisible();
  const tocLinks = toc.getByRole('link');
  expect(await tocLinks.count()).toBeGreaterThan(3);
  for (const href of await tocLinks.evaluateAll((els) => els.map((e) => e.getAttribute('href')))) {
    await expect(page.locator(`[id="${(href as string).slice(1)}"]`)).toHaveCount(1);
  }
  await tocLinks.nth(2).click();
  await expect(page).toHaveURL(/#.+/);
});

test('a guide is split into one section per h2 that the browser skips off screen, and nothing moves when it starts', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await page.goto('/hashicorp-vault/');
  const layout = () =>
    page.evaluate(() => ({
      height: document.documentElement.scrollHeight,
      headings: [...document.querySelectorAll('main h2, main h3')].map((h) => Math.round(h.getBoundingClientRect().top + window.scrollY)),
    }));
  const sections = page.locator('main .prose > section.doc-section');
  const h2Count = await page.locator('main .prose h2').count();
  expect(h2Count).toBeGreaterThan(5);
  await expect(sections).toHaveCount(h2Count);
  for (const opensWithH2 of await sections.evaluateAll((els) => els.map((s) => s.firstElementChild?.matches('h2, .heading:has(> h2)')))) {
    expect(opensWithH2).toBe(true);
  }

  // Sections far below the fold become skippable; the one in view is left alone.
  await expect(sections.last()).toHaveClass(/doc-section--lazy/);
  await expect(sections.last()).toHaveCSS('content-visibility', 'auto');
  await expect(sections.first()).not.toHaveClass(/doc-section--lazy/);
  const lazy = await layout();
  await page.evaluate(() => document.querySelectorAll('.doc-section--lazy').forEach((s) => s.classList.remove('doc-section--lazy')));
  expect(await layout()).toEqual(lazy);

  // The last section is skipped while off screen; an anchor link still lands on its heading.
  const lastHeading = sections.last().locator('h2');
  const id = (await lastHeading.getAttribute('id')) as string;
  await page.goto('/hashicorp-vault/');
  await expect(sections.last()).toHaveClass(/doc-section--lazy/);
  await page.goto(`/hashicorp-vault/#${id}`);
  await expect(lastHeading).toBeInViewport();
  expect((await lastHeading.innerText()).trim()).toBe(((await lastHeading.textContent()) ?? '').trim());
  // The same page height (sections remembered at fractional sizes may round to 1 px either way).
  expect(Math.abs((await layout()).height - lazy.height)).toBeLessThanOrEqual(1);

  // Loading the page shifts nothing, although sections switch while it loads.
  await page.goto('/hashicorp-vault/?platform=software');
  await expect(sections.last()).toHaveClass(/doc-section--lazy/);
  expect(await layoutShiftTotal(page, 300)).toBe(0);

  // Printing lays out every section.
  await page.emulateMedia({ media: 'print' });
  await expect(sections.last()).toHaveCSS('content-visibility', 'visible');
});

test.describe('phone width', () => {
  test.use({ viewport: PHONE });

  for (const route of [...ROUTES.map((r) => r.path), '/no-such-page/']) {
    test(`${route} has no horizontal page scroll`, async ({ page }) => {
      await page.goto(route);
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(innerWidth).toBe(390);
      expect(scrollWidth).toBeLessThanOrEqual(390);
    });
  }

  test('long code scrolls inside its block, not the page', async ({ page }) => {
    await page.goto('/');
    const pre = page.locator('.code-block pre').first();
    const { scroll, client } = await pre.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(scroll).toBeGreaterThan(client);
    const box = await pre.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? 999)).toBeLessThanOrEqual(390);
  });

  test('a menu painted before its summary is parsed has the same box, and shows nothing', async ({ page }) => {
    await page.goto('/hashicorp-vault/');
    const box = () =>
      page.locator('details.menu').evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { y: r.y, height: r.height, visibility: getComputedStyle(el).visibility };
      });
    const finished = await box();
    expect(finished.visibility).toBe('visible');
    // What the parser has built when it stops right after <details class="menu">.
    await page.locator('details.menu').evaluate((el) => el.replaceChildren());
    expect(await box()).toEqual({ ...finished, visibility: 'hidden' });
  });

  test('the sidebar becomes a menu and the table of contents a disclosure', async ({ page }) => {
    await page.goto('/aws-secrets-manager/');
    await expect(page.locator('.sidebar')).toBeHidden();
    await expect(page.locator('.toc-aside')).toBeHidden();
    const nav = visibleNav(page);
    await expect(nav).toBeHidden();
    await page.locator('summary', { hasText: 'Menu' }).click();
    await expect(nav).toBeVisible();
    await expect(nav.locator('[aria-current="page"]')).toHaveText('AWS Secrets Manager');
    await page.keyboard.press('Escape');
    await expect(nav).toBeHidden();
    await expect(page.locator('summary', { hasText: 'Menu' })).toBeFocused();
    await page.locator('summary', { hasText: 'Menu' }).click();
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: 'Azure Key Vault' }).click();
    await expect(page).toHaveURL(/\/azure-key-vault\/$/);

    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc).toBeHidden();
    await page.locator('summary', { hasText: 'On this page' }).click();
    await expect(toc).toBeVisible();
  });
});

test('robots.txt and the favicon are served', async ({ request }) => {
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(await robots.text()).toMatch(/^User-agent: \*/m);
  const icon = await request.get('/favicon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('svg');
});
