/**
 * Walking a guide once: values printed by a step are entered right there (inline fields,
 * the same setup as the form), what is typed reaches the snippets trimmed (and the field says
 * so), a copy says which values are still to fill or wrong, with links to their fields.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP } from './site-helpers';
import { GUIDES, SECRETS, choose, combos, fieldInput, fillFields, form, liveSnippets, sampleValue, textFields, waitLive } from './guide-helpers';

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

/** The fields further down the page: inline fields and the connection builder, in page order. */
const downThePage = (page: Page) => page.locator('form[data-inline-fields] :is(input, textarea)[name], form[data-connection-builder] :is(input, textarea)[name]');

for (const guide of GUIDES)
  for (const { platform, authMethod } of combos(guide.provider))
    test(`${guide.path} ${platform} / ${authMethod}: one pass from top to bottom fills every snippet`, async ({ page }) => {
      await page.goto(guide.path);
      await choose(page, platform, authMethod);
      const later = await downThePage(page).evaluateAll((els) => els.filter((e) => (e as HTMLElement).checkVisibility()).map((e) => (e as HTMLInputElement).name));
      const values: Record<string, string> = {};
      for (const f of textFields(guide.provider, platform, authMethod)) {
        const v = sampleValue(guide.provider, f.name);
        if (v !== undefined) values[f.name] = v;
      }
      // The form at the top: everything that no step further down asks for.
      await fillFields(page, Object.fromEntries(Object.entries(values).filter(([name]) => !later.includes(name))));
      // Then down the page: each field where it appears, never going back up: each one is at
      // or below the one before (measured together: snippets above may change height, and the
      // browser keeps the view still by moving the scroll position).
      const fields = downThePage(page).filter({ visible: true });
      const count = await fields.count();
      let inline = 0;
      let previous: typeof fields | null = null;
      for (let i = 0; i < count; i++) {
        const input = fields.nth(i);
        const name = (await input.getAttribute('name')) as string;
        if (values[name] === undefined) continue;
        await input.scrollIntoViewIfNeeded();
        if (previous) {
          const [a, b] = [await previous.boundingBox(), await input.boundingBox()];
          // (fields side by side may sit a few pixels apart)
          expect(b!.y, `${name} is below the previous step`).toBeGreaterThanOrEqual(a!.y - 60);
        }
        previous = input;
        await input.fill(values[name]);
        await input.blur();
        if (await input.evaluate((e) => e.closest('form[data-inline-fields]') !== null)) {
          inline++;
          // The form field of the same name follows.
          await expect(form(page).locator(`[name="${name}"]`)).toHaveValue(values[name]);
        }
      }
      await waitLive(page);
      for (const s of await liveSnippets(page)) if (s.visible) expect(s.text, `${s.id} still has a placeholder`).not.toContain('<your-');
      await expect(page.locator('.sf-msg--error:visible')).toHaveCount(0);
      // Secrets typed inline are as secret as in the form.
      const kept = await page.evaluate(() => JSON.stringify({ url: location.href, local: { ...localStorage }, session: { ...sessionStorage } }));
      for (const name of SECRETS) if (values[name] && later.includes(name)) expect(kept).not.toContain(encodeURIComponent(values[name]).slice(0, 12));
      if (!['kubernetes', 'workload-identity'].includes(authMethod) || platform === 'remote-execution') expect(inline).toBeGreaterThan(0);
    });

test('an inline field and its form twin stay in sync both ways, with the same check message', async ({ page }) => {
  await page.goto('/aws-secrets-manager/');
  await choose(page, 'astro', 'role');
  const inline = page.locator('form[data-inline-fields] [name="roleArn"]:visible');
  await inline.fill('not-an-arn');
  await expect(fieldInput(page, 'roleArn')).toHaveValue('not-an-arn');
  const message = inline.locator('xpath=..').locator('[data-inline-msg]');
  await expect(message).toContainText('Role ARN must look like');
  await expect(inline).toHaveAttribute('aria-invalid', 'true');
  // The form field shows the same message once it has been visited.
  await fieldInput(page, 'roleArn').focus();
  await fieldInput(page, 'roleArn').blur();
  await expect(page.locator('#sf-roleArn-msg')).toHaveText(await message.innerText());
  await fillFields(page, { roleArn: 'arn:aws:iam::123456789012:role/from-the-form' });
  await expect(inline).toHaveValue('arn:aws:iam::123456789012:role/from-the-form');
  await expect(message).toBeHidden();
  await expect(inline).not.toHaveAttribute('aria-invalid', 'true');
});

