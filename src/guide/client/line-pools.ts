/**
 * Fills the line pools of the page's live snippets before the live code starts: a built page
 * keeps them in one JSON file named by `<html data-line-pools>` (src/integrations/line-pools.ts),
 * each `<template data-line-pool="<i>">` taking entry i. A page without the attribute (the dev
 * server) has them inline already. When the file cannot be read, snippets still update: a
 * line that is not in its pool is written as plain text (snippet-dom.ts).
 */
/** The attribute of `<html>` that names the page's pool file. */
export const LINE_POOLS_ATTRIBUTE = 'data-line-pools';

let filling: Promise<void> | undefined;

export function fillLinePools(): Promise<void> {
  const url = document.documentElement.getAttribute(LINE_POOLS_ATTRIBUTE);
  if (!url || !url.startsWith('/_astro/')) return Promise.resolve();
  filling ??= fetch(url, { credentials: 'omit' })
    .then((response) => {
      if (!response.ok) throw new Error(`line pools: HTTP ${response.status}`);
      return response.json() as Promise<unknown>;
    })
    .then((pools) => {
      if (!Array.isArray(pools)) return;
      for (const template of document.querySelectorAll<HTMLTemplateElement>('template[data-line-pool]')) {
        const entry = pools[Number(template.dataset.linePool)];
        // Our own build's markup, from our own origin (the file is named by its content).
        if (typeof entry === 'string' && template.content.childNodes.length === 0) template.innerHTML = entry;
      }
    })
    .catch(() => {
      filling = undefined;
    });
  return filling;
}
