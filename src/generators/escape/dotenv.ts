/**
 * `.env` values. Two readers matter: python-dotenv (the issue's round-trip rule) and compose-go,
 * which the Astro CLI uses to load `.env` into the local containers.
 *
 * Single quotes: python-dotenv decodes only `\\` and `\'`; compose-go only `\'` (it keeps `\\`
 * as two characters). Neither expands anything else, except that python-dotenv expands `${NAME}`
 * (and `${NAME:-default}`) even inside single quotes. So text with no `'`, no carriage return, no
 * `${` and no backslash before `\`, `'` or the end is written as it is and reads back the same in
 * both: that is why the kwargs JSON is written with `\u0027`, `\u005c` and `\u0024` (see json.ts).
 *
 * Other text keeps python-dotenv exactness and stays safe in compose-go (the value never ends
 * early): `'` is written `\'`, a backslash before `\`, `'` or the end is doubled, and `${` is
 * written `${:-$}{` (an empty name is never set, so python-dotenv expands it to `$`). A trailing
 * backslash is followed by `${:-}` (expands to nothing), or it would pair with the closing quote.
 * A carriage return would become a newline when python reads the file, so text with one uses
 * double quotes, which have a `\r` escape (compose-go then expands `$` too: not portable).
 */
import { asSlot, mapChars, plain } from '../slots.ts';

function dollar(ch: string, next: string): string | undefined {
  if (ch === '$' && next === '{') return '${:-$}';
  if (ch === '\\' && next === '') return '\\\\${:-}';
  return undefined;
}

/** The quoted value (single quotes unless it holds a carriage return), quotes included in its slot. */
export function dotenvValue(marked: string): string {
  if (!plain(marked).includes('\r')) {
    return asSlot(
      "'" +
      mapChars(marked, (ch, next) => {
        const d = dollar(ch, next);
        if (d !== undefined) return d;
        if (ch === "'") return "\\'";
        return ch === '\\' && (next === '\\' || next === "'") ? '\\\\' : ch;
      }) +
      "'"
    );
  }
  const named: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\r': '\\r', '\n': '\\n' };
  return asSlot('"' + mapChars(marked, (ch, next) => dollar(ch, next) ?? named[ch] ?? ch) + '"');
}

/** A `KEY=value` line. */
export function dotenvLine(key: string, marked: string): string {
  return key + '=' + dotenvValue(marked);
}
