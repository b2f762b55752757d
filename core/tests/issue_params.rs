//! Every issue the core reports has the parameters its kind declares: for each
//! shared vector's input, each error and warning matches one `IssueKind::DOCS`
//! entry of its code (the same keys, required ones present, each of its
//! declared JSON type). The generated TypeScript and Python types of `params`
//! are read from those entries, so this keeps them true of real output.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

mod support;

use regplan::issue_kind::{IssueKind, KindDoc, ParamType};
use regplan::Issue;
use serde_json::Value;
use support::vectors::cases;

fn has_type(value: &Value, ty: ParamType) -> bool {
    let all = |check: fn(&Value) -> bool| value.as_array().is_some_and(|a| a.iter().all(check));
    match ty {
        ParamType::String => value.is_string(),
        ParamType::Integer => value.is_i64() || value.is_u64(),
        ParamType::Strings => all(Value::is_string),
        ParamType::Integers => all(|v| v.is_i64()),
        ParamType::StringGroups => {
            all(|g| g.as_array().is_some_and(|g| g.iter().all(Value::is_string)))
        }
        _ => false,
    }
}

fn matches(kind: &KindDoc, issue: &Issue) -> bool {
    kind.code == issue.code
        && issue.params.iter().all(|(name, value)| {
            kind.params
                .iter()
                .any(|p| p.name == *name && has_type(value, p.ty))
        })
        && kind
            .params
            .iter()
            .filter(|p| !p.optional)
            .all(|p| issue.params.iter().any(|(name, _)| *name == p.name))
}

#[test]
fn every_reported_issue_has_its_kinds_declared_params() {
    let mut seen = 0;
    let mut codes = std::collections::BTreeSet::new();
    for case in cases() {
        let Ok(report) = regplan::validate(&case.op, &case.input) else {
            continue;
        };
        for issue in report.errors.iter().chain(&report.warnings) {
            seen += 1;
            codes.insert(issue.code.as_str());
            assert!(
                IssueKind::DOCS.iter().any(|kind| matches(kind, issue)),
                "{}: {} at {} has params {:?}, which no IssueKind of that code declares",
                case.id(),
                issue.code,
                issue.path,
                issue.params
            );
        }
    }
    // The vectors reach nearly every code; the check must not pass vacuously.
    assert!(seen > 200, "{seen} issues");
    assert!(codes.len() >= 20, "{codes:?}");
}

#[test]
fn a_missing_required_field_renders_its_template() {
    let report = regplan::validate(
        "gcore.registries.create",
        &serde_json::json!({"region_id": 76, "name": "x"}),
    )
    .unwrap();
    let issue = &report.errors[0];
    assert_eq!(issue.code.as_str(), "required");
    assert_eq!(issue.message, "is required");
    assert_eq!(issue.params, vec![("field", Value::from("project_id"))]);
}
