//! `plan` with any operation id, any options and any input:
//! `OP "\n" OPTIONS-JSON "\n" INPUT-JSON`.
//!
//! Through `interop::plan_value` with the given options (no panic; errors
//! never repeat a value), then with good credentials and a timestamp: a
//! valid input always plans, an invalid one fails with `validate`'s own
//! report. A planned request carries no control character in its URL or
//! headers, sends each header once, has a JSON body without duplicate keys
//! that validates again, masks only secrets, and is the same twice and
//! with the input's members in another order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regplan::{interop, Error};
use regplan_fuzz::{
    check_body_revalidates, check_request, error_json, good_options, report_json, reversed,
    split_line, text,
};
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let (op, rest) = split_line(data);
    let (options, input) = split_line(rest);
    let op = text(op);
    let options = serde_json::from_slice::<Value>(options).unwrap_or(Value::Null);
    let Ok(input) = serde_json::from_slice::<Value>(input) else {
        return;
    };
    match interop::plan_value(&op, &input, &options) {
        Ok(planned) => assert!(planned["ok"].is_boolean()),
        Err(e) => {
            let _ = error_json(&e);
        }
    }
    let Ok(operation) = regplan::operation(&op) else {
        return;
    };
    let (good, _) = interop::plan_options(&good_options(operation)).expect("good options");
    let report = regplan::validate(&op, &input).expect("validates");
    match regplan::plan(&op, &input, &good) {
        Ok(request) => {
            assert!(report.is_valid(), "an invalid input planned");
            check_request(&request);
            check_body_revalidates(operation, &input, &request);
            let again = regplan::plan(&op, &reversed(&input), &good).expect("plans again");
            assert!(
                again == request,
                "plan depends on key order or is not deterministic"
            );
            let input_text = input.to_string();
            for secret in ["k3y-S3CR3T", "t0k-S3CR3T", "sk-S3CR3T"] {
                if input_text.contains(secret) {
                    continue;
                }
                for shown in [
                    request.to_curl(false),
                    request.to_json(false),
                    format!("{request:?}"),
                ] {
                    assert!(!shown.contains(secret), "a masked rendering shows a secret");
                }
                assert!(
                    !request.to_curl(true).contains("sk-S3CR3T"),
                    "a secret key is sent"
                );
            }
        }
        Err(Error::Invalid(failed)) => {
            assert!(!report.is_valid(), "a valid input did not plan");
            assert_eq!(report_json(&failed), report_json(&report));
        }
        Err(e) => panic!("good options failed on {op}: {e}"),
    }
});
