/**
 * The Azure guide's az commands through the real Azure CLI's argument parser, with an empty
 * configuration: "Please run 'az login'" means the arguments parsed (az checks them before it
 * looks for an account); an argument error fails the test. Every platform and auth method, with
 * names that start with -, and the commented alternatives uncommented.
 *
 * `az keyvault secret ...`: Debian's azure-cli 2.45 builds those commands' arguments from the old
 * Key Vault SDK (`azure.keyvault.v7_0`, azure-keyvault 1.x), which no Debian package ships, so the
 * plain az stops at "No module named 'azure.keyvault.v7_0'" before parsing. When that module is
 * missing, those commands go through helpers/az_keyvault_v7_0.py: the same az with that module
 * rebuilt from the 7.0 API code that Debian's python3-azure does ship (see that file); az's own
 * command table, _params.py, validators and argparse parse the argv, and the command ends at the
 * same "Please run 'az login'". Where neither can load the group, the commands are printed as not
 * checked (their argv and stdin are still checked by the stub tests in properties.test.ts); under
 * CI=true that fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** Runs az with the Key Vault 7.0 data-plane module rebuilt from Debian's python3-azure. */
const KEYVAULT_SHIM = join(dirname(fileURLToPath(import.meta.url)), '../helpers/az_keyvault_v7_0.py');

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
    // az's own interpreter (its #! line): the one that has its packages.
    const azPython = /^#!\s*(\S+)/.exec(readFileSync(realAz, 'utf8'))?.[1] ?? 'python3';
    const canImport = (code: string) => spawnSync(azPython, ['-c', code], { encoding: 'utf8' }).status === 0;
    // The plain az when it has the old Key Vault SDK; else the rebuilt module, when it loads.
    const viaShim = !canImport('import azure.keyvault.v7_0') && canImport(`import runpy; runpy.run_path(${JSON.stringify(KEYVAULT_SHIM)})`);
    const bin = join(dir, 'bin');
    run('mkdir', ['-p', bin]);
    const log = join(dir, 'az.log');
    writeFileSync(log, '');
    // az through a wrapper that runs the real one and records what it said; the snippet goes on.
    writeFileSync(
      join(bin, 'az'),
      [
        '#!/bin/sh',
        viaShim
          ? `if [ "$1 $2" = "keyvault secret" ]; then out=$("${azPython}" "${KEYVAULT_SHIM}" "${realAz}" "$@" 2>&1 </dev/null); rc=$?; else out=$("${realAz}" "$@" 2>&1 </dev/null); rc=$?; fi`
          : `out=$("${realAz}" "$@" 2>&1 </dev/null); rc=$?`,
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
    let keyvaultSecretParsed = 0;
    for (const r of results) {
      const group = r.args.split(' ').slice(0, 3).join(' ');
      const isKeyvaultSecret = r.args.startsWith('keyvault secret ');
      if (/Please run 'az login'/.test(r.out)) {
        parsed++;
        if (isKeyvaultSecret) keyvaultSecretParsed++;
      } else if (/No module named|ModuleNotFoundError|ImportError/.test(r.out)) {
        const why = 'this az cannot load the command group, not even with helpers/az_keyvault_v7_0.py (its argv and stdin are checked by the stub tests)';
        if (process.env.CI === 'true') failures.push(`az ${r.args}: ${why}: ${r.out.slice(-400)}`);
        else notChecked.set(group, why);
      } else if (NEWER_FLAGS.some((f) => r.out.includes('unrecognized arguments: ' + f))) notChecked.set(group, `${r.out.match(/unrecognized arguments: (\S+)/)![1]} is newer than this az`);
      else failures.push(`az ${r.args} (exit ${r.rc}): ${r.out.slice(0, 400)}`);
    }
    if (viaShim) console.info(`az keyvault secret: ${keyvaultSecretParsed} commands parsed by az with the Key Vault 7.0 module rebuilt from python3-azure`);
    for (const [g, why] of notChecked) console.warn(`[not checked] az ${g}: ${why}`);
    expect(failures).toEqual([]);
    expect(parsed).toBeGreaterThan(8);
    // set, show, delete and the commented purge: each reached az's login check.
    if (![...notChecked.keys()].some((g) => g.startsWith('keyvault secret'))) expect(keyvaultSecretParsed).toBeGreaterThanOrEqual(4);
  });
});
