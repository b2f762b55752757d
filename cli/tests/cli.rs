//! The `regplan` binary: exit codes, credentials from the environment, masking.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

fn regplan(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_regplan"));
    command
        .args(args)
        .env_remove("GCORE_API_KEY")
        .env_remove("QOVERY_API_TOKEN")
        .env_remove("NCLOUD_ACCESS_KEY")
        .env_remove("NCLOUD_SECRET_KEY")
        .env_remove("HUAWEICLOUD_SDK_AK")
        .env_remove("HUAWEICLOUD_SDK_SK")
        .env_remove("HUAWEICLOUD_SDK_PROJECT_ID")
        .env_remove("HUAWEICLOUD_SDK_IAM_TOKEN")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command.spawn().expect("regplan runs");
    if let Some(text) = stdin {
        // The process may exit before reading (misuse is detected first): a broken pipe is fine.
        let _ = child
            .stdin
            .take()
            .expect("stdin")
            .write_all(text.as_bytes());
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("regplan finishes")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn every_example_plans_with_exit_0() {
    let env = [
        ("GCORE_API_KEY", "gk-secret"),
        ("QOVERY_API_TOKEN", "qv-secret"),
        ("NCLOUD_ACCESS_KEY", "ncp-access"),
        ("NCLOUD_SECRET_KEY", "ncp-secret"),
        ("HUAWEICLOUD_SDK_AK", "hw-access"),
        ("HUAWEICLOUD_SDK_SK", "hw-secret"),
    ];
    let mut count = 0;
    for entry in std::fs::read_dir(examples()).expect("examples/") {
        let path = entry.expect("entry").path();
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        let Some(op) = regplan::operations()
            .iter()
            .find(|op| op.id.replace(['.', '_'], "-") == stem)
        else {
            continue;
        };
        let file = path.to_string_lossy().into_owned();
        let out = regplan(&["plan", op.id, &file, "--format", "curl"], &env, None);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}: {}",
            op.id,
            text(&out.stderr)
        );
        let curl = text(&out.stdout);
        assert!(
            curl.starts_with(&format!("curl -X {} ", op.method.as_str())),
            "{curl}"
        );
        for secret in ["gk-secret", "qv-secret", "ncp-secret", "hw-secret"] {
            assert!(!curl.contains(secret), "{curl}");
        }
        count += 1;
    }
    assert_eq!(
        count,
        regplan::operations().len(),
        "one example per operation"
    );
}

#[test]
fn plan_prints_the_exact_gcore_request() {
    let file = examples().join("gcore-registries-create.json");
    let out = regplan(
        &[
            "plan",
            "gcore.registries.create",
            &file.to_string_lossy(),
            "--format",
            "curl",
        ],
        &[("GCORE_API_KEY", "gk-secret")],
        None,
    );
    assert_eq!(
        text(&out.stdout),
        "curl -X POST 'https://api.gcore.com/cloud/v1/registries/1/76' \\\n  -H 'Accept: application/json' \\\n  -H 'Authorization: APIKey ***' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{\"name\":\"reg-home1\",\"storage_limit\":5}'\n"
    );
    let revealed = regplan(
        &[
            "plan",
            "gcore.registries.create",
            &file.to_string_lossy(),
            "--format",
            "curl",
            "--reveal-secrets",
        ],
        &[("GCORE_API_KEY", "gk-secret")],
        None,
    );
    assert!(text(&revealed.stdout).contains("'Authorization: APIKey gk-secret'"));
}

#[test]
fn qovery_token_and_bearer() {
    let file = examples().join("qovery-container-registries-create.json");
    let file = file.to_string_lossy();
    let token = regplan(
        &[
            "plan",
            "qovery.container_registries.create",
            &file,
            "--reveal-secrets",
        ],
        &[("QOVERY_API_TOKEN", "t0k")],
        None,
    );
    let json: serde_json::Value = serde_json::from_slice(&token.stdout).expect("json output");
    assert_eq!(json["headers"]["Authorization"], "Token t0k");
    let bearer = regplan(
        &[
            "plan",
            "qovery.container_registries.create",
            &file,
            "--bearer",
            "--reveal-secrets",
        ],
        &[("QOVERY_API_TOKEN", "eyJ.jwt")],
        None,
    );
    let json: serde_json::Value = serde_json::from_slice(&bearer.stdout).expect("json output");
    assert_eq!(json["headers"]["Authorization"], "Bearer eyJ.jwt");
}

