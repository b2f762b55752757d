//! JS values to `serde_json::Value` and back.
//!
//! Inbound, a value is read as `JSON.stringify` would see plain data, but
//! strictly: anything JSON cannot hold (NaN, ±Infinity, `undefined` as a
//! member or item, `BigInt`, functions, symbols, strings with lone surrogates,
//! class instances such as `Date` or `Map`, cycles, nesting deeper than
//! [`MAX_DEPTH`]) is the error `unsupported_value` instead of being silently
//! changed. Every JS call that user code can intercept (getters, proxies) is
//! imported with `catch`, so a throwing getter becomes a thrown error rather
//! than an exception unwinding through Rust frames.
//!
//! Outbound, `serde_wasm_bindgen`'s JSON-compatible serializer gives plain
//! objects (in the core's key order) and `null`.

use js_sys::{Array, JsString};
use serde::Serialize;
use serde_json::{Map, Number, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::{throwable, UNSUPPORTED_VALUE};

/// Deepest nesting of arrays and objects accepted: the recursion limit of
/// serde_json's parser, so anything accepted here could also have reached the
/// core as JSON text. It also ends the walk of a cyclic object.
pub(crate) const MAX_DEPTH: usize = 128;

/// 2^64: whole numbers below it (and ≥ 0) fit a `u64`.
const U64_LIMIT: f64 = 18_446_744_073_709_551_616.0;
/// -2^63, the smallest `i64`.
const I64_MIN: f64 = -9_223_372_036_854_775_808.0;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Object, js_name = getPrototypeOf)]
    fn prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(value: &JsValue) -> Result<Array, JsValue>;

    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = get)]
    fn get(target: &JsValue, key: &JsValue) -> Result<JsValue, JsValue>;

    /// A JS string, for `String.prototype.isWellFormed` (no lone surrogates).
    #[wasm_bindgen(extends = JsString)]
    type Text;

    #[wasm_bindgen(method, js_name = isWellFormed)]
    fn is_well_formed(this: &Text) -> bool;
}

/// Why a value cannot be JSON, and where (path segments, innermost first:
/// they are pushed while the recursion unwinds).
enum Failure {
    Unsupported {
        what: &'static str,
        reversed_path: Vec<String>,
    },
    /// A getter or proxy trap threw; rethrown unchanged.
    Thrown(JsValue),
}

impl Failure {
    fn unsupported(what: &'static str) -> Self {
        Failure::Unsupported {
            what,
            reversed_path: Vec::new(),
        }
    }

    fn at(mut self, segment: String) -> Self {
        if let Failure::Unsupported { reversed_path, .. } = &mut self {
            reversed_path.push(segment);
        }
        self
    }
}

/// Reads argument `name` (`input`, `options`, `value`) as JSON; `undefined`
/// (an omitted argument) is `null` when `undefined_is_null`.
pub(crate) fn from_js(
    value: &JsValue,
    name: &str,
    undefined_is_null: bool,
) -> Result<Value, JsValue> {
    if undefined_is_null && value.is_undefined() {
        return Ok(Value::Null);
    }
    walk(value, 0).map_err(|failure| match failure {
        Failure::Thrown(error) => error,
        Failure::Unsupported {
            what,
            reversed_path,
        } => {
            let mut at = String::from(name);
            for segment in reversed_path.iter().rev() {
                at.push('/');
                at.push_str(&segment.replace('~', "~0").replace('/', "~1"));
            }
            throwable(
                UNSUPPORTED_VALUE,
                &format!("{at}: {what} cannot be represented in JSON"),
            )
        }
    })
}

/// Reads a string argument (operation id, field name); `None` for any other type.
pub(crate) fn string_arg(value: &JsValue) -> Option<String> {
    value.as_string()
}

