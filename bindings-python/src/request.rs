//! The planned request as a Python object.

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList};

use crate::output;

/// A planned request: what to send, byte for byte. `repr()` masks secrets;
/// `headers` and `body` hold the real values, to be sent.
#[pyclass(frozen, module = "regplan", name = "Request")]
pub(crate) struct Request {
    pub(crate) inner: regplan_core::Request,
}

fn json_err(e: &serde_json::Error) -> PyErr {
    PyRuntimeError::new_err(e.to_string())
}

impl Request {
    fn headers_dict<'py>(&self, py: Python<'py>, reveal: bool) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for header in &self.inner.headers {
            if reveal {
                dict.set_item(header.name, header.value())?;
            } else {
                dict.set_item(header.name, header.masked_value())?;
            }
        }
        Ok(dict)
    }
}

#[pymethods]
impl Request {
    /// The HTTP method (`GET`, `POST`, ...).
    #[getter]
    fn method(&self) -> &'static str {
        self.inner.method.as_str()
    }

    /// The full URL, path parameters percent-encoded.
    #[getter]
    fn url(&self) -> &str {
        &self.inner.url
    }

    /// The headers as sent, in the order sent, secrets included.
    #[getter]
    fn headers<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        self.headers_dict(py, true)
    }

    /// The exact body bytes, or `None` for a request without a body.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyBytes>> {
        self.inner.body().map(|b| PyBytes::new(py, b))
    }

    /// The body parsed as JSON (keys in the order sent), or `None`.
    fn json<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.inner.body() {
            Some(body) => {
                output::value_to_py(py, &serde_json::from_slice(body).map_err(|e| json_err(&e))?)
            }
            None => Ok(py.None().into_bound(py)),
        }
    }

    /// JSON Pointers of the fields whose documented defaults were filled in.
    #[getter]
    fn defaults_applied(&self) -> Vec<&str> {
        self.inner
            .defaults_applied
            .iter()
            .map(regplan_core::Pointer::as_str)
            .collect()
    }

    /// Warnings from validation (`{code, path, message, params}`); the request is still valid.
    #[getter]
    fn warnings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        output::issues(py, &self.inner.warnings)
    }

    /// True for a preview (`plan(..., preview=True)` without credentials):
    /// placeholders stand where the credentials go; the send helpers refuse it.
    #[getter]
    fn preview(&self) -> bool {
        self.inner.preview
    }

    /// A `curl` command line for a POSIX shell, secrets masked unless `reveal_secrets`.
    #[pyo3(signature = (reveal_secrets = false))]
    fn to_curl(&self, reveal_secrets: bool) -> String {
        self.inner.to_curl(reveal_secrets)
    }

    /// `{method, url, headers, body (text), defaults_applied, warnings, preview}`,
    /// secrets masked unless `reveal_secrets`: the `request` member of `plan_json`.
    #[pyo3(signature = (reveal_secrets = false))]
    fn to_dict<'py>(&self, py: Python<'py>, reveal_secrets: bool) -> PyResult<Bound<'py, PyAny>> {
        let view =
            serde_json::to_value(self.inner.view(reveal_secrets)).map_err(|e| json_err(&e))?;
        output::value_to_py(py, &view)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let headers = self.headers_dict(py, false)?.repr()?;
        let body = match self.inner.body_text(false) {
            Some(text) => PyBytes::new(py, text.as_bytes()).repr()?.to_string(),
            None => "None".to_owned(),
        };
        let url = pyo3::types::PyString::new(py, &self.inner.url).repr()?;
        Ok(format!(
            "Request(method='{}', url={url}, headers={headers}, body={body})",
            self.inner.method.as_str()
        ))
    }
}
