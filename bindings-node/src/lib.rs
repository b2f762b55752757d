//! Node.js addon of regplan (npm package `regplan`).
//!
//! Each export reads its JavaScript arguments in place through
//! [`regplan::Input`] (`input`), calls the core and builds the result as
//! JavaScript values (`output`). It holds no rules, messages or defaults:
//! what a value may be, budgets and every message are the core's. What it
//! adds is JavaScript's: the signing clock (`Date.now()`, passed in by
//! `regplan.js`) and the `RegplanError` class errors are thrown as.
//!
//! JavaScript users call the wrapper in `regplan.js` / `regplan.d.ts`
//! (`index.js` / `index.d.ts` are napi's generated loader and raw types):
//!
//! ```js
//! const { plan } = require('regplan');
//! const result = plan('gcore.registries.create',
//!   { project_id: 1, region_id: 76, name: 'reg-home1' },
//!   { credentials: { type: 'api_key', api_key: process.env.GCORE_API_KEY } });
//! if (result.ok) console.log(result.curl);
//! ```

mod error;
mod input;
mod js;
mod output;

use std::borrow::Cow;

use napi::bindgen_prelude::Unknown;
use napi::Env;
use napi_derive::napi;
use regplan::{interop, Error, Failure};

use crate::input::Call;
use crate::js::{Cx, Type};

type Out<'env> = napi::Result<Unknown<'env>>;

/// Reads a string argument (`op`, `field`) with the core's checks.
fn string_arg(call: &Call, name: &'static str, value: &Unknown<'_>) -> napi::Result<String> {
    interop::string_argument(name, &call.js(Cx::val(value))).map_err(|f| error::failure(call.cx, f))
}

/// The operation id: `known` is the index of `op` in `operations()` when
/// `regplan.js` found it there (saving the read of the string), else
/// `undefined` and `op` is read with the core's checks.
fn op_arg(call: &Call, op: &Unknown<'_>, known: &Unknown<'_>) -> napi::Result<Cow<'static, str>> {
    let cx = call.cx;
    let known = Cx::val(known);
    if cx.type_of(known)? == Type::Number {
        let index = cx.number(known)?;
        let found = regplan::operations()
            .iter()
            .enumerate()
            .find(|(i, _)| *i as f64 == index);
        if let Some((_, operation)) = found {
            return Ok(Cow::Borrowed(operation.id));
        }
    }
    string_arg(call, "op", op).map(Cow::Owned)
}

/// Registers the class errors are thrown as (`RegplanError`); called once
/// by `regplan.js` when it loads.
#[napi]
pub fn init(env: &Env, error_class: Unknown<'_>) -> napi::Result<()> {
    Cx::new(env).init(Cx::val(&error_class))
}

/// Every operation with its fields, constraints and sources (encoded, see `output`).
#[napi]
pub fn operations<'env>(env: &'env Env) -> Out<'env> {
    let cx = Cx::new(env);
    Ok(cx.unknown(output::json(cx, &interop::operations_value())?))
}

/// Every issue code, then every API error code, as the core lists them.
#[napi]
pub fn codes() -> Vec<&'static str> {
    regplan::Code::ALL
        .iter()
        .map(|c| c.as_str())
        .chain(Error::CODES.iter().copied())
        .collect()
}

/// Checks a whole input: `null` when it is valid without warnings, else the
/// encoded report (`output`).
///
/// # Errors
/// `unknown_operation`, `invalid_argument`, `unsupported_value`, or the
/// exception a getter or trap threw.
#[napi]
pub fn validate<'env>(
    env: &'env Env,
    op: Unknown<'env>,
    input: Unknown<'env>,
    known_op: Unknown<'env>,
) -> Out<'env> {
    let call = Call::new(Cx::new(env));
    let op = op_arg(&call, &op, &known_op)?;
    let report = regplan::validate_with(&op, &call.js(Cx::val(&input)))
        .map_err(|f| error::failure(call.cx, f))?;
    Ok(call.cx.unknown(output::report(call.cx, &report)?))
}

