//! `validate_field` with any operation id, any field name or JSON Pointer
//! (`/config/region`) and any value: `OP "\n" FIELD "\n" JSON`. Unknown ids
//! and names are clean errors; every error points at or under the field; the
//! same answer twice; nothing `validate` would not find in the input that
//! holds the value at that place (`{FIELD: value}`, or nested for a pointer).
//!
//! The options: `OP "\n" FIELD "\n" JSON ["\0" FLAGS [INPUT-JSON]]` (no JSON
//! text holds a NUL). Bit 0 of `FLAGS` reads the value as a form, bit 1
//! gives `validate_field_with_options` the whole input: `INPUT-JSON`, or
//! else the `FLAGS >> 2`th valid vector input of `OP`. Without `FLAGS`
//! (form off, no input) `validate_field_with_options` answers exactly as
//! `validate_field`. With form on the same invariants hold against
//! `validate_with_options`, and a value the form reading cannot change
//! (`form_neutral_value`) answers as with form off. With the whole input:
//! every issue is at or under the field, and the answer is exactly the
//! whole input's report (the value put in place) at or under the field, or,
//! when an object on the way is missing, the answer without input.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regplan::{Error, Failure, Pointer, Report, ValidateOptions};
use regplan_fuzz::{
    at_or_under, check_paths, field_at, form_neutral_value, put_at, report_json, report_under,
    split_line, text, valid_input,
};
use serde_json::{json, Map, Value};

fn validated(op: &str, input: &Value, form: bool) -> Report {
    regplan::validate_with_options(op, &input, &ValidateOptions { form })
        .map_err(Failure::into_error)
        .expect("validates")
}

fuzz_target!(|data: &[u8]| {
    let (op, rest) = split_line(data);
    let (field, rest) = split_line(rest);
    let (op, field) = (text(op), text(field));
    let (rest, extra) = match rest.iter().position(|&b| b == 0) {
        Some(at) => (&rest[..at], &rest[at + 1..]),
        None => (rest, &[][..]),
    };
    let flags = extra.first().copied().unwrap_or(0);
    let (form, with_input) = (flags & 1 != 0, flags & 2 != 0);
    let Ok(value) = serde_json::from_slice::<Value>(rest) else {
        return;
    };
    let report = match regplan::validate_field(&op, &field, &value) {
        Ok(report) => report,
        Err(Error::UnknownOperation { .. }) => {
            assert!(regplan::operation(&op).is_err());
            return;
        }
        Err(Error::UnknownField { .. }) => {
            let known = regplan::operation(&op).expect("known op");
            assert!(field.starts_with('/') || known.field(&field).is_none());
            return;
        }
        Err(e) => panic!("validate_field of parsed JSON failed: {e}"),
    };
    // A name is one member; a pointer is the members along it (RFC 6901 escapes).
    let steps: Vec<String> = match field.strip_prefix('/') {
        Some(pointer) => pointer
            .split('/')
            .map(|s| s.replace("~1", "/").replace("~0", "~"))
            .collect(),
        None => vec![field.clone()],
    };
    let at = steps.iter().fold(Pointer::root(), |at, step| at.key(step));
    let input = steps.iter().rev().fold(value.clone(), |inner, step| {
        let mut member = Map::new();
        member.insert(step.clone(), inner);
        Value::Object(member)
    });
    for issue in &report.errors {
        let path = issue.path.as_str();
        assert!(
            path == at.as_str() || path.starts_with(&format!("{}/", at.as_str())),
            "error at {path} is not under {}",
            at.as_str()
        );
    }
    check_paths(&input, &report, "validate_field");
    let again = regplan::validate_field(&op, &field, &value).expect("validates");
    assert_eq!(report_json(&again), report_json(&report));
    let whole = regplan::validate(&op, &input).expect("validates");
    for issue in &report.errors {
        assert!(
            whole
                .errors
                .iter()
                .any(|e| e.code == issue.code && e.path == issue.path),
            "validate_field finds {} at {} that validate does not",
            issue.code.as_str(),
            issue.path.as_str()
        );
    }

    // Form off, no input: exactly as before.
    let off = ValidateOptions { form: false };
    let plain = regplan::validate_field_with_options(&op, &field, &&value, None, &off)
        .map_err(Failure::into_error)
        .expect("validates");
    assert_eq!(
        report_json(&plain),
        report_json(&report),
        "form off changed"
    );

    let options = ValidateOptions { form };
    let known = regplan::operation(&op).expect("known op");
    let declared = field_at(known, &steps).expect("a field validate_field knows");
    let alone = regplan::validate_field_with_options(&op, &field, &&value, None, &options)
        .map_err(Failure::into_error)
        .expect("validates");
    if form {
        for issue in &alone.errors {
            assert!(
                at_or_under(issue.path.as_str(), at.as_str()),
                "form: error at {} is not under {}",
                issue.path.as_str(),
                at.as_str()
            );
        }
        check_paths(&input, &alone, "validate_field with form");
        let whole = validated(&op, &input, true);
        for issue in &alone.errors {
            assert!(
                whole
                    .errors
                    .iter()
                    .any(|e| e.code == issue.code && e.path == issue.path),
                "form: validate_field finds {} at {} that validate does not",
                issue.code.as_str(),
                issue.path.as_str()
            );
        }
        if form_neutral_value(declared, &value) {
            assert_eq!(
                report_json(&alone),
                report_json(&report),
                "form changed the report of a neutral value"
            );
        }
    }
    if !with_input {
        return;
    }
    let given = extra.get(1..).unwrap_or_default();
    let current = serde_json::from_slice::<Value>(given)
        .ok()
        .or_else(|| valid_input(&op, usize::from(flags >> 2)).cloned())
        .unwrap_or_else(|| json!({}));
    let answer =
        regplan::validate_field_with_options(&op, &field, &&value, Some(&&current), &options)
            .map_err(Failure::into_error);
    let one = match answer {
        Ok(one) => one,
        Err(Error::InvalidArgument { argument, .. }) => {
            assert_eq!(argument, "input");
            assert!(!current.is_object(), "an object input refused");
            return;
        }
        Err(e) => panic!("validate_field with the whole input failed: {e}"),
    };
    for issue in one.errors.iter().chain(&one.warnings) {
        assert!(
            at_or_under(issue.path.as_str(), at.as_str()),
            "with the whole input: issue at {} is not under {}",
            issue.path.as_str(),
            at.as_str()
        );
    }
    let expected = match put_at(&current, &steps, &value) {
        Some(placed) => report_under(&validated(&op, &placed, form), at.as_str()),
        None => report_json(&alone),
    };
    assert_eq!(
        report_json(&one),
        expected,
        "validate_field with the whole input differs from validate of it"
    );
});
