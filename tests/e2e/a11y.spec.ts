import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, ROUTES } from './site-helpers';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** @axe-core/playwright is typed against its own copy of playwright-core; the runtime objects are the same. */
const axe = (page: Page) =>
  new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).withTags(TAGS);

const pages = [...ROUTES.map((r) => r.path), '/no-such-page/'];

for (const theme of ['light', 'dark'] as const) {
  for (const [widthName, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const) {
    test.describe(`${theme} theme, ${widthName}`, () => {
      test.use({ colorScheme: theme, viewport });
      for (const path of pages) {
        test(`axe: ${path}`, async ({ page }) => {
          await page.goto(path);
          await expect(page.locator('html')).toHaveClass(/js/);
          const results = await axe(page).analyze();
          const summary = results.violations.map(
            (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`,
          );
          expect(summary).toEqual([]);
        });
      }
    });
  }
}

test.describe('states axe does not see at load', () => {
  test.use({ colorScheme: 'dark', viewport: PHONE });

  test('open phone menu, open table of contents and another tab selected', async ({ page }) => {
    await page.goto('/hashicorp-vault/?platform=software');
    await page.locator('summary', { hasText: 'On this page' }).click();
    await page.locator('summary', { hasText: 'Menu' }).click();
    const results = await axe(page).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });

  test('explicit light theme chosen on a dark system', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    const results = await axe(page).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
});
