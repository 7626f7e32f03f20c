/**
 * "Your setup" from anywhere on the page: the fixed summary button (SetupForm.astro) shows
 * the current choices and opens the setup form in a modal dialog, where the reader is; the
 * form itself is moved into the dialog and back (the same form, island and state), and a
 * placeholder of its height keeps the page from moving behind it. The button hides while the
 * form is in view.
 */
import { effect } from '@preact/signals-core';
import { PLATFORM_LABELS } from '../../generators/types.ts';
import { TEXTS } from '../texts.ts';
import { SETUP_SUMMARY } from './activation.ts';
import { resolveChoices } from './choices.ts';
import type { PageSetup } from './setup.ts';

let dialog: HTMLDialogElement | null = null;

function authLabel(method: string): string {
  const input = document.querySelector(`form[data-setup-form] input[name="authMethod"][value="${CSS.escape(method)}"]`);
  return input?.closest('label')?.textContent?.trim() || method;
}

export function openSetupDialog(): void {
  const setup = document.querySelector<HTMLElement>('.setup');
  if (!setup) return;
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.className = 'setup-dialog';
    dialog.setAttribute('aria-labelledby', 'setup-dialog-title');
    const bar = document.createElement('div');
    bar.className = 'setup-dialog__bar';
    const title = document.createElement('p');
    title.id = 'setup-dialog-title';
    title.className = 'setup-dialog__title';
    title.textContent = TEXTS.summary.title;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'setup-dialog__close';
    close.textContent = TEXTS.summary.close;
    close.addEventListener('click', () => dialog?.close());
    bar.append(title, close);
    dialog.append(bar);
    document.body.append(dialog);
    // A click on the backdrop closes it too.
    dialog.addEventListener('click', (event) => {
      if (event.target === dialog) dialog?.close();
    });
  }
  const d = dialog;
  const placeholder = document.createElement('div');
  placeholder.className = 'setup-placeholder';
  placeholder.style.height = `${setup.offsetHeight}px`;
  setup.before(placeholder);
  d.append(setup);
  d.addEventListener(
    'close',
    () => {
      placeholder.replaceWith(setup);
      document.querySelector<HTMLElement>(SETUP_SUMMARY)?.focus();
    },
    { once: true },
  );
  d.showModal();
}

export function followSetupSummary(setup: PageSetup): void {
  const button = document.querySelector<HTMLElement>(SETUP_SUMMARY);
  const text = button?.querySelector<HTMLElement>('[data-setup-summary-text]');
  if (!button || !setup.spec) return;
  const spec = setup.spec;
  if (text)
    effect(() => {
      const c = resolveChoices(spec.auth, {}, setup.choices.value);
      text.textContent = TEXTS.summary.choices(PLATFORM_LABELS[c.platform], authLabel(c.authMethod), c.platform === 'remote-execution' ? '' : c.airflowVersion);
    });
  const form = document.querySelector('.setup');
  if (form && typeof IntersectionObserver === 'function')
    new IntersectionObserver((entries) => {
      for (const entry of entries) button.toggleAttribute('data-form-in-view', entry.isIntersecting && !dialog?.open);
    }).observe(form);
}
