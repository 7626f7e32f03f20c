/**
 * Copy buttons of code figures. Copies the current text of the figure's `<code>`
 * element (so values filled in later by an island are copied too; the whole text where the
 * page shows a shortened one, see `codeText`), trimmed by `normalizeCopiedText`, and
 * announces the result in the page's live region.
 */
import { codeText, normalizeCopiedText } from './copy-text';

const RESET_MS = 2000;

function announce(message: string): void {
  const region = document.getElementById('live-status');
  if (!region) return;
  region.textContent = '';
  // A fresh text node after clearing makes screen readers repeat identical messages.
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}

async function copyFrom(button: HTMLButtonElement): Promise<void> {
  const code = button.closest('.code-block')?.querySelector('pre code');
  if (!code) return;
  const label = button.querySelector('.code-block__copy-text');
  let message = 'Copied';
  const text = codeText(code);
  try {
    await navigator.clipboard.writeText(normalizeCopiedText(text));
  } catch {
    message = 'Copy failed';
  }
  if (label) label.textContent = message;
  button.dataset.state = message === 'Copied' ? 'copied' : 'failed';
  announce(message);
  const figure = button.closest<HTMLElement>('.code-block');
  // Values still to fill or with an error: the check (loaded at the first copy) says which.
  if (figure && message === 'Copied') {
    const note = await import('./copy-check.ts').then((m) => m.showCopyNote(figure, code)).catch(() => '');
    if (note) announce(note);
  } else figure?.querySelector('[data-copy-note]')?.remove();
  window.setTimeout(() => {
    if (label) label.textContent = 'Copy';
    delete button.dataset.state;
  }, RESET_MS);
}

export function initCopyButtons(): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement | null)?.closest<HTMLButtonElement>('.code-block__copy');
    if (button) void copyFrom(button);
  });
  // The Wrap toggles (code-wrap.ts) come when the reader first reaches for a code block.
  const reach = (event: Event) => {
    const figure = event.target instanceof Element ? event.target.closest('.code-block') : null;
    if (figure && !figure.querySelector('.code-block__wrap')) void import('./code-wrap.ts').then((m) => m.addWrapToggles()).catch(() => undefined);
  };
  for (const type of ['pointerover', 'focusin', 'touchstart']) document.addEventListener(type, reach, { passive: true });
}
