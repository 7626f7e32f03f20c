/**
 * At load: what opens the site search. The header button, `/` (when not typing in a field)
 * and Ctrl/Cmd-K open its dialog at once, so what the reader types next lands in the search
 * field, and load the code that searches (search.ts); nothing else of the search is loaded
 * before that.
 */
export const SEARCH_OPEN = '[data-search-open]';
export const SEARCH_DIALOG = 'dialog[data-search]';

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

export function initSearchTrigger(): void {
  const open = () => {
    const dialog = document.querySelector<HTMLDialogElement>(SEARCH_DIALOG);
    if (!dialog || dialog.open) return;
    dialog.showModal();
    dialog.querySelector('input')?.select();
    import('./search.ts').then((search) => search.startSearch(dialog)).catch(() => undefined);
  };
  document.addEventListener('click', (event) => {
    if (event.target instanceof Element && event.target.closest(SEARCH_OPEN)) open();
  });
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey) return;
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typingIn(event.target);
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
    if (!slash && !commandK) return;
    if (document.querySelector(`${SEARCH_DIALOG}[open]`)) return;
    event.preventDefault();
    open();
  });
}
