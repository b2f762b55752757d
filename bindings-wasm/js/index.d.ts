// Types of regplan-wasm (both entry points: `regplan-wasm` in Node and
// `regplan-wasm/web`). Hand-written; `cargo test -p regplan-wasm` checks the
// unions against the core, `test/types.ts` checks typical use.
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

/**
 * The `.code` of a thrown `RegplanError`: a misuse, never an invalid input.
 * The core's API error codes, plus `not_initialized` (the web build before `init()`).
 */
export type ErrorCode =
  | "unknown_operation"
  | "unknown_field_name"
  | "invalid_input"
  | "missing_credentials"
  | "wrong_credentials"
  | "invalid_credentials"
  | "missing_timestamp"
  | "unsupported_value"
  | "invalid_option"
  | "invalid_argument"
  | "not_initialized";

/** Any JSON value. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * One flat object of the operation's path, query and body fields, named as
 * the provider documents them. A member that is `undefined` is absent (as
 * `JSON.stringify` drops it); values without JSON form (NaN, Date, Map,
 * BigInt, lone surrogates, ...) throw `unsupported_value`.
 */
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

/**
 * The exact request to send: `fetch(url, { method, headers, body })`.
 * `headers` and `body` hold the real values, credentials and secret input
 * fields included. What people see masks them as `***`: `JSON.stringify`
 * (a non-enumerable `toJSON`), Node's `util.inspect`, and `curl` unless
 * `reveal_secrets`.
 */
export interface Request {
  method: HttpMethod;
  /** Full URL, path parameters percent-encoded. */
  url: string;
  /** Headers in the order sent (sorted by lower-cased name), real values. */
  headers: { [name: string]: string };
  /** The exact body (compact JSON), or null; real values. */
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
  /** Show secrets in `curl` instead of `***` (the request always has the real values). */
  reveal_secrets?: boolean;
}

/**
 * What every function throws on misuse; an invalid input is a result, not a
 * throw. An exception thrown by the caller's own getter or Proxy trap while
 * an input is read is re-thrown as it is, not wrapped.
 */
export class RegplanError extends Error {
  constructor(code: ErrorCode, message: string);
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
  /** A short label for a form ("Project ID"), from the documented name. */
  label: string;
  /** Help text for a form: the provider's description. */
  help: string;
  /** The control a form shows. */
  input: "text" | "password" | "number" | "select" | "checkbox" | "list" | "group";
  /** For a Qovery `config` key: the kinds that use it. */
  kinds?: string[];
  /** For a Qovery `config` key: the kinds that require it. */
  required_for?: string[];
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

/** Every operation with its fields, constraints and sources. */
export function operations(): OperationInfo[];

/** Every issue code, then every API error code, in the core's order. */
export function codes(): (IssueCode | Exclude<ErrorCode, "not_initialized">)[];

/**
 * Every problem with `input`: `{valid, errors, warnings}`. Throws a
 * `RegplanError`: `unknown_operation`, `invalid_argument` (an id that is not
 * a string), `unsupported_value` (a value without JSON form).
 */
export function validate(op: OperationId, input: Input): Report;

/**
 * The problems of one top-level field's value, with the codes and messages
 * of `validate` (rules across fields need `validate`). Throws `unknown_field_name`.
 */
export function validateField(op: OperationId, field: string, value: unknown): Report;

/**
 * A report for each input, in order: faster per input than a loop of
 * `validate`. A value without JSON form throws `unsupported_value` with
 * its path prefixed by the input's index (`/3/name`).
 */
export function validateMany(op: OperationId, inputs: readonly Input[]): Report[];

/**
 * The exact request (`{ok: true, request, curl}`, the request with its real
 * values, `curl` masked unless `options.reveal_secrets`) or every problem
 * with the input (`{ok: false, errors, warnings}`). Throws a `RegplanError`
 * on misuse: unknown operation, bad options or credentials,
 * `missing_timestamp` (only with `timestamp: null`), `unsupported_value`.
 */
export function plan(op: OperationId, input: Input, options?: PlanOptions | null): PlanResult;

/** A JSON Schema document (draft 2020-12, or draft-07 when asked for). */
export type JsonSchema = { [keyword: string]: JsonValue };

/** The options of `schema`. */
export interface SchemaOptions {
  /** The dialect: `"2020-12"` (the default) or `"draft-07"` (plain ajv, rjsf's and JSONForms' default). */
  draft?: "2020-12" | "draft-07" | null;
}

/**
 * The JSON Schema of the operation's input, ready for form generators: a
 * `title` on every property, secrets as `format: "password"` + `writeOnly`,
 * each Qovery kind's `config` properties in its own `then` branch, no
 * `oneOf`/`anyOf`, provenance in `x-source`. Strict ajv takes it with
 * `keywords: ["x-source"], formats: { password: true }`. Throws
 * `invalid_option` for other options.
 */
export function schema(op: OperationId, options?: SchemaOptions | null): JsonSchema;

/**
 * Instantiates the module: required once in the web build (it fetches
 * `regplan_wasm_bg.wasm` next to the glue, or takes its bytes, a `Response`
 * or a compiled module); resolves at once in Node.
 */
export default function init(moduleOrPath?: unknown): Promise<unknown>;
export { init };

/** The web build's synchronous `init`, from the bytes or a compiled `WebAssembly.Module`. */
export function initSync(module: unknown): unknown;
