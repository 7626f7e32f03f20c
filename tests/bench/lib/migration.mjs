// Migration planner latency in Node: planMigration() for 1,000 variables and 1,000
// connections, per provider and paste format, in its own process (migration-worker.mjs).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess, tail } from './proc.mjs';

const WORKER = fileURLToPath(new URL('./migration-worker.mjs', import.meta.url));

export async function measureMigration(root, { iterations = 10, warmup = 3 } = {}) {
  const result = await runProcess(process.execPath, [WORKER, join(root, 'src', 'generators'), String(iterations), String(warmup)], {
    cwd: root,
    timeoutMs: 5 * 60 * 1000,
  });
  const line = result.stdout.trim().split('\n').filter(Boolean).pop();
  let parsed;
  try {
    parsed = JSON.parse(line ?? '');
  } catch {
    return { status: 'error', error: `the migration benchmark process failed (exit ${result.code}):\n${tail(result.stderr || result.stdout)}` };
  }
  if (parsed.status !== 'measured') return parsed;
  const failed = parsed.rows.filter((r) => r.error);
  const byProvider = {};
  for (const provider of parsed.providers) {
    const rows = parsed.rows.filter((r) => r.provider === provider && !r.error);
    const worst = rows.length ? rows.reduce((a, r) => (r.medianMs > a.medianMs ? r : a)) : null;
    byProvider[provider] = worst
      ? { worstMedianMs: worst.medianMs, worstFormat: worst.format, worstP95Ms: Math.max(...rows.map((r) => r.p95Ms)), formats: rows.length }
      : null;
  }
  return {
    status: failed.length ? 'error' : 'measured',
    ...(failed.length ? { error: `planMigration() threw for ${failed.map((r) => `${r.provider}/${r.format}`).join(', ')}` } : {}),
    items: parsed.items,
    formats: parsed.formats,
    iterations: parsed.iterations,
    warmup: parsed.warmup,
    byProvider,
    rows: parsed.rows,
  };
}
