import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, GUIDE_ROUTES, PHONE, watchPage } from './site-helpers';

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Search the guides' });
const input = (page: Page) => dialog(page).getByRole('searchbox', { name: 'Search the guides' });
const results = (page: Page) => dialog(page).getByRole('list', { name: 'Results' }).getByRole('link');

/** The page's own JS (not counting the search), to check the search loads nothing at load. */
const scriptUrls = (page: Page) =>
  page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(m?js|pagefind)(\?|$)/.test(n)));

test.describe('site search', () => {
  test.use({ viewport: DESKTOP });

  test('loads nothing until opened, then finds a heading on every guide and opens the page at it', async ({ page, baseURL }) => {
    const problems = await watchPage(page, baseURL as string);
    await page.goto('/');
    await expect(page.locator('html')).toHaveClass(/js/);
    expect((await scriptUrls(page)).filter((u) => /pagefind|search\b/.test(u))).toEqual([]);

    for (const guide of GUIDE_ROUTES) {
      // Each guide's own title heading words: found on that guide, under a heading of it.
      await page.getByRole('button', { name: 'Search' }).click();
      await expect(dialog(page)).toBeVisible();
      await expect(input(page)).toBeFocused();
      await input(page).fill(`${guide.nav} Prerequisites`);
      const hit = results(page).filter({ has: page.locator('.search__context', { hasText: new RegExp(guide.nav.split(' ').pop() as string) }) }).filter({ hasText: 'Prerequisites' }).first();
      await expect(hit).toBeVisible();
      const href = (await hit.getAttribute('href')) as string;
      expect(href).toMatch(new RegExp(`^${guide.path}#prerequisites$`));
      await hit.click();
      await expect(dialog(page)).toBeHidden();
      await expect(page).toHaveURL(new RegExp(`${guide.path}#prerequisites$`));
      await expect(page.locator('#prerequisites')).toBeInViewport();
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
  });

  test('works from the keyboard: / and Ctrl-K open it, arrows move, Enter opens, Escape gives focus back', async ({ page }) => {
    await page.goto('/hashicorp-vault/');
    await expect(page.locator('html')).toHaveClass(/js/);
    await page.keyboard.press('/');
    await expect(input(page)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();

    // `/` typed in a field is the reader's text, not a shortcut.
    const field = page.getByRole('textbox').first();
    await field.fill('');
    await field.press('/');
    await expect(dialog(page)).toBeHidden();
    await expect(field).toHaveValue('/');
    await field.fill('');

    await page.getByRole('button', { name: 'Search' }).focus();
    await page.keyboard.press('Control+k');
    await expect(input(page)).toBeFocused();
    await page.keyboard.type('AIRFLOW__SECRETS__BACKEND_KWARGS');
    await expect(results(page).first()).toBeVisible();
    await expect(dialog(page).getByRole('status')).toHaveText(/pages? match/);
    await page.keyboard.press('ArrowDown');
    await expect(results(page).first()).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(results(page).nth(1)).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await expect(input(page)).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog(page)).toBeHidden();
    await expect(page.getByRole('button', { name: 'Search' })).toBeFocused();

    await page.keyboard.press('Control+k');
    await input(page).fill('role_id');
    // The results of the earlier search stay until this one's arrive: read the first one then.
    await expect(dialog(page).getByRole('status')).toContainText('role_id');
    const first = (await results(page).first().getAttribute('href')) as string;
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '$'));
  });

  test('what is typed right after opening, before the search code arrives, is searched', async ({ page }) => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await page.route(/\/_astro\/search\.[^/]*\.js$/, async (route) => {
      held++;
      await gate;
      await route.continue();
    });
    await page.goto('/');
    await expect(page.locator('html')).toHaveClass(/js/);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.keyboard.type('approle');
    await expect.poll(() => held).toBe(1);
    await expect(input(page)).toHaveValue('approle');
    await expect(results(page)).toHaveCount(0);
    release();
    await expect(results(page).first()).toContainText('HashiCorp Vault');
  });

  test('a click on the button before the page’s scripts have run opens the search, and what is typed is searched once they arrive', async ({ page }) => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = 0;
    await page.route(/\/_astro\/[^/]*\.js$/, async (route) => {
      held++;
      await gate;
      await route.continue();
    });
    // The page's module scripts are held, so neither DOMContentLoaded nor load comes yet. The
    // page is opened at a heading: when it finishes loading, the browser drops the focus.
    await page.goto('/hashicorp-vault/#prerequisites', { waitUntil: 'commit' });
    await expect.poll(() => held).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(dialog(page)).toBeVisible();
    await expect(input(page)).toBeFocused();
    await page.keyboard.type('approle');
    // Still before the scripts: DOMContentLoaded waits for module scripts.
    expect(await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domContentLoadedEventStart)).toBe(0);
    release();
    await expect(results(page).first()).toContainText('HashiCorp Vault');
    await expect(input(page)).toHaveValue('approle');
    await page.waitForFunction(() => document.readyState === 'complete');
    await expect(input(page)).toBeFocused();
    await page.keyboard.type(' secret');
    await expect(input(page)).toHaveValue('approle secret');
  });

  test('finds snippet text: placeholders and setting names lead to the steps that set them', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Search' }).click();
    for (const [query, page_] of [
      ['AIRFLOW__SECRETS__BACKEND_KWARGS', /Vault|AWS|Google|Azure/],
      ['role_arn', /AWS/],
      ['gcp_keyfile_dict', /Google Cloud/],
      ['approle', /HashiCorp Vault/],
    ] as const) {
      await input(page).fill(query);
      await expect(results(page).first()).toBeVisible();
      await expect(results(page).first()).toContainText(page_);
      await expect(dialog(page).locator('mark').first()).toBeVisible();
    }
    // Excerpts keep the text's spaces around a match (an AWS .env comment says "... assume
    // role_arn (see the Astro CLI docs ..."), and a match is the only markup in them.
    await input(page).fill('role_arn');
    await expect(dialog(page).locator('.search__excerpt').filter({ hasText: /assume role_arn \(see the/ }).first()).toBeVisible();
    expect(await dialog(page).locator('.search__excerpt *:not(mark)').count()).toBe(0);
    await input(page).fill('zzqxnotawordanywhere');
    await expect(dialog(page).getByRole('status')).toHaveText('No page matches “zzqxnotawordanywhere”.');
    await expect(results(page)).toHaveCount(0);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe reports nothing with the dialog open and results shown (${theme}, phone)`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize(PHONE);
      await page.goto('/aws-secrets-manager/');
      await page.getByRole('button', { name: 'Search' }).click();
      await input(page).fill('secret');
      await expect(results(page).first()).toBeVisible();
      const box = await dialog(page).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
      const axe = new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).withTags([
        'wcag2a',
        'wcag2aa',
        'wcag21a',
        'wcag21aa',
        'best-practice',
      ]);
      const found = await axe.analyze();
      expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  }
});
