//! WebAssembly binding of regplan: the same rules, reports and exact requests
//! in browsers and Node, from one `.wasm` file.
//!
//! ```js
//! import init, { plan, validate } from "regplan-wasm"; // browsers: await init()
//!
//! validate("gcore.registries.create", { project_id: 0, region_id: 76, name: "reg" }).errors[0].code;
//! // "out_of_range"
//! const result = plan("gcore.registries.create", { project_id: 1, region_id: 76, name: "reg-home1" },
//!   { credentials: { type: "api_key", api_key: "k3y" } });
//! result.ok && result.request.body; // '{"name":"reg-home1","storage_limit":5}'
//! ```
//!
//! The package's entry points are `js/node.js` and `js/web.js`, which wrap
//! the exports below (`js/api.js`). Each export reads its arguments in place
//! through [`input::Host`] (the core's `Input` trait), calls the core, and
//! writes the result to a tape ([`output`]) that `js/api.js` turns into
//! plain objects. A core error goes on the tape too, and `js/api.js` throws
//! it as a `RegplanError`; an exception a getter or Proxy trap threw while
//! the core read the input is kept, marked on the tape, and thrown by
//! `js/api.js` as it is ([`take_exception`]). The binding holds no rules
//! and makes no decisions.

mod input;
mod output;

use std::cell::RefCell;

use regplan::{interop, Error, Failure};
use wasm_bindgen::prelude::*;

use crate::input::Host;
use crate::output::{emit, Tape};

#[wasm_bindgen(start)]
fn start() {
    input::init();
}

/// The module's memory, where `js/api.js` reads results.
#[wasm_bindgen(js_name = wasmMemory)]
pub fn wasm_memory() -> JsValue {
    wasm_bindgen::memory()
}

/// What a call gives `js/api.js`: the address of the tape with the result,
/// the core's error, or the mark of a host exception (see [`take_exception`]).
type Answer = u32;

thread_local! {
    /// The exception a getter or Proxy trap threw during the last call.
    static THROWN: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// Writes a core result, or its error, or keeps a host exception for
/// `js/api.js` to throw as it is.
fn answer<T>(result: Result<T, Failure<JsValue>>, write: impl FnOnce(&mut Tape, T)) -> Answer {
    match result {
        Ok(value) => emit(|tape| write(tape, value)),
        Err(Failure::Api(error)) => emit(|tape| tape.error(&error)),
        Err(Failure::Host(exception)) => {
            THROWN.with(|thrown| thrown.replace(Some(exception)));
            emit(Tape::thrown)
        }
    }
}

/// The exception the last call's tape says was thrown, handed over once.
#[wasm_bindgen(js_name = takeException)]
pub fn take_exception() -> JsValue {
    THROWN.with(RefCell::take).unwrap_or(JsValue::UNDEFINED)
}

fn operation(op: &JsValue) -> Result<String, Failure<JsValue>> {
    interop::string_argument("op", &Host::new(op))
}

/// Every operation with its fields, constraints and sources.
///
#[wasm_bindgen]
pub fn operations() -> Answer {
    emit(|tape| tape.value(&interop::operations_value()))
}

/// Every issue code, then every API error code, as the core lists them.
///
#[wasm_bindgen]
pub fn codes() -> Answer {
    let issues = regplan::Code::ALL.iter().map(|c| c.as_str());
    let errors = Error::CODES.iter().copied();
    let all: Vec<&'static str> = issues.chain(errors).collect();
    emit(|tape| tape.names(all.into_iter()))
}

/// Every problem with `input`: `{valid, errors, warnings}`; `options`
/// `{form}` as the core reads them.
///
#[wasm_bindgen]
pub fn validate(op: &JsValue, input: &JsValue, options: &JsValue) -> Answer {
    let options = Host::new(options);
    let result = operation(op).and_then(|op| {
        let (read, _) = interop::read_validate_options(Some(&options), false)?;
        regplan::validate_with_options(&op, &Host::new(input), &read)
    });
    answer(result, |tape, report| tape.report(&report))
}

/// The problems of one field's value (a name or a JSON Pointer); `options`
/// `{form, input}`, `input` the whole current input.
///
#[wasm_bindgen(js_name = validateField)]
pub fn validate_field(op: &JsValue, field: &JsValue, value: &JsValue, options: &JsValue) -> Answer {
    let options = Host::new(options);
    let result = operation(op).and_then(|op| {
        let field = interop::string_argument("field", &Host::new(field))?;
        let (read, whole) = interop::read_validate_options(Some(&options), true)?;
        regplan::validate_field_with_options(&op, &field, &Host::new(value), whole.as_ref(), &read)
    });
    answer(result, |tape, report| tape.report(&report))
}

/// A report for each input of an array; `options` `{form}`.
///
#[wasm_bindgen(js_name = validateMany)]
pub fn validate_many(op: &JsValue, inputs: &JsValue, options: &JsValue) -> Answer {
    let options = Host::new(options);
    let result = operation(op).and_then(|op| {
        let (read, _) = interop::read_validate_options(Some(&options), false)?;
        regplan::validate_many_with_options(&op, &Host::new(inputs), &read)
    });
    answer(result, |tape, reports| tape.reports(&reports))
}

/// The exact request, or every problem with the input. `now` (epoch
/// milliseconds) signs requests whose options have no `timestamp` member.
///
#[wasm_bindgen]
pub fn plan(op: &JsValue, input: &JsValue, options: &JsValue, now: f64) -> Answer {
    let options = (!options.is_undefined()).then(|| Host::new(options));
    // `Date.now()` is a whole number of milliseconds.
    #[allow(clippy::cast_possible_truncation)]
    let now = now as i64;
    let planned = operation(op).and_then(|op| {
        let (plan_options, reveal) = interop::read_options(options.as_ref(), Some(now))?;
        regplan::plan_with(&op, &Host::new(input), &plan_options).map(|r| (r, reveal))
    });
    match planned {
        Err(Failure::Api(Error::Invalid(report))) => emit(|tape| tape.not_planned(&report)),
        other => answer(other, |tape, (request, reveal)| {
            tape.planned(&request, reveal);
        }),
    }
}

/// The JSON Schema of the operation's input: draft 2020-12, or draft-07
/// with `options` `{draft: "draft-07"}`.
///
#[wasm_bindgen]
pub fn schema(op: &JsValue, options: &JsValue) -> Answer {
    let options = (!options.is_undefined()).then(|| Host::new(options));
    let result = operation(op).and_then(|op| {
        let draft = interop::read_schema_options(options.as_ref())?;
        regplan::schema_with(&op, draft).map_err(Failure::Api)
    });
    answer(result, |tape, schema| tape.value(&schema))
}

/// Credentials for an operation or provider id from environment variables
/// given as parallel arrays (`js/api.js` passes `Object.keys(env)` and the
/// values): `[real, masked]`, or `null` when none is set.
///
#[wasm_bindgen(js_name = credentialsFromEnv)]
pub fn credentials_from_env(op: &JsValue, names: Vec<String>, values: Vec<String>) -> Answer {
    let result = interop::string_argument("op_or_provider", &Host::new(op)).and_then(|id| {
        interop::credentials_from_env_arrays(&id, &names, &values).map_err(Failure::Api)
    });
    answer(result, |tape, found| tape.value(&found))
}
