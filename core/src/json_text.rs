//! Strict JSON text: parses exactly like `serde_json` (same numbers, same
//! member order, same depth limit) but refuses what `serde_json` resolves
//! silently.
//!
//! - **Duplicate object keys** are the error `duplicate_key` with the JSON
//!   Pointer (RFC 6901) of the repeated member, for example `/config/region`.
//!   RFC 8259 leaves the meaning of a repeated name unpredictable (one reader
//!   keeps the first, another the last), so a validator must not pick one.
//!   Keys are compared after unescaping: `{"a": 1, "\u0061": 2}` repeats `a`.
//!   The first repetition in text order is reported; its line and column are
//!   those of the repeated key's closing quote.
//! - **Syntax errors** are the error `invalid_json` with the line and column
//!   (1-based, columns counted in bytes, as `serde_json` counts them) and a
//!   fixed reason such as `expected value` or `trailing characters`.
//! - **A leading byte order mark** (UTF-8 `EF BB BF`, or the UTF-16 marks
//!   `FE FF` / `FF FE` in [`parse_slice`]) is refused as `invalid_json` with
//!   the reason `the text starts with a byte order mark`: RFC 8259 §8.1 says
//!   a JSON text must not begin with one, and silently skipping it would let
//!   two tools disagree about the same file.
//! - **Bytes that are not UTF-8** ([`parse_slice`]) are `invalid_json` with
//!   the reason `not UTF-8` and the position of the first bad byte.
//! - **Nesting deeper than [`MAX_DEPTH`]** (127) arrays and objects, that
//!   is `serde_json`'s recursion limit of 128 levels, is `invalid_json` with
//!   the reason `recursion limit exceeded`.
//!
//! Messages never repeat the text's content (it may hold secrets); only the
//! pointer of a repeated member names keys, and [`fmt::Display`] escapes
//! control characters in it.
//!
//! ```
//! use regplan::json_text;
//!
//! let value = json_text::parse(r#"{"name": "reg-home1", "storage_limit": 5}"#)?;
//! assert_eq!(value["storage_limit"], 5);
//!
//! let err = json_text::parse(r#"{"config": {"region": "a", "region": "b"}}"#).unwrap_err();
//! assert_eq!(err.code(), "duplicate_key");
//! assert_eq!(err.pointer().as_str(), "/config/region");
//! # Ok::<(), json_text::JsonTextError>(())
//! ```

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

use crate::Pointer;

/// The deepest nesting of arrays and objects accepted: 127, because
/// `serde_json`'s recursion limit of 128 refuses the 128th level.
pub const MAX_DEPTH: usize = 127;

/// The pointer of errors that concern the whole text.
static ROOT: Pointer = Pointer::root();

/// Why a JSON text was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum JsonTextError {
    /// An object holds the same member name twice (code `duplicate_key`).
    #[error(
        "duplicate key {} at line {line}, column {column}: a member name may appear only once in an object",
        pointer.as_str().escape_debug()
    )]
    DuplicateKey {
        /// The JSON Pointer of the repeated member.
        pointer: Pointer,
        /// The line (1-based) of the repeated key's closing quote.
        line: usize,
        /// The column (1-based, in bytes) of the repeated key's closing quote.
        column: usize,
    },
    /// The text is not JSON (code `invalid_json`).
    #[error("invalid JSON at line {line}, column {column}: {reason}")]
    InvalidJson {
        /// What is wrong, a fixed phrase that never quotes the text.
        reason: &'static str,
        /// The line (1-based) of the problem.
        line: usize,
        /// The column (1-based, in bytes) of the problem.
        column: usize,
    },
}

