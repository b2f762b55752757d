/**
 * Types of regplan, shared word for word by the Node addon (`regplan`) and
 * the WebAssembly package (`regplan-wasm`): validate container-registry API
 * inputs and plan the exact HTTP requests (method, URL, headers, body bytes)
 * for Gcore, Qovery, NAVER Cloud and Huawei SWR.
 *
 * Every function is typed by its operation: `validate("gcore.registries.create", input)`
 * takes a `GcoreRegistriesCreateInput`, so a misspelt field, a value of the
 * wrong type or a field of another operation is a compile error, and an
 * editor completes field names. Qovery's input is a union discriminated by
 * `kind`: each kind offers only its own `config` keys. Data whose type is
 * not known (parsed JSON) is checked at run time all the same: pass it as
 * `input as InputOf<typeof op>`.
 *
 * An invalid input is a result (`Report`, `PlanResult` with `ok: false`);
 * misuse and values without JSON form throw a `RegplanError` with a stable
 * `code`. Snake_case data keys (`defaults_applied`, `reveal_secrets`, ...)
 * are the same in every runtime; only the function names are camelCase.
 */

/* @GENERATED@ */

/** Every code: `codes()` returns the issue codes, then the core's error codes. */
export type Code = IssueCode | ErrorCode;

/** The input of operation `Op`. */
export type InputOf<Op extends OperationId> = Inputs[Op];

/** The credentials operation `Op`'s provider accepts. */
export type CredentialsOf<Op extends OperationId> = CredentialsByOperation[Op];

/** Every key of any member of a union. */
type KeysOfUnion<T> = T extends unknown ? keyof T : never;

/** The top-level field names of operation `Op`. */
export type FieldOf<Op extends OperationId> = KeysOfUnion<InputOf<Op>> & string;

/**
 * The JSON Pointer of every field of operation `Op`, at every depth
 * (`"/name"`, `"/config/region"`): what `validateField` takes besides names.
 */
export type PointerOf<Op extends OperationId> = keyof FieldPointers[Op] & string;

/** The type of field `F` (a top-level name or a JSON Pointer) of operation `Op`. */
export type FieldValue<Op extends OperationId, F extends FieldOf<Op> | PointerOf<Op>> =
  F extends keyof FieldPointers[Op]
    ? FieldPointers[Op][F]
    : InputOf<Op> extends infer I ? (I extends unknown ? (F extends keyof I ? I[F] : never) : never) : never;

/**
 * What a form holds for a value of type `T` (the `form` option): text,
 * `null` or nothing in place of any scalar, members optional at every depth.
 */
export type FormValue<T> = T extends readonly (infer U)[]
  ? readonly FormValue<U>[]
  : T extends object
    ? { readonly [K in keyof T]?: FormValue<T[K]> | null }
    : T | string | null;

/** The options of `validate` and `validateMany`. */
export interface ValidateOptions {
  /**
   * Read the input as a form means it: a member that is `""`, `undefined`
   * or `null` is absent (at every depth), text for an integer field is that
   * integer when it is one (`" 76 "` is 76; `"7.5"` keeps the `type`
   * error), `"true"`/`"false"` for a boolean field are booleans. Same codes
   * and messages otherwise.
   */
  form?: boolean | null;
}

/** The options of `validateField`. */
export interface ValidateFieldOptions<Op extends OperationId = OperationId> extends ValidateOptions {
  /**
   * The whole current input (a form's other fields): it is validated with
   * the value in place of the field's member (the rules that relate fields
   * too) and the issues at the field or under it are reported; with no
   * object on the way (no `config`), only the field's own rules apply.
   */
  input?: FormValue<InputOf<Op>> | null;
}

/** Any credentials. */
export type Credentials =
  | ApiKeyCredentials
  | TokenCredentials
  | BearerCredentials
  | AccessKeyCredentials
  | IamTokenCredentials;

/** A JSON value: what results are made of. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** One problem with code `C`: `{code, path, message, params}`, identical in every runtime. */
export interface IssueOf<C extends IssueCode> {
  code: C;
  /** JSON Pointer to the offending value, `""` for the whole input. */
  path: string;
  /** Plain text, lowercase, no trailing period; never repeats the offending value. */
  message: string;
  /** The rule's parameters, typed per code (`IssueParams`). */
  params: IssueParams[C];
}

/** One problem; narrow on `code` to read its `params`. */
export type Issue = { [C in IssueCode]: IssueOf<C> }[IssueCode];

/** Everything wrong with one input. `valid` is true when `errors` is empty. */
export interface Report {
  valid: boolean;
  errors: Issue[];
  warnings: Issue[];
}

export type Method = "GET" | "POST" | "PATCH" | "DELETE";
/** The same as `Method`. */
export type HttpMethod = Method;

