//! Writes every binding's type files from the core's rule tables and code
//! lists, so no type surface is copied by hand:
//!
//! - `bindings-node/types.d.ts` and `bindings-wasm/js/types.d.ts` (one text,
//!   identical; each package's entry `.d.ts` re-exports it),
//! - `bindings-python/python/regplan/_types.py` and `__init__.pyi`,
//! - the table of issue kinds in README.md (between its markers).
//!
//! `cargo run -p regplan-typegen` writes them; `-- --check` (run by
//! `test.sh`) fails, naming the file, when one differs from what it would
//! write. The prose around the generated parts lives in `templates/`.

use regplan::issue_kind::{IssueKind, KindDoc, ParamType};
use regplan::spec::{Field, Kind};
use regplan::{Code, Error, Operation, CREDENTIAL_TYPES};
use serde_json::Value;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const COMMAND: &str = "cargo run -p regplan-typegen";

const TS_TEMPLATE: &str = include_str!("../templates/types.d.ts");
const PY_TYPES_TEMPLATE: &str = include_str!("../templates/_types.py");
const PY_STUB_TEMPLATE: &str = include_str!("../templates/__init__.pyi");

/// Where the template's generated part goes.
const MARK: &str = "@GENERATED@";

fn main() -> ExitCode {
    let check = std::env::args().any(|a| a == "--check");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let ops: Vec<Op> = regplan::operations()
        .iter()
        .map(|op| Op::read(op))
        .collect();
    let ts = typescript(&ops);
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap_or_default();
    let outputs: [(&str, String); 5] = [
        ("bindings-node/types.d.ts", ts.clone()),
        ("bindings-wasm/js/types.d.ts", ts),
        (
            "bindings-python/python/regplan/_types.py",
            python_types(&ops),
        ),
        (
            "bindings-python/python/regplan/__init__.pyi",
            python_stub(&ops),
        ),
        ("README.md", with_kinds_table(&readme)),
    ];
    let mut stale = Vec::new();
    for (path, text) in outputs {
        let file: PathBuf = root.join(path);
        if check {
            if std::fs::read_to_string(&file).ok().as_deref() != Some(text.as_str()) {
                stale.push(path);
            }
        } else if let Err(e) = std::fs::write(&file, text) {
            eprintln!("regplan-typegen: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    if stale.is_empty() {
        ExitCode::SUCCESS
    } else {
        eprintln!(
            "regplan-typegen: out of date: {}; run `{COMMAND}`",
            stale.join(", ")
        );
        ExitCode::FAILURE
    }
}

const TABLE_START: &str = "<!-- issue-kinds:start -->\n";
const TABLE_END: &str = "<!-- issue-kinds:end -->";

/// README.md with the table of issue kinds between its markers renewed
/// (unchanged when the markers are missing).
fn with_kinds_table(readme: &str) -> String {
    let Some(start) = readme.find(TABLE_START).map(|i| i + TABLE_START.len()) else {
        return readme.to_owned();
    };
    let Some(end) = readme[start..].find(TABLE_END).map(|i| i + start) else {
        return readme.to_owned();
    };
    format!(
        "{}{}{}",
        &readme[..start],
        regplan::issue_kind::kinds_table(),
        &readme[end..]
    )
}

/// One operation as the typings need it.
struct Op {
    operation: &'static Operation,
    /// `GcoreRegistriesCreate`.
    name: String,
    /// The variants of an input whose rules depend on one field (Qovery's `kind`).
    variants: Option<Variants>,
}

/// An input discriminated by one field: per value, what its branch of the
/// schema requires and allows.
struct Variants {
    discriminator: &'static str,
    cases: Vec<Case>,
}

struct Case {
    value: &'static str,
    /// Top-level fields this value makes required (`url`).
    required: Vec<String>,
    /// Per nested object field (`config`): its allowed and required keys.
    objects: Vec<(String, Vec<String>, Vec<String>)>,
}

impl Op {
    fn read(operation: &'static Operation) -> Op {
        Op {
            operation,
            name: pascal(operation.id),
            variants: variants(operation),
        }
    }

    /// The provider's declared credential types.
    fn accepted(&self) -> Vec<&'static str> {
        self.operation.provider.accepted()
    }
}

/// The discriminated variants of an operation, read from its JSON Schema:
/// each link of the root's `if`/`then`/`else` chain (or of each chain in its
/// `allOf`), `{"if": {"properties": {F: {"const": V}}}, "then": ..., "else": ...}`.
/// Values of F's enum without a branch get the full field types.
fn variants(operation: &'static Operation) -> Option<Variants> {
    let schema = regplan::schema(operation.id).ok()?;
    let chains = match schema.get("allOf").and_then(Value::as_array) {
        Some(chains) => chains.iter().collect(),
        None => vec![&schema],
    };
    let mut branches: Vec<&Value> = Vec::new();
    for chain in chains {
        let mut link = Some(chain);
        while let Some(branch) = link.filter(|b| b.get("if").is_some()) {
            branches.push(branch);
            link = branch.get("else");
        }
    }
    let mut discriminator = None;
    let mut found: Vec<(String, &Value)> = Vec::new();
    for branch in branches {
        let Some(props) = branch.pointer("/if/properties").and_then(Value::as_object) else {
            continue;
        };
        for (key, rule) in props {
            if let Some(value) = rule.get("const").and_then(Value::as_str) {
                discriminator = Some(key.clone());
                found.push((value.to_owned(), branch.get("then").unwrap_or(&Value::Null)));
            }
        }
    }
    let discriminator = operation.field(discriminator.as_deref()?)?;
    let Kind::Enum(rule) = &discriminator.kind else {
        return None;
    };
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let cases = rule
        .values
        .iter()
        .map(|value| {
            let then = found.iter().find(|(v, _)| v == value).map(|(_, t)| *t);
            let mut objects = Vec::new();
            if let Some(props) = then
                .and_then(|t| t.get("properties"))
                .and_then(Value::as_object)
            {
                for (name, object) in props {
                    let mut allowed = strings(object.pointer("/propertyNames/enum"));
                    if allowed.is_empty() {
                        if let Some(keys) = object.get("properties").and_then(Value::as_object) {
                            allowed = keys.keys().cloned().collect();
                        }
                    }
                    objects.push((name.clone(), allowed, strings(object.get("required"))));
                }
            }
            Case {
                value,
                required: strings(then.and_then(|t| t.get("required"))),
                objects,
            }
        })
        .collect();
    Some(Variants {
        discriminator: discriminator.name,
        cases,
    })
}

/// `gcore.users.create_multiple` → `GcoreUsersCreateMultiple`.
fn pascal(id: &str) -> String {
    id.split(['.', '_', '-'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_ascii_uppercase().to_string() + &chars.as_str().to_ascii_lowercase()
            })
        })
        .collect()
}

