// Typing latency: keystroke to painted snippet, measured inside the page.
//
// Method. A fresh page is loaded and left to go idle; the setup form's
// variableKey input is cleared and the page is left idle again. A small harness
// is then installed in the page (page.evaluate). For each keystroke Node arms the
// harness (it snapshots the snippet texts), sends one real key press through
// Playwright (page.keyboard.press, i.e. CDP Input.dispatchKeyEvent) and waits for
// the harness' answer. In the page, a capturing keydown listener takes the key
// event's own timestamp (event.timeStamp, same clock as performance.now()) and
// puts a user-timing mark in the trace; a MutationObserver notices the first
// change of the code the reader sees (code blocks and lookup names in the viewport,
// else the example DAG) that makes it contain the input's current value; from
// there the harness asks for the next animation frame and puts a second mark in it.
// The example DAG, when out of view, is followed as well ("rest"): a page may update
// what is off screen after the frame that shows what is in view.
// Keystrokes never overlap: the next key is only sent after the previous one was
// painted (or timed out).
//
// Painted. The frame that shows the snippet is painted when the renderer's main
// thread has finished that frame: the end of the top-level task (BeginMainFrame:
// animation callbacks, style, layout, paint, commit) that holds the frame mark, read
// from a Chromium trace of the typing window. Latency = that end minus the key
// event's timestamp; the trace and the page clock are tied together by the key mark,
// whose time both record. Without a usable trace the harness falls back to a
// message posted inside the frame, whose handler runs after the frame's rendering
// work. That fallback is only an upper bound: a MessagePort message travels through
// Chromium's IPC and, on a busy guide page, about one keystroke in ten is handed to
// the page only after the *next* frame, 16 ms late, although the snippet was
// painted in time (seen in traces; `messageLatencyMs` in report.json keeps those
// numbers for comparison).
//
// Keystroke work. The painted latency includes the time the main thread sits idle
// waiting for the display's next frame, which no page controls (see
// measureTypingFloor). The same trace gives, for every keystroke, the main-thread
// time the page actually spent: every task from the one that handled the key to the
// one that rendered the frame showing the snippet, idle gaps left out.
//
// Long tasks: a PerformanceObserver for 'longtask' (tasks of 50 ms or more) runs
// during the typing, and the same trace gives the longest renderer main-thread task
// of any length.
import { readFileSync } from 'node:fs';
import { idleCallback, newPage, twoFrames } from './browser.mjs';
import { trackNetwork } from './network.mjs';
import { max, mean, median, percentile, round } from './stats.mjs';

export const INPUT_SELECTOR = 'form[data-setup-form] input[name="variableKey"]';
export const KEYSTROKE_TIMEOUT_MS = 1000;
// Lower-case letters: valid in any variable key and never escaped in a snippet.
const KEYS = 'qwertyuiopasdfghjklzxcvbnm';