fn walk(value: &JsValue, depth: usize) -> Result<Value, Failure> {
    if let Some(text) = value.dyn_ref::<JsString>() {
        return string(text).map(Value::String);
    }
    if let Some(number) = value.as_f64() {
        return from_number(number).map(Value::Number);
    }
    if let Some(flag) = value.as_bool() {
        return Ok(Value::Bool(flag));
    }
    if value.is_null() {
        return Ok(Value::Null);
    }
    if value.is_undefined() {
        return Err(Failure::unsupported("undefined"));
    }
    if value.is_bigint() {
        return Err(Failure::unsupported("a BigInt"));
    }
    if value.is_symbol() {
        return Err(Failure::unsupported("a symbol"));
    }
    if value.is_function() {
        return Err(Failure::unsupported("a function"));
    }
    if depth >= MAX_DEPTH {
        return Err(Failure::unsupported(
            "an object nested more than 128 levels deep (or a cycle)",
        ));
    }
    if is_array(value).map_err(Failure::Thrown)? {
        return array(value, depth).map(Value::Array);
    }
    if value.is_object() {
        return object(value, depth).map(Value::Object);
    }
    Err(Failure::unsupported("a value of this type"))
}

fn string(text: &JsString) -> Result<String, Failure> {
    if !text.unchecked_ref::<Text>().is_well_formed() {
        return Err(Failure::unsupported("a string with a lone surrogate"));
    }
    // Well-formed UTF-16 converts to UTF-8 without loss.
    text.as_string()
        .ok_or_else(|| Failure::unsupported("a string"))
}

fn from_number(number: f64) -> Result<Number, Failure> {
    if !number.is_finite() {
        return Err(Failure::unsupported(if number.is_nan() {
            "NaN"
        } else {
            "an infinite number"
        }));
    }
    // JS has one number type. A whole number becomes the JSON integer that
    // serde_json would parse from its digits (u64 or i64: exact, since the
    // f64 holds that integer exactly); anything else stays a float, as a
    // literal too large for u64 would.
    if number.fract() == 0.0 {
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        if (0.0..U64_LIMIT).contains(&number) {
            return Ok(Number::from(number as u64));
        }
        #[allow(clippy::cast_possible_truncation)]
        if (I64_MIN..0.0).contains(&number) {
            return Ok(Number::from(number as i64));
        }
    }
    Number::from_f64(number).ok_or_else(|| Failure::unsupported("NaN"))
}

fn array(value: &JsValue, depth: usize) -> Result<Vec<Value>, Failure> {
    let length = get(value, &JsValue::from_str("length"))
        .map_err(Failure::Thrown)?
        .as_f64()
        .unwrap_or(0.0);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let length = length as u32;
    let mut items = Vec::with_capacity(length.min(1024) as usize);
    for index in 0..length {
        let item = get(value, &JsValue::from(index)).map_err(Failure::Thrown)?;
        items.push(walk(&item, depth + 1).map_err(|f| f.at(index.to_string()))?);
    }
    Ok(items)
}

fn object(value: &JsValue, depth: usize) -> Result<Map<String, Value>, Failure> {
    // Plain objects only (prototype `Object.prototype` of any realm, or
    // null): a `Date`, `Map` or class instance has no faithful JSON form.
    let prototype = prototype_of(value).map_err(Failure::Thrown)?;
    if !prototype.is_null() && !prototype_of(&prototype).map_err(Failure::Thrown)?.is_null() {
        return Err(Failure::unsupported(
            "an object that is not a plain object (Date, Map, class instance)",
        ));
    }
    let keys = own_keys(value).map_err(Failure::Thrown)?;
    let mut map = Map::new();
    for key in keys.iter() {
        let name = match key.dyn_ref::<JsString>() {
            Some(text) => string(text)?,
            None => return Err(Failure::unsupported("a key that is not a string")),
        };
        let member = get(value, &key).map_err(Failure::Thrown)?;
        let member = walk(&member, depth + 1).map_err(|f| f.at(name.clone()))?;
        map.insert(name, member);
    }
    Ok(map)
}

/// A core result as a plain JS value (objects, arrays, `null`).
pub(crate) fn to_js(value: &Value) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| throwable(UNSUPPORTED_VALUE, &e.to_string()))
}
