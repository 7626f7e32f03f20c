/**
 * The migration tool of a guide (markup: src/guide/MigrationTool.astro), started by start.ts
 * when the reader first types or pastes in it. It plans the move with the generator's
 * `planMigration` (loaded here, with the yaml reader) from what is pasted and the guide's
 * current setup, and shows the table and the two scripts; it follows later edits of the
 * paste and of the setup. What is pasted is only ever in these text boxes and the page: the
 * setup, the URL and storage never see it.
 */
import { effect } from '@preact/signals-core';
import { isWritten, planMigration, type MigrationItem, type MigrationPlan } from '../../generators/migration.ts';
import type { ProviderId } from '../../generators/types.ts';
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
  for (const item of items) {
    const tr = document.createElement('tr');
    if (!isWritten(item)) tr.dataset.state = 'error';
    const name = cell('td', item.secretName || T.none);
    name.className = 'migrate__name';
    tr.append(
      cell('td', item.kind),
      cell('td', item.key),
      name,
      cell('td', T.format[item.format] ?? item.format),
      cell('td', item.problems.map((p) => (p.severity === 'error' ? 'Error: ' : 'Check: ') + p.message).join(' ') || T.none),
    );
    body.append(tr);
  }
  t.append(caption, thead, body);
  return t;
}

function migrationFigure(id: string, title: string, filename: string): HTMLElement {
  const figure = codeFigure({ title, filename, copy: T.copy, download: T.download });
  figure.dataset.migrationSnippet = id;
  return figure;
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
  const figures = [
    migrationFigure('migrate-secrets', T.scriptTitle, 'migrate-secrets.sh'),
    migrationFigure('migrate-check', T.checkTitle, 'include/check_migrated_secrets.py'),
  ];
  // The figures are in the page only while there is something to show.
  const setup = pageSetup();
  let queued = false;

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

  const update = () => {
    queued = false;
    const variables = inputs.variables?.value ?? '';
    const connections = inputs.connections?.value ?? '';
    if (!variables.trim() && !connections.trim()) return show(null);
    const state = setup.state.peek();
    const c = setup.spec ? resolveChoices(setup.spec.auth, {}, state) : { platform: state.platform, authMethod: state.authPref, airflowVersion: state.airflowVersion };
    show(planMigration(provider, generatorInput(state, c.platform, c.authMethod, c.airflowVersion), { variables, connections }));
  };
  // At most once a frame, however fast the reader types or pastes.
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  };
  root.addEventListener('input', schedule);
  // The names follow the setup (prefixes, mount, separator...).
  effect(() => {
    setup.state.value;
    schedule();
  });
}
