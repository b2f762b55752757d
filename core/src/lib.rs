//! regplan knows the documented rules of cloud container-registry APIs and
//! turns an input into either **every** problem with it or the **exact** HTTP
//! request to send: method, URL, headers and body bytes.
//!
//! It is pure and deterministic: no clock, no randomness, no I/O, no threads,
//! and it never panics on any input. The same core is compiled to
//! WebAssembly, a Python extension and a Node addon, so all of them answer
//! identically.
//!
//! ```
//! use regplan::{plan, validate, Credentials, PlanOptions};
//! use serde_json::json;
//!
//! let report = validate("gcore.registries.create", &json!({
//!     "project_id": 1, "region_id": 76, "name": "1-Bad-"
//! }))?;
//! assert_eq!(report.errors[0].code.as_str(), "pattern");
//! assert_eq!(report.errors[0].path.as_str(), "/name");
//!
//! let options = PlanOptions {
//!     credentials: Some(Credentials::ApiKey { api_key: "k3y".into() }),
//!     ..PlanOptions::default()
//! };
//! let request = plan("gcore.registries.create", &json!({
//!     "project_id": 1, "region_id": 76, "name": "reg-home1"
//! }), &options)?;
//! assert_eq!(request.url, "https://api.gcore.com/cloud/v1/registries/1/76");
//! assert_eq!(request.body(), Some(&br#"{"name":"reg-home1","storage_limit":5}"#[..]));
//! assert!(request.to_curl(false).contains("APIKey ***"));
//! # Ok::<(), regplan::Error>(())
//! ```
//!
//! Rules are data: each provider module under `providers/` declares its
//! operations as tables of [`Field`]s with constraint values and a
//! [`Source`] citing the document they come from; a few named
//! [`spec::CrossCheck`]s declare, also as data, what a table cannot say
//! (rules chosen by a discriminator field, a table of known values). The
//! validator, the request builder, the JSON Schema exporter and the rule
//! table all read the same declarations, each with one generic arm per kind.

#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

/// Every ```` ```rust ```` block of README.md runs as a doctest (the other
/// blocks are run by `.ci/readme.py`), so the README cannot drift from the API.
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;

mod docs;
mod error;
mod grammar;
pub mod input;
pub mod interop;
pub mod issue_kind;
pub mod json_text;
mod providers;
pub mod record;
pub mod repair;
mod report;
mod request;
mod schema;
mod secret;
mod sign;
pub mod spec;
mod time;
mod validate;

pub use docs::rule_table;
pub use error::{Error, Failure};
pub use input::{Abort, Budget, Foreign, Input, Shape, Unsupported, Visit};
pub use issue_kind::IssueKind;
pub use report::{Code, Issue, Pointer, Report};
pub use request::{Header, PlanOptions, Request, RequestView};
pub use schema::Draft;
pub use secret::{CredentialType, Credentials, Secret, CREDENTIAL_TYPES, MASK};
pub use spec::{Accepts, Field, Kind, Location, Method, Operation, Provider, Sends, Source};
pub use time::Timestamp;
pub use validate::ValidateOptions;

use serde_json::Value;

/// Every operation regplan knows, grouped by provider.
#[must_use]
pub fn operations() -> &'static [&'static Operation] {
    &providers::OPERATIONS
}

/// The operation with id `id` (`gcore.registries.create`, ...).
///
/// # Errors
/// [`Error::UnknownOperation`] with a suggestion when the id is close to a known one.
pub fn operation(id: &str) -> Result<&'static Operation, Error> {
    providers::OPERATIONS
        .iter()
        .copied()
        .find(|op| op.id == id)
        .ok_or_else(|| Error::UnknownOperation {
            id: id.to_owned(),
            suggestion: validate::suggest(id, providers::OPERATIONS.iter().map(|op| op.id)),
        })
}

/// Every provider, with its credential declaration ([`Provider::credentials`]):
/// the table the CLI, the bindings, the type generator and the README read.
#[must_use]
pub fn providers() -> &'static [&'static Provider] {
    providers::PROVIDERS
}

