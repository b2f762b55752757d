//! Reading input values from any host through one trait.
//!
//! A Python `dict`, a JavaScript object (napi or wasm) and a
//! `serde_json::Value` all reach the rules through [`Input`]: the validator
//! walks the host value directly and reads only what the operation's tables
//! ask for, so nothing is converted first (pydantic-core's `Input` design).
//!
//! What a host value *may* be is decided here, once, for every runtime:
//! [`Foreign`] names each value that has no JSON meaning and renders the one
//! message every binding prints, and [`Budget`] bounds the work of one call.
//! A binding only says what its value is ([`Shape`]); it never decides.
//!
//! Decisions, the same in every runtime:
//! - `NaN` and ±infinity are refused (`Foreign::NotFinite`); `-0` is the number 0.
//! - Integers are exact up to `i64`; a host integer beyond it saturates, which
//!   keeps it out of range. `bool` is never a number.
//! - `undefined` as an object member means "absent", as `JSON.stringify` drops
//!   it; anywhere else it is refused.
//! - Every value visited counts against the [`Budget`], a shared reference
//!   each time it is reached, so a graph of shared references is refused
//!   after at most [`Budget::VALUES`] steps instead of being expanded.

use std::borrow::Cow;
use std::fmt;

use serde_json::{Map, Number, Value};

use crate::report::Pointer;

/// What a host value is, as far as the rules care.
#[derive(Debug)]
pub enum Shape<'a> {
    /// JSON `null` (`None`).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// An integer held exactly. Hosts with larger integers pass `i64::MAX` or `i64::MIN`.
    Int(i64),
    /// Any other number, `NaN` and infinities included (the core refuses those).
    Float(f64),
    /// A string.
    Str(Cow<'a, str>),
    /// An array (list) with this many items; read them with [`Input::item`].
    Array(usize),
    /// An object (dict) with string keys; read it with [`Input::entries`].
    Object,
    /// JavaScript `undefined`: absent as an object member, refused elsewhere.
    Undefined,
    /// A host value with no JSON form.
    Foreign(Foreign),
}

/// A host value that has no JSON meaning, or an input too large to read.
/// Each variant renders one message, identical in every runtime; none of
/// them repeats the value.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Foreign {
    /// `NaN`, `Infinity` or `-Infinity`.
    NotFinite,
    /// A string holding a lone UTF-16 surrogate, which UTF-8 cannot carry.
    LoneSurrogate,
    /// An object key that is not a string (Python `{1: ...}`); the host's type name.
    NonStringKey(String),
    /// `undefined` where it cannot mean "absent" (an array item, the whole input).
    Undefined,
    /// A Python `tuple`: a list is meant.
    Tuple,
    /// A JavaScript `Date`.
    Date,
    /// A JavaScript `Map`.
    Map,
    /// A JavaScript `Set` or a Python `set`/`frozenset`.
    Set,
    /// Binary data: a typed array, `ArrayBuffer`, `DataView`, Python `bytes`.
    Binary,
    /// A function.
    Function,
    /// A JavaScript `Symbol`.
    Symbol,
    /// A JavaScript `BigInt`.
    BigInt,
    /// An instance of a class other than the plain object and array (a
    /// `RegExp`, a `Promise`, a user class, a Python `Decimal`); its type name
    /// when the host can tell it without running user code.
    Instance(String),
    /// Nested deeper than [`Budget::DEPTH`] levels.
    TooDeep,
    /// More than [`Budget::VALUES`] values visited in one input.
    TooManyValues,
}

impl Foreign {
    /// What is wrong, and what to pass instead.
    #[must_use]
    pub fn message(&self) -> Cow<'static, str> {
        match self {
            Foreign::NotFinite => "NaN and infinity are not JSON numbers".into(),
            Foreign::LoneSurrogate => {
                "a string with a lone surrogate (such as \\ud800) has no UTF-8 form".into()
            }
            Foreign::NonStringKey(type_name) => format!(
                "an object key of type `{}` is not JSON; keys must be strings",
                short(type_name)
            )
            .into(),
            Foreign::Undefined => {
                "undefined is not JSON (only an object member may be undefined, meaning absent)"
                    .into()
            }
            Foreign::Tuple => "a tuple is not a JSON array here; pass a list".into(),
            Foreign::Date => {
                "a Date is not JSON; pass date.toISOString() or the epoch milliseconds".into()
            }
            Foreign::Map => "a Map is not JSON; pass Object.fromEntries(map)".into(),
            Foreign::Set => "a set is not JSON; pass an array (list)".into(),
            Foreign::Binary => "binary data is not JSON; pass a string or an array".into(),
            Foreign::Function => "a function is not JSON".into(),
            Foreign::Symbol => "a Symbol is not JSON".into(),
            Foreign::BigInt => "a BigInt is not JSON; pass a number".into(),
            Foreign::Instance(type_name) if type_name.is_empty() => {
                "a class instance is not JSON; pass a plain object".into()
            }
            Foreign::Instance(type_name) => format!(
                "a `{}` is not JSON; pass a plain object, array, string, number, boolean or null",
                short(type_name)
            )
            .into(),
            Foreign::TooDeep => format!("nested deeper than {} levels", Budget::DEPTH).into(),
            Foreign::TooManyValues => format!(
                "more than {} values (a shared reference counts each time it is reached, a string one per {} bytes)",
                Budget::VALUES,
                Budget::BYTES_PER_VALUE
            )
            .into(),
        }
    }
}