/** Installed in the page; returns what it watches. */
function installHarness({ inputSelector }) {
  const input = document.querySelector(inputSelector);
  if (!input) throw new Error(`no ${inputSelector}`);
  // Watched: what the reader sees while typing, the code blocks and lookup names in the
  // viewport; a page with none there falls back to the example DAG, then any snippet.
  // The example DAG, when it is not in view, is also followed as "the rest of the page".
  const dag = [...document.querySelectorAll('[data-snippet="example-dag"] code')].find((el) => el.closest('[hidden]') === null) ?? null;
  const inView = (el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight;
  };
  const snippetCode = '[data-snippet] code';
  let watched = [...document.querySelectorAll(`${snippetCode}, code[data-lookup], code[data-lookup-form]`)].filter(inView);
  let watchedKind = 'in view';
  if (watched.length === 0) {
    watched = dag ? [dag] : [...document.querySelectorAll(snippetCode)];
    watchedKind = dag ? 'example DAG (nothing in view)' : 'any snippet (nothing in view)';
  }
  const rest = dag && !watched.includes(dag) ? dag : null;
  const nameOf = (code) => {
    const lookup = code.dataset.lookup || code.dataset.lookupForm;
    return code.closest('[data-snippet]')?.getAttribute('data-snippet') ?? (lookup ? `lookup:${lookup}` : code.tagName.toLowerCase());
  };
  const state = { current: null, longTasks: [], n: 0 };
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  } catch {
    state.longTaskUnsupported = true;
  }
  window.addEventListener(
    'keydown',
    (event) => {
      const c = state.current;
      if (!c || c.t0 !== null) return;
      c.keyMarkAt = performance.mark(`typing:key:${c.n}`).startTime;
      const now = performance.now();
      const ts = event.timeStamp;
      c.t0 = ts > 0 && ts <= now && now - ts < 1000 ? ts : now;
      c.t0Source = c.t0 === ts ? 'event.timeStamp' : 'listener';
      // Count the animation frames that start after the key event (1 = the very next frame).
      const tick = () => {
        if (state.current !== c || c.tPainted !== null) return;
        c.frames += 1;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    true,
  );
  const finish = (c) => {
    if (c.tPainted !== null && (rest === null || c.tRest !== null)) c.resolve();
  };
  const check = () => {
    const c = state.current;
    if (!c || c.t0 === null) return;
    const value = input.value;
    if (rest && c.tRest === null) {
      const text = rest.textContent ?? '';
      if (text !== c.restBefore && text.includes(value)) {
        c.tRest = performance.now();
        finish(c);
      }
    }
    if (c.tUpdate !== null) return;
    for (const [i, code] of watched.entries()) {
      const text = code.textContent ?? '';
      if (text !== c.before[i] && text.includes(value)) {
        c.tUpdate = performance.now();
        c.snippet = nameOf(code);
        requestAnimationFrame(() => {
          performance.mark(`typing:frame:${c.n}`);
          c.tFrame = performance.now();
          c.frameIndex = c.frames;
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            c.tPainted = performance.now();
            finish(c);
          };
          channel.port2.postMessage(null);
        });
        return;
      }
    }
  };
  new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
  window.__typingBench = {
    arm() {
      state.n += 1;
      const c = { n: state.n, t0: null, keyMarkAt: null, tUpdate: null, tFrame: null, tPainted: null, tRest: null, snippet: null, frames: 0, frameIndex: null };
      c.before = watched.map((el) => el.textContent ?? '');
      c.restBefore = rest?.textContent ?? null;
      c.done = new Promise((resolve) => {
        c.resolve = resolve;
      });
      state.current = c;
    },
    async wait(timeoutMs) {
      const c = state.current;
      let timer;
      await Promise.race([
        c.done,
        new Promise((resolve) => {
          timer = setTimeout(resolve, timeoutMs);
        }),
      ]);
      clearTimeout(timer);
      const timedOut = c.tPainted === null;
      state.current = null;
      return {
        timedOut,
        n: c.n,
        value: input.value,
        t0: c.t0,
        t0Source: c.t0Source ?? null,
        keyMarkAt: c.keyMarkAt,
        update: c.tUpdate === null || c.t0 === null ? null : c.tUpdate - c.t0,
        frame: c.tFrame === null || c.t0 === null ? null : c.tFrame - c.t0,
        painted: c.tPainted === null || c.t0 === null ? null : c.tPainted - c.t0,
        rest: c.tRest === null || c.t0 === null ? null : c.tRest - c.t0,
        frameIndex: c.frameIndex,
        snippet: c.snippet,
      };
    },
    longTasksSince(t) {
      return {
        unsupported: Boolean(state.longTaskUnsupported),
        tasks: state.longTasks.filter((e) => e.start + e.duration >= t),
      };
    },
    now: () => performance.now(),
  };
  return { watched: watched.map(nameOf), watchedKind, rest: rest ? nameOf(rest) : null };
}

function traceEvents(traceBuffer) {
  try {
    const trace = JSON.parse(traceBuffer.toString('utf8'));
    return Array.isArray(trace) ? trace : trace.traceEvents ?? [];
  } catch {
    return null;
  }
}

function rendererMainThreads(events) {
  const mainThreads = new Set();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mainThreads.add(`${e.pid}:${e.tid}`);
  }
  return mainThreads;
}

const isTask = (e) => e.ph === 'X' && typeof e.dur === 'number' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask');

