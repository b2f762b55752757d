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
use std::sync::LazyLock;

use crate::record::Record;

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
    /// Substituted, percent-encoded (see [`Encoding`]), into the path template.
    Path,
    /// Not sent: selects the endpoint (a region).
    Endpoint,
    /// Appended to the query string.
    Query,
    /// A member of the JSON body.
    Body,
}

/// How many times a path value is percent-encoded: where it goes
/// ([`Location`]) and how it is written are separate facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// Once (`a/b` → `a%2Fb`).
    Once,
    /// Twice (`a/b` → `a%252Fb`), as Harbor-backed APIs require so that a `/`
    /// inside a name survives the server's first decoding.
    Twice,
}

/// How one credential type goes on the request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sends {
    /// A header holding `prefix` and the secret (`Authorization: APIKey <key>`).
    Header {
        /// Header name.
        name: &'static str,
        /// Text before the secret, e.g. `"Bearer "`.
        prefix: &'static str,
    },
    /// NAVER API Gateway signature v2: `x-ncp-apigw-timestamp`,
    /// `x-ncp-iam-access-key` and `x-ncp-apigw-signature-v2` (`sign.rs`).
    NcpSignatureV2,
    /// Huawei `SDK-HMAC-SHA256`: `Host`, `X-Sdk-Date`, `X-Project-Id` when
    /// given, then `Authorization` signing them all (`sign.rs`).
    HuaweiSignature,
}

impl Sends {
    /// How the request carries the credential, in a few words (the CLI's
    /// help): the header with its prefix, or the signature's name.
    #[must_use]
    pub fn summary(&self) -> String {
        match self {
            Sends::Header { name, prefix } => format!("`{name}: {prefix}…`"),
            Sends::NcpSignatureV2 => "API Gateway signature v2".to_owned(),
            Sends::HuaweiSignature => "`SDK-HMAC-SHA256` signature".to_owned(),
        }
    }
}

/// One credential type a provider accepts: how it is sent and which
/// environment variable fills each member.
#[derive(Debug)]
pub struct Accepts {
    /// The credential type.
    pub kind: &'static crate::secret::CredentialType,
    /// `(member, variable)` for every member of the type that the environment fills.
    pub env: &'static [(&'static str, &'static str)],
    /// How the request carries it.
    pub sends: Sends,
}

impl Accepts {
    /// The required members with their variables (every required member has one:
    /// the `every_credential_member_has_a_variable` test).
    pub fn required(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.pairs(self.kind.required)
    }

    /// The optional members that a variable fills.
    pub fn optional(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.pairs(self.kind.optional)
    }

    /// Its variables in words: the required ones joined by "and", the
    /// optional ones in brackets.
    #[must_use]
    pub fn variables_in_words(&self) -> String {
        let required: Vec<&str> = self.required().map(|(_, v)| v).collect();
        let optional: Vec<&str> = self.optional().map(|(_, v)| v).collect();
        let mut words = required.join(" and ");
        if !optional.is_empty() {
            words.push_str(&format!(" (optional {})", optional.join(", ")));
        }
        words
    }

    fn pairs(
        &self,
        members: &'static [&'static str],
    ) -> impl Iterator<Item = (&'static str, &'static str)> {
        let env = self.env;
        members
            .iter()
            .filter_map(move |m| env.iter().find(|(name, _)| name == m).copied())
    }
}

/// Serialised as before the declaration existed: `{type, required, optional}`
/// with `[member, variable]` pairs (the `operations --json` output).
impl Serialize for Accepts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Accepts", 3)?;
        out.serialize_field("type", self.kind.name)?;
        out.serialize_field("required", &self.required().collect::<Vec<_>>())?;
        out.serialize_field("optional", &self.optional().collect::<Vec<_>>())?;
        out.end()
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
#[derive(Debug)]
pub struct Provider {
    /// Short id, the first part of every operation id.
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Default base URL; `PlanOptions::base_url` overrides it.
    pub base_url: Endpoint,
    /// How requests are authenticated, as one snake_case name for
    /// `operations --json` (`gcore_api_key`); the request builder follows
    /// each [`Accepts::sends`] of [`Provider::credentials`] instead.
    pub auth: &'static str,
    /// Every credential type the provider accepts, in order of preference
    /// when read from the environment: how each is sent and which variables
    /// fill it. The request builder, `credentials_from_env`, the CLI and the
    /// README read this one declaration.
    pub credentials: &'static [Accepts],
}

