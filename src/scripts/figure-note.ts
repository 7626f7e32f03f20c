/**
 * A note inside a code figure, between its caption and its code, where the reader who just
 * copied or downloaded it looks (the copy check, a download's rename hint). Its styles come
 * with the page's later stylesheet. One note per `marker` attribute: a new one replaces it.
 */
import laterStyles from '../guide/later.css?url';
import { linkStylesheet } from './link-stylesheet.ts';

export function figureNote(figure: HTMLElement, marker: string): HTMLParagraphElement {
  figure.querySelector(`[${marker}]`)?.remove();
  void linkStylesheet(laterStyles);
  const note = document.createElement('p');
  note.className = 'code-block__note';
  note.setAttribute(marker, '');
  figure.querySelector('pre')?.before(note);
  return note;
}
