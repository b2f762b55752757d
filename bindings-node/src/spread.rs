//! The exports that take an input: `validate`, `validateField`,
//! `validateMany` and `plan`, called by `regplan.js` with the input's
//! top-level members spread into the arguments.
//!
//! Reading a member through Node-API costs two calls (`keys[i]`,
//! `object[key]`) of about 60 ns each; JavaScript reads them in a few
//! nanoseconds, and every argument of a call arrives through one
//! `napi_get_cb_info`. So `regplan.js` (`spread` there) reads what this
//! addon would read first anyway, in the same order with the same
//! operations — a plain object's prototypes, `Object.keys`, each member's
//! `[[Get]]` — and passes the members; everything below the top level is
//! read here, lazily, as the rules ask. An exception a getter or trap threw
//! is passed back in its place and re-thrown here when the core reaches
//! it, so the outcome is the one reading it here would give (an earlier
//! error still wins).
//!
//! One value's transcript is a tag then its arguments:
//! - `0, value`: read the value here;
//! - `1, object`: an object that is not plain (its prototypes were read);
//! - `2, exception`: reading the object's prototypes or keys threw;
//! - `3, keys, object`: a plain object with many keys, and its `Object.keys`;
//! - `4 + n, key₁, value₁, …, keyₙ, valueₙ`: a plain object's n members;
//! - `-(1 + n), key₁, value₁, …, keyₙ, valueₙ, exception`: reading member
//!   n + 1 threw.

use std::borrow::Cow;

use regplan::{interop, Error, Failure, Pointer, Unsupported};

use crate::error;
use crate::input::{Call, Js, Sent};
use crate::js::{Cx, Result, Type, Val, Variadic};
use crate::output;

/// The functions `regplan.js` calls, by name.
pub(crate) const FUNCTIONS: [(&std::ffi::CStr, Variadic); 4] = [
    (c"validate", validate),
    (c"validateField", validate_field),
    (c"validateMany", validate_many),
    (c"plan", plan),
];

fn malformed() -> napi::Error {
    napi::Error::new(
        napi::Status::InvalidArg,
        "regplan: malformed call (use the package's exports, not index.js)",
    )
}

/// The argument at `index`.
fn arg(args: &[Val], index: usize) -> Result<Val> {
    args.get(index).copied().ok_or_else(malformed)
}

/// Reads one value's transcript from the front of `args`: the value and
/// the arguments after it.
fn take<'a>(cx: Cx, args: &'a [Val]) -> Result<(Sent<'a>, &'a [Val])> {
    let (tag, rest) = args.split_first().ok_or_else(malformed)?;
    if cx.type_of(*tag)? != Type::Number {
        return Err(malformed());
    }
    let tag = cx.number(*tag)?;
    let pairs = |count: f64| -> Result<usize> {
        // A count of members the caller built: small, whole, non-negative.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let n = count as usize;
        if count.fract() != 0.0 || count < 0.0 || n.saturating_mul(2) > rest.len() {
            return Err(malformed());
        }
        Ok(n * 2)
    };
    let split = |n: usize| -> Result<(&'a [Val], &'a [Val])> {
        if n > rest.len() {
            return Err(malformed());
        }
        Ok(rest.split_at(n))
    };
    Ok(if tag == 0.0 {
        (Sent::Value(arg(rest, 0)?), split(1)?.1)
    } else if tag == 1.0 {
        (Sent::NotPlain(arg(rest, 0)?), split(1)?.1)
    } else if tag == 2.0 {
        (Sent::Thrown(arg(rest, 0)?), split(1)?.1)
    } else if tag == 3.0 {
        (Sent::Keys(arg(rest, 0)?, arg(rest, 1)?), split(2)?.1)
    } else if tag >= 4.0 {
        let (members, rest) = split(pairs(tag - 4.0)?)?;
        (Sent::Members(members, None), rest)
    } else {
        let (members, rest) = split(pairs(-tag - 1.0)?)?;
        let (thrown, rest) = rest.split_first().ok_or_else(malformed)?;
        (Sent::Members(members, Some(*thrown)), rest)
    })
}

/// The operation id: `known` is its index in `operations()` when
/// `regplan.js` found it there (the string is then not read again), else
/// `op` is read with the core's checks.
fn op_arg(call: &Call, op: Val, known: Val) -> Result<Cow<'static, str>> {
    let cx = call.cx;
    if cx.type_of(known)? == Type::Number {
        let index = cx.number(known)?;
        let found = regplan::operations()
            .iter()
            .zip(0u32..)
            .find(|(_, i)| f64::from(*i) == index);
        if let Some((operation, _)) = found {
            return Ok(Cow::Borrowed(operation.id));
        }
    }
    string_arg(call, "op", op).map(Cow::Owned)
}

/// Reads a string argument (`op`, `field`) with the core's checks.
pub(crate) fn string_arg(call: &Call, name: &'static str, value: Val) -> Result<String> {
    interop::string_argument(name, &call.js(value)).map_err(|f| error::failure(call.cx, f))
}

/// The options of `validate`, `validateMany` (`{form}`) and, `with_input`,
/// `validateField` (`{form, input}`), read by the core's options reader;
/// `input` comes back as the host value it is, read lazily by the core.
fn validate_options<'c>(
    call: &'c Call,
    options: Val,
    with_input: bool,
) -> Result<(regplan::ValidateOptions, Option<Js<'c>>)> {
    let options = match call.cx.type_of(options)? {
        Type::Undefined => None,
        _ => Some(call.js(options)),
    };
    interop::read_validate_options(options.as_ref(), with_input)
        .map_err(|f| error::failure(call.cx, f))
}

