// JSON key order for the differential runner (test/differential.mjs), as the
// Rust reference writes it. No Node or browser APIs here.

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
