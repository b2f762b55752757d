// The one error class regplan-wasm throws, exported by the package (the
// Node addon exports a class of the same name and shape).

/** A misuse of the API (never an invalid input): `code` is a stable snake_case string. */
export class RegplanError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "RegplanError";
    this.code = code;
  }
}
