/**
 * Build-time integration: indexes the built site for full-text search with Pagefind, after
 * every other integration has written its pages (the index is of what readers get). Only
 * each page's `<main>` (`data-pagefind-body`) is indexed, so headers, sidebars and tables of
 * contents don't show up as matches; snippets are indexed as rendered by default, with their
 * placeholder text (`<your-role-id>`, `AIRFLOW__SECRETS__BACKEND_KWARGS`, ...), and the
 * hidden renderings for other setups are left out (`[hidden]`).
 *
 * The index goes to `/pagefind/` in the build: `pagefind.js`, its WebAssembly and the index
 * fragments, all same-origin files the search dialog (src/scripts/search.ts) loads when a
 * reader opens it. `astro dev` has no index; the dialog says so.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

/** Characters kept inside a word, so `role_id` and `AIRFLOW__SECRETS__BACKEND` are words. */
export const SEARCH_WORD_CHARACTERS = '_';

/** Pagefind's own interfaces and its worker, which the site's dialog doesn't use. */
const UNUSED = /^pagefind-(ui|component-ui|modular-ui|highlight|worker)\.(js|css)$/;

function removeUnusedFiles(dir: string): void {
  for (const name of readdirSync(dir)) if (UNUSED.test(name)) rmSync(join(dir, name));
}

export function searchIndex(): AstroIntegration {
  return {
    name: 'search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        try {
          const { index, errors } = await pagefind.createIndex({
            includeCharacters: SEARCH_WORD_CHARACTERS,
            // Hidden elements (other setups' snippet renderings) would only repeat the shown ones;
            // a heading's anchor link would put "Link to section" into every excerpt.
            excludeSelectors: ['[hidden]', '.heading__anchor'],
          });
          if (!index) throw new Error(`search index: ${errors.join('; ')}`);
          const root = fileURLToPath(dir);
          const added = await index.addDirectory({ path: root });
          if (added.errors.length) throw new Error(`search index: ${added.errors.join('; ')}`);
          const written = await index.writeFiles({ outputPath: join(root, 'pagefind') });
          if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
          removeUnusedFiles(join(root, 'pagefind'));
          logger.info(`search index of ${added.page_count} page(s) written to /pagefind/`);
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
