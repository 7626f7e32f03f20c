/**
 * Prefilled links, remembered values and secrets (issue 5): a copied link reproduces the
 * setup in a fresh browser; secrets never reach the URL, history, storage, cookies or any
 * request; a secret arriving in a link is dropped and stripped; remembered values carry
 * across guides until cleared; malformed and hostile links are inert.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import {
  GUIDES,
  SECRETS,
  builder,
  choose,
  combos,
  fieldDefault,
  fieldInput,
  fillFields,
  fillWholeSetup,
  form,
  visibleSnippetTexts,
  textFields,
  waitLive,
  waitSaved,
} from './guide-helpers';
import { expectNoProblems, watchPage } from './site-helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

for (const guide of GUIDES) {
  test(`${guide.path}: a copied link opens the same setup in a fresh browser, without its secrets`, async ({ page, browser, baseURL }) => {
    await page.goto(guide.path);
    const { platform, authMethod, values } = await fillWholeSetup(page, guide.provider);
    await waitLive(page);
    await form(page).getByRole('button', { name: 'Copy link to this setup' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const status = form(page).getByRole('status');
    await expect(status).toContainText('Link copied.');
    await expect(status).toContainText('Left out because they are secret');
    await expect(status).toContainText('Variable value');
    expect(link).toBe(page.url());
    const params = new URL(link).searchParams;
    expect(params.get('platform')).toBe(platform);
    expect(params.get('authMethod')).toBe(authMethod);
    for (const s of SECRETS) expect(params.has(s)).toBe(false);

    // The teammate's page equals this one once the secrets are taken out of it.
    await fillFields(page, Object.fromEntries(Object.keys(values).filter((n) => SECRETS.includes(n)).map((n) => [n, ''])));
    const context = await browser.newContext({ baseURL });
    const other = await context.newPage();
    const problems = await watchPage(other, baseURL as string);
    await other.goto(link);
    await waitLive(other);
    const mine = await visibleSnippetTexts(page);
    expect(mine.length).toBeGreaterThan(8);
    expect(await visibleSnippetTexts(other)).toEqual(mine);
    for (const [name, value] of Object.entries(values)) {
      // Secrets stay behind; a value equal to its default is left out of the link (same snippets).
      const expected = SECRETS.includes(name) || value === fieldDefault(guide.provider, name) ? '' : value;
      await expect(fieldInput(other, name), name).toHaveValue(expected);
    }
    await expect(other.locator('[data-tabs="platform"]').first().locator(':scope > .tabs__list [aria-selected="true"]')).toHaveAttribute(
      'data-tab-value',
      platform,
    );
    expectNoProblems(problems);
    await context.close();
  });
}

/** Every stored or addressable trace of the page: URL, history state, storages, cookies. */
async function traces(page: Page, context: BrowserContext): Promise<string> {
  const inPage = await page.evaluate(() => {
    const dump = (s: Storage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`).join('\n');
    return [location.href, JSON.stringify(history.state), String(history.length), dump(localStorage), dump(sessionStorage), document.cookie].join('\n');
  });
  const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('\n');
  return `${inPage}\n${cookies}`;
}

for (const guide of GUIDES) {
  test(`${guide.path}: secrets typed into every secret field never leave the page`, async ({ page, context, baseURL }) => {
    const problems = await watchPage(page, baseURL as string);
    const requests: string[] = [];
    context.on('request', (r) => requests.push([r.method(), r.url(), r.postData() ?? '', JSON.stringify(r.headers())].join(' ')));
    await page.goto(guide.path);
    const markers: string[] = [];
    for (const { platform, authMethod } of combos(guide.provider)) {
      await choose(page, platform, authMethod);
      const values: Record<string, string> = { variableKey: `key-${platform}` };
      for (const f of textFields(guide.provider, platform, authMethod)) {
        if (!f.secret) continue;
        const marker = `Zq${f.name}Secret${markers.length}x`;
        markers.push(marker);
        values[f.name] = f.name === 'keyfileJson' ? JSON.stringify({ type: 'service_account', private_key: marker, client_email: 'a@b.iam.gserviceaccount.com' }) : marker;
      }
      await fillFields(page, values);
      await waitLive(page);
      // The secrets are used on the page (so this test would see a leak).
      // Snippets out of view follow a moment after the ones in view.
      const shown = async () => (await page.locator('[data-live-snippet] figure:visible pre code').allTextContents()).join('\n');
      for (const m of markers.slice(-Object.keys(values).length + 1)) await expect.poll(shown, { message: `${m} on the page` }).toContain(m);
      for (const el of await page.locator('[data-secret]:visible').all()) expect(await el.getAttribute('type') ?? 'textarea').not.toBe('text');
    }
    // Let every delayed write happen, copy the link, then leave the page and come back.
    await waitSaved(page);
    await form(page).getByRole('button', { name: 'Copy link to this setup' }).click();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    const before = await traces(page, context);
    await page.goto('/');
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(`${guide.path}(\\?|#|$)`));
    // The way back may be restored from the back-forward cache after goBack() returns,
    // which replaces the page's context: read again until one read completes.
    let after = '';
    await expect(async () => {
      after = await traces(page, context);
    }).toPass();
    for (const m of markers) {
      expect(link, 'copied link').not.toContain(m);
      expect(before, 'URL, history, storage, cookies').not.toContain(m);
      expect(after, 'after leaving the page').not.toContain(m);
      for (const r of requests) expect(r, 'request').not.toContain(m);
    }
    expect(markers.length).toBeGreaterThan(1);
    expectNoProblems(problems);
  });
}

test('secrets arriving in a link are ignored, stripped from the address bar, and the reader is told', async ({ context, baseURL }) => {
  for (const guide of GUIDES) {
    const page = await context.newPage();
    await page.addInitScript(() => ((window as unknown as { __historyAtStart: number }).__historyAtStart = history.length));
    const problems = await watchPage(page, baseURL as string);
    const secrets = Object.fromEntries(SECRETS.map((s) => [s, `leak-${s}`]));
    const query = new URLSearchParams({ ...secrets, variableKey: 'kept_key' }).toString();
    await page.goto(`${guide.path}?${query}#step-2-write-a-test-variable-and-connection`);
    await waitLive(page);
    const url = new URL(page.url());
    for (const s of SECRETS) expect(url.searchParams.has(s), s).toBe(false);
    expect(url.searchParams.get('variableKey')).toBe('kept_key');
    expect(url.hash).toBe('#step-2-write-a-test-variable-and-connection');
    // Stripped in place (replaceState): no history entry keeps the secret.
    expect(await page.evaluate(() => history.length)).toBe(await page.evaluate(() => (window as unknown as { __historyAtStart: number }).__historyAtStart));
    const notice = form(page).locator('.sf-notices');
    await expect(notice).toContainText('Secrets are never read from links');
    await expect(notice).toContainText('Variable value');
    await expect(fieldInput(page, 'variableKey')).toHaveValue('kept_key');
    await expect(fieldInput(page, 'variableValue')).toHaveValue('');
    await expect(builder(page).locator('[name="connPassword"]')).toHaveValue('');
    const text = (await page.locator('[data-live-snippet]').allTextContents()).join('\n');
    for (const v of Object.values(secrets)) expect(text).not.toContain(v);
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain('leak-');
    expectNoProblems(problems);
    await page.close();
  }
});

test('remembered values carry across guides, a link wins over them, and "Clear my values" forgets them', async ({ page }) => {
  await page.goto('/hashicorp-vault/');
  await fillFields(page, { deploymentId: 'cl03oiq7d80402nwn7fsl3dmv', variableKey: 'shared_key', vaultUrl: 'https://vault.example.com:8200', roleId: 'r-1' });
  await expect.poll(() => page.evaluate(() => localStorage.getItem('guides:values') ?? '')).toContain('shared_key');

  await page.goto('/azure-key-vault/');
  await expect(fieldInput(page, 'deploymentId')).toHaveValue('cl03oiq7d80402nwn7fsl3dmv');
  await expect(fieldInput(page, 'variableKey')).toHaveValue('shared_key');
  // A Vault URL is not a Key Vault URL: that value stays with its guide.
  await expect(fieldInput(page, 'vaultUrl')).toHaveValue('');
  await waitLive(page);
  await expect(page.locator('[data-live-snippet="write-variable"] figure:visible code')).toContainText('shared-key');

  // A prefilled link wins over remembered values.
  await page.goto('/azure-key-vault/?variableKey=from_link');
  await expect(fieldInput(page, 'variableKey')).toHaveValue('from_link');
  await expect(fieldInput(page, 'deploymentId')).toHaveValue('');

  await page.goto('/hashicorp-vault/');
  await expect(fieldInput(page, 'vaultUrl')).toHaveValue('https://vault.example.com:8200');
  await form(page).getByRole('button', { name: 'Clear my values' }).click();
  await expect(form(page).getByRole('status')).toContainText('cleared');
  await expect(fieldInput(page, 'deploymentId')).toHaveValue('');
  await expect(fieldInput(page, 'vaultUrl')).toHaveValue('');
  expect(await page.evaluate(() => localStorage.getItem('guides:values'))).toBeNull();
  await expect(page.locator('[data-live-snippet="write-variable"] figure:visible code')).toContainText('<your-variable-key>');
  await waitSaved(page);
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await expect(fieldInput(page, 'deploymentId')).toHaveValue('');
  await page.goto('/gcp-secret-manager/');
  await expect(fieldInput(page, 'variableKey')).toHaveValue('');
});

test('a heading anchor keeps working with a prefilled query, and edits keep the hash', async ({ page }) => {
  await page.goto('/aws-parameter-store/?region=eu-west-1&utm_source=team#step-5-deploy-the-configuration');
  await expect(fieldInput(page, 'region')).toHaveValue('eu-west-1');
  await expect(page.locator('#step-5-deploy-the-configuration')).toBeInViewport();
  await fillFields(page, { variableKey: 'k' });
  await expect.poll(() => new URL(page.url()).hash).toBe('#step-5-deploy-the-configuration');
  await expect.poll(() => new URL(page.url()).searchParams.get('variableKey')).toBe('k');
  expect(new URL(page.url()).searchParams.get('utm_source')).toBe('team');
});

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=1">',
  "'><svg onload=window.__pwned=1>",
  'javascript:window.__pwned=1',
  '{{constructor.constructor("window.__pwned=1")()}}',
  '${window.__pwned=1}',
  '</template><img id=pwned src=x onerror=window.__pwned=1>',
  '</code></pre><iframe id=pwned srcdoc="<script>parent.__pwned=1</script>">',
];

/** Malformed and hostile queries (raw, as they would appear after the `?`). */
const QUERIES: string[] = [
  ...HOSTILE.map((h) => `variableKey=${encodeURIComponent(h)}`),
  ...HOSTILE.slice(0, 3).map((h) => `connHost=${encodeURIComponent(h)}&connExtra=${encodeURIComponent(`{"x": "${h}"}`)}`),
  `platform=${encodeURIComponent('<script>window.__pwned=1</script>')}`,
  `authMethod=${encodeURIComponent('"><img src=x onerror=window.__pwned=1>')}`,
  'airflowVersion=NaN&kvVersion=7',
  'variableKey=%E0%A4%A&deploymentId=%',
  'variableKey=%%%zz&%=%&=&&&',
  `variableKey=${'x'.repeat(10000)}`,
  'variableKey=first&variableKey=second&platform=software&platform=astro',
  '__proto__=x&constructor=y&toString=z&hasOwnProperty=1',
  'variableKey=%00null%00byte&connLogin=%F0%9F%98%80%ED%A0%80',
  'vaultUrl=javascript%3Aalert(1)&mountPoint=..%2F..%2Fetc',
  'variableValue=hunter2&secretId=s3&variableKey=ok',
  'a'.repeat(5000),
  'platform=remote-execution&authMethod=kubernetes&kubernetesHost=%3Cb%3Ebold%3C%2Fb%3E',
];

test(`${QUERIES.length} malformed and hostile links load with no error, no dialog and nothing injected`, async ({ page, baseURL }) => {
  expect(QUERIES.length).toBeGreaterThanOrEqual(20);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const problems = await watchPage(page, baseURL as string);
  let i = 0;
  for (const q of QUERIES) {
    const guide = GUIDES[i++ % GUIDES.length] as (typeof GUIDES)[number];
    await page.goto(`${guide.path}?${q}#<img src=x onerror=window.__pwned=1>`);
    await expect(form(page)).toBeVisible();
    // The page code has read the link (it loads at once for a page with a query).
    await waitSaved(page);
    const state = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      injected: document.querySelectorAll('#pwned, iframe, main img, [onerror], [onload], svg[onload]').length,
      scripts: Array.from(document.querySelectorAll('script')).filter((s) => /pwned/.test(s.textContent ?? '')).length,
    }));
    expect(state, q.slice(0, 80)).toEqual({ pwned: undefined, injected: 0, scripts: 0 });
    // Hostile values are kept as text: in the input, and in the snippets.
    const key = new URLSearchParams(q).get('variableKey');
    if (key && HOSTILE.includes(key)) {
      await expect(fieldInput(page, 'variableKey')).toHaveValue(key);
      await waitLive(page);
      await expect(page.locator('[data-live-snippet="example-dag"] figure:visible code').first()).toContainText(key.replace(/"/g, '\\"'));
    }
  }
  expect(dialogs).toEqual([]);
  expectNoProblems(problems);
});

