//! The rule engine: walks an input along an operation's field table and
//! collects every problem, never stopping at the first.
//!
//! Work is linear in the size of the input: each string is scanned a fixed
//! number of times, suggestions are only computed for short keys, and nothing
//! recurses deeper than the field table itself.

use crate::input::{read, Abort, Budget, Foreign, Input, Shape};
use crate::issue_kind::IssueKind;
use crate::record::{Datum, Record};
use crate::report::{Issue, Pointer, Report};
use crate::spec::{
    ArrayRule, CrossRule, EnumRule, Field, FieldRule, IntRule, Kind, KnownValues, Location,
    Operation, PerValue, StrRule,
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

/// A report, and the declared fields' values when they were read.
pub(crate) type Checked = (Report, Option<Record>);

/// How [`crate::validate_with_options`] and
/// [`crate::validate_field_with_options`] read an input.
///
/// ```
/// use regplan::{validate_with_options, Failure, ValidateOptions};
/// let form = ValidateOptions { form: true };
/// let input = serde_json::json!({"project_id": "1", "region_id": " 76 ", "name": "reg-home1", "storage_limit": ""});
/// let report = validate_with_options("gcore.registries.create", &&input, &form).map_err(Failure::into_error)?;
/// assert!(report.is_valid());
/// # Ok::<(), regplan::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ValidateOptions {
    /// Read the input as a form means it: an object member whose value is
    /// `""`, `undefined` or `null` is absent (at every depth), text for an
    /// integer field is that integer when it is one (ASCII whitespace
    /// trimmed, decimal digits: `" 76 "` is 76; `"7.5"` and `"abc"` keep
    /// the `type` error), and `"true"`/`"false"` for a boolean field are
    /// booleans. Codes and messages are the usual ones.
    pub form: bool,
}

/// How the engine reads one input: as a form or not, and with the value
/// `validate_field` puts at a pointer inside the whole input, if any.
pub(crate) struct Read<'o, I> {
    form: bool,
    overlay: Option<Overlay<'o, I>>,
}

// By hand: a derive would ask `I: Copy`, and only references are held.
impl<I> Clone for Read<'_, I> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I> Copy for Read<'_, I> {}

/// A value read in place of the member at `rest` (the rest of a pointer
/// below the current object), of the same host type as the input, so the
/// engine needs no second instance for it. `placed` records that it was.
pub(crate) struct Overlay<'o, I> {
    rest: &'o str,
    value: &'o I,
    placed: &'o std::cell::Cell<bool>,
}

impl<I> Clone for Overlay<'_, I> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<I> Copy for Overlay<'_, I> {}

impl<'o, I> Read<'o, I> {
    pub(crate) fn form(form: bool) -> Self {
        Read {
            form,
            overlay: None,
        }
    }

    /// The reading of member `name`: `Ok(value)` when the overlay's value
    /// replaces it, else the reading below it (the overlay kept on its way).
    fn member(self, name: &str) -> Result<&'o I, Self> {
        // `rest` is the pointer below this object (`/config/region`); field
        // names hold no `~` or `/`, so there is nothing to unescape.
        let overlay = self.overlay.and_then(|o| {
            let rest = o.rest.strip_prefix('/')?.strip_prefix(name)?;
            (rest.is_empty() || rest.starts_with('/')).then_some(Overlay { rest, ..o })
        });
        match overlay {
            Some(o) if o.rest.is_empty() => {
                o.placed.set(true);
                Ok(o.value)
            }
            overlay => Err(Read {
                form: self.form,
                overlay,
            }),
        }
    }

    /// The same reading without the overlay (array items: pointers name no index).
    fn plain(self) -> Self {
        Read::form(self.form)
    }
}

/// Validates a whole input against `op`, reading the host value directly.
///
/// Returns the report and, when `want_values` or the operation has
/// cross-field rules, the declared fields' values as JSON (the only values
/// copied out of the host, read once more under the same budget).
pub(crate) fn validate_input<I: Input>(
    op: &Operation,
    input: &I,
    budget: &mut Budget,
    want_values: bool,
    read_as: Read<'_, I>,
) -> Result<Checked, Abort<I::Error>> {
    let mut report = Report::default();
    let root = Pointer::root();
    let shape = read(input, budget).map_err(|e| e.at(Pointer::root))?;
    match shape {
        Shape::Object => {}
        Shape::Undefined => return Err(Abort::Unsupported(Foreign::Undefined, Some(root))),
        other => {
            report.errors.push(type_error("an object", &other, root));
            return Ok((report, None));
        }
    }
    let slots = check_members(op.fields, input, &root, &mut report.errors, budget, read_as)?;
    if op.checks.is_empty() && !want_values {
        return Ok((report, None));
    }
    // A fresh budget: this reads again only what validation already read
    // (and counted), so a batch that validates also plans.
    let values = declared_values(op.fields, slots, &mut Budget::new(), read_as)?;
    for check in op.checks {
        match check.rule {
            CrossRule::PerValue(rules) => check_per_value(rules, &values, &mut report),
            CrossRule::KnownValues(known) => check_known_value(op, known, &values, &mut report),
        }
    }
    Ok((report, Some(values)))
}

