/**
 * Snippets every provider shares: connection URI/JSON, requirements, kwargs, .env,
 * Dockerfile, Astro CLI deploy, Remote Execution values.yaml + helm, Software env vars,
 * example DAG. Plus small shell helpers.
 */
import { buildConnectionUri, normalizeConnType } from './connection.ts';
import { type Ctx, m, value } from './context.ts';
import { dockerfileEnv } from './escape/dockerfile.ts';
import { dotenvLine } from './escape/dotenv.ts';
import { type JsonTree, toJson } from './escape/json.ts';
import { pyString } from './escape/python.ts';
import { shellQuote, shellWord } from './escape/shell.ts';
import { yamlString } from './escape/yaml.ts';
import { parseJsonObject } from './fields.ts';
import type { Identity, ProviderSpec } from './provider-spec.ts';
import { OPEN, extractSlots, layoutWidth, mark } from './slots.ts';
import type { Snippet, SnippetLang, SnippetUse } from './types.ts';

export function snippet(id: string, title: string, lang: SnippetLang, marked: string, filename?: string, use?: SnippetUse): Snippet {
  const { code, slots } = extractSlots(marked);
  return { id, title, lang, code, ...(filename ? { filename } : {}), ...(use ? { use } : {}), slots };
}

/**
 * Arguments from input that may start with `-`. A CLI reads such an argument as an option
 * (`--name -x` fails; `--endpoint-url=...` would even change where the command goes), so the
 * words a command is built from say where each value goes, and `arrange` decides once for every
 * command how it reaches the CLI:
 *  - a flag's value is always joined to it: `opt('--name', v)` gives `--name=<v>` (`-mount=<v>`
 *    for vault); aws, gcloud, az, helm, kubectl, eksctl, astro and vault all read that form, and
 *    the value is the flag's whatever it starts with;
 *  - a positional is `arg(v)`, listed after the options: when its first character comes from
 *    input, a `--` goes before it, which ends the options for every one of these CLIs;
 *  - any other word that starts with input is a mistake in the generator, and throws.
 * Whether a word starts with input is decided by its slot markers (`m()` marks placeholders and
 * defaults too), never by the characters typed, so a snippet's layout stays the same for any value.
 */
const POSITIONAL = '\uE00E';
const LITERAL_POSITIONAL = '\uE00F';

/** A flag (a literal such as `--name`) and its marked value as one word, `--flag=<value>`. */
export function opt(flag: string, marked: string): string {
  return flag + '=' + shellWord(marked);
}

/** A positional argument (marked): after `--` when its first character comes from input. */
export function arg(marked: string): string {
  return (marked[0] === OPEN ? POSITIONAL : LITERAL_POSITIONAL) + shellWord(marked);
}

/** A positional only the shell knows, such as `"$1"`: it may start with -, so it goes after `--`. */
export function expansion(word: string): string {
  return POSITIONAL + word;
}

/**
 * The words as the shell gets them: `--` before the first positional that may start with -, and
 * that word and the ones after it (positionals only: the call lists options first) as one word,
 * so a wrapped command keeps them on one line.
 */
function arrange(words: string[]): string[] {
  const first = words.findIndex((w) => w[0] === POSITIONAL);
  return (first < 0 ? words : [...words.slice(0, first), '-- ' + words.slice(first).join(' ')]).map((w) => {
    // A word that starts with input and is neither opt() nor arg(): a mistake in the generator.
    if (w[0] === OPEN) throw Error(w);
    return w.replace(/[\uE00E\uE00F]/g, '');
  });
}

/** A command on one line (no wrapping), arranged as `cmd` does: for lines inside scripts. */
export function commandLine(words: string[]): string {
  return arrange(words).join(' ');
}

/**
 * One shell command from already-quoted words; long commands continue over lines (how long
 * depends on the words and the number of values, not on the values themselves).
 * `stdin` (a marked value) is quoted and piped in with printf, which prints it exactly.
 */
export function cmd(input: string[], stdin?: string): string {
  const words = arrange(input);
  const line = words.join(' ');
  // The program and its subcommands stay on the first line; options and values continue.
  let head = 1;
  while (head < words.length && /^[a-z][a-z-]*$/.test(words[head])) head++;
  // Wrapped by its structure (each value counted at a fixed width), never by what was typed.
  const body = layoutWidth(line) <= 96 ? line : words.slice(0, head).join(' ') + words.slice(head).map((w) => ' \\\n    ' + w).join('');
  return stdin === undefined ? body : `printf '%s' ${shellWord(stdin)} | ${body}`;
}

/**
 * A command as a comment: one line (not wrapped), and every line of it starts with `# `, so a
 * value with a line break (a carriage return is one when pasted into a terminal) can never turn
 * the rest of the command into code. `stdin` as in `cmd`.
 */
