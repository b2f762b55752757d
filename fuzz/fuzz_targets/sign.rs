//! The signers (NAVER API Gateway v2, Huawei SDK-HMAC-SHA256) through
//! `plan`, with arbitrary credentials, timestamps (epoch milliseconds or
//! RFC 3339 text, in range or not) and base URLs, over valid vector inputs
//! whose path fields may be replaced by arbitrary strings.
//!
//! A signed request keeps the `plan` target's invariants, never carries the
//! secret key, is the same for the same timestamp and differs in its
//! signature for another one.
#![no_main]

use arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use regplan::{interop, Error, Timestamp};
use regplan_fuzz::{check_request, error_json, valid_input};
use serde_json::{json, Map, Value};

const SIGNED: &[&str] = &[
    "ncloud.registries.create",
    "huawei_swr.namespaces.create",
    "huawei_swr.repositories.create",
];

fn string(u: &mut Unstructured<'_>, usual: &[&str]) -> Result<String> {
    if u.ratio(1, 2)? {
        Ok((*u.choose(usual)?).to_owned())
    } else {
        u.arbitrary()
    }
}

fn timestamp(u: &mut Unstructured<'_>) -> Result<Option<Value>> {
    Ok(Some(match u.int_in_range(0..=6)? {
        0 => Value::from(u.arbitrary::<i64>()?),
        1 | 2 => Value::from(u.int_in_range(-62_135_596_800_000i64..=253_402_300_799_999)?),
        3 => Value::from(u.arbitrary::<String>()?),
        4 => {
            let offset = *u.choose(&[
                "Z", "z", "+00:00", "-23:59", "+14:00", "+01:30", "", "+24:00", "-00:60",
            ])?;
            let fraction = *u.choose(&["", ".5", ".123", ".123456789", "."])?;
            Value::from(format!(
                "{:04}-{:02}-{:02}{}{:02}:{:02}:{:02}{fraction}{offset}",
                u.int_in_range(0..=10_000)?,
                u.int_in_range(0..=13)?,
                u.int_in_range(0..=32)?,
                u.choose(&["T", "t", " "])?,
                u.int_in_range(0..=24)?,
                u.int_in_range(0..=60)?,
                u.int_in_range(0..=61)?,
            ))
        }
        5 => Value::from(u.arbitrary::<f64>()?),
        _ => return Ok(None),
    }))
}

fn case(u: &mut Unstructured<'_>) -> Result<(String, Value, Value, String)> {
    let op = if u.ratio(9, 10)? {
        (*u.choose(SIGNED)?).to_owned()
    } else {
        u.choose(regplan::operations())?.id.to_owned()
    };
    let mut input = valid_input(&op, u.arbitrary()?)
        .cloned()
        .unwrap_or(json!({}));
    if u.ratio(1, 3)? {
        if let Value::Object(map) = &mut input {
            let keys: Vec<String> = map.keys().cloned().collect();
            if !keys.is_empty() {
                let key = u.choose(&keys)?.clone();
                map.insert(key, Value::from(u.arbitrary::<String>()?));
            }
        }
    }
    let secret = format!("SK!{}", u.arbitrary::<String>()?);
    let kind = *u.choose(&[
        "access_key",
        "access_key",
        "access_key",
        "iam_token",
        "api_key",
    ])?;
    let mut credentials = Map::new();
    credentials.insert("type".into(), json!(kind));
    if kind == "access_key" {
        credentials.insert(
            "access_key".into(),
            json!(string(u, &["AK0", "AKEXAMPLE0000000000"])?),
        );
        credentials.insert("secret_key".into(), json!(secret));
        if u.arbitrary()? {
            credentials.insert(
                "project_id".into(),
                json!(string(u, &["p1", "0123456789abcdef"])?),
            );
        }
    } else {
        let member = if kind == "api_key" {
            "api_key"
        } else {
            "token"
        };
        credentials.insert(member.into(), json!(secret));
    }
    let mut options = Map::new();
    options.insert("credentials".into(), Value::Object(credentials));
    if let Some(t) = timestamp(u)? {
        options.insert("timestamp".into(), t);
    }
    if u.ratio(1, 3)? {
        let url = match u.int_in_range(0..=2)? {
            0 => format!("https://{}", u.arbitrary::<String>()?),
            1 => u.arbitrary()?,
            _ => (*u.choose(&[
                "http://127.0.0.1:8080/",
                "https://gw.example/p/",
                "https://x",
            ])?)
            .to_owned(),
        };
        options.insert("base_url".into(), json!(url));
    }
    Ok((op, input, Value::Object(options), secret))
}

