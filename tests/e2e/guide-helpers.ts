/**
 * Helpers for the guide tests: the five guides, valid sample values for every form field,
 * filling the setup form and the connection builder, and reading what the page shows.
 * Expected snippet text comes from the generator itself (run here in Node), so the tests
 * check that the page shows exactly what the generator produces for what was typed.
 */
import { expect, type Page } from '@playwright/test';
import { authMethods, formFields, generate, platforms, secretFields, type ProviderId } from '../../src/generators/index.ts';
import { resolveChoices, type AirflowVersion, type AuthTable, type PlatformId } from '../../src/guide/client/choices.ts';

export const GUIDES: { path: string; provider: ProviderId }[] = [
  { path: '/hashicorp-vault/', provider: 'hashicorp-vault' },
  { path: '/aws-parameter-store/', provider: 'aws-parameter-store' },
  { path: '/aws-secrets-manager/', provider: 'aws-secrets-manager' },
  { path: '/gcp-secret-manager/', provider: 'gcp-secret-manager' },
  { path: '/azure-key-vault/', provider: 'azure-key-vault' },
];

export const SECRETS = [...secretFields];
export const CONNECTION_FIELDS = ['connType', 'connHost', 'connLogin', 'connPassword', 'connPort', 'connSchema', 'connExtra'];

const KEYFILE = JSON.stringify({
  type: 'service_account',
  project_id: 'my-project-123',
  private_key_id: 'k1',
  private_key: '-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n',
  client_email: 'airflow@my-project-123.iam.gserviceaccount.com',
  client_id: '1234567890',
});

/** Valid values for every field (some chosen so that they need quoting or escaping). */
export function sampleValue(provider: ProviderId, field: string): string | undefined {
  const byProvider: Partial<Record<ProviderId, Record<string, string>>> = {
    'hashicorp-vault': { vaultUrl: 'https://vault.example.com:8200', policyName: 'airflow-read', connectionsPath: 'team/conns', variablesPath: 'team/vars' },
    'azure-key-vault': {
      vaultUrl: 'https://my-vault.vault.azure.net/',
      connectionsPrefix: 'team-conns',
      variablesPrefix: 'team-vars',
      oidcIssuer: 'https://eastus.oic.prod-aks.azure.com/11111111-2222-3333-4444-555555555555/66666666-7777-8888-9999-000000000000/',
    },
    'aws-parameter-store': { connectionsPrefix: '/team/conns', variablesPrefix: '/team/vars', policyName: 'airflow-read' },
    'aws-secrets-manager': { connectionsPrefix: 'team/conns', variablesPrefix: 'team/vars', policyName: 'airflow-read' },
    'gcp-secret-manager': { connectionsPrefix: 'team-conns', variablesPrefix: 'team-vars' },
  };
  const common: Record<string, string> = {
    deploymentId: 'cl03oiq7d80402nwn7fsl3dmv',
    namespace: 'admin',
    mountPoint: 'kv-airflow',
    roleName: 'airflow-role',
    roleId: '7d2c1f3e-role',
    secretId: "S3cret-id with 'quote'",
    kubernetesRole: 'agents',
    kubernetesAuthMount: 'k8s',
    kubernetesHost: 'https://203.0.113.10:443',
    region: 'eu-west-1',
    roleArn: 'arn:aws:iam::123456789012:role/airflow-secrets',
    workloadIdentityArn: 'arn:aws:iam::210987654321:role/AirflowS3Logs-clmk2qqia000008mhff3ndjr0',
    localPrincipalArn: 'arn:aws:iam::123456789012:user/jane',
    eksClusterName: 'prod-agents',
    oidcIssuer: 'https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE',
    accessKeyId: 'AKIAABCDEFGHIJKLMNOP',
    secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    awsAccountId: '123456789012',
    iamUserName: 'airflow-user',
    projectId: 'my-project-123',
    serviceAccountEmail: 'airflow@my-project-123.iam.gserviceaccount.com',
    deploymentIdentity: 'astro-cl03oiq7d80402@astro-cloud-1.iam.gserviceaccount.com',
    keyfileJson: KEYFILE,
    tenantId: '11111111-2222-3333-4444-555555555555',
    clientId: '66666666-7777-8888-9999-000000000000',
    clientSecret: 'S3cret~client $value',
    managedIdentityClientId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
    managedIdentityName: 'airflow-agents',
    resourceGroup: 'airflow-rg',
    aksClusterName: 'agents-aks',
    aksResourceGroup: 'agents-rg',
    kubernetesNamespace: 'astro-agents',
    agentChartVersion: '1.4.0',
    helmRelease: 'agents-prod',
    kubernetesServiceAccount: 'agent-runner',
    variableKey: 'my_var',
    variableValue: "p@ss word with 'quotes' and $HOME",
    connectionId: 'my_db',
    connType: 'postgres',
    connHost: 'db.example.com',
    connLogin: 'airflow',
    connPassword: 'p@ss/w0rd?#',
    connPort: '5432',
    connSchema: 'analytics',
    connExtra: '{"sslmode": "require"}',
  };
  return byProvider[provider]?.[field] ?? common[field];
}

