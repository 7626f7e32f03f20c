/**
 * A fast reader for the YAML that tools write: block mappings and sequences of scalars, as
 * `airflow connections export --file-format yaml` (PyYAML) and `astro dev object export`
 * (Go's yaml.v3) print them. The `yaml` package reads any YAML but takes about 100 ms for a
 * thousand connections; this reads those files about ten times faster.
 *
 * It reads only what it is sure of, with the YAML 1.2 core schema the `yaml` package uses, and
 * returns NOT_SIMPLE for anything else (anchors, tags, block scalars, flow collections other
 * than {} and [], comments after a value, tabs, keys that are not plain words or one-line
 * quoted text...): the caller then reads the text with the `yaml` package. Where it reads a
 * text, it gives what `yaml.parse(text, { uniqueKeys: false })` gives;
 * tests/unit/generators/simple-yaml.test.ts checks that on generated documents.
 *
 * Understood: `key: value` and `- item` lines with two or more levels of indentation (a
 * sequence may sit at its key's indentation); plain scalars (null, booleans, integers, floats
 * and text by the core schema), single- and double-quoted scalars with their escapes, each on
 * one line or folded over several (as dumpers wrap long values); literal block scalars (`|`,
 * `|-`, `|+`); `{}` and `[]`; whole-line comments and blank lines between entries.
 */

export const NOT_SIMPLE: unique symbol = Symbol('not simple YAML');

class NotSimple extends Error {}
const bail = (): never => {
  throw new NotSimple();
};

/**
 * Characters that make the reader step aside: tabs, CR, other controls, BOM, line separators.
 * (Text is read as UTF-16 code units, like the yaml package does: a pair that a writer split
 * over an escaped line break is joined again.)
 */
