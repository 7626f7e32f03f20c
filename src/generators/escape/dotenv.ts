/**
 * `.env` values as python-dotenv reads them. Single quotes decode only `\\` and `\'`;
 * double quotes also decode `\n`, `\r`, `\t` and friends. Both forms may span lines.
 * python-dotenv expands `${NAME}` (and `${NAME:-default}`) in every value, quoted or not,
 * and has no escape for `$`; `${:-$}` expands to a literal `$` (an empty name is never
 * set), so a literal `${` is written as `${:-$}{`. A backslash just before the closing quote
 * would pair with it (`\'`) and swallow the following lines, so a trailing backslash is
 * followed by `${:-}`, which expands to nothing.
 */
import { mapChars, plain } from '../slots.ts';

function dollar(ch: string, next: string): string | undefined {
  if (ch === '$' && next === '{') return '${:-$}';
  if (ch === '\\' && next === '') return '\\\\${:-}';
  return undefined;
}

export function dotenvValue(marked: string): string {
  // A raw carriage return would be turned into a newline when the file is read, so text
  // with one uses the double-quoted form, which has a `\r` escape.
  if (!plain(marked).includes('\r')) {
    return "'" + mapChars(marked, (ch, next) => dollar(ch, next) ?? (ch === '\\' || ch === "'" ? '\\' + ch : ch)) + "'";
  }
  const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\r': '\\r', '\n': '\\n' };
  return '"' + mapChars(marked, (ch, next) => dollar(ch, next) ?? named[ch] ?? ch) + '"';
}

/** A `KEY=value` line. */
export function dotenvLine(key: string, marked: string): string {
  return key + '=' + dotenvValue(marked);
}
