/**
 * The fast YAML reader (src/generators/simple-yaml.ts) against the `yaml` package: on every
 * document it reads, it must give exactly what `yaml.parse(text, { uniqueKeys: false })`
 * gives, and it must never read a document the `yaml` package rejects. Documents come from
 * `yaml.stringify` with many style options, from PyYAML (what `airflow connections export
 * --file-format yaml` uses) with several line widths, and from random edits of those (broken
 * indentation, stray indicators, comments, tabs...). It must also read the realistic exports
 * itself (that is what makes it worth having), not hand them all to the `yaml` package.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { NOT_SIMPLE, readSimpleYaml } from '../../../src/generators/simple-yaml.ts';
import { migrationExports } from '../../bench/lib/migration-inputs.mjs';
import { hostileString } from '../helpers/arbitraries.ts';
import { missingTools, run } from '../helpers/tools.ts';

const SEED = Number(process.env.GENERATOR_SEED ?? 4217);

type Oracle = { ok: unknown } | { error: string };
function oracle(text: string): Oracle {
  try {
    return { ok: parse(text, { uniqueKeys: false, logLevel: 'error' }) };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

/** Read fast; when the fast reader reads it, the `yaml` package must read the same. Returns whether it was read fast. */
function agrees(text: string): boolean {
  const fast = readSimpleYaml(text);
  if (fast === NOT_SIMPLE) return false;
  const want = oracle(text);
  expect(want, `yaml rejects what the fast reader read:\n${text}`).toHaveProperty('ok');
  expect(fast, text).toStrictEqual((want as { ok: unknown }).ok);
  return true;
}

/** Strings that look like other YAML scalars or need quoting. */
const tricky = fc.constantFrom(
  'true', 'False', 'NULL', '~', '', ' ', '0', '-0', '+5', '007', '0o17', '0x1F', '1e3', '.5', '1.', '.inf', '-.Inf', '.NaN', '1_000',
  'a: b', 'a #b', 'a#b', '#x', '- x', '? x', ': x', '[a]', '{a: 1}', '&a', '*a', '!tag', '|', '>', '%x', '@x', '`x`', "it's", 'say "hi"',
  'trailing ', ' leading', 'a\u00a0', '\u00a0a', 'multi\nline', 'multi\n\nblank', 'ends\n', '\nstarts', 'back\\slash', 'tab\there',
  'x'.repeat(90), `${'word '.repeat(30)}end`, 'yes', 'no', 'on', 'off', '2024-01-01', '12:30', 'http://h:80/p?q=1#f',
);
const scalar = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: tricky },
  { weight: 1, arbitrary: fc.integer({ min: -100000, max: 100000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: false }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.lorem({ maxCount: 25 }) },
);
const key = fc.oneof(fc.stringMatching(/^[a-z_][a-z0-9_.-]{0,14}$/), hostileString.filter((k) => k !== '__proto__'), tricky);
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('map'), tie('list')),
  map: fc.dictionary(key, tie('tree'), { maxKeys: 5 }),
  list: fc.array(tie('tree'), { maxLength: 4 }),
}));
const doc = fc.oneof(fc.dictionary(key, tree, { minKeys: 1, maxKeys: 6 }), fc.array(tree, { minLength: 1, maxLength: 5 }));

const options = fc.record({
  indent: fc.constantFrom(2, 3, 4),
  indentSeq: fc.boolean(),
  lineWidth: fc.constantFrom(0, 20, 40, 80),
  minContentWidth: fc.constantFrom(0, 10, 20),
  defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
  defaultKeyType: fc.constantFrom(null, 'PLAIN'),
  doubleQuotedAsJSON: fc.boolean(),
  doubleQuotedMinMultiLineLength: fc.constantFrom(0, 10, 40),
  singleQuote: fc.constantFrom(null, true, false),
}) as fc.Arbitrary<Parameters<typeof stringify>[2] & object>;

/** Small edits that break or bend a document. */
function mutate(text: string, at: number, kind: number, ch: string): string {
  const i = at % (text.length + 1);
  switch (kind % 6) {
    case 0: return text.slice(0, i) + text.slice(i + 1);
    case 1: return text.slice(0, i) + ch + text.slice(i);
    case 2: return text.slice(0, i) + '\n' + text.slice(i);
    case 3: return text.slice(0, i) + ' ' + text.slice(i);
    case 4: {
      const lines = text.split('\n');
      const n = at % lines.length;
      lines[n] = lines[n]!.replace(/^ {1,2}/, '');
      return lines.join('\n');
    }
    default: return text.slice(0, i) + ' # c' + text.slice(i);
  }
}

