/** POSIX shell quoting (bash, zsh, dash): single quotes, `'` written as `'\''`. */
import { asSlot, mapChars, plain } from '../slots.ts';

/** Characters that never need quoting anywhere in a word (no globbing, no expansion). */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Always single-quote. Everything inside single quotes is literal, newlines included. The word is one slot. */
export function shellQuote(marked: string): string {
  return asSlot("'" + mapChars(marked, (ch) => (ch === "'" ? "'\\''" : ch)) + "'");
}

/** Leave a word bare when it is plainly safe, otherwise single-quote it. The word, quotes included, is one slot. */
export function shellWord(marked: string): string {
  return SAFE.test(plain(marked)) ? asSlot(marked) : shellQuote(marked);
}

/**
 * `shellWord` for text without slot markers (sanitized input, such as every value of the
 * migration script): the same word, without the character-by-character work. Only the
 * migration script uses it, so the guides' generator bundles do not carry it.
 */
export function shellWordPlain(text: string): string {
  return SAFE.test(text) ? text : "'" + text.replaceAll("'", "'\\''") + "'";
}
