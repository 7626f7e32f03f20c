/**
 * The form's fields for one provider, platform and auth method, with their labels and
 * examples (field-labels.ts) but without help: what the build renders the form from and the
 * doctor reads, through index.ts. Not part of the browser bundles (provider-api.ts).
 */
import { fieldLabel } from './field-labels.ts';
import { FIELDS, fieldApplies, fieldDef, isFieldName, secretFields } from './fields.ts';
import type { ProviderSpec } from './provider-spec.ts';
import type { FormFieldWithoutHelp, Platform } from './types.ts';

export function fieldsOf(spec: ProviderSpec, platform: Platform, authMethod: string): FormFieldWithoutHelp[] {
  const id = spec.info.id;
  const out: FormFieldWithoutHelp[] = [];
  for (const name of Object.keys(FIELDS)) {
    const d = fieldDef(name, id);
    if (!d || !isFieldName(name) || !fieldApplies(name, id, platform, authMethod)) continue;
    const { label, example } = fieldLabel(name, id);
    const f: FormFieldWithoutHelp = { name, label, placeholder: d.placeholder, kind: d.kind, secret: secretFields.includes(name) };
    if (d.default !== undefined) f.default = d.default;
    if (example !== undefined) f.example = example;
    if (d.options) f.options = d.options.map((o) => ({ ...o }));
    if (d.prominent) f.prominent = true;
    if (d.inlineOnly) f.inlineOnly = true;
    out.push(f);
  }
  return out;
}
