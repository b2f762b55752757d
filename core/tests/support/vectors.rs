//! The one matcher of the shared vectors (`tests/vectors/README.md`): every
//! runtime writes what it observed for each case as an *answer* (one JSON
//! line, the format below), and this module alone decides whether the answer
//! meets the case's expectation. `core/tests/vectors.rs` runs it on the Rust
//! core's answers and on each binding's answer file.
//!
//! An answer: `{"file", "name",
//!   "validate": <report> | <failure>,
//!   "plan": <outcome>            (the case's options with reveal_secrets),
//!   "plan_masked": <outcome> + "masked": {"headers", "body", "curl"},
//!                  "renderings": [every text shown to people] (no reveal),
//!   "fields": [{"field", "report"} | {"field", "error": {"code"}}],
//!   "field_checks": [{"report"} | {"error": {"code", "message"}}]}`
//! where `validate`, `fields` and `field_checks` read the input as a form
//! when the case's options say `"form": true`, and `field_checks` answers
//! the case's `field_checks` in order (`validateField(op, field, value,
//! {form, input})`, `input` the case's input when `with_input`).
//! where `<outcome>` is `{"request": {"method", "url", "headers": [[n, v]],
//! "body", "defaults_applied", "warnings", "preview"}}` (real values),
//! `{"invalid": {"errors", "warnings"}}`, `{"error": {"code", "message"}}` (a
//! regplan API error) or `{"thrown": "..."}` (anything else: always a failure).

use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// One case of a vector file, with the file's default options applied.
pub struct Case {
    /// The vector file's stem (`gcore_registries`).
    pub file: String,
    pub name: String,
    pub op: String,
    pub input: Value,
    pub options: Value,
    pub expect: Value,
    /// `validateField` calls and their expected reports (`[]` when none).
    pub field_checks: Value,
}

impl Case {
    /// `file::name`, how a case is named in every runtime.
    pub fn id(&self) -> String {
        format!("{}::{}", self.file, self.name)
    }
}

/// Every case of `tests/vectors/*.json`, in file then case order.
pub fn cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable vector file");
        let doc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let defaults = doc.get("options").cloned().unwrap_or(json!({}));
        let stem = path.file_stem().expect("a file name").to_string_lossy();
        for case in doc["cases"].as_array().expect("cases") {
            out.push(Case {
                file: stem.to_string(),
                name: case["name"].as_str().expect("name").to_owned(),
                op: case["op"].as_str().expect("op").to_owned(),
                input: case["input"].clone(),
                options: case.get("options").unwrap_or(&defaults).clone(),
                expect: case["expect"].clone(),
                field_checks: case.get("field_checks").cloned().unwrap_or(json!([])),
            });
        }
    }
    out
}

/// What is wrong with `answer` for `case`; empty when it meets the expectation.
pub fn check(case: &Case, answer: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    check_field_checks(case, answer, &mut failures);
    let expect = &case.expect;
    let plan = &answer["plan"];
    if let Some(error) = expect.get("error") {
        if plan["error"]["code"] != error["code"] {
            failures.push(format!("plan: expected the API error {error}, got {plan}"));
        }
        return failures;
    }
    let Some(report) = answer["validate"]
        .get("errors")
        .map(|_| &answer["validate"])
    else {
        failures.push(format!(
            "validate: expected a report, got {}",
            answer["validate"]
        ));
        return failures;
    };
    if let Some(want) = expect.get("request") {
        issues(
            "validate.errors",
            &report["errors"],
            &json!([]),
            &mut failures,
        );
        // A preview's `preview` warning is the plan's: validate does not plan.
        let validate_warnings: Vec<Value> = want["warnings"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|w| w["code"] != "preview")
            .cloned()
            .collect();
        issues(
            "validate.warnings",
            &report["warnings"],
            &Value::from(validate_warnings),
            &mut failures,
        );
        let Some(request) = plan.get("request") else {
            failures.push(format!("plan: expected a request, got {plan}"));
            return failures;
        };
        for key in [
            "method",
            "url",
            "headers",
            "body",
            "defaults_applied",
            "preview",
        ] {
            let expected = match (want.get(key), key) {
                (Some(value), _) => value.clone(),
                (None, "defaults_applied") => json!([]),
                (None, "preview") => json!(false),
                (None, _) => Value::Null,
            };
            if request[key] != expected {
                failures.push(format!(
                    "request.{key}:\n  expected {expected}\n  actual   {}",
                    request[key]
                ));
            }
        }
        issues(
            "request.warnings",
            &request["warnings"],
            &want["warnings"],
            &mut failures,
        );
        check_masked(case, answer, request, &mut failures);
        return failures;
    }
    issues(
        "validate.errors",
        &report["errors"],
        &expect["errors"],
        &mut failures,
    );
    issues(
        "validate.warnings",
        &report["warnings"],
        &expect["warnings"],
        &mut failures,
    );
    let valid = report["errors"].as_array().is_some_and(Vec::is_empty);
    match (valid, plan) {
        (true, outcome) if outcome.get("request").is_some() => {}
        (false, outcome) if outcome.get("invalid").is_some() => {
            let expected = json!({"errors": report["errors"], "warnings": report["warnings"]});
            if outcome["invalid"] != expected {
                failures.push(format!("plan's report differs from validate's: {outcome}"));
            }
        }
        (_, outcome) => failures.push(format!(
            "plan: expected {}, got {outcome}",
            if valid {
                "a request"
            } else {
                "the validate report"
            }
        )),
    }
    check_fields(answer, report, &mut failures);
    failures
}