/// The generic engine of [`PerValue`] declarations: the case of the
/// discriminator's value constrains top-level fields and the keys of one
/// object. A missing or unknown discriminator, or an object of the wrong
/// type, is already reported by the field table.
fn check_per_value(rules: &PerValue, input: &Record, report: &mut Report) {
    let Some(case) = rules.case_for(input) else {
        return;
    };
    // The discriminator's value is the `kind` parameter of every issue below
    // (typed as such in every binding): Qovery's `kind` is the one declaration.
    let kind = case.value;
    let errors = &mut report.errors;
    for (name, rule) in case.fields {
        match (rule, input.get(name)) {
            (FieldRule::Required, None) => errors.push(
                IssueKind::RequiredForKind { field: name, kind }.at(Pointer::root().key(name)),
            ),
            (FieldRule::FixedUrl(expected), Some(Datum::Str(given)))
                if given != expected && given.starts_with(url_scheme(expected)) =>
            {
                errors.push(IssueKind::MustEqual { expected, kind }.at(Pointer::root().key(name)));
            }
            _ => {}
        }
    }

    let Some(Datum::Object(object)) = input.get(rules.object) else {
        return;
    };
    // Built only when something is reported: a valid input allocates no paths.
    let at = || Pointer::root().key(rules.object);
    let present = |key: &str| object.contains_key(key);
    for key in rules
        .object_fields
        .iter()
        .map(|f| f.name)
        .filter(|k| present(k) && !case.allows(k))
    {
        let allowed = case.allowed(rules.object_fields);
        errors.push(IssueKind::Forbidden { kind, allowed }.at(at().key(key)));
    }
    for key in case.required.iter().filter(|k| !present(k)) {
        errors.push(IssueKind::RequiredForKind { field: key, kind }.at(at().key(key)));
    }
    let is_touched = |group: &&[&str]| group.iter().any(|k| present(k));
    for group in case.groups().filter(is_touched) {
        for key in group.iter().filter(|k| !present(k)) {
            let with: Vec<&str> = group.iter().copied().filter(|k| present(k)).collect();
            errors.push(
                IssueKind::RequiredTogether {
                    field: key,
                    group,
                    with,
                }
                .at(at().key(key)),
            );
        }
    }
    let one_of = case.exactly_one;
    if !one_of.is_empty() {
        let mut touched = one_of.iter().copied().filter(is_touched);
        match (touched.next(), touched.next()) {
            (None, _) => errors.push(IssueKind::CredentialsNeeded { one_of, kind }.at(at())),
            (Some(_), Some(later)) => errors.push(
                IssueKind::Conflict { one_of, kind }.at(
                    // The set member of the second group (fuzz finding 1).
                    later
                        .iter()
                        .find(|key| present(key))
                        .map_or_else(at, |key| at().key(key)),
                ),
            ),
            (Some(_), None) => {}
        }
    }
    for warning in case.warnings {
        if !warning.unless_any_of.iter().any(|k| present(k)) {
            report.warnings.push((warning.issue)(kind).at(at()));
        }
    }
}

/// `https://` for `https://docker.io`: a value with another scheme already
/// fails the field's own URL rule, so it is not also told to equal the URL.
fn url_scheme(url: &str) -> &str {
    url.find("://")
        .and_then(|end| url.get(..end + 3))
        .unwrap_or("")
}

/// The generic engine of [`KnownValues`]: a value that passes its field's
/// pattern but is not in the table is accepted with a warning.
fn check_known_value(op: &Operation, known: &KnownValues, input: &Record, report: &mut Report) {
    let Some(value) = input.str(known.field) else {
        return;
    };
    let passes_the_field_rule = match op.field(known.field).map(|f| &f.kind) {
        Some(Kind::String(rule)) => rule.pattern.is_none_or(|p| p.is_match(value)),
        _ => true,
    };
    if passes_the_field_rule && !known.table.iter().any(|(id, _)| *id == value) {
        report.warnings.push(
            (known.warning)(
                known.table.iter().map(|(id, _)| *id).collect(),
                (known.fallback)(input),
            )
            .at(Pointer::root().key(known.field)),
        );
    }
}

