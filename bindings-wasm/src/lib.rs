//! WebAssembly binding of regplan: the same rules, reports and exact requests
//! in browsers and Node, from one `.wasm` file.
//!
//! ```js
//! import init, { plan, validate } from "regplan-wasm"; // browsers: await init()
//!
//! validate("gcore.registries.create", { project_id: 0, region_id: 76, name: "reg" }).errors[0].code;
//! // "out_of_range"
//! const result = plan("gcore.registries.create", { project_id: 1, region_id: 76, name: "reg-home1" },
//!   { credentials: { type: "api_key", api_key: "k3y" } });
//! result.ok && result.request.body; // '{"name":"reg-home1","storage_limit":5}'
//! ```
//!
//! Each export converts its arguments to `serde_json::Value`
//! ([`convert`]), calls the matching `regplan::interop` function and converts
//! the result back to plain objects; the binding holds no rules. An invalid
//! input is a result (`{ok: false, errors, warnings}`); a misuse throws a
//! `RegplanError` with a stable `.code` ([`error`]). The only thing added is the
//! clock: the core reads none, so `plan` fills a missing `options.timestamp`
//! with `Date.now()` (an explicit `timestamp: null` keeps the core's
//! `missing_timestamp` error for signed requests).

mod convert;
mod error;

use regplan::interop;
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

use crate::convert::{from_js, string_arg, to_js};
use crate::error::{from_core, throwable};

/// Every operation with its fields, constraints and sources.
///
/// # Errors
/// Never in practice (the operation table always converts).
#[wasm_bindgen(unchecked_return_type = "OperationInfo[]")]
pub fn operations() -> Result<JsValue, JsValue> {
    to_js(&interop::operations_value())
}

/// Every problem with `input`: `{valid, errors, warnings}`.
///
/// # Errors
/// `unknown_operation`; `unsupported_value` when `input` cannot be JSON.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn validate(
    #[wasm_bindgen(unchecked_param_type = "OperationId")] op: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Input")] input: &JsValue,
) -> Result<JsValue, JsValue> {
    let op = operation_id(op)?;
    let input = from_js(input, "input", false)?;
    to_js(&interop::validate_value(&op, &input).map_err(|e| from_core(&e))?)
}

/// The problems of one top-level field's value (rules across fields need `validate`).
///
/// # Errors
/// `unknown_operation`, `unknown_field_name`; `unsupported_value` when
/// `value` cannot be JSON.
#[wasm_bindgen(js_name = validateField, unchecked_return_type = "Report")]
pub fn validate_field(
    #[wasm_bindgen(unchecked_param_type = "OperationId")] op: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] field: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "unknown")] value: &JsValue,
) -> Result<JsValue, JsValue> {
    let op = operation_id(op)?;
    let Some(field) = string_arg(field) else {
        return Err(throwable(
            "unknown_field_name",
            "the field name must be a string",
        ));
    };
    let value = from_js(value, "value", false)?;
    to_js(&interop::validate_field_value(&op, &field, &value).map_err(|e| from_core(&e))?)
}

/// The exact request (`{ok: true, request, curl}`, secrets masked unless
/// `options.reveal_secrets`) or every problem (`{ok: false, errors, warnings}`).
///
/// # Errors
/// `unknown_operation`, `invalid_option`, `missing_credentials`,
/// `wrong_credentials`, `invalid_credentials`, `missing_timestamp` (only with
/// `timestamp: null`); `unsupported_value` when an argument cannot be JSON.
///
/// Its TypeScript signature is in `TYPES`, where `options` can be optional.
#[wasm_bindgen(skip_typescript)]
pub fn plan(op: &JsValue, input: &JsValue, options: Option<JsValue>) -> Result<JsValue, JsValue> {
    let op = operation_id(op)?;
    let input = from_js(input, "input", false)?;
    let options = from_js(&options.unwrap_or(JsValue::UNDEFINED), "options", true)?;
    let options = with_clock(options);
    to_js(&interop::plan_value(&op, &input, &options).map_err(|e| from_core(&e))?)
}