/// Credentials for an operation id (`gcore.registries.create`) or a provider
/// id (`gcore`) from the environment variables its provider declares
/// ([`Provider::credentials`]: `GCORE_API_KEY`, `QOVERY_API_TOKEN`,
/// `NCLOUD_ACCESS_KEY` + `NCLOUD_SECRET_KEY`, `HUAWEICLOUD_SDK_AK` +
/// `HUAWEICLOUD_SDK_SK` or `HUAWEICLOUD_SDK_IAM_TOKEN`): the first credential
/// type whose required variables are all set (non-empty), `None` when none is.
/// The core reads no environment: `lookup` does, so every binding (and a
/// test) passes its own.
///
/// ```
/// let env = |name: &str| (name == "GCORE_API_KEY").then(|| "k3y".to_owned());
/// let credentials = regplan::credentials_from_env("gcore", env)?;
/// assert_eq!(credentials.map(|c| c.kind()), Some("api_key"));
/// # Ok::<(), regplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnknownOperation`] when `op_or_provider` is neither an operation
/// id nor a provider id (with a suggestion when one is close).
pub fn credentials_from_env(
    op_or_provider: &str,
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<Option<Credentials>, Error> {
    let provider = match providers::PROVIDERS.iter().find(|p| p.id == op_or_provider) {
        Some(provider) => provider,
        None => {
            operation(op_or_provider)
                .map_err(|_| Error::UnknownOperation {
                    id: op_or_provider.to_owned(),
                    suggestion: validate::suggest(
                        op_or_provider,
                        providers::PROVIDERS
                            .iter()
                            .map(|p| p.id)
                            .chain(providers::OPERATIONS.iter().map(|op| op.id)),
                    ),
                })?
                .provider
        }
    };
    Credentials::from_env(provider, None, lookup)
}

/// Checks a whole input (one flat JSON object of the operation's path, query
/// and body fields) and reports every problem.
///
/// # Errors
/// Only [`Error::UnknownOperation`]; an invalid input is a [`Report`] with errors.
pub fn validate(op: &str, input: &Value) -> Result<Report, Error> {
    validate_with(op, &input).map_err(Failure::into_error)
}

/// [`validate`] for any host value ([`Input`]): a Python object, a JavaScript
/// value, or JSON. The value is read in place, only as far as the rules ask.
///
/// # Errors
/// [`Error::UnknownOperation`], [`Error::UnsupportedValue`] for a value with
/// no JSON form, or the host's own exception raised while reading.
pub fn validate_with<I: Input>(op: &str, input: &I) -> Result<Report, Failure<I::Error>> {
    validate_with_options(op, input, &ValidateOptions::default())
}

/// [`validate_with`] under [`ValidateOptions`]: with `form`, a form's raw
/// values are read as the form means them (`""` absent, `"76"` the integer 76).
///
/// # Errors
/// As [`validate_with`].
pub fn validate_with_options<I: Input>(
    op: &str,
    input: &I,
    options: &ValidateOptions,
) -> Result<Report, Failure<I::Error>> {
    let op = operation(op)?;
    validate::validate_input(
        op,
        input,
        &mut Budget::new(),
        false,
        validate::Read::form(options.form),
    )
    .map(|(report, _)| report)
    .map_err(Abort::into_failure)
}

/// Checks one field's value with the same codes and messages as
/// [`validate`]: a top-level field by name (`name`), or any field by JSON
/// Pointer (`/config/region`, reported at that path). Rules that relate
/// several fields (Qovery's per-kind config) need the whole input and are
/// only checked by [`validate`].
///
/// ```
/// let report = regplan::validate_field("qovery.container_registries.create", "/config/region", &serde_json::json!(""))?;
/// assert_eq!((report.errors[0].code.as_str(), report.errors[0].path.as_str()), ("too_short", "/config/region"));
/// # Ok::<(), regplan::Error>(())
/// ```
///
/// # Errors
/// [`Error::UnknownOperation`], or [`Error::UnknownField`] for a field the operation lacks.
pub fn validate_field(op: &str, field: &str, value: &Value) -> Result<Report, Error> {
    validate_field_with(op, field, &value).map_err(Failure::into_error)
}

/// [`validate_field`] for any host value.
///
/// # Errors
/// As [`validate_field`], plus those of [`validate_with`].
pub fn validate_field_with<I: Input>(
    op: &str,
    field: &str,
    value: &I,
) -> Result<Report, Failure<I::Error>> {
    validate_field_with_options(op, field, value, None, &ValidateOptions::default())
}

/// [`validate_field_with`] under [`ValidateOptions`], and optionally with
/// the whole current `input` (a form's other fields): then the whole
/// `input` is validated with `value` read in place of the field's member
/// (no copy is made), so the rules that relate fields run too (Qovery's
/// region, required for kind ECR), and the issues at the field's pointer or
/// under it are returned. When `input` has no object on the way (no
/// `config`), only the field's own rules apply, as without `input`.
///
/// ```
/// use regplan::{validate_field_with_options, Failure, ValidateOptions};
/// use serde_json::json;
/// let input = json!({"organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "name": "my-registry", "kind": "ECR",
///                    "config": {"access_key_id": "a", "secret_access_key": "s"}});
/// let form = ValidateOptions { form: true };
/// let report = validate_field_with_options("qovery.container_registries.create", "/config/region",
///     &&json!(""), Some(&&input), &form).map_err(Failure::into_error)?;
/// assert_eq!(report.errors[0].path.as_str(), "/config/region");
/// assert_eq!(report.errors[0].message, "is required for kind ECR");
/// # Ok::<(), regplan::Error>(())
/// ```
///
/// # Errors
/// As [`validate_field_with`]; [`Error::InvalidArgument`] when `input` is not an object.
pub fn validate_field_with_options<I: Input>(
    op: &str,
    field: &str,
    value: &I,
    input: Option<&I>,
    options: &ValidateOptions,
) -> Result<Report, Failure<I::Error>> {
    let op = operation(op)?;
    let unknown = || Error::UnknownField {
        operation: op.id,
        field: field.to_owned(),
    };
    // A JSON Pointer (`/config/region`) names a field inside an object field.
    let (parent, found) = if field.starts_with('/') {
        validate::field_at(op.fields, field).ok_or_else(unknown)?
    } else {
        (Pointer::root(), op.field(field).ok_or_else(unknown)?)
    };
    match input {
        Some(input) => {
            validate::validate_in_input(op, (&parent, found), value, input, options.form)
        }
        None => validate::validate_one_at(&parent, found, value, &mut Budget::new(), options.form)
            .map_err(Abort::into_failure),
    }
}

/// [`validate_with`] for each input of a host array, each with its own
/// budget; the reports in order. A value without JSON form stops the call,
/// its path prefixed with the input's index (`/3/name`).
///
/// # Errors
/// [`Error::InvalidArgument`] when `inputs` is not an array, and those of
/// [`validate_with`].
pub fn validate_many_with<I: Input>(
    op: &str,
    inputs: &I,
) -> Result<Vec<Report>, Failure<I::Error>> {
    validate_many_with_options(op, inputs, &ValidateOptions::default())
}

/// [`validate_many_with`] under [`ValidateOptions`].
///
/// # Errors
/// As [`validate_many_with`].
pub fn validate_many_with_options<I: Input>(
    op: &str,
    inputs: &I,
    options: &ValidateOptions,
) -> Result<Vec<Report>, Failure<I::Error>> {
    let op = operation(op)?;
    let len = match inputs.shape().map_err(Failure::Host)? {
        Shape::Array(len) => len,
        other => {
            return Err(Failure::Api(Error::InvalidArgument {
                argument: "inputs",
                expected: "an array of inputs",
                got: validate::type_name(&other),
            }))
        }
    };
    let mut reports = Vec::with_capacity(len.min(1 << 16));
    for index in 0..len {
        let input = inputs.item(index).map_err(Failure::Host)?;
        let read_as = validate::Read::form(options.form);
        let checked = validate::validate_input(op, &input, &mut Budget::new(), false, read_as)
            .map_err(|e| e.within(index).into_failure())?;
        reports.push(checked.0);
    }
    Ok(reports)
}

/// Validates the input and, when it is valid, builds the exact request with
/// defaults applied, authentication added and warnings attached.
///
/// # Errors
/// [`Error::Invalid`] with the full report for a bad input; otherwise a misuse:
/// unknown operation, missing or wrong credentials, a bad `base_url`.
pub fn plan(op: &str, input: &Value, options: &PlanOptions) -> Result<Request, Error> {
    plan_with(op, &input, options).map_err(Failure::into_error)
}

/// [`plan`] for any host value.
///
/// # Errors
/// As [`plan`], plus those of [`validate_with`].
pub fn plan_with<I: Input>(
    op: &str,
    input: &I,
    options: &PlanOptions,
) -> Result<Request, Failure<I::Error>> {
    let op = operation(op)?;
    let (report, values) = validate::validate_input(
        op,
        input,
        &mut Budget::new(),
        true,
        validate::Read::form(options.form),
    )
    .map_err(Abort::into_failure)?;
    match values {
        Some(values) if report.is_valid() => {
            Ok(request::build(op, &values, options, report.warnings)?)
        }
        _ => Err(Failure::Api(Error::Invalid(report))),
    }
}

/// The JSON Schema (draft 2020-12) of the operation's input, generated from
/// the same rule data as [`validate`], with the provider's wording as
/// descriptions, ready for form generators (a title on every property,
/// secrets as password fields, no `oneOf`/`anyOf`; see [`schema_with`]).
///
/// # Errors
/// [`Error::UnknownOperation`].
pub fn schema(op: &str) -> Result<Value, Error> {
    schema_with(op, Draft::default())
}

/// [`schema`] in the given dialect: [`Draft::Draft07`] for plain `ajv`,
/// rjsf's and JSONForms' default.
///
/// # Errors
/// [`Error::UnknownOperation`].
pub fn schema_with(op: &str, draft: Draft) -> Result<Value, Error> {
    Ok(schema::operation_schema(operation(op)?, draft))
}