/// What a JavaScript object that is neither a plain object nor an array is,
/// from its `Object.prototype.toString` tag (`"[object Date]"` → `Date`):
/// the one mapping both JS bindings (napi and wasm) use, so a `Date`, a
/// `Map` or a class instance gets the same message in each. The tag is read
/// the same way across realms, so an object from another realm is judged
/// like one from this realm.
#[must_use]
pub fn js_foreign(tag: &str) -> Foreign {
    let name = tag
        .strip_prefix("[object ")
        .and_then(|rest| rest.strip_suffix(']'))
        .unwrap_or(tag);
    match name {
        "Date" => Foreign::Date,
        "Map" | "WeakMap" => Foreign::Map,
        "Set" | "WeakSet" => Foreign::Set,
        "ArrayBuffer" | "SharedArrayBuffer" | "DataView" | "Int8Array" | "Uint8Array"
        | "Uint8ClampedArray" | "Int16Array" | "Uint16Array" | "Int32Array" | "Uint32Array"
        | "Float16Array" | "Float32Array" | "Float64Array" | "BigInt64Array" | "BigUint64Array" => {
            Foreign::Binary
        }
        "Function" | "AsyncFunction" | "GeneratorFunction" | "AsyncGeneratorFunction" => {
            Foreign::Function
        }
        "Symbol" => Foreign::Symbol,
        "BigInt" => Foreign::BigInt,
        // `Object` here is a class instance (its prototype is not a realm's
        // `Object.prototype`): user classes have no tag of their own.
        "Object" => Foreign::Instance(String::new()),
        other => Foreign::Instance(other.to_owned()),
    }
}

/// A type name as shown: at most 64 characters, no control characters.
fn short(name: &str) -> String {
    name.chars().filter(|c| !c.is_control()).take(64).collect()
}

/// A value at a place in the input that no runtime can read as JSON: the
/// `unsupported_value` error of every binding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported {
    /// Where, as a JSON Pointer into the argument (`""` for the whole of it).
    pub path: Pointer,
    /// What.
    pub foreign: Foreign,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.as_str();
        if path.is_empty() {
            write!(f, "unsupported value: {}", self.foreign.message())
        } else {
            // A 10,000-deep path is no help to read: show where it starts.
            let shown: String = path.chars().filter(|c| !c.is_control()).take(100).collect();
            let more = if shown.len() < path.len() { "…" } else { "" };
            write!(
                f,
                "unsupported value at {shown}{more}: {}",
                self.foreign.message()
            )
        }
    }
}

/// Why reading stopped: the host raised (a getter or Proxy trap threw, a
/// Python error), or a value has no JSON form. The path of an
/// [`Abort::Unsupported`] is filled in by the core as the walk unwinds.
#[derive(Debug)]
pub enum Abort<E> {
    /// The host's own exception, to be re-raised as it is.
    Host(E),
    /// A value with no JSON form; `None` until the core knows where it is.
    Unsupported(Foreign, Option<Pointer>),
}

impl<E> Abort<E> {
    /// A foreign value at a place the core will name.
    #[must_use]
    pub fn foreign(foreign: Foreign) -> Self {
        Abort::Unsupported(foreign, None)
    }

    /// Names the place of an unsupported value, unless a deeper level already did.
    pub(crate) fn at(self, place: impl FnOnce() -> Pointer) -> Self {
        match self {
            Abort::Unsupported(foreign, None) => Abort::Unsupported(foreign, Some(place())),
            other => other,
        }
    }

    /// The same stop, inside item `index` of an outer array.
    pub(crate) fn within(self, index: usize) -> Self {
        match self {
            Abort::Unsupported(foreign, path) => {
                let inner = path.unwrap_or_default();
                let outer = Pointer::root().index(index);
                Abort::Unsupported(foreign, Some(outer.join(&inner)))
            }
            other => other,
        }
    }

