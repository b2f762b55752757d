//! Properties of every operation, checked on generated inputs (proptest).
//!
//! Inputs are generated *near the rules* from the operations' own field
//! tables: strings from each pattern (and the same strings one character,
//! one length or one trailing newline away), lengths and integers at and
//! just past their bounds, enum values and near-misses, wrong types,
//! missing required and unknown members. Valid inputs start from the
//! shared vectors' valid ones with fields replaced by generated values
//! that keep them valid.
//!
//! - a valid input always plans, and the planned body (with the path,
//!   query and endpoint fields merged back) validates again, to the same values;
//! - `schema(op)` under a JSON Schema validator agrees with `validate`
//!   wherever the schema can express the rule;
//! - output is deterministic, and the key order of input objects does not
//!   change the report or the request;
//! - every error points into the input, or at a required member missing
//!   from an object that is there;
//! - masking changes nothing but the rendering: the masked curl is the
//!   revealed one with only the secret parts replaced by `***`;
//! - signing with an injected clock is stable: the same instant (as
//!   milliseconds or as RFC 3339 text in any offset) signs the same, another
//!   instant signs differently.
//!
//! Each property runs 256 cases (`PROPTEST_CASES` overrides) from a fixed
//! seed, so CI is reproducible (`PROPTEST_RNG_SEED` picks another).

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

mod support;

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use regplan::spec::{ArrayRule, EnumRule, IntRule, StrRule};
use regplan::{Field, Kind, Location, Operation, PlanOptions, Report};
use serde_json::{json, Map, Value};

const MAX_SAFE: i64 = 9_007_199_254_740_991;

/// Error codes whose rule JSON Schema cannot state (as in `schema_agreement.rs`).
const NOT_EXPRESSIBLE: &[&str] = &["invalid_url", "invalid_json", "ip_address"];

fn config() -> Config {
    let mut config = Config {
        failure_persistence: None,
        ..Config::default()
    };
    if std::env::var_os("PROPTEST_CASES").is_none() {
        config.cases = 256;
    }
    if matches!(config.rng_seed, RngSeed::Random) {
        config.rng_seed = RngSeed::Fixed(0x0072_6567_706c_616e);
    }
    config
}

// ---------------------------------------------------------------- inputs

fn ops() -> &'static [&'static Operation] {
    regplan::operations()
}

/// Every valid input of the shared vectors, with its operation.
fn vector_inputs() -> &'static [(&'static Operation, Value)] {
    static INPUTS: OnceLock<Vec<(&'static Operation, Value)>> = OnceLock::new();
    INPUTS.get_or_init(|| {
        let mut out = Vec::new();
        for case in support::vectors::cases() {
            let valid = case.expect.get("request").is_some() || case.expect["errors"] == json!([]);
            let op = regplan::operation(&case.op).expect("op");
            if valid && regplan::validate(op.id, &case.input).unwrap().is_valid() {
                out.push((op, case.input));
            }
        }
        assert!(out.len() > 50, "only {} valid vector inputs", out.len());
        out
    })
}

/// Characters that sit next to the usual grammars: separators, case, space,
/// line ends, controls, bidi and zero-width marks, non-ASCII, URL escapes.
const NEAR_CHARS: &[char] = &[
    'a', 'z', 'A', 'Z', '0', '9', '-', '_', '.', '/', ':', '@', '~', '%', ' ', '\n', '\r', '\t',
    '\0', '\u{7f}', '\u{85}', '\u{202e}', '\u{200b}', '\u{feff}', 'é', '😀', '"', '\\', '\'', '?',
    '#', '&', '=', '+',
];

fn near_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(NEAR_CHARS),
        1 => any::<char>(),
    ]
}