impl JsonTextError {
    /// The stable code: `duplicate_key` or `invalid_json`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            JsonTextError::DuplicateKey { .. } => "duplicate_key",
            JsonTextError::InvalidJson { .. } => "invalid_json",
        }
    }

    /// The JSON Pointer of the repeated member; `""` (the whole text) for `invalid_json`.
    #[must_use]
    pub fn pointer(&self) -> &Pointer {
        match self {
            JsonTextError::DuplicateKey { pointer, .. } => pointer,
            JsonTextError::InvalidJson { .. } => &ROOT,
        }
    }

    /// What is wrong, without position or pointer: `appears more than once in
    /// its object`, or the syntax error's reason (`expected value`, ...).
    #[must_use]
    pub fn reason(&self) -> &'static str {
        match self {
            JsonTextError::DuplicateKey { .. } => "appears more than once in its object",
            JsonTextError::InvalidJson { reason, .. } => reason,
        }
    }

    /// The line (1-based) of the problem.
    #[must_use]
    pub fn line(&self) -> usize {
        match self {
            JsonTextError::DuplicateKey { line, .. } | JsonTextError::InvalidJson { line, .. } => {
                *line
            }
        }
    }

    /// The column (1-based, in bytes) of the problem.
    #[must_use]
    pub fn column(&self) -> usize {
        match self {
            JsonTextError::DuplicateKey { column, .. }
            | JsonTextError::InvalidJson { column, .. } => *column,
        }
    }
}

const BOM_REASON: &str = "the text starts with a byte order mark";

/// Parses one JSON text into a [`Value`], refusing duplicate keys.
///
/// # Errors
/// [`JsonTextError::DuplicateKey`] or [`JsonTextError::InvalidJson`]; see the module documentation.
pub fn parse(text: &str) -> Result<Value, JsonTextError> {
    if text.starts_with('\u{feff}') {
        return Err(JsonTextError::InvalidJson {
            reason: BOM_REASON,
            line: 1,
            column: 1,
        });
    }
    let mut state = State::default();
    let mut de = serde_json::Deserializer::from_str(text);
    let value = ValueSeed { state: &mut state }
        .deserialize(&mut de)
        .and_then(|value| de.end().map(|()| value));
    value.map_err(|e| match state.duplicate.take() {
        Some(pointer) => JsonTextError::DuplicateKey {
            pointer,
            line: e.line(),
            column: e.column(),
        },
        None => JsonTextError::InvalidJson {
            reason: reason_of(&e),
            line: e.line(),
            column: e.column(),
        },
    })
}

