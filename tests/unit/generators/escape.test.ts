/**
 * Each escaper on its own: fast-check round trips through the real reader of the target
 * (bash, JSON.parse, the `yaml` package, @cdktf/hcl2json, python-dotenv, a BuildKit-rule
 * Dockerfile reader, Python's ast), plus slot-marker transparency.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHcl } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { cmd, commented, opt } from '../../../src/generators/common-snippets.ts';
import { skeletonOf } from '../../../src/guide/client/skeleton.ts';
import { dockerfileEnv, dockerfileValue } from '../../../src/generators/escape/dockerfile.ts';
import { dotenvLine, dotenvValue } from '../../../src/generators/escape/dotenv.ts';
import { hclString } from '../../../src/generators/escape/hcl.ts';
import { jsonString, toJson } from '../../../src/generators/escape/json.ts';
import { pyString } from '../../../src/generators/escape/python.ts';
import { shellQuote, shellWord } from '../../../src/generators/escape/shell.ts';
import { yamlDoubleQuoted, yamlString } from '../../../src/generators/escape/yaml.ts';
import { extractSlots, mark } from '../../../src/generators/slots.ts';
import { hostileString } from '../helpers/arbitraries.ts';
import { readDockerfileEnv } from '../helpers/dockerfile-env.ts';
import { InvalidTemplate, UnmodelledTemplate, readComposeDotenv } from '../helpers/compose-dotenv.ts';
import { missingTools, python, run } from '../helpers/tools.ts';

const SEED = 20240611;
const sample = (n: number) => fc.sample(hostileString, { numRuns: n, seed: SEED });

/** Escaping a marked value gives the same code as escaping the plain value, and the slot covers the value's escaped text. */
function markerTransparent(escape: (s: string) => string) {
  fc.assert(
    fc.property(hostileString, hostileString, hostileString, (a, v, b) => {
      const marked = escape(a + mark('someField', v) + b);
      const { code, slots } = extractSlots(marked);
      expect(code).toBe(escape(a + v + b));
      expect(slots).toHaveLength(1);
      expect(slots[0].field).toBe('someField');
    }),
    { numRuns: 300, seed: SEED },
  );
}

describe('every escaper', () => {
  // A snippet's layout must not depend on the value: whether a word is bare or quoted, or
  // which quotes a YAML or .env value gets, is decided inside the slot (src/generators/README.md).
  const escapers: [string, (s: string) => string][] = [
    ['shellWord', shellWord],
    ['shellQuote', shellQuote],
    ['yamlString', yamlString],
    ['dotenvValue', dotenvValue],
    ['pyString', pyString],
    ['hclString', hclString],
    ['dockerfileValue', dockerfileValue],
    ['jsonString', (s) => jsonString(s)],
  ];
  it.each(escapers)('%s returns the whole literal, quotes included, as one slot', (_name, escape) => {
    fc.assert(
      fc.property(hostileString, hostileString, hostileString, (a, v, b) => {
        const { code, slots } = extractSlots(escape(a + mark('someField', v) + mark('other', b)));
        expect(slots).toEqual([{ field: 'someField', start: 0, end: code.length }]);
      }),
      { numRuns: 200, seed: SEED },
    );
  });

  it('cmd wraps a command by its words, never by the length of a value', () => {
    const layout = (v: string) => {
      const { code, slots } = extractSlots(cmd(['aws', 'ssm', 'get-parameter', opt('--name', mark('variableKey', v)), '--with-decryption']));
      return skeletonOf(code, slots);
    };
    fc.assert(
      fc.property(hostileString, (v) => {
        expect(layout(v)).toBe(layout('x'));
      }),
      { numRuns: 200, seed: SEED },
    );
    expect(layout('x'.repeat(300))).toBe(layout(''));
  });
});

