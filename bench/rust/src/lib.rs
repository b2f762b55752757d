//! Benchmarks of `regplan` in the shipped feature set: see `benches/shipped.rs`
//! and `bench/README.md`. The library holds the workload inputs, shared by the
//! benchmark and its test.

use regplan::{Credentials, PlanOptions, Secret, Timestamp};
use serde_json::{json, Value};

/// `gcore.registries.create`, every field set, valid.
#[must_use]
pub fn gcore_valid() -> Value {
    json!({"project_id": 1, "region_id": 76, "name": "my-registry-01", "storage_limit": 20})
}

/// `gcore.registries.create` with several errors (project_id, name, storage_limit).
#[must_use]
pub fn gcore_invalid() -> Value {
    json!({"project_id": 0, "region_id": 76, "name": "1-Bad-", "storage_limit": 0})
}

/// `qovery.container_registries.create`, kind ECR, valid.
#[must_use]
pub fn qovery_valid() -> Value {
    json!({
        "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "name": "production-ecr",
        "kind": "ECR",
        "description": "images of the production cluster",
        "url": "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
        "config": {"region": "eu-west-3", "access_key_id": "AKIAIOSFODNN7EXAMPLE",
                   "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
    })
}

/// `qovery.container_registries.create`, kind ECR, with several errors
/// (bad UUID, empty name, http URL, a key ECR does not use, half a key pair).
#[must_use]
pub fn qovery_invalid() -> Value {
    json!({
        "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa",
        "name": "",
        "kind": "ECR",
        "url": "http://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
        "config": {"region": "eu-west-3", "access_key_id": "AKIAIOSFODNN7EXAMPLE",
                   "username": "me"}
    })
}

/// `ncloud.registries.create` input of the shared signed vectors.
#[must_use]
pub fn ncloud_input() -> Value {
    json!({"registry": "my-registry", "bucket": "my-ncr-bucket"})
}

/// NAVER access-key credentials and the fixed instant of the signed vectors.
#[must_use]
pub fn ncloud_options() -> PlanOptions {
    PlanOptions {
        credentials: Some(Credentials::AccessKey {
            access_key: "ncp_iam_EXAMPLEACCESSKEY".into(),
            secret_key: Secret::new("ncp_iam_EXAMPLESECRETKEY0000000000000"),
            project_id: None,
        }),
        base_url: None,
        timestamp: Timestamp::from_millis(1_795_342_500_000),
        ..PlanOptions::default()
    }
}

/// `huawei_swr.namespaces.create` input of the shared signed vectors.
#[must_use]
pub fn huawei_input() -> Value {
    json!({"region": "eu-west-101", "namespace": "my-team"})
}

/// Huawei AK/SK credentials and the fixed instant of the signed vectors.
#[must_use]
pub fn huawei_options() -> PlanOptions {
    PlanOptions {
        credentials: Some(Credentials::AccessKey {
            access_key: "AKEXAMPLE0000000000".into(),
            secret_key: Secret::new("SKEXAMPLEsecretkeyvalue000000000000000000"),
            project_id: None,
        }),
        base_url: None,
        timestamp: Timestamp::parse_rfc3339("2026-11-22T10:15:00Z").ok(),
        ..PlanOptions::default()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    fn header<'a>(request: &'a regplan::Request, name: &str) -> &'a str {
        request
            .headers
            .iter()
            .find(|h| h.name == name)
            .map(|h| h.value())
            .unwrap()
    }

    #[test]
    fn workloads_are_what_they_claim() {
        let v = |op, input: &Value| regplan::validate(op, input).unwrap();
        assert!(v("gcore.registries.create", &gcore_valid()).is_valid());
        assert!(v("gcore.registries.create", &gcore_invalid()).errors.len() >= 3);
        assert!(v("qovery.container_registries.create", &qovery_valid()).is_valid());
        assert!(
            v("qovery.container_registries.create", &qovery_invalid())
                .errors
                .len()
                >= 3
        );
        // The signatures of tests/vectors/signed_requests.json.
        let r = regplan::plan(
            "ncloud.registries.create",
            &ncloud_input(),
            &ncloud_options(),
        );
        assert_eq!(
            header(&r.unwrap(), "x-ncp-apigw-signature-v2"),
            "Lqjch1aMmH0lWU9eKlDk6xYPPxcYDfcODG+dSJiZL3k="
        );
        let r = regplan::plan(
            "huawei_swr.namespaces.create",
            &huawei_input(),
            &huawei_options(),
        );
        assert!(header(&r.unwrap(), "Authorization").ends_with(
            "Signature=1e4d76154cb4195161378725fa5d0678fed39354de47d57b22a2fb25e27cdcdd"
        ));
    }
}
