//! The Node-API calls this addon makes, each a single call with its status
//! checked, behind a safe interface.
//!
//! napi-rs's safe wrappers cost two or three Node-API calls where one does
//! (a string is measured, allocated and then copied; a number is coerced and
//! then read), and every value of every input goes through here, so the few
//! calls the reader and the result builder need are made directly.
//!
//! Safety, for the whole module: a [`Cx`] holds the `napi_env` of the call
//! being served and is only created from napi-rs's `Env` of that call, so
//! it never outlives it; a [`Val`] is a handle napi gave during that call
//! (handles live until the call returns, since the addon opens no handle
//! scopes). Every pointer handed to Node-API points to a live local of the
//! right type and size. No call here runs before its arguments are valid.

#![allow(unsafe_code)]

use std::ffi::{c_char, c_void, CStr};
use std::ptr;

use napi::bindgen_prelude::{JsValue, Unknown};
use napi::sys;

/// The environment of the current call.
#[derive(Clone, Copy)]
pub(crate) struct Cx {
    env: sys::napi_env,
}

/// A JavaScript value (a handle valid for the current call).
#[derive(Clone, Copy)]
#[repr(transparent)]
pub(crate) struct Val(sys::napi_value);

/// What `typeof` says, as Node-API reports it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Type {
    Undefined,
    Null,
    Boolean,
    Number,
    String,
    Symbol,
    Object,
    Function,
    External,
    BigInt,
}

/// A failed call. `Status::PendingException` means JavaScript threw (a
/// getter, a Proxy trap): the exception stays pending and napi-rs leaves it
/// in place when the error is returned, so the caller gets it unchanged.
pub(crate) type Result<T> = std::result::Result<T, napi::Error>;

fn check(status: sys::napi_status) -> Result<()> {
    if status == sys::Status::napi_ok {
        Ok(())
    } else {
        Err(napi::Error::new(napi::Status::from(status), String::new()))
    }
}

/// Code units read at once onto the stack; longer strings take two more calls.
const STACK_UNITS: usize = 256;

/// The built-in functions and objects the reader uses, fetched from the
/// realm `init` ran in and kept for the life of the environment (user code
/// that later replaces `Object.keys` does not change how inputs are read).
#[derive(Clone, Copy)]
pub(crate) enum Builtin {
    /// `Object.keys`: lists an object's keys through V8's enum cache
    /// (`napi_get_all_property_names` always takes the slow path, about 4
    /// times as long for a small object).
    ObjectKeys,
    /// `Object.prototype`, the common prototype, compared first.
    ObjectPrototype,
    /// `Object.getPrototypeOf`, which runs a Proxy's trap
    /// (`napi_get_prototype` answers `null` for every Proxy).
    GetPrototypeOf,
    /// `Object.prototype.toString`, for the tag of an exotic object.
    ToString,
    /// `Array.isArray`, which sees through Proxies (`napi_is_array` does not).
    IsArray,
}

impl Builtin {
    const ALL: [Builtin; 5] = [
        Builtin::ObjectKeys,
        Builtin::ObjectPrototype,
        Builtin::GetPrototypeOf,
        Builtin::ToString,
        Builtin::IsArray,
    ];

    /// Where it is: a global, then a member, then maybe a member of that.
    fn path(self) -> (&'static CStr, &'static CStr, Option<&'static CStr>) {
        match self {
            Builtin::ObjectKeys => (c"Object", c"keys", None),
            Builtin::ObjectPrototype => (c"Object", c"prototype", None),
            Builtin::GetPrototypeOf => (c"Object", c"getPrototypeOf", None),
            Builtin::ToString => (c"Object", c"prototype", Some(c"toString")),
            Builtin::IsArray => (c"Array", c"isArray", None),
        }
    }
}

/// The data kept for the life of the environment, set by `init` when
/// `regplan.js` loads: the `RegplanError` class and the [`Builtin`]s.
struct Instance {
    error_class: sys::napi_ref,
    builtins: [sys::napi_ref; Builtin::ALL.len()],
}

unsafe extern "C" fn drop_instance(_env: sys::napi_env, data: *mut c_void, _hint: *mut c_void) {
    if !data.is_null() {
        // SAFETY: `data` is the `Box<Instance>` leaked by `Cx::init`,
        // handed back once by Node at teardown. The reference itself goes
        // with the environment.
        drop(unsafe { Box::from_raw(data.cast::<Instance>()) });
    }
}

impl Cx {
    pub(crate) fn new(env: &napi::Env) -> Self {
        Cx { env: env.raw() }
    }

    pub(crate) fn val(value: &Unknown<'_>) -> Val {
        Val(value.raw())
    }