describe('shell', () => {
  const missing = missingTools('bash');
  it.skipIf(missing.length > 0)('bash reads back every quoted word exactly (batched)', () => {
    const values = sample(1500);
    const script = 'printf "%s\\0" ' + values.map((v) => shellQuote(v)).join(' ') + ' ' + values.map((v) => shellWord(v)).join(' ') + '\n';
    const out = run('bash', ['-c', script]);
    const got = out.split('\0').slice(0, -1);
    expect(got).toEqual([...values, ...values]);
  });
  it('leaves safe words bare and quotes the rest', () => {
    expect(shellWord('us-east-1')).toBe('us-east-1');
    expect(shellWord('/airflow/variables/x')).toBe('/airflow/variables/x');
    expect(shellWord('<your-deployment-id>')).toBe("'<your-deployment-id>'");
    expect(shellWord('')).toBe("''");
    expect(shellWord('~x')).toBe("'~x'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
  });
  it('passes slot markers through', () => {
    markerTransparent(shellQuote);
    markerTransparent(shellWord);
  });
  it.skipIf(missing.length > 0)('a commented command stays a comment whatever its values hold (bash runs nothing)', () => {
    const words = fc.sample(fc.array(hostileString, { minLength: 1, maxLength: 4 }), { numRuns: 400, seed: SEED });
    const script = words.map((w) => commented(['gcloud', ...w.map(shellWord)])).join('\n') + '\necho done\n';
    for (const line of script.split('\n').slice(0, -2)) expect(line.startsWith('# ')).toBe(true);
    expect(script).not.toContain('\r');
    expect(run('bash', ['-c', script])).toBe('done\n');
  });
});

describe('json', () => {
  it('JSON.parse reads back strings and trees', () => {
    fc.assert(
      fc.property(hostileString, fc.boolean(), (s, dollar) => {
        expect(JSON.parse(jsonString(s, dollar))).toBe(s);
        if (dollar) expect(jsonString(s, true)).not.toContain('$');
      }),
      { numRuns: 1000, seed: SEED },
    );
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (v, indent) => {
        const text = toJson(v as never, { indent, escapeDollar: true });
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
        if (!indent) expect(text).not.toContain('\n');
      }),
      { numRuns: 500, seed: SEED },
    );
  });
  it('writes one line with Python-style separators', () => {
    expect(toJson({ a: 'b', c: [1, null, true], d: {} })).toBe('{"a": "b", "c": [1, null, true], "d": {}}');
    expect(toJson({ a: { b: 1 } }, { indent: 2 })).toBe('{\n  "a": {\n    "b": 1\n  }\n}');
  });
  it('passes slot markers through', () => markerTransparent((s) => jsonString(s, true)));
  it('marks a whole JSON value as one slot', () => {
    const { code, slots } = extractSlots(toJson({ k: { markedField: 'keyfileJson', value: { a: 1 } } }));
    expect(code).toBe('{"k": {"a": 1}}');
    expect(code.slice(slots[0].start, slots[0].end)).toBe('{"a": 1}');
  });
});

describe('yaml', () => {
  it('the yaml package reads back every scalar', () => {
    fc.assert(
      fc.property(hostileString, (s) => {
        expect(parseYaml('k: ' + yamlString(s) + '\n')).toEqual({ k: s });
        expect(parseYaml('k: ' + yamlDoubleQuoted(s) + '\n')).toEqual({ k: s });
        expect(parseYaml('- ' + yamlString(s) + '\n')).toEqual([s]);
      }),
      { numRuns: 1500, seed: SEED },
    );
  });
  it('prefers single quotes for JSON', () => {
    expect(yamlString('{"a": "it\'s"}')).toBe("'{\"a\": \"it''s\"}'");
    expect(yamlString('a\nb')).toBe('"a\\nb"');
  });
  it('passes slot markers through', () => {
    markerTransparent(yamlString);
    markerTransparent(yamlDoubleQuoted);
  });
});

