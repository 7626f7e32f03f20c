/**
 * The fixed "Your setup" button of a guide (DocsLayout.astro): it shows the current choices,
 * hides while the form itself is in view, and opens the form in a dialog (setup-dialog.ts).
 * Loaded by page.ts when the form first leaves the view, or on a click of the button.
 */
import { effect } from '@preact/signals-core';
import { PLATFORM_LABELS } from '../../generators/types.ts';
import { SETUP_SUMMARY } from './activation.ts';
import { resolveChoices } from './choices.ts';
import type { PageSetup } from './setup.ts';

/** An auth method's name as the form's radio button shows it. */
function authLabel(method: string): string {
  const input = document.querySelector(`form[data-setup-form] input[name="authMethod"][value="${CSS.escape(method)}"]`);
  return input?.closest('label')?.textContent?.trim() || method;
}

export { openSetupDialog } from './setup-dialog.ts';

export function followSetupSummary(setup: PageSetup): void {
  const button = document.querySelector<HTMLElement>(SETUP_SUMMARY);
  const text = button?.querySelector<HTMLElement>('[data-setup-summary-text]');
  const spec = setup.spec;
  if (!button || !spec) return;
  if (text)
    effect(() => {
      const c = resolveChoices(spec.auth, {}, setup.choices.value);
      const parts = [PLATFORM_LABELS[c.platform], authLabel(c.authMethod), c.platform === 'remote-execution' ? '' : `Airflow ${c.airflowVersion}`];
      text.textContent = parts.filter(Boolean).join(' · ');
    });
  const form = document.querySelector('.setup');
  if (form && typeof IntersectionObserver === 'function')
    new IntersectionObserver((entries) => {
      for (const entry of entries) button.toggleAttribute('data-form-in-view', entry.isIntersecting && !document.querySelector('dialog.setup-dialog[open]'));
    }).observe(form);
}
