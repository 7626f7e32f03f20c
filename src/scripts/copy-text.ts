/** The text a copy button puts on the clipboard: the code as shown, without trailing whitespace. */
export function normalizeCopiedText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');
}
