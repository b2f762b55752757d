// Runs one shared vector (tests/vectors/README.md) against the binding's API,
// with the semantics of core/tests/vectors.rs. No Node or browser APIs here:
// test/vectors.test.mjs (Node) and browser/test.mjs (Chromium) both use it.

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

const same = (a, b) => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
const show = (v) => JSON.stringify(v);

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

function issueMatches(actual, expected) {
  return ["code", "path", "message", "params"].every(
    (k) => !(k in expected) || same(actual[k], expected[k]),
  );
}

function checkIssues(what, actual, expected, failures) {
  expected = expected ?? [];
  const ok = actual.length === expected.length && actual.every((a, i) => issueMatches(a, expected[i]));
  if (!ok) {
    const shown = actual.map(({ code, path, message }) => ({ code, path, message }));
    failures.push(`${what}:\n  expected ${show(expected)}\n  actual   ${show(shown)}`);
  }
}

function attempt(fn) {
  try {
    return { value: fn() };
  } catch (error) {
    return { error };
  }
}

/** Failure messages of one case (empty: it passed). `api` is the module. */
export function runCase(api, testCase, defaults) {
  const failures = [];
  const { op, input, expect } = testCase;
  const options = withoutClock("options" in testCase ? testCase.options : defaults);

  if (expect.error) {
    const got = attempt(() => api.plan(op, input, options));
    if (!got.error || got.error.code !== expect.error.code || got.error.name !== "RegplanError") {
      failures.push(`expected error ${show(expect.error)}, got ${got.error ? `${got.error.name} ${got.error.code}: ${got.error.message}` : show(got.value)}`);
    }
    return failures;
  }

  const report = api.validate(op, input);
  const revealed = attempt(() => api.plan(op, input, { ...options, reveal_secrets: true }));
  if (expect.request) {
    const want = expect.request;
    checkIssues("validate.errors", report.errors, [], failures);
    checkIssues("validate.warnings", report.warnings, want.warnings, failures);
    if (revealed.error || !revealed.value.ok) {
      failures.push(`expected a request, got ${revealed.error ? revealed.error.message : show(revealed.value)}`);
      return failures;
    }
    const request = revealed.value.request;
    const actual = {
      method: request.method,
      url: request.url,
      headers: Object.entries(request.headers),
      body: request.body,
      defaults_applied: request.defaults_applied,
    };
    for (const key of Object.keys(actual)) {
      const expected = key in want ? want[key] : key === "defaults_applied" ? [] : null;
      if (!same(actual[key], expected)) {
        failures.push(`request.${key}:\n  expected ${show(expected)}\n  actual   ${show(actual[key])}`);
      }
    }
    checkIssues("request.warnings", request.warnings, want.warnings, failures);
    if (expect.masked) {
      // Without reveal_secrets the request still carries the real values;
      // JSON.stringify (its toJSON) and curl show them masked.
      const masked = api.plan(op, input, options);
      const m = expect.masked;
      if (!masked.ok) {
        failures.push(`masked plan failed: ${show(masked)}`);
        return failures;
      }
      if (!same(Object.entries(masked.request.headers), Object.entries(request.headers)) || masked.request.body !== request.body) {
        failures.push(`the request without reveal_secrets differs from the revealed one: ${show(masked.request)}`);
      }
      const shown = JSON.parse(JSON.stringify(masked.request));
      if ("headers" in m && !same(Object.entries(shown.headers), m.headers)) {
        failures.push(`masked.headers: expected ${show(m.headers)}, actual ${show(Object.entries(shown.headers))}`);
      }
      if ("body" in m && shown.body !== m.body) {
        failures.push(`masked.body: expected ${show(m.body)}, actual ${show(shown.body)}`);
      }
      if ("curl" in m && masked.curl !== m.curl) {
        failures.push(`masked.curl: expected\n${m.curl}\nactual\n${masked.curl}`);
      }
      for (const secret of m.secrets_absent ?? []) {
        for (const [rendering, text] of [["json", JSON.stringify(masked)], ["curl", masked.curl]]) {
          if (text.includes(secret)) failures.push(`secret ${show(secret)} leaked into the ${rendering} rendering`);
        }
      }
    }
    return failures;
  }

  checkIssues("validate.errors", report.errors, expect.errors, failures);
  checkIssues("validate.warnings", report.warnings, expect.warnings, failures);
  if (revealed.error) {
    failures.push(`plan should return the validate report, threw ${revealed.error.code}: ${revealed.error.message}`);
  } else if (revealed.value.ok) {
    if (!report.valid) failures.push(`plan built a request for an invalid input`);
  } else if (!same({ errors: revealed.value.errors, warnings: revealed.value.warnings }, { errors: report.errors, warnings: report.warnings })) {
    failures.push(`plan's report differs from validate's: ${show(revealed.value)}`);
  }
  // validateField agrees with validate on every field of the input.
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    for (const [name, value] of Object.entries(input)) {
      const field = attempt(() => api.validateField(op, name, value));
      if (field.error) {
        if (field.error.code !== "unknown_field_name") failures.push(`validateField(${name}) threw ${field.error.code}`);
        continue;
      }
      for (const issue of field.value.errors) {
        if (!report.errors.some((e) => same(e, issue))) {
          failures.push(`validateField(${name}) reported ${show(issue)}, missing from validate`);
        }
      }
    }
  }
  return failures;
}

/** Runs every case of every file; `files` is [[name, parsed JSON], ...]. */
export function runAll(api, files) {
  const results = [];
  for (const [file, doc] of files) {
    const defaults = doc.options ?? {};
    for (const testCase of doc.cases) {
      let failures;
      try {
        failures = runCase(api, testCase, defaults);
      } catch (error) {
        failures = [`threw ${error?.name} ${error?.code ?? ""}: ${error?.message}`];
      }
      results.push({ file, name: testCase.name, failures });
    }
  }
  return results;
}
