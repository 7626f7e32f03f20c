/**
 * The migration tool of a guide (markup: src/guide/MigrationTool.astro), started by start.ts
 * when the reader first focuses, types, pastes or ticks something in it. It plans the move with
 * the generator's `planMigration` (loaded here, with the yaml reader) from what is pasted, the
 * rows typed by hand (made here, when "Add variables or connections by hand" is ticked) and
 * the guide's current setup, and shows the table and the two scripts; it follows later edits
 * and the setup. What is pasted or typed is only ever in these controls and the page: the
 * setup, the URL, storage and the console never see it (the rows have no name and are in no
 * form, so no form code reads them).
 *
 * Typing stays quick with a thousand items: the plan runs when the page is idle, not in the
 * keystroke's frame, only when something it reads has changed, and, once a plan has taken more
 * than half a frame, only after the typing pauses; the table and the scripts are updated only
 * where they changed, and of thousands of items the page shows only the first ones (Copy and
 * Download give the whole scripts).
 */
import { effect } from '@preact/signals-core';
import { SHOWN_ITEMS, isWritten, planMigration, type HandRow, type MigrationItem, type MigrationPlan } from '../../generators/migration.ts';
import type { ProviderId, SecretKind } from '../../generators/types.ts';
import { codeFigure } from '../../scripts/code-figure.ts';
import type { CodeWithFullText } from '../../scripts/copy-text.ts';
import { linkStylesheet } from '../../scripts/link-stylesheet.ts';
import { MIGRATION_TEXTS } from '../migration-texts.ts';
import { resolveChoices } from './choices.ts';
import { generatorInput } from './derived.ts';
import { pageSetup } from './setup.ts';
// Linked when the tool starts (an imported stylesheet would be put into every guide).
import toolStyles from '../migration.css?url';

const T = MIGRATION_TEXTS;

function cell(tag: 'td' | 'th', text: string): HTMLElement {
  const el = document.createElement(tag);
  el.textContent = text;
  return el;
}

const problemsText = (item: MigrationItem) => item.problems.map((p) => (p.severity === 'error' ? 'Error: ' : 'Check: ') + p.message).join(' ');

function tableRow(item: MigrationItem): HTMLTableRowElement {
  const tr = document.createElement('tr');
  if (!isWritten(item)) tr.dataset.state = 'error';
  const name = cell('td', item.secretName || T.none);
  name.className = 'migrate__name';
  tr.append(cell('td', item.kind), cell('td', item.key || T.none), name, cell('td', T.format[item.format] ?? item.format), cell('td', problemsText(item) || T.none));
  return tr;
}

/** Rows in the table before it shows only some (a table of thousands takes a browser a quarter of a second to lay out). */
const TABLE_LIMIT = 200;

/**
 * The table of items, updated row by row: a row whose item did not change is left alone. Past
 * TABLE_LIMIT items it shows every item with a problem, then the first others, in their order,
 * with a line that says so and a button that shows them all.
 */
