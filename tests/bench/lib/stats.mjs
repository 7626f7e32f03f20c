// Small statistics helpers shared by the benchmark parts.

/** Sorted copy of the finite numbers in `values`. */
export function sorted(values) {
  return values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
}

/** Median (mean of the two middle values for an even count); null for no values. */
export function median(values) {
  const s = sorted(values);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * Nearest-rank percentile (p in 0..100): the smallest observed value such that at
 * least p % of the values are at or below it. Always a value that was measured.
 */
export function percentile(values, p) {
  const s = sorted(values);
  if (s.length === 0) return null;
  if (p <= 0) return s[0];
  const rank = Math.ceil((p / 100) * s.length);
  return s[Math.min(s.length, rank) - 1];
}

export function mean(values) {
  const s = sorted(values);
  if (s.length === 0) return null;
  return s.reduce((a, b) => a + b, 0) / s.length;
}

export function max(values) {
  const s = sorted(values);
  return s.length === 0 ? null : s[s.length - 1];
}

/** Round to `digits` decimals, keeping null as null. */
export function round(value, digits = 2) {
  if (value === null || value === undefined || !Number.isFinite(value)) return value ?? null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