/// An accepted RFC 3339 text has an offset of at most 23:59 (`Z` aside).
fn check_rfc3339(text: &str) {
    if regplan_fuzz::KNOWN_RFC3339_OFFSET {
        return;
    }
    let b = text.as_bytes();
    if let Some(tail) = b.len().checked_sub(6).and_then(|at| b.get(at..)) {
        if matches!(tail[0], b'+' | b'-') && tail[3] == b':' {
            let hours = (tail[1] - b'0') * 10 + (tail[2] - b'0');
            let minutes = (tail[4] - b'0') * 10 + (tail[5] - b'0');
            assert!(hours <= 23 && minutes <= 59, "offset of {text:?} accepted");
        }
    }
}

/// The header that carries the signature.
fn signature(request: &regplan::Request) -> Option<String> {
    request
        .headers
        .iter()
        .find(|h| h.name == "Authorization" || h.name == "x-ncp-apigw-signature-v2")
        .map(|h| h.value().to_owned())
}

fuzz_target!(|data: &[u8]| {
    let Ok((op, input, options, secret)) = case(&mut Unstructured::new(data)) else {
        return;
    };
    let (parsed, reveal) = match interop::plan_options(&options) {
        Ok(parsed) => {
            if let Some(text) = options["timestamp"].as_str() {
                check_rfc3339(text);
            }
            parsed
        }
        Err(e) => {
            let _ = error_json(&e);
            return;
        }
    };
    let request = match regplan::plan(&op, &input, &parsed) {
        Ok(request) => request,
        Err(e) => {
            if matches!(e, Error::MissingTimestamp { .. }) {
                assert!(parsed.timestamp.is_none());
            }
            let _ = error_json(&e);
            return;
        }
    };
    check_request(&request);
    let again = regplan::plan(&op, &input, &parsed).expect("plans again");
    assert!(again == request, "the same timestamp signs differently");
    let planned = interop::planned_value(&request, reveal);
    // The input also shows JSON-escaped once more (the body inside the JSON
    // rendering): a secret of backslashes can be a run of those.
    let escaped = serde_json::to_string(&input.to_string()).unwrap_or_default();
    let elsewhere = format!("{input} {escaped} {}", options["credentials"]["access_key"])
        + options["credentials"]["project_id"]
            .as_str()
            .unwrap_or_default()
        + options["base_url"].as_str().unwrap_or_default();
    let signs = options["credentials"]["type"] == "access_key";
    if signs && secret.len() >= 8 && !elsewhere.contains(&secret) {
        for shown in [
            request.to_curl(true),
            request.to_json(true),
            format!("{request:?}"),
            planned.to_string(),
        ] {
            assert!(!shown.contains(&secret), "the secret key is sent or shown");
        }
    }
    if !signs && secret.len() >= 8 && !elsewhere.contains(&secret) {
        for shown in [
            request.to_curl(false),
            request.to_json(false),
            format!("{request:?}"),
        ] {
            assert!(
                !shown.contains(&secret),
                "a token shows in a masked rendering"
            );
        }
    }
    let Some(ts) = parsed.timestamp else { return };
    if let Some(h) = request
        .headers
        .iter()
        .find(|h| h.name == "x-ncp-apigw-timestamp")
    {
        assert_eq!(h.value(), ts.millis().to_string());
    }
    let Some(later) = ts
        .millis()
        .checked_add(1000)
        .and_then(Timestamp::from_millis)
    else {
        return;
    };
    let mut moved = parsed.clone();
    moved.timestamp = Some(later);
    let other = regplan::plan(&op, &input, &moved).expect("another time plans too");
    if signs {
        assert_ne!(
            signature(&other),
            signature(&request),
            "another time, the same signature"
        );
    }
});
