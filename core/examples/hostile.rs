//! The Rust reference of the hostile-value catalogue (`tests/hostile/`):
//! builds each described host value as an [`Input`] that behaves as the
//! host's own value does (a `Date` is `Foreign::Date`, a throwing getter
//! raises when its member is read, `x = [x, x]` shares one child), runs the
//! call and writes one JSON line per case. Every runtime's runner writes the
//! same lines from values it constructs natively; `compare.py` checks them.
//!
//! ```text
//! cargo run --release -p regplan --example hostile -- tests/hostile/cases.json target/hostile/rust.jsonl
//! ```

#![allow(missing_docs, clippy::print_stdout)]

use std::borrow::Cow;
use std::io::Write;
use std::rc::Rc;

use regplan::input::Visit;
use regplan::{interop, Abort, Error, Failure, Foreign, Input, Shape};
use serde_json::{json, Map, Value};

/// A described host value. Children are shared (`Rc`), as references are in a host.
#[derive(Clone)]
struct Host(Rc<Node>);

enum Node {
    Json(Value),
    Float(f64),
    Undefined,
    Str(String),
    Foreign(Foreign),
    Array(Vec<Host>),
    /// `count` references to one item.
    Repeat(usize, Host),
    /// Arrays nested this deep around `1`.
    Nest(usize),
    /// A Proxy claiming `length` items, each `undefined`.
    ProxyArray(usize),
    Object(Vec<(String, Host)>),
    /// Members, then a getter `key` that throws `message` when read.
    Getter(Vec<(String, Host)>, String, String),
    /// A Proxy whose `ownKeys` trap throws.
    ThrowingKeys(String),
    /// A Python dict with keys of another type.
    NonStringKeys(String),
}

fn host(node: Node) -> Host {
    Host(Rc::new(node))
}

fn members(map: &Map<String, Value>) -> Vec<(String, Host)> {
    map.iter().map(|(k, v)| (k.clone(), build(v))).collect()
}

/// Builds a host value from its description (tests/hostile/README.md).
fn build(desc: &Value) -> Host {
    let constructor = match desc {
        Value::Object(map) if map.len() == 1 => map
            .iter()
            .next()
            .filter(|(k, _)| k.starts_with('$'))
            .map(|(k, v)| (k.as_str(), v)),
        _ => None,
    };
    let Some((name, arg)) = constructor else {
        return match desc {
            Value::Array(items) => host(Node::Array(items.iter().map(build).collect())),
            Value::Object(map) => host(Node::Object(members(map))),
            scalar => host(Node::Json(scalar.clone())),
        };
    };
    let number = |v: &Value| v.as_f64().unwrap_or(0.0);
    let count = |v: &Value| usize::try_from(v.as_u64().unwrap_or(0)).unwrap_or(0);
    let object = |v: &Value| v.as_object().map(members).unwrap_or_default();
    match name {
        "$nan" => host(Node::Float(f64::NAN)),
        "$inf" => host(Node::Float(number(arg) * f64::INFINITY)),
        "$neg_zero" => host(Node::Float(-0.0)),
        "$undefined" => host(Node::Undefined),
        "$units" => {
            let units: Vec<u16> = arg
                .as_array()
                .map(|a| {
                    a.iter()
                        .map(|u| u16::try_from(u.as_u64().unwrap_or(0)).unwrap_or(0))
                        .collect()
                })
                .unwrap_or_default();
            match String::from_utf16(&units) {
                Ok(s) => host(Node::Str(s)),
                Err(_) => host(Node::Foreign(Foreign::LoneSurrogate)),
            }
        }
        "$shared" => {
            let mut x = host(Node::Array(vec![build(&arg["leaf"])]));
            for _ in 0..count(&arg["depth"]) {
                x = host(Node::Array(vec![x.clone(), x]));
            }
            x
        }
        "$repeat" => host(Node::Repeat(count(&arg["count"]), build(&arg["item"]))),
        "$string" => {
            let piece = arg["repeat"].as_str().unwrap_or_default();
            host(Node::Str(piece.repeat(count(&arg["count"]))))
        }
        "$nest" => host(Node::Nest(count(arg))),
        "$date" => host(Node::Foreign(Foreign::Date)),
        "$map" => host(Node::Foreign(Foreign::Map)),
        "$set" => host(Node::Foreign(Foreign::Set)),
        "$bytes" => host(Node::Foreign(Foreign::Binary)),
        "$bigint" => host(Node::Foreign(Foreign::BigInt)),
        "$function" => host(Node::Foreign(Foreign::Function)),
        "$symbol" => host(Node::Foreign(Foreign::Symbol)),
        "$tuple" => host(Node::Foreign(Foreign::Tuple)),
        // A JS class instance has the tag `[object Object]`: no name is read.
        "$instance" => host(Node::Foreign(Foreign::Instance(String::new()))),
        "$py_object" => host(Node::Foreign(Foreign::Instance(
            arg.as_str().unwrap_or_default().to_owned(),
        ))),
        "$proxy_array" => host(Node::ProxyArray(count(&arg["length"]))),
        // Read through their (transparent) traps, or from another realm: plain objects.
        "$proxy_object" | "$other_realm" => host(Node::Object(object(arg))),
        "$throwing_getter" => host(Node::Getter(
            object(&arg["members"]),
            arg["key"].as_str().unwrap_or_default().to_owned(),
            arg["message"].as_str().unwrap_or_default().to_owned(),
        )),
        "$throwing_proxy" => host(Node::ThrowingKeys(
            arg["message"].as_str().unwrap_or_default().to_owned(),
        )),
        // Python reads an int subclass by its integer value, never its `__float__`.
        "$int_subclass" => host(Node::Json(arg.clone())),
        "$int_key" => host(Node::NonStringKeys("int".to_owned())),
        other => host(Node::Foreign(Foreign::Instance(format!("unknown {other}")))),
    }
}

