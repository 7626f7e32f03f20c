/**
 * Lets the browser skip the layout and paint of page sections that are off screen
 * (`.doc-section`, one per h2), which keeps a keystroke in the setup form down to the
 * part of the page in view.
 *
 * A section gets `content-visibility: auto` (the class below) only once it has been laid
 * out at its real size and is seen wholly outside the viewport: it is then remembered at
 * that size while skipped, so the scrollbar and anchor links stay exact, and nothing the
 * reader is looking at is re-laid out. (Switching a section that crosses the viewport
 * edge counts as a layout shift in Chromium, so those wait until they are scrolled away.)
 */
import { SECTION_CLASS } from '../integrations/doc-sections';

export const LAZY_SECTION_CLASS = `${SECTION_CLASS}--lazy`;

export function initLazySections(root: ParentNode = document): void {
  if (typeof IntersectionObserver !== 'function') return;
  const sections = root.querySelectorAll<HTMLElement>(`.${SECTION_CLASS}`);
  if (sections.length === 0) return;
  // An observer's first report comes after the page's first rendering, in which every
  // section's size is recorded (contain-intrinsic-size: auto).
  const observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (entry.isIntersecting) continue;
      entry.target.classList.add(LAZY_SECTION_CLASS);
      observer.unobserve(entry.target);
    }
  });
  for (const section of sections) observer.observe(section);
}
