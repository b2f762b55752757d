//! Hostile inputs get errors, never a panic or a hang: huge strings, deep
//! nesting, every JSON type in every field, extreme numbers, huge arrays.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use regplan::{Credentials, PlanOptions};
use serde_json::{json, Map, Value};

fn options_for(op: &regplan::Operation) -> PlanOptions {
    let credentials = match op.provider.id {
        "gcore" => Credentials::ApiKey {
            api_key: "k".into(),
        },
        _ => Credentials::Token { token: "t".into() },
    };
    PlanOptions {
        credentials: Some(credentials),
        ..PlanOptions::default()
    }
}

/// Runs `f` on a thread with a large stack: serde_json's own `Clone` and
/// `Drop` of a deeply nested `Value` recurse (regplan's code does not).
fn with_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(512 << 20)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no panic");
}

fn nested(depth: usize) -> Value {
    let mut value = json!(1);
    for _ in 0..depth {
        value = Value::Array(vec![value]);
    }
    value
}

/// Values of every JSON type, including the awkward ones.
fn hostile_values() -> Vec<Value> {
    vec![
        Value::Null,
        json!(true),
        json!(false),
        json!(0),
        json!(-1),
        json!(i64::MIN),
        json!(u64::MAX),
        json!(1e308),
        json!(-1e308),
        json!(0.5),
        json!(""),
        json!("\u{0}\r\n\u{1b}[31m"),
        json!("\u{feff}\u{200b}é👍"),
        json!("../../../etc/passwd"),
        json!("a/b?c#d%2F"),
        Value::String("x".repeat(1_000_000)),
        json!([]),
        json!({}),
        json!({"a": {"b": [1, 2, {"c": null}]}}),
        nested(2_000),
    ]
}

#[test]
fn every_field_survives_every_hostile_value() {
    with_big_stack(every_field_survives_every_hostile_value_inner);
}

fn every_field_survives_every_hostile_value_inner() {
    for op in regplan::operations() {
        let options = options_for(op);
        for field in op.fields {
            for value in hostile_values() {
                let mut input = Map::new();
                input.insert(field.name.to_owned(), value.clone());
                let input = Value::Object(input);
                let report = regplan::validate(op.id, &input).expect("known op");
                let field_report =
                    regplan::validate_field(op.id, field.name, &value).expect("known field");
                // Every error validate_field finds, validate finds too.
                for issue in &field_report.errors {
                    assert!(
                        report.errors.contains(issue),
                        "{} {}: {issue:?}",
                        op.id,
                        field.name
                    );
                }
                let _ = regplan::plan(op.id, &input, &options);
            }
        }
    }
}

#[test]
fn hostile_keys_and_whole_inputs() {
    with_big_stack(hostile_keys_and_whole_inputs_inner);
}

fn hostile_keys_and_whole_inputs_inner() {
    let long_key = "k".repeat(1_000_000);
    for op in regplan::operations() {
        for input in [
            json!({ long_key.clone(): 1 }),
            json!({"\u{0}": 1, "~/": 2, "": 3}),
            nested(5_000),
            json!("a string"),
            Value::Array(vec![json!(1); 100_000]),
        ] {
            let report = regplan::validate(op.id, &input).expect("known op");
            assert!(!report.is_valid(), "{}", op.id);
        }
    }
    let report = regplan::validate("gcore.registries.create", &json!({ long_key: 1 })).unwrap();
    let unknown = report
        .errors
        .iter()
        .find(|e| e.code.as_str() == "unknown_field")
        .unwrap();
    assert_eq!(unknown.path.as_str().len(), 1_000_001);
}

#[test]
fn huge_batch_is_checked_item_by_item() {
    let users: Vec<Value> = (0..50_000)
        .map(|i| json!({"name": format!("u{i}"), "duration": 1}))
        .collect();
    let input = json!({"project_id": 1, "region_id": 1, "registry_id": 1, "users": users});
    let report = regplan::validate("gcore.users.create_multiple", &input).unwrap();
    assert!(report.is_valid(), "{:?}", report.errors.first());
    let users: Vec<Value> = (0..1_000)
        .map(|_| json!({"name": "BAD", "duration": 0}))
        .collect();
    let input = json!({"project_id": 1, "region_id": 1, "registry_id": 1, "users": users});
    let report = regplan::validate("gcore.users.create_multiple", &input).unwrap();
    assert_eq!(report.errors.len(), 2_000);
    assert_eq!(report.errors[1999].path.as_str(), "/users/999/name");
}

#[test]
fn huge_json_credentials_and_deep_json_inside_a_string() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let input = json!({
        "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "name": "n", "kind": "GCP_ARTIFACT_REGISTRY", "url": "https://europe-west1-docker.pkg.dev",
        "config": {"region": "r", "json_credentials": deep}
    });
    let report = regplan::validate("qovery.container_registries.create", &input).unwrap();
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.errors[0].code.as_str(), "invalid_json");
}

#[test]
fn unknown_operation_and_field_are_errors_with_codes() {
    let err = regplan::validate("gcore.registry.create", &json!({})).unwrap_err();
    assert_eq!(err.code(), "unknown_operation");
    assert!(
        err.to_string()
            .contains("did you mean `gcore.registries.create`"),
        "{err}"
    );
    let err = regplan::validate_field("gcore.registries.create", "nmae", &json!("x")).unwrap_err();
    assert_eq!(err.code(), "unknown_field_name");
    let err = regplan::schema("nope").unwrap_err();
    assert_eq!(err.code(), "unknown_operation");
}

#[test]
fn errors_never_echo_the_value() {
    let secret = "hunter2-super-secret-value";
    let input = json!({
        "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "name": "n", "kind": "ECR", "url": "https://x.io",
        "config": {"region": "r", "access_key_id": secret, "secret_access_key": 5, "secert": secret}
    });
    let report = regplan::validate("qovery.container_registries.create", &input).unwrap();
    assert!(!report.is_valid());
    let shown = format!(
        "{report} {report:?} {}",
        serde_json::to_string(&report).unwrap()
    );
    assert!(!shown.contains(secret), "{shown}");
    let err = regplan::plan(
        "qovery.container_registries.create",
        &input,
        &PlanOptions::default(),
    )
    .unwrap_err();
    assert!(!format!("{err} {err:?}").contains(secret));
}

#[test]
fn a_batch_that_validates_also_plans() {
    // 300,000 values read by validation; planning reads them once more under its own budget.
    let users: Vec<Value> = (0..100_000)
        .map(|i| json!({"name": format!("u{i}"), "duration": 1}))
        .collect();
    let input = json!({"project_id": 1, "region_id": 1, "registry_id": 1, "users": users});
    assert!(regplan::validate("gcore.users.create_multiple", &input)
        .unwrap()
        .is_valid());
    let options = PlanOptions {
        credentials: Some(Credentials::ApiKey {
            api_key: "k".into(),
        }),
        ..PlanOptions::default()
    };
    let request = regplan::plan("gcore.users.create_multiple", &input, &options).unwrap();
    assert!(request
        .body()
        .unwrap()
        .starts_with(br#"{"users":[{"duration":1,"name":"u0"}"#));
}
