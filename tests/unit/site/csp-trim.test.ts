/** Each page's policy keeps the hashes of its own inline code only (src/integrations/csp-trim.ts). */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { trimPolicy } from '../../../src/integrations/csp-trim';

const hash = (algorithm: 'sha256' | 'sha384', text: string) => `'${algorithm}-${createHash(algorithm).update(text).digest('base64')}'`;

const inlineScript = 'document.documentElement.classList.add("js")';
const inlineStyle = 'p{color:red}';
const elsewhere = 'console.log("an island loader this page does not have")';
const external = 'import "./x.js"';

function page(policy: string, body: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="content-security-policy" content="${policy}"></head><body>${body}</body></html>`;
}

/** The sources of one directive of the page's policy. */
function sources(html: string, name: string): string[] {
  const content = /content-security-policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const directive = content.split(';').find((d) => d.trim().split(/\s+/)[0] === name) ?? '';
  return directive.trim().split(/\s+/).slice(1);
}

describe('trimPolicy', () => {
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${hash('sha256', inlineScript)} ${hash('sha256', elsewhere)} ${hash('sha384', inlineScript)} ${hash('sha256', external)}`,
    `style-src 'self' ${hash('sha256', inlineStyle)} ${hash('sha256', elsewhere)}`,
    "img-src 'self' data:",
  ].join(';');
  const body = `<script>${inlineScript}</script><script type="module" src="/_astro/x.js">${external}</script><style>${inlineStyle}</style>`;

  it('keeps the hashes of the page’s inline scripts and styles, in any algorithm, and every other source', () => {
    const { html, dropped } = trimPolicy(page(policy, body));
    expect(sources(html, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'", hash('sha256', inlineScript), hash('sha384', inlineScript)]);
    expect(sources(html, 'style-src')).toEqual(["'self'", hash('sha256', inlineStyle)]);
    expect(dropped).toBe(3);
  });

  it('leaves the other directives and the rest of the page as they were', () => {
    const before = page(policy, body);
    const { html } = trimPolicy(before);
    expect(sources(html, 'default-src')).toEqual(["'self'"]);
    expect(sources(html, 'img-src')).toEqual(["'self'", 'data:']);
    expect(html.replace(/content="[^"]*"/, '')).toBe(before.replace(/content="[^"]*"/, ''));
  });

  it('drops every hash of a page without inline code, and leaves a page without a policy alone', () => {
    const { html } = trimPolicy(page(policy, '<p>text</p>'));
    expect(sources(html, 'script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(sources(html, 'style-src')).toEqual(["'self'"]);
    const plain = '<html><head></head><body><script>x()</script></body></html>';
    expect(trimPolicy(plain)).toEqual({ html: plain, dropped: 0 });
  });
});