    /// The value as napi-rs's `Unknown`, to return it from an export.
    pub(crate) fn unknown<'env>(self, value: Val) -> Unknown<'env> {
        // SAFETY: `value` is a live handle of this environment (module docs).
        unsafe { Unknown::from_raw_unchecked(self.env, value.0) }
    }

    pub(crate) fn type_of(self, value: Val) -> Result<Type> {
        let mut kind = 0;
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_typeof(self.env, value.0, &mut kind) })?;
        Ok(match kind {
            sys::ValueType::napi_undefined => Type::Undefined,
            sys::ValueType::napi_null => Type::Null,
            sys::ValueType::napi_boolean => Type::Boolean,
            sys::ValueType::napi_number => Type::Number,
            sys::ValueType::napi_string => Type::String,
            sys::ValueType::napi_symbol => Type::Symbol,
            sys::ValueType::napi_object => Type::Object,
            sys::ValueType::napi_function => Type::Function,
            sys::ValueType::napi_bigint => Type::BigInt,
            _ => Type::External,
        })
    }

    /// A number's value (the value must be a number).
    pub(crate) fn number(self, value: Val) -> Result<f64> {
        let mut n = 0.0;
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_get_value_double(self.env, value.0, &mut n) })?;
        Ok(n)
    }

    /// A boolean's value (the value must be a boolean).
    pub(crate) fn boolean(self, value: Val) -> Result<bool> {
        let mut b = false;
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_get_value_bool(self.env, value.0, &mut b) })?;
        Ok(b)
    }

    /// Appends a string's text to `out` (the value must be a string);
    /// `Ok(false)` when it holds a lone surrogate, which UTF-8 cannot carry
    /// (`out` then holds an unspecified prefix).
    ///
    /// Read as UTF-16, which is exact (V8's UTF-8 writer turns a lone
    /// surrogate into U+FFFD, and is the slower of the two), onto the stack.
    pub(crate) fn string_into(self, value: Val, out: &mut String) -> Result<bool> {
        let mut units = [0u16; STACK_UNITS];
        let mut copied = 0usize;
        // SAFETY: `units` has room for STACK_UNITS units; napi writes at most
        // STACK_UNITS - 1 and a terminating NUL.
        check(unsafe {
            sys::napi_get_value_string_utf16(
                self.env,
                value.0,
                units.as_mut_ptr(),
                STACK_UNITS,
                &mut copied,
            )
        })?;
        if copied + 1 < STACK_UNITS {
            return Ok(decode(units.get(..copied).unwrap_or_default(), out));
        }
        self.string_utf16_into(value, out)
    }

    /// [`Cx::string_into`] for a string too long for the stack.
    fn string_utf16_into(self, value: Val, out: &mut String) -> Result<bool> {
        let mut len = 0usize;
        // SAFETY: a null buffer asks for the length only.
        check(unsafe {
            sys::napi_get_value_string_utf16(self.env, value.0, ptr::null_mut(), 0, &mut len)
        })?;
        let mut units = vec![0u16; len + 1];
        let mut copied = 0usize;
        // SAFETY: `units` has room for `len` units and the NUL.
        check(unsafe {
            sys::napi_get_value_string_utf16(
                self.env,
                value.0,
                units.as_mut_ptr(),
                len + 1,
                &mut copied,
            )
        })?;
        Ok(decode(units.get(..copied).unwrap_or_default(), out))
    }

    pub(crate) fn is_array(self, value: Val) -> Result<bool> {
        let mut is = false;
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_is_array(self.env, value.0, &mut is) })?;
        Ok(is)
    }

    /// The length of a true array (`is_array` said so).
    pub(crate) fn array_length(self, value: Val) -> Result<u32> {
        let mut len = 0u32;
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_get_array_length(self.env, value.0, &mut len) })?;
        Ok(len)
    }

    /// The prototype as V8 holds it: `null` for every Proxy (no trap runs).
    pub(crate) fn prototype(self, value: Val) -> Result<Val> {
        let mut proto = ptr::null_mut();
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_get_prototype(self.env, value.0, &mut proto) })?;
        Ok(Val(proto))
    }

    /// `object[index]` (runs getters and traps).
    pub(crate) fn element(self, object: Val, index: u32) -> Result<Val> {
        let mut item = ptr::null_mut();
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_get_element(self.env, object.0, index, &mut item) })?;
        Ok(Val(item))
    }

    /// `object[key]` (runs getters and traps).
    pub(crate) fn property(self, object: Val, key: Val) -> Result<Val> {
        let mut value = ptr::null_mut();
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_get_property(self.env, object.0, key.0, &mut value) })?;
        Ok(Val(value))
    }

    /// `object[name]` for a name known at compile time.
    pub(crate) fn named(self, object: Val, name: &CStr) -> Result<Val> {
        let mut value = ptr::null_mut();
        // SAFETY: `name` is NUL-terminated; see the module docs.
        check(unsafe {
            sys::napi_get_named_property(self.env, object.0, name.as_ptr(), &mut value)
        })?;
        Ok(Val(value))
    }

    pub(crate) fn global(self) -> Result<Val> {
        let mut global = ptr::null_mut();
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_get_global(self.env, &mut global) })?;
        Ok(Val(global))
    }

    /// `function.call(this, ...args)` with at most 2 arguments.
    pub(crate) fn call(self, function: Val, this: Val, args: &[Val]) -> Result<Val> {
        let mut argv = [ptr::null_mut(); 2];
        let argc = args.len().min(argv.len());
        for (slot, arg) in argv.iter_mut().zip(args) {
            *slot = arg.0;
        }
        let mut result = ptr::null_mut();
        // SAFETY: the first `argc` entries of `argv` are live handles.
        check(unsafe {
            sys::napi_call_function(
                self.env,
                this.0,
                function.0,
                argc,
                argv.as_ptr(),
                &mut result,
            )
        })?;
        Ok(Val(result))
    }

    pub(crate) fn strict_equals(self, a: Val, b: Val) -> Result<bool> {
        let mut same = false;
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_strict_equals(self.env, a.0, b.0, &mut same) })?;
        Ok(same)
    }

    // ---- building values ----

    pub(crate) fn null(self) -> Result<Val> {
        let mut value = ptr::null_mut();
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_get_null(self.env, &mut value) })?;
        Ok(Val(value))
    }

    pub(crate) fn double(self, n: f64) -> Result<Val> {
        let mut value = ptr::null_mut();
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_create_double(self.env, n, &mut value) })?;
        Ok(Val(value))
    }

    pub(crate) fn str(self, s: &str) -> Result<Val> {
        let mut value = ptr::null_mut();
        let len = isize::try_from(s.len())
            .map_err(|_| napi::Error::new(napi::Status::InvalidArg, "string too long"))?;
        // SAFETY: `s` is valid UTF-8 of `len` bytes.
        check(unsafe {
            sys::napi_create_string_utf8(self.env, s.as_ptr().cast::<c_char>(), len, &mut value)
        })?;
        Ok(Val(value))
    }

    /// A string from Latin-1 bytes (one byte a character).
    pub(crate) fn latin1(self, bytes: &[u8]) -> Result<Val> {
        let mut value = ptr::null_mut();
        let len = isize::try_from(bytes.len())
            .map_err(|_| napi::Error::new(napi::Status::InvalidArg, "string too long"))?;
        // SAFETY: `bytes` holds `len` bytes.
        check(unsafe {
            sys::napi_create_string_latin1(
                self.env,
                bytes.as_ptr().cast::<c_char>(),
                len,
                &mut value,
            )
        })?;
        Ok(Val(value))
    }

    /// A string from UTF-16 code units.
    pub(crate) fn str16(self, units: &[u16]) -> Result<Val> {
        let mut value = ptr::null_mut();
        let len = isize::try_from(units.len())
            .map_err(|_| napi::Error::new(napi::Status::InvalidArg, "string too long"))?;
        // SAFETY: `units` holds `len` code units.
        check(unsafe { sys::napi_create_string_utf16(self.env, units.as_ptr(), len, &mut value) })?;
        Ok(Val(value))
    }

    pub(crate) fn undefined(self) -> Result<Val> {
        let mut value = ptr::null_mut();
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_get_undefined(self.env, &mut value) })?;
        Ok(Val(value))
    }

    /// Throws `value` as it is (a caller's exception handed back by `regplan.js`).
    pub(crate) fn throw(self, value: Val) -> napi::Error {
        // SAFETY: see the module docs.
        match check(unsafe { sys::napi_throw(self.env, value.0) }) {
            Ok(()) => napi::Error::new(napi::Status::PendingException, String::new()),
            Err(e) => e,
        }
    }

    /// A function of `args.len()` arguments running `function`.
    pub(crate) fn function(self, name: &CStr, function: Variadic) -> Result<Val> {
        let mut value = ptr::null_mut();
        // SAFETY: `name` is NUL-terminated; the data pointer is a plain `fn`,
        // valid for the life of the process.
        check(unsafe {
            sys::napi_create_function(
                self.env,
                name.as_ptr(),
                isize::try_from(name.to_bytes().len()).unwrap_or(0),
                Some(variadic_callback),
                function as *mut c_void,
                &mut value,
            )
        })?;
        Ok(Val(value))
    }

    /// `object[name] = value`.
    pub(crate) fn set_named(self, object: Val, name: &CStr, value: Val) -> Result<()> {
        // SAFETY: `name` is NUL-terminated; see the module docs.
        check(unsafe { sys::napi_set_named_property(self.env, object.0, name.as_ptr(), value.0) })
    }

    pub(crate) fn object(self) -> Result<Val> {
        let mut value = ptr::null_mut();
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_create_object(self.env, &mut value) })?;
        Ok(Val(value))
    }

    /// Leaves `error` to the caller: a pending exception stays as it is;
    /// anything else is thrown as an `Error` with its message.
    fn throw_failure(self, error: &napi::Error) {
        if error.status == napi::Status::PendingException {
            return;
        }
        let mut pending = false;
        // SAFETY: see the module docs.
        if unsafe { sys::napi_is_exception_pending(self.env, &mut pending) } == sys::Status::napi_ok
            && pending
        {
            return;
        }
        if let (Ok(code), Ok(message)) = (self.str(error.status.as_ref()), self.str(&error.reason))
        {
            let mut thrown = ptr::null_mut();
            // SAFETY: see the module docs.
            if unsafe { sys::napi_create_error(self.env, code.0, message.0, &mut thrown) }
                == sys::Status::napi_ok
            {
                // SAFETY: see the module docs.
                unsafe { sys::napi_throw(self.env, thrown) };
            }
        }
    }

    // ---- errors ----

    /// Keeps `class` (the `RegplanError` constructor) for [`Cx::throw_coded`]
    /// and the [`Builtin`]s of this realm.
    pub(crate) fn init(self, class: Val) -> Result<()> {
        let error_class = self.reference(class)?;
        let mut builtins = [ptr::null_mut(); Builtin::ALL.len()];
        for (slot, builtin) in builtins.iter_mut().zip(Builtin::ALL) {
            *slot = self.reference(self.lookup(builtin)?)?;
        }
        let data = Box::into_raw(Box::new(Instance {
            error_class,
            builtins,
        }));
        let mut previous: *mut c_void = ptr::null_mut();
        // SAFETY: reading the slot this addon owns.
        check(unsafe { sys::napi_get_instance_data(self.env, &mut previous) })?;
        // SAFETY: `data` stays alive until `drop_instance` frees it at teardown.
        let set = check(unsafe {
            sys::napi_set_instance_data(
                self.env,
                data.cast::<c_void>(),
                Some(drop_instance),
                ptr::null_mut(),
            )
        });
        match set {
            Ok(()) => {
                // Setting again replaces the data without finalizing it.
                // SAFETY: `previous` is null or the box set by an earlier call.
                unsafe { drop_instance(self.env, previous, ptr::null_mut()) };
                Ok(())
            }
            Err(e) => {
                // SAFETY: Node did not take `data`.
                drop(unsafe { Box::from_raw(data) });
                Err(e)
            }
        }
    }

    fn lookup(self, builtin: Builtin) -> Result<Val> {
        let (global, member, inner) = builtin.path();
        let value = self.named(self.named(self.global()?, global)?, member)?;
        match inner {
            Some(inner) => self.named(value, inner),
            None => Ok(value),
        }
    }

    /// A [`Builtin`]: kept since `init`, or looked up now before it.
    pub(crate) fn builtin(self, builtin: Builtin) -> Result<Val> {
        match self.instance()? {
            Some(instance) => match instance.builtins.get(builtin as usize) {
                Some(reference) => self.referenced(*reference),
                None => self.lookup(builtin),
            },
            None => self.lookup(builtin),
        }
    }

    fn reference(self, value: Val) -> Result<sys::napi_ref> {
        let mut reference = ptr::null_mut();
        // SAFETY: see the module docs.
        check(unsafe { sys::napi_create_reference(self.env, value.0, 1, &mut reference) })?;
        Ok(reference)
    }

    fn instance(self) -> Result<Option<&'static Instance>> {
        let mut data: *mut c_void = ptr::null_mut();
        // SAFETY: reading the slot this addon owns.
        check(unsafe { sys::napi_get_instance_data(self.env, &mut data) })?;
        // SAFETY: a non-null slot is the live `Instance` set by `init`, freed
        // only at teardown, after the last call.
        Ok(unsafe { data.cast::<Instance>().as_ref() })
    }

    fn referenced(self, reference: sys::napi_ref) -> Result<Val> {
        let mut value = ptr::null_mut();
        // SAFETY: the reference was created in this environment and never deleted.
        check(unsafe { sys::napi_get_reference_value(self.env, reference, &mut value) })?;
        Ok(Val(value))
    }

    /// Throws `new RegplanError(code, message)` (a plain `Error` with `.code`
    /// when `regplan.js` registered no class) and returns the pending
    /// exception for the export to return.
    pub(crate) fn throw_coded(self, code: &str, message: &str) -> napi::Error {
        match self.coded_error(code, message) {
            Ok(error) => {
                // SAFETY: see the module docs.
                let thrown = check(unsafe { sys::napi_throw(self.env, error.0) });
                match thrown {
                    Ok(()) => napi::Error::new(napi::Status::PendingException, String::new()),
                    Err(e) => e,
                }
            }
            Err(e) => e,
        }
    }

    fn coded_error(self, code: &str, message: &str) -> Result<Val> {
        let code = self.str(code)?;
        let message = self.str(message)?;
        let mut error = ptr::null_mut();
        let Some(instance) = self.instance()? else {
            // SAFETY: see the module docs.
            check(unsafe { sys::napi_create_error(self.env, code.0, message.0, &mut error) })?;
            return Ok(Val(error));
        };
        let class = self.referenced(instance.error_class)?;
        let argv = [code.0, message.0];
        // SAFETY: `argv` holds two live handles.
        check(unsafe {
            sys::napi_new_instance(self.env, class.0, argv.len(), argv.as_ptr(), &mut error)
        })?;
        Ok(Val(error))
    }
}