/// `code` and `path` always; `message` and `params` when the vector gives them.
fn issue_matches(actual: &Value, expected: &Value) -> bool {
    ["code", "path", "message", "params"]
        .iter()
        .all(|k| expected.get(k).is_none_or(|e| actual.get(k) == Some(e)))
}

fn issues(what: &str, actual: &Value, expected: &Value, failures: &mut Vec<String>) {
    let none = Vec::new();
    let actual = actual.as_array().unwrap_or(&none);
    let expected = expected.as_array().unwrap_or(&none);
    let same = actual.len() == expected.len()
        && actual
            .iter()
            .zip(expected)
            .all(|(a, e)| issue_matches(a, e));
    if !same {
        let shown: Vec<Value> = actual
            .iter()
            .map(|i| json!({"code": i["code"], "path": i["path"], "message": i["message"]}))
            .collect();
        failures.push(format!(
            "{what}:\n  expected {}\n  actual   {}",
            Value::Array(expected.clone()),
            Value::Array(shown)
        ));
    }
}

/// Without reveal_secrets the request still carries the real values; only
/// the renderings for people mask them.
fn check_masked(case: &Case, answer: &Value, revealed: &Value, failures: &mut Vec<String>) {
    let outcome = &answer["plan_masked"];
    match outcome.get("request") {
        Some(request) if request == revealed => {}
        _ => failures.push(format!(
            "the request without reveal_secrets differs from the revealed one: {outcome}"
        )),
    }
    let Some(want) = case.expect.get("masked") else {
        return;
    };
    for key in ["headers", "body", "curl"] {
        if let Some(expected) = want.get(key) {
            if &outcome["masked"][key] != expected {
                failures.push(format!(
                    "masked.{key}:\n  expected {expected}\n  actual   {}",
                    outcome["masked"][key]
                ));
            }
        }
    }
    let renderings = outcome["renderings"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    if renderings.is_empty() {
        failures.push("no renderings to search for secrets".to_owned());
    }
    for secret in want["secrets_absent"].as_array().into_iter().flatten() {
        let secret = secret.as_str().unwrap_or_default();
        for (i, text) in renderings.iter().enumerate() {
            if text.as_str().is_some_and(|t| t.contains(secret)) {
                failures.push(format!(
                    "secret {secret:?} leaked into rendering {i}: {text}"
                ));
            }
        }
    }
}

/// Field-level validation agrees with whole-input validation: every error a
/// field's check finds is among the input's errors.
fn check_fields(answer: &Value, report: &Value, failures: &mut Vec<String>) {
    let none = Vec::new();
    let errors = report["errors"].as_array().unwrap_or(&none);
    for field in answer["fields"].as_array().into_iter().flatten() {
        let name = &field["field"];
        if let Some(error) = field.get("error") {
            if error["code"] != "unknown_field_name" {
                failures.push(format!("validate_field({name}) failed: {error}"));
            }
            continue;
        }
        for issue in field["report"]["errors"].as_array().into_iter().flatten() {
            if !errors.contains(issue) {
                failures.push(format!(
                    "validate_field({name}) reported {issue}, missing from validate"
                ));
            }
        }
    }
}

/// Each of the case's `field_checks` against the answer's report for it:
/// exactly the expected errors (and warnings when given), or the expected API error.
fn check_field_checks(case: &Case, answer: &Value, failures: &mut Vec<String>) {
    let none = Vec::new();
    let wanted = case.field_checks.as_array().unwrap_or(&none);
    let given = answer["field_checks"].as_array().unwrap_or(&none);
    if wanted.len() != given.len() {
        failures.push(format!(
            "field_checks: expected {} answers, got {}",
            wanted.len(),
            given.len()
        ));
        return;
    }
    for (want, got) in wanted.iter().zip(given) {
        let what = format!("field_checks {} = {}", want["field"], want["value"]);
        let expect = &want["expect"];
        if let Some(error) = expect.get("error") {
            if got["error"]["code"] != error["code"] {
                failures.push(format!("{what}: expected the API error {error}, got {got}"));
            }
            continue;
        }
        let Some(report) = got.get("report") else {
            failures.push(format!("{what}: expected a report, got {got}"));
            continue;
        };
        issues(
            &format!("{what}: errors"),
            &report["errors"],
            &expect["errors"],
            failures,
        );
        if expect.get("warnings").is_some() {
            issues(
                &format!("{what}: warnings"),
                &report["warnings"],
                &expect["warnings"],
                failures,
            );
        }
    }
}
