import { expect, test } from '@playwright/test';
import { expectNoProblems, watchPage } from './site-helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const readClipboard = (page: import('@playwright/test').Page) => page.evaluate(() => navigator.clipboard.readText());

test('copy puts exactly the code on the clipboard and announces it', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  await page.goto('/');
  const figure = page.locator('figure.code-block', { hasText: 'The same connection as JSON' });
  const button = figure.getByRole('button', { name: 'Copy' });
  await expect(button).toBeVisible();
  await button.click();
  const copied = await readClipboard(page);
  // The clipboard holds the JSON document shown in the block: it parses, and nothing else surrounds it.
  expect(JSON.parse(copied)).toMatchObject({ conn_type: 'postgres', port: 5432 });
  expect(copied.startsWith('{')).toBe(true);
  expect(copied.endsWith('}')).toBe(true);
  expect(copied).not.toMatch(/[ \t]+$/m);
  expect(copied).toBe((await figure.locator('pre').innerText()).replace(/[ \t]+$/gm, '').replace(/\n+$/, ''));
  await expect(page.locator('#live-status')).toHaveText('Copied');
  await expect(button).toHaveAccessibleName('Copy');
  await expect(button).toContainText('Copied');
  await expect(button).toContainText('Copy', { timeout: 4000 });
  expectNoProblems(problems);
});

test('copy takes the current text, so values filled in later are copied', async ({ page }) => {
  await page.goto('/');
  const figure = page.locator('figure.code-block[data-snippet="overview-backend-settings"]');
  await expect(figure).toHaveCount(1);
  // Simulate an island replacing part of the code, and a trailing space at a line end.
  await figure.locator('pre code .line').first().evaluate((line) => {
    line.append(document.createTextNode('   '));
  });
  await figure.locator('pre code .line').nth(1).evaluate((line) => {
    line.textContent = 'AIRFLOW__SECRETS__BACKEND_KWARGS={"region_name": "eu-west-1"}';
  });
  await figure.getByRole('button', { name: 'Copy' }).click();
  const copied = await readClipboard(page);
  const lines = copied.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[0]).toMatch(/^AIRFLOW__SECRETS__BACKEND=airflow\.providers\.amazon\.aws\.secrets\.systems_manager\.\w+$/);
  expect(lines[1]).toBe('AIRFLOW__SECRETS__BACKEND_KWARGS={"region_name": "eu-west-1"}');
});

test('fenced code in MDX gets a caption from its title and a working copy button', async ({ page }) => {
  await page.goto('/');
  const figure = page.locator('figure.code-block', { hasText: 'Connection URI' });
  await expect(figure.locator('figcaption')).toHaveText('Connection URI');
  await figure.getByRole('button', { name: 'Copy' }).click();
  expect(await readClipboard(page)).toMatch(/^postgres:\/\/\S+$/);
});

test('code is highlighted with classes only (no inline styles) in both themes', async ({ page }) => {
  await page.goto('/');
  expect(await page.locator('figure.code-block [style]').count()).toBe(0);
  const token = page.locator('figure.code-block pre span[class*="sl-"]').first();
  const light = await token.evaluate((el) => getComputedStyle(el).color);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await token.evaluate((el) => getComputedStyle(el).color);
  expect(light).not.toBe(dark);
});
