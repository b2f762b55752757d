//! Arbitrary bytes → (operation, JSON input, options) → every public entry
//! point. Any panic, hang or overflow is a bug.
//!
//! `cargo +nightly fuzz run plan -- -max_total_time=60`
//! (seed the corpus first: `python3 fuzz/seed_corpus.py`)
#![no_main]

use libfuzzer_sys::fuzz_target;
use regplan::{interop, operations};
use serde_json::{json, Value};

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else { return };
    let ops = operations();
    let op = ops[usize::from(selector) % ops.len()];
    if let Ok(text) = std::str::from_utf8(rest) {
        let _ = regplan::Timestamp::parse_rfc3339(text);
    }
    let Ok(input) = serde_json::from_slice::<Value>(rest) else { return };
    let _ = regplan::validate(op.id, &input);
    for field in op.fields {
        if let Some(value) = input.get(field.name) {
            let _ = regplan::validate_field(op.id, field.name, value);
        }
    }
    let credentials = match op.provider.id {
        "gcore" => json!({"type": "api_key", "api_key": "k"}),
        "qovery" => json!({"type": "token", "token": "t"}),
        _ => json!({"type": "access_key", "access_key": "a", "secret_key": "s", "project_id": "p"}),
    };
    for reveal in [false, true] {
        let options = json!({"credentials": credentials, "timestamp": 1_795_342_500_000i64, "reveal_secrets": reveal});
        if let Ok(Value::Object(planned)) = interop::plan_value(op.id, &input, &options) {
            assert!(planned.contains_key("ok"));
        }
    }
    // The input used as options, too: options parsing must never panic either.
    let _ = interop::plan_options(&input);
});
