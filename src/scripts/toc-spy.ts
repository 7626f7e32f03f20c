/**
 * Marks, in every "On this page" list, the section the reader is in (`aria-current="true"`
 * on its link) and shows its name in the phone bar's summary. Loaded on the first scroll or
 * when the page opens at a heading (toc.ts), so a page that is only opened costs nothing.
 *
 * The section in view is the last listed heading above a line just under the sticky bars;
 * at the very end of the page it is the last one. Only the sections' boxes are measured
 * (`.doc-section`, one per h2, laid out also while skipped) plus the h3s of the one in view.
 */
import { TOC_LINK } from './toc.ts';

const TOC_CURRENT_NAME = '[data-toc-current]';

/** Scrolls the wide layout's contents column (not the page) so the marked link shows. */
function keepInView(link: HTMLElement): void {
  const column = link.closest<HTMLElement>('.toc-aside');
  if (!column || column.scrollHeight <= column.clientHeight) return;
  const at = link.getBoundingClientRect();
  const box = column.getBoundingClientRect();
  if (at.top < box.top || at.bottom > box.bottom) column.scrollTop += at.top - box.top - box.height / 2;
}

export function startTocSpy(): void {
  const links = Array.from(document.querySelectorAll<HTMLAnchorElement>(TOC_LINK));
  // Each listed heading, looked up once (both lists link to the same ones).
  const headingById = new Map<string, HTMLElement | null>();
  const headingOf = (a: HTMLAnchorElement) => {
    const id = decodeURIComponent(a.hash.slice(1));
    if (!headingById.has(id)) headingById.set(id, document.getElementById(id));
    return headingById.get(id) ?? null;
  };
  const headings = [...new Set(links.map(headingOf))].filter((h): h is HTMLElement => h !== null);
  if (headings.length === 0) return;
  const names = Array.from(document.querySelectorAll<HTMLElement>(TOC_CURRENT_NAME));
  let current: string | null = null;
  let queued = false;

  /** The line under the header and the phone bar: a heading above it has been reached. */
  const line = () => {
    const header = document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0;
    const bar = document.querySelector('.toc-mobile');
    const barBottom = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
    return Math.max(header, barBottom) + 24;
  };
  const sections = headings.filter((h) => h.tagName === 'H2');
  const subheadings = headings.filter((h) => h.tagName !== 'H2');
  /** An h2 is measured by its section's box: the section is laid out even while skipped. */
  const topOf = (h: HTMLElement) => (h.closest('.doc-section') ?? h).getBoundingClientRect().top;
  const shown = (h: HTMLElement) => h.getClientRects().length > 0;

  const update = () => {
    queued = false;
    const y = line();
    let found: HTMLElement | undefined;
    const atEnd = window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    if (atEnd) found = headings[headings.length - 1];
    else {
      for (const h of sections) {
        if (topOf(h) <= y) found = h;
        else break;
      }
      const section = found?.closest('.doc-section');
      // The h3s of the section in view only: the others may be skipped and are not measured.
      for (const h of subheadings) if (section?.contains(h) && shown(h) && h.getBoundingClientRect().top <= y) found = h;
    }
    const id = found?.id ?? null;
    if (id === current) return;
    current = id;
    let text = '';
    for (const a of links) {
      if (found && headingOf(a) === found) {
        a.setAttribute('aria-current', 'true');
        text = a.textContent ?? '';
        keepInView(a);
      } else a.removeAttribute('aria-current');
    }
    for (const n of names) n.textContent = text;
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  };
  addEventListener('scroll', schedule, { passive: true });
  addEventListener('resize', schedule, { passive: true });
  addEventListener('hashchange', schedule);
  // A choice (platform, auth method) shows other panels.
  addEventListener('change', schedule);
  addEventListener('click', schedule);
  update();
}
