/**
 * Vite plugin serving `virtual:code-colors.css`: the token colour classes of both code themes
 * (see `codeColorsCss`). Generated at build time from the Shiki themes, so it never goes stale.
 */
import type { Plugin } from 'vite';
import { codeColorsCss } from './code-highlight';

const ID = 'virtual:code-colors.css';
const RESOLVED = '/@site/code-colors.css';

export function codeColorsPlugin(): Plugin {
  return {
    name: 'site:code-colors',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      return id === RESOLVED ? codeColorsCss() : undefined;
    },
  };
}
