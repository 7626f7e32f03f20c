/**
 * The connection builder (Preact island): the test connection's type, host, login,
 * password, port, schema and extras, a view of the page's setup like the form (the
 * `connection-uri` and `connection-json` snippets next to it show the result), and a
 * "paste a URI" mode that parses an Airflow connection URI and fills the fields. The parts
 * most test connections leave empty (port, schema, extra) sit in a closed section, open
 * once one of them has a value.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SetupConfig } from './client/config.ts';
import { FIELD_ID_PREFIX } from './client/activation.ts';
import { MemoField, fieldDeps } from './Field.tsx';
import { TEXTS } from './texts.ts';
import { useSetup } from './use-setup.ts';

interface Props {
  config: SetupConfig;
}

/** The builder's fields shown only when their section is opened (or filled). */
const MORE_FIELDS: readonly string[] = ['connPort', 'connSchema', 'connExtra'];

export default function ConnectionBuilderIsland({ config }: Props) {
  const { setup, state, check, hydrated } = useSetup(config.fields.map((f) => f.name));
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  // The pasted URI is read from the input itself: text pasted before the island hydrated counts too.
  const uriInput = useRef<HTMLInputElement>(null);
  const [pasteResult, setPasteResult] = useState<{ ok: boolean; message: string } | null>(null);
  const fields = config.fields.filter((f) => f.section === 'connection');
  useEffect(() => {
    if (hydrated) setTouched(new Set(fields.map((f) => f.name).filter((n) => state.values[n])));
  }, [hydrated]);

  const fill = async () => {
    const text = (uriInput.current?.value ?? '').trim();
    if (!/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(text)) {
      setPasteResult({ ok: false, message: TEXTS.builder.notAUri });
      return;
    }
    try {
      const { parseConnectionUri } = await import('../generators/connection.ts');
      const c = parseConnectionUri(text);
      const extra = c.extra === null ? '' : typeof c.extra === 'string' ? c.extra : JSON.stringify(c.extra);
      setup?.setValues({
        connType: c.connType,
        connHost: c.host,
        connLogin: c.login ?? '',
        connPassword: c.password ?? '',
        connPort: c.port === null ? '' : String(c.port),
        connSchema: c.schema,
        connExtra: extra,
      });
      setTouched(new Set(fields.map((f) => f.name)));
      if (uriInput.current) uriInput.current.value = '';
      setPasteResult({ ok: true, message: TEXTS.builder.filled });
    } catch (e) {
      setPasteResult({ ok: false, message: TEXTS.builder.unreadable(e instanceof Error ? e.message : String(e)) });
    }
  };

  const field = (meta: (typeof fields)[number]) => {
    const value = state.values[meta.name] ?? '';
    const problem = touched.has(meta.name) ? check?.problems.find((p) => p.field === meta.name) : undefined;
    return (
      <MemoField
        key={meta.name}
        deps={fieldDeps(hydrated, value, problem)}
        meta={meta}
        idPrefix={FIELD_ID_PREFIX.builder}
        value={value}
        problem={problem}
        onBlur={() => setTouched((t) => (t.has(meta.name) ? t : new Set(t).add(meta.name)))}
      />
    );
  };
  const moreFilled = MORE_FIELDS.some((name) => state.values[name]);

  return (
    <form class="cb" data-connection-builder="" aria-label={TEXTS.builder.name} noValidate>
      <details class="cb-paste">
        <summary>{TEXTS.builder.paste}</summary>
        <div class="sf-field sf-field--wide">
          <label for="cb-uri">{TEXTS.builder.uriLabel}</label>
          <div class="sf-control">
            <input
              id="cb-uri"
              type="text"
              data-secret=""
              autocomplete="off"
              spellcheck={false}
              placeholder={TEXTS.builder.uriExample}
              aria-describedby="cb-uri-help cb-uri-msg"
              aria-invalid={pasteResult && !pasteResult.ok ? 'true' : undefined}
              ref={uriInput}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  void fill();
                }
              }}
            />
            <button type="button" class="sf-button" onClick={() => void fill()}>
              {TEXTS.builder.fill}
            </button>
          </div>
          <p class="sf-help" id="cb-uri-help">
            {TEXTS.builder.uriHelp}
          </p>
          <p class={`sf-msg${pasteResult ? (pasteResult.ok ? ' sf-msg--ok' : ' sf-msg--error') : ''}`} id="cb-uri-msg" role="status">
            {pasteResult?.message}
          </p>
        </div>
      </details>
      <fieldset class="sf-group">
        <legend>{TEXTS.builder.name}</legend>
        <div class="sf-fields">{fields.filter((f) => !MORE_FIELDS.includes(f.name)).map(field)}</div>
        <details class="sf-more" open={moreFilled || undefined}>
          <summary>{TEXTS.builder.more}</summary>
          <div class="sf-fields">{fields.filter((f) => MORE_FIELDS.includes(f.name)).map(field)}</div>
        </details>
      </fieldset>
    </form>
  );
}
