//! The Rust side of the differential test: answers every line of
//! `tests/differential/generate.py`'s output through `regplan::interop`, as
//! the bindings do, and writes one canonical JSON line per input.
//!
//! `cargo run -q -p regplan --example differential -- IN OUT`

#![allow(clippy::expect_used, missing_docs)]

use std::io::{BufRead, BufWriter, Write};

use regplan::interop;
use serde_json::{Map, Value};

/// Keys sorted recursively (all output keys are ASCII, so byte order is the
/// order Python's `sort_keys` and a JS sort agree on).
fn canonical(value: Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k, canonical(v)))
                    .collect::<Map<_, _>>(),
            )
        }
        Value::Array(items) => Value::Array(items.into_iter().map(canonical).collect()),
        other => other,
    }
}

fn answer(result: Result<Value, regplan::Error>) -> Value {
    result.unwrap_or_else(|e| serde_json::json!({ "error": interop::error_value(&e) }))
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (input, output) = (args.next().expect("IN"), args.next().expect("OUT"));
    let reader = std::io::BufReader::new(std::fs::File::open(input).expect("open IN"));
    let mut out = BufWriter::new(std::fs::File::create(output).expect("create OUT"));
    for line in reader.lines() {
        let line: Value = serde_json::from_str(&line.expect("read line")).expect("JSON line");
        let op = line["op"].as_str().unwrap_or_default();
        let result = serde_json::json!({
            "validate": answer(interop::validate_value(op, &line["input"])),
            "plan": answer(interop::plan_value(op, &line["input"], &line["options"])),
        });
        serde_json::to_writer(&mut out, &canonical(result)).expect("write");
        out.write_all(b"\n").expect("write");
    }
    out.flush().expect("flush");
}
