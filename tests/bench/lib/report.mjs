// Renders a run as the one-screen summary (stdout and baseline.md) and as the
// full Markdown report.
import { BUDGETS, KB, mark, meets } from './budgets.mjs';
import { ratio, starlightWeight } from './checks.mjs';

const DASH = '–';

export const fmt = {
  kb: (bytes) => (bytes === null || bytes === undefined ? DASH : (bytes / KB).toFixed(1)),
  ms: (v, digits = 1) => (v === null || v === undefined ? DASH : Number(v).toFixed(digits)),
  score: (v) => (v === null || v === undefined ? DASH : Number(v).toFixed(2)),
  cls: (v) => (v === null || v === undefined ? DASH : v === 0 ? '0' : Number(v).toFixed(4)),
  int: (v) => (v === null || v === undefined ? DASH : String(v)),
};

/** "value ✓" / "value ✗" / "value" / "–". */
function judged(text, value, budget) {
  if (text === DASH) return DASH;
  const m = mark(meets(value, budget));
  return m ? `${text} ${m}` : text;
}

/** A Markdown table with columns padded so it also reads well in a terminal. */
export function table(headers, rows, align = []) {
  const width = (s) => [...String(s)].length;
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const pad = (s, i) => {
    const str = String(s ?? '');
    const fill = ' '.repeat(widths[i] - width(str));
    return align[i] === 'right' ? fill + str : str + fill;
  };
  const line = (cells) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === 'right' ? `${'-'.repeat(Math.max(1, w - 1))}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(headers), rule, ...rows.map(line)].join('\n');
}

function headline(report) {
  const e = report.environment;
  const when = e.date.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
  const commit = e.git.commit ? `commit ${e.git.commit}${e.git.uncommittedChanges ? ' (+ uncommitted changes)' : ''}` : 'no git commit';
  const runs = `${report.options.runs} run${report.options.runs > 1 ? 's, median' : ''}/page`;
  const lh = report.options.lighthouse ? `Lighthouse ${e.versions.lighthouse} (${runs})` : 'Lighthouse skipped';
  const typing = report.options.typing ? ` · typing ${report.options.keystrokes} keys (${runs})` : '';
  return `${when} · ${commit} · Node ${e.node} · Chromium ${e.chromium ?? '?'} · ${e.cpuCount} CPUs · ${lh}${typing}`;
}

/** Key to paint p95, with how far it is above the floor's p95 when the floor was measured. */
function keyToPaint(t, floor) {
  const p95 = fmt.ms(t.latencyMs.p95);
  if (floor?.status !== 'measured') return p95;
  const over = t.latencyMs.p95 - floor.latencyMs.p95;
  return `${p95} (floor ${over < 0 ? '-' : '+'}${fmt.ms(Math.abs(over))})`;
}

function pageRow(p, floor) {
  const w = p.weight?.status === 'measured' ? p.weight : null;
  const lh = p.lighthouse?.status === 'measured' ? p.lighthouse : null;
  const t = p.typing?.status === 'measured' ? p.typing : null;
  const laterBudget = BUDGETS.jsLater[p.kind];
  return [
    p.route,
    w ? judged(fmt.kb(w.load.js.total), w.load.js.total, BUDGETS.jsLoad[p.kind]) : DASH,
    w?.later ? (laterBudget ? judged(fmt.kb(w.later.js.total), w.later.js.total, laterBudget) : fmt.kb(w.later.js.total)) : DASH,
    w ? fmt.kb(w.load.css.total) : DASH,
    w ? fmt.kb(w.html.gzip) : DASH,
    w ? judged(fmt.int(w.otherOrigins.count), w.otherOrigins.count, BUDGETS.thirdPartyRequests) : DASH,
    lh ? judged(fmt.score(lh.scores.performance), lh.scores.performance, BUDGETS.lighthouse.performance) : DASH,
    lh ? judged(fmt.score(lh.scores.accessibility), lh.scores.accessibility, BUDGETS.lighthouse.accessibility) : DASH,
    lh ? judged(fmt.score(lh.scores['best-practices']), lh.scores['best-practices'], BUDGETS.lighthouse['best-practices']) : DASH,
    lh ? judged(fmt.score(lh.scores.seo), lh.scores.seo, BUDGETS.lighthouse.seo) : DASH,
    lh ? judged(fmt.cls(lh.cls), lh.cls, BUDGETS.lighthouse.cls) : DASH,
    lh ? fmt.ms(lh.lcpMs, 0) : DASH,
    lh ? fmt.ms(lh.tbtMs, 0) : DASH,
    t ? keyToPaint(t, floor) : DASH,
    t ? (t.workMs ? judged(fmt.ms(t.workMs.p95), t.workMs.p95, BUDGETS.typingWorkP95Ms) : 'no trace') : DASH,
    t ? judged(fmt.ms(t.longestTaskMs), t.longestTaskMs, BUDGETS.longestTaskMs) : DASH,
  ];
}

const PAGE_HEADERS = ['page', 'JS load', 'JS later', 'CSS load', 'HTML', '3rd-party req', 'perf', 'a11y', 'BP', 'SEO', 'CLS', 'LCP ms', 'TBT ms', 'key to paint p95 ms', 'key work p95 ms', 'longest task ms'];
const PAGE_ALIGN = ['left', ...Array(15).fill('right')];

/** One line on the typing floor (the fixture page measured with the same harness). */
function floorLine(report) {
  const f = report.typingFloor;
  if (f?.status !== 'measured') return null;
  const work = f.workMs ? `, work p95 ${fmt.ms(f.workMs.p95)} ms` : '';
  return (
    `Typing floor (a page that only copies the field into one snippet, same harness): key to paint median ` +
    `${fmt.ms(f.latencyMs.median)} ms, p95 ${fmt.ms(f.latencyMs.p95)} ms${work}. Key to paint includes the wait for the ` +
    `display's next frame, which no page controls; work is the page's own main-thread time per keystroke.`
  );
}

/** One line per reason, parts with the same pages merged: "- not measured: a, b on x, y (reason)". */
function groupNotMeasured(list) {
  const byReason = new Map();
  for (const n of list) {
    if (!byReason.has(n.reason)) byReason.set(n.reason, new Map());
    const parts = byReason.get(n.reason);
    if (!parts.has(n.part)) parts.set(n.part, []);
    parts.get(n.part).push(n.scope);
  }
  const lines = [];
  for (const [reason, parts] of byReason) {
    const byScopes = new Map();
    for (const [part, scopes] of parts) {
      const key = scopes.join(', ');
      if (!byScopes.has(key)) byScopes.set(key, []);
      byScopes.get(key).push(part);
    }
    const what = [...byScopes].map(([scopes, names]) => `${names.join(', ')} on ${scopes}`).join('; ');
    lines.push(`- not measured: ${what} (${reason})`);
  }
  return lines;
}

/** "ours / theirs = ratio ✓" for one metric of the comparison. */
function versus(ours, theirs, budget) {
  const r = ratio(ours, theirs);
  const text = `${fmt.kb(ours)} / ${fmt.kb(theirs)} = ${r === null ? DASH : r.toFixed(2)}`;
  return budget ? judged(text, r, budget) : text;
}

/** The comparison with the same pages in Starlight (built and served in this run). */
function starlightLines(report) {
  const s = report.starlight;
  if (!s) return [];
  if (s.status === 'not-measured') return [`Starlight comparison: not measured (${s.reason})`, ''];
  if (s.status === 'error') return ['Starlight comparison: FAILED (see errors)', ''];
  const rows = report.pages
    .map((p) => [p, p.weight?.status === 'measured' ? p.weight : null, starlightWeight(report, p.route)])
    .filter(([, w, sw]) => w && sw)
    .map(([p, w, sw]) => {
      const guide = p.kind === 'guide';
      return [
        p.route,
        versus(w.beforeLoadEvent.js.total, sw.beforeLoadEvent.js.total, guide ? BUDGETS.vsStarlight.jsBeforeLoad : null),
        versus(w.byReadWindow.js, sw.byReadWindow.js, null),
        versus(w.byReadWindow.total, sw.byReadWindow.total, guide ? BUDGETS.vsStarlight.totalInReadWindow : null),
        `${w.byReadWindow.requests} / ${sw.byReadWindow.requests}`,
      ];
    });
  return [
    `Against the same pages in Starlight ${report.environment?.versions?.starlight ?? ''} (defaults; prose, tabs, callouts and default snippets, no form), built and served in this run. ` +
      'Ours / Starlight\'s KB gzip = ratio; budgets on guides: JS before the load event <= 1, bytes by 5 s after load <= 0.5.',
    '',
    table(
      ['page', 'JS before load event', 'JS by 5 s', 'all bytes by 5 s', 'requests by 5 s'],
      rows,
      ['left', 'right', 'right', 'right', 'right'],
    ),
    '',
  ];
}

/** The one-screen summary, printed to stdout and written to baseline.md. */
export function summary(report) {
  const lines = [];
  lines.push('# Performance benchmark summary', '');
  lines.push(headline(report), '');
  if (report.partial) lines.push(`Partial run: ${report.partial}.`, '');
  const busiest = Math.max(report.environment.loadAverage?.start?.[0] ?? 0, report.environment.loadAverage?.end?.[0] ?? 0);
  if (busiest > report.environment.cpuCount) {
    lines.push(
      `Warning: the machine was busy (1-minute load average up to ${busiest} on ${report.environment.cpuCount} CPUs); ` +
        'timings (typing, long tasks, p99, TBT) are noisier than on an idle machine.',
      '',
    );
  }
  const b = report.build;
  if (b?.status === 'measured') lines.push(`Build: ${b.seconds.toFixed(1)} s ${mark(meets(b.seconds, BUDGETS.buildSeconds))} (budget < ${BUDGETS.buildSeconds.limit} s)`);
  else if (b?.status === 'error') lines.push('Build: FAILED (see errors)');
  else lines.push(`Build: not measured (${b?.reason ?? 'skipped'})`);
  lines.push('');
  lines.push('Sizes are KB gzip (1 KB = 1000 bytes); budgets: JS at load (by 5 s after the load event) <= 8 KB on every page; JS later <= 45 KB on guides.');
  lines.push('');
  lines.push(table(PAGE_HEADERS, report.pages.map((p) => pageRow(p, report.typingFloor)), PAGE_ALIGN));
  lines.push('');
  const floor = floorLine(report);
  if (floor) lines.push(floor, '');
  lines.push(...starlightLines(report));
  const g = report.generator;
  const mg = report.migration;
  if (g?.byProvider) {
    // planMigration() in the same table (one row per provider), when it was measured.
    const plans = mg?.byProvider ? mg : null;
    const rows = Object.entries(g.byProvider).map(([provider, s]) => {
      const m = plans?.byProvider[provider];
      return [
        provider,
        s ? judged(fmt.ms(s.worstMedianMs, 3), s.worstMedianMs, BUDGETS.generatorMedianMs) : DASH,
        s ? fmt.ms(s.worstP99Ms, 3) : DASH,
        s ? String(s.cases) : DASH,
        ...(plans ? [m ? `${judged(fmt.ms(m.worstMedianMs), m.worstMedianMs, BUDGETS.migrationPlanMedianMs)} (${m.worstFormat})` : DASH, m ? fmt.ms(m.worstP95Ms) : DASH] : []),
      ];
    });
    lines.push(`Generator, ${g.iterations} calls per case after ${g.warmup} warm-up calls (worst case over platforms and auth methods)${plans ? `; planMigration() of ${fmt.int(plans.items)} variables + ${fmt.int(plans.items)} connections, ${plans.iterations} calls after ${plans.warmup} warm-up calls (worst of ${plans.formats.join(', ')}; budget median < ${BUDGETS.migrationPlanMedianMs.limit} ms)` : ''}:`, '');
    lines.push(
      table(
        ['provider', 'median ms', 'p99 ms', 'cases', ...(plans ? ['plan median ms', 'plan p95 ms'] : [])],
        rows,
        ['left', 'right', 'right', 'right', 'right', 'right'],
      ),
    );
    lines.push('');
  } else if (g?.status === 'not-measured') {
    lines.push(`Generator: not measured (${g.reason})`, '');
  } else if (g?.status === 'error') {
    lines.push('Generator: FAILED (see errors)', '');
  }
  if (!g?.byProvider && mg?.byProvider) {
    const rows = Object.entries(mg.byProvider).map(([provider, m]) => [provider, m ? `${judged(fmt.ms(m.worstMedianMs), m.worstMedianMs, BUDGETS.migrationPlanMedianMs)} (${m.worstFormat})` : DASH, m ? fmt.ms(m.worstP95Ms) : DASH]);
    lines.push(`planMigration() of ${fmt.int(mg.items)} variables + ${fmt.int(mg.items)} connections, ${mg.iterations} calls after ${mg.warmup} warm-up calls (worst of ${mg.formats.join(', ')}):`, '');
    lines.push(table(['provider', 'plan median ms', 'plan p95 ms'], rows, ['left', 'right', 'right']), '');
  }
  const checks = report.checks;
  const pass = checks.filter((c) => c.pass === true).length;
  const fail = checks.filter((c) => c.pass === false);
  lines.push(`Budgets: ${pass} met, ${fail.length} missed${fail.length ? `: ${fail.map((c) => `${c.scope} ${c.metric}`).join('; ')}` : ''}.`);
  const withInputErrors = (g?.rows ?? []).filter((r) => r.errors?.length);
  if (withInputErrors.length) {
    const first = withInputErrors[0];
    lines.push(
      `- note: generate() reported problems with the benchmark input in ${withInputErrors.length} case(s), e.g. ` +
        `${first.provider}/${first.platform}: ${first.errors[0]} (fix tests/bench/lib/generator-inputs.mjs)`,
    );
  }
  const planInputErrors = (mg?.rows ?? []).filter((r) => r.errors?.length);
  if (planInputErrors.length) {
    const first = planInputErrors[0];
    lines.push(
      `- note: planMigration() reported problems with the benchmark input in ${planInputErrors.length} case(s), e.g. ` +
        `${first.provider}/${first.format}: ${first.errors[0]} (fix tests/bench/lib/migration-inputs.mjs)`,
    );
  }
  const nm = groupNotMeasured(report.notMeasured);
  if (nm.length) lines.push(...nm);
  for (const e of report.errors) lines.push(`- ERROR ${e.part} ${e.scope}: ${String(e.error).split('\n')[0]}`);
  return `${lines.join('\n')}\n`;
}

function weightSection(report) {
  const out = ['## Page weight', ''];
  out.push(
    'Gzip bytes of every response recorded by Chromium, split into what loaded until the network was idle ' +
      '("load") and what loaded after the first edit in the setup form ("later"). Inline `<script>`/`<style>` ' +
      'text counts as JS/CSS (it also counts in the HTML bytes). 1 KB = 1000 bytes.',
    '',
  );
  const rows = report.pages.map((p) => {
    const w = p.weight;
    if (w?.status !== 'measured') return [p.route, p.kind, w?.status === 'error' ? 'error' : `not measured: ${w?.reason ?? '?'}`, '', '', '', '', '', '', '', ''];
    return [
      p.route,
      p.kind,
      `${fmt.kb(w.html.raw)} / ${fmt.kb(w.html.gzip)}`,
      `${fmt.kb(w.load.js.external)} + ${fmt.kb(w.load.js.inline)}`,
      judged(fmt.kb(w.load.js.total), w.load.js.total, BUDGETS.jsLoad[p.kind]),
      w.later ? (BUDGETS.jsLater[p.kind] ? judged(fmt.kb(w.later.js.total), w.later.js.total, BUDGETS.jsLater[p.kind]) : fmt.kb(w.later.js.total)) : `– (${w.edit.reason})`,
      `${fmt.kb(w.load.css.total)} / ${w.later ? fmt.kb(w.later.css.total) : DASH}`,
      `${fmt.kb(w.load.otherGzip)} / ${w.later ? fmt.kb(w.later.otherGzip) : DASH}`,
      `${w.load.requests} / ${w.later ? w.later.requests : DASH}`,
      judged(String(w.otherOrigins.count), w.otherOrigins.count, BUDGETS.thirdPartyRequests),
      w.broken.length ? w.broken.map((r) => `${r.url} (${r.status ?? r.failure})`).join(', ') : 'none',
    ];
  });
  out.push(
    table(
      ['page', 'kind', 'HTML raw / gzip KB', 'JS load: files + inline KB', 'JS load KB', 'JS later KB', 'CSS load / later KB', 'other load / later KB', 'requests load / later', 'other-origin requests', 'failed requests'],
      rows,
    ),
  );
  out.push('');
  out.push('Budgets: JS at load (by 5 s after the load event) <= 8 KB on every page; JS later <= 45 KB (guides); 0 requests to other origins; on guides, JS before the load event <= Starlight\'s and bytes by 5 s <= half of Starlight\'s for the same page.', '');
  for (const p of report.pages) {
    const w = p.weight;
    if (w?.status !== 'measured') continue;
    out.push(`<details><summary>${p.route}: ${w.resources.length} responses${w.edit.done ? `, first edit in "${w.edit.field}"` : ''}</summary>`, '');
    out.push(
      table(
        ['phase', 'type', 'status', 'raw bytes', 'gzip bytes', 'url'],
        w.resources.map((r) => [r.phase, r.type, fmt.int(r.status), fmt.int(r.raw), fmt.int(r.gzip), `\`${r.url}\`${r.failure ? ` (${r.failure})` : ''}`]),
        ['left', 'left', 'right', 'right', 'right', 'left'],
      ),
    );
    if (w.inline.load.js.count || w.inline.load.css.count) {
      out.push('', `Inline at load: ${w.inline.load.js.count} script(s), ${w.inline.load.js.raw} bytes (${w.inline.load.js.gzip} gzip); ${w.inline.load.css.count} style(s), ${w.inline.load.css.raw} bytes (${w.inline.load.css.gzip} gzip).`);
    }
    if (w.warnings.length) out.push('', ...w.warnings.map((x) => `- warning: ${x}`));
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

