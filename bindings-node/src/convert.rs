//! JavaScript values to `serde_json::Value` and back.
//!
//! napi's own `serde_json` conversion reads strings lossily (a lone surrogate
//! becomes U+FFFD), silently drops `undefined` object members, reads any
//! object with enumerable keys (a `Map` becomes `{}`) and turns large
//! integers into `BigInt`s on the way out. This walker makes each of those a
//! precise `unsupported_value` error instead, with the JSON Pointer of the
//! offending value, and guards against cycles, deep nesting and huge inputs
//! so that no input can crash the process.

use napi::bindgen_prelude::{
    JsObjectValue, JsValue, KeyCollectionMode, KeyConversion, KeyFilter, Object, Unknown,
};
use napi::{Env, JsString, ValueType};
use serde_json::{Map, Number, Value};

use crate::error::{self, Error};

/// Deepest nesting accepted; `serde_json` parses at most 128 levels too.
const MAX_DEPTH: usize = 128;

/// Most values (scalars, arrays and objects) accepted in one argument. A
/// depth limit alone cannot stop a shared-object DAG (`{a: o, b: o}` nested
/// 60 deep is 2^60 values), so the total work is budgeted as well.
/// `validateMany` gives each input its own budget.
const MAX_VALUES: usize = 100_000;

/// Why a value is not JSON, and where: `path` holds the segments from the
/// failing value up to the argument, innermost first.
pub(crate) struct Unsupported {
    reason: String,
    path: Vec<Segment>,
}

enum Segment {
    Key(String),
    Index(u32),
}

impl Unsupported {
    fn new(reason: impl Into<String>) -> Self {
        Unsupported {
            reason: reason.into(),
            path: Vec::new(),
        }
    }

    fn at(mut self, segment: Segment) -> Self {
        self.path.push(segment);
        self
    }

    /// The error thrown to JavaScript, naming the argument (`input`,
    /// `options`, `inputs[3]`) and the JSON Pointer inside it.
    pub(crate) fn into_error(self, argument: &str) -> Error {
        let pointer = self
            .path
            .iter()
            .rev()
            .fold(regplan::Pointer::default(), |p, s| match s {
                Segment::Key(k) => p.key(k),
                Segment::Index(i) => p.index(*i as usize),
            });
        let location = match pointer.as_str() {
            "" => argument.to_owned(),
            // A 10,000-deep path is no help to read: show where it starts.
            long if long.chars().count() > 120 => {
                let start: String = long.chars().take(100).collect();
                format!("{argument} at {start}…")
            }
            short => format!("{argument} at {short}"),
        };
        Error::new(
            "unsupported_value".to_owned(),
            format!("{location}: {}", self.reason),
        )
    }
}

/// A failed conversion: either the value is not JSON, or JavaScript threw
/// (a getter or a `Proxy` trap), in which case the JS exception is kept.
pub(crate) enum ConvertError {
    Unsupported(Unsupported),
    Js(napi::Error),
}

impl From<napi::Error> for ConvertError {
    fn from(e: napi::Error) -> Self {
        ConvertError::Js(e)
    }
}

impl ConvertError {
    fn at(self, segment: Segment) -> Self {
        match self {
            ConvertError::Unsupported(u) => ConvertError::Unsupported(u.at(segment)),
            js @ ConvertError::Js(_) => js,
        }
    }

    /// The error for argument `argument`.
    pub(crate) fn into_error(self, argument: &str) -> Error {
        match self {
            ConvertError::Unsupported(u) => u.into_error(argument),
            ConvertError::Js(e) => error::from_napi(e),
        }
    }
}

fn unsupported<T>(reason: impl Into<String>) -> Result<T, ConvertError> {
    Err(ConvertError::Unsupported(Unsupported::new(reason)))
}

