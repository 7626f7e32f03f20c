/** Per-page counter so every tab group on a page gets unique element ids. */
const counters = new WeakMap<object, number>();

export function nextTabGroupNumber(page: object): number {
  const n = (counters.get(page) ?? 0) + 1;
  counters.set(page, n);
  return n;
}

const escapes: Record<string, string> = { '<': '&lt;', '>': '&gt;' };

/** Labels arrive attribute-escaped (`&amp;`, `&quot;`); make them safe as element text too. */
export function attributeTextToHtml(text: string): string {
  return text.replace(/[<>]/g, (c) => escapes[c] ?? c);
}

/** Turns `authMethod` into "Auth method" for a default tab list label. */
export function humanizeGroup(group: string): string {
  const words = group
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
