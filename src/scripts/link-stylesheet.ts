/**
 * Links a stylesheet that comes with code loaded on demand (a `?url` import), once. An
 * imported stylesheet would be put into every page that could load the code. Resolves when
 * the sheet is in use (or failed), so that what it styles can wait for it.
 */
export function linkStylesheet(href: string): Promise<void> {
  let link = document.querySelector<HTMLLinkElement>(`link[href="${href}"]`);
  if (link?.sheet) return Promise.resolve();
  if (!link) {
    link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = href;
    document.head.append(link);
  }
  const l = link;
  return new Promise((resolve) => {
    l.addEventListener('load', () => resolve(), { once: true });
    l.addEventListener('error', () => resolve(), { once: true });
  });
}
