//! The `regplan` binary: exit codes, credentials from the environment, masking.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

#[path = "support/credentials.rs"]
mod credentials;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

fn regplan(args: &[&str], env: &[(&str, &str)], stdin: Option<&str>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_regplan"));
    command.args(args);
    for variable in credentials::declared_variables() {
        command.env_remove(variable);
    }
    command
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
    let owned = credentials::first_credentials_env("secret-c1i");
    let env: Vec<(&str, &str)> = owned.iter().map(|(k, v)| (*k, v.as_str())).collect();
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
        assert!(!curl.contains("secret-c1i"), "{curl}");
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
fn preview_plans_without_credentials_with_placeholders() {
    let file = examples().join("gcore-registries-create.json");
    let out = regplan(
        &[
            "plan",
            "gcore.registries.create",
            &file.to_string_lossy(),
            "--preview",
            "--format",
            "curl",
            "--reveal-secrets",
        ],
        &[],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "curl -X POST 'https://api.gcore.com/cloud/v1/registries/1/76' \\\n  -H 'Accept: application/json' \\\n  -H 'Authorization: APIKey <api_key>' \\\n  -H 'Content-Type: application/json' \\\n  --data-raw '{\"name\":\"reg-home1\",\"storage_limit\":5}'\n"
    );
    assert!(
        text(&out.stderr).contains("placeholders stand in for the credentials"),
        "{}",
        text(&out.stderr)
    );
    // With the key set, --preview changes nothing: the real request.
    let real = regplan(
        &[
            "plan",
            "gcore.registries.create",
            &file.to_string_lossy(),
            "--preview",
            "--reveal-secrets",
        ],
        &[("GCORE_API_KEY", "gk-secret")],
        None,
    );
    let json: serde_json::Value = serde_json::from_slice(&real.stdout).expect("json output");
    assert_eq!(json["headers"]["Authorization"], "APIKey gk-secret");
    assert_eq!(json["preview"], false);
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
    // The draft-07 variant, and the form metadata of `operations --json`.
    let old = regplan(&["schema", GCORE, "--draft", "draft-07"], &[], None);
    assert_eq!(old.status.code(), Some(0));
    let old: serde_json::Value = serde_json::from_slice(&old.stdout).expect("schema json");
    assert_eq!(old["$schema"], "http://json-schema.org/draft-07/schema#");
    assert_eq!(
        regplan(&["schema", GCORE, "--draft", "draft-04"], &[], None)
            .status
            .code(),
        Some(2)
    );
    let json = regplan(
        &["operations", "--json", "gcore.registries.create"],
        &[],
        None,
    );
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("operations json");
    assert_eq!(json[0]["fields"][0]["label"], "Project ID");
    assert_eq!(json[0]["fields"][0]["input"], "number");
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

// ---- the command line on clap, robustness (issues 10 and 13) ----

/// Runs regplan with arguments that may not be UTF-8 and a chosen stdout.
fn regplan_os(args: &[&OsStr], stdin: Option<&[u8]>, stdout: Stdio) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regplan"))
        .args(args)
        .env_remove("GCORE_API_KEY")
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::piped())
        .spawn()
        .expect("regplan runs");
    if let Some(bytes) = stdin {
        let _ = child.stdin.take().expect("stdin").write_all(bytes);
    }
    drop(child.stdin.take());
    child.wait_with_output().expect("regplan finishes")
}

fn os(args: &[&str]) -> Vec<&'static OsStr> {
    args.iter()
        .map(|a| OsStr::new(Box::leak(a.to_string().into_boxed_str())))
        .collect()
}

/// A fresh directory under `target/` for files a test creates.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

const VALID: &str = r#"{"project_id": 1, "region_id": 2, "name": "ok-name"}"#;
const GCORE: &str = "gcore.registries.create";