/// `{id, name, base_url, auth, credential_env, env}` (the `operations --json`
/// output), `credential_env` written by [`Provider::credential_env`].
impl Serialize for Provider {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut out = s.serialize_struct("Provider", 6)?;
        out.serialize_field("id", self.id)?;
        out.serialize_field("name", self.name)?;
        out.serialize_field("base_url", &self.base_url)?;
        out.serialize_field("auth", self.auth)?;
        out.serialize_field("credential_env", &self.credential_env())?;
        out.serialize_field("env", self.credentials)?;
        out.end()
    }
}

impl Provider {
    /// The environment variables credentials come from, in words, from
    /// [`Provider::credentials`]: each type's [`Accepts::variables_in_words`],
    /// joined by ", or"; a type
    /// whose variables an earlier one already names adds nothing (Qovery's
    /// `bearer` reads `QOVERY_API_TOKEN` too). The CLI's missing-credentials
    /// message and `operations --json` show it.
    #[must_use]
    pub fn credential_env(&self) -> String {
        self.credentials_read()
            .filter(|(_, repeated)| !repeated)
            .map(|(accepts, _)| accepts.variables_in_words())
            .collect::<Vec<_>>()
            .join(", or ")
    }

    /// Each accepted type, with whether an earlier type already reads all
    /// its variables (then it is chosen only when asked for by name).
    pub fn credentials_read(&self) -> impl Iterator<Item = (&'static Accepts, bool)> {
        let all = self.credentials;
        all.iter().enumerate().map(move |(i, accepts)| {
            let earlier = all.iter().take(i).flat_map(|a| a.env.iter());
            let repeated = accepts
                .env
                .iter()
                .all(|(_, v)| earlier.clone().any(|(_, w)| w == v));
            (accepts, repeated)
        })
    }

    /// The credential types accepted, in order.
    #[must_use]
    pub fn accepted(&self) -> Vec<&'static str> {
        self.credentials.iter().map(|a| a.kind.name).collect()
    }
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
    /// The `Accept` header sent (the vendor SDK's choice: `*/*` where nothing
    /// comes back); `None`: no `Accept` header (serialised as `""`, as before).
    #[serde(serialize_with = "serialize_accept")]
    pub accept: Option<&'static str>,
    /// Input fields in documented order (which is also body key order).
    pub fields: &'static [Field],
    /// Rules that relate several fields, for what the field table cannot say.
    #[serde(skip)]
    pub checks: &'static [CrossCheck],
    /// Where the operation is documented.
    pub source: Source,
}