describe('hcl', () => {
  it('hcl2json reads back every string literal', async () => {
    const values = sample(600);
    // One file with many blocks (labels are plain strings in hcl2json's output; attribute
    // values come back in HCL-JSON form with `$${` kept): one parser call for the batch.
    const text = values.map((v, i) => `k${i} ${hclString(v)} {\n  capabilities = ["read"]\n}\n`).join('');
    const parsed = (await parseHcl('batch.hcl', text)) as Record<string, Record<string, unknown>>;
    values.forEach((v, i) => expect(Object.keys(parsed['k' + i]), JSON.stringify(v)).toEqual([v]));
  });
  it('escapes template sequences', () => {
    expect(hclString('${x} %{y} $z')).toBe('"$${x} %%{y} $z"');
  });
  it('passes slot markers through, including template escapes split by a marker', async () => {
    markerTransparent(hclString);
    const { code } = extractSlots(hclString('a$' + mark('f', '{b}')));
    expect(code).toBe('"a$${b}"');
    expect(Object.keys(((await parseHcl('m.hcl', `path ${code} {\n}\n`)) as Record<string, object>).path)).toEqual(['a${b}']);
  });
});

describe('dotenv', () => {
  const missing = missingTools('python3', 'dotenv');
  const values = sample(1500);
  /**
   * Text both readers take literally inside single quotes: no quote, no carriage return, no `${`
   * (python-dotenv expands it), no backslash before a backslash, a quote or the end. Written from
   * the two parsers' rules, independently of the escaper.
   */
  const portable = (v: string) => !/['\r]|\$\{|\\(\\|'|$)/.test(v);

  /** python-dotenv's reading of a .env text. */
  const pythonDotenv = (texts: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'dotenv-'));
    try {
      const files = texts.map((t, i) => {
        const file = join(dir, i + '.env');
        writeFileSync(file, t);
        return file;
      });
      return python<Record<string, string>[]>(
        'import json,sys\nfrom dotenv import dotenv_values\nprint(json.dumps([dotenv_values(p) for p in json.load(sys.stdin)]))',
        files,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it.skipIf(missing.length > 0)('python-dotenv reads back every value (batched, from a file)', () => {
    const [got] = pythonDotenv([values.map((v, i) => dotenvLine('K' + i, v)).join('\n') + '\n']);
    values.forEach((v, i) => expect(got['K' + i], JSON.stringify(v)).toBe(v));
    expect(Object.keys(got)).toHaveLength(values.length);
  });

  it('compose-go (Astro CLI): portable text reads back exactly; any other text never ends the value early', () => {
    let exact = 0;
    let rejected = 0;
    for (const v of values) {
      const text = dotenvLine('K', v) + "\nNEXT='sentinel'\n";
      let got: Record<string, string>;
      try {
        got = readComposeDotenv(text);
      } catch (e) {
        // compose-go refuses a double-quoted value whose $ it cannot expand: the file does not
        // load, but nothing is injected. Only text with a carriage return is double-quoted.
        expect(e instanceof InvalidTemplate || e instanceof UnmodelledTemplate, JSON.stringify(v) + ': ' + String(e)).toBe(true);
        expect(v, JSON.stringify(v)).toMatch(/\r/);
        rejected++;
        continue;
      }
      expect(Object.keys(got), JSON.stringify(v)).toEqual(['K', 'NEXT']);
      expect(got.NEXT).toBe('sentinel');
      if (portable(v)) {
        expect(got.K, JSON.stringify(v)).toBe(v);
        exact++;
      }
    }
    // Both kinds of input were generated, so both assertions ran.
    expect(exact).toBeGreaterThan(200);
    expect(values.filter((v) => !portable(v)).length).toBeGreaterThan(200);
    console.log(`dotenv: ${exact} portable values exact in both readers, ${rejected} refused by compose-go`);
  });

  it.skipIf(missing.length > 0)('JSON written with the dotenv option reads back identically in python-dotenv and compose-go', () => {
    const trees = fc.sample(
      fc.dictionary(
        hostileString,
        fc.oneof(hostileString, fc.integer(), fc.constant(null), fc.array(hostileString, { maxLength: 3 }), fc.dictionary(hostileString, hostileString, { maxKeys: 3 })),
        { maxKeys: 4 },
      ),
      { numRuns: 800, seed: SEED },
    );
    const lines = trees.map((t) => toJson(t as never, { escapeDollar: true, dotenv: true }));
    for (const l of lines) {
      expect(l).not.toMatch(/'|\\[\\']|\$|\r|\n/);
      expect(portable(l)).toBe(true);
    }
    const text = lines.map((l, i) => dotenvLine('K' + i, l)).join('\n') + '\n';
    const compose = readComposeDotenv(text);
    const [py] = pythonDotenv([text]);
    lines.forEach((l, i) => {
      expect(py['K' + i]).toBe(l);
      expect(compose['K' + i]).toBe(l);
      expect(JSON.parse(l)).toEqual(JSON.parse(JSON.stringify(trees[i])));
    });
  });

  it('writes portable text as it is and escapes only what python-dotenv needs', () => {
    expect(dotenvLine('K', 'a\\nb $HOME')).toBe("K='a\\nb $HOME'");
    expect(dotenvLine('K', "it's")).toBe("K='it\\'s'");
    expect(dotenvLine('K', 'a\\\\b')).toBe("K='a\\\\\\b'");
    expect(dotenvLine('K', 'x${y}')).toBe("K='x${:-$}{y}'");
    expect(dotenvLine('K', 'end\\')).toBe("K='end\\\\${:-}'");
  });

  it('passes slot markers through', () => markerTransparent((s) => dotenvLine('K', s)));
});

