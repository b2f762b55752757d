//! `cargo bench -p regplan-bench --locked`: the core in the feature set the
//! bindings ship (bench/rust/Cargo.toml). bench/run.sh reads the medians from
//! target/criterion/<name>/new/estimates.json.

#![allow(missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use regplan_bench as w;

fn benches(c: &mut Criterion) {
    let validate = [
        (
            "validate gcore create valid",
            "gcore.registries.create",
            w::gcore_valid(),
        ),
        (
            "validate gcore create invalid",
            "gcore.registries.create",
            w::gcore_invalid(),
        ),
        (
            "validate qovery create valid",
            "qovery.container_registries.create",
            w::qovery_valid(),
        ),
        (
            "validate qovery create invalid",
            "qovery.container_registries.create",
            w::qovery_invalid(),
        ),
    ];
    for (name, op, input) in &validate {
        c.bench_function(name, |b| {
            b.iter(|| regplan::validate(black_box(op), black_box(input)))
        });
    }
    let plans = [
        (
            "plan+sign ncloud registries create",
            "ncloud.registries.create",
            w::ncloud_input(),
            w::ncloud_options(),
        ),
        (
            "plan+sign huawei namespaces create",
            "huawei_swr.namespaces.create",
            w::huawei_input(),
            w::huawei_options(),
        ),
    ];
    for (name, op, input, options) in &plans {
        c.bench_function(name, |b| {
            b.iter(|| regplan::plan(black_box(op), black_box(input), black_box(options)))
        });
    }
}

criterion_group!(all, benches);
criterion_main!(all);