function itemsTable(host: HTMLElement) {
  let body: HTMLTableSectionElement | null = null;
  let shown: { sig: string; tr: HTMLTableRowElement }[] = [];
  let all = false;
  let latest: MigrationItem[] = [];
  const more = document.createElement('p');
  more.className = 'migrate__more';
  const moreText = document.createElement('span');
  const showAll = document.createElement('button');
  showAll.type = 'button';
  showAll.className = 'sf-button sf-button--quiet';
  showAll.dataset.migrationShowAll = '';
  showAll.addEventListener('click', () => {
    all = true;
    render(latest);
    body?.closest('table')?.querySelector('caption')?.focus();
  });
  more.append(moreText, ' ', showAll);
  const create = () => {
    const t = document.createElement('table');
    const caption = document.createElement('caption');
    caption.textContent = T.caption;
    caption.tabIndex = -1;
    const head = document.createElement('tr');
    for (const c of T.columns) {
      const th = cell('th', c);
      th.setAttribute('scope', 'col');
      head.append(th);
    }
    const thead = document.createElement('thead');
    thead.append(head);
    body = document.createElement('tbody');
    t.append(caption, thead, body);
    host.replaceChildren(t);
    return body;
  };
  const pick = (items: MigrationItem[]) => {
    if (all || items.length <= TABLE_LIMIT) return items;
    const withProblems = new Set(items.filter((i) => i.problems.length).slice(0, TABLE_LIMIT));
    let others = TABLE_LIMIT - withProblems.size;
    return items.filter((i) => (i.problems.length ? withProblems.has(i) : others-- > 0));
  };
  const render = (items: MigrationItem[]) => {
    latest = items;
    host.hidden = items.length === 0;
    if (!items.length) {
      host.replaceChildren();
      more.remove();
      body = null;
      shown = [];
      return;
    }
    const tbody = body ?? create();
    const rows = pick(items);
    rows.forEach((item, i) => {
      const sig = [item.kind, item.key, item.secretName, item.format, problemsText(item)].join('\u0000');
      const old = shown[i];
      if (old?.sig === sig) return;
      const tr = tableRow(item);
      if (old) old.tr.replaceWith(tr);
      else tbody.append(tr);
      shown[i] = { sig, tr };
    });
    for (const old of shown.splice(rows.length)) old.tr.remove();
    if (rows.length < items.length) {
      moreText.textContent = T.tableLimited(rows.length, items.length);
      showAll.textContent = T.showAll(items.length);
      if (!more.isConnected) host.after(more);
    } else more.remove();
  };
  return render;
}

function migrationFigure(id: string, title: string, filename: string): HTMLElement {
  const figure = codeFigure({ title, filename, copy: T.copy, download: T.download });
  figure.dataset.migrationSnippet = id;
  // Said above the code when the page shows it shortened (the script's own comment says how much is left out).
  const note = document.createElement('p');
  note.className = 'migrate__shortened';
  note.dataset.migrationShortened = '';
  note.textContent = T.shortened(SHOWN_ITEMS);
  note.hidden = true;
  figure.querySelector('pre')?.before(note);
  return figure;
}

let ids = 0;

/** One row typed by hand: kind, key, value and a Remove button, in a fieldset named by its number. */
function handRow(): HTMLFieldSetElement {
  const id = `migrate-row-${++ids}`;
  const row = document.createElement('fieldset');
  row.className = 'migrate__row';
  row.dataset.migrationRow = '';
  const legend = document.createElement('legend');
  legend.className = 'sr-only';
  const field = (label: string, control: HTMLElement, name: string) => {
    const wrap = document.createElement('div');
    wrap.className = 'migrate__cell';
    const l = document.createElement('label');
    l.textContent = label;
    control.id = l.htmlFor = `${id}-${name}`;
    control.dataset.migrationRowField = name;
    wrap.append(l, control);
    return wrap;
  };
  const kind = document.createElement('select');
  for (const k of ['variable', 'connection'] as const) kind.append(new Option(T.kinds[k], k));
  const key = document.createElement('input');
  key.type = 'text';
  const value = document.createElement('textarea');
  value.rows = 1;
  value.placeholder = T.valueExample.variable;
  for (const control of [key, value]) {
    // Typed secrets: not remembered, not spell-checked (some checkers send the text away), not corrected.
    control.autocomplete = 'off';
    control.spellcheck = false;
    control.setAttribute('autocapitalize', 'off');
    control.setAttribute('autocorrect', 'off');
  }
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'sf-button sf-button--quiet migrate__remove';
  remove.dataset.migrationRemove = '';
  remove.textContent = T.remove;
  row.append(legend, field(T.kind, kind, 'kind'), field(T.key, key, 'key'), field(T.value, value, 'value'), remove);
  return row;
}

/**
 * The rows typed by hand, under the "by hand" checkbox: shown while it is ticked (with one row
 * to start), each removable, numbered in their names. `read()` gives them to the planner.
 */
