/**
 * Runs shell snippets with recording stub programs on PATH (vault, aws, gcloud, az, astro, helm,
 * eksctl, kubectl) and returns, per snippet, the argv and stdin every command received.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STUB_OID, STUB_SCOPE } from './intended.ts';
import { run } from './tools.ts';

export interface Recorded {
  /** argv[0] is the program name. */
  argv: string[];
  stdin: string;
  /** VAULT_NAMESPACE as the command saw it: '' when unset, else 'set:' and its value. */
  ns: string;
}

export const STUBBED_PROGRAMS = ['vault', 'aws', 'gcloud', 'az', 'astro', 'helm', 'eksctl', 'kubectl'];

/** Run each snippet in its own subshell with stdin closed; the recorded commands by snippet key. */
export function recordCommands(snippets: { key: string; code: string }[]): Map<string, Recorded[]> {
  const dir = mkdtempSync(join(tmpdir(), 'stubs-'));
  try {
    const log = join(dir, 'stub.log');
    writeFileSync(log, '');
    for (const name of STUBBED_PROGRAMS) {
      const stub = [
        '#!/bin/sh',
        `{ printf 'CMD\\0%s\\0%s\\0%s\\0' '${name}' "\${VAULT_NAMESPACE+set:}\${VAULT_NAMESPACE-}" "$#"; for a in "$@"; do printf '%s\\0' "$a"; done; cat; printf '\\0'; } >> "$STUB_LOG"`,
        `if [ "$1" = keyvault ] && [ "$2" = show ]; then printf '%s\\n' '${STUB_SCOPE}'; fi`,
        `if [ "$1" = ad ] && [ "$2" = sp ]; then printf '%s\\n' '${STUB_OID}'; fi`,
        '',
      ].join('\n');
      writeFileSync(join(dir, name), stub);
      chmodSync(join(dir, name), 0o755);
    }
    // A subshell per snippet, so an export (VAULT_NAMESPACE) reaches only its own snippet's commands.
    let script = 'unset VAULT_NAMESPACE\n';
    for (const s of snippets) script += `printf 'SNIP\\0%s\\0' '${s.key.replace(/'/g, '')}' >> "$STUB_LOG"\n(\n${s.code}:\n) < /dev/null\n`;
    writeFileSync(join(dir, 'driver.sh'), script);
    run('bash', [join(dir, 'driver.sh')], '', { ...process.env, PATH: `${dir}:${process.env.PATH}`, STUB_LOG: log });
    const tokens = readFileSync(log, 'utf8').split('\0');
    const got = new Map<string, Recorded[]>();
    let current: Recorded[] = [];
    for (let i = 0; i < tokens.length - 1; ) {
      if (tokens[i] === 'SNIP') {
        current = [];
        got.set(tokens[i + 1], current);
        i += 2;
      } else if (tokens[i] === 'CMD') {
        const argc = Number(tokens[i + 3]);
        current.push({ argv: [tokens[i + 1], ...tokens.slice(i + 4, i + 4 + argc)], stdin: tokens[i + 4 + argc], ns: tokens[i + 2] });
        i += 5 + argc;
      } else throw new Error('bad stub log at token ' + i + ': ' + JSON.stringify(tokens[i]));
    }
    return got;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
