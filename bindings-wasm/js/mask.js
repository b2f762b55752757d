// What people see of a planned request: `JSON.stringify` and Node's
// `util.inspect` show it with its secret header values and secret body
// members as `***` (the core's masked view); the request's own `headers` and
// `body` are the real values, which is what `fetch` must send. Both hooks
// are non-enumerable, so spreading, `Object.keys` and deep equality see
// only the request's data.

const inspectCustom = Symbol.for("nodejs.util.inspect.custom");

/**
 * Adds the masking `toJSON` and inspection to `request`. `maskedHeaders`
 * (null prototype) holds the masked value of each secret header; `maskedBody` is the masked
 * body, or undefined when the body has no secret.
 */
export function hideSecrets(request, maskedHeaders, maskedBody) {
  const masked = function toJSON() {
    const headers = {};
    for (const name of Object.keys(this.headers)) {
      headers[name] = name in maskedHeaders ? maskedHeaders[name] : this.headers[name];
    }
    return { ...this, headers, body: maskedBody === undefined ? this.body : maskedBody };
  };
  Object.defineProperty(request, "toJSON", { value: masked, writable: true, configurable: true });
  Object.defineProperty(request, inspectCustom, {
    value(depth, options, inspect) {
      const inner = { ...options, depth: options.depth === null ? null : options.depth - 1 };
      return inspect(masked.call(this), inner);
    },
    writable: true,
    configurable: true,
  });
  return request;
}
