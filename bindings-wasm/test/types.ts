// Compiled with `tsc --noEmit -p test/tsconfig.json`: the package's .d.ts
// must type a normal use of the API precisely (no `any`), and reject misuse.
import init, {
  codes,
  operations,
  plan,
  RegplanError,
  schema,
  validate,
  validateField,
  validateMany,
} from "../js/index.js";
import type {
  ErrorCode,
  Issue,
  IssueCode,
  OperationId,
  OperationInfo,
  PlanOptions,
  PlanResult,
  Report,
  Request,
} from "../js/index.js";

void init();
const op: OperationId = "gcore.registries.create";
const GOOD = { project_id: 1, region_id: 76, name: "reg" };
const report: Report = validate(op, { project_id: 1, region_id: 76, name: "reg" });
const first: Issue | undefined = report.errors[0];
const code: IssueCode | undefined = first?.code;
const pointer: string | undefined = first?.path;
const field: Report = validateField(op, "name", "reg");
const reports: Report[] = validateMany(op, [GOOD, { ...GOOD, name: "other" }]);
const allCodes: string[] = codes();

const options: PlanOptions<"gcore.registries.create"> = { credentials: { type: "api_key", api_key: "k" }, reveal_secrets: false };
const result: PlanResult = plan(op, { project_id: 1, region_id: 76, name: "reg" }, options);
if (result.ok) {
  const request: Request = result.request;
  const method: "GET" | "POST" | "PATCH" | "DELETE" = request.method;
  const body: string | null = request.body;
  const headers: [string, string][] = Object.entries(request.headers);
  const curl: string = result.curl;
  void [method, body, headers, curl];
} else {
  const errors: Issue[] = result.errors;
  void errors;
}
plan("ncloud.registries.create", { registry: "r", bucket: "b" }, { credentials: { type: "access_key", access_key: "a", secret_key: "s" }, timestamp: null });
plan(op, GOOD);

const ops: OperationInfo[] = operations();
const ids: OperationId[] = ops.map((o) => o.id);
const integerMax: number | null | undefined = ops[0]?.fields[0]?.type.name === "integer" ? ops[0].fields[0].type.max : undefined;
const jsonSchema = schema(op);

try {
  plan(op, GOOD, options);
} catch (e) {
  if (e instanceof RegplanError) {
    const errorCode: ErrorCode = e.code;
    const message: string = e.message;
    void [errorCode, message];
  }
}
const made: RegplanError = new RegplanError("invalid_option", "m");

// Misuse the types must reject (each line would compile if a type were `any`).
// @ts-expect-error: not an operation id
validate("gcore.registries.crate", {});
// @ts-expect-error: unknown credential type
plan(op, GOOD, { credentials: { type: "password", password: "p" } });
// @ts-expect-error: reports are not strings
const notAString: string = validate(op, GOOD);
// @ts-expect-error: issue codes are a closed union
const notACode: IssueCode = "no_such_code";
// @ts-expect-error: a failed plan has no request
if (!result.ok) void result.request;
// @ts-expect-error: timestamps are numbers, strings or null
plan(op, GOOD, { timestamp: true });
// @ts-expect-error: error codes are a closed union
const notAnErrorCode: ErrorCode = "boom";

void [first, code, pointer, field, reports, allCodes, ids, integerMax, jsonSchema, notAString, notACode, made, notAnErrorCode];

// Forms: raw values under `{form: true}`, fields by JSON Pointer, the whole input.
const Q = "qovery.container_registries.create";
validate(op, { project_id: "1", region_id: " 76 ", name: "reg-home1", storage_limit: "" }, { form: true });
validateMany(op, [{ project_id: "1", region_id: "76", name: "a" }], { form: true });
plan(op, { project_id: "1", region_id: "76", name: "reg" }, { credentials: { type: "api_key", api_key: "k" }, form: true });
validateField(Q, "/config/region", "eu-west-3");
validateField(Q, "/config/region", "", { form: true, input: { kind: "ECR", config: { region: "" } } });
// @ts-expect-error: a pointer the operation does not have
validateField(Q, "/config/regoin", "x");
// @ts-expect-error: without the form option, text for an integer field is refused
validateField(op, "/project_id", "7");
// @ts-expect-error: form is a boolean
validate(op, GOOD, { form: "yes" });
// @ts-expect-error: the whole input is that operation's (Qovery's kind for Gcore)
validateField(op, "name", "reg", { input: { kind: "ECR" } });
