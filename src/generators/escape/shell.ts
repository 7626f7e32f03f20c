/** POSIX shell quoting (bash, zsh, dash): single quotes, `'` written as `'\''`. */
import { asSlot, hasMarkers, mapChars, plain } from '../slots.ts';

/** Characters that never need quoting anywhere in a word (no globbing, no expansion). */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Always single-quote. Everything inside single quotes is literal, newlines included. The word is one slot. */
export function shellQuote(marked: string): string {
  // Plain text (every value of the migration script) the fast way; the same result.
  if (!hasMarkers(marked)) return "'" + marked.replaceAll("'", "'\\''") + "'";
  return asSlot("'" + mapChars(marked, (ch) => (ch === "'" ? "'\\''" : ch)) + "'");
}

/** Leave a word bare when it is plainly safe, otherwise single-quote it. The word, quotes included, is one slot. */
export function shellWord(marked: string): string {
  return SAFE.test(plain(marked)) ? asSlot(marked) : shellQuote(marked);
}
