// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import { CODE_THEMES, codeBlockTransformer } from './src/integrations/code-highlight';
import { codeColorsPlugin } from './src/integrations/code-colors';
import { satteri } from '@astrojs/markdown-satteri';
import { docSectionsPlugin } from './src/integrations/doc-sections';
import { headingPanelsPlugin } from './src/integrations/heading-panels';
import { cspTrim } from './src/integrations/csp-trim';
import { linePools } from './src/integrations/line-pools';
import { searchIndex } from './src/integrations/search-index';

export default defineConfig({
  site: 'https://secrets-backend-guides.example',
  output: 'static',
  trailingSlash: 'always',
  // The search index is last: it indexes the pages as the other integrations leave them.
  integrations: [
    mdx(),
    preact(),
    // Every page but the 404 page, at the `site` address above.
    sitemap({ filter: (page) => !new URL(page).pathname.startsWith('/404') }),
    linePools(),
    // After every step that writes the pages' inline code: each policy keeps the hashes of its page's.
    cspTrim(),
    searchIndex(),
  ],
  build: {
    // Small page scripts and styles go inline; Astro hashes them into the CSP.
    inlineStylesheets: 'auto',
  },
  markdown: {
    processor: satteri({ hastPlugins: [docSectionsPlugin, headingPanelsPlugin] }),
    shikiConfig: {
      themes: { ...CODE_THEMES },
      defaultColor: false,
      transformers: [codeBlockTransformer()],
    },
  },
  security: {
    csp: {
      algorithm: 'SHA-256',
      directives: [
        "default-src 'self'",
        "base-uri 'none'",
        "object-src 'none'",
        "form-action 'none'",
        "frame-src 'none'",
        "child-src 'none'",
        "worker-src 'none'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "manifest-src 'self'",
        "media-src 'none'",
      ],
      // The search (Pagefind) compiles its WebAssembly, loaded from this site, in the page.
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  vite: {
    plugins: [codeColorsPlugin()],
  },
});
