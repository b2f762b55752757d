//! Work is linear in the size of the input: 10 MB of a pathological shape
//! takes about ten times as long as 1 MB, through validation, planning and
//! signing. The bounds are generous (median ratio below 20, worst below 60)
//! so a loaded CI machine does not fail them, while any quadratic step
//! (about 100×) still would.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use std::time::{Duration, Instant};

use regplan::{Credentials, PlanOptions, Timestamp};
use serde_json::{json, Value};

const MB: usize = 1 << 20;

/// The best of five runs, to shed scheduler noise.
fn time(f: impl Fn()) -> Duration {
    (0..5)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn ratio(make: impl Fn(usize) -> Value, run: impl Fn(&Value)) -> f64 {
    let small = make(MB);
    let large = make(10 * MB);
    let t1 = time(|| run(&small));
    let t10 = time(|| run(&large));
    t10.as_secs_f64() / t1.as_secs_f64().max(1e-6)
}

fn repeat(piece: &str, bytes: usize) -> String {
    piece.repeat(bytes / piece.len())
}

fn signing_options() -> PlanOptions {
    PlanOptions {
        credentials: Some(Credentials::AccessKey {
            access_key: "AK".into(),
            secret_key: "SK".into(),
            project_id: None,
        }),
        timestamp: Timestamp::from_millis(1_764_000_000_000),
        ..PlanOptions::default()
    }
}

/// Run in release by test.sh (`cargo test --release -p regplan --test
/// linear_time -- --ignored`): a debug build takes half a minute.
#[test]
#[ignore = "timing: run in release by test.sh"]
fn ten_megabytes_cost_about_ten_times_one() {
    let mut ratios: Vec<f64> = Vec::new();
    for piece in ["a-", "a__", "é", "a.", "-"] {
        let gcore = ratio(
            |n| json!({"project_id": 1, "region_id": 76, "name": repeat(piece, n)}),
            |input| {
                let report = regplan::validate("gcore.registries.create", input).unwrap();
                assert!(!report.is_valid());
            },
        );
        let huawei = ratio(
            |n| json!({"region": "cn-north-4", "namespace": repeat(piece, n)}),
            |input| {
                let _ = regplan::plan("huawei_swr.namespaces.create", input, &signing_options());
            },
        );
        let repository = ratio(
            |n| json!({"project_id": 1, "region_id": 76, "registry_id": 1, "repository_name": repeat(piece, n)}),
            |input| {
                let _ = regplan::validate("gcore.repositories.delete", input);
            },
        );
        println!(
            "{piece:?}: gcore {gcore:.1}, huawei plan {huawei:.1}, repository {repository:.1}"
        );
        ratios.extend([gcore, huawei, repository]);
    }
    // A valid 10 MB body through signing: the signature hashes the body once.
    let users = ratio(
        |n| {
            let count = n / 40;
            let users: Vec<Value> = (0..count)
                .map(|i| json!({"name": format!("user{i}"), "duration": 1}))
                .collect();
            json!({"project_id": 1, "region_id": 76, "registry_id": 1, "users": users})
        },
        |input| {
            let options = PlanOptions {
                credentials: Some(Credentials::ApiKey {
                    api_key: "k".into(),
                }),
                ..PlanOptions::default()
            };
            regplan::plan("gcore.users.create_multiple", input, &options).unwrap();
        },
    );
    println!("users batch plan: {users:.1}");
    ratios.push(users);
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    let worst = ratios[ratios.len() - 1];
    println!("10 MB / 1 MB ratio: median {median:.1}, worst {worst:.1}");
    // A quadratic step would put every ratio near 100; one noisy sample on a
    // loaded machine may reach 30.
    assert!(median < 20.0, "median 10 MB / 1 MB ratio {median:.1}");
    assert!(worst < 60.0, "worst 10 MB / 1 MB ratio {worst:.1}");
}
