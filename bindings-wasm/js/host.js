// The JavaScript half of reading a host value (src/input.rs). Each call
// reads one value and writes what it is to a scratch area in wasm memory,
// so the core learns a member's key, kind and contents (a number, a short
// string) in one call. These functions only say what a value is; every
// decision (NaN refused, budgets, messages) is the core's.
//
// What a getter or Proxy trap throws is kept in `pending`, the call
// returns, and the THREW word tells Rust to take it (`exception()`) and
// stop: the caller gets that very exception, once.

const toString = Object.prototype.toString;
const getPrototypeOf = Object.getPrototypeOf;
const isArray = Array.isArray;
const objectKeys = Object.keys;
const wellFormed = typeof String.prototype.isWellFormed === "function"
  ? (s) => s.isWellFormed()
  : (s) => !/\p{Cs}/u.test(s);
const encoder = new TextEncoder();

// Kinds, as src/input.rs reads them. From HELD on, Rust needs the value
// itself too (`held()`); below it, the kind says everything.
const NULL = 0, UNDEFINED = 1, FALSE = 2, TRUE = 3, NUMBER = 4, STRING = 5,
  KNOWN_STRING = 6, LONE_SURROGATE = 7, FUNCTION = 8, SYMBOL = 9, BIGINT = 10,
  HELD = 16, LONG_STRING = 16, ARRAY = 17, OBJECT = 18, TAGGED = 19, UNREAD = 20;
// Key states.
const KEY = 0, LONG_KEY = 1, LONE_KEY = 2, KNOWN_KEY = 3;

// The scratch layout (src/input.rs `Scratch`): byte offsets.
const NUMBER_AT = 0, KIND_AT = 8, KEY_STATE_AT = 12, KEY_LEN_AT = 16, TEXT_LEN_AT = 20,
  COUNT_AT = 24, THREW_AT = 28, KEY_AT = 32;
let keyRoom = 0;
let textAt = 0;
let textRoom = 0;

let memory = null;
let at = 0;
let u8 = new Uint8Array(0);
let keyView = u8;
let textView = u8;
let u32 = new Uint32Array(0);
let f64 = new Float64Array(0);
let pending;
// The value of the last entry() or item(), when Rust needs it.
let last;
// The fixed strings the core reads (member names, operation ids, enum
// values), by their number in src/input.rs `NAMES`.
const known = new Map();

export function setup(wasmMemory, scratch, keyBytes, textBytes, names) {
  names.split("\n").forEach((name, i) => known.set(name, i));
  memory = wasmMemory;
  at = scratch;
  keyRoom = keyBytes;
  textAt = KEY_AT + keyBytes;
  textRoom = textBytes;
  views();
}

function views() {
  // Growing the memory detaches the old buffer, leaving views of length 0.
  if (u8.length === 0) {
    u8 = new Uint8Array(memory.buffer);
    u32 = new Uint32Array(memory.buffer);
    f64 = new Float64Array(memory.buffer);
    keyView = u8.subarray(at + KEY_AT, at + KEY_AT + keyRoom);
    textView = u8.subarray(at + textAt, at + textAt + textRoom);
  }
}

/**
 * Writes `s` as UTF-8 at byte `to` if it fits in `room` bytes (`view` is
 * that region); its length in bytes, or -1. Short ASCII strings are copied
 * by hand, longer ones by TextEncoder, whichever is faster.
 */
function utf8(s, to, room, view) {
  const n = s.length;
  if (n > room) return -1;
  if (n < 16) {
    let i = 0;
    for (; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c > 0x7f) break;
      u8[to + i] = c;
    }
    if (i === n) return n;
  }
  const { read, written } = encoder.encodeInto(s, view);
  return read === n ? written : -1;
}

/**
 * Classifies `v` into the scratch area; throws what a Proxy trap throws.
 * User code (a Proxy trap) may call regplan and grow the memory, so the
 * views are renewed before each write that follows it.
 */
