//! JavaScript values read in place: [`regplan::Input`] for napi values.
//!
//! This only says what a value is; every decision (NaN refused, `undefined`
//! members absent, budgets, depth, messages) is the core's. How a value is
//! told apart, as `JSON.stringify` and the wasm package tell it:
//! - objects: own enumerable string keys in order (`Object.keys`; symbol
//!   keys are not JSON), each member read with `[[Get]]`, so getters and
//!   Proxy traps run;
//! - arrays: `Array.isArray` (a Proxy of an array included), read by
//!   `length` and index;
//! - a plain object has no prototype or a prototype whose own prototype is
//!   null (a realm's `Object.prototype`, this realm's or another's), as
//!   `Object.getPrototypeOf` answers (a Proxy's trap runs); any other object
//!   is named by its `Object.prototype.toString` tag through
//!   [`regplan::input::js_foreign`] (`Date`, `Map`, a class instance);
//! - strings are read as UTF-16, so a lone surrogate is seen as one;
//! - a number is an integer when it is integral and within ±2^63, else a float.
//!
//! A getter or trap that throws stops the read with its exception pending
//! ([`napi::Status::PendingException`]); the export returns it unchanged.

use std::borrow::Cow;
use std::cell::Cell;

use regplan::{Abort, Foreign, Input, Shape, Visit};

use crate::js::{Builtin, Cx, Type, Val};

/// What every value of one call shares: the environment, and the builtins
/// it has needed so far.
pub(crate) struct Call {
    pub(crate) cx: Cx,
    builtins: [Cell<Option<Val>>; 5],
}

impl Call {
    pub(crate) fn new(cx: Cx) -> Self {
        Call {
            cx,
            builtins: Default::default(),
        }
    }

    /// A value of this call, to be read.
    pub(crate) fn js(&self, value: Val) -> Js<'_> {
        Js {
            call: self,
            sent: Sent::Value(value),
        }
    }

    fn builtin(&self, builtin: Builtin) -> napi::Result<Val> {
        let slot = self.builtins.get(builtin as usize);
        if let Some(value) = slot.and_then(Cell::get) {
            return Ok(value);
        }
        let value = self.cx.builtin(builtin)?;
        if let Some(slot) = slot {
            slot.set(Some(value));
        }
        Ok(value)
    }

    /// `Object.getPrototypeOf(value)`: V8's own answer when it has one
    /// (no trap can run for an object that is not a Proxy), else the
    /// builtin's, which runs a Proxy's `getPrototypeOf` trap.
    fn prototype_of(&self, value: Val) -> napi::Result<Val> {
        let cx = self.cx;
        let proto = cx.prototype(value)?;
        if cx.type_of(proto)? != Type::Null {
            return Ok(proto);
        }
        let get_prototype_of = self.builtin(Builtin::GetPrototypeOf)?;
        cx.call(get_prototype_of, value, &[value])
    }

    /// Whether `value` (an object) is plain: its prototype is null, or an
    /// object whose own prototype is null.
    fn is_plain(&self, value: Val) -> napi::Result<bool> {
        let cx = self.cx;
        let proto = self.prototype_of(value)?;
        if cx.type_of(proto)? == Type::Null
            || cx.strict_equals(proto, self.builtin(Builtin::ObjectPrototype)?)?
        {
            return Ok(true);
        }
        let grand = self.prototype_of(proto)?;
        Ok(cx.type_of(grand)? == Type::Null)
    }
}

/// A JavaScript value of the current call: the value itself, or what
/// `regplan.js` already read of it (`sent`).
#[derive(Clone, Copy)]
pub(crate) struct Js<'a> {
    call: &'a Call,
    sent: Sent<'a>,
}

