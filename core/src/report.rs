//! The validation report: every problem found in an input, as data.

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Serialize, Serializer};
use serde_json::Value;
use std::borrow::Cow;
use std::fmt;

macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $variant:ident => $code:literal,)+) => {
        /// A stable, snake_case identifier for one kind of problem.
        ///
        /// Codes are meant for programs: they never change once released, while
        /// messages may be reworded. The same code is used in every binding.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Code {
            $($(#[doc = $doc])+ $variant,)+
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The code as the stable string used in every output.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)+
                }
            }
        }
    };
}

codes! {
    /// A required field is missing (or the input is not an object at all).
    Required => "required",
    /// The value has the wrong JSON type (a string where an integer goes, `true` for a number, `5.5` for an integer).
    Type => "type",
    /// A string is shorter than its minimum length, in Unicode code points.
    TooShort => "too_short",
    /// A string is longer than its maximum length, in Unicode code points.
    TooLong => "too_long",
    /// A string breaks its documented grammar; the message says which part.
    Pattern => "pattern",
    /// A number is outside its documented bounds.
    OutOfRange => "out_of_range",
    /// A value is not one of the documented choices.
    Enum => "enum",
    /// A field the operation does not know; `params.suggestion` names a close known field.
    UnknownField => "unknown_field",
    /// A URL that must use `https://` does not.
    NotHttps => "not_https",
    /// A URL that cannot be parsed.
    InvalidUrl => "invalid_url",
    /// A value that must be one exact string is something else (`params.expected`).
    MustEqual => "must_equal",
    /// A registry kind the provider documents as no longer supported.
    KindNotSupported => "kind_not_supported",
    /// A field that is known, but not allowed in this context (for example a config key of another registry kind).
    Forbidden => "forbidden",
    /// Two fields that exclude each other are both set.
    Conflict => "conflict",
    /// A string that must hold JSON does not hold the documented JSON shape.
    InvalidJson => "invalid_json",
    /// An array has fewer items than allowed.
    TooFewItems => "too_few_items",
    /// An array has more items than allowed.
    TooManyItems => "too_many_items",
    /// A value holds a control character (CR, LF, NUL, ...), which could smuggle data into a header or path.
    ControlCharacter => "control_character",
    /// Periods, underscores and hyphens next to each other (Huawei SWR names; `__` alone is allowed).
    AdjacentSeparators => "adjacent_separators",
    /// More than two consecutive underscores (Huawei SWR names).
    TooManyUnderscores => "too_many_underscores",
    /// A name in the form of an IP address where that is not allowed (NAVER Object Storage buckets).
    IpAddress => "ip_address",
    /// Warning: Docker Hub without credentials is subject to anonymous pull rate limits.
    DockerHubRateLimit => "docker_hub_rate_limit",
    /// Warning: a well-formed region missing from the vendor SDK's region table; the endpoint is derived from its name.
    UnknownRegion => "unknown_region",
    /// Warning: a request planned with `preview` and no credentials; placeholders (`<api_key>`) stand where the credentials go, so it cannot be sent.
    Preview => "preview",
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A JSON Pointer (RFC 6901) to the offending value, `""` for the whole input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Pointer(String);

impl Pointer {
    /// The pointer to the whole input.
    #[must_use]
    pub const fn root() -> Self {
        Pointer(String::new())
    }

    /// This pointer extended by one object key, escaped as RFC 6901 requires.
    #[must_use]
    pub fn key(&self, key: &str) -> Self {
        let mut out = String::with_capacity(self.0.len() + key.len() + 1);
        out.push_str(&self.0);
        out.push('/');
        for ch in key.chars() {
            match ch {
                '~' => out.push_str("~0"),
                '/' => out.push_str("~1"),
                _ => out.push(ch),
            }
        }
        Pointer(out)
    }

    /// This pointer extended by one array index.
    #[must_use]
    pub fn index(&self, index: usize) -> Self {
        Pointer(format!("{}/{index}", self.0))
    }

    /// This pointer followed by `inner` (a pointer relative to it).
    #[must_use]
    pub fn join(&self, inner: &Pointer) -> Self {
        Pointer(format!("{}{}", self.0, inner.0))
    }

    /// The pointer as text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Pointer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// One problem (error or warning) with an input, built from an
/// [`IssueKind`](crate::IssueKind) by [`IssueKind::at`](crate::IssueKind::at).
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    /// What kind of problem it is; stable across releases and bindings.
    pub code: Code,
    /// Where it is, as a JSON Pointer into the input.
    pub path: Pointer,
    /// What a person should do about it. Never contains the offending value,
    /// so a mistyped secret is never echoed back.
    pub message: Cow<'static, str>,
    /// The rule's parameters (`min`, `max`, `allowed`, `pattern`, `suggestion`, ...), in a fixed order.
    pub params: Vec<(&'static str, Value)>,
}

struct Params<'a>(&'a [(&'static str, Value)]);

impl Serialize for Params<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl Serialize for Issue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Issue", 4)?;
        s.serialize_field("code", &self.code)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("message", &self.message)?;
        s.serialize_field("params", &Params(&self.params))?;
        s.end()
    }
}

/// Everything found wrong with one input: errors block a request, warnings don't.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// Problems that make the input unusable, in a deterministic order
    /// (operation field order, then unknown fields sorted, then cross-field rules).
    pub errors: Vec<Issue>,
    /// Problems worth knowing that still allow the request.
    pub warnings: Vec<Issue>,
}

impl Report {
    /// True when there are no errors (warnings allowed).
    #[must_use]
    pub fn is_valid(&self) -> bool {
        self.errors.is_empty()
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("Report", 3)?;
        s.serialize_field("valid", &self.is_valid())?;
        s.serialize_field("errors", &self.errors)?;
        s.serialize_field("warnings", &self.warnings)?;
        s.end()
    }
}

impl fmt::Display for Report {
    /// One line per problem: `error /path (code): message`. Control characters
    /// in paths are escaped so a hostile key cannot rewrite a terminal.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let lines = self
            .errors
            .iter()
            .map(|i| ("error", i))
            .chain(self.warnings.iter().map(|i| ("warning", i)));
        for (level, issue) in lines {
            let path = if issue.path.as_str().is_empty() {
                "(input)".to_owned()
            } else {
                issue.path.as_str().escape_debug().to_string()
            };
            writeln!(f, "{level} {path} ({}): {}", issue.code, issue.message)?;
        }
        Ok(())
    }
}
