/**
 * At load: what opens the site search. The header button opens its dialog by itself (an
 * invoker command), also when clicked before this script ran; `/` (when not typing in a
 * field) and Ctrl/Cmd-K open it here, and so does the button in browsers without invoker
 * commands. Each opening loads the code that searches (search.ts), so what the reader types
 * lands in the search field at once and is searched when that code arrives; nothing else of
 * the search is loaded before that.
 */
export const SEARCH_OPEN = '[data-search-open]';
export const SEARCH_DIALOG = 'dialog[data-search]';

function typingIn(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

/** Loads the code that searches and starts it on the open dialog. */
function loadSearch(dialog: HTMLDialogElement): void {
  import('./search.ts').then((search) => search.startSearch(dialog)).catch(() => undefined);
}

export function initSearchTrigger(): void {
  const dialog = document.querySelector<HTMLDialogElement>(SEARCH_DIALOG);
  if (!dialog) return;
  const open = () => {
    if (dialog.open) return;
    dialog.showModal();
    dialog.querySelector('input')?.select();
    loadSearch(dialog);
  };
  // Opened by the button before this script ran: what was typed is searched once the code arrives.
  if (dialog.open) loadSearch(dialog);
  document.addEventListener('click', (event) => {
    // Runs before the button's own command, which then finds the dialog open and does nothing.
    if (event.target instanceof Element && event.target.closest(SEARCH_OPEN)) open();
  });
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.altKey) return;
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !typingIn(event.target);
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.shiftKey;
    if ((!slash && !commandK) || dialog.open) return;
    event.preventDefault();
    open();
  });
}
