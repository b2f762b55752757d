//! The shape of the rule data: operations, their fields and each field's constraints.
//!
//! Providers describe their API as `static` values of these types (see
//! `providers/`); the engine in `validate.rs`, the request builder in
//! `request.rs` and the schema exporter in `schema.rs` all read the same data,
//! so a rule written once is enforced, exported and documented identically.

// The WebAssembly build swaps in `regex-lite` (feature `lite-regex`): the same
// matches for these ASCII patterns in far fewer bytes.
#[cfg(not(feature = "lite-regex"))]
pub(crate) use regex::Regex;
#[cfg(feature = "lite-regex")]
pub(crate) use regex_lite::Regex;
use serde::Serialize;
use serde_json::Value;
use std::sync::LazyLock;

use crate::record::Record;
use crate::report::Issue;

/// Where a documented rule comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The document: a seed file under `shared/seeds/` or a vendor SDK with its version.
    pub document: &'static str,
    /// The place inside that document (schema property, section, file and symbol).
    pub location: &'static str,
}

/// HTTP method of an operation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Method {
    /// The method name as sent on the wire.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// Where an input field goes in the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Location {
    /// Substituted, percent-encoded, into the path template.
    Path,
    /// A path parameter percent-encoded twice (`a/b` → `a%252Fb`), as Harbor-backed
    /// APIs require so that a `/` inside a name survives the server's first decoding.
    #[serde(rename = "path")]
    PathDoubleEncoded,
    /// Not sent: selects the endpoint (a region).
    Endpoint,
    /// Appended to the query string.
    Query,
    /// A member of the JSON body.
    Body,
}

/// How a provider authenticates requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthScheme {
    /// `Authorization: APIKey <key>` (Gcore).
    GcoreApiKey,
    /// `Authorization: Token <token>` or `Authorization: Bearer <jwt>` (Qovery).
    QoveryToken,
    /// NAVER Cloud API Gateway signature v2 over method, URI, timestamp and access key.
    NcpSignatureV2,
    /// Huawei Cloud AK/SK signing (`SDK-HMAC-SHA256`) or an IAM token (`X-Auth-Token`).
    HuaweiAkSk,
}

impl AuthScheme {
    /// The credential types (`type` in JSON) this scheme accepts.
    #[must_use]
    pub const fn accepted(self) -> &'static [&'static str] {
        match self {
            AuthScheme::GcoreApiKey => &["api_key"],
            AuthScheme::QoveryToken => &["token", "bearer"],
            AuthScheme::NcpSignatureV2 => &["access_key"],
            AuthScheme::HuaweiAkSk => &["access_key", "iam_token"],
        }
    }
}

/// Where a provider's requests go.
#[derive(Clone, Copy)]
pub enum Endpoint {
    /// One base URL for every request.
    Fixed(&'static str),
    /// A base URL chosen from the (already valid) input, e.g. from its region.
    FromInput(fn(&Record) -> String),
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Endpoint::Fixed(url) => f.write_str(url),
            Endpoint::FromInput(_) => f.write_str("(depends on the region)"),
        }
    }
}

impl Serialize for Endpoint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Endpoint::Fixed(url) => s.serialize_str(url),
            Endpoint::FromInput(_) => s.serialize_str("(depends on the region field)"),
        }
    }
}

/// A provider: its default endpoint and authentication.
#[derive(Debug, Serialize)]
pub struct Provider {
    /// Short id, the first part of every operation id.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Default base URL; `PlanOptions::base_url` overrides it.
    pub base_url: Endpoint,
    /// How requests are authenticated.
    pub auth: AuthScheme,
    /// The environment variables the CLI reads credentials from, in words.
    pub credential_env: &'static str,
    /// The same, as data: each credential type the provider takes from the
    /// environment, in order of preference. The CLI and every binding's
    /// `from_env` read this one table.
    pub env: &'static [EnvCredentials],
}

/// One credential type filled from environment variables.
#[derive(Debug, Serialize)]
pub struct EnvCredentials {
    /// The credential type (`api_key`, `access_key`, ...).
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// `(member, variable)` pairs that must all be set.
    pub required: &'static [(&'static str, &'static str)],
    /// `(member, variable)` pairs used when set.
    pub optional: &'static [(&'static str, &'static str)],
}

/// One API operation and every rule about its input.
#[derive(Debug, Serialize)]
pub struct Operation {
    /// `provider.resource.action`, using the official SDK's names.
    pub id: &'static str,
    /// Who serves it.
    pub provider: &'static Provider,
    /// One line on what it does.
    pub summary: &'static str,
    /// HTTP method.
    pub method: Method,
    /// Path template; `{name}` is replaced by the path field `name`.
    pub path: &'static str,
    /// The `Accept` header sent (the vendor SDK's choice: `*/*` where nothing comes back).
    pub accept: &'static str,
    /// Input fields in documented order (which is also body key order).
    pub fields: &'static [Field],
    /// Rules that relate several fields, for what the field table cannot say.
    #[serde(skip)]
    pub checks: &'static [CrossCheck],
    /// Where the operation is documented.
    pub source: Source,
}

impl Operation {
    /// The field called `name`, if the operation has one.
    #[must_use]
    pub fn field(&self, name: &str) -> Option<&'static Field> {
        self.fields.iter().find(|f| f.name == name)
    }
}