function classify(v) {
  let kind;
  let number = 0;
  switch (typeof v) {
    case "string": {
      const id = known.get(v);
      if (id !== undefined) {
        kind = KNOWN_STRING;
        number = id;
      } else if (!wellFormed(v)) {
        kind = LONE_SURROGATE;
      } else {
        views();
        const n = utf8(v, at + textAt, textRoom, textView);
        if (n < 0) {
          kind = LONG_STRING;
        } else {
          kind = STRING;
          u32[(at + TEXT_LEN_AT) >>> 2] = n;
        }
      }
      break;
    }
    case "number":
      number = v;
      kind = NUMBER;
      break;
    case "boolean":
      kind = v ? TRUE : FALSE;
      break;
    case "undefined":
      kind = UNDEFINED;
      break;
    case "object":
      if (v === null) {
        kind = NULL;
      } else if (isArray(v)) {
        // True for a Proxy of an array too; its length is read through the
        // `get` trap, as JSON.stringify reads it.
        const length = v.length;
        number = typeof length === "number" ? length : Number(length);
        kind = ARRAY;
      } else {
        // Plain: no prototype, or a realm's Object.prototype (of any realm).
        const proto = getPrototypeOf(v);
        kind = proto === null || getPrototypeOf(proto) === null ? OBJECT : TAGGED;
      }
      break;
    case "function":
      kind = FUNCTION;
      break;
    case "symbol":
      kind = SYMBOL;
      break;
    case "bigint":
      kind = BIGINT;
      break;
    default:
      kind = TAGGED;
  }
  views();
  f64[(at + NUMBER_AT) >>> 3] = number;
  u32[(at + KIND_AT) >>> 2] = kind;
  return kind;
}

function threw(error) {
  pending = error;
  views();
  u32[(at + THREW_AT) >>> 2] = 1;
}

/** What `v` is (the arguments of a call). */
export function kind(v) {
  views();
  try {
    classify(v);
  } catch (error) {
    threw(error);
  }
}

/** The own enumerable string keys, in the host's order; their count in the scratch area. */
export function keys(v) {
  views();
  try {
    const own = objectKeys(v);
    views();
    u32[(at + COUNT_AT) >>> 2] = own.length;
    return own;
  } catch (error) {
    threw(error);
    return undefined;
  }
}

/**
 * Member `i`: its key and its kind go to the scratch area, and its value to
 * `last` when Rust needs it (`held()`). A trap that throws while classifying
 * the value leaves it UNREAD, to be read (and throw) when the core asks
 * what it is. The key is written last: a getter may call regplan, which
 * writes the scratch area too.
 */
export function entry(v, own, i) {
  views();
  const k = own[i];
  let value;
  try {
    value = v[k];
  } catch (error) {
    threw(error);
    return;
  }
  hold(value);
  views();
  const id = known.get(k);
  if (id !== undefined) {
    u32[(at + KEY_STATE_AT) >>> 2] = KNOWN_KEY;
    u32[(at + KEY_LEN_AT) >>> 2] = id;
  } else if (!wellFormed(k)) {
    u32[(at + KEY_STATE_AT) >>> 2] = LONE_KEY;
  } else {
    const n = utf8(k, at + KEY_AT, keyRoom, keyView);
    u32[(at + KEY_STATE_AT) >>> 2] = n < 0 ? LONG_KEY : KEY;
    u32[(at + KEY_LEN_AT) >>> 2] = n;
  }
}

/** Array item `i`, classified like a member. */
export function item(v, i) {
  views();
  let value;
  try {
    value = v[i];
  } catch (error) {
    threw(error);
    return;
  }
  hold(value);
}

/** Classifies a member or item, and keeps it in `last` if Rust will need it. */
function hold(value) {
  let kind;
  try {
    kind = classify(value);
  } catch {
    views();
    u32[(at + KIND_AT) >>> 2] = kind = UNREAD;
  }
  // Only what Rust takes is kept: a string read whole is not held here.
  last = kind >= HELD ? value : undefined;
}

/** The value the last entry() or item() kept. */
export function held() {
  const value = last;
  last = undefined;
  return value;
}

/** The exception a call kept. */
export function exception() {
  const error = pending;
  pending = undefined;
  return error;
}

/** A string too long for the scratch area, as wasm-bindgen passes strings. */
export function text(v) {
  return v;
}

/** Key `i`, too long for the scratch area. */
export function longKey(own, i) {
  return own[i];
}

/** `Object.prototype.toString.call(v)` (`[object Date]`, ...); a Symbol.toStringTag getter may throw. */
export function tag(v) {
  try {
    return toString.call(v);
  } catch (error) {
    threw(error);
    return "";
  }
}
