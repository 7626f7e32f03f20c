// Turns a built page of this site into a Starlight MDX page with the same content: the
// prose, headings, lists, callouts (as asides), tab groups (as Starlight tabs, synced by
// group) and every code block as it shows without a choice or value (the default
// rendering of a live snippet). The setup form and the connection builder are left out:
// Starlight has nothing like them.
import { ELEMENT_NODE, TEXT_NODE, parse } from 'ultrahtml';

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'", nbsp: ' ' };
export const decode = (text) =>
  text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });

const classes = (n) => String(n.attributes?.class ?? '').split(/\s+/);
const hasClass = (n, c) => n.type === ELEMENT_NODE && classes(n).includes(c);
const elements = (n) => (n.children ?? []).filter((c) => c.type === ELEMENT_NODE);

export function textOf(n) {
  if (n.type === TEXT_NODE) return decode(n.value);
  if (n.type !== ELEMENT_NODE) return '';
  if (n.name === 'br') return '\n';
  return (n.children ?? []).map(textOf).join('');
}

function find(n, pred) {
  if (pred(n)) return n;
  for (const c of n.children ?? []) {
    const hit = find(c, pred);
    if (hit) return hit;
  }
  return null;
}

/** Text escaped for MDX: what MDX or Markdown would read as syntax is backslash-escaped. */
const escapeText = (t) => t.replace(/[\\`*_[\]{}<>#|~]/g, '\\$&');

function inline(n) {
  if (n.type === TEXT_NODE) return escapeText(decode(n.value).replace(/\s+/g, ' '));
  if (n.type !== ELEMENT_NODE) return '';
  const inner = () => (n.children ?? []).map(inline).join('');
  switch (n.name) {
    case 'code': {
      const t = textOf(n).replace(/\s+/g, ' ');
      const ticks = '`'.repeat(Math.max(0, ...(t.match(/`+/g) ?? []).map((r) => r.length)) + 1);
      return t.includes('`') ? `${ticks} ${t} ${ticks}` : `${ticks}${t}${ticks}`;
    }
    case 'a':
      return `[${inner()}](${String(n.attributes?.href ?? '').replace(/[()\s]/g, encodeURIComponent)})`;
    case 'strong':
    case 'b':
      return `**${inner()}**`;
    case 'em':
    case 'i':
      return `*${inner()}*`;
    case 'br':
      return ' ';
    case 'svg':
    case 'button':
      return '';
    default:
      return inner();
  }
}

function fence(figure) {
  const code = find(figure, (x) => x.type === ELEMENT_NODE && x.name === 'code');
  const text = code ? textOf(code).replace(/\n$/, '') : '';
  const file = find(figure, (x) => hasClass(x, 'code-block__filename'));
  const title = find(figure, (x) => hasClass(x, 'code-block__title'));
  const label = file ? textOf(file) : title ? textOf(title) : '';
  const lang = String(figure.attributes?.['data-lang'] ?? 'text').replace(/[^a-z0-9+-]/gi, '') || 'text';
  const ticks = '`'.repeat(Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length)) + 1);
  const meta = label ? ` title=${JSON.stringify(label)}` : '';
  return `${ticks}${lang}${meta}\n${text}\n${ticks}`;
}

const ASIDES = { note: 'note', tip: 'tip', warning: 'caution', caution: 'caution', danger: 'danger' };

function blocks(n) {
  const out = [];
  for (const c of n.children ?? []) {
    if (c.type === TEXT_NODE) {
      const t = decode(c.value).trim();
      if (t) out.push(escapeText(t));
      continue;
    }
    if (c.type !== ELEMENT_NODE) continue;
    const level = /^h([2-6])$/.exec(c.name)?.[1];
    if (level) {
      if (!hasClass(c, 'tabs__panel-heading')) out.push(`${'#'.repeat(Number(level))} ${inline(c).trim()}`);
    } else if (hasClass(c, 'heading')) {
      out.push(...blocks({ children: elements(c).filter((x) => /^h[2-6]$/.test(x.name)) }));
    } else if (c.name === 'p') {
      const t = inline(c).trim();
      if (t) out.push(t);
    } else if (c.name === 'ul' || c.name === 'ol') {
      let i = 0;
      out.push(
        elements(c)
          .filter((li) => li.name === 'li')
          .map((li) => `${c.name === 'ol' ? `${++i}.` : '-'} ${inline(li).trim()}`)
          .join('\n'),
      );
    } else if (c.attributes?.['data-tabs']) {
      const list = elements(c).find((x) => hasClass(x, 'tabs__list'));
      const panels = elements(elements(c).find((x) => hasClass(x, 'tabs__panels')) ?? {});
      const labels = new Map(elements(list ?? {}).map((b) => [b.attributes?.['data-tab-value'], textOf(b).trim()]));
      const items = panels.map(
        (p) => `<TabItem label=${JSON.stringify(labels.get(p.attributes?.['data-tab-value']) ?? '')}>\n\n${blocks(p).join('\n\n')}\n\n</TabItem>`,
      );
      out.push(`<Tabs syncKey=${JSON.stringify(String(c.attributes['data-tabs']))}>\n${items.join('\n')}\n</Tabs>`);
    } else if (hasClass(c, 'callout')) {
      const kind = classes(c).find((k) => k.startsWith('callout--'))?.slice('callout--'.length) ?? 'note';
      const title = find(c, (x) => hasClass(x, 'callout__title'));
      const body = find(c, (x) => hasClass(x, 'callout__body'));
      const name = title ? textOf(title).trim().replace(/[[\]]/g, '') : '';
      out.push(`:::${ASIDES[kind] ?? 'note'}${name ? `[${name}]` : ''}\n${body ? blocks(body).join('\n\n') : ''}\n:::`);
    } else if (c.attributes?.['data-live-snippet'] !== undefined) {
      const figure = elements(c).find((x) => x.name === 'figure' && x.attributes?.['data-default'] !== undefined) ?? elements(c).find((x) => x.name === 'figure');
      if (figure) out.push(fence(figure));
    } else if (c.name === 'figure' && hasClass(c, 'code-block')) {
      out.push(fence(c));
    } else if (hasClass(c, 'setup') || hasClass(c, 'connection-builder') || c.name === 'template' || c.name === 'script' || c.name === 'style') {
      // Nothing like them in Starlight.
    } else {
      out.push(...blocks(c));
    }
  }
  return out;
}

/** The MDX page for the built HTML of one of our pages. */
export function pageToMdx(html) {
  const doc = parse(html);
  const title = find(doc, (n) => hasClass(n, 'page-title'));
  const lead = find(doc, (n) => hasClass(n, 'lead'));
  const prose = find(doc, (n) => hasClass(n, 'prose'));
  if (!title || !prose) throw new Error('not a page of this site: no .page-title or .prose');
  const description = lead ? textOf(lead).replace(/\s+/g, ' ').trim() : '';
  const body = [lead ? inline(lead).trim() : '', ...blocks(prose)].filter(Boolean).join('\n\n');
  return [
    '---',
    `title: ${JSON.stringify(textOf(title).trim())}`,
    ...(description ? [`description: ${JSON.stringify(description)}`] : []),
    '---',
    '',
    "import { Tabs, TabItem } from '@astrojs/starlight/components';",
    '',
    body,
    '',
  ].join('\n');
}