test('long values from a link are cut with a notice; unknown platforms are ignored with a notice', async ({ page }) => {
  await page.goto(`/gcp-secret-manager/?variableKey=${'k'.repeat(2500)}&platform=mars`);
  await expect(fieldInput(page, 'variableKey')).toHaveValue('k'.repeat(2000));
  const notice = form(page).locator('.sf-notices');
  await expect(notice).toContainText('Variable key');
  await expect(notice).toContainText('cut');
  await expect(notice).toContainText('“mars”');
  await expect(form(page).locator('input[name="platform"][value="astro"]')).toBeChecked();
});

test('invalid values from a link are shown in the form with their message', async ({ page }) => {
  await page.goto('/aws-secrets-manager/?region=moon-base-1&roleArn=nope');
  await waitLive(page);
  await expect(fieldInput(page, 'region')).toHaveAttribute('aria-invalid', 'true');
  await expect(fieldInput(page, 'roleArn')).toHaveAttribute('aria-invalid', 'true');
  await expect(form(page).locator('#sf-region-msg')).toContainText('us-east-1');
});

test('a teammate\'s link says at the top that it prefilled the page, and which secrets are still the reader\'s to enter', async ({ page, baseURL }) => {
  const problems = await watchPage(page, baseURL as string);
  await page.goto('/azure-key-vault/?platform=astro&authMethod=client-secret&tenantId=11111111-2222-3333-4444-555555555555&vaultUrl=https%3A%2F%2Fteam-vault.vault.azure.net%2F');
  const notice = page.locator('[data-link-notice]');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Prefilled from a shared link');
  // Right under the page title, where the reader lands.
  expect(await page.evaluate(() => document.querySelector('main h1')?.nextElementSibling?.hasAttribute('data-link-notice'))).toBe(true);
  const still = notice.locator('[data-link-notice-secrets]');
  await expect(still).toContainText('Client secret value');
  // The link goes to the field; what the reader types there updates the notice.
  await still.getByRole('link', { name: 'Client secret value' }).click();
  await expect(fieldInput(page, 'clientSecret')).toBeFocused();
  await page.keyboard.type('my-own-secret');
  await expect(still).not.toContainText('Client secret value');
  await expect(still).toContainText('you have entered them');
  // Review the setup: the form comes into view, its first field focused.
  await notice.getByRole('button', { name: 'Review the setup' }).click();
  await expect(form(page).locator('input, textarea').first()).toBeFocused();
  await notice.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  expectNoProblems(problems);
});

test('no prefilled notice for the reader\'s own link after a reload, nor for a page opened without values', async ({ page }) => {
  await page.goto('/hashicorp-vault/');
  await waitLive(page).catch(() => undefined);
  await fillFields(page, { vaultUrl: 'https://vault.example.com:8200' });
  await waitSaved(page);
  await expect(page).toHaveURL(/vaultUrl=/);
  await page.reload();
  await expect(fieldInput(page, 'vaultUrl')).toHaveValue('https://vault.example.com:8200');
  await waitLive(page);
  await expect(page.locator('[data-link-notice]')).toHaveCount(0);
  await page.goto('/hashicorp-vault/?vaultUrl=https%3A%2F%2Fother.example.com');
  await expect(page.locator('[data-link-notice]')).toBeVisible();
});
