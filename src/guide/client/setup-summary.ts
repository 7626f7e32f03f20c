/**
 * "Your setup" from anywhere on a guide: a fixed button with the current choices (platform,
 * auth method, Airflow version) that opens the setup form in a dialog (setup-dialog.ts). Made
 * here, when page.ts sees the form leave the view for the first time; hidden again while the
 * form is in view.
 */
import { effect } from '@preact/signals-core';
import { PLATFORM_LABELS } from '../../generators/types.ts';
import { linkStylesheet } from '../../scripts/link-stylesheet.ts';
import laterStyles from '../later.css?url';
import { TEXTS } from '../texts.ts';
import { resolveChoices } from './choices.ts';
import { openSetupDialog } from './setup-dialog.ts';
import type { PageSetup } from './setup.ts';

/** An auth method's name as the form's radio button shows it. */
function authLabel(method: string): string {
  const input = document.querySelector(`form[data-setup-form] input[name="authMethod"][value="${CSS.escape(method)}"]`);
  return input?.closest('label')?.textContent?.trim() || method;
}

/** `activate`: what reaching for the form does (hydrates the form islands). */
export function startSetupSummary(setup: PageSetup, activate: () => void): void {
  const spec = setup.spec;
  const form = document.querySelector('.setup');
  if (!spec || !form || document.querySelector('[data-setup-summary]')) return;
  const button = document.createElement('button');
  // Shown once its styles are in (they come with this code).
  button.hidden = true;
  void linkStylesheet(laterStyles).then(() => {
    button.hidden = false;
  });
  button.type = 'button';
  button.className = 'setup-summary';
  button.dataset.setupSummary = '';
  button.setAttribute('aria-haspopup', 'dialog');
  const label = document.createElement('span');
  label.className = 'setup-summary__label';
  label.textContent = TEXTS.summary.title;
  const text = document.createElement('span');
  text.className = 'setup-summary__text';
  button.append(label, text);
  button.addEventListener('click', () => {
    activate();
    openSetupDialog(button);
  });
  document.body.append(button);
  effect(() => {
    const c = resolveChoices(spec.auth, {}, setup.choices.value);
    const parts = [PLATFORM_LABELS[c.platform], authLabel(c.authMethod), c.platform === 'remote-execution' ? '' : `Airflow ${c.airflowVersion}`];
    text.textContent = parts.filter(Boolean).join(' · ');
  });
  if (typeof IntersectionObserver === 'function')
    new IntersectionObserver((entries) => {
      for (const entry of entries) button.toggleAttribute('data-form-in-view', entry.isIntersecting && !document.querySelector('dialog.setup-dialog[open]'));
    }).observe(form);
}
