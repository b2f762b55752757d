//! What the fuzz targets share: the input framing, the shared vectors (as
//! valid inputs to start from), the invariants every entry point must keep,
//! and a host value model (`host`) for the `Input` trait.
//!
//! Framing of the text-based targets: `OPERATION_ID "\n" REST`, so the seed
//! corpus is readable and the fuzzer mutates operation ids too (any id: an
//! unknown one must be a clean `unknown_operation`).

#![allow(clippy::missing_panics_doc, clippy::panic)]

pub mod host;

use std::sync::OnceLock;

use regplan::{Error, Report};
use serde_json::{json, Map, Value};

/// Splits `data` at its first `\n`: `(head, rest)`; no newline: `(data, [])`.
#[must_use]
pub fn split_line(data: &[u8]) -> (&[u8], &[u8]) {
    match data.iter().position(|&b| b == b'\n') {
        Some(at) => (&data[..at], &data[at + 1..]),
        None => (data, &[]),
    }
}

/// An operation id from bytes (lossy: any bytes are some id).
#[must_use]
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The vector files, embedded so the targets need no files at run time.
const VECTOR_FILES: &[&str] = &[
    include_str!("../../tests/vectors/gcore_artifacts.json"),
    include_str!("../../tests/vectors/gcore_registries.json"),
    include_str!("../../tests/vectors/gcore_users.json"),
    include_str!("../../tests/vectors/huawei_swr_rules.json"),
    include_str!("../../tests/vectors/ncloud_rules.json"),
    include_str!("../../tests/vectors/qovery.json"),
    include_str!("../../tests/vectors/signed_requests.json"),
];

/// Every valid vector input, with its operation id.
pub fn valid_inputs() -> &'static [(String, Value)] {
    static INPUTS: OnceLock<Vec<(String, Value)>> = OnceLock::new();
    INPUTS.get_or_init(|| {
        let mut out = Vec::new();
        for file in VECTOR_FILES {
            let doc: Value = serde_json::from_str(file).unwrap_or(Value::Null);
            for case in doc["cases"].as_array().into_iter().flatten() {
                let expect = &case["expect"];
                let valid = expect.get("request").is_some()
                    || expect.get("errors").is_some_and(|e| e == &json!([]));
                if let (true, Some(op)) = (valid, case["op"].as_str()) {
                    out.push((op.to_owned(), case["input"].clone()));
                }
            }
        }
        out
    })
}

/// A valid vector input of `op`, the `n`th one (modulo their number).
#[must_use]
pub fn valid_input(op: &str, n: usize) -> Option<&'static Value> {
    let all: Vec<&Value> = valid_inputs()
        .iter()
        .filter(|(id, _)| id == op)
        .map(|(_, v)| v)
        .collect();
    if all.is_empty() {
        None
    } else {
        Some(all[n % all.len()])
    }
}

/// Every name any field table declares, nested ones included: keys the
/// structure-aware targets pick from so members match fields.
pub fn field_names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut out = Vec::new();
        for op in regplan::operations() {
            fields(op.fields, &mut out);
        }
        out.sort_unstable();
        out.dedup();
        out
    })
}

fn fields(table: &'static [regplan::Field], out: &mut Vec<&'static str>) {
    for field in table {
        out.push(field.name);
        kind(&field.kind, out);
    }
}

fn kind(kind: &'static regplan::Kind, out: &mut Vec<&'static str>) {
    match kind {
        regplan::Kind::Object(rule) => fields(rule.fields, out),
        regplan::Kind::Array(rule) => self::kind(&rule.items, out),
        _ => {}
    }
}

/// Credentials that `op`'s provider accepts, and a timestamp for signers.
#[must_use]
pub fn good_options(op: &regplan::Operation) -> Value {
    let credentials = match op.provider.id {
        "gcore" => json!({"type": "api_key", "api_key": "k3y-S3CR3T"}),
        "qovery" => json!({"type": "token", "token": "t0k-S3CR3T"}),
        _ => json!({"type": "access_key", "access_key": "AK0", "secret_key": "sk-S3CR3T"}),
    };
    json!({"credentials": credentials, "timestamp": 1_795_342_500_000i64})
}

