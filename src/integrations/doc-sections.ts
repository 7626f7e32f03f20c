/**
 * Markdown (hast) plugin: groups a page's body into one `<section class="doc-section">` per
 * second-level heading (the heading and everything up to the next one). What comes
 * before the first `h2` stays as it is, and so do ESM nodes (MDX imports and exports),
 * which must stay at the top level.
 *
 * The sections are what the browser may skip while they are off screen (see
 * `.doc-section` in styles/global.css and scripts/lazy-sections.ts): a keystroke in the
 * setup form then only lays out and paints the part of the page in view.
 */
import type { Element, Root, RootContent } from 'hast';

export const SECTION_CLASS = 'doc-section';

/** Nodes that must stay direct children of the root (MDX ESM). */
function staysAtRoot(node: RootContent): boolean {
  return (node.type as string) === 'mdxjsEsm';
}

function isH2(node: RootContent): node is Element {
  return node.type === 'element' && node.tagName === 'h2';
}

/** Returns a new list of root children with every h2 section wrapped. */
export function wrapSections(children: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  let section: Element | null = null;
  for (const node of children) {
    if (staysAtRoot(node)) {
      out.push(node);
      continue;
    }
    if (isH2(node)) {
      section = { type: 'element', tagName: 'section', properties: { className: [SECTION_CLASS] }, children: [] };
      out.push(section);
    }
    if (section) section.children.push(node as Element['children'][number]);
    else out.push(node);
  }
  // Whitespace-only text at a section's end is the gap before the next heading.
  for (const node of out) {
    if (node.type !== 'element' || node.tagName !== 'section') continue;
    while (node.children.length) {
      const last = node.children[node.children.length - 1];
      if (last?.type === 'text' && last.value.trim() === '') node.children.pop();
      else break;
    }
  }
  return out;
}

/** The plugin for the site's Markdown processor (`markdown.processor` in astro.config). */
export const docSectionsPlugin = {
  name: 'doc-sections',
  after(root: Readonly<Root>, ctx: { replaceNode(node: Readonly<Root>, next: Root): void }) {
    ctx.replaceNode(root, { type: 'root', children: wrapSections([...root.children]) });
  },
};
