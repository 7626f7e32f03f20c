/**
 * Updates one pre-rendered snippet (`[data-live-snippet]`, see Snippet.astro) to a newly
 * generated version. Same shape as shown: only the text of changed slots is written. New
 * shape: the code is rebuilt from the snippet's pool of pre-highlighted lines (a line the
 * pool lacks becomes plain text). User text only ever goes in through `textContent`.
 */
import { type LineGroup, lineGroups } from './lines.ts';
import { type SlotRange, shapeKey, skeletonOf } from './skeleton.ts';

export interface GeneratedSnippet {
  code: string;
  slots: readonly SlotRange[];
  title: string;
  filename?: string | undefined;
}

export class LiveSnippet {
  readonly root: HTMLElement;
  readonly figure: HTMLElement;
  private readonly code: HTMLElement;
  private skeleton: string | null = null;
  private slotEls: HTMLElement[] = [];
  private texts: string[] = [];
  private pool: Map<string, Element> | undefined;
  private readonly titleEl: Element | null;
  private readonly fileEl: Element | null;
  private readonly downloadEl: Element | null;
  private title = '';
  private filename = '';

  constructor(root: HTMLElement) {
    this.root = root;
    const figure = root.querySelector<HTMLElement>(':scope > figure[data-default]');
    const code = figure?.querySelector<HTMLElement>('pre code');
    if (!figure || !code) throw new Error('live snippet without a default figure');
    this.figure = figure;
    this.code = code;
    this.titleEl = figure.querySelector('.code-block__title');
    this.fileEl = figure.querySelector('.code-block__filename');
    this.downloadEl = figure.querySelector('.code-block__download');
    this.title = this.titleEl?.textContent ?? '';
    this.filename = this.fileEl?.textContent ?? '';
  }

  /** Hides every other rendering: from now on this one figure shows the snippet. */
  takeOver(): void {
    for (const f of this.root.querySelectorAll<HTMLElement>(':scope > figure')) f.hidden = f !== this.figure;
  }

  /** Shows `s`, or hides the snippet when the setup does not have it (undefined). */
  show(s: GeneratedSnippet | undefined): void {
    this.root.hidden = !s;
    if (!s) return;
    const skeleton = skeletonOf(s.code, s.slots);
    if (this.skeleton === null && shapeKey(skeleton) === this.figure.dataset.shape) this.adopt();
    else if (skeleton !== this.skeleton) this.rebuild(s);
    this.skeleton = skeleton;
    this.fill(s);
    this.caption(s);
  }

  /** Starts from the figure as rendered at build time. */
  private adopt(): void {
    this.slotEls = Array.from(this.code.querySelectorAll<HTMLElement>('[data-slot]'));
    this.texts = this.slotEls.map((el) => el.textContent ?? '');
  }

  private poolMap(): Map<string, Element> {
    if (!this.pool) {
      this.pool = new Map();
      const template = this.root.querySelector<HTMLTemplateElement>(':scope > template[data-line-pool]');
      for (const line of template?.content.querySelectorAll('[data-line]') ?? []) {
        const key = line.getAttribute('data-line');
        if (key && !this.pool.has(key)) this.pool.set(key, line);
      }
    }
    return this.pool;
  }

  private rebuild(s: GeneratedSnippet): void {
    const pool = this.poolMap();
    const frag = document.createDocumentFragment();
    const slotEls: HTMLElement[] = [];
    const groups = lineGroups(s.code, s.slots);
    groups.forEach((g: LineGroup, i) => {
      if (i > 0) frag.append('\n');
      const pre = pool.get(g.key);
      if (pre) {
        const line = pre.cloneNode(true) as HTMLElement;
        slotEls.push(...Array.from(line.querySelectorAll<HTMLElement>('[data-slot]')));
        frag.append(line);
        return;
      }
      // Not pre-rendered (the build enumerates every layout, so only a stale page gets here):
      // plain text, each slot still its own element.
      const text = s.code.slice(g.start, g.end);
      let last = 0;
      for (const slot of g.slots) {
        frag.append(text.slice(last, slot.start));
        const el = document.createElement('span');
        el.dataset.slot = slot.field;
        slotEls.push(el);
        frag.append(el);
        last = slot.end;
      }
      frag.append(text.slice(last));
    });
    this.code.replaceChildren(frag);
    this.figure.dataset.lines = String(groups.length);
    this.slotEls = slotEls;
    this.texts = slotEls.map(() => '\u0000');
  }

  private fill(s: GeneratedSnippet): void {
    s.slots.forEach((slot, i) => {
      const text = s.code.slice(slot.start, slot.end);
      const el = this.slotEls[i];
      if (el && this.texts[i] !== text) {
        el.textContent = text;
        this.texts[i] = text;
      }
    });
  }

  private caption(s: GeneratedSnippet): void {
    if (this.titleEl && s.title !== this.title) this.titleEl.textContent = this.title = s.title;
    if (this.fileEl && s.filename && s.filename !== this.filename) {
      this.fileEl.textContent = this.filename = s.filename;
      this.downloadEl?.setAttribute('aria-label', `Download ${s.filename.slice(s.filename.lastIndexOf('/') + 1)}`);
    }
  }
}