/** Longest task on a renderer main thread in a Chromium trace (ms), or null. */
export function longestTraceTask(traceBuffer) {
  const events = traceEvents(traceBuffer);
  if (!events) return null;
  const mainThreads = rendererMainThreads(events);
  let longest = null;
  for (const e of events) {
    if (!isTask(e) || !mainThreads.has(`${e.pid}:${e.tid}`)) continue;
    const ms = e.dur / 1000;
    if (longest === null || ms > longest) longest = ms;
  }
  return longest;
}

/**
 * Main-thread work of each keystroke, from a trace with the harness' marks
 * (`typing:key:<n>` in the task that handled the key, `typing:frame:<n>` in the frame
 * that showed the snippet): the summed length of the renderer main thread's top-level
 * tasks from the start of the key's task to the end of the frame's task, idle gaps
 * excluded, and the time from the key mark to the end of the frame's task (the frame is
 * painted then). Returns Map<n, { workMs, spanMs, keyMarkToPaintedMs }>; keystrokes
 * without both marks are left out.
 */
export function keystrokeWork(traceBuffer) {
  const out = new Map();
  const events = traceEvents(traceBuffer);
  if (!events) return out;
  const mainThreads = rendererMainThreads(events);
  const onMain = (e) => mainThreads.has(`${e.pid}:${e.tid}`);
  // Top-level tasks: a task nested in another (a nested run loop) is part of the outer one.
  const tasks = [];
  for (const e of events.filter((x) => isTask(x) && onMain(x)).sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    const last = tasks[tasks.length - 1];
    if (last && e.ts + e.dur <= last.end) continue;
    tasks.push({ start: e.ts, end: e.ts + e.dur });
  }
  const marks = new Map();
  for (const e of events) {
    const m = /^typing:(key|frame):(\d+)$/.exec(e.name ?? '');
    if (!m || !onMain(e)) continue;
    const n = Number(m[2]);
    const entry = marks.get(n) ?? {};
    entry[m[1]] = e.ts;
    marks.set(n, entry);
  }
  const taskAt = (ts) => tasks.find((t) => t.start <= ts && ts <= t.end) ?? null;
  for (const [n, { key, frame }] of marks) {
    if (key === undefined || frame === undefined || frame < key) continue;
    const first = taskAt(key);
    const last = taskAt(frame);
    if (!first || !last) continue;
    let busy = 0;
    for (const t of tasks) {
      if (t.end <= first.start || t.start >= last.end) continue;
      busy += Math.min(t.end, last.end) - Math.max(t.start, first.start);
    }
    out.set(n, { workMs: busy / 1000, spanMs: (last.end - first.start) / 1000, keyMarkToPaintedMs: (last.end - key) / 1000 });
  }
  return out;
}

