/**
 * Build-time syntax highlighting shared by `<CodeBlock>` and fenced code in MDX.
 *
 * Shiki normally writes colours into `style="…"` attributes. The site's
 * Content-Security-Policy forbids inline style attributes, so the transformer
 * below turns every token colour into a class (`sl-<hex>` for the light theme,
 * `sd-<hex>` for the dark theme) and `codeColorsCss()` emits the matching rules
 * for every colour the two themes can produce. The page switches themes with
 * CSS `light-dark()`, so no script is involved.
 *
 * The transformer also wraps the `<pre>` in the site's code figure: an optional
 * caption (title / filename), a language label and the copy button.
 */
import type { Element, ElementContent, Properties, Root } from 'hast';
import {
  bundledLanguages,
  bundledThemes,
  createHighlighter,
  normalizeTheme,
  type BundledLanguage,
  type BundledTheme,
  type DecorationItem,
  type HighlighterGeneric,
  type ShikiTransformer,
} from 'shiki';

export const CODE_THEMES = { light: 'github-light-default', dark: 'github-dark-default' } as const;

/** Human labels shown in the code block header when a block has no caption. */
const LANGUAGE_LABELS: Record<string, string> = {
  sh: 'Shell',
  bash: 'Shell',
  shell: 'Shell',
  shellscript: 'Shell',
  zsh: 'Shell',
  console: 'Terminal',
  json: 'JSON',
  jsonc: 'JSON',
  python: 'Python',
  py: 'Python',
  yaml: 'YAML',
  yml: 'YAML',
  dockerfile: 'Dockerfile',
  docker: 'Dockerfile',
  dotenv: '.env',
  env: '.env',
  hcl: 'HCL',
  ini: 'INI',
  toml: 'TOML',
  text: 'Text',
  txt: 'Text',
  plaintext: 'Text',
  powershell: 'PowerShell',
};

export function languageLabel(lang: string | undefined): string {
  if (!lang) return 'Text';
  return LANGUAGE_LABELS[lang.toLowerCase()] ?? lang.toUpperCase();
}

export interface FigureOptions {
  title?: string | undefined;
  filename?: string | undefined;
  /** Generator snippet id, rendered as `data-snippet`. */
  snippet?: string | undefined;
  /** Language id as written by the author. */
  lang?: string | undefined;
  /** Optional `id` attribute of the figure. */
  id?: string | undefined;
  /** False for a view that must not be pasted (no Copy button). */
  copy?: boolean | undefined;
}

