import { describe, expect, it } from 'vitest';
import { generate } from '../../../src/generators/index.ts';
import { snippetShapes } from '../../../src/guide/shapes.ts';
import { allStateKeys } from '../../../src/guide/client/choices.ts';
import { shapeKey, skeletonOf } from '../../../src/guide/client/skeleton.ts';

describe('build-time snippet shapes', () => {
  it('fail loudly for an id the generator does not produce', () => {
    expect(() => snippetShapes('hashicorp-vault', 'no-such-snippet', {})).toThrow(/no snippet "no-such-snippet"/);
    expect(() => snippetShapes('aws-parameter-store', 'vault-policy', {})).toThrow();
  });

  it('start with the default rendering: default choices, every field empty', () => {
    const shapes = snippetShapes('hashicorp-vault', 'backend-kwargs', {});
    const expected = generate('hashicorp-vault', {}).snippets.find((s) => s.id === 'backend-kwargs');
    expect(shapes[0]?.isDefault).toBe(true);
    expect(shapes[0]?.snippet.code).toBe(expected?.code);
    expect(shapes.filter((s) => s.isDefault)).toHaveLength(1);
  });

  it('give every setup its all-empty rendering, and differ from each other', () => {
    const shapes = snippetShapes('gcp-secret-manager', 'backend-kwargs', {});
    const keys = allStateKeys({ astro: ['workload-identity', 'key-file'], 'remote-execution': ['workload-identity'], software: ['key-file'] });
    const covered = shapes.flatMap((s) => s.emptyFor);
    expect(new Set(covered)).toEqual(new Set(keys));
    const software = shapes.find((s) => s.emptyFor.includes('software:'));
    expect(software?.snippet.code).toContain('gcp_keyfile_dict');
    expect(new Set(shapes.map((s) => s.key)).size).toBe(shapes.length);
    for (const s of shapes) expect(s.key).toBe(shapeKey(skeletonOf(s.snippet.code, s.snippet.slots)));
  });

  it('cover the shapes a reader meets while filling the form', () => {
    const shapes = snippetShapes('hashicorp-vault', 'verify-secrets', {});
    const keys = new Set(shapes.map((s) => s.key));
    for (const input of [{ variableKey: 'my_var' }, { variableKey: 'my var' }, { variableKey: 'my_var', connectionId: 'my_db', mountPoint: 'kv' }]) {
      const s = generate('hashicorp-vault', input).snippets.find((x) => x.id === 'verify-secrets');
      expect(keys.has(shapeKey(skeletonOf(s?.code ?? '', s?.slots ?? [])))).toBe(true);
    }
  });
});