/// Parses one JSON text given as bytes, which must be UTF-8 (without a byte order mark).
///
/// # Errors
/// As [`parse`], plus `invalid_json` with the reason `not UTF-8` at the first
/// byte that is not UTF-8, and the byte order mark check for UTF-16 marks too.
pub fn parse_slice(bytes: &[u8]) -> Result<Value, JsonTextError> {
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        || bytes.starts_with(&[0xFE, 0xFF])
        || bytes.starts_with(&[0xFF, 0xFE])
    {
        return Err(JsonTextError::InvalidJson {
            reason: BOM_REASON,
            line: 1,
            column: 1,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => {
            let valid = bytes.get(..e.valid_up_to()).unwrap_or_default();
            let line = 1 + valid.iter().filter(|&&b| b == b'\n').count();
            let line_start = valid.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
            Err(JsonTextError::InvalidJson {
                reason: "not UTF-8",
                line,
                column: valid.len() - line_start + 1,
            })
        }
    }
}

/// `serde_json`'s fixed syntax messages; anything else (which would come
/// from a custom message and might quote input) becomes a generic reason.
const REASONS: &[&str] = &[
    "EOF while parsing a list",
    "EOF while parsing an object",
    "EOF while parsing a string",
    "EOF while parsing a value",
    "expected `:`",
    "expected `,` or `]`",
    "expected `,` or `}`",
    "expected ident",
    "expected value",
    "expected `\"`",
    "invalid escape",
    "invalid number",
    "number out of range",
    "invalid unicode code point",
    "control character (\\u0000-\\u001F) found while parsing a string",
    "key must be a string",
    "lone leading surrogate in hex escape",
    "trailing comma",
    "trailing characters",
    "unexpected end of hex escape",
    "recursion limit exceeded",
];

fn reason_of(e: &serde_json::Error) -> &'static str {
    let text = e.to_string();
    let suffix = format!(" at line {} column {}", e.line(), e.column());
    let message = text.strip_suffix(&suffix).unwrap_or(&text);
    REASONS
        .iter()
        .copied()
        .find(|reason| *reason == message)
        .unwrap_or("not a JSON text")
}

/// One step of the path from the root to the value being parsed.
enum Segment {
    Key(String),
    Index(usize),
}

#[derive(Default)]
struct State {
    /// Where the parser is; keys are moved in and out, not copied.
    path: Vec<Segment>,
    /// Set when a duplicate key stopped the parse.
    duplicate: Option<Pointer>,
}

impl State {
    fn pointer(&self) -> Pointer {
        self.path
            .iter()
            .fold(Pointer::root(), |pointer, segment| match segment {
                Segment::Key(key) => pointer.key(key),
                Segment::Index(index) => pointer.index(*index),
            })
    }
}

struct ValueSeed<'s> {
    state: &'s mut State,
}

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        // As serde_json's own visitor; JSON text never yields a non-finite number.
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        self.state.path.push(Segment::Index(0));
        while let Some(item) = seq.next_element_seed(ValueSeed {
            state: &mut *self.state,
        })? {
            items.push(item);
            if let Some(Segment::Index(index)) = self.state.path.last_mut() {
                *index += 1;
            }
        }
        self.state.path.pop();
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut members = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let repeated = members.contains_key(&key);
            self.state.path.push(Segment::Key(key));
            if repeated {
                self.state.duplicate = Some(self.state.pointer());
                return Err(de::Error::custom("duplicate key"));
            }
            let value = map.next_value_seed(ValueSeed {
                state: &mut *self.state,
            })?;
            match self.state.path.pop() {
                Some(Segment::Key(key)) => {
                    members.insert(key, value);
                }
                // The path is a stack this visitor pushed to just above.
                _ => return Err(de::Error::custom("internal path error")),
            }
        }
        Ok(Value::Object(members))
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn err(text: &str) -> JsonTextError {
        parse(text).expect_err("must be refused")
    }

    #[test]
    fn parses_like_serde_json() {
        for text in [
            r#"{"b": 1, "a": [1.5, -0.0, 0.1, 1e-7, 18446744073709551615, -9223372036854775808], "c": {"x": null, "y": true}}"#,
            "[]",
            "{}",
            " \"\\u00e9\\ud83d\\ude00\" ",
            "0.30000000000000004",
            "123456789012345678901234567890",
            "[{\"a\": 1}, {\"a\": 2}]",
        ] {
            let expected: Value = serde_json::from_str(text).unwrap();
            let got = parse(text).unwrap();
            assert_eq!(got, expected, "{text}");
            assert_eq!(got.to_string(), expected.to_string(), "{text}");
        }
        // Member order is kept (preserve_order).
        let value = parse(r#"{"z": 1, "a": 2, "m": 3}"#).unwrap();
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["z", "a", "m"]);
    }

    #[test]
    fn duplicate_key_at_the_top() {
        let e = err(r#"{"name": "ok", "name": "BAD NAME"}"#);
        assert_eq!(e.code(), "duplicate_key");
        assert_eq!(e.pointer().as_str(), "/name");
        assert_eq!((e.line(), e.column()), (1, 21));
        assert_eq!(
            e.to_string(),
            "duplicate key /name at line 1, column 21: a member name may appear only once in an object"
        );
        assert_eq!(e.reason(), "appears more than once in its object");
        assert!(!e.to_string().contains("BAD"));
    }

    #[test]
    fn duplicate_key_nested_and_in_arrays() {
        let e = err("{\"config\": {\n  \"region\": \"a\",\n  \"region\": \"b\"\n}}");
        assert_eq!(e.pointer().as_str(), "/config/region");
        assert_eq!((e.line(), e.column()), (3, 10));
        assert_eq!(
            err(r#"[{"a": 1}, {"b": [0, {"a": 1, "a": 2}]}]"#)
                .pointer()
                .as_str(),
            "/1/b/1/a"
        );
        // Same names in different objects are fine.
        assert!(parse(r#"{"a": {"a": 1}, "b": {"a": 2}, "c": [{"a": 3}, {"a": 4}]}"#).is_ok());
    }

    #[test]
    fn the_first_repetition_in_text_order_is_reported() {
        let e = err(r#"{"a": {"x": 1, "x": 2}, "a": 3}"#);
        assert_eq!(e.pointer().as_str(), "/a/x");
    }

    #[test]
    fn keys_compare_after_unescaping_and_pointers_escape() {
        assert_eq!(err(r#"{"a": 1, "\u0061": 2}"#).pointer().as_str(), "/a");
        assert_eq!(
            err(r#"{"a/b~c": 1, "a/b~c": 2}"#).pointer().as_str(),
            "/a~1b~0c"
        );
        assert_eq!(err(r#"{"": 1, "": 2}"#).pointer().as_str(), "/");
        // A control character in a key is kept in the pointer, escaped in Display.
        let e = err(r#"{"a\nb": 1, "a\nb": 2}"#);
        assert_eq!(e.pointer().as_str(), "/a\nb");
        assert_eq!(
            e.to_string(),
            "duplicate key /a\\nb at line 1, column 18: a member name may appear only once in an object"
        );
    }

    #[test]
    fn syntax_errors_have_a_fixed_reason_and_position() {
        let cases = [
            ("{nope", "key must be a string", 1, 2),
            ("{} x", "trailing characters", 1, 4),
            ("", "EOF while parsing a value", 1, 0),
            ("[1,]", "trailing comma", 1, 4),
            ("{\"a\": 1,\n\"b\" 2}", "expected `:`", 2, 5),
            ("1e400", "number out of range", 1, 5),
            ("NaN", "expected value", 1, 1),
            (
                "\"\u{1}\"",
                "control character (\\u0000-\\u001F) found while parsing a string",
                1,
                2,
            ),
        ];
        for (text, reason, line, column) in cases {
            let e = err(text);
            assert_eq!(e.code(), "invalid_json", "{text:?}");
            assert_eq!(e.pointer().as_str(), "", "{text:?}");
            assert_eq!(
                e.to_string(),
                format!("invalid JSON at line {line}, column {column}: {reason}"),
                "{text:?}"
            );
        }
    }

    #[test]
    fn messages_never_echo_the_text() {
        for text in [
            r#"{"password": "hunter2" "x"}"#,
            r#"{"password": hunter2}"#,
            r#"{"password": "hunter2"} hunter2"#,
            r#"{"password": "hunter2", "password": "hunter2"}"#,
        ] {
            assert!(!err(text).to_string().contains("hunter2"), "{text}");
        }
    }

    #[test]
    fn byte_order_mark_is_refused() {
        let expected = "invalid JSON at line 1, column 1: the text starts with a byte order mark";
        assert_eq!(err("\u{feff}{}").to_string(), expected);
        for bytes in [&b"\xEF\xBB\xBF{}"[..], b"\xFE\xFF\0{", b"\xFF\xFE{\0"] {
            let e = parse_slice(bytes).unwrap_err();
            assert_eq!(e.code(), "invalid_json");
            assert_eq!(e.to_string(), expected);
        }
        // Elsewhere U+FEFF is an ordinary character inside strings.
        assert_eq!(
            parse("\"\u{feff}\"").unwrap(),
            Value::String("\u{feff}".into())
        );
    }

    #[test]
    fn invalid_utf8_is_located() {
        let e = parse_slice(b"{\"a\": 1,\n \"b\": \"\xff\"}").unwrap_err();
        assert_eq!(e.code(), "invalid_json");
        assert_eq!(e.to_string(), "invalid JSON at line 2, column 8: not UTF-8");
        assert_eq!(parse_slice(br#"{"a": [1]}"#).unwrap()["a"][0], 1);
    }

    #[test]
    fn depth_limit_is_serde_jsons() {
        let nested = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(parse(&nested(MAX_DEPTH)).is_ok());
        let e = err(&nested(MAX_DEPTH + 1));
        assert_eq!(e.reason(), "recursion limit exceeded");
        assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH + 1)).is_err());
        assert!(serde_json::from_str::<Value>(&nested(MAX_DEPTH)).is_ok());
        let objects = format!(
            "{}1{}",
            "{\"a\":".repeat(MAX_DEPTH + 1),
            "}".repeat(MAX_DEPTH + 1)
        );
        assert_eq!(err(&objects).reason(), "recursion limit exceeded");
        assert!(parse(&nested(100_000)).is_err());
    }
}
