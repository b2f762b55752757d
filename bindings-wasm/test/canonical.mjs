// JSON helpers for the differential runner (test/differential.mjs): key order
// and the clock, as the Rust reference sees them. No Node or browser APIs here.

/** Keys sorted recursively, so deep equality ignores key order (as serde_json's Value does). */
export function canonical(value) {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === "object") {
    const out = {};
    for (const key of Object.keys(value).sort(byCodePoint)) out[key] = canonical(value[key]);
    return out;
  }
  return value;
}

/** Code point order (= UTF-8 byte order, what Rust and Python sort by). */
export function byCodePoint(a, b) {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = x[i].codePointAt(0) - y[i].codePointAt(0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * The vector's options with the clock off: a vector without `timestamp`
 * means "no signing time" (the core reads no clock), which the binding
 * spells `timestamp: null`; absent, it would use Date.now().
 */
export function withoutClock(options) {
  if (options === null || options === undefined) return { timestamp: null };
  if (typeof options === "object" && !Array.isArray(options) && !("timestamp" in options)) {
    return { ...options, timestamp: null };
  }
  return options;
}
