//! A host value model for `regplan::Input`: what a Python object or a
//! JavaScript value can be that JSON cannot (NaN, `undefined`, foreign
//! objects, shared references, Proxies that lie about their length,
//! getters and traps that throw), built from a JSON skeleton (with the
//! `$`-constructors of `tests/hostile/README.md`) and then reshaped by
//! `arbitrary` bytes: deepened, widened, shared, poisoned.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use arbitrary::{Result, Unstructured};
use regplan::input::Visit;
use regplan::{Abort, Foreign, Input, Shape};
use serde_json::{Map, Number, Value};

/// An owned, editable tree; `Shared` children are one value reached from
/// several places.
#[derive(Clone, Debug)]
pub enum Tree {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Array(Vec<Tree>),
    Object(Vec<(String, Tree)>),
    Shared(Rc<Tree>),
    Undefined,
    Foreign(Foreign),
    /// An array of `count` references to one item.
    Repeat(usize, Rc<Tree>),
    /// Arrays nested this deep around `1`, built lazily.
    Nest(usize),
    /// A Proxy claiming `length` items, each `undefined`.
    ProxyArray(usize),
    /// `shape()` itself throws (a Proxy `getPrototypeOf` trap).
    ThrowingShape(String),
    /// Members, then a getter that throws when enumeration reaches it.
    Getter(Vec<(String, Tree)>, String),
    /// An array whose item `at` throws when read.
    ThrowingItem(Vec<Tree>, usize, String),
    /// A Python dict with a key of another type.
    NonStringKey,
}

/// The readable value: `Rc` nodes, so sharing in the tree is sharing here.
#[derive(Clone)]
pub struct Host(Rc<Node>);

enum Node {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Array(Vec<Host>),
    Object(Vec<(String, Host)>),
    Undefined,
    Foreign(Foreign),
    Repeat(usize, Host),
    Nest(usize),
    ProxyArray(usize),
    ThrowingShape(String),
    Getter(Vec<(String, Host)>, String),
    ThrowingItem(Vec<Host>, usize, String),
    NonStringKey,
}

thread_local! {
    static CALLS: Cell<u64> = const { Cell::new(0) };
}

fn count() {
    CALLS.with(|c| c.set(c.get() + 1));
}

/// Host calls (`shape`, `item`, members visited) since the last reset.
pub fn calls() -> u64 {
    CALLS.with(Cell::get)
}

/// Starts counting host calls from zero.
pub fn reset_calls() {
    CALLS.with(|c| c.set(0));
}

impl Input for Host {
    type Error = String;

    fn shape(&self) -> std::result::Result<Shape<'_>, String> {
        count();
        Ok(match &*self.0 {
            Node::Null => Shape::Null,
            Node::Bool(b) => Shape::Bool(*b),
            Node::Int(i) => Shape::Int(*i),
            Node::Float(f) => Shape::Float(*f),
            Node::Str(s) => Shape::Str(Cow::Borrowed(s)),
            Node::Array(items) | Node::ThrowingItem(items, _, _) => Shape::Array(items.len()),
            Node::Object(_) | Node::Getter(..) | Node::NonStringKey => Shape::Object,
            Node::Undefined => Shape::Undefined,
            Node::Foreign(f) => Shape::Foreign(f.clone()),
            Node::Repeat(n, _) | Node::ProxyArray(n) => Shape::Array(*n),
            Node::Nest(_) => Shape::Array(1),
            Node::ThrowingShape(message) => return Err(message.clone()),
        })
    }

    fn item(&self, index: usize) -> std::result::Result<Host, String> {
        count();
        let undefined = || Host(Rc::new(Node::Undefined));
        Ok(match &*self.0 {
            Node::Array(items) => items.get(index).cloned().unwrap_or_else(undefined),
            Node::ThrowingItem(_, at, message) if *at == index => return Err(message.clone()),
            Node::ThrowingItem(items, _, _) => items.get(index).cloned().unwrap_or_else(undefined),
            Node::Repeat(_, item) => item.clone(),
            Node::Nest(depth) if *depth > 1 => Host(Rc::new(Node::Nest(depth - 1))),
            Node::Nest(_) => Host(Rc::new(Node::Int(1))),
            _ => undefined(),
        })
    }

    fn entries(&self, visit: &mut Visit<'_, Host>) -> std::result::Result<(), Abort<String>> {
        match &*self.0 {
            Node::Object(members) => {
                for (key, value) in members {
                    count();
                    visit(key, value.clone())?;
                }
            }
            Node::Getter(members, message) => {
                for (key, value) in members {
                    count();
                    visit(key, value.clone())?;
                }
                return Err(Abort::Host(message.clone()));
            }
            Node::NonStringKey => {
                return Err(Abort::foreign(Foreign::NonStringKey("int".to_owned())))
            }
            _ => {}
        }
        Ok(())
    }
}

