//! Node.js addon of regplan (npm package `regplan`).
//!
//! A thin napi-rs layer over [`regplan::interop`]: each export converts its
//! JavaScript arguments to `serde_json::Value` (`convert`), calls the core and
//! converts the result back. It holds no rules, messages or defaults; the
//! only things it adds are JavaScript's: argument checks, the conversion
//! limits, and the signing clock (`Date.now()`, passed in by `regplan.js`).
//!
//! JavaScript users call the typed wrapper in `regplan.js` / `regplan.d.ts`
//! (`index.js` / `index.d.ts` are napi's generated loader and raw types):
//!
//! ```js
//! const { plan } = require('regplan');
//! const result = plan('gcore.registries.create',
//!   { project_id: 1, region_id: 76, name: 'reg-home1' },
//!   { credentials: { type: 'api_key', api_key: process.env.GCORE_API_KEY } });
//! if (result.ok) console.log(result.curl);
//! ```

mod convert;
mod error;

use napi::bindgen_prelude::{JsValue, Unknown};
use napi::{Env, ValueType};
use napi_derive::napi;
use regplan::interop;
use serde_json::{Map, Value};

use crate::convert::{ConvertError, Converter};
use crate::error::{invalid_argument, Error, JsResult};

/// Reads a string argument (`op`, `field`), or says what it must be.
fn string_arg(value: Unknown<'_>, name: &str, example: &str) -> JsResult<String> {
    let kind = value.get_type().map_err(error::from_napi)?;
    if kind != ValueType::String {
        return Err(invalid_argument(format!(
            "{name} must be a string ({example}), not {}",
            type_name(kind)
        )));
    }
    let string = value.coerce_to_string().map_err(error::from_napi)?;
    convert::string_of(string).map_err(|e| e.into_error(name))
}

/// Reads a JSON argument; `undefined` (a missing argument) is refused.
fn json_arg<'env>(
    converter: &mut Converter<'env>,
    value: Unknown<'env>,
    name: &str,
) -> Result<Value, Error> {
    if value.get_type().map_err(error::from_napi)? == ValueType::Undefined {
        return Err(invalid_argument(format!(
            "{name} is missing (undefined); pass a JSON value"
        )));
    }
    converter
        .convert(value)
        .map_err(|e: ConvertError| e.into_error(name))
}

fn type_name(kind: ValueType) -> &'static str {
    match kind {
        ValueType::Undefined => "undefined",
        ValueType::Null => "null",
        ValueType::Boolean => "a boolean",
        ValueType::Number => "a number",
        ValueType::String => "a string",
        ValueType::Symbol => "a symbol",
        ValueType::Object => "an object",
        ValueType::Function => "a function",
        ValueType::BigInt => "a BigInt",
        _ => "an unsupported value",
    }
}

/// Results cross to JavaScript as JSON text that `regplan.js` parses:
/// `JSON.parse` builds the objects far faster than one napi call per
/// property, and reads numbers exactly as every other runtime does.
fn json_text(value: &Value) -> String {
    value.to_string()
}

const OP_EXAMPLE: &str = "an operation id such as `gcore.registries.create`";

/// Every operation with its fields, constraints and sources.
#[napi]
#[must_use]
pub fn operations() -> String {
    json_text(&interop::operations_value())
}

/// Checks a whole input and reports every problem: `{valid, errors, warnings}`.
///
/// # Errors
/// `unknown_operation`, `invalid_argument`, `unsupported_value`.
#[napi]
pub fn validate<'env>(
    env: &'env Env,
    op: Unknown<'env>,
    input: Unknown<'env>,
) -> Result<String, Error> {
    let op = string_arg(op, "op", OP_EXAMPLE)?;
    let input = json_arg(
        &mut Converter::new(env).map_err(error::from_napi)?,
        input,
        "input",
    )?;
    interop::validate_value(&op, &input)
        .map(|value| json_text(&value))
        .map_err(|e| error::core(&e))
}

