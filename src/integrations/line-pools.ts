/**
 * Build-time integration: moves the line pools of a built page's live snippets
 * (`<template data-line-pool>`, written by src/guide/render-snippet.ts) out of the page into
 * one JSON file per page (`/_astro/line-pools.<hash>.json`, named by its content), because
 * only the live code uses them and a reader who only reads should not download them. Each
 * template stays, empty, with its index in the file (`data-line-pool="<i>"`), and `<html>`
 * names the file (`data-line-pools`); src/guide/client/line-pools.ts fills the templates
 * when the live code starts. In `astro dev` nothing is moved and the templates stay filled.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { LINE_POOLS_ATTRIBUTE } from '../guide/client/line-pools.ts';
import { htmlFiles } from './built-html.ts';

const TEMPLATE = /<template data-line-pool>([\s\S]*?)<\/template>/g;

/**
 * The page without its pools, and the pools in document order; null pools when the page has
 * none. `fileFor` names the file for the pools' JSON text.
 */
export function movePools(html: string, fileFor: (json: string) => string): { html: string; json: string | null; file: string | null } {
  const pools: string[] = [];
  const stripped = html.replace(TEMPLATE, (_m, inner: string) => `<template data-line-pool="${pools.push(inner) - 1}"></template>`);
  if (pools.length === 0) return { html, json: null, file: null };
  const json = JSON.stringify(pools);
  const file = fileFor(json);
  const named = stripped.replace(/<html\b/, `<html ${LINE_POOLS_ATTRIBUTE}="${file}"`);
  if (named === stripped) throw new Error('line pools: the page has no <html> tag');
  return { html: named, json, file };
}

export function linePools(): AstroIntegration {
  return {
    name: 'line-pools',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const assets = join(root, '_astro');
        let moved = 0;
        for (const path of htmlFiles(root)) {
          const { html, json, file } = movePools(readFileSync(path, 'utf8'), (text) => {
            const hash = createHash('sha256').update(text).digest('base64url').slice(0, 10);
            return `/_astro/line-pools.${hash}.json`;
          });
          if (!json || !file) continue;
          mkdirSync(assets, { recursive: true });
          writeFileSync(join(root, file), json);
          writeFileSync(path, html);
          moved++;
        }
        logger.info(`line pools of ${moved} page(s) moved into their own files`);
      },
    },
  };
}
