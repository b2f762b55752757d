//! The rule engine: walks an input along an operation's field table and
//! collects every problem, never stopping at the first.
//!
//! Work is linear in the size of the input: each string is scanned a fixed
//! number of times, suggestions are only computed for short keys, and nothing
//! recurses deeper than the field table itself.

use serde_json::{Map, Number, Value};

use crate::report::{Code, Issue, Pointer, Report};
use crate::spec::{
    ArrayRule, EnumRule, Field, IntRule, Kind, Location, ObjectRule, Operation, StrRule,
};

/// Where a value sits: its parent's pointer and one more step. The full
/// [`Pointer`] is only built when an issue is reported, so a valid input
/// allocates no paths at all.
#[derive(Clone, Copy)]
struct At<'a> {
    parent: &'a Pointer,
    step: Step<'a>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

impl At<'_> {
    fn pointer(self) -> Pointer {
        match self.step {
            Step::Key(key) => self.parent.key(key),
            Step::Index(index) => self.parent.index(index),
        }
    }
}

/// Validates a whole input against `op`.
pub(crate) fn validate_input(op: &Operation, input: &Value) -> Report {
    let mut report = Report::default();
    let Value::Object(map) = input else {
        report
            .errors
            .push(type_error("an object", input, Pointer::root()));
        return report;
    };
    check_members(op.fields, map, &Pointer::root(), &mut report.errors);
    for check in op.checks {
        (check.validate)(map, &mut report.errors, &mut report.warnings);
    }
    report
}

/// Validates one top-level field's value, as a form does on every keystroke.
pub(crate) fn validate_one(field: &Field, value: &Value) -> Report {
    let mut report = Report::default();
    let root = Pointer::root();
    let at = At {
        parent: &root,
        step: Step::Key(field.name),
    };
    check_field(field, value, at, &mut report.errors);
    report
}

fn check_field(field: &Field, value: &Value, at: At<'_>, errors: &mut Vec<Issue>) {
    let routes_the_request = matches!(
        field.location,
        Location::Path | Location::PathDoubleEncoded | Location::Endpoint
    );
    match value {
        // A control character in a value that lands in a URL or picks an
        // endpoint is refused outright, whatever else its grammar says.
        Value::String(s) if routes_the_request && s.chars().any(char::is_control) => {
            errors.push(Issue::new(
                Code::ControlCharacter,
                at.pointer(),
                "must not contain control characters (CR, LF, tab, NUL, ...)",
            ))
        }
        _ => check_value(&field.kind, value, at, errors),
    }
}

/// Checks the members of an object against a field table: known fields in
/// table order, then unknown keys in sorted order so the output does not
/// depend on the caller's key order (JS reorders integer-like keys).
fn check_members(
    fields: &[Field],
    map: &Map<String, Value>,
    path: &Pointer,
    errors: &mut Vec<Issue>,
) {
    // One pass over the input matches keys to fields by comparing names,
    // which for a handful of short names beats hashing each field name.
    const SLOTS: usize = 32;
    let mut slots: [Option<&Value>; SLOTS] = [None; SLOTS];
    let mut has_unknown = false;
    if fields.len() <= SLOTS {
        for (key, value) in map {
            match fields.iter().position(|f| f.name == key) {
                Some(i) => slots[i] = Some(value),
                None => has_unknown = true,
            }
        }
    } else {
        has_unknown = map.keys().any(|k| !fields.iter().any(|f| f.name == k));
    }
    for (i, field) in fields.iter().enumerate() {
        let value = if fields.len() <= SLOTS {
            slots[i]
        } else {
            map.get(field.name)
        };
        match value {
            Some(value) => {
                let at = At {
                    parent: path,
                    step: Step::Key(field.name),
                };
                check_field(field, value, at, errors);
            }
            None if field.required => errors.push(
                Issue::new(Code::Required, path.key(field.name), "is required")
                    .with("field", field.name),
            ),
            None => {}
        }
    }
    if has_unknown {
        let mut unknown: Vec<&String> = map
            .keys()
            .filter(|k| !fields.iter().any(|f| f.name == k.as_str()))
            .collect();
        unknown.sort_unstable();
        for key in unknown {
            errors.push(unknown_field(key, fields.iter().map(|f| f.name), path));
        }
    }
}

/// An `unknown_field` error with a "did you mean" hint when a known name is close.
pub(crate) fn unknown_field<'a>(
    key: &str,
    known: impl Iterator<Item = &'a str>,
    path: &Pointer,
) -> Issue {
    let path = path.key(key);
    match suggest(key, known) {
        Some(near) => Issue::new(
            Code::UnknownField,
            path,
            format!("is not a known field; did you mean `{near}`?"),
        )
        .with("suggestion", near),
        None => Issue::new(Code::UnknownField, path, "is not a known field"),
    }
}

