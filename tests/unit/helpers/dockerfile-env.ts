/**
 * A small reader for Dockerfile `ENV key=value ...` instructions, following BuildKit's
 * documented rules (frontend/dockerfile parser + shell lexer) with the default escape
 * character `\`:
 * - lines ending in `\` (plus optional blanks) continue on the next line; `#` lines are comments;
 * - the arguments split into words at unquoted whitespace; quotes and `\` escapes group;
 * - each word is processed like a shell word: single quotes are literal, double quotes
 *   allow `\"`, `\$`, `\\` and expand `$`, an unquoted `\x` is `x`, an unquoted `$` expands.
 * Variable expansion is reported (not performed) so tests can assert there was none.
 */
export interface EnvEntry {
  key: string;
  value: string;
  expanded: boolean;
}

function logicalLines(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (cur === '' && /^\s*#/.test(line)) continue;
    if (/\\[ \t]*$/.test(line)) {
      cur += line.replace(/\\[ \t]*$/, '');
      continue;
    }
    cur += line;
    if (cur.trim() !== '') out.push(cur);
    cur = '';
  }
  if (cur.trim() !== '') out.push(cur);
  return out;
}

/** Split at unquoted whitespace, keeping quotes and escapes in the words. */
function splitWords(s: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quote === '' && /\s/.test(ch)) {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
      continue;
    }
    inWord = true;
    word += ch;
    if (ch === '\\' && quote !== "'") {
      if (i + 1 < s.length) word += s[++i];
      continue;
    }
    if (quote === '' && (ch === '"' || ch === "'")) quote = ch;
    else if (ch === quote) quote = '';
  }
  if (quote) throw new Error('unterminated quote');
  if (inWord) words.push(word);
  return words;
}

function processWord(w: string): { text: string; expanded: boolean } {
  let out = '';
  let expanded = false;
  for (let i = 0; i < w.length; i++) {
    const ch = w[i];
    if (ch === "'") {
      const j = w.indexOf("'", i + 1);
      if (j < 0) throw new Error('unterminated single quote');
      out += w.slice(i + 1, j);
      i = j;
    } else if (ch === '"') {
      i++;
      for (; i < w.length && w[i] !== '"'; i++) {
        if (w[i] === '\\' && (w[i + 1] === '"' || w[i + 1] === '$' || w[i + 1] === '\\')) out += w[++i];
        else if (w[i] === '$') {
          expanded = true;
          out += '$';
        } else out += w[i];
      }
      if (i >= w.length) throw new Error('unterminated double quote');
    } else if (ch === '\\') {
      if (i + 1 < w.length) out += w[++i];
    } else if (ch === '$') {
      expanded = true;
      out += '$';
    } else out += ch;
  }
  return { text: out, expanded };
}

export function readDockerfileEnv(text: string): EnvEntry[] {
  const entries: EnvEntry[] = [];
  for (const line of logicalLines(text)) {
    const m = /^\s*(\S+)\s+(.*)$/s.exec(line);
    if (!m) throw new Error('not an instruction: ' + line);
    if (m[1].toUpperCase() !== 'ENV') continue;
    for (const word of splitWords(m[2])) {
      const eq = word.indexOf('=');
      if (eq <= 0) throw new Error('ENV word without key=value: ' + word);
      const { text: value, expanded } = processWord(word.slice(eq + 1));
      entries.push({ key: word.slice(0, eq), value, expanded });
    }
  }
  return entries;
}
