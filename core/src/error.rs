//! Errors of the API itself, as opposed to problems found in an input.

use crate::report::Report;

/// Why a call could not produce its result.
///
/// [`Error::Invalid`] carries the full [`Report`] of a bad input; every other
/// variant is a misuse of the API (unknown operation, missing credentials)
/// that no input change can fix. [`Error::code`] gives a stable string for
/// each, used unchanged by every binding.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The operation id is not one of [`crate::operations`]; `suggestion` is a close id.
    #[error("unknown operation `{id}`{}", suggestion.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
    UnknownOperation {
        /// The id asked for.
        id: String,
        /// A known id within a small edit distance.
        suggestion: Option<&'static str>,
    },
    /// `validate_field` was asked about a field the operation does not have.
    #[error("operation `{operation}` has no field `{field}`")]
    UnknownField {
        /// The operation id.
        operation: &'static str,
        /// The field asked for.
        field: String,
    },
    /// The input breaks the operation's rules; the report lists every problem.
    #[error("the input is invalid: {} error(s), first: {}", .0.errors.len(), first_error(.0))]
    Invalid(Report),
    /// `plan` needs credentials and none were given.
    #[error("{provider} requests need credentials: pass one of {}", accepted.join(", "))]
    MissingCredentials {
        /// The provider id.
        provider: &'static str,
        /// The credential types it accepts.
        accepted: Vec<&'static str>,
    },
    /// Credentials of a type the provider does not use.
    #[error("{provider} does not accept `{given}` credentials: pass one of {}", accepted.join(", "))]
    WrongCredentials {
        /// The provider id.
        provider: &'static str,
        /// The type given.
        given: &'static str,
        /// The types it accepts.
        accepted: Vec<&'static str>,
    },
    /// Credentials that cannot be sent (empty, or holding control characters
    /// that would break the header). The value itself is never shown.
    #[error("invalid credentials: {reason}")]
    InvalidCredentials {
        /// What is wrong.
        reason: &'static str,
    },
    /// The provider signs requests and no signing time was given (the core reads no clock).
    #[error(
        "{provider} requests are signed: pass options.timestamp (epoch milliseconds or RFC 3339)"
    )]
    MissingTimestamp {
        /// The provider id.
        provider: &'static str,
    },
    /// A host value with no JSON form (`NaN`, a `Date`, a lone surrogate), or
    /// an input too deep or too large to read; the path says where.
    #[error("{0}")]
    UnsupportedValue(crate::input::Unsupported),
    /// A binding was called with an argument of the wrong type (an operation
    /// id that is not a string).
    #[error("`{argument}` must be {expected}, not {got}")]
    InvalidArgument {
        /// The argument's name.
        argument: &'static str,
        /// What it must be.
        expected: &'static str,
        /// What it was, in words (never its value).
        got: &'static str,
    },
    /// A plan option that cannot be used.
    #[error("invalid option `{option}`: {reason}")]
    InvalidOption {
        /// The option name.
        option: &'static str,
        /// What is wrong.
        reason: String,
    },
}

fn first_error(report: &Report) -> String {
    report
        .errors
        .first()
        .map(|e| format!("{} {} ({})", e.path, e.message, e.code))
        .unwrap_or_default()
}

impl Error {
    /// Every code [`Error::code`] can return, in declaration order: the
    /// stable codes of API errors in every binding (issue codes are
    /// [`crate::Code::ALL`]).
    pub const CODES: &'static [&'static str] = &[
        "unknown_operation",
        "unknown_field_name",
        "invalid_input",
        "missing_credentials",
        "wrong_credentials",
        "invalid_credentials",
        "missing_timestamp",
        "unsupported_value",
        "invalid_option",
        "invalid_argument",
    ];

    /// Codes that only a binding throws, never the core: `not_initialized`
    /// (the wasm web build called before `init()`). Listed here so that every
    /// binding's typings name the same set ([`Error::CODES`] then these).
    pub const BINDING_CODES: &'static [&'static str] = &["not_initialized"];

    /// A stable snake_case identifier of the error kind.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Error::UnknownOperation { .. } => "unknown_operation",
            Error::UnknownField { .. } => "unknown_field_name",
            Error::Invalid(_) => "invalid_input",
            Error::MissingCredentials { .. } => "missing_credentials",
            Error::WrongCredentials { .. } => "wrong_credentials",
            Error::InvalidCredentials { .. } => "invalid_credentials",
            Error::MissingTimestamp { .. } => "missing_timestamp",
            Error::UnsupportedValue(_) => "unsupported_value",
            Error::InvalidOption { .. } => "invalid_option",
            Error::InvalidArgument { .. } => "invalid_argument",
        }
    }

    /// The validation report, when the error is an invalid input.
    #[must_use]
    pub fn report(&self) -> Option<&Report> {
        match self {
            Error::Invalid(report) => Some(report),
            _ => None,
        }
    }
}

/// Why a call on a host value failed: the core's [`Error`], or the host's own
/// exception raised while reading the value (a JavaScript getter that threw),
/// which a binding re-raises unchanged.
#[derive(Debug)]
pub enum Failure<E> {
    /// The core's error, with its stable code.
    Api(Error),
    /// The host's exception.
    Host(E),
}

impl<E> From<Error> for Failure<E> {
    fn from(error: Error) -> Self {
        Failure::Api(error)
    }
}

impl Failure<std::convert::Infallible> {
    /// The core's error: a `serde_json::Value` never raises.
    #[must_use]
    pub fn into_error(self) -> Error {
        match self {
            Failure::Api(error) => error,
            Failure::Host(never) => match never {},
        }
    }
}