/** Parses `title="…" filename='…' key=value` from a fenced code block's meta string. */
export function parseMeta(meta: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (!meta) return out;
  const re = /([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|(\S+))/g;
  for (const m of meta.matchAll(re)) {
    const key = m[1] as string;
    out[key] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

/**
 * Caption of a fenced block: `filename="…"` is a file; a `title` that looks like a file name
 * (`.env`, `values.yaml`, `Dockerfile`, `dags/x.py`) is shown as one too.
 */
export function captionFromMeta(meta: Record<string, string>): { title?: string; filename?: string } {
  const filename = meta.filename ?? meta.file;
  const title = meta.title;
  if (filename) return title ? { title, filename } : { filename };
  if (title && /^(?:[\w.-]+\/)*(?:[\w-]*\.[\w.-]+|Dockerfile|Makefile)$/.test(title)) return { filename: title };
  return title ? { title } : {};
}

const HEX = /^#([0-9a-fA-F]{3,8})$/;

/** Maps one token's inline style to class names; unknown declarations are dropped. */
export function styleToClasses(style: string): string[] {
  const classes: string[] = [];
  const decl = new Map<string, string>();
  for (const part of style.split(';')) {
    const i = part.indexOf(':');
    if (i < 0) continue;
    decl.set(part.slice(0, i).trim().toLowerCase(), part.slice(i + 1).trim().toLowerCase());
  }
  for (const [prop, value] of decl) {
    const hex = HEX.exec(value)?.[1];
    if (prop === '--shiki-light' && hex) classes.push(`sl-${hex}`);
    else if (prop === '--shiki-dark' && hex) classes.push(`sd-${hex}`);
  }
  // Font styles are kept only where both themes agree, so no theme-specific rule is needed.
  const both = (suffix: string, want: string) =>
    (decl.get(`--shiki-light-${suffix}`) ?? '').includes(want) &&
    (decl.get(`--shiki-dark-${suffix}`) ?? '').includes(want);
  if (both('font-style', 'italic')) classes.push('tok-i');
  if (both('font-weight', 'bold')) classes.push('tok-b');
  if (both('text-decoration', 'underline')) classes.push('tok-u');
  if (decl.get('user-select') === 'none') classes.push('tok-noselect');
  return classes;
}

function classList(value: Properties[string]): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  return [];
}

function el(tagName: string, properties: Properties, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}




/** Number of lines the code below `node` shows (a final newline starts no line). */
export function codeLineCount(node: Element): number {
  let source = '';
  const walk = (n: ElementContent) => {
    if (n.type === 'text') source += n.value;
    else if (n.type === 'element') n.children.forEach(walk);
  };
  node.children.forEach(walk);
  return source.replace(/\n$/, '').split('\n').length;
}

/**
 * Wraps a highlighted `<pre>` in the site's code figure (caption, label, copy button).
 * `data-lines` lets the stylesheet size a figure the browser has not rendered yet
 * (off-screen code blocks skip rendering, see code.css).
 */
export function buildFigure(pre: Element, opts: FigureOptions): Element {
  const children: ElementContent[] = [];
  const caption = opts.filename || opts.title;
  if (caption) {
    const parts: ElementContent[] = [];
    if (opts.title && opts.filename) {
      parts.push(el('span', { className: ['code-block__title'] }, [text(opts.title)]));
      parts.push(el('span', { className: ['code-block__filename'] }, [text(opts.filename)]));
    } else if (opts.filename) {
      parts.push(el('span', { className: ['code-block__filename'] }, [text(opts.filename)]));
    } else {
      parts.push(el('span', { className: ['code-block__title'] }, [text(caption)]));
    }
    children.push(el('figcaption', { className: ['code-block__caption'] }, parts));
  } else {
    children.push(
      el('span', { className: ['code-block__lang'] }, [text(languageLabel(opts.lang))]),
    );
  }
  if (opts.copy !== false)
    children.push(
      el('button', { type: 'button', className: ['code-block__copy'], ariaLabel: 'Copy' }, [
        // Its icon is drawn by code.css (one copy for the whole page, not one per block).
        el('span', { className: ['code-block__copy-text'], ariaHidden: 'true' }, [text('Copy')]),
      ]),
    );
  children.push(pre);
  const props: Properties = { className: ['code-block'], dataLines: String(codeLineCount(pre)) };
  if (opts.id) props.id = opts.id;
  if (opts.snippet) props.dataSnippet = opts.snippet;
  if (opts.lang) props.dataLang = opts.lang;
  return el('figure', props, children);
}

/** Replaces every `style` attribute below `node` by the equivalent classes. */
function stripStyles(node: Element): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const style = child.properties.style;
    if (typeof style === 'string') {
      delete child.properties.style;
      const cls = styleToClasses(style);
      if (cls.length) child.properties.className = [...classList(child.properties.className), ...cls];
    }
    stripStyles(child);
  }
}

/**
 * Shiki transformer: classes instead of inline styles, and the code figure around the block.
 * `figure` fixes caption data for `<CodeBlock>`; fenced Markdown code reads it from the meta string.
 */
export function codeBlockTransformer(figure?: FigureOptions): ShikiTransformer {
  return {
    name: 'site:code-block',
    pre(node) {
      delete node.properties.style;
      const cls = classList(node.properties.className).filter(
        (c) => c !== 'shiki' && c !== 'astro-code' && !c.startsWith('github-') && c !== 'shiki-themes',
      );
      node.properties.className = ['code', ...cls];
      node.properties.tabindex = '0';
    },
    root(root: Root) {
      const pre = root.children.find(
        (c): c is Element => c.type === 'element' && c.tagName === 'pre',
      );
      if (!pre) return;
      stripStyles(pre);
      const meta = parseMeta(this.options.meta?.__raw);
      const opts: FigureOptions = figure ?? {
        ...captionFromMeta(meta),
        lang: this.options.lang,
      };
      const fig = buildFigure(pre, opts);
      root.children = root.children.map((c) => (c === pre ? fig : c));
    },
  };
}

export interface Slot {
  field: string;
  start: number;
  end: number;
}

type SiteHighlighter = HighlighterGeneric<BundledLanguage, BundledTheme>;
let highlighterPromise: Promise<SiteHighlighter> | undefined;

function getHighlighter(): Promise<SiteHighlighter> {
  const promise =
    highlighterPromise ??
    createHighlighter({
      themes: [CODE_THEMES.light, CODE_THEMES.dark],
      langs: ['sh', 'json', 'python', 'yaml', 'dockerfile', 'dotenv', 'hcl'],
    });
  highlighterPromise = promise;
  return promise;
}

const PLAIN = new Set(['text', 'txt', 'plaintext', 'plain', '']);

