//! Form reading (`ValidateOptions::form`, `PlanOptions::form`) and
//! `validate_field` with the whole current input.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use regplan::interop;
use regplan::{Credentials, Error, Failure, PlanOptions, Report, ValidateOptions};
use serde_json::{json, Value};

const GCORE: &str = "gcore.registries.create";
const QOVERY: &str = "qovery.container_registries.create";
const FORM: ValidateOptions = ValidateOptions { form: true };

fn errors(report: &Report) -> Vec<(String, String, String)> {
    report
        .errors
        .iter()
        .map(|i| {
            (
                i.code.to_string(),
                i.path.to_string(),
                i.message.to_string(),
            )
        })
        .collect()
}

fn triples(list: &[(&str, &str, &str)]) -> Vec<(String, String, String)> {
    list.iter()
        .map(|(c, p, m)| ((*c).to_owned(), (*p).to_owned(), (*m).to_owned()))
        .collect()
}

fn validate(op: &str, input: &Value, form: bool) -> Report {
    regplan::validate_with_options(op, &input, &ValidateOptions { form })
        .map_err(Failure::into_error)
        .unwrap()
}

fn field(op: &str, field: &str, value: &Value, input: Option<&Value>, form: bool) -> Report {
    regplan::validate_field_with_options(
        op,
        field,
        &value,
        input.as_ref(),
        &ValidateOptions { form },
    )
    .map_err(Failure::into_error)
    .unwrap()
}

fn gcore_options(form: bool) -> PlanOptions {
    PlanOptions {
        credentials: Some(Credentials::ApiKey {
            api_key: "k3y".into(),
        }),
        form,
        ..PlanOptions::default()
    }
}

#[test]
fn integer_text_and_empty_members_are_read_as_a_form_means_them() {
    let input =
        json!({"project_id": "1", "region_id": " 76 ", "name": "reg-home1", "storage_limit": ""});
    assert!(validate(GCORE, &input, true).is_valid());
    let request = regplan::plan(GCORE, &input, &gcore_options(true)).unwrap();
    assert_eq!(
        request.url,
        "https://api.gcore.com/cloud/v1/registries/1/76"
    );
    assert_eq!(
        request.body(),
        Some(&br#"{"name":"reg-home1","storage_limit":5}"#[..])
    );
    let defaults: Vec<&str> = request
        .defaults_applied
        .iter()
        .map(|p| p.as_str())
        .collect();
    assert_eq!(defaults, ["/storage_limit"]);
    // Text for an integer is sent as the integer.
    let sized = json!({"project_id": 1, "region_id": 76, "name": "reg", "storage_limit": "+20"});
    let request = regplan::plan(GCORE, &sized, &gcore_options(true)).unwrap();
    assert_eq!(
        request.body(),
        Some(&br#"{"name":"reg","storage_limit":20}"#[..])
    );
}

#[test]
fn without_form_the_same_input_keeps_its_type_errors() {
    let input =
        json!({"project_id": "1", "region_id": " 76 ", "name": "reg-home1", "storage_limit": ""});
    assert_eq!(
        errors(&validate(GCORE, &input, false)),
        triples(&[
            ("type", "/project_id", "must be an integer, not a string"),
            ("type", "/region_id", "must be an integer, not a string"),
            ("type", "/storage_limit", "must be an integer, not a string"),
        ])
    );
}

#[test]
fn text_that_is_no_integer_keeps_the_type_error_and_ranges_still_apply() {
    let input = json!({"project_id": "x", "region_id": "7.5", "name": "reg", "storage_limit": "0"});
    assert_eq!(
        errors(&validate(GCORE, &input, true)),
        triples(&[
            ("type", "/project_id", "must be an integer, not a string"),
            ("type", "/region_id", "must be an integer, not a string"),
            (
                "out_of_range",
                "/storage_limit",
                "must be between 1 and 1000"
            ),
        ])
    );
    // A sign is a number input's own text; an exponent is not an integer's.
    let signed =
        json!({"project_id": "+1", "region_id": "1e3", "name": "reg", "storage_limit": "-1"});
    assert_eq!(
        errors(&validate(GCORE, &signed, true)),
        triples(&[
            ("type", "/region_id", "must be an integer, not a string"),
            (
                "out_of_range",
                "/storage_limit",
                "must be between 1 and 1000"
            ),
        ])
    );
    let huge = json!({"project_id": "99999999999999999999999999999999999999999", "region_id": 76, "name": "reg"});
    assert_eq!(
        validate(GCORE, &huge, true).errors[0].code.as_str(),
        "out_of_range"
    );
}

#[test]
fn empty_required_members_are_missing_and_empty_unknown_members_absent() {
    let input = json!({"project_id": null, "region_id": "", "name": "", "colour": ""});
    let report = validate(GCORE, &input, true);
    let codes: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("required", "/project_id"),
            ("required", "/region_id"),
            ("required", "/name")
        ]
    );
    // Without form, "" is a value: an empty name, an unknown member.
    let codes: Vec<String> = validate(GCORE, &input, false)
        .errors
        .iter()
        .map(|i| format!("{} {}", i.code, i.path))
        .collect();
    assert!(
        codes.contains(&"unknown_field /colour".to_owned()),
        "{codes:?}"
    );
}

