//! The rule table of README.md (credentials, field rules, cross-field rules),
//! rendered from the same declarations the validator and request builder read.
//!
//! A test compares README.md with [`rule_table`], so the documentation cannot
//! drift from the rules (regenerate with `regplan rules`).

use std::fmt::Write as _;

use crate::providers::{self, OPERATIONS};
use crate::report::Code;
use crate::spec::{
    CrossRule, Field, FieldRule, Kind, KnownValues, Location, Operation, PerValue, Sends,
};

/// Markdown tables: the credentials each provider accepts, then every field
/// rule with its source, then the cross-field rules.
#[must_use]
pub fn rule_table() -> String {
    let mut out = credentials_table();
    for provider in providers::PROVIDERS {
        let _ = writeln!(out, "\n#### {}\n", provider.name);
        out.push_str(
            "| field | in | rule | operations | source |\n| --- | --- | --- | --- | --- |\n",
        );
        let mut rows: Vec<Row> = Vec::new();
        for op in OPERATIONS.iter().filter(|op| op.provider.id == provider.id) {
            add_rows(op.fields, "", op.id, &mut rows);
        }
        for row in rows {
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} |",
                row.path,
                row.location,
                row.rule,
                row.ops.join(", "),
                row.source
            );
        }
        let mut shown: Vec<&str> = Vec::new();
        for op in OPERATIONS.iter().filter(|op| op.provider.id == provider.id) {
            // Operations may share a rule (Huawei's region table): show it once.
            for check in op.checks {
                if shown.contains(&check.name) {
                    continue;
                }
                shown.push(check.name);
                let _ = writeln!(
                    out,
                    "\nCross-field rule of `{}` ({}), from {}: {}.\n",
                    op.id, check.name, check.source.document, check.source.location
                );
                match check.rule {
                    CrossRule::PerValue(rules) => per_value_table(op, rules, &mut out),
                    CrossRule::KnownValues(known) => known_values_table(known, &mut out),
                }
            }
        }
    }
    out
}

/// The credential types of every provider, the environment variables that
/// fill them (what `regplan plan` and `credentials_from_env` read) and how
/// each is sent, from the providers' declarations.
fn credentials_table() -> String {
    let mut out = String::from(
        "\n#### Credentials\n\n| provider | `type` | environment variables | sent as |\n| --- | --- | --- | --- |\n",
    );
    for provider in providers::PROVIDERS {
        for accepts in provider.credentials {
            let variables: Vec<String> = accepts
                .required()
                .map(|(member, var)| format!("`{var}` ({member})"))
                .chain(
                    accepts
                        .optional()
                        .map(|(member, var)| format!("`{var}` ({member}, optional)")),
                )
                .collect();
            let sent = match accepts.sends {
                Sends::Header { .. } => accepts.sends.summary(),
                Sends::NcpSignatureV2 => "API Gateway signature v2: `x-ncp-apigw-timestamp`, `x-ncp-iam-access-key`, `x-ncp-apigw-signature-v2`".to_owned(),
                Sends::HuaweiSignature => "`SDK-HMAC-SHA256` signature: `Host`, `X-Sdk-Date`, `X-Project-Id`, `Authorization`".to_owned(),
            };
            let _ = writeln!(
                out,
                "| {} | `{}` | {} | {sent} |",
                provider.id,
                accepts.kind.name,
                variables.join(", ")
            );
        }
    }
    out.push_str("\nFrom the environment, the first type whose variables are all set is used (`--bearer` picks Qovery's `bearer`).\n");
    out
}

/// One row per case of a [`PerValue`] declaration, then the retired values.
fn per_value_table(op: &Operation, rules: &PerValue, out: &mut String) {
    let list = |keys: &[&str]| {
        if keys.is_empty() {
            "—".to_owned()
        } else {
            keys.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let _ = writeln!(
        out,
        "| {} | {} | required {} | {} | also allowed | source |",
        rules.discriminator,
        rules.fields.join(" | "),
        rules.object,
        rules.groups_are
    );
    let columns = 5 + rules.fields.len();
    out.push_str(&"| --- ".repeat(columns));
    out.push_str("|\n");
    for case in rules.cases {
        let fields: Vec<String> = rules
            .fields
            .iter()
            .map(|name| match case.fields.iter().find(|(n, _)| n == name) {
                Some((_, FieldRule::FixedUrl(url))) => format!("must be {url} (default)"),
                Some((_, FieldRule::Required)) => "required".to_owned(),
                None => "—".to_owned(),
            })
            .collect();
        let mut groups: Vec<String> = case
            .all_or_none
            .iter()
            .map(|g| format!("optional, all or none: {}", list(g)))
            .collect();
        if !case.exactly_one.is_empty() {
            let choices: Vec<String> = case
                .exactly_one
                .iter()
                .map(|g| format!("({})", list(g)))
                .collect();
            groups.push(format!("exactly one of: {}", choices.join(" or ")));
        }
        let groups = groups.join("; ");
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} — {} |",
            case.value,
            fields.join(" | "),
            list(case.required),
            if groups.is_empty() { "—" } else { &groups },
            list(case.optional),
            case.source.document,
            case.source.location.replace('|', "\\|"),
        );
    }
    if let Some(Kind::Enum(rule)) = op.field(rules.discriminator).map(|f| &f.kind) {
        for (value, why) in rule.retired {
            let _ = writeln!(
                out,
                "| {value} |{} {why} (`{}`) |",
                " — |".repeat(columns - 2),
                Code::KindNotSupported
            );
        }
    }
    let _ = write!(
        out,
        "\nKeys of other {}s are `{}`",
        rules.discriminator,
        Code::Forbidden
    );
    for case in rules.cases {
        for warning in case.warnings {
            let _ = write!(
                out,
                "; {} without {} adds the warning `{}`",
                case.value,
                warning.unless_any_of.join("/"),
                (warning.issue)(case.value).code()
            );
        }
    }
    out.push_str(".\n");
}

