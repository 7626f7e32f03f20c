// `astro build` wall time, measured around `npx astro build` from the repository root.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess, tail } from './proc.mjs';

export async function measureBuild(root) {
  const started = new Date().toISOString();
  const result = await runProcess('npx', ['astro', 'build'], {
    cwd: root,
    // Telemetry would try the network in the background; keep the build offline.
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    timeoutMs: 10 * 60 * 1000,
  });
  const seconds = result.ms / 1000;
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.code !== 0 || !existsSync(join(root, 'dist'))) {
    return {
      status: 'error',
      started,
      seconds,
      error: `astro build failed (exit ${result.code ?? result.signal}${result.timedOut ? ', timed out' : ''}):\n${tail(output, 30)}`,
    };
  }
  return { status: 'measured', started, seconds, command: 'npx astro build' };
}