/// A value as it reached the addon.
#[derive(Clone, Copy)]
pub(crate) enum Sent<'a> {
    /// The value, to be read here.
    Value(Val),
    /// An object `regplan.js` found not to be plain (its prototypes were read).
    NotPlain(Val),
    /// A plain object's members as `regplan.js` read them (`[key, value]*`
    /// arguments), then the exception a getter or trap threw, if one did.
    Members(&'a [Val], Option<Val>),
    /// A plain object with many keys: `Object.keys` as `regplan.js` read it, and the object.
    Keys(Val, Val),
    /// The exception reading the value threw before its members were reached.
    Thrown(Val),
}

impl<'a> Js<'a> {
    fn of(self, value: Val) -> Self {
        Js {
            call: self.call,
            sent: Sent::Value(value),
        }
    }

    /// A value as `regplan.js` sent it.
    pub(crate) fn sent(call: &'a Call, sent: Sent<'a>) -> Self {
        Js { call, sent }
    }

    /// What kind of object `value` is (`typeof` said "object"), with its
    /// prototypes still to read unless `plain` is already known.
    fn object_shape(self, value: Val, plain: Option<bool>) -> napi::Result<Shape<'static>> {
        let (call, cx) = (self.call, self.call.cx);
        if cx.is_array(value)? {
            return Ok(Shape::Array(cx.array_length(value)? as usize));
        }
        let plain = match plain {
            Some(known) => known,
            None => call.is_plain(value)?,
        };
        if plain {
            return Ok(Shape::Object);
        }
        let to_string = call.builtin(Builtin::ToString)?;
        let tag = cx.call(to_string, value, &[])?;
        let mut text = String::new();
        if cx.type_of(tag)? == Type::String {
            cx.string_into(tag, &mut text)?;
        }
        if text == "[object Array]" && self.is_array_through_proxy(value)? {
            return Ok(Shape::Array(self.proxy_length(value)?));
        }
        Ok(Shape::Foreign(regplan::input::js_foreign(&text)))
    }

    /// `Array.isArray(value)` rather than the tag alone, which
    /// `Symbol.toStringTag` can fake.
    fn is_array_through_proxy(self, value: Val) -> napi::Result<bool> {
        let (call, cx) = (self.call, self.call.cx);
        let is_array = call.builtin(Builtin::IsArray)?;
        let answer = cx.call(is_array, is_array, &[value])?;
        Ok(cx.type_of(answer)? == Type::Boolean && cx.boolean(answer)?)
    }

    /// `length` of an array read through a Proxy, as `LengthOfArrayLike`
    /// reads a number: truncated, negative and NaN as 0, at most 2^53 − 1.
    /// A length that is not a number is 0 (nothing is coerced).
    fn proxy_length(self, value: Val) -> napi::Result<usize> {
        let cx = self.call.cx;
        let length = cx.named(value, c"length")?;
        if cx.type_of(length)? != Type::Number {
            return Ok(0);
        }
        let n = cx.number(length)?;
        // NaN and negatives become 0; `as` saturates.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let len = n.clamp(0.0, 9_007_199_254_740_991.0) as usize;
        Ok(len)
    }
}

/// A JavaScript number as the core reads numbers: integral values within
/// ±2^63 are integers (`5.0` is 5, `-0` is 0), others floats.
fn number(n: f64) -> Shape<'static> {
    const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2^63
    if n.fract() == 0.0 && (-LIMIT..LIMIT).contains(&n) {
        // Exact: `n` is integral and within i64.
        #[allow(clippy::cast_possible_truncation)]
        let i = n as i64;
        Shape::Int(i)
    } else {
        Shape::Float(n)
    }
}

