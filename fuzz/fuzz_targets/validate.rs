//! `validate` with any operation id and any bytes: `OP "\n" JSON`.
//!
//! The bytes go through `serde_json` and through regplan's strict
//! `json_text` parser, which must agree except for duplicate keys. Then:
//! no panic; every error points into the input (or at a missing required
//! member); the report is the same twice and with every object's members in
//! reverse order; no message repeats a value; `validate_field` finds
//! nothing `validate` does not.
//!
//! Both readings, every time (a validation is cheap): with `form` off,
//! `validate_with_options` answers exactly as `validate`; with `form` on
//! the same invariants hold, `validate_many_with_options` of `[input]`
//! answers the same, and for an input the form reading cannot change
//! (`form_neutral`: no `""`/`null` member, no text in an integer or boolean
//! field) the report is the plain one. For each member,
//! `validate_field_with_options` with the whole input answers exactly the
//! issues of the whole report at or under the member's pointer, read as a
//! form when the JSON text's length is odd (one whole validation per member).
#![no_main]

use libfuzzer_sys::fuzz_target;
use regplan::{Error, Failure, Pointer, Report, ValidateOptions};
use regplan_fuzz::{
    at_or_under, check_paths, form_neutral, report_json, report_under, reversed, split_line, text,
};
use serde_json::Value;

fn with_options(op: &str, input: &Value, form: bool) -> Report {
    regplan::validate_with_options(op, &input, &ValidateOptions { form })
        .map_err(Failure::into_error)
        .expect("a known operation validates")
}

fuzz_target!(|data: &[u8]| {
    let (op, rest) = split_line(data);
    let op = text(op);
    let strict = regplan::json_text::parse_slice(rest);
    let loose = serde_json::from_slice::<Value>(rest);
    match (&strict, &loose) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "json_text and serde_json read different values"),
        (Ok(_), Err(e)) => panic!("json_text accepts what serde_json refuses ({e})"),
        (Err(e), Ok(_)) => assert!(
            e.code() == "duplicate_key",
            "json_text refuses what serde_json accepts: {e}"
        ),
        (Err(e), Err(_)) => {
            let _ = e.to_string();
        }
    }
    if let Err(e) = &strict {
        let shown = e.to_string();
        assert!(
            !shown.contains("S3CR3T") || e.code() == "duplicate_key",
            "{shown}"
        );
    }
    let Ok(input) = loose else { return };
    let report = match regplan::validate(&op, &input) {
        Ok(report) => report,
        Err(Error::UnknownOperation { .. }) => {
            assert!(regplan::operation(&op).is_err());
            return;
        }
        Err(e) => panic!("validate of parsed JSON failed: {e}"),
    };
    check_paths(&input, &report, "validate");
    let json = report_json(&report);
    let _ = report.to_string();
    for issue in report.errors.iter().chain(&report.warnings) {
        assert!(
            !issue.message.contains("S3CR3T"),
            "a message repeats a value"
        );
    }
    let again = regplan::validate(&op, &input).expect("validates");
    assert_eq!(report_json(&again), json, "validate is not deterministic");
    let turned = regplan::validate(&op, &reversed(&input)).expect("validates");
    assert_eq!(report_json(&turned), json, "key order changed the report");
    // Form off answers exactly as before.
    assert_eq!(
        report_json(&with_options(&op, &input, false)),
        json,
        "form off changed the report"
    );
    let form = with_options(&op, &input, true);
    let form_json = report_json(&form);
    check_paths(&input, &form, "validate with form");
    for issue in form.errors.iter().chain(&form.warnings) {
        assert!(
            !issue.message.contains("S3CR3T"),
            "a form message repeats a value"
        );
    }
    assert_eq!(
        report_json(&with_options(&op, &reversed(&input), true)),
        form_json,
        "key order changed the form report"
    );
    let operation = regplan::operation(&op).expect("known op");
    if form_neutral(operation, &input) {
        assert_eq!(
            form_json, json,
            "form changed the report of a neutral input"
        );
    }
    let batch = Value::Array(vec![input.clone()]);
    let many = regplan::validate_many_with_options(&op, &&batch, &ValidateOptions { form: true })
        .map_err(Failure::into_error)
        .expect("a batch of one validates");
    assert_eq!(
        many.iter().map(report_json).collect::<Vec<_>>(),
        vec![form_json.clone()],
        "validate_many_with_options differs from validate_with_options"
    );
    let on = rest.len() % 2 == 1;
    if let Value::Object(members) = &input {
        for (name, value) in members {
            // With the whole input (the member's own value in its place):
            // exactly the whole report's issues at or under its pointer.
            let at = Pointer::root().key(name);
            if operation.field(name).is_some() {
                let one = regplan::validate_field_with_options(
                    &op,
                    name,
                    &value,
                    Some(&&input),
                    &ValidateOptions { form: on },
                )
                .map_err(Failure::into_error)
                .expect("a declared field validates");
                for issue in one.errors.iter().chain(&one.warnings) {
                    assert!(at_or_under(issue.path.as_str(), at.as_str()));
                }
                assert_eq!(
                    report_json(&one),
                    report_under(if on { &form } else { &report }, at.as_str()),
                    "validate_field with the whole input (form {on}) differs from validate at {}",
                    at.as_str()
                );
            }
            // To validate_field a name starting with `/` is a JSON Pointer:
            // ask for the member by its own pointer instead.
            let pointer = Pointer::root().key(name);
            let field = if name.starts_with('/') {
                pointer.as_str()
            } else {
                name
            };
            let Ok(field_report) = regplan::validate_field(&op, field, value) else {
                continue;
            };
            for issue in &field_report.errors {
                assert!(
                    report
                        .errors
                        .iter()
                        .any(|e| e.code == issue.code && e.path == issue.path),
                    "validate_field finds {} at {} that validate does not",
                    issue.code.as_str(),
                    issue.path.as_str()
                );
            }
        }
    }
});