/// Every message a host may throw starts with this.
pub const THROWN: &str = "thrown:";

impl Tree {
    /// A tree from a JSON skeleton; single-key objects whose key starts
    /// with `$` are the hostile catalogue's constructors.
    #[must_use]
    pub fn from_json(desc: &Value) -> Tree {
        if let Value::Object(map) = desc {
            if map.len() == 1 {
                if let Some((k, v)) = map.iter().next() {
                    if let Some(tree) = constructor(k, v) {
                        return tree;
                    }
                }
            }
        }
        match desc {
            Value::Null => Tree::Null,
            Value::Bool(b) => Tree::Bool(*b),
            Value::Number(n) => match n.as_i64() {
                Some(i) => Tree::Int(i),
                None if n.is_u64() => Tree::Int(i64::MAX),
                None => Tree::Float(n.as_f64().unwrap_or(0.0)),
            },
            Value::String(s) => Tree::Str(s.clone()),
            Value::Array(items) => Tree::Array(items.iter().map(Tree::from_json).collect()),
            Value::Object(map) => Tree::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), Tree::from_json(v)))
                    .collect(),
            ),
        }
    }

    /// The readable host value, sharing what the tree shares.
    #[must_use]
    pub fn host(&self) -> Host {
        self.host_memo(&mut HashMap::new())
    }

    fn host_memo(&self, memo: &mut HashMap<*const Tree, Host>) -> Host {
        let node = match self {
            Tree::Null => Node::Null,
            Tree::Bool(b) => Node::Bool(*b),
            Tree::Int(i) => Node::Int(*i),
            Tree::Float(f) => Node::Float(*f),
            Tree::Str(s) => Node::Str(s.clone()),
            Tree::Array(items) => Node::Array(items.iter().map(|t| t.host_memo(memo)).collect()),
            Tree::Object(members) => Node::Object(
                members
                    .iter()
                    .map(|(k, t)| (k.clone(), t.host_memo(memo)))
                    .collect(),
            ),
            Tree::Shared(rc) | Tree::Repeat(_, rc) => {
                let key = Rc::as_ptr(rc);
                let inner = match memo.get(&key) {
                    Some(h) => h.clone(),
                    None => {
                        let h = rc.host_memo(memo);
                        memo.insert(key, h.clone());
                        h
                    }
                };
                match self {
                    Tree::Repeat(n, _) => Node::Repeat(*n, inner),
                    _ => return inner,
                }
            }
            Tree::Undefined => Node::Undefined,
            Tree::Foreign(f) => Node::Foreign(f.clone()),
            Tree::Nest(n) => Node::Nest(*n),
            Tree::ProxyArray(n) => Node::ProxyArray(*n),
            Tree::ThrowingShape(m) => Node::ThrowingShape(m.clone()),
            Tree::Getter(members, m) => Node::Getter(
                members
                    .iter()
                    .map(|(k, t)| (k.clone(), t.host_memo(memo)))
                    .collect(),
                m.clone(),
            ),
            Tree::ThrowingItem(items, at, m) => Node::ThrowingItem(
                items.iter().map(|t| t.host_memo(memo)).collect(),
                *at,
                m.clone(),
            ),
            Tree::NonStringKey => Node::NonStringKey,
        };
        Host(Rc::new(node))
    }

    /// The `serde_json::Value` this tree stands for when it is plain JSON
    /// (`undefined` members dropped, as absent), expanded, if it expands
    /// to at most `budget` values and `depth` levels; `None` otherwise.
    #[must_use]
    pub fn to_json(&self, budget: &mut usize, depth: usize) -> Option<Value> {
        *budget = budget.checked_sub(1)?;
        let depth = depth.checked_sub(1)?;
        Some(match self {
            Tree::Null => Value::Null,
            Tree::Bool(b) => Value::Bool(*b),
            Tree::Int(i) => Value::from(*i),
            Tree::Float(f) => Value::Number(Number::from_f64(*f)?),
            Tree::Str(s) => Value::String(s.clone()),
            Tree::Array(items) => Value::Array(
                items
                    .iter()
                    .map(|t| t.to_json(budget, depth))
                    .collect::<Option<_>>()?,
            ),
            Tree::Object(members) => {
                let mut map = Map::new();
                // A host object has each key once: a repeated key is not
                // plain JSON, even when one of its values is `undefined`
                // (dropped below, it would hide which value the reader saw).
                let mut keys = std::collections::HashSet::new();
                if !members.iter().all(|(k, _)| keys.insert(k)) {
                    return None;
                }
                for (k, t) in members {
                    if matches!(t, Tree::Undefined) {
                        continue;
                    }
                    if let Tree::Shared(rc) = t {
                        if matches!(**rc, Tree::Undefined) {
                            continue;
                        }
                    }
                    map.insert(k.clone(), t.to_json(budget, depth)?);
                }
                Value::Object(map)
            }
            Tree::Shared(rc) => rc.to_json(budget, depth + 1)?,
            Tree::Repeat(n, rc) => {
                if *n > *budget {
                    return None;
                }
                let mut items = Vec::with_capacity(*n);
                for _ in 0..*n {
                    items.push(rc.to_json(budget, depth)?);
                }
                Value::Array(items)
            }
            Tree::Nest(n) => {
                if *n > depth {
                    return None;
                }
                let mut v = Value::from(1);
                for _ in 0..*n {
                    v = Value::Array(vec![v]);
                }
                v
            }
            _ => return None,
        })
    }

    /// How many nodes, counting each place (not each shared value once).
    fn places(&self) -> usize {
        1 + match self {
            Tree::Array(items) | Tree::ThrowingItem(items, _, _) => {
                items.iter().map(Tree::places).sum()
            }
            Tree::Object(members) | Tree::Getter(members, _) => {
                members.iter().map(|(_, t)| t.places()).sum()
            }
            _ => 0,
        }
    }

    /// The `n`th place in pre-order (not descending into shared values).
    fn nth(&mut self, n: usize) -> Option<&mut Tree> {
        let mut n = n;
        self.nth_inner(&mut n)
    }

    fn nth_inner(&mut self, n: &mut usize) -> Option<&mut Tree> {
        if *n == 0 {
            return Some(self);
        }
        *n -= 1;
        match self {
            Tree::Array(items) | Tree::ThrowingItem(items, _, _) => {
                for item in items {
                    if let Some(found) = item.nth_inner(n) {
                        return Some(found);
                    }
                }
                None
            }
            Tree::Object(members) | Tree::Getter(members, _) => {
                for (_, t) in members {
                    if let Some(found) = t.nth_inner(n) {
                        return Some(found);
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// Reshapes the tree as the bytes say, until they run out.
    pub fn decorate(&mut self, u: &mut Unstructured<'_>) -> Result<()> {
        let mut steps = 0;
        // Nesting added by reshaping stays in the low thousands: the trees
        // themselves are built and dropped recursively.
        let (mut deepened, mut doubled) = (0, 0);
        while !u.is_empty() && steps < 64 {
            steps += 1;
            let places = self.places();
            if places > 4096 {
                break;
            }
            let at = u.choose_index(places)?;
            let mut action: u8 = u.int_in_range(0..=17)?;
            if (action == 3 && doubled >= 2) || (action == 5 && deepened >= 2) {
                action = 17;
            }
            deepened += usize::from(action == 5);
            doubled += usize::from(action == 3);
            let Some(node) = self.nth(at) else { break };
            let old = std::mem::replace(node, Tree::Null);
            *node = match action {
                0 => Tree::Float(*u.choose(&[f64::NAN, f64::INFINITY, f64::NEG_INFINITY])?),
                1 => Tree::Undefined,
                2 => Tree::Foreign(foreign(u)?),
                // x = [x, x], k times: 2^k values reached through shared references.
                3 => {
                    let mut x = old;
                    for _ in 0..u.int_in_range(1..=40)? {
                        let rc = Rc::new(x);
                        x = Tree::Array(vec![Tree::Shared(rc.clone()), Tree::Shared(rc)]);
                    }
                    x
                }
                4 => Tree::Repeat(width(u)?, Rc::new(old)),
                5 => {
                    let mut x = old;
                    for _ in 0..u.int_in_range(1..=200)? {
                        x = if u.arbitrary()? {
                            Tree::Array(vec![x])
                        } else {
                            Tree::Object(vec![(key(u)?, x)])
                        };
                    }
                    x
                }
                6 => Tree::Nest(u.int_in_range(1..=2_000_000)?),
                7 => Tree::ThrowingShape(message(u)?),
                8 => match old {
                    Tree::Object(members) => Tree::Getter(members, message(u)?),
                    other => Tree::Getter(vec![(key(u)?, other)], message(u)?),
                },
                9 => match old {
                    Tree::Array(items) => {
                        let at = u.int_in_range(0..=items.len())?;
                        Tree::ThrowingItem(items, at, message(u)?)
                    }
                    other => Tree::ThrowingItem(vec![other], 0, message(u)?),
                },
                10 => Tree::NonStringKey,
                11 => Tree::ProxyArray(width(u)?),
                12 => arbitrary_tree(u, 4)?,
                13 => match old {
                    Tree::Object(mut members) => {
                        let at = u.int_in_range(0..=members.len())?;
                        members.insert(at, (key(u)?, arbitrary_tree(u, 3)?));
                        Tree::Object(members)
                    }
                    other => Tree::Object(vec![(key(u)?, other)]),
                },
                14 => Tree::Str(string(u)?),
                15 => number(u)?,
                16 => Tree::Foreign(Foreign::LoneSurrogate),
                // Share an earlier value here too.
                _ => {
                    let rc = Rc::new(old);
                    Tree::Array(vec![Tree::Shared(rc.clone()), Tree::Shared(rc)])
                }
            };
        }
        Ok(())
    }
}

fn constructor(name: &str, arg: &Value) -> Option<Tree> {
    let count = |v: &Value| usize::try_from(v.as_u64().unwrap_or(0)).unwrap_or(0);
    let members = |v: &Value| match Tree::from_json(v) {
        Tree::Object(m) => m,
        _ => Vec::new(),
    };
    Some(match name {
        "$nan" => Tree::Float(f64::NAN),
        "$inf" => Tree::Float(arg.as_f64().unwrap_or(1.0) * f64::INFINITY),
        "$neg_zero" => Tree::Float(-0.0),
        "$undefined" => Tree::Undefined,
        "$units" => {
            let units: Vec<u16> = arg
                .as_array()?
                .iter()
                .map(|u| u16::try_from(u.as_u64().unwrap_or(0)).unwrap_or(0))
                .collect();
            match String::from_utf16(&units) {
                Ok(s) => Tree::Str(s),
                Err(_) => Tree::Foreign(Foreign::LoneSurrogate),
            }
        }
        "$shared" => {
            let mut x = Tree::Array(vec![Tree::from_json(&arg["leaf"])]);
            for _ in 0..count(&arg["depth"]).min(64) {
                let rc = Rc::new(x);
                x = Tree::Array(vec![Tree::Shared(rc.clone()), Tree::Shared(rc)]);
            }
            x
        }
        // Sizes are capped for speed (the linear-time tests take the big
        // ones); the budget is still reached through `$shared` and reshaping.
        "$repeat" => Tree::Repeat(
            count(&arg["count"]).min(5000),
            Rc::new(Tree::from_json(&arg["item"])),
        ),
        "$string" => {
            let piece = arg["repeat"].as_str().unwrap_or_default();
            let n = count(&arg["count"]).min((64 << 10) / piece.len().max(1));
            Tree::Str(piece.repeat(n))
        }
        "$nest" => Tree::Nest(count(arg).min(4_000_000)),
        "$date" => Tree::Foreign(Foreign::Date),
        "$map" => Tree::Foreign(Foreign::Map),
        "$set" => Tree::Foreign(Foreign::Set),
        "$bytes" => Tree::Foreign(Foreign::Binary),
        "$bigint" => Tree::Foreign(Foreign::BigInt),
        "$function" => Tree::Foreign(Foreign::Function),
        "$symbol" => Tree::Foreign(Foreign::Symbol),
        "$tuple" => Tree::Foreign(Foreign::Tuple),
        "$instance" => Tree::Foreign(Foreign::Instance(String::new())),
        "$py_object" => Tree::Foreign(Foreign::Instance(arg.as_str()?.to_owned())),
        "$proxy_array" => Tree::ProxyArray(count(&arg["length"]).min(1 << 40)),
        "$proxy_object" | "$other_realm" => Tree::Object(members(arg)),
        "$throwing_getter" => {
            let mut m = members(&arg["members"]);
            let message = format!("{THROWN}{}", arg["message"].as_str().unwrap_or_default());
            if m.is_empty() {
                m.push(("x".to_owned(), Tree::Null));
            }
            Tree::Getter(m, message)
        }
        "$throwing_proxy" => Tree::ThrowingShape(format!(
            "{THROWN}{}",
            arg["message"].as_str().unwrap_or_default()
        )),
        "$int_subclass" => Tree::from_json(arg),
        "$int_key" => Tree::NonStringKey,
        _ => return None,
    })
}

fn foreign(u: &mut Unstructured<'_>) -> Result<Foreign> {
    Ok(match u.int_in_range(0..=14)? {
        0 => Foreign::NotFinite,
        1 => Foreign::LoneSurrogate,
        2 => Foreign::NonStringKey(u.arbitrary()?),
        3 => Foreign::Undefined,
        4 => Foreign::Tuple,
        5 => Foreign::Date,
        6 => Foreign::Map,
        7 => Foreign::Set,
        8 => Foreign::Binary,
        9 => Foreign::Function,
        10 => Foreign::Symbol,
        11 => Foreign::BigInt,
        12 => Foreign::TooDeep,
        13 => Foreign::TooManyValues,
        _ => Foreign::Instance(u.arbitrary()?),
    })
}

fn width(u: &mut Unstructured<'_>) -> Result<usize> {
    Ok(match u.int_in_range(0..=15)? {
        0..=9 => u.int_in_range(0..=64)?,
        10..=12 => u.int_in_range(0..=5000)?,
        13 => regplan::Budget::VALUES + u.int_in_range(0..=2)? - 1,
        _ => *u.choose(&[usize::MAX, 1 << 32, (1 << 31) - 1])?,
    })
}

fn message(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(format!("{THROWN}{}", u.arbitrary::<String>()?))
}

/// A key: a declared field name most of the time, so members match fields.
pub fn key(u: &mut Unstructured<'_>) -> Result<String> {
    if u.ratio(3, 4)? {
        Ok((*u.choose(crate::field_names())?).to_owned())
    } else {
        u.arbitrary()
    }
}

fn string(u: &mut Unstructured<'_>) -> Result<String> {
    Ok(match u.int_in_range(0..=3)? {
        0 => u.arbitrary()?,
        1 => (*u.choose(&[
            "",
            "a",
            "-",
            "..",
            "%2F",
            "a/b",
            "\u{0}",
            "\r\n",
            "\u{202e}",
            "\u{feff}x",
            "https://docker.io",
            "DOCKER_HUB",
            "ECR",
            "GITHUB_CR",
            "cn-north-4",
            "reg-home1",
            "sha256:0000000000000000000000000000000000000000000000000000000000000000",
        ])?)
        .to_owned(),
        2 => {
            let piece: String = u.arbitrary()?;
            piece.repeat(u.int_in_range(0..=300)?)
        }
        _ => "a".repeat(u.int_in_range(0..=300)?),
    })
}

fn number(u: &mut Unstructured<'_>) -> Result<Tree> {
    Ok(match u.int_in_range(0..=3)? {
        0 => Tree::Int(u.arbitrary()?),
        1 => Tree::Int(*u.choose(&[
            0,
            -1,
            1,
            5,
            1000,
            1001,
            i64::MIN,
            i64::MAX,
            (1 << 53) - 1,
            1 << 53,
            -(1 << 53),
        ])?),
        2 => Tree::Float(*u.choose(&[-0.0, 0.5, 5.0, 1e308, -1e308, 9.007_199_254_740_993e15])?),
        _ => Tree::Float(u.arbitrary()?),
    })
}

/// Any tree, `depth` levels at most.
pub fn arbitrary_tree(u: &mut Unstructured<'_>, depth: usize) -> Result<Tree> {
    let choices = if depth == 0 { 6 } else { 8 };
    Ok(match u.int_in_range(0..=choices)? {
        0 => Tree::Null,
        1 => Tree::Bool(u.arbitrary()?),
        2 | 3 => number(u)?,
        4 | 5 => Tree::Str(string(u)?),
        6 => Tree::Undefined,
        7 => {
            let n = u.int_in_range(0..=4)?;
            let mut items = Vec::with_capacity(n);
            for _ in 0..n {
                items.push(arbitrary_tree(u, depth - 1)?);
            }
            Tree::Array(items)
        }
        _ => {
            let n = u.int_in_range(0..=6)?;
            let mut members = Vec::with_capacity(n);
            for _ in 0..n {
                members.push((key(u)?, arbitrary_tree(u, depth - 1)?));
            }
            Tree::Object(members)
        }
    })
}
