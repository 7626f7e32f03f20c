/** fast-check arbitraries for hostile text. */
import fc from 'fast-check';
import { sanitize } from '../../../src/generators/slots.ts';

export const FRAGMENTS = [
  "'", '"', '$(', ')', '`', '\n', '\r', '\r\n', '#', '%', '\\', '${', '}', '{', '%{', '$', ' ', '\t', '*', '?', '~',
  '!', '<', '>', '|', '&', ';', '=', '-', '--x', '@', '\u2028', '\u2029', '\u0085', 'é', '😀', '\u001b', '\uFEFF',
  'EOF', "'\\''", "\\'", '{{', ':', '/', '//', '://', '+', '[', ']', ',', '$HOME', '$(id)', '`id`', '\\n', 'a', 'Z', '0',
  '_', '.', '\u00a0', '\u0007', '\u007f', '${:-$}', '%25', '%2F', '\u200b', 'ß', '中', '\u{10FFFF}',
];

/** Strings built from shell/YAML/JSON/HCL metacharacters and arbitrary unicode. */
export const hostileString: fc.Arbitrary<string> = fc
  .oneof(
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 12 }).map((a) => a.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }) },
    {
      weight: 2,
      arbitrary: fc
        .array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 10 })
        .map((a) => a.join('')),
    },
  )
  .map(sanitize);

export const nonEmptyHostile = hostileString.filter((s) => s.length > 0);