export function commented(words: string[], stdin?: string): string {
  const line = (stdin === undefined ? '' : `printf '%s' ${shellWord(stdin)} | `) + commandLine(words);
  return '# ' + line.replace(/\r\n?|\n/g, '\n# ');
}

export { shellQuote, shellWord };

function connExtra(ctx: Ctx): Record<string, unknown> | string | null {
  const t = ctx.typed.connExtra;
  if (t === undefined) return null;
  return parseJsonObject(t) ?? t;
}

/** A typed connection field, or null when empty: every part but the type is optional, so none gets a placeholder. */
function connPart(ctx: Ctx, f: string): string | null {
  return ctx.typed[f] ?? null;
}

/**
 * The test connection as an Airflow URI; empty parts are left out (no placeholder is ever
 * stored). The URI is one slot: which separators it has depends on the values.
 */
export function connectionUri(ctx: Ctx): string {
  const uri = buildConnectionUri({
    connType: value(ctx, 'connType') || 'generic',
    host: connPart(ctx, 'connHost'),
    login: connPart(ctx, 'connLogin'),
    password: connPart(ctx, 'connPassword'),
    port: connPart(ctx, 'connPort'),
    schema: connPart(ctx, 'connSchema'),
    extra: connExtra(ctx),
  });
  return mark('connType', uri);
}

export function connectionJson(ctx: Ctx): Record<string, JsonTree> {
  const o: Record<string, JsonTree> = { conn_type: mark('connType', normalizeConnType(value(ctx, 'connType') || 'generic')) };
  for (const [k, f] of [
    ['host', 'connHost'],
    ['login', 'connLogin'],
    ['password', 'connPassword'],
  ] as const) {
    if (ctx.typed[f] !== undefined) o[k] = m(ctx, f);
  }
  const port = ctx.typed.connPort;
  // A number or a string: either way the whole JSON value (quotes included) is the slot.
  if (port !== undefined) o.port = { markedField: 'connPort', value: /^\d{1,5}$/.test(port) ? Number(port) : port };
  if (ctx.typed.connSchema !== undefined) o.schema = m(ctx, 'connSchema');
  const extra = connExtra(ctx);
  if (extra !== null) o.extra = { markedField: 'connExtra', value: extra as JsonTree };
  return o;
}

export function connectionSnippets(ctx: Ctx): Snippet[] {
  return [
    snippet('connection-uri', 'The test connection as an Airflow URI', 'text', connectionUri(ctx)),
    snippet('connection-json', 'The same connection in Airflow JSON form', 'json', toJson(connectionJson(ctx), { indent: 2 })),
  ];
}

/** The kwargs on one line, as every deployment target gets them (`dotenv`: see JsonOptions). */
export function kwargsLine(spec: ProviderSpec, ctx: Ctx, dotenv = false): string {
  return toJson(spec.kwargs(ctx), { escapeDollar: true, dotenv });
}

const KWARGS_NOTE =
  'One line of JSON (null/true, not None/True); every $ is written \\u0024 so no variable expansion can change it.';

export function requirementsSnippet(spec: ProviderSpec, ctx: Ctx): Snippet {
  const min = spec.minVersion?.(ctx);
  return snippet('requirements', 'Add this line to requirements.txt', 'text', spec.info.providerPackage + (min ? '>=' + min : '') + '\n', 'requirements.txt', 'add');
}

export function kwargsSnippet(spec: ProviderSpec, ctx: Ctx): Snippet {
  return snippet(
    'backend-kwargs',
    'Backend options, for reading only',
    'json',
    toJson(spec.kwargs(ctx), { indent: 2 }) + '\n',
    undefined,
    'read',
  );
}

/** The local `.env`; `deployedAuthMethod` names the deployed method when the local containers sign in another way. */
export function envFileSnippet(spec: ProviderSpec, ctx: Ctx, deployedAuthMethod = ctx.authMethod): Snippet {
  const lines = [
    '# Local development with the Astro CLI (`astro dev restart` loads this file).',
    '# The kwargs can hold credentials: keep .env out of Git.',
    ...(deployedAuthMethod === ctx.authMethod
      ? []
      : [`# Locally Airflow signs in with ${spec.authLabels[ctx.authMethod]}; the deployed Airflow keeps ${spec.authLabels[deployedAuthMethod]}.`]),
    ...(spec.localNotes?.(ctx) ?? []).map((l) => '# ' + l),
    dotenvLine('AIRFLOW__SECRETS__BACKEND', spec.info.backendClass),
    dotenvLine('AIRFLOW__SECRETS__BACKEND_KWARGS', kwargsLine(spec, ctx, true)),
  ];
  const local = spec.localEnv?.(ctx);
  if (local) lines.push(...local.notes.map((l) => '# ' + l), ...Object.entries(local.env).map(([k, v]) => dotenvLine(k, v)));
  return snippet('env-file', 'Configure the backend for local development', 'dotenv', lines.join('\n') + '\n', '.env');
}

