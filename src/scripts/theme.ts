/**
 * Theme toggle. The page follows `prefers-color-scheme` until the reader presses
 * the toggle; the explicit choice is stored as `guides:theme` and applied before
 * first paint by the head script. The button is a toggle for "Dark theme"
 * (`aria-pressed` reflects the theme in effect).
 */
/** localStorage key of the reader's explicit choice (read before paint by prepaint.ts). */
export const THEME_STORAGE_KEY = 'guides:theme';

type Theme = 'light' | 'dark';

const media = window.matchMedia('(prefers-color-scheme: dark)');

function effectiveTheme(): Theme {
  const explicit = document.documentElement.getAttribute('data-theme');
  if (explicit === 'light' || explicit === 'dark') return explicit;
  return media.matches ? 'dark' : 'light';
}

function sync(): void {
  const dark = effectiveTheme() === 'dark';
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-theme-toggle]')) {
    button.setAttribute('aria-pressed', String(dark));
  }
}

export function setTheme(theme: Theme): void {
  document.documentElement.setAttribute('data-theme', theme);
  try {
    window.localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    /* storage disabled: the choice lasts for this page only */
  }
  sync();
}

export function initThemeToggle(): void {
  sync();
  media.addEventListener('change', sync);
  document.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement | null)?.closest('[data-theme-toggle]');
    if (button) setTheme(effectiveTheme() === 'dark' ? 'light' : 'dark');
  });
}