export interface HighlightOptions extends FigureOptions {
  code: string;
  lang: string;
  slots?: readonly Slot[] | undefined;
}

async function highlightOptions(options: HighlightOptions) {
  const { code, slots = [] } = options;
  const highlighter = await getHighlighter();
  let lang = options.lang.toLowerCase();
  if (PLAIN.has(lang)) {
    lang = 'text';
  } else if (!highlighter.getLoadedLanguages().includes(lang)) {
    if (lang in bundledLanguages) {
      await highlighter.loadLanguage(lang as BundledLanguage);
    } else {
      console.warn(`[CodeBlock] unknown language "${options.lang}", rendering as plain text`);
      lang = 'text';
    }
  }
  const decorations: DecorationItem[] = [];
  const sorted = [...slots].sort((a, b) => a.start - b.start);
  let lastEnd = 0;
  for (const slot of sorted) {
    if (!(Number.isInteger(slot.start) && Number.isInteger(slot.end) && slot.start >= 0 && slot.end > slot.start && slot.end <= code.length)) {
      throw new Error(`CodeBlock: slot ${slot.field} [${slot.start}, ${slot.end}) is outside the code`);
    }
    if (slot.start < lastEnd) throw new Error(`CodeBlock: slot ${slot.field} overlaps the previous slot`);
    lastEnd = slot.end;
    decorations.push({
      start: slot.start,
      end: slot.end,
      tagName: 'span',
      properties: { dataSlot: slot.field },
    });
  }
  return {
    highlighter,
    code,
    options: {
      lang,
      themes: { ...CODE_THEMES },
      defaultColor: false as const,
      decorations,
      transformers: [
        codeBlockTransformer({
          title: options.title,
          filename: options.filename,
          snippet: options.snippet,
          lang: options.lang,
          id: options.id,
          copy: options.copy,
        }),
      ],
    },
  };
}

/**
 * Highlights `code` to the site's code figure (HTML string). Each slot range is wrapped in
 * `<span data-slot="<field>">`. Slots must not overlap; empty or out-of-range slots are rejected.
 */
export async function highlightToHtml(options: HighlightOptions): Promise<string> {
  const { highlighter, code, options: o } = await highlightOptions(options);
  return highlighter.codeToHtml(code, o);
}

/** The same as `highlightToHtml`, as a HAST tree (used by tests). */
export async function highlightToHast(options: HighlightOptions): Promise<Root> {
  const { highlighter, code, options: o } = await highlightOptions(options);
  return highlighter.codeToHast(code, o);
}

export interface ThemeColors {
  /** Every colour each theme can give a token, lower-case hex without `#`. */
  light: string[];
  dark: string[];
  /** Token text colours drawn on the code background (scopes with their own background excluded). */
  text: { light: string[]; dark: string[] };
  fg: { light: string; dark: string };
  bg: { light: string; dark: string };
}

export async function themeColors(): Promise<ThemeColors> {
  const load = async (name: string) => {
    const mod = await bundledThemes[name as keyof typeof bundledThemes]();
    return normalizeTheme(mod.default);
  };
  const [light, dark] = await Promise.all([load(CODE_THEMES.light), load(CODE_THEMES.dark)]);
  const hexOf = (c: unknown): string | undefined =>
    typeof c === 'string' ? HEX.exec(c.trim())?.[1]?.toLowerCase() : undefined;
  const collect = (t: typeof light, textOnly: boolean) => {
    const set = new Set<string>();
    const fg = hexOf(t.fg);
    if (fg) set.add(fg);
    for (const s of t.settings) {
      if (textOnly && s.settings?.background) continue;
      const hex = hexOf(s.settings?.foreground);
      if (hex) set.add(hex);
    }
    return [...set].sort();
  };
  return {
    light: collect(light, false),
    dark: collect(dark, false),
    text: { light: collect(light, true), dark: collect(dark, true) },
    fg: { light: light.fg.toLowerCase(), dark: dark.fg.toLowerCase() },
    bg: { light: light.bg.toLowerCase(), dark: dark.bg.toLowerCase() },
  };
}

/** The stylesheet that gives the token classes their colours (served as a virtual CSS module). */
export async function codeColorsCss(): Promise<string> {
  const c = await themeColors();
  const rules: string[] = [
    `.code-block pre{--shiki-light:${c.fg.light};--shiki-dark:${c.fg.dark}}`,
  ];
  for (const hex of c.light) rules.push(`.sl-${hex}{--shiki-light:#${hex}}`);
  for (const hex of c.dark) rules.push(`.sd-${hex}{--shiki-dark:#${hex}}`);
  return `${rules.join('\n')}\n`;
}
