/**
 * Build time: the HTML of a live snippet. The code is highlighted by the site's Shiki setup
 * (classes for both themes, the code figure with caption and copy button); the token runs
 * are then rebuilt so that every slot is exactly one `<span data-slot>` element (even when
 * its text spans several tokens or lines), which the browser fills with `textContent`.
 *
 * Output: the default figure (visible), one hidden figure per other all-empty shape (the
 * pre-paint rules show it for its setup), and a `<template data-line-pool>` with every
 * distinct line group (see client/lines.ts) of every shape the snippet can take, highlighted once.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { hastToHtml } from 'shiki';
import { highlightToHast } from '../integrations/code-highlight.ts';
import { lineGroups } from './client/lines.ts';
import type { Shape } from './shapes.ts';
import type { Snippet } from '../generators/index.ts';

interface Piece {
  start: number;
  end: number;
  text: string;
  classes: string[];
}

function classList(el: Element): string[] {
  const c: unknown = el.properties.className;
  if (Array.isArray(c)) return c.map(String);
  return typeof c === 'string' ? c.split(/\s+/).filter(Boolean) : [];
}

function find(node: Root | Element, test: (el: Element) => boolean): Element | undefined {
  for (const child of node.children as RootContent[]) {
    if (child.type !== 'element') continue;
    if (test(child)) return child;
    const hit = find(child, test);
    if (hit) return hit;
  }
  return undefined;
}

/** The text of a highlighted `<code>` as runs, each with the classes of its innermost token span. */
function runsOf(node: Element, inherited: string[], out: { text: string; classes: string[] }[]) {
  for (const child of node.children) {
    if (child.type === 'text') out.push({ text: child.value, classes: inherited });
    else if (child.type === 'element') {
      const own = classList(child).filter((c) => c !== 'line');
      runsOf(child, own.length ? own : inherited, out);
    }
  }
  return out;
}

function span(classes: string[], children: ElementContent[], extra: Record<string, string> = {}): Element {
  const properties: Element['properties'] = { ...extra };
  if (classes.length) properties.className = classes;
  return { type: 'element', tagName: 'span', properties, children };
}

const text = (value: string): ElementContent => ({ type: 'text', value });

/** Cuts the runs at `cuts` (offsets into the code). */
function piecesOf(runs: { text: string; classes: string[] }[], cuts: Set<number>): Piece[] {
  const out: Piece[] = [];
  let pos = 0;
  for (const r of runs) {
    let from = 0;
    for (let i = 1; i <= r.text.length; i++) {
      if (i === r.text.length || cuts.has(pos + i)) {
        if (i > from) out.push({ start: pos + from, end: pos + i, text: r.text.slice(from, i), classes: r.classes });
        from = i;
      }
    }
    pos += r.text.length;
  }
  return out;
}

const emit = (p: Piece): ElementContent => (p.classes.length ? span(p.classes, [text(p.text)]) : text(p.text));

/** The nodes of code range [from, to): token spans, and one element per slot. */
function nodesOf(pieces: Piece[], snippet: Snippet, from: number, to: number): ElementContent[] {
  const out: ElementContent[] = [];
  const inRange = pieces.filter((p) => p.start >= from && p.end <= to);
  let k = 0;
  for (const slot of snippet.slots) {
    if (slot.start < from || slot.end > to) continue;
    while (k < inRange.length && (inRange[k] as Piece).end <= slot.start) out.push(emit(inRange[k++] as Piece));
    const inside: Piece[] = [];
    while (k < inRange.length && (inRange[k] as Piece).end <= slot.end) inside.push(inRange[k++] as Piece);
    const first = inside[0]?.classes ?? [];
    const uniform = inside.every((p) => p.classes.join(' ') === first.join(' '));
    const children = uniform ? (inside.length ? [text(inside.map((p) => p.text).join(''))] : []) : inside.map(emit);
    out.push(span(uniform ? first : [], children, { dataSlot: slot.field }));
  }
  while (k < inRange.length) out.push(emit(inRange[k++] as Piece));
  return out;
}

interface Highlighted {
  root: Root;
  figure: Element;
  code: Element;
  groups: { key: string; nodes: ElementContent[] }[];
}

async function highlight(snippet: Snippet): Promise<Highlighted> {
  const root = await highlightToHast({
    code: snippet.code,
    lang: snippet.lang,
    title: snippet.title,
    // Lines to add to a file name it in their title; a Download's file name is in the caption.
    filename: snippet.use ? undefined : snippet.filename,
    snippet: snippet.id,
    copy: snippet.use !== 'read',
  });
  const figure = find(root, (el) => el.tagName === 'figure');
  const code = figure && find(figure, (el) => el.tagName === 'code');
  if (!figure || !code) throw new Error(`Snippet ${snippet.id}: no code figure`);
  const runs = runsOf(code, [], []);
  if (runs.map((r) => r.text).join('') !== snippet.code) throw new Error(`Snippet ${snippet.id}: highlighted text differs from the code`);
  const groups = lineGroups(snippet.code, snippet.slots);
  const cuts = new Set<number>();
  for (const s of snippet.slots) cuts.add(s.start).add(s.end);
  for (const g of groups) cuts.add(g.start).add(g.end);
  const pieces = piecesOf(runs, cuts);
  return {
    root,
    figure,
    code,
    groups: groups.map((g) => ({ key: g.key, nodes: nodesOf(pieces, snippet, g.start, g.end) })),
  };
}



export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function figureHtml(h: Highlighted, shape: Shape): string {
  const { figure, code, groups } = h;
  const children: ElementContent[] = [];
  groups.forEach((g, i) => {
    if (i > 0) children.push(text('\n'));
    children.push(...g.nodes);
  });
  code.children = children;
  figure.properties.dataShape = shape.key;
  if (shape.emptyFor.length) figure.properties.dataEmptyFor = shape.emptyForEvery ? '*' : shape.emptyFor.join(' ');
  // Other setups' renderings are hidden (and left out of the search index: search-index.ts).
  if (shape.isDefault) figure.properties.dataDefault = '';
  else figure.properties.hidden = true;
  const filename = shape.snippet.filename;
  if (filename && !shape.snippet.use) {
    const copyAt = figure.children.findIndex((c) => c.type === 'element' && classList(c).includes('code-block__copy'));
    figure.children.splice(copyAt < 0 ? figure.children.length - 1 : copyAt, 0, {
      type: 'element',
      tagName: 'button',
      properties: { type: 'button', className: ['code-block__download'], ariaLabel: `Download ${basename(filename)}` },
      children: [span(['code-block__download-text'], [text('Download')], { ariaHidden: 'true' })],
    });
  }
  return hastToHtml(h.root);
}

/** Figures (default first, then the other all-empty shapes) and the line pool. */
export async function renderSnippetHtml(shapes: readonly Shape[]): Promise<string> {
  const pool = new Map<string, ElementContent[]>();
  const figures: string[] = [];
  for (const shape of shapes) {
    const needed = shape.isDefault || shape.emptyFor.length > 0;
    const keys = lineGroups(shape.snippet.code, shape.snippet.slots).map((g) => g.key);
    if (!needed && keys.every((k) => pool.has(k))) continue;
    const h = await highlight(shape.snippet);
    for (const g of h.groups) if (!pool.has(g.key)) pool.set(g.key, structuredClone(g.nodes));
    if (needed) figures.push(figureHtml(h, shape));
  }
  const lines: Root = {
    type: 'root',
    children: [...pool].map(([key, nodes]) => span([], nodes, { dataLine: key })),
  };
  return figures.join('') + '<template data-line-pool>' + hastToHtml(lines) + '</template>';
}
