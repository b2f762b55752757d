//! JSON Schema export (draft 2020-12, or draft-07), generated from the rule tables.
//!
//! What JSON Schema can say is said (types, bounds, lengths, patterns, enums,
//! per-kind requirements through an `if`/`then`/`else` chain); what it
//! cannot (URL parsing, JSON inside a string) stays in the validator and is
//! mentioned in the description. The agreement test in `tests/schema_agreement.rs` runs a JSON
//! Schema validator over every vector to keep both honest.
//!
//! The schemas are written for form generators (rjsf, JSONForms; issue 12):
//! every property has a `title`, a secret is `format: "password"` and
//! `writeOnly`, no `oneOf`/`anyOf` (generators render them as pickers), an
//! object whose properties depend on another field (Qovery's `config` per
//! `kind`) declares them in each `then` branch, and where a rule comes from is
//! the annotation `x-source`, not part of the description. Strict ajv needs to
//! be told of the two annotations: `keywords: ["x-source"]`,
//! `formats: { password: true }`.

use serde_json::{json, Map, Value};

use crate::spec::{
    CrossRule, DefaultValue, Field, FieldRule, Kind, Location, Operation, PerValue, Source,
};
use crate::validate::MAX_SAFE_INTEGER;

/// The JSON Schema dialect [`crate::schema_with`] writes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Draft {
    /// Draft 2020-12 (the default).
    #[default]
    Draft202012,
    /// Draft-07, the default of plain `ajv`, rjsf and JSONForms: the same
    /// schema with `dependentRequired` written as `dependencies`.
    Draft07,
}

impl Draft {
    /// The names the bindings and the CLI take: `"2020-12"`, `"draft-07"`.
    pub const NAMES: [&'static str; 2] = ["2020-12", "draft-07"];

    /// The draft of one of [`Draft::NAMES`].
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "2020-12" => Some(Self::Draft202012),
            "draft-07" => Some(Self::Draft07),
            _ => None,
        }
    }

    fn uri(self) -> &'static str {
        match self {
            Self::Draft202012 => "https://json-schema.org/draft/2020-12/schema",
            Self::Draft07 => "http://json-schema.org/draft-07/schema#",
        }
    }
}

pub(crate) fn operation_schema(op: &Operation, draft: Draft) -> Value {
    let mut schema = object_schema(op.fields);
    if let Value::Object(map) = &mut schema {
        let mut head = Map::new();
        head.insert("$schema".into(), json!(draft.uri()));
        head.insert("$id".into(), json!(format!("urn:regplan:{}", op.id)));
        head.insert("title".into(), json!(op.id));
        head.insert("description".into(), json!(op.summary));
        head.insert("x-source".into(), json!(source_text(&op.source)));
        head.append(map);
        // One `if`/`then`/`else` chain per declaration whose rules depend on
        // a field's value (Qovery's `kind`), at the root: not an `allOf` of
        // `if`/`then`s, since JSONForms renders a root with `allOf` as one
        // control it has no renderer for (a blank form). The cases of one
        // declaration are exclusive (one value each), so the chain says the
        // same; several declarations (none yet) would go in `allOf`.
        let per_value: Vec<Vec<Value>> = op
            .checks
            .iter()
            .filter_map(|check| match check.rule {
                CrossRule::PerValue(rules) => Some(per_value_schema(rules)),
                // A warning, not a constraint: nothing for JSON Schema to say.
                CrossRule::KnownValues(_) => None,
            })
            .collect();
        let branches: Vec<Value> = per_value.iter().flatten().cloned().collect();
        if !branches.is_empty() {
            keep_branch_properties_only(&mut head, &branches);
        }
        let mut chains: Vec<Value> = per_value.into_iter().filter_map(else_chain).collect();
        match (chains.pop(), chains.is_empty()) {
            (Some(Value::Object(chain)), true) => head.extend(chain),
            (Some(last), false) => {
                chains.push(last);
                head.insert("allOf".into(), Value::Array(chains));
            }
            _ => {}
        }
        *map = head;
    }
    if draft == Draft::Draft07 {
        to_draft_07(&mut schema);
    }
    schema
}

/// The branches as one `if`/`then`/`else` chain: each branch's `else` is the
/// next branch.
fn else_chain(branches: Vec<Value>) -> Option<Value> {
    branches
        .into_iter()
        .rev()
        .fold(None, |otherwise, mut branch| {
            if let (Some(otherwise), Value::Object(map)) = (otherwise, &mut branch) {
                map.insert("else".into(), otherwise);
            }
            Some(branch)
        })
}