/**
 * The exact request, with the real header and body values: send it as it is
 * (`fetch(request.url, { method: request.method, headers: request.headers, body: request.body })`).
 * What people see masks secrets as `***`: `JSON.stringify(request)` (a
 * non-enumerable `toJSON`), Node's `util.inspect`, and `curl` unless
 * `reveal_secrets`. `request.headers` is a plain object of the real values.
 */
export interface Request {
  method: Method;
  /** Full URL, path parameters percent-encoded. */
  url: string;
  /** In sending order (sorted by lower-cased name). */
  headers: { [name: string]: string };
  /** The exact body as text, or null when none is sent. */
  body: string | null;
  /** JSON Pointers of the defaults written into the request. */
  defaults_applied: string[];
  warnings: Issue[];
  /**
   * True for a preview (`{preview: true}` without credentials): placeholders
   * such as `<api_key>` stand where the credentials go, and `toFetch` /
   * `toUndici` refuse to send it. False otherwise.
   */
  preview: boolean;
  /** The masked view; not enumerable. */
  toJSON(): Omit<Request, "toJSON">;
}

/** `plan`'s answer: the request, or the input's errors. Check `ok` before reading `request`. */
export type PlanResult =
  | { ok: true; request: Request; curl: string }
  | { ok: false; errors: Issue[]; warnings: Issue[] };