/// A native function taking any number of arguments (`f(...args)`).
pub(crate) type Variadic = fn(Cx, &[Val]) -> Result<Val>;

/// Arguments read onto the stack; more take one allocation.
const STACK_ARGS: usize = 64;

/// The Node-API callback of every [`Variadic`]: the function itself is the
/// callback's data.
unsafe extern "C" fn variadic_callback(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    let cx = Cx { env };
    let mut argv = [ptr::null_mut(); STACK_ARGS];
    let mut argc = STACK_ARGS;
    let mut data: *mut c_void = ptr::null_mut();
    // SAFETY: `argv` has room for `argc` handles; Node writes at most that many.
    let status = unsafe {
        sys::napi_get_cb_info(
            env,
            info,
            &mut argc,
            argv.as_mut_ptr(),
            ptr::null_mut(),
            &mut data,
        )
    };
    if status != sys::Status::napi_ok || data.is_null() {
        return ptr::null_mut();
    }
    // SAFETY: `data` is the `Variadic` that `Cx::function` gave Node.
    let function: Variadic = unsafe { std::mem::transmute::<*mut c_void, Variadic>(data) };
    let mut heap = Vec::new();
    let args: &[sys::napi_value] = if argc <= STACK_ARGS {
        argv.get(..argc).unwrap_or_default()
    } else {
        heap.resize(argc, ptr::null_mut());
        let mut again = argc;
        // SAFETY: `heap` has room for `again` handles.
        let status = unsafe {
            sys::napi_get_cb_info(
                env,
                info,
                &mut again,
                heap.as_mut_ptr(),
                ptr::null_mut(),
                ptr::null_mut(),
            )
        };
        if status != sys::Status::napi_ok {
            return ptr::null_mut();
        }
        heap.get(..again.min(argc)).unwrap_or_default()
    };
    // SAFETY: `Val` is a transparent wrapper of `napi_value`.
    let args: &[Val] =
        unsafe { std::slice::from_raw_parts(args.as_ptr().cast::<Val>(), args.len()) };
    // No panic is reachable; one crossing into Node would abort the process.
    match std::panic::catch_unwind(|| function(cx, args)) {
        Ok(Ok(value)) => value.0,
        Ok(Err(error)) => {
            cx.throw_failure(&error);
            ptr::null_mut()
        }
        Err(_) => {
            cx.throw_failure(&napi::Error::from_reason("regplan: internal error"));
            ptr::null_mut()
        }
    }
}

/// UTF-16 to UTF-8, appended to `out`; false on a lone surrogate.
fn decode(units: &[u16], out: &mut String) -> bool {
    if units.iter().all(|&u| u < 0x80) {
        // SAFETY: every unit is ASCII, so the bytes appended are valid UTF-8.
        #[allow(clippy::cast_possible_truncation)]
        unsafe { out.as_mut_vec() }.extend(units.iter().map(|&u| u as u8));
        return true;
    }
    out.reserve(units.len());
    for unit in char::decode_utf16(units.iter().copied()) {
        match unit {
            Ok(c) => out.push(c),
            Err(_) => return false,
        }
    }
    true
}
