/**
 * The five guides with their live part: the setup form personalizes every snippet for
 * every platform and auth method, the right steps show, problems show next to fields,
 * copy and download give the current text, the page works without JavaScript, and axe
 * finds nothing with the form filled or showing errors.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  GUIDES,
  builder,
  choose,
  combos,
  expectedCode,
  fieldInput,
  fillFields,
  fillWholeSetup,
  form,
  liveSnippets,
  sampleValue,
  textFields,
  waitHydrated,
  waitLive,
  waitSettled,
} from './guide-helpers';
import { expectNoProblems, watchPage } from './site-helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

const axe = (page: Page) =>
  new AxeBuilder({ page: page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'] }).withTags([
    'wcag2a',
    'wcag2aa',
    'wcag21a',
    'wcag21aa',
    'best-practice',
  ]);

const PLATFORM_LABELS = { astro: 'Astro', 'remote-execution': 'Remote Execution', software: 'Astronomer Software' } as const;

/** Reads a single-quoted shell or Dockerfile word ('...' with '\'' for a quote). */
function shellSingleQuoted(word: string): string {
  let out = '';
  const re = /'([^']*)'|\\(.)/gy;
  let m: RegExpExecArray | null;
  while ((m = re.exec(word))) out += m[1] ?? m[2] ?? '';
  if (re.lastIndex !== word.length && out === '') throw new Error(`not a quoted word: ${word}`);
  return out;
}

/** Reads a single-quoted YAML scalar ('' is a quote). */
function yamlSingleQuoted(value: string): string {
  if (!value.startsWith("'") || !value.endsWith("'")) throw new Error(`not single-quoted: ${value}`);
  return value.slice(1, -1).replace(/''/g, "'");
}

