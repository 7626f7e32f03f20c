/**
 * The resolved input of one `generate` call: sanitized typed values, the chosen platform,
 * auth method and Airflow version, and helpers that give a field's text for a snippet
 * (typed value, else default, else the `<your-...>` placeholder), marked as a slot.
 */
import { type FieldName, fieldDef, listOf } from './fields.ts';
import { mark, sanitize } from './slots.ts';
import type { Platform, Problem, ProviderId, RawInput } from './types.ts';

export interface Ctx {
  provider: ProviderId;
  platform: Platform;
  authMethod: string;
  airflowVersion: '2' | '3';
  /** Typed, sanitized, non-empty values by field name. */
  typed: Record<string, string>;
  problems: Problem[];
}

/** Text of a form value, or undefined when it is not text-like (objects, NaN, ...). */
export function textOf(v: unknown): string | undefined {
  if (typeof v === 'string') return sanitize(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  return undefined;
}

/** Read every known field; report values that are not text. Unknown fields are ignored. */
export function readTyped(input: RawInput, known: readonly string[], problems: Problem[]): Record<string, string> {
  const typed: Record<string, string> = {};
  if (typeof input !== 'object' || input === null) return typed;
  for (const name of known) {
    if (!Object.prototype.hasOwnProperty.call(input, name)) continue;
    const raw = input[name];
    if (raw === undefined || raw === null) continue;
    const t = textOf(raw);
    if (t === undefined) {
      problems.push({ field: name, message: 'This value was ignored because it is not text or a number.', severity: 'warning' });
    } else if (t !== '') typed[name] = t;
  }
  return typed;
}

/** The value a snippet uses: typed, else the field default, else '' (placeholder). */
export function value(ctx: Ctx, name: FieldName): string {
  return ctx.typed[name] ?? fieldDef(name, ctx.provider)?.default ?? '';
}

export function placeholder(ctx: Ctx, name: FieldName): string {
  return fieldDef(name, ctx.provider)?.placeholder || `<your-${name}>`;
}

/** The field's text marked as its slot: value, default or placeholder. */
export function m(ctx: Ctx, name: FieldName): string {
  return mark(name, value(ctx, name) || placeholder(ctx, name));
}

/** True when the snippet shows the placeholder for this field. */
export function isPlaceholder(ctx: Ctx, name: FieldName): boolean {
  return value(ctx, name) === '';
}

/** A comma-separated field as its entries, each marked as the field's slot (as `m` when it has none). */
export function mList(ctx: Ctx, name: FieldName): string[] {
  const items = listOf(value(ctx, name));
  return items.length ? items.map((x) => mark(name, x)) : [m(ctx, name)];
}
