//! Plan options from any JSON: `OP "\n" OPTIONS-JSON`.
//!
//! `interop::plan_options` (JSON) and `interop::read_options` (any host
//! value, here the same JSON) give the same options or the same error; the
//! clock `now` fills a missing timestamp and nothing else; errors never
//! repeat a value. Then a valid input of `OP` is planned with them:
//! no panic, and a request keeps the invariants of the `plan` target.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regplan::{interop, Budget, Error, Failure, PlanOptions};
use regplan_fuzz::{check_request, error_json, split_line, text, valid_input};
use serde_json::Value;

type Parsed = Result<(PlanOptions, bool), Error>;

fn same(a: &Parsed, b: &Parsed, what: &str) {
    match (a, b) {
        (Ok((a, ra)), Ok((b, rb))) => {
            assert!(a.credentials == b.credentials, "{what}: credentials differ");
            assert_eq!(a.base_url, b.base_url, "{what}: base_url differs");
            assert_eq!(a.timestamp, b.timestamp, "{what}: timestamp differs");
            assert_eq!(ra, rb, "{what}: reveal differs");
            assert_eq!(a.preview, b.preview, "{what}: preview differs");
            assert_eq!(a.form, b.form, "{what}: form differs");
        }
        (Err(a), Err(b)) => assert_eq!(error_json(a), error_json(b), "{what}: errors differ"),
        _ => panic!("{what}: one parses, the other does not"),
    }
}

/// Values in `v`, and whether it holds an integer beyond `i64` (which a host reads saturated).
fn size(v: &Value) -> (usize, bool) {
    match v {
        Value::Array(items) => items
            .iter()
            .map(size)
            .fold((1, false), |a, b| (a.0 + b.0, a.1 | b.1)),
        Value::Object(map) => map
            .values()
            .map(size)
            .fold((1, false), |a, b| (a.0 + b.0, a.1 | b.1)),
        Value::Number(n) => (1, n.as_i64().is_none() && n.is_u64()),
        // A host reader charges a string one more value per 16 bytes.
        Value::String(s) => (1 + s.len() / Budget::BYTES_PER_VALUE, false),
        _ => (1, false),
    }
}

const NOW: i64 = 1_795_342_500_000;

fuzz_target!(|data: &[u8]| {
    let (op, rest) = split_line(data);
    let op = text(op);
    let Ok(options) = serde_json::from_slice::<Value>(rest) else {
        return;
    };
    let direct = interop::plan_options(&options);
    if let Err(e) = &direct {
        let _ = error_json(e);
    }
    let (values, big) = size(&options);
    // Options a host reader refuses for their size (more than 1000 values,
    // a long string counted by its bytes): the JSON reader has no such
    // bound (FINDINGS §7), so the two are compared only below it.
    if values > 1_000 && !big {
        let read = interop::read_options(Some(&&options), None).map_err(Failure::into_error);
        if let Err(e) = &read {
            let _ = error_json(e);
        }
    } else if !big {
        let read = interop::read_options(Some(&&options), None).map_err(Failure::into_error);
        same(&direct, &read, "read_options");
        let clocked =
            interop::read_options(Some(&&options), Some(NOW)).map_err(Failure::into_error);
        let mut with_now = options.clone();
        if with_now.is_null() {
            with_now = Value::Object(serde_json::Map::new());
        }
        if let Value::Object(map) = &mut with_now {
            map.entry("timestamp").or_insert(Value::from(NOW));
        }
        same(
            &interop::plan_options(&with_now),
            &clocked,
            "read_options with a clock",
        );
    }
    let Ok((options, _)) = direct else { return };
    let Some(input) = valid_input(&op, rest.len()) else {
        return;
    };
    match regplan::plan(&op, input, &options) {
        Ok(request) => {
            check_request(&request);
            if let Some(base) = &options.base_url {
                assert!(request.url.starts_with(base.trim_end_matches('/')));
            }
        }
        Err(e) => {
            assert!(
                !matches!(e, Error::Invalid(_)),
                "a valid vector input is invalid"
            );
            let _ = error_json(&e);
        }
    }
});