export function authTable(provider: ProviderId): AuthTable {
  return Object.fromEntries(platforms.map((p) => [p, authMethods(provider, p).values])) as unknown as AuthTable;
}

/** Every (platform, auth method) a guide offers. */
export function combos(provider: ProviderId): { platform: PlatformId; authMethod: string }[] {
  return platforms.flatMap((p) => authMethods(provider, p).values.map((a) => ({ platform: p as PlatformId, authMethod: a })));
}

/** A field's default (what an empty field means), if it has one. */
export function fieldDefault(provider: ProviderId, name: string): string | undefined {
  for (const p of platforms) for (const a of authMethods(provider, p).values) {
    const f = formFields(provider, p, a).find((x) => x.name === name);
    if (f) return f.default;
  }
  return undefined;
}

/** The text fields of the form (or the builder) for a setup. */
export function textFields(provider: ProviderId, platform: PlatformId, authMethod: string) {
  return formFields(provider, platform, authMethod).filter((f) => f.kind === 'text' || f.kind === 'password' || f.kind === 'textarea');
}

export const form = (page: Page) => page.locator('form[data-setup-form]');
export const builder = (page: Page) => page.locator('form[data-connection-builder]');

/** The input of a field: in the setup form, or in the connection builder. */
export function fieldInput(page: Page, name: string) {
  return CONNECTION_FIELDS.includes(name) ? builder(page).locator(`[name="${name}"]`) : form(page).locator(`[name="${name}"]`);
}

/**
 * Reaches for the setup form as a reader does (the pointer over it), which hydrates the
 * form islands, and waits until the setup form is hydrated (`<html data-islands="hydrated">`; the
 * connection builder hydrates when it comes near the view).
 */
export async function waitHydrated(page: Page): Promise<void> {
  await form(page).hover();
  await expect(page.locator('html')).toHaveAttribute('data-islands', 'hydrated');
}

export async function choose(page: Page, platform: PlatformId, authMethod?: string): Promise<void> {
  await waitHydrated(page);
  await form(page).locator(`input[name="platform"][value="${platform}"]`).check();
  if (authMethod) await form(page).locator(`input[name="authMethod"][value="${authMethod}"]`).check();
}

/** Opens the optional section so its fields can be typed into. */
export async function openOptional(page: Page): Promise<void> {
  await waitHydrated(page);
  for (const details of await page.locator('form[data-setup-form] details.sf-more, form[data-connection-builder] details.sf-more').all()) {
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await details.locator(':scope > summary').click();
  }
}

/** Waits until the page has written the URL and storage for the current setup (nothing is waiting). */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('data-setup-saved', '');
}

/** Waits until the live module took over the snippets and every shown snippet shows the current setup. */
export async function waitLive(page: Page): Promise<void> {
  await expect(page.locator('html')).toHaveClass(/setup-live/);
  await waitSettled(page);
}

