import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { authMethods, formFields, generate, platforms, providerIds } from '../../../src/generators/index.ts';
import { lineGroups } from '../../../src/guide/client/lines.ts';
import { shapeKey, skeletonOf, slotTexts } from '../../../src/guide/client/skeleton.ts';

/** Puts `texts` into the slots of (code, slots): what the page does to a pre-rendered shape. */
function fill(code: string, slots: { start: number; end: number }[], texts: string[]): string {
  let out = '';
  let last = 0;
  slots.forEach((s, i) => {
    out += code.slice(last, s.start) + texts[i];
    last = s.end;
  });
  return out + code.slice(last);
}

describe('skeletons', () => {
  it('ignore the text inside slots and see everything outside them', () => {
    const a = skeletonOf('vault kv get -mount=airflow variables/x', [{ field: 'mountPoint', start: 20, end: 27 }]);
    const b = skeletonOf('vault kv get -mount=kv variables/x', [{ field: 'mountPoint', start: 20, end: 22 }]);
    const c = skeletonOf("vault kv get -mount='a b' variables/x", [{ field: 'mountPoint', start: 21, end: 24 }]);
    expect(a).toBe(b);
    expect(a).not.toBe(c);
    // A slot's field name is a hint, not layout: a slot built from several fields is named after the first one present.
    expect(skeletonOf('x', [{ field: 'a', start: 0, end: 1 }])).toBe(skeletonOf('y', [{ field: 'b', start: 0, end: 1 }]));
    expect(skeletonOf('x', [{ field: 'a', start: 0, end: 1 }])).not.toBe(skeletonOf('x', []));
    expect(shapeKey(a)).toBe(shapeKey(b));
    expect(shapeKey(a)).not.toBe(shapeKey(c));
  });

  it('distinct skeletons get distinct keys (no collisions among many similar ones)', () => {
    const keys = new Set<string>();
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (s) => {
        if (seen.has(s)) return;
        seen.add(s);
        const k = shapeKey(s);
        expect(keys.has(k)).toBe(false);
        keys.add(k);
      }),
      { numRuns: 3000 },
    );
  });

  for (const provider of providerIds) {
    it(`${provider}: a snippet of the same skeleton, given another input's slot texts, becomes that input's snippet`, () => {
      const fieldNames = [...new Set(platforms.flatMap((p) => authMethods(provider, p).values.flatMap((a) => formFields(provider, p, a).map((f) => f.name))))];
      const input = fc.record({
        platform: fc.constantFrom(...platforms),
        values: fc.dictionary(fc.constantFrom(...fieldNames), fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('a b', "it's", '<x>', 'x'.repeat(90))), { maxKeys: 5 }),
      });
      fc.assert(
        fc.property(input, input, (i1, i2) => {
          const a = generate(provider, { ...i1.values, platform: i1.platform });
          const b = generate(provider, { ...i2.values, platform: i1.platform });
          for (const sa of a.snippets) {
            const sb = b.snippets.find((s) => s.id === sa.id);
            if (!sb) continue;
            if (skeletonOf(sa.code, sa.slots) !== skeletonOf(sb.code, sb.slots)) continue;
            expect(fill(sa.code, sa.slots, slotTexts(sb.code, sb.slots))).toBe(sb.code);
          }
        }),
        { numRuns: 40 },
      );
    });
  }
});

describe('line groups', () => {
  it('split only at line breaks outside slots, and rebuild the code', () => {
    for (const provider of providerIds) {
      for (const p of platforms) {
        for (const a of authMethods(provider, p).values) {
          const keyfile = JSON.stringify({ type: 'service_account', private_key: 'x\ny', client_email: 'a@b.iam.gserviceaccount.com' });
          const r = generate(provider, { platform: p, authMethod: a, keyfileJson: keyfile, variableValue: 'two\nlines', connExtra: '{"a": {"b": 1}}' });
          for (const s of r.snippets) {
            const groups = lineGroups(s.code, s.slots);
            expect(groups.map((g) => s.code.slice(g.start, g.end)).join('\n')).toBe(s.code);
            const slotsBack = groups.flatMap((g) => g.slots.map((x) => ({ field: x.field, start: x.start + g.start, end: x.end + g.start })));
            expect(slotsBack).toEqual(s.slots);
            for (const g of groups) {
              let t = s.code.slice(g.start, g.end);
              for (const x of [...g.slots].reverse()) t = t.slice(0, x.start) + t.slice(x.end);
              expect(t).not.toContain('\n');
            }
          }
        }
      }
    }
  });

  it('handle edge cases: empty code, empty lines, a slot at a line end, an empty slot', () => {
    expect(lineGroups('', []).map((g) => [g.start, g.end])).toEqual([[0, 0]]);
    expect(lineGroups('a\n\nb\n', []).map((g) => [g.start, g.end])).toEqual([[0, 1], [2, 2], [3, 4], [5, 5]]);
    const g = lineGroups('x=1\ny=\n', [{ field: 'f', start: 2, end: 3 }, { field: 'e', start: 6, end: 6 }]);
    expect(g.map((x) => x.slots.map((s) => s.field))).toEqual([['f'], ['e'], []]);
    const multi = lineGroups('k: "a\nb"\nz', [{ field: 'v', start: 4, end: 7 }]);
    expect(multi.map((x) => [x.start, x.end])).toEqual([[0, 8], [9, 10]]);
  });
});
