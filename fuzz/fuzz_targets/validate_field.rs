//! `validate_field` with any operation id, any field name or JSON Pointer
//! (`/config/region`) and any value: `OP "\n" FIELD "\n" JSON`. Unknown ids
//! and names are clean errors; every error points at or under the field; the
//! same answer twice; nothing `validate` would not find in the input that
//! holds the value at that place (`{FIELD: value}`, or nested for a pointer).
#![no_main]

use libfuzzer_sys::fuzz_target;
use regplan::{Error, Pointer};
use regplan_fuzz::{check_paths, report_json, split_line, text};
use serde_json::{Map, Value};

fuzz_target!(|data: &[u8]| {
    let (op, rest) = split_line(data);
    let (field, rest) = split_line(rest);
    let (op, field) = (text(op), text(field));
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
});
