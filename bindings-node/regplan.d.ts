/**
 * regplan for Node.js: validate container-registry API inputs and plan the
 * exact HTTP requests (method, URL, headers, body bytes) for Gcore, Qovery,
 * NAVER Cloud and Huawei SWR, with the same answers as every other runtime.
 *
 * An invalid input is a result (`Report`, `PlanResult` with `ok: false`);
 * misuse and values without JSON form throw a `RegplanError` with a stable
 * `code`. An exception thrown by your own code while the input is read (a
 * getter, a Proxy trap) is re-thrown unchanged.
 *
 * Snake_case data keys (`defaults_applied`, `reveal_secrets`, ...) are the
 * same in every runtime; only the function names are camelCase.
 */

/** Every operation id. `test/types.test.js` fails when this drifts from `operations()`. */
export type OperationId =
  | 'gcore.registries.list'
  | 'gcore.registries.create'
  | 'gcore.registries.get'
  | 'gcore.registries.delete'
  | 'gcore.registries.resize'
  | 'gcore.repositories.list'
  | 'gcore.repositories.delete'
  | 'gcore.artifacts.list'
  | 'gcore.artifacts.delete'
  | 'gcore.tags.delete'
  | 'gcore.users.list'
  | 'gcore.users.create'
  | 'gcore.users.create_multiple'
  | 'gcore.users.update'
  | 'gcore.users.refresh_secret'
  | 'gcore.users.delete'
  | 'qovery.container_registries.create'
  | 'ncloud.registries.create'
  | 'huawei_swr.namespaces.create'
  | 'huawei_swr.repositories.create'

/** Codes of problems found in an input (errors and warnings). */
export type IssueCode =
  | 'required'
  | 'type'
  | 'too_short'
  | 'too_long'
  | 'pattern'
  | 'out_of_range'
  | 'enum'
  | 'unknown_field'
  | 'not_https'
  | 'invalid_url'
  | 'must_equal'
  | 'kind_not_supported'
  | 'forbidden'
  | 'conflict'
  | 'invalid_json'
  | 'too_few_items'
  | 'too_many_items'
  | 'control_character'
  | 'adjacent_separators'
  | 'too_many_underscores'
  | 'ip_address'
  | 'docker_hub_rate_limit'
  | 'unknown_region'

/**
 * Codes of thrown `RegplanError`s, as the core lists them (`codes()` gives
 * them after the issue codes). `unsupported_value`: a value with no JSON form
 * (NaN, Infinity, `undefined` outside an object, BigInt, functions, symbols,
 * Dates, Maps, Sets, typed arrays, class instances, strings or keys with lone
 * surrogates, nesting deeper than 128 levels, more than 1,000,000 values);
 * `invalid_argument`: an argument of the wrong type (`validate(5, {})`).
 */
export type ErrorCode =
  | 'unknown_operation'
  | 'unknown_field_name'
  | 'invalid_input'
  | 'missing_credentials'
  | 'wrong_credentials'
  | 'invalid_credentials'
  | 'missing_timestamp'
  | 'unsupported_value'
  | 'invalid_option'
  | 'invalid_argument'

/** Every code: `codes()` returns them, issue codes first. */
export type Code = IssueCode | ErrorCode

/** A JSON value: what inputs may hold and what results are made of. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject
/** An object member that is `undefined` is absent, as `JSON.stringify` drops it. */
export interface JsonObject {
  readonly [key: string]: JsonValue | undefined
}

/** One problem: `{code, path, message, params}`, identical in every runtime. */
export interface Issue {
  code: IssueCode
  /** JSON Pointer to the offending value, `""` for the whole input. */
  path: string
  /** Lowercase, no trailing period; never repeats the offending value. */
  message: string
  /** The rule's parameters (`min`, `max`, `pattern`, `suggestion`, ...). */
  params: { [name: string]: JsonValue }
}

/** Everything wrong with one input. `valid` is true when `errors` is empty. */
export interface Report {
  valid: boolean
  errors: Issue[]
  warnings: Issue[]
}

export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE'

/**
 * The exact request, with the real header and body values: send it as it is
 * (`fetch(request.url, { method: request.method, headers: request.headers, body: request.body })`).
 * Its renderings for people mask secrets: `JSON.stringify(request)` and
 * `util.inspect(request)` (so `console.log(result)`) show each credential
 * header as `APIKey ***` and secret body members as `"***"`, through a
 * non-enumerable `toJSON` and `util.inspect.custom`, whatever
 * `reveal_secrets` says. `request.headers` is a plain object of the real
 * values: log the request, not the headers alone.
 */
export interface Request {
  method: Method
  url: string
  /** In sending order (sorted by lower-cased name); iterate with `Object.entries`. */
  headers: { [name: string]: string }
  /** The exact body as text, or null when none is sent. */
  body: string | null
  /** JSON Pointers of the defaults written into the request. */
  defaults_applied: string[]
  warnings: Issue[]
  /** The masked view (see above); not enumerable. */
  toJSON(): Omit<Request, 'toJSON'>
}

/** `plan`'s answer: the request, or the input's errors. */
export type PlanResult =
  | { ok: true; request: Request; curl: string }
  | { ok: false; errors: Issue[]; warnings: Issue[] }

export type Credentials =
  | { type: 'api_key'; api_key: string }
  | { type: 'token'; token: string }
  | { type: 'bearer'; token: string }
  | { type: 'access_key'; access_key: string; secret_key: string; project_id?: string | null }
  | { type: 'iam_token'; token: string }

