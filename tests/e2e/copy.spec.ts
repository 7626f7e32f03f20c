import { expect, test } from '@playwright/test';
import { expectNoProblems, watchPage } from './site-helpers';
import { choose, fillFields, waitLive } from './guide-helpers';

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

test('the Software UI listing copies one key or value at a time, the value exactly as the box takes it', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  await page.goto('/hashicorp-vault/');
  await choose(page, 'software');
  await fillFields(page, { vaultUrl: 'https://vault.example.com:8200', roleId: "r'o\"le", secretId: 's e$(x)`c' });
  await waitLive(page);
  const host = page.locator('[data-live-snippet="software-env-vars"]');
  await host.scrollIntoViewIfNeeded();
  const list = page.locator('[data-kv-copies]');
  await expect(list).toBeVisible();
  const rows = list.locator('li');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('AIRFLOW__SECRETS__BACKEND');
  await expect(rows.nth(0)).not.toContainText('mark as Secret');
  await expect(rows.nth(1)).toContainText('mark as Secret');
  await list.getByRole('button', { name: 'Copy the key AIRFLOW__SECRETS__BACKEND_KWARGS' }).click();
  await expect.poll(() => readClipboard(page)).toBe('AIRFLOW__SECRETS__BACKEND_KWARGS');
  await list.getByRole('button', { name: 'Copy the value of AIRFLOW__SECRETS__BACKEND', exact: true }).click();
  await expect.poll(() => readClipboard(page)).toBe('airflow.providers.hashicorp.secrets.vault.VaultBackend');
  await list.getByRole('button', { name: 'Copy the value of AIRFLOW__SECRETS__BACKEND_KWARGS' }).click();
  await expect(page.locator('#live-status')).toHaveText('Copied the value of AIRFLOW__SECRETS__BACKEND_KWARGS.');
  const kwargs = JSON.parse(await readClipboard(page)) as Record<string, unknown>;
  expect(kwargs).toMatchObject({ url: 'https://vault.example.com:8200', auth_type: 'approle', role_id: "r'o\"le", secret_id: 's e$(x)`c' });
  // A value typed later is what the next copy takes.
  await fillFields(page, { vaultUrl: 'https://other.example.com:8200' });
  await waitLive(page);
  await list.getByRole('button', { name: 'Copy the value of AIRFLOW__SECRETS__BACKEND_KWARGS' }).click();
  await expect.poll(async () => (JSON.parse(await readClipboard(page)) as { url: string }).url).toBe('https://other.example.com:8200');
  expectNoProblems(problems);
});

test('Wrap fits long lines in their box, for every block, remembered across pages; copy stays exact', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/azure-key-vault/');
  const env = page.locator('[data-live-snippet="env-file"] figure:visible').first();
  await env.scrollIntoViewIfNeeded();
  const pre = env.locator('pre');
  const overflow = () => pre.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(await overflow()).toBeGreaterThan(0);
  await env.getByRole('button', { name: 'Copy' }).click();
  const exact = await readClipboard(page);
  // The toggle comes when the reader reaches for a code block.
  await env.hover();
  const wrap = env.getByRole('button', { name: 'Wrap' });
  await expect(wrap).toBeVisible();
  await expect(wrap).toHaveAttribute('aria-pressed', 'false');
  await wrap.click();
  await expect(wrap).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-wrap-code', '');
  await expect.poll(overflow).toBeLessThanOrEqual(0);
  // Every block follows, and its lines are still the same lines.
  const other = page.locator('[data-live-snippet="backend-kwargs"] figure:visible').first();
  await expect(other.getByRole('button', { name: 'Wrap' })).toHaveAttribute('aria-pressed', 'true');
  await env.getByRole('button', { name: 'Copy' }).click();
  await expect.poll(() => readClipboard(page)).toBe(exact);
  // Remembered: the next page is wrapped before anything runs, and the toggle says so.
  await page.goto('/hashicorp-vault/');
  await expect(page.locator('html')).toHaveAttribute('data-wrap-code', '');
  const first = page.locator('figure.code-block:visible').first();
  await first.locator('pre').focus();
  await expect(first.getByRole('button', { name: 'Wrap' })).toHaveAttribute('aria-pressed', 'true');
  await first.getByRole('button', { name: 'Wrap' }).press('Enter');
  await expect(page.locator('html')).not.toHaveAttribute('data-wrap-code', '');
  expect(await page.evaluate(() => localStorage.getItem('guides:wrap-code'))).toBeNull();
  expectNoProblems(problems);
});
