/**
 * Line groups of a snippet: the code split at line breaks that are outside every slot (a
 * slot may hold several lines, such as a pasted JSON key, and stays in one group). The
 * browser rebuilds a snippet whose shape changed from pre-rendered groups with the same
 * skeleton, so only lines that really differ ever lose their highlighting.
 */
import { type SlotRange, shapeKey, skeletonOf } from './skeleton.ts';

export interface LineGroup {
  start: number;
  end: number;
  /** Slots of the group, with offsets relative to `start`. */
  slots: SlotRange[];
  /** Key of the group's skeleton. */
  key: string;
}

/** Slots must be sorted and must not overlap (the generator guarantees both). */
export function lineGroups(code: string, slots: readonly SlotRange[]): LineGroup[] {
  const groups: LineGroup[] = [];
  let k = 0;
  let start = 0;
  const close = (end: number) => {
    const own: SlotRange[] = [];
    while (k < slots.length) {
      const s = slots[k] as SlotRange;
      if (s.start > end || s.end > end) break;
      own.push({ field: s.field, start: s.start - start, end: s.end - start });
      k++;
    }
    groups.push({ start, end, slots: own, key: shapeKey(skeletonOf(code.slice(start, end), own)) });
  };
  let j = 0;
  for (let i = 0; i < code.length; i++) {
    if (code.charCodeAt(i) !== 10) continue;
    while (j < slots.length && (slots[j] as SlotRange).end <= i) j++;
    const s = slots[j];
    if (s && s.start <= i && i < s.end) continue;
    close(i);
    start = i + 1;
  }
  close(code.length);
  return groups;
}
