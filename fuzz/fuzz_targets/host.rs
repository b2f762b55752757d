//! The host-value reader: `OP "\n" SKELETON-JSON ["\0" FLAGS SHAPING-BYTES]`.
//!
//! The skeleton (JSON, with the hostile catalogue's `$`-constructors) is
//! reshaped by the remaining bytes through `arbitrary`: made deep, wide
//! (a Proxy claiming 2^64 items, a million references to one child),
//! shared (`x = [x, x]`), poisoned with NaN, `undefined`, foreign values,
//! lone surrogates, non-string keys, throwing getters, traps and items.
//! Then `validate_with`, `plan_with`, `validate_field_with`,
//! `validate_many_with`, `read_options` and `string_argument` read it:
//! - no panic; a host error comes back unchanged;
//! - the host calls stay within a fixed multiple of the value budget, so
//!   no shape costs more than the budget allows;
//! - when the structure is plain JSON, every answer equals the answer for
//!   the equivalent `serde_json::Value`, and errors point into it.
//!
//! `FLAGS` picks the new options (none without it): bit 0 reads the input
//! as a form (`validate_with_options`, `plan_with`, `validate_field_with_options`,
//! `validate_many_with_options`), bit 1 also plans it as a preview without
//! credentials, bit 2 gives `validate_field_with_options` the value as the
//! whole input too (the tree in place of its own field). The host call bound
//! and the plain-JSON agreement hold for each. The tree is also read as
//! `validateField`'s options (`interop::read_validate_options`, `{form,
//! input}`), and a whole input found there is used as the bindings use it.
#![no_main]

use arbitrary::Unstructured;
use libfuzzer_sys::fuzz_target;
use regplan::{
    interop, Budget, Error, Failure, Input, PlanOptions, Report, Shape, ValidateOptions,
};
use regplan_fuzz::host::{calls, reset_calls, Tree, THROWN};
use regplan_fuzz::{check_paths, good_options, report_json, split_line, text};
use serde_json::{json, Value};

/// The most host calls one call may make: a few per value, for the two
/// passes (validation, then the declared values) over at most the budget.
const MOST_CALLS: u64 = 10 * Budget::VALUES as u64 + 1000;

fn bounded(what: &str) {
    let made = calls();
    assert!(made <= MOST_CALLS, "{what}: {made} host calls");
    reset_calls();
}

fn failure<E: std::fmt::Display>(f: Failure<E>) -> Value {
    match f {
        Failure::Api(e) => json!({"error": interop::error_value(&e)}),
        Failure::Host(m) => {
            let m = m.to_string();
            assert!(m.starts_with(THROWN), "a host error came back changed: {m}");
            json!({"thrown": m})
        }
    }
}

fn report<E: std::fmt::Display>(r: Result<Report, Failure<E>>) -> Value {
    r.map(|r| json!({"report": report_json(&r)}))
        .unwrap_or_else(failure)
}

fn plan<I: Input>(op: &str, input: &I, options: &PlanOptions) -> Value
where
    I::Error: std::fmt::Display,
{
    match regplan::plan_with(op, input, options) {
        Ok(request) => json!({"plan": interop::planned_value(&request, true)}),
        Err(Failure::Api(Error::Invalid(r))) => json!({"invalid": report_json(&r)}),
        Err(f) => failure(f),
    }
}

fn options<I: Input>(value: &I) -> Value
where
    I::Error: std::fmt::Display,
{
    match interop::read_options(Some(value), Some(1_795_342_500_000)) {
        Ok((o, reveal)) => json!({
            "credentials": o.credentials.map(|c| c.kind()),
            "base_url": o.base_url,
            "timestamp": o.timestamp.map(|t| t.millis()),
            "reveal": reveal,
        }),
        Err(f) => failure(f),
    }
}

