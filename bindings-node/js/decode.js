'use strict'
/**
 * Builds results from the addon's compact answers (the encoding is
 * documented in `src/output.rs`, which writes it). One string crosses from
 * native code instead of one Node-API call per property; the objects are
 * built here with literal shapes, keys in the order every runtime prints them.
 */

let S = ''
let I = 0

/** Parameter names sent by index (`PARAM_NAMES` in src/output.rs, in order). */
const PARAM_NAMES = [
  'min', 'max', 'pattern', 'expected', 'field', 'suggestion', 'allowed', 'also', 'value', 'kind', 'one_of', 'known', 'group',
]

function uint() {
  let n = 0
  let shift = 1
  for (;;) {
    const unit = S.charCodeAt(I++)
    if (unit < 0x80) return n + unit * shift
    n += (unit - 0x80) * shift
    shift *= 0x80
  }
}

function text() {
  const n = uint()
  const t = S.slice(I, I + n)
  I += n
  return t
}

function value() {
  switch (S.charCodeAt(I++)) {
    case 0x4e /* N */:
      return null
    case 0x54 /* T */:
      return true
    case 0x46 /* F */:
      return false
    case 0x49 /* I */:
      return uint()
    case 0x44 /* D */:
      return Number(text())
    case 0x53 /* S */:
      return text()
    case 0x41 /* A */: {
      const n = uint()
      const items = new Array(n)
      for (let k = 0; k < n; k += 1) items[k] = value()
      return items
    }
    default /* O */: {
      const n = uint()
      const object = {}
      for (let k = 0; k < n; k += 1) {
        const key = text()
        object[key] = value()
      }
      return object
    }
  }
}

function issues(codes) {
  const n = uint()
  const list = new Array(n)
  for (let k = 0; k < n; k += 1) {
    const code = codes[uint()]
    const path = text()
    const message = text()
    const count = uint()
    const params = {}
    for (let p = 0; p < count; p += 1) {
      const known = uint()
      const name = known === 0 ? text() : PARAM_NAMES[known - 1]
      params[name] = value()
    }
    list[k] = { code, path, message, params }
  }
  return list
}

function report(codes) {
  const errors = issues(codes)
  const warnings = issues(codes)
  return { valid: errors.length === 0, errors, warnings }
}

function start(s) {
  S = s
  I = 0
}

/** `validate` / `validateField`: a report. */
function decodeReport(s, codes) {
  start(s)
  return report(codes)
}

/** `validateMany`: reports, `clean()` for each valid one without warnings. */
function decodeReports(s, codes, clean) {
  start(s)
  const n = uint()
  const reports = new Array(n)
  for (let k = 0; k < n; k += 1) reports[k] = S.charCodeAt(I++) === 0 ? clean() : report(codes)
  return reports
}

/**
 * `plan`: `{ok: false, errors, warnings}`, or
 * `{request, curl, secretHeaders, maskedBody}` for a planned request.
 */
function decodePlan(s, codes) {
  start(s)
  if (S.charCodeAt(I++) === 0x58 /* X */) {
    const errors = issues(codes)
    const warnings = issues(codes)
    return { ok: false, errors, warnings }
  }
  const method = text()
  const url = text()
  const headers = {}
  const secretHeaders = {}
  for (let n = uint(), k = 0; k < n; k += 1) {
    const name = text()
    headers[name] = text()
    if (S.charCodeAt(I++) === 1) secretHeaders[name] = text()
  }
  const body = S.charCodeAt(I++) === 1 ? text() : null
  const maskedBody = S.charCodeAt(I++) === 1 ? text() : null
  const n = uint()
  const defaultsApplied = new Array(n)
  for (let k = 0; k < n; k += 1) defaultsApplied[k] = text()
  const warnings = issues(codes)
  const curl = text()
  const preview = S.charCodeAt(I++) === 1
  const request = { method, url, headers, body, defaults_applied: defaultsApplied, warnings, preview }
  return { request, curl, secretHeaders, maskedBody }
}

/** `operations` / `schema`: a JSON value. */
function decodeValue(s) {
  start(s)
  return value()
}

module.exports = { decodeReport, decodeReports, decodePlan, decodeValue }
