/**
 * Pure helpers for the synced tab groups: validating names and values, reading a
 * selection from a query string, and writing one back without disturbing the
 * rest of the URL. Shared by the browser module and the unit tests.
 */

export const TAB_STORAGE_PREFIX = 'guides:tab:';
export const TAB_CHANGE_EVENT = 'guides:tabchange';

const GROUP_RE = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const VALUE_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

/** Group names double as URL parameter names and `data-tab-<group>` attribute suffixes. */
export function isValidGroup(group: unknown): group is string {
  return typeof group === 'string' && GROUP_RE.test(group);
}

/** Tab values: short slugs (`astro`, `remote-execution`, `3`). Anything else is ignored. */
export function isValidValue(value: unknown): value is string {
  return typeof value === 'string' && VALUE_RE.test(value);
}

function decodePart(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

/**
 * The first value given for `group` in `search` (with or without the leading `?`),
 * or undefined. Repeated parameters: the first one counts. Broken percent-encoding
 * in the parameter makes it count as absent.
 */
export function readQueryValue(search: string, group: string): string | undefined {
  const query = search.startsWith('?') ? search.slice(1) : search;
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawKey = eq < 0 ? part : part.slice(0, eq);
    if (decodePart(rawKey) !== group) continue;
    return eq < 0 ? '' : decodePart(part.slice(eq + 1));
  }
  return undefined;
}

/**
 * Chooses the value a group shows: the URL's value if the group offers it, else the
 * remembered value if offered, else the group's first value.
 */
export function resolveSelection(
  offered: readonly string[],
  fromUrl: string | null | undefined,
  fromStorage: string | null | undefined,
): string | undefined {
  for (const candidate of [fromUrl, fromStorage]) {
    if (isValidValue(candidate) && offered.includes(candidate)) return candidate;
  }
  return offered[0];
}

/**
 * Returns `search` with `group` set to `value`: the first occurrence is replaced in place,
 * later duplicates are dropped, every other parameter is kept byte for byte.
 * The result starts with `?` (or is empty when there are no parameters at all).
 */
export function setQueryValue(search: string, group: string, value: string): string {
  const query = search.startsWith('?') ? search.slice(1) : search;
  const pair = `${encodeURIComponent(group)}=${encodeURIComponent(value)}`;
  const out: string[] = [];
  let done = false;
  for (const part of query.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const key = decodePart(eq < 0 ? part : part.slice(0, eq));
    if (key === group) {
      if (!done) out.push(pair);
      done = true;
      continue;
    }
    out.push(part);
  }
  if (!done) out.push(pair);
  return out.length ? `?${out.join('&')}` : '';
}