    /// The public failure: the host's exception, or the core's `unsupported_value`.
    pub(crate) fn into_failure(self) -> crate::Failure<E> {
        match self {
            Abort::Host(e) => crate::Failure::Host(e),
            Abort::Unsupported(foreign, path) => {
                crate::Failure::Api(crate::Error::UnsupportedValue(Unsupported {
                    path: path.unwrap_or_default(),
                    foreign,
                }))
            }
        }
    }
}

/// What [`Input::entries`] calls with each member: its key and value.
pub type Visit<'v, I> = dyn FnMut(&str, I) -> Result<(), Abort<<I as Input>::Error>> + 'v;

/// A host value the core can read. Implemented for `&serde_json::Value`
/// here and, in each binding, for its own values (a Python object, a napi
/// value, a wasm `JsValue`).
///
/// Implementations only report what a value is; every decision (refusing
/// `NaN`, skipping `undefined` members, budgets, messages) is the core's.
pub trait Input: Sized {
    /// The host's exception type (a thrown JavaScript value, a `PyErr`).
    type Error;

    /// What this value is. A host error (a throwing getter) is `Err`.
    ///
    /// # Errors
    /// The host's exception, passed through unchanged.
    fn shape(&self) -> Result<Shape<'_>, Self::Error>;

    /// The array item at `index` (below the length [`Shape::Array`] gave).
    ///
    /// # Errors
    /// The host's exception.
    fn item(&self, index: usize) -> Result<Self, Self::Error>;

    /// Calls `visit` with each member of an object, in the host's order
    /// (JavaScript's own enumerable string keys, a dict's insertion order),
    /// stopping at the first error `visit` returns. A key with no JSON form
    /// (not a string, a lone surrogate) is `Abort::foreign(...)`.
    ///
    /// # Errors
    /// The host's exception, a foreign key, or whatever `visit` returned.
    fn entries(&self, visit: &mut Visit<'_, Self>) -> Result<(), Abort<Self::Error>>;
}

/// The work one call may do on one input: how deep and how many values.
#[derive(Debug)]
pub struct Budget {
    left: usize,
}

impl Budget {
    /// Deepest nesting read (`serde_json` parses at most 128 levels too).
    pub const DEPTH: usize = 128;
    /// Most values visited in one input, every shared reference counted each
    /// time it is reached. Real inputs have a few dozen; a batch of 100,000
    /// registry users has 300,000.
    pub const VALUES: usize = 1_000_000;
    /// A string counts one more value per this many bytes: at most 16 MB of
    /// text is read per input, however often a string is shared.
    pub const BYTES_PER_VALUE: usize = 16;

    /// A fresh budget for one input.
    #[must_use]
    pub fn new() -> Self {
        Budget { left: Self::VALUES }
    }

    /// A budget of `values` values, for arguments far smaller than an input.
    #[must_use]
    pub fn of(values: usize) -> Self {
        Budget { left: values }
    }

    /// Counts `n` more values.
    pub(crate) fn spend<E>(&mut self, n: usize) -> Result<(), Abort<E>> {
        match self.left.checked_sub(n) {
            Some(left) => {
                self.left = left;
                Ok(())
            }
            None => Err(Abort::foreign(Foreign::TooManyValues)),
        }
    }
}

impl Default for Budget {
    fn default() -> Self {
        Self::new()
    }
}

/// Reads a value's shape, counting it and refusing what has no JSON form.
/// `Undefined` is returned as is: only the caller knows whether it means "absent".
pub(crate) fn read<'v, I: Input>(
    value: &'v I,
    budget: &mut Budget,
) -> Result<Shape<'v>, Abort<I::Error>> {
    budget.spend(1)?;
    match value.shape().map_err(Abort::Host)? {
        Shape::Foreign(foreign) => Err(Abort::foreign(foreign)),
        Shape::Float(f) if !f.is_finite() => Err(Abort::foreign(Foreign::NotFinite)),
        // A string costs by its length too, so one long string reached through
        // many shared references cannot multiply the work (fuzz finding 3).
        Shape::Str(s) => {
            budget.spend(s.len() / Budget::BYTES_PER_VALUE)?;
            Ok(Shape::Str(s))
        }
        shape => Ok(shape),
    }
}

/// Converts a whole host value into JSON under the same rules and budget:
/// for values whose structure is not described by a field table (plan
/// options), and for tests. Object members that are `undefined` are left out.
///
/// # Errors
/// `Abort::Unsupported` with the JSON Pointer of the first value without a
/// JSON form, or the host's exception.
pub fn to_json<I: Input>(value: &I, budget: &mut Budget) -> Result<Value, Abort<I::Error>> {
    to_json_at(value, budget, &Pointer::root(), 0)
}

