/**
 * Build-time integration: registers the `client:setup` directive, which hydrates the
 * guide's form islands when the page needs them instead of at load
 * (src/guide/client/activation.ts).
 */
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export function guideIslands(): AstroIntegration {
  return {
    name: 'guide-islands',
    hooks: {
      'astro:config:setup': ({ addClientDirective }) => {
        addClientDirective({ name: 'setup', entrypoint: fileURLToPath(new URL('../guide/client/setup-directive.ts', import.meta.url)) });
      },
    },
  };
}

declare module 'astro' {
  interface AstroClientDirectives {
    /** Hydrate when the guide's setup is in use (see guide-islands.ts). */
    'client:setup'?: boolean;
  }
}
