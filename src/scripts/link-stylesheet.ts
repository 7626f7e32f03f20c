/**
 * Links a stylesheet that comes with code loaded on demand (a `?url` import), once. An
 * imported stylesheet would be put into every page that could load the code.
 */
export function linkStylesheet(href: string): void {
  if (document.querySelector(`link[href="${href}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = href;
  document.head.append(link);
}
