/**
 * A `.env` reader that follows the rules of compose-go's dotenv parser (what the Astro CLI uses
 * to load `.env` into the local containers), written from its documented behaviour:
 *
 * - A UTF-8 BOM is dropped. Blank space between statements is skipped; a statement that starts
 *   with `#` is a comment up to the end of the line. `export ` before a key is ignored.
 * - A key is letters, digits and `_ . - [ ]`, ended by `=` or `:` (a bare key on its own line
 *   inherits from the environment: nothing is set here).
 * - Single- and double-quoted values end at the first quote that is not escaped. A backslash
 *   starts an escape: before the quote it gives the quote; before any other character both are
 *   kept (`\\` stays two characters, `\n` stays backslash-n). Values may span lines. Whatever
 *   follows the closing quote is parsed as the next statement.
 * - Single-quoted text is taken as it is. Double-quoted text then has `\n \r \t \\ \" \$ ...`
 *   decoded and `$NAME` / `${NAME}` expanded; unquoted text is cut at a newline and at ` #`,
 *   trimmed on the right, and expanded.
 *
 * Expansion is modelled for `$$`, `$NAME` and `${NAME}` (names from earlier lines; nothing else is
 * set). `${NAME:-x}`-style operators throw `UnmodelledTemplate`; a malformed `${` throws
 * `InvalidTemplate`, as compose-go refuses such a file.
 */

export class InvalidTemplate extends Error {}
export class UnmodelledTemplate extends Error {}
export class DotenvSyntaxError extends Error {}

/** Go's unicode.IsSpace. */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u;
const isGoSpace = (c: string) => GO_SPACE.test(c);
/** The parser's own "space but not a line break". */
const isLineSpace = (c: string) => '\t\v\f\r \u0085\u00a0'.includes(c);

function trimLeft(s: string, pred: (c: string) => boolean): string {
  let i = 0;
  for (const c of s) {
    if (!pred(c)) break;
    i += c.length;
  }
  return s.slice(i);
}

function trimRight(s: string, pred: (c: string) => boolean): string {
  const cps = [...s];
  while (cps.length && pred(cps[cps.length - 1])) cps.pop();
  return cps.join('');
}

function statementStart(src: string): string {
  let s = src;
  for (;;) {
    const rest = trimLeft(s, isGoSpace);
    if (rest === '') return '';
    if (rest[0] !== '#') return rest;
    const nl = rest.indexOf('\n');
    if (nl < 0) return '';
    s = rest.slice(nl);
  }
}

function keyName(src: string): { key: string; rest: string; inherited: boolean } {
  let s = src;
  if (/^export[\t\n\f\r ]+/.test(s)) s = trimLeft(s.slice('export'.length), isLineSpace);
  let key = '';
  let offset = 0;
  let inherited = false;
  let i = 0;
  for (const c of s) {
    if (!isLineSpace(c)) {
      if (c === '=' || c === ':' || c === '\n') {
        key = s.slice(0, i);
        offset = i + 1;
        inherited = c === '\n';
        break;
      }
      if (!'_.-[]'.includes(c) && !/^[\p{L}\p{N}]$/u.test(c)) {
        throw new DotenvSyntaxError(`unexpected character ${JSON.stringify(c)} in variable name`);
      }
    }
    i += c.length;
  }
  if (s === '') throw new DotenvSyntaxError('zero length string');
  return { key: trimRight(key, isGoSpace), rest: trimLeft(s.slice(offset), isLineSpace), inherited };
}

const OCTAL = /^[0-7]{3}$/;
const SIMPLE: Record<string, string> = { a: '\u0007', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"' };

/** Double-quoted escape decoding: `\$` becomes `$$` (a literal $ after expansion), `\0ddd` is octal. */
function decodeEscapes(s: string): string {
  return s.replace(/\\(?:[abcfnrtv$"\\]|0[0-9]{0,3})/g, (match) => {
    if (match === '\\$') return '$$';
    const m = match.startsWith('\\0') ? '\\' + match.slice(2) : match;
    const body = m.slice(1);
    if (body.length === 1 && SIMPLE[body] !== undefined) return SIMPLE[body];
    if (OCTAL.test(body) && parseInt(body, 8) <= 255) return String.fromCharCode(parseInt(body, 8));
    return m;
  });
}

/** `$$`, `$NAME`, `${NAME}` against the values read so far. */
function expand(s: string, env: Record<string, string>): string {
  let out = '';
  for (let i = 0; i < s.length; ) {
    if (s[i] !== '$') {
      out += s[i++];
      continue;
    }
    const rest = s.slice(i + 1);
    if (rest[0] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    const named = /^[_a-z][_a-z0-9]*/i.exec(rest);
    if (named) {
      out += env[named[0]] ?? '';
      i += 1 + named[0].length;
      continue;
    }
    if (rest[0] === '{') {
      const braced = /^\{([_a-z][_a-z0-9]*)\}/i.exec(rest);
      if (braced) {
        out += env[braced[1]] ?? '';
        i += 1 + braced[0].length;
        continue;
      }
      if (/^\{[_a-z][_a-z0-9]*:?[-+?]/i.test(rest)) throw new UnmodelledTemplate(rest);
      throw new InvalidTemplate(rest);
    }
    out += '$';
    i++;
  }
  return out;
}

function value(src: string, env: Record<string, string>): { value: string; rest: string } {
  const quote = src[0];
  if (quote !== "'" && quote !== '"') {
    const nl = src.indexOf('\n');
    let v = nl < 0 ? src : src.slice(0, nl);
    const hash = v.indexOf(' #');
    if (hash >= 0) v = v.slice(0, hash);
    return { value: expand(trimRight(v, isGoSpace), env), rest: nl < 0 ? '' : src.slice(nl + 1) };
  }
  let chars = '';
  let escaped = false;
  for (let i = 1; i < src.length; i++) {
    const c = src[i];
    if (c !== quote) {
      if (!escaped && c === '\\') {
        escaped = true;
        continue;
      }
      if (escaped) {
        escaped = false;
        chars += '\\';
      }
      chars += c;
      continue;
    }
    if (escaped) {
      escaped = false;
      chars += c;
      continue;
    }
    return { value: quote === '"' ? expand(decodeEscapes(chars), env) : chars, rest: src.slice(i + 1) };
  }
  throw new DotenvSyntaxError('unterminated quoted value');
}

/** The variables a `.env` text defines, in file order, as compose-go reads them. */
export function readComposeDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  let src = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (;;) {
    src = statementStart(src);
    if (src === '') return out;
    const k = keyName(src);
    if (k.key.includes(' ')) throw new DotenvSyntaxError('key cannot contain a space');
    if (k.inherited) {
      src = k.rest;
      continue;
    }
    const v = value(k.rest, out);
    out[k.key] = v.value;
    src = v.rest;
  }
}