/// The JSON Schema (draft 2020-12) of the operation's input.
///
/// # Errors
/// `unknown_operation`.
#[wasm_bindgen(unchecked_return_type = "JsonSchema")]
pub fn schema(
    #[wasm_bindgen(unchecked_param_type = "OperationId")] op: &JsValue,
) -> Result<JsValue, JsValue> {
    let op = operation_id(op)?;
    to_js(&interop::schema_value(&op).map_err(|e| from_core(&e))?)
}

fn operation_id(op: &JsValue) -> Result<String, JsValue> {
    string_arg(op).ok_or_else(|| {
        throwable(
            "unknown_operation",
            "the operation id must be a string such as `gcore.registries.create`",
        )
    })
}

/// Options with `timestamp` set to `Date.now()` when the caller left it out
/// (absent key, `undefined` or `null` options). The core reads no clock; the
/// binding is where "now" comes from. Anything else passes unchanged, so the
/// core still rejects options that are not an object (`invalid_option`).
fn with_clock(options: Value) -> Value {
    let mut options = match options {
        Value::Null => Value::Object(Map::new()),
        other => other,
    };
    if let Value::Object(map) = &mut options {
        if !map.contains_key("timestamp") {
            // `Date.now()` is a whole number of milliseconds.
            #[allow(clippy::cast_possible_truncation)]
            let now = js_sys::Date::now() as i64;
            map.insert("timestamp".to_owned(), Value::from(now));
        }
    }
    options
}

/// The typed surface of the `.d.ts` (appended by wasm-bindgen), checked by
/// `test/types.ts` and against the core by the test below.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = TYPES;

// The macro above copies the text into the wasm custom section at compile
// time, which rustc does not count as a use.
#[allow(dead_code)]
const TYPES: &str = r#"
/** An operation id, `provider.resource.action` (the official SDK's names). */
export type OperationId =
  | "gcore.registries.list"
  | "gcore.registries.create"
  | "gcore.registries.get"
  | "gcore.registries.delete"
  | "gcore.registries.resize"
  | "gcore.repositories.list"
  | "gcore.repositories.delete"
  | "gcore.artifacts.list"
  | "gcore.artifacts.delete"
  | "gcore.tags.delete"
  | "gcore.users.list"
  | "gcore.users.create"
  | "gcore.users.create_multiple"
  | "gcore.users.update"
  | "gcore.users.refresh_secret"
  | "gcore.users.delete"
  | "qovery.container_registries.create"
  | "ncloud.registries.create"
  | "huawei_swr.namespaces.create"
  | "huawei_swr.repositories.create";

/** The code of an error or warning in a report; stable across releases and bindings. */
export type IssueCode =
  | "required"
  | "type"
  | "too_short"
  | "too_long"
  | "pattern"
  | "out_of_range"
  | "enum"
  | "unknown_field"
  | "not_https"
  | "invalid_url"
  | "must_equal"
  | "kind_not_supported"
  | "forbidden"
  | "conflict"
  | "invalid_json"
  | "too_few_items"
  | "too_many_items"
  | "control_character"
  | "adjacent_separators"
  | "too_many_underscores"
  | "ip_address"
  | "docker_hub_rate_limit"
  | "unknown_region";

/** The `.code` of a thrown `RegplanError`: a misuse, never an invalid input. */
export type ErrorCode =
  | "unknown_operation"
  | "unknown_field_name"
  | "missing_credentials"
  | "wrong_credentials"
  | "invalid_credentials"
  | "missing_timestamp"
  | "invalid_option"
  | "unsupported_value";

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** One flat object of the operation's path, query and body fields, named as the provider documents them. */
export type Input = { readonly [field: string]: unknown };

/** One problem with an input. */
export interface Issue {
  code: IssueCode;
  /** JSON Pointer into the input (`""` for the whole input). */
  path: string;
  /** What to do about it; never repeats the offending value. */
  message: string;
  /** The rule's parameters (`min`, `max`, `allowed`, `suggestion`, ...). */
  params: { [name: string]: JsonValue };
}

/** Everything wrong with one input: errors block a request, warnings don't. */
export interface Report {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
}

export type HttpMethod = "GET" | "POST" | "PATCH" | "DELETE";