/** Reads a single-quoted python-dotenv value (\\ and \' are the escapes; ${:-$} is a literal $). */
function dotenvSingleQuoted(value: string): string {
  if (!value.startsWith("'") || !value.endsWith("'")) throw new Error(`not single-quoted: ${value}`);
  return value
    .slice(1, -1)
    .replace(/\\([\\'])/g, '$1')
    .replace(/\$\{:-\$\}/g, '$')
    .replace(/\$\{:-\}/g, '');
}

function allStrings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(allStrings);
  if (v && typeof v === 'object') return Object.values(v).flatMap(allStrings);
  return [];
}

for (const guide of GUIDES) {
  test.describe(guide.path, () => {
    for (const { platform, authMethod } of combos(guide.provider)) {
      test(`${platform} / ${authMethod}: every snippet shows the values, correctly quoted, and only the right steps show`, async ({ page, baseURL }) => {
        const problems = await watchPage(page, baseURL as string);
        await page.goto(guide.path);
        await choose(page, platform, authMethod);
        const values: Record<string, string> = {};
        for (const f of textFields(guide.provider, platform, authMethod)) {
          const v = sampleValue(guide.provider, f.name);
          if (v !== undefined) values[f.name] = v;
        }
        await fillFields(page, values);
        await waitLive(page);

        // The tabs follow the form.
        await expect(page.locator('[data-tabs="platform"]').first().locator(':scope > .tabs__list [aria-selected="true"]')).toHaveText(
          PLATFORM_LABELS[platform],
        );
        // No problem is reported for valid values.
        await expect(page.locator('.sf-msg--error:visible')).toHaveCount(0);

        // What a closed disclosure holds (the JSON form of the connection, an alternative) counts as shown once opened.
        await page.locator('details.disclosure').evaluateAll((ds) => {
          for (const d of ds as HTMLDetailsElement[]) if (d.checkVisibility()) d.open = true;
        });
        const snippets = await liveSnippets(page);
        let shown = 0;
        for (const s of snippets) {
          const expected = expectedCode(guide.provider, s, { platform, authMethod }, values);
          const pinsMatch =
            (!s.pins.platform || s.pins.platform === platform) &&
            (!s.pins.authMethod || s.pins.authMethod === authMethod) &&
            (!s.pins.airflowVersion || s.pins.airflowVersion === '3');
          expect(s.visible, `${s.id} ${JSON.stringify(s.pins)} visible`).toBe(pinsMatch && expected !== undefined);
          if (!s.visible) continue;
          shown += 1;
          expect(s.text, `${s.id} ${JSON.stringify(s.pins)}`).toBe(expected);
          expect(s.text, `${s.id} still has a placeholder`).not.toContain('<your-');
        }
        expect(shown).toBeGreaterThan(8);
        for (const code of await page.locator('code[data-lookup], [data-lookup-form]').allTextContents()) expect(code).not.toContain('<your-');

        // The kwargs survive every layer of quoting: read them back the way Airflow would, from
        // the .env file, the Dockerfile or the agents' values.yaml.
        const lines = snippets.filter((s) => s.visible && ['env-file', 'dockerfile', 'values-yaml'].includes(s.id)).flatMap((s) => s.text.split('\n'));
        const envLine = lines.find((l) => l.includes('AIRFLOW__SECRETS__BACKEND_KWARGS='));
        const yamlAt = lines.findIndex((l) => l.includes('name: AIRFLOW__SECRETS__BACKEND_KWARGS'));
        let json: string;
        if (envLine) {
          const raw = envLine.slice(envLine.indexOf('=') + 1);
          json = envLine.startsWith('ENV ') ? shellSingleQuoted(raw) : dotenvSingleQuoted(raw);
        } else {
          expect(yamlAt, 'a visible .env, Dockerfile or values.yaml with the kwargs').toBeGreaterThanOrEqual(0);
          json = yamlSingleQuoted((lines[yamlAt + 1] ?? '').replace(/^\s*value:\s*/, ''));
        }
        const kwargs = JSON.parse(json) as Record<string, unknown>;
        const strings = allStrings(kwargs);
        for (const s of strings) expect(s).not.toContain('<your-');
        for (const name of ['vaultUrl', 'secretId', 'clientSecret', 'secretAccessKey', 'projectId', 'region', 'roleArn', 'namespace']) {
          if (values[name] && guide.provider !== 'aws-parameter-store' && name === 'roleArn' && platform !== 'astro') continue;
          if (values[name] && JSON.stringify(expectedCode(guide.provider, { id: 'backend-kwargs', pins: {} }, { platform, authMethod }, values)).includes(JSON.stringify(values[name]).slice(1, -1))) {
            expect(strings, `${name} in the kwargs`).toContain(values[name]);
          }
        }
        if (values.keyfileJson) expect((kwargs.gcp_keyfile_dict as Record<string, unknown>).private_key).toBe(JSON.parse(values.keyfileJson).private_key);
        expectNoProblems(problems);
      });
    }

    test('the Airflow version choice switches the example DAG, in the form and in the tabs', async ({ page }) => {
      await page.goto(guide.path);
      await fillFields(page, { variableKey: 'my_var', connectionId: 'my_db' });
      const af2 = form(page).locator('input[name="airflowVersion"][value="2"]');
      await af2.check();
      const group = page.locator('[data-tabs="airflowVersion"]').first();
      await expect(group.locator(':scope > .tabs__list [aria-selected="true"]')).toHaveText('Airflow 2');
      const dag = group.locator('[data-live-snippet="example-dag"]:visible');
      await expect(dag).toHaveCount(1);
      const expected = expectedCode(guide.provider, { id: 'example-dag', pins: { airflowVersion: '2' } }, { platform: 'astro', authMethod: '' }, {
        variableKey: 'my_var',
        connectionId: 'my_db',
      });
      await expect(dag.locator('figure:visible pre code')).toHaveText(expected as string);
      // And back from the tabs to the form.
      await group.getByRole('tab', { name: 'Airflow 3' }).click();
      // The tab took the click (a failure here and not below would mean the click was lost, not the form).
      await expect(group.locator(':scope > .tabs__list [aria-selected="true"]')).toHaveText('Airflow 3');
      await expect(af2).not.toBeChecked();
      await expect(form(page).locator('input[name="airflowVersion"][value="3"]')).toBeChecked();
    });

    test('invalid values show a message next to their field, and axe finds nothing', async ({ page }) => {
      await page.goto(guide.path);
      const bad: Record<string, string> = { deploymentId: 'ABC', variableKey: 'x'.repeat(260), connPort: '99999', connExtra: '{not json' };
      await fillFields(page, bad);
      await waitLive(page);
      for (const name of Object.keys(bad)) {
        const input = fieldInput(page, name);
        await expect(input, name).toHaveAttribute('aria-invalid', 'true');
        const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(' ');
        const message = page.locator(`[id="${ids.find((id) => id.endsWith('-msg'))}"]`);
        await expect(message, name).toBeVisible();
        await expect(message, name).toContainText('Error');
        // The message sits with its field.
        await expect(message.locator('xpath=..')).toContainText((await page.locator(`label[for="${await input.getAttribute('id')}"]`).innerText()).trim());
      }
      const results = await axe(page).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
      // Fixing a value removes its message.
      await fillFields(page, { deploymentId: 'cl03oiq7d80402nwn7fsl3dmv' });
      await expect(fieldInput(page, 'deploymentId')).not.toHaveAttribute('aria-invalid', 'true');
    });

    test('axe finds nothing with the form filled, secrets shown, and the optional part open', async ({ page }) => {
      await page.goto(guide.path);
      await fillWholeSetup(page, guide.provider);
      await form(page).getByRole('button', { name: /^Show/ }).first().click();
      await builder(page).locator('details.cb-paste > summary').click();
      const results = await axe(page).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  });
}

test('copy and download give the current text, with the right file name, and send nothing', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  const requests: string[] = [];
  await page.goto('/hashicorp-vault/');
  const values = { vaultUrl: 'https://vault.example.com:8200', roleId: 'role-1', secretId: "it's secret", variableKey: 'my_var' };
  await fillFields(page, values);
  await waitLive(page);
  page.on('request', (r) => requests.push(r.url()));
  const expected = expectedCode('hashicorp-vault', { id: 'env-file', pins: { platform: 'astro', authMethod: 'approle' } }, { platform: 'astro', authMethod: 'approle' }, values) as string;
  const env = page.locator('[data-live-snippet="env-file"]:visible figure:visible');
  await env.getByRole('button', { name: 'Copy' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected.replace(/\n+$/, ''));
  // The link the page makes names the file .env (browsers may drop the leading dot when saving).
  await page.evaluate(() => {
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function () {
      (window as unknown as { __downloads: string[] }).__downloads = [...((window as unknown as { __downloads?: string[] }).__downloads ?? []), this.download];
      click.call(this);
    };
  });
  const [download] = await Promise.all([page.waitForEvent('download'), env.getByRole('button', { name: 'Download .env' }).click()]);
  expect(await page.evaluate(() => (window as unknown as { __downloads: string[] }).__downloads)).toEqual(['.env']);
  expect(['.env', 'env']).toContain(download.suggestedFilename());
  await expect(page.locator('#live-status')).toHaveText('Downloaded .env. If it was saved as env, rename it to .env.');
  // Seen, not only announced.
  await expect(env.locator('[data-download-note]')).toHaveText('Downloaded .env. If it was saved as env, rename it to .env.');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path, 'utf8')).toBe(expected);
  // The DAG downloads under its own name.
  const dag = page.locator('[data-live-snippet="example-dag"]:visible figure:visible');
  const [d2] = await Promise.all([page.waitForEvent('download'), dag.getByRole('button', { name: /^Download/ }).click()]);
  expect(d2.suggestedFilename()).toBe('example_secrets_dag.py');
  await expect(page.locator('#live-status')).toHaveText('Downloaded example_secrets_dag.py');
  // Copying and downloading sent nothing: the only requests are the page's own code and data
  // (the copy check's module; the browser may fetch the icon for its download list), none with
  // a value of the setup, and the secret never left the page.
  const sent = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && !u.endsWith('/favicon.svg'));
  for (const u of sent) expect(new URL(u).pathname).toMatch(/^\/(_astro\/[\w.-]+\.(js|css)|setup-config\/hashicorp-vault\.json)$/);
  for (const u of sent) expect(new URL(u).search).toBe('');
  expectNoProblems(problems);
});

test('the policy file name follows the policy name', async ({ page }) => {
  await page.goto('/hashicorp-vault/');
  await fillFields(page, { policyName: 'team-read' });
  const policy = page.locator('[data-live-snippet="vault-policy"] figure:visible');
  await expect(policy.locator('.code-block__filename')).toHaveText('team-read.hcl');
  await expect(policy.getByRole('button', { name: 'Download team-read.hcl' })).toBeVisible();
});

test('parts of a file are copied, not downloaded, and the formatted kwargs are for reading only', async ({ page }) => {
  await page.goto('/azure-key-vault/');
  await choose(page, 'remote-execution');
  const values = page.locator('[data-live-snippet="values-yaml"] figure:visible');
  await expect(values.locator('.code-block__title')).toHaveText("Add these keys to the agents' values.yaml");
  await expect(values.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(values.getByRole('button', { name: /^Download/ })).toHaveCount(0);
  await expect(page.locator('[data-live-snippet="helm-upgrade"] figure:visible')).toContainText('-f values.yaml');
  const requirements = page.locator('[data-live-snippet="requirements"] figure:visible');
  await expect(requirements.getByRole('button', { name: /^Download/ })).toHaveCount(0);
  const kwargs = page.locator('[data-live-snippet="backend-kwargs"] figure:visible');
  await expect(kwargs).toContainText('"vault_url"');
  await expect(kwargs.getByRole('button')).toHaveCount(0);
  // The caption bar spans the figure when no button follows it.
  const [caption, figure] = await Promise.all([kwargs.locator('figcaption').boundingBox(), kwargs.boundingBox()]);
  expect(Math.abs((caption?.width ?? 0) - (figure?.width ?? 0))).toBeLessThan(3);
});

test('a button pressed in the connection builder before it is live is done once it is', async ({ page }) => {
  await page.goto('/aws-secrets-manager/');
  await page.waitForLoadState('networkidle');
  // Hold back the page code and the islands, as a slow connection would.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/_astro\/.*\.js$|\/setup-config\//, async (route) => {
    await gate;
    await route.continue();
  });
  const b = builder(page);
  await b.locator('details.cb-paste > summary').click();
  await b.getByLabel('Connection URI').fill('mysql://admin@db.internal:3306/shop');
  await b.getByRole('button', { name: 'Fill the fields' }).click();
  await expect(page.locator('html')).not.toHaveAttribute('data-islands', 'hydrated');
  await expect(b.locator('[name="connType"]')).toHaveValue('');
  release();
  await expect(b.locator('[name="connType"]')).toHaveValue('mysql');
  await expect(b.locator('[name="connHost"]')).toHaveValue('db.internal');
  await expect(b.getByLabel('Connection URI')).toHaveValue('');
});

