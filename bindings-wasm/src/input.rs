//! [`regplan::Input`] for JavaScript values: the core walks the caller's
//! value in place, and `js/host.js` answers what each value is.
//!
//! This module only reports what a value is. Every decision (NaN and
//! ±Infinity refused, `undefined` members absent, budgets, depth, messages)
//! is the core's, so a `Date` or a lone surrogate gets the same error here
//! as in the Node addon and in Python.
//!
//! - Numbers are `Int` when integral and within ±2^63 (`-0` is 0), else `Float`.
//! - A string with a lone surrogate (`String.prototype.isWellFormed`) is
//!   `Foreign::LoneSurrogate`, as a value and as a key.
//! - Arrays (`Array.isArray`, true for a Proxy of an array) report their
//!   `length` as read through the Proxy; the core's budget, not a buffer,
//!   bounds what is read, so a Proxy claiming 2^32 − 1 items costs nothing.
//! - Plain objects have no prototype or a realm's `Object.prototype` (so
//!   objects from another realm are plain). Anything else is
//!   `regplan::input::js_foreign(tag)` of its `Object.prototype.toString` tag.
//! - Whatever a getter or Proxy trap throws is `Err(exception)`: the core
//!   stops, and the binding re-throws that very value.
//!
//! Speed: crossing from wasm to JavaScript is the cost that matters, so a
//! member is read in one call (`entry`: its key, its value, and what the
//! value is, with a number or a short string's UTF-8 written to a scratch
//! area in wasm memory), and what a value is is read once ([`Host`] keeps
//! it). Every `JsValue` here is owned by a Rust value and dropped on every
//! path, errors included, so no reference-table slot outlives a call.

use std::borrow::Cow;
use std::cell::{OnceCell, RefCell};

use regplan::input::{js_foreign, Visit};
use regplan::{Abort, Field, Foreign, Input, Kind, Shape};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/host.js")]
extern "C" {
    fn setup(memory: JsValue, scratch: u32, key_bytes: u32, text_bytes: u32, names: &str);
    fn kind(value: &JsValue);
    fn keys(value: &JsValue) -> JsValue;
    fn entry(value: &JsValue, keys: &JsValue, index: u32);
    fn item(value: &JsValue, index: u32);
    fn held() -> JsValue;
    fn exception() -> JsValue;
    fn text(value: &JsValue) -> String;
    #[wasm_bindgen(js_name = longKey)]
    fn long_key(keys: &JsValue, index: u32) -> String;
    fn tag(value: &JsValue) -> String;
}

// Kinds, as `js/host.js` writes them. From `HELD` on, the value itself is
// needed too and `js/host.js` keeps it for `held()`.
const NULL: u32 = 0;
const UNDEFINED: u32 = 1;
const FALSE: u32 = 2;
const TRUE: u32 = 3;
const NUMBER: u32 = 4;
const STRING: u32 = 5;
const KNOWN_STRING: u32 = 6;
const LONE_SURROGATE: u32 = 7;
const FUNCTION: u32 = 8;
const SYMBOL: u32 = 9;
const BIGINT: u32 = 10;
const HELD: u32 = 16;
const LONG_STRING: u32 = 16;
const ARRAY: u32 = 17;
const OBJECT: u32 = 18;
const TAGGED: u32 = 19;
const UNREAD: u32 = 20;
// Key states.
const KEY: u32 = 0;
const LONG_KEY: u32 = 1;
const KNOWN_KEY: u32 = 3;

// The scratch layout, in bytes (`js/host.js` has the same table).
const NUMBER_AT: usize = 0;
const KIND_AT: usize = 8;
const KEY_STATE_AT: usize = 12;
const KEY_LEN_AT: usize = 16;
const TEXT_LEN_AT: usize = 20;
const COUNT_AT: usize = 24;
const THREW_AT: usize = 28;
const KEY_AT: usize = 32;
/// Keys up to this many UTF-8 bytes come through the scratch area.
const KEY_ROOM: usize = 256;
/// Strings up to this many UTF-8 bytes too; longer ones through wasm-bindgen.
const TEXT_ROOM: usize = 4096;
const TEXT_AT: usize = KEY_AT + KEY_ROOM;
const SCRATCH_WORDS: usize = (TEXT_AT + TEXT_ROOM) / 8;

