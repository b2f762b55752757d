//! One JSON-in, JSON-out surface for the bindings.
//!
//! The WebAssembly, Python and Node bindings call these functions and only
//! translate values between their host language and `serde_json::Value`, so
//! every rule, every message and every output shape lives here, once. The
//! differential test compares what each runtime gets from these functions.

use serde_json::{json, Value};

use crate::input::{self, Budget, Input, Shape};
use crate::secret::{CredentialType, ACCESS_KEY, API_KEY, BEARER, CREDENTIAL_TYPES, TOKEN};
use crate::{Credentials, Draft, Error, Failure, PlanOptions, Timestamp};

/// Every operation with its fields, constraints and sources, and what a
/// form needs of each field: `label`, `help` (the provider's description),
/// `input` (`text`, `password`, `number`, `select`, `checkbox`, `list`,
/// `group`) and, for a field that only some values of a discriminator use
/// (Qovery's `config` keys per `kind`), `kinds` (where it belongs) and
/// `required_for` (where it must be set).
#[must_use]
pub fn operations_value() -> Value {
    let mut value = serde_json::to_value(crate::operations()).unwrap_or(Value::Null);
    if let Value::Array(ops) = &mut value {
        for (op, json) in crate::operations().iter().zip(ops) {
            if let Some(Value::Array(fields)) = json.get_mut("fields") {
                annotate_fields(op.fields, fields);
            }
        }
    }
    value
}

fn annotate_fields(fields: &[crate::Field], json: &mut [Value]) {
    for (field, json) in fields.iter().zip(json) {
        let Value::Object(map) = json else { continue };
        map.insert("label".into(), json!(crate::schema::label(field.name)));
        map.insert("help".into(), json!(field.description));
        map.insert("input".into(), json!(input_kind(field)));
        if let Some((kinds, required_for)) = crate::providers::kinds_of(field) {
            map.insert("kinds".into(), json!(kinds));
            map.insert("required_for".into(), json!(required_for));
        }
        let nested = match &field.kind {
            crate::Kind::Object(rule) => Some(rule.fields),
            crate::Kind::Array(rule) => match &rule.items {
                crate::Kind::Object(rule) => Some(rule.fields),
                _ => None,
            },
            _ => None,
        };
        // An object's fields are at `type.fields`, an array of objects' at `type.items.fields`.
        let nested_json = map.get_mut("type").and_then(|t| {
            if t.get("fields").is_some() {
                t.get_mut("fields")
            } else {
                t.get_mut("items").and_then(|i| i.get_mut("fields"))
            }
        });
        if let (Some(nested), Some(Value::Array(nested_json))) = (nested, nested_json) {
            annotate_fields(nested, nested_json);
        }
    }
}

/// The control a form shows for a field.
fn input_kind(field: &crate::Field) -> &'static str {
    match &field.kind {
        crate::Kind::String(_) if field.secret => "password",
        crate::Kind::String(_) => "text",
        crate::Kind::Integer(_) => "number",
        crate::Kind::Boolean => "checkbox",
        crate::Kind::Enum(_) => "select",
        crate::Kind::Array(_) => "list",
        crate::Kind::Object(_) => "group",
    }
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

/// Reads a string argument (`op`, `field`) of a binding call.
///
/// # Errors
/// [`Error::InvalidArgument`] naming the argument and what it was instead
/// (never its value), or the host's exception.
pub fn string_argument<I: Input>(
    name: &'static str,
    value: &I,
) -> Result<String, Failure<I::Error>> {
    let what = match value.shape().map_err(Failure::Host)? {
        Shape::Str(s) => return Ok(s.into_owned()),
        Shape::Foreign(input::Foreign::LoneSurrogate) => "a string with a lone surrogate",
        Shape::Foreign(_) => "a value without JSON form",
        shape => crate::validate::type_name(&shape),
    };
    Err(Failure::Api(Error::InvalidArgument {
        argument: name,
        expected: "a string",
        got: what,
    }))
}

/// Most values read from `plan`'s options: a handful in practice.
const OPTION_VALUES: usize = 1_000;

