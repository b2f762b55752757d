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
  type InputOf,
  type GcoreRegistriesCreateInput,
  type QoveryContainerRegistriesCreateInput,
} from 'regplan'

const op: OperationId = 'gcore.registries.create'
const GOOD = { project_id: 1, region_id: 76, name: 'reg-home1' }
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

const reports: Report[] = validateMany(op, [{ project_id: 1, region_id: 76, name: 'a' }, { project_id: 1, region_id: 76, name: 'b' }])
const field: Report = validateField(op, 'name', 'reg')
const title: string = schema(op).title
const ids: OperationId[] = operations().map((o) => o.id)
const kinds: string[] = operations().flatMap((o) => o.fields.map((f) => f.type.name))

try {
  // Data of unknown shape (parsed JSON) is checked at run time all the same.
  validate(op, JSON.parse('{}') as InputOf<typeof op>)
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
plan(op, GOOD, { credentials: { type: 'password', password: 'x' } })
// @ts-expect-error: a PlanResult must be narrowed before reading the request
void result.request

// Misuses the typings catch: each line must stay a compile error.
// @ts-expect-error: misspelt field
validate(op, { project_id: 1, region_id: 76, nmae: 'x' })
// @ts-expect-error: wrong value type (an integer field given a string)
validate(op, { project_id: '1', region_id: 76, name: 'x' })
// @ts-expect-error: a field of another operation (Qovery's organizationId)
validate(op, { project_id: 1, region_id: 76, name: 'x', organizationId: 'o' })
// @ts-expect-error: validateField with a field the operation does not have
validateField(op, 'nmae', 'x')
// @ts-expect-error: validateField with a value of the wrong type
validateField(op, 'project_id', '1')
// @ts-expect-error: Qovery token credentials for a Gcore operation
plan(op, GOOD, { credentials: { type: 'token', token: 't' } })
// @ts-expect-error: Gcore credentials for a Huawei operation
plan('huawei_swr.namespaces.create', { region: 'cn-north-4', namespace: 'g' }, { credentials: { type: 'api_key', api_key: 'k' } })
// @ts-expect-error: a config key of another Qovery kind (ECR's role_arn for DOCKER_HUB)
validate('qovery.container_registries.create', { organizationId: 'o', name: 'n', kind: 'DOCKER_HUB', config: { role_arn: 'r' } })
// @ts-expect-error: an enum value that does not exist
validate('qovery.container_registries.create', { organizationId: 'o', name: 'n', kind: 'DOCR', url: 'https://x', config: {} })
// @ts-expect-error: validateMany items are that operation's inputs
validateMany(op, [{ region: 'cn-north-4', namespace: 'g' }])

// Correct uses: an interface-typed value is accepted (no index signature needed).
interface MyRegistry { project_id: number; region_id: number; name: string; storage_limit?: number }
const mine: MyRegistry = { project_id: 1, region_id: 76, name: 'reg' }
validate('gcore.registries.create', mine)
const typed: GcoreRegistriesCreateInput = mine
const ecr: QoveryContainerRegistriesCreateInput = {
  organizationId: 'o', name: 'n', kind: 'ECR', url: 'https://1.dkr.ecr.eu-west-3.amazonaws.com',
  config: { region: 'eu-west-3', role_arn: 'arn:aws:iam::1:role/r' },
}
validate('qovery.container_registries.create', ecr)
validateField('qovery.container_registries.create', 'kind', 'ECR')
plan('qovery.container_registries.create', ecr, { credentials: { type: 'bearer', token: 'jwt' } })
// Issues narrow on `code`, and their params are typed per code.
for (const issue of report.errors) {
  if (issue.code === 'too_long') {
    const max: number = issue.params.max
    void max
  } else if (issue.code === 'enum') {
    const allowed: string[] = issue.params.allowed
    void allowed
  }
}
void typed

void [code, valid, reports, field, title, ids, kinds, all, apiCode]

// Credentials from the environment, then the request in fetch's and undici's forms.
const fromEnv = credentialsFromEnv('gcore.registries.create', { GCORE_API_KEY: 'k3y' })
const anyProvider: Credentials | null = credentialsFromEnv('gcore', { GCORE_API_KEY: 'k3y' })
const sent = plan('gcore.registries.create', { project_id: 1, region_id: 76, name: 'r1' }, { credentials: fromEnv })
if (sent.ok) {
  const [url, init]: [string, { method: string; headers: { [name: string]: string }; body?: string }] = toFetch(sent.request)
  const dispatch: { origin: string; path: string; body: string | null } = toUndici(sent.request)
  void [url, init, dispatch, anyProvider]
}
// @ts-expect-error: not an operation or provider id
credentialsFromEnv('gcore.nothing')

// Forms: raw values under `{form: true}`, fields by JSON Pointer, the whole input.
const Q = 'qovery.container_registries.create'
validate(op, { project_id: '1', region_id: ' 76 ', name: 'reg-home1', storage_limit: '' }, { form: true })
validateMany(op, [{ project_id: '1', region_id: '76', name: 'a' }], { form: true })
plan(op, { project_id: '1', region_id: '76', name: 'reg' }, { credentials: { type: 'api_key', api_key: 'k' }, form: true })
validateField(Q, '/config/region', 'eu-west-3')
validateField(Q, '/config/region', '', { form: true, input: { kind: 'ECR', config: { region: '' } } })
validateField(op, '/project_id', ' 7 ', { form: true })
validateField(op, 'project_id', 7, { input: { project_id: 7 } })
// @ts-expect-error: a pointer the operation does not have
validateField(Q, '/config/regoin', 'x')
// @ts-expect-error: a pointer of another operation's field
validateField(op, '/config/region', 'x')
// @ts-expect-error: without the form option, text for an integer field is refused
validateField(op, '/project_id', '7')
// @ts-expect-error: without the form option, the input's integers are numbers
validate(op, { project_id: '1', region_id: 76, name: 'x' }, { form: false })
// @ts-expect-error: form is a boolean
validate(op, GOOD, { form: 'yes' })
// @ts-expect-error: validate takes no whole input (only validateField does)
validate(op, GOOD, { input: GOOD })
// @ts-expect-error: the whole input is that operation's (Qovery's kind for Gcore)
validateField(op, 'name', 'reg', { input: { kind: 'ECR' } })
