/**
 * Which tab panels each heading sits in (src/integrations/heading-panels.ts), and how the
 * contents list marks and hides them (src/scripts/toc-panels.ts).
 */
import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { CHOICE_GROUPS } from '../../../src/guide/client/choices';
import { HEADING_PANELS_KEY, headingPanelsPlugin, notePanels, panelsOfHeadings } from '../../../src/integrations/heading-panels';
import { panelAttributes, tocPanelRule } from '../../../src/scripts/toc-panels';

const heading = (tagName: string, text: string): Element => ({ type: 'element', tagName, properties: {}, children: [{ type: 'text', value: text }] });
const para = (...children: RootContent[]): Element => ({ type: 'element', tagName: 'p', properties: {}, children: children as Element['children'] });
const jsx = (name: string, attributes: Record<string, string>, ...children: RootContent[]): RootContent =>
  ({
    type: 'mdxJsxFlowElement',
    name,
    attributes: Object.entries(attributes).map(([n, value]) => ({ type: 'mdxJsxAttribute', name: n, value })),
    children,
  }) as unknown as RootContent;
const textOf = (node: Element): string => node.children.map((c) => (c.type === 'text' ? c.value : '')).join('');

/** A guide-shaped page: platform tabs with auth-method tabs inside one of them. */
const page: Root = {
  type: 'root',
  children: [
    heading('h2', 'Step 3'),
    para({ type: 'text', value: 'intro' }),
    jsx(
      'PlatformTabs',
      {},
      jsx('PlatformTab', { platform: 'astro' }, heading('h3', 'Local credentials'), jsx('ChoiceTabs', { group: 'authMethod' }, jsx('ChoiceTab', { value: 'key-file', label: 'Key' }, heading('h4', 'Key file')))),
      jsx('PlatformTab', { platform: 'remote-execution' }, heading('h3', 'Your own credentials')),
    ),
    jsx('Callout', { type: 'note' }, heading('h3', 'Not a panel')),
    heading('h2', 'Step 4'),
  ],
};

describe('notePanels', () => {
  it('notes every heading in document order, with the panels around it and their groups’ values', () => {
    const platforms = ['astro', 'remote-execution'];
    expect(notePanels(page, textOf)).toEqual([
      { text: 'Step 3', panels: null },
      { text: 'Local credentials', panels: { platform: { value: 'astro', offered: platforms } } },
      { text: 'Key file', panels: { platform: { value: 'astro', offered: platforms }, authMethod: { value: 'key-file', offered: ['key-file'] } } },
      { text: 'Your own credentials', panels: { platform: { value: 'remote-execution', offered: platforms } } },
      { text: 'Not a panel', panels: null },
      { text: 'Step 4', panels: null },
    ]);
  });

  it('stores the notes in the frontmatter only when some heading sits in a panel', () => {
    const data = { astro: { frontmatter: { title: 'x' } as Record<string, unknown> } };
    headingPanelsPlugin.after(page, { textContent: textOf, data });
    expect(data.astro.frontmatter[HEADING_PANELS_KEY]).toEqual(notePanels(page, textOf));
    const plain = { astro: { frontmatter: { title: 'x' } as Record<string, unknown> } };
    headingPanelsPlugin.after({ type: 'root', children: [heading('h2', 'A')] }, { textContent: textOf, data: plain });
    expect(plain.astro.frontmatter).toEqual({ title: 'x' });
  });
});

describe('panelsOfHeadings', () => {
  const headings = [
    { depth: 2, slug: 'step-3', text: 'Step 3' },
    { depth: 3, slug: 'local-credentials', text: 'Local credentials' },
  ];
  const notes = [
    { text: 'Step 3', panels: null },
    { text: 'Local credentials', panels: { platform: { value: 'astro', offered: ['astro', 'software'] } } },
  ];

  it('gives each of Astro’s headings its panels, by position', () => {
    expect(panelsOfHeadings(headings, notes)).toEqual([headings[0], { ...headings[1], panels: notes[1]?.panels }]);
  });

  it('leaves a page without notes as it is', () => {
    expect(panelsOfHeadings(headings, undefined)).toEqual(headings);
  });

  it('fails the build when the notes and the headings disagree', () => {
    expect(() => panelsOfHeadings(headings, notes.slice(1))).toThrow(/2 headings, the notes 1/);
    expect(() => panelsOfHeadings(headings, [notes[0], { text: 'Other', panels: null }])).toThrow(/heading 2 is "Local credentials"/);
  });
});

describe('the contents list’s panel entries', () => {
  const offered = ['client-secret', 'managed-identity', 'workload-identity'];

  it('an entry of a group’s first panel names the values that hide it; any other names the one value that shows it', () => {
    expect(panelAttributes({ authMethod: { value: 'client-secret', offered } })).toEqual({ 'data-in-panel': '', 'data-not-authmethod': 'managed-identity workload-identity' });
    expect(panelAttributes({ authMethod: { value: 'workload-identity', offered } })).toEqual({ 'data-in-panel': '', 'data-only-authmethod': 'workload-identity' });
    // A group's only panel always shows; the entry is still a panel entry for the tabs.
    expect(panelAttributes({ platform: { value: 'astro', offered: ['astro'] } })).toEqual({ 'data-in-panel': '' });
    expect(panelAttributes(undefined)).toEqual({});
  });

  it('the pre-paint rule of a group matches those attributes, also when nothing is chosen', () => {
    for (const group of CHOICE_GROUPS) {
      const name = group.toLowerCase();
      const rule = tocPanelRule(group, 'x');
      expect(rule).toContain(`li[data-only-${name}]:not([data-only-${name}="x"])`);
      expect(rule).toContain(`li[data-not-${name}~="x"]`);
      expect(rule.startsWith('html.js .toc:not([data-ready]) ')).toBe(true);
      // No choice: every group shows its first panel, so only the `only` entries hide.
      expect(tocPanelRule(group, '')).toContain(`li[data-not-${name}~="-"]`);
    }
  });

  it('the pre-paint rule is self-contained: it runs after being inlined as source text', () => {
    const inlined = new Function(`return (${tocPanelRule.toString()})`)() as typeof tocPanelRule;
    expect(inlined('platform', 'astro')).toBe(tocPanelRule('platform', 'astro'));
  });
});
