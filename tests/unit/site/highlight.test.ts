import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import {
  captionFromMeta,
  codeColorsCss,
  highlightToHast,
  highlightToHtml,
  parseMeta,
  styleToClasses,
  themeColors,
} from '../../../src/integrations/code-highlight';

function walk(node: Root | RootContent, visit: (el: Element) => void): void {
  if (node.type === 'element') visit(node);
  if ('children' in node) for (const child of node.children as RootContent[]) walk(child, visit);
}

function textOf(node: Root | RootContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map((c) => textOf(c)).join('');
  return '';
}

function classes(el: Element): string[] {
  const c = el.properties.className;
  return Array.isArray(c) ? c.map(String) : [];
}

const SAMPLES: { lang: string; code: string }[] = [
  { lang: 'sh', code: 'astro deployment variable create --deployment-id "$ID" KEY=value # note\nvault kv put secret/x value=1' },
  { lang: 'json', code: '{\n  "url": "https://vault.example.com:8200",\n  "n": 1,\n  "ok": true,\n  "x": null\n}' },
  { lang: 'python', code: 'from airflow.sdk import Variable\n\n@task\ndef show():\n    """Docs."""\n    print(Variable.get("k"))  # comment' },
  { lang: 'yaml', code: 'secretBackend: "a.b.C"\ncommonEnv:\n  - name: X # c\n    value: \'{"a": 1}\'' },
  { lang: 'dockerfile', code: 'FROM quay.io/astronomer/astro-runtime:12.0.0\nENV A=b\n# comment' },
  { lang: 'dotenv', code: 'AIRFLOW__SECRETS__BACKEND=x.y.Z\n# comment\nB="c"' },
  { lang: 'hcl', code: 'path "airflow/data/variables/*" {\n  capabilities = ["read"]\n}' },
  { lang: 'text', code: 'postgres://u:p%40ss@host:5432/db' },
];

