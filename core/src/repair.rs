//! Suggestions for invalid names: the nearest value a naming grammar accepts.
//!
//! A naming rule declares its repair as data ([`crate::spec::StrRule::repair`]
//! names one [`Repair`] below); the engine offers the repaired value as
//! `params.suggestion` only when it passes every rule of the field
//! ([`suggestion`]). Each repair is one pass over the characters (linear
//! time) and the input is bounded ([`LONGEST_REPAIRED`]).
//!
//! A repair lowercases where the grammar is lowercase, turns every run of
//! characters the grammar does not allow between letters and digits into one
//! separator it does allow (`My_Registry ` → `my-registry`), drops what
//! cannot start or end a name, cuts a name that is too long to the limit and
//! then to a valid ending (a 35-character name → its first 24 characters
//! without a trailing hyphen).

use crate::spec::StrRule;

/// Longest input (in bytes) worth repairing: a name this long is not a typo.
pub(crate) const LONGEST_REPAIRED: usize = 4096;

/// One naming grammar's repair, as data.
#[derive(Debug)]
pub struct Repair {
    /// Its name (`gcore_registry_name`), for the rule table and tests.
    pub name: &'static str,
    /// Keep ASCII capitals (OCI tags); otherwise letters are lowercased.
    keep_upper: bool,
    /// The separators allowed between runs of letters and digits.
    separators: &'static str,
    /// Whether a run of separators (only allowed ones) may stay as it is.
    valid_run: fn(&str) -> bool,
    /// The separator that replaces a run the grammar refuses when the run
    /// holds no allowed separator (`None`: such runs are dropped).
    replacement: Option<char>,
    /// What the name (each part, for [`Repair::parts`]) may start with;
    /// anything else is dropped from the front.
    first: fn(char) -> bool,
    /// Whether the end must be a letter or digit (separators dropped from it).
    alnum_end: bool,
    /// `/`-separated parts, each repaired alone (OCI repository paths).
    parts: bool,
}

fn lower_start(c: char) -> bool {
    c.is_ascii_lowercase()
}

