//! Core errors as Python exceptions.
//!
//! The exception classes are plain Python (`regplan/_errors.py`): that gives
//! them methods (`errors()`, `warnings()`) and multiple bases (`ValueError`,
//! `TypeError`) under the stable ABI, where a Rust class cannot extend a
//! built-in exception. This file only picks the class and fills it in.

use pyo3::call::PyCallArgs;
use pyo3::prelude::*;
use pyo3::types::PyModule;
use regplan_core::{interop, Error};

use crate::convert::{to_py, Unsupported};

fn errors_module(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("regplan._errors")
}

fn raise<'py>(py: Python<'py>, class: &str, args: impl PyCallArgs<'py>) -> PyErr {
    let made = errors_module(py)
        .and_then(|m| m.getattr(class))
        .and_then(|class| class.call1(args));
    match made {
        Ok(exception) => PyErr::from_value(exception),
        Err(e) => e,
    }
}

/// `Error::Invalid` → `ValidationError`; every other error (misuse) →
/// `UsageError` with the core's code.
pub(crate) fn core_error(py: Python<'_>, error: &Error) -> PyErr {
    let message = error.to_string();
    if let Some(report) = error.report() {
        let issues = |issues| {
            serde_json::to_value(issues)
                .map_err(|e| pyo3::exceptions::PyRuntimeError::new_err(e.to_string()))
                .and_then(|v| to_py(py, &v))
        };
        return match (issues(&report.errors), issues(&report.warnings)) {
            (Ok(errors), Ok(warnings)) => raise(py, "ValidationError", (message, errors, warnings)),
            (Err(e), _) | (_, Err(e)) => e,
        };
    }
    raise(py, "UsageError", (message, error.code()))
}

/// A Python value with no JSON form → `UnsupportedValueError` with its path.
pub(crate) fn unsupported(py: Python<'_>, problem: &Unsupported) -> PyErr {
    raise(
        py,
        "UnsupportedValueError",
        (problem.message(), problem.pointer()),
    )
}

/// `{"code", "message"}` of a core error, as `interop::error_value` gives it.
pub(crate) fn error_dict<'py>(py: Python<'py>, error: &Error) -> PyResult<Bound<'py, PyAny>> {
    to_py(
        py,
        &serde_json::json!({ "error": interop::error_value(error) }),
    )
}