describe('highlightToHast', () => {
  it('builds the code figure: caption, copy button, pre with the exact code', async () => {
    const code = 'line one  \nline two';
    const tree = await highlightToHast({ code, lang: 'sh', filename: 'run.sh', title: 'Run it', snippet: 'write-variable' });
    const figure = tree.children[0] as Element;
    expect(figure.tagName).toBe('figure');
    expect(classes(figure)).toContain('code-block');
    expect(figure.properties.dataSnippet).toBe('write-variable');
    const tags = figure.children.filter((c): c is Element => c.type === 'element').map((c) => c.tagName);
    expect(tags).toEqual(['figcaption', 'button', 'pre']);
    const caption = figure.children[0] as Element;
    expect(textOf(caption)).toContain('run.sh');
    expect(textOf(caption)).toContain('Run it');
    const button = figure.children[1] as Element;
    expect(button.properties.ariaLabel).toBe('Copy');
    const pre = figure.children[2] as Element;
    expect(textOf(pre)).toBe(code);
    expect(pre.properties.tabIndex ?? pre.properties.tabindex).toBeDefined();
  });

  it('records the number of lines shown, for sizing the figure before it is rendered', async () => {
    const lines = fc.array(fc.string({ unit: fc.constantFrom('a', ' ', '"', '$', 'é'), minLength: 1 }), { minLength: 1, maxLength: 30 });
    await fc.assert(
      fc.asyncProperty(lines, fc.boolean(), async (ls, trailingNewline) => {
        const code = ls.join('\n') + (trailingNewline ? '\n' : '');
        const tree = await highlightToHast({ code, lang: 'sh' });
        const figure = tree.children[0] as Element;
        expect(figure.properties.dataLines).toBe(String(ls.length));
      }),
      { numRuns: 40 },
    );
  });

  it('shows a language label instead of a caption when there is no title', async () => {
    const tree = await highlightToHast({ code: '{}', lang: 'json' });
    const figure = tree.children[0] as Element;
    const first = figure.children[0] as Element;
    expect(first.tagName).toBe('span');
    expect(textOf(first)).toBe('JSON');
  });

  it.each(SAMPLES)('writes no style attribute and only known colour classes ($lang)', async ({ lang, code }) => {
    const css = await codeColorsCss();
    const tree = await highlightToHast({ code, lang });
    let tokens = 0;
    walk(tree, (el) => {
      expect(el.properties.style).toBeUndefined();
      for (const c of classes(el)) {
        if (/^s[ld]-/.test(c)) {
          tokens += 1;
          expect(css).toContain(`.${c}{`);
        }
      }
    });
    if (lang !== 'text') expect(tokens).toBeGreaterThan(0);
    expect(textOf(tree).endsWith(code.split('\n').at(-1) ?? '')).toBe(true);
  });

  it('falls back to plain text for an unknown language', async () => {
    const html = await highlightToHtml({ code: 'abc', lang: 'no-such-language' });
    expect(html).toContain('abc');
    expect(html).not.toContain('style=');
  });

  it('wraps each slot range in span[data-slot] holding exactly that text', async () => {
    const lines = fc.array(fc.stringMatching(/^[a-z0-9 ="{}:,_-]{1,30}$/), { minLength: 1, maxLength: 4 });
    await fc.assert(
      fc.asyncProperty(lines, fc.nat(), fc.nat(), async (ls, a, b) => {
        const code = ls.join('\n');
        const line = ls[a % ls.length] as string;
        const lineStart = ls.slice(0, a % ls.length).reduce((n, l) => n + l.length + 1, 0);
        const start = lineStart + (b % line.length);
        const end = start + 1 + ((a + b) % (line.length - (b % line.length)));
        const tree = await highlightToHast({ code, lang: 'sh', slots: [{ field: 'deploymentId', start, end }] });
        const found: string[] = [];
        walk(tree, (el) => {
          if (el.properties.dataSlot === 'deploymentId') found.push(textOf(el));
        });
        expect(found).toEqual([code.slice(start, end)]);
        expect(textOf((tree.children[0] as Element).children.at(-1) as Element)).toBe(code);
      }),
      { numRuns: 60 },
    );
  });

  it('rejects overlapping or out-of-range slots', async () => {
    await expect(
      highlightToHtml({ code: 'abcdef', lang: 'text', slots: [{ field: 'a', start: 0, end: 3 }, { field: 'b', start: 2, end: 4 }] }),
    ).rejects.toThrow(/overlap/);
    await expect(highlightToHtml({ code: 'abc', lang: 'text', slots: [{ field: 'a', start: 1, end: 9 }] })).rejects.toThrow(
      /outside/,
    );
  });
});

describe('meta and styles', () => {
  it('parses fenced code meta strings', () => {
    expect(parseMeta('title="My file" filename=\'a b.txt\' x=1')).toEqual({ title: 'My file', filename: 'a b.txt', x: '1' });
    expect(parseMeta(undefined)).toEqual({});
  });
  it('treats file-like titles as file names', () => {
    expect(captionFromMeta({ title: '.env' })).toEqual({ filename: '.env' });
    expect(captionFromMeta({ title: 'dags/example_dag.py' })).toEqual({ filename: 'dags/example_dag.py' });
    expect(captionFromMeta({ title: 'Dockerfile' })).toEqual({ filename: 'Dockerfile' });
    expect(captionFromMeta({ title: 'Connection URI' })).toEqual({ title: 'Connection URI' });
  });
  it('maps shiki token styles to classes', () => {
    expect(styleToClasses('--shiki-light:#D73A49;--shiki-dark:#F97583')).toEqual(['sl-d73a49', 'sd-f97583']);
    expect(styleToClasses('--shiki-light:#111;--shiki-dark:#222;--shiki-light-font-style:italic;--shiki-dark-font-style:italic')).toContain('tok-i');
    expect(styleToClasses('--shiki-light-font-style:italic')).not.toContain('tok-i');
  });
});

// WCAG relative luminance / contrast ratio.
function luminance(hex: string): number {
  const h = hex.replace('#', '');
  const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h.slice(0, 6);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) =>
    c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4,
  ) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('code colour contrast', () => {
  it('every token colour of both themes reaches 4.5:1 on the site code background', async () => {
    const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');
    const m = /--code-bg:\s*light-dark\(\s*(#[0-9a-f]{3,6})\s*,\s*(#[0-9a-f]{3,6})\s*\)/i.exec(css);
    expect(m, '--code-bg must be light-dark(<light>, <dark>)').not.toBeNull();
    const [, lightBg, darkBg] = m as unknown as [string, string, string];
    const colors = await themeColors();
    const failures: string[] = [];
    // Colours with an alpha channel are decorative, not token text.
    for (const hex of colors.text.light.filter((h) => h.length <= 6)) {
      if (contrast(`#${hex}`, lightBg) < 4.5) failures.push(`light #${hex} ${contrast(`#${hex}`, lightBg).toFixed(2)}`);
    }
    for (const hex of colors.text.dark.filter((h) => h.length <= 6)) {
      if (contrast(`#${hex}`, darkBg) < 4.5) failures.push(`dark #${hex} ${contrast(`#${hex}`, darkBg).toFixed(2)}`);
    }
    expect(failures).toEqual([]);
  });
});
