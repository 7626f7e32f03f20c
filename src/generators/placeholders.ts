/**
 * The text a snippet shows where a value is still to be filled: `<your-role-id>` for a
 * field left empty (context.ts `placeholder`), `<installed-chart-version>` for a value the
 * reader reads from their own system. Declared once: the copy check, the form's checks
 * and the doctor all look for it.
 */
export const PLACEHOLDER_SOURCE = '<(?:your|installed)-[^<>\\s]*>';

/** Whether `text` holds a placeholder still to fill. */
export function hasPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER_SOURCE).test(text);
}

/** Every placeholder in `text`, in order. */
export function placeholdersIn(text: string): string[] {
  return text.match(new RegExp(PLACEHOLDER_SOURCE, 'g')) ?? [];
}