export async function measureTyping(browser, origin, route, { keystrokes = 200, setup } = {}) {
  const { context, page } = await newPage(browser);
  try {
    if (setup) await setup(page);
    const net = trackNetwork(page, origin);
    const response = await page.goto(origin + route, { waitUntil: 'load', timeout: 30000 });
    if (!response || response.status() !== 200) throw new Error(`${route} answered HTTP ${response?.status()}`);
    await net.waitQuiet();
    await idleCallback(page);
    await net.waitQuiet();
    const input = page.locator(INPUT_SELECTOR).first();
    if ((await input.count()) === 0) {
      return { status: 'not-measured', reason: `no ${INPUT_SELECTOR} on the page` };
    }
    // Scrolling to the form and clearing it may hydrate islands or load code: let that finish.
    await input.scrollIntoViewIfNeeded();
    await input.click();
    await input.fill('');
    await net.waitQuiet();
    await idleCallback(page);
    await net.waitQuiet();
    await twoFrames(page);

    await input.focus();
    const harness = await page.evaluate(installHarness, { inputSelector: INPUT_SELECTOR });
    const startedAt = await page.evaluate(() => window.__typingBench.now());
    const browserHandle = page.context().browser();
    let traced = false;
    try {
      await browserHandle.startTracing(page, { categories: ['toplevel', 'blink.user_timing'] });
      traced = true;
    } catch {
      traced = false;
    }

    // A maxlength on the input would stop the value from changing: at the limit,
    // alternate Backspace and a letter so every keystroke still changes the snippet.
    const maxLength = await input.evaluate((el) => el.maxLength);
    const samples = [];
    let length = 0;
    let letters = 0;
    for (let i = 0; i < keystrokes; i++) {
      let key;
      if (maxLength > 0 && length >= maxLength) {
        key = 'Backspace';
        length -= 1;
      } else {
        key = KEYS[letters++ % KEYS.length];
        length += 1;
      }
      await page.evaluate(() => window.__typingBench.arm());
      await page.keyboard.press(key);
      samples.push(await page.evaluate((t) => window.__typingBench.wait(t), KEYSTROKE_TIMEOUT_MS));
    }

    let traceLongest = null;
    let work = new Map();
    if (traced) {
      const trace = await browserHandle.stopTracing();
      traceLongest = longestTraceTask(trace);
      work = keystrokeWork(trace);
    }
    const long = await page.evaluate((t) => window.__typingBench.longTasksSince(t), startedAt);
    const finalValue = await input.inputValue();

    const timedOut = samples.filter((s) => s.timedOut || s.painted === null).length;
    const completed = samples.filter((s) => !s.timedOut && s.painted !== null);
    if (completed.length === 0) {
      return {
        status: 'error',
        error: `the watched code (${harness.watched.join(', ') || 'none'}) never showed the typed value within ${KEYSTROKE_TIMEOUT_MS} ms of a keystroke`,
      };
    }
    // Painted time from the trace where it has the keystroke (see "Painted" above), else
    // from the in-page message. A keystroke that timed out counts as the timeout (a lower
    // bound of its latency).
    let fromTrace = 0;
    const paintedOf = (s) => {
      if (s.timedOut || s.painted === null) return KEYSTROKE_TIMEOUT_MS;
      const w = work.get(s.n);
      if (w && s.keyMarkAt !== null && s.t0 !== null) {
        const traced = w.keyMarkToPaintedMs + (s.keyMarkAt - s.t0);
        // The frame ends after its own animation callback ran; anything else is a broken trace.
        if (s.frame !== null && traced >= s.frame) {
          fromTrace += 1;
          return traced;
        }
      }
      return s.painted;
    };
    const painted = samples.map(paintedOf);
    const byMessage = completed.map((s) => s.painted);
    const restTimes = completed.map((s) => s.rest).filter((v) => v !== null && v !== undefined);
    const workMs = completed.map((s) => work.get(s.n)?.workMs).filter((v) => v !== undefined);
    const observerLongest = long.tasks.length ? max(long.tasks.map((t) => t.duration)) : 0;
    const longestTask = Math.max(observerLongest, traceLongest ?? 0);
    return {
      status: 'measured',
      keystrokes,
      // What the latency is about: the code in view while typing (see installHarness).
      watched: harness.watched,
      watchedKind: harness.watchedKind,
      snippetsSeen: [...new Set(completed.map((s) => s.snippet))],
      timedOut,
      finalValueLength: finalValue.length,
      maxLength: maxLength > 0 ? maxLength : null,
      paintedFrom: { trace: fromTrace, message: completed.length - fromTrace },
      latencyMs: {
        median: round(median(painted), 2),
        p95: round(percentile(painted, 95), 2),
        max: round(max(painted), 2),
        mean: round(mean(painted), 2),
        first: round(painted[0], 2),
      },
      // The same keystrokes timed by the in-page message alone (see "Painted" above).
      messageLatencyMs: { median: round(median(byMessage), 2), p95: round(percentile(byMessage, 95), 2) },
      // Main-thread work per keystroke (trace); null when Chromium gave no usable trace.
      workMs: workMs.length
        ? { median: round(median(workMs), 2), p95: round(percentile(workMs, 95), 2), max: round(max(workMs), 2), keystrokes: workMs.length }
        : null,
      // The rest of the page (the example DAG, out of view): key event to its text showing
      // the value; it may be updated after the frame that shows what is in view.
      rest: harness.rest
        ? {
            snippet: harness.rest,
            updatedMs: restTimes.length ? { median: round(median(restTimes), 2), p95: round(percentile(restTimes, 95), 2), max: round(max(restTimes), 2) } : null,
            missed: completed.length - restTimes.length,
          }
        : null,
      updateMs: { median: round(median(completed.map((s) => s.update)), 2), p95: round(percentile(completed.map((s) => s.update), 95), 2) },
      frameMs: { median: round(median(completed.map((s) => s.frame)), 2), p95: round(percentile(completed.map((s) => s.frame), 95), 2) },
      nextFrameShare: round(completed.filter((s) => s.frameIndex === 1).length / keystrokes, 3),
      framesToPaint: { median: median(completed.map((s) => s.frameIndex)), p95: percentile(completed.map((s) => s.frameIndex), 95) },
      keyTimestamp: [...new Set(samples.map((s) => s.t0Source))],
      longTasks: {
        observer: { unsupported: long.unsupported, count: long.tasks.length, longestMs: round(observerLongest, 1) },
        traceLongestMs: traceLongest === null ? null : round(traceLongest, 2),
      },
      longestTaskMs: round(longestTask, 2),
      samplesMs: painted.map((v) => round(v, 2)),
    };
  } finally {
    await context.close();
  }
}

