//! The core's results as plain Python objects, built directly (no JSON
//! text, no intermediate tree): a report is `{"valid", "errors",
//! "warnings"}`, an issue `{"code", "path", "message", "params"}`, the
//! shapes of `regplan::interop`.
//!
//! The strings that repeat on every call (member names, codes) are Python
//! strings made once per interpreter, so a valid report costs a dict and two
//! empty lists.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyList, PyString};
use pyo3::{intern, IntoPyObjectExt};
use regplan_core::{Code, Issue, Report};
use serde_json::Value;

/// `{"valid", "errors", "warnings"}`.
pub(crate) fn report<'py>(py: Python<'py>, report: &Report) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "valid"), PyBool::new(py, report.is_valid()))?;
    dict.set_item(intern!(py, "errors"), issues(py, &report.errors)?)?;
    dict.set_item(intern!(py, "warnings"), issues(py, &report.warnings)?)?;
    Ok(dict)
}

/// A list of issues.
pub(crate) fn issues<'py>(py: Python<'py>, issues: &[Issue]) -> PyResult<Bound<'py, PyList>> {
    let list = PyList::empty(py);
    for i in issues {
        list.append(issue(py, i)?)?;
    }
    Ok(list)
}

/// `{"code", "path", "message", "params"}`.
fn issue<'py>(py: Python<'py>, issue: &Issue) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "code"), code(py, issue.code)?)?;
    dict.set_item(intern!(py, "path"), PyString::new(py, issue.path.as_str()))?;
    let message = match &issue.message {
        Cow::Borrowed(message) => fixed(py, message),
        Cow::Owned(message) => PyString::new(py, message),
    };
    dict.set_item(intern!(py, "message"), message)?;
    let params = PyDict::new(py);
    for (name, value) in &issue.params {
        params.set_item(fixed(py, name), value_to_py(py, value)?)?;
    }
    dict.set_item(intern!(py, "params"), params)?;
    Ok(dict)
}

/// Hashes the address of a `&'static str`: already unique, so one multiply spreads it.
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8 | u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Fixed = HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>;

thread_local! {
    /// Python strings of the core's fixed texts (messages, parameter names), by address.
    static FIXED: RefCell<Fixed> = RefCell::default();
}

/// A fixed text of the core (`&'static str`) as a Python string made once
/// per thread: messages and parameter names repeat on every report.
fn fixed<'py>(py: Python<'py>, text: &'static str) -> Bound<'py, PyString> {
    let key = (text.as_ptr() as usize, text.len());
    FIXED.with(|cache| {
        if let Ok(mut cache) = cache.try_borrow_mut() {
            let made = cache
                .entry(key)
                .or_insert_with(|| PyString::intern(py, text).unbind());
            return made.bind(py).clone();
        }
        PyString::new(py, text)
    })
}

/// The code as a Python string made once.
fn code(py: Python<'_>, code: Code) -> PyResult<&Bound<'_, PyString>> {
    static CODES: PyOnceLock<Vec<(Code, Py<PyString>)>> = PyOnceLock::new();
    let codes = CODES.get_or_init(py, || {
        Code::ALL
            .iter()
            .map(|&c| (c, PyString::intern(py, c.as_str()).unbind()))
            .collect()
    });
    match codes.iter().find(|(c, _)| *c == code) {
        Some((_, s)) => Ok(s.bind(py)),
        None => Err(pyo3::exceptions::PyRuntimeError::new_err(
            "regplan: an issue code missing from Code::ALL",
        )),
    }
}

/// JSON as plain Python objects: `dict` (in the JSON's member order),
/// `list`, `str`, `int`, `float`, `bool`, `None`.
pub(crate) fn value_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_bound_py_any(py)?
            } else if let Some(u) = n.as_u64() {
                u.into_bound_py_any(py)?
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let items = items
                .iter()
                .map(|item| value_to_py(py, item))
                .collect::<PyResult<Vec<_>>>()?;
            PyList::new(py, items)?.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(PyString::new(py, key), value_to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}
