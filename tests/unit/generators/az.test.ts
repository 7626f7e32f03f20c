/**
 * The Azure guide's az commands through the real Azure CLI's argument parser, with an empty
 * configuration: "Please run 'az login'" means the arguments parsed (az checks them before it
 * looks for an account); an argument error fails the test. Every platform and auth method, with
 * names that start with -, and the commented alternatives uncommented. A command group the
 * installed CLI cannot load (Debian's build lacks the Key Vault data-plane SDK that `az keyvault
 * secret` needs) is printed as not checked here; its argv and stdin are checked by the stub tests
 * in properties.test.ts instead.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../../../src/generators/index.ts';
import { STUB_OID, STUB_SCOPE } from '../helpers/intended.ts';
import { missingTools, run } from '../helpers/tools.ts';

const COMBOS = [
  { platform: 'astro', auth: 'client-secret' },
  { platform: 'astro', auth: 'managed-identity' },
  { platform: 'remote-execution', auth: 'managed-identity' },
  { platform: 'software', auth: 'client-secret' },
];
const INPUT = {
  vaultUrl: 'https://my-vault.vault.azure.net/',
  tenantId: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee',
  clientId: '12345678-1234-1234-1234-123456789012',
  clientSecret: 's3cr3t',
  managedIdentityClientId: 'fedcba98-7654-3210-fedc-ba9876543210',
  managedIdentityName: 'airflow-agents',
  resourceGroup: 'airflow-rg',
  aksClusterName: 'agents-aks',
  aksResourceGroup: 'agents-rg',
  oidcIssuer: 'https://eastus.oic.prod-aks.azure.com/11111111-2222-3333-4444-555555555555/66666666-7777-8888-9999-000000000000/',
  kubernetesNamespace: 'astro-agents',
  kubernetesServiceAccount: 'agent-worker, agent.triggerer',
  // Names that start with -: the CLI must still read them as values.
  variablesPrefix: '-vars',
  variableKey: '-team_-x',
  connectionId: 'my_db',
  variableValue: 'hello world',
};

/**
 * Flags newer than the az some distributions ship (Debian's is 2.45): `az aks update
 * --enable-workload-identity` came out of the aks-preview extension after it. Printed as not
 * checked when this az does not know them; any other unrecognized argument fails.
 */
const NEWER_FLAGS = ['--enable-workload-identity'];

/** Every name that reaches az starts with - (not valid Azure names: only the parsing is checked). */
const DASHED = {
  ...INPUT,
  vaultUrl: 'https://-kv.vault.azure.net/',
  managedIdentityName: '-agents',
  resourceGroup: '--rg',
  aksClusterName: '-aks',
  aksResourceGroup: '--subscription=x',
  clientId: '-client',
  managedIdentityClientId: '--id=x',
  principalObjectId: '-oid',
  kubernetesServiceAccount: '-worker',
  oidcIssuer: '-issuer',
};

describe('the Azure guide through the real az argument parser', () => {
  const missing = missingTools('bash', 'az');
  let dir = '';
  beforeAll(() => {
    if (missing.length) return;
    dir = mkdtempSync(join(tmpdir(), 'az-'));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.skipIf(missing.length > 0)('every distinct az command parses (az asks for a login, not for other arguments)', () => {
    const realAz = run('bash', ['-c', 'command -v az']).trim();
    const bin = join(dir, 'bin');
    run('mkdir', ['-p', bin]);
    const log = join(dir, 'az.log');
    writeFileSync(log, '');
    // az through a wrapper that runs the real one and records what it said; the snippet goes on.
    writeFileSync(
      join(bin, 'az'),
      [
        '#!/bin/sh',
        `out=$("${realAz}" "$@" 2>&1 </dev/null); rc=$?`,
        `printf '%s\\0%s\\0%s\\0' "$rc" "$*" "$out" >> "${log}"`,
        // What a signed-in az prints for the two lookups whose output the next command takes.
        `if [ "$1 $2" = "keyvault show" ]; then echo '${STUB_SCOPE}'; fi`,
        `if [ "$1 $2" = "ad sp" ]; then echo '${STUB_OID}'; fi`,
        'exit 0',
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    writeFileSync(join(bin, 'kubectl'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const seen = new Set<string>();
    let script = 'set -uo pipefail\n';
    // Each az invocation costs a Python start: realistic input where every command shape appears
    // (Remote Execution, managed identity), and dash-led input there and with a client secret
    // (Astro and Software give the same commands; a managed identity on Astro only changes the ID).
    const runs = [[COMBOS[2], INPUT] as const, [COMBOS[2], DASHED] as const, [COMBOS[0], DASHED] as const];
    for (const [{ platform, auth }, input] of runs) {
      const r = generate('azure-key-vault', { ...input, platform, authMethod: auth });
      if (input === INPUT) expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      for (const s of r.snippets.filter((x) => x.lang === 'sh')) {
        // The commented alternatives too, uncommented.
        const code = s.code.split('\n').map((l) => (/^# az /.test(l) ? l.slice(2) : l)).join('\n');
        if (seen.has(code)) continue;
        seen.add(code);
        script += `(\n${code}\n:\n) </dev/null\n`;
      }
    }
    run('bash', ['-c', script], '', { PATH: `${bin}:${process.env.PATH}`, HOME: dir, AZURE_CONFIG_DIR: join(dir, 'config'), AZURE_CORE_COLLECT_TELEMETRY: 'no', AZURE_CORE_NO_COLOR: 'true', LANG: 'C.UTF-8' });
    const parts = readFileSync(log, 'utf8').split('\0');
    const results: { rc: string; args: string; out: string }[] = [];
    for (let i = 0; i + 2 < parts.length; i += 3) results.push({ rc: parts[i], args: parts[i + 1], out: parts[i + 2] });
    expect(results.length).toBeGreaterThan(10);
    const notChecked = new Map<string, string>();
    const failures: string[] = [];
    let parsed = 0;
    for (const r of results) {
      const group = r.args.split(' ').slice(0, 3).join(' ');
      if (/Please run 'az login'/.test(r.out)) parsed++;
      else if (/No module named|ModuleNotFoundError|ImportError/.test(r.out)) notChecked.set(group, 'this az cannot load the command group (its argv and stdin are checked by the stub tests)');
      else if (NEWER_FLAGS.some((f) => r.out.includes('unrecognized arguments: ' + f))) notChecked.set(group, `${r.out.match(/unrecognized arguments: (\S+)/)![1]} is newer than this az`);
      else failures.push(`az ${r.args} (exit ${r.rc}): ${r.out.slice(0, 400)}`);
    }
    for (const [g, why] of notChecked) console.warn(`[not checked] az ${g}: ${why}`);
    expect(failures).toEqual([]);
    expect(parsed).toBeGreaterThan(8);
  });
});
