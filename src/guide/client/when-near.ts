/**
 * Code for a part further down the page (the inline fields, the connection builder) loads
 * when that part comes within a screen of the view or the reader reaches for it, whichever
 * comes first; without IntersectionObserver, at once.
 */
import { REACHING_EVENTS } from './activation.ts';

export function whenNear(elements: readonly Element[], go: () => void): void {
  if (!elements.length) return;
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    for (const el of elements) for (const type of REACHING_EVENTS) el.removeEventListener(type, once);
    go();
  };
  const observer = typeof IntersectionObserver === 'function' ? new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && once(), { rootMargin: '100% 0px' }) : null;
  if (!observer) return once();
  for (const el of elements) {
    observer.observe(el);
    for (const type of REACHING_EVENTS) el.addEventListener(type, once, { passive: true });
  }
}