/// Reads one byte of the program's stdout, closes the pipe, and returns how it ended.
fn close_after_one_byte(args: &[&str], stdin: Option<Vec<u8>>) -> (u8, Output) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_regplan"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("regplan runs");
    let mut input = child.stdin.take().expect("stdin");
    // The program stops reading once its output is closed: a broken pipe here is fine.
    let writer = std::thread::spawn(move || {
        if let Some(bytes) = stdin {
            let _ = input.write_all(&bytes);
        }
    });
    let mut stdout = child.stdout.take().expect("stdout");
    let mut first = [0u8; 1];
    stdout.read_exact(&mut first).expect("one byte");
    drop(stdout);
    let out = child.wait_with_output().expect("regplan finishes");
    writer.join().expect("writer");
    (first[0], out)
}

#[test]
fn closed_pipe_ends_quietly_with_141() {
    // `regplan operations --json | head -c1`: the output is larger than a
    // pipe's buffer (64 KiB), so the program is still writing when the reader goes away.
    let whole = regplan(&["operations", "--json"], &[], None);
    assert!(whole.stdout.len() > 1 << 16, "{}", whole.stdout.len());
    let (first, out) = close_after_one_byte(&["operations", "--json"], None);
    assert_eq!(first, b'[');
    assert_eq!(out.status.code(), Some(141));
    assert_eq!(text(&out.stderr), "");
    // Streaming: 50,000 NDJSON lines give megabytes of reports.
    let lines = format!("{VALID}\n").repeat(50_000).into_bytes();
    let (first, out) = close_after_one_byte(&["validate", GCORE, "-", "--ndjson"], Some(lines));
    assert_eq!(first, b'{');
    assert_eq!(out.status.code(), Some(141));
    assert_eq!(text(&out.stderr), "");
}

#[test]
fn full_disk_is_a_one_line_error_and_exit_2() {
    let full = || Stdio::from(std::fs::File::create("/dev/full").expect("/dev/full"));
    let file = examples().join("gcore-registries-create.json");
    let file = file.to_string_lossy().into_owned();
    for (args, stdin) in [
        (vec!["validate", GCORE, "-"], Some(VALID)),
        (vec!["operations", "--json"], None),
        (vec!["operations"], None),
        (vec!["rules"], None),
        (vec!["schema", GCORE], None),
        (vec!["completions", "bash"], None),
        (vec!["validate", GCORE, "-", "--ndjson"], Some(VALID)),
        (
            vec!["plan", GCORE, &file, "--timestamp", "2026-11-22T10:15:00Z"],
            None,
        ),
    ] {
        let mut command = Command::new(env!("CARGO_BIN_EXE_regplan"));
        command
            .args(&args)
            .env("GCORE_API_KEY", "gk")
            .stdin(Stdio::piped())
            .stdout(full())
            .stderr(Stdio::piped());
        let mut child = command.spawn().expect("regplan runs");
        if let Some(input) = stdin {
            let _ = child
                .stdin
                .take()
                .expect("stdin")
                .write_all(input.as_bytes());
        }
        drop(child.stdin.take());
        let out = child.wait_with_output().expect("regplan finishes");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert_eq!(
            text(&out.stderr),
            "error: cannot write output: No space left on device (os error 28)\n",
            "{args:?}"
        );
    }
}

