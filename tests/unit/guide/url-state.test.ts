import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authMethods, formFields, platforms, providerIds, secretFields, type ProviderId } from '../../../src/generators/index.ts';
import type { AuthTable, PlatformId } from '../../../src/guide/client/choices.ts';
import {
  MAX_VALUE_LENGTH,
  canonicalParams,
  parseQuery,
  writeQuery,
  type SetupState,
  type UrlSchema,
} from '../../../src/guide/client/url-state.ts';
import { queryEntries } from '../../../src/guide/client/query.ts';

/** A query value as the page reads it. */
const lenientDecode = (text: string): string => queryEntries(`x=${text.replace(/&/g, '%26')}`)[0]?.value ?? '';

/** The URL schema of a guide, from the generator's field list (as the page builds it). */
function schemaOf(provider: ProviderId): UrlSchema {
  const auth = {} as Record<PlatformId, readonly string[]>;
  const fields = new Map<string, string | undefined>();
  for (const p of platforms) {
    auth[p] = authMethods(provider, p).values;
    for (const a of auth[p]) for (const f of formFields(provider, p, a)) if (f.name !== 'airflowVersion') fields.set(f.name, f.default);
  }
  return {
    fields: [...fields.keys()],
    secrets: [...secretFields],
    defaults: Object.fromEntries([...fields].filter(([, d]) => d !== undefined)) as Record<string, string>,
    auth: auth as AuthTable,
  };
}

const SCHEMAS = Object.fromEntries(providerIds.map((p) => [p, schemaOf(p)])) as Record<ProviderId, UrlSchema>;

/** Text a reader might type, including characters that need encoding in a URL. */
const text = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('a b', 'a+b', 'a&b=c', '100%', '%E0%A4%A', '#frag', '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', '{{7*7}}', '${x}', 'javascript:alert(1)', 'ü€😀'),
);

function stateArb(provider: ProviderId, withSecrets: boolean): fc.Arbitrary<SetupState> {
  const schema = SCHEMAS[provider];
  const names = schema.fields.filter((f) => withSecrets || !schema.secrets.includes(f));
  const methods = [...new Set(platforms.flatMap((p) => schema.auth[p]))];
  return fc.record({
    platform: fc.constantFrom(...platforms),
    authPref: fc.constantFrom('', ...methods),
    airflowVersion: fc.constantFrom('2' as const, '3' as const),
    values: fc.dictionary(fc.constantFrom(...names), text, { maxKeys: 8 }),
  }).map((s) => ({ ...s, values: Object.fromEntries(schema.fields.map((f) => [f, s.values[f] ?? ''])) }));
}

/** The state a parsed query describes (missing values empty, missing choices at their defaults). */
function stateFrom(search: string, schema: UrlSchema): SetupState {
  const q = parseQuery(search, schema);
  return {
    platform: q.platform ?? 'astro',
    authPref: q.authPref ?? '',
    airflowVersion: q.airflowVersion ?? '3',
    values: Object.fromEntries(schema.fields.map((f) => [f, q.values[f] ?? ''])),
  };
}

/** Lone surrogates cannot travel in a URL; the page writes U+FFFD instead. */
const wellFormed = (s: string) => s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');

