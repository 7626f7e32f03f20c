import { describe, expect, it } from 'vitest';
import { allStateKeys, effectiveAuth, resolveChoices, type AuthTable } from '../../../src/components/guide/client/choices.ts';

const vault: AuthTable = { astro: ['approle'], 'remote-execution': ['approle', 'kubernetes'], software: ['approle'] };
const gcp: AuthTable = { astro: ['workload-identity', 'key-file'], 'remote-execution': ['workload-identity'], software: ['key-file'] };

describe('choices', () => {
  it('use the preferred auth method where the platform offers it, else its first', () => {
    expect(effectiveAuth(vault, 'remote-execution', 'kubernetes')).toBe('kubernetes');
    expect(effectiveAuth(vault, 'astro', 'kubernetes')).toBe('approle');
    expect(effectiveAuth(gcp, 'software', '')).toBe('key-file');
  });

  it('follow the setup where not pinned, and keep pinned choices', () => {
    const state = { platform: 'remote-execution' as const, authPref: 'kubernetes', airflowVersion: '2' as const };
    expect(resolveChoices(vault, {}, state)).toEqual({ platform: 'remote-execution', authMethod: 'kubernetes', airflowVersion: '3' });
    expect(resolveChoices(vault, { platform: 'astro' }, state)).toEqual({ platform: 'astro', authMethod: 'approle', airflowVersion: '2' });
    // An Airflow 2 snippet is never generated for Remote Execution (Airflow 3 only).
    expect(resolveChoices(vault, { airflowVersion: '2' }, state)).toEqual({ platform: 'astro', authMethod: 'approle', airflowVersion: '2' });
    // A pinned auth method moves an unpinned platform to one that offers it.
    expect(resolveChoices(gcp, { authMethod: 'key-file' }, { ...state, platform: 'remote-execution' }).platform).toBe('astro');
  });

  it('list every state key once', () => {
    const keys = allStateKeys(vault);
    expect(keys).toHaveLength(9);
    expect(new Set(keys).size).toBe(9);
    expect(keys[0]).toBe('astro:');
  });
});
