/**
 * The doctor: reads a paste (read.ts), finds what is wrong with the secrets-backend settings
 * in it, and gives the corrected lines for the same target (written with the generator's own
 * escapers), the names Airflow will look up, and a link to the guide prefilled with the
 * non-secret settings (the guides' own URL format). Pure: no DOM.
 */
import { authMethods, formFieldsWithoutHelp, providers, secretFields, secretName } from '../generators/index.ts';
import { dockerfileEnv } from '../generators/escape/dockerfile.ts';
import { dotenvLine } from '../generators/escape/dotenv.ts';
import { toJson } from '../generators/escape/json.ts';
import { shellQuote, shellWord } from '../generators/escape/shell.ts';
import { yamlString } from '../generators/escape/yaml.ts';
import { PLATFORMS, type JsonValue, type Platform, type ProviderId, type SecretKind, type SnippetLang } from '../generators/types.ts';
import type { AuthTable } from '../guide/client/choices.ts';
import { writeQuery, type UrlSchema } from '../guide/client/url-state.ts';
import { guideHref } from '../site.ts';
import {
  AZURE_ENV,
  BACKEND_ENV,
  CREDENTIAL_KWARGS,
  KNOWN_KWARGS,
  KWARGS_ENV,
  OLD_CLASSES,
  REMOVED_KWARGS,
  UNKNOWN_KWARG_FATE,
  VAULT_AUTH_TYPES,
  WORKER_BACKEND_ENV,
  WORKER_KWARGS_ENV,
  closest,
  currentClass,
  providerOfClass,
  providerOfClassName,
} from './known.ts';
import { MAX_DEPTH, readKwargs } from './lenient-json.ts';
import { type Finding, type InputFormat, type ReadResult, type Setting, quoteForText, readPaste } from './read.ts';
import { PLACEHOLDER_SOURCE, PROVIDER_IDS } from '../generators/types.ts';

export type Kwargs = Record<string, JsonValue>;

export interface CorrectedLines {
  lang: SnippetLang;
  filename?: string;
  code: string;
}

export interface DoctorReport {
  format: InputFormat;
  /** Settings found in the paste (names and lines only are shown; values may be secret). */
  settings: Setting[];
  provider?: ProviderId;
  /** The kwargs as Airflow reads them (after the fixes: `fixedKwargs`). */
  kwargs?: Kwargs;
  fixedKwargs?: Kwargs;
  findings: Finding[];
  corrected?: CorrectedLines;
  /** The platform the settings are for (the link opens the guide on it). */
  platform: Platform;
  /** The guide with the non-secret settings, e.g. `/aws-secrets-manager/?platform=astro&...`. */
  guideLink?: string;
}

/** Where each format's settings run, for the guide link and the checks that depend on it. */
export const FORMAT_PLATFORM: Record<InputFormat, Platform> = {
  env: 'astro',
  'astro-command': 'astro',
  ui: 'astro',
  kwargs: 'astro',
  dockerfile: 'software',
  'values-yaml': 'remote-execution',
};

/** The format's settings run on a deployed Airflow (not on the reader's computer). */
function deployed(format: InputFormat): boolean {
  return format !== 'env' && format !== 'dockerfile' && format !== 'kwargs';
}

/** A guide's placeholder, or any `<name>` an older guide used for a value to fill. */
const PLACEHOLDER = new RegExp(`${PLACEHOLDER_SOURCE}|<[A-Za-z][\\w .-]*>`);

/** Finds the provider whose kwargs these most look like (for kwargs pasted without a class). */
function providerOfKwargs(kwargs: Kwargs): ProviderId | undefined {
  const keys = Object.keys(kwargs);
  const has = (k: string) => keys.includes(k);
  if (has('url') || has('mount_point') || has('connections_path') || has('variables_path') || has('auth_type')) return 'hashicorp-vault';
  if (has('vault_url')) return 'azure-key-vault';
  if (has('project_id') || has('gcp_keyfile_dict') || has('gcp_key_path')) return 'gcp-secret-manager';
  if (has('region_name') || has('role_arn') || has('aws_access_key_id') || has('profile_name')) {
    const prefix = String(kwargs.connections_prefix ?? kwargs.variables_prefix ?? '');
    return has('sep') || (prefix !== '' && !prefix.startsWith('/')) ? 'aws-secrets-manager' : 'aws-parameter-store';
  }
  return undefined;
}

/** Kwargs of another backend that mean one of this backend's. */
const RENAMES: Partial<Record<ProviderId, Record<string, string>>> = {
  'hashicorp-vault': { vault_url: 'url', connections_prefix: 'connections_path', variables_prefix: 'variables_path', config_prefix: 'config_path' },
  'azure-key-vault': { url: 'vault_url', connections_path: 'connections_prefix', variables_path: 'variables_prefix' },
  'gcp-secret-manager': { connections_path: 'connections_prefix', variables_path: 'variables_prefix', keyfile_dict: 'gcp_keyfile_dict' },
  'aws-parameter-store': { connections_path: 'connections_prefix', variables_path: 'variables_prefix', region: 'region_name' },
  'aws-secrets-manager': { connections_path: 'connections_prefix', variables_path: 'variables_prefix', region: 'region_name' },
};

function depth(v: JsonValue, d = 0): number {
  if (d > MAX_DEPTH) return d;
  if (v && typeof v === 'object') {
    let max = d;
    for (const x of Array.isArray(v) ? v : Object.values(v)) max = Math.max(max, depth(x, d + 1));
    return max;
  }
  return d;
}

