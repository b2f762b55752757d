//! Python binding of regplan: `import regplan`.
//!
//! Thin by design: each function converts its Python arguments to JSON
//! ([`convert`]), calls the core (mostly through [`regplan_core::interop`],
//! the JSON surface every binding shares) and converts the answer back.
//! Rules, messages, defaults and error codes all live in the core; what is
//! here is only what Python needs: exceptions ([`error`]), a `Request` class
//! ([`request`]), the clock for signed requests, and the GIL.
//!
//! The crate builds as a normal library for `cargo test` / `cargo clippy`;
//! maturin turns on the `extension-module` feature for the wheel.

mod convert;
mod error;
mod request;

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use regplan_core::{interop, Error};
use serde_json::{Map, Value};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::convert::{to_json, to_py, Unsupported};
use crate::error::{core_error, error_dict, unsupported};
use crate::request::Request;

/// Converts one input, turning an unsupported value into `UnsupportedValueError`.
fn input_json(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<Value> {
    to_json(value).map_err(|e| unsupported(py, &e))
}

/// Converts a core result, raising its error.
fn answer<'py>(py: Python<'py>, result: Result<Value, Error>) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(value) => to_py(py, &value),
        Err(e) => Err(core_error(py, &e)),
    }
}

/// Converts a core result for the `*_json` functions: a misuse is
/// `{"error": {"code", "message"}}`, never an exception.
fn answer_json<'py>(py: Python<'py>, result: Result<Value, Error>) -> PyResult<Bound<'py, PyAny>> {
    match result {
        Ok(value) => to_py(py, &value),
        Err(e) => error_dict(py, &e),
    }
}

/// Every operation regplan knows: id, provider, method, path, fields with
/// their constraints and sources.
#[pyfunction]
fn operations(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    to_py(py, &interop::operations_value())
}

/// Every problem with an input: `{"valid", "errors", "warnings"}`.
#[pyfunction]
fn validate<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyString>,
    input: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let input = input_json(py, input)?;
    answer(py, interop::validate_value(&op.to_cow()?, &input))
}

/// The same report for one top-level field.
#[pyfunction]
fn validate_field<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyString>,
    field: &Bound<'py, PyString>,
    value: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let value = input_json(py, value)?;
    answer(
        py,
        interop::validate_field_value(&op.to_cow()?, &field.to_cow()?, &value),
    )
}

/// Validates many inputs of one operation: converts them all while holding
/// the GIL, then validates with the GIL released.
#[pyfunction]
fn validate_many<'py>(
    py: Python<'py>,
    op: String,
    inputs: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    if inputs.is_instance_of::<PyString>()
        || inputs.is_instance_of::<PyBytes>()
        || inputs.is_instance_of::<PyDict>()
    {
        return Err(unsupported(
            py,
            &Unsupported::top_level("expected an iterable of inputs (e.g. a list of dicts)"),
        ));
    }
    // Unknown operation: raise before converting anything.
    regplan_core::operation(&op).map_err(|e| core_error(py, &e))?;
    let mut values = Vec::new();
    for (index, item) in inputs.try_iter()?.enumerate() {
        values.push(to_json(&item?).map_err(|e| unsupported(py, &e.within(index.to_string())))?);
    }
    let reports = py.detach(|| {
        values
            .iter()
            .map(|input| interop::validate_value(&op, input))
            .collect::<Result<Vec<Value>, Error>>()
    });
    answer(py, reports.map(Value::Array))
}

/// The signing time: the caller's, or now. The core reads no clock, so the
/// binding supplies it; providers that do not sign ignore it.
fn timestamp_json(py: Python<'_>, timestamp: Option<&Bound<'_, PyAny>>) -> PyResult<Value> {
    let Some(timestamp) = timestamp else {
        let millis = match SystemTime::now().duration_since(UNIX_EPOCH) {
            Ok(since) => i64::try_from(since.as_millis()).unwrap_or(i64::MAX),
            Err(before) => i64::try_from(before.duration().as_millis()).map_or(i64::MIN, |ms| -ms),
        };
        return Ok(Value::from(millis));
    };
    let datetime = py.import("datetime")?.getattr("datetime")?;
    if timestamp.is_instance(&datetime)? {
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
        let text: String = timestamp
            .call_method("isoformat", (), Some(&kwargs))?
            .extract()?;
        return Ok(Value::String(text));
    }
    to_json(timestamp).map_err(|e| unsupported(py, &e.within("timestamp")))
}

/// The exact request for a valid input. Raises `ValidationError` (with every
/// error) for an invalid one, `UsageError` for a misuse.
#[pyfunction]
#[pyo3(signature = (op, input, *, credentials = None, base_url = None, timestamp = None))]
fn plan<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyString>,
    input: &Bound<'py, PyAny>,
    credentials: Option<&Bound<'py, PyAny>>,
    base_url: Option<&Bound<'py, PyAny>>,
    timestamp: Option<&Bound<'py, PyAny>>,
) -> PyResult<Request> {
    let input = input_json(py, input)?;
    let mut options = Map::new();
    if let Some(credentials) = credentials {
        let credentials =
            to_json(credentials).map_err(|e| unsupported(py, &e.within("credentials")))?;
        options.insert("credentials".to_owned(), credentials);
    }
    if let Some(base_url) = base_url {
        let base_url = to_json(base_url).map_err(|e| unsupported(py, &e.within("base_url")))?;
        options.insert("base_url".to_owned(), base_url);
    }
    options.insert("timestamp".to_owned(), timestamp_json(py, timestamp)?);
    // The core's own options parser: `invalid_option`, never echoing a value.
    let (options, _) =
        interop::plan_options(&Value::Object(options)).map_err(|e| core_error(py, &e))?;
    match regplan_core::plan(&op.to_cow()?, &input, &options) {
        Ok(inner) => Ok(Request { inner }),
        Err(e) => Err(core_error(py, &e)),
    }
}

/// The JSON Schema (draft 2020-12) of an operation's input.
#[pyfunction]
fn schema<'py>(py: Python<'py>, op: &Bound<'py, PyString>) -> PyResult<Bound<'py, PyAny>> {
    answer(py, interop::schema_value(&op.to_cow()?))
}

/// `interop::validate_value` as is; a misuse is `{"error": {"code", "message"}}`.
#[pyfunction]
fn validate_json<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyString>,
    input: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let input = input_json(py, input)?;
    answer_json(py, interop::validate_value(&op.to_cow()?, &input))
}

/// `interop::plan_value` as is (options as JSON, `reveal_secrets` included, no
/// clock); a misuse is `{"error": {"code", "message"}}`.
#[pyfunction]
#[pyo3(signature = (op, input, options = None))]
fn plan_json<'py>(
    py: Python<'py>,
    op: &Bound<'py, PyString>,
    input: &Bound<'py, PyAny>,
    options: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    let input = input_json(py, input)?;
    let options = match options {
        Some(options) => to_json(options).map_err(|e| unsupported(py, &e.within("options")))?,
        None => Value::Null,
    };
    answer_json(py, interop::plan_value(&op.to_cow()?, &input, &options))
}

/// Every error and warning code, in the core's order.
#[pyfunction]
fn codes() -> Vec<&'static str> {
    regplan_core::Code::ALL.iter().map(|c| c.as_str()).collect()
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
