//! The shared vectors (`tests/vectors/*.json`), one test per case and runtime.
//!
//! `rust::<file>::<case>` runs a case on the core; with `REGPLAN_ANSWERS`
//! set to answer files written by the bindings (`python=target/vectors/python.jsonl,node=…`),
//! `<runtime>::<file>::<case>` checks that runtime's answer. Every check is
//! the one matcher in `support/vectors.rs`. Run one case by name:
//! `cargo test -p regplan --test vectors -- --exact 'rust::qovery::ecr ok'`.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

mod support;

use libtest_mimic::{Arguments, Failed, Trial};
use regplan::{Error, Failure, Issue, Request, ValidateOptions};
use serde_json::{json, Value};
use std::collections::HashMap;
use support::vectors::{cases, check, Case};

/// Cases a runtime is known not to meet, with the reason; a listed case that
/// passes fails too, so the list cannot go stale.
const XFAIL: &[(&str, &str, &str)] = &[
    (
        "python",
        "ncloud_rules::no timestamp: signing needs the caller's time",
        PYTHON_CLOCK,
    ),
    (
        "python",
        "signed_requests::huawei: AK/SK without a timestamp",
        PYTHON_CLOCK,
    ),
    (
        "python",
        "preview::a signed preview still needs a timestamp",
        PYTHON_CLOCK,
    ),
];

const PYTHON_CLOCK: &str = "Python's plan() reads the clock when no timestamp is given \
    (bindings-python/README.md); the JSON surface plan_json keeps the clock out and gives missing_timestamp";

fn main() {
    let arguments = Arguments::from_args();
    let cases = cases();
    assert!(cases.len() >= 100, "only {} vectors", cases.len());
    let cases: &'static [Case] = Box::leak(cases.into_boxed_slice());
    let mut trials: Vec<Trial> = cases
        .iter()
        .map(|case| {
            Trial::test(format!("rust::{}", case.id()), move || {
                verdict(case, &rust_answer(case))
            })
        })
        .collect();
    for (runtime, path) in answer_files() {
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{runtime} answers {path}: {e}"));
        let mut answers: HashMap<String, Value> = HashMap::new();
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let answer: Value = serde_json::from_str(line).expect("an answer is JSON");
            let id = format!(
                "{}::{}",
                answer["file"].as_str().unwrap_or("?"),
                answer["name"].as_str().unwrap_or("?")
            );
            answers.insert(id, answer);
        }
        let unknown: Vec<String> = answers
            .keys()
            .filter(|id| !cases.iter().any(|c| &c.id() == *id))
            .cloned()
            .collect();
        trials.push(Trial::test(
            format!("{runtime}::every answer is a known case"),
            move || {
                if unknown.is_empty() {
                    Ok(())
                } else {
                    Err(format!("unknown cases: {unknown:?}").into())
                }
            },
        ));
        for case in cases {
            let answer = answers.remove(&case.id());
            let runtime = runtime.clone();
            let xfail = XFAIL
                .iter()
                .find(|(r, id, _)| *r == runtime && *id == case.id());
            trials.push(Trial::test(
                format!("{runtime}::{}", case.id()),
                move || {
                    let result = match &answer {
                        Some(answer) => verdict(case, answer),
                        None => Err(format!("{runtime} wrote no answer").into()),
                    };
                    match (xfail, result) {
                        (None, result) => result,
                        (Some(_), Err(_)) => Ok(()),
                        (Some((_, _, why)), Ok(())) => {
                            Err(format!("listed in XFAIL ({why}) but passes: remove it").into())
                        }
                    }
                },
            ));
        }
    }
    libtest_mimic::run(&arguments, trials).exit();
}

fn verdict(case: &Case, answer: &Value) -> Result<(), Failed> {
    let failures = check(case, answer);
    if failures.is_empty() {
        Ok(())
    } else {
        Err(failures.join("\n").into())
    }
}

/// `REGPLAN_ANSWERS=runtime=path,…`: the answer files to check (paths from the workspace root).
fn answer_files() -> Vec<(String, String)> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    std::env::var("REGPLAN_ANSWERS")
        .unwrap_or_default()
        .split(',')
        .filter_map(|pair| pair.split_once('='))
        .map(|(runtime, path)| {
            let path = if path.starts_with('/') {
                path.to_owned()
            } else {
                format!("{root}/{path}")
            };
            (runtime.to_owned(), path)
        })
        .collect()
}

/// The core's answer to a case, in the format every runtime writes.
fn rust_answer(case: &Case) -> Value {
    let form = ValidateOptions {
        form: case.options["form"] == true,
    };
    let validate = match regplan::validate_with_options(&case.op, &&case.input, &form)
        .map_err(Failure::into_error)
    {
        Ok(report) => serde_json::to_value(&report).unwrap(),
        Err(error) => json!({"error": regplan::interop::error_value(&error)}),
    };
    let with_reveal = |reveal: bool| {
        let mut options = case.options.clone();
        if let Value::Object(map) = &mut options {
            map.insert("reveal_secrets".into(), Value::Bool(reveal));
        }
        regplan::interop::plan_options(&options)
            .and_then(|(options, _)| regplan::plan(&case.op, &case.input, &options))
    };
    let mut plan_masked = outcome(&with_reveal(false));
    if let Ok(request) = with_reveal(false) {
        plan_masked["masked"] = json!({
            "headers": headers(&request, false),
            "body": request.body_text(false),
            "curl": request.to_curl(false),
        });
        plan_masked["renderings"] = json!([
            request.to_json(false),
            request.to_curl(false),
            format!("{request:?}")
        ]);
    }
    let fields: Vec<Value> = case
        .input
        .as_object()
        .into_iter()
        .flatten()
        .map(|(name, value)| {
            match regplan::validate_field_with_options(&case.op, name, &value, None, &form)
                .map_err(Failure::into_error)
            {
                Ok(report) => json!({"field": name, "report": report}),
                Err(error) => {
                    json!({"field": name, "error": regplan::interop::error_value(&error)})
                }
            }
        })
        .collect();
    let field_checks: Vec<Value> = case
        .field_checks
        .as_array()
        .into_iter()
        .flatten()
        .map(|check| {
            let whole = (check["with_input"] == true).then_some(&case.input);
            let field = check["field"].as_str().unwrap_or_default();
            match regplan::validate_field_with_options(
                &case.op,
                field,
                &&check["value"],
                whole.as_ref(),
                &form,
            )
            .map_err(Failure::into_error)
            {
                Ok(report) => json!({"report": report}),
                Err(error) => json!({"error": regplan::interop::error_value(&error)}),
            }
        })
        .collect();
    json!({
        "file": case.file, "name": case.name, "validate": validate,
        "plan": outcome(&with_reveal(true)), "plan_masked": plan_masked, "fields": fields,
        "field_checks": field_checks,
    })
}

fn headers(request: &Request, reveal: bool) -> Value {
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
        .collect()
}

fn issues(list: &[Issue]) -> Value {
    serde_json::to_value(list).unwrap()
}

fn outcome(planned: &Result<Request, Error>) -> Value {
    match planned {
        Ok(request) => json!({"request": {
            "method": request.method.as_str(),
            "url": request.url,
            "headers": headers(request, true),
            "body": request.body_text(true),
            "defaults_applied": request.defaults_applied,
            "warnings": issues(&request.warnings),
            "preview": request.preview,
        }}),
        Err(Error::Invalid(report)) => {
            json!({"invalid": {"errors": issues(&report.errors), "warnings": issues(&report.warnings)}})
        }
        Err(error) => json!({"error": regplan::interop::error_value(error)}),
    }
}