/// Checks one top-level field's value, as a form does on each keystroke.
///
/// # Errors
/// `unknown_operation`, `unknown_field_name`, `invalid_argument`, `unsupported_value`.
#[napi]
pub fn validate_field<'env>(
    env: &'env Env,
    op: Unknown<'env>,
    field: Unknown<'env>,
    value: Unknown<'env>,
) -> Result<String, Error> {
    let op = string_arg(op, "op", OP_EXAMPLE)?;
    let field = string_arg(field, "field", "a field name such as `name`")?;
    let value = json_arg(
        &mut Converter::new(env).map_err(error::from_napi)?,
        value,
        "value",
    )?;
    interop::validate_field_value(&op, &field, &value)
        .map(|value| json_text(&value))
        .map_err(|e| error::core(&e))
}

/// Validates many inputs of one operation: an array of reports, in order.
///
/// # Errors
/// `unknown_operation`, `invalid_argument` (inputs is not an array), `unsupported_value`.
#[napi]
pub fn validate_many<'env>(
    env: &'env Env,
    op: Unknown<'env>,
    inputs: Unknown<'env>,
) -> Result<String, Error> {
    let op = string_arg(op, "op", OP_EXAMPLE)?;
    regplan::operation(&op).map_err(|e| error::core(&e))?;
    let mut converter = Converter::new(env).map_err(error::from_napi)?;
    let Some(items) = converter
        .convert_items(inputs)
        .map_err(|e| e.into_error("inputs"))?
    else {
        let kind = inputs.get_type().map_err(error::from_napi)?;
        return Err(invalid_argument(format!(
            "inputs must be an array of inputs, not {}",
            type_name(kind)
        )));
    };
    let reports = items
        .iter()
        .map(|input| interop::validate_value(&op, input).map_err(|e| error::core(&e)))
        .collect::<Result<Vec<Value>, Error>>()?;
    Ok(json_text(&Value::Array(reports)))
}

/// Plans the exact request: `{ok: true, request, curl}`, or `{ok: false,
/// errors, warnings}` for an invalid input. `now` (epoch milliseconds) is
/// the signing time used when `options.timestamp` is absent.
///
/// # Errors
/// Misuse, with the core's code (`unknown_operation`, `missing_credentials`,
/// `invalid_option`, ...), `invalid_argument` or `unsupported_value`.
#[napi]
pub fn plan<'env>(
    env: &'env Env,
    op: Unknown<'env>,
    input: Unknown<'env>,
    options: Unknown<'env>,
    now: Unknown<'env>,
) -> Result<String, Error> {
    let op = string_arg(op, "op", OP_EXAMPLE)?;
    let mut converter = Converter::new(env).map_err(error::from_napi)?;
    let input = json_arg(&mut converter, input, "input")?;
    let mut options = match options.get_type().map_err(error::from_napi)? {
        ValueType::Undefined | ValueType::Null => Value::Null,
        _ => json_arg(&mut converter, options, "options")?,
    };
    if now.get_type().map_err(error::from_napi)? != ValueType::Undefined {
        let now = json_arg(&mut converter, now, "now")?;
        if options.is_null() {
            options = Value::Object(Map::new());
        }
        // Only a missing timestamp is filled in. An explicit `null` opts out of
        // the clock (signed requests then fail with `missing_timestamp`, as in
        // the core); anything else, and options that are not an object, are
        // the core's to judge.
        if let Value::Object(map) = &mut options {
            map.entry("timestamp").or_insert(now);
        }
    }
    interop::plan_value(&op, &input, &options)
        .map(|value| json_text(&value))
        .map_err(|e| error::core(&e))
}

/// The JSON Schema (draft 2020-12) of the operation's input.
///
/// # Errors
/// `unknown_operation`, `invalid_argument`.
#[napi]
pub fn schema(op: Unknown<'_>) -> Result<String, Error> {
    let op = string_arg(op, "op", OP_EXAMPLE)?;
    interop::schema_value(&op)
        .map(|value| json_text(&value))
        .map_err(|e| error::core(&e))
}
