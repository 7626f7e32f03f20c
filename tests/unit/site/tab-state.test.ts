import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isValidGroup,
  isValidValue,
  readQueryValue,
  resolveSelection,
  setQueryValue,
} from '../../../src/scripts/tab-state';

describe('readQueryValue', () => {
  it('reads a plain parameter with or without the leading "?"', () => {
    expect(readQueryValue('?platform=software', 'platform')).toBe('software');
    expect(readQueryValue('a=1&platform=remote-execution', 'platform')).toBe('remote-execution');
  });
  it('takes the first of repeated parameters', () => {
    expect(readQueryValue('?platform=software&platform=astro', 'platform')).toBe('software');
  });
  it('decodes percent-encoding and "+"', () => {
    expect(readQueryValue('?plat%66orm=soft%77are', 'platform')).toBe('software');
    expect(readQueryValue('?q=a+b', 'q')).toBe('a b');
  });
  it('treats broken percent-encoding and missing parameters as absent', () => {
    expect(readQueryValue('?platform=%E0%A4%A', 'platform')).toBeUndefined();
    expect(readQueryValue('?other=1', 'platform')).toBeUndefined();
    expect(readQueryValue('', 'platform')).toBeUndefined();
  });
  it('does not match a parameter whose name only starts with the group', () => {
    expect(readQueryValue('?platformx=software', 'platform')).toBeUndefined();
  });
  it('returns an empty string for a bare key', () => {
    expect(readQueryValue('?platform', 'platform')).toBe('');
  });
});

describe('setQueryValue', () => {
  it('adds the parameter when missing and keeps the others byte for byte', () => {
    expect(setQueryValue('?region=eu-west-1&x=%2F', 'platform', 'software')).toBe(
      '?region=eu-west-1&x=%2F&platform=software',
    );
    expect(setQueryValue('', 'platform', 'astro')).toBe('?platform=astro');
  });
  it('replaces the first occurrence in place and drops later duplicates', () => {
    expect(setQueryValue('?a=1&platform=astro&b=2&platform=software', 'platform', 'software')).toBe(
      '?a=1&platform=software&b=2',
    );
  });
  it('keeps garbage it cannot decode untouched', () => {
    expect(setQueryValue('?bad=%E0%A4%A&platform=astro', 'platform', 'software')).toBe(
      '?bad=%E0%A4%A&platform=software',
    );
  });

  const key = fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,8}$/);
  const val = fc.stringMatching(/^[a-z0-9][a-z0-9.-]{0,10}$/);
  it('round-trips: the value reads back and every other parameter survives in order', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(key, fc.string()), { maxLength: 6 }), key, val, (pairs, group, value) => {
        const others = pairs.filter(([k]) => k !== group);
        const raw = others.map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
        const out = setQueryValue(`?${raw.join('&')}`, group, value);
        expect(readQueryValue(out, group)).toBe(value);
        const kept = out
          .slice(1)
          .split('&')
          .filter((p) => !p.startsWith(`${group}=`));
        expect(kept).toEqual(raw.filter(Boolean));
      }),
    );
  });
});

describe('resolveSelection', () => {
  const offered = ['astro', 'remote-execution', 'software'];
  it('prefers the URL, then storage, then the first tab', () => {
    expect(resolveSelection(offered, 'software', 'astro')).toBe('software');
    expect(resolveSelection(offered, undefined, 'remote-execution')).toBe('remote-execution');
    expect(resolveSelection(offered, null, null)).toBe('astro');
  });
  it('ignores values the group does not offer, or that are not slugs', () => {
    expect(resolveSelection(['astro', 'software'], 'remote-execution', 'software')).toBe('software');
    expect(resolveSelection(offered, '<script>', '"><img>')).toBe('astro');
    expect(resolveSelection(offered, 'ASTRO', undefined)).toBe('astro');
  });
  it('returns undefined for an empty group', () => {
    expect(resolveSelection([], 'astro', null)).toBeUndefined();
  });
});

describe('name and value checks', () => {
  it('accepts slugs and identifiers only', () => {
    expect(isValidGroup('platform')).toBe(true);
    expect(isValidGroup('authMethod')).toBe(true);
    expect(isValidGroup('1abc')).toBe(false);
    expect(isValidGroup('a b')).toBe(false);
    expect(isValidGroup('x'.repeat(41))).toBe(false);
    expect(isValidValue('3')).toBe(true);
    expect(isValidValue('remote-execution')).toBe(true);
    expect(isValidValue('')).toBe(false);
    expect(isValidValue('a"]{}')).toBe(false);
    expect(isValidValue('javascript:alert(1)')).toBe(false);
    expect(isValidValue(undefined)).toBe(false);
  });
});