/// Reads a JavaScript string as UTF-8, refusing lone surrogates (which
/// cannot be encoded in UTF-8 and would otherwise turn into U+FFFD).
pub(crate) fn string_of(s: JsString<'_>) -> Result<String, ConvertError> {
    let units = s.into_utf16()?;
    // napi's buffer ends with the NUL terminator.
    let units = units.as_slice().split_last().map_or(&[][..], |(_, s)| s);
    String::from_utf16(units).or_else(|_| {
        unsupported("the string holds a lone surrogate (invalid UTF-16), which has no UTF-8 form")
    })
}

/// Converts JavaScript values to JSON with the limits above.
pub(crate) struct Converter<'env> {
    env: &'env Env,
    /// `Object.prototype` of this realm: objects with it (or with no
    /// prototype) are plain objects.
    object_prototype: Unknown<'env>,
    /// The objects and arrays being converted, outermost first (cycle check).
    ancestors: Vec<Object<'env>>,
    remaining: usize,
}

impl<'env> Converter<'env> {
    pub(crate) fn new(env: &'env Env) -> napi::Result<Self> {
        // `Object` is a function: read it as a value, then as an object.
        let object: Unknown<'env> = env.get_global()?.get_named_property("Object")?;
        let prototype: Unknown<'env> =
            object.coerce_to_object()?.get_named_property("prototype")?;
        Ok(Converter {
            env,
            object_prototype: prototype,
            ancestors: Vec::new(),
            remaining: MAX_VALUES,
        })
    }

    /// Converts one value. `undefined` at the top is reported by the caller
    /// (a missing argument); below it, it is an `unsupported_value`.
    pub(crate) fn convert(&mut self, value: Unknown<'env>) -> Result<Value, ConvertError> {
        if self.remaining == 0 {
            return unsupported(format!(
                "has more than {MAX_VALUES} values, more than any request needs"
            ));
        }
        self.remaining -= 1;
        match value.get_type()? {
            ValueType::Null => Ok(Value::Null),
            ValueType::Boolean => Ok(Value::Bool(value.coerce_to_bool()?)),
            ValueType::Number => number(value.coerce_to_number()?.get_double()?),
            ValueType::String => Ok(Value::String(string_of(value.coerce_to_string()?)?)),
            ValueType::Object => self.object(value),
            ValueType::Undefined => {
                unsupported("undefined is not a JSON value (leave the key out instead)")
            }
            ValueType::BigInt => unsupported("a BigInt is not a JSON value (pass a number)"),
            ValueType::Symbol => unsupported("a symbol is not a JSON value"),
            ValueType::Function => unsupported("a function is not a JSON value"),
            _ => unsupported("this kind of value is not a JSON value"),
        }
    }

    fn object(&mut self, value: Unknown<'env>) -> Result<Value, ConvertError> {
        let object = value.coerce_to_object()?;
        for ancestor in &self.ancestors {
            if self.env.strict_equals(*ancestor, object)? {
                return unsupported("the value contains itself (a cyclic reference)");
            }
        }
        if self.ancestors.len() >= MAX_DEPTH {
            return unsupported(format!("is nested more than {MAX_DEPTH} levels deep"));
        }
        if value.is_date()? {
            // A Date is its epoch milliseconds, the form `options.timestamp` takes.
            let millis = value.coerce_to_number()?.get_double()?;
            if !millis.is_finite() {
                return unsupported("an invalid Date has no time");
            }
            return number(millis);
        }
        let is_array = value.is_array()?;
        if !is_array && !self.is_plain(&object)? {
            return unsupported(
                "only plain objects, arrays, strings, numbers, booleans and null are JSON values \
                 (this object is a Map, a Set, a class instance or similar)",
            );
        }
        self.ancestors.push(object);
        let converted = if is_array {
            self.array(&object)
        } else {
            self.members(&object)
        };
        self.ancestors.pop();
        converted
    }

