/** What the build tells the browser about a guide's form (props of the islands). */
import type { AuthTable, PlatformId } from './choices.ts';

export type FieldKind = 'text' | 'textarea' | 'select' | 'radio' | 'password';

export interface FieldMeta {
  name: string;
  label: string;
  help: string;
  /** Placeholder shown in the empty input (the default, else an example). */
  hint: string;
  kind: FieldKind;
  secret: boolean;
  default?: string;
  options?: { value: string; label: string }[];
  /** `platform:authMethod` combinations where the field applies (absent: everywhere). */
  when?: string[];
  section: 'main' | 'test' | 'optional' | 'connection';
}

export interface SetupConfig {
  provider: string;
  providerName: string;
  auth: AuthTable;
  authLabels: Record<string, string>;
  platformLabels: Record<PlatformId, string>;
  /** Every value field of the provider, in form order (choices excluded). */
  fields: FieldMeta[];
  secrets: string[];
  /** Secret names Airflow looks up for an empty setup. */
  lookup: { variable: string; connection: string };
}