fn check_value(kind: &Kind, value: &Value, at: At<'_>, errors: &mut Vec<Issue>) {
    match kind {
        Kind::Integer(rule) => match value {
            Value::Number(n) => match integer_of(n) {
                Some(i) => check_int(rule, i, at, errors),
                None => errors.push(type_error("an integer", value, at.pointer())),
            },
            _ => errors.push(type_error("an integer", value, at.pointer())),
        },
        Kind::String(rule) => match value {
            Value::String(s) => check_str(rule, s, at, errors),
            _ => errors.push(type_error("a string", value, at.pointer())),
        },
        Kind::Boolean => {
            if !value.is_boolean() {
                errors.push(type_error("a boolean (true or false)", value, at.pointer()));
            }
        }
        Kind::Enum(rule) => match value {
            Value::String(s) => check_enum(rule, s, at, errors),
            _ => errors.push(type_error("a string", value, at.pointer())),
        },
        Kind::Object(ObjectRule { fields }) => match value {
            Value::Object(map) => check_members(fields, map, &at.pointer(), errors),
            _ => errors.push(type_error("an object", value, at.pointer())),
        },
        Kind::Array(rule) => match value {
            Value::Array(items) => check_array(rule, items, &at.pointer(), errors),
            _ => errors.push(type_error("an array", value, at.pointer())),
        },
    }
}

/// An integer value, or `None` for a non-integral number. `5.0` is the
/// integer 5: JSON and JavaScript do not tell them apart. Integral values
/// beyond `i64` saturate, which is enough to report them out of range.
pub(crate) fn integer_of(n: &Number) -> Option<i64> {
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    if n.is_u64() {
        return Some(i64::MAX);
    }
    let f = n.as_f64()?;
    // `as` saturates for out-of-range floats, which keeps them out of range.
    #[allow(clippy::cast_possible_truncation)]
    (f.is_finite() && f.fract() == 0.0).then_some(f as i64)
}

/// The largest integer JavaScript (and so every binding) holds exactly:
/// 2^53 − 1. Integers beyond it are out of range wherever no rule bound is
/// tighter, so no runtime can send a number another runtime reads differently.
pub(crate) const MAX_SAFE_INTEGER: i64 = 9_007_199_254_740_991;

fn check_int(rule: &IntRule, i: i64, at: At<'_>, errors: &mut Vec<Issue>) {
    let low = rule.min.is_some_and(|min| i < min);
    let high = rule.max.is_some_and(|max| i > max);
    let safe = (-MAX_SAFE_INTEGER..=MAX_SAFE_INTEGER).contains(&i);
    if !(low || high || safe) {
        errors.push(
            Issue::new(
                Code::OutOfRange,
                at.pointer(),
                "must be between -9007199254740991 and 9007199254740991: larger integers lose precision in JavaScript",
            )
            .with("min", -MAX_SAFE_INTEGER)
            .with("max", MAX_SAFE_INTEGER),
        );
        return;
    }
    if (low || high) && !rule.also.contains(&i) {
        let mut bounds = match (rule.min, rule.max) {
            (Some(min), Some(max)) => format!("between {min} and {max}"),
            (Some(min), None) => format!("at least {min}"),
            (None, Some(max)) => format!("at most {max}"),
            (None, None) => String::new(),
        };
        for extra in rule.also {
            bounds = format!("{extra} or {bounds}");
        }
        let mut issue = Issue::new(Code::OutOfRange, at.pointer(), format!("must be {bounds}"));
        if let Some(min) = rule.min {
            issue = issue.with("min", min);
        }
        if let Some(max) = rule.max {
            issue = issue.with("max", max);
        }
        if !rule.also.is_empty() {
            issue = issue.with("also", rule.also);
        }
        errors.push(issue);
    }
}

fn check_str(rule: &StrRule, s: &str, at: At<'_>, errors: &mut Vec<Issue>) {
    let len = s.chars().count();
    if let Some(min) = rule.min_len.filter(|&min| len < min) {
        let message = if min == 1 {
            "must not be empty".to_owned()
        } else {
            format!("must be at least {min} characters long")
        };
        errors.push(Issue::new(Code::TooShort, at.pointer(), message).with("min", min));
    }
    if let Some(max) = rule.max_len.filter(|&max| len > max) {
        errors.push(
            Issue::new(
                Code::TooLong,
                at.pointer(),
                format!("must be at most {max} characters long"),
            )
            .with("max", max),
        );
    }
    if s.is_empty() {
        // Grammar checks on "" would only repeat `too_short`.
        return;
    }
    let before = errors.len();
    for check in rule.checks {
        if !(check.test)(s) {
            let mut issue = Issue::new(check.code, at.pointer(), check.message);
            if let Some(pattern) = rule.pattern {
                issue = issue.with("pattern", pattern.source);
            }
            errors.push(issue);
        }
    }
    if let Some(pattern) = rule.pattern {
        let explained = errors.len() > before;
        let length_ok =
            rule.min_len.is_none_or(|m| len >= m) && rule.max_len.is_none_or(|m| len <= m);
        // The regex is the authority: if the named checks passed and the length
        // is right but the grammar still fails, say so in the pattern's own words.
        if !explained && length_ok && !pattern.is_match(s) {
            errors.push(
                Issue::new(Code::Pattern, at.pointer(), pattern.message)
                    .with("pattern", pattern.source),
            );
        }
    }
}

