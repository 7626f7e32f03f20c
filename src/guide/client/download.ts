/**
 * Download buttons of file snippets: the current text of the figure's code, as a file with
 * the snippet's file name, made in the browser (a Blob URL; no request leaves the page).
 */
import { normalizeCopiedText } from '../../scripts/copy-text';
import { TEXTS } from '../texts.ts';
import { DOWNLOAD_BUTTON } from './activation.ts';
import { linkStylesheet } from '../../scripts/link-stylesheet.ts';
import laterStyles from '../later.css?url';

/** Saves the snippet of a Download button. */
export function save(button: HTMLElement): void {
  const figure = button.closest('.code-block');
  const code = figure?.querySelector('pre code');
  const path = figure?.querySelector('.code-block__filename')?.textContent ?? 'snippet.txt';
  if (!code) return;
  const name = path.slice(path.lastIndexOf('/') + 1) || 'snippet.txt';
  // A generic type, so the browser adds no extension of its own (values.yaml stays values.yaml).
  const blob = new Blob([`${normalizeCopiedText(code.textContent ?? '')}\n`], { type: 'application/octet-stream' });
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
  if (name.startsWith('.') && figure && !figure.querySelector('[data-download-note]')) {
    void linkStylesheet(laterStyles);
    const note = document.createElement('p');
    note.className = 'code-block__note';
    note.dataset.downloadNote = '';
    note.textContent = TEXTS.download.doneDotfile(name);
    figure.querySelector('pre')?.before(note);
  }
}

export function initDownloads(): void {
  document.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement | null)?.closest<HTMLElement>(DOWNLOAD_BUTTON);
    if (button) save(button);
  });
}