/// One input field.
#[derive(Debug, Serialize)]
pub struct Field {
    /// Name exactly as the provider documents it.
    pub name: &'static str,
    /// Where it goes in the request (`Body` for members of nested objects).
    #[serde(rename = "in")]
    pub location: Location,
    /// Its type and constraints.
    #[serde(rename = "type")]
    pub kind: Kind,
    /// Whether the input must contain it.
    pub required: bool,
    /// Value used when the field is absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<DefaultValue>,
    /// Whether the value is a credential, masked in every rendering.
    pub secret: bool,
    /// The provider's wording.
    pub description: &'static str,
    /// Where the rule is documented.
    pub source: Source,
}

/// A field's default.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum DefaultValue {
    /// A fixed integer.
    Integer(i64),
    /// A fixed string.
    Text(&'static str),
    /// A value that depends on other fields (Qovery's per-kind URL); `None` means no default.
    #[serde(serialize_with = "serialize_derived")]
    Derived(fn(&Record) -> Option<&'static str>),
}

fn serialize_derived<S: serde::Serializer>(
    _: &fn(&Record) -> Option<&'static str>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str("(depends on other fields)")
}

/// A field's type with its constraints.
#[derive(Debug, Serialize)]
#[serde(tag = "name", rename_all = "snake_case")]
pub enum Kind {
    /// A JSON integer; `5.0` counts, `5.5`, `"5"` and `true` don't.
    Integer(IntRule),
    /// A JSON string.
    String(&'static StrRule),
    /// `true` or `false`, never `0`/`1`.
    Boolean,
    /// One of a fixed set of strings.
    Enum(&'static EnumRule),
    /// A JSON object with known members.
    Object(&'static ObjectRule),
    /// A JSON array of values of one kind.
    Array(&'static ArrayRule),
}

/// Bounds of an integer.
#[derive(Debug, Serialize)]
pub struct IntRule {
    /// Smallest allowed value.
    pub min: Option<i64>,
    /// Largest allowed value.
    pub max: Option<i64>,
    /// Values allowed outside `min..=max` (Gcore's `-1` = "indefinite").
    #[serde(skip_serializing_if = "<[i64]>::is_empty")]
    pub also: &'static [i64],
}

/// Constraints on a string.
#[derive(Debug, Serialize)]
pub struct StrRule {
    /// Minimum length in Unicode code points.
    pub min_len: Option<usize>,
    /// Maximum length in Unicode code points.
    pub max_len: Option<usize>,
    /// The documented grammar as an anchored regular expression (also exported to JSON Schema).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<&'static Pattern>,
    /// Named checks, each with its own message; together they explain a `pattern` failure.
    pub checks: &'static [StrCheck],
    /// Where the grammar comes from, when that is not the field's own document
    /// (NAVER's bucket rules live in the Object Storage guide, not in seed 002).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grammar_source: Option<Source>,
}

/// An anchored regular expression, compiled on first use and then shared.
pub struct Pattern {
    /// The expression as documented (also valid ECMA-262 for JSON Schema).
    pub source: &'static str,
    /// The compiled form; `None` only if the source were not a valid regex,
    /// which the `patterns_compile_and_are_anchored` test rules out.
    pub(crate) regex: LazyLock<Option<Regex>>,
    /// Message when no named check explains the mismatch.
    pub message: &'static str,
}

impl Pattern {
    /// Whether the whole of `s` matches.
    pub(crate) fn is_match(&self, s: &str) -> bool {
        self.regex.as_ref().is_some_and(|regex| regex.is_match(s))
    }

    /// Whether the source compiled.
    #[cfg(test)]
    pub(crate) fn compiles(&self) -> bool {
        self.regex.is_some()
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.source)
    }
}

impl Serialize for Pattern {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.source)
    }
}

/// Builds a [`Pattern`] whose regex compiles once, on first use.
macro_rules! pattern {
    ($source:literal, $message:literal) => {
        $crate::spec::Pattern {
            source: $source,
            regex: ::std::sync::LazyLock::new(|| $crate::spec::Regex::new($source).ok()),
            message: $message,
        }
    };
}
pub(crate) use pattern;

/// One named rule on a string, with a message a person can act on.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct StrCheck {
    /// Error code when the check fails (usually `pattern`).
    pub code: crate::report::Code,
    /// What to do, e.g. "must start with a lowercase letter".
    pub message: &'static str,
    /// True when the string passes.
    #[serde(skip)]
    pub test: fn(&str) -> bool,
}

/// A closed set of strings.
#[derive(Debug, Serialize)]
pub struct EnumRule {
    /// Accepted values.
    pub values: &'static [&'static str],
    /// Values the provider documents but no longer accepts, with the reason.
    pub retired: &'static [(&'static str, &'static str)],
}

/// A JSON object with documented members.
#[derive(Debug, Serialize)]
pub struct ObjectRule {
    /// Members in documented order (body key order).
    pub fields: &'static [Field],
}

/// A JSON array.
#[derive(Debug, Serialize)]
pub struct ArrayRule {
    /// Type of every item.
    pub items: Kind,
    /// Fewest items allowed.
    pub min_items: Option<usize>,
    /// Most items allowed.
    pub max_items: Option<usize>,
}

/// A rule relating several fields of one input.
#[derive(Debug)]
pub struct CrossCheck {
    /// Name shown in the rule table.
    pub name: &'static str,
    /// Adds errors and warnings for the whole input (already known to be an object).
    pub validate: fn(&Record, &mut Vec<Issue>, &mut Vec<Issue>),
    /// The same rule as JSON Schema subschemas, added to the operation schema's `allOf`.
    pub schema: fn() -> Vec<Value>,
    /// The same rule as a Markdown table, for README.md.
    pub table: fn() -> String,
    /// Where it is documented.
    pub source: Source,
}