#[test]
fn latin1_file_name_works() {
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch("latin1");
    let file = dir.join(OsStr::from_bytes(b"caf\xe9.json"));
    std::fs::write(&file, VALID).expect("write");
    let out = regplan_os(
        &[OsStr::new("validate"), OsStr::new(GCORE), file.as_os_str()],
        None,
        Stdio::piped(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "valid\n");

    let missing = dir.join(OsStr::from_bytes(b"nop\xe9.json"));
    let out = regplan_os(
        &[
            OsStr::new("validate"),
            OsStr::new(GCORE),
            missing.as_os_str(),
        ],
        None,
        Stdio::piped(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!(
            "error: cannot read {}/nop\u{FFFD}.json: No such file or directory (os error 2)\n",
            dir.display()
        )
    );
}

#[test]
fn non_utf8_operation_is_a_clear_error() {
    use std::os::unix::ffi::OsStrExt;
    let out = regplan_os(
        &[
            OsStr::new("validate"),
            OsStr::from_bytes(b"gcore\xe9"),
            OsStr::new("-"),
        ],
        Some(b"{}"),
        Stdio::piped(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: invalid UTF-8 was detected in one or more arguments\n\nUsage: regplan validate [OPTIONS] <OP> <FILE|->\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn endless_input_fails_fast_at_the_size_limit() {
    let out = regplan(
        &["validate", GCORE, "/dev/zero", "--max-input-bytes", "1024"],
        &[],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: /dev/zero is larger than --max-input-bytes (1024 bytes)\n"
    );
    // The default limit (16 MiB) ends an endless input too, quickly.
    let start = std::time::Instant::now();
    let out = regplan(&["plan", GCORE, "/dev/zero"], &[], None);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: /dev/zero is larger than --max-input-bytes (16777216 bytes)\n"
    );
    assert!(start.elapsed() < std::time::Duration::from_secs(20));
    // NDJSON: the limit is per line, and a line that never ends is refused.
    let out = regplan(
        &[
            "validate",
            GCORE,
            "/dev/zero",
            "--ndjson",
            "--max-input-bytes=64KiB",
        ],
        &[],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: line 1 of /dev/zero is larger than --max-input-bytes (65536 bytes)\n"
    );
}

#[test]
fn size_limit_on_files_and_stdin() {
    let dir = scratch("size-limit");
    let file = dir.join("input.json");
    std::fs::write(&file, VALID).expect("write");
    let file = file.to_string_lossy().into_owned();
    let exact = VALID.len().to_string();
    let under = (VALID.len() - 1).to_string();
    // A regular file's size is checked before reading.
    let out = regplan(
        &["validate", GCORE, &file, "--max-input-bytes", &under],
        &[],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!("error: {file} is larger than --max-input-bytes ({under} bytes)\n")
    );
    let out = regplan(
        &["validate", GCORE, &file, "--max-input-bytes", &exact],
        &[],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let out = regplan(
        &["validate", GCORE, "-", "--max-input-bytes", &under],
        &[],
        Some(VALID),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        format!("error: standard input is larger than --max-input-bytes ({under} bytes)\n")
    );
    let out = regplan(
        &["validate", GCORE, "-", "--max-input-bytes", &exact],
        &[],
        Some(VALID),
    );
    assert_eq!(out.status.code(), Some(0));
    let out = regplan(
        &["validate", GCORE, "-", "--max-input-bytes", "12XB"],
        &[],
        Some(VALID),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: invalid value '12XB' for '--max-input-bytes <SIZE>': the unit must be KiB, MiB or GiB\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn duplicate_keys_are_an_invalid_input_with_their_pointer() {
    let input = r#"{"name":"ok","name":"BAD NAME","project_id":1,"region_id":2}"#;
    let out = regplan(&["validate", GCORE, "-"], &[], Some(input));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "error /name (duplicate_key): appears more than once in its object (line 1, column 19)\n"
    );
    let out = regplan(&["validate", GCORE, "-", "--json"], &[], Some(input));
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        report,
        serde_json::json!({"valid": false, "errors": [{
            "code": "duplicate_key", "path": "/name",
            "message": "appears more than once in its object",
            "params": {"line": 1, "column": 19}}], "warnings": []})
    );
    let nested = "{\"config\": {\n  \"region\": \"a\",\n  \"region\": \"b\"}}";
    let out = regplan(
        &["validate", "qovery.container_registries.create", "-"],
        &[],
        Some(nested),
    );
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        "error /config/region (duplicate_key): appears more than once in its object (line 3, column 10)\n"
    );
    // plan refuses it the same way, before looking for credentials.
    let out = regplan(&["plan", GCORE, "-"], &[], Some(input));
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).starts_with("error /name (duplicate_key)"));
    assert!(!text(&out.stdout).contains("BAD NAME"));
}

#[test]
fn byte_order_mark_is_refused_as_not_json() {
    let out = regplan_os(
        &os(&["validate", GCORE, "-"]),
        Some(b"\xef\xbb\xbf{}"),
        Stdio::piped(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: standard input: invalid JSON at line 1, column 1: the text starts with a byte order mark\n"
    );
}

#[test]
fn ndjson_streams_one_report_per_line() {
    let input = format!(
        "{VALID}\n{}\n{VALID}\n",
        r#"{"project_id": 0, "region_id": 2, "name": "ok-name"}"#
    );
    let out = regplan(&["validate", GCORE, "-", "--ndjson"], &[], Some(&input));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        concat!(
            r#"{"line":1,"valid":true,"errors":[],"warnings":[]}"#,
            "\n",
            r#"{"line":2,"valid":false,"errors":[{"code":"out_of_range","path":"/project_id","message":"must be at least 1","params":{"min":1}}],"warnings":[]}"#,
            "\n",
            r#"{"line":3,"valid":true,"errors":[],"warnings":[]}"#,
            "\n",
        )
    );
    // All valid: exit 0; blank lines are skipped, CRLF is fine, the last
    // line needs no newline.
    let input = format!("{VALID}\r\n\n  \n{VALID}");
    let out = regplan(&["validate", GCORE, "-", "--ndjson"], &[], Some(&input));
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout),
        "{\"line\":1,\"valid\":true,\"errors\":[],\"warnings\":[]}\n{\"line\":4,\"valid\":true,\"errors\":[],\"warnings\":[]}\n"
    );
    // A line that is not JSON, or repeats a key, is reported on its line and the stream goes on.
    let input = format!("{{nope\n{{\"a\":1,\"a\":2}}\n{VALID}\n");
    let out = regplan(&["validate", GCORE, "-", "--ndjson"], &[], Some(&input));
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stdout),
        concat!(
            r#"{"line":1,"valid":false,"errors":[{"code":"invalid_json","path":"","message":"key must be a string","params":{"column":2}}],"warnings":[]}"#,
            "\n",
            r#"{"line":2,"valid":false,"errors":[{"code":"duplicate_key","path":"/a","message":"appears more than once in its object","params":{"column":10}}],"warnings":[]}"#,
            "\n",
            r#"{"line":3,"valid":true,"errors":[],"warnings":[]}"#,
            "\n",
        )
    );
}

