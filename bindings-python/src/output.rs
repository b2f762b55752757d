//! The core's results as plain Python objects, built directly (no JSON
//! text, no intermediate tree): a report is `{"valid", "errors",
//! "warnings"}`, an issue `{"code", "path", "message", "params"}`, the
//! shapes of `regplan::interop`.
//!
//! The strings that repeat on every call (member names, codes, fixed
//! messages) are Python strings made once, and a report is a copy of a
//! template with its keys in place, so a valid report costs a dict copy and
//! two empty lists.

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

/// A copy of a dict with these members, made once (`valid` is `true`, the
/// rest `None`): a copy takes the keys table as it is (one allocation, no
/// hashing), so filling in the values costs less than building the dict
/// member by member (about 10% of a valid report, measured).
fn template<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyDict>>,
    keys: &[&'static str],
) -> PyResult<Bound<'py, PyDict>> {
    let made = cell.get_or_try_init(py, || -> PyResult<_> {
        let dict = PyDict::new(py);
        for &key in keys {
            let key = PyString::intern(py, key);
            if key == "valid" {
                dict.set_item(key, PyBool::new(py, true))?;
            } else {
                dict.set_item(key, py.None())?;
            }
        }
        Ok(dict.unbind())
    })?;
    made.bind(py).copy()
}

/// `{"valid", "errors", "warnings"}`.
pub(crate) fn report<'py>(py: Python<'py>, report: &Report) -> PyResult<Bound<'py, PyDict>> {
    static REPORT: PyOnceLock<Py<PyDict>> = PyOnceLock::new();
    let dict = template(py, &REPORT, &["valid", "errors", "warnings"])?;
    if !report.is_valid() {
        dict.set_item(intern!(py, "valid"), PyBool::new(py, false))?;
    }
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
    // Built member by member: for an issue that measured cheaper than a
    // template copy (its four values are all new objects anyway).
    let dict = PyDict::new(py);
    dict.set_item(intern!(py, "code"), code(py, issue.code)?)?;
    dict.set_item(intern!(py, "path"), text(py, issue.path.as_str()))?;
    let message = match &issue.message {
        Cow::Borrowed(message) => fixed(py, message),
        Cow::Owned(message) => text(py, message),
    };
    dict.set_item(intern!(py, "message"), message)?;
    let params = PyDict::new(py);
    for (name, value) in &issue.params {
        let value = match value {
            Value::String(s) => text(py, s).into_any(),
            other => value_to_py(py, other)?,
        };
        params.set_item(fixed(py, name), value)?;
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
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(word))
                .wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }
    fn write_usize(&mut self, n: usize) {
        self.0 = (self.0 ^ n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

type Fixed = HashMap<(usize, usize), Py<PyString>, BuildHasherDefault<AddressHasher>>;
type Texts = HashMap<Box<str>, Py<PyString>, BuildHasherDefault<AddressHasher>>;

thread_local! {
    /// Python strings of the core's fixed texts (messages, parameter names), by address.
    static FIXED: RefCell<Fixed> = RefCell::default();
    /// Python strings of short texts that recur from report to report
    /// (paths, composed messages, parameter values), by content.
    static TEXTS: RefCell<Texts> = RefCell::default();
}

/// Texts longer than this are made afresh each time.
const TEXT_CACHED_BYTES: usize = 96;
/// At most this many texts are kept (a few hundred KB at worst; unknown keys
/// an attacker chooses land in paths, so the cache must stay bounded).
const TEXTS_CACHED: usize = 4096;

/// A text as a Python string, shared with earlier reports when it recurs.
fn text<'py>(py: Python<'py>, text: &str) -> Bound<'py, PyString> {
    if text.len() > TEXT_CACHED_BYTES {
        return PyString::new(py, text);
    }
    TEXTS.with(|cache| {
        let Ok(mut cache) = cache.try_borrow_mut() else {
            return PyString::new(py, text);
        };
        if let Some(made) = cache.get(text) {
            return made.bind(py).clone();
        }
        let made = PyString::new(py, text);
        if cache.len() < TEXTS_CACHED {
            cache.insert(text.into(), made.clone().unbind());
        }
        made
    })
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
