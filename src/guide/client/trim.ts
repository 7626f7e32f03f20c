/**
 * What of a typed value reaches the snippets. Spaces and line breaks at either end are left
 * out (a copied ID or key often carries them, and they would end up inside quotes); the
 * field keeps the text as typed and says that it was trimmed. Two fields keep their value
 * exactly, because the spaces may be part of it: the test variable's value and the
 * connection's password.
 */
const KEPT_AS_TYPED: readonly string[] = ['variableValue', 'connPassword'];

export function snippetValue(field: string, typed: string): string {
  return KEPT_AS_TYPED.includes(field) ? typed : typed.trim();
}

/** The field's value loses something on its way into the snippets. */
export function isTrimmed(field: string, typed: string): boolean {
  return snippetValue(field, typed) !== typed;
}
