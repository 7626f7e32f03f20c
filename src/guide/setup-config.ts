/** Build time: what a guide page tells the browser (see client/config.ts): the guide's spec and the islands' props. */
import { authMethods, formFields, platforms, providers, secretFields, lookupNames, type ProviderId } from '../generators/index.ts';
import { isFieldName } from '../generators/fields.ts';
import { PLATFORM_LABELS } from '../site.ts';
import type { AuthTable, PlatformId } from './client/choices.ts';
import type { FieldMeta, GuideSpec, SetupConfig } from './client/config.ts';

/** The form's choices, not value fields. */
const CHOICE_FIELDS = ['airflowVersion'];
const TEST_FIELDS = ['variableKey', 'variableValue', 'connectionId'];
export const CONNECTION_FIELDS = ['connType', 'connHost', 'connLogin', 'connPassword', 'connPort', 'connSchema', 'connExtra'];

export function setupConfig(provider: ProviderId): SetupConfig {
  const auth = {} as Record<PlatformId, readonly string[]>;
  const authLabels: Record<string, string> = {};
  const combos: string[] = [];
  for (const p of platforms) {
    const a = authMethods(provider, p);
    auth[p] = a.values;
    Object.assign(authLabels, a.labels);
    for (const m of a.values) combos.push(`${p}:${m}`);
  }
  const byName = new Map<string, FieldMeta>();
  const when = new Map<string, string[]>();
  for (const p of platforms) {
    for (const m of auth[p]) {
      for (const f of formFields(provider, p, m)) {
        if (CHOICE_FIELDS.includes(f.name)) continue;
        if (!isFieldName(f.name)) throw new Error(`${provider}: form field "${f.name}" is not in the field table`);
        when.set(f.name, [...(when.get(f.name) ?? []), `${p}:${m}`]);
        if (byName.has(f.name)) continue;
        const meta: FieldMeta = {
          name: f.name,
          label: f.label,
          help: f.help,
          hint: f.default ?? f.example ?? '',
          placeholder: f.placeholder,
          kind: f.kind,
          secret: f.secret,
          section: f.inlineOnly
            ? 'inline'
            : CONNECTION_FIELDS.includes(f.name)
            ? 'connection'
            : TEST_FIELDS.includes(f.name)
              ? 'test'
              : !f.prominent && (f.default !== undefined || f.placeholder === '')
                ? 'optional'
                : 'main',
        };
        if (f.default !== undefined) meta.default = f.default;
        if (f.helpMore) meta.helpMore = f.helpMore;
        if (f.helpOn) meta.helpOn = f.helpOn;
        if (f.options) meta.options = f.options;
        byName.set(f.name, meta);
      }
    }
  }
  const fields = [...byName.values()].map((f) => {
    const w = when.get(f.name) ?? [];
    return w.length === combos.length ? f : { ...f, when: w };
  });
  return {
    provider,
    providerName: providers[provider].name,
    auth: auth as AuthTable,
    authLabels,
    platformLabels: PLATFORM_LABELS,
    fields,
    lookup: lookupNames(provider, {}),
  };
}

/** The guide's setup for the page state and the pre-paint script (`<html data-guide>`). */
export function guideSpec(provider: ProviderId): GuideSpec {
  const { auth, fields } = setupConfig(provider);
  return {
    provider,
    auth,
    fields: fields.map((f) => f.name),
    defaults: Object.fromEntries(fields.flatMap((f) => (f.default === undefined ? [] : [[f.name, f.default]]))),
    // Every secret field name, not only this guide's: a link carrying any of them has it dropped.
    secrets: [...secretFields],
  };
}
