/**
 * At load: the "On this page" lists (the phone bar's is copied from the side column's). The code that marks the section in view (toc-spy.ts)
 * loads on the first scroll, or at once when the page opens scrolled or at a heading. On
 * phones the list is a sticky disclosure; following one of its links closes it.
 */
export const TOC_LINK = '.toc a[href^="#"]';

export function initToc(): void {
  if (!document.querySelector(TOC_LINK)) return;
  // The phone bar's list: a copy of the side column's (the page carries it once).
  const bar = document.querySelector('.toc-mobile');
  const list = document.querySelector('.toc-aside .toc');
  if (bar && list && !bar.querySelector('.toc')) bar.append(list.cloneNode(true));
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('.toc-mobile a') : null;
    const disclosure = link?.closest('details');
    if (disclosure) disclosure.open = false;
  });
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    removeEventListener('scroll', start);
    import('./toc-spy.ts').then((spy) => spy.startTocSpy()).catch(() => undefined);
  };
  if (location.hash || window.scrollY > 0) start();
  else addEventListener('scroll', start, { passive: true });
}
