//! Every kind of problem an input can have, each with its typed parameters
//! and its one message template (pydantic-core's `ErrorType`, jsonschema-rs's
//! `ValidationErrorKind`).
//!
//! A check builds an [`IssueKind`] and places it with [`IssueKind::at`]; the
//! code, the rendered message and the serialised `params` all come from the
//! one declaration below, and so does [`IssueKind::DOCS`], which the type
//! generator (`cargo run -p regplan-typegen`) turns into the TypeScript and
//! Python types of `params`. Messages are plain text (no Markdown), so a form
//! can show them as they are; programs read `code` and `params`.

use serde_json::Value;
use std::borrow::Cow;

use crate::report::{Code, Issue, Pointer};

/// The JSON type of one issue parameter, as the type generator writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParamType {
    /// A string.
    String,
    /// An integer.
    Integer,
    /// An array of strings.
    Strings,
    /// An array of integers.
    Integers,
    /// An array of arrays of strings (alternative groups of fields).
    StringGroups,
}

/// One parameter of an issue kind, as documented.
#[derive(Clone, Copy, Debug)]
pub struct ParamDoc {
    /// The key in `params`.
    pub name: &'static str,
    /// Its JSON type.
    pub ty: ParamType,
    /// Whether it can be absent from `params`.
    pub optional: bool,
}

/// One issue kind, as documented: what the type generator and the docs read.
#[derive(Clone, Copy, Debug)]
pub struct KindDoc {
    /// The variant's name (`RequiredForKind`).
    pub name: &'static str,
    /// The stable code it reports.
    pub code: Code,
    /// Its parameters, in output order.
    pub params: &'static [ParamDoc],
    /// The message template; `{name}` is replaced by a parameter or a wording.
    pub template: &'static str,
    /// What it means and what to do.
    pub doc: &'static str,
}

/// A value that can be an issue parameter.
pub trait Param {
    /// Its JSON type.
    const TYPE: ParamType;
    /// Whether it may be absent.
    const OPTIONAL: bool = false;
    /// Appends `(name, value)` to `params`, unless the value is absent.
    fn push(&self, name: &'static str, params: &mut Vec<(&'static str, Value)>);
}

/// A value as it reads inside a message.
trait Wording {
    fn words(&self) -> Cow<'static, str>;
}

impl Param for &'static str {
    const TYPE: ParamType = ParamType::String;
    fn push(&self, name: &'static str, params: &mut Vec<(&'static str, Value)>) {
        params.push((name, Value::from(*self)));
    }
}

impl Wording for &'static str {
    fn words(&self) -> Cow<'static, str> {
        Cow::Borrowed(self)
    }
}

impl Wording for String {
    fn words(&self) -> Cow<'static, str> {
        Cow::Owned(self.clone())
    }
}

impl Param for String {
    const TYPE: ParamType = ParamType::String;
    fn push(&self, name: &'static str, params: &mut Vec<(&'static str, Value)>) {
        params.push((name, Value::from(self.as_str())));
    }
}

impl Param for i64 {
    const TYPE: ParamType = ParamType::Integer;
    fn push(&self, name: &'static str, params: &mut Vec<(&'static str, Value)>) {
        params.push((name, Value::from(*self)));
    }
}

impl Wording for i64 {
    fn words(&self) -> Cow<'static, str> {
        Cow::Owned(self.to_string())
    }
}

impl Param for usize {
    const TYPE: ParamType = ParamType::Integer;
    fn push(&self, name: &'static str, params: &mut Vec<(&'static str, Value)>) {
        params.push((name, Value::from(*self)));
    }
}

impl Wording for usize {
    fn words(&self) -> Cow<'static, str> {
        Cow::Owned(self.to_string())
    }
}

impl Param for &'static [&'static str] {
    const TYPE: ParamType = ParamType::Strings;
    fn push(&self, name: &'static str, params: &mut Vec<(&'static str, Value)>) {
        params.push((name, Value::from(*self)));
    }
}

impl Wording for &'static [&'static str] {
    fn words(&self) -> Cow<'static, str> {
        Cow::Owned(self.join(", "))
    }
}

