//! Every provider's rule data, and the small named checks they share.

use std::sync::LazyLock;

use crate::report::Code;
use crate::spec::{
    DefaultValue, Encoding, Field, IntRule, Kind, Location, Operation, Pattern, Source, StrCheck,
    StrRule,
};

/// Declares the provider modules, [`PROVIDERS`] and `BY_PROVIDER` from one
/// list of `module::PROVIDER_STATIC`, so that a new provider is one entry here
/// (each module also declares its `OPERATIONS`).
macro_rules! providers {
    ($($module:ident::$provider:ident),* $(,)?) => {
        $(mod $module;)*

        /// Every provider, in the order of [`OPERATIONS`].
        pub(crate) static PROVIDERS: &[&crate::spec::Provider] = &[$(&$module::$provider),*];

        /// Each provider file's own list of its operations, in [`PROVIDERS`]
        /// order: a new operation is added to its provider file only.
        static BY_PROVIDER: &[&[&Operation]] = &[$($module::OPERATIONS),*];
    };
}

providers![
    gcore::GCORE,
    qovery::QOVERY,
    ncloud::NCLOUD,
    huawei::HUAWEI_SWR,
];

/// For a field that only some values of a discriminator use (a key of a
/// [`PerValue`](crate::spec::PerValue) object, such as Qovery's `config` per
/// `kind`): those values (`kinds`) and the ones that require it
/// (`required_for`); `None` for any other field. By address: another
/// operation's field may share a key's name.
pub(crate) fn kinds_of(field: &Field) -> Option<(Vec<&'static str>, Vec<&'static str>)> {
    OPERATIONS
        .iter()
        .flat_map(|op| op.checks)
        .find_map(|check| match check.rule {
            crate::spec::CrossRule::PerValue(rules)
                if rules.object_fields.iter().any(|f| std::ptr::eq(f, field)) =>
            {
                let kinds = rules.cases.iter().filter(|c| c.allows(field.name));
                let required = rules
                    .cases
                    .iter()
                    .filter(|c| c.required.contains(&field.name));
                Some((
                    kinds.map(|c| c.value).collect(),
                    required.map(|c| c.value).collect(),
                ))
            }
            _ => None,
        })
}

/// Every operation, in a fixed order (provider, then the provider file's order).
pub(crate) static OPERATIONS: LazyLock<Vec<&'static Operation>> = LazyLock::new(|| {
    BY_PROVIDER
        .iter()
        .flat_map(|ops| ops.iter().copied())
        .collect()
});

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
        encoding: Encoding::Once,
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

    /// A path value percent-encoded twice.
    pub(crate) const fn double_encoded(mut self) -> Self {
        self.encoding = Encoding::Twice;
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
    repair: None,
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
        repair: None,
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
        for op in OPERATIONS.iter() {
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
        for op in OPERATIONS.iter() {
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
        for op in OPERATIONS.iter() {
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

    /// Every member a type requires has a variable and every variable fills a
    /// member of its type.
    #[test]
    fn every_credential_member_has_a_variable() {
        for provider in PROVIDERS {
            for accepts in provider.credentials {
                let kind = accepts.kind;
                assert_eq!(
                    accepts.required().count(),
                    kind.required.len(),
                    "{}: {}",
                    provider.id,
                    kind.name
                );
                for (member, _) in accepts.env {
                    assert!(
                        kind.required.contains(member) || kind.optional.contains(member),
                        "{}: {member} is not a member of {}",
                        provider.id,
                        kind.name
                    );
                }
            }
        }
    }

    /// The variables in words, as the CLI's missing-credentials message and
    /// `operations --json` show them, written from the declarations.
    #[test]
    fn credential_env_names_the_declared_variables() {
        for (id, words) in [
            ("gcore", "GCORE_API_KEY"),
            ("qovery", "QOVERY_API_TOKEN"),
            ("ncloud", "NCLOUD_ACCESS_KEY and NCLOUD_SECRET_KEY"),
            (
                "huawei_swr",
                "HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (optional \
                 HUAWEICLOUD_SDK_PROJECT_ID), or HUAWEICLOUD_SDK_IAM_TOKEN",
            ),
        ] {
            let provider = PROVIDERS.iter().find(|p| p.id == id).expect(id);
            assert_eq!(provider.credential_env(), words, "{id}");
        }
    }

    #[test]
    fn each_provider_file_lists_its_own_operations() {
        assert_eq!(PROVIDERS.len(), BY_PROVIDER.len());
        for (provider, ops) in PROVIDERS.iter().zip(BY_PROVIDER) {
            assert!(!ops.is_empty(), "{}", provider.id);
            for op in *ops {
                assert!(std::ptr::eq(op.provider, *provider), "{}", op.id);
            }
        }
        assert_eq!(
            OPERATIONS.len(),
            BY_PROVIDER.iter().map(|ops| ops.len()).sum::<usize>()
        );
    }

    #[test]
    fn ids_are_unique_and_prefixed_by_provider() {
        let mut seen = std::collections::BTreeSet::new();
        for op in OPERATIONS.iter() {
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