fn serialize_accept<S: serde::Serializer>(
    accept: &Option<&'static str>,
    s: S,
) -> Result<S::Ok, S::Error> {
    s.serialize_str(accept.unwrap_or_default())
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
    /// How a path value is percent-encoded (`Once` for every other location).
    #[serde(skip)]
    pub encoding: Encoding,
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
    /// The value a [`PerValue`] rule fixes the field to for the input's case
    /// (Qovery's per-kind URL); none when the case fixes nothing.
    #[serde(serialize_with = "serialize_per_value")]
    PerValue(&'static PerValue),
}

fn serialize_per_value<S: serde::Serializer>(_: &&PerValue, s: S) -> Result<S::Ok, S::Error> {
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
    /// How an invalid value of a naming rule is repaired into the nearest
    /// valid one (`params.suggestion`); `None` for rules that are not names.
    #[serde(skip)]
    pub repair: Option<&'static crate::repair::Repair>,
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

/// A rule relating several fields of one input, named and cited.
#[derive(Debug)]
pub struct CrossCheck {
    /// Name shown in the rule table.
    pub name: &'static str,
    /// What the rule says, as data; the validator, the schema exporter and
    /// the rule table each read it with one generic arm per variant.
    pub rule: CrossRule,
    /// Where it is documented.
    pub source: Source,
}

/// The kinds of cross-field rule, each read by one generic engine.
#[derive(Debug)]
pub enum CrossRule {
    /// Rules chosen by the value of one field (Qovery's `kind`).
    PerValue(&'static PerValue),
    /// A field whose value should be in a table (Huawei's regions): another
    /// value that passes the field's rule is accepted with a warning.
    KnownValues(&'static KnownValues),
}

/// Rules chosen by the value of a discriminator field, in the manner of
/// botocore's service models: data only, enforced by one generic validator.
#[derive(Debug)]
pub struct PerValue {
    /// The field whose value selects a [`Case`] (an enum field).
    pub discriminator: &'static str,
    /// Top-level fields whose presence or value a case constrains.
    pub fields: &'static [&'static str],
    /// The object field whose keys a case constrains.
    pub object: &'static str,
    /// That object's fields, in documented order (the order keys are listed in).
    pub object_fields: &'static [Field],
    /// What the exactly-one groups stand for, in messages ("credentials").
    pub groups_are: &'static str,
    /// One case per discriminator value.
    pub cases: &'static [Case],
}

/// The rules of one discriminator value.
#[derive(Debug)]
pub struct Case {
    /// The discriminator value.
    pub value: &'static str,
    /// Rules on top-level fields (from [`PerValue::fields`]).
    pub fields: &'static [(&'static str, FieldRule)],
    /// Object keys that must be present.
    pub required: &'static [&'static str],
    /// Groups of object keys that are set all together or not at all.
    pub all_or_none: &'static [&'static [&'static str]],
    /// Groups of object keys of which exactly one is set, completely (each
    /// group is also all-or-none). Empty: no such choice.
    pub exactly_one: &'static [&'static [&'static str]],
    /// Further object keys that may be present; any other key is `forbidden`.
    pub optional: &'static [&'static str],
    /// Warnings for a valid but doubtful object.
    pub warnings: &'static [CaseWarning],
    /// Where the case is documented.
    pub source: Source,
}

/// What a case requires of a top-level field.
#[derive(Clone, Copy, Debug)]
pub enum FieldRule {
    /// The field must be present.
    Required,
    /// The field must be exactly this URL, which is also its default. A value
    /// with another scheme is left to the field's own rule (one message per mistake).
    FixedUrl(&'static str),
}

/// A warning when none of some object keys is set.
#[derive(Debug)]
pub struct CaseWarning {
    /// Warned when none of these keys is set.
    pub unless_any_of: &'static [&'static str],
    /// The warning, given the discriminator's value.
    pub issue: fn(&'static str) -> crate::issue_kind::IssueKind,
}

impl PerValue {
    /// The case of the input's discriminator value, if it has a known one.
    pub(crate) fn case_for(&self, input: &Record) -> Option<&'static Case> {
        let value = input.str(self.discriminator)?;
        self.cases.iter().find(|case| case.value == value)
    }

    /// The value `field` is fixed to by the input's case, if any (its default).
    pub(crate) fn fixed_value(&self, input: &Record, field: &str) -> Option<&'static str> {
        self.case_for(input)?
            .fields
            .iter()
            .find_map(|(name, rule)| match rule {
                FieldRule::FixedUrl(url) if *name == field => Some(*url),
                _ => None,
            })
    }
}

impl Case {
    /// Every all-or-none group: the declared ones, then the exactly-one groups.
    pub(crate) fn groups(&self) -> impl Iterator<Item = &'static [&'static str]> {
        self.all_or_none.iter().chain(self.exactly_one).copied()
    }

    /// Whether the object may hold `key`.
    pub(crate) fn allows(&self, key: &str) -> bool {
        self.required.contains(&key)
            || self.optional.contains(&key)
            || self.groups().any(|group| group.contains(&key))
    }

    /// The keys the object may hold, in documented order.
    pub(crate) fn allowed(&self, object_fields: &[Field]) -> Vec<&'static str> {
        object_fields
            .iter()
            .map(|f| f.name)
            .filter(|key| self.allows(key))
            .collect()
    }
}

/// A field whose values should be in a table.
#[derive(Debug)]
pub struct KnownValues {
    /// The field.
    pub field: &'static str,
    /// Known value → what it stands for (a region's endpoint).
    pub table: &'static [(&'static str, &'static str)],
    /// The table's second column, in the rule table ("endpoint").
    pub meaning: &'static str,
    /// The warning for a value outside the table, given the known values
    /// and what the value is taken to mean.
    pub warning: fn(Vec<&'static str>, String) -> crate::issue_kind::IssueKind,
    /// What an unknown value stands for, computed from the input.
    pub fallback: fn(&Record) -> String,
}