fn quoted(items: impl IntoIterator<Item = impl AsRef<str>>) -> Vec<String> {
    items
        .into_iter()
        .map(|s| format!("\"{}\"", s.as_ref()))
        .collect()
}

fn issue_codes() -> Vec<&'static str> {
    Code::ALL.iter().map(|c| c.as_str()).collect()
}

fn error_codes() -> Vec<&'static str> {
    Error::CODES
        .iter()
        .chain(Error::BINDING_CODES)
        .copied()
        .collect()
}

/// The kinds of one code, with duplicate parameter shapes dropped.
fn kinds_of(code: Code) -> Vec<&'static KindDoc> {
    let mut kinds: Vec<&KindDoc> = Vec::new();
    for kind in IssueKind::DOCS.iter().filter(|k| k.code == code) {
        let same = |other: &&KindDoc| {
            other.params.len() == kind.params.len()
                && other
                    .params
                    .iter()
                    .zip(kind.params)
                    .all(|(a, b)| a.name == b.name && a.ty == b.ty && a.optional == b.optional)
        };
        if !kinds.iter().any(same) {
            kinds.push(kind);
        }
    }
    kinds
}

// ---------------------------------------------------------------- TypeScript

fn typescript(ops: &[Op]) -> String {
    let mut out = String::new();
    let union = |out: &mut String, doc: &str, name: &str, items: Vec<String>| {
        let _ = writeln!(out, "/** {doc} */\nexport type {name} =");
        for item in items {
            let _ = writeln!(out, "  | {item}");
        }
        out.push('\n');
    };
    union(
        &mut out,
        "Every operation id, `provider.resource.action` (the official SDK's names).",
        "OperationId",
        quoted(ops.iter().map(|op| op.operation.id)),
    );
    union(
        &mut out,
        "The code of an error or warning in a report; stable across releases and bindings.",
        "IssueCode",
        quoted(issue_codes()),
    );
    union(
        &mut out,
        "The `.code` of a thrown `RegplanError`: the core's API error codes, then the bindings' own (`not_initialized`: the wasm web build before `init()`).",
        "ErrorCode",
        quoted(error_codes()),
    );

    out.push_str("/** Each issue code's `params`: one shape per issue kind of that code. */\nexport interface IssueParams {\n");
    for code in Code::ALL {
        let shapes: Vec<String> = kinds_of(*code)
            .iter()
            .map(|kind| {
                let members: Vec<String> = kind
                    .params
                    .iter()
                    .map(|p| {
                        let opt = if p.optional { "?" } else { "" };
                        format!("{}{opt}: {}", p.name, ts_param(p.ty))
                    })
                    .collect();
                if members.is_empty() {
                    "{ [name: string]: never }".to_owned()
                } else {
                    format!("{{ {} }}", members.join("; "))
                }
            })
            .collect();
        let _ = writeln!(out, "  {}: {};", code.as_str(), shapes.join(" | "));
    }
    out.push_str("}\n\n");

    for declared in CREDENTIAL_TYPES {
        let (kind, required, optional) = (declared.name, declared.required, declared.optional);
        let mut members = vec![format!("type: \"{kind}\"")];
        members.extend(required.iter().map(|m| format!("{m}: string")));
        members.extend(optional.iter().map(|m| format!("{m}?: string | null")));
        let _ = writeln!(
            out,
            "/** Credentials of type `{kind}`. */\nexport interface {}Credentials {{ {} }}\n",
            pascal(kind),
            members.join("; ")
        );
    }

    for op in ops {
        write_ts_input(&mut out, op);
    }

    out.push_str("/** Each operation's input. */\nexport interface Inputs {\n");
    for op in ops {
        let _ = writeln!(out, "  \"{}\": {}Input;", op.operation.id, op.name);
    }
    out.push_str("}\n\n/** Each operation's fields by JSON Pointer, at every depth, with their types. */\nexport interface FieldPointers {\n");
    for op in ops {
        let _ = writeln!(out, "  \"{}\": {{", op.operation.id);
        for (pointer, field) in pointers(op.operation.fields) {
            let _ = writeln!(out, "    \"{pointer}\": {};", ts_kind(&field.kind, 2));
        }
        out.push_str("  };\n");
    }
    out.push_str("}\n\n/** The credential types each operation's provider accepts. */\nexport interface CredentialsByOperation {\n");
    for op in ops {
        let types: Vec<String> = op
            .accepted()
            .iter()
            .map(|t| format!("{}Credentials", pascal(t)))
            .collect();
        let _ = writeln!(out, "  \"{}\": {};", op.operation.id, types.join(" | "));
    }
    out.push_str("}\n");
    let text = TS_TEMPLATE.replacen(&format!("/* {MARK} */\n"), &out, 1);
    format!("// Generated by `{COMMAND}` from the core's rule tables; do not edit.\n{text}")
}