thread_local! {
    /// Where `js/host.js` writes. Rust reads it only between calls to
    /// JavaScript, through a fresh borrow each time; its address is given
    /// to JavaScript once, so the compiler treats every call as writing it.
    static SCRATCH: RefCell<Box<[u64]>> = RefCell::new(vec![0; SCRATCH_WORDS].into_boxed_slice());
}

fn address(n: usize) -> u32 {
    u32::try_from(n).unwrap_or_default()
}

thread_local! {
    /// The fixed strings the core reads: member names (fields of every
    /// operation at every depth, the members of plan options), operation
    /// ids, enum values and credential types. `js/host.js` passes a key or
    /// a string equal to one of them as its number here instead of its
    /// bytes. Only these fixed strings are numbered, so nothing of a
    /// caller's value is kept.
    static NAMES: Vec<&'static str> = known_names();
}

fn known_names() -> Vec<&'static str> {
    fn fields(list: &'static [Field], names: &mut Vec<&'static str>) {
        for field in list {
            add(field.name, names);
            kind(&field.kind, names);
        }
    }
    fn kind(of: &Kind, names: &mut Vec<&'static str>) {
        match of {
            Kind::Object(rule) => fields(rule.fields, names),
            Kind::Array(rule) => kind(&rule.items, names),
            Kind::Enum(rule) => {
                for value in rule.values {
                    add(value, names);
                }
                for (value, _) in rule.retired {
                    add(value, names);
                }
            }
            _ => {}
        }
    }
    fn add(name: &'static str, names: &mut Vec<&'static str>) {
        if !names.contains(&name) && !name.contains('\n') {
            names.push(name);
        }
    }
    let mut names = Vec::new();
    for op in regplan::operations() {
        add(op.id, &mut names);
        fields(op.fields, &mut names);
    }
    for name in regplan::interop::OPTION_NAMES {
        add(name, &mut names);
    }
    add("type", &mut names);
    for declared in regplan::CREDENTIAL_TYPES {
        add(declared.name, &mut names);
        for name in declared.required.iter().chain(declared.optional) {
            add(name, &mut names);
        }
    }
    names
}

/// Gives `js/host.js` the module's memory, the scratch area and the known
/// names; run once at start.
pub(crate) fn init() {
    let at = SCRATCH.with(|s| s.borrow().as_ptr() as usize);
    let names = NAMES.with(|names| names.join("\n"));
    setup(
        wasm_bindgen::memory(),
        address(at),
        address(KEY_ROOM),
        address(TEXT_ROOM),
        &names,
    );
}

/// Known name number `id`.
fn known(id: u32) -> &'static str {
    NAMES.with(|names| names.get(id as usize).copied().unwrap_or_default())
}

/// The `u32` at byte `at` (4-aligned) of the scratch area.
fn word32(at: usize) -> u32 {
    SCRATCH.with(|s| {
        s.try_borrow()
            .ok()
            .and_then(|words| words.get(at / 8).copied())
            // Little-endian, as wasm memory is.
            .map_or(0, |w| {
                #[allow(clippy::cast_possible_truncation)]
                let half = (w >> ((at % 8) * 8)) as u32;
                half
            })
    })
}

fn float() -> f64 {
    SCRATCH.with(|s| {
        s.try_borrow()
            .ok()
            .and_then(|words| words.get(NUMBER_AT / 8).copied())
            .map_or(0.0, f64::from_bits)
    })
}