/// Validates one field's value, as a form does on every keystroke; `parent`
/// is where the field's object is (the root for a top-level field), so a
/// report names `/config/region`.
pub(crate) fn validate_one_at<I: Input>(
    parent: &Pointer,
    field: &Field,
    value: &I,
    budget: &mut Budget,
    form: bool,
) -> Result<Report, Abort<I::Error>> {
    let mut report = Report::default();
    let at = At {
        parent,
        step: Step::Key(field.name),
    };
    check_field(
        field,
        value,
        at,
        &mut report.errors,
        budget,
        Read::form(form),
    )?;
    Ok(report)
}

/// [`validate_one_at`] with the whole current input: the whole `input` is
/// validated with `value` read in place of the member at `pointer`
/// (`undefined` for an absent one), so the rules that relate fields run
/// too, and the issues at `pointer` or under it are returned, errors and
/// warnings alike. When `input` has no object on the way (`config` missing
/// or not an object), only the field's own rules apply, as without `input`.
pub(crate) fn validate_in_input<I: Input>(
    op: &Operation,
    (parent, field): (&Pointer, &Field),
    value: &I,
    input: &I,
    form: bool,
) -> Result<Report, crate::Failure<I::Error>> {
    match input.shape().map_err(crate::Failure::Host)? {
        Shape::Object => {}
        other => {
            return Err(crate::Failure::Api(crate::Error::InvalidArgument {
                argument: "input",
                expected: "an object (the whole current input)",
                got: type_name(&other),
            }))
        }
    }
    let pointer = parent.key(field.name);
    let placed = std::cell::Cell::new(false);
    let read_as = Read {
        form,
        overlay: Some(Overlay {
            rest: pointer.as_str(),
            value,
            placed: &placed,
        }),
    };
    let (mut report, _) = validate_input(op, input, &mut Budget::new(), false, read_as)
        .map_err(Abort::into_failure)?;
    if !placed.get() {
        return validate_one_at(parent, field, value, &mut Budget::new(), form)
            .map_err(Abort::into_failure);
    }
    let mine = |issue: &Issue| {
        let path = issue.path.as_str();
        path.strip_prefix(pointer.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
    };
    report.errors.retain(mine);
    report.warnings.retain(mine);
    Ok(report)
}

/// The field a JSON Pointer names (`/config/region`: the member `region` of
/// the object field `config`) and the pointer of the object it is in;
/// `None` when a step names no field or passes through a non-object.
pub(crate) fn field_at<'f>(fields: &'f [Field], pointer: &str) -> Option<(Pointer, &'f Field)> {
    let mut steps = pointer
        .strip_prefix('/')?
        .split('/')
        .map(|s| s.replace("~1", "/").replace("~0", "~"));
    let first = steps.next()?;
    let mut parent = Pointer::root();
    let mut field = fields.iter().find(|f| f.name == first)?;
    for step in steps {
        let crate::spec::Kind::Object(rule) = &field.kind else {
            return None;
        };
        parent = parent.key(field.name);
        field = rule.fields.iter().find(|f| f.name == step)?;
    }
    Some((parent, field))
}

fn check_field<I: Input>(
    field: &Field,
    value: &I,
    at: At<'_>,
    errors: &mut Vec<Issue>,
    budget: &mut Budget,
    read_as: Read<'_, I>,
) -> Result<(), Abort<I::Error>> {
    let shape = read(value, budget).map_err(|e| e.at(|| at.pointer()))?;
    let shape = if read_as.form {
        form_shape(&field.kind, shape, true)
    } else {
        shape
    };
    let routes_the_request = matches!(field.location, Location::Path | Location::Endpoint);
    match shape {
        // `undefined` is an absent member (JSON.stringify drops it).
        Shape::Undefined if field.required => errors.push(required(field.name, at)),
        Shape::Undefined => {}
        // A control character in a value that lands in a URL or picks an
        // endpoint is refused outright, whatever else its grammar says.
        Shape::Str(s) if routes_the_request && s.chars().any(char::is_control) => {
            errors.push(IssueKind::ControlCharacter {}.at(at.pointer()));
        }
        shape => check_value(&field.kind, value, shape, at, errors, budget, read_as)?,
    }
    Ok(())
}

