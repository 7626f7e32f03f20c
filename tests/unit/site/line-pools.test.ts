import { describe, expect, it } from 'vitest';
import { movePools } from '../../../src/integrations/line-pools';

const page = (body: string) => `<!doctype html><html lang="en"><head></head><body>${body}</body></html>`;

describe('movePools', () => {
  it('moves every pool into the file, in document order, and leaves each template empty with its index', () => {
    const html = page(
      '<div data-live-snippet="a"><figure>x</figure><template data-line-pool><span data-line="k1">one</span></template></div>' +
        '<div data-live-snippet="b"><template data-line-pool><span data-line="k2">two\n<i>three</i></span></template></div>',
    );
    const seen: string[] = [];
    const out = movePools(html, (json) => {
      seen.push(json);
      return '/_astro/line-pools.abc.json';
    });
    expect(JSON.parse(out.json ?? 'null')).toEqual(['<span data-line="k1">one</span>', '<span data-line="k2">two\n<i>three</i></span>']);
    expect(seen).toEqual([out.json]);
    expect(out.html).toContain('<html data-line-pools="/_astro/line-pools.abc.json" lang="en">');
    expect(out.html).toContain('<template data-line-pool="0"></template></div>');
    expect(out.html).toContain('<template data-line-pool="1"></template></div>');
    expect(out.html).not.toContain('one');
    expect(out.html).not.toContain('three');
  });

  it('leaves a page without pools as it is', () => {
    const html = page('<p>no snippets</p>');
    expect(movePools(html, () => 'unused')).toEqual({ html, json: null, file: null });
  });
});
