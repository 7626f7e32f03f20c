import { describe, expect, it } from 'vitest';
import { FIELDS } from '../../../src/generators/fields.ts';
import { generate } from '../../../src/generators/index.ts';
import { PLATFORMS, type AirflowVersion } from '../../../src/generators/types.ts';
import {
  PLATFORM_AIRFLOW_VERSIONS,
  allStateKeys,
  effectiveAuth,
  pickChoices,
  resolveChoices,
  shownChoice,
  tabValue,
  type AuthTable,
} from '../../../src/guide/client/choices.ts';
import { choicePlatforms } from '../../../src/user-components/tab-ids.ts';

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

  it('agree everywhere on the Airflow versions each platform runs (Remote Execution: 3 only)', () => {
    expect(PLATFORM_AIRFLOW_VERSIONS['remote-execution']).toEqual(['3']);
    for (const platform of PLATFORMS) {
      for (const version of ['3', '2'] as AirflowVersion[]) {
        const runs = PLATFORM_AIRFLOW_VERSIONS[platform].includes(version);
        const shown = runs ? version : '3';
        const state = { platform, authPref: '', airflowVersion: version };
        // The tabs and the pre-paint script.
        expect(shownChoice(state, 'airflowVersion', PLATFORM_AIRFLOW_VERSIONS)).toBe(shown);
        expect(choicePlatforms('airflowVersion', version)?.includes(platform) ?? true).toBe(runs);
        // The snippets a guide renders.
        expect(resolveChoices(vault, {}, state).airflowVersion).toBe(shown);
        // The generator: the version it uses and the problem it reports.
        const result = generate('hashicorp-vault', { platform, airflowVersion: version });
        const dag = result.snippets.find((s) => s.id === 'example-dag')?.code ?? '';
        expect(dag.includes('from airflow.sdk import')).toBe(shown === '3');
        expect(result.problems.some((p) => p.field === 'airflowVersion')).toBe(!runs);
      }
      // The form offers the version only where there is a choice.
      expect(((FIELDS.airflowVersion.platforms ?? PLATFORMS) as readonly string[]).includes(platform)).toBe(PLATFORM_AIRFLOW_VERSIONS[platform].length > 1);
    }
  });

  it('list every state key once', () => {
    const keys = allStateKeys(vault);
    expect(keys).toHaveLength(9);
    expect(new Set(keys).size).toBe(9);
    expect(keys[0]).toBe('astro:');
  });
});

describe('pickChoices (the page state and the pre-paint script)', () => {
  const platforms = ['astro', 'remote-execution', 'software'];
  const from = (o: Record<string, string>) => (g: string) => o[g];
  const none = () => null;

  it('takes the query first, then the remembered choice, then the default', () => {
    expect(pickChoices(from({}), none, vault, platforms)).toEqual({ platform: 'astro', authPref: '', airflowVersion: '3' });
    expect(pickChoices(from({ platform: 'software' }), (g) => (g === 'platform' ? 'remote-execution' : null), vault, platforms).platform).toBe('software');
    expect(pickChoices(from({}), (g) => (g === 'platform' ? 'remote-execution' : g === 'airflowVersion' ? '2' : null), vault, platforms)).toEqual({
      platform: 'remote-execution',
      authPref: '',
      airflowVersion: '2',
    });
  });

  it('takes only values that exist: an unknown query value falls back to the remembered one', () => {
    const remembered = (g: string) => ({ platform: 'software', authMethod: 'kubernetes', airflowVersion: '2' })[g] ?? null;
    expect(pickChoices(from({ platform: 'bogus', authMethod: 'key-file', airflowVersion: '4' }), remembered, vault, platforms)).toEqual({
      platform: 'software',
      authPref: 'kubernetes',
      airflowVersion: '2',
    });
    // A page without a guide has no auth methods.
    expect(pickChoices(from({ authMethod: 'kubernetes' }), none, null, platforms).authPref).toBe('');
  });

  it('is self-contained, so the pre-paint script can inline it', () => {
    const inlined = new Function(`return (${pickChoices.toString()})`)() as typeof pickChoices;
    expect(inlined(from({ authMethod: 'kubernetes' }), none, vault, platforms).authPref).toBe('kubernetes');
  });
});

describe('tabValue', () => {
  it('shows the choice where the group offers it, else the first tab', () => {
    expect(tabValue(['approle', 'kubernetes'], 'kubernetes')).toBe('kubernetes');
    expect(tabValue(['approle', 'kubernetes'], '')).toBe('approle');
    expect(tabValue(['astro', 'remote-execution'], 'software')).toBe('astro');
    expect(tabValue([], 'x')).toBeUndefined();
  });
});