/// A value as a form means it (`form` option): a member that is `""` or
/// `null` is absent (`undefined`) when `member`, text for an integer field is
/// that integer when it is one (`" 76 "` is 76; `"7.5"` stays text and keeps
/// its `type` error), `"true"`/`"false"` for a boolean field are booleans.
/// Every other value is read as it is, so the codes and messages are the
/// usual ones. Only called with `form` on: the JSON reading is untouched.
fn form_shape<'v>(kind: &Kind, shape: Shape<'v>, member: bool) -> Shape<'v> {
    match (kind, shape) {
        (_, Shape::Null) if member => Shape::Undefined,
        (_, Shape::Str(s)) if member && s.is_empty() => Shape::Undefined,
        (Kind::Integer(_), Shape::Str(s)) => match form_integer(&s) {
            Some(i) => Shape::Int(i),
            None => Shape::Str(s),
        },
        (Kind::Boolean, Shape::Str(s)) if s == "true" => Shape::Bool(true),
        (Kind::Boolean, Shape::Str(s)) if s == "false" => Shape::Bool(false),
        (_, shape) => shape,
    }
}

/// The integer a form's text stands for: ASCII whitespace trimmed, an
/// optional sign, then decimal digits only. Beyond `i64` it saturates, which
/// keeps it out of range (as a host's huge integer does). One pass over the text.
pub(crate) fn form_integer(text: &str) -> Option<i64> {
    let text = text.trim_ascii();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(digits) => (true, digits),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let magnitude = digits.bytes().fold(0u64, |n, digit| {
        n.saturating_mul(10).saturating_add(u64::from(digit - b'0'))
    });
    Some(match i64::try_from(magnitude) {
        Ok(m) if negative => -m,
        Ok(m) => m,
        Err(_) if negative => i64::MIN,
        Err(_) => i64::MAX,
    })
}

fn required(name: &'static str, at: At<'_>) -> Issue {
    IssueKind::Required { field: name }.at(at.pointer())
}

/// The members matched to a field table's fields, by field index: on the
/// stack for the usual handful of fields, so a valid input allocates nothing.
pub(crate) enum Slots<I> {
    /// Up to [`Slots::INLINE`] fields.
    Inline([Option<I>; Slots::<()>::INLINE]),
    /// Larger tables.
    Heap(Vec<Option<I>>),
}

impl<I> Slots<I> {
    const INLINE: usize = 8;

    fn new(len: usize) -> Self {
        if len <= Slots::<()>::INLINE {
            Slots::Inline(std::array::from_fn(|_| None))
        } else {
            let mut slots = Vec::with_capacity(len);
            slots.resize_with(len, || None);
            Slots::Heap(slots)
        }
    }

    fn get_mut(&mut self, index: usize) -> Option<&mut Option<I>> {
        match self {
            Slots::Inline(slots) => slots.get_mut(index),
            Slots::Heap(slots) => slots.get_mut(index),
        }
    }

    /// Every slot; zipped with the field table, the extra inline ones fall away.
    fn as_slice(&self) -> &[Option<I>] {
        match self {
            Slots::Inline(slots) => slots,
            Slots::Heap(slots) => slots,
        }
    }
}