function handRows(toggle: HTMLInputElement, changed: () => void) {
  const box = document.createElement('div');
  box.className = 'migrate__rows';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', T.rows);
  box.dataset.migrationRows = '';
  const list = document.createElement('div');
  list.className = 'migrate__row-list';
  const add = document.createElement('button');
  add.type = 'button';
  add.className = 'sf-button';
  add.dataset.migrationAdd = '';
  add.textContent = T.addRow;
  box.append(list, add);
  (toggle.closest('label') ?? toggle).after(box);

  const rows = () => Array.from(list.children) as HTMLFieldSetElement[];
  const renumber = () =>
    rows().forEach((row, i) => {
      row.querySelector('legend')!.textContent = T.rowLegend(i + 1);
      row.querySelector('[data-migration-remove]')!.setAttribute('aria-label', T.removeLabel(i + 1));
    });
  const addRow = (focus: boolean) => {
    const row = handRow();
    list.append(row);
    renumber();
    if (focus) row.querySelector<HTMLElement>('[data-migration-row-field="key"]')?.focus();
  };
  const sync = () => {
    box.hidden = !toggle.checked;
    if (toggle.checked && rows().length === 0) addRow(false);
    changed();
  };
  add.addEventListener('click', () => {
    addRow(true);
    changed();
  });
  box.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('[data-migration-remove]') : null;
    const row = button?.closest<HTMLFieldSetElement>('[data-migration-row]');
    if (!row) return;
    // Focus goes to the row that takes its place, else the one before, else the Add button.
    const next = (row.nextElementSibling ?? row.previousElementSibling) as HTMLElement | null;
    row.remove();
    renumber();
    (next?.querySelector<HTMLElement>('[data-migration-row-field="kind"]') ?? add).focus();
    changed();
  });
  box.addEventListener('change', (event) => {
    // The value's example follows the kind.
    const select = event.target;
    if (!(select instanceof HTMLSelectElement)) return;
    const value = select.closest('[data-migration-row]')?.querySelector<HTMLTextAreaElement>('[data-migration-row-field="value"]');
    if (value) value.placeholder = T.valueExample[select.value as SecretKind];
  });
  toggle.addEventListener('change', sync);
  sync();
  return {
    read(): HandRow[] {
      if (!toggle.checked) return [];
      return rows().map((row) => {
        const get = (name: string) => row.querySelector<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(`[data-migration-row-field="${name}"]`)?.value ?? '';
        return { kind: get('kind') === 'connection' ? 'connection' : 'variable', key: get('key'), value: get('value') };
      });
    },
  };
}