test('the connection builder parses a pasted URI into the fields, and reports a bad one', async ({ page }) => {
  await page.goto('/aws-secrets-manager/');
  const b = builder(page);
  await b.locator('details.cb-paste > summary').click();
  const uri = b.getByLabel('Connection URI');
  await uri.fill('mysql://admin:p%40ss%2Fw0rd@db.internal:3306/shop?charset=utf8&ssl=true');
  await b.getByRole('button', { name: 'Fill the fields' }).click();
  await expect(b.locator('[name="connType"]')).toHaveValue('mysql');
  await expect(b.locator('[name="connLogin"]')).toHaveValue('admin');
  await expect(b.locator('[name="connPassword"]')).toHaveValue('p@ss/w0rd');
  await expect(b.locator('[name="connHost"]')).toHaveValue('db.internal');
  // The port, schema and extra section opens: it has values now.
  await expect(b.locator('[name="connPort"]')).toBeVisible();
  await expect(b.locator('[name="connPort"]')).toHaveValue('3306');
  await expect(b.locator('[name="connSchema"]')).toHaveValue('shop');
  expect(JSON.parse(await b.locator('[name="connExtra"]').inputValue())).toEqual({ charset: 'utf8', ssl: 'true' });
  await expect(uri).toHaveValue('');
  await waitLive(page);
  const values = { connType: 'mysql', connLogin: 'admin', connPassword: 'p@ss/w0rd', connHost: 'db.internal', connPort: '3306', connSchema: 'shop', connExtra: await b.locator('[name="connExtra"]').inputValue() };
  const shown = page.locator('[data-live-snippet="connection-uri"] figure:visible pre code');
  await expect(shown).toHaveText(expectedCode('aws-secrets-manager', { id: 'connection-uri', pins: {} }, { platform: 'astro', authMethod: 'role' }, values) as string);
  // A URI Airflow cannot read is refused with a message, and the fields stay as they were.
  await uri.fill('not a uri');
  await uri.press('Enter');
  await expect(uri).toHaveAttribute('aria-invalid', 'true');
  await expect(b.locator('#cb-uri-msg')).toContainText('starts with the connection type');
  await uri.fill('postgres://u@h:abc/db');
  await b.getByRole('button', { name: 'Fill the fields' }).click();
  await expect(b.locator('#cb-uri-msg')).toContainText('not a connection URI Airflow can read');
  await expect(b.locator('#cb-uri-msg')).toContainText('abc');
  await expect(b.locator('[name="connHost"]')).toHaveValue('db.internal');
});