/// Checks the members of an object against a field table: known fields in
/// table order, then unknown keys in sorted order so the output does not
/// depend on the caller's key order (JS reorders integer-like keys).
/// Returns the members that matched a field, by field index.
fn check_members<I: Input>(
    fields: &'static [Field],
    object: &I,
    path: &Pointer,
    errors: &mut Vec<Issue>,
    budget: &mut Budget,
    read_as: Read<'_, I>,
) -> Result<Slots<I>, Abort<I::Error>> {
    let form = read_as.form;
    let mut slots = Slots::new(fields.len());
    let mut unknown: Vec<String> = Vec::new();
    object
        .entries(&mut |key, value| {
            // Matching by comparing names beats hashing for a handful of short names.
            match fields.iter().position(|f| f.name == key) {
                Some(i) => {
                    if let Some(slot) = slots.get_mut(i) {
                        *slot = Some(value);
                    }
                }
                None => {
                    // Only read far enough to skip `undefined`; the value is never used.
                    budget.spend(1).map_err(|e| e.at(|| path.key(key)))?;
                    let shape = value
                        .shape()
                        .map_err(Abort::Host)
                        .map_err(|e| e.at(|| path.key(key)))?;
                    // Under `form`, `""` and `null` are absent too: no unknown member.
                    let absent = match shape {
                        Shape::Undefined => true,
                        Shape::Null => form,
                        Shape::Str(s) => form && s.is_empty(),
                        _ => false,
                    };
                    if !absent {
                        unknown.push(key.to_owned());
                    }
                }
            }
            Ok(())
        })
        .map_err(|e| e.at(|| path.clone()))?;
    for (field, slot) in fields.iter().zip(slots.as_slice()) {
        let at = At {
            parent: path,
            step: Step::Key(field.name),
        };
        match (read_as.member(field.name), slot) {
            (Ok(placed), _) => check_field(field, placed, at, errors, budget, read_as.plain())?,
            (Err(below), Some(value)) => check_field(field, value, at, errors, budget, below)?,
            (Err(_), None) if field.required => errors.push(required(field.name, at)),
            (Err(_), None) => {}
        }
    }
    if !unknown.is_empty() {
        unknown.sort_unstable();
        for key in unknown {
            errors.push(unknown_field(&key, fields.iter().map(|f| f.name), path));
        }
    }
    Ok(slots)
}

/// The values of the declared members, for the rules that relate fields
/// and for the request builder. Read along the field table: members the
/// table does not declare are left out, and a container where the table
/// wants something else (a type error already reported) becomes an empty
/// container of its own type, so no unread structure is ever expanded.
fn declared_values<I: Input>(
    fields: &'static [Field],
    slots: Slots<I>,
    budget: &mut Budget,
    read_as: Read<'_, I>,
) -> Result<Record, Abort<I::Error>> {
    let mut record = Record::new();
    for (field, slot) in fields.iter().zip(slots.as_slice()) {
        let (value, below) = match (read_as.member(field.name), slot) {
            (Ok(placed), _) => (placed, read_as.plain()),
            (Err(below), Some(value)) => (value, below),
            (Err(_), None) => continue,
        };
        if let Some(value) = declared_value(&field.kind, value, budget, below, true)? {
            record.push(field.name, value);
        }
    }
    Ok(record)
}

/// One value read along its kind (as a form means it under `form`, a
/// `member` of an object then absent when `""` or `null`); `None` for
/// `undefined` (absent).
fn declared_value<I: Input>(
    kind: &Kind,
    value: &I,
    budget: &mut Budget,
    read_as: Read<'_, I>,
    member: bool,
) -> Result<Option<Datum>, Abort<I::Error>> {
    let shape = read(value, budget)?;
    let shape = if read_as.form {
        form_shape(kind, shape, member)
    } else {
        shape
    };
    Ok(Some(match (kind, shape) {
        (_, Shape::Undefined) => return Ok(None),
        (_, Shape::Null) => Datum::Null,
        (_, Shape::Bool(b)) => Datum::Bool(b),
        (_, Shape::Int(i)) => Datum::Int(i),
        // `-0` is 0.
        (_, Shape::Float(f)) => Datum::Float(if f == 0.0 { 0.0 } else { f }),
        (_, Shape::Str(s)) => Datum::Str(s.into_owned()),
        (Kind::Object(rule), Shape::Object) => {
            let mut slots = Slots::new(rule.fields.len());
            value.entries(&mut |key, member| {
                if let Some(i) = rule.fields.iter().position(|f| f.name == key) {
                    if let Some(slot) = slots.get_mut(i) {
                        *slot = Some(member);
                    }
                }
                Ok(())
            })?;
            Datum::Object(declared_values(rule.fields, slots, budget, read_as)?)
        }
        (Kind::Array(rule), Shape::Array(len)) => {
            // Beyond the limit the input is already invalid; its items are not needed.
            let len = rule.max_items.map_or(len, |max| len.min(max));
            let mut items = Vec::with_capacity(len.min(1024));
            for index in 0..len {
                let item = value.item(index).map_err(Abort::Host)?;
                items.push(
                    declared_value(&rule.items, &item, budget, read_as.plain(), false)?
                        .unwrap_or(Datum::Null),
                );
            }
            Datum::Array(items)
        }
        (_, Shape::Array(_)) => Datum::Array(Vec::new()),
        (_, Shape::Object) => Datum::Object(Record::new()),
        (_, Shape::Foreign(foreign)) => return Err(Abort::foreign(foreign)),
    }))
}