describe('fast YAML reader', () => {
  it('reads yaml.stringify output exactly as the yaml package does (or leaves it to it)', () => {
    let fast = 0;
    fc.assert(
      fc.property(doc, options, (value, opts) => {
        if (agrees(stringify(value, opts))) fast++;
      }),
      { numRuns: 1500, seed: SEED },
    );
    // Not a test that passes by handing everything over (hostile text with control characters is left to the yaml package).
    expect(fast).toBeGreaterThan(150);
  });

  it('never reads an edited document differently, and never reads what the yaml package rejects', () => {
    let fast = 0;
    fc.assert(
      fc.property(
        doc,
        options,
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(':', '-', '#', "'", '"', '\\', '{', '}', '[', ']', ' ', '\t', '|', '&', '*', '!', '?', '%', '\r', 'a', '0')), { minLength: 1, maxLength: 3 }),
        (value, opts, edits) => {
          let text = stringify(value, opts);
          for (const [at, kind, ch] of edits) text = mutate(text, at, kind, ch);
          if (agrees(text)) fast++;
        },
      ),
      { numRuns: 2000, seed: SEED },
    );
    expect(fast).toBeGreaterThan(80);
  });

  it('reads export-like documents itself, whatever their text, in the styles yaml and PyYAML write', () => {
    const printable = fc.string({ unit: fc.constantFrom(...Array.from('abcXYZ019 :#-?\'"$`%@&*!|>{}[],./\\=+~é東🔑'), 'ab', 'cd', 'éf'), maxLength: 40 });
    const connection = fc.record({
      conn_type: fc.constantFrom('postgres', 'mysql', 'http', 'aws', 'google_cloud_platform'),
      description: fc.option(fc.lorem({ maxCount: 30 }), { nil: null }),
      host: fc.option(fc.domain(), { nil: null }),
      login: fc.option(printable, { nil: null }),
      password: fc.option(printable, { nil: null }),
      schema: fc.option(fc.stringMatching(/^[a-z_]{1,12}$/), { nil: null }),
      port: fc.option(fc.integer({ min: 1, max: 65535 }), { nil: null }),
      extra: fc.option(fc.dictionary(fc.stringMatching(/^[a-z_]{1,10}$/), fc.oneof(printable, fc.integer(), fc.boolean()), { maxKeys: 6 }).map((o) => JSON.stringify(o)), { nil: null }),
    });
    const exportDoc = fc.dictionary(fc.stringMatching(/^[a-z][a-z0-9_-]{0,20}$/), connection, { minKeys: 1, maxKeys: 8 });
    const docs = fc.sample(exportDoc, { numRuns: 300, seed: SEED });
    for (const [i, value] of docs.entries()) {
      const text = stringify(value, { lineWidth: [0, 40, 80][i % 3]! });
      expect(agrees(text), text).toBe(true);
    }
    if (missingTools('python3').length) return;
    let texts: string[];
    try {
      texts = JSON.parse(run('python3', ['-c', 'import json, sys, yaml\nprint(json.dumps([yaml.dump(d, width=[40, 80][i % 2], allow_unicode=bool(i % 3)) for i, d in enumerate(json.load(sys.stdin))]))'], JSON.stringify(docs)));
    } catch (e) {
      if (/No module named 'yaml'/.test(String(e))) return;
      throw e;
    }
    for (const text of texts) expect(agrees(text), text).toBe(true);
  });

  it('reads hand-written YAML: comments, compact sequences, folded quotes, escapes, quoted keys', () => {
    const cases = [
      "# top\na:\n  # inside\n  b: 1\n\nc:\n- x\n- 'y'' z'\n- \"\\u00e9\\t\\x41\\U0001F600\"\n",
      "k: 'folded\n  over\n\n  lines  '\n",
      'k: "esc\\\n   aped \\\n  \\ break"\nj: "a  \n   b"\n',
      "'123': x\n\"a: b\": y\n'': empty\n",
      'm: {}\nl: []\np: plain text here\n  and more\n\n  after blank\nq: 0o17\nr: +12\ns: .5\nt: 1e3\nu: .inf\nv: ~\nw: Null\n',
      '- a: 1\n  b:\n    - 2\n    - c: 3\n-   d: 4\n    e: 5\n- plain\n',
      'k: a\u00a0\nj: \u00a0b\n',
      'n: -1\nm: -.inf\no: ?x\np: :y\nq: --z\n',
      'split: "key \ud83d\\\n  \udd11 pair"\nlone: x\udc00y\n',
      'a: |\n  one\n    two\n\n  # not a comment\nb: |-\n  x\n\n\nc: |+\n  y\n\n',
      '- |+\n  kept\n\n- |\n  clipped\n\n\n',
    ];
    for (const text of cases) expect(agrees(text), text).toBe(true);
    // Left to the yaml package: anchors, tags, block scalars, flow collections, comments after values, tabs, documents.
    for (const text of ['a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: >\n  x\n', 'a: |2\n   x\n', 'a: |\n\n  x\n', 'a: [1, 2]\n', 'a: [ ]\n', 'a: 1 # c\n', 'a:\t1\n', '---\na: 1\n', 'a: 1\n...\n', '__proto__: x\n', 'a: - x\n']) {
      expect(readSimpleYaml(text), text).toBe(NOT_SIMPLE);
    }
  });

  it('reads the benchmark exports itself (connections YAML, airflow_settings.yaml)', () => {
    for (const text of [migrationExports('yaml', 200).connections!, migrationExports('astro', 200).connections!]) {
      expect(agrees(text)).toBe(true);
    }
  });

  const python = missingTools('python3');
  it.skipIf(python.length > 0)('reads PyYAML output (airflow connections export --file-format yaml) as the yaml package does, and most of it itself', () => {
    const values = fc.sample(doc, { numRuns: 400, seed: SEED }).map((v) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x))));
    const realistic = JSON.parse(migrationExports('json', 60).connections!);
    const script = [
      'import json, sys, yaml',
      'docs = json.load(sys.stdin)',
      'out = []',
      'for i, d in enumerate(docs):',
      '    out.append(yaml.dump(d, width=[20, 40, 80, 1000][i % 4], allow_unicode=bool(i % 2), default_flow_style=False))',
      'json.dump(out, sys.stdout)',
    ].join('\n');
    let texts: string[];
    try {
      texts = JSON.parse(run('python3', ['-c', script], JSON.stringify([realistic, realistic, realistic, realistic, ...values])));
    } catch (e) {
      if (/No module named 'yaml'/.test(String(e))) return; // PyYAML not installed: nothing to compare
      throw e;
    }
    let fast = 0;
    for (const text of texts) if (agrees(text)) fast++;
    // The realistic export, at every width: read fast.
    for (const text of texts.slice(0, 4)) expect(readSimpleYaml(text)).not.toBe(NOT_SIMPLE);
    expect(fast).toBeGreaterThan(40);
  });
});
