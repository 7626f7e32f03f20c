/**
 * The config doctor in the browser (markup: Doctor.astro, which loads this on first use).
 * Diagnoses what is pasted with the doctor core on every change (at most once a frame), and
 * shows the findings, the corrected lines, the names Airflow looks up and the guide link.
 * What is pasted is only ever in the text box and this page: never in the URL, storage, a
 * request or the console.
 */
import { providers } from '../generators/index.ts';
import type { Platform, SecretKind } from '../generators/types.ts';
import { codeFigure } from '../scripts/code-figure.ts';
import { FORMAT_PLATFORM, lookupName, runDoctor, type DoctorReport } from './diagnose.ts';
import { detectFormat, type Finding, type InputFormat } from './read.ts';
import { DOCTOR_TEXTS as T } from './texts.ts';

/** Text with `code` spans: backticked parts become <code>, everything stays text (never HTML). */
function richText(el: HTMLElement, text: string): HTMLElement {
  text.split('`').forEach((part, i) => {
    if (!part) return;
    if (i % 2) {
      const code = document.createElement('code');
      code.textContent = part;
      el.append(code);
    } else el.append(part);
  });
  return el;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text;
  return e;
}

function findingItem(f: Finding): HTMLElement {
  const li = el('li', 'doctor__finding');
  li.dataset.severity = f.severity;
  li.dataset.finding = f.id;
  const title = el('p', 'doctor__finding-title');
  title.append(el('span', 'doctor__severity', T.severity[f.severity]));
  richText(title, f.title);
  li.append(title, richText(el('p'), f.detail));
  if (f.fix) {
    const fix = el('p', 'doctor__fix');
    fix.append(el('strong', undefined, T.fix), ' ', el('code', undefined, f.fix));
    li.append(fix);
  }
  return li;
}

function field(id: string, label: string, value: string): { wrap: HTMLElement; input: HTMLInputElement; output: HTMLElement } {
  const wrap = el('div', 'doctor__field');
  const l = el('label', undefined, label);
  l.htmlFor = id;
  const input = el('input');
  input.type = 'text';
  input.id = id;
  input.value = value;
  input.spellcheck = false;
  input.autocomplete = 'off';
  const output = el('p', 'doctor__lookup-output');
  output.id = `${id}-name`;
  output.setAttribute('aria-live', 'polite');
  input.setAttribute('aria-describedby', output.id);
  wrap.append(l, input, output);
  return { wrap, input, output };
}

export function startDoctor(root: HTMLElement): void {
  if (root.hasAttribute('data-doctor-started')) return;
  root.setAttribute('data-doctor-started', '');
  const input = root.querySelector<HTMLTextAreaElement>('[data-doctor-input]');
  const formatSelect = root.querySelector<HTMLSelectElement>('[data-doctor-format]');
  const platformSelect = root.querySelector<HTMLSelectElement>('[data-doctor-platform]');
  const status = root.querySelector<HTMLElement>('[data-doctor-status]');
  const results = root.querySelector<HTMLElement>('[data-doctor-results]');
  if (!input || !formatSelect || !platformSelect || !status || !results) return;

  // The results are made once and updated in place (the lookup fields keep focus and text).
  const findingsHeading = el('h2', undefined, T.findings);
  findingsHeading.id = 'doctor-findings';
  const findingsList = el('ul', 'doctor__findings');
  const correctedHeading = el('h2', undefined, T.corrected);
  correctedHeading.id = 'doctor-corrected';
  const correctedHelp = el('p', 'doctor__help', T.correctedHelp);
  const figure = codeFigure({ title: T.correctedTitle, copy: T.copy });
  figure.dataset.doctorCorrected = '';
  const correctedCode = figure.querySelector('code') as HTMLElement;
  const caption = figure.querySelector('.code-block__caption') as HTMLElement;
  const lookupsHeading = el('h2', undefined, T.lookups);
  lookupsHeading.id = 'doctor-lookups';
  const lookupsHelp = el('p', 'doctor__help', T.lookupsHelp);
  const lookups = el('fieldset', 'doctor__lookups');
  const legend = el('legend', 'sr-only', T.lookups);
  const variable = field('doctor-variable-key', T.variableKey, 'my_var');
  const connection = field('doctor-connection-id', T.connectionId, 'my_db');
  lookups.append(legend, variable.wrap, connection.wrap);
  const guide = el('a', 'doctor__guide');
  guide.dataset.doctorGuide = '';
  const guideNote = el('p', 'doctor__help', T.guideNote);
  const correctedPart = [correctedHeading, correctedHelp, figure];
  const lookupPart = [lookupsHeading, lookupsHelp, lookups, guide, guideNote];
  results.append(findingsHeading, findingsList, ...correctedPart, ...lookupPart);

  let report: DoctorReport | null = null;
  const showLookups = () => {
    const show = (f: typeof variable, kind: SecretKind, label: string) => {
      f.output.replaceChildren();
      if (!report?.provider) return;
      const name = lookupName(report, kind, f.input.value);
      f.output.append(`${label}: `);
      if (name === null) f.output.append(T.notLookedUp);
      else f.output.append(el('code', 'doctor__lookup-name', name));
    };
    show(variable, 'variable', T.lookupVariable);
    show(connection, 'connection', T.lookupConnection);
  };

  let queued = false;
  const update = () => {
    queued = false;
    const text = input.value;
    const detected = detectFormat(text);
    formatSelect.options[0].textContent = T.detect(text.trim() ? T.formats[detected] : '');
    const format = (formatSelect.value || detected) as InputFormat;
    platformSelect.options[0].textContent = T.platformGuess(T.platforms[FORMAT_PLATFORM[format]]);
    if (!text.trim()) {
      report = null;
      results.hidden = true;
      status.textContent = T.empty;
      return;
    }
    report = runDoctor(text, { format, ...(platformSelect.value ? { platform: platformSelect.value as Platform } : {}) });
    const errors = report.findings.filter((f) => f.severity === 'error').length;
    const warnings = report.findings.filter((f) => f.severity === 'warning').length;
    const provider = report.provider ? providers[report.provider].name : '';
    status.textContent = `${T.read(report.settings.length, provider)} ${T.summary(errors, warnings)}`;
    findingsList.replaceChildren(...report.findings.map(findingItem));
    findingsHeading.hidden = report.findings.length === 0;
    const corrected = report.corrected;
    for (const e of correctedPart) e.hidden = !corrected;
    if (corrected) {
      correctedCode.textContent = corrected.code;
      caption.querySelector('.code-block__filename')?.remove();
      if (corrected.filename) caption.append(el('span', 'code-block__filename', corrected.filename));
      figure.dataset.lang = corrected.lang;
    }
    for (const e of lookupPart) e.hidden = !report.provider;
    if (report.provider && report.guideLink) {
      guide.href = report.guideLink;
      guide.textContent = T.guide(providers[report.provider].name);
    }
    showLookups();
    results.hidden = false;
  };
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(update);
  };
  input.addEventListener('input', schedule);
  formatSelect.addEventListener('change', schedule);
  platformSelect.addEventListener('change', schedule);
  variable.input.addEventListener('input', showLookups);
  connection.input.addEventListener('input', showLookups);
  schedule();
}
