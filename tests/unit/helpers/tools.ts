/**
 * External tools the property tests use as oracles. When one is missing the test is
 * skipped with a printed reason; under CI=true a missing tool fails the run instead.
 */
import { spawn, spawnSync } from 'node:child_process';

const cache = new Map<string, string | null>();

function probe(name: string, args: string[], check?: (out: string) => boolean): string | null {
  const key = name + ' ' + args.join(' ');
  if (cache.has(key)) return cache.get(key) ?? null;
  const r = spawnSync(name, args, { encoding: 'utf8' });
  let reason: string | null = null;
  if (r.error || r.status !== 0) reason = `${name} is not available (${r.error?.message ?? r.stderr.trim()})`;
  else if (check && !check(r.stdout)) reason = `${name} check failed`;
  cache.set(key, reason);
  return reason;
}

export const toolChecks = {
  bash: () => probe('bash', ['-c', 'echo ok']),
  shellcheck: () => probe('shellcheck', ['--version']),
  python3: () => probe('python3', ['-c', 'import ast; print(1)']),
  dotenv: () => probe('python3', ['-c', 'import dotenv; print(1)']),
  /** The AWS CLI, and moto's server mode (a local AWS API) with boto3 to read back what it stored. */
  // AWS_ENDPOINT_URL (every request to the local API, none to AWS) needs CLI v1.29 / v2.13 or newer.
  aws: () =>
    probe('aws', ['--version'], (out) => {
      const [major, minor] = (/aws-cli\/(\d+)\.(\d+)/.exec(out) ?? []).slice(1).map(Number);
      return major === 1 ? minor >= 29 : major === 2 ? minor >= 13 : major > 2;
    }),
  moto: () => probe('python3', ['-c', 'import moto.server, boto3; print(1)']),
  gcloud: () => probe('gcloud', ['--version']),
  az: () => probe('az', ['--version']),
};

export type ToolName = keyof typeof toolChecks;

/** Reasons the given tools cannot be used ([] when all are there). Throws under CI. */
export function missingTools(...names: ToolName[]): string[] {
  const reasons = names.map((n) => toolChecks[n]()).filter((r): r is string => r !== null);
  if (reasons.length && process.env.CI === 'true') {
    throw new Error(`Required test tools are missing under CI: ${reasons.join('; ')}`);
  }
  for (const r of reasons) console.warn(`[skipped] ${r}`);
  return reasons;
}

/** Run a program with stdin, return stdout; throws with stderr on a non-zero exit. */
export function run(cmd: string, args: string[], input = '', env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} exited ${r.status}: ${r.stderr.slice(0, 4000)}`);
  return r.stdout;
}

/** Run a Python snippet that reads JSON on stdin and prints JSON. */
export function python<T>(code: string, payload: unknown): T {
  return JSON.parse(run('python3', ['-c', code], JSON.stringify(payload))) as T;
}

/** `run`, without blocking: for tests that run several slow commands side by side. */
export function runAsync(cmd: string, args: string[], input = '', env?: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${cmd} exited ${code}: ${Buffer.concat(err).toString('utf8').slice(0, 4000)}`));
    });
    child.stdin.end(input);
  });
}

/** `python`, without blocking. */
export async function pythonAsync<T>(code: string, payload: unknown, env?: NodeJS.ProcessEnv): Promise<T> {
  return JSON.parse(await runAsync('python3', ['-c', code], JSON.stringify(payload), env)) as T;
}