/// Checks one top-level field's value, as `validate` does.
///
/// # Errors
/// As `validate`, plus `unknown_field_name`.
#[napi]
pub fn validate_field<'env>(
    env: &'env Env,
    op: Unknown<'env>,
    field: Unknown<'env>,
    value: Unknown<'env>,
    known_op: Unknown<'env>,
) -> Out<'env> {
    let call = Call::new(Cx::new(env));
    let op = op_arg(&call, &op, &known_op)?;
    let field = string_arg(&call, "field", &field)?;
    let report = regplan::validate_field_with(&op, &field, &call.js(Cx::val(&value)))
        .map_err(|f| error::failure(call.cx, f))?;
    Ok(call.cx.unknown(output::report(call.cx, &report)?))
}

/// Validates each input of an array: the encoded reports, in order.
///
/// # Errors
/// As `validate`; `invalid_argument` when `inputs` is not an array.
#[napi]
pub fn validate_many<'env>(
    env: &'env Env,
    op: Unknown<'env>,
    inputs: Unknown<'env>,
    known_op: Unknown<'env>,
) -> Out<'env> {
    let call = Call::new(Cx::new(env));
    let op = op_arg(&call, &op, &known_op)?;
    let reports = regplan::validate_many_with(&op, &call.js(Cx::val(&inputs)))
        .map_err(|f| error::failure(call.cx, f))?;
    Ok(call.cx.unknown(output::reports(call.cx, &reports)?))
}

/// Plans the exact request (encoded, see `output::planned`), or the report
/// of an invalid input. `now` (epoch milliseconds, or `undefined` for no
/// clock) is the signing time used when `options` has no `timestamp` member.
///
/// # Errors
/// Misuse, with the core's code (`unknown_operation`, `missing_credentials`,
/// `invalid_option`, `unsupported_value`, ...), or the exception a getter
/// or trap threw.
#[napi]
pub fn plan<'env>(
    env: &'env Env,
    op: Unknown<'env>,
    input: Unknown<'env>,
    options: Unknown<'env>,
    now: Unknown<'env>,
    known_op: Unknown<'env>,
) -> Out<'env> {
    let call = Call::new(Cx::new(env));
    let cx = call.cx;
    let op = op_arg(&call, &op, &known_op)?;
    let options = call.js(Cx::val(&options));
    let options = match cx.type_of(options.value)? {
        Type::Undefined => None,
        _ => Some(options),
    };
    let now = Cx::val(&now);
    let now = match cx.type_of(now)? {
        Type::Number => millis(cx.number(now)?),
        _ => None,
    };
    let (options, reveal) =
        interop::read_options(options.as_ref(), now).map_err(|f| error::failure(cx, f))?;
    let result = match regplan::plan_with(&op, &call.js(Cx::val(&input)), &options) {
        Ok(request) => output::planned(cx, &request, reveal)?,
        Err(Failure::Api(Error::Invalid(report))) => output::invalid_plan(cx, &report)?,
        Err(other) => return Err(error::failure(cx, other)),
    };
    Ok(cx.unknown(result))
}

/// Whole epoch milliseconds, as `Date.now()` gives them.
fn millis(n: f64) -> Option<i64> {
    // Exact: the bound keeps the value within i64 and f64's integers.
    #[allow(clippy::cast_possible_truncation)]
    (n.fract() == 0.0 && n.abs() < 9.0e15).then_some(n as i64)
}

/// The JSON Schema (draft 2020-12) of the operation's input (encoded).
///
/// # Errors
/// `unknown_operation`, `invalid_argument`.
#[napi]
pub fn schema<'env>(env: &'env Env, op: Unknown<'env>) -> Out<'env> {
    let call = Call::new(Cx::new(env));
    let op = string_arg(&call, "op", &op)?;
    let schema = interop::schema_value(&op).map_err(|e| error::core(call.cx, &e))?;
    Ok(call.cx.unknown(output::json(call.cx, &schema)?))
}