#[test]
fn nested_members_are_read_as_a_form_too() {
    let input = json!({"organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "name": "my-registry", "kind": "ECR",
        "url": "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
        "config": {"region": "", "access_key_id": "AKIAEXAMPLE", "secret_access_key": "s3cr3t", "role_arn": null}});
    let report = validate(QOVERY, &input, true);
    let found: Vec<(&str, &str)> = report
        .errors
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(found, [("required", "/config/region")]);
    assert_eq!(
        report.errors[0]
            .params
            .iter()
            .find(|(k, _)| *k == "kind")
            .map(|(_, v)| v),
        Some(&json!("ECR")),
        "{report:?}"
    );
}

#[test]
fn booleans_from_text() {
    let op = "gcore.users.create";
    let input = json!({"project_id": "1", "region_id": "76", "registry_id": "607", "name": "cibot",
        "duration": "30", "read_only": "true"});
    let report = validate(op, &input, true);
    assert!(report.is_valid(), "{report:?}");
    let wrong = json!({"project_id": 1, "region_id": 76, "registry_id": 607, "name": "cibot",
        "duration": 30, "read_only": "yes"});
    assert_eq!(
        errors(&validate(op, &wrong, true)),
        triples(&[(
            "type",
            "/read_only",
            "must be a boolean (true or false), not a string"
        )])
    );
}

#[test]
fn validate_field_reads_as_a_form_without_input() {
    assert!(field(GCORE, "project_id", &json!(" 7 "), None, true).is_valid());
    assert_eq!(
        errors(&field(GCORE, "/project_id", &json!(""), None, true)),
        triples(&[("required", "/project_id", "is required")])
    );
    assert_eq!(
        errors(&field(GCORE, "project_id", &json!(" 7 "), None, false)),
        triples(&[("type", "/project_id", "must be an integer, not a string")])
    );
}

fn ecr(config: Value) -> Value {
    json!({"organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "name": "my-registry", "kind": "ECR",
        "url": "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com", "config": config})
}

#[test]
fn validate_field_with_the_whole_input_runs_the_rules_that_relate_fields() {
    let input = ecr(json!({"access_key_id": "AKIAEXAMPLE", "secret_access_key": "s3cr3t"}));
    // Alone, an empty region is too short; with the input and form, it is missing for ECR.
    let alone = field(QOVERY, "/config/region", &json!(""), None, false);
    assert_eq!(alone.errors[0].code.as_str(), "too_short");
    let with = field(QOVERY, "/config/region", &json!(""), Some(&input), true);
    let found: Vec<(&str, &str)> = with
        .errors
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(found, [("required", "/config/region")]);
    // The value given replaces the input's own; only issues at the field come back.
    let broken = ecr(json!({"region": "eu-west-3", "access_key_id": 5}));
    assert!(field(
        QOVERY,
        "/config/region",
        &json!("eu-west-3"),
        Some(&broken),
        false
    )
    .is_valid());
    // A key of a field another kind uses is forbidden for this kind.
    let forbidden = field(
        QOVERY,
        "/config/username",
        &json!("me"),
        Some(&input),
        false,
    );
    let found: Vec<(&str, &str)> = forbidden
        .errors
        .iter()
        .map(|i| (i.code.as_str(), i.path.as_str()))
        .collect();
    assert_eq!(found, [("forbidden", "/config/username")]);
    // A top-level field by name, with the whole input: its own issues only.
    let gcore = json!({"project_id": 0, "region_id": 76, "name": "reg"});
    assert_eq!(
        errors(&field(GCORE, "name", &json!("-x"), Some(&gcore), false))
            .iter()
            .map(|(c, p, _)| format!("{c} {p}"))
            .collect::<Vec<_>>(),
        ["pattern /name"]
    );
}

