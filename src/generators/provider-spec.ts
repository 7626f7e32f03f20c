/** What each provider module supplies to `generate`. */
import type { Ctx } from './context.ts';
import type { JsonTree } from './escape/json.ts';
import type { Check } from './fields.ts';
import type { Platform, ProviderInfo, SecretKind, Snippet } from './types.ts';

export interface SecretNames {
  variable: string;
  connection: string;
}

export interface Identity {
  /** Chart top-level `labels` (every object and pod). */
  labels?: Record<string, string>;
  /** Written under `serviceAccount.annotations` (every agent service account). */
  annotations?: Record<string, string>;
}

/** Additions to the Astro CLI's local Airflow containers (every Airflow service gets them). */
export interface LocalContainers {
  /** Comment lines above the services (without `# `). */
  notes: string[];
  /** Bind mounts, `<host path>:<container path>:ro`; `${HOME}` is expanded by Compose. */
  volumes?: string[];
  environment?: Record<string, string>;
  /** `host:address` entries, such as host.docker.internal:host-gateway. */
  extraHosts?: string[];
}

export interface ProviderSpec {
  info: ProviderInfo;
  /** Auth methods per platform; the first one is the platform's default. */
  authMethods: Record<Platform, readonly string[]>;
  authLabels: Record<string, string>;
  /**
   * This provider's rule for a field, used instead of the shared `FIELDS[name].check`: a
   * field's rule is in one place (compose with `firstOf` to keep the shared one).
   */
  checks?: Record<string, Check>;
  /** Backend kwargs as deployed (strings may carry slot markers). */
  kwargs(ctx: Ctx): Record<string, JsonTree>;
  /** Kwargs for naming: prefixes/paths marked, separators plain. */
  naming(ctx: Ctx): Record<string, unknown>;
  /** Snippets that come before the test secrets are written. */
  setup(ctx: Ctx, names: SecretNames): Snippet[];
  /** Shell code that stores one test secret (the value is marked). */
  write(ctx: Ctx, kind: SecretKind, names: SecretNames, value: string): string;
  verify(ctx: Ctx, names: SecretNames): string;
  /** Shell code that deletes both test secrets for good (the last snippet of a guide). */
  remove(ctx: Ctx, names: SecretNames): string;
  /** Snippets right after the secrets are written (e.g. per-secret access grants). */
  afterWrite?(ctx: Ctx, names: SecretNames): Snippet[];
  /** Remote Execution: labels/annotations for the agent pods and service accounts. */
  identity?(ctx: Ctx): Identity | undefined;
  /** Comment lines for the local `.env`. */
  localNotes?(ctx: Ctx): string[];
  /** More variables for the local `.env` only (credentials the local containers sign in with), with comment lines above them. */
  localEnv?(ctx: Ctx): { notes: string[]; env: Record<string, string> } | undefined;
  /** Variables the Software image and UI get next to the backend's two (values marked; `secret` ones marked Secret in the UI). */
  softwareEnv?(ctx: Ctx): { name: string; value: string; secret: boolean }[];
  /** What the local Airflow containers need from your computer (a docker-compose.override.yml), if anything. */
  localContainers?(ctx: Ctx): LocalContainers | undefined;
  /**
   * The auth method the local Astro CLI containers sign in with, when the deployed one cannot
   * work there (Vault Kubernetes auth needs a service-account token of the agent cluster): the
   * `.env` and the compose override are generated for it. Absent: the deployed method.
   */
  localAuthMethod?(ctx: Ctx): string;
  /** The lowest provider package version that knows every kwarg used (`requirements` pins it). */
  minVersion?(ctx: Ctx): string | undefined;
  /** Rules that involve more than one field: the lookup names (prefix, separator and key together), the role's account. */
  crossChecks?(ctx: Ctx, names: SecretNames): void;
}
