/** `generate`: resolve the input, validate it, and assemble the snippets in guide order. */
import {
  connectionSnippets,
  deployAstroSnippet,
  dockerfileSnippet,
  composeOverrideSnippet,
  envFileSnippet,
  exampleDagSnippet,
  helmSnippet,
  kwargsSnippet,
  requirementsSnippet,
  snippet,
  softwareEnvSnippet,
  valuesYamlSnippet,
  connectionUri,
} from './common-snippets.ts';
import { type Ctx, m, readTyped } from './context.ts';
import { FIELDS, type FieldDef, type FieldName, PLATFORMS, fieldApplies } from './fields.ts';
import type { ProviderSpec, SecretNames } from './provider-spec.ts';
import { secretName } from './secret-name.ts';
import { plain } from './slots.ts';
import { PLATFORM_LABELS, airflowVersionOn, type GenerateResult, type Platform, type Problem, type RawInput, type Snippet } from './types.ts';

const KNOWN = [...Object.keys(FIELDS), 'platform', 'authMethod'];

export function resolve(spec: ProviderSpec, input: RawInput): Ctx {
  const problems: Problem[] = [];
  const typed = readTyped(input, KNOWN, problems);
  let platform: Platform = 'astro';
  if (typed.platform !== undefined) {
    if ((PLATFORMS as readonly string[]).includes(typed.platform)) platform = typed.platform as Platform;
    else problems.push({ field: 'platform', severity: 'error', message: 'Platform must be astro, remote-execution or software' });
  }
  const methods = spec.authMethods[platform];
  let authMethod = methods[0];
  if (typed.authMethod !== undefined) {
    if (methods.includes(typed.authMethod)) authMethod = typed.authMethod;
    else {
      problems.push({
        field: 'authMethod',
        severity: 'error',
        message: `${PLATFORM_LABELS[platform]} offers ${methods.map((a) => spec.authLabels[a]).join(' or ')} for ${spec.info.name}; showing ${spec.authLabels[authMethod]}.`,
      });
    }
  }
  const wanted = typed.airflowVersion === '2' ? '2' : '3';
  const airflowVersion = airflowVersionOn(platform, wanted);
  if (airflowVersion !== wanted) {
    problems.push({
      field: 'airflowVersion',
      severity: 'error',
      message: `${PLATFORM_LABELS[platform]} runs Airflow ${airflowVersion} only; the example DAG uses Airflow ${airflowVersion}.`,
    });
  }
  const ctx: Ctx = { provider: spec.info.id, platform, authMethod, airflowVersion, typed, problems };
  for (const name of Object.keys(FIELDS) as FieldName[]) {
    const v = typed[name];
    if (v === undefined || !fieldApplies(name, ctx.provider, platform, authMethod)) continue;
    const finding = (spec.checks?.[name] ?? (FIELDS[name] as FieldDef).check)?.(v, { provider: ctx.provider, platform, authMethod, values: typed });
    if (finding) problems.push({ field: name, ...finding });
  }
  return ctx;
}

export function names(spec: ProviderSpec, ctx: Ctx): SecretNames {
  const kw = spec.naming(ctx);
  return {
    variable: secretName(spec.info.id, kw, 'variable', m(ctx, 'variableKey')) ?? '',
    connection: secretName(spec.info.id, kw, 'connection', m(ctx, 'connectionId')) ?? '',
  };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = p.field + '\u0000' + p.message;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function problemsOf(spec: ProviderSpec, input: RawInput): { ctx: Ctx; names: SecretNames; problems: Problem[] } {
  const ctx = resolve(spec, input);
  const n = names(spec, ctx);
  spec.crossChecks?.(ctx, n);
  return { ctx, names: n, problems: dedupe(ctx.problems) };
}

export function generateWith(spec: ProviderSpec, input: RawInput): GenerateResult {
  const { ctx, names: n, problems } = problemsOf(spec, input);
  const snippets: Snippet[] = [
    ...spec.setup(ctx, n),
    ...connectionSnippets(ctx),
    snippet('write-variable', 'Store the test variable', 'sh', spec.write(ctx, 'variable', n, m(ctx, 'variableValue'))),
    snippet('write-connection', 'Store the test connection', 'sh', spec.write(ctx, 'connection', n, connectionUri(ctx))),
    snippet('verify-secrets', 'Read both back', 'sh', spec.verify(ctx, n)),
    ...(spec.afterWrite?.(ctx, n) ?? []),
    requirementsSnippet(spec, ctx),
    kwargsSnippet(spec, ctx),
  ];
  // Local development with the Astro CLI: the .env, then what the containers need from your computer.
  const local = () => {
    const localCtx: Ctx = { ...ctx, authMethod: spec.localAuthMethod?.(ctx) ?? ctx.authMethod };
    const override = composeOverrideSnippet(spec, localCtx);
    const env = envFileSnippet(spec, localCtx, ctx.authMethod);
    return override ? [env, override] : [env];
  };
  if (ctx.platform === 'astro') {
    snippets.push(...local(), exampleDagSnippet(ctx), deployAstroSnippet(spec, ctx));
  } else if (ctx.platform === 'remote-execution') {
    snippets.push(...local(), exampleDagSnippet(ctx), valuesYamlSnippet(spec, ctx), helmSnippet(ctx));
  } else {
    snippets.push(dockerfileSnippet(spec, ctx), exampleDagSnippet(ctx), softwareEnvSnippet(spec, ctx));
  }
  snippets.push(snippet('delete-secrets', 'Delete the test secrets', 'sh', spec.remove(ctx, n)));
  return { snippets, problems };
}

/** The problems and the plain lookup names of an input, from one resolve: what the form shows next to its fields. */
export function checkInput(spec: ProviderSpec, input: RawInput): { problems: Problem[]; lookup: SecretNames } {
  const { names: n, problems } = problemsOf(spec, input);
  return { problems, lookup: { variable: plain(n.variable), connection: plain(n.connection) } };
}

export function plainNames(spec: ProviderSpec, input: RawInput): SecretNames {
  const ctx = resolve(spec, input);
  const n = names(spec, ctx);
  return { variable: plain(n.variable), connection: plain(n.connection) };
}