#[test]
fn validate_field_places_the_value_where_the_input_has_no_object() {
    let input = json!({"organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6", "name": "my-registry", "kind": "ECR", "config": "nope"});
    let report = field(
        QOVERY,
        "/config/region",
        &json!("eu-west-3"),
        Some(&input),
        false,
    );
    assert!(report.is_valid(), "{report:?}");
    let empty = json!({});
    assert!(field(GCORE, "/name", &json!("reg"), Some(&empty), false).is_valid());
}

#[test]
fn validate_field_refuses_an_input_that_is_no_object() {
    let failed = regplan::validate_field_with_options(
        GCORE,
        "name",
        &&json!("reg"),
        Some(&&json!([1])),
        &FORM,
    )
    .map_err(Failure::into_error);
    match failed {
        Err(error @ Error::InvalidArgument { .. }) => assert_eq!(
            error.to_string(),
            "`input` must be an object (the whole current input), not an array"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn form_is_a_plan_option_and_unknown_validate_options_are_refused() {
    let options = json!({"credentials": {"type": "api_key", "api_key": "k"}, "form": true});
    let (parsed, _) = interop::plan_options(&options).unwrap();
    assert!(parsed.form);
    let planned = interop::plan_value(
        GCORE,
        &json!({"project_id": "1", "region_id": "76", "name": "reg"}),
        &options,
    )
    .unwrap();
    assert_eq!(
        planned["request"]["url"],
        "https://api.gcore.com/cloud/v1/registries/1/76"
    );
    let wrong = interop::plan_options(&json!({"form": "yes"})).unwrap_err();
    assert_eq!(
        wrong.to_string(),
        "invalid option `form`: must be true or false, not a string"
    );
    let unknown = interop::plan_options(&json!({"forms": true})).unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "invalid option `options`: has an unknown member; known: credentials, base_url, timestamp, reveal_secrets, preview, form"
    );

    let read = |options: &Value, with_input: bool| {
        interop::read_validate_options(Some(&options), with_input)
            .map(|(o, input)| (o.form, input.cloned()))
            .map_err(|e| Failure::into_error(e).to_string())
    };
    assert_eq!(read(&json!({"form": true}), false), Ok((true, None)));
    assert_eq!(read(&Value::Null, true), Ok((false, None)));
    assert_eq!(
        read(&json!({"form": null, "input": {"a": 1}}), true),
        Ok((false, Some(json!({"a": 1}))))
    );
    assert_eq!(
        read(&json!({"input": {}}), false),
        Err("invalid option `options`: has an unknown member; known: form".to_owned())
    );
    assert_eq!(
        read(&json!({"s3cr3t": 1}), true),
        Err("invalid option `options`: has an unknown member; known: form, input".to_owned())
    );
    assert_eq!(
        read(&json!({"form": 1}), true),
        Err("invalid option `form`: must be true or false, not a number".to_owned())
    );
    assert_eq!(
        read(&json!("form"), true),
        Err("invalid option `options`: must be an object, not a string".to_owned())
    );
}

#[test]
fn validate_many_reads_each_input_as_a_form() {
    let inputs = json!([
        {"project_id": "1", "region_id": "76", "name": "reg"},
        {"project_id": "a", "region_id": "76", "name": "reg"}
    ]);
    let reports = regplan::validate_many_with_options(GCORE, &&inputs, &FORM)
        .map_err(Failure::into_error)
        .unwrap();
    assert!(reports[0].is_valid());
    assert_eq!(
        errors(&reports[1]),
        triples(&[("type", "/project_id", "must be an integer, not a string")])
    );
}