describe('URL <-> setup', () => {
  for (const provider of providerIds) {
    const schema = SCHEMAS[provider];
    it(`${provider}: parsing a written setup gives the same setup back (secrets aside)`, () => {
      fc.assert(
        fc.property(stateArb(provider, false), (s) => {
          const search = writeQuery('', s, schema);
          const back = stateFrom(search, schema);
          const expected = canonicalParams({ ...s, values: Object.fromEntries(Object.entries(s.values).map(([k, v]) => [k, wellFormed(v)])) }, schema);
          expect(canonicalParams(back, schema)).toEqual(expected);
          // And writing again changes nothing.
          expect(writeQuery(search, back, schema)).toBe(search);
        }),
        { numRuns: 150 },
      );
    });

    it(`${provider}: secrets are never written`, () => {
      fc.assert(
        fc.property(stateArb(provider, true), fc.string({ minLength: 4, maxLength: 12 }), (s, tag) => {
          const marker = `SECRET-${tag.replace(/[^A-Za-z0-9]/g, 'x')}-END`;
          const values = { ...s.values };
          for (const name of schema.secrets) if (name in values) values[name] = marker;
          const search = writeQuery('?variableValue=old&other=1', { ...s, values }, schema);
          const keys = search.slice(1).split('&').map((p) => lenientDecode(p.split('=')[0] ?? ''));
          for (const name of schema.secrets) expect(keys).not.toContain(name);
          expect(lenientDecode(search)).not.toContain(marker);
          expect(search).toContain('other=1');
        }),
        { numRuns: 100 },
      );
    });
  }

  it('leaves out defaults, so a blank setup has an empty query', () => {
    const schema = SCHEMAS['hashicorp-vault'];
    const blank: SetupState = { platform: 'astro', authPref: '', airflowVersion: '3', values: Object.fromEntries(schema.fields.map((f) => [f, ''])) };
    expect(writeQuery('', blank, schema)).toBe('');
    const withDefault = { ...blank, values: { ...blank.values, mountPoint: schema.defaults.mountPoint as string } };
    expect(writeQuery('', withDefault, schema)).toBe('');
    expect(writeQuery('', { ...blank, platform: 'software' }, schema)).toBe('?platform=software');
  });

  it('writes the choices with any value, so a link means the same whatever the opener remembers', () => {
    const schema = SCHEMAS['azure-key-vault'];
    const s: SetupState = {
      platform: 'remote-execution',
      authPref: 'managed-identity',
      airflowVersion: '3',
      values: { ...Object.fromEntries(schema.fields.map((f) => [f, ''])), vaultUrl: 'https://my-vault.vault.azure.net/' },
    };
    const q = new URLSearchParams(writeQuery('', s, schema));
    expect(q.get('platform')).toBe('remote-execution');
    expect(q.get('authMethod')).toBe('managed-identity');
    expect(q.get('airflowVersion')).toBe('3');
    expect(q.get('vaultUrl')).toBe('https://my-vault.vault.azure.net/');
  });

  it('keeps unknown parameters byte for byte and in place, replaces known ones in place', () => {
    const schema = SCHEMAS['aws-parameter-store'];
    const s: SetupState = { platform: 'software', authPref: '', airflowVersion: '3', values: { ...Object.fromEntries(schema.fields.map((f) => [f, ''])), region: 'eu-west-1' } };
    const out = writeQuery('?utm=a%20b&region=us-east-1&x&platform=astro&region=zz&z=%ZZ', s, schema);
    expect(out).toBe('?utm=a%20b&region=eu-west-1&x&platform=software&z=%ZZ&authMethod=access-keys&airflowVersion=3');
  });
});

describe('parseQuery on hostile and malformed input', () => {
  const schema = SCHEMAS['hashicorp-vault'];

  it('never throws, never keeps a secret, never returns an over-long value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.webQueryParameters()), (q) => {
        const parsed = parseQuery(q, schema);
        for (const [k, v] of Object.entries(parsed.values)) {
          expect(schema.secrets).not.toContain(k);
          expect(schema.fields).toContain(k);
          expect(v.length).toBeLessThanOrEqual(MAX_VALUE_LENGTH);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('reports secrets, cuts long values, takes the first of repeats, ignores unknown names', () => {
    const long = 'x'.repeat(MAX_VALUE_LENGTH + 50);
    const q = parseQuery(`?variableValue=hunter2&secretId=s&variableKey=${long}&roleName=first&roleName=second&nope=1&platform=bogus`, schema);
    expect(q.droppedSecrets).toEqual(['variableValue', 'secretId']);
    expect(q.values.variableValue).toBeUndefined();
    expect(q.values.variableKey).toHaveLength(MAX_VALUE_LENGTH);
    expect(q.cut).toEqual(['variableKey']);
    expect(q.values.roleName).toBe('first');
    expect('nope' in q.values).toBe(false);
    expect(q.platform).toBeUndefined();
    expect(q.invalid).toEqual([{ param: 'platform', value: 'bogus' }]);
    expect(q.hasValues).toBe(true);
  });

  it('decodes leniently: valid sequences decoded, broken ones kept as written', () => {
    expect(lenientDecode('a%20b+c')).toBe('a b c');
    expect(lenientDecode('%E0%A4%A')).toBe('%E0%A4%A');
    expect(lenientDecode('ok%C3%BC%ZZ%')).toBe('okü%ZZ%');
    expect(lenientDecode('%F0%9F%98%80%FF')).toBe('😀%FF');
    fc.assert(
      fc.property(fc.string(), (s) => {
        const encoded = encodeURIComponent(wellFormed(s));
        expect(lenientDecode(encoded)).toBe(wellFormed(s));
      }),
    );
  });

  it('accepts only auth methods of the provider and Airflow 2 or 3', () => {
    const q = parseQuery('?authMethod=managed-identity&airflowVersion=4', schema);
    expect(q.authPref).toBeUndefined();
    expect(q.invalid.map((i) => i.param)).toEqual(['authMethod', 'airflowVersion']);
    expect(parseQuery('?authMethod=kubernetes&airflowVersion=2', schema)).toMatchObject({ authPref: 'kubernetes', airflowVersion: '2' });
  });
});
