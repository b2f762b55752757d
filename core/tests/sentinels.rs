//! Secrets never leak into a rendering: every operation is planned with a
//! unique sentinel as every secret (the credentials and every input field
//! marked secret), every error path that can be forced is forced, and every
//! rendering (`Debug`, `Display`, curl, JSON, errors, warnings) is searched
//! for the sentinel. Only the revealing renderings may show it.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use regplan::{interop, Credentials, PlanOptions, Request, Timestamp};
use serde_json::{json, Value};
use std::path::Path;

const SENTINEL: &str = "SENTINEL-9f3a";

/// One valid input per operation, taken from the shared vectors.
fn valid_inputs() -> Vec<(String, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut seen = std::collections::BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let file: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in file["cases"].as_array().into_iter().flatten() {
            // A form case's input is only valid read as a form (forms.json).
            let options = case.get("options").unwrap_or(&file["options"]);
            if options["form"] == true {
                continue;
            }
            if case["expect"].get("request").is_some() {
                let op = case["op"].as_str().unwrap().to_owned();
                seen.entry(op).or_insert_with(|| case["input"].clone());
            }
        }
    }
    seen.into_iter().collect()
}

/// Replaces every secret field's value with a sentinel (JSON credentials
/// stay JSON), walking nested objects and arrays along the field table.
fn with_sentinels(fields: &Value, input: &mut Value) {
    let Some(map) = input.as_object_mut() else {
        return;
    };
    for field in fields.as_array().into_iter().flatten() {
        let name = field["name"].as_str().unwrap();
        let Some(value) = map.get_mut(name) else {
            continue;
        };
        if field["secret"] == true && value.is_string() {
            *value = if name == "json_credentials" {
                Value::String(format!(r#"{{"private_key": "{SENTINEL}"}}"#))
            } else {
                Value::String(format!("{SENTINEL}-{name}"))
            };
        }
        let kind = &field["type"];
        match kind["name"].as_str() {
            Some("object") => with_sentinels(&kind["fields"], value),
            Some("array") if kind["items"]["name"] == "object" => {
                for item in value.as_array_mut().into_iter().flatten() {
                    with_sentinels(&kind["items"]["fields"], item);
                }
            }
            _ => {}
        }
    }
}

fn credentials_for(provider: &str) -> Credentials {
    serde_json::from_value(credentials_json(provider)).unwrap()
}

fn assert_clean(what: &str, rendering: &str) {
    assert!(
        !rendering.contains(SENTINEL),
        "{what} shows a secret: {rendering}"
    );
}

fn renderings(request: &Request) -> Vec<(&'static str, String)> {
    vec![
        ("Debug", format!("{request:?}")),
        ("to_curl(false)", request.to_curl(false)),
        ("to_json(false)", request.to_json(false)),
        (
            "view(false)",
            serde_json::to_string(&request.view(false)).unwrap(),
        ),
        ("warnings", format!("{:?}", request.warnings)),
        ("headers Debug", format!("{:?}", request.headers)),
    ]
}

#[test]
fn planned_requests_show_secrets_only_when_revealed() {
    let operations = interop::operations_value();
    let inputs = valid_inputs();
    assert_eq!(
        inputs.len(),
        regplan::operations().len(),
        "one valid vector per operation"
    );
    let mut secret_fields = 0;
    for (op_id, mut input) in inputs {
        let op = regplan::operation(&op_id).unwrap();
        let fields = operations
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == op_id.as_str())
            .map(|o| o["fields"].clone())
            .unwrap();
        with_sentinels(&fields, &mut input);
        secret_fields += input.to_string().matches(SENTINEL).count();
        let options = PlanOptions {
            credentials: Some(credentials_for(op.provider.id)),
            timestamp: Timestamp::from_millis(1_764_000_000_000),
            ..PlanOptions::default()
        };
        let request =
            regplan::plan(&op_id, &input, &options).unwrap_or_else(|e| panic!("{op_id}: {e}"));
        for (what, shown) in renderings(&request) {
            assert_clean(&format!("{op_id} {what}"), &shown);
        }
        // The request itself is what gets sent: the real values are there,
        // and the revealing renderings show them.
        let sent = format!(
            "{}{}",
            request
                .headers
                .iter()
                .map(regplan::Header::value)
                .collect::<String>(),
            String::from_utf8_lossy(request.body().unwrap_or_default())
        );
        let signed = matches!(op.provider.id, "ncloud" | "huawei_swr");
        if !signed {
            assert!(
                sent.contains(SENTINEL),
                "{op_id}: the request lost its secret"
            );
            assert!(request.to_curl(true).contains(SENTINEL), "{op_id}: reveal");
        }
        // The JSON surface the bindings share: `request` real, curl masked.
        let planned = interop::plan_value(
            &op_id,
            &input,
            &json!({"credentials": serde_json::to_value(credentials_json(op.provider.id)).unwrap(),
                    "timestamp": 1_764_000_000_000_i64}),
        )
        .unwrap();
        assert_clean(
            &format!("{op_id} plan_value curl"),
            planned["curl"].as_str().unwrap(),
        );
    }
    assert!(
        secret_fields >= 3,
        "the vectors exercise secret input fields"
    );
}

/// The provider's first declared credential type with every required member
/// the sentinel, but the access key id, which is sent in clear.
fn credentials_json(provider: &str) -> Value {
    let declared = regplan::providers()
        .iter()
        .find(|p| p.id == provider)
        .unwrap();
    let kind = declared.credentials[0].kind;
    let mut members = serde_json::Map::new();
    members.insert("type".into(), kind.name.into());
    for member in kind.required {
        let value = if *member == "access_key" {
            "AK"
        } else {
            SENTINEL
        };
        members.insert((*member).into(), value.into());
    }
    Value::Object(members)
}

#[test]
fn error_paths_never_show_secrets() {
    let input = json!({"project_id": 1, "region_id": 76, "name": "reg"});
    let bad_options = [
        json!({"credentials": {"type": "api_key", "api_key": format!("{SENTINEL} with space")}}),
        json!({"credentials": {"type": "api_key", "api_key": format!("{SENTINEL}\r\nX: 1")}}),
        json!({"credentials": {"type": "api_key", "api_key": format!("\"{SENTINEL}\"")}, "x": 1}),
        json!({"credentials": {"type": "token", "token": SENTINEL}}),
        json!({"credentials": {"type": "api_key", "token": SENTINEL}}),
        json!({"credentials": {"type": SENTINEL}}),
        json!({"credentials": [SENTINEL]}),
        json!({"credentials": SENTINEL}),
        json!({"credentials": {"type": "api_key", "api_key": [SENTINEL]}}),
        json!({"credentials": {"type": "api_key", "api_key": {SENTINEL: SENTINEL}}}),
        json!({ SENTINEL: SENTINEL }),
        json!({"base_url": SENTINEL}),
        json!({"base_url": format!("https://{SENTINEL}\n")}),
        json!({"timestamp": SENTINEL}),
        json!({"reveal_secrets": SENTINEL}),
        json!(SENTINEL),
    ];
    for options in bad_options {
        let error = interop::plan_value("gcore.registries.create", &input, &options)
            .expect_err(&format!("{options} is refused"));
        assert_clean("error Display", &error.to_string());
        assert_clean("error Debug", &format!("{error:?}"));
        assert_clean("error_value", &interop::error_value(&error).to_string());
    }
    // Secrets typed into the wrong fields of an invalid input.
    let misplaced = json!({
        "project_id": SENTINEL, "region_id": [SENTINEL], "name": SENTINEL,
        "storage_limit": {"k": SENTINEL}, "nmae": SENTINEL
    });
    let report = regplan::validate("gcore.registries.create", &misplaced).unwrap();
    assert!(!report.is_valid());
    assert_clean("report Display", &report.to_string());
    assert_clean("report Debug", &format!("{report:?}"));
    assert_clean("report JSON", &serde_json::to_string(&report).unwrap());
    let planned = interop::plan_value("gcore.registries.create", &misplaced, &json!(null)).unwrap();
    assert_clean("invalid plan result", &planned.to_string());
    let error = regplan::plan(
        "gcore.registries.create",
        &misplaced,
        &PlanOptions::default(),
    )
    .unwrap_err();
    assert_clean("Error::Invalid Display", &error.to_string());
    assert_clean("Error::Invalid Debug", &format!("{error:?}"));
    let qovery = json!({
        "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "name": "r", "kind": "ECR",
        "url": SENTINEL,
        "config": {"region": SENTINEL, "secret_access_key": 5, "json_credentials": SENTINEL, "password": SENTINEL}
    });
    let report = regplan::validate("qovery.container_registries.create", &qovery).unwrap();
    assert!(!report.is_valid());
    assert_clean("qovery report", &serde_json::to_string(&report).unwrap());
}