/// `len` UTF-8 bytes from byte `at` (8-aligned) of the scratch area, into `out`.
fn utf8_into(at: usize, len: usize, out: &mut String) {
    out.clear();
    SCRATCH.with(|s| {
        let Ok(words) = s.try_borrow() else {
            return;
        };
        let mut bytes = std::mem::take(out).into_bytes();
        let (first, last) = (at / 8, (at + len).div_ceil(8));
        for word in words.get(first..last).unwrap_or_default() {
            bytes.extend_from_slice(&word.to_le_bytes());
        }
        bytes.truncate(len);
        // `js/host.js` wrote it with TextEncoder from a well-formed string.
        *out = String::from_utf8(bytes).unwrap_or_default();
    });
}

fn utf8(at: usize, len: usize) -> String {
    let mut out = String::with_capacity(len.next_multiple_of(8));
    utf8_into(at, len, &mut out);
    out
}

/// The exception a call to `js/host.js` kept, if it kept one.
fn thrown() -> Option<JsValue> {
    if word32(THREW_AT) == 0 {
        return None;
    }
    SCRATCH.with(|s| {
        if let Ok(mut words) = s.try_borrow_mut() {
            if let Some(w) = words.get_mut(THREW_AT / 8) {
                // THREW is the high half of its word.
                *w &= u64::from(u32::MAX);
            }
        }
    });
    Some(exception())
}

/// 2^63: integral numbers strictly inside ±2^63 are `Int`.
const TWO_POW_63: f64 = 9_223_372_036_854_775_808.0;

/// A number as the core reads it: `Int` when integral within ±2^63, else `Float`.
fn number(f: f64) -> Shape<'static> {
    if f.fract() == 0.0 && f > -TWO_POW_63 && f < TWO_POW_63 {
        // Exact: the value is integral and within i64 (and -0 becomes 0).
        #[allow(clippy::cast_possible_truncation)]
        let i = f as i64;
        Shape::Int(i)
    } else {
        Shape::Float(f)
    }
}

/// A length or count read as a number: saturating, NaN and negatives 0.
fn count(f: f64) -> usize {
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let n = f as usize;
    n
}

/// An index the core asks for: below a length that came from a `usize`,
/// and wasm's `usize` is 32 bits.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// What a value is, read once.
enum Read {
    Null,
    Undefined,
    Bool(bool),
    Number(f64),
    Str(String),
    Fixed(&'static str),
    Array(usize),
    Object,
    Foreign(Foreign),
}

/// What `js/host.js` wrote for the value it just classified; `None` when
/// there is more to read (the tag of an object that is not plain) or a
/// trap threw while classifying (it throws again when the core asks).
fn classified(value: &JsValue) -> Option<Read> {
    Some(match word32(KIND_AT) {
        NULL => Read::Null,
        UNDEFINED => Read::Undefined,
        FALSE => Read::Bool(false),
        TRUE => Read::Bool(true),
        NUMBER => Read::Number(float()),
        STRING => Read::Str(utf8(TEXT_AT, word32(TEXT_LEN_AT) as usize)),
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        KNOWN_STRING => Read::Fixed(known(float() as u32)),
        LONG_STRING => Read::Str(text(value)),
        LONE_SURROGATE => Read::Foreign(Foreign::LoneSurrogate),
        ARRAY => Read::Array(count(float())),
        OBJECT => Read::Object,
        FUNCTION => Read::Foreign(Foreign::Function),
        SYMBOL => Read::Foreign(Foreign::Symbol),
        BIGINT => Read::Foreign(Foreign::BigInt),
        // Its tag is read when the core asks (a Symbol.toStringTag getter may throw).
        TAGGED | UNREAD => return None,
        _ => Read::Foreign(Foreign::Instance(String::new())),
    })
}

/// A JavaScript value: borrowed from the caller (an argument) or owned (a
/// member or item read from it), with what it is once known. A member or
/// item whose kind says everything (a number, a short string) is not held
/// at all.
pub(crate) struct Host<'a> {
    value: Cow<'a, JsValue>,
    kind: OnceCell<Read>,
}