test('a closed disclosure opens from the keyboard and shows the current setup: the JSON form of the connection, the changes since older versions', async ({ page }) => {
  await page.goto('/aws-secrets-manager/');
  const values = { connHost: 'db.internal', connLogin: 'admin' };
  await fillFields(page, values);
  await waitLive(page);
  const json = page.locator('details.disclosure', { has: page.locator('[data-live-snippet="connection-json"]') });
  await expect(json).not.toHaveAttribute('open', '');
  await expect(json.locator('[data-live-snippet="connection-json"]')).toBeHidden();
  await json.locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(json).toHaveAttribute('open', '');
  await expect(json.locator('[data-live-snippet="connection-json"] figure:visible pre code')).toHaveText(
    expectedCode('aws-secrets-manager', { id: 'connection-json', pins: {} }, { platform: 'astro', authMethod: 'role' }, values) as string,
  );
  // Each change since an older version is one closed line until opened.
  const changes = page.locator('#coming-from-an-older-version-of-this-guide').locator('xpath=ancestor::section[1]').locator('details.disclosure');
  expect(await changes.count()).toBeGreaterThan(2);
  for (const d of await changes.all()) await expect(d.locator('.disclosure__body')).toBeHidden();
  await changes.first().locator('summary').click();
  await expect(changes.first().locator('.disclosure__body')).toBeVisible();
  await expect(changes.first().locator('.disclosure__body a[href^="#step-"]')).toBeVisible();
});

