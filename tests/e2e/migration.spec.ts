import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, watchPage } from './site-helpers';
import { choose, openOptional, fillFields, form, waitHydrated } from './guide-helpers';
import { readFile } from 'node:fs/promises';
import { migrationExports } from '../bench/lib/migration-inputs.mjs';
import { normalizeCopiedText } from '../../src/scripts/copy-text';

const PASSWORD = 'Mig-P4ss-NEVER-leaves';
const VARIABLES = JSON.stringify({ api_key: 'k3y-VALUE-never-leaves', retries: 3, 'bad key': 'x' }, null, 2);
const CONNECTIONS = JSON.stringify({
  reporting_db: { conn_type: 'postgres', description: null, host: 'db.example.com', login: 'report', password: PASSWORD, schema: 'analytics', port: 5432, extra: '{"sslmode": "require"}' },
});

const tool = (page: Page) => page.locator('[data-migration]');
const rows = (page: Page) => tool(page).locator('tbody tr');
const byHand = (page: Page) => tool(page).getByRole('checkbox', { name: 'Add variables or connections by hand' });
const handRows = (page: Page) => tool(page).locator('[data-migration-row]');
/** The tool sits behind a disclosure most readers leave closed: open it as a reader does. */
async function openTool(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await tool(page).getByText('Open the migration tool').click();
  await expect(tool(page).locator('details.migrate__open')).toHaveAttribute('open', '');
}
const handField = (page: Page, n: number, label: 'Kind' | 'Key' | 'Value') => handRows(page).nth(n).getByLabel(label, { exact: true });

/** Puts text into a paste box as one paste does (one input event): fill() types half a megabyte far too slowly. */
async function paste(page: Page, box: 'variables' | 'connections', text: string): Promise<void> {
  await page.evaluate(
    ([id, value]) => {
      const el = document.getElementById(id) as HTMLTextAreaElement;
      el.focus();
      el.value = value;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    },
    [`migrate-${box}`, text] as const,
  );
}

