//! Results as one compact string that `js/decode.js` turns into objects.
//!
//! Building a JavaScript object through Node-API costs one call per
//! property, each of which internalizes the key and walks V8's map
//! transitions: about 200 ns a property on the machines measured, so 5
//! issues of 4 members and their params took 8 µs. Creating one string is
//! one call; JavaScript then builds every object with literal shapes, which
//! V8 compiles to a few stores. A valid report without warnings is not
//! encoded at all: the export returns `null`.
//!
//! The encoding, read by `js/decode.js` (the two are changed together;
//! `test/api.test.js` round-trips every shape):
//! - `uint`: 7 bits per code unit, low bits first, `0x80` set on every unit
//!   but the last (so every unit is at most `0xff`).
//! - `text`: `uint` length in UTF-16 code units, then the units.
//! - `value` (a JSON value): `N` null, `T` true, `F` false, `I` + `uint` (a
//!   non-negative integer below 2^32), `D` + `text` (any other number, in
//!   `serde_json`'s digits), `S` + `text`, `A` + `uint` count + values,
//!   `O` + `uint` count + (`text` key, `value`)*.
//! - `issue`: `uint`, the index of its code in `regplan::Code::ALL`;
//!   `text` path; `text` message; `uint` count + (name, `value`)* params,
//!   a name being `uint` 1 + its index in [`PARAM_NAMES`], or `0` + `text`.
//! - `issues`: `uint` count + issues. `report`: errors `issues`, warnings `issues`.
//! - `validate`/`validateField`: a `report`. `validateMany`: `uint` count,
//!   then per input `0` (valid, no warnings) or `1` + `report`.
//! - `plan`: `X` + `report` for an invalid input, or `P`, `text` method,
//!   `text` url, `uint` header count + (`text` name, `text` value, `0` or
//!   `1` + `text` masked value)*, body (`0` or `1` + `text`), masked body
//!   (`0` when the body holds no secret, or `1` + `text`), `uint` count +
//!   `text`* defaults applied, warnings `issues`, `text` curl.
//! - `operations`/`schema`: a `value`.
//!
//! The string is created as Latin-1 when every unit is below 256 (the usual
//! case: one byte a character for V8), else as UTF-16.

use regplan::{Code, Issue, Report, Request};
use serde_json::Value;

use crate::js::{Cx, Result, Val};

/// Parameter names sent as an index into this list (`js/decode.js` holds
/// the same list), saving JavaScript the lookup of a fresh key string;
/// any other name is sent as text.
pub(crate) const PARAM_NAMES: [&str; 13] = [
    "min",
    "max",
    "pattern",
    "expected",
    "field",
    "suggestion",
    "allowed",
    "also",
    "value",
    "kind",
    "one_of",
    "known",
    "group",
];

/// The encoded result being written: Latin-1 bytes until a character
/// beyond U+00FF appears, then UTF-16 units.
#[derive(Default)]
pub(crate) struct Wire {
    bytes: Vec<u8>,
    wide: Option<Vec<u16>>,
}

impl Wire {
    pub(crate) fn new() -> Self {
        Wire {
            bytes: Vec::with_capacity(256),
            wide: None,
        }
    }

    fn unit(&mut self, unit: u8) {
        match &mut self.wide {
            Some(units) => units.push(u16::from(unit)),
            None => self.bytes.push(unit),
        }
    }

    fn uint(&mut self, mut n: usize) {
        while n >= 0x80 {
            // Seven low bits and the continuation flag: always below 0x100.
            #[allow(clippy::cast_possible_truncation)]
            self.unit(((n & 0x7f) | 0x80) as u8);
            n >>= 7;
        }
        #[allow(clippy::cast_possible_truncation)]
        self.unit(n as u8);
    }

    fn text(&mut self, s: &str) {
        if s.is_ascii() {
            self.uint(s.len());
            match &mut self.wide {
                Some(units) => units.extend(s.bytes().map(u16::from)),
                None => self.bytes.extend_from_slice(s.as_bytes()),
            }
            return;
        }
        self.uint(s.encode_utf16().count());
        if self.wide.is_none() && s.chars().all(|c| u32::from(c) < 0x100) {
            // Latin-1: one byte a character.
            #[allow(clippy::cast_possible_truncation)]
            self.bytes.extend(s.chars().map(|c| u32::from(c) as u8));
            return;
        }
        let units = self
            .wide
            .get_or_insert_with(|| self.bytes.iter().map(|&b| u16::from(b)).collect());
        units.extend(s.encode_utf16());
    }

    fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.unit(b'N'),
            Value::Bool(true) => self.unit(b'T'),
            Value::Bool(false) => self.unit(b'F'),
            Value::Number(n) => match n.as_u64().and_then(|u| u32::try_from(u).ok()) {
                Some(small) => {
                    self.unit(b'I');
                    self.uint(small as usize);
                }
                None => {
                    self.unit(b'D');
                    self.text(&n.to_string());
                }
            },
            Value::String(s) => {
                self.unit(b'S');
                self.text(s);
            }
            Value::Array(items) => {
                self.unit(b'A');
                self.uint(items.len());
                for item in items {
                    self.value(item);
                }
            }
            Value::Object(map) => {
                self.unit(b'O');
                self.uint(map.len());
                for (key, member) in map {
                    self.text(key);
                    self.value(member);
                }
            }
        }
    }

    fn issues(&mut self, issues: &[Issue]) {
        self.uint(issues.len());
        for issue in issues {
            let code = Code::ALL.iter().position(|c| *c == issue.code).unwrap_or(0);
            self.uint(code);
            self.text(issue.path.as_str());
            self.text(&issue.message);
            self.uint(issue.params.len());
            for (name, value) in &issue.params {
                match PARAM_NAMES.iter().position(|known| known == name) {
                    Some(index) => self.uint(index + 1),
                    None => {
                        self.unit(0);
                        self.text(name);
                    }
                }
                self.value(value);
            }
        }
    }

    fn report(&mut self, report: &Report) {
        self.issues(&report.errors);
        self.issues(&report.warnings);
    }

    fn optional(&mut self, text: Option<&str>) {
        match text {
            Some(text) => {
                self.unit(1);
                self.text(text);
            }
            None => self.unit(0),
        }
    }

    /// The string: Latin-1 when it can be (one byte a character for V8).
    pub(crate) fn finish(self, cx: Cx) -> Result<Val> {
        match self.wide {
            Some(units) => cx.str16(&units),
            None => cx.latin1(&self.bytes),
        }
    }
}

/// `null` for a valid report without warnings, else the encoded report.
pub(crate) fn report(cx: Cx, report: &Report) -> Result<Val> {
    if report.errors.is_empty() && report.warnings.is_empty() {
        return cx.null();
    }
    let mut wire = Wire::new();
    wire.report(report);
    wire.finish(cx)
}

/// The encoded reports of `validateMany`.
pub(crate) fn reports(cx: Cx, reports: &[Report]) -> Result<Val> {
    let mut wire = Wire::new();
    wire.uint(reports.len());
    for report in reports {
        if report.errors.is_empty() && report.warnings.is_empty() {
            wire.unit(0);
        } else {
            wire.unit(1);
            wire.report(report);
        }
    }
    wire.finish(cx)
}

/// The encoded `plan` result for an invalid input.
pub(crate) fn invalid_plan(cx: Cx, report: &Report) -> Result<Val> {
    let mut wire = Wire::new();
    wire.unit(b'X');
    wire.report(report);
    wire.finish(cx)
}

/// The encoded planned request: real values, the masked renderings the
/// core gives (`js/masked.js` uses them for `toJSON` and `util.inspect`),
/// and `curl`, masked unless `reveal`.
pub(crate) fn planned(cx: Cx, request: &Request, reveal: bool) -> Result<Val> {
    let mut wire = Wire::new();
    wire.unit(b'P');
    wire.text(request.method.as_str());
    wire.text(&request.url);
    wire.uint(request.headers.len());
    for header in &request.headers {
        wire.text(header.name);
        wire.text(header.value());
        let masked = header.is_secret().then(|| header.masked_value());
        wire.optional(masked.as_deref());
    }
    let body = request.body_text(true);
    wire.optional(body);
    wire.optional(
        request
            .body_text(false)
            .filter(|masked| Some(*masked) != body),
    );
    wire.uint(request.defaults_applied.len());
    for pointer in &request.defaults_applied {
        wire.text(pointer.as_str());
    }
    wire.issues(&request.warnings);
    wire.text(&request.to_curl(reveal));
    wire.unit(u8::from(request.preview));
    wire.finish(cx)
}

/// A JSON value, encoded.
pub(crate) fn json(cx: Cx, value: &Value) -> Result<Val> {
    let mut wire = Wire::new();
    wire.value(value);
    wire.finish(cx)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(f: impl FnOnce(&mut Wire)) -> Vec<u16> {
        let mut wire = Wire::new();
        f(&mut wire);
        match wire.wide {
            Some(units) => units,
            None => wire.bytes.iter().map(|&b| u16::from(b)).collect(),
        }
    }

    #[test]
    fn uints_take_seven_bits_a_unit() {
        assert_eq!(units(|w| w.uint(5)), [5]);
        assert_eq!(units(|w| w.uint(300)), [0x80 | 44, 2]);
        assert!(units(|w| w.uint(usize::MAX)).iter().all(|&u| u < 0x100));
    }

    #[test]
    fn text_is_counted_in_utf16_units() {
        assert_eq!(units(|w| w.text("é🚀")), [3, 0xe9, 0xd83d, 0xde80]);
        assert_eq!(units(|w| w.text("ab")), [2, 97, 98]);
        assert_eq!(units(|w| w.text("é")), [1, 0xe9]);
    }

    #[test]
    fn latin1_until_a_wide_character_then_utf16() {
        let mut wire = Wire::new();
        wire.text("ü");
        assert!(wire.wide.is_none());
        wire.text("ключ");
        assert_eq!(
            wire.wide,
            Some(vec![1, 0xfc, 4, 0x43a, 0x43b, 0x44e, 0x447])
        );
    }

    #[test]
    fn numbers_outside_u32_keep_their_digits() {
        assert_eq!(
            units(|w| w.value(&serde_json::json!(-9_007_199_254_740_991_i64))),
            [u16::from(b'D'), 17]
                .into_iter()
                .chain("-9007199254740991".bytes().map(u16::from))
                .collect::<Vec<_>>()
        );
        assert_eq!(
            units(|w| w.value(&serde_json::json!(7))),
            [u16::from(b'I'), 7]
        );
    }
}
