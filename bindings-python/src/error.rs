//! Core failures as Python exceptions.
//!
//! The exception classes are plain Python (`regplan/_errors.py`): that gives
//! them methods (`errors()`, `warnings()`) and multiple bases (`ValueError`,
//! `TypeError`) under the stable ABI, where a Rust class cannot extend a
//! built-in exception. This file only picks the class and fills it in; every
//! message and code is the core's.

use pyo3::call::PyCallArgs;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;
use regplan_core::{Error, Failure};

use crate::output;

/// The class `name` of `regplan._errors`, looked up once.
fn class<'py>(py: Python<'py>, name: &'static str) -> PyResult<&'py Bound<'py, PyAny>> {
    static CLASSES: PyOnceLock<Vec<(&'static str, Py<PyAny>)>> = PyOnceLock::new();
    let classes = CLASSES.get_or_try_init(py, || -> PyResult<_> {
        let module = py.import("regplan._errors")?;
        [
            "RegplanError",
            "ValidationError",
            "UsageError",
            "UnsupportedValueError",
        ]
        .into_iter()
        .map(|n| Ok((n, module.getattr(n)?.unbind())))
        .collect()
    })?;
    match classes.iter().find(|(n, _)| *n == name) {
        Some((_, class)) => Ok(class.bind(py)),
        None => Err(pyo3::exceptions::PyRuntimeError::new_err(name)),
    }
}

fn raise<'py>(py: Python<'py>, name: &'static str, args: impl PyCallArgs<'py>) -> PyErr {
    match class(py, name).and_then(|class| class.call1(args)) {
        Ok(exception) => PyErr::from_value(exception),
        Err(e) => e,
    }
}

/// `Error::Invalid` → `ValidationError` (with `.errors()`),
/// `Error::UnsupportedValue` → `UnsupportedValueError` (with `.path`), every
/// other error (a misuse) → `UsageError`; each with the core's `.code` and message.
pub(crate) fn core_error(py: Python<'_>, error: &Error) -> PyErr {
    let message = error.to_string();
    match error {
        Error::Invalid(report) => {
            match (
                output::issues(py, &report.errors),
                output::issues(py, &report.warnings),
            ) {
                (Ok(errors), Ok(warnings)) => {
                    raise(py, "ValidationError", (message, errors, warnings))
                }
                (Err(e), _) | (_, Err(e)) => e,
            }
        }
        Error::UnsupportedValue(unsupported) => raise(
            py,
            "UnsupportedValueError",
            (message, unsupported.path.as_str()),
        ),
        other => raise(py, "UsageError", (message, other.code())),
    }
}

/// A failed call: the core's error as its exception, or the host's own
/// exception (raised while reading a value) unchanged.
pub(crate) fn failure(py: Python<'_>, failure: Failure<PyErr>) -> PyErr {
    match failure {
        Failure::Api(error) => core_error(py, &error),
        Failure::Host(e) => e,
    }
}

/// `{"error": {"code", "message"}}` of a core error, as `interop::error_value` gives it.
pub(crate) fn error_dict<'py>(py: Python<'py>, error: &Error) -> PyResult<Bound<'py, PyAny>> {
    let inner = PyDict::new(py);
    inner.set_item("code", error.code())?;
    inner.set_item("message", error.to_string())?;
    let outer = PyDict::new(py);
    outer.set_item("error", inner)?;
    Ok(outer.into_any())
}
