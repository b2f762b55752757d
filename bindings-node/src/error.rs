//! Errors thrown to JavaScript.
//!
//! A core error (`regplan::Error`: unknown operation, `unsupported_value`,
//! `invalid_option`, ...) is thrown as a `RegplanError` (the class
//! `regplan.js` registers through `init`) with the core's stable `code` and
//! message, unchanged. An exception thrown by JavaScript itself while the
//! input was read (a getter, a Proxy trap) is still pending when the core
//! stops: it is returned as it is, and napi-rs leaves it in place, so the
//! caller catches the very value that was thrown, once.

use regplan::Failure;

use crate::js::Cx;

/// What an export returns on failure.
pub(crate) fn failure(cx: Cx, failure: Failure<napi::Error>) -> napi::Error {
    match failure {
        Failure::Host(pending) => pending,
        Failure::Api(error) => core(cx, &error),
    }
}

/// A core error as a thrown `RegplanError`.
pub(crate) fn core(cx: Cx, error: &regplan::Error) -> napi::Error {
    cx.throw_coded(error.code(), &error.to_string())
}
