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
//!
//! The options' own `form` and `preview` flags (when they parse) pick the
//! reading and the preview: with `form` the report is
//! `validate_with_options`'s, and for an input the form reading cannot
//! change (`form_neutral`) the answer is the plain one. With credentials
//! `preview` changes nothing (`request.preview` false); without them it
//! plans every valid input (never `missing_credentials`) with
//! `request.preview` true, the same URL, body and header names, and the
//! warnings plus one `preview` warning. No placeholder (`<api_key>`) is in
//! a request with credentials.
#![no_main]

use libfuzzer_sys::fuzz_target;
use regplan::{interop, Error, Failure, PlanOptions, ValidateOptions};
use regplan_fuzz::{
    check_body_revalidates, check_request, error_json, form_neutral, good_options, placeholders,
    report_json, request_json, reversed, split_line, text,
};
use serde_json::Value;

/// A plan's answer as a comparable value.
fn answer(planned: &Result<regplan::Request, Error>) -> Value {
    match planned {
        Ok(request) => request_json(request),
        Err(e) => interop::error_value(e),
    }
}

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
    let (form, preview) =
        interop::plan_options(&options).map_or((false, false), |(o, _)| (o.form, o.preview));
    let (mut good, _) = interop::plan_options(&good_options(operation)).expect("good options");
    good.form = form;
    let report = regplan::validate_with_options(&op, &&input, &ValidateOptions { form })
        .map_err(Failure::into_error)
        .expect("validates");
    let planned = regplan::plan(&op, &input, &good);
    match &planned {
        Ok(request) => {
            assert!(report.is_valid(), "an invalid input planned");
            assert!(!request.preview, "a request with credentials is a preview");
            check_request(request);
            check_body_revalidates(operation, &input, request, form);
            let again = regplan::plan(&op, &reversed(&input), &good).expect("plans again");
            assert!(
                again == *request,
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
            let sent = request.to_curl(true);
            for placeholder in placeholders(operation) {
                assert!(
                    input_text.contains(&placeholder) || !sent.contains(&placeholder),
                    "{placeholder} in a request with credentials"
                );
            }
        }
        Err(Error::Invalid(failed)) => {
            assert!(!report.is_valid(), "a valid input did not plan");
            assert_eq!(report_json(failed), report_json(&report));
        }
        Err(e) => panic!("good options failed on {op}: {e}"),
    }
    let plain = answer(&planned);

    // Form on, for an input it cannot change, answers as form off.
    if form && form_neutral(operation, &input) {
        let off = PlanOptions {
            form: false,
            ..good.clone()
        };
        assert_eq!(
            answer(&regplan::plan(&op, &input, &off)),
            plain,
            "form changed the plan of a neutral input"
        );
    }
    if !preview {
        return;
    }
    // With credentials, preview changes nothing.
    let with_credentials = PlanOptions {
        preview: true,
        ..good.clone()
    };
    assert_eq!(
        answer(&regplan::plan(&op, &input, &with_credentials)),
        plain,
        "preview with credentials changed the plan"
    );
    // Without them, a valid input plans, with placeholders.
    let without = PlanOptions {
        credentials: None,
        preview: true,
        ..good
    };
    match (regplan::plan(&op, &input, &without), &planned) {
        (Ok(shown), Ok(request)) => {
            assert!(shown.preview, "a preview request is not marked");
            check_request(&shown);
            assert_eq!(shown.url, request.url, "preview changed the URL");
            assert_eq!(shown.body(), request.body(), "preview changed the body");
            assert_eq!(shown.defaults_applied, request.defaults_applied);
            let names = |r: &regplan::Request| {
                let mut names: Vec<&str> = r.headers.iter().map(|h| h.name).collect();
                names.sort_unstable();
                names
            };
            assert_eq!(
                names(&shown),
                names(request),
                "preview changed the headers sent"
            );
            let (last, before) = shown.warnings.split_last().expect("a preview warning");
            assert_eq!(last.code.as_str(), "preview");
            assert_eq!(last.path.as_str(), "");
            assert_eq!(
                before
                    .iter()
                    .map(|w| (w.code, w.path.as_str()))
                    .collect::<Vec<_>>(),
                request
                    .warnings
                    .iter()
                    .map(|w| (w.code, w.path.as_str()))
                    .collect::<Vec<_>>(),
                "preview changed the warnings"
            );
            let sent = shown.to_curl(true);
            assert!(
                placeholders(operation)
                    .iter()
                    .any(|p| sent.contains(p.as_str())),
                "a preview without a placeholder"
            );
        }
        (Err(Error::Invalid(failed)), Err(Error::Invalid(_))) => {
            assert_eq!(report_json(&failed), report_json(&report));
        }
        (shown, _) => panic!(
            "preview without credentials: {:?}, with them: {plain}",
            shown.map(|r| request_json(&r))
        ),
    }
});
