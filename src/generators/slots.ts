/**
 * Slot marking. A value that comes from a form field is wrapped as
 * OPEN + fieldName + MID + text + CLOSE before it is escaped. Every escaper passes these
 * private-use characters (and the ASCII-letter field name between OPEN and MID) through
 * untouched, so after escaping `extractSlots` can remove them and record where each
 * field's text ended up in the final code.
 */
import type { Slot } from './types.ts';

export const OPEN = '\uE000';
export const MID = '\uE001';
export const CLOSE = '\uE002';

/** Wrap `text` as the slot of `field` (field names are ASCII letters only). */
export function mark(field: string, text: string): string {
  return OPEN + field + MID + text + CLOSE;
}

/**
 * Make typed text safe to mark: drop the private-use characters used as sentinels
 * (U+E000..U+E00F) and NUL (it cannot travel in a command line), and replace lone
 * UTF-16 surrogates with U+FFFD (they cannot be written as UTF-8).
 */
export function sanitize(text: string): string {
  return text
    .replace(/[\uE000-\uE00F\u0000]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/**
 * Split a marked string into units: marker tokens (OPEN+name+MID, or CLOSE) and single
 * code points of text. Escapers map the text units and copy marker tokens.
 */
export function units(marked: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < marked.length; ) {
    const c = marked[i];
    if (c === OPEN) {
      const j = marked.indexOf(MID, i);
      const end = j < 0 ? marked.length : j + 1;
      out.push(marked.slice(i, end));
      i = end;
    } else if (c === CLOSE || c === MID) {
      out.push(c);
      i++;
    } else {
      const cp = marked.codePointAt(i) ?? 0;
      const ch = String.fromCodePoint(cp);
      out.push(ch);
      i += ch.length;
    }
  }
  return out;
}

export function isMarker(unit: string): boolean {
  const c = unit[0];
  return c === OPEN || c === MID || c === CLOSE;
}

/**
 * Escape text character by character; `fn(ch, next)` gets each text character and the
 * next text character (markers skipped, '' at the end), and returns its escaped form.
 */
export function mapChars(marked: string, fn: (ch: string, next: string) => string): string {
  const us = units(marked);
  let out = '';
  for (let i = 0; i < us.length; i++) {
    const u = us[i];
    if (isMarker(u)) {
      out += u;
      continue;
    }
    let next = '';
    for (let j = i + 1; j < us.length; j++) {
      if (!isMarker(us[j])) {
        next = us[j];
        break;
      }
    }
    out += fn(u, next);
  }
  return out;
}

/**
 * The whole of an escaped text as one slot, named after its first field (text without a
 * slot is returned as it is). Escapers whose form depends on the value (a shell word bare
 * or quoted, a YAML or .env value in single or double quotes) return their output this
 * way, so the quotes are part of the slot and a snippet's layout outside its slots never
 * depends on what the reader typed.
 */
export function asSlot(escaped: string): string {
  const open = escaped.indexOf(OPEN);
  if (open < 0) return escaped;
  const mid = escaped.indexOf(MID, open);
  return mark(escaped.slice(open + 1, mid < 0 ? escaped.length : mid), plain(escaped));
}

/**
 * How wide a marked line is for layout decisions (wrapping): its text outside slots, plus
 * `slotWidth` per slot, so the decision depends on the snippet's structure, not on the values.
 */
export function layoutWidth(marked: string, slotWidth = 24): number {
  const { code, slots } = extractSlots(marked);
  return slots.reduce((width, s) => width - (s.end - s.start) + slotWidth, code.length);
}

/** The text a marked string stands for (markers and field names removed). */
export function plain(marked: string): string {
  return marked.replace(/\uE000[^\uE001]*\uE001|[\uE001\uE002]/g, '');
}

/**
 * Remove the markers and return the code with the slot ranges. A slot opened inside
 * another one is flattened into the outer one (slots never nest or overlap).
 */
export function extractSlots(marked: string): { code: string; slots: Slot[] } {
  const slots: Slot[] = [];
  let code = '';
  let depth = 0;
  let field = '';
  let start = 0;
  for (let i = 0; i < marked.length; i++) {
    const c = marked[i];
    if (c === OPEN) {
      const j = marked.indexOf(MID, i);
      const name = marked.slice(i + 1, j < 0 ? marked.length : j);
      i = j < 0 ? marked.length : j;
      if (depth === 0) {
        field = name;
        start = code.length;
      }
      depth++;
    } else if (c === CLOSE) {
      if (depth > 0) {
        depth--;
        if (depth === 0) slots.push({ field, start, end: code.length });
      }
    } else if (c !== MID) {
      code += c;
    }
  }
  return { code, slots };
}
