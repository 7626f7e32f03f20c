/**
 * The secret name or path each backend requests for a variable or connection key,
 * following the provider code. Works on slot-marked strings too (the generator passes
 * marked keys and prefixes so the names in snippets carry slots).
 */
import { isMarker, mapChars, plain, units } from './slots.ts';
import type { ProviderId, SecretKind } from './types.ts';

type Kwargs = Record<string, unknown>;

const DEFAULT_PREFIX: Record<Exclude<ProviderId, 'hashicorp-vault'>, Record<SecretKind, string>> = {
  'aws-parameter-store': { connection: '/airflow/connections', variable: '/airflow/variables' },
  'aws-secrets-manager': { connection: 'airflow/connections', variable: 'airflow/variables' },
  'gcp-secret-manager': { connection: 'airflow-connections', variable: 'airflow-variables' },
  'azure-key-vault': { connection: 'airflow-connections', variable: 'airflow-variables' },
};

const DEFAULT_SEP: Record<string, string> = {
  'aws-secrets-manager': '/',
  'gcp-secret-manager': '-',
  'azure-key-vault': '-',
};

/** Python `s.rstrip(chars)` on a marked string: trailing text characters in `chars` are removed, markers kept. */
export function rstripChars(marked: string, chars: string): string {
  if (!chars) return marked;
  const us = units(marked);
  for (let i = us.length - 1; i >= 0; i--) {
    if (isMarker(us[i])) continue;
    if (!chars.includes(us[i])) break;
    us[i] = '';
  }
  return us.join('');
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : String(v);
}

/** `kwargs[key]` with its default: undefined -> default, null -> null, lists -> first entry. */
function option(kwargs: Kwargs, key: string, fallback: string): string | null {
  let v = kwargs[key];
  if (Array.isArray(v)) v = v.length ? v[0] : null;
  if (v === undefined) return fallback;
  return v === null ? null : str(v);
}

function lookupAllowed(kwargs: Kwargs, kind: SecretKind, key: string): boolean {
  const pattern = kwargs[kind === 'variable' ? 'variables_lookup_pattern' : 'connections_lookup_pattern'];
  if (typeof pattern !== 'string' || !pattern) return true;
  try {
    return new RegExp('^(?:' + pattern + ')', 'i').test(plain(key));
  } catch {
    return true;
  }
}

/**
 * The name Airflow requests for `key`, or null when the backend will not look it up.
 * `kwargs` uses the backend's own names, as in AIRFLOW__SECRETS__BACKEND_KWARGS.
 */
export function secretName(providerId: ProviderId, kwargs: Kwargs, kind: SecretKind, key: string): string | null {
  if (providerId === 'hashicorp-vault') {
    let path = option(kwargs, kind === 'variable' ? 'variables_path' : 'connections_path', kind === 'variable' ? 'variables' : 'connections');
    if (path === null) return null;
    path = rstripChars(path, '/');
    let mount = option(kwargs, 'mount_point', 'secret');
    if (mount === null) {
      const k = plain(key);
      const i = k.indexOf('/');
      if (i < 0) return null;
      mount = k.slice(0, i);
      key = k.slice(i + 1);
    }
    const secretPath = plain(path) === '' ? key : path + '/' + key;
    const version = String(kwargs.kv_engine_version ?? 2);
    return version === '1' ? `${mount}/${secretPath}` : `${mount}/data/${secretPath}`;
  }
  let prefix = option(kwargs, kind === 'variable' ? 'variables_prefix' : 'connections_prefix', DEFAULT_PREFIX[providerId][kind]);
  if (prefix === null) return null;
  if (!lookupAllowed(kwargs, kind, key)) return null;
  const hasPrefix = plain(prefix) !== '';
  if (providerId === 'aws-parameter-store') {
    if (hasPrefix) prefix = rstripChars(prefix, '/');
    const name = prefix + '/' + key;
    return plain(name).startsWith('/') ? name : '/' + name;
  }
  const sep = option(kwargs, 'sep', DEFAULT_SEP[providerId]) ?? '';
  if (providerId === 'gcp-secret-manager') return prefix + sep + key;
  if (hasPrefix) prefix = rstripChars(prefix, sep);
  const name = plain(prefix) !== '' ? prefix + sep + key : key;
  if (providerId === 'azure-key-vault') return mapChars(name, (ch) => (ch === '_' ? sep : ch));
  return name;
}