/** The exact request to send. */
export interface Request {
  method: HttpMethod;
  /** Full URL, path parameters percent-encoded. */
  url: string;
  /** Headers in the order sent (sorted by lower-cased name); secrets `***` unless revealed. */
  headers: { [name: string]: string };
  /** The exact body (compact JSON), or null; secret members `***` unless revealed. */
  body: string | null;
  /** JSON Pointers of the fields whose defaults were filled in. */
  defaults_applied: string[];
  warnings: Issue[];
}

/** What `plan` returns: the request, or every problem with the input. */
export type PlanResult =
  | { ok: true; request: Request; curl: string }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

export type Credentials =
  | { type: "api_key"; api_key: string }
  | { type: "token"; token: string }
  | { type: "bearer"; token: string }
  | { type: "access_key"; access_key: string; secret_key: string; project_id?: string }
  | { type: "iam_token"; token: string };

export interface PlanOptions {
  credentials?: Credentials;
  /** Replaces the provider's endpoint: http(s), optional path prefix. */
  base_url?: string;
  /**
   * The signing time (epoch milliseconds or RFC 3339) for signed requests.
   * Absent: `Date.now()`. `null`: no clock, so a signed request throws `missing_timestamp`.
   */
  timestamp?: number | string | null;
  /** Show secrets in `request` and `curl` instead of `***`. */
  reveal_secrets?: boolean;
}

/** What every function throws on misuse; an invalid input is a result, not a throw. */
export interface RegplanError extends Error {
  name: "RegplanError";
  code: ErrorCode;
}

/** Where a rule is documented. */
export interface Source {
  document: string;
  location: string;
}

/** A field's type and constraints (`name` tells which). */
export type FieldType =
  | { name: "integer"; min: number | null; max: number | null; also?: number[] }
  | {
      name: "string";
      min_len: number | null;
      max_len: number | null;
      pattern?: string;
      checks: { code: IssueCode; message: string }[];
      grammar_source?: Source;
    }
  | { name: "boolean" }
  | { name: "enum"; values: string[]; retired: [string, string][] }
  | { name: "object"; fields: Field[] }
  | { name: "array"; items: FieldType; min_items: number | null; max_items: number | null };

/** One input field. */
export interface Field {
  name: string;
  in: "path" | "endpoint" | "query" | "body";
  type: FieldType;
  required: boolean;
  default?: number | string;
  secret: boolean;
  description: string;
  source: Source;
}

/** One operation, as `operations()` lists it. */
export interface OperationInfo {
  id: OperationId;
  provider: {
    id: "gcore" | "qovery" | "ncloud" | "huawei_swr";
    name: string;
    base_url: string;
    auth: "gcore_api_key" | "qovery_token" | "ncp_signature_v2" | "huawei_ak_sk";
    credential_env: string;
  };
  summary: string;
  method: HttpMethod;
  path: string;
  accept: string;
  fields: Field[];
  source: Source;
}

/**
 * The exact request (`{ok: true, request, curl}`, secrets `***` unless
 * `options.reveal_secrets`) or every problem with the input (`{ok: false, errors, warnings}`).
 * Throws a `RegplanError` on misuse: unknown operation, bad options or
 * credentials, `missing_timestamp` (only with `timestamp: null`), `unsupported_value`.
 */
export function plan(op: OperationId, input: Input, options?: PlanOptions | null): PlanResult;

/** A JSON Schema (draft 2020-12) document. */
export type JsonSchema = { [keyword: string]: JsonValue };
"#;

#[cfg(test)]
mod tests {
    use super::TYPES;

    /// The unions in the `.d.ts` must list exactly the core's operations and
    /// codes; on drift this prints the replacement.
    #[test]
    fn typescript_unions_match_the_core() {
        let union = |name: &str, items: Vec<&str>| {
            let lines: Vec<String> = items.iter().map(|i| format!("  | \"{i}\"")).collect();
            format!("export type {name} =\n{};", lines.join("\n"))
        };
        let ids = union(
            "OperationId",
            regplan::operations().iter().map(|op| op.id).collect(),
        );
        let codes = union(
            "IssueCode",
            regplan::Code::ALL.iter().map(|c| c.as_str()).collect(),
        );
        for expected in [ids, codes] {
            assert!(
                TYPES.contains(&expected),
                "update src/lib.rs TYPES:\n{expected}"
            );
        }
    }
}
