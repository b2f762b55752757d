//! Work is linear in the size of the input: 10 MiB of a pathological shape
//! takes about ten times as long as 1 MiB, through validation, planning and
//! signing. The workloads and bounds are shared with every runtime
//! (`tests/hostile/linear.json`); the bounds are generous so a loaded CI
//! machine does not fail them, while any quadratic step (about 100×) would.

#![allow(
    clippy::expect_used,
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    missing_docs
)]

use std::time::{Duration, Instant};

use serde_json::{json, Value};

/// The best of `runs`, to shed scheduler noise.
fn best(runs: u64, f: impl Fn()) -> Duration {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

/// `value` with "$fill" / "$users" grown to about `bytes` bytes of `piece`.
fn expand(value: &Value, piece: &str, bytes: usize) -> Value {
    match value {
        Value::String(s) if s == "$fill" => Value::from(piece.repeat(bytes / piece.len())),
        Value::String(s) if s == "$users" => (0..bytes / 40)
            .map(|i| json!({"name": format!("user{i}"), "duration": 1}))
            .collect(),
        Value::Array(items) => items.iter().map(|v| expand(v, piece, bytes)).collect(),
        Value::Object(map) => map
            .iter()
            .map(|(k, v)| (k.clone(), expand(v, piece, bytes)))
            .collect(),
        other => other.clone(),
    }
}

/// Run in release by test.sh (`cargo test --release -p regplan --test
/// linear_time -- --ignored`): a debug build takes half a minute.
#[test]
#[ignore = "timing: run in release by test.sh"]
fn ten_megabytes_cost_about_ten_times_one() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/hostile/linear.json"
    ))
    .unwrap();
    let config: Value = serde_json::from_str(&text).unwrap();
    let size = |key: &str| usize::try_from(config[key].as_u64().unwrap()).unwrap();
    let (small, large, runs) = (
        size("small"),
        size("large"),
        config["runs"].as_u64().unwrap(),
    );
    let mut ratios: Vec<f64> = Vec::new();
    for workload in config["workloads"].as_array().unwrap() {
        let op = workload["op"].as_str().unwrap();
        let pieces = workload.get("pieces").unwrap_or(&config["pieces"]);
        let run = |input: &Value| match workload["call"].as_str().unwrap() {
            "validate" => {
                regplan::validate(op, input).unwrap();
            }
            _ => {
                regplan::interop::plan_value(op, input, &workload["options"]).unwrap();
            }
        };
        for piece in pieces.as_array().unwrap() {
            let piece = piece.as_str().unwrap();
            let one = expand(&workload["input"], piece, small);
            let ten = expand(&workload["input"], piece, large);
            let t1 = best(runs, || run(&one)).as_secs_f64().max(1e-6);
            let ratio = best(runs, || run(&ten)).as_secs_f64() / t1;
            println!(
                "  {} {piece:?}: {ratio:.1}",
                workload["name"].as_str().unwrap()
            );
            ratios.push(ratio);
        }
    }
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    let worst = ratios[ratios.len() - 1];
    println!("linear time (rust): 10 MiB / 1 MiB median {median:.1}, worst {worst:.1}");
    let bound = |key: &str| config["bounds"][key].as_f64().unwrap();
    assert!(
        median < bound("median"),
        "median 10 MiB / 1 MiB ratio {median:.1}"
    );
    assert!(
        worst < bound("worst"),
        "worst 10 MiB / 1 MiB ratio {worst:.1}"
    );
}
