/** Python 3 string literals (double-quoted). */
import { asSlot, mapChars } from '../slots.ts';

const NAMED: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A double-quoted Python string; the literal, quotes included, is one slot. */
export function pyString(marked: string): string {
  return asSlot(
    '"' +
    mapChars(marked, (ch) => {
      if (NAMED[ch]) return NAMED[ch];
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x20 || (cp >= 0x7f && cp <= 0xa0)) return '\\x' + cp.toString(16).padStart(2, '0');
      if (cp === 0x2028 || cp === 0x2029 || cp === 0xfeff) return '\\u' + cp.toString(16).padStart(4, '0');
      return ch;
    }) +
      '"',
  );
}
