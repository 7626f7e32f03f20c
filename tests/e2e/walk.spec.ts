/**
 * Walking a guide once: what is typed reaches the snippets trimmed (and the field says so),
 * a copy says which values are still to fill or wrong, with links to their fields.
 */
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP } from './site-helpers';
import { choose, fieldInput, fillFields, waitLive } from './guide-helpers';

test.use({ viewport: DESKTOP, permissions: ['clipboard-read', 'clipboard-write'] });

const readClipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const visibleSnippet = (page: Page, id: string) => page.locator(`[data-live-snippet="${id}"]:visible figure.code-block:visible`).first();

test('spaces around a typed value stay out of the snippets, and the field says so; a value kept as typed is not trimmed', async ({ page }) => {
  await page.goto('/aws-secrets-manager/');
  await choose(page, 'astro');
  await fillFields(page, { region: '  eu-west-1 \t', variableValue: ' spaced value ' });
  await waitLive(page);
  await expect(page.locator('[data-trimmed="region"]')).toBeVisible();
  await expect(fieldInput(page, 'region')).toHaveValue('  eu-west-1 \t');
  await expect(page.locator('[data-trimmed="variableValue"]')).toHaveCount(0);
  const kwargs = visibleSnippet(page, 'backend-kwargs').locator('pre code');
  await expect(kwargs).toContainText('"region_name": "eu-west-1"');
  await expect(fieldInput(page, 'region')).not.toHaveAttribute('aria-invalid', 'true');
  await fillFields(page, { region: 'eu-west-1' });
  await expect(page.locator('[data-trimmed="region"]')).toHaveCount(0);
});

test('a copy with placeholders names the values still to fill, with links to their fields; a wrong value is marked and named', async ({ page }) => {
  await page.goto('/hashicorp-vault/');
  await choose(page, 'astro', 'approle');
  await fillFields(page, { vaultUrl: 'https://vault.example.com:8200' });
  await waitLive(page);
  const figure = visibleSnippet(page, 'env-file');
  await figure.getByRole('button', { name: 'Copy' }).click();
  const note = figure.locator('[data-copy-note]');
  await expect(note).toContainText(/Copied with 2 values to fill: AppRole role ID and AppRole secret ID\./);
  expect(await readClipboard(page)).toContain('<your-approle-role-id>');
  await expect(page.locator('#live-status')).toHaveText(await note.innerText());
  // The link takes the reader to the field, focused.
  await note.getByRole('link', { name: 'AppRole secret ID' }).click();
  await expect(fieldInput(page, 'secretId')).toBeFocused();
  // Typing removes the note.
  await page.keyboard.type('s3cr3t');
  await expect(note).toHaveCount(0);

  // A value with an error: marked in the snippet with its message, and named on copy.
  await fillFields(page, { vaultUrl: 'not a url' });
  await waitLive(page);
  const marked = figure.locator('[data-slot][data-slot-error]');
  await expect(marked).toHaveCount(1);
  await figure.getByRole('button', { name: 'Copy' }).click();
  await expect(figure.locator('[data-copy-note]')).toContainText(/Copied, but Vault URL has an error: /);
  // Fixed: the mark goes, and a complete copy has no note.
  await fillFields(page, { vaultUrl: 'https://vault.example.com:8200', roleId: 'role-1' });
  await waitLive(page);
  await expect(marked).toHaveCount(0);
  await figure.getByRole('button', { name: 'Copy' }).click();
  await expect(page.locator('#live-status')).toHaveText('Copied');
  await expect(figure.locator('[data-copy-note]')).toHaveCount(0);
});