/// A field whose properties the `then` branches declare (Qovery's `config`,
/// per `kind`) keeps only its type, title and annotations at the top, so a
/// form shows the properties of the chosen branch and no others. The
/// branches close the object (`additionalProperties: false`) themselves.
fn keep_branch_properties_only(root: &mut Map<String, Value>, branches: &[Value]) {
    let Some(Value::Object(properties)) = root.get_mut("properties") else {
        return;
    };
    for (name, property) in properties.iter_mut() {
        let key = name.replace('~', "~0").replace('/', "~1");
        let pointer = format!("/then/properties/{key}/properties");
        let declared_per_branch = branches.iter().any(|b| b.pointer(&pointer).is_some());
        if let (true, Value::Object(property)) = (declared_per_branch, property) {
            property.remove("properties");
            property.remove("required");
            property.remove("additionalProperties");
        }
    }
}

/// Draft-07 spells `dependentRequired` as `dependencies` (same arrays).
fn to_draft_07(value: &mut Value) {
    match value {
        Value::Object(map) => {
            if let Some(dependent) = map.remove("dependentRequired") {
                map.insert("dependencies".into(), dependent);
            }
            map.values_mut().for_each(to_draft_07);
        }
        Value::Array(items) => items.iter_mut().for_each(to_draft_07),
        _ => {}
    }
}

/// Provenance as `x-source` shows it: `document: location`.
pub(crate) fn source_text(source: &Source) -> String {
    format!("{}: {}", source.document, source.location)
}

/// A short title for a field, from its documented name (`project_id` →
/// "Project ID", `organizationId` → "Organization ID"): the provider's own
/// words, split and capitalised, with the acronyms they use in capitals.
pub(crate) fn label(name: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in name.chars() {
        if c == '_' || c == '-' || (c.is_ascii_uppercase() && !word.is_empty()) {
            if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
            if c == '_' || c == '-' {
                continue;
            }
        }
        word.push(c.to_ascii_lowercase());
    }
    if !word.is_empty() {
        words.push(word);
    }
    let mut out = String::new();
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match word.as_str() {
            "id" | "url" | "arn" | "json" | "gcp" | "ecr" | "cr" => {
                out.push_str(&word.to_ascii_uppercase())
            }
            _ if i == 0 => {
                let mut chars = word.chars();
                if let Some(first) = chars.next() {
                    out.push(first.to_ascii_uppercase());
                    out.push_str(chars.as_str());
                }
            }
            _ => out.push_str(word),
        }
    }
    out
}