/// Reads `plan`'s options from a host value (absent, `undefined` or `null`
/// for none) and fills in the signing time `now` (epoch milliseconds) when
/// the caller gave no `timestamp` member; an explicit `timestamp: null`
/// keeps the clock out (signed requests then fail with `missing_timestamp`).
///
/// # Errors
/// [`Error::InvalidOption`] (a value without JSON form included, whose place
/// is not shown: keys of options may be pasted secrets), or the host's exception.
pub fn read_options<I: Input>(
    options: Option<&I>,
    now: Option<i64>,
) -> Result<(PlanOptions, bool), Failure<I::Error>> {
    let mut value = options_json(options)?;
    if let Some(now) = now {
        if value.is_null() {
            value = Value::Object(serde_json::Map::new());
        }
        if let Value::Object(map) = &mut value {
            map.entry("timestamp").or_insert_with(|| Value::from(now));
        }
    }
    plan_options(&value).map_err(Failure::Api)
}

/// Options as JSON (absent for none), within [`OPTION_VALUES`]; a value
/// without JSON form is refused without showing where it is. An array comes
/// back empty: the parsers refuse it for its type, whatever its size.
fn options_json<I: Input>(options: Option<&I>) -> Result<Value, Failure<I::Error>> {
    let Some(options) = options else {
        return Ok(Value::Null);
    };
    if matches!(options.shape(), Ok(input::Shape::Array(_))) {
        return Ok(Value::Array(Vec::new()));
    }
    match input::to_json(options, &mut Budget::of(OPTION_VALUES)) {
        Ok(value) => Ok(value),
        Err(input::Abort::Host(e)) => Err(Failure::Host(e)),
        Err(input::Abort::Unsupported(input::Foreign::TooManyValues, _)) => Err(Failure::Api(Error::InvalidOption {
            option: "options",
            reason: format!(
                "holds more than {OPTION_VALUES} values (a shared reference counts each time it is reached)"
            ),
        })),
        Err(input::Abort::Unsupported(foreign, _)) => Err(Failure::Api(Error::InvalidOption {
            option: "options",
            reason: format!("holds a value without JSON form: {}", foreign.message()),
        })),
    }
}

/// The members the options of `validate` and `validateMany` may have.
pub const VALIDATE_OPTION_NAMES: &[&str] = &["form"];

/// The members the options of `validateField` may have.
pub const FIELD_OPTION_NAMES: &[&str] = &["form", "input"];

/// Reads the options of `validate`, `validateMany` (`{form}`) or, with
/// `with_input`, `validateField` (`{form, input}`) from a host value
/// (absent, `undefined` or `null` for none). `input`, the whole current
/// form value, is handed back as the host value it is, unread: the core
/// reads it as an input. A member that is `undefined` or `null` is absent.
///
/// # Errors
/// [`Error::InvalidOption`] for a member of the wrong type or an unknown
/// one (the known names listed, the unknown one not shown), or the host's exception.
pub fn read_validate_options<I: Input>(
    options: Option<&I>,
    with_input: bool,
) -> Result<(crate::ValidateOptions, Option<I>), Failure<I::Error>> {
    let invalid = |option: &'static str, reason: String| {
        Failure::Api(Error::InvalidOption { option, reason })
    };
    let mut form = None;
    let mut whole = None;
    let mut unknown = false;
    if let Some(options) = options {
        match options.shape().map_err(Failure::Host)? {
            Shape::Undefined | Shape::Null => {}
            Shape::Object => {
                let walked = options.entries(&mut |key, member| {
                    match key {
                        "form" => form = Some(member),
                        "input" if with_input => whole = Some(member),
                        // An `undefined` member is absent; the name is not shown
                        // (a pasted secret can land where a key goes).
                        _ => unknown |= !matches!(member.shape(), Ok(Shape::Undefined)),
                    }
                    Ok(())
                });
                match walked {
                    Ok(()) => {}
                    Err(input::Abort::Host(e)) => return Err(Failure::Host(e)),
                    Err(input::Abort::Unsupported(foreign, _)) => {
                        let reason =
                            format!("holds a value without JSON form: {}", foreign.message());
                        return Err(invalid("options", reason));
                    }
                }
            }
            other => {
                let reason = format!(
                    "must be an object, not {}",
                    crate::validate::type_name(&other)
                );
                return Err(invalid("options", reason));
            }
        }
    }
    if unknown {
        return Err(Failure::Api(unknown_member(if with_input {
            FIELD_OPTION_NAMES
        } else {
            VALIDATE_OPTION_NAMES
        })));
    }
    let form = match form
        .as_ref()
        .map(Input::shape)
        .transpose()
        .map_err(Failure::Host)?
    {
        None | Some(Shape::Undefined | Shape::Null) => false,
        Some(Shape::Bool(b)) => b,
        Some(other) => {
            let got = crate::validate::type_name(&other);
            return Err(Failure::Api(not_a_flag("form", got)));
        }
    };
    // `null` or `undefined` for no input.
    let whole = match whole {
        Some(member) if matches!(member.shape(), Ok(Shape::Undefined | Shape::Null)) => None,
        other => other,
    };
    Ok((crate::ValidateOptions { form }, whole))
}