/// The reference tokens of a JSON Pointer, unescaped.
#[must_use]
pub fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// The value at `tokens` inside `value`.
#[must_use]
pub fn resolve<'v>(value: &'v Value, tokens: &[String]) -> Option<&'v Value> {
    tokens.iter().try_fold(value, |v, t| match v {
        Value::Object(map) => map.get(t),
        Value::Array(items) => t.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    })
}

/// Open finding (fuzz/FINDINGS.md #1): Qovery's "set either ... not both"
/// `conflict` points at the first member of the second credential group
/// even when that member is absent (`/config/gcp_credentials_type`). Set
/// to `false` with the fix; `core/tests/fuzz_findings.rs` holds the case.
pub const KNOWN_CONFLICT_PATH: bool = false;

/// Open finding (fuzz/FINDINGS.md #2): `Timestamp::parse_rfc3339` accepts
/// offsets beyond `±23:59` (`+99:99`). Set to `false` with the fix.
pub const KNOWN_RFC3339_OFFSET: bool = false;

/// Every error of `report` points into `input`, or at a required member
/// missing from an object that is there.
pub fn check_paths(input: &Value, report: &Report, what: &str) {
    for issue in &report.errors {
        let tokens = tokens(issue.path.as_str());
        if resolve(input, &tokens).is_some() {
            continue;
        }
        let parent = tokens
            .split_last()
            .and_then(|(_, parent)| resolve(input, parent));
        if KNOWN_CONFLICT_PATH && issue.code.as_str() == "conflict" {
            continue;
        }
        assert!(
            issue.code.as_str() == "required" && matches!(parent, Some(Value::Object(_))),
            "{what}: error {} at {:?} points nowhere in the input",
            issue.code.as_str(),
            issue.path.as_str()
        );
    }
}

/// `value` with every object's members in reverse order.
#[must_use]
pub fn reversed(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map.iter().rev() {
                out.insert(k.clone(), reversed(v));
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(reversed).collect()),
        other => other.clone(),
    }
}

/// The JSON form of a report (what every binding returns).
#[must_use]
pub fn report_json(report: &Report) -> Value {
    serde_json::to_value(report).unwrap_or(Value::Null)
}

/// An API error as the bindings show it, checking that its message never
/// carries a marked secret.
#[must_use]
pub fn error_json(error: &Error) -> Value {
    let value = regplan::interop::error_value(error);
    let rendered = format!("{error} {error:?}");
    // Only these two name what was asked for (an id, a field name), by design.
    let echoes = matches!(
        error,
        Error::UnknownOperation { .. } | Error::UnknownField { .. }
    );
    assert!(
        echoes || !rendered.contains("S3CR3T"),
        "an error repeats a value: {rendered}"
    );
    value
}

/// Nothing a request sends carries a control character (header injection,
/// request splitting), and the URL has no space.
pub fn check_request(request: &regplan::Request) {
    assert!(
        !request.url.chars().any(|c| c.is_control() || c == ' '),
        "url {:?}",
        request.url
    );
    for header in &request.headers {
        assert!(
            !header.value().chars().any(char::is_control),
            "header {} carries a control character",
            header.name
        );
    }
    let mut names: Vec<String> = request
        .headers
        .iter()
        .map(|h| h.name.to_ascii_lowercase())
        .collect();
    names.sort();
    let count = names.len();
    names.dedup();
    assert_eq!(count, names.len(), "a header is sent twice");
    if let Some(body) = request.body() {
        let text = std::str::from_utf8(body).expect("body is UTF-8");
        regplan::json_text::parse(text).expect("body is JSON without duplicate keys");
    }
    check_masking(request);
}

