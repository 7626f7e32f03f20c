/** HCL quoted string literals (Vault policies). */
import { asSlot, mapChars } from '../slots.ts';

const NAMED: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A quoted HCL string; the literal, quotes included, is one slot. */
export function hclString(marked: string): string {
  return asSlot(
    '"' +
    mapChars(marked, (ch, next) => {
      if (NAMED[ch]) return NAMED[ch];
      // `${` and `%{` start template sequences; `$${` and `%%{` are their literal forms.
      if ((ch === '$' || ch === '%') && next === '{') return ch + ch;
      const cp = ch.codePointAt(0) ?? 0;
      if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029) {
        return '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
      }
      return ch;
    }) +
      '"',
  );
}