/// Every field's JSON Pointer (`/config/region`) in table order, an
/// object's members after it: the pointers `validate_field` takes.
fn pointers(fields: &'static [Field]) -> Vec<(String, &'static Field)> {
    fn walk(fields: &'static [Field], parent: &str, out: &mut Vec<(String, &'static Field)>) {
        for field in fields {
            let pointer = format!(
                "{parent}/{}",
                field.name.replace('~', "~0").replace('/', "~1")
            );
            out.push((pointer.clone(), field));
            if let Kind::Object(rule) = &field.kind {
                walk(rule.fields, &pointer, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(fields, "", &mut out);
    out
}

fn ts_param(ty: ParamType) -> &'static str {
    match ty {
        ParamType::Integer => "number",
        ParamType::Strings => "string[]",
        ParamType::Integers => "number[]",
        ParamType::StringGroups => "string[][]",
        _ => "string",
    }
}

fn ts_kind(kind: &Kind, indent: usize) -> String {
    match kind {
        Kind::Integer(_) => "number".to_owned(),
        Kind::String(_) => "string".to_owned(),
        Kind::Boolean => "boolean".to_owned(),
        Kind::Enum(rule) => quoted(rule.values).join(" | "),
        Kind::Object(rule) => ts_object(rule.fields, None, indent),
        Kind::Array(rule) => match &rule.items {
            Kind::Enum(_) => format!("readonly ({})[]", ts_kind(&rule.items, indent)),
            items => format!("readonly {}[]", ts_kind(items, indent)),
        },
    }
}

/// An object type; `only` keeps the listed keys, with their own required list.
fn ts_object(fields: &[Field], only: Option<(&[String], &[String])>, indent: usize) -> String {
    let pad = "  ".repeat(indent + 1);
    let mut out = String::from("{\n");
    for field in fields {
        let required = match only {
            Some((allowed, _)) if !allowed.iter().any(|k| k == field.name) => continue,
            Some((_, required)) => required.iter().any(|k| k == field.name),
            None => field.required,
        };
        push_ts_member(
            &mut out,
            &pad,
            field,
            required,
            &ts_kind(&field.kind, indent + 1),
        );
    }
    out.push_str(&"  ".repeat(indent));
    out.push('}');
    out
}

fn push_ts_member(out: &mut String, pad: &str, field: &Field, required: bool, ty: &str) {
    // An `undefined` member is absent (as `JSON.stringify` drops it), so an
    // optional member may hold it even under `exactOptionalPropertyTypes`.
    let (opt, undefined) = if required {
        ("", "")
    } else {
        ("?", " | undefined")
    };
    let doc = field.description.replace("*/", "* /");
    let _ = writeln!(
        out,
        "{pad}/** {doc} */\n{pad}{}{opt}: {ty}{undefined};",
        field.name
    );
}

fn write_ts_input(out: &mut String, op: &Op) {
    let summary = op.operation.summary;
    let Some(variants) = &op.variants else {
        let _ = writeln!(
            out,
            "/** Input of `{}`: {summary} */\nexport interface {}Input {}\n",
            op.operation.id,
            op.name,
            ts_object(op.operation.fields, None, 0)
        );
        return;
    };
    let mut names = Vec::new();
    for case in &variants.cases {
        let name = format!("{}{}Input", op.name, pascal(case.value));
        let mut body = String::from("{\n");
        for field in op.operation.fields {
            let required = field.required || case.required.iter().any(|k| k == field.name);
            let ty = if field.name == variants.discriminator {
                format!("\"{}\"", case.value)
            } else if let (Kind::Object(rule), Some((_, allowed, req))) = (
                &field.kind,
                case.objects.iter().find(|(n, _, _)| n == field.name),
            ) {
                ts_object(rule.fields, Some((allowed, req)), 1)
            } else {
                ts_kind(&field.kind, 1)
            };
            push_ts_member(&mut body, "  ", field, required, &ty);
        }
        body.push('}');
        let _ = writeln!(
            out,
            "/** Input of `{}` with `{}: \"{}\"`. */\nexport interface {name} {body}\n",
            op.operation.id, variants.discriminator, case.value
        );
        names.push(name);
    }
    let _ = writeln!(
        out,
        "/** Input of `{}`: {summary} One interface per `{}`. */\nexport type {}Input =\n  | {};\n",
        op.operation.id,
        variants.discriminator,
        op.name,
        names.join("\n  | ")
    );
}

// -------------------------------------------------------------------- Python

fn py_param(ty: ParamType) -> &'static str {
    match ty {
        ParamType::Integer => "int",
        ParamType::Strings => "List[str]",
        ParamType::Integers => "List[int]",
        ParamType::StringGroups => "List[List[str]]",
        _ => "str",
    }
}

/// A `TypedDict` with required and optional members (the `total=False`
/// subclass form, which Python 3.9 understands).
fn py_typed_dict(out: &mut String, name: &str, doc: &str, members: &[(String, String, bool)]) {
    let required: Vec<_> = members.iter().filter(|m| m.2).collect();
    let optional: Vec<_> = members.iter().filter(|m| !m.2).collect();
    let write_members = |out: &mut String, list: &[&(String, String, bool)]| {
        for (key, ty, _) in list {
            let _ = writeln!(out, "    {key}: {ty}");
        }
    };
    let doc = doc.replace('\\', "\\\\").replace("\"\"\"", "'''");
    if optional.is_empty() || required.is_empty() {
        let total = if required.is_empty() && !optional.is_empty() {
            ", total=False"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "class {name}(TypedDict{total}):\n    \"\"\"{doc}\"\"\"\n"
        );
        if members.is_empty() {
            out.push_str("    pass\n");
        }
        write_members(out, &members.iter().collect::<Vec<_>>());
    } else {
        let _ = writeln!(out, "class _{name}Required(TypedDict):");
        write_members(out, &required);
        out.push('\n');
        let _ = writeln!(
            out,
            "\nclass {name}(_{name}Required, total=False):\n    \"\"\"{doc}\"\"\"\n"
        );
        write_members(out, &optional);
    }
    out.push_str("\n\n");
}

/// The Python type of a field, declaring nested `TypedDict`s first.
/// `doc` describes a nested object (its field's description).
fn py_kind(
    out: &mut String,
    kind: &Kind,
    name: &str,
    doc: &str,
    only: Option<(&[String], &[String])>,
) -> String {
    match kind {
        Kind::Integer(_) => "int".to_owned(),
        Kind::String(_) => "str".to_owned(),
        Kind::Boolean => "bool".to_owned(),
        Kind::Enum(rule) => format!("Literal[{}]", quoted(rule.values).join(", ")),
        Kind::Object(rule) => {
            let members = py_members(out, rule.fields, name, only);
            py_typed_dict(out, name, doc, &members);
            name.to_owned()
        }
        Kind::Array(rule) => format!(
            "Sequence[{}]",
            py_kind(
                out,
                &rule.items,
                &format!("{name}Item"),
                &format!("One item of: {doc}"),
                None
            )
        ),
    }
}

fn py_members(
    out: &mut String,
    fields: &[Field],
    owner: &str,
    only: Option<(&[String], &[String])>,
) -> Vec<(String, String, bool)> {
    let mut members = Vec::new();
    for field in fields {
        let required = match only {
            Some((allowed, _)) if !allowed.iter().any(|k| k == field.name) => continue,
            Some((_, required)) => required.iter().any(|k| k == field.name),
            None => field.required,
        };
        let ty = py_kind(
            out,
            &field.kind,
            &format!("{owner}{}", pascal(field.name)),
            field.description,
            None,
        );
        members.push((field.name.to_owned(), ty, required));
    }
    members
}

fn python_types(ops: &[Op]) -> String {
    let mut out = String::new();
    let literal = |out: &mut String, name: &str, items: Vec<&str>, doc: &str| {
        let _ = writeln!(out, "{name} = Literal[");
        for item in items {
            let _ = writeln!(out, "    \"{item}\",");
        }
        let _ = writeln!(out, "]\n\"\"\"{doc}\"\"\"\n");
    };
    literal(
        &mut out,
        "OperationId",
        ops.iter().map(|op| op.operation.id).collect(),
        "Every operation id.",
    );
    literal(&mut out, "Code", issue_codes(), "Every issue code, in the core's order (`codes()` lists `Code` then the core's `ErrorCode`s).");
    literal(&mut out, "ErrorCode", error_codes(), "`RegplanError.code`: the core's API error codes, then the bindings' own (`not_initialized` is wasm's).");

    let mut issue_names = Vec::new();
    for code in Code::ALL {
        let mut params = Vec::new();
        for kind in kinds_of(*code) {
            let name = format!("{}Params", kind.name);
            let members: Vec<(String, String, bool)> = kind
                .params
                .iter()
                .map(|p| (p.name.to_owned(), py_param(p.ty).to_owned(), !p.optional))
                .collect();
            py_typed_dict(
                &mut out,
                &name,
                &format!("`params` of `{}`: {}", code.as_str(), kind.template),
                &members,
            );
            params.push(name);
        }
        let name = format!("{}Issue", pascal(code.as_str()));
        let params = if params.len() == 1 {
            params.concat()
        } else {
            format!("Union[{}]", params.join(", "))
        };
        let _ = writeln!(
            out,
            "class {name}(TypedDict):\n    \"\"\"An issue with code `{code}`.\"\"\"\n\n    code: Literal[\"{code}\"]\n    path: str\n    message: str\n    params: {params}\n\n",
            code = code.as_str()
        );
        issue_names.push(name);
    }
    let _ = writeln!(
        out,
        "Issue = Union[\n{}]\n\"\"\"One error or warning; `issue[\"code\"]` tells which `params` it has. `path` is a JSON Pointer.\"\"\"\n",
        issue_names.iter().map(|n| format!("    {n},\n")).collect::<String>()
    );

    let mut credentials = Vec::new();
    for declared in CREDENTIAL_TYPES {
        let (kind, required, optional) = (declared.name, declared.required, declared.optional);
        let mut members = vec![("type".to_owned(), format!("Literal[\"{kind}\"]"), true)];
        members.extend(
            required
                .iter()
                .map(|m| ((*m).to_owned(), "str".to_owned(), true)),
        );
        members.extend(
            optional
                .iter()
                .map(|m| ((*m).to_owned(), "str".to_owned(), false)),
        );
        let name = format!("{}Credentials", pascal(kind));
        py_typed_dict(
            &mut out,
            &name,
            &format!("Credentials of type `{kind}`."),
            &members,
        );
        credentials.push(name);
    }
    let _ = writeln!(out, "Credentials = Union[{}]\n", credentials.join(", "));

    for op in ops {
        write_py_input(&mut out, op);
    }
    let inputs: Vec<String> = ops.iter().map(|op| format!("{}Input", op.name)).collect();
    let _ = writeln!(
        out,
        "Input = Union[\n{}]\n\"\"\"Any operation's input.\"\"\"",
        inputs
            .iter()
            .map(|n| format!("    {n},\n"))
            .collect::<String>()
    );
    let text = PY_TYPES_TEMPLATE.replacen(&format!("# {MARK}\n"), &out, 1);
    let all: String = public_names(&text)
        .iter()
        .map(|n| format!("    \"{n}\",\n"))
        .collect();
    format!(
        "# Generated by `{COMMAND}` from the core's rule tables; do not edit.\n{text}\n__all__ = [\n{all}]\n"
    )
}

fn write_py_input(out: &mut String, op: &Op) {
    let doc = format!("Input of `{}`: {}", op.operation.id, op.operation.summary);
    let Some(variants) = &op.variants else {
        let members = py_members(out, op.operation.fields, &op.name, None);
        py_typed_dict(out, &format!("{}Input", op.name), &doc, &members);
        return;
    };
    let mut names = Vec::new();
    for case in &variants.cases {
        let name = format!("{}{}", op.name, pascal(case.value));
        let mut members = Vec::new();
        for field in op.operation.fields {
            let required = field.required || case.required.iter().any(|k| k == field.name);
            let ty = if field.name == variants.discriminator {
                format!("Literal[\"{}\"]", case.value)
            } else if let (Kind::Object(rule), Some((_, allowed, req))) = (
                &field.kind,
                case.objects.iter().find(|(n, _, _)| n == field.name),
            ) {
                py_kind(
                    out,
                    &Kind::Object(rule),
                    &format!("{name}{}", pascal(field.name)),
                    &format!("{} ({})", field.description, case.value),
                    Some((allowed, req)),
                )
            } else {
                py_kind(
                    out,
                    &field.kind,
                    &format!("{name}{}", pascal(field.name)),
                    field.description,
                    None,
                )
            };
            members.push((field.name.to_owned(), ty, required));
        }
        let input = format!("{name}Input");
        py_typed_dict(
            out,
            &input,
            &format!("{doc} (`{}: \"{}\"`)", variants.discriminator, case.value),
            &members,
        );
        names.push(input);
    }
    let _ = writeln!(
        out,
        "{}Input = Union[{}]\n\"\"\"{doc}\"\"\"\n",
        op.name,
        names.join(", ")
    );
}

/// One overload's parameters and return type, for one operation.
type Signature = fn(&Op) -> String;

fn python_stub(ops: &[Op]) -> String {
    // Overloads of one function must be contiguous: one block per function.
    let functions: [(&str, Signature); 4] = [
        ("validate", |op| {
            format!(
                "op: Literal[\"{}\"], input: {}Input, *, form: Literal[False] = False) -> Report",
                op.operation.id, op.name
            )
        }),
        ("validate_field", |op| {
            // Top-level names, then every field's JSON Pointer (`/config/region`).
            let names = op.operation.fields.iter().map(|f| f.name.to_owned());
            let pointers = pointers(op.operation.fields).into_iter().map(|(p, _)| p);
            let fields = quoted(names.chain(pointers)).join(", ");
            format!(
                "\n    op: Literal[\"{}\"],\n    field: Literal[{fields}],\n    value: object,\n    *,\n    form: bool = False,\n    input: Mapping[str, object] | None = None,\n) -> Report",
                op.operation.id
            )
        }),
        ("validate_many", |op| {
            format!(
                "op: Literal[\"{}\"], inputs: Sequence[{}Input], *, form: Literal[False] = False) -> list[Report]",
                op.operation.id, op.name
            )
        }),
        ("plan", |op| {
            let credentials: Vec<String> = op
                .accepted()
                .iter()
                .map(|t| format!("{}Credentials", pascal(t)))
                .collect();
            format!(
                "\n    op: Literal[\"{}\"],\n    input: {}Input,\n    *,\n    credentials: {} | None = None,\n    base_url: str | None = None,\n    timestamp: Timestamp | None = None,\n    preview: bool | None = None,\n    form: Literal[False] = False,\n) -> Request",
                op.operation.id,
                op.name,
                credentials.join(" | ")
            )
        }),
    ];
    // Under `form=True` a form's raw values are read as it means them
    // (`"76"` for an integer): any mapping of the operation, one overload each.
    let form: [(&str, &str); 4] = [
        ("validate", "op: OperationId, input: Mapping[str, object], *, form: Literal[True]) -> Report"),
        ("validate_field", ""),
        ("validate_many", "op: OperationId, inputs: Sequence[Mapping[str, object]], *, form: Literal[True]) -> list[Report]"),
        ("plan", "\n    op: OperationId,\n    input: Mapping[str, object],\n    *,\n    credentials: Credentials | None = None,\n    base_url: str | None = None,\n    timestamp: Timestamp | None = None,\n    preview: bool | None = None,\n    form: Literal[True],\n) -> Request"),
    ];
    let mut out = String::new();
    for ((function, signature), (_, form)) in functions.into_iter().zip(form) {
        for op in ops {
            let _ = writeln!(out, "@overload\ndef {function}({}: ...", signature(op));
        }
        if !form.is_empty() {
            let _ = writeln!(out, "@overload\ndef {function}({form}: ...");
        }
        out.push('\n');
    }
    let names = public_names(&python_types(ops));
    let imports: String = names.iter().map(|n| format!("    {n} as {n},\n")).collect();
    PY_STUB_TEMPLATE
        .replacen("# @IMPORTS@\n", &imports, 1)
        .replacen(&format!("# {MARK}\n"), &out, 1)
        .replacen(
            "# @ALL@\n",
            &names
                .iter()
                .map(|n| format!("    \"{n}\",\n"))
                .collect::<String>(),
            1,
        )
        .replacen(
            "",
            &format!("# Generated by `{COMMAND}` from the core's rule tables; do not edit.\n"),
            1,
        )
}

/// The public names a Python types file defines (classes and aliases), in order.
fn public_names(text: &str) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for line in text.lines() {
        let name = line
            .strip_prefix("class ")
            .and_then(|l| l.split('(').next())
            .or_else(|| line.split_once(" = ").map(|(n, _)| n));
        let identifier = |n: &&str| n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if let Some(name) = name.filter(|n| !n.starts_with('_') && identifier(n)) {
            names.push(name.to_owned());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops() -> Vec<Op> {
        regplan::operations()
            .iter()
            .map(|op| Op::read(op))
            .collect()
    }

    /// The text between `start` and the next blank line.
    fn section<'a>(text: &'a str, start: &str) -> &'a str {
        let from = text.find(start).map_or("", |i| &text[i..]);
        from.split("\n\n").next().unwrap_or_default()
    }

    #[test]
    fn names_are_pascal_case() {
        assert_eq!(
            pascal("gcore.users.create_multiple"),
            "GcoreUsersCreateMultiple"
        );
        assert_eq!(pascal("GITHUB_CR"), "GithubCr");
        assert_eq!(
            pascal("huawei_swr.namespaces.create"),
            "HuaweiSwrNamespacesCreate"
        );
    }

    #[test]
    fn typescript_inputs_have_exact_field_types() {
        let ts = typescript(&ops());
        let gcore = section(&ts, "export interface GcoreRegistriesCreateInput {");
        assert!(gcore.contains("  project_id: number;"), "{gcore}");
        assert!(gcore.contains("  name: string;"), "{gcore}");
        assert!(
            gcore.contains("  storage_limit?: number | undefined;"),
            "{gcore}"
        );
        let users = section(&ts, "export interface GcoreUsersCreateMultipleInput {");
        assert!(users.contains("readonly {"), "{users}");
    }

    #[test]
    fn qovery_kinds_show_only_their_config_keys() {
        let ts = typescript(&ops());
        let docker = section(
            &ts,
            "export interface QoveryContainerRegistriesCreateDockerHubInput {",
        );
        assert!(docker.contains("  kind: \"DOCKER_HUB\";"), "{docker}");
        assert!(
            docker.contains("    username?: string | undefined;"),
            "{docker}"
        );
        assert!(!docker.contains("role_arn"), "{docker}");
        let ecr = section(
            &ts,
            "export interface QoveryContainerRegistriesCreateEcrInput {",
        );
        assert!(ecr.contains("  url: string;"), "{ecr}");
        assert!(ecr.contains("    region: string;"), "{ecr}");
        assert!(ecr.contains("    role_arn?: string | undefined;"), "{ecr}");
        assert!(!ecr.contains("scaleway"), "{ecr}");
        assert!(ts.contains("  | QoveryContainerRegistriesCreateAzureCrInput"));
        // A retired kind is no variant.
        assert!(!ts.contains("Docr"));
    }

    #[test]
    fn credentials_follow_the_provider() {
        let ts = typescript(&ops());
        assert!(ts.contains("  \"gcore.registries.create\": ApiKeyCredentials;\n"));
        assert!(ts.contains(
            "  \"qovery.container_registries.create\": TokenCredentials | BearerCredentials;\n"
        ));
        assert!(ts.contains(
            "  \"huawei_swr.namespaces.create\": AccessKeyCredentials | IamTokenCredentials;\n"
        ));
    }

    #[test]
    fn params_are_typed_per_code() {
        let ts = typescript(&ops());
        assert!(ts.contains("  too_long: { max: number; suggestion?: string };\n"));
        assert!(ts.contains(
            "  enum: { allowed: string[] } | { allowed: string[]; suggestion: string };\n"
        ));
        let py = python_types(&ops());
        assert!(py.contains("class TooLongParams(_TooLongParamsRequired, total=False):"));
        assert!(py.contains("    params: Union[NotAllowedParams, NotAllowedNearParams]\n"));
    }

    #[test]
    fn python_has_one_overload_per_operation_and_function() {
        let ops = ops();
        let stub = python_stub(&ops);
        // One more for `form=True` of validate, validate_many and plan.
        assert_eq!(stub.matches("@overload").count(), ops.len() * 4 + 3);
        assert!(stub.contains("\"/config/region\""));
        assert!(stub.contains(
            "def plan(\n    op: Literal[\"gcore.registries.create\"],\n    input: GcoreRegistriesCreateInput,\n    *,\n    credentials: ApiKeyCredentials | None = None,"
        ));
        assert!(stub.lines().next().is_some_and(|l| l.contains(COMMAND)));
    }
}