describe('compose-go dotenv reader (test helper) follows the parser rules', () => {
  it('reads quoted, unquoted, commented and exported lines', () => {
    const text = [
      '\uFEFF# comment',
      "A='Let\\'s go!'",
      "B='\\n'",
      'C="\\n"',
      "D='a\\\\b'",
      'E="a\\\\b"',
      'export F=plain value # trailing comment',
      "G='first",
      "second'",
      'H="$$x ${A}"',
      "I='${A}'",
      'J: yaml-style',
      '',
    ].join('\n');
    expect(readComposeDotenv(text)).toEqual({
      A: "Let's go!",
      B: '\\n',
      C: '\n',
      D: 'a\\\\b',
      E: 'a\\b',
      F: 'plain value',
      G: 'first\nsecond',
      H: "$x Let's go!",
      I: '${A}',
      J: 'yaml-style',
    });
    expect(() => readComposeDotenv('K="${:-$}"\n')).toThrow(InvalidTemplate);
    expect(() => readComposeDotenv("K='open\n")).toThrow();
  });
});

describe('dockerfile', () => {
  it('a BuildKit-rule reader reads back every ENV value literally (newlines become spaces)', () => {
    fc.assert(
      fc.property(fc.array(hostileString, { minLength: 1, maxLength: 5 }), (values) => {
        const text = values.map((v, i) => dockerfileEnv('K' + i, v)).join('\n') + '\n';
        const entries = readDockerfileEnv(text);
        expect(entries.map((e) => e.key)).toEqual(values.map((_, i) => 'K' + i));
        entries.forEach((e, i) => {
          expect(e.value).toBe(values[i].replace(/[\r\n]/g, ' '));
          expect(e.expanded).toBe(false);
        });
      }),
      { numRuns: 1500, seed: SEED },
    );
  });
  it('single-quotes JSON', () => {
    expect(dockerfileValue('{"a": "$HOME"}')).toBe('\'{"a": "$HOME"}\'');
  });
  it('passes slot markers through', () => markerTransparent(dockerfileValue));
});

describe('python', () => {
  const missing = missingTools('python3');
  it.skipIf(missing.length > 0)('ast.literal_eval reads back every literal (batched)', () => {
    const values = sample(1500);
    const source = 'x = [\n' + values.map((v) => '    ' + pyString(v) + ',\n').join('') + ']\n';
    const got = python<string[]>(
      'import ast,json,sys\nsrc=json.load(sys.stdin)\ntree=ast.parse(src)\nprint(json.dumps(ast.literal_eval(tree.body[0].value)))',
      source,
    );
    expect(got).toEqual(values);
  });
  it('passes slot markers through', () => markerTransparent(pyString));
});
