/**
 * The migration tool of a guide (markup: src/guide/MigrationTool.astro), started by start.ts
 * when the reader first focuses, types, pastes or ticks something in it. It plans the move with
 * the generator's `planMigration` (loaded here, with the yaml reader) from what is pasted, the
 * rows typed by hand (made here, when "Add variables or connections by hand" is ticked) and
 * the guide's current setup, and shows the table and the two scripts; it follows later edits
 * and the setup. What is pasted or typed is only ever in these controls and the page: the
 * setup, the URL, storage and the console never see it (the rows have no name and are in no
 * form, so no form code reads them).
 */
import { effect } from '@preact/signals-core';
import { isWritten, planMigration, type HandRow, type MigrationItem, type MigrationPlan } from '../../generators/migration.ts';
import type { ProviderId, SecretKind } from '../../generators/types.ts';
import { codeFigure } from '../../scripts/code-figure.ts';
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

function table(items: MigrationItem[]): HTMLTableElement {
  const t = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = T.caption;
  const head = document.createElement('tr');
  for (const c of T.columns) {
    const th = cell('th', c);
    th.setAttribute('scope', 'col');
    head.append(th);
  }
  const thead = document.createElement('thead');
  thead.append(head);
  const body = document.createElement('tbody');
  for (const item of items) body.append(tableRow(item));
  t.append(caption, thead, body);
  return t;
}

function migrationFigure(id: string, title: string, filename: string): HTMLElement {
  const figure = codeFigure({ title, filename, copy: T.copy, download: T.download });
  figure.dataset.migrationSnippet = id;
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
  // The figures are in the page only while there is something to show.
  const figures = [
    migrationFigure('migrate-secrets', T.scriptTitle, 'migrate-secrets.sh'),
    migrationFigure('migrate-check', T.checkTitle, 'include/check_migrated_secrets.py'),
  ];
  const setup = pageSetup();

  const show = (plan: MigrationPlan | null) => {
    const empty = !plan || (plan.items.length === 0 && plan.problems.length === 0);
    if (tableHost) {
      tableHost.hidden = !plan || plan.items.length === 0;
      tableHost.replaceChildren(...(plan && plan.items.length ? [table(plan.items)] : []));
    }
    for (const figure of figures) {
      const snippet = plan?.snippets.find((s) => s.id === figure.dataset.migrationSnippet);
      const code = figure.querySelector('pre code');
      if (empty || !snippet || plan.items.length === 0) {
        figure.remove();
        if (code) code.textContent = '';
      } else {
        if (code) code.textContent = snippet.code;
        if (!figure.isConnected) root.append(figure);
      }
    }
    if (!status) return;
    if (empty) status.textContent = T.empty;
    else {
      const skipped = plan.items.filter((i) => !isWritten(i)).length;
      const pasteProblems = plan.problems.map((p) => `${p.field === 'variables' ? 'Variables' : 'Connections'}: ${p.message}.`).join(' ');
      status.textContent = [plan.items.length ? T.summary(plan.items.length - skipped, skipped) : '', pasteProblems].filter(Boolean).join(' ');
    }
  };

  let queued = false;
  const update = () => {
    queued = false;
    const variables = inputs.variables?.value ?? '';
    const connections = inputs.connections?.value ?? '';
    const typed = hand?.read() ?? [];
    if (!variables.trim() && !connections.trim() && !typed.some((r) => r.key.trim() || r.value.trim())) return show(null);
    const state = setup.state.peek();
    const c = setup.spec ? resolveChoices(setup.spec.auth, {}, state) : { platform: state.platform, authMethod: state.authPref, airflowVersion: state.airflowVersion };
    show(planMigration(provider, generatorInput(state, c.platform, c.authMethod, c.airflowVersion), { variables, connections, rows: typed }));
  };
  // At most once a frame, however fast the reader types or pastes.
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
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
