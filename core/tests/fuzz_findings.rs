//! Inputs that the fuzz targets (`fuzz/`) and the properties
//! (`tests/properties.rs`) found breaking an invariant, one test each, as
//! they should behave. An open finding is `#[ignore]`d with its number in
//! `fuzz/FINDINGS.md`; fixing it means removing the `ignore` (and the
//! allowance the fuzz target and the properties carry for it).

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use std::borrow::Cow;
use std::rc::Rc;
use std::time::{Duration, Instant};

use regplan::input::Visit;
use regplan::{Abort, Input, Shape};
use serde_json::{json, Value};

/// Finding 1 (fuzz target `validate`): Qovery's `conflict` between the two
/// GCP credential groups points at `/config/gcp_credentials_type`, a member
/// the input does not have; it should point at a member that is there
/// (here `/config/project_id`, the member of the second group that was set).
#[test]
fn a_conflict_points_at_a_member_of_the_input() {
    let input = json!({
        "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        "name": "my-registry",
        "kind": "GCP_ARTIFACT_REGISTRY",
        "url": "https://europe-west1-docker.pkg.dev",
        "config": {"region": "r", "json_credentials": "{}", "project_id": "my-project"}
    });
    let report = regplan::validate("qovery.container_registries.create", &input).unwrap();
    let conflict = report
        .errors
        .iter()
        .find(|e| e.code.as_str() == "conflict")
        .expect("a conflict");
    let at = conflict.path.as_str().trim_start_matches("/config/");
    assert!(
        input["config"].get(at).is_some(),
        "conflict at {} (errors: {:?})",
        conflict.path.as_str(),
        report
            .errors
            .iter()
            .map(|e| (e.code.as_str(), e.path.as_str()))
            .collect::<Vec<_>>()
    );
}

/// Finding 2 (fuzz target `sign`, reading the parser): RFC 3339 time
/// offsets are `±HH:MM` with HH ≤ 23 and MM ≤ 59; `+99:99` (100 hours and
/// 39 minutes) is accepted as an offset and shifts the signing time by it.
#[test]
fn an_offset_beyond_23_59_is_refused() {
    for text in [
        "2026-11-22T10:15:00+99:99",
        "2026-11-22T10:15:00+24:00",
        "2026-11-22T10:15:00-00:60",
    ] {
        assert!(
            regplan::Timestamp::parse_rfc3339(text).is_err(),
            "{text} is accepted"
        );
    }
    assert!(regplan::Timestamp::parse_rfc3339("2026-11-22T10:15:00+23:59").is_ok());
}

/// A host value: `Rc` children, so one value can sit in many places.
#[derive(Clone)]
enum Host {
    Str(Rc<str>),
    Int(i64),
    Repeat(usize, Rc<Host>),
    Object(Rc<Vec<(&'static str, Host)>>),
}

impl Input for Host {
    type Error = String;
    fn shape(&self) -> Result<Shape<'_>, String> {
        Ok(match self {
            Host::Str(s) => Shape::Str(Cow::Borrowed(s)),
            Host::Int(i) => Shape::Int(*i),
            Host::Repeat(n, _) => Shape::Array(*n),
            Host::Object(_) => Shape::Object,
        })
    }
    fn item(&self, _: usize) -> Result<Host, String> {
        match self {
            Host::Repeat(_, item) => Ok((**item).clone()),
            _ => Err("not an array".into()),
        }
    }
    fn entries(&self, visit: &mut Visit<'_, Host>) -> Result<(), Abort<String>> {
        if let Host::Object(members) = self {
            for (k, v) in members.iter() {
                visit(k, v.clone())?;
            }
        }
        Ok(())
    }
}

/// Finding 3 (fuzz target `host`, shared references): the value budget
/// counts values, not the characters of strings, so one long string reached
/// through many shared references is scanned once per reference. Here the
/// host holds one 1 MB name and an array of 200 references to one user
/// (`Array(200).fill(user)` in JavaScript): 600 values, far below the
/// budget, yet 200 MB of text to scan (2,000 references: 170 s in a debug
/// build). A batch of 300,000 such references
/// (still under the budget) takes hours. The work should be bounded by the
/// budget whatever the strings' lengths.
#[test]
fn a_shared_long_string_does_not_multiply_the_work() {
    let name: Rc<str> = Rc::from("a".repeat(1 << 20));
    let user = Host::Object(Rc::new(vec![
        ("name", Host::Str(name)),
        ("duration", Host::Int(1)),
    ]));
    let input = Host::Object(Rc::new(vec![
        ("project_id", Host::Int(1)),
        ("region_id", Host::Int(76)),
        ("registry_id", Host::Int(607)),
        ("users", Host::Repeat(2_000, Rc::new(user))),
    ]));
    let started = Instant::now();
    let report = regplan::validate_with("gcore.users.create_multiple", &input);
    let took = started.elapsed();
    assert!(report.is_ok() || report.is_err());
    assert!(
        took < Duration::from_secs(5),
        "{took:?} for 6,000 values holding one 1 MB string (unbounded: 170 s)"
    );
}

/// Keeps the helper type's JSON twin in view for readers: the same input as JSON.
#[allow(dead_code)]
fn as_json() -> Value {
    json!({"project_id": 1, "region_id": 76, "registry_id": 607, "users": [{"name": "a", "duration": 1}]})
}
