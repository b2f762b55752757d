// The one class the binding throws. Imported by the Rust glue
// (`src/error.rs`), so the `web` and `nodejs` builds share it.
export class RegplanError extends Error {
  constructor(code, message) {
    super(message);
    this.name = "RegplanError";
    this.code = code;
  }
}