fn to_json_at<I: Input>(
    value: &I,
    budget: &mut Budget,
    path: &Pointer,
    depth: usize,
) -> Result<Value, Abort<I::Error>> {
    let shape = read(value, budget).map_err(|e| e.at(|| path.clone()))?;
    let deeper = |depth: usize| {
        if depth >= Budget::DEPTH {
            Err(Abort::Unsupported(Foreign::TooDeep, Some(path.clone())))
        } else {
            Ok(depth + 1)
        }
    };
    Ok(match shape {
        Shape::Null => Value::Null,
        Shape::Bool(b) => Value::Bool(b),
        Shape::Int(i) => Value::from(i),
        Shape::Float(f) => float_value(f),
        Shape::Str(s) => Value::String(s.into_owned()),
        Shape::Undefined => return Err(Abort::Unsupported(Foreign::Undefined, Some(path.clone()))),
        Shape::Array(len) => {
            let depth = deeper(depth)?;
            // Counted before allocating, so a Proxy claiming 2^32 items costs nothing.
            budget.spend(len)?;
            let mut items = Vec::with_capacity(len.min(1024));
            for index in 0..len {
                let item = value
                    .item(index)
                    .map_err(Abort::Host)
                    .map_err(|e| e.at(|| path.clone()))?;
                items.push(to_json_at(&item, budget, &path.index(index), depth)?);
            }
            Value::Array(items)
        }
        Shape::Object => {
            let depth = deeper(depth)?;
            let mut map = Map::new();
            value
                .entries(&mut |key, member| {
                    let at = path.key(key);
                    if matches!(member.shape(), Ok(Shape::Undefined)) {
                        return budget.spend(1).map_err(|e| e.at(|| at.clone()));
                    }
                    let member = to_json_at(&member, budget, &at, depth)?;
                    map.insert(key.to_owned(), member);
                    Ok(())
                })
                .map_err(|e| e.at(|| path.clone()))?;
            Value::Object(map)
        }
        Shape::Foreign(foreign) => return Err(Abort::Unsupported(foreign, Some(path.clone()))),
    })
}

/// A finite float as JSON: `-0` is 0, integral values stay floats (`5.0`),
/// as `serde_json` reads `5.0`.
pub(crate) fn float_value(f: f64) -> Value {
    let f = if f == 0.0 { 0.0 } else { f };
    Number::from_f64(f).map_or(Value::Null, Value::Number)
}

/// `serde_json` values read as they are: numbers as `Int` when they fit
/// `i64` (`u64` beyond it saturates), strings borrowed, no host errors.
impl Input for &Value {
    type Error = std::convert::Infallible;

