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
mod spread;

use napi::bindgen_prelude::Unknown;
use napi::Env;
use napi_derive::napi;
use regplan::{interop, Error};

use crate::input::Call;
use crate::js::Cx;

type Out<'env> = napi::Result<Unknown<'env>>;

/// Registers the class errors are thrown as (`RegplanError`); called once
/// by `regplan.js` when it loads.
#[napi]
pub fn init(env: &Env, error_class: Unknown<'_>) -> napi::Result<()> {
    Cx::new(env).init(Cx::val(&error_class))
}

/// `{validate, validateField, validateMany, plan}`: the exports that take
/// an input, with its top-level members spread into their arguments by
/// `regplan.js` (see `spread`).
#[napi]
pub fn variadic<'env>(env: &'env Env) -> Out<'env> {
    let cx = Cx::new(env);
    let object = cx.object()?;
    for (name, function) in spread::FUNCTIONS {
        cx.set_named(object, name, cx.function(name, function)?)?;
    }
    Ok(cx.unknown(object))
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

/// The JSON Schema of the operation's input (encoded): draft 2020-12, or
/// draft-07 with `options` `{draft: "draft-07"}`.
///
/// # Errors
/// `unknown_operation`, `invalid_argument`, `invalid_option`.
#[napi]
pub fn schema<'env>(
    env: &'env Env,
    op: Unknown<'env>,
    options: Option<Unknown<'env>>,
) -> Out<'env> {
    let call = Call::new(Cx::new(env));
    let op = spread::string_arg(&call, "op", Cx::val(&op))?;
    let options = match options.map(|o| Cx::val(&o)) {
        Some(value) if !matches!(call.cx.type_of(value)?, js::Type::Undefined) => {
            Some(call.js(value))
        }
        _ => None,
    };
    let draft =
        interop::read_schema_options(options.as_ref()).map_err(|f| error::failure(call.cx, f))?;
    let schema = regplan::schema_with(&op, draft).map_err(|e| error::core(call.cx, &e))?;
    Ok(call.cx.unknown(output::json(call.cx, &schema)?))
}

/// Credentials for an operation or provider id from environment variables
/// given as parallel arrays (`regplan.js` passes `Object.keys(env)` and the
/// values): `[real, masked]` (encoded), or `null` when none is set.
///
/// # Errors
/// `unknown_operation`, `invalid_argument`.
#[napi]
pub fn credentials_from_env<'env>(
    env: &'env Env,
    op_or_provider: Unknown<'env>,
    names: Vec<String>,
    values: Vec<String>,
) -> Out<'env> {
    let call = Call::new(Cx::new(env));
    let id = spread::string_arg(&call, "op_or_provider", Cx::val(&op_or_provider))?;
    let found = interop::credentials_from_env_arrays(&id, &names, &values)
        .map_err(|e| error::core(call.cx, &e))?;
    Ok(call.cx.unknown(output::json(call.cx, &found)?))
}
