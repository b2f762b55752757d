//! Every provider's rule data, and the small named checks they share.

mod gcore;
mod huawei;
mod ncloud;
mod qovery;

use crate::report::Code;
use crate::spec::{
    DefaultValue, Field, IntRule, Kind, Location, Operation, Pattern, Source, StrCheck, StrRule,
};

/// Every provider, in the order of [`OPERATIONS`].
pub(crate) static PROVIDERS: &[&crate::spec::Provider] = &[
    &gcore::GCORE,
    &qovery::QOVERY,
    &ncloud::NCLOUD,
    &huawei::HUAWEI_SWR,
];

/// Every operation, in a fixed order (provider, then resource, then action).
/// For a field that only some values of a discriminator use: those values
/// (`kinds`) and the ones that require it (`required_for`). Only Qovery's
/// `config` keys, per `kind`, are such fields today.
pub(crate) fn kinds_of(field: &Field) -> Option<(Vec<&'static str>, Vec<&'static str>)> {
    qovery::kinds_of_config_key(field)
}

pub(crate) static OPERATIONS: &[&Operation] = &[
    &gcore::REGISTRIES_LIST,
    &gcore::REGISTRIES_CREATE,
    &gcore::REGISTRIES_GET,
    &gcore::REGISTRIES_DELETE,
    &gcore::REGISTRIES_RESIZE,
    &gcore::REPOSITORIES_LIST,
    &gcore::REPOSITORIES_DELETE,
    &gcore::ARTIFACTS_LIST,
    &gcore::ARTIFACTS_DELETE,
    &gcore::TAGS_DELETE,
    &gcore::USERS_LIST,
    &gcore::USERS_CREATE,
    &gcore::USERS_CREATE_MULTIPLE,
    &gcore::USERS_UPDATE,
    &gcore::USERS_REFRESH_SECRET,
    &gcore::USERS_DELETE,
    &qovery::CONTAINER_REGISTRIES_CREATE,
    &ncloud::REGISTRIES_CREATE,
    &huawei::NAMESPACES_CREATE,
    &huawei::REPOSITORIES_CREATE,
];

/// A required field; `optional`, `secret` and `default` adjust it.
pub(crate) const fn field(
    name: &'static str,
    location: Location,
    kind: Kind,
    description: &'static str,
    source: Source,
) -> Field {
    Field {
        name,
        location,
        kind,
        required: true,
        default: None,
        secret: false,
        description,
        source,
    }
}

impl Field {
    pub(crate) const fn optional(mut self) -> Self {
        self.required = false;
        self
    }

    pub(crate) const fn secret(mut self) -> Self {
        self.secret = true;
        self
    }

    pub(crate) const fn default(mut self, value: DefaultValue) -> Self {
        self.required = false;
        self.default = Some(value);
        self
    }
}

/// Any string, the empty one included.
pub(crate) static ANY_STRING: StrRule = StrRule {
    min_len: None,
    max_len: None,
    pattern: None,
    checks: &[],
    grammar_source: None,
};

/// Any string but the empty one.
pub(crate) static NON_EMPTY: StrRule = StrRule {
    min_len: Some(1),
    ..ANY_STRING
};

/// A string of `min..=max` characters matching `pattern`, whose own message
/// explains a mismatch (no named checks).
pub(crate) const fn matching(min: usize, max: usize, pattern: &'static Pattern) -> StrRule {
    StrRule {
        min_len: Some(min),
        max_len: Some(max),
        pattern: Some(pattern),
        checks: &[],
        grammar_source: None,
    }
}

/// Cites `location` inside `document`.
pub(crate) const fn src(document: &'static str, location: &'static str) -> Source {
    Source { document, location }
}

/// An integer of at least `min`.
pub(crate) const fn at_least(min: i64) -> Kind {
    Kind::Integer(IntRule {
        min: Some(min),
        max: None,
        also: &[],
    })
}

/// A `pattern` check with its message.
pub(crate) const fn rule(message: &'static str, test: fn(&str) -> bool) -> StrCheck {
    StrCheck {
        code: Code::Pattern,
        message,
        test,
    }
}

// Character classes shared by several grammars.