/// The lengths worth trying around `min..=max`.
fn near_lengths(min: Option<usize>, max: Option<usize>) -> Vec<usize> {
    let mut out = vec![0, 1, 2];
    if let Some(min) = min {
        out.extend([min.saturating_sub(1), min, min + 1]);
    }
    if let Some(max) = max {
        out.extend([max.saturating_sub(1), max, max + 1]);
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// `s` cycled or cut to `len` characters (its own alphabet, another length).
fn to_length(s: &str, len: usize) -> String {
    let chars: Vec<char> = if s.is_empty() {
        vec!['a']
    } else {
        s.chars().collect()
    };
    chars.iter().cycle().take(len).collect()
}

fn pattern_strategy(source: &'static str) -> BoxedStrategy<String> {
    let inner = source
        .strip_prefix('^')
        .and_then(|s| s.strip_suffix('$'))
        .unwrap_or(source);
    proptest::string::string_regex(inner)
        .expect("pattern is supported by proptest")
        .boxed()
}

fn near_string(rule: &'static StrRule) -> BoxedStrategy<Value> {
    let lengths = near_lengths(rule.min_len, rule.max_len);
    let base: BoxedStrategy<String> = match rule.pattern {
        Some(pattern) => pattern_strategy(pattern.source),
        None => proptest::collection::vec(near_char(), 0..12)
            .prop_map(|c| c.into_iter().collect())
            .boxed(),
    };
    prop_oneof![
        // As the grammar writes it.
        4 => base.clone(),
        // The grammar's alphabet, at a boundary length.
        2 => (base.clone(), prop::sample::select(lengths)).prop_map(|(s, n)| to_length(&s, n)),
        // One character off.
        2 => (base.clone(), any::<prop::sample::Index>(), near_char()).prop_map(|(s, i, c)| {
            let mut chars: Vec<char> = s.chars().collect();
            if chars.is_empty() {
                chars.push(c);
            } else {
                let at = i.index(chars.len());
                chars[at] = c;
            }
            chars.into_iter().collect()
        }),
        // A trailing newline, a leading space.
        1 => base.clone().prop_map(|s| format!("{s}\n")),
        1 => base.prop_map(|s| format!(" {s}")),
    ]
    .prop_map(Value::String)
    .boxed()
}

fn near_int(rule: &'static IntRule) -> BoxedStrategy<Value> {
    let min = rule.min.unwrap_or(-MAX_SAFE);
    let max = rule.max.unwrap_or(MAX_SAFE);
    let mut edges = vec![
        min,
        max,
        min.saturating_sub(1),
        max.saturating_add(1),
        0,
        -1,
        1,
        MAX_SAFE,
        MAX_SAFE + 1,
        -MAX_SAFE - 1,
        i64::MAX,
        i64::MIN,
    ];
    edges.extend(rule.also.iter().flat_map(|a| [*a, a - 1, a + 1]));
    prop_oneof![
        4 => prop::sample::select(edges.clone()).prop_map(Value::from),
        3 => (min..=max).prop_map(Value::from),
        // Integral floats count as integers (`5.0`); others do not.
        1 => prop::sample::select(edges).prop_map(|i| {
            #[allow(clippy::cast_precision_loss)]
            let f = i as f64;
            json!(f)
        }),
        1 => prop::sample::select(vec![json!(0.5), json!(-0.0), json!(1e300), json!("5")]),
    ]
    .boxed()
}

fn near_enum(rule: &'static EnumRule) -> BoxedStrategy<Value> {
    let mut near: Vec<String> = Vec::new();
    for value in rule.values {
        near.push(value.to_lowercase());
        near.push(format!("{value} "));
        near.push(format!("{value}\n"));
    }
    near.extend(rule.retired.iter().map(|(v, _)| (*v).to_owned()));
    near.push(String::new());
    prop_oneof![
        4 => prop::sample::select(rule.values).prop_map(Value::from),
        1 => prop::sample::select(near).prop_map(Value::from),
    ]
    .boxed()
}

fn near_array(rule: &'static ArrayRule, depth: u32) -> BoxedStrategy<Value> {
    let mut lengths = near_lengths(rule.min_items, rule.max_items.map(|m| m.min(64)));
    lengths.retain(|&n| n <= 65);
    let items = near_kind(&rule.items, depth);
    prop::sample::select(lengths)
        .prop_flat_map(move |n| proptest::collection::vec(items.clone(), n))
        .prop_map(Value::Array)
        .boxed()
}

/// Any JSON value, small: the wrong type for most fields.
fn any_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i32>().prop_map(Value::from),
        "[a-z0-9 ]{0,6}".prop_map(Value::from),
    ];
    leaf.prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..3).prop_map(Value::Array),
            proptest::collection::btree_map("[a-z]{1,3}", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

fn near_kind(kind: &'static Kind, depth: u32) -> BoxedStrategy<Value> {
    let right = match kind {
        Kind::Integer(rule) => near_int(rule),
        Kind::String(rule) => near_string(rule),
        Kind::Boolean => any::<bool>().prop_map(Value::from).boxed(),
        Kind::Enum(rule) => near_enum(rule),
        Kind::Object(rule) => near_object(rule.fields, depth),
        Kind::Array(rule) => near_array(rule, depth),
    };
    prop_oneof![19 => right, 1 => any_json()].boxed()
}

fn near_object(fields: &'static [Field], depth: u32) -> BoxedStrategy<Value> {
    if depth == 0 {
        return Just(json!({})).boxed();
    }
    let members: Vec<BoxedStrategy<Option<(String, Value)>>> = fields
        .iter()
        .map(|field| {
            let present = if field.required { 0.92 } else { 0.5 };
            proptest::option::weighted(present, near_kind(&field.kind, depth - 1))
                .prop_map(move |v| v.map(|v| (field.name.to_owned(), v)))
                .boxed()
        })
        .collect();
    let names: Vec<&'static str> = fields.iter().map(|f| f.name).collect();
    // Now and then a member the table does not have: a typo of a field's name, or anything.
    let unknown = proptest::option::weighted(
        0.1,
        prop_oneof![
            (prop::sample::select(names), any::<prop::sample::Index>()).prop_map(|(n, i)| {
                let mut chars: Vec<char> = n.chars().collect();
                let at = i.index(chars.len());
                let next = (at + 1) % chars.len();
                chars.swap(at, next);
                let typo: String = chars.into_iter().collect();
                if typo == n {
                    format!("{n}_")
                } else {
                    typo
                }
            }),
            "[a-zA-Z_/~]{1,8}",
        ],
    );
    (members, unknown, any_json())
        .prop_map(|(members, unknown, value)| {
            let mut map = Map::new();
            for (k, v) in members.into_iter().flatten() {
                map.insert(k, v);
            }
            if let Some(k) = unknown {
                map.entry(k).or_insert(value);
            }
            Value::Object(map)
        })
        .boxed()
}

/// An operation and an input near its rules (valid or not).
fn near_input() -> impl Strategy<Value = (&'static Operation, Value)> {
    prop::sample::select(ops()).prop_flat_map(|op| (Just(op), near_object(op.fields, 3)))
}

/// A valid input: a vector's, with each top-level field replaced by a
/// generated value whenever the whole input stays valid.
fn valid_input() -> impl Strategy<Value = (&'static Operation, Value)> {
    (0..vector_inputs().len()).prop_flat_map(|i| {
        let (op, base) = &vector_inputs()[i];
        let candidates: Vec<BoxedStrategy<Option<Value>>> = op
            .fields
            .iter()
            .map(|f| proptest::option::weighted(0.7, near_kind(&f.kind, 2)).boxed())
            .collect();
        (Just(*op), Just(base.clone()), candidates).prop_map(|(op, base, candidates)| {
            let mut input = base;
            for (field, candidate) in op.fields.iter().zip(candidates) {
                let Some(value) = candidate else { continue };
                let previous = input[field.name].clone();
                input[field.name] = value;
                if !regplan::validate(op.id, &input).unwrap().is_valid() {
                    match previous {
                        Value::Null => {
                            input.as_object_mut().unwrap().remove(field.name);
                        }
                        previous => input[field.name] = previous,
                    }
                }
            }
            (op, input)
        })
    })
}

/// A valid vector input with one top-level field replaced by a value near
/// its rule (valid or not), or removed: one step from valid, at the boundary.
fn one_off_input() -> impl Strategy<Value = (&'static Operation, Value)> {
    (0..vector_inputs().len())
        .prop_flat_map(|i| {
            let (op, base) = &vector_inputs()[i];
            (Just(*op), Just(base.clone()), 0..op.fields.len())
        })
        .prop_flat_map(|(op, base, f)| {
            let field = &op.fields[f];
            (
                Just(op),
                Just(base),
                Just(field.name),
                proptest::option::weighted(0.9, near_kind(&field.kind, 2)),
            )
        })
        .prop_map(|(op, mut input, name, value)| {
            let map = input.as_object_mut().expect("an object");
            match value {
                Some(value) => map.insert(name.to_owned(), value),
                None => map.remove(name),
            };
            (op, input)
        })
}

/// Inputs at every distance from valid.
fn any_input() -> impl Strategy<Value = (&'static Operation, Value)> {
    prop_oneof![
        2 => one_off_input(),
        1 => near_input(),
        1 => valid_input(),
    ]
}

/// Credentials `op`'s provider accepts (every kind it accepts), and a timestamp.
fn good_options(op: &'static Operation) -> impl Strategy<Value = PlanOptions> {
    let secret = "[A-Za-z0-9+/=_-]{8,40}";
    let kinds: Vec<&'static str> = op.provider.accepted();
    (
        prop::sample::select(kinds),
        secret,
        "[A-Z0-9]{4,20}",
        proptest::option::of("[a-f0-9]{32}"),
        -62_135_596_800_000i64..=253_402_300_799_999,
    )
        .prop_map(|(kind, secret, access, project, ts)| {
            let credentials = match kind {
                "api_key" => json!({"type": kind, "api_key": format!("Ak{secret}")}),
                "access_key" => json!({"type": kind, "access_key": access,
                    "secret_key": format!("Sk{secret}"), "project_id": project}),
                _ => json!({"type": kind, "token": format!("Tk{secret}")}),
            };
            regplan::interop::plan_options(&json!({"credentials": credentials, "timestamp": ts}))
                .expect("good options")
                .0
        })
}

/// Each case with good options for its operation's provider.
fn with_options(
    cases: impl Strategy<Value = (&'static Operation, Value)>,
) -> impl Strategy<Value = (&'static Operation, Value, PlanOptions)> {
    cases.prop_flat_map(|(op, input)| (Just(op), Just(input), good_options(op)))
}

// ---------------------------------------------------------------- helpers

fn report_bytes(report: &Report) -> Vec<u8> {
    serde_json::to_vec(report).unwrap()
}

fn reversed(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .rev()
                .map(|(k, v)| (k.clone(), reversed(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(reversed).collect()),
        other => other.clone(),
    }
}

fn resolve<'v>(value: &'v Value, tokens: &[String]) -> Option<&'v Value> {
    tokens.iter().try_fold(value, |v, t| match v {
        Value::Object(map) => map.get(t),
        Value::Array(items) => t.parse::<usize>().ok().and_then(|i| items.get(i)),
        _ => None,
    })
}

fn tokens(pointer: &str) -> Vec<String> {
    pointer
        .split('/')
        .skip(1)
        .map(|t| t.replace("~1", "/").replace("~0", "~"))
        .collect()
}

/// Numbers compare by value (`5.0` is sent as `5`).
fn same_value(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => x.as_f64() == y.as_f64(),
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_value(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_value(v, w)))
        }
        _ => a == b,
    }
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// `masked` is `revealed` with the values of secret fields replaced by `***`.
fn masked_like(fields: &[Field], masked: &Value, revealed: &Value) -> Result<(), String> {
    let (Value::Object(m), Value::Object(r)) = (masked, revealed) else {
        return if masked == revealed {
            Ok(())
        } else {
            Err(format!("{masked} is not {revealed}"))
        };
    };
    if m.keys().ne(r.keys()) {
        return Err("masking changed the members".into());
    }
    for (name, value) in m {
        let field = fields.iter().find(|f| f.name == name);
        match field {
            Some(f) if f.secret => {
                if value != &json!(regplan::MASK) {
                    return Err(format!("secret `{name}` is not masked"));
                }
            }
            Some(Field {
                kind: Kind::Object(rule),
                ..
            }) => masked_like(rule.fields, value, &r[name])?,
            Some(Field {
                kind: Kind::Array(rule),
                ..
            }) => {
                let (Value::Array(a), Value::Array(b)) = (value, &r[name]) else {
                    return Err("array changed".into());
                };
                for (x, y) in a.iter().zip(b) {
                    match &rule.items {
                        Kind::Object(o) => masked_like(o.fields, x, y)?,
                        _ if x == y => {}
                        _ => return Err("array item changed".into()),
                    }
                }
            }
            _ if value == &r[name] => {}
            _ => return Err(format!("`{name}` changed by masking")),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- properties

proptest! {
    #![proptest_config(config())]

    #[test]
    fn a_valid_input_plans_and_its_body_validates_again(
        (op, input, options) in with_options(valid_input()),
    ) {
        prop_assert!(regplan::validate(op.id, &input).unwrap().is_valid());
        let request = regplan::plan(op.id, &input, &options)
            .unwrap_or_else(|e| panic!("valid input of {} did not plan: {e}\n{input}", op.id));
        let mut body = match request.body() {
            Some(bytes) => serde_json::from_slice::<Value>(bytes).expect("body is JSON"),
            None => json!({}),
        };
        // The body holds the input's body members, with the same values, plus defaults.
        for field in op.fields.iter().filter(|f| f.location == Location::Body) {
            match (input.get(field.name), body.get(field.name)) {
                (Some(sent), Some(got)) => prop_assert!(same_value(sent, got),
                    "{}: {} sent as {}", field.name, sent, got),
                (Some(_), None) => prop_assert!(false, "{} was dropped", field.name),
                (None, Some(_)) => {
                    let at = format!("/{}", field.name);
                    prop_assert!(request.defaults_applied.iter().any(|p| p.as_str() == at));
                }
                (None, None) => {}
            }
        }
        let map = body.as_object_mut().expect("body is an object");
        for field in op.fields.iter().filter(|f| f.location != Location::Body) {
            if let Some(v) = input.get(field.name) {
                map.insert(field.name.to_owned(), v.clone());
            }
        }
        let again = regplan::validate(op.id, &body).unwrap();
        prop_assert!(again.is_valid(), "body of {} does not validate: {:?}", op.id, again.errors);
    }

    #[test]
    fn the_schema_agrees_with_validate((op, input) in any_input()) {
        let report = regplan::validate(op.id, &input).unwrap();
        let schema_valid = schema_validator(op).is_valid(&input);
        let expressible: Vec<&str> = report.errors.iter().map(|e| e.code.as_str())
            .filter(|c| !NOT_EXPRESSIBLE.contains(c)).collect();
        if report.is_valid() {
            prop_assert!(schema_valid, "{}: valid, but the schema refuses {}", op.id, input);
        } else if !expressible.is_empty() {
            prop_assert!(!schema_valid, "{}: the schema accepts {} despite {:?}",
                op.id, input, report.errors.iter()
                    .map(|e| (e.code.as_str(), e.path.as_str())).collect::<Vec<_>>());
        }
    }

    #[test]
    fn output_is_deterministic_and_ignores_key_order(
        (op, input, options) in with_options(any_input()),
    ) {
        let first = regplan::validate(op.id, &input).unwrap();
        let bytes = report_bytes(&first);
        prop_assert_eq!(&report_bytes(&regplan::validate(op.id, &input).unwrap()), &bytes);
        prop_assert_eq!(&report_bytes(&regplan::validate(op.id, &reversed(&input)).unwrap()), &bytes);
        let planned = regplan::interop::plan_value(op.id, &input, &Value::Null).map_err(|e| e.code());
        let planned_again = regplan::interop::plan_value(op.id, &reversed(&input), &Value::Null)
            .map_err(|e| e.code());
        prop_assert_eq!(planned, planned_again);
        if let Ok(request) = regplan::plan(op.id, &input, &options) {
            let turned = regplan::plan(op.id, &reversed(&input), &options).unwrap();
            prop_assert_eq!(request.to_curl(true), turned.to_curl(true));
            prop_assert_eq!(request.to_json(true), turned.to_json(true));
            prop_assert!(request == turned);
        }
    }

    #[test]
    fn every_error_points_into_the_input((op, input) in any_input()) {
        let report = regplan::validate(op.id, &input).unwrap();
        for issue in &report.errors {
            let tokens = tokens(issue.path.as_str());
            if resolve(&input, &tokens).is_some() {
                continue;
            }
            let parent = tokens.split_last().and_then(|(_, p)| resolve(&input, p));
            prop_assert!(
                issue.code.as_str() == "required" && matches!(parent, Some(Value::Object(_))),
                "{}: {} at {} points nowhere in {}", op.id, issue.code.as_str(),
                issue.path.as_str(), input
            );
        }
    }

    #[test]
    fn masking_changes_only_the_rendering(
        (op, input, options) in with_options(valid_input()),
    ) {
        let request = regplan::plan(op.id, &input, &options).unwrap();
        let masked = request.to_curl(false);
        let revealed = request.to_curl(true);
        let m: Vec<&str> = masked.split(" \\\n  ").collect();
        let r: Vec<&str> = revealed.split(" \\\n  ").collect();
        prop_assert_eq!(m.len(), 1 + request.headers.len() + usize::from(request.body().is_some()));
        prop_assert_eq!(m.len(), r.len());
        prop_assert_eq!(m[0], r[0]);
        for (i, header) in request.headers.iter().enumerate() {
            let line = |v: &str| format!("-H {}", shell_quote(&format!("{}: {v}", header.name)));
            prop_assert_eq!(r[i + 1], line(header.value()));
            if header.is_secret() {
                let shown = header.masked_value();
                let kept = shown.strip_suffix(regplan::MASK).expect("ends with ***");
                prop_assert!(header.value().starts_with(kept) && header.value().len() > kept.len());
                prop_assert_eq!(m[i + 1], line(&shown));
                prop_assert!(!masked.contains(&header.value()[kept.len()..]));
            } else {
                prop_assert_eq!(m[i + 1], r[i + 1]);
            }
        }
        prop_assert_eq!(request.body_text(true).map(str::as_bytes), request.body());
        if let (Some(mb), Some(rb)) = (request.body_text(false), request.body_text(true)) {
            let mv: Value = serde_json::from_str(mb).unwrap();
            let rv: Value = serde_json::from_str(rb).unwrap();
            if let Err(why) = masked_like(op.fields, &mv, &rv) {
                prop_assert!(false, "{}: {why}", op.id);
            }
            let data = format!("--data-raw {}", shell_quote(mb));
            prop_assert_eq!(m.last().copied(), Some(data.as_str()));
        }
        // The JSON rendering masks the same way.
        let jm: Value = serde_json::from_str(&request.to_json(false)).unwrap();
        let jr: Value = serde_json::from_str(&request.to_json(true)).unwrap();
        prop_assert_eq!(&jm["url"], &jr["url"]);
        prop_assert_eq!(&jm["method"], &jr["method"]);
        for header in &request.headers {
            prop_assert_eq!(&jm["headers"][header.name], &json!(header.masked_value()));
            prop_assert_eq!(&jr["headers"][header.name], &json!(header.value()));
        }
    }

    #[test]
    fn signing_with_an_injected_clock_is_stable(
        (op, input) in valid_input().prop_filter("a signing provider", |(op, _)| {
            matches!(op.provider.id, "ncloud" | "huawei_swr")
        }),
        access in "[A-Z0-9]{4,20}",
        secret in "[A-Za-z0-9]{12,40}",
        project in proptest::option::of("[a-f0-9]{32}"),
        ts in 0i64..=253_370_764_800_000,
        delta in prop_oneof![Just(0i64), Just(1), Just(999), Just(1000), -86_400_000i64..86_400_000],
        offset in -1439i64..=1439,
    ) {
        let secret = format!("Sk{secret}");
        let options = |t: Value| {
            let credentials = json!({"type": "access_key", "access_key": access,
                "secret_key": secret, "project_id": project});
            regplan::interop::plan_options(&json!({"credentials": credentials, "timestamp": t}))
                .unwrap().0
        };
        let plan = |o: &PlanOptions| regplan::plan(op.id, &input, o).unwrap();
        let first = plan(&options(json!(ts)));
        // The same instant: as milliseconds again, and as RFC 3339 in another offset.
        prop_assert!(plan(&options(json!(ts))) == first);
        let text = rfc3339(ts, offset);
        prop_assert_eq!(regplan::Timestamp::parse_rfc3339(&text).map(regplan::Timestamp::millis), Ok(ts), "{}", text);
        prop_assert!(plan(&options(json!(text))) == first, "{}", text);
        // Another instant: another signature, exactly when the signed time differs.
        let other_ts = (ts + delta).clamp(0, 253_370_764_800_000);
        let other = plan(&options(json!(other_ts)));
        let (time, signature) = signed(&first);
        let (other_time, other_signature) = signed(&other);
        prop_assert_eq!(time == other_time, signature == other_signature,
            "{} vs {}: {} / {}", time, other_time, signature, other_signature);
        if op.provider.id == "ncloud" {
            prop_assert_eq!(time == other_time, ts == other_ts);
        } else {
            prop_assert_eq!(time == other_time, ts / 1000 == other_ts / 1000);
        }
        // The secret key is never sent, only its signatures.
        prop_assert!(!first.to_curl(true).contains(&secret));
        prop_assert!(!first.to_json(true).contains(&secret));
    }
}

fn schema_validator(op: &'static Operation) -> &'static jsonschema::Validator {
    static VALIDATORS: OnceLock<Vec<jsonschema::Validator>> = OnceLock::new();
    let all = VALIDATORS.get_or_init(|| {
        ops()
            .iter()
            .map(|op| jsonschema::draft202012::new(&regplan::schema(op.id).unwrap()).unwrap())
            .collect()
    });
    let at = ops().iter().position(|o| o.id == op.id).unwrap();
    &all[at]
}

/// The signed time header and the signature of a signed request.
fn signed(request: &regplan::Request) -> (String, String) {
    let get = |name: &str| {
        request
            .headers
            .iter()
            .find(|h| h.name == name)
            .map(|h| h.value().to_owned())
            .unwrap_or_default()
    };
    let time = get("x-ncp-apigw-timestamp") + &get("X-Sdk-Date");
    let signature = get("x-ncp-apigw-signature-v2") + &get("Authorization");
    (time, signature)
}

/// `ms` as RFC 3339 local time at `offset` minutes east of UTC.
fn rfc3339(ms: i64, offset: i64) -> String {
    let local = ms + offset * 60_000;
    let (secs, millis) = (local.div_euclid(1000), local.rem_euclid(1000));
    let (days, rest) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let sign = if offset < 0 { '-' } else { '+' };
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{millis:03}{sign}{:02}:{:02}",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60,
        offset.abs() / 60,
        offset.abs() % 60
    )
}