test('the form never submits: Enter in a field keeps the page', async ({ page }) => {
  await page.goto('/gcp-secret-manager/');
  await page.evaluate(() => ((window as unknown as { __stay: number }).__stay = 1));
  await fieldInput(page, 'projectId').fill('my-project-123');
  await fieldInput(page, 'projectId').press('Enter');
  await fieldInput(page, 'connHost').fill('db');
  await fieldInput(page, 'connHost').press('Enter');
  expect(await page.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);
  await expect(form(page)).not.toHaveAttribute('action', /.+/);
});

test('the setup, the islands and their props load when the reader reaches for the form, not at load; the plain form works before that', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/hashicorp-vault/');
  await page.waitForLoadState('networkidle');
  await expect(page.locator('html')).not.toHaveAttribute('data-setup-active');
  await expect(page.locator('html')).not.toHaveAttribute('data-islands');
  // At load: the page's own small script only; no setup, signals, Preact, island or props.
  expect(requested.filter((p) => /setup|signals|Island|preact|\.json$/i.test(p))).toEqual([]);
  expect(await page.locator('[data-island]').count()).toBe(2);
  expect(await page.locator('astro-island').count()).toBe(0);
  // Enter in the plain form does not submit it (the values would end up in the URL).
  await page.evaluate(() => ((window as unknown as { __stay: number }).__stay = 1));
  await form(page).locator('input[name="platform"][value="software"]').dispatchEvent('click');
  await fieldInput(page, 'variableKey').evaluate((el: HTMLInputElement) => {
    el.value = 'before_islands';
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.form?.requestSubmit();
  });
  expect(await page.evaluate(() => (window as unknown as { __stay?: number }).__stay)).toBe(1);
  await expect(page).toHaveURL(/[?&]variableKey=before_islands(&|$)/);
  await expect(page).toHaveURL(/[?&]platform=software(&|$)/);
  // The edit made the page need its islands: they hydrate and show the same setup.
  await expect(page.locator('html')).toHaveAttribute('data-setup-active', '');
  await expect(page.locator('html')).toHaveAttribute('data-islands', 'hydrated');
  expect(requested).toContain('/setup-config/hashicorp-vault.json');
  await expect(fieldInput(page, 'variableKey')).toHaveValue('before_islands');
  await expect(form(page).locator('input[name="platform"][value="software"]')).toBeChecked();
  await expect(form(page).locator('code[data-lookup-form="variableKey"]')).toHaveText(/before_islands$/);
});

/** What the visible live snippets' code is made of: highlighted pool lines, or plain text and bare slots. */
async function snippetCodeParts(page: Page) {
  await waitSettled(page);
  return page.locator('[data-live-snippet]:visible figure:visible pre code').evaluateAll((codes) =>
    codes.map((code) => ({
      poolLines: code.querySelectorAll(':scope > [data-line]').length,
      tokens: code.querySelectorAll(':scope > [data-line] [class^="sl-"]').length,
      looseText: Array.from(code.childNodes).filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim()).length,
    })),
  );
}

