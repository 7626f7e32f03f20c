/**
 * A guide opened from a teammate's link (values this browser did not remember: setup.ts
 * `LinkReport.prefilled`) says so at its top: the values came from the link, the reader's
 * own secrets did not (links never carry them), and which secret fields the chosen setup
 * still needs, each a link to its field. The list follows the setup as the reader fills it.
 */
import { effect } from '@preact/signals-core';
import { fieldLink, joined, labelOf } from '../../scripts/field-links.ts';
import { linkStylesheet } from '../../scripts/link-stylesheet.ts';
import laterStyles from '../later.css?url';
import { LATER_TEXTS } from '../later-texts.ts';
import { resolveChoices } from './choices.ts';
import type { PageSetup } from './setup.ts';

/** The setup form's credential inputs (secret, not the test values' group) that apply to the chosen platform and auth method. */
function secretInputs(setup: PageSetup): HTMLInputElement[] {
  const spec = setup.spec;
  if (!spec) return [];
  const c = resolveChoices(spec.auth, {}, setup.choices.value);
  const combo = `${c.platform}:${c.authMethod}`;
  return Array.from(document.querySelectorAll<HTMLInputElement>('form[data-setup-form] [data-secret][name]')).filter((input) => {
    if (input.closest('fieldset.sf-group')) return false;
    const when = input.closest('[data-when]')?.getAttribute('data-when');
    return !when || when.split(' ').includes(combo);
  });
}

function reviewSetup(): void {
  const form = document.querySelector<HTMLElement>('.setup');
  if (!form) return;
  form.scrollIntoView({ block: 'start' });
  form.querySelector<HTMLElement>('input:not([type="hidden"]), textarea')?.focus({ preventScroll: true });
}

export function showLinkNotice(setup: PageSetup): void {
  const title = document.querySelector('main h1');
  if (!title || document.querySelector('[data-link-notice]')) return;
  const notice = document.createElement('div');
  notice.className = 'callout link-notice';
  notice.dataset.linkNotice = '';
  notice.setAttribute('role', 'note');
  notice.setAttribute('aria-label', LATER_TEXTS.linkNotice.title);
  notice.hidden = true;
  const head = document.createElement('p');
  head.className = 'callout__title';
  head.textContent = LATER_TEXTS.linkNotice.title;
  const body = document.createElement('p');
  const review = document.createElement('button');
  review.type = 'button';
  review.className = 'sf-button note-button';
  review.textContent = LATER_TEXTS.linkNotice.review;
  review.addEventListener('click', reviewSetup);
  body.append(LATER_TEXTS.linkNotice.body, ' ', review);
  const secrets = document.createElement('p');
  secrets.dataset.linkNoticeSecrets = '';
  const dismiss = document.createElement('button');
  dismiss.type = 'button';
  dismiss.className = 'sf-button note-button link-notice__dismiss';
  dismiss.textContent = LATER_TEXTS.linkNotice.dismiss;
  dismiss.addEventListener('click', () => {
    stop();
    notice.remove();
    (document.getElementById('content') ?? document.body).focus({ preventScroll: true });
  });
  notice.append(head, body, secrets, dismiss);
  title.after(notice);
  const stop = effect(() => {
    void setup.state.value;
    const missing = secretInputs(setup).filter((input) => !setup.state.value.values[input.name]);
    secrets.replaceChildren(
      ...(missing.length
        ? [LATER_TEXTS.linkNotice.stillSecrets(missing.length), ...joined(missing.map((input) => fieldLink({ field: input.name, label: labelOf(input.name) }))), '.']
        : [LATER_TEXTS.linkNotice.noSecrets]),
    );
  });
  // Shown once its styles are in.
  void linkStylesheet(laterStyles).then(() => {
    notice.hidden = false;
  });
}