export interface PlanOptions {
  credentials?: Credentials | null
  /** Replaces the provider's base URL (a proxy, a test server, a government gateway). */
  base_url?: string | null
  /**
   * Signing time for NAVER and Huawei AK/SK requests: epoch milliseconds or
   * an RFC 3339 string (a `Date` is not JSON: pass `date.getTime()`). When
   * absent, `Date.now()` is used; `null` opts out of the clock (signed
   * requests then throw `missing_timestamp`).
   */
  timestamp?: number | string | null
  /** Show secrets in `curl` instead of `***` (the request always holds the real values). */
  reveal_secrets?: boolean
}

/** Where a rule is documented. */
export interface Source {
  document: string
  location: string
}

/** A field's type and constraints. */
export type FieldType =
  | { name: 'integer'; min: number | null; max: number | null; also?: number[] }
  | {
      name: 'string'
      min_len: number | null
      max_len: number | null
      pattern?: string
      checks: { code: IssueCode; message: string }[]
      grammar_source?: Source
    }
  | { name: 'boolean' }
  | { name: 'enum'; values: string[]; retired: [value: string, reason: string][] }
  | { name: 'object'; fields: Field[] }
  | { name: 'array'; items: FieldType; min_items: number | null; max_items: number | null }

export interface Field {
  /** Exactly as the provider documents it. */
  name: string
  in: 'path' | 'endpoint' | 'query' | 'body'
  type: FieldType
  required: boolean
  /** Written into the request when the field is absent. */
  default?: number | string
  /** Masked in every rendering unless `reveal_secrets`. */
  secret: boolean
  description: string
  source: Source
  /** A short label for a form ("Project ID"), from the documented name. */
  label: string
  /** Help text for a form: the provider's description. */
  help: string
  /** The control a form shows. */
  input: 'text' | 'password' | 'number' | 'select' | 'checkbox' | 'list' | 'group'
  /** For a Qovery `config` key: the kinds that use it. */
  kinds?: string[]
  /** For a Qovery `config` key: the kinds that require it. */
  required_for?: string[]
}

export interface Provider {
  id: 'gcore' | 'qovery' | 'ncloud' | 'huawei_swr'
  name: string
  base_url: string
  auth: 'gcore_api_key' | 'qovery_token' | 'ncp_signature_v2' | 'huawei_ak_sk'
  credential_env: string
}

export interface Operation {
  id: OperationId
  provider: Provider
  summary: string
  method: Method
  /** Path template; `{name}` is replaced by the path field `name`. */
  path: string
  accept: string
  /** In documented order (also the body's key order). */
  fields: Field[]
  source: Source
}

/** A JSON Schema (draft 2020-12) of an operation's input. */
export interface JsonSchema {
  $schema: string
  $id: string
  title: string
  description: string
  type: 'object'
  properties: { [field: string]: { [keyword: string]: JsonValue } }
  required: string[]
  additionalProperties: boolean
  allOf?: JsonValue[]
  [keyword: string]: JsonValue | undefined
}

/**
 * A misuse of the API or a value without JSON form (never an invalid input,
 * which is a result). The same class, codes and messages as the wasm package.
 */
export declare class RegplanError extends Error {
  constructor(code: ErrorCode, message: string)
  readonly name: 'RegplanError'
  readonly code: ErrorCode
}

/** Every operation with its fields, constraints and sources. */
export declare function operations(): Operation[]

/** Every issue code, then every API error code, as the core lists them. */
export declare function codes(): Code[]

/**
 * Checks a whole input and reports every problem.
 * @throws {RegplanError} `unknown_operation`, `invalid_argument`, `unsupported_value`
 */
export declare function validate(op: OperationId, input: JsonValue): Report

/**
 * Checks one top-level field's value with the same codes and messages as
 * `validate` (rules relating several fields need `validate`).
 * @throws {RegplanError} `unknown_operation`, `unknown_field_name`, `invalid_argument`, `unsupported_value`
 */
export declare function validateField(op: OperationId, field: string, value: JsonValue | undefined): Report

/**
 * Validates many inputs of one operation in one call: one report per input,
 * in order, each input with its own value budget. Faster per input than a
 * loop of `validate`. A value without JSON form stops the call; its path
 * starts with the input's index (`/3/name`).
 * @throws {RegplanError} `unknown_operation`, `invalid_argument`, `unsupported_value`
 */
export declare function validateMany(op: OperationId, inputs: readonly JsonValue[]): Report[]

/**
 * Validates the input and, when it is valid, builds the exact request.
 * @throws {RegplanError} `unknown_operation`, `missing_credentials`, `wrong_credentials`,
 *   `invalid_credentials`, `missing_timestamp`, `invalid_option`, `invalid_argument`, `unsupported_value`
 */
export declare function plan(op: OperationId, input: JsonValue, options?: PlanOptions | null): PlanResult

/**
 * The JSON Schema (draft 2020-12) of the operation's input, for form generators.
 * @throws {RegplanError} `unknown_operation`, `invalid_argument`
 */
/** The options of `schema`: the dialect, `"2020-12"` (the default) or `"draft-07"` (plain ajv, rjsf, JSONForms). */
export interface SchemaOptions {
  draft?: '2020-12' | 'draft-07' | null
}
/**
 * The JSON Schema of the operation's input, ready for form generators (a title on every property,
 * secrets as `format: "password"`, no `oneOf`/`anyOf`, provenance in `x-source`).
 * Throws `invalid_option` for other options.
 */
export declare function schema(op: OperationId, options?: SchemaOptions | null): JsonSchema