fn check_enum(rule: &EnumRule, s: &str, at: At<'_>, errors: &mut Vec<Issue>) {
    if rule.values.contains(&s) {
        return;
    }
    if let Some((value, why)) = rule.retired.iter().find(|(v, _)| *v == s) {
        errors.push(
            Issue::new(Code::KindNotSupported, at.pointer(), *why)
                .with("value", *value)
                .with("allowed", rule.values),
        );
        return;
    }
    let listed = rule.values.join(", ");
    let mut issue = match suggest(s, rule.values.iter().copied()) {
        Some(near) => Issue::new(
            Code::Enum,
            at.pointer(),
            format!("must be one of {listed}; did you mean `{near}`?"),
        ),
        None => Issue::new(Code::Enum, at.pointer(), format!("must be one of {listed}")),
    };
    issue = issue.with("allowed", rule.values);
    if let Some(near) = suggest(s, rule.values.iter().copied()) {
        issue = issue.with("suggestion", near);
    }
    errors.push(issue);
}

fn check_array(rule: &ArrayRule, items: &[Value], path: &Pointer, errors: &mut Vec<Issue>) {
    if let Some(min) = rule.min_items.filter(|&m| items.len() < m) {
        errors.push(
            Issue::new(
                Code::TooFewItems,
                path.clone(),
                format!("must have at least {min} item(s)"),
            )
            .with("min", min),
        );
    }
    if let Some(max) = rule.max_items.filter(|&m| items.len() > m) {
        errors.push(
            Issue::new(
                Code::TooManyItems,
                path.clone(),
                format!("must have at most {max} items"),
            )
            .with("max", max),
        );
        // Validating a million items of an already rejected array would only bury the point.
        return;
    }
    for (i, item) in items.iter().enumerate() {
        check_value(
            &rule.items,
            item,
            At {
                parent: path,
                step: Step::Index(i),
            },
            errors,
        );
    }
}

/// The JSON type of a value, in words.
pub(crate) fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        // `5.0` is the number 5 (JavaScript cannot tell them apart).
        Value::Number(n) if integer_of(n).is_none() => "a fractional number",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

pub(crate) fn type_error(expected: &'static str, value: &Value, path: Pointer) -> Issue {
    Issue::new(
        Code::Type,
        path,
        format!("must be {expected}, not {}", type_name(value)),
    )
    .with(
        "expected",
        expected.trim_start_matches("an ").trim_start_matches("a "),
    )
}

/// The known name closest to `key` (edit distance at most 2, or a sixth of
/// its length for long names, or equal ignoring case), if any. Long keys are
/// skipped: the distance is quadratic.
pub(crate) fn suggest<'a>(key: &str, known: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    const LONGEST_KEY_WORTH_A_HINT: usize = 64;
    if key.len() > LONGEST_KEY_WORTH_A_HINT {
        return None;
    }
    // Short keys get few edits: two edits turn any two-letter word into any other.
    let tolerance = (key.len() / 6).max(2).min(key.len() / 2);
    let mut best: Option<(usize, &str)> = None;
    for name in known {
        let distance = if name.eq_ignore_ascii_case(key) {
            0
        } else {
            edit_distance(key, name)
        };
        if distance <= tolerance && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, name));
        }
    }
    best.map(|(_, name)| name)
}

/// Levenshtein distance with one row of memory.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitution = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("secret_acess_key", "secret_access_key"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggestion_prefers_closest() {
        let known = ["region", "role_arn", "password"];
        assert_eq!(suggest("regoin", known.iter().copied()), Some("region"));
        assert_eq!(suggest("PASSWORD", known.iter().copied()), Some("password"));
        assert_eq!(suggest("zzzzzz", known.iter().copied()), None);
    }

    #[test]
    fn integers_accept_integral_floats_only() {
        let n = |s: &str| serde_json::from_str::<Number>(s).ok();
        assert_eq!(n("5").as_ref().and_then(integer_of), Some(5));
        assert_eq!(n("5.0").as_ref().and_then(integer_of), Some(5));
        assert_eq!(n("5.5").as_ref().and_then(integer_of), None);
        assert_eq!(n("-1").as_ref().and_then(integer_of), Some(-1));
        assert_eq!(
            n("18446744073709551615").as_ref().and_then(integer_of),
            Some(i64::MAX)
        );
        assert_eq!(n("1e300").as_ref().and_then(integer_of), Some(i64::MAX));
        assert_eq!(n("-1e300").as_ref().and_then(integer_of), Some(i64::MIN));
    }
}
