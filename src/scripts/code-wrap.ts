/**
 * "Wrap" toggles on code blocks: long lines (the kwargs line of a `.env`, ARNs in policies)
 * wrap inside the box instead of running off its edge, each wrapped part indented under its
 * line (code.css). One choice for every block of the site, remembered in this browser: the
 * pre-paint script applies it before the first paint of the next page. Copying is not
 * affected: it takes the code's text, which wrapping does not change.
 *
 * Loaded when the reader first reaches for a code block (copy.ts); each later reach adds the
 * toggle to blocks made since (the migration tool's, the doctor's).
 */
import { linkStylesheet } from './link-stylesheet.ts';
import laterStyles from '../guide/later.css?url';

export const WRAP_STORAGE_KEY = 'guides:wrap-code';
export const WRAP_ATTRIBUTE = 'data-wrap-code';

const TOGGLE = 'code-block__wrap';

function wrapped(): boolean {
  return document.documentElement.hasAttribute(WRAP_ATTRIBUTE);
}

function setWrapped(on: boolean): void {
  document.documentElement.toggleAttribute(WRAP_ATTRIBUTE, on);
  try {
    if (on) localStorage.setItem(WRAP_STORAGE_KEY, '1');
    else localStorage.removeItem(WRAP_STORAGE_KEY);
  } catch {
    /* storage blocked: the choice lasts for this page */
  }
  for (const b of document.querySelectorAll(`.${TOGGLE}`)) b.setAttribute('aria-pressed', String(on));
}

function toggle(): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = TOGGLE;
  b.textContent = 'Wrap';
  b.title = 'Wrap long lines in every code block';
  b.setAttribute('aria-pressed', String(wrapped()));
  b.addEventListener('click', () => {
    // Keep the pressed button where it is on the screen while every block changes height.
    const top = b.getBoundingClientRect().top;
    setWrapped(!wrapped());
    window.scrollBy(0, b.getBoundingClientRect().top - top);
  });
  return b;
}

/** Adds a toggle to every code block that has none, in its caption or language bar. */
export function addWrapToggles(): void {
  const bars = Array.from(document.querySelectorAll<HTMLElement>('.code-block > :is(.code-block__caption, .code-block__lang)')).filter((bar) => !bar.querySelector(`.${TOGGLE}`));
  if (!bars.length) return;
  const made = bars.map((bar) => {
    const b = toggle();
    b.hidden = true;
    bar.append(b);
    return b;
  });
  // Shown once their styles are in.
  void linkStylesheet(laterStyles).then(() => {
    for (const b of made) b.hidden = false;
  });
}
