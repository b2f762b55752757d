//! Python objects to and from `serde_json::Value`.
//!
//! Python has more kinds of values than JSON, and a few that look alike but
//! are not: `True` is an `int` (it must stay a boolean, or `True` would pass
//! as a storage limit of 1), `float("nan")` has no JSON form, a `str` may
//! hold lone surrogates that UTF-8 cannot carry. Every such value is refused
//! here with its JSON Pointer, before the core sees anything.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::{Map, Number, Value};

/// Containers nested deeper than this are refused. Real inputs are a few
/// levels deep; the limit keeps a 10,000-deep (or self-referencing) list from
/// exhausting the stack here or in the core.
pub(crate) const MAX_DEPTH: usize = 128;

/// A Python value that has no JSON form. The path is kept innermost first,
/// so a failure deep down costs one push per level on the way out and a
/// success costs nothing.
pub(crate) struct Unsupported {
    reversed_path: Vec<String>,
    reason: String,
}

impl Unsupported {
    fn new(reason: impl Into<String>) -> Self {
        Unsupported {
            reversed_path: Vec::new(),
            reason: reason.into(),
        }
    }

    /// A problem with the value as a whole.
    pub(crate) fn top_level(reason: impl Into<String>) -> Self {
        Self::new(reason)
    }

    /// Adds an outer path segment (a dict key or a list index).
    pub(crate) fn within(mut self, segment: impl Into<String>) -> Self {
        self.reversed_path.push(segment.into());
        self
    }

    /// The JSON Pointer of the value (`""` for the top level).
    pub(crate) fn pointer(&self) -> String {
        self.reversed_path
            .iter()
            .rev()
            .map(|s| format!("/{}", s.replace('~', "~0").replace('/', "~1")))
            .collect()
    }

    /// The message the exception carries: where, then why.
    pub(crate) fn message(&self) -> String {
        let pointer = self.pointer();
        if pointer.is_empty() {
            format!("unsupported value at the top level: {}", self.reason)
        } else {
            format!("unsupported value at {pointer}: {}", self.reason)
        }
    }
}

/// Converts a Python value made of `dict` (str keys), `list`, `str`, `int`,
/// `float`, `bool` and `None` into JSON. A `tuple` is refused with a hint to
/// pass a list: the list of Python quirks asks for a clear error, and a
/// tuple's fixed arity means nothing in these APIs. Integers beyond 64 bits
/// become floats, as every JSON parser in the other runtimes reads them.
pub(crate) fn to_json(value: &Bound<'_, PyAny>) -> Result<Value, Unsupported> {
    to_json_at(value, 0)
}

fn to_json_at(value: &Bound<'_, PyAny>, depth: usize) -> Result<Value, Unsupported> {
    if value.is_none() {
        return Ok(Value::Null);
    }
    // `bool` before `int`: `True` is an instance of `int` in Python.
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(i) = value.cast::<PyInt>() {
        return int_to_json(i);
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return float_to_json(f.value());
    }
    if let Ok(s) = value.cast::<PyString>() {
        return str_to_json(s).map(Value::String);
    }
    if depth >= MAX_DEPTH {
        return Err(Unsupported::new(format!(
            "nested deeper than {MAX_DEPTH} levels"
        )));
    }
    if let Ok(dict) = value.cast::<PyDict>() {
        let mut map = Map::with_capacity(dict.len());
        for (key, item) in dict.iter() {
            let Ok(key) = key.cast::<PyString>() else {
                return Err(Unsupported::new(format!(
                    "a dict key of type `{}` is not JSON; keys must be str",
                    type_name(&key)
                )));
            };
            let key = str_to_json(key)?;
            match to_json_at(&item, depth + 1) {
                Ok(item) => {
                    map.insert(key, item);
                }
                Err(e) => return Err(e.within(key)),
            }
        }
        return Ok(Value::Object(map));
    }
    if let Ok(list) = value.cast::<PyList>() {
        return seq_to_json(list.iter(), list.len(), depth);
    }
    if value.cast::<PyTuple>().is_ok() {
        return Err(Unsupported::new(
            "a `tuple` is not a JSON array here; pass a list".to_owned(),
        ));
    }
    Err(Unsupported::new(format!(
        "a `{}` is not JSON; expected dict, list, str, int, float, bool or None",
        type_name(value)
    )))
}

fn seq_to_json<'py>(
    items: impl Iterator<Item = Bound<'py, PyAny>>,
    len: usize,
    depth: usize,
) -> Result<Value, Unsupported> {
    let mut out = Vec::with_capacity(len);
    for (index, item) in items.enumerate() {
        out.push(to_json_at(&item, depth + 1).map_err(|e| e.within(index.to_string()))?);
    }
    Ok(Value::Array(out))
}

fn int_to_json(i: &Bound<'_, PyInt>) -> Result<Value, Unsupported> {
    if let Ok(n) = i.extract::<i64>() {
        return Ok(Value::from(n));
    }
    if let Ok(n) = i.extract::<u64>() {
        return Ok(Value::from(n));
    }
    // Beyond 64 bits: the nearest double, as JSON.parse and serde_json read
    // such a literal. An int too large even for a double is refused.
    match i.extract::<f64>() {
        Ok(f) => float_to_json(f),
        Err(_) => Err(Unsupported::new(
            "an int too large for a JSON number (beyond the range of a double)",
        )),
    }
}

fn float_to_json(f: f64) -> Result<Value, Unsupported> {
    Number::from_f64(f)
        .map(Value::Number)
        .ok_or_else(|| Unsupported::new("NaN and infinity are not JSON numbers"))
}

fn str_to_json(s: &Bound<'_, PyString>) -> Result<String, Unsupported> {
    s.to_cow().map(std::borrow::Cow::into_owned).map_err(|_| {
        Unsupported::new("a str with a lone surrogate (e.g. '\\ud800') cannot be encoded as UTF-8")
    })
}

fn type_name(value: &Bound<'_, PyAny>) -> String {
    value
        .get_type()
        .name()
        .map_or_else(|_| "object".to_owned(), |n| n.to_string())
}

/// Converts JSON into plain Python objects: `dict` (in the JSON's key
/// order), `list`, `str`, `int`, `float`, `bool`, `None`.
pub(crate) fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                i.into_pyobject(py)?.into_any()
            } else if let Some(u) = n.as_u64() {
                u.into_pyobject(py)?.into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(key, to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

#[cfg(test)]
mod tests {
    use super::Unsupported;

    #[test]
    fn pointer_is_built_outside_in_and_escaped() {
        let problem = Unsupported::new("why")
            .within("0")
            .within("c~d")
            .within("a/b");
        assert_eq!(problem.pointer(), "/a~1b/c~0d/0");
        assert_eq!(problem.message(), "unsupported value at /a~1b/c~0d/0: why");
        assert_eq!(
            Unsupported::top_level("why").message(),
            "unsupported value at the top level: why"
        );
    }
}