/** After the next paint, when the page is idle (a frame and a task where there is no requestIdleCallback). */
const whenIdle = (run: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(run, { timeout: 100 }) : requestAnimationFrame(() => setTimeout(run, 0));

/** An update longer than this (ms, half a frame) waits for a pause in the typing: three times its length. */
const SLOW_PLAN_MS = 8;

export function startMigration(root: HTMLElement): void {
  // Started once (start.ts calls this on every focus and input in the tool).
  if (root.hasAttribute('data-migration-started')) return;
  root.setAttribute('data-migration-started', '');
  void linkStylesheet(toolStyles);
  const provider = root.dataset.provider as ProviderId;
  const inputs = {
    variables: root.querySelector<HTMLTextAreaElement>('[data-migration-input="variables"]'),
    connections: root.querySelector<HTMLTextAreaElement>('[data-migration-input="connections"]'),
  };
  const status = root.querySelector<HTMLElement>('[data-migration-status]');
  const tableHost = root.querySelector<HTMLElement>('[data-migration-table]');
  // The scripts go before the guide's text on what to do with them (MigrationTool.astro).
  const afterScripts = root.querySelector<HTMLElement>('[data-migration-after]');
  const showTable = tableHost ? itemsTable(tableHost) : () => undefined;
  // The figures are in the page only while there is something to show.
  const figures = [
    migrationFigure('migrate-secrets', T.scriptTitle, 'migrate-secrets.sh'),
    migrationFigure('migrate-check', T.checkTitle, 'include/check_migrated_secrets.py'),
  ];
  const shownCode = new Map<HTMLElement, string>();
  const setup = pageSetup();

  const show = (plan: MigrationPlan | null) => {
    const empty = !plan || (plan.items.length === 0 && plan.problems.length === 0);
    showTable(plan?.items ?? []);
    for (const figure of figures) {
      const snippet = plan?.snippets.find((s) => s.id === figure.dataset.migrationSnippet);
      const code = figure.querySelector<CodeWithFullText>('pre code');
      const none = empty || !snippet || plan.items.length === 0;
      // A long script is shown shortened (the page would take a tenth of a second to lay out
      // half a megabyte); Copy and Download give the whole one, kept on its <code>.
      const text = none ? '' : (snippet.shown ?? snippet.code);
      if (code && shownCode.get(figure) !== text) code.textContent = text;
      if (code) code.fullText = none ? undefined : snippet.code;
      const note = figure.querySelector<HTMLElement>('[data-migration-shortened]');
      if (note) note.hidden = none || snippet.shown === undefined;
      shownCode.set(figure, text);
      if (!text) figure.remove();
      else if (!figure.isConnected) {
        if (afterScripts) afterScripts.before(figure);
        else root.append(figure);
      }
    }
    if (!status) return;
    if (empty) status.textContent = T.empty;
    else {
      const skipped = plan.items.filter((i) => !isWritten(i)).length;
      const pasteProblems = plan.problems.map((p) => `${p.field === 'variables' ? 'Variables' : 'Connections'}: ${p.message}.`).join(' ');
      const text = [plan.items.length ? T.summary(plan.items.length - skipped, skipped) : '', pasteProblems].filter(Boolean).join(' ');
      if (status.textContent !== text) status.textContent = text;
    }
  };

  // What the last plan was made from: the same again is not planned again.
  let last: { variables: string; connections: string; rows: string; state: unknown } | null = null;
  let cost = 0;
  const update = () => {
    const variables = inputs.variables?.value ?? '';
    const connections = inputs.connections?.value ?? '';
    const typed = hand?.read() ?? [];
    const rows = JSON.stringify(typed);
    const state = setup.state.peek();
    if (last && last.variables === variables && last.connections === connections && last.rows === rows && last.state === state) return;
    last = { variables, connections, rows, state };
    // How many plans ran (a test hook, like <html data-setup-version>).
    root.dataset.migrationPlans = String(Number(root.dataset.migrationPlans ?? 0) + 1);
    const started = performance.now();
    if (!variables.trim() && !connections.trim() && !typed.some((r) => r.key.trim() || r.value.trim())) show(null);
    else {
      const c = setup.spec ? resolveChoices(setup.spec.auth, {}, state) : { platform: state.platform, authMethod: state.authPref, airflowVersion: state.airflowVersion };
      show(planMigration(provider, generatorInput(state, c.platform, c.authMethod, c.airflowVersion), { variables, connections, rows: typed }));
    }
    // The cost of an update: planning and the page's work, then the frame that shows it (its layout and paint).
    cost = performance.now() - started;
    requestAnimationFrame(() => setTimeout(() => (cost = performance.now() - started), 0));
  };

  // One plan at a time, never in the frame of a keystroke: after the paint, when idle; and
  // once plans take a while, only when the typing has paused for a few of them.
  let queued = false;
  let lastInput = 0;
  const quiet = () => (cost > SLOW_PLAN_MS ? Math.max(150, 3 * cost) : 0);
  const run = () => {
    const wait = lastInput + quiet() - performance.now();
    if (wait > 0) {
      setTimeout(() => whenIdle(run), wait);
      return;
    }
    queued = false;
    update();
  };
  const schedule = () => {
    lastInput = performance.now();
    if (queued) return;
    queued = true;
    whenIdle(run);
  };

  const toggle = root.querySelector<HTMLInputElement>('[data-migration-hand]');
  const hand = toggle ? handRows(toggle, schedule) : null;
  root.addEventListener('input', schedule);
  // The names follow the setup (prefixes, mount, separator...).
  effect(() => {
    setup.state.value;
    schedule();
  });
}
