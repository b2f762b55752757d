//! Python binding of regplan: `import regplan`.
//!
//! Thin by design: Python objects reach the core through its [`Input`]
//! trait ([`input`]: the binding only says what a value is, the core reads
//! it in place and decides everything), results are built directly as
//! Python objects ([`output`]), and the core's errors become the
//! exceptions of `regplan/_errors.py` ([`error`]). What is here beyond that
//! is only what Python needs: a `Request` class ([`request`]), the clock for
//! signed requests, and the GIL.
//!
//! The crate builds as a normal library for `cargo test` / `cargo clippy`;
//! maturin turns on the `extension-module` feature for the wheel.
//!
//! [`Input`]: regplan_core::Input

mod error;
mod input;
mod output;
mod request;

use std::borrow::Cow;
use std::time::{SystemTime, UNIX_EPOCH};

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use regplan_core::{interop, Error, Failure, Pointer, Report};

use crate::error::{core_error, error_dict, failure};
use crate::input::Host;
use crate::request::Request;

/// A string argument (`op`, `field`) borrowed from its `str`; anything else
/// (a lone surrogate included) is the core's `invalid_argument`.
fn argument<'a>(name: &'static str, value: &'a Bound<'_, PyAny>) -> PyResult<Cow<'a, str>> {
    if let Ok(s) = value.cast::<PyString>() {
        if let Some(text) = input::text(s)? {
            return Ok(text);
        }
    }
    let py = value.py();
    interop::string_argument(name, &Host::new(value))
        .map(Cow::Owned)
        .map_err(|e| failure(py, e))
}

/// Every operation regplan knows: id, provider, method, path, fields with
/// their constraints and sources.
#[pyfunction]
fn operations(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    output::value_to_py(py, &interop::operations_value())
}

/// The keyword options of `validate`, `validate_many` (`form`) and
/// `validate_field` (`form`, `input`), read by the core's own options reader
/// (`invalid_option` for a `form` that is not a bool, as in every runtime).
/// `form`'s default is `None` (read as `False`, as the text signatures say)
/// so that any other value reaches the core.
fn validate_options<'py>(
    py: Python<'py>,
    form: Option<&Bound<'py, PyAny>>,
    input: Option<&Bound<'py, PyAny>>,
) -> PyResult<(regplan_core::ValidateOptions, Option<Host<'py>>)> {
    let options = PyDict::new(py);
    if let Some(form) = form {
        options.set_item("form", form)?;
    }
    if let Some(input) = input {
        options.set_item("input", input)?;
    }
    interop::read_validate_options(Some(&Host(options.into_any())), input.is_some())
        .map_err(|e| failure(py, e))
}

/// Every problem with an input: `{"valid", "errors", "warnings"}`; with
/// `form=True`, a form's raw values read as the form means them.
#[pyfunction]
#[pyo3(signature = (op, input, *, form = None), text_signature = "(op, input, *, form=False)")]
fn validate<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyAny>,
    input: &Bound<'py, PyAny>,
    form: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let op = argument("op", op)?;
    let (options, _) = validate_options(py, form, None)?;
    match regplan_core::validate_with_options(&op, &Host::new(input), &options) {
        Ok(report) => output::report(py, &report),
        Err(e) => Err(failure(py, e)),
    }
}

/// The same report for one field, by name or JSON Pointer (`/config/region`);
/// with `input` (the whole current input) the rules relating fields run
/// too and the issues at or under the field are returned.
#[pyfunction]
#[pyo3(
    signature = (op, field, value, *, form = None, input = None),
    text_signature = "(op, field, value, *, form=False, input=None)"
)]
fn validate_field<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyAny>,
    field: &Bound<'py, PyAny>,
    value: &Bound<'py, PyAny>,
    form: Option<&Bound<'py, PyAny>>,
    input: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyDict>> {
    let op = argument("op", op)?;
    let field = argument("field", field)?;
    let (options, whole) = validate_options(py, form, input)?;
    match regplan_core::validate_field_with_options(
        &op,
        &field,
        &Host::new(value),
        whole.as_ref(),
        &options,
    ) {
        Ok(report) => output::report(py, &report),
        Err(e) => Err(failure(py, e)),
    }
}

/// `inputs[index]`'s failure, its path prefixed with the index (`/3/name`).
fn within(index: usize, failure: Failure<PyErr>) -> Failure<PyErr> {
    match failure {
        Failure::Api(Error::UnsupportedValue(mut unsupported)) => {
            unsupported.path = Pointer::root().index(index).join(&unsupported.path);
            Failure::Api(Error::UnsupportedValue(unsupported))
        }
        other => other,
    }
}