impl Param for Vec<&'static str> {
    const TYPE: ParamType = ParamType::Strings;
    fn push(&self, name: &'static str, params: &mut Vec<(&'static str, Value)>) {
        params.push((name, Value::from(self.as_slice())));
    }
}

/// Other fields, named by their labels (`Access key ID, Username`): a
/// message is read by a person, `params` keep the keys for programs.
impl Wording for Vec<&'static str> {
    fn words(&self) -> Cow<'static, str> {
        let labels: Vec<String> = self.iter().map(|name| crate::schema::label(name)).collect();
        Cow::Owned(labels.join(", "))
    }
}

impl Param for &'static [i64] {
    const TYPE: ParamType = ParamType::Integers;
    fn push(&self, name: &'static str, params: &mut Vec<(&'static str, Value)>) {
        params.push((name, Value::from(*self)));
    }
}

impl Param for &'static [&'static [&'static str]] {
    const TYPE: ParamType = ParamType::StringGroups;
    fn push(&self, name: &'static str, params: &mut Vec<(&'static str, Value)>) {
        params.push((name, Value::from(*self)));
    }
}

/// Alternative groups of fields read as `A + B or C`, each field by its label.
impl Wording for &'static [&'static [&'static str]] {
    fn words(&self) -> Cow<'static, str> {
        let groups: Vec<String> = self
            .iter()
            .map(|g| {
                let labels: Vec<String> = g.iter().map(|name| crate::schema::label(name)).collect();
                labels.join(" + ")
            })
            .collect();
        Cow::Owned(groups.join(" or "))
    }
}

impl<T: Param> Param for Option<T> {
    const TYPE: ParamType = T::TYPE;
    const OPTIONAL: bool = true;
    fn push(&self, name: &'static str, params: &mut Vec<(&'static str, Value)>) {
        if let Some(value) = self {
            value.push(name, params);
        }
    }
}

/// Declares [`IssueKind`]: per variant its code, its parameters (serialised
/// into `params`, in this order), its wordings (used by the message only,
/// never serialised) and its one template.
macro_rules! issue_kinds {
    ($(
        $(#[doc = $doc:literal])+
        $variant:ident($code:ident) {
            $($param:ident: $pty:ty,)*
        } [$($word:ident: $wty:ty,)*] => $template:literal;
    )+) => {
        /// One problem with an input, with its typed parameters.
        ///
        /// Several kinds can share a code (`required` for a missing field, a
        /// field required for a Qovery kind, a member of a group); each kind
        /// has exactly one message template.
        #[derive(Clone, Debug, PartialEq)]
        #[non_exhaustive]
        pub enum IssueKind {
            $(
                $(#[doc = $doc])+
                #[allow(missing_docs)]
                $variant { $($param: $pty,)* $($word: $wty,)* },
            )+
        }

        impl IssueKind {
            /// Every kind, in declaration order, with its parameters and template.
            pub const DOCS: &'static [KindDoc] = &[$(
                KindDoc {
                    name: stringify!($variant),
                    code: Code::$code,
                    params: &[$(ParamDoc {
                        name: stringify!($param),
                        ty: <$pty as Param>::TYPE,
                        optional: <$pty as Param>::OPTIONAL,
                    },)*],
                    template: $template,
                    doc: concat!($($doc),+),
                },
            )+];

            /// The stable code this kind reports.
            #[must_use]
            pub const fn code(&self) -> Code {
                match self {
                    $(IssueKind::$variant { .. } => Code::$code,)+
                }
            }

            /// The message template.
            #[must_use]
            pub const fn template(&self) -> &'static str {
                match self {
                    $(IssueKind::$variant { .. } => $template,)+
                }
            }

            /// The parameters as `params` holds them, in declaration order.
            #[must_use]
            pub fn params(&self) -> Vec<(&'static str, Value)> {
                #[allow(unused_mut)]
                let mut params = Vec::new();
                match self {
                    $(IssueKind::$variant { $($param,)* .. } => {
                        $(Param::push($param, stringify!($param), &mut params);)*
                    })+
                }
                params
            }

            /// What `{name}` stands for in this kind's template.
            #[allow(unused_variables)]
            fn wording(&self, name: &str) -> Option<Cow<'static, str>> {
                match self {
                    $(IssueKind::$variant { $($word,)* .. } => match name {
                        $(stringify!($word) => Some(Wording::words($word)),)*
                        _ => self.param_wording(name),
                    },)+
                }
            }

            /// A parameter that a template names directly.
            #[allow(unused_variables)]
            fn param_wording(&self, name: &str) -> Option<Cow<'static, str>> {
                match self {
                    $(IssueKind::$variant { $($param,)* .. } => match name {
                        $(stringify!($param) => Some(Wording::words($param)),)*
                        _ => None,
                    },)+
                }
            }
        }
    };
}

