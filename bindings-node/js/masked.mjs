// ES module copy of masked.js (same code; test/masked.test.js checks).
/**
 * Renderings of a planned request for people, with its secrets masked.
 *
 * A request returned by `plan` carries the real header and body values: it
 * is what gets sent (`fetch(url, {method, headers, body})`). Logging it must
 * not leak them, so `withMaskedRenderings` gives the request a
 * non-enumerable `toJSON` and a `Symbol.for('nodejs.util.inspect.custom')`
 * method that render a masked view instead:
 *
 *   JSON.stringify(result)          -> {"ok":true,"request":{... "Authorization":"APIKey ***" ...},"curl":"..."}
 *   util.inspect(result), console.log(result) -> the same masked view
 *   result.request.headers.Authorization      -> 'APIKey <the real key>'
 *   {...result.request}, Object.entries(...)  -> real values (own enumerable members only)
 *
 * `request.headers` itself stays a plain object holding nothing but the
 * headers (real values): HTTP clients iterate its own keys, and Node's
 * `new Headers(init)` refuses an object with any symbol key, even a hidden
 * one. Log `result` or `result.request`, which mask; not `request.headers`.
 *
 * The view is the request's own enumerable members as they are now, except
 * that each header the plan filled with a credential shows the masked value
 * the core rendered (`APIKey ***`) and the body, when the plan put secret
 * members in it, is the body the core rendered with those members as `***`.
 * Masking does not depend on `reveal_secrets`, which only reveals `curl`.
 *
 * Dependency-free and shared: the Node addon (`regplan.js`) requires this
 * file; the wasm package copies it at build time (`masked.mjs` is the same
 * code as an ES module; `test/masked.test.js` keeps the two identical).
 */

const INSPECT = Symbol.for('nodejs.util.inspect.custom')

function hidden(object, key, value) {
  Object.defineProperty(object, key, { value, enumerable: false, writable: true, configurable: true })
}

/**
 * @param {object} request `{method, url, headers, body, defaults_applied, warnings}`, real values
 * @param {Record<string, string>} secretHeaders each header holding a credential -> its masked value
 * @param {string | null} maskedBody the body with secret members as `***`, or null when it has none
 * @returns {object} `request`, with masked `toJSON` and inspect renderings
 */
function withMaskedRenderings(request, secretHeaders, maskedBody) {
  const maskedRequest = () => {
    const view = {}
    for (const key of Object.keys(request)) view[key] = request[key]
    const headers = view.headers
    if (headers !== null && typeof headers === 'object') {
      view.headers = {}
      for (const name of Object.keys(headers)) {
        view.headers[name] = Object.prototype.hasOwnProperty.call(secretHeaders, name) ? secretHeaders[name] : headers[name]
      }
    }
    if (maskedBody !== null) view.body = maskedBody
    return view
  }
  hidden(request, 'toJSON', maskedRequest)
  hidden(request, INSPECT, maskedRequest)
  return request
}

/**
 * Credentials read from the environment (`credentialsFromEnv`): the object
 * `plan` takes, real values as its own enumerable members, and the same
 * non-enumerable masked `toJSON` / inspect renderings as a request
 * (`{type: 'api_key', api_key: '***'}`), `masked` being the core's view.
 *
 * @param {object} credentials real values
 * @param {object} masked the core's masked view of the same credentials
 * @returns {object} `credentials`, with masked renderings
 */
function withMaskedCredentials(credentials, masked) {
  const view = () => Object.assign({}, masked)
  hidden(credentials, 'toJSON', view)
  hidden(credentials, INSPECT, view)
  return credentials
}

/**
 * Throws for a preview (`plan(op, input, {preview: true})` without
 * credentials): placeholders such as `<api_key>` stand where the
 * credentials go, so the request must not be sent.
 *
 * @param {object} request a planned request
 * @param {string} helper the helper's name, for the message
 */
function refusePreview(request, helper) {
  if (request !== null && typeof request === 'object' && request.preview === true) {
    const error = new Error(
      `${helper}: this request is a preview (placeholders stand in for the credentials) and cannot be sent; plan it again with credentials`,
    )
    error.name = 'RegplanError'
    error.code = 'preview_request'
    throw error
  }
}

/**
 * A planned request as `fetch`'s arguments: `fetch(...toFetch(request))`
 * sends the planned method, URL, headers and body (UTF-8 text, the exact
 * planned bytes).
 *
 * @param {object} request a planned request (`result.request`)
 * @returns {[string, {method: string, headers: Record<string, string>, body?: string}]}
 */
function toFetch(request) {
  refusePreview(request, 'toFetch')
  const init = { method: request.method, headers: Object.assign({}, request.headers) }
  if (request.body !== null) init.body = request.body
  return [request.url, init]
}

/**
 * A planned request as undici's dispatch options (`undici.request(url,
 * opts)`, `Dispatcher.request(opts)`, `Pool#request`): `origin` and `path`
 * split from the URL, the planned method, headers and body.
 *
 * @param {object} request a planned request (`result.request`)
 * @returns {{origin: string, path: string, method: string, headers: Record<string, string>, body: string | null}}
 */
function toUndici(request) {
  refusePreview(request, 'toUndici')
  const url = new URL(request.url)
  // The path and query exactly as planned (URL#pathname would normalise them).
  const afterOrigin = request.url.slice(url.origin.length)
  return {
    origin: url.origin,
    path: afterOrigin === '' ? '/' : afterOrigin,
    method: request.method,
    headers: Object.assign({}, request.headers),
    body: request.body,
  }
}

/**
 * An environment (`process.env`, or any object of strings) as the two
 * parallel arrays `credentialsFromEnv` hands to the core: each own key whose
 * value is a string, and that value. Anything but an object is empty.
 *
 * @param {unknown} env
 * @returns {[string[], string[]]}
 */
function envArrays(env) {
  const names = []
  const values = []
  if (env !== null && typeof env === 'object') {
    for (const name of Object.keys(env)) {
      const value = env[name]
      if (typeof value === 'string') {
        names.push(name)
        values.push(value)
      }
    }
  }
  return [names, values]
}

export { withMaskedRenderings, withMaskedCredentials, envArrays, toFetch, toUndici }