/// Validates a list of inputs of one operation, each with its own budget;
/// the reports are those [`validate`] gives, in order. A value without JSON
/// form stops the call, its path prefixed with the input's index (`/3/name`).
///
/// Read in place with the GIL held, each report built as soon as it is
/// made: copying each input out first (`input::to_json`) to validate
/// without the GIL measured 1.4 to 2.5 times slower per input than reading
/// it in place, since reading is most of the work (README, "validate_many").
#[pyfunction]
#[pyo3(signature = (op, inputs, *, form = None), text_signature = "(op, inputs, *, form=False)")]
fn validate_many<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyAny>,
    inputs: &Bound<'py, PyAny>,
    form: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyList>> {
    let op = argument("op", op)?;
    let (options, _) = validate_options(py, form, None)?;
    let Ok(list) = inputs.cast::<PyList>() else {
        // Not a list: the core's own `invalid_argument` (or unknown operation).
        let reports = regplan_core::validate_many_with_options(&op, &Host::new(inputs), &options);
        return match reports {
            Ok(reports) => reports_list(py, &reports),
            Err(e) => Err(failure(py, e)),
        };
    };
    // Unknown operation: raised before anything is read.
    let id = regplan_core::operation(&op)
        .map_err(|e| core_error(py, &e))?
        .id;
    let out = PyList::empty(py);
    for index in 0..list.len() {
        let item = Host(list.get_item(index)?);
        match regplan_core::validate_with_options(id, &item, &options) {
            Ok(report) => out.append(output::report(py, &report)?)?,
            Err(e) => return Err(failure(py, within(index, e))),
        }
    }
    Ok(out)
}

fn reports_list<'py>(py: Python<'py>, reports: &[Report]) -> PyResult<Bound<'py, PyList>> {
    let items = reports
        .iter()
        .map(|r| output::report(py, r))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, items)
}

/// Now, in epoch milliseconds: the signing time when the caller gave none.
/// The core reads no clock, so the binding supplies it.
fn now_millis() -> i64 {
    match SystemTime::now().duration_since(UNIX_EPOCH) {
        Ok(since) => i64::try_from(since.as_millis()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_millis()).map_or(i64::MIN, |ms| -ms),
    }
}

/// A `timestamp` as the core reads it: an aware `datetime` becomes RFC 3339
/// text; anything else is passed on for the core to judge.
fn timestamp_option<'py>(timestamp: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = timestamp.py();
    let datetime = py.import("datetime")?.getattr("datetime")?;
    if !timestamp.get_type().is_subclass(&datetime)? {
        return Ok(timestamp.clone());
    }
    if timestamp.call_method0("utcoffset")?.is_none() {
        return Err(core_error(
            py,
            &Error::InvalidOption {
                option: "timestamp",
                reason: "a naive datetime names no instant; give it a tzinfo (e.g. datetime.timezone.utc)"
                    .to_owned(),
            },
        ));
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("timespec", "milliseconds")?;
    timestamp.call_method("isoformat", (), Some(&kwargs))
}

/// The exact request for a valid input. Raises `ValidationError` (with every
/// error) for an invalid one, `UsageError` for a misuse.
#[pyfunction]
#[pyo3(
    signature = (op, input, *, credentials = None, base_url = None, timestamp = None, preview = None, form = None),
    text_signature = "(op, input, *, credentials=None, base_url=None, timestamp=None, preview=None, form=False)"
)]
// One Rust parameter per keyword of the Python signature.
#[allow(clippy::too_many_arguments)]
fn plan<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyAny>,
    input: &Bound<'py, PyAny>,
    credentials: Option<&Bound<'py, PyAny>>,
    base_url: Option<&Bound<'py, PyAny>>,
    timestamp: Option<&Bound<'py, PyAny>>,
    preview: Option<&Bound<'py, PyAny>>,
    form: Option<&Bound<'py, PyAny>>,
) -> PyResult<Request> {
    let op = argument("op", op)?;
    let options = PyDict::new(py);
    if let Some(preview) = preview {
        options.set_item("preview", preview)?;
    }
    if let Some(form) = form {
        options.set_item("form", form)?;
    }
    if let Some(credentials) = credentials {
        options.set_item("credentials", credentials)?;
    }
    if let Some(base_url) = base_url {
        options.set_item("base_url", base_url)?;
    }
    let now = match timestamp {
        Some(timestamp) => {
            options.set_item("timestamp", timestamp_option(timestamp)?)?;
            None
        }
        None => Some(now_millis()),
    };
    // The core's options reader: `invalid_option`, never echoing a value.
    let options = Host(options.into_any());
    let (options, _) = interop::read_options(Some(&options), now).map_err(|e| failure(py, e))?;
    match regplan_core::plan_with(&op, &Host::new(input), &options) {
        Ok(inner) => Ok(Request { inner }),
        Err(e) => Err(failure(py, e)),
    }
}

/// The JSON Schema of an operation's input: draft 2020-12, or draft-07 with
/// `draft="draft-07"`.
#[pyfunction]
#[pyo3(signature = (op, *, draft = None))]
fn schema<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyAny>,
    draft: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let op = argument("op", op)?;
    let options = PyDict::new(py);
    if let Some(draft) = draft {
        options.set_item("draft", draft)?;
    }
    // The core's options reader: `invalid_option` for an unknown draft.
    let draft = interop::read_schema_options(Some(&Host(options.into_any())))
        .map_err(|e| failure(py, e))?;
    match regplan_core::schema_with(&op, draft) {
        Ok(schema) => output::value_to_py(py, &schema),
        Err(e) => Err(core_error(py, &e)),
    }
}

