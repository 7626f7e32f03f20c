/**
 * A snippet's "shape": its code with the text of every slot removed. Two renderings of a
 * snippet with the same shape differ only inside their slots, so a pre-rendered
 * (highlighted) shape can show any input of that shape by replacing the text of its slot
 * elements. A slot's field name is not part of the shape: a slot built from several fields
 * is named after the first one present, which says nothing about the layout. Shared by the
 * build (Snippet.astro) and the browser.
 */

export interface SlotRange {
  field: string;
  start: number;
  end: number;
}

/** The code with each slot's text replaced by `\u0000`. */
export function skeletonOf(code: string, slots: readonly SlotRange[]): string {
  let out = '';
  let last = 0;
  for (const s of slots) {
    out += code.slice(last, s.start) + '\u0000';
    last = s.end;
  }
  return out + code.slice(last);
}

/**
 * A short, stable key for a skeleton (32-bit string hash and the length, base 36): it only
 * tells apart the few shapes one snippet can take, and every figure of a page carries one.
 */
export function shapeKey(skeleton: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < skeleton.length; i++) {
    const c = skeleton.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 >>> 0).toString(36) + '-' + skeleton.length.toString(36);
}

/** The text of each slot, in order. */
export function slotTexts(code: string, slots: readonly SlotRange[]): string[] {
  return slots.map((s) => code.slice(s.start, s.end));
}