export function dockerfileSnippet(spec: ProviderSpec, ctx: Ctx): Snippet {
  const lines = [
    '# For a local test only (these values end up in the image): before you deploy, set them',
    '# in the Software UI instead, with the kwargs marked secret, and remove these lines.',
    dockerfileEnv('AIRFLOW__SECRETS__BACKEND', spec.info.backendClass),
    dockerfileEnv('AIRFLOW__SECRETS__BACKEND_KWARGS', kwargsLine(spec, ctx)),
    ...(spec.softwareEnv?.(ctx) ?? []).map((e) => dockerfileEnv(e.name, e.value)),
  ];
  return snippet('dockerfile', 'Add these lines to your Dockerfile', 'dockerfile', lines.join('\n') + '\n', 'Dockerfile', 'add');
}

export function deployAstroSnippet(spec: ProviderSpec, ctx: Ctx): Snippet {
  const id = opt('--deployment-id', m(ctx, 'deploymentId'));
  const lines = [
    cmd(['astro', 'deployment', 'variable', 'create', id, 'AIRFLOW__SECRETS__BACKEND=' + shellWord(spec.info.backendClass)]),
    '# ' + KWARGS_NOTE,
    cmd(['astro', 'deployment', 'variable', 'create', id, '--secret', 'AIRFLOW__SECRETS__BACKEND_KWARGS=' + shellQuote(kwargsLine(spec, ctx))]),
    '# create skips a key that exists already (and still succeeds). To change the kwargs later:',
    commented(['astro', 'deployment', 'variable', 'update', id, '--secret', 'AIRFLOW__SECRETS__BACKEND_KWARGS=' + shellQuote(kwargsLine(spec, ctx))]),
    '# Deploy so that the Deployment installs the provider package from requirements.txt.',
    cmd(['astro', 'deploy', id]),
  ];
  return snippet('deploy-astro', 'Configure the Deployment and deploy', 'sh', lines.join('\n') + '\n');
}

function yamlMap(key: string, entries: Record<string, string> | undefined, indent = ''): string[] {
  if (!entries || Object.keys(entries).length === 0) return [];
  return [indent + key + ':', ...Object.entries(entries).map(([k, v]) => `${indent}  ${k}: ${yamlString(v)}`)];
}

/**
 * The Airflow services of the Astro CLI's local environment (its compose templates:
 * airflow/include/airflow{2,3}/composeyml.go.tmpl in astronomer/astro-cli). An override may
 * name only services that exist, or Compose fails on a service without an image.
 */
export function localAirflowServices(airflowVersion: '2' | '3'): string[] {
  return airflowVersion === '2' ? ['scheduler', 'webserver', 'triggerer'] : ['scheduler', 'dag-processor', 'api-server', 'triggerer'];
}

/** docker-compose.override.yml for the local containers, when the provider needs one. */
export function composeOverrideSnippet(spec: ProviderSpec, ctx: Ctx): Snippet | undefined {
  const local = spec.localContainers?.(ctx);
  if (!local) return undefined;
  const lines = [
    '# In the Astro project folder, next to .env: the Astro CLI merges this file into its local',
    '# containers (astro dev restart).' + (local.volumes?.length ? ' Compose replaces ${HOME} with your home folder.' : ''),
    ...local.notes.map((n) => '# ' + n),
    '# The first service names its settings (&local); the other Airflow services reuse them (*local).',
    'services:',
  ];
  const [first, ...others] = localAirflowServices(ctx.airflowVersion);
  lines.push(`  ${first}: &local`);
  if (local.volumes?.length) lines.push('    volumes:', ...local.volumes.map((v) => '      - ' + yamlString(v)));
  const env = Object.entries(local.environment ?? {});
  if (env.length) lines.push('    environment:', ...env.map(([k, v]) => `      ${k}: ` + yamlString(v)));
  if (local.extraHosts?.length) lines.push('    extra_hosts:', ...local.extraHosts.map((h) => '      - ' + yamlString(h)));
  lines.push(...others.map((service) => `  ${service}: *local`));
  return snippet('compose-override', 'What the local containers need from your computer', 'yaml', lines.join('\n') + '\n', 'docker-compose.override.yml');
}

