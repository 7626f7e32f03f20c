/** POSIX shell quoting (bash, zsh, dash): single quotes, `'` written as `'\''`. */
import { mapChars, plain } from '../slots.ts';

/** Characters that never need quoting anywhere in a word (no globbing, no expansion). */
const SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Always single-quote. Everything inside single quotes is literal, newlines included. */
export function shellQuote(marked: string): string {
  return "'" + mapChars(marked, (ch) => (ch === "'" ? "'\\''" : ch)) + "'";
}

/** Leave a word bare when it is plainly safe, otherwise single-quote it. */
export function shellWord(marked: string): string {
  return SAFE.test(plain(marked)) ? marked : shellQuote(marked);
}
