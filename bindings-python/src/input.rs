//! Python objects as the core's [`Input`]: the binding only says what a
//! value is; every decision (NaN refused, budgets, depth, messages) is the
//! core's (`regplan::input`).
//!
//! Reading never runs user code, so a value cannot change while it is read
//! and cannot validate as one thing and be sent as another:
//! - `bool` is checked before `int` (`True` is an `int` in Python, never a number here);
//! - an `int` (or subclass, such as an `IntEnum`) is read by its integer
//!   value through `PyLong_AsLong`, never through its `__index__` or
//!   `__float__`; beyond `i64` it saturates by sign, which keeps it out of range;
//! - a `float` (or subclass) by its stored double (`PyFloat_AsDouble`);
//! - a `str` (or subclass) by its UTF-8 buffer, borrowed (zero copy); a lone
//!   surrogate is `Foreign::LoneSurrogate`;
//! - a `dict` (or subclass) by its storage (`PyDict_Next`): no `__iter__`,
//!   `__getitem__` or `items()` of a subclass runs; a non-`str` key is
//!   `Foreign::NonStringKey(type name)`;
//! - a `list` (or subclass) by its storage;
//! - type names come from the type object itself (`type.__dict__['__name__']`),
//!   so not even a metaclass property runs.

use std::borrow::Cow;

use pyo3::exceptions::PyUnicodeEncodeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{
    PyBool, PyByteArray, PyBytes, PyDict, PyFloat, PyFrozenSet, PyInt, PyList, PyMemoryView, PySet,
    PyString, PyTuple, PyType,
};
use regplan_core::input::Visit;
use regplan_core::{Abort, Foreign, Input, Shape};

/// A Python object read as an input value.
#[derive(Clone)]
pub(crate) struct Host<'py>(pub(crate) Bound<'py, PyAny>);

impl<'py> Host<'py> {
    /// The object, for the core to read.
    pub(crate) fn new(value: &Bound<'py, PyAny>) -> Self {
        Host(value.clone())
    }
}

impl Input for Host<'_> {
    type Error = PyErr;

    fn shape(&self) -> PyResult<Shape<'_>> {
        let value = &self.0;
        // The exact built-in types first (one pointer comparison each), then
        // their subclasses and the rest.
        if let Ok(s) = value.cast_exact::<PyString>() {
            return text(s).map(|s| s.map_or(Shape::Foreign(Foreign::LoneSurrogate), Shape::Str));
        }
        if let Ok(i) = value.cast_exact::<PyInt>() {
            return integer(i).map(Shape::Int);
        }
        if value.cast_exact::<PyDict>().is_ok() {
            return Ok(Shape::Object);
        }
        if let Ok(s) = value.cast::<PyString>() {
            return text(s).map(|s| s.map_or(Shape::Foreign(Foreign::LoneSurrogate), Shape::Str));
        }
        if let Ok(b) = value.cast::<PyBool>() {
            return Ok(Shape::Bool(b.is_true()));
        }
        if let Ok(i) = value.cast::<PyInt>() {
            return integer(i).map(Shape::Int);
        }
        if value.cast::<PyDict>().is_ok() {
            return Ok(Shape::Object);
        }
        if value.is_none() {
            return Ok(Shape::Null);
        }
        if let Ok(f) = value.cast::<PyFloat>() {
            return Ok(Shape::Float(f.value()));
        }
        if let Ok(list) = value.cast::<PyList>() {
            return Ok(Shape::Array(list.len()));
        }
        Ok(Shape::Foreign(foreign(value)?))
    }

    fn item(&self, index: usize) -> PyResult<Self> {
        match self.0.cast::<PyList>() {
            Ok(list) => list.get_item(index).map(Host),
            Err(_) => Ok(Host(self.0.py().None().into_bound(self.0.py()))),
        }
    }

    fn entries(&self, visit: &mut Visit<'_, Self>) -> Result<(), Abort<PyErr>> {
        let Ok(dict) = self.0.cast::<PyDict>() else {
            return Ok(());
        };
        for (key, value) in dict.iter() {
            let name = match key.cast_exact::<PyString>() {
                Ok(name) => name,
                Err(_) => match key.cast::<PyString>() {
                    Ok(name) => name,
                    Err(_) => {
                        let type_name = type_name(&key).map_err(Abort::Host)?;
                        return Err(Abort::foreign(Foreign::NonStringKey(type_name)));
                    }
                },
            };
            match text(name).map_err(Abort::Host)? {
                Some(name) => visit(&name, Host(value))?,
                None => return Err(Abort::foreign(Foreign::LoneSurrogate)),
            }
        }
        Ok(())
    }
}