test.describe('moving existing variables and connections', () => {
  test.use({ viewport: DESKTOP });

  test('pasted exports give a table of names, a script and a check; the names follow the setup; nothing pasted leaves the page', async ({ page, baseURL }) => {
    const problems = await watchPage(page, baseURL as string);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
    await openTool(page, '/aws-secrets-manager/');
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

    // The script downloads as a file, made in the browser: a few items, so the file is the
    // script the page shows, not shortened.
    const download = page.waitForEvent('download');
    await tool(page).getByRole('button', { name: 'Download migrate-secrets.sh' }).click();
    expect((await download).suggestedFilename()).toBe('migrate-secrets.sh');
    const shown = (await script.textContent()) ?? '';
    expect(shown).not.toContain('not shown on this page');
    await expect(tool(page).locator('[data-migration-shortened]')).toHaveCount(2);
    for (const note of await tool(page).locator('[data-migration-shortened]').all()) await expect(note).toBeHidden();
    expect(await readFile((await (await download).path())!, 'utf8')).toBe(`${normalizeCopiedText(shown)}\n`);

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
    await openTool(page, '/hashicorp-vault/');
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

  test('rows typed by hand: started by the checkbox (pointer or keyboard), planned with the paste, removable; typed values never leave the page', async ({ page, baseURL, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const problems = await watchPage(page, baseURL as string);
    const consoleText: string[] = [];
    page.on('console', (m) => consoleText.push(m.text()));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(`${r.url()} ${r.postData() ?? ''}`));
    await page.goto('/aws-parameter-store/');
    // The page has only the closed tool: its code, which makes the rows, is not there yet.
    await expect(handRows(page)).toHaveCount(0);
    await expect(tool(page)).not.toHaveAttribute('data-migration-started');
    expect(requests.some((r) => /\/migration\.[\w-]+\.js/.test(r))).toBe(false);

    // Opening the tool starts its code; a click on the checkbox right away is kept.
    await tool(page).getByText('Open the migration tool').click();
    await byHand(page).click();
    await expect(byHand(page)).toBeChecked();
    await expect(handRows(page)).toHaveCount(1);
    await expect(handRows(page).first().locator('legend')).toHaveText('Item 1 typed by hand');
    await expect(page.locator('body')).not.toBeFocused();

    const SECRET_VALUE = `it's "typed" $(id) \`x\` $HOME\nline two ✓ 🔑`;
    const SECRET_PASSWORD = 'Typed-P4ss-NEVER-leaves';
    await handField(page, 0, 'Key').fill('typed_var');
    await handField(page, 0, 'Value').fill(SECRET_VALUE);
    await tool(page).getByRole('button', { name: 'Add a variable or connection' }).click();
    await expect(handRows(page)).toHaveCount(2);
    // The new row's key has the focus.
    await expect(handField(page, 1, 'Key')).toBeFocused();
    await handField(page, 1, 'Kind').selectOption('connection');
    await expect(handField(page, 1, 'Value')).toHaveAttribute('placeholder', /postgres:\/\//);
    await handField(page, 1, 'Key').fill('typed_db');
    await handField(page, 1, 'Value').fill(`postgres://report:${SECRET_PASSWORD}@db.example.com:5432/analytics`);
    await tool(page).getByRole('textbox', { name: /^Variables/ }).fill('{"pasted_var": "x"}');

    await expect(tool(page).getByRole('status')).toHaveText('3 items to write.');
    const row = (key: string) => rows(page).filter({ has: page.locator('td:nth-child(2)', { hasText: new RegExp(`^${key}$`) }) });
    await expect(row('typed_var').locator('td').nth(2)).toHaveText('/airflow/variables/typed_var');
    await expect(row('typed_db').locator('td').nth(2)).toHaveText('/airflow/connections/typed_db');
    const script = tool(page).locator('[data-migration-snippet="migrate-secrets"] pre code');
    await expect(script).toContainText("printf '%s' 'it'\\''s \"typed\" $(id) `x` $HOME\nline two ✓ 🔑' | write_secret /airflow/variables/typed_var");
    await expect(script).toContainText(`"password":"${SECRET_PASSWORD}"`);

    // By keyboard: a third row, removed again; the focus goes to the row before it.
    await handField(page, 1, 'Value').focus();
    await page.keyboard.press('Tab');
    await expect(tool(page).getByRole('button', { name: 'Remove item 2' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(tool(page).getByRole('button', { name: 'Add a variable or connection' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(handRows(page)).toHaveCount(3);
    await page.keyboard.type('half_filled');
    await expect(tool(page).getByRole('status')).toHaveText('3 items to write, 1 left out (see Problems).');
    await tool(page).getByRole('button', { name: 'Remove item 3' }).focus();
    await page.keyboard.press('Enter');
    await expect(handRows(page)).toHaveCount(2);
    await expect(handField(page, 1, 'Kind')).toBeFocused();
    await expect(tool(page).getByRole('status')).toHaveText('3 items to write.');
    // Removing the first renumbers the second.
    await tool(page).getByRole('button', { name: 'Remove item 1' }).click();
    await expect(handRows(page)).toHaveCount(1);
    await expect(tool(page).getByRole('button', { name: 'Remove item 1' })).toHaveCount(1);
    await expect(handField(page, 0, 'Key')).toHaveValue('typed_db');
    await expect(tool(page).getByRole('status')).toHaveText('2 items to write.');
    // Unticked, the rows are hidden and not planned; ticked again, they are back.
    await byHand(page).uncheck();
    await expect(tool(page).locator('[data-migration-rows]')).toBeHidden();
    await expect(tool(page).getByRole('status')).toHaveText('1 item to write.');
    await byHand(page).check();
    await expect(tool(page).getByRole('status')).toHaveText('2 items to write.');

    // Axe: the tool with its rows.
    const axe = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).include('[data-migration]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

    // Nothing typed is in the address, storage, a request, the console or the setup's share link.
    await waitHydrated(page);
    await form(page).getByRole('button', { name: 'Copy link to this setup' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    await expect(page.locator('html')).toHaveAttribute('data-setup-saved', '');
    const stored = await page.evaluate(() => JSON.stringify({ local: { ...localStorage }, session: { ...sessionStorage }, url: location.href }));
    for (const secret of [SECRET_PASSWORD, 'line two', 'typed_var', 'typed_db', 'pasted_var']) {
      expect(stored).not.toContain(secret);
      expect(link).not.toContain(secret);
      expect(requests.join('\n')).not.toContain(secret);
      expect(consoleText.join('\n')).not.toContain(secret);
    }
    expect(problems).toEqual({ consoleErrors: [], pageErrors: [], cspViolations: [], foreignRequests: [] });
  });

  test('the by-hand checkbox starts the tool from the keyboard', async ({ page }) => {
    await openTool(page, '/gcp-secret-manager/');
    await tool(page).getByRole('textbox', { name: /^Connections/ }).focus();
    await page.keyboard.press('Tab');
    await expect(byHand(page)).toBeFocused();
    await page.keyboard.press('Space');
    await expect(byHand(page)).toBeChecked();
    await expect(handRows(page)).toHaveCount(1);
    await page.keyboard.press('Tab');
    await expect(handField(page, 0, 'Kind')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.type('from_keys');
    await page.keyboard.press('Tab');
    await page.keyboard.type('value');
    await expect(rows(page).first().locator('td').nth(2)).toHaveText('airflow-variables-from_keys');
  });

  test("an Astro project's airflow_settings.yaml in one box gives its variables and connections, and a note for its pools", async ({ page }) => {
    await openTool(page, '/azure-key-vault/');
    await tool(page)
      .getByRole('textbox', { name: /^Connections/ })
      .fill(
        [
          'airflow:',
          '    connections:',
          '        - conn_id: reporting_db',
          '          conn_type: postgres',
          '          conn_host: db.example.com',
          "          conn_password: 'p@ss''word'",
          '          conn_port: 5432',
          '          conn_extra:',
          '            sslmode: require',
          '    pools:',
          '        - pool_name: etl',
          '          pool_slot: 4',
          '    variables:',
          '        - variable_name: email_list',
          '          variable_value: team@example.com',
          '',
        ].join('\n'),
      );
    await expect(rows(page)).toHaveCount(2);
    await expect(rows(page).nth(0).locator('td').nth(2)).toHaveText('airflow-variables-email-list');
    await expect(rows(page).nth(1).locator('td').nth(2)).toHaveText('airflow-connections-reporting-db');
    await expect(tool(page).getByRole('status')).toContainText('2 items to write.');
    await expect(tool(page).getByRole('status')).toContainText('Connections: airflow_settings.yaml: 1 pool is not moved');
  });

  test('1,000 variables and 1,000 connections: planned after the paste, a shortened table and scripts, the whole scripts copied and downloaded; typing is not held up', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const exports = migrationExports('json');
    await openTool(page, '/aws-secrets-manager/');
    await tool(page).getByRole('textbox', { name: /^Variables/ }).focus();
    await expect(tool(page)).toHaveAttribute('data-migration-started', '');
    await paste(page, 'variables', exports.variables!);
    await paste(page, 'connections', exports.connections!);
    await expect(tool(page).getByRole('status')).toHaveText('2000 items to write.');
    await expect(rows(page)).toHaveCount(200);
    await expect(tool(page).locator('.migrate__more')).toContainText('The table shows 200 of the 2000 items');
    // The page shows the first 200 items of each script, and says how many more they have.
    const scriptFigure = tool(page).locator('[data-migration-snippet="migrate-secrets"]');
    const script = scriptFigure.locator('pre code');
    await expect(script).toContainText('# Writes 1000 variable(s) and 1000 connection(s)');
    const more = /\n# \.\.\. and 1800 more items \(\d+ lines\), not shown on this page: Copy or Download gives the whole script\.\n$/;
    await expect(script).toHaveText(more);
    const shown = (await script.textContent())!;
    const checkFigure = tool(page).locator('[data-migration-snippet="migrate-check"]');
    for (const figure of [scriptFigure, checkFigure]) {
      await expect(figure.locator('[data-migration-shortened]')).toHaveText('Shortened on this page to its first 200 items: Copy and Download give the whole script.');
      await expect(figure.locator('[data-migration-shortened]')).toBeVisible();
    }
    const axe = await new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).include('[data-migration-snippet]').analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    const commands = (text: string) => text.match(/ \| write_secret airflow\//g)?.length ?? 0;
    expect(commands(shown)).toBe(200);
    await expect(checkFigure.locator('pre code')).toContainText('    # ... and 800 more variables, not shown on this page');
    await expect(checkFigure.locator('pre code')).toContainText('    # ... and 1000 more connections, not shown on this page');

    // Copy and Download give the whole script.
    const lastConnection = Object.keys(JSON.parse(exports.connections!)).pop()!;
    const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
    await scriptFigure.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(clipboard).toContain(`write_secret airflow/connections/${lastConnection}`);
    const copied = await clipboard();
    expect(commands(copied)).toBe(2000);
    expect(copied.endsWith(`| write_secret airflow/connections/${lastConnection}`)).toBe(true);
    expect(copied).not.toContain('not shown on this page');
    expect(copied.startsWith(normalizeCopiedText(shown.replace(more, '')))).toBe(true);
    expect(shown.length).toBeLessThan(copied.length / 4);
    const download = page.waitForEvent('download');
    await scriptFigure.getByRole('button', { name: 'Download migrate-secrets.sh' }).click();
    expect(await readFile((await (await download).path())!, 'utf8')).toBe(`${copied}\n`);
    await checkFigure.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(clipboard).toContain(`    "${lastConnection}",\n]`);
    expect(await clipboard()).not.toContain('not shown on this page');

    // Typing in the big paste box: no plan runs between the first and the last key (a plan of
    // 2,000 items, with its table and script, waits for a pause in the typing), then one does.
    // (Counted, not timed: long tasks depend on the machine's load.)
    await page.evaluate(() => {
      const box = document.getElementById('migrate-variables') as HTMLTextAreaElement;
      box.focus();
      // Inside the first key: {, a line break, four spaces, the quote.
      box.setSelectionRange(7, 7);
    });
    const plans = () => tool(page).getAttribute('data-migration-plans');
    const before = await plans();
    await page.keyboard.type('renamed_', { delay: 40 });
    expect(await plans()).toBe(before);
    await expect(tool(page).getByRole('status')).toHaveText('2000 items to write.');
    await expect(rows(page).first().locator('td').nth(1)).toHaveText(/^renamed_/);
    await expect(script).toContainText('# variable "renamed_');
    expect(Number(await plans())).toBeGreaterThan(Number(before));

    // Every row on request.
    await tool(page).getByRole('button', { name: 'Show all 2000 items' }).click();
    await expect(rows(page)).toHaveCount(2000);
    await expect(tool(page).locator('.migrate__more')).toHaveCount(0);
  });
});