/// A core error as `{"error": {"code", "message"}}`; the host's own exception raised.
fn error_result<'py>(py: Python<'py>, e: Failure<PyErr>) -> PyResult<Bound<'py, PyAny>> {
    match e {
        Failure::Api(error) => error_dict(py, &error),
        Failure::Host(e) => Err(e),
    }
}

/// `validate` as `interop::validate_value` gives it; a core error is
/// `{"error": {"code", "message"}}`, never an exception.
#[pyfunction]
fn validate_json<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyAny>,
    input: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let op = match interop::string_argument("op", &Host::new(op)) {
        Ok(op) => op,
        Err(e) => return error_result(py, e),
    };
    match regplan_core::validate_with(&op, &Host::new(input)) {
        Ok(report) => Ok(output::report(py, &report)?.into_any()),
        Err(e) => error_result(py, e),
    }
}

/// `plan` as `interop::plan_value` gives it (options as one mapping,
/// `reveal_secrets` included, no clock): `{"ok": true, "request" (real
/// values), "curl" (masked unless revealed)}` or `{"ok": false, "errors",
/// "warnings"}`; a core error is `{"error": {"code", "message"}}`.
#[pyfunction]
#[pyo3(signature = (op, input, options = None))]
fn plan_json<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyAny>,
    input: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let op = match interop::string_argument("op", &Host::new(op)) {
        Ok(op) => op,
        Err(e) => return error_result(py, e),
    };
    let options = options.map(Host::new);
    let (options, reveal) = match interop::read_options(options.as_ref(), None) {
        Ok(read) => read,
        Err(e) => return error_result(py, e),
    };
    match regplan_core::plan_with(&op, &Host::new(input), &options) {
        Ok(request) => output::value_to_py(py, &interop::planned_value(&request, reveal)),
        Err(Failure::Api(Error::Invalid(report))) => {
            let dict = PyDict::new(py);
            dict.set_item("ok", false)?;
            dict.set_item("errors", output::issues(py, &report.errors)?)?;
            dict.set_item("warnings", output::issues(py, &report.warnings)?)?;
            Ok(dict.into_any())
        }
        Err(e) => error_result(py, e),
    }
}

/// Credentials for an operation or provider id from `environ` (a mapping
/// such as `os.environ`), read through the core's table of variables:
/// `(real, masked)` dicts, or `None` when no variable is set. A name that
/// `environ` lacks or maps to a non-`str` counts as unset. Private: the
/// public `regplan.credentials_from_env` (`_credentials.py`) wraps it.
#[pyfunction]
#[pyo3(name = "_credentials_from_env")]
fn credentials_from_env<'py>(
    py: Python<'py>,
    op_or_provider: &Bound<'py, PyAny>,
    environ: &Bound<'py, PyAny>,
) -> PyResult<Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
    let id = argument("op_or_provider", op_or_provider)?;
    let lookup = |name: &str| {
        environ
            .get_item(name)
            .ok()
            .and_then(|value| value.extract::<String>().ok())
    };
    match interop::credentials_from_env_value(&id, lookup) {
        Ok(Some((real, masked))) => Ok(Some((
            output::value_to_py(py, &real)?,
            output::value_to_py(py, &masked)?,
        ))),
        Ok(None) => Ok(None),
        Err(e) => Err(core_error(py, &e)),
    }
}

/// Every issue code, then every API error code, as the core lists them.
#[pyfunction]
fn codes() -> Vec<&'static str> {
    regplan_core::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .chain(Error::CODES.iter().copied())
        .collect()
}

#[pymodule]
fn _regplan(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    m.add_function(wrap_pyfunction!(validate, m)?)?;
    m.add_function(wrap_pyfunction!(validate_field, m)?)?;
    m.add_function(wrap_pyfunction!(validate_many, m)?)?;
    m.add_function(wrap_pyfunction!(plan, m)?)?;
    m.add_function(wrap_pyfunction!(schema, m)?)?;
    m.add_function(wrap_pyfunction!(validate_json, m)?)?;
    m.add_function(wrap_pyfunction!(plan_json, m)?)?;
    m.add_function(wrap_pyfunction!(codes, m)?)?;
    m.add_function(wrap_pyfunction!(credentials_from_env, m)?)?;
    m.add_class::<Request>()?;
    // The exception classes are Python (see `error`); the native module
    // re-exports them so `regplan._regplan` is complete on its own.
    let errors = m.py().import("regplan._errors")?;
    for name in [
        "RegplanError",
        "ValidationError",
        "UsageError",
        "UnsupportedValueError",
    ] {
        m.add(name, errors.getattr(name)?)?;
    }
    Ok(())
}
