// Builds the JavaScript value a hostile-case description stands for
// (tests/hostile/README.md), and runs one case against a regplan API.
// No Node or browser APIs here: Node (test/hostile.mjs) and the browser page
// (browser/hostile.mjs) both use it, each passing how to make an object in
// another realm.

/** The value `desc` describes; `realm(members)` makes a plain object in another realm. */
export function construct(desc, realm) {
  const build = (d) => construct(d, realm);
  if (Array.isArray(desc)) return desc.map(build);
  if (desc === null || typeof desc !== "object") return desc;
  const names = Object.keys(desc);
  if (names.length !== 1 || !names[0].startsWith("$")) {
    const out = {};
    for (const name of names) out[name] = build(desc[name]);
    return out;
  }
  const [name] = names;
  const arg = desc[name];
  const members = (m) => {
    const out = {};
    for (const key of Object.keys(m ?? {})) out[key] = build(m[key]);
    return out;
  };
  switch (name) {
    case "$nan":
      return NaN;
    case "$inf":
      return arg < 0 ? -Infinity : Infinity;
    case "$neg_zero":
      return -0;
    case "$undefined":
      return undefined;
    case "$units":
      return String.fromCharCode(...arg);
    case "$shared": {
      let x = [build(arg.leaf)];
      for (let i = 0; i < arg.depth; i++) x = [x, x];
      return x;
    }
    case "$repeat":
      return new Array(arg.count).fill(build(arg.item));
    case "$string":
      return arg.repeat.repeat(arg.count);
    case "$nest": {
      let x = 1;
      for (let i = 0; i < arg; i++) x = [x];
      return x;
    }
    case "$date":
      return new Date(arg);
    case "$map":
      return new Map(arg.map(([k, v]) => [build(k), build(v)]));
    case "$set":
      return new Set(arg.map(build));
    case "$bytes":
      return new Uint8Array(arg);
    case "$bigint":
      return BigInt(arg);
    case "$function":
      return () => 1;
    case "$symbol":
      return Symbol(arg);
    case "$instance": {
      class Point {}
      return Object.assign(new Point(), members(arg));
    }
    case "$proxy_array": {
      const { length } = arg;
      return new Proxy([], { get: (target, key) => (key === "length" ? length : undefined) });
    }
    case "$proxy_object":
      return new Proxy(members(arg), {});
    case "$throwing_getter": {
      const out = members(arg.members);
      Object.defineProperty(out, arg.key, {
        enumerable: true,
        get() {
          throw new Error(arg.message);
        },
      });
      return out;
    }
    case "$throwing_proxy":
      return new Proxy({}, {
        ownKeys() {
          throw new Error(arg.message);
        },
      });
    case "$other_realm":
      return realm(members(arg));
    default:
      throw new Error(`no JavaScript constructor for ${name}`);
  }
}

/**
 * Runs one case against `api` (the package's exports) and returns its
 * outcome as the README describes: report, reports, plan (the request with
 * its real values), error or thrown.
 */
export function outcome(api, testCase, realm) {
  const op = construct(testCase.op, realm);
  const input = construct(testCase.input, realm);
  try {
    switch (testCase.call) {
      case "validate":
        return { report: api.validate(op, input) };
      case "validate_field":
        return { report: api.validateField(op, testCase.field, input) };
      case "validate_many":
        return { reports: api.validateMany(op, input) };
      case "plan": {
        const result = api.plan(op, input, construct(testCase.options, realm));
        // The request's own members: its real values (its toJSON masks them).
        return { plan: result.ok ? { ...result, request: { ...result.request } } : result };
      }
      default:
        throw new Error(`unknown call ${testCase.call}`);
    }
  } catch (error) {
    if (error instanceof api.RegplanError) return { error: { code: error.code, message: error.message } };
    return { thrown: error instanceof Error ? error.message : String(error) };
  }
}

/** The cases of `catalogue` meant for `runtime`, each as its JSON line. */
export function runCatalogue(api, catalogue, runtime, realm) {
  const lines = [];
  for (const testCase of catalogue.cases) {
    if (!testCase.runtimes.includes(runtime)) continue;
    lines.push(JSON.stringify({ name: testCase.name, result: outcome(api, testCase, realm) }));
  }
  return lines;
}