#[test]
fn help_for_every_subcommand() {
    for (sub, about) in [
        ("operations", "List the operations"),
        ("validate", "Report every error and warning of an input"),
        ("plan", "Print the exact request for a valid input"),
        ("schema", "Print the JSON Schema"),
        ("rules", "Print the rule table"),
        ("completions", "Print a shell completion script"),
    ] {
        for args in [vec![sub, "--help"], vec![sub, "-h"], vec!["help", sub]] {
            let out = regplan(&args, &[], None);
            assert_eq!(out.status.code(), Some(0), "{args:?}");
            let help = text(&out.stdout);
            assert!(help.starts_with(about), "{args:?}: {help}");
            assert!(help.contains(&format!("Usage: regplan {sub}")), "{help}");
            assert_eq!(text(&out.stderr), "");
        }
    }
    let plan = text(&regplan(&["plan", "--help"], &[], None).stdout);
    for needle in [
        "--format <FORMAT>",
        "--reveal-secrets",
        "--max-input-bytes <SIZE>",
        "GCORE_API_KEY",
    ] {
        assert!(plan.contains(needle), "{needle}: {plan}");
    }
    let top = regplan(&["--help"], &[], None);
    assert_eq!(top.status.code(), Some(0));
    assert!(text(&top.stdout).contains("Exit status: 0 valid, 1 invalid input"));
}

#[test]
fn version() {
    let expected = format!("regplan {}\n", env!("CARGO_PKG_VERSION"));
    for args in [&["--version"][..], &["-V"][..], &["plan", "--version"][..]] {
        let out = regplan(args, &[], None);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(text(&out.stdout), expected);
    }
}

#[test]
fn mistyped_command_and_flag_get_a_suggestion() {
    let out = regplan(&["valdate", GCORE, "-"], &[], Some("{}"));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: unrecognized subcommand 'valdate'\n\n  tip: a similar subcommand exists: 'validate'\n\nUsage: regplan <COMMAND>\n\nFor more information, try '--help'.\n"
    );
    let out = regplan(&["plan", GCORE, "-", "--fromat", "curl"], &[], Some("{}"));
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr),
        "error: unexpected argument '--fromat' found\n\n  tip: a similar argument exists: '--format'\n\nUsage: regplan plan --format <FORMAT> <OP> <FILE|->\n\nFor more information, try '--help'.\n"
    );
}

