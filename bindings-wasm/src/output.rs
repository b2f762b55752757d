//! Results cross to JavaScript as a tape: a few `u32` words per value in
//! wasm memory, which `js/api.js` turns into plain objects in one pass,
//! with no JSON text and no call back into wasm per value.
//!
//! Strings the core holds for the life of the module (codes, messages of
//! fixed rules, field and header names) are passed by address and decoded
//! once per module in JavaScript; the others are copied next to the tape.
//! Both buffers are reused from call to call, so a valid report with no
//! warnings costs three words and no allocation.
//!
//! The tape is written only after the core has finished, and writing it
//! calls no JavaScript, so a getter that calls regplan from inside a call
//! cannot disturb it. `js/api.js` reads it before anything else runs.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use regplan::{Code, Error, Issue, Report, Request};
use serde_json::Value;

// Tags, as `js/api.js` reads them.
const NULL: u32 = 0;
const FALSE: u32 = 1;
const TRUE: u32 = 2;
const INT: u32 = 3;
const FLOAT: u32 = 4;
const STR: u32 = 5;
const STATIC: u32 = 6;
const ARRAY: u32 = 7;
const OBJECT: u32 = 8;
const REPORT: u32 = 9;
const REPORTS: u32 = 10;
const PLANNED: u32 = 11;
const NOT_PLANNED: u32 = 12;
const ERROR: u32 = 13;
const SHARED: u32 = 14;
const THROWN: u32 = 15;

/// Strings of reports that recur from call to call (paths such as
/// `/project_id`, messages such as `must be between 1 and 1000`, a rule's
/// pattern) get a number the first time they are written, and `js/api.js`
/// keeps the decoded string under it. Bounded: at most this many ...
const SHARED_MAX: usize = 4096;
/// ... of at most this many bytes.
const SHARED_LEN: usize = 96;

/// The words of one result and the bytes of its copied strings.
#[derive(Default)]
pub(crate) struct Tape {
    words: Vec<u32>,
    bytes: Vec<u8>,
    shared: HashMap<Box<str>, u32, BuildHasherDefault<Fx>>,
}

/// A multiplicative hash eight bytes at a time (FxHash's): short keys, no
/// adversary to fear (the table is bounded and holds only strings of
/// reports), and much cheaper than SipHash in wasm.
#[derive(Default)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
}

thread_local! {
    static TAPE: RefCell<Tape> = RefCell::new(Tape::default());
}

/// An address in wasm memory (32 bits there; only tests run elsewhere).
fn address(ptr: *const u8) -> u32 {
    u32::try_from(ptr as usize).unwrap_or_default()
}

