/**
 * The Software UI takes each environment variable as a key and a value in two boxes. Under
 * the snippet that lists them (`Key:` / `Value:` / `Secret:` lines), one Copy button per key
 * and per value, each reading the snippet's current text when pressed: what is copied is
 * what the page shows, the value without the quotes a Dockerfile needs. Made when the
 * snippet first comes near the view (boot.ts).
 */
import { linkStylesheet } from '../../scripts/link-stylesheet.ts';
import laterStyles from '../later.css?url';
import { LATER_TEXTS } from '../later-texts.ts';

export interface KeyValue {
  key: string;
  value: string;
  secret: boolean;
}

/** The variables of a `Key:` / `Value:` / `Secret:` listing, in order. */
export function keyValuesOf(text: string): KeyValue[] {
  const out: KeyValue[] = [];
  for (const line of text.split('\n')) {
    const m = /^(Key|Value|Secret):[ \t]*(.*)$/.exec(line);
    if (!m) continue;
    const [, field, rest = ''] = m;
    if (field === 'Key') out.push({ key: rest, value: '', secret: false });
    const last = out[out.length - 1];
    if (!last) continue;
    if (field === 'Value') last.value = rest;
    if (field === 'Secret') last.secret = rest.trim() === 'yes';
  }
  return out;
}

/** The text of the snippet's rendering on show (its other renderings are hidden). */
function shownText(host: HTMLElement): string {
  return host.querySelector('figure:not([hidden]) pre code')?.textContent ?? '';
}

function copyButton(host: HTMLElement, index: number, part: 'key' | 'value', name: string): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'sf-button note-button';
  b.textContent = part === 'key' ? LATER_TEXTS.keyValues.copyKey : LATER_TEXTS.keyValues.copyValue;
  b.setAttribute('aria-label', LATER_TEXTS.keyValues.label(part, name));
  b.addEventListener('click', async () => {
    const pair = keyValuesOf(shownText(host))[index];
    if (!pair) return;
    let done: string = LATER_TEXTS.keyValues.copied(part, pair.key);
    try {
      await navigator.clipboard.writeText(part === 'key' ? pair.key : pair.value);
    } catch {
      done = LATER_TEXTS.keyValues.failed;
    }
    b.dataset.state = done === LATER_TEXTS.keyValues.failed ? 'failed' : 'copied';
    const region = document.getElementById('live-status');
    if (region) region.textContent = done;
  });
  return b;
}

export function addKeyValueCopies(host: HTMLElement): void {
  if (host.nextElementSibling?.hasAttribute('data-kv-copies')) return;
  const pairs = keyValuesOf(shownText(host));
  if (!pairs.length) return;
  const box = document.createElement('div');
  box.className = 'kv-copies';
  box.dataset.kvCopies = '';
  box.hidden = true;
  const label = document.createElement('p');
  label.id = `${host.dataset.liveSnippet ?? 'kv'}-copies-label`;
  label.textContent = LATER_TEXTS.keyValues.name;
  const list = document.createElement('ul');
  list.setAttribute('aria-labelledby', label.id);
  box.append(label, list);
  pairs.forEach((pair, i) => {
    const item = document.createElement('li');
    const key = document.createElement('code');
    key.textContent = pair.key;
    const actions = document.createElement('span');
    actions.className = 'kv-copies__actions';
    if (pair.secret) {
      const tag = document.createElement('span');
      tag.className = 'kv-copies__secret';
      tag.textContent = LATER_TEXTS.keyValues.markSecret;
      actions.append(tag);
    }
    actions.append(copyButton(host, i, 'key', pair.key), copyButton(host, i, 'value', pair.key));
    item.append(key, actions);
    list.append(item);
  });
  host.after(box);
  void linkStylesheet(laterStyles).then(() => {
    box.hidden = false;
  });
}