#[test]
fn missing_credential_names_the_variable_and_exits_2() {
    let file = examples().join("gcore-registries-create.json");
    let out = regplan(
        &["plan", "gcore.registries.create", &file.to_string_lossy()],
        &[],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("GCORE_API_KEY"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn invalid_input_exits_1_with_every_error() {
    let input = r#"{"project_id": 0, "region_id": 76, "name": "Bad_", "storage_limit": 1001}"#;
    let out = regplan(
        &["validate", "gcore.registries.create", "-"],
        &[],
        Some(input),
    );
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("error /project_id (out_of_range): must be at least 1"),
        "{stdout}"
    );
    assert!(
        stdout.contains("error /name (pattern): must start with a lowercase letter"),
        "{stdout}"
    );
    assert!(
        stdout.contains("error /storage_limit (out_of_range): must be between 1 and 1000"),
        "{stdout}"
    );

    let json = regplan(
        &["validate", "gcore.registries.create", "-", "--json"],
        &[],
        Some(input),
    );
    assert_eq!(json.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json report");
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"][0]["code"], "out_of_range");
    assert_eq!(report["errors"][0]["path"], "/project_id");
}

#[test]
fn valid_input_exits_0() {
    let out = regplan(
        &["validate", "gcore.registries.create", "-"],
        &[],
        Some(r#"{"project_id": 1, "region_id": 2, "name": "ok-name"}"#),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), "valid\n");
}

#[test]
fn misuse_exits_2() {
    for args in [
        &["validate", "gcore.registries.craete", "-"][..],
        &["frobnicate"][..],
        &["plan", "gcore.registries.create", "-", "--format", "xml"][..],
        &["validate", "gcore.registries.create", "/no/such/file.json"][..],
        &[][..],
    ] {
        let out = regplan(args, &[], Some("{}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
    let out = regplan(
        &["validate", "gcore.registries.craete", "-"],
        &[],
        Some("{}"),
    );
    assert!(
        text(&out.stderr).contains("did you mean `gcore.registries.create`?"),
        "{}",
        text(&out.stderr)
    );
    let not_json = regplan(
        &["validate", "gcore.registries.create", "-"],
        &[],
        Some("{nope"),
    );
    assert_eq!(not_json.status.code(), Some(2));
}

#[test]
fn deeply_nested_input_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let out = regplan(
        &["validate", "gcore.registries.create", "-"],
        &[],
        Some(&deep),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("recursion limit"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn schema_and_operations_commands() {
    let out = regplan(&["schema", "qovery.container_registries.create"], &[], None);
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("schema json");
    assert_eq!(schema["properties"]["kind"]["type"], "string");
    let ops = regplan(&["operations"], &[], None);
    assert_eq!(
        text(&ops.stdout).lines().count(),
        regplan::operations().len()
    );
}

/// The examples of the signed providers, signed at a fixed time, carry exactly
/// the signatures the vendors' own code computes for them
/// (`tests/vendor/{huawei,ncloud}_signatures.json`).
#[test]
fn signed_examples_match_the_vendor_signatures() {
    let vendor = |file: &str, name: &str, key: &str| -> String {
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/vendor")
            .join(file);
        let all: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json");
        let case = all
            .as_array()
            .expect("array")
            .iter()
            .find(|c| c["name"] == name)
            .expect("case");
        case[key].as_str().expect("string").to_owned()
    };
    let huawei = regplan(
        &[
            "plan",
            "huawei_swr.repositories.create",
            &examples()
                .join("huawei-swr-repositories-create.json")
                .to_string_lossy(),
            "--format",
            "curl",
            "--timestamp",
            "2026-11-22T10:15:00Z",
        ],
        &[
            ("HUAWEICLOUD_SDK_AK", "AKEXAMPLE0000000000"),
            (
                "HUAWEICLOUD_SDK_SK",
                "SKEXAMPLEsecretkeyvalue000000000000000000",
            ),
        ],
        None,
    );
    assert_eq!(huawei.status.code(), Some(0), "{}", text(&huawei.stderr));
    let expected = vendor(
        "huawei_signatures.json",
        "huawei: create repository (seed 004 example), AK/SK",
        "authorization",
    );
    let curl = text(&huawei.stdout);
    assert!(
        curl.contains(&format!("-H 'Authorization: {expected}'")),
        "{curl}"
    );
    assert!(curl.contains("-H 'X-Sdk-Date: 20261122T101500Z'"), "{curl}");
    assert!(!curl.contains("SKEXAMPLE"), "{curl}");

    let ncloud = regplan(
        &[
            "plan",
            "ncloud.registries.create",
            &examples()
                .join("ncloud-registries-create.json")
                .to_string_lossy(),
            "--format",
            "curl",
            "--timestamp",
            "2026-11-22T10:15:00Z",
        ],
        &[
            ("NCLOUD_ACCESS_KEY", "ncp_iam_EXAMPLEACCESSKEY"),
            ("NCLOUD_SECRET_KEY", "ncp_iam_EXAMPLESECRETKEY0000000000000"),
        ],
        None,
    );
    assert_eq!(ncloud.status.code(), Some(0), "{}", text(&ncloud.stderr));
    let expected = vendor(
        "ncloud_signatures.json",
        "ncloud: create registry (KR, default region)",
        "signature",
    );
    let curl = text(&ncloud.stdout);
    assert!(
        curl.contains(&format!("-H 'x-ncp-apigw-signature-v2: {expected}'")),
        "{curl}"
    );
    assert!(
        curl.contains("-H 'x-ncp-apigw-timestamp: 1795342500000'"),
        "{curl}"
    );
    assert!(!curl.contains("EXAMPLESECRETKEY"), "{curl}");
}

#[test]
fn bad_timestamp_is_misuse() {
    let out = regplan(
        &[
            "plan",
            "ncloud.registries.create",
            &examples()
                .join("ncloud-registries-create.json")
                .to_string_lossy(),
            "--timestamp",
            "yesterday",
        ],
        &[("NCLOUD_ACCESS_KEY", "a"), ("NCLOUD_SECRET_KEY", "b")],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--timestamp"),
        "{}",
        text(&out.stderr)
    );
}
