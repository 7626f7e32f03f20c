import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryEntries } from '../../../src/guide/client/query.ts';

describe('queryEntries (the one reader of the URL query)', () => {
  it('splits at & and decodes keys and values, + as a space', () => {
    expect(queryEntries('?a=1&b=x+y&c&&d=%C3%BC')).toEqual([
      { raw: 'a=1', key: 'a', value: '1' },
      { raw: 'b=x+y', key: 'b', value: 'x y' },
      { raw: 'c', key: 'c', value: '' },
      { raw: 'd=%C3%BC', key: 'd', value: 'ü' },
    ]);
    expect(queryEntries('')).toEqual([]);
    expect(queryEntries('a=b=c')[0]?.value).toBe('b=c');
  });

  it('never throws: broken percent-encoding is kept as written, valid sequences next to it are decoded', () => {
    expect(queryEntries('x=%E0%A4%A')[0]?.value).toBe('%E0%A4%A');
    expect(queryEntries('x=ok%C3%BC%ZZ%')[0]?.value).toBe('okü%ZZ%');
    expect(queryEntries('x=%F0%9F%98%80%FF%E2%82%AC%E2%82%AC')[0]?.value).toBe('😀%FF€€');
    fc.assert(fc.property(fc.string(), (s) => void queryEntries(s)));
  });

  it('reads back what encodeURIComponent wrote', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (k, v) => {
        const [e] = queryEntries(`?${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
        expect(e).toEqual(k === '' && v === '' ? { raw: '=', key: '', value: '' } : { raw: `${encodeURIComponent(k)}=${encodeURIComponent(v)}`, key: k, value: v });
      }),
    );
  });

  it('is self-contained, so the pre-paint script can inline it', () => {
    const inlined = new Function(`return (${queryEntries.toString()})`)() as typeof queryEntries;
    expect(inlined('?platform=software&x=%ZZ')).toEqual(queryEntries('?platform=software&x=%ZZ'));
  });
});
