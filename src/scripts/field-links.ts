/**
 * Links to the setup's fields from a note elsewhere on the page (the copy check, the
 * prefilled-link notice): a click opens the field's closed sections, brings it to the
 * middle of the view and focuses it.
 */
import { fieldInputId } from '../guide/client/activation.ts';

/** A field named in a note: its setup name and the label to show. */
export interface Lack {
  field: string;
  label: string;
}

export function inputOf(field: string): HTMLElement | null {
  return document.getElementById(fieldInputId('setup', field)) ?? document.getElementById(fieldInputId('builder', field));
}

export function fieldLink(lack: Lack): HTMLElement {
  const input = inputOf(lack.field);
  if (!input) return Object.assign(document.createElement('code'), { textContent: lack.label });
  const a = document.createElement('a');
  a.href = `#${input.id}`;
  a.textContent = lack.label;
  a.addEventListener('click', (event) => {
    event.preventDefault();
    // A field in a closed section ("optional" names and paths): open it first.
    for (let d = input.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    input.scrollIntoView({ block: 'center' });
    input.focus({ preventScroll: true });
  });
  return a;
}

export function labelOf(field: string): string {
  return document.querySelector(`label[for="${inputOf(field)?.id}"]`)?.firstChild?.textContent?.trim() || field;
}


/** `a`, `a and b`, `a, b and c`. */
export function joined(parts: HTMLElement[]): (HTMLElement | string)[] {
  return parts.flatMap((p, i) => (i === 0 ? [p] : [i === parts.length - 1 ? ' and ' : ', ', p]));
}