/// `validate(op, known, options, ...input)`: `null` for a valid input without
/// warnings, else the encoded report.
fn validate(cx: Cx, args: &[Val]) -> Result<Val> {
    let call = Call::new(cx);
    let op = op_arg(&call, arg(args, 0)?, arg(args, 1)?)?;
    let (options, _) = validate_options(&call, arg(args, 2)?, false)?;
    let (input, _) = take(cx, args.get(3..).unwrap_or_default())?;
    let report = regplan::validate_with_options(&op, &Js::sent(&call, input), &options)
        .map_err(|f| error::failure(cx, f))?;
    output::report(cx, &report)
}

/// `validateField(op, known, field, options, ...value)`.
fn validate_field(cx: Cx, args: &[Val]) -> Result<Val> {
    let call = Call::new(cx);
    let op = op_arg(&call, arg(args, 0)?, arg(args, 1)?)?;
    let field = string_arg(&call, "field", arg(args, 2)?)?;
    let (options, whole) = validate_options(&call, arg(args, 3)?, true)?;
    let (value, _) = take(cx, args.get(4..).unwrap_or_default())?;
    let report = regplan::validate_field_with_options(
        &op,
        &field,
        &Js::sent(&call, value),
        whole.as_ref(),
        &options,
    )
    .map_err(|f| error::failure(cx, f))?;
    output::report(cx, &report)
}

/// `validateMany(op, known, options, first, 0, inputs)` validates the value
/// `inputs` (any value: the core checks it is an array);
/// `validateMany(op, known, options, first, 1, ...input₁, ...input₂, …)` validates
/// inputs `first`, `first + 1`, … of an array `regplan.js` read, in chunks.
/// The encoded reports, in order.
fn validate_many(cx: Cx, args: &[Val]) -> Result<Val> {
    let call = Call::new(cx);
    let op = op_arg(&call, arg(args, 0)?, arg(args, 1)?)?;
    let (options, _) = validate_options(&call, arg(args, 2)?, false)?;
    let args = args.get(1..).unwrap_or_default();
    let first = arg(args, 2)?;
    let first = match cx.type_of(first)? {
        // An index into an array: whole and below 2^53.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Type::Number => cx.number(first)? as usize,
        _ => return Err(malformed()),
    };
    let mode = arg(args, 3)?;
    if cx.type_of(mode)? == Type::Number && cx.number(mode)? == 0.0 {
        let reports = regplan::validate_many_with_options(&op, &call.js(arg(args, 4)?), &options)
            .map_err(|f| error::failure(cx, f))?;
        return output::reports(cx, &reports);
    }
    let mut rest = args.get(4..).unwrap_or_default();
    let mut reports = Vec::new();
    while !rest.is_empty() {
        let (input, after) = take(cx, rest)?;
        rest = after;
        let index = first + reports.len();
        let report = regplan::validate_with_options(&op, &Js::sent(&call, input), &options)
            .map_err(|f| error::failure(cx, within(f, index)))?;
        reports.push(report);
    }
    output::reports(cx, &reports)
}

/// A failure inside input `index` of `validateMany`, its path prefixed with
/// the index as `regplan::validate_many_with` does (`/3/name`).
fn within(failure: Failure<napi::Error>, index: usize) -> Failure<napi::Error> {
    match failure {
        Failure::Api(Error::UnsupportedValue(Unsupported { path, foreign })) => {
            Failure::Api(Error::UnsupportedValue(Unsupported {
                path: Pointer::root().index(index).join(&path),
                foreign,
            }))
        }
        other => other,
    }
}

/// `plan(op, known, options, now, ...input)`: the encoded request (see
/// `output::planned`) or the report of an invalid input. `now` (epoch
/// milliseconds, or `undefined` for no clock) is the signing time used when
/// `options` has no `timestamp` member.
fn plan(cx: Cx, args: &[Val]) -> Result<Val> {
    let call = Call::new(cx);
    let op = op_arg(&call, arg(args, 0)?, arg(args, 1)?)?;
    let options = arg(args, 2)?;
    let options = match cx.type_of(options)? {
        Type::Undefined => None,
        _ => Some(call.js(options)),
    };
    let now = arg(args, 3)?;
    let now = match cx.type_of(now)? {
        Type::Number => millis(cx.number(now)?),
        _ => None,
    };
    let (options, reveal) =
        interop::read_options(options.as_ref(), now).map_err(|f| error::failure(cx, f))?;
    let (input, _) = take(cx, args.get(4..).unwrap_or_default())?;
    match regplan::plan_with(&op, &Js::sent(&call, input), &options) {
        Ok(request) => output::planned(cx, &request, reveal),
        Err(Failure::Api(Error::Invalid(report))) => output::invalid_plan(cx, &report),
        Err(other) => Err(error::failure(cx, other)),
    }
}

/// Whole epoch milliseconds, as `Date.now()` gives them.
fn millis(n: f64) -> Option<i64> {
    // Exact: the bound keeps the value within i64 and f64's integers.
    #[allow(clippy::cast_possible_truncation)]
    (n.fract() == 0.0 && n.abs() < 9.0e15).then_some(n as i64)
}