fn size(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// Writes one result with `write` and returns the tape's address for
/// `js/api.js`. Only called once the core is done (see the module docs).
pub(crate) fn emit(write: impl FnOnce(&mut Tape)) -> u32 {
    TAPE.with(|cell| match cell.try_borrow_mut() {
        Ok(mut tape) => {
            tape.words.clear();
            tape.bytes.clear();
            // Word 0: where the copied strings are, filled in at the end.
            tape.words.push(0);
            write(&mut tape);
            let bytes = address(tape.bytes.as_ptr());
            if let Some(first) = tape.words.first_mut() {
                *first = bytes;
            }
            address(tape.words.as_ptr().cast::<u8>())
        }
        // Unreachable (nothing calls JavaScript while the tape is borrowed):
        // an empty result rather than a trap.
        Err(_) => 0,
    })
}

impl Tape {
    fn word(&mut self, word: u32) {
        self.words.push(word);
    }

    fn len(&mut self, n: usize) {
        self.word(size(n));
    }

    /// A string that lives as long as the module: passed by address.
    fn fixed(&mut self, s: &'static str) {
        self.words
            .extend_from_slice(&[STATIC, address(s.as_ptr()), size(s.len())]);
    }

    /// A string of this call: copied.
    fn text(&mut self, s: &str) {
        let at = size(self.bytes.len());
        self.bytes.extend_from_slice(s.as_bytes());
        self.words.extend_from_slice(&[STR, at, size(s.len())]);
    }

    /// A string of a report: copied, and numbered when it may recur.
    fn shared(&mut self, s: &str) {
        if s.len() > SHARED_LEN {
            return self.text(s);
        }
        let id = match self.shared.get(s) {
            Some(&id) => id,
            None if self.shared.len() < SHARED_MAX => {
                let id = size(self.shared.len());
                self.shared.insert(s.into(), id);
                id
            }
            None => return self.text(s),
        };
        let at = size(self.bytes.len());
        self.bytes.extend_from_slice(s.as_bytes());
        self.words
            .extend_from_slice(&[SHARED, id, at, size(s.len())]);
    }

    // The `Cow` itself is the point: a borrowed message is a fixed string.
    #[allow(clippy::ptr_arg)]
    fn cow(&mut self, s: &Cow<'static, str>) {
        match s {
            Cow::Borrowed(s) => self.fixed(s),
            Cow::Owned(s) => self.shared(s),
        }
    }

    /// A parameter of an issue: strings shared.
    fn param(&mut self, value: &Value) {
        match value {
            Value::String(s) => self.shared(s),
            Value::Array(items) => {
                self.word(ARRAY);
                self.len(items.len());
                for item in items {
                    self.param(item);
                }
            }
            other => self.value(other),
        }
    }

    fn optional(&mut self, s: Option<&str>) {
        match s {
            Some(s) => self.text(s),
            None => self.word(NULL),
        }
    }

    fn number(&mut self, f: f64) {
        let bits = f.to_bits();
        #[allow(clippy::cast_possible_truncation)]
        let (low, high) = (bits as u32, (bits >> 32) as u32);
        self.words.extend_from_slice(&[FLOAT, low, high]);
    }

    /// Any JSON value (operations, schemas, issue parameters).
    pub(crate) fn value(&mut self, value: &Value) {
        match value {
            Value::Null => self.word(NULL),
            Value::Bool(false) => self.word(FALSE),
            Value::Bool(true) => self.word(TRUE),
            Value::Number(n) => match n.as_i64().map(i32::try_from) {
                Some(Ok(i)) => {
                    // The word holds the i32's bits; `js/api.js` reads it signed.
                    #[allow(clippy::cast_sign_loss)]
                    let bits = i as u32;
                    self.words.extend_from_slice(&[INT, bits]);
                }
                _ => self.number(n.as_f64().unwrap_or_default()),
            },
            Value::String(s) => self.text(s),
            Value::Array(items) => {
                self.word(ARRAY);
                self.len(items.len());
                for item in items {
                    self.value(item);
                }
            }
            Value::Object(map) => {
                self.word(OBJECT);
                self.len(map.len());
                for (key, item) in map {
                    self.text(key);
                    self.value(item);
                }
            }
        }
    }

    fn issues(&mut self, issues: &[Issue]) {
        self.len(issues.len());
        for issue in issues {
            self.fixed(issue.code.as_str());
            // A key the operation does not know may be anything (a pasted
            // secret): its path is not kept beyond this call.
            if issue.code == Code::UnknownField {
                self.text(issue.path.as_str());
            } else {
                self.shared(issue.path.as_str());
            }
            self.cow(&issue.message);
            self.len(issue.params.len());
            for (name, value) in &issue.params {
                self.fixed(name);
                self.param(value);
            }
        }
    }

    /// `{valid, errors, warnings}`.
    pub(crate) fn report(&mut self, report: &Report) {
        self.word(REPORT);
        self.issues(&report.errors);
        self.issues(&report.warnings);
    }

    /// An array of reports.
    pub(crate) fn reports(&mut self, reports: &[Report]) {
        self.word(REPORTS);
        self.len(reports.len());
        for report in reports {
            self.report(report);
        }
    }

    /// `{ok: true, request, curl}`: the request with its real values, the
    /// masked header values and body for its `toJSON` and inspection, and
    /// the curl command masked unless `reveal`.
    pub(crate) fn planned(&mut self, request: &Request, reveal: bool) {
        self.word(PLANNED);
        self.fixed(request.method.as_str());
        self.text(&request.url);
        self.len(request.headers.len());
        for header in &request.headers {
            self.fixed(header.name);
            self.text(header.value());
            if header.is_secret() {
                self.text(&header.masked_value());
            } else {
                self.word(NULL);
            }
        }
        let body = request.body_text(true);
        self.optional(body);
        let masked = request.body_text(false);
        self.optional(masked.filter(|m| Some(*m) != body));
        self.len(request.defaults_applied.len());
        for pointer in &request.defaults_applied {
            self.text(pointer.as_str());
        }
        self.issues(&request.warnings);
        self.text(&request.to_curl(reveal));
        self.len(usize::from(request.preview));
    }

    /// `{ok: false, errors, warnings}`.
    pub(crate) fn not_planned(&mut self, report: &Report) {
        self.word(NOT_PLANNED);
        self.issues(&report.errors);
        self.issues(&report.warnings);
    }

    /// An API error: `js/api.js` throws it as a `RegplanError`.
    pub(crate) fn error(&mut self, error: &Error) {
        self.word(ERROR);
        self.fixed(error.code());
        self.text(&error.to_string());
    }

    /// The mark of a host exception, kept by the caller.
    pub(crate) fn thrown(&mut self) {
        self.word(THROWN);
    }

    /// A list of fixed strings (`codes()`).
    pub(crate) fn names(&mut self, names: impl ExactSizeIterator<Item = &'static str>) {
        self.word(ARRAY);
        self.len(names.len());
        for name in names {
            self.fixed(name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_valid_report_is_three_words() {
        let mut tape = Tape::default();
        tape.report(&Report::default());
        assert_eq!(tape.words, [REPORT, 0, 0]);
        assert!(tape.bytes.is_empty());
    }

    #[test]
    fn values_are_tagged_words() {
        let mut tape = Tape::default();
        tape.value(&json!({"a": [null, true, -1, 2.5, "é"]}));
        assert_eq!(&tape.words[..3], &[OBJECT, 1, STR]);
        assert_eq!(tape.bytes, "aé".as_bytes());
        assert!(tape.words.contains(&u32::MAX), "-1 as its i32 bits");
    }
}
