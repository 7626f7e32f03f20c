/**
 * The site search dialog (markup: src/components/Search.astro; search-trigger.ts opens it),
 * loaded when a reader first opens it. It loads the Pagefind index of the built site (`/pagefind/pagefind.js`, written by
 * src/integrations/search-index.ts) on first open, runs a search as the reader types and
 * lists the matching pages, each with the headings it matches under and an excerpt; a
 * result opens the page at that heading.
 *
 * Keyboard: type, Enter opens the first result, Down/Up move through the results, Escape
 * closes (the dialog gives focus back to what opened it).
 */
// The dialog's styles, as a file of their own linked when it first opens (an imported
// stylesheet would be put into every page).
import { linkStylesheet } from './link-stylesheet.ts';
import dialogStyles from '../styles/search-dialog.css?url';
import { SEARCH_TEXTS } from '../site.ts';

/** The part of Pagefind's browser API used here. */
interface PagefindResultData {
  url: string;
  meta: { title?: string };
  excerpt: string;
  sub_results?: { title: string; url: string; excerpt: string }[];
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  debouncedSearch(query: string, options?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const INDEX_URL = '/pagefind/pagefind.js';
/** Pages listed, and headings listed per page. */
const MAX_PAGES = 8;
const MAX_HEADINGS = 3;

let pagefind: Promise<Pagefind> | undefined;
let wired = false;
/** The query whose results are shown; a later one replaces them. */
let latest = '';

function loadIndex(): Promise<Pagefind> {
  pagefind ??= import(/* @vite-ignore */ INDEX_URL).then(async (module: Pagefind) => {
    // The page's CSP allows no workers: Pagefind searches on the main thread.
    await module.options({ baseUrl: '/', noWorker: true, excerptLength: 18 });
    await module.init();
    return module;
  });
  return pagefind;
}

let dialogElement: HTMLDialogElement | undefined;

function parts() {
  const dialog = dialogElement;
  if (!dialog) return null;
  return {
    dialog,
    input: dialog.querySelector<HTMLInputElement>('[data-search-input]') as HTMLInputElement,
    status: dialog.querySelector<HTMLElement>('[data-search-status]') as HTMLElement,
    results: dialog.querySelector<HTMLOListElement>('[data-search-results]') as HTMLOListElement,
  };
}

/**
 * An excerpt as nodes: Pagefind marks the matched words with `<mark>` in otherwise
 * escaped text. Only the marks become elements; everything else stays text.
 */
export function excerptNodes(excerpt: string): Node[] {
  const nodes: Node[] = [];
  // A textarea's content is parsed as text with character references: no element is made.
  const textarea = document.createElement('textarea');
  const decode = (html: string) => {
    textarea.innerHTML = html;
    return textarea.value;
  };
  excerpt.split(/(<mark>[\s\S]*?<\/mark>)/).forEach((piece) => {
    if (!piece) return;
    const marked = /^<mark>([\s\S]*)<\/mark>$/.exec(piece);
    if (marked) {
      const mark = document.createElement('mark');
      mark.textContent = decode(marked[1] ?? '');
      nodes.push(mark);
    } else nodes.push(document.createTextNode(decode(piece)));
  });
  return nodes;
}

function resultLink(href: string, title: string, context: string | null, excerpt: string): HTMLAnchorElement {
  const a = document.createElement('a');
  a.href = href;
  a.className = 'search__link';
  const heading = document.createElement('span');
  heading.className = 'search__title';
  heading.textContent = title;
  if (context) {
    const page = document.createElement('span');
    page.className = 'search__context';
    page.textContent = context;
    a.append(page);
  }
  const text = document.createElement('span');
  text.className = 'search__excerpt';
  text.append(...excerptNodes(excerpt));
  a.append(heading, text);
  return a;
}

function render(list: HTMLOListElement, pages: PagefindResultData[]): void {
  const items = pages.map((page) => {
    const li = document.createElement('li');
    const title = page.meta.title ?? page.url;
    const headings = (page.sub_results ?? []).filter((sub) => sub.url !== page.url && sub.title !== title).slice(0, MAX_HEADINGS);
    if (headings.length === 0) li.append(resultLink(page.url, title, null, page.excerpt));
    else for (const sub of headings) li.append(resultLink(sub.url, sub.title, title, sub.excerpt));
    return li;
  });
  list.replaceChildren(...items);
}

async function runSearch(query: string): Promise<void> {
  const p = parts();
  if (!p) return;
  latest = query;
  const trimmed = query.trim();
  if (!trimmed) {
    p.results.replaceChildren();
    p.status.textContent = SEARCH_TEXTS.hint;
    return;
  }
  let index: Pagefind;
  try {
    index = await loadIndex();
  } catch {
    pagefind = undefined;
    p.status.textContent = import.meta.env.DEV ? SEARCH_TEXTS.notBuilt : SEARCH_TEXTS.failed;
    return;
  }
  const found = await index.debouncedSearch(trimmed, {}, 120);
  // null: a newer query superseded this one.
  if (!found || latest !== query) return;
  const pages = await Promise.all(found.results.slice(0, MAX_PAGES).map((r) => r.data()));
  if (latest !== query) return;
  render(p.results, pages);
  p.status.textContent = pages.length ? SEARCH_TEXTS.found(found.results.length, trimmed) : SEARCH_TEXTS.none(trimmed);
}

function links(list: HTMLElement): HTMLAnchorElement[] {
  return Array.from(list.querySelectorAll<HTMLAnchorElement>('a'));
}

/**
 * Puts the focus back in the field of the open dialog when nothing has it. A page opened at a
 * `#fragment` drops the focus when it finishes loading (Chromium does so for a target that
 * cannot take it), which can come after a search opened early, with the button.
 */
function keepFocus(dialog: HTMLDialogElement, input: HTMLInputElement): void {
  if (dialog.open && !dialog.contains(document.activeElement)) input.focus();
}

function wire(p: NonNullable<ReturnType<typeof parts>>): void {
  const { dialog, input, results } = p;
  // After the focus change is done (a field of the page never gets it while the dialog is modal).
  dialog.addEventListener('focusout', () => setTimeout(() => keepFocus(dialog, input)));
  input.addEventListener('input', () => void runSearch(input.value));
  dialog.querySelector('[data-search-close]')?.addEventListener('click', () => dialog.close());
  // A click on the backdrop (the dialog element itself, outside its content) closes it.
  dialog.addEventListener('click', (event) => {
    if (event.target === dialog) {
      const box = dialog.getBoundingClientRect();
      const inside = event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
      if (!inside) dialog.close();
    }
    // Following a result closes the dialog, also when it links into this page.
    if (event.target instanceof Element && event.target.closest('a')) dialog.close();
  });
  dialog.addEventListener('keydown', (event) => {
    const all = links(results);
    const at = all.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'Escape') {
      // Closes at once, also when the search field holds text (which Escape would only clear).
      event.preventDefault();
      dialog.close();
    } else if (event.key === 'Enter' && event.target === input) {
      event.preventDefault();
      all[0]?.click();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (all.length === 0) return;
      event.preventDefault();
      const next = event.key === 'ArrowDown' ? at + 1 : at - 1;
      if (next < 0) input.focus();
      else all[Math.min(next, all.length - 1)]?.focus();
    }
  });
}

/** Called each time the dialog opens (search-trigger.ts opens it): searches what the field holds. */
export function startSearch(dialog: HTMLDialogElement): void {
  void linkStylesheet(dialogStyles);
  dialogElement = dialog;
  const p = parts() as NonNullable<ReturnType<typeof parts>>;
  if (!wired) {
    wire(p);
    wired = true;
  }
  keepFocus(dialog, p.input);
  // Start loading the index while the reader types the first word.
  loadIndex().catch(() => {
    pagefind = undefined;
  });
  if (p.input.value) void runSearch(p.input.value);
}