fn alnum(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

fn tag_start(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn any_run(_: &str) -> bool {
    true
}

fn no_run(_: &str) -> bool {
    false
}

/// Huawei SWR: one separator, or exactly `__`.
fn swr_run(run: &str) -> bool {
    run.len() == 1 || run == "__"
}

/// OCI: `.`, `_`, `__` or a run of hyphens.
fn oci_run(run: &str) -> bool {
    matches!(run, "." | "_" | "__") || run.bytes().all(|b| b == b'-')
}

/// Gcore registry names (`^[a-z][-a-z0-9]{0,22}[a-z0-9]$`, seed 000).
pub(crate) static GCORE_REGISTRY_NAME: Repair = Repair {
    name: "gcore_registry_name",
    keep_upper: false,
    separators: "-",
    valid_run: any_run,
    replacement: Some('-'),
    first: lower_start,
    alnum_end: true,
    parts: false,
};

/// Gcore registry user names (`^[a-z0-9]{1,16}$`): letters and digits only.
pub(crate) static GCORE_USER_NAME: Repair = Repair {
    name: "gcore_user_name",
    keep_upper: false,
    separators: "",
    valid_run: no_run,
    replacement: None,
    first: alnum,
    alnum_end: true,
    parts: false,
};

/// OCI repository names (`library/nginx`), part by part.
pub(crate) static OCI_REPOSITORY_NAME: Repair = Repair {
    name: "oci_repository_name",
    keep_upper: false,
    separators: "._-",
    valid_run: oci_run,
    replacement: Some('-'),
    first: alnum,
    alnum_end: true,
    parts: true,
};

/// OCI tags (`^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$`): capitals stay.
pub(crate) static OCI_TAG: Repair = Repair {
    name: "oci_tag",
    keep_upper: true,
    separators: "._-",
    valid_run: any_run,
    replacement: Some('-'),
    first: tag_start,
    alnum_end: false,
    parts: false,
};

/// NAVER Object Storage bucket names (3–63 of `a-z0-9.-`, letter or digit at both ends).
pub(crate) static BUCKET_NAME: Repair = Repair {
    name: "bucket_name",
    keep_upper: false,
    separators: ".-",
    valid_run: any_run,
    replacement: Some('-'),
    first: alnum,
    alnum_end: true,
    parts: false,
};

/// Huawei SWR namespaces (a lowercase letter first; `a--b` → `a-b`).
pub(crate) static SWR_NAMESPACE: Repair = Repair {
    name: "swr_namespace",
    keep_upper: false,
    separators: "._-",
    valid_run: swr_run,
    replacement: Some('-'),
    first: lower_start,
    alnum_end: true,
    parts: false,
};

/// Huawei SWR repository names (a letter or digit first).
pub(crate) static SWR_REPOSITORY: Repair = Repair {
    name: "swr_repository",
    keep_upper: false,
    separators: "._-",
    valid_run: swr_run,
    replacement: Some('-'),
    first: alnum,
    alnum_end: true,
    parts: false,
};

impl Repair {
    /// The repaired value, not yet cut to length or checked.
    fn apply(&self, s: &str) -> String {
        if self.parts {
            let mut out = String::with_capacity(s.len());
            for part in s.split('/') {
                let part = self.apply_part(part);
                if !part.is_empty() {
                    if !out.is_empty() {
                        out.push('/');
                    }
                    out.push_str(&part);
                }
            }
            out
        } else {
            self.apply_part(s)
        }
    }

    fn apply_part(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        // The current run of non-alphanumeric characters: the allowed
        // separators it holds, and whether it held anything else.
        let mut run = String::new();
        let mut foreign = false;
        for c in s.chars() {
            let c = if self.keep_upper {
                c
            } else {
                c.to_ascii_lowercase()
            };
            if c.is_ascii_digit() || c.is_ascii_lowercase() || (self.keep_upper && alnum(c)) {
                self.close_run(&mut run, foreign, &mut out);
                foreign = false;
                if !out.is_empty() || (self.first)(c) {
                    out.push(c);
                }
            } else if self.separators.contains(c) {
                run.push(c);
            } else {
                foreign = true;
            }
        }
        if !self.alnum_end {
            self.close_run(&mut run, foreign, &mut out);
        }
        out
    }

    /// Writes the run that ends here (before a letter or digit), as the
    /// grammar allows it; nothing at the very start unless it may start a name.
    fn close_run(&self, run: &mut String, foreign: bool, out: &mut String) {
        if run.is_empty() && !foreign {
            return;
        }
        let fixed: Option<String> = if !foreign && (self.valid_run)(run) {
            Some(run.clone())
        } else {
            run.chars()
                .next()
                .or(self.replacement)
                .map(|c| c.to_string())
        };
        if let Some(fixed) = fixed {
            if out.is_empty() {
                // Only what may start a name survives at the front.
                let kept: String = fixed.chars().skip_while(|c| !(self.first)(*c)).collect();
                out.push_str(&kept);
            } else if self.separators.is_empty() {
                // No separators in this grammar: the run is dropped.
            } else {
                out.push_str(&fixed);
            }
        }
        run.clear();
    }
}

/// The name to suggest for `s`, which failed `rule`: the rule's repair,
/// cut to its maximum length at a valid ending, offered only when it passes
/// every rule of the field and differs from `s`.
pub(crate) fn suggestion(rule: &StrRule, s: &str) -> Option<String> {
    let repair = rule.repair?;
    if s.len() > LONGEST_REPAIRED {
        return None;
    }
    let mut candidate = repair.apply(s);
    if let Some(max) = rule.max_len {
        if candidate.chars().count() > max {
            // Repairing the cut again drops a separator left at its end.
            candidate = repair.apply(&cut_at_boundary(&candidate, max, repair.separators));
        }
    }
    (candidate != s && passes(rule, &candidate)).then_some(candidate)
}

/// The first `max` characters of `s`; when that splits a word and a
/// separator ends a word in the second half of the kept text, the text up to
/// that separator (`my-very-long-registry-name` at 24 → `my-very-long-registry`).
fn cut_at_boundary(s: &str, max: usize, separators: &str) -> String {
    let cut: String = s.chars().take(max).collect();
    let splits_a_word = s
        .chars()
        .nth(max)
        .is_some_and(|c| c.is_ascii_alphanumeric());
    if splits_a_word {
        if let Some((at, _)) = cut
            .char_indices()
            .rfind(|(_, c)| separators.contains(*c))
            .filter(|(at, _)| *at >= max / 2)
        {
            return cut.get(..at).unwrap_or_default().to_owned();
        }
    }
    cut
}

/// Whether `s` passes every rule of `rule`: length, named checks, grammar.
pub(crate) fn passes(rule: &StrRule, s: &str) -> bool {
    let len = s.chars().count();
    rule.min_len.is_none_or(|min| len >= min)
        && rule.max_len.is_none_or(|max| len <= max)
        && rule.checks.iter().all(|check| (check.test)(s))
        && rule.pattern.is_none_or(|p| p.is_match(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repairs_follow_each_grammar() {
        let cases: [(&Repair, &str, &str); 14] = [
            (&GCORE_REGISTRY_NAME, "My_Registry ", "my-registry"),
            (&GCORE_REGISTRY_NAME, "1-Bad_", "bad"),
            (&GCORE_REGISTRY_NAME, "a--b", "a--b"),
            (&GCORE_USER_NAME, "John Doe", "johndoe"),
            (
                &OCI_REPOSITORY_NAME,
                "/Library//My Nginx/",
                "library/my-nginx",
            ),
            (&OCI_REPOSITORY_NAME, "a._b", "a.b"),
            (&OCI_TAG, ".V1 final", "V1-final"),
            (&OCI_TAG, "_v1.", "_v1."),
            (&BUCKET_NAME, "My Bucket.", "my-bucket"),
            (&SWR_NAMESPACE, "a--b", "a-b"),
            (&SWR_NAMESPACE, "9team___x", "team_x"),
            (&SWR_NAMESPACE, "a__b", "a__b"),
            (&SWR_REPOSITORY, "-9Nginx.-x", "9nginx.x"),
            (&GCORE_REGISTRY_NAME, "Étude café", "tude-caf"),
        ];
        for (repair, input, expected) in cases {
            assert_eq!(repair.apply(input), expected, "{} {input:?}", repair.name);
        }
    }

    /// The suggestion of `/name` on each issue of a Gcore registry name.
    fn suggestions_for(name: &str) -> Vec<Option<String>> {
        let input = serde_json::json!({"project_id": 1, "region_id": 76, "name": name});
        let report = crate::validate("gcore.registries.create", &input);
        report
            .map(|r| {
                r.errors
                    .iter()
                    .map(|issue| {
                        issue
                            .params
                            .iter()
                            .find(|(key, _)| *key == "suggestion")
                            .and_then(|(_, value)| value.as_str().map(str::to_owned))
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn long_inputs_are_cut_and_very_long_ones_not_repaired() {
        let just_within = "A".repeat(LONGEST_REPAIRED);
        assert_eq!(
            suggestions_for(&just_within),
            vec![Some("a".repeat(24)); 4],
            "too_long, then the rules on the start, the characters and the end"
        );
        let beyond = "A".repeat(LONGEST_REPAIRED + 1);
        assert_eq!(suggestions_for(&beyond), vec![None; 4]);
    }

    #[test]
    fn a_suggestion_passes_every_rule_or_is_not_made() {
        // "9-" repairs to "", which the rule refuses: no suggestion.
        assert_eq!(suggestions_for("9-"), vec![None, None]);
        // A valid name has no issue, so nothing to suggest.
        assert!(suggestions_for("reg-home1").is_empty());
    }

    #[test]
    fn repairs_are_idempotent_on_their_output() {
        for repair in [
            &GCORE_REGISTRY_NAME,
            &GCORE_USER_NAME,
            &OCI_REPOSITORY_NAME,
            &OCI_TAG,
            &BUCKET_NAME,
            &SWR_NAMESPACE,
            &SWR_REPOSITORY,
        ] {
            for input in ["My_Registry ", "a--b..c__d___e", "/x//Y/", "-_.", ""] {
                let once = repair.apply(input);
                assert_eq!(repair.apply(&once), once, "{} {input:?}", repair.name);
            }
        }
    }
}