#[test]
fn flag_equals_value() {
    let file = examples().join("gcore-registries-create.json");
    let file = file.to_string_lossy();
    let env = [("GCORE_API_KEY", "gk")];
    let spaced = regplan(&["plan", GCORE, &file, "--format", "curl"], &env, None);
    let joined = regplan(&["plan", GCORE, &file, "--format=curl"], &env, None);
    assert_eq!(joined.status.code(), Some(0));
    assert!(text(&joined.stdout).starts_with("curl -X POST "));
    assert_eq!(joined.stdout, spaced.stdout);
    let base = regplan(
        &["plan", GCORE, &file, "--base-url=http://127.0.0.1:8080"],
        &env,
        None,
    );
    let json: serde_json::Value = serde_json::from_slice(&base.stdout).expect("json");
    assert_eq!(
        json["url"],
        "http://127.0.0.1:8080/cloud/v1/registries/1/76"
    );
}

#[test]
fn extra_and_misplaced_arguments_are_refused_briefly() {
    for (args, first_line) in [
        (
            &["operations", "qovery", "extra"][..],
            "error: unexpected argument 'extra' found",
        ),
        (
            &["rules", "--json"][..],
            "error: unexpected argument '--json' found",
        ),
        (
            &["rules", "extra"][..],
            "error: unexpected argument 'extra' found",
        ),
        (
            &["schema", GCORE, "extra"][..],
            "error: unexpected argument 'extra' found",
        ),
        (
            &["validate", GCORE, "-", "extra"][..],
            "error: unexpected argument 'extra' found",
        ),
        (
            &["validate", GCORE, "-", "--bearer"][..],
            "error: unexpected argument '--bearer' found",
        ),
        (
            &["schema", GCORE, "--format", "curl"][..],
            "error: unexpected argument '--format' found",
        ),
        (
            &["operations", "--reveal-secrets"][..],
            "error: unexpected argument '--reveal-secrets' found",
        ),
        (
            &["schema"][..],
            "error: the following required arguments were not provided:",
        ),
    ] {
        let out = regplan(args, &[], Some("{}"));
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert_eq!(
            stderr.lines().next(),
            Some(first_line),
            "{args:?}: {stderr}"
        );
        assert!(stderr.lines().count() <= 8, "{args:?}: {stderr}");
        assert!(!stderr.contains("Commands:"), "{args:?}: {stderr}");
        assert_eq!(text(&out.stdout), "");
    }
}

#[test]
fn operations_filtered_by_provider_prefix() {
    let out = regplan(&["operations", "qovery"], &[], None);
    assert_eq!(
        text(&out.stdout),
        "qovery.container_registries.create   POST   /organization/{organizationId}/containerRegistry\n"
    );
    let out = regplan(&["operations", "huawei_swr", "--json"], &[], None);
    let ops: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let ids: Vec<&str> = ops
        .as_array()
        .expect("array")
        .iter()
        .map(|op| op["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "huawei_swr.namespaces.create",
            "huawei_swr.repositories.create"
        ]
    );
    let out = regplan(&["operations", "gcore.users"], &[], None);
    assert_eq!(text(&out.stdout).lines().count(), 6);
    let out = regplan(&["operations", "aws"], &[], None);
    assert_eq!(out.status.code(), Some(2));
    let ids: Vec<&str> = regplan::providers().iter().map(|p| p.id).collect();
    assert_eq!(
        text(&out.stderr),
        format!(
            "error: no operation id starts with `aws`; providers: {}\n",
            ids.join(", ")
        )
    );
    // The declared order (a new provider comes after these).
    assert!(ids.starts_with(&["gcore", "qovery", "ncloud", "huawei_swr"]));
}