export function valuesYamlSnippet(spec: ProviderSpec, ctx: Ctx): Snippet {
  const id: Identity = spec.identity?.(ctx) ?? {};
  const sa = yamlMap('annotations', id.annotations, '  ');
  const lines = [
    '# Merge into the values.yaml you install the agents with: add the entries to its commonEnv list.',
    '# (Not as a second -f file: Helm would replace the whole commonEnv list with these two.)',
    '# The provider package must be installed in the agent image.',
    'secretBackend: ' + yamlString(spec.info.backendClass),
    '# The same kwargs under two names: workers read the [workers] one if the chart sets their backend',
    '# in that section; otherwise they use [secrets] and the other is never read. Keep both equal.',
    'commonEnv:',
    ...['SECRETS__BACKEND_KWARGS', 'WORKERS__SECRETS_BACKEND_KWARGS'].flatMap((n) => [`  - name: AIRFLOW__${n}`, '    value: ' + yamlString(kwargsLine(spec, ctx))]),
    ...yamlMap('labels', id.labels),
    ...(sa.length ? ['# Identity annotations on the service accounts of the workers, DAG processor and triggerer.', 'serviceAccount:', ...sa] : []),
  ];
  return snippet('values-yaml', "Add these keys to the agents' values.yaml", 'yaml', lines.join('\n') + '\n', 'values.yaml', 'add');
}

export function helmSnippet(ctx: Ctx): Snippet {
  const ns = opt('--namespace', m(ctx, 'kubernetesNamespace'));
  const lines = [
    '# The agents\' release (NAME) and its chart version: the CHART column ends in it.',
    cmd(['helm', 'list', ns]),
    '# Keep that version, or Helm moves the agents to the newest chart in your local repo index.',
    '# values.yaml: the whole file you installed the agents with, the keys above merged in.',
    cmd(['helm', 'upgrade', ns, opt('--version', m(ctx, 'agentChartVersion')), '-f values.yaml', arg(m(ctx, 'helmRelease')), 'astronomer/astro-remote-execution-agent']),
  ];
  return snippet('helm-upgrade', 'Apply the values to the agents', 'sh', lines.join('\n') + '\n');
}

export function softwareEnvSnippet(spec: ProviderSpec, ctx: Ctx): Snippet {
  const extra = spec.softwareEnv?.(ctx) ?? [];
  const text = [
    'In the Software UI, open your Deployment > Variables and add:',
    '',
    'Key:    AIRFLOW__SECRETS__BACKEND',
    'Value:  ' + spec.info.backendClass,
    'Secret: no',
    '',
    'Key:    AIRFLOW__SECRETS__BACKEND_KWARGS',
    'Value:  ' + kwargsLine(spec, ctx),
    'Secret: yes',
    '',
    ...extra.flatMap((e) => ['Key:    ' + e.name, 'Value:  ' + e.value, 'Secret: ' + (e.secret ? 'yes' : 'no'), '']),
    `Then remove the ${['two', 'three', 'four', 'five'][extra.length] ?? 2 + extra.length} ENV lines from the Dockerfile and deploy.`,
  ];
  return snippet('software-env-vars', 'Environment variables for the Software UI', 'text', text.join('\n') + '\n');
}

export function exampleDagSnippet(ctx: Ctx): Snippet {
  const key = pyString(m(ctx, 'variableKey'));
  const conn = pyString(m(ctx, 'connectionId'));
  const v3 = ctx.airflowVersion === '3';
  const lines = v3
    ? ['from airflow.sdk import Connection, Variable, dag, task', '', '', '@dag(schedule=None, catchup=False, tags=["secrets-backend"])']
    : [
        'from datetime import datetime',
        '',
        'from airflow.decorators import dag, task',
        'from airflow.hooks.base import BaseHook',
        'from airflow.models import Variable',
        '',
        '',
        '# Airflow 2.4 or later (the schedule argument); on older versions write schedule_interval=None.',
        '@dag(schedule=None, start_date=datetime(2024, 1, 1), catchup=False, tags=["secrets-backend"])',
      ];
  lines.push(
    'def example_secrets_dag():',
    '    @task',
    '    def read_secrets():',
    `        value = Variable.get(${key}, ${v3 ? 'default' : 'default_var'}=None)`,
    '        if value is None:',
    '            raise ValueError("The variable was not found in the secrets backend")',
    '        # Print only the length: task logs are not the place for secret values.',
    '        print(f"Variable found ({len(value)} characters)")',
    v3 ? `        conn = Connection.get(${conn})` : `        conn = BaseHook.get_connection(${conn})`,
    '        print(f"Connection found: type {conn.conn_type}, host {conn.host}")',
    '',
    '    read_secrets()',
    '',
    '',
    'example_secrets_dag()',
  );
  return snippet('example-dag', `Example DAG (Airflow ${ctx.airflowVersion})`, 'python', lines.join('\n') + '\n', 'dags/example_secrets_dag.py');
}
