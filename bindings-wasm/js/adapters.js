// Form-library adapters (issue 12), bound to one entry's `validate` by
// node.js and web.js: reports routed by JSON Pointer, a react-hook-form
// resolver (like zodResolver), and rjsf's customValidate / transformErrors.
// They decide nothing: every error is the core's, with its code and message.

/** `/config/region` → `["config", "region"]` (RFC 6901 unescaping). */
function steps(pointer) {
  return pointer === "" ? [] : pointer.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The report's errors grouped by path: `{"/name": [issue, …], "/config/region": […]}`. */
export function errorsByPath(report) {
  const out = Object.create(null);
  for (const issue of report.errors) (out[issue.path] ??= []).push(issue);
  return out;
}

export function adapters({ validate }) {
  /**
   * A react-hook-form resolver: `useForm({ resolver: regplanResolver(op) })`.
   * Errors nest as the form's values do (`errors.config.region`), each
   * `{type: code, message}`, the first issue of a field.
   */
  function regplanResolver(op) {
    return async (values) => {
      const report = validate(op, values);
      if (report.valid) return { values, errors: {} };
      const errors = {};
      for (const issue of report.errors) {
        const path = steps(issue.path);
        let at = errors;
        for (const step of path.slice(0, -1)) at = at[step] ??= {};
        const last = path.length ? path[path.length - 1] : "root";
        at[last] ??= { type: issue.code, message: issue.message };
      }
      return { values: {}, errors };
    };
  }

  /**
   * rjsf's `customValidate`: `<Form customValidate={regplanCustomValidate(op)} />`.
   * Adds each issue's message to the field rjsf shows it on.
   */
  function regplanCustomValidate(op) {
    return (formData, errors) => {
      for (const issue of validate(op, formData ?? {}).errors) {
        let at = errors;
        for (const step of steps(issue.path)) at = at?.[step];
        (at?.addError ? at : errors).addError(issue.message);
      }
      return errors;
    };
  }

  /**
   * rjsf's `transformErrors`, with regplanCustomValidate: drops ajv's errors,
   * so that the form shows each problem once, in the core's words. Every rule
   * of the schema is one of the core's, which regplanCustomValidate reports;
   * ajv would say it again (`must match pattern "^[a-z]…"` next to the core's
   * message) or as noise (`must NOT be valid` for the rules written with
   * `not`, `must match "then" schema`). Seen in rjsf in Chromium
   * (examples/browser/generators.mjs).
   */
  function regplanTransformErrors() {
    return [];
  }

  return { regplanResolver, regplanCustomValidate, regplanTransformErrors };
}
