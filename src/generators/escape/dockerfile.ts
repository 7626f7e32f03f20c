/**
 * Dockerfile `ENV key=value` values. BuildKit processes the value like a shell word:
 * inside single quotes everything is literal (no `$` expansion, no escapes), and outside
 * quotes `\'` is a literal quote, so `'...'\''...'` works as in POSIX shell. An
 * instruction cannot hold a line break, so CR and LF become spaces (documented loss).
 */
import { asSlot, mapChars } from '../slots.ts';

/** The single-quoted value; the literal, quotes included, is one slot. */
export function dockerfileValue(marked: string): string {
  return asSlot(
    "'" +
    mapChars(marked, (ch) => {
      if (ch === "'") return "'\\''";
      if (ch === '\n' || ch === '\r') return ' ';
      return ch;
    }) +
      "'",
  );
}

/** An `ENV KEY='value'` line. */
export function dockerfileEnv(key: string, marked: string): string {
  return 'ENV ' + key + '=' + dockerfileValue(marked);
}