/// The tree as `validateField`'s options, and `validate_field_with_options`
/// with what they give (the tree itself as the value).
fn field_options<I: Input>(op: &str, field: &str, value: &I) -> Value
where
    I::Error: std::fmt::Display,
{
    match interop::read_validate_options(Some(value), true) {
        Ok((options, input)) => json!({
            "form": options.form,
            "input": input.is_some(),
            "report": report(regplan::validate_field_with_options(
                op,
                field,
                value,
                input.as_ref(),
                &options,
            )),
        }),
        Err(f) => failure(f),
    }
}

fn many<I: Input>(op: &str, inputs: &I, options: &ValidateOptions) -> Value
where
    I::Error: std::fmt::Display,
{
    match regplan::validate_many_with_options(op, inputs, options) {
        Ok(reports) => Value::Array(reports.iter().map(report_json).collect()),
        Err(f) => failure(f),
    }
}

fuzz_target!(|data: &[u8]| {
    let (op, rest) = split_line(data);
    let op = text(op);
    let (skeleton, shaping) = match rest.iter().position(|&b| b == 0) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let (flags, shaping) = shaping.split_first().map_or((0, shaping), |(f, s)| (*f, s));
    let form = flags & 1 != 0;
    let (preview, whole_input) = (flags & 2 != 0, flags & 4 != 0);
    let read_as = ValidateOptions { form };
    let Ok(desc) = serde_json::from_slice::<Value>(skeleton) else {
        return;
    };
    let mut tree = Tree::from_json(&desc);
    let _ = tree.decorate(&mut Unstructured::new(shaping));
    let host = tree.host();
    let plain = tree.to_json(&mut 200_000, 100);

    reset_calls();
    let validated = report(regplan::validate_with_options(&op, &host, &read_as));
    bounded("validate_with");
    let operation = regplan::operation(&op).ok();
    let mut good = operation.map_or_else(PlanOptions::default, |o| {
        interop::plan_options(&good_options(o))
            .expect("good options")
            .0
    });
    good.form = form;
    let planned = plan(&op, &host, &good);
    bounded("plan_with");
    let shown = PlanOptions {
        credentials: None,
        preview: true,
        ..good.clone()
    };
    let previewed = preview.then(|| plan(&op, &host, &shown));
    bounded("plan_with preview");
    let field = operation
        .and_then(|o| o.fields.get(skeleton.len() % o.fields.len().max(1)))
        .map_or("name", |f| f.name);
    let whole = whole_input.then_some(&host);
    let one = report(regplan::validate_field_with_options(
        &op, field, &host, whole, &read_as,
    ));
    bounded("validate_field_with");
    // A batch costs its length times the budget: only short ones here.
    let batch = matches!(host.shape(), Ok(Shape::Array(n)) if n <= 8);
    let reports = if batch {
        many(&op, &host, &read_as)
    } else {
        Value::Null
    };
    reset_calls();
    let as_field_options = field_options(&op, field, &host);
    bounded("read_validate_options");
    let read = options(&host);
    bounded("read_options");
    let argument = interop::string_argument("op", &host).map_or_else(failure, Value::from);
    bounded("string_argument");

    let Some(json) = plain else { return };
    let value = &json;
    assert_eq!(
        report(regplan::validate_with_options(&op, &value, &read_as)),
        validated,
        "validate_with"
    );
    assert_eq!(plan(&op, &value, &good), planned, "plan_with");
    if let Some(previewed) = previewed {
        assert_eq!(plan(&op, &value, &shown), previewed, "plan_with preview");
    }
    let whole = whole_input.then_some(&value);
    assert_eq!(
        report(regplan::validate_field_with_options(
            &op, field, &value, whole, &read_as
        )),
        one,
        "validate_field_with"
    );
    if batch {
        assert_eq!(many(&op, &value, &read_as), reports, "validate_many_with");
    }
    assert_eq!(options(&value), read, "read_options");
    assert_eq!(
        field_options(&op, field, &value),
        as_field_options,
        "read_validate_options"
    );
    assert_eq!(
        interop::string_argument("op", &value).map_or_else(failure, Value::from),
        argument,
        "string_argument"
    );
    if let Ok(r) = regplan::validate_with_options(&op, &value, &read_as) {
        check_paths(&json, &r, "validate_with");
    }
});