test('the line pools load with the live code, not with the page, and new layouts are built from them', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto('/aws-parameter-store/');
  await page.waitForLoadState('networkidle');
  expect(requested.filter((p) => p.includes('line-pools'))).toEqual([]);
  const pools = await page.evaluate(() => Array.from(document.querySelectorAll('template[data-line-pool]'), (t) => t.innerHTML));
  expect(pools.length).toBeGreaterThan(0);
  expect(pools.every((p) => p === '')).toBe(true);
  // Every field filled gives several snippets a layout the page did not render: built from the pools.
  await fillWholeSetup(page, 'aws-parameter-store');
  await waitLive(page);
  expect(requested.filter((p) => /^\/_astro\/line-pools\.[\w-]+\.json$/.test(p))).toHaveLength(1);
  const rebuilt = (await snippetCodeParts(page)).filter((p) => p.poolLines > 0);
  expect(rebuilt.length).toBeGreaterThan(0);
  for (const p of rebuilt) {
    expect(p.looseText).toBe(0);
    expect(p.tokens).toBeGreaterThan(0);
  }
});

test('without the line pools file the snippets still follow the setup, as plain text', async ({ page }) => {
  await page.route('**/_astro/line-pools.*.json', (route) => route.abort());
  await page.goto('/aws-parameter-store/');
  const { platform, authMethod, values } = await fillWholeSetup(page, 'aws-parameter-store');
  await waitLive(page);
  const parts = await snippetCodeParts(page);
  expect(parts.every((p) => p.poolLines === 0)).toBe(true);
  expect(parts.some((p) => p.looseText > 0)).toBe(true);
  const dag = page.locator('[data-live-snippet="example-dag"]:visible figure:visible pre code').first();
  await expect(dag).toHaveText(expectedCode('aws-parameter-store', { id: 'example-dag', pins: {} }, { platform, authMethod }, values) as string);
});

test('a link with values hydrates the form at once', async ({ page }) => {
  await page.goto('/hashicorp-vault/?variableKey=from_link');
  await expect(page.locator('html')).toHaveAttribute('data-islands', 'hydrated');
  await expect(fieldInput(page, 'variableKey')).toHaveValue('from_link');
});

