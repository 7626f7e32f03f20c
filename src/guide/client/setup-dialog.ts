/**
 * "Your setup" from anywhere on the page (the summary button, setup-summary.ts): the setup
 * form in a modal dialog, where the reader is. The form itself is moved into the dialog and
 * back (the same form, island and state), and a placeholder of its height keeps the page from
 * moving behind it.
 */
import { linkStylesheet } from '../../scripts/link-stylesheet.ts';
import laterStyles from '../later.css?url';
import { TEXTS } from '../texts.ts';

let dialog: HTMLDialogElement | null = null;

/** Opens the dialog; `opener` gets the focus back when it closes. */
export function openSetupDialog(opener: HTMLElement): void {
  const setup = document.querySelector<HTMLElement>('.setup');
  if (!setup) return;
  void linkStylesheet(laterStyles);
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
      opener.focus();
    },
    { once: true },
  );
  d.showModal();
}
