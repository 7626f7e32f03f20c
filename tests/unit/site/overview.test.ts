/** The overview's example settings say what the Parameter Store guide generates. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generate, providers } from '../../../src/generators/index.ts';

const overview = readFileSync(new URL('../../../content/overview.mdx', import.meta.url), 'utf8');

describe('overview example', () => {
  it('uses the Parameter Store backend class and default prefixes of the guide', () => {
    const ps = providers['aws-parameter-store'];
    const backend = /AIRFLOW__SECRETS__BACKEND=([\w.]+)/.exec(overview)?.[1];
    const kwargs = /AIRFLOW__SECRETS__BACKEND_KWARGS=(\{[^`]*\})`/.exec(overview)?.[1];
    expect(backend).toBe(ps.backendClass);
    const shown = JSON.parse(kwargs ?? 'null') as Record<string, string>;
    expect(shown).toEqual({ connections_prefix: ps.defaultKwargs.connections_prefix, variables_prefix: ps.defaultKwargs.variables_prefix });
    // The guide's own kwargs use the same prefixes when the reader keeps the defaults.
    const env = generate('aws-parameter-store', { platform: 'astro' }).snippets.find((s) => s.id === 'env-file')?.code ?? '';
    expect(env).toContain(`"connections_prefix": "${shown.connections_prefix}"`);
    expect(env).toContain(`"variables_prefix": "${shown.variables_prefix}"`);
  });
});
