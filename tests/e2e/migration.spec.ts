import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, watchPage } from './site-helpers';
import { choose, openOptional, fillFields } from './guide-helpers';

const PASSWORD = 'Mig-P4ss-NEVER-leaves';
const VARIABLES = JSON.stringify({ api_key: 'k3y-VALUE-never-leaves', retries: 3, 'bad key': 'x' }, null, 2);
const CONNECTIONS = JSON.stringify({
  reporting_db: { conn_type: 'postgres', description: null, host: 'db.example.com', login: 'report', password: PASSWORD, schema: 'analytics', port: 5432, extra: '{"sslmode": "require"}' },
});

const tool = (page: Page) => page.locator('[data-migration]');
const rows = (page: Page) => tool(page).locator('tbody tr');

test.describe('moving existing variables and connections', () => {
  test.use({ viewport: DESKTOP });

  test('pasted exports give a table of names, a script and a check; the names follow the setup; nothing pasted leaves the page', async ({ page, baseURL }) => {
    const problems = await watchPage(page, baseURL as string);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
    await page.goto('/aws-secrets-manager/');
    await tool(page).getByLabel(/Variables/).fill(VARIABLES);
    await tool(page).getByLabel(/Connections/).fill(CONNECTIONS);
    await expect(rows(page)).toHaveCount(4);
    const row = (key: string) => rows(page).filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${key}$`) }) });
    await expect(row('api_key').locator('td').nth(2)).toHaveText('airflow/variables/api_key');
    await expect(row('reporting_db').locator('td').nth(2)).toHaveText('airflow/connections/reporting_db');
    await expect(row('reporting_db').locator('td').nth(3)).toHaveText('JSON');
    await expect(row('bad key')).toHaveAttribute('data-state', 'error');
    await expect(tool(page).getByRole('status')).toHaveText('3 items to write, 1 left out (see Problems).');
    const script = tool(page).locator('[data-migration-snippet="migrate-secrets"] pre code');
    await expect(script).toContainText('write_secret airflow/variables/api_key');
    await expect(script).toContainText('# Left out (1)');
    await expect(tool(page).locator('[data-migration-snippet="migrate-check"] pre code')).toContainText('"reporting_db",');

    // The names follow the setup: a new prefix renames every item.
    await openOptional(page);
    await fillFields(page, { variablesPrefix: 'team/vars' });
    await expect(row('api_key').locator('td').nth(2)).toHaveText('team/vars/api_key');
    await expect(script).toContainText('write_secret team/vars/api_key');

    // The script downloads as a file, made in the browser.
    const download = page.waitForEvent('download');
    await tool(page).getByRole('button', { name: 'Download migrate-secrets.sh' }).click();
    expect((await download).suggestedFilename()).toBe('migrate-secrets.sh');

    // Nothing pasted is in the address, in storage or in any request.
    await expect(page.locator('html')).toHaveAttribute('data-setup-saved', '');
    const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, url: location.href }));
    for (const secret of [PASSWORD, 'k3y-VALUE-never-leaves', 'reporting_db', 'api_key']) {
      expect(stored).not.toContain(secret);
      expect(requests.join('\n')).not.toContain(secret);
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
  });

  test('Vault: connections as URIs under the mount; an export that is not one says so; axe finds nothing', async ({ page }) => {
    await page.goto('/hashicorp-vault/');
    await choose(page, 'astro');
    await tool(page).getByLabel(/Connections/).fill('reporting_db=postgres://report:pw@db.example.com:5432/analytics\n');
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first().locator('td').nth(2)).toHaveText('airflow/data/connections/reporting_db');
    await expect(rows(page).first().locator('td').nth(3)).toHaveText('URI');
    await expect(tool(page).locator('[data-migration-snippet="migrate-secrets"] pre code')).toContainText("write_secret connections/reporting_db conn_uri=-");
    await tool(page).getByLabel(/Variables/).fill("{'a': 'python dict, not JSON'}");
    await expect(tool(page).getByRole('status')).toContainText('Variables: Not JSON');
    const axe = new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).include('[data-migration]');
    const found = await axe.analyze();
    expect(found.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  });
});
