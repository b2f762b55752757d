//! `cargo bench -p regplan`: validate and plan the two most used operations.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use regplan::{Credentials, PlanOptions};
use serde_json::json;

fn benches(c: &mut Criterion) {
    let gcore = json!({"project_id": 1, "region_id": 76, "name": "reg-home1", "storage_limit": 20});
    let gcore_bad =
        json!({"project_id": 0, "region_id": "x", "name": "1Bad_", "storage_limit": 1001});
    let qovery = json!({
        "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "name": "production-ecr",
        "kind": "ECR",
        "url": "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
        "config": {"region": "eu-west-3", "access_key_id": "AKIAIOSFODNN7EXAMPLE",
                   "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
    });
    let gcore_options = PlanOptions {
        credentials: Some(Credentials::ApiKey {
            api_key: "test-api-key".into(),
        }),
        ..PlanOptions::default()
    };
    let qovery_options = PlanOptions {
        credentials: Some(Credentials::Token {
            token: "t0ken".into(),
        }),
        ..PlanOptions::default()
    };
    c.bench_function("validate gcore.registries.create (valid)", |b| {
        b.iter(|| regplan::validate(black_box("gcore.registries.create"), black_box(&gcore)))
    });
    c.bench_function("validate gcore.registries.create (5 errors)", |b| {
        b.iter(|| regplan::validate(black_box("gcore.registries.create"), black_box(&gcore_bad)))
    });
    c.bench_function("plan gcore.registries.create", |b| {
        b.iter(|| {
            regplan::plan(
                black_box("gcore.registries.create"),
                black_box(&gcore),
                &gcore_options,
            )
        })
    });
    c.bench_function("validate qovery.container_registries.create (valid)", |b| {
        b.iter(|| {
            regplan::validate(
                black_box("qovery.container_registries.create"),
                black_box(&qovery),
            )
        })
    });
    c.bench_function("plan qovery.container_registries.create", |b| {
        b.iter(|| {
            regplan::plan(
                black_box("qovery.container_registries.create"),
                black_box(&qovery),
                &qovery_options,
            )
        })
    });
}

criterion_group!(all, benches);
criterion_main!(all);
