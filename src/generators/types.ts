/** Shared types of the snippet generator. Only erasable TypeScript syntax (no enums). */

/** The providers, in guide order: the one list of provider ids in the project. */
export const PROVIDER_IDS = ['hashicorp-vault', 'aws-parameter-store', 'aws-secrets-manager', 'gcp-secret-manager', 'azure-key-vault'] as const;
export type ProviderId = (typeof PROVIDER_IDS)[number];

/** The platforms, in tab order: the one list of platform ids in the project. */
export const PLATFORMS = ['astro', 'remote-execution', 'software'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What each platform is called in the interface (tabs, form, messages). */
export const PLATFORM_LABELS: Record<Platform, string> = {
  astro: 'Astro',
  'remote-execution': 'Remote Execution',
  software: 'Astronomer Software',
};

export type AirflowVersion = '2' | '3';

/**
 * The Airflow versions each platform runs, its default first: the one statement of "Remote
 * Execution runs Airflow 3 only". The generator, the setup's choices, the tabs (which hide
 * an Airflow 2 tab where it can't run) and the form (which offers the version only where
 * there is a choice) all read it.
 */
export const PLATFORM_AIRFLOW_VERSIONS: Record<Platform, readonly AirflowVersion[]> = {
  astro: ['3', '2'],
  'remote-execution': ['3'],
  software: ['3', '2'],
};

/** `wanted` where `platform` runs it, else the platform's default Airflow version. */
export function airflowVersionOn(platform: Platform, wanted: string | undefined): AirflowVersion {
  const runs = PLATFORM_AIRFLOW_VERSIONS[platform];
  return (runs as readonly string[]).includes(wanted ?? '') ? (wanted as AirflowVersion) : (runs[0] as AirflowVersion);
}

export type SnippetLang = 'sh' | 'hcl' | 'json' | 'yaml' | 'dotenv' | 'dockerfile' | 'python' | 'text';

/** A range of `code` (UTF-16 offsets, end exclusive) whose text comes from a form field. */
export interface Slot {
  field: string;
  start: number;
  end: number;
}

export interface Snippet {
  id: string;
  title: string;
  lang: SnippetLang;
  code: string;
  filename?: string;
  /**
   * How the reader uses it when not as a whole file: `add`, lines to add to `filename` (which
   * holds more: no Download); `read`, a view for reading only (no Copy, no Download).
   */
  use?: SnippetUse;
  slots: Slot[];
}

export type SnippetUse = 'add' | 'read';

export type Severity = 'error' | 'warning';

export interface Problem {
  field: string;
  message: string;
  severity: Severity;
}

export interface GenerateResult {
  snippets: Snippet[];
  problems: Problem[];
}

/** What a reader typed: strings, numbers, booleans, or anything else from a URL or a form. */
export type RawInput = Record<string, unknown>;

export type SecretKind = 'variable' | 'connection';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** Airflow connection fields (the shape of `buildConnectionUri` / `parseConnectionUri`). */
export interface ConnectionFields {
  connType?: string | null;
  host?: string | null;
  login?: string | null;
  password?: string | null;
  port?: number | string | null;
  schema?: string | null;
  /** An object, or (when parsing) the raw `__extra__` text if it is not a JSON object. */
  extra?: Record<string, unknown> | string | null;
}

export interface ParsedConnection {
  connType: string;
  host: string;
  login: string | null;
  password: string | null;
  port: number | null;
  schema: string;
  extra: Record<string, unknown> | string | null;
}

export interface ProviderInfo {
  id: ProviderId;
  name: string;
  backendClass: string;
  providerPackage: string;
  /** The kwargs Airflow uses when none are given (the provider's own defaults). */
  defaultKwargs: Record<string, JsonValue>;
}

export type InputKind = 'text' | 'textarea' | 'select' | 'radio' | 'password';

export interface FieldOption {
  value: string;
  label: string;
}

export interface FormField {
  name: string;
  label: string;
  /** Help under the field (at most two lines; see field-help.ts). */
  help: string;
  /** More help, behind a disclosure. */
  helpMore?: string;
  /** Help lines shown only while that platform is chosen. */
  helpOn?: Partial<Record<Platform, string>>;
  /** Shown in an empty input and used in snippets when the field is empty and has no default. */
  placeholder: string;
  /** Used in snippets when the field is empty. */
  default?: string;
  /** An example value, for the empty input box. */
  example?: string;
  kind: InputKind;
  options?: FieldOption[];
  secret: boolean;
  /** Optional, but shown with the fields every reader fills (see FieldDef). */
  prominent?: boolean;
  /** Asked only next to its step, not in the setup form (see FieldDef). */
  inlineOnly?: boolean;
}

/** A form field without its help text (what `formFieldsWithoutHelp` returns). */
export type FormFieldWithoutHelp = Omit<FormField, 'help' | 'helpMore' | 'helpOn'>;

export interface AuthMethodChoices {
  values: string[];
  labels: Record<string, string>;
  default: string;
}

/**
 * The text a snippet shows where a value is still to be filled: `<your-role-id>` for a field
 * left empty (context.ts `placeholder`), `<installed-chart-version>` for a value the reader
 * reads from their own system. The copy check, the form's checks and the doctor look for it.
 */
export const PLACEHOLDER_SOURCE = '<(?:your|installed)-[^<>\\s]*>';

/** Whether `text` holds a placeholder still to fill. */
export function hasPlaceholder(text: string): boolean {
  return new RegExp(PLACEHOLDER_SOURCE).test(text);
}

/** Every placeholder in `text`, in order. */
export function placeholdersIn(text: string): string[] {
  return text.match(new RegExp(PLACEHOLDER_SOURCE, 'g')) ?? [];
}
