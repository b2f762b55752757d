// Typed usage of the public API, checked by `tsc -p test/tsconfig.json`
// (no emit). `regplan` resolves to this package through its own `exports`.
import {
  codes,
  credentialsFromEnv,
  toFetch,
  toUndici,
  operations,
  plan,
  RegplanError,
  schema,
  validate,
  validateField,
  validateMany,
  type Code,
  type Credentials,
  type ErrorCode,
  type Issue,
  type IssueCode,
  type OperationId,
  type PlanResult,
  type Report,
  type Request,
} from 'regplan'

const op: OperationId = 'gcore.registries.create'
const report: Report = validate(op, { project_id: 1, region_id: 76, name: 'reg-home1' })
const first: Issue | undefined = report.errors[0]
const code: IssueCode | undefined = first?.code
const valid: boolean = report.valid

const result: PlanResult = plan(op, { project_id: 1, region_id: 76, name: 'reg-home1' }, {
  credentials: { type: 'api_key', api_key: 'k3y' },
  reveal_secrets: false,
})
if (result.ok) {
  const request: Request = result.request
  const headers: [string, string][] = Object.entries(request.headers)
  const body: string | null = request.body
  const curl: string = result.curl
  const masked: string | undefined = request.toJSON().headers['Authorization']
  void [headers, body, curl, masked]
} else {
  const errors: Issue[] = result.errors
  void errors
}

// Signed requests: a number, an RFC 3339 string, or nothing (now).
plan('huawei_swr.namespaces.create', { region: 'cn-north-4', namespace: 'group1' }, {
  credentials: { type: 'access_key', access_key: 'AK', secret_key: 'SK', project_id: 'p1' },
  timestamp: '2026-11-22T10:15:00Z',
})
plan('huawei_swr.namespaces.create', { region: 'cn-north-4', namespace: 'group1' }, {
  credentials: { type: 'access_key', access_key: 'AK', secret_key: 'SK' },
  // @ts-expect-error: a Date is not JSON; pass date.getTime()
  timestamp: new Date(),
})
const all: Code[] = codes()
const apiCode: ErrorCode = 'unsupported_value'
// An undefined member is absent.
validate(op, { project_id: 1, region_id: 76, name: 'reg-home1', storage_limit: undefined })
plan('ncloud.registries.create', { registry: 'r', bucket: 'b' }, { timestamp: 1795342500000 })

const reports: Report[] = validateMany(op, [{}, { name: 'x' }])
const field: Report = validateField(op, 'name', 'reg')
const title: string = schema(op).title
const ids: OperationId[] = operations().map((o) => o.id)
const kinds: string[] = operations().flatMap((o) => o.fields.map((f) => f.type.name))

try {
  validate(op, {})
} catch (error) {
  if (error instanceof RegplanError) {
    const errorCode: ErrorCode = error.code
    void errorCode
  }
}

// @ts-expect-error: not an operation id
validate('gcore.registries.craete', {})
// @ts-expect-error: functions are not JSON values
validate(op, { name: () => 1 })
// @ts-expect-error: unknown credential type
plan(op, {}, { credentials: { type: 'password', password: 'x' } })
// @ts-expect-error: a PlanResult must be narrowed before reading the request
void result.request

void [code, valid, reports, field, title, ids, kinds, all, apiCode]

// Credentials from the environment, then the request in fetch's and undici's forms.
const fromEnv: Credentials | null = credentialsFromEnv('gcore', { GCORE_API_KEY: 'k3y' })
const sent = plan('gcore.registries.create', { project_id: 1, region_id: 76, name: 'r1' }, { credentials: fromEnv })
if (sent.ok) {
  const [url, init]: [string, { method: string; headers: { [name: string]: string }; body?: string }] = toFetch(sent.request)
  const dispatch: { origin: string; path: string; body: string | null } = toUndici(sent.request)
  void [url, init, dispatch]
}
// @ts-expect-error: not an operation or provider id
credentialsFromEnv('gcore.nothing')
