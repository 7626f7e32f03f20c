/**
 * Download buttons of file snippets: the current text of the figure's code (the whole text
 * where the page shows a shortened one, see `codeText`), as a file with
 * the snippet's file name, made in the browser (a Blob URL; no request leaves the page).
 */
import { codeText, normalizeCopiedText } from '../../scripts/copy-text';
import { TEXTS } from '../texts.ts';

/** Saves the snippet of a Download button. */
export function save(button: HTMLElement): void {
  const figure = button.closest('.code-block');
  const code = figure?.querySelector('pre code');
  const path = figure?.querySelector('.code-block__filename')?.textContent ?? 'snippet.txt';
  if (!code) return;
  const name = path.slice(path.lastIndexOf('/') + 1) || 'snippet.txt';
  // A generic type, so the browser adds no extension of its own (values.yaml stays values.yaml).
  const blob = new Blob([`${normalizeCopiedText(codeText(code))}\n`], { type: 'application/octet-stream' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
  const region = document.getElementById('live-status');
  if (region) region.textContent = name.startsWith('.') ? TEXTS.download.doneDotfile(name) : TEXTS.download.done(name);
  // Chromium drops the leading dot of a saved file's name: say so where the reader looks.
  if (name.startsWith('.') && figure instanceof HTMLElement) {
    const hint = TEXTS.download.doneDotfile(name);
    void import('../../scripts/figure-note.ts').then((m) => {
      m.figureNote(figure, 'data-download-note').textContent = hint;
    });
  }
}