/// An `unknown_field` error with a "did you mean" hint when a known name is close.
pub(crate) fn unknown_field(
    key: &str,
    known: impl Iterator<Item = &'static str>,
    path: &Pointer,
) -> Issue {
    let path = path.key(key);
    match suggest(key, known) {
        Some(suggestion) => IssueKind::UnknownFieldNear { suggestion }.at(path),
        None => IssueKind::UnknownField {}.at(path),
    }
}

fn check_value<I: Input>(
    kind: &Kind,
    value: &I,
    shape: Shape<'_>,
    at: At<'_>,
    errors: &mut Vec<Issue>,
    budget: &mut Budget,
    read_as: Read<'_, I>,
) -> Result<(), Abort<I::Error>> {
    match (kind, &shape) {
        (Kind::Integer(rule), Shape::Int(i)) => check_int(rule, *i, at, errors),
        (Kind::Integer(rule), Shape::Float(f)) => match integral(*f) {
            Some(i) => check_int(rule, i, at, errors),
            None => errors.push(type_error("an integer", &shape, at.pointer())),
        },
        (Kind::Integer(_), _) => errors.push(type_error("an integer", &shape, at.pointer())),
        (Kind::String(rule), Shape::Str(s)) => check_str(rule, s, at, errors),
        (Kind::String(_), _) => errors.push(type_error("a string", &shape, at.pointer())),
        (Kind::Boolean, Shape::Bool(_)) => {}
        (Kind::Boolean, _) => errors.push(type_error(
            "a boolean (true or false)",
            &shape,
            at.pointer(),
        )),
        (Kind::Enum(rule), Shape::Str(s)) => check_enum(rule, s, at, errors),
        (Kind::Enum(_), _) => errors.push(type_error("a string", &shape, at.pointer())),
        (Kind::Object(rule), Shape::Object) => {
            check_members(rule.fields, value, &at.pointer(), errors, budget, read_as)?;
        }
        (Kind::Object(_), _) => errors.push(type_error("an object", &shape, at.pointer())),
        (Kind::Array(rule), Shape::Array(len)) => {
            check_array(
                rule,
                value,
                *len,
                &at.pointer(),
                errors,
                budget,
                read_as.form,
            )?;
        }
        (Kind::Array(_), _) => errors.push(type_error("an array", &shape, at.pointer())),
    }
    Ok(())
}

/// The integer a float stands for, if it is integral: `5.0` is 5 (JSON and
/// JavaScript do not tell them apart). `as` saturates out-of-range values,
/// which keeps them out of range.
#[allow(clippy::cast_possible_truncation)]
fn integral(f: f64) -> Option<i64> {
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
            IssueKind::UnsafeInteger {
                min: -MAX_SAFE_INTEGER,
                max: MAX_SAFE_INTEGER,
            }
            .at(at.pointer()),
        );
        return;
    }
    if (low || high) && !rule.also.contains(&i) {
        errors.push(IssueKind::out_of_range(rule.min, rule.max, rule.also).at(at.pointer()));
    }
}