/** Surrounding quotes the target keeps, and the text inside them. */
function keptQuotes(v: string): string | undefined {
  const m = /^\s*(['"])([\s\S]*)\1\s*$/.exec(v);
  return m ? m[2] : undefined;
}

const KEEPS_QUOTES: Record<InputFormat, string> = {
  env: 'Docker Compose removed one pair of quotes; these are a second pair, and the value keeps them',
  dockerfile: 'Docker removed one pair of quotes; these are a second pair, and the value keeps them',
  'values-yaml': 'YAML removed its own quotes; these are inside them, and the environment variable keeps them',
  ui: 'The Astro UI and the Software UI store every character: the quotes become part of the value',
  kwargs: 'Airflow reads the value as it is: the quotes become part of it',
  'astro-command': 'The shell removed one pair of quotes; these are a second pair, and the Deployment keeps them',
};

interface Work {
  findings: Finding[];
  format: InputFormat;
}

function add(w: Work, f: Finding): void {
  w.findings.push(f);
}

function checkBackend(w: Work, s: Setting | undefined, hasKwargs: boolean): { provider?: ProviderId; fixed?: string } {
  if (!s) {
    if (hasKwargs && w.format !== 'kwargs') {
      add(w, {
        id: 'backend-missing',
        severity: 'error',
        setting: BACKEND_ENV,
        title: `${BACKEND_ENV} is not set`,
        detail: 'Without a backend class Airflow uses no secrets backend at all and ignores the kwargs: every lookup goes to environment variables and the metadata database.',
      });
    }
    return {};
  }
  let v = s.value;
  const inner = keptQuotes(v);
  if (inner !== undefined) {
    add(w, { id: 'backend-quoted', severity: 'error', setting: s.name, title: `The class path of ${s.name} is wrapped in quotes`, detail: `${KEEPS_QUOTES[w.format]}, so Airflow cannot import the class.`, fix: inner.trim() });
    v = inner;
  }
  if (v !== v.trim()) {
    add(w, { id: 'backend-space', severity: 'error', setting: s.name, title: `The class path of ${s.name} has spaces around it`, detail: 'Airflow imports the class by this exact text, spaces included.', fix: v.trim() });
    v = v.trim();
  }
  if (PLACEHOLDER.test(v)) {
    add(w, { id: 'placeholder', severity: 'error', setting: s.name, title: `${s.name} still holds a placeholder`, detail: `${quoteForText(v)} is a placeholder from a guide: replace it.` });
    return {};
  }
  const current = providerOfClass(v);
  if (current) return { provider: current, fixed: v };
  const old = OLD_CLASSES[v];
  if (old) {
    const fixed = currentClass(old.provider);
    add(w, {
      id: old.why === 'contrib' ? 'class-contrib' : 'class-deprecated',
      severity: 'error',
      setting: s.name,
      title: old.why === 'contrib' ? `${quoteForText(v)} is the old airflow.contrib class path` : `${quoteForText(v)} is a deprecated module path`,
      detail:
        old.why === 'contrib'
          ? 'The airflow.contrib modules were deprecated in Airflow 2 and removed in Airflow 3: there, Airflow cannot import this class and starts without your backend. The class lives in its provider package now.'
          : 'The azure_key_vault module was a deprecated alias in the Microsoft Azure provider and was later removed: newer provider versions cannot import it. The class lives in key_vault.',
      fix: fixed,
    });
    return { provider: old.provider, fixed };
  }
  const byName = providerOfClassName(v);
  const near = closest(v, PROVIDER_IDS.map(currentClass), 8);
  const provider = near ? providerOfClass(near) : byName;
  if (provider) {
    const fixed = currentClass(provider);
    add(w, {
      id: 'class-typo',
      severity: 'error',
      setting: s.name,
      title: `${quoteForText(v)} is not a class Airflow can import`,
      detail: `It looks like a mistyped path of the ${providers[provider].name} backend. Airflow cannot import it, so it starts without your backend.`,
      fix: fixed,
    });
    return { provider, fixed };
  }
  add(w, {
    id: 'class-unknown',
    severity: 'warning',
    setting: s.name,
    title: `${quoteForText(v)} is not one of the five backends these guides cover`,
    detail: 'If it is your own backend class, make sure your image can import it. The doctor cannot check its kwargs.',
  });
  return {};
}

/** "a HashiCorp Vault", "an AWS Secrets Manager", "an Azure Key Vault". */
function aProvider(p: ProviderId): string {
  const name = providers[p].name;
  return (/^[AEIOU]/.test(name) ? 'an ' : 'a ') + name;
}

/** Reads the kwargs text as Airflow does; returns the object Airflow would use (undefined: defaults). */
function checkKwargsText(w: Work, s: Setting): { kwargs?: Kwargs; fixable?: Kwargs } {
  let v = s.value;
  const inner = keptQuotes(v);
  if (inner !== undefined && /^\s*[{[]/.test(inner)) {
    add(w, {
      id: 'kwargs-quoted',
      severity: 'error',
      setting: s.name,
      title: `The JSON of ${s.name} is wrapped in quotes`,
      detail: `${KEEPS_QUOTES[w.format]}. Airflow cannot read the value as JSON, logs a warning and builds the backend with its defaults: your settings are ignored.`,
      fix: inner.trim(),
    });
    v = inner;
  }
  if (!v.trim()) {
    add(w, { id: 'kwargs-empty', severity: 'warning', setting: s.name, title: `${s.name} is empty`, detail: 'The backend runs with its defaults.' });
    return {};
  }
  if (PLACEHOLDER.test(v) && !/^\s*\{/.test(v)) {
    add(w, { id: 'placeholder', severity: 'error', setting: s.name, title: `${s.name} still holds a placeholder`, detail: `${quoteForText(v)} is a placeholder from a guide: replace it.` });
    return {};
  }
  if (s.expands && v.includes('$')) {
    add(w, {
      id: 'kwargs-expands',
      severity: 'warning',
      setting: s.name,
      title: `A $ in ${s.name} would be expanded`,
      detail: 'Where this value is written, `$NAME` and `${NAME}` are replaced by environment variables (usually with nothing) before Airflow reads it. In JSON, write $ as \\u0024 (the corrected lines below do).',
    });
  }
  let r = readKwargs(v.trim());
  if (!r.ok && s.meant) {
    // The shell mangled it: check what the line meant, so the fixes are about the real value.
    const meant = readKwargs(s.meant.trim());
    if (meant.ok) r = meant;
  }
  if (!r.ok) {
    const pyish = /'|\bNone\b|\bTrue\b|\bFalse\b/.test(v);
    add(w, {
      id: 'kwargs-invalid',
      severity: 'error',
      setting: s.name,
      title: `${s.name} is not valid JSON (${r.message})`,
      detail: `Airflow cannot read it, logs a warning and builds the backend with its defaults: your settings are ignored.${pyish ? ' JSON needs double quotes and null/true/false.' : ''}`,
    });
    return {};
  }
  if (!r.value || typeof r.value !== 'object' || Array.isArray(r.value)) {
    add(w, { id: 'kwargs-not-object', severity: 'error', setting: s.name, title: `${s.name} is JSON, but not an object`, detail: 'Airflow needs an object such as {"key": "value"}; anything else is ignored with a warning and the backend runs with its defaults.' });
    return {};
  }
  if (depth(r.value) > MAX_DEPTH) {
    add(w, { id: 'kwargs-invalid', severity: 'error', setting: s.name, title: `${s.name} is nested too deeply to be settings`, detail: 'No backend setting is nested like this.' });
    return {};
  }
  const obj = r.value as Kwargs;
  if (!r.strict) {
    const what = r.leniencies.map((l) => ({ 'single-quotes': 'single quotes', 'python-literals': 'Python None/True/False', 'trailing-commas': 'trailing commas' })[l]);
    add(w, {
      id: 'kwargs-not-json',
      severity: 'error',
      setting: s.name,
      title: `${s.name} uses ${what.join(' and ')}: that is Python, not JSON`,
      detail: 'Airflow reads the kwargs as JSON. It cannot read this, logs a warning and builds the backend with its defaults: your settings are ignored.',
      fix: toJson(obj),
    });
    return { fixable: obj };
  }
  return { kwargs: obj, fixable: obj };
}

function str(v: JsonValue | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function checkKwargs(w: Work, provider: ProviderId, kw: Kwargs, platform: Platform, secret: boolean | undefined): Kwargs {
  const fixed: Kwargs = {};
  const known = KNOWN_KWARGS[provider];
  for (const [k, v] of Object.entries(kw)) {
    const removed = REMOVED_KWARGS[provider]?.[k];
    if (removed) {
      add(w, { id: 'kwarg-removed', severity: 'warning', setting: KWARGS_ENV, title: `"${k}" is no longer read`, detail: `It was ${removed}. Remove it.`, fix: `remove "${k}"` });
      continue;
    }
    if (known.includes(k)) {
      fixed[k] = v;
      continue;
    }
    const rename = RENAMES[provider]?.[k] ?? closest(k, known, Math.min(3, Math.floor(k.length / 4)));
    if (rename && !(rename in kw)) {
      const other = PROVIDER_IDS.find((p) => p !== provider && KNOWN_KWARGS[p].includes(k));
      add(w, {
        id: other && RENAMES[provider]?.[k] ? 'kwarg-other-backend' : 'kwarg-typo',
        severity: 'error',
        setting: KWARGS_ENV,
        title: other && RENAMES[provider]?.[k] ? `"${k}" is ${aProvider(other)} setting; ${providers[provider].name} calls it "${rename}"` : `"${k}" is not ${aProvider(provider)} setting: did you mean "${rename}"?`,
        detail: `${UNKNOWN_KWARG_FATE[provider].text} Meanwhile "${rename}" keeps its default.`,
        fix: `"${rename}"`,
      });
      fixed[rename] = v;
      continue;
    }
    const other = PROVIDER_IDS.find((p) => p !== provider && KNOWN_KWARGS[p].includes(k));
    add(w, {
      id: other ? 'kwarg-other-backend' : 'kwarg-unknown',
      severity: UNKNOWN_KWARG_FATE[provider].severity,
      setting: KWARGS_ENV,
      title: other ? `"${k}" is ${aProvider(other)} setting, not ${aProvider(provider)} one` : `"${k}" is not ${aProvider(provider)} setting`,
      detail: `${UNKNOWN_KWARG_FATE[provider].text}${other ? ` Is the backend class the one you meant?` : ''}`,
      fix: `remove "${k}"`,
    });
  }

  for (const [k, v] of Object.entries(fixed)) {
    if (typeof v === 'string' && PLACEHOLDER.test(v)) {
      add(w, { id: 'placeholder', severity: 'error', setting: KWARGS_ENV, title: `"${k}" still holds a placeholder`, detail: `${quoteForText(v)} is a placeholder from a guide: put your value there.` });
    }
    if (/_(prefix|path)$/.test(k) && v !== null && typeof v !== 'string' && !(provider === 'hashicorp-vault' && Array.isArray(v))) {
      add(w, { id: 'kwarg-type', severity: 'error', setting: KWARGS_ENV, title: `"${k}" must be a string or null`, detail: 'A prefix or path is text; null turns the lookup off.' });
    }
  }

  const sep = fixed.sep;
  if (provider === 'hashicorp-vault') checkVault(w, fixed, platform);
  else if (provider === 'azure-key-vault') {
    const url = str(fixed.vault_url);
    if (!url) add(w, { id: 'azure-url-missing', severity: 'error', setting: KWARGS_ENV, title: '"vault_url" is missing', detail: 'The backend needs the vault URL, https://<name>.vault.azure.net/, to find any secret.' });
    else if (!PLACEHOLDER.test(url) && !/^https:\/\/[a-z0-9-]{3,24}\.vault\.(azure\.net|azure\.cn|usgovcloudapi\.net|microsoftazure\.de)\/?$/i.test(url))
      add(w, { id: 'azure-url-shape', severity: 'warning', setting: KWARGS_ENV, title: `"vault_url" does not look like a Key Vault URL`, detail: `Key Vault URLs look like https://<name>.vault.azure.net/; this is ${quoteForText(url)}.` });
    if (sep === '') add(w, { id: 'sep-empty', severity: 'error', setting: KWARGS_ENV, title: '"sep" is empty', detail: 'Key Vault names cannot hold "_", so the backend replaces every "_" with sep: with an empty sep, underscores disappear (my_var becomes myvar) and prefix and key run together.', fix: 'remove "sep" (the default is "-")' });
    for (const k of ['connections_prefix', 'variables_prefix']) {
      const p = str(fixed[k]);
      if (p?.includes('_') && sep !== '')
        add(w, {
          id: 'azure-underscore',
          severity: 'info',
          setting: KWARGS_ENV,
          title: `"${k}" has "_", which Key Vault names cannot hold`,
          detail: `Airflow replaces every "_" in the name with the separator: it looks up ${quoteForText(secretName(provider, fixed, k.startsWith('c') ? 'connection' : 'variable', 'my_key') ?? '')}. Name your secrets that way, or use "-" in the prefix.`,
        });
    }
    const parts = ['tenant_id', 'client_id', 'client_secret'].filter((k) => str(fixed[k]));
    if (parts.length > 0 && parts.length < 3)
      add(w, { id: 'azure-partial-credentials', severity: 'error', setting: KWARGS_ENV, title: `Only ${parts.join(' and ')} of tenant_id, client_id and client_secret are set`, detail: 'The backend uses the client secret only when all three are set; otherwise it falls back to DefaultAzureCredential and ignores them.' });
  } else if (provider === 'gcp-secret-manager') {
    const key = fixed.gcp_keyfile_dict;
    if (typeof key === 'string') {
      const r = readKwargs(key);
      const obj = r.ok && r.value && typeof r.value === 'object' && !Array.isArray(r.value) ? (r.value as Kwargs) : undefined;
      add(w, {
        id: 'gcp-keyfile-string',
        severity: 'error',
        setting: KWARGS_ENV,
        title: '"gcp_keyfile_dict" is a string, not an object',
        detail: 'The backend reads fields of the key directly (such as private_key), so the key file must be a JSON object inside the kwargs, not JSON text in a string.',
        ...(obj ? { fix: 'the key file as an object (in the corrected lines below)' } : {}),
      });
      if (obj) fixed.gcp_keyfile_dict = obj;
    }
    const k = fixed.gcp_keyfile_dict;
    if (k && typeof k === 'object' && !Array.isArray(k)) {
      const missing = ['private_key', 'client_email'].filter((f) => typeof (k as Kwargs)[f] !== 'string');
      if (missing.length) add(w, { id: 'gcp-keyfile-incomplete', severity: 'error', setting: KWARGS_ENV, title: `The key file has no ${missing.join(' and no ')}`, detail: 'Paste the whole key file that `gcloud iam service-accounts keys create` wrote.' });
    }
    if (sep === '') add(w, { id: 'sep-empty', severity: 'warning', setting: KWARGS_ENV, title: '"sep" is empty', detail: 'Prefix and key run together: the variable my_var is looked up as airflow-variablesmy_var.', fix: 'remove "sep" (the default is "-")' });
  } else {
    const region = fixed.region_name;
    if (region === undefined) add(w, { id: 'aws-region-missing', severity: 'warning', setting: KWARGS_ENV, title: '"region_name" is not set', detail: 'Without it the AWS SDK takes the region from the environment (AWS_DEFAULT_REGION), which a Deployment usually does not set: lookups then fail.', fix: '"region_name": "<your-region>"' });
    else if (typeof region !== 'string' || (!PLACEHOLDER.test(region) && !/^[a-z]{2}(-[a-z]+)+-\d{1,2}$/.test(region)))
      add(w, { id: 'aws-region-shape', severity: 'error', setting: KWARGS_ENV, title: '"region_name" is not an AWS region', detail: `Regions look like us-east-1; this is ${quoteForText(String(region))}.` });
    const arn = fixed.role_arn;
    if (arn !== undefined && (typeof arn !== 'string' || (!PLACEHOLDER.test(arn) && !/^arn:aws(-[a-z]+)*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/.test(arn))))
      add(w, { id: 'aws-role-arn', severity: 'error', setting: KWARGS_ENV, title: '"role_arn" is not an IAM role ARN', detail: `Role ARNs look like arn:aws:iam::123456789012:role/airflow-secrets; this is ${quoteForText(String(arn))}.` });
    if (provider === 'aws-secrets-manager') {
      for (const k of ['connections_prefix', 'variables_prefix']) {
        const p = str(fixed[k]);
        if (p?.startsWith('/'))
          add(w, { id: 'aws-sm-leading-slash', severity: 'warning', setting: KWARGS_ENV, title: `"${k}" starts with "/"`, detail: `Secrets Manager names are taken as they are, so the names Airflow looks up start with "/" too (${secretName(provider, fixed, k.startsWith('c') ? 'connection' : 'variable', 'my_key')}). That works only if your secrets were created with the slash; the usual form has none.`, fix: `"${k}": ${toJson(p.replace(/^\/+/, ''))}` });
      }
    }
  }

  const creds = CREDENTIAL_KWARGS.filter((k) => fixed[k] !== undefined && fixed[k] !== null && !(typeof fixed[k] === 'string' && PLACEHOLDER.test(fixed[k] as string)));
  if (creds.length) {
    const where: Record<InputFormat, string> = {
      env: 'A .env file with credentials must stay out of Git.',
      dockerfile: 'ENV lines are baked into the image: anyone who can pull it can read them. Set the kwargs in the Software UI, marked secret, instead.',
      'values-yaml': 'The values file holds them in plain text, and so does the release Helm stores in the cluster.',
      ui: 'Mark the kwargs variable as secret in the UI.',
      kwargs: 'Wherever you put them, mark them secret.',
      'astro-command': secret ? 'The command marks them --secret: good.' : 'The command does not mark the kwargs --secret: anyone with access to the Deployment can read them. Add --secret.',
    };
    const safer: Record<ProviderId, string> = {
      'hashicorp-vault': platform === 'remote-execution' ? 'Kubernetes auth needs no credential in the kwargs.' : 'Keep the AppRole secret ID only in a secret variable.',
      'aws-parameter-store': 'An IAM role (workload identity on Astro, IRSA on Remote Execution) needs no key in the kwargs.',
      'aws-secrets-manager': 'An IAM role (workload identity on Astro, IRSA on Remote Execution) needs no key in the kwargs.',
      'gcp-secret-manager': 'Workload Identity needs no key file in the kwargs.',
      'azure-key-vault': 'A managed identity with workload identity needs no client secret in the kwargs.',
    };
    add(w, {
      id: 'credentials-in-kwargs',
      severity: w.format === 'dockerfile' || (w.format === 'astro-command' && !secret) ? 'warning' : 'info',
      setting: KWARGS_ENV,
      title: `The kwargs hold a credential (${creds.join(', ')})`,
      detail: `${where[w.format]} ${safer[provider]}`,
    });
  }
  return fixed;
}

function checkVault(w: Work, kw: Kwargs, platform: Platform): void {
  const url = str(kw.url);
  if (!url) add(w, { id: 'vault-url-missing', severity: 'error', setting: KWARGS_ENV, title: '"url" is missing', detail: 'Without it the Vault client uses VAULT_ADDR, which a Deployment does not set: add the address of your Vault server.' });
  else if (!PLACEHOLDER.test(url)) {
    let host = '';
    try {
      host = new URL(url).hostname;
    } catch {
      add(w, { id: 'vault-url-shape', severity: 'error', setting: KWARGS_ENV, title: '"url" is not a URL', detail: `Vault addresses look like https://vault.example.com:8200; this is ${quoteForText(url)}.` });
    }
    const local = ['localhost', '127.0.0.1', '[::1]', '0.0.0.0'].includes(host);
    if (local)
      add(w, {
        id: 'vault-url-localhost',
        severity: 'error',
        setting: KWARGS_ENV,
        title: `"url" points at ${host}`,
        detail: deployed(w.format)
          ? `Inside a Deployment, ${host} is the Airflow container itself, not your Vault server.`
          : `Inside the local Airflow containers, ${host} is the container itself. To reach a Vault server on your computer, use http://host.docker.internal:8200 (on Linux, the guide's docker-compose.override.yml makes that name resolve).`,
        ...(deployed(w.format) ? {} : { fix: url.replace(host, 'host.docker.internal') }),
      });
    else if (host === 'host.docker.internal' && w.format !== 'env' && w.format !== 'kwargs')
      add(w, {
        id: 'vault-url-local-only',
        severity: deployed(w.format) ? 'error' : 'warning',
        setting: KWARGS_ENV,
        title: '"url" points at host.docker.internal',
        detail: `That name means your own computer, seen from a local container.${w.format === 'dockerfile' ? ' The image works for a local test with astro dev, but once deployed it' : ' A deployed Deployment'} cannot reach it: use an address of your Vault server that the Deployment can reach.`,
      });
    if (/\.hashicorp\.cloud$/i.test(host) && kw.namespace === undefined)
      add(w, { id: 'vault-hcp-namespace', severity: 'warning', setting: KWARGS_ENV, title: 'HCP Vault without "namespace"', detail: 'HCP Vault Dedicated keeps your secrets in the admin namespace (or one below it): without "namespace", every lookup asks the root namespace and finds nothing.', fix: '"namespace": "admin"' });
  }
  const version = kw.kv_engine_version;
  if (version !== undefined && version !== 1 && version !== 2) {
    const n = Number(version);
    add(w, {
      id: 'vault-kv-version',
      severity: 'error',
      setting: KWARGS_ENV,
      title: `"kv_engine_version" is ${toJson(version)}`,
      detail: 'The backend accepts only the numbers 1 and 2 and fails to start with anything else.',
      ...(n === 1 || n === 2 ? { fix: `"kv_engine_version": ${n}` } : {}),
    });
    if (n === 1 || n === 2) kw.kv_engine_version = n;
  }
  const mount = str(kw.mount_point);
  if (mount && /(^|\/)data\/?$/.test(mount))
    add(w, { id: 'vault-mount-data', severity: 'warning', setting: KWARGS_ENV, title: '"mount_point" ends in "data"', detail: 'For KV version 2 the backend adds data/ itself: give only the mount (for airflow/data, "airflow").' });
  for (const k of ['connections_path', 'variables_path']) {
    const p = str(kw[k]);
    if (mount && p && (p === mount || p.startsWith(mount + '/')))
      add(w, { id: 'vault-path-has-mount', severity: 'warning', setting: KWARGS_ENV, title: `"${k}" starts with the mount "${mount}"`, detail: `Paths are inside the mount: Airflow looks up ${secretName('hashicorp-vault', kw, k.startsWith('c') ? 'connection' : 'variable', 'my_key')}, with the mount twice. Leave the mount out of the path.`, fix: `"${k}": ${toJson(p.slice(mount.length).replace(/^\/+/, ''))}` });
  }
  const auth = kw.auth_type === undefined ? 'token' : kw.auth_type;
  if (typeof auth !== 'string' || !VAULT_AUTH_TYPES.includes(auth)) {
    const near = typeof auth === 'string' ? closest(auth, VAULT_AUTH_TYPES, 3) : undefined;
    add(w, { id: 'vault-auth-type', severity: 'error', setting: KWARGS_ENV, title: `"auth_type" ${toJson(auth)} is not a Vault auth method`, detail: `The backend fails to start. It knows ${VAULT_AUTH_TYPES.join(', ')}.`, ...(near ? { fix: `"auth_type": "${near}"` } : {}) });
    if (near) kw.auth_type = near;
  } else if (auth === 'token' && kw.token === undefined && kw.token_path === undefined) {
    add(w, { id: 'vault-token-missing', severity: 'warning', setting: KWARGS_ENV, title: kw.auth_type === undefined ? 'No "auth_type": the backend logs in with a token, and none is set' : '"auth_type" is token, and no token is set', detail: 'The client then uses VAULT_TOKEN, which a Deployment does not set. The guides use AppRole (or Kubernetes auth on Remote Execution).' });
  } else if (auth === 'approle') {
    if (!str(kw.role_id)) add(w, { id: 'vault-approle-role-id', severity: 'error', setting: KWARGS_ENV, title: 'AppRole without "role_id"', detail: 'The backend cannot log in: add the role ID that `vault read auth/approle/role/<role>/role-id` prints.' });
    if (!str(kw.secret_id)) add(w, { id: 'vault-approle-secret-id', severity: 'warning', setting: KWARGS_ENV, title: 'AppRole without "secret_id"', detail: 'Unless the role was made without secret IDs, the login fails: add the secret ID.' });
  } else if (auth === 'kubernetes') {
    if (!str(kw.kubernetes_role)) add(w, { id: 'vault-kubernetes-role', severity: 'error', setting: KWARGS_ENV, title: 'Kubernetes auth without "kubernetes_role"', detail: 'The backend cannot log in: add the Vault role bound to the agents\' service accounts.' });
    if (platform !== 'remote-execution' && w.format !== 'kwargs')
      add(w, { id: 'vault-kubernetes-where', severity: 'warning', setting: KWARGS_ENV, title: 'Kubernetes auth outside Remote Execution', detail: 'It needs a Kubernetes service-account token from a cluster your Vault trusts: that is the Remote Execution agents. Astro Deployments and local containers use AppRole.' });
  }
}

// --- corrected lines ---------------------------------------------------------------------

function kwargsJson(kw: Kwargs, dotenv = false): string {
  return toJson(kw, { escapeDollar: true, dotenv });
}

export function correctedLines(format: InputFormat, backend: string, kw: Kwargs | undefined, names: Set<string>, deploymentId: string | undefined): CorrectedLines {
  const withKwargs = kw !== undefined;
  const worker = names.has(WORKER_KWARGS_ENV) || names.has(WORKER_BACKEND_ENV);
  switch (format) {
    case 'env':
      return {
        lang: 'dotenv',
        filename: '.env',
        code: [dotenvLine(BACKEND_ENV, backend), ...(withKwargs ? [dotenvLine(KWARGS_ENV, kwargsJson(kw, true))] : []), ...(worker && withKwargs ? [dotenvLine(WORKER_KWARGS_ENV, kwargsJson(kw, true))] : [])].join('\n') + '\n',
      };
    case 'dockerfile':
      return {
        lang: 'dockerfile',
        filename: 'Dockerfile',
        code: [dockerfileEnv(BACKEND_ENV, backend), ...(withKwargs ? [dockerfileEnv(KWARGS_ENV, kwargsJson(kw))] : [])].join('\n') + '\n',
      };
    case 'values-yaml':
      return {
        lang: 'yaml',
        filename: 'values.yaml',
        code:
          ['secretBackend: ' + yamlString(backend), ...(withKwargs ? ['commonEnv:', ...[KWARGS_ENV, WORKER_KWARGS_ENV].flatMap((n) => [`  - name: ${n}`, '    value: ' + yamlString(kwargsJson(kw))])] : [])].join('\n') + '\n',
      };
    case 'astro-command': {
      const id = '--deployment-id ' + shellWord(deploymentId ?? '<your-deployment-id>');
      return {
        lang: 'sh',
        code:
          [
            // update sets a variable whether or not it exists (create skips one that does).
            `astro deployment variable update ${id} ${BACKEND_ENV}=${shellWord(backend)}`,
            ...(withKwargs ? [`astro deployment variable update ${id} --secret ${KWARGS_ENV}=${shellQuote(kwargsJson(kw))}`] : []),
          ].join('\n') + '\n',
      };
    }
    case 'ui':
    case 'kwargs': {
      const entry = (k: string, v: string, secret: boolean) => `Key:    ${k}\nValue:  ${v}\nSecret: ${secret ? 'yes' : 'no'}`;
      if (format === 'kwargs' && withKwargs) return { lang: 'json', code: kwargsJson(kw) + '\n' };
      return { lang: 'text', code: [entry(BACKEND_ENV, backend, false), ...(withKwargs ? [entry(KWARGS_ENV, kwargsJson(kw), true)] : [])].join('\n\n') + '\n' };
    }
  }
}

// --- the guide link -----------------------------------------------------------------------

/** The guide's URL schema (the same as the guide page builds from the generator). */
export function guideUrlSchema(provider: ProviderId): UrlSchema {
  const auth = {} as Record<Platform, readonly string[]>;
  const fields: string[] = [];
  const defaults: Record<string, string> = {};
  for (const p of PLATFORMS) {
    auth[p] = authMethods(provider, p).values;
    for (const m of auth[p])
      for (const f of formFieldsWithoutHelp(provider, p, m)) {
        if (f.name === 'airflowVersion' || fields.includes(f.name)) continue;
        fields.push(f.name);
        if (f.default !== undefined) defaults[f.name] = f.default;
      }
  }
  return { fields, secrets: [...secretFields], defaults, auth: auth as AuthTable };
}

const FIELD_OF_KWARG: Record<ProviderId, Record<string, string>> = {
  'hashicorp-vault': {
    connections_path: 'connectionsPath',
    variables_path: 'variablesPath',
    mount_point: 'mountPoint',
    kv_engine_version: 'kvVersion',
    url: 'vaultUrl',
    namespace: 'namespace',
    kubernetes_role: 'kubernetesRole',
    auth_mount_point: 'kubernetesAuthMount',
    role_id: 'roleId',
  },
  'aws-parameter-store': { connections_prefix: 'connectionsPrefix', variables_prefix: 'variablesPrefix', region_name: 'region', role_arn: 'roleArn', aws_access_key_id: 'accessKeyId' },
  'aws-secrets-manager': { connections_prefix: 'connectionsPrefix', variables_prefix: 'variablesPrefix', sep: 'sep', region_name: 'region', role_arn: 'roleArn', aws_access_key_id: 'accessKeyId' },
  'gcp-secret-manager': { connections_prefix: 'connectionsPrefix', variables_prefix: 'variablesPrefix', sep: 'sep', project_id: 'projectId' },
  'azure-key-vault': {
    connections_prefix: 'connectionsPrefix',
    variables_prefix: 'variablesPrefix',
    sep: 'sep',
    vault_url: 'vaultUrl',
    tenant_id: 'tenantId',
    workload_identity_tenant_id: 'tenantId',
    client_id: 'clientId',
    managed_identity_client_id: 'managedIdentityClientId',
  },
};

/** Settings besides the backend's own, by name (the AZURE_* credentials). */
type OtherSettings = Partial<Record<string, string>>;

function authOf(provider: ProviderId, kw: Kwargs, env: OtherSettings): string {
  switch (provider) {
    case 'hashicorp-vault':
      return kw.auth_type === 'kubernetes' ? 'kubernetes' : 'approle';
    case 'aws-parameter-store':
    case 'aws-secrets-manager':
      return kw.aws_access_key_id !== undefined || kw.aws_secret_access_key !== undefined ? 'access-keys' : 'role';
    case 'gcp-secret-manager':
      return kw.gcp_keyfile_dict !== undefined || kw.gcp_key_path !== undefined ? 'key-file' : 'workload-identity';
    case 'azure-key-vault':
      if (kw.managed_identity_client_id !== undefined) return 'managed-identity';
      // A service principal in the kwargs, or (older providers) in AZURE_* variables.
      return kw.client_secret !== undefined || env[AZURE_ENV.clientSecret] !== undefined ? 'client-secret' : 'managed-identity';
  }
}

/** The guide page for these settings: non-secret values only (secret fields are never written). */
export function guideLink(provider: ProviderId, kw: Kwargs, platform: Platform, env: OtherSettings = {}): { href: string; platform: Platform; authMethod: string } {
  const schema = guideUrlSchema(provider);
  const authMethod = authOf(provider, kw, env);
  // The platform the settings are for, or the first one that offers their auth method.
  const on = [platform, ...PLATFORMS].find((p) => schema.auth[p].includes(authMethod)) ?? platform;
  const values: Record<string, string> = {};
  for (const [k, field] of Object.entries(FIELD_OF_KWARG[provider])) {
    // An unset kwarg is the backend's default, which may not be the guide's default.
    const v = kw[k] ?? (schema.defaults[field] !== undefined ? providers[provider].defaultKwargs[k] : undefined);
    if ((typeof v === 'string' || typeof v === 'number') && !PLACEHOLDER.test(String(v)) && schema.fields.includes(field)) values[field] = String(v);
  }
  const key = kw.gcp_keyfile_dict;
  if (provider === 'gcp-secret-manager' && key && typeof key === 'object' && !Array.isArray(key) && typeof key.client_email === 'string') values.serviceAccountEmail = key.client_email;
  if (provider === 'azure-key-vault') {
    // The non-secret AZURE_* values; on Software, the guide's form that keeps them out of the kwargs.
    for (const field of ['clientId', 'tenantId'] as const) {
      const v = env[AZURE_ENV[field]];
      if (v && values[field] === undefined && !PLACEHOLDER.test(v)) values[field] = v;
    }
    if (on === 'software' && authMethod === 'client-secret' && kw.client_secret === undefined && env[AZURE_ENV.clientSecret] !== undefined) values.credentialsIn = 'environment';
  }
  const query = writeQuery('', { platform: on, authPref: authMethod, airflowVersion: '3', values }, schema);
  return { href: guideHref(provider) + query, platform: on, authMethod };
}

// --- the whole run ------------------------------------------------------------------------

export interface DoctorOptions {
  format?: InputFormat;
  /** Where the settings run; default: what the format is used for. */
  platform?: Platform;
}

export function diagnose(read: ReadResult, options: DoctorOptions = {}): DoctorReport {
  const w: Work = { findings: [...read.findings], format: read.format };
  const platform = options.platform ?? FORMAT_PLATFORM[read.format];
  const byName = (n: string) => read.settings.find((s) => s.name === n);
  const backendSetting = byName(BACKEND_ENV);
  const kwargsSetting = byName(KWARGS_ENV);
  const report: DoctorReport = { format: read.format, settings: read.settings, findings: w.findings, platform };
  if (!backendSetting && !kwargsSetting) {
    add(w, {
      id: 'nothing-found',
      severity: 'error',
      title: `Found no ${BACKEND_ENV} or ${KWARGS_ENV} here`,
      detail: 'Paste the lines that set the secrets backend, or choose the format of what you pasted.',
    });
    return report;
  }
  const b = checkBackend(w, backendSetting, kwargsSetting !== undefined);
  let kwargs: Kwargs | undefined;
  let fixable: Kwargs | undefined;
  if (kwargsSetting) ({ kwargs, fixable } = checkKwargsText(w, kwargsSetting));
  else if (b.provider)
    add(w, { id: 'kwargs-missing', severity: 'info', setting: KWARGS_ENV, title: `${KWARGS_ENV} is not set`, detail: 'The backend runs with its defaults (default prefixes or paths, and credentials from the environment).' });
  report.kwargs = kwargs;
  const provider = b.provider ?? (fixable ? providerOfKwargs(fixable) : undefined);
  report.provider = provider;
  if (!provider) return report;
  // Unreadable kwargs: the backend runs with its defaults; there is nothing of the paste's to check.
  const fixed = fixable ? checkKwargs(w, provider, fixable, platform, kwargsSetting?.secret) : {};
  report.fixedKwargs = fixed;
  // The same kwargs under the worker name must match (Airflow 3 workers read that one if set).
  const workerKwargs = byName(WORKER_KWARGS_ENV);
  if (workerKwargs && kwargsSetting && workerKwargs.value.trim() !== kwargsSetting.value.trim()) {
    const a = readKwargs(workerKwargs.value.trim());
    if (!a.ok || JSON.stringify(a.value) !== JSON.stringify(fixable))
      add(w, { id: 'worker-kwargs-differ', severity: 'warning', setting: WORKER_KWARGS_ENV, title: `${WORKER_KWARGS_ENV} differs from ${KWARGS_ENV}`, detail: 'Airflow 3 workers may read the [workers] one: task lookups then use other settings than the rest of Airflow. Keep both equal (the corrected lines below do).' });
  }
  const workerBackend = byName(WORKER_BACKEND_ENV);
  if (workerBackend && backendSetting && workerBackend.value.trim() !== backendSetting.value.trim())
    add(w, { id: 'worker-backend-differs', severity: 'warning', setting: WORKER_BACKEND_ENV, title: `${WORKER_BACKEND_ENV} differs from ${BACKEND_ENV}`, detail: 'Airflow 3 workers then use another backend than the scheduler and API server.' });

  const hasKwargs = kwargsSetting !== undefined && fixable !== undefined;
  report.corrected = correctedLines(read.format, b.fixed ?? currentClass(provider), hasKwargs ? fixed : undefined, new Set(read.settings.map((s) => s.name)), read.deploymentId);
  const env = Object.fromEntries(Object.values(AZURE_ENV).flatMap((n) => (byName(n) ? [[n, byName(n)!.value.trim()]] : [])));
  report.guideLink = guideLink(provider, fixed, platform, env).href;
  const rank = { error: 0, warning: 1, info: 2 };
  w.findings.sort((x, y) => rank[x.severity] - rank[y.severity]);
  return report;
}

/** Reads and diagnoses a paste. */
export function runDoctor(text: string, options: DoctorOptions = {}): DoctorReport {
  return diagnose(readPaste(text, options.format), options);
}

/** The name Airflow requests for `key` with these settings (null: not looked up). */
export function lookupName(report: DoctorReport, kind: SecretKind, key: string): string | null {
  if (!report.provider) return null;
  return secretName(report.provider, report.fixedKwargs ?? {}, kind, key);
}
