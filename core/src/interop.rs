//! One JSON-in, JSON-out surface for the bindings.
//!
//! The WebAssembly, Python and Node bindings call these functions and only
//! translate values between their host language and `serde_json::Value`, so
//! every rule, every message and every output shape lives here, once. The
//! differential test compares what each runtime gets from these functions.

use serde::Deserialize;
use serde_json::{json, Value};

use crate::{Credentials, Error, PlanOptions, Timestamp};

/// Options as the bindings take them: [`PlanOptions`] plus `reveal_secrets`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct BindingOptions {
    credentials: Option<Credentials>,
    base_url: Option<String>,
    timestamp: Option<Timestamp>,
    #[serde(default)]
    reveal_secrets: bool,
}

/// Every operation with its fields, constraints and sources.
#[must_use]
pub fn operations_value() -> Value {
    serde_json::to_value(crate::operations()).unwrap_or(Value::Null)
}

/// Every error and warning code, in declaration order.
#[must_use]
pub fn codes_value() -> Value {
    Value::from(
        crate::Code::ALL
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>(),
    )
}

/// `validate` as JSON: `{"valid", "errors", "warnings"}`.
///
/// # Errors
/// [`Error::UnknownOperation`].
pub fn validate_value(op: &str, input: &Value) -> Result<Value, Error> {
    Ok(serde_json::to_value(crate::validate(op, input)?).unwrap_or(Value::Null))
}

/// `validate_field` as JSON.
///
/// # Errors
/// [`Error::UnknownOperation`], [`Error::UnknownField`].
pub fn validate_field_value(op: &str, field: &str, value: &Value) -> Result<Value, Error> {
    Ok(serde_json::to_value(crate::validate_field(op, field, value)?).unwrap_or(Value::Null))
}

/// Parses binding options (`credentials`, `base_url`, `timestamp`,
/// `reveal_secrets`; `null` for none) into [`PlanOptions`] and the reveal flag.
///
/// # Errors
/// [`Error::InvalidOption`], whose message never repeats a value from the
/// options: a mistyped secret must not come back in an error.
pub fn plan_options(options: &Value) -> Result<(PlanOptions, bool), Error> {
    if options.is_null() {
        return Ok((PlanOptions::default(), false));
    }
    let parsed = BindingOptions::deserialize(options).map_err(|e| Error::InvalidOption {
        option: "options",
        reason: without_quoted_values(&e.to_string()),
    })?;
    let plan_options = PlanOptions {
        credentials: parsed.credentials,
        base_url: parsed.base_url,
        timestamp: parsed.timestamp,
    };
    Ok((plan_options, parsed.reveal_secrets))
}

/// serde quotes offending string values (`invalid type: string "s3cr3t"`);
/// keep the explanation, drop the value.
fn without_quoted_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut quoted = false;
    for ch in message.chars() {
        match (ch, quoted) {
            ('"', false) => {
                quoted = true;
                out.push_str("\"…\"");
            }
            ('"', true) => quoted = false,
            (_, false) => out.push(ch),
            (_, true) => {}
        }
    }
    out
}

/// `plan` as JSON. An invalid input is a result, not an error:
/// `{"ok": false, "errors": [...], "warnings": [...]}`; a valid one gives
/// `{"ok": true, "request": {...}, "curl": "..."}`, secrets masked unless
/// `options.reveal_secrets` is true.
///
/// # Errors
/// Misuse: unknown operation, options that do not parse (`invalid_option`),
/// missing or unusable credentials, missing timestamp.
pub fn plan_value(op: &str, input: &Value, options: &Value) -> Result<Value, Error> {
    let (plan_options, reveal) = plan_options(options)?;
    match crate::plan(op, input, &plan_options) {
        Ok(request) => Ok(json!({
            "ok": true,
            "request": serde_json::to_value(request.view(reveal)).unwrap_or(Value::Null),
            "curl": request.to_curl(reveal),
        })),
        Err(Error::Invalid(report)) => Ok(json!({
            "ok": false,
            "errors": serde_json::to_value(&report.errors).unwrap_or(Value::Null),
            "warnings": serde_json::to_value(&report.warnings).unwrap_or(Value::Null),
        })),
        Err(other) => Err(other),
    }
}

/// `schema` as JSON.
///
/// # Errors
/// [`Error::UnknownOperation`].
pub fn schema_value(op: &str) -> Result<Value, Error> {
    crate::schema(op)
}

/// An API error as JSON: `{"code", "message"}`; the bindings raise or throw it.
#[must_use]
pub fn error_value(error: &Error) -> Value {
    json!({"code": error.code(), "message": error.to_string()})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_input_is_a_result_and_misuse_is_an_error() {
        let bad = plan_value("gcore.registries.create", &json!({"name": 1}), &Value::Null)
            .unwrap_or_default();
        assert_eq!(bad["ok"], false);
        assert_eq!(bad["errors"][0]["code"], "required");
        let misuse = plan_value("nope", &json!({}), &Value::Null)
            .err()
            .map(|e| error_value(&e));
        assert_eq!(misuse.unwrap_or_default()["code"], "unknown_operation");
        let options = json!({"credentials": {"type": "api_key", "api_key": "k"}, "colour": 1});
        let unknown_option = plan_value("gcore.registries.create", &json!({}), &options).err();
        assert_eq!(unknown_option.map(|e| e.code()), Some("invalid_option"));
        // A bare secret where the credentials object goes is refused without being repeated.
        let bare = json!({"credentials": "s3cr3t-value"});
        let message = plan_options(&bare)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(message.contains("invalid type"), "{message}");
        assert!(!message.contains("s3cr3t"), "{message}");
    }

    #[test]
    fn request_keeps_header_order_and_masks_by_default() {
        let input = json!({"project_id": 1, "region_id": 2, "name": "reg"});
        let options = json!({"credentials": {"type": "api_key", "api_key": "s3cr3t"}});
        let planned = plan_value("gcore.registries.create", &input, &options).unwrap_or_default();
        let headers: Vec<&String> = planned["request"]["headers"]
            .as_object()
            .map(|h| h.keys().collect())
            .unwrap_or_default();
        assert_eq!(headers, ["Accept", "Authorization", "Content-Type"]);
        assert_eq!(planned["request"]["headers"]["Authorization"], "APIKey ***");
        let revealed = plan_value(
            "gcore.registries.create",
            &input,
            &json!({"credentials": {"type": "api_key", "api_key": "s3cr3t"}, "reveal_secrets": true}),
        )
        .unwrap_or_default();
        assert_eq!(
            revealed["request"]["headers"]["Authorization"],
            "APIKey s3cr3t"
        );
    }
}