/// One `if`/`then` per case of a [`PerValue`] declaration (chained by [`else_chain`]). Each branch
/// declares the case's own object properties (a form generator shows exactly
/// those) and closes the object; "exactly one group" is said with `not`
/// alone (no `oneOf`/`anyOf`, which generators render as pickers): some key
/// of some group is present, and no two keys of different groups are.
fn per_value_schema(rules: &PerValue) -> Vec<Value> {
    rules
        .cases
        .iter()
        .map(|case| {
            let mut then = Map::new();
            let mut object = Map::new();
            object.insert("type".into(), json!("object"));
            object.insert("title".into(), json!(label(rules.object)));
            object.insert("x-source".into(), json!(source_text(&case.source)));
            let allowed = case.allowed(rules.object_fields);
            let declared: Map<String, Value> = rules
                .object_fields
                .iter()
                .filter(|f| allowed.contains(&f.name))
                .map(|f| (f.name.to_owned(), field_schema(f)))
                .collect();
            object.insert("properties".into(), Value::Object(declared));
            object.insert("required".into(), json!(case.required));
            object.insert("additionalProperties".into(), json!(false));
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
                let all_absent: Map<String, Value> = case
                    .exactly_one
                    .iter()
                    .flat_map(|g| g.iter())
                    .map(|k| ((*k).to_owned(), json!(false)))
                    .collect();
                let mut exactly_one = vec![json!({"not": {"properties": all_absent}})];
                for (i, first) in case.exactly_one.iter().enumerate() {
                    for later in case.exactly_one.iter().skip(i + 1) {
                        for a in *first {
                            for b in *later {
                                exactly_one.push(json!({"not": {"required": [a, b]}}));
                            }
                        }
                    }
                }
                object.insert("allOf".into(), Value::Array(exactly_one));
            }
            let mut properties = Map::new();
            properties.insert(rules.object.into(), Value::Object(object));
            let mut required = Vec::new();
            for (name, rule) in case.fields {
                match rule {
                    FieldRule::FixedUrl(url) => {
                        properties.insert((*name).into(), json!({"const": url}));
                    }
                    FieldRule::Required => {
                        // Restated so that strict ajv sees the field declared where it is required.
                        properties.insert((*name).into(), json!({"type": "string"}));
                        required.push(*name);
                    }
                }
            }
            if !required.is_empty() {
                then.insert("required".into(), json!(required));
            }
            then.insert("properties".into(), Value::Object(properties));
            // In `then`: the chain's first branch sits at the root, which has its own `x-source`.
            then.insert("x-source".into(), json!(source_text(&case.source)));
            json!({
                "if": {"properties": {rules.discriminator: {"const": case.value}}, "required": [rules.discriminator]},
                "then": then,
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

/// A field's schema as a form shows it: constraints, title, description,
/// default, `x-source`; a secret as a write-only password.
pub(crate) fn field_schema(field: &Field) -> Value {
    let mut schema = kind_schema(&field.kind);
    if let Value::Object(map) = &mut schema {
        // The validator's `control_character` rule for values that route the request.
        let routes = matches!(field.location, Location::Path | Location::Endpoint);
        if routes && map.get("type") == Some(&json!("string")) && !map.contains_key("pattern") {
            map.insert("pattern".into(), json!(r"^[^\x00-\x1F\x7F-\x9F]*$"));
        }
        map.insert("title".into(), json!(label(field.name)));
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
            map.insert("format".into(), json!("password"));
            map.insert("writeOnly".into(), json!(true));
        }
        map.insert("x-source".into(), json!(source_text(&field.source)));
    }
    schema
}

fn kind_schema(kind: &Kind) -> Value {
    match kind {
        Kind::Integer(rule) => {
            // Without a documented bound, the safe-integer limit of the validator applies.
            let min = rule.min.unwrap_or(-MAX_SAFE_INTEGER);
            let max = rule.max.unwrap_or(MAX_SAFE_INTEGER);
            if rule.also.is_empty() {
                json!({"type": "integer", "minimum": min, "maximum": max})
            } else {
                // Values outside the range (Gcore's -1 = "indefinite") widen
                // the bounds a form's number input shows; the range holds for
                // every other value. No `anyOf`: generators render it as a picker.
                let low = rule.also.iter().fold(min, |low, &v| low.min(v));
                let high = rule.also.iter().fold(max, |high, &v| high.max(v));
                json!({
                    "type": "integer",
                    "minimum": low,
                    "maximum": high,
                    "if": {"not": {"enum": rule.also}},
                    "then": {"minimum": min, "maximum": max},
                })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_the_documented_names_in_words() {
        for (name, title) in [
            ("project_id", "Project ID"),
            ("organizationId", "Organization ID"),
            ("token_lifetime_seconds", "Token lifetime seconds"),
            ("role_arn", "Role ARN"),
            ("json_credentials", "JSON credentials"),
            ("gcp_credentials_type", "GCP credentials type"),
            ("url", "URL"),
            ("name", "Name"),
        ] {
            assert_eq!(label(name), title);
        }
    }

    #[test]
    fn draft_07_spells_dependent_required_as_dependencies() {
        fn count(value: &Value, key: &str) -> usize {
            match value {
                Value::Object(map) => {
                    usize::from(map.contains_key(key))
                        + map.values().map(|v| count(v, key)).sum::<usize>()
                }
                Value::Array(items) => items.iter().map(|v| count(v, key)).sum(),
                _ => 0,
            }
        }
        let latest = crate::schema_with("qovery.container_registries.create", Draft::Draft202012);
        let old = crate::schema_with("qovery.container_registries.create", Draft::Draft07);
        let (Ok(latest), Ok(old)) = (latest, old) else {
            panic!("qovery.container_registries.create has a schema");
        };
        assert_eq!(old["$schema"], "http://json-schema.org/draft-07/schema#");
        assert_eq!(count(&old, "dependentRequired"), 0);
        assert!(count(&latest, "dependentRequired") > 0);
        assert_eq!(
            count(&old, "dependencies"),
            count(&latest, "dependentRequired")
        );
        assert_eq!(Draft::from_name("draft-07"), Some(Draft::Draft07));
        assert_eq!(Draft::from_name("draft-04"), None);
    }
}
