//! Every error the binding throws: a `RegplanError` (an `Error` subclass from
//! `js/error.js`) with the stable `.code` of `regplan::interop::error_value`.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/error.js")]
extern "C" {
    #[wasm_bindgen(js_name = RegplanError)]
    type JsRegplanError;

    #[wasm_bindgen(constructor, js_class = "RegplanError")]
    fn new(code: &str, message: &str) -> JsRegplanError;
}

/// The error code of values that cannot be JSON (NaN, `undefined`, `BigInt`,
/// functions, symbols, lone surrogates, cycles, very deep nesting). It is the
/// binding's own: the core only ever sees JSON.
pub(crate) const UNSUPPORTED_VALUE: &str = "unsupported_value";

/// A `RegplanError` with `code` and `message`.
pub(crate) fn throwable(code: &str, message: &str) -> JsValue {
    JsRegplanError::new(code, message).into()
}

/// A core API error (unknown operation, bad credentials, ...) as a `RegplanError`.
pub(crate) fn from_core(error: &regplan::Error) -> JsValue {
    let value = regplan::interop::error_value(error);
    throwable(
        value["code"].as_str().unwrap_or_default(),
        value["message"].as_str().unwrap_or_default(),
    )
}
