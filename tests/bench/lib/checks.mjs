// Every budget check of a run, in one list (report.json `checks`), plus the
// parts that could not be measured and why.
import { BUDGETS, check } from './budgets.mjs';

/** ours / theirs, rounded to 2 decimals; null without a base. */
export function ratio(ours, theirs) {
  return theirs > 0 ? Math.round((ours / theirs) * 100) / 100 : null;
}

/** The Starlight page's measured weight for a route, or null. */
export function starlightWeight(report, route) {
  const w = report.starlight?.pages?.find((x) => x.route === route)?.weight;
  return w?.status === 'measured' ? w : null;
}

export function collectChecks(report) {
  const checks = [];
  if (report.build?.status === 'measured') {
    checks.push(check('site', 'build seconds', report.build.seconds, BUDGETS.buildSeconds));
  }
  for (const p of report.pages) {
    const w = p.weight;
    if (w?.status === 'measured') {
      checks.push(check(p.route, 'JS gzip bytes at load', w.load.js.total, BUDGETS.jsLoad[p.kind]));
      if (BUDGETS.jsLater[p.kind] && w.later) {
        checks.push(check(p.route, 'JS gzip bytes after first edit', w.later.js.total, BUDGETS.jsLater[p.kind]));
      }
      checks.push(check(p.route, 'requests to other origins', w.otherOrigins.count, BUDGETS.thirdPartyRequests));
      const s = starlightWeight(report, p.route);
      if (s && p.kind === 'guide') {
        checks.push(check(p.route, "JS before load / Starlight's", ratio(w.beforeLoadEvent.js.total, s.beforeLoadEvent.js.total), BUDGETS.vsStarlight.jsBeforeLoad));
        checks.push(check(p.route, "bytes by 5 s / Starlight's", ratio(w.byReadWindow.total, s.byReadWindow.total), BUDGETS.vsStarlight.totalInReadWindow));
      }
    }
    const lh = p.lighthouse;
    if (lh?.status === 'measured') {
      for (const [id, budget] of Object.entries(BUDGETS.lighthouse)) {
        const value = id === 'cls' ? lh.cls : lh.scores[id];
        checks.push(check(p.route, id === 'cls' ? 'Lighthouse CLS' : `Lighthouse ${id}`, value, budget));
      }
    }
    const t = p.typing;
    if (t?.status === 'measured') {
      checks.push(check(p.route, 'typing work p95 ms', t.workMs?.p95 ?? null, BUDGETS.typingWorkP95Ms));
      checks.push(check(p.route, 'longest task while typing ms', t.longestTaskMs, BUDGETS.longestTaskMs));
    }
  }
  const g = report.generator;
  if (g?.status === 'measured' || (g?.status === 'error' && g.byProvider)) {
    for (const [provider, s] of Object.entries(g.byProvider ?? {})) {
      if (s) checks.push(check(provider, 'generate() median ms (worst platform)', s.worstMedianMs, BUDGETS.generatorMedianMs));
    }
  }
  const mg = report.migration;
  if (mg?.status === 'measured' || (mg?.status === 'error' && mg.byProvider)) {
    for (const [provider, s] of Object.entries(mg.byProvider ?? {})) {
      if (s) checks.push(check(provider, 'planMigration() 1,000 + 1,000 items median ms (worst format)', s.worstMedianMs, BUDGETS.migrationPlanMedianMs));
    }
  }
  return checks;
}

/** [{ part, scope, reason }] for every part that was skipped or has no target yet. */
export function collectNotMeasured(report) {
  const out = [];
  const add = (part, scope, result) => {
    if (result?.status === 'not-measured') out.push({ part, scope, reason: result.reason });
  };
  add('build', 'site', report.build);
  add('generator', 'all providers', report.generator);
  add('migration planner', 'all providers', report.migration);
  for (const p of report.pages) {
    add('page weight', p.route, p.weight);
    if (p.weight?.status === 'measured' && !p.weight.later && p.kind === 'guide') {
      out.push({ part: 'JS after first edit', scope: p.route, reason: p.weight.edit.reason });
    }
    add('lighthouse', p.route, p.lighthouse);
    add('typing', p.route, p.typing);
    if (p.typing?.status === 'measured' && !p.typing.workMs) {
      out.push({ part: 'typing work', scope: p.route, reason: 'Chromium gave no usable trace' });
    }
  }
  add('typing floor', 'fixture page', report.typingFloor);
  add('Starlight comparison', 'site', report.starlight);
  return out;
}

/** [{ part, scope, error }] for every part that exists but could not be measured. */
export function collectErrors(report) {
  const out = [];
  const add = (part, scope, result) => {
    if (result?.status === 'error') out.push({ part, scope, error: result.error });
  };
  add('build', 'site', report.build);
  add('generator', 'all providers', report.generator);
  add('migration planner', 'all providers', report.migration);
  for (const p of report.pages) {
    add('page weight', p.route, p.weight);
    add('lighthouse', p.route, p.lighthouse);
    add('typing', p.route, p.typing);
  }
  add('typing floor', 'fixture page', report.typingFloor);
  add('Starlight comparison', 'site', report.starlight);
  for (const x of report.starlight?.pages ?? []) add('Starlight page weight', x.route, x.weight);
  for (const e of report.fatal ?? []) out.push(e);
  return out;
}
