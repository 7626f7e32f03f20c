/** JSON text for a value tree whose strings may carry slot markers. */
import { CLOSE, MID, OPEN, asSlot } from '../slots.ts';
import type { JsonValue } from '../types.ts';

/** A JSON value that becomes a slot of `field` as a whole (e.g. a pasted key file object). */
export interface MarkedJson {
  markedField: string;
  value: JsonTree;
  /** Written on one line even in pretty-printed JSON (a short list that is one value to the reader). */
  oneLine?: boolean;
}

export type JsonTree = JsonValue | MarkedJson | JsonTree[] | { [key: string]: JsonTree };

export interface JsonOptions {
  /** Pretty-print with this many spaces; otherwise one line with `, ` and `: `. */
  indent?: number;
  /**
   * Write every `$` as `\u0024`. Used for JSON that travels through environment
   * variables: Airflow expands `$VAR` in config values read from the environment,
   * Kubernetes expands `$(VAR)` in container env values and python-dotenv expands
   * `${VAR}`; the escaped form means the same to any JSON parser.
   */
  escapeDollar?: boolean;
  /**
   * Write `'` as `\u0027` and an escaped backslash (`\\`) as `\u005c`, so the text has no `'`
   * and no backslash followed by `\` or `'`: single-quoted in a `.env` it reads back the same
   * under python-dotenv and compose-go (the Astro CLI). Any JSON parser reads the same value.
   */
  dotenv?: boolean;
}

export function isMarkedJson(v: unknown): v is MarkedJson {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && 'markedField' in v;
}

/**
 * A JSON string literal; slot markers (private-use characters) pass through unescaped.
 * DEL, C1 controls and U+2028/U+2029 are escaped too, so the text stays on one visible line.
 */
export function jsonString(marked: string, escapeDollar = false, dotenv = false): string {
  let s = JSON.stringify(marked).replace(/[\u007f-\u009f\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
  if (escapeDollar) s = s.replace(/\$/g, '\\u0024');
  // Every backslash here starts an escape; only the `\\` escape becomes `\u005c`.
  return asSlot(dotenv ? s.replace(/\\(.)|'/g, (m, c: string | undefined) => (m === "'" ? '\\u0027' : c === '\\' ? '\\u005c' : m)) : s);
}

export function toJson(value: JsonTree, opts: JsonOptions = {}, depth = 0): string {
  const ind = opts.indent;
  const pad = (d: number) => (ind ? '\n' + ' '.repeat(ind * d) : '');
  if (value === null) return 'null';
  if (typeof value === 'string') return jsonString(value, opts.escapeDollar, opts.dotenv);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (isMarkedJson(value)) return OPEN + value.markedField + MID + toJson(value.value, value.oneLine ? { ...opts, indent: undefined } : opts, depth) + CLOSE;
  const sep = ind ? ',' : ', ';
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return '[' + value.map((v) => pad(depth + 1) + toJson(v, opts, depth + 1)).join(sep) + pad(depth) + ']';
  }
  const keys = Object.keys(value);
  if (keys.length === 0) return '{}';
  return (
    '{' +
    keys
      .map((k) => pad(depth + 1) + jsonString(k, opts.escapeDollar, opts.dotenv) + ': ' + toJson(value[k], opts, depth + 1))
      .join(sep) +
    pad(depth) +
    '}'
  );
}
