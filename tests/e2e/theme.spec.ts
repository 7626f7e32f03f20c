import { expect, test, type Page } from '@playwright/test';
import { expectNoProblems, watchPage } from './site-helpers';

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const isDark = async (page: Page) => {
  const [r, g, b] = (await background(page)).match(/\d+/g)?.map(Number) ?? [255, 255, 255];
  return (r as number) + (g as number) + (b as number) < 200;
};

test.describe('system dark preference', () => {
  test.use({ colorScheme: 'dark' });

  test('the page follows the system until the toggle is used, then remembers the choice', async ({ page, baseURL }) => {
    const problems = await watchPage(page, baseURL as string);
    await page.goto('/');
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await isDark(page)).toBe(true);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => localStorage.getItem('guides:theme'))).toBeNull();

    await toggle.click();
    expect(await isDark(page)).toBe(false);
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    expect(await page.evaluate(() => localStorage.getItem('guides:theme'))).toBe('light');

    // Persists on reload and on other pages, applied before scripts run.
    await page.route('**/_astro/*.js', (route) => route.abort());
    await page.goto('/azure-key-vault/');
    expect(await isDark(page)).toBe(false);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.unroute('**/_astro/*.js');
    problems.consoleErrors.length = 0;

    await page.goto('/azure-key-vault/');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await isDark(page)).toBe(true);
    await page.reload();
    expect(await isDark(page)).toBe(true);
    await expect(page.getByRole('button', { name: 'Dark theme' })).toHaveAttribute('aria-pressed', 'true');
    expectNoProblems(problems);
  });
});

test.describe('system light preference', () => {
  test.use({ colorScheme: 'light' });

  test('light by default; the toggle switches to dark and is keyboard operable', async ({ page }) => {
    await page.goto('/hashicorp-vault/');
    expect(await isDark(page)).toBe(false);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.focus();
    await page.keyboard.press('Enter');
    expect(await isDark(page)).toBe(true);
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    expect(await page.evaluate(() => localStorage.getItem('guides:theme'))).toBe('dark');
  });

  test('a broken stored value is ignored', async ({ page }) => {
    await page.goto('/');
    await page.evaluate(() => localStorage.setItem('guides:theme', '"><script>alert(1)</script>'));
    await page.reload();
    expect(await isDark(page)).toBe(false);
    expect(await page.locator('html').getAttribute('data-theme')).toBeNull();
  });
});