impl Input for Js<'_> {
    type Error = napi::Error;

    fn shape(&self) -> napi::Result<Shape<'_>> {
        let cx = self.call.cx;
        let value = match self.sent {
            Sent::Value(value) => value,
            Sent::NotPlain(value) => return self.object_shape(value, Some(false)),
            Sent::Members(..) | Sent::Keys(..) => return Ok(Shape::Object),
            Sent::Thrown(exception) => return Err(cx.throw(exception)),
        };
        Ok(match cx.type_of(value)? {
            Type::Undefined => Shape::Undefined,
            Type::Null => Shape::Null,
            Type::Boolean => Shape::Bool(cx.boolean(value)?),
            Type::Number => number(cx.number(value)?),
            Type::String => {
                let mut text = String::new();
                if cx.string_into(value, &mut text)? {
                    Shape::Str(Cow::Owned(text))
                } else {
                    Shape::Foreign(Foreign::LoneSurrogate)
                }
            }
            Type::Object => self.object_shape(value, None)?,
            Type::Function => Shape::Foreign(Foreign::Function),
            Type::Symbol => Shape::Foreign(Foreign::Symbol),
            Type::BigInt => Shape::Foreign(Foreign::BigInt),
            Type::External => Shape::Foreign(Foreign::Instance(String::new())),
        })
    }

    fn item(&self, index: usize) -> napi::Result<Self> {
        let cx = self.call.cx;
        let array = match self.sent {
            Sent::Value(value) | Sent::NotPlain(value) => value,
            // Objects: the core reads no items of them.
            Sent::Members(..) | Sent::Keys(..) | Sent::Thrown(_) => {
                return Ok(self.of(cx.undefined()?))
            }
        };
        let item = match u32::try_from(index) {
            Ok(index) => cx.element(array, index)?,
            // Beyond 2^32 − 1 only a Proxy reaches: index by a number key.
            #[allow(clippy::cast_precision_loss)]
            Err(_) => cx.property(array, cx.double(index as f64)?)?,
        };
        Ok(self.of(item))
    }

    fn entries(&self, visit: &mut Visit<'_, Self>) -> Result<(), Abort<Self::Error>> {
        let (call, cx) = (self.call, self.call.cx);
        let mut name = String::new();
        let (object, keys) = match self.sent {
            Sent::Members(pairs, thrown) => {
                for pair in pairs.chunks_exact(2) {
                    let (key, value) = (pair[0], pair[1]);
                    name.clear();
                    if !cx.string_into(key, &mut name).map_err(Abort::Host)? {
                        return Err(Abort::foreign(Foreign::LoneSurrogate));
                    }
                    visit(&name, self.of(value))?;
                }
                return match thrown {
                    Some(exception) => Err(Abort::Host(cx.throw(exception))),
                    None => Ok(()),
                };
            }
            Sent::Thrown(exception) => return Err(Abort::Host(cx.throw(exception))),
            Sent::Keys(keys, object) => (object, keys),
            Sent::Value(object) | Sent::NotPlain(object) => {
                let object_keys = call.builtin(Builtin::ObjectKeys).map_err(Abort::Host)?;
                let keys = cx
                    .call(object_keys, object_keys, &[object])
                    .map_err(Abort::Host)?;
                (object, keys)
            }
        };
        let count = cx.array_length(keys).map_err(Abort::Host)?;
        for index in 0..count {
            let key = cx.element(keys, index).map_err(Abort::Host)?;
            name.clear();
            if !cx.string_into(key, &mut name).map_err(Abort::Host)? {
                return Err(Abort::foreign(Foreign::LoneSurrogate));
            }
            let value = cx.property(object, key).map_err(Abort::Host)?;
            visit(&name, self.of(value))?;
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
        assert!(matches!(number(-3.0), Shape::Int(-3)));
        assert!(matches!(number(0.5), Shape::Float(f) if f == 0.5));
        assert!(matches!(number(9.3e18), Shape::Float(_)));
        assert!(matches!(
            number(-9_223_372_036_854_775_808.0),
            Shape::Int(i64::MIN)
        ));
        assert!(matches!(number(f64::NAN), Shape::Float(f) if f.is_nan()));
        assert!(matches!(number(f64::INFINITY), Shape::Float(_)));
    }
}