/** Options of `plan` for operation `Op`. */
export interface PlanOptions<Op extends OperationId = OperationId> {
  /** Of a type the operation's provider accepts. */
  credentials?: CredentialsOf<Op> | null;
  /** Replaces the provider's base URL (a proxy, a test server, a government gateway). */
  base_url?: string | null;
  /**
   * Signing time for NAVER and Huawei AK/SK requests: epoch milliseconds or
   * an RFC 3339 string (a `Date` is not JSON: pass `date.getTime()`). When
   * absent, `Date.now()` is used; `null` opts out of the clock (signed
   * requests then throw `missing_timestamp`).
   */
  timestamp?: number | string | null;
  /** Show secrets in `curl` instead of `***` (the request always holds the real values). */
  reveal_secrets?: boolean;
  /**
   * Without credentials, plan anyway with placeholders where they go
   * (`Authorization: APIKey <api_key>`, signatures `<signature>`), to show a
   * form's request before the user has a key; `request.preview` is then
   * true and a `preview` warning is attached. With credentials it changes nothing.
   */
  preview?: boolean;
  /** Read the input as a form means it, in the request too (`ValidateOptions.form`). */
  form?: boolean | null;
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
  | { name: "enum"; values: string[]; retired: [value: string, reason: string][] }
  | { name: "object"; fields: Field[] }
  | { name: "array"; items: FieldType; min_items: number | null; max_items: number | null };

/** One input field, as `operations()` lists it. */
export interface Field {
  /** Exactly as the provider documents it. */
  name: string;
  in: "path" | "endpoint" | "query" | "body";
  type: FieldType;
  required: boolean;
  /** Written into the request when the field is absent. */
  default?: number | string;
  /** Masked in every rendering unless `reveal_secrets`. */
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

export interface Provider {
  id: "gcore" | "qovery" | "ncloud" | "huawei_swr";
  name: string;
  base_url: string;
  auth: "gcore_api_key" | "qovery_token" | "ncp_signature_v2" | "huawei_ak_sk";
  credential_env: string;
}

/** One operation, as `operations()` lists it. */
export interface Operation {
  id: OperationId;
  provider: Provider;
  summary: string;
  method: Method;
  /** Path template; `{name}` is replaced by the path field `name`. */
  path: string;
  accept: string;
  /** In documented order (also the body's key order). */
  fields: Field[];
  source: Source;
}
/** The same as `Operation`. */
export type OperationInfo = Operation;

/** A JSON Schema (draft 2020-12, or draft-07 when asked for) of an operation's input. */
export interface JsonSchema {
  $schema: string;
  $id: string;
  title: string;
  description: string;
  type: "object";
  properties: { [field: string]: { [keyword: string]: JsonValue } };
  required: string[];
  additionalProperties: boolean;
  allOf?: JsonValue[];
  /** The rules that relate fields (Qovery's per-kind rules): one `if`/`then`/`else` chain. */
  if?: JsonValue;
  then?: JsonValue;
  else?: JsonValue;
  [keyword: string]: JsonValue | undefined;
}

/**
 * A misuse of the API or a value without JSON form (never an invalid input,
 * which is a result). The same class, codes and messages in both packages.
 */
export declare class RegplanError extends Error {
  constructor(code: ErrorCode, message: string);
  readonly name: "RegplanError";
  readonly code: ErrorCode;
}

/** Every operation with its fields, constraints and sources. */
export declare function operations(): Operation[];

/** Every issue code, then every API error code, as the core lists them. */
export declare function codes(): Code[];

/**
 * Checks a whole input and reports every problem; with `{form: true}`, a
 * form's raw values as the form means them.
 * @throws {RegplanError} `unknown_operation`, `invalid_argument`, `invalid_option`, `unsupported_value`
 */
export declare function validate<Op extends OperationId>(
  op: Op,
  input: FormValue<InputOf<Op>>,
  options: ValidateOptions & { form: true },
): Report;
export declare function validate<Op extends OperationId>(
  op: Op,
  input: InputOf<Op>,
  options?: ValidateOptions | null,
): Report;

/**
 * Checks one field's value, by top-level name (`"name"`) or JSON Pointer
 * (`"/config/region"`), with the same codes and messages as `validate`.
 * With `{input}` (the whole current input) the rules relating fields run
 * too, and only the issues at or under the field are reported.
 * @throws {RegplanError} `unknown_operation`, `unknown_field_name`, `invalid_argument`, `invalid_option`, `unsupported_value`
 */
export declare function validateField<Op extends OperationId, F extends FieldOf<Op> | PointerOf<Op>>(
  op: Op,
  field: F,
  value: FormValue<FieldValue<Op, F>> | undefined,
  options: ValidateFieldOptions<Op> & { form: true },
): Report;
export declare function validateField<Op extends OperationId, F extends FieldOf<Op> | PointerOf<Op>>(
  op: Op,
  field: F,
  value: FieldValue<Op, F> | undefined,
  options?: ValidateFieldOptions<Op> | null,
): Report;

/**
 * Validates many inputs of one operation in one call: one report per input,
 * in order, each input with its own value budget. A value without JSON form
 * stops the call; its path starts with the input's index (`/3/name`).
 * @throws {RegplanError} `unknown_operation`, `invalid_argument`, `invalid_option`, `unsupported_value`
 */
export declare function validateMany<Op extends OperationId>(
  op: Op,
  inputs: readonly FormValue<InputOf<Op>>[],
  options: ValidateOptions & { form: true },
): Report[];
export declare function validateMany<Op extends OperationId>(
  op: Op,
  inputs: readonly InputOf<Op>[],
  options?: ValidateOptions | null,
): Report[];

/**
 * Validates the input and, when it is valid, builds the exact request.
 * @throws {RegplanError} `unknown_operation`, `missing_credentials`, `wrong_credentials`,
 *   `invalid_credentials`, `missing_timestamp`, `invalid_option`, `invalid_argument`, `unsupported_value`
 */
export declare function plan<Op extends OperationId>(
  op: Op,
  input: FormValue<InputOf<Op>>,
  options: PlanOptions<Op> & { form: true },
): PlanResult;
export declare function plan<Op extends OperationId>(
  op: Op,
  input: InputOf<Op>,
  options?: PlanOptions<Op> | null,
): PlanResult;

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
 * `keywords: ["x-source"], formats: { password: true }`.
 * @throws {RegplanError} `unknown_operation`, `invalid_argument`, `invalid_option`
 */
export declare function schema(op: OperationId, options?: SchemaOptions | null): JsonSchema;

/**
 * Credentials for an operation id or a provider id (`"gcore"`) from `env`
 * (default: Node's `process.env`; in a browser, pass an object): the
 * variables the CLI reads (`GCORE_API_KEY`, `QOVERY_API_TOKEN`,
 * `NCLOUD_ACCESS_KEY` + `NCLOUD_SECRET_KEY`, `HUAWEICLOUD_SDK_AK` +
 * `HUAWEICLOUD_SDK_SK` (+ `HUAWEICLOUD_SDK_PROJECT_ID`) or
 * `HUAWEICLOUD_SDK_IAM_TOKEN`), from the core's one table; `null` when none
 * is set. `JSON.stringify` and `util.inspect` of the result mask secrets;
 * `plan` itself never reads the environment.
 * @throws {RegplanError} `unknown_operation`, `invalid_argument`
 */
export declare function credentialsFromEnv<Op extends OperationId>(
  op: Op,
  env?: { readonly [name: string]: string | undefined },
): CredentialsOf<Op> | null;
export declare function credentialsFromEnv(
  provider: "gcore" | "qovery" | "ncloud" | "huawei_swr",
  env?: { readonly [name: string]: string | undefined },
): Credentials | null;

/** `fetch`'s arguments for a planned request: `fetch(...toFetch(result.request))`. Throws for a preview. */
export declare function toFetch(
  request: Request,
): [url: string, init: { method: Method; headers: { [name: string]: string }; body?: string }];

/** undici's dispatch options for a planned request (`undici.request(url, opts)`, `Dispatcher.request(opts)`). Throws for a preview. */
export declare function toUndici(request: Request): {
  origin: string;
  path: string;
  method: Method;
  headers: { [name: string]: string };
  body: string | null;
};
