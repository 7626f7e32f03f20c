/**
 * After a copy (copy.ts loads this only when it is needed): what the copied snippet still
 * lacks. A note under the figure's caption names the values still to fill (`<your-…>`
 * placeholders) and the values with an error, each a link to its field, so nothing
 * incomplete or wrong is pasted unnoticed. The note goes when the reader types again.
 */
import type { SetupConfig } from '../guide/client/config.ts';
import { setupConfigUrl } from '../guide/client/activation.ts';
import { type Lack, fieldLink, joined, labelOf } from './field-links.ts';
import { type ProviderId, placeholdersIn } from '../generators/types.ts';
import { figureNote } from './figure-note.ts';


function guideProvider(): ProviderId | null {
  try {
    return (JSON.parse(document.documentElement.dataset.guide ?? 'null') as { provider: ProviderId } | null)?.provider ?? null;
  } catch {
    return null;
  }
}

/** The guide's fields (labels and placeholders), or none outside a guide or offline. */
async function fieldsOf(provider: ProviderId | null): Promise<SetupConfig['fields']> {
  if (!provider) return [];
  try {
    const response = await fetch(setupConfigUrl(provider));
    return ((await response.json()) as SetupConfig).fields;
  } catch {
    return [];
  }
}

/** The values with an error in this code, as the page marked them (live.ts). */
function errorsIn(code: Element): { lack: Lack; message: string }[] {
  const out = new Map<string, string>();
  for (const el of code.querySelectorAll<HTMLElement>('[data-slot-error]')) {
    const field = el.dataset.slotErrorField ?? el.dataset.slot ?? '';
    if (!out.has(field)) out.set(field, el.dataset.slotError ?? '');
  }
  return [...out].map(([field, message]) => ({ lack: { field, label: labelOf(field) }, message }));
}

/** Shows what the copied code still lacks; returns the note's text for the live region ('' when complete). */
export async function showCopyNote(figure: HTMLElement, code: Element): Promise<string> {
  figure.querySelector('[data-copy-note]')?.remove();
  const text = code.textContent ?? '';
  const found = [...new Set(placeholdersIn(text))];
  const fields = found.length ? await fieldsOf(guideProvider()) : [];
  const todo: Lack[] = found.map((placeholder) => {
    const f = fields.find((x) => x.placeholder === placeholder);
    return f ? { field: f.name, label: f.label } : { field: '', label: placeholder };
  });
  const errors = errorsIn(code);
  if (!todo.length && !errors.length) return '';
  const note = figureNote(figure, 'data-copy-note');
  const first = errors[0];
  if (first) note.append('Copied, but ', fieldLink(first.lack), ` has an error: ${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}.`);
  if (todo.length) {
    if (first) note.append(' ');
    note.append(`${first ? 'Still' : 'Copied with'} ${todo.length} ${todo.length === 1 ? 'value' : 'values'} to fill: `, ...joined(todo.map(fieldLink)), '.');
  }
  document.addEventListener('input', () => note.remove(), { once: true });
  return note.textContent ?? '';
}