#[test]
fn completions_for_bash() {
    let out = regplan(&["completions", "bash"], &[], None);
    assert_eq!(out.status.code(), Some(0));
    let script = text(&out.stdout);
    assert!(script.contains("_regplan()"), "{script}");
    assert!(script.contains("complete -F _regplan"), "{script}");
    assert!(script.contains("--max-input-bytes"), "{script}");
    for shell in ["zsh", "fish", "elvish", "powershell"] {
        let out = regplan(&["completions", shell], &[], None);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        assert!(text(&out.stdout).contains("regplan"), "{shell}");
    }
    let out = regplan(&["completions", "tcsh"], &[], None);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn huawei_iam_token_from_the_environment() {
    let file = examples().join("huawei-swr-namespaces-create.json");
    let out = regplan(
        &[
            "plan",
            "huawei_swr.namespaces.create",
            &file.to_string_lossy(),
            "--reveal-secrets",
        ],
        &[("HUAWEICLOUD_SDK_IAM_TOKEN", "iam-t0k")],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json output");
    assert_eq!(json["headers"]["X-Auth-Token"], "iam-t0k");
}

/// The console samples of README.md's "Command line" section are what the program prints.
#[test]
fn readme_command_line_samples_are_exact() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../README.md"))
            .expect("README.md");
    let section = readme
        .split("### Command line\n")
        .nth(1)
        .and_then(|rest| rest.split("\n### ").next())
        .expect("Command line section");
    let mut checked = 0;
    for block in section.split("```console\n").skip(1) {
        let block = block.split("```").next().expect("block end");
        for sample in block.split("\n\n") {
            let mut lines = sample.lines();
            let command = lines
                .next()
                .expect("command")
                .strip_prefix("$ ")
                .expect("$ prompt");
            let expected: String = lines.map(|l| format!("{l}\n")).collect();
            // `ENV=value regplan ARGS` or `echo 'JSON' | regplan ARGS`; no quoted arguments.
            let (stdin, command) = match command.strip_prefix("echo '") {
                Some(rest) => {
                    let (json, rest) = rest.split_once("' | ").expect("echo pipe");
                    (Some(format!("{json}\n")), rest)
                }
                None => (None, command),
            };
            let mut words = command.split_whitespace().peekable();
            let mut env = Vec::new();
            while let Some((k, v)) = words.peek().and_then(|w| w.split_once('=')) {
                env.push((k, v));
                words.next();
            }
            if words.next() != Some("regplan") {
                continue; // `cargo install …`
            }
            let args: Vec<String> = words
                .map(|w| match w.strip_prefix("examples/") {
                    Some(name) => examples().join(name).to_string_lossy().into_owned(),
                    None => w.to_owned(),
                })
                .collect();
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = regplan(&args, &env, stdin.as_deref());
            assert_eq!(text(&out.stdout), expected, "{command}");
            checked += 1;
        }
    }
    assert_eq!(checked, 2);
}

/// `plan --help` lists each provider's credentials as declared: every
/// provider, every variable, how each type is sent.
#[test]
fn plan_help_lists_the_declared_credentials() {
    let help = text(&regplan(&["plan", "--help"], &[], None).stdout);
    let section = help
        .split_once("Credentials come from the environment:\n")
        .expect("the credentials section")
        .1;
    for provider in regplan::providers() {
        assert!(
            section.contains(&format!("  {}.*", provider.id)),
            "{}: {section}",
            provider.id
        );
        for accepts in provider.credentials {
            assert!(section.contains(&accepts.sends.summary()), "{section}");
        }
    }
    for variable in credentials::declared_variables() {
        assert!(section.contains(variable), "{variable}: {section}");
    }
    for line in [
        "  gcore.*       GCORE_API_KEY: `Authorization: APIKey …`\n",
        "  qovery.*      QOVERY_API_TOKEN: `Authorization: Token …`\n                or with --bearer: `Authorization: Bearer …`\n",
        "  huawei_swr.*  HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (optional HUAWEICLOUD_SDK_PROJECT_ID): `SDK-HMAC-SHA256` signature\n                or HUAWEICLOUD_SDK_IAM_TOKEN: `X-Auth-Token: …`\n",
    ] {
        assert!(section.contains(line), "{line}: {section}");
    }
}