impl<'a> Host<'a> {
    pub(crate) fn new(value: &'a JsValue) -> Self {
        Host {
            value: Cow::Borrowed(value),
            kind: OnceCell::new(),
        }
    }

    /// The member or item `js/host.js` has just read and classified.
    fn read() -> Self {
        let value = if word32(KIND_AT) >= HELD {
            held()
        } else {
            JsValue::UNDEFINED
        };
        let kind = OnceCell::new();
        if let Some(known) = classified(&value) {
            let _ = kind.set(known);
        }
        Host {
            value: Cow::Owned(value),
            kind,
        }
    }

    fn kind(&self) -> Result<&Read, JsValue> {
        if let Some(known) = self.kind.get() {
            return Ok(known);
        }
        kind(&self.value);
        if let Some(e) = thrown() {
            return Err(e);
        }
        let known = match classified(&self.value) {
            Some(known) => known,
            None => {
                let tag = tag(&self.value);
                if let Some(e) = thrown() {
                    return Err(e);
                }
                Read::Foreign(js_foreign(&tag))
            }
        };
        Ok(self.kind.get_or_init(|| known))
    }
}

impl<'a> Input for Host<'a> {
    type Error = JsValue;

    fn shape(&self) -> Result<Shape<'_>, JsValue> {
        Ok(match self.kind()? {
            Read::Null => Shape::Null,
            Read::Undefined => Shape::Undefined,
            Read::Bool(b) => Shape::Bool(*b),
            Read::Number(f) => number(*f),
            Read::Str(s) => Shape::Str(Cow::Borrowed(s)),
            Read::Fixed(s) => Shape::Str(Cow::Borrowed(s)),
            Read::Array(len) => Shape::Array(*len),
            Read::Object => Shape::Object,
            Read::Foreign(foreign) => Shape::Foreign(foreign.clone()),
        })
    }

    fn item(&self, i: usize) -> Result<Self, JsValue> {
        item(&self.value, index(i));
        match thrown() {
            Some(e) => Err(e),
            None => Ok(Host::read()),
        }
    }

    fn entries(&self, visit: &mut Visit<'_, Self>) -> Result<(), Abort<JsValue>> {
        let value: &JsValue = &self.value;
        let own = keys(value);
        if let Some(e) = thrown() {
            return Err(Abort::Host(e));
        }
        let n = word32(COUNT_AT);
        // One buffer for every key of this object.
        let mut name = String::new();
        for i in 0..n {
            entry(value, &own, i);
            if let Some(e) = thrown() {
                return Err(Abort::Host(e));
            }
            let key: &str = match word32(KEY_STATE_AT) {
                KNOWN_KEY => known(word32(KEY_LEN_AT)),
                KEY => {
                    utf8_into(KEY_AT, word32(KEY_LEN_AT) as usize, &mut name);
                    &name
                }
                LONG_KEY => {
                    name = long_key(&own, i);
                    &name
                }
                _ => return Err(Abort::foreign(Foreign::LoneSurrogate)),
            };
            // Read before the next call to JavaScript overwrites the scratch area.
            let member = Host::read();
            visit(key, member)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_integers_when_integral_within_i64() {
        assert!(matches!(number(5.0), Shape::Int(5)));
        assert!(matches!(number(-0.0), Shape::Int(0)));
        assert!(matches!(number(5.5), Shape::Float(_)));
        assert!(matches!(number(TWO_POW_63), Shape::Float(_)));
        assert!(matches!(number(-TWO_POW_63), Shape::Float(_)));
        assert!(matches!(number(9_007_199_254_740_993.0), Shape::Int(_)));
        assert!(matches!(number(f64::NAN), Shape::Float(_)));
        assert!(matches!(number(f64::INFINITY), Shape::Float(_)));
    }

    #[test]
    fn counts_saturate() {
        assert_eq!(count(f64::NAN), 0);
        assert_eq!(count(-1.0), 0);
        assert_eq!(count(4_294_967_295.0), 4_294_967_295);
        assert_eq!(count(1e300), usize::MAX);
    }
}
