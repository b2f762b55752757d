//! `validate` with any operation id and any bytes: `OP "\n" JSON`.
//!
//! The bytes go through `serde_json` and through regplan's strict
//! `json_text` parser, which must agree except for duplicate keys. Then:
//! no panic; every error points into the input (or at a missing required
//! member); the report is the same twice and with every object's members in
//! reverse order; no message repeats a value; `validate_field` finds
//! nothing `validate` does not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regplan::{Error, Pointer};
use regplan_fuzz::{check_paths, report_json, reversed, split_line, text};
use serde_json::Value;

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
    if let Value::Object(members) = &input {
        for (name, value) in members {
            // To validate_field a name starting with `/` is a JSON Pointer:
            // ask for the member by its own pointer instead.
            let pointer = Pointer::root().key(name);
            let field = if name.starts_with('/') { pointer.as_str() } else { name };
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