/**
 * Several typing runs of one page as one result, the way Lighthouse's --runs does it:
 * every number is the median over the runs (per metric), except `timedOut`, the sum.
 * Lists and labels come from the run whose keystroke work p95 (else key-to-paint p95)
 * is the median; `runs` is their count and each run's headline numbers are under `perRun`. A run that did not
 * measure makes the whole result that run's (the page cannot be judged on the others).
 */
export function combineTypingRuns(results) {
  if (results.length === 0) throw new Error('no typing runs to combine');
  const unmeasured = results.find((r) => r?.status !== 'measured');
  if (unmeasured) return unmeasured;
  if (results.length === 1) return { ...results[0], runs: 1 };
  const judgedOn = (r) => r.workMs?.p95 ?? r.latencyMs.p95;
  const byJudged = [...results].sort((a, b) => judgedOn(a) - judgedOn(b));
  const representative = byJudged[Math.floor((byJudged.length - 1) / 2)];
  const merge = (shape, pick) => {
    if (typeof shape === 'number') {
      const values = results.map(pick).filter((v) => typeof v === 'number');
      return values.length === results.length ? round(median(values), 2) : shape;
    }
    if (shape === null || typeof shape !== 'object' || Array.isArray(shape)) return shape;
    return Object.fromEntries(Object.entries(shape).map(([k, v]) => [k, merge(v, (r) => pick(r)?.[k])]));
  };
  const { samplesMs, ...shape } = representative;
  return {
    ...merge(shape, (r) => r),
    timedOut: results.reduce((sum, r) => sum + r.timedOut, 0),
    runs: results.length,
    samplesMs,
    perRun: results.map((r) => ({
      latencyP95Ms: r.latencyMs.p95,
      workP95Ms: r.workMs?.p95 ?? null,
      longestTaskMs: r.longestTaskMs,
      timedOut: r.timedOut,
    })),
  };
}

/** `runs` typing runs of one page (fresh page each), combined by combineTypingRuns. */
export async function measureTypingRuns(browser, origin, route, { runs = 1, ...options } = {}) {
  const results = [];
  for (let i = 0; i < runs; i++) {
    const r = await measureTyping(browser, origin, route, options);
    results.push(r);
    if (r.status !== 'measured') break;
  }
  return combineTypingRuns(results);
}

export const FLOOR_ROUTE = '/__typing-floor/';
const FLOOR_PAGE = new URL('../fixtures/typing-floor.html', import.meta.url);

/**
 * The same measurement on a page that does nothing but copy the field into one
 * snippet (fixtures/typing-floor.html, served by Playwright at FLOOR_ROUTE): what the
 * browser, the display's frame rate and the harness cost on this machine before any
 * page work.
 */
export function measureTypingFloor(browser, origin, options = {}) {
  const html = readFileSync(FLOOR_PAGE, 'utf8');
  return measureTypingRuns(browser, origin, FLOOR_ROUTE, {
    ...options,
    setup: (page) => page.route(origin + FLOOR_ROUTE, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html })),
  });
}
