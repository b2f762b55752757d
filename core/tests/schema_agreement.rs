//! The exported JSON Schemas agree with `validate` on every shared vector.
//!
//! An independent JSON Schema validator (the `jsonschema` crate) checks each
//! vector's input against `regplan::schema(op)`; its verdict must equal
//! `validate`'s, except where the only errors are rules JSON Schema cannot
//! express (URL parsing, JSON inside a string), which are listed by code.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use serde_json::Value;
use std::path::Path;

/// Error codes whose rule is enforced by `validate` only.
const NOT_EXPRESSIBLE: &[&str] = &["invalid_url", "invalid_json", "ip_address"];

#[test]
fn schema_and_validate_agree_on_every_vector() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors");
    let mut checked = 0;
    let mut disagreements = Vec::new();
    for entry in std::fs::read_dir(dir).expect("tests/vectors") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let doc: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("read")).expect("json");
        for case in doc["cases"].as_array().expect("cases") {
            let op = case["op"].as_str().expect("op");
            let input = &case["input"];
            let schema = regplan::schema(op).expect("schema");
            let validator = jsonschema::draft202012::new(&schema)
                .unwrap_or_else(|e| panic!("schema of {op} does not compile: {e}"));
            let report = regplan::validate(op, input).expect("validate");
            let only_inexpressible = !report.is_valid()
                && report
                    .errors
                    .iter()
                    .all(|e| NOT_EXPRESSIBLE.contains(&e.code.as_str()));
            let schema_valid = validator.is_valid(input);
            checked += 1;
            // Where only inexpressible rules fail, the schema may still catch
            // part of them (its `^https://[!-~]+$` rejects a space), so either verdict is fine.
            if !only_inexpressible && schema_valid != report.is_valid() {
                disagreements.push(format!(
                    "{}: schema says {}, validate says {:?}",
                    case["name"].as_str().unwrap_or("?"),
                    schema_valid,
                    report
                        .errors
                        .iter()
                        .map(|e| (e.code.as_str(), e.path.as_str()))
                        .collect::<Vec<_>>()
                ));
            }
        }
    }
    assert!(checked > 100, "only {checked} vectors");
    assert!(disagreements.is_empty(), "{}", disagreements.join("\n"));
}

#[test]
fn every_operation_has_a_schema_with_descriptions() {
    for op in regplan::operations() {
        let schema = regplan::schema(op.id).expect("schema");
        assert_eq!(
            schema["$schema"],
            "https://json-schema.org/draft/2020-12/schema"
        );
        assert_eq!(schema["additionalProperties"], false);
        for field in op.fields {
            let property = &schema["properties"][field.name];
            assert!(
                property["description"]
                    .as_str()
                    .is_some_and(|d| !d.is_empty()),
                "{}.{}",
                op.id,
                field.name
            );
        }
    }
    let create = regplan::schema("gcore.registries.create").expect("schema");
    assert_eq!(
        create["properties"]["name"]["pattern"],
        "^[a-z][-a-z0-9]{0,22}[a-z0-9]$"
    );
    assert_eq!(create["properties"]["storage_limit"]["default"], 5);
    assert_eq!(create["properties"]["storage_limit"]["maximum"], 1000);
    assert_eq!(
        create["required"],
        serde_json::json!(["project_id", "region_id", "name"])
    );
}