/// Parameters that templates never name (optional ones, integer lists) read
/// as nothing; the `templates_name_only_their_parameters_or_wordings` test
/// keeps it so.
impl<T> Wording for Option<T> {
    fn words(&self) -> Cow<'static, str> {
        Cow::Borrowed("")
    }
}

impl Wording for &'static [i64] {
    fn words(&self) -> Cow<'static, str> {
        Cow::Borrowed("")
    }
}

issue_kinds! {
    /// A required field is missing.
    Required(Required) { field: &'static str, } [] => "is required";
    /// A Qovery field this registry kind needs is missing (seed 001).
    RequiredForKind(Required) { field: &'static str, kind: &'static str, } [] => "is required for kind {kind}";
    /// A field of a group that is set together (username with password) is missing; `with` names the members that are set.
    RequiredTogether(Required) { field: &'static str, group: &'static [&'static str], } [with: Vec<&'static str>,] => "is required together with {with}";
    /// No group of credentials of a Qovery kind that needs one of them is set.
    CredentialsNeeded(Required) { one_of: &'static [&'static [&'static str]], kind: &'static str, } [] => "kind {kind} needs credentials: {one_of}";
    /// The value has the wrong JSON type; `expected` names the type it must have.
    WrongType(Type) { expected: &'static str, } [wanted: &'static str, got: &'static str,] => "must be {wanted}, not {got}";
    /// An empty string where a value is needed.
    Empty(TooShort) { min: usize, } [] => "must not be empty";
    /// A string shorter than its minimum length, in Unicode code points.
    TooShort(TooShort) { min: usize, suggestion: Option<String>, } [] => "must be at least {min} characters long";
    /// A string longer than its maximum length, in Unicode code points.
    TooLong(TooLong) { max: usize, suggestion: Option<String>, } [] => "must be at most {max} characters long";
    /// A string that breaks one named rule of its grammar; the message is the rule's own. For a name, `suggestion` is the nearest valid one, when there is one.
    Pattern(Pattern) { pattern: Option<&'static str>, suggestion: Option<String>, } [rule: &'static str,] => "{rule}";
    /// A URL that must use https does not.
    NotHttps(NotHttps) { pattern: Option<&'static str>, } [rule: &'static str,] => "{rule}";
    /// A URL that cannot be parsed.
    InvalidUrl(InvalidUrl) { pattern: Option<&'static str>, } [rule: &'static str,] => "{rule}";
    /// A string that must hold JSON does not hold the documented shape.
    InvalidJson(InvalidJson) { pattern: Option<&'static str>, } [rule: &'static str,] => "{rule}";
    /// A name in the form of an IP address where that is not allowed.
    IpAddress(IpAddress) { pattern: Option<&'static str>, suggestion: Option<String>, } [rule: &'static str,] => "{rule}";
    /// Separators next to each other in a Huawei SWR name.
    AdjacentSeparators(AdjacentSeparators) { pattern: Option<&'static str>, suggestion: Option<String>, } [rule: &'static str,] => "{rule}";
    /// More than two consecutive underscores in a Huawei SWR name.
    TooManyUnderscores(TooManyUnderscores) { pattern: Option<&'static str>, suggestion: Option<String>, } [rule: &'static str,] => "{rule}";
    /// An integer beyond what JavaScript holds exactly (2^53 - 1), wherever no rule bound is tighter.
    UnsafeInteger(OutOfRange) { min: i64, max: i64, } [] => "must be between -9007199254740991 and 9007199254740991: larger integers lose precision in JavaScript";
    /// A number outside its documented bounds; `also` lists values allowed beyond them.
    OutOfRange(OutOfRange) { min: Option<i64>, max: Option<i64>, also: Option<&'static [i64]>, } [bounds: String,] => "must be {bounds}";
    /// A value that is not one of the documented choices.
    NotAllowed(Enum) { allowed: &'static [&'static str], } [] => "must be one of {allowed}";
    /// A value that is not one of the documented choices, close to one of them.
    NotAllowedNear(Enum) { allowed: &'static [&'static str], suggestion: &'static str, } [] => "must be one of {allowed}; did you mean {suggestion}?";
    /// A value the provider documents as no longer supported; the message gives its reason.
    Retired(KindNotSupported) { value: &'static str, allowed: &'static [&'static str], } [reason: &'static str,] => "{reason}";
    /// A field the operation does not know.
    UnknownField(UnknownField) {} [] => "is not a known field";
    /// A field the operation does not know, close to a known one.
    UnknownFieldNear(UnknownField) { suggestion: &'static str, } [] => "is not a known field; did you mean {suggestion}?";
    /// A Qovery URL that this kind fixes, set to another value.
    MustEqual(MustEqual) { expected: &'static str, kind: &'static str, } [] => "must be exactly {expected} for kind {kind} (or be left out)";
    /// A Qovery config key of another registry kind.
    Forbidden(Forbidden) { kind: &'static str, allowed: Vec<&'static str>, } [] => "is not used by kind {kind}";
    /// Two groups of credentials that exclude each other are both set.
    Conflict(Conflict) { one_of: &'static [&'static [&'static str]], kind: &'static str, } [] => "set either {one_of}, not both";
    /// An array with fewer items than allowed.
    TooFewItems(TooFewItems) { min: usize, } [] => "must have at least {min} item(s)";
    /// An array with more items than allowed.
    TooManyItems(TooManyItems) { max: usize, } [] => "must have at most {max} items";
    /// A control character in a value that lands in a URL or picks an endpoint.
    ControlCharacter(ControlCharacter) {} [] => "must not contain control characters (CR, LF, tab, NUL, ...)";
    /// Warning: Docker Hub without credentials is subject to anonymous pull rate limits.
    DockerHubRateLimit(DockerHubRateLimit) { kind: &'static str, } [] => "Docker Hub limits anonymous pulls; set Username and Password to avoid hitting the pull rate limit";
    /// Warning: a well-formed region missing from the vendor SDK's region table; `endpoint` is the URL derived from its name.
    UnknownRegion(UnknownRegion) { known: Vec<&'static str>, } [endpoint: String,] => "is not in the SDK's region table; using {endpoint}";
    /// Warning: a preview, planned without credentials; `credentials` names the type whose placeholders stand in the request.
    Preview(Preview) { credentials: &'static str, } [] => "placeholders stand in for the credentials; this request cannot be sent";
}

impl IssueKind {
    /// The kind a failed named string check reports: its code with the
    /// rule's own message (`pattern` when the code is not a check's).
    #[must_use]
    pub fn failed_check(code: Code, rule: &'static str, pattern: Option<&'static str>) -> Self {
        match code {
            Code::NotHttps => IssueKind::NotHttps { pattern, rule },
            Code::InvalidUrl => IssueKind::InvalidUrl { pattern, rule },
            Code::InvalidJson => IssueKind::InvalidJson { pattern, rule },
            Code::IpAddress => IssueKind::IpAddress {
                pattern,
                rule,
                suggestion: None,
            },
            Code::AdjacentSeparators => IssueKind::AdjacentSeparators {
                pattern,
                rule,
                suggestion: None,
            },
            Code::TooManyUnderscores => IssueKind::TooManyUnderscores {
                pattern,
                rule,
                suggestion: None,
            },
            _ => IssueKind::Pattern {
                pattern,
                rule,
                suggestion: None,
            },
        }
    }

    /// This kind with `params.suggestion` set, for the kinds that carry one
    /// (a name's length and grammar); any other kind is returned as it is.
    #[must_use]
    pub fn with_suggestion(mut self, name: Option<&str>) -> Self {
        if let IssueKind::TooShort { suggestion, .. }
        | IssueKind::TooLong { suggestion, .. }
        | IssueKind::Pattern { suggestion, .. }
        | IssueKind::IpAddress { suggestion, .. }
        | IssueKind::AdjacentSeparators { suggestion, .. }
        | IssueKind::TooManyUnderscores { suggestion, .. } = &mut self
        {
            *suggestion = name.map(str::to_owned);
        }
        self
    }

    /// A number outside `min..=max` (`also` lists values allowed besides),
    /// its bounds in words: `between 1 and 5`, `-1 or at least 1`.
    #[must_use]
    pub fn out_of_range(min: Option<i64>, max: Option<i64>, also: &'static [i64]) -> Self {
        let mut bounds = match (min, max) {
            (Some(min), Some(max)) => format!("between {min} and {max}"),
            (Some(min), None) => format!("at least {min}"),
            (None, Some(max)) => format!("at most {max}"),
            (None, None) => String::new(),
        };
        for extra in also {
            bounds = format!("{extra} or {bounds}");
        }
        IssueKind::OutOfRange {
            min,
            max,
            also: (!also.is_empty()).then_some(also),
            bounds,
        }
    }

    /// The message: the template with each `{name}` replaced. A template
    /// without placeholders, or one that is a single wording of static
    /// text, is returned without allocating.
    #[must_use]
    pub fn message(&self) -> Cow<'static, str> {
        let template = self.template();
        if !template.contains('{') {
            return Cow::Borrowed(template);
        }
        if let Some(name) = template
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .filter(|name| !name.contains('{'))
        {
            return self.wording(name).unwrap_or(Cow::Borrowed(""));
        }
        let mut out = String::with_capacity(template.len() + 16);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(rest.get(..open).unwrap_or_default());
            let after = rest.get(open + 1..).unwrap_or_default();
            let Some(close) = after.find('}') else {
                break;
            };
            let name = after.get(..close).unwrap_or_default();
            out.push_str(&self.wording(name).unwrap_or_default());
            rest = after.get(close + 1..).unwrap_or_default();
        }
        out.push_str(rest);
        Cow::Owned(out)
    }

    /// The issue this kind is at `path`.
    #[must_use]
    pub fn at(self, path: Pointer) -> Issue {
        Issue {
            code: self.code(),
            path,
            message: self.message(),
            params: self.params(),
        }
    }
}

/// Every issue kind as a Markdown table (code, parameters, message
/// template, meaning), for README.md, which a test keeps equal to it.
#[must_use]
pub fn kinds_table() -> String {
    let mut out =
        String::from("| code | params | message | meaning |\n| --- | --- | --- | --- |\n");
    for kind in IssueKind::DOCS {
        let params: Vec<String> = kind
            .params
            .iter()
            .map(|p| {
                let ty = match p.ty {
                    ParamType::Integer => "integer",
                    ParamType::Strings => "string[]",
                    ParamType::Integers => "integer[]",
                    ParamType::StringGroups => "string[][]",
                    ParamType::String => "string",
                };
                format!("`{}{}`: {ty}", p.name, if p.optional { "?" } else { "" })
            })
            .collect();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} |\n",
            kind.code.as_str(),
            if params.is_empty() {
                "—".to_owned()
            } else {
                params.join(", ")
            },
            kind.template.replace('|', "\\|"),
            kind.doc.trim(),
        ));
    }
    out
}

/// The placeholders of a template, in order.
#[cfg(test)]
fn placeholders(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|part| part.split_once('}').map(|(name, _)| name))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_kind_and_every_kind_a_doc() {
        for code in Code::ALL {
            assert!(
                IssueKind::DOCS.iter().any(|k| k.code == *code),
                "no issue kind reports {code}"
            );
        }
        for kind in IssueKind::DOCS {
            assert!(!kind.doc.is_empty(), "{} has no doc", kind.name);
        }
    }

    #[test]
    fn templates_are_plain_text() {
        for kind in IssueKind::DOCS {
            assert!(
                !kind.template.contains('`'),
                "{}: {}",
                kind.name,
                kind.template
            );
            assert!(
                !kind.template.ends_with('.'),
                "{}: {}",
                kind.name,
                kind.template
            );
        }
    }

    /// The rule tables' own messages (named checks, grammars, retired
    /// values) are issue messages too.
    #[test]
    fn rule_messages_are_plain_text() {
        use crate::spec::{Field, Kind};
        fn messages(fields: &[Field], out: &mut Vec<&'static str>) {
            for field in fields {
                kind_messages(&field.kind, out);
            }
        }
        fn kind_messages(kind: &Kind, out: &mut Vec<&'static str>) {
            match kind {
                Kind::String(rule) => {
                    out.extend(rule.checks.iter().map(|c| c.message));
                    out.extend(rule.pattern.map(|p| p.message));
                }
                Kind::Enum(rule) => out.extend(rule.retired.iter().map(|(_, why)| *why)),
                Kind::Object(rule) => messages(rule.fields, out),
                Kind::Array(rule) => kind_messages(&rule.items, out),
                Kind::Integer(_) | Kind::Boolean => {}
            }
        }
        let mut all = Vec::new();
        for op in crate::operations() {
            messages(op.fields, &mut all);
        }
        assert!(all.len() > 20, "{all:?}");
        for message in all {
            assert!(!message.contains('`'), "{message}");
        }
    }

    #[test]
    fn templates_name_only_their_parameters_or_wordings() {
        // Optional parameters and integer lists read as nothing, so no
        // template may name one.
        for kind in IssueKind::DOCS {
            for name in placeholders(kind.template) {
                if let Some(param) = kind.params.iter().find(|p| p.name == name) {
                    assert!(!param.optional, "{} names optional {name}", kind.name);
                    assert_ne!(param.ty, ParamType::Integers, "{} names {name}", kind.name);
                }
            }
        }
    }

    #[test]
    fn messages_fill_their_templates() {
        let kind = IssueKind::RequiredTogether {
            field: "password",
            group: &["username", "password"],
            with: vec!["username"],
        };
        assert_eq!(kind.message(), "is required together with Username");
        assert_eq!(
            kind.params(),
            vec![
                ("field", Value::from("password")),
                ("group", serde_json::json!(["username", "password"])),
            ]
        );
        let conflict = IssueKind::Conflict {
            one_of: &[&["access_key", "secret_key"], &["role_arn"]],
            kind: "ECR",
        };
        assert_eq!(
            conflict.message(),
            "set either Access key + Secret key or Role ARN, not both"
        );
        let near = IssueKind::NotAllowedNear {
            allowed: &["a", "b"],
            suggestion: "a",
        };
        assert_eq!(near.message(), "must be one of a, b; did you mean a?");
        let bounds = IssueKind::out_of_range(Some(1), None, &[]);
        assert_eq!(bounds.message(), "must be at least 1");
        assert_eq!(bounds.params(), vec![("min", Value::from(1))]);
        let indefinite = IssueKind::out_of_range(Some(1), Some(100), &[-1]);
        assert_eq!(indefinite.message(), "must be -1 or between 1 and 100");
        assert_eq!(
            indefinite.params(),
            vec![
                ("min", Value::from(1)),
                ("max", Value::from(100)),
                ("also", serde_json::json!([-1])),
            ]
        );
    }

    #[test]
    fn static_messages_do_not_allocate() {
        let rule = IssueKind::Pattern {
            pattern: None,
            suggestion: None,
            rule: "must start with a letter",
        };
        assert!(matches!(
            rule.message(),
            Cow::Borrowed("must start with a letter")
        ));
        assert!(matches!(
            IssueKind::UnknownField {}.message(),
            Cow::Borrowed("is not a known field")
        ));
    }
}
