//! JSON Schema (draft 2020-12) export, generated from the rule tables.
//!
//! What JSON Schema can say is said (types, bounds, lengths, patterns, enums,
//! per-kind requirements through `if`/`then`); what it cannot (URL parsing,
//! JSON inside a string) stays in the validator and is mentioned in the
//! description. The agreement test in `tests/schema_agreement.rs` runs a JSON
//! Schema validator over every vector to keep both honest.

use serde_json::{json, Map, Value};

use crate::spec::{CrossRule, DefaultValue, Field, FieldRule, Kind, Location, Operation, PerValue};
use crate::validate::MAX_SAFE_INTEGER;

pub(crate) fn operation_schema(op: &Operation) -> Value {
    let mut schema = object_schema(op.fields);
    if let Value::Object(map) = &mut schema {
        let mut head = Map::new();
        head.insert(
            "$schema".into(),
            json!("https://json-schema.org/draft/2020-12/schema"),
        );
        head.insert("$id".into(), json!(format!("urn:regplan:{}", op.id)));
        head.insert("title".into(), json!(op.id));
        head.insert("description".into(), json!(op.summary));
        head.append(map);
        let all_of: Vec<Value> = op
            .checks
            .iter()
            .flat_map(|check| match check.rule {
                CrossRule::PerValue(rules) => per_value_schema(rules),
                // A warning, not a constraint: nothing for JSON Schema to say.
                CrossRule::KnownValues(_) => Vec::new(),
            })
            .collect();
        if !all_of.is_empty() {
            head.insert("allOf".into(), Value::Array(all_of));
        }
        *map = head;
    }
    schema
}

/// One `if`/`then` per case of a [`PerValue`] declaration.
fn per_value_schema(rules: &PerValue) -> Vec<Value> {
    rules
        .cases
        .iter()
        .map(|case| {
            let mut then = Map::new();
            let mut object = Map::new();
            object.insert("required".into(), json!(case.required));
            object.insert(
                "propertyNames".into(),
                json!({"enum": case.allowed(rules.object_fields)}),
            );
            let mut dependent = Map::new();
            for group in case.groups() {
                for key in group {
                    let others: Vec<&str> = group.iter().copied().filter(|k| k != key).collect();
                    if !others.is_empty() {
                        dependent.insert((*key).into(), json!(others));
                    }
                }
            }
            if !dependent.is_empty() {
                object.insert("dependentRequired".into(), Value::Object(dependent));
            }
            if !case.exactly_one.is_empty() {
                let one_of: Vec<Value> = case
                    .exactly_one
                    .iter()
                    .map(|g| json!({"anyOf": g.iter().map(|k| json!({"required": [k]})).collect::<Vec<_>>()}))
                    .collect();
                object.insert("oneOf".into(), Value::Array(one_of));
            }
            let mut properties = Map::new();
            properties.insert(rules.object.into(), Value::Object(object));
            let mut required = Vec::new();
            for (name, rule) in case.fields {
                match rule {
                    FieldRule::FixedUrl(url) => {
                        properties.insert((*name).into(), json!({"const": url}));
                    }
                    FieldRule::Required => required.push(*name),
                }
            }
            if !required.is_empty() {
                then.insert("required".into(), json!(required));
            }
            then.insert("properties".into(), Value::Object(properties));
            json!({
                "if": {"properties": {rules.discriminator: {"const": case.value}}, "required": [rules.discriminator]},
                "then": then,
                "description": format!("{}: {}", case.source.document, case.source.location),
            })
        })
        .collect()
}

fn object_schema(fields: &[Field]) -> Value {
    let mut properties = Map::new();
    for field in fields {
        properties.insert(field.name.into(), field_schema(field));
    }
    let required: Vec<&str> = fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.name)
        .collect();
    json!({
        "type": "object",
        "properties": properties,
        "required": required,
        "additionalProperties": false,
    })
}

fn field_schema(field: &Field) -> Value {
    let mut schema = kind_schema(&field.kind);
    if let Value::Object(map) = &mut schema {
        // The validator's `control_character` rule for values that route the request.
        let routes = matches!(field.location, Location::Path | Location::Endpoint);
        if routes && map.get("type") == Some(&json!("string")) && !map.contains_key("pattern") {
            map.insert("pattern".into(), json!(r"^[^\x00-\x1F\x7F-\x9F]*$"));
        }
        map.insert("description".into(), json!(field.description));
        match field.default {
            Some(DefaultValue::Integer(i)) => {
                map.insert("default".into(), json!(i));
            }
            Some(DefaultValue::Text(text)) => {
                map.insert("default".into(), json!(text));
            }
            _ => {}
        }
        if field.secret {
            map.insert("writeOnly".into(), json!(true));
        }
    }
    schema
}

fn kind_schema(kind: &Kind) -> Value {
    match kind {
        Kind::Integer(rule) => {
            let mut range = Map::new();
            range.insert("type".into(), json!("integer"));
            // Without a documented bound, the safe-integer limit of the validator applies.
            range.insert(
                "minimum".into(),
                json!(rule.min.unwrap_or(-MAX_SAFE_INTEGER)),
            );
            range.insert(
                "maximum".into(),
                json!(rule.max.unwrap_or(MAX_SAFE_INTEGER)),
            );
            if rule.also.is_empty() {
                Value::Object(range)
            } else {
                let mut any_of: Vec<Value> =
                    rule.also.iter().map(|v| json!({"const": v})).collect();
                any_of.push(Value::Object(range));
                json!({"type": "integer", "anyOf": any_of})
            }
        }
        Kind::String(rule) => {
            let mut map = Map::new();
            map.insert("type".into(), json!("string"));
            if let Some(min) = rule.min_len {
                map.insert("minLength".into(), json!(min));
            }
            if let Some(max) = rule.max_len {
                map.insert("maxLength".into(), json!(max));
            }
            if let Some(pattern) = rule.pattern {
                map.insert("pattern".into(), json!(pattern.source));
            }
            Value::Object(map)
        }
        Kind::Boolean => json!({"type": "boolean"}),
        Kind::Enum(rule) => json!({"type": "string", "enum": rule.values}),
        Kind::Object(rule) => object_schema(rule.fields),
        Kind::Array(rule) => {
            let mut map = Map::new();
            map.insert("type".into(), json!("array"));
            map.insert("items".into(), kind_schema(&rule.items));
            if let Some(min) = rule.min_items {
                map.insert("minItems".into(), json!(min));
            }
            if let Some(max) = rule.max_items {
                map.insert("maxItems".into(), json!(max));
            }
            Value::Object(map)
        }
    }
}