    fn shape(&self) -> Result<Shape<'_>, Self::Error> {
        Ok(match self {
            Value::Null => Shape::Null,
            Value::Bool(b) => Shape::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_f64()) {
                (Some(i), _) => Shape::Int(i),
                (None, _) if n.is_u64() => Shape::Int(i64::MAX),
                (None, Some(f)) => Shape::Float(f),
                (None, None) => Shape::Foreign(Foreign::NotFinite),
            },
            Value::String(s) => Shape::Str(Cow::Borrowed(s)),
            Value::Array(items) => Shape::Array(items.len()),
            Value::Object(_) => Shape::Object,
        })
    }

    fn item(&self, index: usize) -> Result<Self, Self::Error> {
        const NULL: &Value = &Value::Null;
        Ok(match self {
            Value::Array(items) => items.get(index).unwrap_or(NULL),
            _ => NULL,
        })
    }

    fn entries(&self, visit: &mut Visit<'_, Self>) -> Result<(), Abort<Self::Error>> {
        if let Value::Object(map) = *self {
            for (key, value) in map {
                visit(key, value)?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// A host value built from a description, for the host-only cases
    /// (`NaN`, `undefined`, shared references) JSON cannot write.
    #[derive(Clone)]
    enum Host {
        Json(Value),
        Nan,
        Undefined,
        Date,
        Array(Vec<Host>),
        Object(Vec<(String, Host)>),
        Shared(std::rc::Rc<Host>),
    }

    impl Input for Host {
        type Error = &'static str;
        fn shape(&self) -> Result<Shape<'_>, Self::Error> {
            Ok(match self {
                Host::Json(v) => match (&v).shape() {
                    Ok(Shape::Str(s)) => Shape::Str(Cow::Owned(s.into_owned())),
                    Ok(Shape::Int(i)) => Shape::Int(i),
                    Ok(Shape::Float(f)) => Shape::Float(f),
                    Ok(Shape::Bool(b)) => Shape::Bool(b),
                    _ => Shape::Null,
                },
                Host::Nan => Shape::Float(f64::NAN),
                Host::Undefined => Shape::Undefined,
                Host::Date => Shape::Foreign(Foreign::Date),
                Host::Array(items) => Shape::Array(items.len()),
                Host::Object(_) => Shape::Object,
                Host::Shared(inner) => return inner.shape(),
            })
        }
        fn item(&self, index: usize) -> Result<Self, Self::Error> {
            match self {
                Host::Array(items) => items.get(index).cloned().ok_or("no item"),
                Host::Shared(inner) => inner.item(index),
                _ => Err("not an array"),
            }
        }
        fn entries(&self, visit: &mut Visit<'_, Self>) -> Result<(), Abort<Self::Error>> {
            match self {
                Host::Object(members) => {
                    for (k, v) in members {
                        visit(k, v.clone())?;
                    }
                    Ok(())
                }
                Host::Shared(inner) => inner.entries(visit),
                _ => Err(Abort::Host("not an object")),
            }
        }
    }

    fn message<E: fmt::Debug>(result: Result<Value, Abort<E>>) -> String {
        match result.map_err(Abort::into_failure) {
            Err(crate::Failure::Api(e)) => e.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn json_reads_back_as_itself() {
        let value =
            json!({"a": [1, -2, 2.5, "é", null, true, {"b~/": {}}], "u": 18446744073709551615u64});
        let read = to_json(&&value, &mut Budget::new()).ok();
        let mut expected = value.clone();
        expected["u"] = json!(i64::MAX);
        assert_eq!(read, Some(expected));
    }

    #[test]
    fn foreign_values_are_refused_with_their_pointer() {
        let input = Host::Object(vec![
            ("ok".into(), Host::Json(json!(1))),
            ("gone".into(), Host::Undefined),
            (
                "a/b".into(),
                Host::Array(vec![Host::Json(json!(0)), Host::Nan]),
            ),
        ]);
        assert_eq!(
            message(to_json(&input, &mut Budget::new())),
            "unsupported value at /a~1b/1: NaN and infinity are not JSON numbers"
        );
        let dated = Host::Array(vec![Host::Date]);
        assert_eq!(
            message(to_json(&dated, &mut Budget::new())),
            "unsupported value at /0: a Date is not JSON; pass date.toISOString() or the epoch milliseconds"
        );
        let hole = Host::Array(vec![Host::Undefined]);
        assert!(message(to_json(&hole, &mut Budget::new()))
            .starts_with("unsupported value at /0: undefined"));
    }

    #[test]
    fn undefined_members_are_absent() {
        let input = Host::Object(vec![
            ("gone".into(), Host::Undefined),
            ("kept".into(), Host::Json(json!("x"))),
        ]);
        assert_eq!(
            to_json(&input, &mut Budget::new()).ok(),
            Some(json!({"kept": "x"}))
        );
    }

    #[test]
    fn shared_references_are_counted_each_time() {
        let mut x = Host::Array(vec![Host::Json(json!(1))]);
        for _ in 0..40 {
            let shared = Host::Shared(std::rc::Rc::new(x));
            x = Host::Array(vec![shared.clone(), shared]);
        }
        let started = std::time::Instant::now();
        let text = message(to_json(&x, &mut Budget::new()));
        assert!(
            text.ends_with(
                "more than 1000000 values (a shared reference counts each time it is reached, a string one per 16 bytes)"
            ),
            "{text}"
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn depth_is_bounded() {
        let mut x = Host::Json(json!(1));
        for _ in 0..200 {
            x = Host::Array(vec![x]);
        }
        let text = message(to_json(&x, &mut Budget::new()));
        assert!(text.ends_with(": nested deeper than 128 levels"), "{text}");
        assert!(text.starts_with("unsupported value at /0/0/0/"), "{text}");
    }

    #[test]
    fn js_tags_name_the_same_foreign_values() {
        assert_eq!(js_foreign("[object Date]"), Foreign::Date);
        assert_eq!(js_foreign("[object Uint8Array]"), Foreign::Binary);
        assert_eq!(
            js_foreign("[object Object]"),
            Foreign::Instance(String::new())
        );
        assert_eq!(
            js_foreign("[object RegExp]").message(),
            "a `RegExp` is not JSON; pass a plain object, array, string, number, boolean or null"
        );
    }

    #[test]
    fn minus_zero_is_zero() {
        assert_eq!(float_value(-0.0).to_string(), "0.0");
    }
}