function lighthouseSection(report) {
  const out = ['## Lighthouse (mobile, simulated throttling)', ''];
  if (!report.options.lighthouse) return [...out, 'Skipped (--skip-lighthouse).', ''].join('\n');
  const rows = report.pages.map((p) => {
    const lh = p.lighthouse;
    if (lh?.status !== 'measured') return [p.route, lh?.status === 'error' ? 'error' : `not measured: ${lh?.reason ?? '?'}`, '', '', '', '', '', '', '', ''];
    return [
      p.route,
      judged(fmt.score(lh.scores.performance), lh.scores.performance, BUDGETS.lighthouse.performance),
      judged(fmt.score(lh.scores.accessibility), lh.scores.accessibility, BUDGETS.lighthouse.accessibility),
      judged(fmt.score(lh.scores['best-practices']), lh.scores['best-practices'], BUDGETS.lighthouse['best-practices']),
      judged(fmt.score(lh.scores.seo), lh.scores.seo, BUDGETS.lighthouse.seo),
      fmt.ms(lh.fcpMs, 0),
      fmt.ms(lh.lcpMs, 0),
      fmt.ms(lh.tbtMs, 0),
      judged(fmt.cls(lh.cls), lh.cls, BUDGETS.lighthouse.cls),
      fmt.ms(lh.speedIndexMs, 0),
    ];
  });
  out.push(table(['page', 'performance', 'accessibility', 'best practices', 'SEO', 'FCP ms', 'LCP ms', 'TBT ms', 'CLS', 'Speed Index ms'], rows, ['left', ...Array(9).fill('right')]));
  out.push('', 'Budgets: performance >= 0.98; accessibility, best practices and SEO = 1.00; CLS = 0.', '');
  for (const p of report.pages) {
    const lh = p.lighthouse;
    if (lh?.status !== 'measured') continue;
    // Audits are listed for the categories that miss their budget (what to fix).
    const missed = Object.entries(lh.failing).filter(([cat]) => meets(lh.scores[cat], BUDGETS.lighthouse[cat]) === false);
    const failing = missed.flatMap(([cat, audits]) =>
      audits.map(
        (a) =>
          `- ${cat}: \`${a.id}\` ${a.title} (score ${a.score}${a.displayValue ? `, ${a.displayValue}` : ''})` +
          (a.items?.length ? `: ${a.items.map((i) => `\`${i.replace(/`/g, "'")}\``).join('; ')}` : ''),
      ),
    );
    if (failing.length || lh.warnings.length) {
      out.push(`Failing audits on ${p.route}:`, '', ...failing, ...lh.warnings.map((w) => `- run warning: ${w}`), '');
    }
  }
  return out.join('\n');
}

function typingSection(report) {
  const out = ['## Typing latency (keystroke to painted snippet)', ''];
  if (!report.options.typing) return [...out, 'Skipped (--skip-typing).', ''].join('\n');
  const rows = report.pages.map((p) => typingRow(p.route, p.typing));
  if (report.typingFloor) rows.unshift(typingRow('floor (fixture page)', report.typingFloor));
  out.push(
    table(
      ['page', 'keystrokes', 'median ms', 'p95 ms', 'max ms', 'first key ms', 'work median ms', 'work p95 ms', 'work p95 by run ms', 'DOM updated p95 ms', 'painted in next frame', 'timed out', 'longest task ms', 'tasks >= 50 ms', 'code watched', 'painted from', 'by message alone p95 ms', 'out of view: updated p95 ms'],
      rows,
    ),
  );
  out.push(
    '',
    'With several runs (--runs), each page is typed on afresh in every run and every number is the median over the runs ' +
      '(the timed-out count is their sum); "work p95 by run" lists each run. ' +
      'Median, p95, max: key event to the end of the frame that shows the snippet, as the reader waits for it; ' +
      "this includes the wait for the display's next frame, which the floor row shows for a page that does nothing else " +
      '(reported, not judged: see the README). Work: the ' +
      "main thread's busy time from the task that handled the key to the end of that frame (idle time left out); budget: p95 < 16 ms, " +
      'the length of one frame. No main-thread task of 50 ms or more while typing. "DOM updated" is key event to the snippet text ' +
      'changing; "painted in next frame" is the share of keystrokes whose update was rendered in the first animation frame after ' +
      'the key event. "Painted from" says how many keystrokes were timed from the trace and how many from the in-page message; ' +
      '"by message alone" is the p95 the message would give (it is late when Chromium delivers it after the next frame). ' +
      '"Code watched" is the code in view while typing whose text showed the value first (a lookup name or a code block); ' +
      '"out of view: updated" is key event to the example DAG, further down the page, showing the value (it may be updated ' +
      'after the frame that shows what is in view).',
    '',
  );
  return out.join('\n');
}

function typingRow(label, t) {
  if (t?.status !== 'measured') return [label, t?.status === 'error' ? `error: ${String(t.error).split('\n')[0]}` : `not measured: ${t?.reason ?? '?'}`, ...Array(16).fill('')];
  return [
    label,
    t.runs > 1 ? `${t.keystrokes} × ${t.runs} runs` : String(t.keystrokes),
    fmt.ms(t.latencyMs.median),
    fmt.ms(t.latencyMs.p95),
    fmt.ms(t.latencyMs.max),
    fmt.ms(t.latencyMs.first),
    t.workMs ? fmt.ms(t.workMs.median) : 'no trace',
    t.workMs ? judged(fmt.ms(t.workMs.p95), t.workMs.p95, BUDGETS.typingWorkP95Ms) : 'no trace',
    t.perRun ? t.perRun.map((r) => fmt.ms(r.workP95Ms)).join(', ') : DASH,
    fmt.ms(t.updateMs.p95),
    `${(t.nextFrameShare * 100).toFixed(1)} %`,
    String(t.timedOut),
    judged(fmt.ms(t.longestTaskMs), t.longestTaskMs, BUDGETS.longestTaskMs),
    `${t.longTasks.observer.count}`,
    t.snippetsSeen.join(', '),
    t.paintedFrom ? `trace ${t.paintedFrom.trace}, message ${t.paintedFrom.message}` : DASH,
    t.messageLatencyMs ? fmt.ms(t.messageLatencyMs.p95) : DASH,
    t.rest?.updatedMs ? `${fmt.ms(t.rest.updatedMs.p95)}${t.rest.missed ? ` (${t.rest.missed} missed)` : ''}` : DASH,
  ];
}

function generatorSection(report) {
  const out = ['## Generator latency (Node)', ''];
  const g = report.generator;
  if (!g || g.status === 'not-measured') return [...out, `Not measured: ${g?.reason ?? 'skipped'}.`, ''].join('\n');
  if (!g.rows) return [...out, `Error: ${g.error}`, ''].join('\n');
  out.push(`\`generate(provider, input)\` with a fully filled, realistic input; ${g.warmup} warm-up calls, then ${g.iterations} timed calls per case.`, '');
  out.push(
    table(
      ['provider', 'platform', 'auth method', 'median ms', 'p99 ms', 'mean ms', 'snippets', 'code chars', 'input errors'],
      g.rows.map((r) => [
        r.provider,
        r.platform,
        r.authMethod ?? DASH,
        r.error ? 'error' : judged(fmt.ms(r.medianMs, 4), r.medianMs, BUDGETS.generatorMedianMs),
        r.error ? DASH : fmt.ms(r.p99Ms, 4),
        r.error ? DASH : fmt.ms(r.meanMs, 4),
        fmt.int(r.snippets),
        fmt.int(r.codeChars),
        r.errors?.length ? r.errors.join('; ') : r.error ? String(r.error).split('\n')[0] : 'none',
      ]),
      ['left', 'left', 'left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  out.push('', 'Budget: median < 1 ms per provider. "input errors" lists problems the generator reported for the benchmark input (there should be none).', '');
  return out.join('\n');
}

function migrationSection(report) {
  const out = ['## Migration planner latency (Node)', ''];
  const mg = report.migration;
  if (!mg || mg.status === 'not-measured') return [...out, `Not measured: ${mg?.reason ?? 'skipped'}.`, ''].join('\n');
  if (!mg.rows) return [...out, `Error: ${mg.error}`, ''].join('\n');
  out.push(
    `\`planMigration(provider, input, exports)\` with ${mg.items} variables and ${mg.items} connections (tests/bench/lib/migration-inputs.mjs) and the ` +
      `guide's realistic setup; ${mg.warmup} warm-up calls, then ${mg.iterations} timed calls per case. Formats: json (\`airflow variables export\` + ` +
      '`airflow connections export --file-format json`), yaml (the same variables + the connections as YAML), astro (one `airflow_settings.yaml` ' +
      'from `astro dev object export`). The time covers reading the pastes, naming and checking every item and writing both scripts.',
    '',
  );
  out.push(
    table(
      ['provider', 'format', 'paste KB', 'items', 'written', 'median ms', 'p95 ms', 'max ms', 'script KB', 'input errors'],
      mg.rows.map((r) => [
        r.provider,
        r.format,
        fmt.kb(r.pasteChars),
        fmt.int(r.items),
        fmt.int(r.written),
        r.error ? 'error' : judged(fmt.ms(r.medianMs), r.medianMs, BUDGETS.migrationPlanMedianMs),
        r.error ? DASH : fmt.ms(r.p95Ms),
        r.error ? DASH : fmt.ms(r.maxMs),
        fmt.kb(r.scriptChars),
        r.errors?.length ? r.errors.join('; ') : r.error ? String(r.error).split('\n')[0] : 'none',
      ]),
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  out.push('', `Budget: median < ${BUDGETS.migrationPlanMedianMs.limit} ms per provider and format (KB here: thousands of characters).`, '');
  return out.join('\n');
}

export const METHOD = `## Method

- **Build**: wall time of \`npx astro build\` from the repository root (telemetry off).
- **Server**: a small \`node:http\` static server on 127.0.0.1 and a free port, serving a copy of \`dist/\`
  taken right after the build (so a rebuild during the run cannot change what is measured), like a plain
  static host: \`index.html\` for directory URLs, \`404.html\` with status 404, gzip for text types,
  a year of caching for \`/_astro/\`.
- **Page weight**: Playwright drives Debian's Chromium (1280x800 window, fresh context per page). Every
  response is recorded with its type and body; gzip sizes are \`zlib.gzipSync\` of the decoded body
  (default level). "Load" is everything requested until the network was quiet for 500 ms, then a
  \`requestIdleCallback\`, then quiet again. If the page has \`form[data-setup-form]\`, the benchmark
  clicks its first visible text input, types one character, and waits for quiet + idle + quiet:
  everything requested from the click on is "later". Inline scripts and styles are read from the DOM.
  Responses whose URL maps to a file in \`dist/\` are checked to have exactly that file's size.
  Requests to any origin other than the local server are counted.
- **Lighthouse**: the \`lighthouse\` CLI, \`CHROME_PATH\` = Debian Chromium,
  \`--chrome-flags="--headless=new --no-sandbox"\`, mobile form factor, default simulated throttling,
  categories performance, accessibility, best practices, SEO; pages one after another, nothing else
  running. With \`--runs N\` every number is the per-metric median of N runs.
- **Typing**: a fresh page, the \`variableKey\` input of \`form[data-setup-form]\` cleared, the page left
  idle. For each keystroke the benchmark snapshots the snippet texts, sends a real key press
  (\`page.keyboard.press\`, i.e. CDP \`Input.dispatchKeyEvent\`) and waits for the in-page harness. In the
  page, a capturing \`keydown\` listener takes the event's timestamp and marks the trace; a
  \`MutationObserver\` notices the first change that makes code the reader sees contain the input's
  current value: the code blocks (\`[data-snippet] code\`) and lookup names (\`code[data-lookup]\`, \`code[data-lookup-form]\`) in the
  viewport once the input is focused (on a guide, the name Airflow will look up, under the field), or,
  with none in view, the example DAG; the example DAG further down is followed too ("out of view"); the harness then marks the
  next animation frame. A Chromium trace (categories \`toplevel\` and \`blink.user_timing\`) of the typing
  window gives the end of the renderer main-thread task that ran that frame (animation callbacks, style,
  layout, paint, commit): the frame is painted then. Latency = that end minus the key event's timestamp,
  both in the page's clock (the key mark ties the trace to it), so the Node-to-browser round trip is not
  in the number. Without a trace, the time of a message posted inside the frame is used instead; it is
  an upper bound, because Chromium sometimes hands that message to the page only after the next frame
  (the report shows both). Keystrokes never overlap: the next key is sent only after the previous update
  was painted. Every latency includes the wait for the display's next frame (60 Hz: up to 16.7 ms),
  which depends on when in a frame the key lands, not on the page: the **floor** row measures a fixture
  page that only copies the field into one snippet (\`tests/bench/fixtures/typing-floor.html\`) with the
  same harness in the same run.
- **Work per keystroke**: from the same trace, the summed length of the renderer main thread's
  top-level tasks from the start of the task that handled the key to the end of the frame that showed
  its snippet, idle gaps left out. It is the time the page keeps the browser busy per keystroke;
  under 16 ms (one frame) at p95 means the page itself never needs more than a frame to show what
  was typed.
  A keystroke whose snippet did not update within 1 s counts as 1000 ms. Lower-case letters are typed
  (valid in any key, never escaped); an input \`maxlength\` is respected by alternating Backspace.
- **Longest task while typing**: the larger of a \`PerformanceObserver('longtask')\` (tasks >= 50 ms,
  so 0 means none that long) and a Chromium trace (category \`toplevel\`) of the typing window, which
  gives the longest renderer main-thread task of any length.
- **Generator**: \`src/generators/index.ts\` imported by Node (type stripping) in a separate process;
  for every provider x platform x auth method, a realistic filled input, warm-up calls, then timed calls
  with \`performance.now()\`; median and p99 (nearest rank).
- **Migration planner**: \`src/generators/migration.ts\` imported the same way, in its own process; for every
  provider and paste format, realistic exports of 1,000 variables and 1,000 connections generated from a fixed
  seed (\`tests/bench/lib/migration-inputs.mjs\`), warm-up calls, then timed calls of \`planMigration()\`;
  median and p95 (nearest rank).
- Medians of even counts average the two middle values; percentiles are nearest-rank.
`;

export function markdown(report) {
  const e = report.environment;
  const env = table(
    ['', ''],
    [
      ['date', e.date],
      ['git', e.git.commit ? `${e.git.commit}${e.git.uncommittedChanges ? ' (with uncommitted changes)' : ''}` : DASH],
      ['Node.js', e.node],
      ['Chromium', e.chromium ?? DASH],
      ['CPUs', `${e.cpuCount} x ${e.cpuModel ?? '?'}`],
      ['memory', `${e.memoryGB} GB`],
      ['load average (1/5/15 min) at start / end', `${(e.loadAverage.start ?? []).join(' ')} / ${e.loadAverage.end.join(' ')}`],
      ['OS', e.os],
      ['Astro / Lighthouse / Playwright / Preact', `${e.versions.astro} / ${e.versions.lighthouse} / ${e.versions.playwright} / ${e.versions.preact}`],
      ['options', report.options.argv.length ? report.options.argv.join(' ') : '(defaults)'],
    ],
  );
  const budgetRows = report.checks.map((c) => [c.scope, c.metric, c.value === null ? DASH : String(c.value), `${c.op} ${c.limit}`, mark(c.pass) || DASH]);
  return [
    summary(report).replace('# Performance benchmark summary', '# Performance benchmark report'),
    '## Environment',
    '',
    env,
    '',
    '## Build',
    '',
    report.build?.status === 'measured'
      ? `\`npx astro build\`: ${report.build.seconds.toFixed(2)} s ${mark(meets(report.build.seconds, BUDGETS.buildSeconds))} (budget < ${BUDGETS.buildSeconds.limit} s).`
      : report.build?.status === 'error'
        ? `Failed:\n\n\`\`\`\n${report.build.error}\n\`\`\``
        : `Not measured: ${report.build?.reason}.`,
    '',
    weightSection(report),
    lighthouseSection(report),
    typingSection(report),
    generatorSection(report),
    migrationSection(report),
    '## All budget checks',
    '',
    budgetRows.length ? table(['scope', 'metric', 'value', 'budget', 'met'], budgetRows) : 'None measured.',
    '',
    METHOD,
  ].join('\n');
}