test('a choice and typing made before the form hydrates are kept and applied to the page', async ({ page }) => {
  // Hold the bundled scripts back, as a slow connection would, while the reader starts.
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/_astro/*.js', async (route) => {
    await gate;
    await route.continue();
  });
  // The document is parsed, but its module scripts (and so DOMContentLoaded) wait.
  await page.goto('/aws-parameter-store/', { waitUntil: 'commit' });
  await expect(form(page).locator('.sf-actions')).toBeAttached();
  await expect(page.locator('html')).not.toHaveAttribute('data-islands', 'hydrated');
  await form(page).locator('input[name="platform"][value="software"]').check();
  await fieldInput(page, 'variableKey').fill('typed_early');
  // Extra sits in the builder's closed "port, schema and extra" section.
  await builder(page).locator('details.sf-more > summary').click();
  await builder(page).locator('textarea[name="connExtra"]').fill('{"sslmode": "require"}');
  release();
  // The page's module scripts have run once the document is loaded: only then does reaching
  // for the form (a single pointer event) find their listeners.
  await page.waitForLoadState('domcontentloaded');
  await waitHydrated(page);
  await waitLive(page);
  await expect(form(page).locator('input[name="platform"][value="software"]')).toBeChecked();
  await expect(fieldInput(page, 'variableKey')).toHaveValue('typed_early');
  // Hydration empties a textarea: its text comes back from what the page recorded.
  await expect(builder(page).locator('textarea[name="connExtra"]')).toHaveValue('{"sslmode": "require"}');
  await expect
    .poll(async () => (await liveSnippets(page)).find((x) => x.id === 'connection-uri' && x.visible)?.text)
    .toContain('?sslmode=require');
  await expect(form(page).locator('code[data-lookup-form="variableKey"]')).toHaveText('/airflow/variables/typed_early');
  await expect
    .poll(async () => (await liveSnippets(page)).filter((x) => x.id === 'example-dag' && x.visible).map((x) => x.text.includes('Variable.get("typed_early",')))
    .toEqual([true]);
  await expect(page).toHaveURL(/[?&]platform=software(&|$)/);
  await expect(page).toHaveURL(/[?&]variableKey=typed_early(&|$)/);
  await expect(page.locator('[role="tab"][data-tab-value="software"]').first()).toHaveAttribute('aria-selected', 'true');
});

test('a snippet in view shows each keystroke in the next frame', async ({ page }) => {
  await page.goto('/aws-parameter-store/');
  await waitHydrated(page);
  const host = builder(page).locator('[name="connHost"]');
  await host.focus();
  await waitLive(page);
  // A tall window, the host field at the top: the URI snippet under the builder is in view.
  await page.setViewportSize({ width: 1280, height: 1400 });
  await host.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  const inView = (selector: string) =>
    page.locator(selector).first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight;
    });
  expect(await inView('form[data-connection-builder] [name="connHost"]')).toBe(true);
  expect(await inView('[data-live-snippet="connection-uri"]')).toBe(true);
  // In the first animation frame after each input event, record what the URI snippet shows.
  await page.evaluate(() => {
    const shown = (id: string) => {
      const root = [...document.querySelectorAll(`[data-live-snippet="${id}"]`)].find((el) => el.checkVisibility());
      const fig = [...(root?.querySelectorAll(':scope > figure') ?? [])].find((f) => f.checkVisibility());
      return fig?.querySelector('pre code')?.textContent ?? '';
    };
    const w = window as unknown as { __frames: { value: string; uri: string }[] };
    w.__frames = [];
    document.addEventListener(
      'input',
      (event) => {
        const value = (event.target as HTMLInputElement).value;
        requestAnimationFrame(() => w.__frames.push({ value, uri: shown('connection-uri') }));
      },
      true,
    );
  });
  await page.keyboard.type('db.internal', { delay: 30 });
  const frames = await page.evaluate(() => (window as unknown as { __frames: { value: string; uri: string }[] }).__frames);
  expect(frames).toHaveLength('db.internal'.length);
  for (const f of frames) expect(f.uri, `in view, typed "${f.value}"`).toContain(`://${f.value}`);
  // The command that stores it follows.
  await expect.poll(async () => (await liveSnippets(page)).find((x) => x.id === 'write-connection' && x.visible)?.text).toContain('://db.internal');
});

test('the live code loads when a field gets the focus, before the first keystroke', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  await page.goto('/aws-secrets-manager/');
  await waitHydrated(page);
  await page.waitForLoadState('networkidle');
  const atLoad = scripts.length;
  await expect(page.locator('html')).not.toHaveClass(/setup-live/);
  await fieldInput(page, 'variableKey').focus();
  await waitLive(page);
  expect(scripts.length).toBeGreaterThan(atLoad);
  await expect(fieldInput(page, 'variableKey')).toHaveValue('');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  for (const guide of GUIDES) {
    test(`${guide.path}: every step and tab panel shows, with placeholders; the form is replaced by a note`, async ({ page }) => {
      await page.goto(guide.path);
      await expect(form(page)).toBeHidden();
      await expect(builder(page)).toBeHidden();
      await expect(page.locator('.setup-nojs').first()).toBeVisible();
      await expect(page.locator('.setup-nojs').first()).toContainText('needs JavaScript');
      for (const panel of await page.locator('[role="tabpanel"], .tabs__panel').all()) await expect(panel).toBeVisible();
      // Disclosures open without scripts too.
      for (const summary of await page.locator('details.disclosure > summary').all()) await summary.click();
      const wrappers = page.locator('[data-live-snippet]');
      const n = await wrappers.count();
      expect(n).toBeGreaterThan(10);
      for (let i = 0; i < n; i += 1) {
        const figures = wrappers.nth(i).locator(':scope > figure');
        await expect(figures.filter({ visible: true })).toHaveCount(1);
        await expect(figures.filter({ visible: true })).toHaveAttribute('data-default', '');
      }
      await expect(page.locator('[data-live-snippet="write-variable"] figure[data-default] code')).toContainText('<your-variable-key>');
      for (const h of ['Step 1', 'Step 2', 'Step 3', 'Step 4', 'Step 5', 'Step 6']) {
        await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${h}:`) })).toBeVisible();
      }
    });
  }
});