impl Input for Host {
    type Error = String;

    fn shape(&self) -> Result<Shape<'_>, String> {
        Ok(match &*self.0 {
            Node::Json(Value::String(s)) => Shape::Str(Cow::Borrowed(s)),
            Node::Json(value) => match (&value).shape() {
                Ok(Shape::Int(i)) => Shape::Int(i),
                Ok(Shape::Float(f)) => Shape::Float(f),
                Ok(Shape::Bool(b)) => Shape::Bool(b),
                _ => Shape::Null,
            },
            Node::Float(f) => Shape::Float(*f),
            Node::Undefined => Shape::Undefined,
            Node::Str(s) => Shape::Str(Cow::Borrowed(s)),
            Node::Foreign(f) => Shape::Foreign(f.clone()),
            Node::Array(items) => Shape::Array(items.len()),
            Node::Repeat(count, _) => Shape::Array(*count),
            Node::Nest(_) => Shape::Array(1),
            Node::ProxyArray(len) => Shape::Array(*len),
            Node::Object(_) | Node::Getter(..) | Node::ThrowingKeys(_) | Node::NonStringKeys(_) => {
                Shape::Object
            }
        })
    }

    fn item(&self, index: usize) -> Result<Host, String> {
        Ok(match &*self.0 {
            Node::Array(items) => items
                .get(index)
                .cloned()
                .unwrap_or_else(|| host(Node::Undefined)),
            Node::Repeat(_, item) => item.clone(),
            Node::Nest(depth) if *depth > 1 => host(Node::Nest(depth - 1)),
            Node::Nest(_) => host(Node::Json(json!(1))),
            _ => host(Node::Undefined),
        })
    }

    fn entries(&self, visit: &mut Visit<'_, Host>) -> Result<(), Abort<String>> {
        match &*self.0 {
            Node::Object(members) => {
                for (key, value) in members {
                    visit(key, value.clone())?;
                }
            }
            Node::Getter(members, key, message) => {
                for (key, value) in members {
                    visit(key, value.clone())?;
                }
                let _ = key;
                return Err(Abort::Host(message.clone()));
            }
            Node::ThrowingKeys(message) => return Err(Abort::Host(message.clone())),
            Node::NonStringKeys(type_name) => {
                return Err(Abort::foreign(Foreign::NonStringKey(type_name.clone())))
            }
            _ => {}
        }
        Ok(())
    }
}

fn to_value<T: serde::Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

fn failure(failure: Failure<String>) -> Value {
    match failure {
        Failure::Api(error) => json!({"error": interop::error_value(&error)}),
        Failure::Host(message) => json!({"thrown": message}),
    }
}

fn run(case: &Value) -> Value {
    let op_desc = build(&case["op"]);
    let op = match interop::string_argument("op", &op_desc) {
        Ok(op) => op,
        Err(e) => return failure(e),
    };
    let input = build(&case["input"]);
    let outcome = match case["call"].as_str().unwrap_or_default() {
        "validate" => regplan::validate_with(&op, &input).map(|r| json!({"report": to_value(&r)})),
        "validate_field" => {
            let field = case["field"].as_str().unwrap_or_default();
            regplan::validate_field_with(&op, field, &input)
                .map(|r| json!({"report": to_value(&r)}))
        }
        "validate_many" => regplan::validate_many_with(&op, &input)
            .map(|reports| json!({"reports": to_value(&reports)})),
        "plan" => plan(&op, &input, &build(&case["options"])),
        other => Ok(json!({"error": format!("unknown call {other}")})),
    };
    outcome.unwrap_or_else(failure)
}

fn plan(op: &str, input: &Host, options: &Host) -> Result<Value, Failure<String>> {
    let (options, reveal) = interop::read_options(Some(options), None)?;
    match regplan::plan_with(op, input, &options) {
        Ok(request) => Ok(json!({"plan": interop::planned_value(&request, reveal)})),
        Err(Failure::Api(Error::Invalid(report))) => Ok(json!({"plan": {
            "ok": false,
            "errors": to_value(&report.errors),
            "warnings": to_value(&report.warnings),
        }})),
        Err(other) => Err(other),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(cases), Some(out)) = (args.first(), args.get(1)) else {
        return Err("usage: hostile CASES.json OUT.jsonl".into());
    };
    let cases: Value = serde_json::from_str(&std::fs::read_to_string(cases)?)?;
    if let Some(dir) = std::path::Path::new(out).parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(out)?);
    let mut count = 0;
    for case in cases["cases"].as_array().into_iter().flatten() {
        let line = json!({"name": case["name"], "result": run(case)});
        writeln!(out, "{line}")?;
        count += 1;
    }
    out.flush()?;
    println!("{count} hostile cases");
    Ok(())
}