test('"Your setup" from anywhere: once the form is out of view, a button shows the choices and opens the form in a dialog, where the reader is', async ({ page }) => {
  await page.goto('/hashicorp-vault/');
  const summary = page.locator('[data-setup-summary]');
  await choose(page, 'astro', 'approle');
  // The form is in view at the top: no need for the button there.
  await expect(summary).toBeHidden();
  await page.locator('#step-5-deploy-the-configuration').scrollIntoViewIfNeeded();
  await expect(summary).toBeVisible();
  await expect(summary).toContainText('Astro · AppRole · Airflow 3');
  // Where the reader is: the heading in view, at its place on the screen (the page above it may
  // change height with the platform; the browser keeps what is in view where it was).
  const heading = page.locator('#step-5-deploy-the-configuration');
  const screenTop = () => heading.evaluate((h) => h.getBoundingClientRect().top);
  const y = await screenTop();
  await summary.click();
  const dialog = page.getByRole('dialog', { name: 'Your setup' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator('form[data-setup-form]')).toHaveCount(1);
  const axe = new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).include('dialog');
  expect((await axe.analyze()).violations.map((v) => v.id)).toEqual([]);
  await dialog.locator('[name="vaultUrl"]').fill('https://vault.from-the-dialog.example:8200');
  await dialog.locator('input[name="platform"][value="software"]').check();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Astronomer Software · AppRole · Airflow 3');
  // The reader is where they were, and the form is back in its place.
  expect(Math.abs((await screenTop()) - y)).toBeLessThan(40);
  await expect(page.locator('main form[data-setup-form]')).toHaveCount(1);
  await waitLive(page);
  await expect(page.locator('[data-live-snippet="software-env-vars"]:visible pre code')).toContainText('https://vault.from-the-dialog.example:8200');
  // Close works too, and the form in the dialog is the form: the value typed there stays.
  await summary.click();
  await expect(dialog.locator('[name="vaultUrl"]')).toHaveValue('https://vault.from-the-dialog.example:8200');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('a choice the step depends on is made where the step is: Azure on Software keeps the credentials in AZURE_* variables', async ({ page }) => {
  await page.goto('/azure-key-vault/');
  await choose(page, 'software', 'client-secret');
  // Asked only next to the Dockerfile step, not in the setup form.
  await expect(form(page).locator('input[name="credentialsIn"]')).toHaveCount(0);
  const inline = page.locator('form[data-inline-fields] input[name="credentialsIn"]:visible');
  await expect(inline).toHaveCount(2);
  await inline.and(page.locator('[value="environment"]')).check();
  const text = async (id: string) => (await liveSnippets(page)).find((s) => s.id === id && s.visible)?.text ?? '';
  await expect.poll(() => text('dockerfile')).toMatch(/^ENV AZURE_CLIENT_SECRET='<your-client-secret>'$/m);
  expect(await text('dockerfile')).not.toContain('client_secret');
  expect(await text('software-env-vars')).toMatch(/Key: {4}AZURE_CLIENT_SECRET\nValue: {2}<your-client-secret>\nSecret: yes/);
  expect(await text('requirements')).toBe('apache-airflow-providers-microsoft-azure\n');
  await expect(page).toHaveURL(/credentialsIn=environment/);
  // A shared link opens with the same choice.
  await page.goto(page.url());
  const environment = page.locator('form[data-inline-fields] input[name="credentialsIn"][value="environment"]');
  // (inline fields follow the setup once they come near the view)
  await environment.scrollIntoViewIfNeeded();
  await expect(environment).toBeChecked();
  await expect.poll(() => text('dockerfile')).toContain('AZURE_CLIENT_SECRET');
  // And back to the kwargs form.
  await page.locator('form[data-inline-fields] input[name="credentialsIn"][value="kwargs"]').check();
  await expect.poll(() => text('dockerfile')).not.toContain('AZURE_CLIENT_SECRET');
  await expect(page).not.toHaveURL(/credentialsIn/);
});

test('Vault Kubernetes auth on Remote Execution: the local test has its own AppRole, entered under its commands', async ({ page }) => {
  await page.goto('/hashicorp-vault/');
  await choose(page, 'remote-execution', 'kubernetes');
  const text = async (id: string) => (await liveSnippets(page)).find((s) => s.id === id && s.visible)?.text ?? '';
  await expect.poll(() => text('vault-approle')).toContain('# For local tests only');
  const secret = page.locator('form[data-inline-fields] [name="secretId"]:visible');
  await expect(secret).toHaveCount(1);
  await secret.fill('local-secret-1');
  await secret.blur();
  await expect.poll(() => text('env-file')).toContain('"auth_type": "approle"');
  expect(await text('env-file')).toContain('"secret_id": "local-secret-1"');
  // The agents keep Kubernetes auth, without the AppRole's secret.
  expect(await text('values-yaml')).toMatch(/auth_type\W+kubernetes/);
  expect(await text('values-yaml')).not.toContain('local-secret-1');
});

test('Azure: the app registration box of Step 1 asks only when the identity is an app registration', async ({ page }) => {
  // Its fields are also asked with a managed identity, for the local tests of Step 3: there, not here.
  await page.goto('/azure-key-vault/');
  const box = page.locator('form[data-inline-fields][aria-label="App registration IDs and client secret"]');
  for (const platform of ['astro', 'remote-execution'] as const) {
    await choose(page, platform, 'managed-identity');
    await expect(box).toBeHidden();
    await choose(page, platform, 'client-secret');
    await expect(box).toBeVisible();
  }
  await choose(page, 'software', 'client-secret');
  await expect(box).toBeVisible();
});
