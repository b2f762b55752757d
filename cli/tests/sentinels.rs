//! The CLI never prints a secret unless `--reveal-secrets` is given: every
//! example is planned with a sentinel as every credential (from the
//! environment) and every secret input field, in every output format, and
//! every misuse path is forced; stdout and stderr are searched.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SENTINEL: &str = "SENTINEL-c1i";

#[path = "support/credentials.rs"]
mod credentials;

/// Every provider's first credential type, each secret member the sentinel.
fn sentinel_env() -> Vec<(&'static str, String)> {
    credentials::first_credentials_env(SENTINEL)
}

fn run<V: AsRef<std::ffi::OsStr>>(args: &[&str], env: &[(&str, V)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_regplan"));
    command.args(args).stdin(Stdio::null());
    // Only the variables given count, not the caller's environment.
    for variable in credentials::declared_variables() {
        command.env_remove(variable);
    }
    for (k, v) in env {
        command.env(k, v);
    }
    command.output().expect("regplan runs")
}

fn shown(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// Every example, with each secret input field replaced by the sentinel.
fn examples_with_sentinels(dir: &Path) -> Vec<(String, PathBuf)> {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let mut value: serde_json::Value = serde_json::from_str(&text).unwrap();
        let op = value["operation"].as_str().map(str::to_owned);
        let input = if value.get("input").is_some() {
            value["input"].take()
        } else {
            value
        };
        let mut text = input.to_string();
        for secret in ["secret_access_key", "password", "secret"] {
            text = replace_member(&text, secret);
        }
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        // Example files are named after their operation: `.` and `_` become `-`.
        let op = op.unwrap_or_else(|| {
            regplan::operations()
                .iter()
                .map(|o| o.id)
                .find(|id| id.replace(['.', '_'], "-") == name)
                .unwrap()
                .to_owned()
        });
        let file = dir.join(format!("{name}.json"));
        std::fs::write(&file, text).unwrap();
        out.push((op, file));
    }
    assert_eq!(
        out.len(),
        regplan::operations().len(),
        "one example per operation"
    );
    out
}

/// Replaces the string value of every member called `name`.
fn replace_member(json: &str, name: &str) -> String {
    let mut value: serde_json::Value = serde_json::from_str(json).unwrap();
    fn walk(v: &mut serde_json::Value, name: &str) {
        match v {
            serde_json::Value::Object(map) => {
                for (k, item) in map.iter_mut() {
                    if k == name && item.is_string() {
                        *item = serde_json::Value::String(format!("{SENTINEL}-{name}"));
                    } else {
                        walk(item, name);
                    }
                }
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(|i| walk(i, name)),
            _ => {}
        }
    }
    walk(&mut value, name);
    value.to_string()
}

#[test]
fn no_output_format_shows_a_secret_unless_revealed() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sentinels");
    std::fs::create_dir_all(&dir).unwrap();
    let mut planned = 0;
    for (op, file) in examples_with_sentinels(&dir) {
        let file = file.to_str().unwrap();
        for format in [
            &["--format", "json"][..],
            &["--format", "curl"],
            &["--json"],
        ] {
            let mut args = vec![
                "plan",
                op.as_str(),
                file,
                "--timestamp",
                "2026-11-22T10:15:00Z",
            ];
            args.extend_from_slice(format);
            let output = run(&args, &sentinel_env());
            let text = shown(&output);
            assert!(!text.contains(SENTINEL), "{op} {format:?}: {text}");
            planned += usize::from(output.status.success());
        }
        for args in [
            vec!["validate", op.as_str(), file],
            vec!["validate", op.as_str(), file, "--json"],
        ] {
            let text = shown(&run(&args, &sentinel_env()));
            assert!(!text.contains(SENTINEL), "{op} validate: {text}");
        }
        // Revealing is the one way to see it (signed providers send only signatures).
        let revealed = shown(&run(
            &[
                "plan",
                op.as_str(),
                file,
                "--format",
                "curl",
                "--reveal-secrets",
                "--timestamp",
                "2026-11-22T10:15:00Z",
            ],
            &sentinel_env(),
        ));
        let provider = regplan::operation(&op).expect("an operation").provider;
        if matches!(provider.credentials[0].sends, regplan::Sends::Header { .. }) {
            assert!(
                revealed.contains(SENTINEL),
                "{op}: --reveal-secrets shows the key: {revealed}"
            );
        }
    }
    assert!(planned >= 40, "the examples plan ({planned})");
}

#[test]
fn misuse_paths_never_show_a_secret() {
    let input =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/gcore-registries-create.json");
    let input = input.to_str().unwrap();
    let bad_env: &[&[(&str, &str)]] = &[
        &[("GCORE_API_KEY", "SENTINEL-c1i with space")],
        &[("GCORE_API_KEY", "SENTINEL-c1i\r\nX-Evil: 1")],
        &[("QOVERY_API_TOKEN", SENTINEL)],
    ];
    for env in bad_env {
        let text = shown(&run(&["plan", "gcore.registries.create", input], env));
        assert!(!text.contains(SENTINEL), "{text}");
    }
    // Options that may hold pasted secrets are never repeated (the operation
    // id and file name are the caller's own words and may be).
    for args in [
        vec![
            "plan",
            "gcore.registries.create",
            input,
            "--base-url",
            SENTINEL,
        ],
        vec![
            "plan",
            "gcore.registries.create",
            input,
            "--timestamp",
            SENTINEL,
        ],
    ] {
        let text = shown(&run(&args, &sentinel_env()));
        assert!(!text.contains(SENTINEL), "{args:?}: {text}");
    }
}
