/**
 * One form field of the setup form or the connection builder: label, input (masked with a
 * show/hide toggle for secrets), help text, and the validation message of the generator.
 */
import { Component, type RefObject } from 'preact';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Problem } from '../generators/types.ts';
import { isWideField, type FieldMeta } from './client/config.ts';
import { isTrimmed } from './client/trim.ts';
import { MAX_VALUE_LENGTH } from './client/url-state.ts';
import { TEXTS } from './texts.ts';

/**
 * Keeps a control's live `value` or `checked` equal to the state. Hydration over the
 * server-rendered form does not set them (Preact leaves the DOM as it is), so a value that
 * came from a link or from memory is written here, right after hydration and on change.
 */
export function useDomProperty<T extends HTMLInputElement | HTMLTextAreaElement>(prop: 'value' | 'checked', want: string | boolean): RefObject<T> {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const el = ref.current as unknown as Record<string, string | boolean> | null;
    if (el && el[prop] !== want) el[prop] = want;
  }, [want]);
  return ref;
}

/** A radio button whose checked state follows `checked` (choosing one is read by setup.ts `followForms`). */
export function Radio({ name, value, checked }: { name: string; value: string; checked: boolean }) {
  const ref = useDomProperty<HTMLInputElement>('checked', checked);
  return <input ref={ref} type="radio" name={name} value={value} checked={checked} />;
}

/** Help text with `code` spans (backticks), as text nodes only. */
export function Help({ text }: { text: string }) {
  const parts = text.split('`');
  return <>{parts.map((p, i) => (i % 2 ? <code key={i}>{p}</code> : p))}</>;
}

export interface FieldProps {
  meta: FieldMeta;
  value: string;
  idPrefix: string;
  problem?: Problem | undefined;
  onBlur?: () => void;
  /** Extra line under the input, e.g. the name Airflow will look up. */
  extra?: preact.ComponentChildren;
}

/** What is typed is read by setup.ts `followForms`, hydrated or not; the field shows `value`. */
export function Field({ meta, value, idPrefix, problem, onBlur, extra }: FieldProps) {
  const [shown, setShown] = useState(false);
  const ref = useDomProperty<HTMLInputElement & HTMLTextAreaElement>('value', value);
  const id = `${idPrefix}-${meta.name}`;
  const helpId = `${id}-help`;
  const msgId = `${id}-msg`;
  const describedBy = [meta.help || meta.secret ? helpId : '', problem ? msgId : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: meta.name,
    value,
    placeholder: meta.hint || undefined,
    autocomplete: 'off',
    autocapitalize: 'off' as const,
    spellcheck: false,
    maxLength: MAX_VALUE_LENGTH,
    'aria-describedby': describedBy,
    'aria-invalid': problem?.severity === 'error' ? ('true' as const) : undefined,
    'data-secret': meta.secret ? '' : undefined,
    onBlur,
    ref,
  };
  if (meta.kind === 'radio' || meta.kind === 'select') {
    return (
      <fieldset class="sf-field sf-radios" data-when={meta.when?.join(' ')} aria-describedby={describedBy}>
        <legend>{meta.label}</legend>
        {(meta.options ?? []).map((o) => (
          <label key={o.value}>
            <Radio
              name={meta.name}
              value={o.value}
              checked={(value || meta.default) === o.value}
            />{' '}
            {o.label}
          </label>
        ))}
        {meta.help && (
          <p class="sf-help" id={helpId}>
            <Help text={meta.help} />
          </p>
        )}
        <MoreHelp meta={meta} />
        {problem && <Message id={msgId} problem={problem} />}
      </fieldset>
    );
  }
  const masked = meta.secret && !shown;
  return (
    <div class={`sf-field${isWideField(meta) ? ' sf-field--wide' : ''}`} data-when={meta.when?.join(' ')}>
      <label for={id}>
        {meta.label}
        {meta.secret && <span class="sf-secret-tag">{TEXTS.field.secretTag}</span>}
      </label>
      <div class="sf-control">
        {meta.kind === 'textarea' ? (
          <textarea {...common} rows={meta.secret ? 3 : 2} class={masked ? 'sf-masked' : undefined} />
        ) : (
          <input {...common} type={masked ? 'password' : 'text'} />
        )}
        {meta.secret && (
          <button type="button" class="sf-toggle" aria-controls={id} onClick={() => setShown(!shown)}>
            {shown ? TEXTS.field.hide : TEXTS.field.show}
            <span class="sr-only"> {meta.label}</span>
          </button>
        )}
      </div>
      {(meta.help || meta.secret) && (
        <p class="sf-help" id={helpId}>
          {/* A secret field without help of its own says where its value stays; the "(secret)" tag says it for the others. */}
          {meta.help ? <Help text={meta.help} /> : TEXTS.field.secretHelp}
        </p>
      )}
      <MoreHelp meta={meta} />
      {extra}
      {isTrimmed(meta.name, value) && (
        <p class="sf-help sf-trimmed" data-trimmed={meta.name}>
          {TEXTS.field.trimmed}
        </p>
      )}
      {problem && <Message id={msgId} problem={problem} />}
    </div>
  );
}

/**
 * The rest of a field's help: lines for one platform (shown while it is chosen, by the setup
 * CSS's `data-platforms` rule) and the detail behind a "More" disclosure.
 */
function MoreHelp({ meta }: { meta: FieldMeta }) {
  const on = Object.entries(meta.helpOn ?? {});
  return (
    <>
      {on.map(([platform, text]) => (
        <p key={platform} class="sf-help" data-platforms={platform}>
          <Help text={text} />
        </p>
      ))}
      {meta.helpMore && (
        <details class="sf-help-more">
          <summary>
            {TEXTS.field.more}
            <span class="sr-only">{TEXTS.field.moreAbout(meta.label)}</span>
          </summary>
          <p class="sf-help">
            <Help text={meta.helpMore} />
          </p>
        </details>
      )}
    </>
  );
}

export function Message({ id, problem }: { id: string; problem: Problem }) {
  return (
    <p class={`sf-msg sf-msg--${problem.severity}`} id={id}>
      <span class="sf-msg__kind">{problem.severity === 'error' ? TEXTS.field.error : TEXTS.field.check}</span>
      {problem.message}
    </p>
  );
}

/**
 * A field that re-renders only when `deps` changes (its value, message, extra text or
 * readiness), so a keystroke in one field does not re-render the others.
 */
export class MemoField extends Component<FieldProps & { deps: string }> {
  override shouldComponentUpdate(next: FieldProps & { deps: string }): boolean {
    return next.deps !== this.props.deps;
  }
  override render() {
    return <Field {...this.props} />;
  }
}

/** The `deps` of a MemoField. */
export function fieldDeps(ready: boolean, value: string, problem: Problem | undefined, extra = ''): string {
  return [ready ? '1' : '0', value, problem ? `${problem.severity}:${problem.message}` : '', extra].join('\u0000');
}