const UNSUPPORTED = /[\t\r\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufeff\u2028\u2029]/;
/** What a plain scalar cannot start with (YAML indicators; quotes and | are read apart). */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`]/;
/** `-`, `?` and `:` start a plain scalar when a non-space follows (`-1`, `?x`, `:x`). */
const startsPlain = (text: string) => !INDICATOR.test(text) || /^[-?:][^ ]/.test(text);
/** A plain key: a word (letters, digits, _ . - /), not starting with a digit, sign or dot. */
const PLAIN_KEY = /^([A-Za-z_][\w.\-/]*):(?: (.*))?$/;
const MAX_DEPTH = 64;
const MAX_KEY = 1024;

const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:[Tt]rue|TRUE)$/;
const FALSE = /^(?:[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const OCT = /^0o[0-7]+$/;
const HEX = /^0x[0-9a-fA-F]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/;
const EXP = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/;
const SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** A plain scalar by the YAML 1.2 core schema. */
function resolvePlain(s: string): unknown {
  // Text that cannot be a null, a boolean or a number (most values): no pattern to try.
  if (s !== '' && !'0123456789+-.~nNtTfF'.includes(s[0]!)) return s;
  if (NULL.test(s)) return null;
  if (TRUE.test(s)) return true;
  if (FALSE.test(s)) return false;
  if (OCT.test(s)) return parseInt(s.slice(2), 8);
  if (INT.test(s)) return parseInt(s, 10);
  if (HEX.test(s)) return parseInt(s.slice(2), 16);
  if (SPECIAL.test(s)) return s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity;
  if (EXP.test(s) || FLOAT.test(s)) return parseFloat(s);
  return s;
}

const ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

const indentOf = (line: string) => {
  let i = 0;
  while (line.charCodeAt(i) === 32) i++;
  return i;
};
/** YAML strips spaces (and tabs, which this reader never sees) around values, not other white space such as U+00A0. */
const trimEnd = (s: string) => s.replace(/ +$/, '');
const trimStart = (s: string) => s.slice(indentOf(s));
const isBlank = (line: string) => indentOf(line) === line.length;
const isSeqEntry = (content: string) => content === '-' || content.startsWith('- ');

class Reader {
  private pos = 0;
  private depth = 0;
  private readonly lines: string[];
  /** The text ends with a line break (it is not one more line). */
  private readonly endsWithBreak: boolean;
  constructor(lines: string[]) {
    this.endsWithBreak = lines.length > 1 && lines[lines.length - 1] === '';
    this.lines = this.endsWithBreak ? lines.slice(0, -1) : lines;
  }

  document(): unknown {
    this.skip();
    if (this.pos >= this.lines.length || indentOf(this.lines[this.pos]!) !== 0) bail();
    const value = this.block(0);
    this.skip();
    if (this.pos < this.lines.length) bail();
    return value;
  }

  /** Past blank lines and whole-line comments. */
  private skip(): void {
    while (this.pos < this.lines.length) {
      const line = this.lines[this.pos]!;
      const i = indentOf(line);
      if (i < line.length && line[i] !== '#') return;
      this.pos++;
    }
  }

  /** A mapping or a sequence whose first line (the current one) is at `indent`. */
  private block(indent: number): unknown {
    if (++this.depth > MAX_DEPTH) bail();
    const content = this.lines[this.pos]!.slice(indent);
    const value = isSeqEntry(content) ? this.sequence(indent) : this.mapping(indent, null);
    this.depth--;
    return value;
  }

  /** `key: rest` of a line's content, or null when the content is not a key this reader knows. */
  private key(content: string): { key: string; rest: string } | null {
    let key: string;
    let after: string;
    const m = PLAIN_KEY.exec(content);
    if (m) {
      key = m[1]!;
      if (resolvePlain(key) !== key) return null;
      return this.checkedKey(key, m[2] ?? '');
    }
    const q = content[0];
    if (q !== "'" && q !== '"') return null;
    const read = q === "'" ? readSingle(content, 1) : readDouble(content, 1);
    if (!read || !read.closed || content[read.end] !== ':') return null;
    key = read.text;
    after = content.slice(read.end + 1);
    if (after !== '' && !after.startsWith(' ')) return null;
    return this.checkedKey(key, after.slice(1));
  }

  private checkedKey(key: string, rest: string): { key: string; rest: string } {
    if (key === '__proto__' || key.length > MAX_KEY) bail();
    return { key, rest };
  }

  private mapping(indent: number, first: { key: string; rest: string } | null): Record<string, unknown> {
    const map: Record<string, unknown> = {};
    let entry = first;
    for (;;) {
      if (!entry) {
        this.skip();
        if (this.pos >= this.lines.length) break;
        const line = this.lines[this.pos]!;
        const ind = indentOf(line);
        if (ind < indent) break;
        if (ind > indent) bail();
        entry = this.key(line.slice(indent)) ?? bail();
        this.pos++;
      }
      map[entry.key] = isBlank(entry.rest) ? this.nested(indent) : this.scalar(trimStart(entry.rest), indent);
      entry = null;
    }
    return map;
  }

  /** The value of a key with nothing after its colon: a block below it, a sequence at its indentation, or null. */
  private nested(indent: number): unknown {
    this.skip();
    if (this.pos >= this.lines.length) return null;
    const line = this.lines[this.pos]!;
    const ind = indentOf(line);
    if (ind > indent) return this.block(ind);
    if (ind === indent && isSeqEntry(line.slice(indent))) {
      if (++this.depth > MAX_DEPTH) bail();
      const seq = this.sequence(indent);
      this.depth--;
      return seq;
    }
    return null;
  }

  private sequence(indent: number): unknown[] {
    const seq: unknown[] = [];
    for (;;) {
      this.skip();
      if (this.pos >= this.lines.length) break;
      const line = this.lines[this.pos]!;
      const ind = indentOf(line);
      if (ind < indent) break;
      if (ind > indent) bail();
      const content = line.slice(indent);
      if (!isSeqEntry(content)) break;
      let k = 1;
      while (content[k] === ' ') k++;
      const item = content.slice(k);
      if (item === '' || isSeqEntry(item) || item.startsWith('#')) bail();
      this.pos++;
      const entry = this.key(item);
      if (entry) {
        if (++this.depth > MAX_DEPTH) bail();
        seq.push(this.mapping(indent + k, entry));
        this.depth--;
      } else seq.push(this.scalar(item, indent));
    }
    return seq;
  }

  /**
   * A scalar that starts on the line just read (`text`: from its first character) and may go on
   * over the lines after it, each indented more than `parent`.
   */
  private scalar(text: string, parent: number): unknown {
    if (text === '{}') return {};
    if (text === '[]') return [];
    if (text[0] === "'" || text[0] === '"') return this.quoted(text, parent);
    if (text[0] === '|') return this.literal(text, parent);
    if (!startsPlain(text)) bail();
    const first = plainLine(text);
    let value = first;
    let blank = 0;
    let j = this.pos;
    // Further lines of the scalar: more indented than its key, folded into one line.
    while (j < this.lines.length) {
      const line = this.lines[j]!;
      if (isBlank(line)) {
        blank++;
        j++;
        continue;
      }
      if (indentOf(line) <= parent) break;
      const t = trimStart(line);
      if (t.startsWith('#') || INDICATOR.test(t)) bail();
      value += (blank ? '\n'.repeat(blank) : ' ') + plainLine(t);
      blank = 0;
      j++;
      this.pos = j;
    }
    return value === first ? resolvePlain(first) : value;
  }

  /**
   * A literal block scalar (`|`, `|-`, `|+`: how yaml.v3 writes text with line breaks): the lines
   * below, more indented than `parent`, as they are; the indentation of the first one is removed
   * from all. Left to the yaml package: an indentation indicator, leading empty lines, lines of
   * spaces only longer than the indentation, and a block that ends the text without a line break.
   */
  private literal(text: string, parent: number): string {
    const chomp = trimEnd(text.slice(1));
    if (chomp !== '' && chomp !== '-' && chomp !== '+') bail();
    const out: string[] = [];
    let indent = -1;
    let blank = 0;
    let j = this.pos;
    for (; j < this.lines.length; j++) {
      const line = this.lines[j]!;
      if (isBlank(line)) {
        if (indent < 0 || line.length > indent) bail();
        blank++;
        continue;
      }
      const ind = indentOf(line);
      if (indent < 0) {
        if (ind <= parent) break;
        indent = ind;
      }
      if (ind < indent) break;
      for (; blank > 0; blank--) out.push('');
      out.push(line.slice(indent));
    }
    if (out.length === 0 || (j >= this.lines.length && !this.endsWithBreak)) bail();
    this.pos = j;
    const body = out.join('\n');
    return chomp === '-' ? body : chomp === '+' ? body + '\n'.repeat(blank + 1) : body + '\n';
  }

  /** A single- or double-quoted scalar, on one line or folded over several. */
  private quoted(text: string, parent: number): string {
    const double = text[0] === '"';
    const read = (s: string, from: number) => (double ? readDouble(s, from) : readSingle(s, from, true));
    let part = read(text, 1) ?? bail();
    let line = text;
    if (part.closed) {
      if (!isBlank(line.slice(part.end))) bail();
      return part.text;
    }
    // Folding (YAML 1.2, 7.3): a line break between lines becomes a space, each empty line a
    // line feed; spaces around a break are dropped, except what an escape wrote; an escaped
    // break (\ at the end of the line) joins the lines.
    let value = '';
    for (;;) {
      value += part.escapedBreak ? part.text : part.text.slice(0, part.keep);
      const joined = part.escapedBreak;
      let blank = 0;
      for (;;) {
        if (this.pos >= this.lines.length) bail();
        line = this.lines[this.pos++]!;
        if (!isBlank(line)) break;
        blank++;
      }
      if (indentOf(line) <= parent) bail();
      value += blank ? '\n'.repeat(blank) : joined ? '' : ' ';
      part = read(line, indentOf(line)) ?? bail();
      if (part.closed) {
        if (!isBlank(line.slice(part.end))) bail();
        return value + part.text;
      }
    }
  }
}

/** One line of a plain scalar (its trailing spaces dropped), or bail when it has a comment or a `key:` in it. */
function plainLine(s: string): string {
  const t = trimEnd(s);
  if (t.includes(' #') || t.includes(': ') || t.endsWith(':')) bail();
  return t;
}

interface Part {
  /** The text read from this line. */
  text: string;
  /** Where the text ends without the spaces before the line break (escaped characters count as text). */
  keep: number;
  /** The closing quote was on this line. */
  closed: boolean;
  /** After the closing quote, or the line's length. */
  end: number;
  /** The line ended with a backslash (double quotes): the break is not folded. */
  escapedBreak: boolean;
}

/** The part of a single-quoted scalar on one line, from `from`; `lines`: it may go on (else null when unclosed). */
function readSingle(s: string, from: number, lines = false): Part | null {
  let text = '';
  let keep = 0;
  for (let i = from; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "'") {
      if (s[i + 1] === "'") {
        text += "'";
        keep = text.length;
        i++;
        continue;
      }
      return { text, keep: text.length, closed: true, end: i + 1, escapedBreak: false };
    }
    text += ch;
    if (ch !== ' ') keep = text.length;
  }
  return lines ? { text, keep, closed: false, end: s.length, escapedBreak: false } : null;
}

/** The part of a double-quoted scalar on one line, from `from` (null: an escape this reader does not know). */
function readDouble(s: string, from: number): Part | null {
  let text = '';
  let keep = 0;
  for (let i = from; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === '"') return { text, keep: text.length, closed: true, end: i + 1, escapedBreak: false };
    if (ch !== '\\') {
      text += ch;
      if (ch !== ' ') keep = text.length;
      continue;
    }
    const e = s[i + 1];
    if (e === undefined) return { text, keep: text.length, closed: false, end: s.length, escapedBreak: true };
    const simple = ESCAPES[e];
    if (simple !== undefined) {
      text += simple;
      i++;
    } else if (HEX_DIGITS[e]) {
      const digits = s.slice(i + 2, i + 2 + HEX_DIGITS[e]);
      if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== HEX_DIGITS[e]) return null;
      const cp = parseInt(digits, 16);
      if (cp > 0x10ffff) return null;
      text += String.fromCodePoint(cp);
      i += 1 + digits.length;
    } else return null;
    keep = text.length;
  }
  return { text, keep, closed: false, end: s.length, escapedBreak: false };
}

/** The document read by the fast reader, or NOT_SIMPLE when it uses anything the reader leaves to the `yaml` package. */
export function readSimpleYaml(text: string): unknown {
  if (UNSUPPORTED.test(text)) return NOT_SIMPLE;
  const lines = text.split('\n');
  for (const line of lines) {
    // Directives and document markers.
    if (line.startsWith('%') || /^(?:---|\.\.\.)(?: |$)/.test(line)) return NOT_SIMPLE;
  }
  try {
    return new Reader(lines).document();
  } catch (e) {
    if (e instanceof NotSimple || e instanceof RangeError) return NOT_SIMPLE;
    throw e;
  }
}
