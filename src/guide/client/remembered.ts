/**
 * What the browser remembers across guides and visits (localStorage): the tab choices
 * (`guides:tab:<group>`) and the non-secret values (`guides:values`).
 * Values that mean the same on every guide (deployment ID, test variable key, connection
 * fields, ...) are shared; values whose meaning or default differs per backend (Vault or
 * Key Vault URL, prefixes, separator, policy name) are kept per provider. Secrets are never
 * stored, and what is read back is checked again (names, types, lengths).
 */
import { CHOICE_KEY_PREFIX, VALUES_KEY } from './storage-keys.ts';
import { MAX_VALUE_LENGTH } from './url-state.ts';


/** Fields whose meaning or default differs between providers. */
export const PER_PROVIDER = ['vaultUrl', 'connectionsPrefix', 'variablesPrefix', 'sep', 'policyName'];

interface Stored {
  shared: Record<string, string>;
  providers: Record<string, Record<string, string>>;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

function clean(v: unknown, allowed: readonly string[], secrets: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof v !== 'object' || v === null) return out;
  for (const [k, x] of Object.entries(v)) {
    if (allowed.includes(k) && !secrets.includes(k) && typeof x === 'string' && x !== '' && x.length <= MAX_VALUE_LENGTH) out[k] = x;
  }
  return out;
}

function readAll(): Stored {
  const empty: Stored = { shared: {}, providers: {} };
  try {
    const raw = storage()?.getItem(VALUES_KEY);
    if (!raw) return empty;
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null) return empty;
    const o = v as Partial<Stored>;
    return {
      shared: typeof o.shared === 'object' && o.shared !== null ? o.shared : {},
      providers: typeof o.providers === 'object' && o.providers !== null ? o.providers : {},
    };
  } catch {
    return empty;
  }
}

/** Remembered values for one provider's fields. */
export function loadValues(provider: string, fields: readonly string[], secrets: readonly string[]): Record<string, string> {
  const all = readAll();
  const shared = fields.filter((f) => !PER_PROVIDER.includes(f));
  const own = fields.filter((f) => PER_PROVIDER.includes(f));
  return { ...clean(all.shared, shared, secrets), ...clean(all.providers[provider], own, secrets) };
}

/** Remembers the non-secret, non-empty values of one provider's fields (others untouched). */
export function saveValues(provider: string, values: Readonly<Record<string, string>>, fields: readonly string[], secrets: readonly string[]): void {
  const store = storage();
  if (!store) return;
  const all = readAll();
  const shared = { ...all.shared };
  const own: Record<string, string> = { ...(all.providers[provider] ?? {}) };
  for (const f of fields) {
    if (secrets.includes(f)) continue;
    const target = PER_PROVIDER.includes(f) ? own : shared;
    const v = values[f] ?? '';
    if (v === '' || v.length > MAX_VALUE_LENGTH) delete target[f];
    else target[f] = v;
  }
  const providers = { ...all.providers, [provider]: own };
  try {
    store.setItem(VALUES_KEY, JSON.stringify({ shared, providers }));
  } catch {
    /* storage full or disabled: nothing is remembered */
  }
}

export function clearValues(): void {
  try {
    storage()?.removeItem(VALUES_KEY);
  } catch {
    /* nothing to clear */
  }
}

/** The remembered value of a tab group (platform, auth method, Airflow version), unchecked. */
export function loadChoice(group: string): string | null {
  try {
    return storage()?.getItem(CHOICE_KEY_PREFIX + group) ?? null;
  } catch {
    return null;
  }
}

export function saveChoice(group: string, value: string): void {
  try {
    storage()?.setItem(CHOICE_KEY_PREFIX + group, value);
  } catch {
    /* private mode or storage disabled: the URL still carries the choice */
  }
}
