//! Errors thrown to JavaScript.
//!
//! Every error carries a stable snake_case code, exposed as the JS error's
//! `.code`: the core's API error codes (`unknown_operation`,
//! `missing_credentials`, ...) unchanged, plus this binding's own
//! `invalid_argument` (an argument of the wrong type) and `unsupported_value`
//! (a value that has no JSON form). `regplan.js` rethrows them as `RegplanError`.
//! An exception thrown by JavaScript itself (a getter, a `Proxy` trap) passes
//! through untouched.

use napi::Status;

/// A napi error whose status is the error code: napi sets it as the thrown
/// error's `.code`.
pub(crate) type Error = napi::Error<String>;

/// The result of an exported function.
pub(crate) type JsResult<T> = Result<T, Error>;

/// An API misuse reported by the core, with its code and message from
/// `regplan::interop::error_value`.
pub(crate) fn core(error: &regplan::Error) -> Error {
    let value = regplan::interop::error_value(error);
    let field = |name: &str| value[name].as_str().unwrap_or_default().to_owned();
    Error::new(field("code"), field("message"))
}

/// An argument of the wrong type, such as a number for the operation id.
pub(crate) fn invalid_argument(message: impl Into<String>) -> Error {
    Error::new("invalid_argument".to_owned(), message.into())
}

/// Keeps napi's own failures, including a pending JavaScript exception
/// (status `PendingException`, which napi then leaves in place).
pub(crate) fn from_napi(error: napi::Error) -> Error {
    let status: Status = error.status;
    Error::new(status.as_ref().to_owned(), error.reason)
}