/**
 * Waits until every visible live snippet shows the page's current setup: its `data-version`
 * equals `<html data-setup-version>` (snippets out of view follow a frame after a change).
 */
export async function waitSettled(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(() => {
        const version = document.documentElement.dataset.setupVersion;
        if (version === undefined) return !document.documentElement.classList.contains('setup-live');
        return Array.from(document.querySelectorAll<HTMLElement>('[data-live-snippet]'))
          .filter((el) => el.checkVisibility())
          .every((el) => el.dataset.version === version);
      }),
    )
    .toBe(true);
}

/**
 * Chooses the guide's last platform and auth method and fills every text field of that
 * setup with its sample value; returns the choice and the values typed.
 */
export async function fillWholeSetup(page: Page, provider: ProviderId) {
  const { platform, authMethod } = combos(provider).at(-1) as { platform: PlatformId; authMethod: string };
  await choose(page, platform, authMethod);
  const values: Record<string, string> = {};
  for (const f of textFields(provider, platform, authMethod)) values[f.name] = sampleValue(provider, f.name) ?? '';
  await fillFields(page, values);
  return { platform, authMethod, values };
}

/** Fills the given fields (form or builder), leaving each with a blur. */
export async function fillFields(page: Page, values: Record<string, string>): Promise<void> {
  await openOptional(page);
  for (const [name, value] of Object.entries(values)) {
    const input = fieldInput(page, name);
    await input.fill(value);
    await input.blur();
  }
}

export interface LiveSnippetInfo {
  id: string;
  pins: { platform?: PlatformId; authMethod?: string; airflowVersion?: AirflowVersion };
  visible: boolean;
  text: string;
}

/** Every live snippet of the page: id, pins, whether it is visible, and the text of its code. */
export async function liveSnippets(page: Page): Promise<LiveSnippetInfo[]> {
  await waitSettled(page);
  return page.locator('[data-live-snippet]').evaluateAll((els) =>
    els.map((el) => {
      const e = el as HTMLElement;
      const fig = Array.from(e.querySelectorAll<HTMLElement>(':scope > figure')).find((f) => f.checkVisibility()) ?? null;
      const pins: Record<string, string> = {};
      if (e.dataset.pinPlatform) pins.platform = e.dataset.pinPlatform;
      if (e.dataset.pinAuth) pins.authMethod = e.dataset.pinAuth;
      if (e.dataset.pinAirflow) pins.airflowVersion = e.dataset.pinAirflow;
      return {
        id: e.dataset.liveSnippet ?? '',
        pins,
        visible: e.checkVisibility(),
        text: fig?.querySelector('pre code')?.textContent ?? '',
      };
    }),
  ) as Promise<LiveSnippetInfo[]>;
}

/** What the generator produces for a snippet on a page in this setup. */
export function expectedCode(
  provider: ProviderId,
  snippet: Pick<LiveSnippetInfo, 'id' | 'pins'>,
  setup: { platform: PlatformId; authMethod: string; airflowVersion?: AirflowVersion },
  values: Record<string, string>,
): string | undefined {
  const c = resolveChoices(authTable(provider), snippet.pins, {
    platform: setup.platform,
    authPref: setup.authMethod,
    airflowVersion: setup.airflowVersion ?? '3',
  });
  return generate(provider, { ...values, platform: c.platform, authMethod: c.authMethod, airflowVersion: c.airflowVersion }).snippets.find(
    (s) => s.id === snippet.id,
  )?.code;
}

/** The id and code text of every visible snippet, in page order. */
export async function visibleSnippetTexts(page: Page): Promise<string[]> {
  await waitSettled(page);
  return page.locator('[data-live-snippet]').evaluateAll((els) =>
    els
      .filter((el) => (el as HTMLElement).checkVisibility())
      .map((el) => {
        const fig = Array.from(el.querySelectorAll<HTMLElement>(':scope > figure')).find((f) => f.checkVisibility());
        return `${(el as HTMLElement).dataset.liveSnippet}:${fig?.querySelector('pre code')?.textContent ?? ''}`;
      }),
  );
}
