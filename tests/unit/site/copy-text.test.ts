import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeText, normalizeCopiedText } from '../../../src/scripts/copy-text';

describe('normalizeCopiedText', () => {
  it('removes trailing spaces of every line and trailing newlines', () => {
    expect(normalizeCopiedText('a  \nb\t\n\n')).toBe('a\nb');
  });
  it('keeps leading indentation and inner blank lines', () => {
    expect(normalizeCopiedText('  a\n\n    b')).toBe('  a\n\n    b');
  });
  it('turns CRLF into LF', () => {
    expect(normalizeCopiedText('a\r\nb\r\n')).toBe('a\nb');
  });
  it('never leaves whitespace at a line end and is idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = normalizeCopiedText(s);
        for (const line of out.split('\n')) expect(line).not.toMatch(/[ \t\u00a0]$/);
        expect(out.endsWith('\n')).toBe(false);
        expect(normalizeCopiedText(out)).toBe(out);
      }),
    );
  });
});

describe('codeText', () => {
  it('gives the text the code element keeps for Copy and Download, else its text', () => {
    const code = (textContent: string, fullText?: string) => ({ textContent, ...(fullText === undefined ? {} : { fullText }) }) as unknown as Element;
    expect(codeText(code('shown'))).toBe('shown');
    expect(codeText(code('# first lines\n# ... and 9 more', '# first lines\nall\n'))).toBe('# first lines\nall\n');
    expect(codeText(code('', ''))).toBe('');
  });
});
