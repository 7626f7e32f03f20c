/** YAML scalars: single-quoted when that is exact and readable, double-quoted otherwise. */
import { asSlot, mapChars, plain } from '../slots.ts';

/** Characters a single-quoted YAML scalar can hold as they are (YAML 1.2 printable, no line breaks or tabs). */
const SINGLE_OK = /^[\u0020-\u007E\u00A0-\uD7FF\uE000-\uFEFE\uFF00-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const LINE_SEPARATORS = /[\u2028\u2029]/;

const NAMED: Record<string, string> = {
  '\0': '\\0',
  '\u0007': '\\a',
  '\b': '\\b',
  '\t': '\\t',
  '\n': '\\n',
  '\u000B': '\\v',
  '\f': '\\f',
  '\r': '\\r',
  '\u001B': '\\e',
  '"': '\\"',
  '\\': '\\\\',
  '\u0085': '\\N',
  '\u2028': '\\L',
  '\u2029': '\\P',
};

function hex(ch: string, width: number, prefix: string): string {
  return prefix + (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(width, '0');
}

/** Double-quoted scalar: every non-printable character escaped. */
export function yamlDoubleQuoted(marked: string): string {
  return (
    '"' +
    mapChars(marked, (ch) => {
      if (NAMED[ch]) return NAMED[ch];
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f)) return hex(ch, 2, '\\x');
      if (cp === 0xfeff || cp === 0xfffe || cp === 0xffff) return hex(ch, 4, '\\u');
      return ch;
    }) +
    '"'
  );
}

/** Single-quoted scalar (`'` doubled). Only valid for text `SINGLE_OK` accepts. */
export function yamlSingleQuoted(marked: string): string {
  return "'" + mapChars(marked, (ch) => (ch === "'" ? "''" : ch)) + "'";
}

/** Single-quoted when exact, else double-quoted; the scalar, quotes included, is one slot. */
export function yamlString(marked: string): string {
  const text = plain(marked);
  return asSlot(SINGLE_OK.test(text) && !LINE_SEPARATORS.test(text) ? yamlSingleQuoted(marked) : yamlDoubleQuoted(marked));
}
