/** The text a copy button puts on the clipboard: the code as shown, without trailing whitespace. */
export function normalizeCopiedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}

/**
 * A code block that shows a shortened text (the migration tool's scripts, of thousands of
 * items) keeps the whole one in this property of its `<code>`: Copy and Download give that.
 */
export type CodeWithFullText = Element & { fullText?: string };

/** The text Copy and Download give for a code element (not yet trimmed). */
export const codeText = (code: Element): string => (code as CodeWithFullText).fullText ?? code.textContent ?? '';
