/**
 * Reading a paste: which format it is, and what each consumer of that format makes of the
 * secrets-backend settings in it. Each format is read with its own rules:
 *
 * - `env`: a `.env` file, read twice: as Docker Compose reads it for `astro dev` (quotes and
 *   escapes as compose-go applies them) and as `astro deployment variable create --load`
 *   does (the line split at the first `=`, every leading and trailing `"` then `'` trimmed,
 *   lines starting with `#` skipped).
 * - `dockerfile`: `ENV` instructions, `ENV KEY=value ...` or the legacy `ENV KEY value`,
 *   values processed like shell words (as BuildKit does), line continuations joined.
 * - `values-yaml`: a Helm values file for the Remote Execution agent (the `yaml` package):
 *   `secretBackend` and the `commonEnv` list.
 * - `ui`: values copied from the Astro UI or the Software UI: `KEY=value`, `Key:`/`Value:`
 *   lines, or the name on one line and the value on the next. The UI keeps every character.
 * - `kwargs`: a bare kwargs value.
 * - `astro-command`: `astro deployment variable create|update` command lines, split into
 *   words as the shell would.
 */
import { parseDocument } from 'yaml';
import { sanitize } from '../generators/slots.ts';
import { BACKEND_ENV, KWARGS_ENV, SETTING_NAMES } from './known.ts';
import { shellCommands } from './shell-words.ts';

export const INPUT_FORMATS = ['env', 'dockerfile', 'values-yaml', 'ui', 'kwargs', 'astro-command'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** The largest paste read (characters); the rest is ignored, and the report says so. */
export const MAX_PASTE = 200_000;

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  id: string;
  severity: Severity;
  /** What is wrong, in one sentence. */
  title: string;
  /** Why it matters. */
  detail: string;
  /** The fix as a ready value, when there is one. */
  fix?: string;
  /** The setting it is about. */
  setting?: string;
}

export interface Setting {
  name: string;
  /** The value the consumer gets. */
  value: string;
  /** 1-based line of the paste. */
  line: number;
  /** The consumer expands `$...` in this value. */
  expands?: boolean;
  /** An `astro deployment variable` command marked it `--secret`. */
  secret?: boolean;
  /** What the paste meant, where its shell quoting mangled the value (to base the fixes on). */
  meant?: string;
}