/// The masked curl is the revealed one with only the secret parts replaced:
/// the same lines, a secret header's value cut at the same place, the body
/// the same JSON but for `"***"` members.
pub fn check_masking(request: &regplan::Request) {
    let masked = request.to_curl(false);
    let revealed = request.to_curl(true);
    let masked_lines: Vec<&str> = masked.split(" \\\n  ").collect();
    let revealed_lines: Vec<&str> = revealed.split(" \\\n  ").collect();
    // A header value or body with the separator in it would shift lines; then compare whole.
    if masked_lines.len() != 1 + request.headers.len() + usize::from(request.body().is_some()) {
        return;
    }
    assert_eq!(masked_lines.len(), revealed_lines.len());
    assert_eq!(masked_lines[0], revealed_lines[0], "the URL line differs");
    for (i, header) in request.headers.iter().enumerate() {
        let (m, r) = (masked_lines[i + 1], revealed_lines[i + 1]);
        let line = |value: &str| shell_quote(&format!("{}: {value}", header.name));
        assert_eq!(r, format!("-H {}", line(header.value())));
        assert_eq!(m, format!("-H {}", line(&header.masked_value())));
        if header.is_secret() {
            let masked = header.masked_value();
            let kept = masked
                .strip_suffix(regplan::MASK)
                .expect("masked ends with ***");
            assert!(header.value().starts_with(kept) && header.value().len() > kept.len());
        } else {
            assert_eq!(m, r, "a header without secret is masked");
        }
    }
    if let (Some(m), Some(r)) = (request.body_text(false), request.body_text(true)) {
        let m: Value = serde_json::from_str(m).expect("masked body is JSON");
        let r: Value = serde_json::from_str(r).expect("body is JSON");
        same_but_masked(&m, &r);
    }
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

fn same_but_masked(masked: &Value, revealed: &Value) {
    if masked == &json!(regplan::MASK) {
        return;
    }
    match (masked, revealed) {
        (Value::Object(m), Value::Object(r)) => {
            assert_eq!(
                m.keys().collect::<Vec<_>>(),
                r.keys().collect::<Vec<_>>(),
                "masking changed the members"
            );
            for (k, v) in m {
                same_but_masked(v, &r[k]);
            }
        }
        (Value::Array(m), Value::Array(r)) => {
            assert_eq!(m.len(), r.len(), "masking changed an array");
            for (a, b) in m.iter().zip(r) {
                same_but_masked(a, b);
            }
        }
        (m, r) => assert_eq!(m, r, "masking changed a value that is not secret"),
    }
}

/// The planned body, with the input's non-body fields merged back, is a
/// valid input of `op` again (read as a form when the input was).
pub fn check_body_revalidates(
    op: &regplan::Operation,
    input: &Value,
    request: &regplan::Request,
    form: bool,
) {
    let mut merged = match request.body() {
        Some(body) => serde_json::from_slice::<Value>(body).expect("body is JSON"),
        None => json!({}),
    };
    let Value::Object(map) = &mut merged else {
        panic!("body is not an object")
    };
    for field in op.fields {
        if field.location != regplan::Location::Body {
            if let Some(v) = input.get(field.name) {
                map.insert(field.name.to_owned(), v.clone());
            }
        }
    }
    let options = regplan::ValidateOptions { form };
    let report = regplan::validate_with_options(op.id, &&merged, &options)
        .map_err(regplan::Failure::into_error)
        .expect("known op");
    assert!(
        report.is_valid(),
        "the planned body does not validate again: {:?}",
        report.errors
    );
}

/// Whether the `form` option cannot change how `input` reads: no object
/// member (at any depth) is `""` or `null`, and no integer or boolean field
/// (nor an item of a list of them) holds a string. For such an input the
/// form reading must answer exactly as the JSON reading.
#[must_use]
pub fn form_neutral(op: &regplan::Operation, input: &Value) -> bool {
    no_blank_member(input) && neutral_fields(op.fields, input)
}

/// [`form_neutral`] for one field's value (a member: `""` or `null` is absent).
#[must_use]
pub fn form_neutral_value(field: &regplan::Field, value: &Value) -> bool {
    !is_blank(value) && no_blank_member(value) && neutral_kind(&field.kind, value)
}

fn is_blank(value: &Value) -> bool {
    value.is_null() || value.as_str() == Some("")
}

fn no_blank_member(value: &Value) -> bool {
    match value {
        Value::Object(map) => map.values().all(|v| !is_blank(v) && no_blank_member(v)),
        Value::Array(items) => items.iter().all(no_blank_member),
        _ => true,
    }
}

fn neutral_fields(table: &[regplan::Field], value: &Value) -> bool {
    let Value::Object(map) = value else {
        return true;
    };
    table
        .iter()
        .all(|f| map.get(f.name).is_none_or(|v| neutral_kind(&f.kind, v)))
}

fn neutral_kind(kind: &regplan::Kind, value: &Value) -> bool {
    match (kind, value) {
        (regplan::Kind::Integer(_) | regplan::Kind::Boolean, Value::String(_)) => false,
        (regplan::Kind::Object(rule), _) => neutral_fields(rule.fields, value),
        (regplan::Kind::Array(rule), Value::Array(items)) => {
            items.iter().all(|item| neutral_kind(&rule.items, item))
        }
        _ => true,
    }
}

/// Whether the issue path `path` is `at` or under it (`/config/region` is
/// under `/config`, `/names` is not under `/name`).
#[must_use]
pub fn at_or_under(path: &str, at: &str) -> bool {
    path.strip_prefix(at)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
}

/// `report` with only the issues (errors and warnings) at or under `at`:
/// what `validate_field_with_options` with the whole input answers.
#[must_use]
pub fn report_under(report: &Report, at: &str) -> Value {
    let mut kept = report.clone();
    kept.errors.retain(|i| at_or_under(i.path.as_str(), at));
    kept.warnings.retain(|i| at_or_under(i.path.as_str(), at));
    report_json(&kept)
}

/// `input` with `value` put at the member `steps` names, when every object
/// on the way is there; `None` when one is missing or not an object.
#[must_use]
pub fn put_at(input: &Value, steps: &[String], value: &Value) -> Option<Value> {
    let mut out = input.clone();
    let (last, parents) = steps.split_last()?;
    let mut at = &mut out;
    for step in parents {
        at = at.as_object_mut()?.get_mut(step)?;
    }
    at.as_object_mut()?.insert(last.clone(), value.clone());
    Some(out)
}

/// The placeholders a preview request carries for `op`'s provider:
/// `<member>` for every member of every credential type it accepts, and
/// `<signature>`. None of them may appear in a request with credentials.
#[must_use]
pub fn placeholders(op: &regplan::Operation) -> Vec<String> {
    let mut out = vec!["<signature>".to_owned()];
    for accepts in op.provider.credentials {
        for member in accepts.kind.required.iter().chain(accepts.kind.optional) {
            out.push(format!("<{member}>"));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A request as a comparable value: everything it sends and says.
#[must_use]
pub fn request_json(request: &regplan::Request) -> Value {
    serde_json::to_value(request.view(true)).unwrap_or(Value::Null)
}

/// The field a list of member names leads to through `op`'s object fields
/// (`["config", "region"]`), as `validate_field` resolves a JSON Pointer.
#[must_use]
pub fn field_at<'o>(op: &'o regplan::Operation, steps: &[String]) -> Option<&'o regplan::Field> {
    let (first, rest) = steps.split_first()?;
    let mut field = op.fields.iter().find(|f| f.name == first)?;
    for step in rest {
        let regplan::Kind::Object(rule) = &field.kind else {
            return None;
        };
        field = rule.fields.iter().find(|f| f.name == step)?;
    }
    Some(field)
}