fn check_str(rule: &StrRule, s: &str, at: At<'_>, errors: &mut Vec<Issue>) {
    // Kinds are collected first, so that a name's suggestion (computed only
    // when something failed) goes on each of them.
    let mut found: Vec<IssueKind> = Vec::new();
    let len = s.chars().count();
    if let Some(min) = rule.min_len.filter(|&min| len < min) {
        found.push(if min == 1 {
            IssueKind::Empty { min }
        } else {
            IssueKind::TooShort {
                min,
                suggestion: None,
            }
        });
    }
    if let Some(max) = rule.max_len.filter(|&max| len > max) {
        found.push(IssueKind::TooLong {
            max,
            suggestion: None,
        });
    }
    if !s.is_empty() {
        // Grammar checks on "" would only repeat `too_short`.
        let before = found.len();
        for check in rule.checks {
            if !(check.test)(s) {
                let pattern = rule.pattern.map(|p| p.source);
                found.push(IssueKind::failed_check(check.code, check.message, pattern));
            }
        }
        if let Some(pattern) = rule.pattern {
            let explained = found.len() > before;
            let length_ok =
                rule.min_len.is_none_or(|m| len >= m) && rule.max_len.is_none_or(|m| len <= m);
            // The regex is the authority: if the named checks passed and the length
            // is right but the grammar still fails, say so in the pattern's own words.
            if !explained && length_ok && !pattern.is_match(s) {
                found.push(IssueKind::Pattern {
                    pattern: Some(pattern.source),
                    rule: pattern.message,
                    suggestion: None,
                });
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let suggestion = crate::repair::suggestion(rule, s);
    for kind in found {
        errors.push(kind.with_suggestion(suggestion.as_deref()).at(at.pointer()));
    }
}

fn check_enum(rule: &EnumRule, s: &str, at: At<'_>, errors: &mut Vec<Issue>) {
    if rule.values.contains(&s) {
        return;
    }
    if let Some((value, why)) = rule.retired.iter().find(|(v, _)| *v == s) {
        errors.push(
            IssueKind::Retired {
                value,
                allowed: rule.values,
                reason: why,
            }
            .at(at.pointer()),
        );
        return;
    }
    let allowed = rule.values;
    let kind = match suggest(s, allowed.iter().copied()) {
        Some(suggestion) => IssueKind::NotAllowedNear {
            allowed,
            suggestion,
        },
        None => IssueKind::NotAllowed { allowed },
    };
    errors.push(kind.at(at.pointer()));
}

fn check_array<I: Input>(
    rule: &ArrayRule,
    items: &I,
    len: usize,
    path: &Pointer,
    errors: &mut Vec<Issue>,
    budget: &mut Budget,
    form: bool,
) -> Result<(), Abort<I::Error>> {
    if let Some(min) = rule.min_items.filter(|&m| len < m) {
        errors.push(IssueKind::TooFewItems { min }.at(path.clone()));
    }
    if let Some(max) = rule.max_items.filter(|&m| len > m) {
        errors.push(IssueKind::TooManyItems { max }.at(path.clone()));
        // Validating a million items of an already rejected array would only bury the point.
        return Ok(());
    }
    for index in 0..len {
        let item = items
            .item(index)
            .map_err(Abort::Host)
            .map_err(|e| e.at(|| path.index(index)))?;
        let at = At {
            parent: path,
            step: Step::Index(index),
        };
        let shape = read(&item, budget).map_err(|e| e.at(|| at.pointer()))?;
        if matches!(shape, Shape::Undefined) {
            return Err(Abort::Unsupported(Foreign::Undefined, Some(at.pointer())));
        }
        // An item is no member: under `form` only its text is converted.
        let shape = if form {
            form_shape(&rule.items, shape, false)
        } else {
            shape
        };
        check_value(
            &rule.items,
            &item,
            shape,
            at,
            errors,
            budget,
            Read::form(form),
        )?;
    }
    Ok(())
}

/// The JSON type of a value, in words.
pub(crate) fn type_name(shape: &Shape<'_>) -> &'static str {
    match shape {
        Shape::Null => "null",
        Shape::Bool(_) => "a boolean",
        // `5.0` is the number 5 (JavaScript cannot tell them apart).
        Shape::Float(f) if integral(*f).is_none() => "a fractional number",
        Shape::Int(_) | Shape::Float(_) => "a number",
        Shape::Str(_) => "a string",
        Shape::Array(_) => "an array",
        Shape::Object => "an object",
        Shape::Undefined => "undefined",
        Shape::Foreign(_) => "a value without JSON form",
    }
}

pub(crate) fn type_error(expected: &'static str, shape: &Shape<'_>, path: Pointer) -> Issue {
    IssueKind::WrongType {
        expected: expected.trim_start_matches("an ").trim_start_matches("a "),
        wanted: expected,
        got: type_name(shape),
    }
    .at(path)
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
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut row = Vec::with_capacity(b.len() + 1);
        row.push(i + 1);
        for (&cb, pair) in b.iter().zip(previous.windows(2)) {
            if let [diagonal, up] = *pair {
                let left = row.last().copied().unwrap_or(0);
                row.push((diagonal + usize::from(ca != cb)).min(up + 1).min(left + 1));
            }
        }
        previous = row;
    }
    previous.last().copied().unwrap_or(0)
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
    fn form_text_is_an_integer_only_when_it_is_one() {
        let cases: [(&str, Option<i64>); 14] = [
            (" 76 ", Some(76)),
            ("\t7\n", Some(7)),
            ("+5", Some(5)),
            ("-0", Some(0)),
            ("-12", Some(-12)),
            ("007", Some(7)),
            ("99999999999999999999", Some(i64::MAX)),
            ("-99999999999999999999", Some(i64::MIN)),
            ("", None),
            ("-", None),
            ("7.5", None),
            ("1_000", None),
            // Not ASCII: a full-width digit, a no-break space.
            ("\u{ff11}", None),
            ("\u{a0}7", None),
        ];
        for (text, expected) in cases {
            assert_eq!(form_integer(text), expected, "{text:?}");
        }
    }

    #[test]
    fn suggestion_prefers_closest() {
        let known = ["region", "role_arn", "password"];
        assert_eq!(suggest("regoin", known.iter().copied()), Some("region"));
        assert_eq!(suggest("PASSWORD", known.iter().copied()), Some("password"));
        assert_eq!(suggest("zzzzzz", known.iter().copied()), None);
    }

    /// The engine on a declaration that is not Qovery's: a case with both an
    /// all-or-none group and an exactly-one choice, a fixed URL and a warning.
    mod per_value {
        use super::*;
        use crate::providers::field;
        use crate::spec::{Case, CaseWarning, Source};

        const SOURCE: Source = Source {
            document: "test",
            location: "engine",
        };
        static OBJECT_FIELDS: [Field; 4] = [
            field("a", Location::Body, Kind::Boolean, "", SOURCE),
            field("b", Location::Body, Kind::Boolean, "", SOURCE),
            field("c", Location::Body, Kind::Boolean, "", SOURCE),
            field("d", Location::Body, Kind::Boolean, "", SOURCE),
        ];
        static RULES: PerValue = PerValue {
            discriminator: "mode",
            fields: &["url"],
            object: "settings",
            object_fields: &OBJECT_FIELDS,
            groups_are: "a choice",
            cases: &[Case {
                value: "M",
                fields: &[("url", FieldRule::FixedUrl("https://m.example"))],
                required: &[],
                all_or_none: &[&["a", "b"]],
                exactly_one: &[&["c"], &["d"]],
                optional: &[],
                warnings: &[CaseWarning {
                    unless_any_of: &["a"],
                    issue: |kind| IssueKind::DockerHubRateLimit { kind },
                }],
                source: SOURCE,
            }],
        };

        fn check(url: &str, keys: &[&'static str]) -> Report {
            let settings: Record = keys.iter().map(|k| (*k, Datum::Bool(true))).collect();
            let input: Record = [
                ("mode", Datum::Str("M".into())),
                ("url", Datum::Str(url.into())),
                ("settings", Datum::Object(settings)),
            ]
            .into_iter()
            .collect();
            let mut report = Report::default();
            check_per_value(&RULES, &input, &mut report);
            report
        }

        fn issues(list: &[Issue]) -> Vec<(String, String, String)> {
            list.iter()
                .map(|i| {
                    (
                        i.code.to_string(),
                        i.path.to_string(),
                        i.message.to_string(),
                    )
                })
                .collect()
        }

        #[test]
        fn every_rule_of_the_case_is_enforced() {
            let report = check("https://other.example", &["a", "c", "d"]);
            let expected = [
                (
                    "must_equal",
                    "/url",
                    "must be exactly https://m.example for kind M (or be left out)",
                ),
                ("required", "/settings/b", "is required together with A"),
                ("conflict", "/settings/d", "set either C or D, not both"),
            ];
            let expected: Vec<(String, String, String)> = expected
                .iter()
                .map(|(c, p, m)| ((*c).into(), (*p).into(), (*m).into()))
                .collect();
            assert_eq!(issues(&report.errors), expected);
            assert!(report.warnings.is_empty());
        }

        #[test]
        fn a_missing_choice_and_the_warning() {
            // Another scheme is left to the URL field's own rule: no must_equal.
            let report = check("http://m.example", &[]);
            assert_eq!(
                issues(&report.errors),
                [(
                    "required".to_owned(),
                    "/settings".to_owned(),
                    "kind M needs credentials: C or D".to_owned()
                )]
            );
            assert_eq!(
                issues(&report.warnings),
                [(
                    "docker_hub_rate_limit".to_owned(),
                    "/settings".to_owned(),
                    "Docker Hub limits anonymous pulls; set Username and Password to avoid hitting the pull rate limit".to_owned()
                )]
            );
            assert!(check("https://m.example", &["a", "b", "c"]).is_valid());
        }

        #[test]
        fn the_fixed_url_is_the_default() {
            let input: Record = [("mode", Datum::Str("M".into()))].into_iter().collect();
            assert_eq!(RULES.fixed_value(&input, "url"), Some("https://m.example"));
            assert_eq!(RULES.fixed_value(&input, "other"), None);
            assert_eq!(url_scheme("https://m.example"), "https://");
            assert_eq!(url_scheme("no scheme"), "");
        }
    }
}
