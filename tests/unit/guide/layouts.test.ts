/**
 * Every line the generator can produce for a page's snippet is one the page pre-rendered.
 *
 * The build enumerates each snippet's layouts (shapes.ts) and keeps every distinct line in
 * the snippet's pool; the browser rebuilds a snippet whose layout changed from that pool. For
 * arbitrary input (hostile text, valid examples, lists, empty fields, any choice) this
 * checks that no line the generator writes is missing from the pool of the page that shows
 * it, so a snippet never falls back to unhighlighted text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { fieldDef } from '../../../src/generators/fields.ts';
import { formFields, generate, platforms, providerIds, type ProviderId, type RawInput } from '../../../src/generators/index.ts';
import { allAuthMethods, resolveChoices, type Pins, type PlatformId } from '../../../src/guide/client/choices.ts';
import { lineGroups } from '../../../src/guide/client/lines.ts';
import { authTable, snippetShapes } from '../../../src/guide/shapes.ts';
import { hostileString } from '../helpers/arbitraries.ts';

interface Usage {
  provider: ProviderId;
  id: string;
  pins: Pins;
}

/** The `<Snippet>` elements of the guides, as the pages use them. */
function usages(): Usage[] {
  const dir = new URL('../../../content/guides/', import.meta.url);
  const out: Usage[] = [];
  for (const file of readdirSync(dir)) {
    const text = readFileSync(new URL(file, dir), 'utf8');
    for (const [tag] of text.matchAll(/<Snippet\s[^>]*\/>/g)) {
      const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
      out.push({
        provider: attr('provider') as ProviderId,
        id: attr('id') as string,
        pins: {
          platform: attr('platform') as PlatformId | undefined,
          authMethod: attr('authMethod'),
          airflowVersion: attr('airflowVersion') as '2' | '3' | undefined,
        },
      });
    }
  }
  return out;
}

const USAGES = usages();

/** Every field any setup of the provider shows, with the values worth trying for it. */
function fieldValues(provider: ProviderId): Map<string, fc.Arbitrary<string>> {
  const out = new Map<string, fc.Arbitrary<string>>();
  const auth = authTable(provider);
  for (const p of platforms) {
    for (const a of auth[p]) {
      for (const f of formFields(provider, p, a)) {
        if (out.has(f.name) || f.name === 'airflowVersion') continue;
        const cases = fieldDef(f.name, provider)?.layoutExamples ?? [];
        const known = [f.example, f.default, ...cases, ...(f.options ?? []).map((o) => o.value)].filter((v): v is string => !!v);
        const listed = known.length ? [known.join(','), known.join(', ') + ',', ` ${known[0]} `] : [];
        out.set(
          f.name,
          fc.oneof(
            { weight: 3, arbitrary: fc.constant('') },
            { weight: 3, arbitrary: known.length ? fc.constantFrom(...known) : fc.constant('x') },
            { weight: 1, arbitrary: listed.length ? fc.constantFrom(...listed) : fc.constant('a,b') },
            { weight: 1, arbitrary: fc.constantFrom('0', '000', '-1', '1.5', '{}', '{"a": "b"}', '{"a": 1}', '[]', 'a b', 'x'.repeat(120)) },
            { weight: 4, arbitrary: hostileString },
          ),
        );
      }
    }
  }
  return out;
}

describe('pre-rendered snippet lines', () => {
  for (const provider of providerIds) {
    const own = USAGES.filter((u) => u.provider === provider);
    if (!own.length) continue;
    it(`cover every line the generator writes on the ${provider} guide`, () => {
      const auth = authTable(provider);
      const pools = own.map((u) => {
        const keys = new Set<string>();
        for (const shape of snippetShapes(u.provider, u.id, u.pins)) {
          for (const g of lineGroups(shape.snippet.code, shape.snippet.slots)) keys.add(g.key);
        }
        return { usage: u, keys };
      });
      const values = fieldValues(provider);
      const state = fc.record({
        platform: fc.constantFrom(...platforms),
        authPref: fc.constantFrom('', ...allAuthMethods(auth)),
        airflowVersion: fc.constantFrom('2' as const, '3' as const),
        values: fc.record(Object.fromEntries(values)),
      });
      fc.assert(
        fc.property(state, (s) => {
          for (const { usage, keys } of pools) {
            const c = resolveChoices(auth, usage.pins, s);
            const input: RawInput = { ...c };
            for (const [k, v] of Object.entries(s.values)) if (v !== '') input[k] = v;
            const snippet = generate(provider, input).snippets.find((x) => x.id === usage.id);
            if (!snippet) continue;
            for (const g of lineGroups(snippet.code, snippet.slots)) {
              if (!keys.has(g.key)) {
                const line = snippet.code.slice(g.start, g.end);
                throw new Error(`${usage.id} ${JSON.stringify(usage.pins)}: line not pre-rendered: ${JSON.stringify(line)}\ninput: ${JSON.stringify(input)}`);
              }
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  }
});
