/**
 * A code figure built in the browser, shaped like the ones rendered at build time (caption,
 * optional Download, Copy, `pre > code`), for tools that make their code on the page (the
 * migration tool, the config doctor). The page's copy script handles its Copy button, the
 * guide's download script its Download button; code.css draws both icons.
 */
export interface CodeFigureOptions {
  title: string;
  /** Shown in the caption; with `download`, the name the file is saved as. */
  filename?: string | undefined;
  copy: string;
  /** The Download button's visible text (no button without it). */
  download?: string | undefined;
}

function button(cls: string, label: string, text: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = cls;
  b.setAttribute('aria-label', label);
  const span = document.createElement('span');
  span.className = `${cls}-text`;
  span.setAttribute('aria-hidden', 'true');
  span.textContent = text;
  b.append(span);
  return b;
}

export function codeFigure(o: CodeFigureOptions): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'code-block';
  const caption = document.createElement('figcaption');
  caption.className = 'code-block__caption';
  const t = document.createElement('span');
  t.className = 'code-block__title';
  t.textContent = o.title;
  caption.append(t);
  if (o.filename) {
    const f = document.createElement('span');
    f.className = 'code-block__filename';
    f.textContent = o.filename;
    caption.append(f);
  }
  figure.append(caption);
  if (o.download && o.filename) figure.append(button('code-block__download', `${o.download} ${o.filename.slice(o.filename.lastIndexOf('/') + 1)}`, o.download));
  figure.append(button('code-block__copy', o.copy, o.copy));
  const pre = document.createElement('pre');
  pre.tabIndex = 0;
  pre.append(document.createElement('code'));
  figure.append(pre);
  return figure;
}
