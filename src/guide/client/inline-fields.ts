/**
 * The inline fields of a guide (InlineFields.astro): the same setup fields as the form,
 * entered where their value appears. What is typed in them reaches the setup through
 * `followForms` (they are setup forms, see activation.ts); this keeps each one showing the
 * setup's value (typed in the form or in another repeat), with the form's check message and
 * trimmed notice.
 */
import { effect } from '@preact/signals-core';
import { TEXTS } from '../texts.ts';
import { checked } from './derived.ts';
import { type PageSetup, showValues } from './setup.ts';
import { isTrimmed } from './trim.ts';

/** The field's line marked `attribute`, made at the end of the field the first time. */
function line(field: HTMLElement, attribute: string, cls: string, text: string): HTMLElement {
  let p = field.querySelector<HTMLElement>(`[${attribute}]`);
  if (!p) {
    p = document.createElement('p');
    p.className = cls;
    p.setAttribute(attribute, '');
    p.textContent = text;
    p.hidden = true;
    field.append(p);
  }
  return p;
}

export function followInlineFields(setup: PageSetup, doc: Document): void {
  const inputs = Array.from(doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('form[data-inline-fields] :is(input, textarea)[name]'));
  if (!inputs.length) return;
  effect(() => {
    const values = setup.state.value.values;
    const problems = checked.value?.problems ?? [];
    showValues(inputs, values);
    for (const input of inputs) {
      // A choice needs no check message or trimmed notice.
      if (input.type === 'radio') continue;
      const value = values[input.name] ?? '';
      const field = input.closest<HTMLElement>('.sf-field');
      if (!field) continue;
      const trimmed = isTrimmed(input.name, value);
      if (trimmed || field.querySelector('[data-inline-trimmed]')) line(field, 'data-inline-trimmed', 'sf-help', TEXTS.field.trimmed).hidden = !trimmed;
      const msg = line(field, 'data-inline-msg', 'sf-msg', '');
      msg.id = `${input.id}-msg`;
      const problem = value ? problems.find((p) => p.field === input.name) : undefined;
      msg.hidden = !problem;
      msg.className = problem ? `sf-msg sf-msg--${problem.severity}` : 'sf-msg';
      msg.textContent = problem ? (problem.severity === 'error' ? TEXTS.field.error : TEXTS.field.check) + problem.message : '';
      if (problem?.severity === 'error') input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
      const described = [input.dataset.secret !== undefined ? `${input.id}-help` : '', problem ? msg.id : ''].filter(Boolean).join(' ');
      if (described) input.setAttribute('aria-describedby', described);
      else input.removeAttribute('aria-describedby');
    }
  });
}