export interface ReadResult {
  format: InputFormat;
  settings: Setting[];
  findings: Finding[];
  /** Deployment ID from a pasted astro command, to reuse in the fix. */
  deploymentId?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Which format a paste most likely is. */
export function detectFormat(text: string): InputFormat {
  const t = text.trim();
  if (/^\s*(secretBackend|commonEnv)\s*:/m.test(t)) return 'values-yaml';
  if (/\bastro\s+deployment\s+variable\s/.test(t)) return 'astro-command';
  if (/^\s*(ENV|FROM)\s/im.test(t)) return 'dockerfile';
  if (/^\s*Key:\s*\S/m.test(t) || /^\s*AIRFLOW__[A-Z0-9_]+\s*$/m.test(t)) return 'ui';
  if (/^\s*(export\s+)?AIRFLOW__[A-Z0-9_]+\s*=/m.test(t)) return 'env';
  if (/^['"]?\s*\{/.test(t)) return 'kwargs';
  return 'env';
}

function lines(text: string): string[] {
  return text.split(/\r?\n/);
}

// --- .env ----------------------------------------------------------------------------------

interface EnvEntry {
  key: string;
  value: string;
  line: number;
  expands: boolean;
  /** Ends at this (0-based) line index: a quoted value may span lines. */
  lastLine: number;
}

/** Docker Compose's reading of a `.env` file (what `astro dev` gives the containers). */
export function readComposeEnv(text: string): EnvEntry[] {
  const ls = lines(text.replace(/^\uFEFF/, ''));
  const out: EnvEntry[] = [];
  for (let n = 0; n < ls.length; n++) {
    let l = ls[n].replace(/^\s+/, '');
    if (!l || l.startsWith('#')) continue;
    if (l.startsWith('export ')) l = l.slice(7).replace(/^\s+/, '');
    const eq = l.search(/[=:]/);
    if (eq < 0) continue;
    const key = l.slice(0, eq).trim();
    if (!NAME.test(key)) continue;
    let rest = l.slice(eq + 1).replace(/^[ \t]+/, '');
    const first = n;
    const q = rest[0];
    if (q === "'" || q === '"') {
      // The value runs to the first quote of its kind without a backslash before it.
      let body = rest.slice(1);
      let end = -1;
      for (;;) {
        for (let i = 0; i < body.length; i++) {
          if (body[i] === '\\') {
            i++;
            continue;
          }
          if (body[i] === q) {
            end = i;
            break;
          }
        }
        if (end >= 0 || n + 1 >= ls.length) break;
        n++;
        body += '\n' + ls[n];
      }
      const raw = end >= 0 ? body.slice(0, end) : body;
      let value: string;
      let expands = false;
      if (q === "'") value = raw.replace(/\\'/g, "'");
      else {
        value = raw.replace(/\\(.)/gs, (_, c: string) => ({ n: '\n', r: '\r', t: '\t', '\\': '\\', '"': '"', $: '\u0000' })[c] ?? '\\' + c);
        expands = /\$[A-Za-z_{]/.test(value);
        value = value.replace(/\u0000/g, '$');
      }
      out.push({ key, value, line: first + 1, expands, lastLine: n });
      continue;
    }
    const cut = rest.search(/\s#/);
    if (cut >= 0) rest = rest.slice(0, cut);
    rest = rest.replace(/\s+$/, '');
    out.push({ key, value: rest, line: first + 1, expands: /\$[A-Za-z_{]/.test(rest), lastLine: n });
  }
  return out;
}

/** `astro deployment variable create --load`'s reading of the same file. */
export function readAstroLoadEnv(text: string): { key: string; value: string; line: number }[] {
  const out: { key: string; value: string; line: number }[] = [];
  lines(text).forEach((l, n) => {
    if (!l || l.startsWith('#')) return;
    const eq = l.indexOf('=');
    if (eq < 0) return;
    const value = l.slice(eq + 1).replace(/^"+|"+$/g, '').replace(/^'+|'+$/g, '').trim();
    out.push({ key: l.slice(0, eq), value, line: n + 1 });
  });
  return out;
}

function readEnv(text: string): ReadResult {
  const findings: Finding[] = [];
  const settings: Setting[] = [];
  const load = readAstroLoadEnv(text);
  for (const e of readComposeEnv(text)) {
    if (!(SETTING_NAMES as readonly string[]).includes(e.key)) continue;
    if (settings.some((s) => s.name === e.key)) {
      findings.push({
        id: 'duplicate-setting',
        severity: 'warning',
        setting: e.key,
        title: `${e.key} is set twice (line ${e.line} too)`,
        detail: 'Docker Compose keeps the last one and `astro deployment variable create --load` the first: the two disagree. Keep one line.',
      });
      continue;
    }
    settings.push({ name: e.key, value: e.value, line: e.line, expands: e.expands });
    const other = load.find((l) => l.key === e.key);
    if (e.lastLine + 1 > e.line) {
      findings.push({
        id: 'multiline-value',
        severity: 'error',
        setting: e.key,
        title: `${e.key} spans several lines`,
        detail: '`astro deployment variable create --load` reads one line per variable: it would store only the first line. Write the value on one line.',
      });
    } else if (other && other.value !== e.value) {
      findings.push({
        id: 'load-reads-differently',
        severity: 'warning',
        setting: e.key,
        title: `\`astro deployment variable create --load\` reads ${e.key} differently from \`astro dev\``,
        detail: `Local containers get ${quoteForText(e.value)}, but the Deployment would get ${quoteForText(other.value)}. Write the value in single quotes, with nothing the two readers treat differently (the corrected lines below do).`,
      });
    }
  }
  return { format: 'env', settings, findings };
}

// --- Dockerfile ----------------------------------------------------------------------------

/** Joins continued lines; returns the instructions with their first line. */
function dockerInstructions(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  const ls = lines(text);
  for (let n = 0; n < ls.length; n++) {
    const trimmed = ls[n].trim();
    if (!trimmed || trimmed.startsWith('#')) continue;
    const first = n;
    let body = ls[n];
    while (/\\\s*$/.test(body) && n + 1 < ls.length) {
      body = body.replace(/\\\s*$/, '');
      n++;
      // Comment lines inside a continued instruction are dropped.
      while (n < ls.length && /^\s*#/.test(ls[n])) n++;
      if (n < ls.length) body += ls[n];
    }
    out.push({ line: first + 1, text: body.trim() });
  }
  return out;
}

function readDockerfile(text: string): ReadResult {
  const settings: Setting[] = [];
  const findings: Finding[] = [];
  for (const ins of dockerInstructions(text)) {
    const m = /^ENV\s+([\s\S]*)$/i.exec(ins.text);
    if (!m) continue;
    const words = shellCommands(m[1].replace(/\n/g, ' '))[0]?.words ?? [];
    const pairs: { key: string; value: string; expands: boolean }[] = [];
    if (words.length && !words[0].text.includes('=')) {
      // Legacy form: ENV KEY the rest of the line.
      const rest = m[1].trim().slice(m[1].trim().search(/\s/) + 1).trim();
      const restWords = shellCommands(rest)[0]?.words ?? [];
      pairs.push({ key: words[0].text, value: restWords.map((w) => w.text).join(' '), expands: restWords.some((w) => w.expands) });
    } else {
      const stray: string[] = [];
      for (const w of words) {
        const eq = w.text.indexOf('=');
        if (eq > 0) pairs.push({ key: w.text.slice(0, eq), value: w.text.slice(eq + 1), expands: w.expands });
        else stray.push(w.text);
      }
      if (stray.length)
        findings.push({
          id: 'dockerfile-split',
          severity: 'error',
          title: `docker build fails on the ENV line ${ins.line}`,
          detail: `ENV KEY=value splits its arguments at spaces, like a shell: ${stray.slice(0, 3).map(quoteForText).join(', ')} has no "=", and Docker stops with a syntax error. An unquoted JSON value has spaces: put it in single quotes (the corrected lines below do).`,
        });
    }
    for (const p of pairs) {
      if (!(SETTING_NAMES as readonly string[]).includes(p.key)) continue;
      settings.push({ name: p.key, value: p.value, line: ins.line, expands: p.expands });
    }
  }
  return { format: 'dockerfile', settings, findings };
}

// --- values.yaml ---------------------------------------------------------------------------

function readValuesYaml(text: string): ReadResult {
  const findings: Finding[] = [];
  const settings: Setting[] = [];
  let tree: unknown;
  let lineOf: (offset: number) => number = () => 1;
  try {
    const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
    if (doc.errors.length) {
      findings.push({ id: 'yaml-syntax', severity: 'error', title: 'This is not valid YAML', detail: doc.errors[0].message.split('\n')[0] + '. Helm refuses the file.' });
      return { format: 'values-yaml', settings, findings };
    }
    tree = doc.toJS({ maxAliasCount: 100 });
    const starts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
    lineOf = (offset) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lo + 1;
    };
    const lineFor = (needle: RegExp) => {
      const at = text.search(needle);
      return at < 0 ? 1 : lineOf(at);
    };
    if (!tree || typeof tree !== 'object' || Array.isArray(tree)) {
      findings.push({ id: 'yaml-not-mapping', severity: 'error', title: 'This YAML is not a mapping of settings', detail: 'A values.yaml is a mapping such as `secretBackend: ...` and `commonEnv: [...]`.' });
      return { format: 'values-yaml', settings, findings };
    }
    const root = tree as Record<string, unknown>;
    const push = (name: string, v: unknown, line: number) => {
      if (typeof v === 'string') settings.push({ name, value: v, line });
      else if (v !== undefined && v !== null) {
        findings.push({
          id: 'yaml-not-string',
          severity: 'error',
          setting: name,
          title: `${name} is a YAML ${Array.isArray(v) ? 'list' : typeof v === 'object' ? 'mapping' : typeof v}, not a string`,
          detail: 'Unquoted, `{...}` is a YAML mapping: Helm writes it into the environment variable in its own map syntax, which is not JSON. Quote the value (the corrected lines below do).',
        });
        settings.push({ name, value: typeof v === 'object' ? JSON.stringify(v) : String(v), line });
      }
    };
    if ('secretBackend' in root) push(BACKEND_ENV, root.secretBackend, lineFor(/^\s*secretBackend\s*:/m));
    const env = root.commonEnv;
    if (Array.isArray(env)) {
      for (const item of env) {
        if (!item || typeof item !== 'object') continue;
        const { name, value } = item as { name?: unknown; value?: unknown };
        if (typeof name !== 'string' || !(SETTING_NAMES as readonly string[]).includes(name)) continue;
        push(name, value, lineFor(new RegExp(`name\\s*:\\s*['"]?${name}\\b`)));
      }
    }
  } catch (e) {
    findings.push({
      id: 'yaml-syntax',
      severity: 'error',
      title: 'This YAML could not be read',
      detail: `${e instanceof Error ? e.message.split('\n')[0] : 'Unreadable YAML'}.`,
    });
  }
  return { format: 'values-yaml', settings, findings };
}

// --- values copied from the Astro UI or the Software UI ------------------------------------

function readUi(text: string): ReadResult {
  const settings: Setting[] = [];
  const ls = lines(text);
  const names = SETTING_NAMES as readonly string[];
  const add = (name: string, value: string, line: number) => {
    if (names.includes(name) && !settings.some((s) => s.name === name)) settings.push({ name, value, line });
  };
  for (let n = 0; n < ls.length; n++) {
    const l = ls[n].trim();
    const key = /^Key:\s*(\S+)\s*$/i.exec(l);
    if (key) {
      for (let k = n + 1; k < ls.length && k < n + 4; k++) {
        const v = /^\s*Value:[ \t]?(.*)$/i.exec(ls[k]);
        if (v) {
          add(key[1], v[1].trim(), k + 1);
          break;
        }
      }
      continue;
    }
    if (names.includes(l)) {
      // The name on its own line, the value on the next line that is not empty.
      let k = n + 1;
      while (k < ls.length && !ls[k].trim()) k++;
      if (k < ls.length) add(l, ls[k].trim(), k + 1);
      n = k;
      continue;
    }
    const eq = l.indexOf('=');
    if (eq > 0) add(l.slice(0, eq).trim(), l.slice(eq + 1).trim(), n + 1);
  }
  return { format: 'ui', settings, findings: [] };
}

// --- a bare kwargs value -------------------------------------------------------------------

function readBareKwargs(text: string): ReadResult {
  return { format: 'kwargs', settings: [{ name: KWARGS_ENV, value: text.trim(), line: 1 }], findings: [] };
}

// --- astro deployment variable create -----------------------------------------------------

function readAstroCommand(text: string): ReadResult {
  const settings: Setting[] = [];
  const findings: Finding[] = [];
  let deploymentId: string | undefined;
  for (const c of shellCommands(text)) {
    const w = c.words;
    if (w[0]?.text !== 'astro' || w[1]?.text !== 'deployment' || w[2]?.text !== 'variable') continue;
    const secret = w.some((x) => x.text === '--secret' || x.text === '-s');
    const positional: typeof w = [];
    let key: string | undefined;
    let value: string | undefined;
    for (let i = 4; i < w.length; i++) {
      const t = w[i].text;
      const flag = /^(--[a-z-]+|-[a-z])(?:=(.*))?$/s.exec(t);
      if (flag && !t.startsWith('AIRFLOW')) {
        const name = flag[1];
        const takes = ['--deployment-id', '--deployment-name', '--workspace-id', '--key', '-k', '--value', '-v', '--env', '-e'].includes(name);
        const arg = flag[2] ?? (takes ? w[++i]?.text : undefined);
        if (name === '--deployment-id' && arg && /^[A-Za-z0-9_-]{6,64}$/.test(arg)) deploymentId = arg;
        if (name === '--key' || name === '-k') key = arg;
        if (name === '--value' || name === '-v') value = arg;
        continue;
      }
      positional.push(w[i]);
    }
    if (key !== undefined && value !== undefined) positional.push({ text: `${key}=${value}`, expands: false, quoted: true });
    // `<id> KEY=value` unquoted: the shell takes `>KEY=value` as a file to write. Check what was meant.
    for (const r of c.redirects) if (r.includes('=')) positional.push({ text: r.replace(/^[<>]+/, ''), expands: false, quoted: false });
    const stray: string[] = [];
    for (const p of positional) {
      const eq = p.text.indexOf('=');
      if (eq < 0) {
        stray.push(p.text);
        continue;
      }
      const name = p.text.slice(0, eq);
      if (!(SETTING_NAMES as readonly string[]).includes(name)) continue;
      const setting: Setting = { name, value: p.text.slice(eq + 1), line: c.line, expands: p.expands, secret };
      if (!p.quoted) setting.meant = meantValue(text, name);
      settings.push(setting);
    }
    if (c.redirects.length) {
      findings.push({
        id: 'shell-redirect',
        severity: 'error',
        title: `The shell reads < and > on line ${c.line} as redirections`,
        detail: `Unquoted, < and > (as in a <your-…> placeholder) redirect input and output: the shell reads from or writes to files named ${c.redirects.slice(0, 2).map((r) => quoteForText(r.replace(/^[<>]+/, ''))).join(' and ')}, and the Astro CLI never sees that text. Put your own values there, in single quotes.`,
      });
    }
    if (stray.length) {
      findings.push({
        id: 'shell-split',
        severity: 'error',
        title: `The shell split a value into several arguments (line ${c.line})`,
        detail: `The Astro CLI got ${stray.length} argument${stray.length > 1 ? 's' : ''} without "=" (${stray.slice(0, 3).map(quoteForText).join(', ')}${stray.length > 3 ? ', …' : ''}) and skips ${stray.length > 1 ? 'them' : 'it'}: an unquoted value with spaces (such as JSON) is cut at the first space, and the shell removes its double quotes. Put the whole KEY=value in single quotes (the corrected lines below do).`,
      });
    }
  }
  return { format: 'astro-command', settings, findings, deploymentId };
}

/**
 * What an unquoted `NAME=value` on a command line was meant to be: the rest of its source
 * line, without trailing flags and a continuation, and without one pair of outer quotes.
 */
function meantValue(text: string, name: string): string | undefined {
  const line = lines(text).find((l) => l.includes(name + '='));
  if (!line) return undefined;
  let v = line.slice(line.indexOf(name + '=') + name.length + 1).trim();
  for (;;) {
    const cut = v.replace(/\\$/, '').replace(/\s+(--secret|--update|-s|-u)$/, '').trim();
    if (cut === v) break;
    v = cut;
  }
  return /^(['"]).*\1$/s.test(v) ? v.slice(1, -1) : v;
}

/** A value shown inside a sentence: in backticks, shortened. */
export function quoteForText(v: string): string {
  const one = v.replace(/\n/g, '⏎');
  return '`' + (one.length > 80 ? one.slice(0, 77) + '…' : one) + '`';
}

const READERS: Record<InputFormat, (text: string) => ReadResult> = {
  env: readEnv,
  dockerfile: readDockerfile,
  'values-yaml': readValuesYaml,
  ui: readUi,
  kwargs: readBareKwargs,
  'astro-command': readAstroCommand,
};

export function readPaste(text: string, format: InputFormat = detectFormat(text)): ReadResult {
  const clean = sanitize(text.length > MAX_PASTE ? text.slice(0, MAX_PASTE) : text);
  const result = READERS[format](clean);
  if (text.length > MAX_PASTE) {
    result.findings.unshift({
      id: 'paste-cut',
      severity: 'warning',
      title: `Only the first ${MAX_PASTE.toLocaleString('en-US')} characters were read`,
      detail: 'Paste only the lines that configure the secrets backend.',
    });
  }
  return result;
}
