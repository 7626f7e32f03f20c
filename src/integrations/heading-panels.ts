/**
 * Markdown (hast) plugin: notes which tab panels each heading of an MDX page sits in
 * (`<PlatformTab platform="astro">`, `<ChoiceTab value="…">` in `<ChoiceTabs group="…">`),
 * so the "On this page" list can leave out, from the first paint, the headings of the
 * panels the reader has not chosen (components/TableOfContents.astro).
 *
 * The notes go into the page's frontmatter as `headingPanels`: one entry per heading of the
 * page, in document order (the order Astro lists its headings in), `null` outside panels.
 * `panelsOfHeadings` pairs them with Astro's headings and checks that the two agree.
 */
import type { Element, Root, RootContent } from 'hast';
import { isChoiceGroup, type ChoiceGroup } from '../guide/client/choices.ts';

/** A panel a heading sits in: its value, and the values of its group's panels, in order. */
export interface HeadingPanel {
  value: string;
  offered: string[];
}

/** The panels a heading sits in, by group, e.g. `{ platform: { value: 'astro', offered: [...] } }`. */
export type HeadingPanels = Partial<Record<ChoiceGroup, HeadingPanel>>;

export interface HeadingPanelNote {
  /** The heading's text, as Astro reads it: to check the pairing. */
  text: string;
  panels: HeadingPanels | null;
}

/** The frontmatter key the notes are stored under. */
export const HEADING_PANELS_KEY = 'headingPanels';

const HEADING = /^h[1-6]$/;

interface JsxNode {
  type: string;
  name?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: RootContent[];
}

function attribute(node: JsxNode, name: string): string | undefined {
  const found = node.attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** The value of a panel element (`<PlatformTab platform>`, `<ChoiceTab value>`), if it is one. */
function panelValue(node: JsxNode): string | undefined {
  if (node.name === 'PlatformTab') return attribute(node, 'platform');
  if (node.name === 'ChoiceTab') return attribute(node, 'value');
  return undefined;
}

/** The group of a tabs element (`<PlatformTabs>`, `<ChoiceTabs group>`), if it is one. */
function tabsGroup(node: JsxNode): ChoiceGroup | undefined {
  if (node.name === 'PlatformTabs') return 'platform';
  const group = node.name === 'ChoiceTabs' ? attribute(node, 'group') : undefined;
  return isChoiceGroup(group) ? group : undefined;
}

const asJsx = (node: RootContent): JsxNode | undefined => {
  const jsx = node as unknown as JsxNode;
  return jsx.type.startsWith('mdxJsx') ? jsx : undefined;
};

/** Every heading of `root` in document order, with the panels it sits in. */
export function notePanels(root: Root, textOf: (node: Element) => string): HeadingPanelNote[] {
  const notes: HeadingPanelNote[] = [];
  /** `tabs`: the group and panel values of the tabs element whose children these are. */
  const walk = (nodes: readonly RootContent[], panels: HeadingPanels, tabs?: { group: ChoiceGroup; offered: string[] }) => {
    for (const node of nodes) {
      if (node.type === 'element') {
        if (HEADING.test(node.tagName)) {
          notes.push({ text: textOf(node), panels: Object.keys(panels).length > 0 ? { ...panels } : null });
        }
        walk(node.children, panels);
        continue;
      }
      const jsx = asJsx(node);
      if (!jsx?.children) continue;
      const group = tabsGroup(jsx);
      const value = panelValue(jsx);
      if (group) {
        const offered = jsx.children.flatMap((child) => {
          const panel = asJsx(child);
          const v = panel && panelValue(panel);
          return v ? [v] : [];
        });
        walk(jsx.children, panels, { group, offered });
      } else if (tabs && value) {
        walk(jsx.children, { ...panels, [tabs.group]: { value, offered: tabs.offered } });
      } else walk(jsx.children, panels);
    }
  };
  walk(root.children, {});
  return notes;
}

/**
 * Pairs Astro's headings with the notes, by position; a heading Astro lists that the notes do
 * not (or under another text) is a build error, not a quietly wrong contents list.
 */
export function panelsOfHeadings<H extends { text: string }>(
  headings: readonly H[],
  notes: unknown,
): (H & { panels?: HeadingPanels })[] {
  if (!Array.isArray(notes)) return [...headings];
  const list = notes as HeadingPanelNote[];
  if (list.length !== headings.length) {
    throw new Error(`heading panels: the page has ${headings.length} headings, the notes ${list.length}`);
  }
  return headings.map((h, i) => {
    const note = list[i] as HeadingPanelNote;
    if (note.text !== h.text) throw new Error(`heading panels: heading ${i + 1} is "${h.text}", the note says "${note.text}"`);
    return note.panels ? { ...h, panels: note.panels } : h;
  });
}

/** The plugin for the site's Markdown processor (`markdown.processor` in astro.config). */
export const headingPanelsPlugin = {
  name: 'heading-panels',
  after(
    root: Readonly<Root>,
    ctx: { textContent(node: Readonly<Element>): string; data: { astro?: { frontmatter?: Record<string, unknown> } } },
  ) {
    const notes = notePanels(root as Root, (node) => ctx.textContent(node));
    const frontmatter = ctx.data.astro?.frontmatter;
    if (frontmatter && notes.some((n) => n.panels)) frontmatter[HEADING_PANELS_KEY] = notes;
  },
};