/// Reads `schema`'s options from a host value (absent, `undefined` or
/// `null` for none): `{draft: "2020-12" | "draft-07"}`.
///
/// # Errors
/// [`Error::InvalidOption`], or the host's exception.
pub fn read_schema_options<I: Input>(options: Option<&I>) -> Result<Draft, Failure<I::Error>> {
    schema_options(&options_json(options)?).map_err(Failure::Api)
}

/// Parses `schema`'s options (`{"draft": "2020-12" | "draft-07"}`; `null`
/// or an absent member for the default).
///
/// # Errors
/// [`Error::InvalidOption`].
pub fn schema_options(options: &Value) -> Result<Draft, Error> {
    let invalid = |option: &'static str, reason: String| Error::InvalidOption { option, reason };
    let map = match options {
        Value::Null => return Ok(Draft::default()),
        Value::Object(map) => map,
        other => {
            return Err(invalid(
                "options",
                format!("must be an object, not {}", type_of(other)),
            ))
        }
    };
    if map.keys().any(|k| k != "draft") {
        return Err(invalid(
            "options",
            "has an unknown member; known: draft".to_owned(),
        ));
    }
    match map.get("draft") {
        None | Some(Value::Null) => Ok(Draft::default()),
        Some(Value::String(name)) => Draft::from_name(name).ok_or_else(|| {
            invalid(
                "draft",
                format!("must be one of {}", Draft::NAMES.join(", ")),
            )
        }),
        Some(other) => Err(invalid(
            "draft",
            format!("must be a string, not {}", type_of(other)),
        )),
    }
}

/// The members `plan`'s options may have.
pub const OPTION_NAMES: &[&str] = &[
    "credentials",
    "base_url",
    "timestamp",
    "reveal_secrets",
    "preview",
    "form",
];

/// Parses binding options (`credentials`, `base_url`, `timestamp`,
/// `reveal_secrets`, `preview`, `form`; `null` or absent members for none) into
/// [`PlanOptions`] and the reveal flag.
///
/// Parsed by hand rather than by serde: serde's messages quote the offending
/// value (`invalid type: string "s3cr3t"`), and a mistyped secret must never
/// come back in an error. Messages here name members and JSON types only.
///
/// # Errors
/// [`Error::InvalidOption`].
pub fn plan_options(options: &Value) -> Result<(PlanOptions, bool), Error> {
    let invalid = |option: &'static str, reason: String| Error::InvalidOption { option, reason };
    let map = match options {
        Value::Null => return Ok((PlanOptions::default(), false)),
        Value::Object(map) => map,
        other => {
            return Err(invalid(
                "options",
                format!("must be an object, not {}", type_of(other)),
            ))
        }
    };
    // The unknown name is not shown: a pasted secret can land where a key goes.
    if map.keys().any(|k| !OPTION_NAMES.contains(&k.as_str())) {
        return Err(unknown_member(OPTION_NAMES));
    }
    let credentials = match map.get("credentials") {
        None | Some(Value::Null) => None,
        Some(value) => Some(credentials(value)?),
    };
    let base_url = match map.get("base_url") {
        None | Some(Value::Null) => None,
        Some(Value::String(url)) => Some(url.clone()),
        Some(other) => {
            return Err(invalid(
                "base_url",
                format!("must be a string, not {}", type_of(other)),
            ))
        }
    };
    let timestamp = match map.get("timestamp") {
        None | Some(Value::Null) => None,
        Some(value) => Some(timestamp(value)?),
    };
    let reveal = match map.get("reveal_secrets") {
        None | Some(Value::Null) => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            return Err(invalid(
                "reveal_secrets",
                format!("must be true or false, not {}", type_of(other)),
            ))
        }
    };
    let preview = flag(map, "preview")?;
    let form = flag(map, "form")?;
    let options = PlanOptions {
        credentials,
        base_url,
        timestamp,
        preview,
        form,
    };
    Ok((options, reveal))
}

