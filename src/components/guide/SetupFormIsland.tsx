/**
 * The "Your setup" form (Preact island, hydrated at load). Platform, auth method and
 * Airflow version are radio groups that are the same state as the page's tab groups; the
 * fields shown are those of the chosen platform and auth method (the others stay in the
 * DOM, hidden by the setup CSS rules, so nothing shifts when the choice changes). The form
 * never submits.
 */
import { useEffect, useState } from 'preact/hooks';
import { PLATFORM_IDS, allAuthMethods, effectiveAuth } from './client/choices.ts';
import type { FieldMeta, SetupConfig } from './client/config.ts';
import type { Problem } from './client/page-state.ts';
import { Message, MemoField, fieldDeps } from './Field.tsx';
import { usePage } from './use-page.ts';

interface Props {
  config: SetupConfig;
}

function list(items: string[]): string {
  return items.length < 2 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

export default function SetupFormIsland({ config }: Props) {
  const { state, derived, notices, page } = usePage(config);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [status, setStatus] = useState('');
  const effective = effectiveAuth(config.auth, state.platform, state.authPref);
  // A field's message shows once the reader has left it, or at once for a value that came
  // from a link or from memory, so typing is not interrupted by half-typed errors.
  const problemOf = (name: string): Problem | undefined =>
    touched.has(name) ? derived.problems.find((p) => p.field === name) : undefined;
  const touch = (name: string) => setTouched((t) => (t.has(name) ? t : new Set(t).add(name)));
  useEffect(() => {
    if (page) setTouched(new Set(Object.keys(page.state.get().values).filter((k) => page.state.get().values[k])));
  }, [page]);

  const field = (meta: FieldMeta) => {
    const lookup =
      meta.name === 'variableKey' ? derived.lookup.variable : meta.name === 'connectionId' ? derived.lookup.connection : undefined;
    const value = state.values[meta.name] ?? '';
    const problem = problemOf(meta.name);
    return (
      <MemoField
        key={meta.name}
        deps={fieldDeps(page !== null, value, problem, lookup)}
        meta={meta}
        idPrefix="sf"
        value={value}
        problem={problem}
        onValue={(v) => page?.setValue(meta.name, v)}
        onBlur={() => touch(meta.name)}
        extra={
          lookup !== undefined && (
            <p class="sf-lookup">
              Airflow will look up: <code data-lookup-form={meta.name}>{lookup}</code>
            </p>
          )
        }
      />
    );
  };
  const section = (name: FieldMeta['section']) => config.fields.filter((f) => f.section === name).map(field);
  const platformsOffering = (method: string) => PLATFORM_IDS.filter((p) => config.auth[p].includes(method));
  const combosOf = (platforms: readonly string[]) => platforms.flatMap((p) => config.auth[p as keyof typeof config.auth].map((a) => `${p}:${a}`));
  const choiceProblems = derived.problems.filter((p) => p.field === 'platform' || p.field === 'authMethod' || p.field === 'airflowVersion');
  const optional = config.fields.filter((f) => f.section === 'optional');
  const optionalFilled = optional.some((f) => state.values[f.name]);

  const copyLink = async () => {
    const secrets = config.secrets.filter((s) => state.values[s]).map((s) => config.fields.find((f) => f.name === s)?.label ?? s);
    let message: string;
    page?.flush();
    try {
      await navigator.clipboard.writeText(location.href);
      message = 'Link copied.';
    } catch {
      message = 'Copying failed: copy the address from the address bar.';
    }
    message += secrets.length
      ? ` Left out because they are secret: ${list(secrets)}. Your teammate enters their own.`
      : ' Secret fields are never included in links.';
    setStatus(message);
  };

  return (
    <form class="sf" data-setup-form="" aria-label="Your setup" noValidate onSubmit={(e) => e.preventDefault()}>
      <div class="sf-choices">
        <fieldset class="sf-radios">
          <legend>Platform</legend>
          {PLATFORM_IDS.map((p) => (
            <label key={p}>
              <input type="radio" name="platform" value={p} checked={state.platform === p} onChange={() => page?.setChoice('platform', p)} />{' '}
              {config.platformLabels[p]}
            </label>
          ))}
        </fieldset>
        <fieldset class="sf-radios">
          <legend>Authentication</legend>
          {allAuthMethods(config.auth).map((a) => (
            <label key={a} data-when={combosOf(platformsOffering(a)).join(' ')}>
              <input type="radio" name="authMethod" value={a} checked={effective === a} onChange={() => page?.setChoice('authMethod', a)} />{' '}
              {config.authLabels[a] ?? a}
            </label>
          ))}
        </fieldset>
        <fieldset class="sf-radios" data-when={combosOf(['astro', 'software']).join(' ')}>
          <legend>Airflow version</legend>
          {(['3', '2'] as const).map((v) => (
            <label key={v}>
              <input
                type="radio"
                name="airflowVersion"
                value={v}
                checked={state.airflowVersion === v}
                onChange={() => page?.setChoice('airflowVersion', v)}
              />{' '}
              Airflow {v}
            </label>
          ))}
        </fieldset>
      </div>
      {choiceProblems.map((p) => (
        <Message key={p.field} id={`sf-${p.field}-msg`} problem={p} />
      ))}
      <div class="sf-fields">{section('main')}</div>
      <fieldset class="sf-group">
        <legend>Test variable and connection</legend>
        <div class="sf-fields">{section('test')}</div>
        <p class="sf-help">The connection's details are in the connection builder in the step that stores it.</p>
      </fieldset>
      {optional.length > 0 && (
        <details class="sf-more" open={optionalFilled || undefined}>
          <summary>Names and paths (optional: the defaults work)</summary>
          <div class="sf-fields">{section('optional')}</div>
        </details>
      )}
      <div class="sf-actions">
        <button type="button" class="sf-button" data-copy-link="" onClick={copyLink}>
          Copy link to this setup
        </button>
        <button
          type="button"
          class="sf-button sf-button--quiet"
          data-clear-values=""
          onClick={() => {
            page?.clear();
            setTouched(new Set());
            setStatus('Your values were cleared and are no longer remembered in this browser.');
          }}
        >
          Clear my values
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