/// A `str` as UTF-8, borrowed from the object; `None` when it holds a lone
/// surrogate (which UTF-8 cannot carry).
pub(crate) fn text<'a>(s: &'a Bound<'_, PyString>) -> PyResult<Option<Cow<'a, str>>> {
    match s.to_str() {
        Ok(s) => Ok(Some(Cow::Borrowed(s))),
        Err(e) if e.is_instance_of::<PyUnicodeEncodeError>(s.py()) => Ok(None),
        Err(e) => Err(e),
    }
}

/// An `int` by its value; beyond `i64`, `i64::MAX` or `i64::MIN` by its sign.
fn integer(i: &Bound<'_, PyInt>) -> PyResult<i64> {
    match i.extract::<i64>() {
        Ok(n) => Ok(n),
        Err(_) => {
            // Only an overflow reaches here (the object is an int, so no
            // `__index__` ran). Its sign through `int.__lt__` itself, never
            // a subclass's comparison.
            static LESS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
            let py = i.py();
            let less = LESS.get_or_try_init(py, || {
                py.get_type::<PyInt>().getattr("__lt__").map(Bound::unbind)
            })?;
            let negative = less.bind(py).call1((i, 0))?.is_truthy()?;
            Ok(if negative { i64::MIN } else { i64::MAX })
        }
    }
}

/// What a value that is none of the JSON kinds is.
fn foreign(value: &Bound<'_, PyAny>) -> PyResult<Foreign> {
    Ok(if value.cast::<PyTuple>().is_ok() {
        Foreign::Tuple
    } else if value.cast::<PySet>().is_ok() || value.cast::<PyFrozenSet>().is_ok() {
        Foreign::Set
    } else if value.cast::<PyBytes>().is_ok()
        || value.cast::<PyByteArray>().is_ok()
        || value.cast::<PyMemoryView>().is_ok()
    {
        Foreign::Binary
    } else if is_function(value)? {
        Foreign::Function
    } else {
        Foreign::Instance(type_name(value)?)
    })
}

/// Functions, lambdas, built-in functions, bound methods and the method
/// objects of built-in types. Their types cannot be subclassed, so comparing
/// the type object is exact.
fn is_function(value: &Bound<'_, PyAny>) -> PyResult<bool> {
    static TYPES: PyOnceLock<Vec<Py<PyType>>> = PyOnceLock::new();
    let py = value.py();
    let types = TYPES.get_or_try_init(py, || -> PyResult<_> {
        let module = py.import("types")?;
        [
            "FunctionType",
            "BuiltinFunctionType",
            "MethodType",
            "MethodWrapperType",
            "WrapperDescriptorType",
            "MethodDescriptorType",
            "ClassMethodDescriptorType",
        ]
        .into_iter()
        .map(|name| Ok(module.getattr(name)?.cast_into::<PyType>()?.unbind()))
        .collect()
    })?;
    let own = value.get_type();
    Ok(types.iter().any(|t| t.bind(py).is(&own)))
}

/// The name of a value's type, read from the type object (`type.__name__`'s
/// own descriptor), so no metaclass code runs.
pub(crate) fn type_name(value: &Bound<'_, PyAny>) -> PyResult<String> {
    static NAME: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let py = value.py();
    let descriptor = NAME.get_or_try_init(py, || -> PyResult<_> {
        let attributes = py.get_type::<PyType>().getattr("__dict__")?;
        Ok(attributes.get_item("__name__")?.unbind())
    })?;
    let name = descriptor
        .bind(py)
        .call_method1(pyo3::intern!(py, "__get__"), (value.get_type(),))?;
    Ok(match name.cast::<PyString>() {
        Ok(name) => text(name)?.map_or_else(|| "object".to_owned(), Cow::into_owned),
        Err(_) => "object".to_owned(),
    })
}
