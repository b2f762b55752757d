//! `plan` with `preview` and no credentials: placeholders where the
//! credentials go, the request marked, a `preview` warning; with credentials
//! preview changes nothing.

use regplan::interop::plan_options;
use regplan::{plan, Error, Request};
use serde_json::{json, Value};

fn preview(op: &str, input: &Value, options: Value) -> Result<Request, Error> {
    let (options, _) = plan_options(&options)?;
    plan(op, input, &options)
}

fn headers(request: &Request) -> Vec<(String, String)> {
    request
        .headers
        .iter()
        .map(|h| (h.name.to_owned(), h.value().to_owned()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(n, v)| ((*n).to_owned(), (*v).to_owned()))
        .collect()
}

const GCORE_INPUT: &str = r#"{"project_id": 1, "region_id": 76, "name": "reg-home1"}"#;

#[test]
fn gcore_preview_has_the_api_key_placeholder() -> Result<(), Error> {
    let input: Value = serde_json::from_str(GCORE_INPUT).unwrap_or_default();
    let request = preview("gcore.registries.create", &input, json!({"preview": true}))?;
    assert!(request.preview);
    assert_eq!(
        headers(&request),
        pairs(&[
            ("Accept", "application/json"),
            ("Authorization", "APIKey <api_key>"),
            ("Content-Type", "application/json"),
        ])
    );
    assert_eq!(
        request.body(),
        Some(&br#"{"name":"reg-home1","storage_limit":5}"#[..])
    );
    let warning = request.warnings.first().map(|w| {
        (
            w.code.as_str(),
            w.path.as_str().to_owned(),
            w.message.to_string(),
            w.params.clone(),
        )
    });
    assert_eq!(
        warning,
        Some((
            "preview",
            String::new(),
            "placeholders stand in for the credentials; this request cannot be sent".to_owned(),
            vec![("credentials", Value::from("api_key"))],
        ))
    );
    // The placeholder is no secret: masked renderings show it as it is.
    assert!(request
        .to_curl(false)
        .contains("-H 'Authorization: APIKey <api_key>'"));
    let view: Value = serde_json::from_str(&request.to_json(false)).unwrap_or_default();
    assert_eq!(view["preview"], json!(true));
    Ok(())
}

#[test]
fn with_credentials_preview_changes_nothing() -> Result<(), Error> {
    let input: Value = serde_json::from_str(GCORE_INPUT).unwrap_or_default();
    let credentials = json!({"type": "api_key", "api_key": "k3y"});
    let with = preview(
        "gcore.registries.create",
        &input,
        json!({"preview": true, "credentials": credentials}),
    )?;
    let without = preview(
        "gcore.registries.create",
        &input,
        json!({"credentials": credentials}),
    )?;
    assert!(!with.preview);
    assert_eq!(with, without);
    let view: Value = serde_json::from_str(&with.to_json(false)).unwrap_or_default();
    assert_eq!(view["preview"], json!(false));
    Ok(())
}

#[test]
fn without_preview_credentials_are_still_required() {
    let input: Value = serde_json::from_str(GCORE_INPUT).unwrap_or_default();
    let outcome = preview("gcore.registries.create", &input, json!({"preview": false}));
    assert!(matches!(
        outcome,
        Err(Error::MissingCredentials {
            provider: "gcore",
            ..
        })
    ));
    let outcome = preview("gcore.registries.create", &input, json!({"preview": "yes"}));
    assert_eq!(
        outcome.err().map(|e| e.to_string()),
        Some("invalid option `preview`: must be true or false, not a string".to_owned())
    );
}

#[test]
fn qovery_preview_has_the_token_placeholder() -> Result<(), Error> {
    let input = json!({
        "organizationId": "6a4b3cb6-9e0f-4c1b-9a57-1b2f0d1e3c4a",
        "name": "hub",
        "kind": "DOCKER_HUB",
        "url": "https://docker.io",
        "config": {"username": "u", "password": "p"}
    });
    let request = preview(
        "qovery.container_registries.create",
        &input,
        json!({"preview": true}),
    )?;
    assert!(request.preview);
    assert_eq!(
        request
            .headers
            .iter()
            .find(|h| h.name == "Authorization")
            .map(|h| h.value()),
        Some("Token <token>")
    );
    Ok(())
}

#[test]
fn ncloud_preview_signs_with_placeholders_over_the_timestamp() -> Result<(), Error> {
    let input = json!({"registry": "my-registry", "bucket": "my-bucket"});
    let request = preview(
        "ncloud.registries.create",
        &input,
        json!({"preview": true, "timestamp": 1_795_342_500_000_i64}),
    )?;
    assert_eq!(
        headers(&request),
        pairs(&[
            ("Content-Type", "application/json"),
            ("x-ncp-apigw-signature-v2", "<signature>"),
            ("x-ncp-apigw-timestamp", "1795342500000"),
            ("x-ncp-iam-access-key", "<access_key>"),
        ])
    );
    // A signature still needs its instant.
    let outcome = preview("ncloud.registries.create", &input, json!({"preview": true}));
    assert!(matches!(
        outcome,
        Err(Error::MissingTimestamp { provider: "ncloud" })
    ));
    Ok(())
}

#[test]
fn huawei_preview_names_the_signed_headers() -> Result<(), Error> {
    let input = json!({"region": "eu-west-101", "namespace": "my-team"});
    let request = preview(
        "huawei_swr.namespaces.create",
        &input,
        json!({"preview": true, "timestamp": "2026-11-22T10:15:00Z"}),
    )?;
    assert_eq!(
        headers(&request),
        pairs(&[
            ("Authorization", "SDK-HMAC-SHA256 Access=<access_key>, SignedHeaders=content-type;host;x-sdk-date, Signature=<signature>"),
            ("Content-Type", "application/json"),
            ("Host", "swr-api.eu-west-101.myhuaweicloud.eu"),
            ("X-Sdk-Date", "20261122T101500Z"),
        ])
    );
    Ok(())
}
