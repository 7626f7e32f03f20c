/**
 * The "Your setup" form (Preact island, hydrated when the page needs it: client/activation.ts): a view of the page's setup.
 * Platform, auth method and Airflow version are radio groups showing the same choices as
 * the page's tab groups; the fields shown are those of the chosen platform and auth method
 * (the others stay in the DOM, hidden by the setup CSS rules, so nothing shifts when the
 * choice changes). The form never submits.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Problem } from '../generators/types.ts';
import { AIRFLOW_VERSIONS, PLATFORM_IDS, allAuthMethods, effectiveAuth } from './client/choices.ts';
import type { FieldMeta, SetupConfig } from './client/config.ts';
import { FIELD_ID_PREFIX, fieldInputId } from './client/activation.ts';
import { MAX_VALUE_LENGTH } from './client/url-state.ts';
import { Message, MemoField, Radio, fieldDeps } from './Field.tsx';
import { TEXTS } from './texts.ts';
import { useSetup } from './use-setup.ts';

interface Props {
  config: SetupConfig;
}

export default function SetupFormIsland({ config }: Props) {
  const { setup, state, check, hydrated } = useSetup(config.fields.map((f) => f.name));
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [status, setStatus] = useState('');
  const labelOf = (name: string) => config.fields.find((f) => f.name === name)?.label ?? name;
  const effective = effectiveAuth(config.auth, state.platform, state.authPref);
  const lookup = check?.lookup ?? config.lookup;
  const problems = check?.problems ?? [];
  // A field's message shows once the reader has left it, or at once for a value that came
  // from a link or from memory, so typing is not interrupted by half-typed errors.
  const problemOf = (name: string): Problem | undefined => (touched.has(name) ? problems.find((p) => p.field === name) : undefined);
  const touch = (name: string) => setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
  useEffect(() => {
    if (hydrated) setTouched(new Set(Object.keys(state.values).filter((k) => state.values[k])));
  }, [hydrated]);

  const field = (meta: FieldMeta) => {
    const shownLookup = meta.name === 'variableKey' ? lookup.variable : meta.name === 'connectionId' ? lookup.connection : undefined;
    const value = state.values[meta.name] ?? '';
    const problem = problemOf(meta.name);
    return (
      <MemoField
        key={meta.name}
        deps={fieldDeps(hydrated, value, problem, shownLookup)}
        meta={meta}
        idPrefix={FIELD_ID_PREFIX.setup}
        value={value}
        problem={problem}
        onBlur={() => touch(meta.name)}
        extra={
          shownLookup !== undefined && (
            <p class="sf-lookup">
              {TEXTS.form.lookup} <code data-lookup-form={meta.name}>{shownLookup}</code>
            </p>
          )
        }
      />
    );
  };
  const section = (name: FieldMeta['section']) => config.fields.filter((f) => f.section === name).map(field);
  const platformsOffering = (method: string) => PLATFORM_IDS.filter((p) => config.auth[p].includes(method));
  const combosOf = (platforms: readonly string[]) => platforms.flatMap((p) => config.auth[p as keyof typeof config.auth].map((a) => `${p}:${a}`));
  const choiceProblems = problems.filter((p) => p.field === 'platform' || p.field === 'authMethod' || p.field === 'airflowVersion');
  const optional = config.fields.filter((f) => f.section === 'optional');
  const optionalFilled = optional.some((f) => state.values[f.name]);

  const link = setup?.link;
  const notices = hydrated && link
    ? [
        ...(link.droppedSecrets.length ? [TEXTS.link.droppedSecrets(link.droppedSecrets.map(labelOf))] : []),
        ...(link.cut.length ? [TEXTS.link.cut(link.cut.map(labelOf), MAX_VALUE_LENGTH)] : []),
        ...link.invalid.map((bad) => TEXTS.link.invalid(bad.param, bad.value)),
        ...(link.unofferedAuth
          ? [
              TEXTS.link.unofferedAuth(
                config.platformLabels[state.platform],
                config.auth[state.platform].map((a) => config.authLabels[a] ?? a),
                config.providerName,
                config.authLabels[effective] ?? effective,
              ),
            ]
          : []),
      ]
    : [];

  const copyLink = async () => {
    const secrets = (setup?.schema.secrets ?? []).filter((s) => state.values[s]).map(labelOf);
    let message: string;
    setup?.flush();
    try {
      await navigator.clipboard.writeText(location.href);
      message = TEXTS.form.linkCopied;
    } catch {
      message = TEXTS.form.linkCopyFailed;
    }
    setStatus(message + (secrets.length ? TEXTS.form.secretsLeftOut(secrets) : TEXTS.form.noSecretsInLinks));
  };

  return (
    <form class="sf" data-setup-form="" aria-label={TEXTS.form.name} noValidate>
      <div class="sf-choices">
        <fieldset class="sf-radios">
          <legend>{TEXTS.form.platform}</legend>
          {PLATFORM_IDS.map((p) => (
            <label key={p}>
              <Radio name="platform" value={p} checked={state.platform === p} /> {config.platformLabels[p]}
            </label>
          ))}
        </fieldset>
        <fieldset class="sf-radios">
          <legend>{TEXTS.form.auth}</legend>
          {allAuthMethods(config.auth).map((a) => (
            <label key={a} data-when={combosOf(platformsOffering(a)).join(' ')}>
              <Radio name="authMethod" value={a} checked={effective === a} /> {config.authLabels[a] ?? a}
            </label>
          ))}
        </fieldset>
        <fieldset class="sf-radios" data-when={combosOf(['astro', 'software']).join(' ')}>
          <legend>{TEXTS.form.airflowVersion}</legend>
          {AIRFLOW_VERSIONS.map((v) => (
            <label key={v}>
              <Radio name="airflowVersion" value={v} checked={state.airflowVersion === v} />{' '}
              {TEXTS.form.airflow(v)}
            </label>
          ))}
        </fieldset>
      </div>
      {choiceProblems.map((p) => (
        <Message key={p.field} id={`${fieldInputId('setup', p.field)}-msg`} problem={p} />
      ))}
      <div class="sf-fields">{section('main')}</div>
      <fieldset class="sf-group">
        <legend>{TEXTS.form.testGroup}</legend>
        <div class="sf-fields">{section('test')}</div>
        <p class="sf-help">{TEXTS.form.testHelp}</p>
      </fieldset>
      {optional.length > 0 && (
        <details class="sf-more" open={optionalFilled || undefined}>
          <summary>{TEXTS.form.optional}</summary>
          <div class="sf-fields">{section('optional')}</div>
        </details>
      )}
      <div class="sf-actions">
        <button type="button" class="sf-button" data-copy-link="" onClick={copyLink}>
          {TEXTS.form.copyLink}
        </button>
        <button
          type="button"
          class="sf-button sf-button--quiet"
          data-clear-values=""
          onClick={() => {
            setup?.clear();
            setTouched(new Set());
            setStatus(TEXTS.form.cleared);
          }}
        >
          {TEXTS.form.clear}
        </button>
      </div>
      <p class="sf-status" role="status">
        {status}
      </p>
      {notices.length > 0 && (
        <div class="sf-notices" role="alert">
          {notices.map((n, i) => (
            <p key={i}>{n}</p>
          ))}
        </div>
      )}
    </form>
  );
}