pub(crate) fn is_lower_alnum(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

pub(crate) fn starts_with(s: &str, class: fn(char) -> bool) -> bool {
    s.chars().next().is_some_and(class)
}

pub(crate) fn ends_with(s: &str, class: fn(char) -> bool) -> bool {
    s.chars().next_back().is_some_and(class)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Kind;

    fn string_rules(kind: &Kind, out: &mut Vec<&'static crate::spec::StrRule>) {
        match kind {
            Kind::String(rule) => out.push(rule),
            Kind::Object(object) => object
                .fields
                .iter()
                .for_each(|f| string_rules(&f.kind, out)),
            Kind::Array(array) => string_rules(&array.items, out),
            _ => {}
        }
    }

    #[test]
    fn patterns_compile_and_are_anchored() {
        for op in OPERATIONS {
            let mut rules = Vec::new();
            op.fields
                .iter()
                .for_each(|f| string_rules(&f.kind, &mut rules));
            for rule in rules {
                if let Some(pattern) = rule.pattern {
                    assert!(pattern.source.starts_with('^') && pattern.source.ends_with('$'));
                    assert!(pattern.compiles(), "{}: {}", op.id, pattern.source);
                    // An empty string skips the grammar checks, so `too_short` must catch it.
                    assert!(
                        rule.min_len.unwrap_or(0) >= 1,
                        "{}: {}",
                        op.id,
                        pattern.source
                    );
                }
            }
        }
    }

    /// Deterministic strings over an alphabet of the characters the grammars care about.
    fn sample_strings() -> Vec<String> {
        const ALPHABET: &[char] = &[
            'a', 'z', '0', '9', 'A', '-', '_', '.', '/', ':', ' ', '\n', 'é', '%', 'f', '@',
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut out = Vec::new();
        for _ in 0..20_000 {
            let len = usize::try_from(next() % 30).unwrap_or(0);
            out.push(
                (0..len)
                    .map(|_| ALPHABET[usize::try_from(next() % 16).unwrap_or(0)])
                    .collect(),
            );
        }
        for prefix in ["sha256:", "sha512:"] {
            for len in [63, 64, 65, 127, 128] {
                out.push(format!("{prefix}{}", "a".repeat(len)));
            }
        }
        out
    }

    /// The named checks (with the length bounds) accept exactly what the
    /// documented pattern accepts, so the generic fallback message never fires
    /// and every rejection has a specific message.
    #[test]
    fn named_checks_explain_the_pattern_exactly() {
        let samples = sample_strings();
        for op in OPERATIONS {
            let mut rules = Vec::new();
            op.fields
                .iter()
                .for_each(|f| string_rules(&f.kind, &mut rules));
            for rule in rules
                .into_iter()
                .filter(|r| r.pattern.is_some() && !r.checks.is_empty())
            {
                let Some(pattern) = rule.pattern else {
                    continue;
                };
                for s in &samples {
                    let len = s.chars().count();
                    let named = rule.min_len.is_none_or(|m| len >= m)
                        && rule.max_len.is_none_or(|m| len <= m)
                        && rule.checks.iter().all(|c| (c.test)(s));
                    // Checks with a code of their own may forbid more than the
                    // pattern can say (an IP-address-shaped bucket name).
                    let beyond_pattern = rule
                        .checks
                        .iter()
                        .any(|c| c.code == Code::IpAddress && !(c.test)(s));
                    let regex = pattern.is_match(s);
                    // The URL rule's checks parse the URL, which the pattern cannot: one direction only.
                    let exact = !pattern.source.starts_with("^https://");
                    assert!(
                        !named || regex,
                        "{}: {s:?} passes the checks but not {}",
                        op.id,
                        pattern.source
                    );
                    assert!(
                        !exact || named || !regex || beyond_pattern,
                        "{}: {s:?} matches {} but fails a check",
                        op.id,
                        pattern.source
                    );
                }
            }
        }
    }

    /// `regex` (native builds) and `regex-lite` (the wasm build, feature
    /// `lite-regex`) accept exactly the same strings for every pattern, so a
    /// report never depends on the runtime.
    #[test]
    fn lite_regex_agrees() {
        let mut samples = sample_strings();
        // Non-ASCII letters and digits, which only Unicode-aware classes would take.
        samples.extend(
            [
                "ａbc",
                "abc١",
                "ǅa",
                "a\u{212A}",
                "k\u{0130}",
                "abc\r",
                "\u{0}a",
            ]
            .map(String::from),
        );
        for op in OPERATIONS {
            let mut rules = Vec::new();
            op.fields
                .iter()
                .for_each(|f| string_rules(&f.kind, &mut rules));
            for pattern in rules.into_iter().filter_map(|r| r.pattern) {
                let full = regex::Regex::new(pattern.source).ok();
                let lite = regex_lite::Regex::new(pattern.source).ok();
                let (Some(full), Some(lite)) = (full, lite) else {
                    panic!(
                        "{}: {} does not compile in both engines",
                        op.id, pattern.source
                    );
                };
                for s in &samples {
                    assert_eq!(
                        full.is_match(s),
                        lite.is_match(s),
                        "{}: {s:?} against {}",
                        op.id,
                        pattern.source
                    );
                }
            }
        }
    }

    #[test]
    fn ids_are_unique_and_prefixed_by_provider() {
        let mut seen = std::collections::BTreeSet::new();
        for op in OPERATIONS {
            assert!(seen.insert(op.id), "duplicate {}", op.id);
            assert!(op.id.starts_with(&format!("{}.", op.provider.id)));
            for name in op
                .path
                .split('{')
                .skip(1)
                .filter_map(|s| s.split('}').next())
            {
                let field = op
                    .field(name)
                    .unwrap_or_else(|| panic!("{}: {name}", op.id));
                assert!(
                    field.required,
                    "{}: path field {name} must be required",
                    op.id
                );
            }
        }
    }
}