/// A `true`/`false` option member (`null` or absent for `false`).
fn flag(map: &serde_json::Map<String, Value>, name: &'static str) -> Result<bool, Error> {
    match map.get(name) {
        None | Some(Value::Null) => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(other) => Err(not_a_flag(name, type_of(other))),
    }
}

fn not_a_flag(option: &'static str, got: &str) -> Error {
    Error::InvalidOption {
        option,
        reason: format!("must be true or false, not {got}"),
    }
}

/// The `invalid_option` error of an options object with an unknown member
/// (not named: a pasted secret can land where a key goes).
fn unknown_member(known: &[&str]) -> Error {
    Error::InvalidOption {
        option: "options",
        reason: format!("has an unknown member; known: {}", known.join(", ")),
    }
}

/// The JSON type of an option value, in words (never the value).
fn type_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) fn credentials(value: &Value) -> Result<Credentials, Error> {
    let invalid = |reason: String| Error::InvalidOption {
        option: "credentials",
        reason,
    };
    let Value::Object(map) = value else {
        return Err(invalid(format!(
            "must be an object such as {{\"type\": \"api_key\", \"api_key\": \"...\"}}, not {}",
            type_of(value)
        )));
    };
    let kind = match map.get("type") {
        Some(Value::String(kind)) => kind.as_str(),
        _ => "",
    };
    let Some(declared) = CREDENTIAL_TYPES.iter().find(|t| t.name == kind) else {
        return Err(invalid(format!(
            "`type` must be one of {}",
            CREDENTIAL_TYPES
                .iter()
                .map(|t| t.name)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    };
    let (required, optional) = (declared.required, declared.optional);
    let known = |k: &str| k == "type" || required.contains(&k) || optional.contains(&k);
    if !map.keys().all(|k| known(k)) {
        return Err(invalid(format!(
            "of type {kind} have an unknown member; expected {}",
            required
                .iter()
                .chain(optional)
                .copied()
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let text = |name: &'static str| -> Result<Option<String>, Error> {
        match map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(invalid(format!(
                "`{name}` must be a string, not {}",
                type_of(other)
            ))),
        }
    };
    let read = |name: &'static str| -> Result<String, Error> {
        text(name)?.ok_or_else(|| invalid(format!("of type {kind} need `{name}`")))
    };
    // The declaration picks the variant: no type name is spelled twice.
    let is = |other: &CredentialType| std::ptr::eq(*declared, other);
    Ok(if is(&API_KEY) {
        Credentials::ApiKey {
            api_key: read("api_key")?.into(),
        }
    } else if is(&TOKEN) {
        Credentials::Token {
            token: read("token")?.into(),
        }
    } else if is(&BEARER) {
        Credentials::Bearer {
            token: read("token")?.into(),
        }
    } else if is(&ACCESS_KEY) {
        Credentials::AccessKey {
            access_key: read("access_key")?,
            secret_key: read("secret_key")?.into(),
            project_id: text("project_id")?,
        }
    } else {
        // The last of CREDENTIAL_TYPES (the `every_type_is_parsed_as_itself` test).
        Credentials::IamToken {
            token: read("token")?.into(),
        }
    })
}

fn timestamp(value: &Value) -> Result<Timestamp, Error> {
    let invalid = |reason: String| Error::InvalidOption {
        option: "timestamp",
        reason,
    };
    match value {
        Value::String(text) => {
            Timestamp::parse_rfc3339(text).map_err(|why| invalid(why.to_owned()))
        }
        Value::Number(n) => {
            let millis = n.as_i64().or_else(|| {
                n.as_f64()
                    .filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15)
                    // Exact: the bound keeps the value within i64 and f64's integers.
                    .map(|f| {
                        #[allow(clippy::cast_possible_truncation)]
                        let whole = f as i64;
                        whole
                    })
            });
            match millis {
                Some(ms) => Timestamp::from_millis(ms)
                    .ok_or_else(|| invalid("is outside years 1 to 9999".to_owned())),
                None => Err(invalid("must be whole epoch milliseconds".to_owned())),
            }
        }
        other => Err(invalid(format!(
            "must be epoch milliseconds or an RFC 3339 date-time string, not {}",
            type_of(other)
        ))),
    }
}

/// `plan` as JSON. An invalid input is a result, not an error:
/// `{"ok": false, "errors": [...], "warnings": [...]}`; a valid one gives
/// `{"ok": true, "request": {...}, "curl": "..."}`. The request carries the
/// real header and body values (it is what gets sent); only `curl`, a
/// rendering for people, masks secrets unless `options.reveal_secrets`.
///
/// # Errors
/// Misuse: unknown operation, options that do not parse (`invalid_option`),
/// missing or unusable credentials, missing timestamp.
pub fn plan_value(op: &str, input: &Value, options: &Value) -> Result<Value, Error> {
    let (plan_options, reveal) = plan_options(options)?;
    match crate::plan(op, input, &plan_options) {
        Ok(request) => Ok(planned_value(&request, reveal)),
        Err(Error::Invalid(report)) => Ok(json!({
            "ok": false,
            "errors": serde_json::to_value(&report.errors).unwrap_or(Value::Null),
            "warnings": serde_json::to_value(&report.warnings).unwrap_or(Value::Null),
        })),
        Err(other) => Err(other),
    }
}

/// A planned request as JSON: `{"ok": true, "request": {...real values},
/// "curl": "..."}`, the curl command masked unless `reveal`.
#[must_use]
pub fn planned_value(request: &crate::Request, reveal: bool) -> Value {
    json!({
        "ok": true,
        "request": serde_json::to_value(request.view(true)).unwrap_or(Value::Null),
        "curl": request.to_curl(reveal),
    })
}

/// Credentials as the JSON object `plan` takes (`{"type": "api_key",
/// "api_key": "…"}`), each secret member masked as `***` unless `reveal`:
/// what `credentials_from_env` hands to a binding (the real object to pass
/// on, the masked one for `repr`/`inspect`).
#[must_use]
pub fn credentials_value(credentials: &Credentials, reveal: bool) -> Value {
    let secret = |s: &crate::Secret| -> Value {
        if reveal {
            s.expose().into()
        } else {
            crate::MASK.into()
        }
    };
    match credentials {
        Credentials::ApiKey { api_key } => json!({"type": "api_key", "api_key": secret(api_key)}),
        Credentials::Token { token } => json!({"type": "token", "token": secret(token)}),
        Credentials::Bearer { token } => json!({"type": "bearer", "token": secret(token)}),
        Credentials::AccessKey {
            access_key,
            secret_key,
            project_id,
        } => {
            let mut value = json!({"type": "access_key", "access_key": access_key, "secret_key": secret(secret_key)});
            if let (Some(project_id), Value::Object(members)) = (project_id, &mut value) {
                members.insert("project_id".to_owned(), project_id.as_str().into());
            }
            value
        }
        Credentials::IamToken { token } => json!({"type": "iam_token", "token": secret(token)}),
    }
}

/// [`crate::credentials_from_env`] for a binding: the credentials as
/// `(real, masked)` JSON objects ([`credentials_value`]), `None` when no
/// variable is set.
///
/// # Errors
/// [`Error::UnknownOperation`].
pub fn credentials_from_env_value(
    op_or_provider: &str,
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<Option<(Value, Value)>, Error> {
    Ok(crate::credentials_from_env(op_or_provider, lookup)?
        .map(|c| (credentials_value(&c, true), credentials_value(&c, false))))
}

/// [`credentials_from_env_value`] for the JavaScript bindings: the
/// environment as two parallel arrays (`Object.keys(env)` and their string
/// values), the answer as one JSON value, `[real, masked]` or `null`.
///
/// # Errors
/// [`Error::UnknownOperation`].
pub fn credentials_from_env_arrays(
    op_or_provider: &str,
    names: &[String],
    values: &[String],
) -> Result<Value, Error> {
    let lookup = |name: &str| {
        let at = names.iter().position(|n| n == name)?;
        values.get(at).cloned()
    };
    Ok(credentials_from_env_value(op_or_provider, lookup)?
        .map_or(Value::Null, |(real, masked)| json!([real, masked])))
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
    fn credentials_from_env_gives_the_real_and_the_masked_object() {
        let env = |name: &str| match name {
            "HUAWEICLOUD_SDK_AK" => Some("AK1".to_owned()),
            "HUAWEICLOUD_SDK_SK" => Some("SK-secret".to_owned()),
            "HUAWEICLOUD_SDK_PROJECT_ID" => Some("p1".to_owned()),
            _ => None,
        };
        let (real, masked) = credentials_from_env_value("huawei_swr.namespaces.create", env)
            .unwrap()
            .unwrap();
        assert_eq!(
            real,
            json!({"type": "access_key", "access_key": "AK1", "secret_key": "SK-secret", "project_id": "p1"})
        );
        assert_eq!(
            masked,
            json!({"type": "access_key", "access_key": "AK1", "secret_key": "***", "project_id": "p1"})
        );
        let (real, masked) =
            credentials_from_env_value("gcore", |n| (n == "GCORE_API_KEY").then(|| "k".to_owned()))
                .unwrap()
                .unwrap();
        assert_eq!(real, json!({"type": "api_key", "api_key": "k"}));
        assert_eq!(masked, json!({"type": "api_key", "api_key": "***"}));
        assert_eq!(
            credentials_from_env_value("qovery", |_| None).unwrap(),
            None
        );
        let unknown = credentials_from_env_value("gcor", |_| None).unwrap_err();
        assert_eq!(unknown.code(), "unknown_operation");
        assert_eq!(
            unknown.to_string(),
            "unknown operation `gcor`; did you mean `gcore`?"
        );
    }

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
        assert_eq!(
            message,
            r#"invalid option `credentials`: must be an object such as {"type": "api_key", "api_key": "..."}, not a string"#
        );
        // Secrets of the wrong type, with quotes, or where a key goes: never repeated.
        for options in [
            json!({"credentials": {"type": "api_key", "api_key": 123456789}}),
            json!({"credentials": {"type": "api_key", "api_key": "s3\"cr3t", "s3cr3t": 1}}),
            json!({"credentials": ["s3cr3t"]}),
            json!({"credentials": {"type": "s3cr3t"}}),
            json!({"s3cr3t-x": 1}),
            json!({"timestamp": "s3cr3t"}),
            json!({"base_url": ["s3cr3t"]}),
        ] {
            let message = plan_options(&options)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert!(message.starts_with("invalid option"), "{message}");
            assert!(
                !message.contains("s3") && !message.contains("123456789"),
                "{message}"
            );
        }
    }

    #[test]
    fn request_carries_real_values_and_curl_masks_by_default() {
        let input = json!({"project_id": 1, "region_id": 2, "name": "reg"});
        let options = json!({"credentials": {"type": "api_key", "api_key": "s3cr3t"}});
        let planned = plan_value("gcore.registries.create", &input, &options).unwrap_or_default();
        let headers: Vec<&String> = planned["request"]["headers"]
            .as_object()
            .map(|h| h.keys().collect())
            .unwrap_or_default();
        assert_eq!(headers, ["Accept", "Authorization", "Content-Type"]);
        assert_eq!(
            planned["request"]["headers"]["Authorization"],
            "APIKey s3cr3t"
        );
        let curl = planned["curl"].as_str().unwrap_or_default();
        assert!(
            curl.contains("APIKey ***") && !curl.contains("s3cr3t"),
            "{curl}"
        );
        let revealed = plan_value(
            "gcore.registries.create",
            &input,
            &json!({"credentials": {"type": "api_key", "api_key": "s3cr3t"}, "reveal_secrets": true}),
        )
        .unwrap_or_default();
        let curl = revealed["curl"].as_str().unwrap_or_default();
        assert!(curl.contains("APIKey s3cr3t"), "{curl}");
    }
}

#[cfg(test)]
mod schema_option_tests {
    use super::*;

    #[test]
    fn schema_options_name_the_draft_or_fail_with_invalid_option() {
        assert_eq!(schema_options(&Value::Null).ok(), Some(Draft::Draft202012));
        assert_eq!(
            schema_options(&json!({"draft": "draft-07"})).ok(),
            Some(Draft::Draft07)
        );
        assert_eq!(
            schema_options(&json!({"draft": null})).ok(),
            Some(Draft::Draft202012)
        );
        let refusal = |v: Value| match schema_options(&v) {
            Err(Error::InvalidOption { option, reason }) => Some((option, reason)),
            _ => None,
        };
        for (options, option, reason) in [
            (
                json!({"draft": "draft-04"}),
                "draft",
                "must be one of 2020-12, draft-07",
            ),
            (
                json!({"draft": 7}),
                "draft",
                "must be a string, not a number",
            ),
            (
                json!({"drafts": "draft-07"}),
                "options",
                "has an unknown member; known: draft",
            ),
            (json!([1]), "options", "must be an object, not an array"),
        ] {
            assert_eq!(refusal(options), Some((option, reason.to_owned())));
        }
    }
}

#[cfg(test)]
mod form_metadata_tests {
    use super::*;

    fn field<'a>(fields: &'a Value, name: &str) -> &'a Value {
        fields
            .as_array()
            .and_then(|f| f.iter().find(|f| f["name"] == name))
            .unwrap_or(&Value::Null)
    }

    #[test]
    fn every_field_has_a_label_help_and_input_and_config_keys_their_kinds() {
        let ops = operations_value();
        let op = |id: &str| {
            ops.as_array()
                .and_then(|ops| ops.iter().find(|op| op["id"] == id))
                .map_or(Value::Null, |op| op["fields"].clone())
        };
        let qovery = op("qovery.container_registries.create");
        assert_eq!(field(&qovery, "organizationId")["label"], "Organization ID");
        assert_eq!(field(&qovery, "kind")["input"], "select");
        assert_eq!(field(&qovery, "config")["input"], "group");
        assert_eq!(
            field(&qovery, "name")["help"],
            "Name of the container registry"
        );
        let config = &field(&qovery, "config")["type"]["fields"];
        let region = field(config, "region");
        assert_eq!(
            region["kinds"],
            json!(["ECR", "SCALEWAY_CR", "PUBLIC_ECR", "GCP_ARTIFACT_REGISTRY"])
        );
        assert_eq!(
            region["required_for"],
            json!(["ECR", "SCALEWAY_CR", "GCP_ARTIFACT_REGISTRY"])
        );
        assert_eq!(field(config, "secret_access_key")["input"], "password");
        assert_eq!(
            field(config, "password")["kinds"],
            json!([
                "DOCKER_HUB",
                "GITHUB_CR",
                "GITHUB_ENTERPRISE_CR",
                "GITLAB_CR",
                "GENERIC_CR"
            ])
        );
        // Only a config key has kinds, even where a name is shared.
        assert_eq!(
            field(&op("huawei_swr.namespaces.create"), "region").get("kinds"),
            None
        );
        let multiple = op("gcore.users.create_multiple");
        let users = &field(&multiple, "users")["type"]["items"]["fields"];
        assert_eq!(field(users, "read_only")["input"], "checkbox");
        assert_eq!(field(users, "duration")["input"], "number");
        assert_eq!(field(users, "secret")["input"], "password");
    }
}
