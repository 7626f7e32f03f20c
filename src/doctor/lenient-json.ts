/**
 * Reads kwargs the way people write them by mistake: JSON with single-quoted strings, Python's
 * None/True/False, or trailing commas. `readKwargs` tells which of these it met, so the doctor
 * can say what is wrong and give the same value as JSON. Bounded: nesting deeper than
 * MAX_DEPTH is refused (a pasted bomb never recurses without end).
 */
import type { JsonValue } from '../generators/types.ts';

export const MAX_DEPTH = 64;

export type Leniency = 'single-quotes' | 'python-literals' | 'trailing-commas';

export type KwargsRead =
  | { ok: true; value: JsonValue; strict: boolean; leniencies: Leniency[] }
  | { ok: false; message: string };

class ReadError extends Error {}

export function readKwargs(text: string): KwargsRead {
  try {
    return { ok: true, value: JSON.parse(text) as JsonValue, strict: true, leniencies: [] };
  } catch {
    /* read it leniently below */
  }
  const found = new Set<Leniency>();
  let i = 0;
  const fail = (what: string): never => {
    throw new ReadError(`${what} at character ${i + 1}`);
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const str = (): string => {
    const q = text[i];
    if (q === "'") found.add('single-quotes');
    let out = '';
    for (i++; i < text.length; i++) {
      const c = text[i];
      if (c === q) {
        i++;
        return out;
      }
      if (c === '\\') {
        const e = text[++i];
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '/': '/', '\\': '\\', '"': '"', "'": "'" };
        if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) {
          out += String.fromCharCode(parseInt(text.slice(i + 1, i + 5), 16));
          i += 4;
        } else if (e !== undefined && e in simple) out += simple[e];
        else fail('an unknown escape');
        continue;
      }
      if (c === '\n') fail('a line break inside a string');
      out += c;
    }
    return fail('a string that is never closed');
  };
  const value = (depth: number): JsonValue => {
    if (depth > MAX_DEPTH) fail('nesting too deep');
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      const obj: Record<string, JsonValue> = {};
      const arr: JsonValue[] = [];
      i++;
      space();
      while (text[i] !== close) {
        if (c === '{') {
          if (text[i] !== '"' && text[i] !== "'") fail('a key that is not a quoted string');
          const k = str();
          space();
          if (text[i] !== ':') fail('a missing ":"');
          i++;
          obj[k] = value(depth + 1);
        } else arr.push(value(depth + 1));
        space();
        if (text[i] === ',') {
          i++;
          space();
          if (text[i] === close) found.add('trailing-commas');
        } else if (text[i] !== close) fail(i >= text.length ? `a missing "${close}"` : 'a missing ","');
      }
      i++;
      return c === '{' ? obj : arr;
    }
    if (c === '"' || c === "'") return str();
    const word = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_]+)/.exec(text.slice(i, i + 64))?.[0] ?? '';
    i += word.length;
    const literals: Record<string, JsonValue> = { true: true, false: false, null: null };
    const python: Record<string, JsonValue> = { True: true, False: false, None: null };
    if (word in literals) return literals[word];
    if (word in python) {
      found.add('python-literals');
      return python[word];
    }
    if (word && !Number.isNaN(Number(word))) return Number(word);
    i -= word.length;
    return fail(i >= text.length ? 'the end of the text where a value should be' : word ? `"${word}", which is not a JSON value` : 'a character that starts no JSON value');
  };
  try {
    const v = value(0);
    space();
    if (i < text.length) fail('text after the end of the value');
    return { ok: true, value: v, strict: false, leniencies: [...found] };
  } catch (e) {
    if (e instanceof ReadError) return { ok: false, message: e.message };
    if (e instanceof RangeError) return { ok: false, message: 'nesting too deep' };
    throw e;
  }
}
