/** What the build tells the browser about a guide. */
import type { FieldName } from '../../generators/fields.ts';
import type { ProviderId } from '../../generators/types.ts';
import type { AuthTable, PlatformId } from './choices.ts';

/**
 * The guide's setup as the page state needs it: its provider, auth methods, value fields
 * (in form order, choices excluded), their defaults and which are secret. Written once into
 * the page (`<html data-guide>`), read by the pre-paint script and the page state.
 */
export interface GuideSpec {
  provider: ProviderId;
  auth: AuthTable;
  fields: readonly FieldName[];
  defaults: Readonly<Partial<Record<FieldName, string>>>;
  secrets: readonly string[];
}

export type FieldKind = 'text' | 'textarea' | 'select' | 'radio' | 'password';

export interface FieldMeta {
  name: FieldName;
  label: string;
  help: string;
  /** More help, behind a disclosure. */
  helpMore?: string;
  /** Help lines shown only while that platform is chosen. */
  helpOn?: Partial<Record<PlatformId, string>>;
  /** Placeholder shown in the empty input (the default, else an example). */
  hint: string;
  /** What snippets show while the field is empty, such as `<your-vault-url>` ('' when none). */
  placeholder: string;
  kind: FieldKind;
  secret: boolean;
  default?: string;
  options?: { value: string; label: string }[];
  /** `platform:authMethod` combinations where the field applies (absent: everywhere). */
  when?: string[];
  /** Where the field is: a section of the setup form, the connection builder, or only next to its step (`inline`). */
  section: 'main' | 'test' | 'optional' | 'connection' | 'inline';
}

/** The characters of an example a field half a row wide shows whole (about 330 px of code font). */
const HALF_ROW_CHARS = 36;

/** A field that takes a whole row of the form: a text area, or a field whose example (an ARN, an issuer URL) would be cut. */
export function isWideField(meta: Pick<FieldMeta, 'kind' | 'hint'>): boolean {
  return meta.kind === 'textarea' || meta.hint.length > HALF_ROW_CHARS;
}

/** What the islands render: the guide's fields with their labels and help (props). */
export interface SetupConfig {
  provider: ProviderId;
  providerName: string;
  auth: AuthTable;
  authLabels: Record<string, string>;
  platformLabels: Record<PlatformId, string>;
  fields: FieldMeta[];
  /** Secret names Airflow looks up for an empty setup. */
  lookup: { variable: string; connection: string };
}