/// The table of a [`KnownValues`] declaration.
fn known_values_table(known: &KnownValues, out: &mut String) {
    let _ = writeln!(
        out,
        "| {} | {} |\n| --- | --- |",
        known.field, known.meaning
    );
    for (value, meaning) in known.table {
        let _ = writeln!(out, "| {value} | {meaning} |");
    }
    let _ = writeln!(
        out,
        "\nAny other {} that passes its rule is accepted with the warning `{}`.",
        known.field,
        (known.warning)(Vec::new(), String::new()).code()
    );
}

struct Row {
    path: String,
    location: &'static str,
    rule: String,
    ops: Vec<&'static str>,
    source: String,
}

fn add_rows(fields: &'static [Field], prefix: &str, op: &'static str, rows: &mut Vec<Row>) {
    for field in fields {
        let path = format!("{prefix}{}", field.name);
        let rule = describe(field);
        let source =
            format!("{} — {}", field.source.document, field.source.location).replace('|', "\\|");
        match rows
            .iter_mut()
            .find(|r| r.path == path && r.rule == rule && r.source == source)
        {
            Some(row) => row.ops.push(short(op)),
            None => rows.push(Row {
                path: path.clone(),
                location: match field.location {
                    Location::Path => "path",
                    Location::Query => "query",
                    Location::Body => "body",
                    Location::Endpoint => "endpoint",
                },
                rule,
                ops: vec![short(op)],
                source,
            }),
        }
        match &field.kind {
            Kind::Object(object) => add_rows(object.fields, &format!("{path}."), op, rows),
            Kind::Array(array) => {
                if let Kind::Object(object) = &array.items {
                    add_rows(object.fields, &format!("{path}[]."), op, rows);
                }
            }
            _ => {}
        }
    }
}

/// `gcore.registries.create` → `registries.create`.
fn short(op: &'static str) -> &'static str {
    op.split_once('.').map_or(op, |(_, rest)| rest)
}

fn describe(field: &Field) -> String {
    let mut rule = match &field.kind {
        Kind::Integer(r) => {
            let range = match (r.min, r.max) {
                (Some(min), Some(max)) => format!("integer {min}–{max}"),
                (Some(min), None) => format!("integer ≥ {min}"),
                (None, Some(max)) => format!("integer ≤ {max}"),
                (None, None) => "integer".to_owned(),
            };
            let extra: Vec<String> = r.also.iter().map(i64::to_string).collect();
            if extra.is_empty() {
                range
            } else {
                format!("{range}, or {}", extra.join(", "))
            }
        }
        Kind::String(r) => {
            let mut s = match (r.min_len, r.max_len) {
                (Some(min), Some(max)) => format!("string, {min}–{max} chars"),
                (Some(min), None) => format!("string, ≥ {min} chars"),
                (None, Some(max)) => format!("string, ≤ {max} chars"),
                (None, None) => "string".to_owned(),
            };
            if let Some(p) = r.pattern {
                let _ = write!(s, ", `{}`", p.source.replace('|', "\\|"));
            }
            if let Some(grammar) = r.grammar_source {
                let _ = write!(s, " (grammar: {} — {})", grammar.document, grammar.location);
            }
            s
        }
        Kind::Boolean => "boolean (never 0/1)".to_owned(),
        Kind::Enum(e) => {
            let mut s = format!("one of {}", e.values.join(", "));
            for (value, _) in e.retired {
                let _ = write!(s, "; {value} rejected as unsupported");
            }
            s
        }
        Kind::Object(_) => "object, known keys only".to_owned(),
        Kind::Array(a) => match a.min_items {
            Some(min) => format!("array, ≥ {min} item(s)"),
            None => "array".to_owned(),
        },
    };
    if field.required {
        rule.push_str("; required");
    }
    match field.default {
        Some(crate::spec::DefaultValue::Integer(i)) => {
            let _ = write!(rule, "; default {i}");
        }
        Some(crate::spec::DefaultValue::Text(text)) => {
            let _ = write!(rule, "; default {text}");
        }
        _ => {}
    }
    if field.secret {
        rule.push_str("; secret (masked)");
    }
    rule
}
