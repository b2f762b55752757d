//! The declared fields' values, read once from the host value.
//!
//! Rules that relate several fields (Qovery's per-kind config, Huawei's
//! region warning) and the request builder need values, not just a verdict.
//! They get a [`Record`]: the members the field table declares, in table
//! order, read under the same budget as validation. Keys are the table's own
//! `&'static str` names and lookups compare names (a table has a few dozen
//! at most), so building one costs the strings and nothing else: no hashing,
//! no copied keys, no members the rules never read.

use std::fmt::Write as _;

/// One value read from a host, along its field's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Datum {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer held exactly.
    Int(i64),
    /// Any other finite number (`-0` is read as 0).
    Float(f64),
    /// A string.
    Str(String),
    /// An array, its items read along the array's item kind.
    Array(Vec<Datum>),
    /// An object, its declared members read along their kinds.
    Object(Record),
}

impl Datum {
    /// The string, if this is one.
    #[must_use]
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Datum::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The integer this number stands for: `5.0` is 5 (JSON and JavaScript
    /// do not tell them apart); `as` saturates, which keeps huge values out of range.
    #[must_use]
    pub fn as_integer(&self) -> Option<i64> {
        match self {
            Datum::Int(i) => Some(*i),
            #[allow(clippy::cast_possible_truncation)]
            Datum::Float(f) if f.fract() == 0.0 => Some(*f as i64),
            _ => None,
        }
    }

    /// A scalar as text: integers normalized (`5.0` → `5`), other numbers
    /// as `serde_json` writes them, strings as they are.
    pub(crate) fn write_scalar(&self, out: &mut String) {
        match self {
            Datum::Str(s) => out.push_str(s),
            Datum::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Datum::Int(_) | Datum::Float(_) => match (self.as_integer(), self) {
                (Some(i), _) => {
                    let _ = write!(out, "{i}");
                }
                (None, Datum::Float(f)) => {
                    if let Some(n) = serde_json::Number::from_f64(*f) {
                        let _ = write!(out, "{n}");
                    }
                }
                _ => {}
            },
            Datum::Null | Datum::Array(_) | Datum::Object(_) => {}
        }
    }
}

/// The declared members of an object that were present, in table order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record(Vec<(&'static str, Datum)>);

impl Record {
    /// An empty record.
    #[must_use]
    pub const fn new() -> Self {
        Record(Vec::new())
    }

    /// Adds a member (the caller keeps table order and unique names).
    pub(crate) fn push(&mut self, name: &'static str, value: Datum) {
        self.0.push((name, value));
    }

    /// The member called `name`, if present.
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&Datum> {
        self.0.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
    }

    /// Whether a member called `name` is present.
    #[must_use]
    pub fn contains_key(&self, name: &str) -> bool {
        self.0.iter().any(|(n, _)| *n == name)
    }

    /// The names of the present members.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.0.iter().map(|(n, _)| *n)
    }

    /// The string member called `name`, if present and a string.
    #[must_use]
    pub fn str(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(Datum::as_str)
    }
}

/// Builds a record from `(name, value)` pairs, for tests and examples.
impl FromIterator<(&'static str, Datum)> for Record {
    fn from_iter<T: IntoIterator<Item = (&'static str, Datum)>>(iter: T) -> Self {
        Record(iter.into_iter().collect())
    }
}
