// Generator latency in Node: runs generator-worker.mjs in its own process (clean
// heap and JIT, no browser in the same process) and summarises per provider.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess, tail } from './proc.mjs';

const WORKER = fileURLToPath(new URL('./generator-worker.mjs', import.meta.url));

export async function measureGenerator(root, { iterations = 2000, warmup = 200 } = {}) {
  const modulePath = join(root, 'src', 'generators', 'index.ts');
  const result = await runProcess(process.execPath, [WORKER, modulePath, String(iterations), String(warmup)], {
    cwd: root,
    timeoutMs: 10 * 60 * 1000,
  });
  const line = result.stdout.trim().split('\n').filter(Boolean).pop();
  let parsed;
  try {
    parsed = JSON.parse(line ?? '');
  } catch {
    return { status: 'error', error: `the generator benchmark process failed (exit ${result.code}):\n${tail(result.stderr || result.stdout)}` };
  }
  if (parsed.status !== 'measured') return parsed;
  const failed = parsed.rows.filter((r) => r.error);
  const byProvider = {};
  for (const provider of parsed.providers) {
    const rows = parsed.rows.filter((r) => r.provider === provider && !r.error);
    byProvider[provider] = rows.length
      ? {
          worstMedianMs: Math.max(...rows.map((r) => r.medianMs)),
          worstP99Ms: Math.max(...rows.map((r) => r.p99Ms)),
          cases: rows.length,
        }
      : null;
  }
  return {
    status: failed.length ? 'error' : 'measured',
    ...(failed.length ? { error: `generate() threw for ${failed.map((r) => `${r.provider}/${r.platform}/${r.authMethod}`).join(', ')}` } : {}),
    iterations: parsed.iterations,
    warmup: parsed.warmup,
    byProvider,
    rows: parsed.rows,
  };
}
