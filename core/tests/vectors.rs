//! Runs every shared vector in `tests/vectors/*.json` (the format is described
//! in `tests/vectors/README.md`). The bindings run the same files.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use regplan::{Error, Issue, PlanOptions, Request};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn vector_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no vector files in {}", dir.display());
    files
}

/// Compares an issue with its expectation: `code` and `path` always,
/// `message` and `params` when the vector gives them.
fn issue_matches(actual: &Issue, expected: &Value) -> bool {
    let actual = serde_json::to_value(actual).expect("issue serializes");
    ["code", "path", "message", "params"]
        .iter()
        .all(|k| expected.get(k).is_none_or(|e| actual.get(k) == Some(e)))
}

fn check_issues(
    what: &str,
    actual: &[Issue],
    expected: Option<&Value>,
    failures: &mut Vec<String>,
) {
    let empty = Vec::new();
    let expected = expected.and_then(Value::as_array).unwrap_or(&empty);
    let same = actual.len() == expected.len()
        && actual
            .iter()
            .zip(expected)
            .all(|(a, e)| issue_matches(a, e));
    if !same {
        let shown: Vec<Value> = actual
            .iter()
            .map(
                |i| json!({"code": i.code.as_str(), "path": i.path.as_str(), "message": i.message}),
            )
            .collect();
        failures.push(format!(
            "{what}:\n  expected {}\n  actual   {}",
            Value::Array(expected.clone()),
            Value::Array(shown)
        ));
    }
}

fn headers_of(request: &Request, reveal: bool) -> Value {
    Value::Array(
        request
            .headers
            .iter()
            .map(|h| {
                json!([
                    h.name,
                    if reveal {
                        h.value().to_owned()
                    } else {
                        h.masked_value()
                    }
                ])
            })
            .collect(),
    )
}

fn check_request(request: &Request, expected: &Value, failures: &mut Vec<String>) {
    let body = request
        .body()
        .map(|b| String::from_utf8(b.to_vec()).expect("utf-8 body"));
    let actual = json!({
        "method": request.method.as_str(),
        "url": request.url,
        "headers": headers_of(request, true),
        "body": body,
        "defaults_applied": request.defaults_applied,
    });
    for key in ["method", "url", "headers", "body", "defaults_applied"] {
        let want = expected.get(key).cloned().unwrap_or(match key {
            "defaults_applied" => json!([]),
            _ => Value::Null,
        });
        if actual[key] != want {
            failures.push(format!(
                "request.{key}:\n  expected {want}\n  actual   {}",
                actual[key]
            ));
        }
    }
    check_issues(
        "request.warnings",
        &request.warnings,
        expected.get("warnings"),
        failures,
    );
}

fn check_masked(request: &Request, expected: &Value, failures: &mut Vec<String>) {
    if let Some(headers) = expected.get("headers") {
        if &headers_of(request, false) != headers {
            failures.push(format!(
                "masked.headers: expected {headers}, actual {}",
                headers_of(request, false)
            ));
        }
    }
    if let Some(body) = expected.get("body") {
        if body.as_str() != request.body_text(false) {
            failures.push(format!(
                "masked.body: expected {body}, actual {:?}",
                request.body_text(false)
            ));
        }
    }
    if let Some(curl) = expected.get("curl") {
        if curl.as_str() != Some(request.to_curl(false).as_str()) {
            failures.push(format!(
                "masked.curl: expected\n{}\nactual\n{}",
                curl,
                request.to_curl(false)
            ));
        }
    }
    let json = request.to_json(false);
    if let Some(Value::Array(secrets)) = expected.get("secrets_absent") {
        for secret in secrets.iter().filter_map(Value::as_str) {
            for (rendering, text) in [
                ("json", json.as_str()),
                ("curl", &request.to_curl(false)),
                ("debug", &format!("{request:?}")),
            ] {
                if text.contains(secret) {
                    failures.push(format!(
                        "secret {secret:?} leaked into the {rendering} rendering"
                    ));
                }
            }
        }
    }
}

fn run_case(case: &Value, defaults: &Value) -> Vec<String> {
    let mut failures = Vec::new();
    let op = case["op"].as_str().expect("op");
    let input = &case["input"];
    let options_value = case.get("options").unwrap_or(defaults);
    let expect = &case["expect"];
    // Options that do not parse are the API error `invalid_option`, as in the bindings.
    let options: PlanOptions = match serde_json::from_value(options_value.clone()) {
        Ok(options) => options,
        Err(e) => {
            if expect["error"]["code"] != "invalid_option" {
                failures.push(format!("options do not parse: {e}"));
            }
            return failures;
        }
    };

    if let Some(error) = expect.get("error") {
        match regplan::plan(op, input, &options) {
            Err(e) if Some(e.code()) == error["code"].as_str() => {}
            other => failures.push(format!("expected error {error}, got {other:?}")),
        }
        return failures;
    }

    let report = regplan::validate(op, input).expect("known operation");
    let planned = regplan::plan(op, input, &options);
    if let Some(request) = expect.get("request") {
        check_issues("validate.errors", &report.errors, None, &mut failures);
        check_issues(
            "validate.warnings",
            &report.warnings,
            request.get("warnings"),
            &mut failures,
        );
        match &planned {
            Ok(actual) => {
                check_request(actual, request, &mut failures);
                if let Some(masked) = expect.get("masked") {
                    check_masked(actual, masked, &mut failures);
                }
            }
            Err(e) => failures.push(format!("expected a request, got error {e}")),
        }
    } else {
        check_issues(
            "validate.errors",
            &report.errors,
            expect.get("errors"),
            &mut failures,
        );
        check_issues(
            "validate.warnings",
            &report.warnings,
            expect.get("warnings"),
            &mut failures,
        );
        match planned {
            Err(Error::Invalid(planned_report)) if planned_report == report => {}
            // `"errors": []` states a valid input whose request is not spelled out.
            Ok(_) if report.is_valid() => {}
            other => failures.push(format!(
                "plan should fail with the validate report, got {other:?}"
            )),
        }
        // Field-level validation agrees with whole-input validation on every
        // error that belongs to a single top-level field present in the input.
        if let Value::Object(map) = input {
            for (name, value) in map {
                let Ok(field_report) = regplan::validate_field(op, name, value) else {
                    continue;
                };
                let prefix = format!("/{}", name.replace('~', "~0").replace('/', "~1"));
                for issue in &field_report.errors {
                    if !report.errors.contains(issue) {
                        failures.push(format!(
                            "validate_field({name}) reported {issue:?}, missing from validate"
                        ));
                    }
                }
                let from_table = report
                    .errors
                    .iter()
                    .filter(|i| {
                        i.path.as_str() == prefix
                            || i.path.as_str().starts_with(&format!("{prefix}/"))
                    })
                    .filter(|i| field_report.errors.contains(i))
                    .count();
                assert!(from_table <= field_report.errors.len());
            }
        }
    }
    failures
}

#[test]
fn every_vector_passes() {
    let mut failures = Vec::new();
    let mut count = 0;
    for file in vector_files() {
        let text = std::fs::read_to_string(&file).expect("readable vector file");
        let doc: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let defaults = doc.get("options").cloned().unwrap_or(json!({}));
        for case in doc["cases"].as_array().expect("cases") {
            count += 1;
            for failure in run_case(case, &defaults) {
                failures.push(format!(
                    "{} :: {}\n  {failure}",
                    file.file_name()
                        .map(|n| n.to_string_lossy())
                        .unwrap_or_default(),
                    case["name"].as_str().unwrap_or("?")
                ));
            }
        }
    }
    assert!(count >= 100, "only {count} vectors");
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
