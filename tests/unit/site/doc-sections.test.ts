import fc from 'fast-check';
import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { SECTION_CLASS, docSectionsPlugin, wrapSections } from '../../../src/integrations/doc-sections';

const el = (tagName: string, text = tagName): Element => ({
  type: 'element',
  tagName,
  properties: {},
  children: [{ type: 'text', value: text }],
});
const ws = (value = '\n'): RootContent => ({ type: 'text', value });
const esm = (value: string): RootContent => ({ type: 'mdxjsEsm', value } as unknown as RootContent);

const isSection = (n: RootContent): n is Element =>
  n.type === 'element' && n.tagName === 'section' && (n.properties.className as string[] | undefined)?.includes(SECTION_CLASS) === true;

/** Every node in document order, sections unwrapped, blank text left out. */
function flatten(nodes: readonly RootContent[]): RootContent[] {
  return nodes.flatMap((n) => (isSection(n) ? flatten(n.children as RootContent[]) : [n])).filter((n) => !(n.type === 'text' && n.value.trim() === ''));
}

const node = fc.oneof(
  fc.constantFrom('h2', 'h3', 'p', 'pre', 'aside', 'ul').map((tag) => el(tag)),
  fc.constantFrom('\n', '\n\n', '  ').map((v) => ws(v)),
  fc.string({ minLength: 1, maxLength: 5 }).map((v) => esm(`import x from '${v}'`)),
);

describe('wrapSections', () => {
  it('puts each h2 and what follows it up to the next h2 in one section', () => {
    const out = wrapSections([el('p', 'intro'), ws(), el('h2', 'A'), ws(), el('p', 'a1'), ws(), el('h3', 'A.1'), ws(), el('h2', 'B'), el('pre', 'b1'), ws('\n\n')]);
    const kind = (n: RootContent): string => (n.type === 'element' ? n.tagName : n.type);
    expect(out.map(kind)).toEqual(['p', 'text', 'section', 'section']);
    expect(out.filter(isSection)).toHaveLength(2);
    const [a, b] = out.filter(isSection);
    expect(a?.children.map((n) => (n.type === 'element' ? n.tagName : 'text'))).toEqual(['h2', 'text', 'p', 'text', 'h3']);
    expect(b?.children.map((n) => (n.type === 'element' ? n.tagName : 'text'))).toEqual(['h2', 'pre']);
  });

  it('leaves a page without h2 alone', () => {
    const input = [el('p'), ws(), el('h3'), el('pre')];
    expect(wrapSections(input)).toEqual(input);
  });

  it('keeps MDX imports and exports at the top level, even between sections', () => {
    const imp = esm("import Form from './Form'");
    const out = wrapSections([el('h2', 'A'), el('p'), imp, el('p', 'after')]);
    expect(out[1]).toBe(imp);
    const [section] = out.filter(isSection);
    // The paragraph after the import still belongs to section A.
    expect(flatten(section?.children as RootContent[]).map((n) => (n as Element).children[0])).toEqual([
      { type: 'text', value: 'A' },
      { type: 'text', value: 'p' },
      { type: 'text', value: 'after' },
    ]);
  });

  it('for any page: keeps every node in order, starts every section with its h2 and wraps nothing before the first h2', () => {
    fc.assert(
      fc.property(fc.array(node, { maxLength: 40 }), (input) => {
        const out = wrapSections(input);
        const notEsm = (n: RootContent) => (n.type as string) !== 'mdxjsEsm';
        expect(flatten(out).filter(notEsm)).toEqual(flatten(input).filter(notEsm));
        expect(out.filter((n) => !notEsm(n))).toEqual(input.filter((n) => !notEsm(n)));
        const sections = out.filter(isSection);
        expect(sections.length).toBe(input.filter((n) => n.type === 'element' && n.tagName === 'h2').length);
        for (const s of sections) {
          expect((s.children[0] as Element).tagName).toBe('h2');
          expect(s.children.filter((n) => n.type === 'element' && n.tagName === 'h2')).toHaveLength(1);
          const last = s.children[s.children.length - 1];
          expect(last?.type === 'text' && last.value.trim() === '').toBe(false);
          expect(s.children.some((n) => (n.type as string) === 'mdxjsEsm')).toBe(false);
        }
        const firstSection = out.findIndex(isSection);
        const before = firstSection === -1 ? out : out.slice(0, firstSection);
        const firstH2 = input.findIndex((n) => n.type === 'element' && n.tagName === 'h2');
        const inputBefore = firstH2 === -1 ? input : input.slice(0, firstH2);
        expect(flatten(before.filter((n) => (n.type as string) !== 'mdxjsEsm'))).toEqual(
          flatten(inputBefore.filter((n) => (n.type as string) !== 'mdxjsEsm')),
        );
      }),
    );
  });
});

describe('docSectionsPlugin', () => {
  it('replaces the root with the wrapped one', () => {
    const root: Root = { type: 'root', children: [el('h2'), el('p')] };
    let replaced: Root | undefined;
    docSectionsPlugin.after(root, { replaceNode: (_old, next) => (replaced = next) });
    expect(replaced?.children).toHaveLength(1);
    expect(isSection(replaced?.children[0] as RootContent)).toBe(true);
  });
});
