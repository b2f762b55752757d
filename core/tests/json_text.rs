//! Runs `tests/json_text/cases.json`: JSON text with duplicate keys, a BOM,
//! out-of-range numbers and other traps, with the code and JSON Pointer each
//! must give. Nothing is chosen silently: a repeated key is an error.

#![allow(clippy::expect_used, clippy::unwrap_used, clippy::panic, missing_docs)]

use regplan::json_text;
use serde_json::Value;

#[test]
fn json_text_cases() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/json_text/cases.json");
    let cases: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut failures = Vec::new();
    let cases = cases["cases"].as_array().unwrap();
    for case in cases {
        let name = case["name"].as_str().unwrap();
        let text = case["text"].as_str().unwrap();
        let expect = &case["expect"];
        match (json_text::parse(text), expect.get("code")) {
            (Ok(_), None) => {}
            (Err(e), Some(code)) => {
                let pointer = expect["pointer"].as_str().unwrap();
                if e.code() != code || e.pointer().as_str() != pointer {
                    failures.push(format!(
                        "{name}: got {} at {:?}",
                        e.code(),
                        e.pointer().as_str()
                    ));
                }
                if e.to_string().contains("BAD NAME") {
                    failures.push(format!("{name}: the message repeats the text: {e}"));
                }
            }
            (Ok(v), Some(_)) => failures.push(format!("{name}: accepted as {v}")),
            (Err(e), None) => failures.push(format!("{name}: refused: {e}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(cases.len() >= 14);
}
