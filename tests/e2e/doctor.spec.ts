import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, PHONE, watchPage } from './site-helpers';
import { fieldInput, waitHydrated } from './guide-helpers';

const SECRET = 'S3cret-ID-never-leaves';
/** A Dockerfile as an older guide printed it, with a real-looking secret in it. */
const OLD_DOCKERFILE = [
  'FROM quay.io/astronomer/astro-runtime:12.0.0',
  'ENV AIRFLOW__SECRETS__BACKEND="airflow.contrib.secrets.hashicorp_vault.VaultBackend"',
  `ENV AIRFLOW__SECRETS__BACKEND_KWARGS='{"connections_path": "conns", "variables_path": "vars", "mount_point": "team", "kv_engine_version": "1", "url": "https://vault.corp.example:8200", "auth_type": "approle", "role_id": "role-1234", "secret_id": "${SECRET}"}'`,
].join('\n');

const tool = (page: Page) => page.locator('[data-doctor]');
const findings = (page: Page) => tool(page).locator('[data-finding]');

test.describe('the config doctor', () => {
  test.use({ viewport: DESKTOP });

  test('a pasted Dockerfile: findings, corrected lines, lookup names and a prefilled guide; the secret never leaves the page', async ({ page, baseURL }) => {
    const problems = await watchPage(page, baseURL as string);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
    const logged: string[] = [];
    page.on('console', (m) => logged.push(m.text()));
    await page.goto('/doctor/');
    // The doctor's code loads on first use, not with the page.
    expect(requests.some((r) => /\/_astro\/client\.[^/]*\.js/.test(r) && !r.includes('Doctor'))).toBe(false);
    await tool(page).getByLabel('Your settings').fill(OLD_DOCKERFILE);
    await expect(tool(page).getByRole('status')).toContainText('Read 2 settings for HashiCorp Vault. 2 errors');
    await expect(tool(page).getByLabel('Format')).toHaveValue('');
    await expect(tool(page).getByLabel('Format').locator('option').first()).toHaveText('Detected: Dockerfile ENV lines');
    await expect(findings(page).filter({ hasText: 'airflow.contrib' })).toHaveAttribute('data-severity', 'error');
    await expect(findings(page).filter({ hasText: 'airflow.contrib' }).locator('.doctor__fix code')).toHaveText('airflow.providers.hashicorp.secrets.vault.VaultBackend');
    await expect(findings(page).filter({ hasText: 'kv_engine_version' }).locator('.doctor__fix code')).toHaveText('"kv_engine_version": 1');
    await expect(tool(page).locator('[data-finding="credentials-in-kwargs"]')).toHaveAttribute('data-severity', 'warning');

    const corrected = tool(page).locator('[data-doctor-corrected] pre code');
    await expect(corrected).toContainText("ENV AIRFLOW__SECRETS__BACKEND='airflow.providers.hashicorp.secrets.vault.VaultBackend'");
    await expect(corrected).toContainText('"kv_engine_version": 1,');
    await expect(tool(page).locator('[data-doctor-corrected] .code-block__filename')).toHaveText('Dockerfile');

    // Lookup names follow the pasted mount, KV version and paths, and the key typed here.
    await expect(tool(page).locator('#doctor-variable-key-name code')).toHaveText('team/vars/my_var');
    await tool(page).getByLabel('Connection ID').fill('warehouse');
    await expect(tool(page).locator('#doctor-connection-id-name code')).toHaveText('team/conns/warehouse');

    // Where the settings run: guessed from the format, or chosen; the guide link follows.
    const link = tool(page).getByRole('link', { name: 'Open the HashiCorp Vault guide with these settings' });
    await expect(tool(page).getByLabel('Runs on').locator('option').first()).toHaveText('Guessed: Astronomer Software');
    await expect(link).toHaveAttribute('href', /[?&]platform=software(&|$)/);
    await tool(page).getByLabel('Runs on').selectOption('astro');
    await expect(link).toHaveAttribute('href', /[?&]platform=astro(&|$)/);

    // Nothing pasted is in the address, in storage, in a request or in the console.
    const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, url: location.href }));
    expect(stored).not.toContain(SECRET);
    expect(requests.join('\n')).not.toContain(SECRET);
    expect(logged.join('\n')).not.toContain(SECRET);

    // The guide link: the guide's own share format, non-secret settings only.
    const href = (await link.getAttribute('href')) as string;
    expect(href).not.toContain(SECRET);
    expect(href).not.toContain('secretId');
    await link.click();
    await expect(page).toHaveURL(/\/hashicorp-vault\/\?/);
    await waitHydrated(page);
    await expect(fieldInput(page, 'vaultUrl')).toHaveValue('https://vault.corp.example:8200');
    await expect(fieldInput(page, 'mountPoint')).toHaveValue('team');
    await expect(fieldInput(page, 'roleId')).toHaveValue('role-1234');
    await expect(fieldInput(page, 'secretId')).toHaveValue('');
    await expect(page.locator('[data-snippet="backend-kwargs"]:visible pre code')).toContainText('"kv_engine_version": 1');
    const after = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, url: location.href }));
    expect(after).not.toContain(SECRET);
    expect(requests.join('\n')).not.toContain(SECRET);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
  });

  test('hostile pastes are shown as text and never break the page', async ({ page, baseURL }) => {
    const problems = await watchPage(page, baseURL as string);
    let dialogs = 0;
    page.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await page.goto('/doctor/');
    const box = tool(page).getByLabel('Your settings');
    await box.fill(`AIRFLOW__SECRETS__BACKEND=<img src=x onerror=alert(1)>\nAIRFLOW__SECRETS__BACKEND_KWARGS={"url": "<script>alert(2)</script>"}`);
    await expect(findings(page).first()).toBeVisible();
    await expect(tool(page).locator('img, script')).toHaveCount(0);
    await expect(tool(page)).toContainText('<img src=x onerror=alert(1)>');
    // Deep nesting, a YAML alias bomb and a long binary-ish paste: a finding, not a hang.
    await box.fill('AIRFLOW__SECRETS__BACKEND_KWARGS=' + '['.repeat(50_000));
    await expect(tool(page).locator('[data-finding="kwargs-invalid"]')).toBeVisible();
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 10 }, (_, i) => `${'bcdefghijk'[i]}: &${'bcdefghijk'[i]} [${Array(9).fill('*' + 'abcdefghij'[i]).join(',')}]`), 'secretBackend: x'].join('\n');
    await box.fill(bomb);
    await expect(tool(page).locator('[data-finding="yaml-syntax"]')).toBeVisible();
    await box.fill('\u0000\u0001\uFFFF\uD800'.repeat(20_000));
    await expect(tool(page).locator('[data-finding="nothing-found"]')).toBeVisible();
    await box.fill('');
    await expect(tool(page).getByRole('status')).toHaveText('Paste your settings above: the diagnosis appears here.');
    await expect(tool(page).locator('[data-doctor-results]')).toBeHidden();
    expect(dialogs).toBe(0);
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
  });

  for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]] as const)
    for (const scheme of ['light', 'dark'] as const)
      test(`with results, keyboard only, ${name} ${scheme}: axe finds nothing`, async ({ page }) => {
        await page.setViewportSize(viewport);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto('/doctor/');
        // Keyboard: focus the box and type.
        await tool(page).getByLabel('Your settings').focus();
        await page.keyboard.insertText(`AIRFLOW__SECRETS__BACKEND=airflow.providers.amazon.aws.secrets.secrets_manager.SecretsManagerBackend\nAIRFLOW__SECRETS__BACKEND_KWARGS={'region_name': 'us-east-1', 'connection_prefix': '/x'}`);
        await expect(findings(page).first()).toBeVisible();
        await page.keyboard.press('Tab');
        await expect(tool(page).getByLabel('Format')).toBeFocused();
        const axe = new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] });
        const found = await axe.analyze();
        expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      });
});