    /// Converts each element of an array with a fresh value budget (the
    /// inputs of `validateMany`), or `None` when `value` is not an array.
    pub(crate) fn convert_items(
        &mut self,
        value: Unknown<'env>,
    ) -> Result<Option<Vec<Value>>, ConvertError> {
        if !value.is_array()? {
            return Ok(None);
        }
        let array = value.coerce_to_object()?;
        let length = array.get_array_length()?;
        let mut items = Vec::with_capacity(length.min(1024) as usize);
        for index in 0..length {
            self.remaining = MAX_VALUES;
            let item: Unknown<'env> = array.get_element(index)?;
            items.push(
                self.convert(item)
                    .map_err(|e| e.at(Segment::Index(index)))?,
            );
        }
        Ok(Some(items))
    }

    fn is_plain(&self, object: &Object<'env>) -> Result<bool, ConvertError> {
        let prototype = object.get_prototype()?;
        Ok(prototype.get_type()? == ValueType::Null
            || self.env.strict_equals(prototype, self.object_prototype)?)
    }

    fn array(&mut self, array: &Object<'env>) -> Result<Value, ConvertError> {
        let length = array.get_array_length()?;
        let mut items = Vec::with_capacity(length.min(1024) as usize);
        for index in 0..length {
            let item: Unknown<'env> = array.get_element(index)?;
            items.push(
                self.convert(item)
                    .map_err(|e| e.at(Segment::Index(index)))?,
            );
        }
        Ok(Value::Array(items))
    }

    fn members(&mut self, object: &Object<'env>) -> Result<Value, ConvertError> {
        // Own enumerable keys, as `Object.keys` and `JSON.stringify` read them.
        let keys = object.get_all_property_names(
            KeyCollectionMode::OwnOnly,
            KeyFilter::Enumerable,
            KeyConversion::NumbersToStrings,
        )?;
        let count = keys.get_array_length()?;
        let mut map = Map::new();
        for index in 0..count {
            let key: Unknown<'env> = keys.get_element(index)?;
            if key.get_type()? != ValueType::String {
                continue; // symbol keys are not part of JSON
            }
            let name = string_of(key.coerce_to_string()?).map_err(|e| match e {
                ConvertError::Unsupported(_) => ConvertError::Unsupported(Unsupported::new(
                    "a key holds a lone surrogate (invalid UTF-16), which has no UTF-8 form",
                )),
                js @ ConvertError::Js(_) => js,
            })?;
            let member: Unknown<'env> = object.get_property(key)?;
            let converted = self
                .convert(member)
                .map_err(|e| e.at(Segment::Key(name.clone())))?;
            map.insert(name, converted);
        }
        Ok(Value::Object(map))
    }
}

/// A JavaScript number as JSON: integral values become integers (as
/// `serde_json` parses `5`, so `5` and `5.0` read the same in every runtime),
/// others stay floats; NaN and the infinities have no JSON form.
pub(crate) fn number(n: f64) -> Result<Value, ConvertError> {
    if !n.is_finite() {
        return unsupported(format!("{n} is not a JSON number"));
    }
    // The bounds are exact powers of two, so the casts below are exact.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let number = if n.fract() != 0.0 {
        Number::from_f64(n)
    } else if (0.0..18_446_744_073_709_551_616.0).contains(&n) {
        Some(Number::from(n as u64))
    } else if (-9_223_372_036_854_775_808.0..0.0).contains(&n) {
        Some(Number::from(n as i64))
    } else {
        Number::from_f64(n)
    };
    match number {
        Some(number) => Ok(Value::Number(number)),
        None => unsupported(format!("{n} is not a JSON number")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn integral_numbers_read_as_serde_json_reads_integer_literals() {
        assert_eq!(number(5.0).ok(), Some(json!(5)));
        assert_eq!(number(-0.0).ok(), Some(json!(0)));
        assert_eq!(number(-3.0).ok(), Some(json!(-3)));
        assert_eq!(number(2_147_483_648.0).ok(), Some(json!(2_147_483_648_u64)));
        assert_eq!(number(0.5).ok(), Some(json!(0.5)));
        assert_eq!(number(1e300).ok(), Some(json!(1e300)));
        assert!(number(f64::NAN).is_err());
        assert!(number(f64::INFINITY).is_err());
        assert!(number(f64::NEG_INFINITY).is_err());
    }
}
