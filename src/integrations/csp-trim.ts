/**
 * Build-time integration: each page's Content-Security-Policy allows only the inline code that
 * page has. Astro's `<meta>` policy lists the hashes of every inline script and style it knows
 * of, on every page: also its island loaders and their styles, which this site does not use
 * (its islands start from its own code). A hash of code that is not on the page allows nothing
 * the page needs, and each one is about 50 bytes no compression saves, on every page. So, after
 * the build, `script-src` and `style-src` keep only the hashes of the page's own inline
 * `<script>` and `<style>` elements; every other source and directive stays as it is.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { htmlFiles } from './built-html.ts';

const POLICY = /(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i;
/** Inline elements: a script with a `src` runs from its file, under `'self'`. */
const INLINE_SCRIPT = /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const INLINE_STYLE = /<style\b[^>]*>([\s\S]*?)<\/style>/gi;
const HASH_SOURCE = /^'sha(256|384|512)-([A-Za-z0-9+/]+={0,2})'$/;

function digests(html: string, element: RegExp): Set<string> {
  const out = new Set<string>();
  for (const [, text] of html.matchAll(element)) {
    for (const algorithm of ['sha256', 'sha384', 'sha512']) {
      out.add(`${algorithm.slice(3)}-${createHash(algorithm).update(text ?? '').digest('base64')}`);
    }
  }
  return out;
}

/** The page with its policy's script and style hashes cut to those of its own inline code. */
export function trimPolicy(html: string): { html: string; dropped: number } {
  const policy = POLICY.exec(html);
  if (!policy) return { html, dropped: 0 };
  const kept = { 'script-src': digests(html, INLINE_SCRIPT), 'style-src': digests(html, INLINE_STYLE) };
  let dropped = 0;
  const directives = (policy[2] as string).split(';').map((directive) => {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (name !== 'script-src' && name !== 'style-src') return directive;
    const keep = sources.filter((source) => {
      const hash = HASH_SOURCE.exec(source);
      if (!hash || kept[name].has(`${hash[1]}-${hash[2]}`)) return true;
      dropped++;
      return false;
    });
    return [name, ...keep].join(' ');
  });
  const content = directives.join(';');
  return { html: html.replace(POLICY, (_m, open: string, _c: string, close: string) => open + content + close), dropped };
}

export function cspTrim(): AstroIntegration {
  return {
    name: 'csp-trim',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        let dropped = 0;
        let pages = 0;
        for (const path of htmlFiles(fileURLToPath(dir))) {
          const result = trimPolicy(readFileSync(path, 'utf8'));
          if (result.dropped === 0) continue;
          writeFileSync(path, result.html);
          dropped += result.dropped;
          pages++;
        }
        logger.info(`${dropped} hash(es) of code not on the page left out of the policies of ${pages} page(s)`);
      },
    },
  };
}
