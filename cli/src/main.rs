#![deny(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
//! `regplan`: validate inputs and plan requests for container-registry APIs from the shell.
//!
//! Exit status: 0 valid, 1 invalid input (the errors are printed), 2 misuse
//! (bad arguments, unknown operation, unreadable or oversized input, input
//! that is not JSON, missing credentials, a failed write), 141 (128 + SIGPIPE,
//! what the shell reports for a classic tool killed by SIGPIPE) when standard
//! output is closed before everything was written, quietly.
//!
//! Input is parsed with [`regplan::json_text`]: a duplicate object key makes
//! the input unusable and is reported like an invalid input (exit 1), with
//! the code `duplicate_key` and the pointer of the repeated member.
//!
//! Nothing is written with `print!`/`println!` (they panic on a closed pipe or
//! a full disk): every write goes through one handle and its error is handled.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use regplan::json_text::{self, JsonTextError};
use regplan::{Credentials, Error, PlanOptions, Report, Timestamp};
use serde_json::{json, Map, Value};

/// The default of `--max-input-bytes`: 16 MiB.
const DEFAULT_MAX_INPUT: &str = "16MiB";

/// The exit status when standard output is closed early (128 + SIGPIPE).
const CLOSED_PIPE: u8 = 141;

/// The credential type `--bearer` asks for.
const BEARER: &str = "bearer";

/// `plan --help`'s credentials section, written from every provider's
/// declaration (`Provider::credentials`): one line per credential type, its
/// variables and how it is sent. A type reading the variables of an earlier
/// one is chosen only on request (`--bearer`).
fn credentials_help() -> String {
    use std::fmt::Write as _;
    let providers = regplan::providers();
    let width = providers.iter().map(|p| p.id.len()).max().unwrap_or(0) + 4;
    let mut out = String::from("Credentials come from the environment:\n");
    for provider in providers {
        for (i, (accepts, repeated)) in provider.credentials_read().enumerate() {
            let label = if i == 0 {
                format!("{}.*", provider.id)
            } else {
                String::new()
            };
            let or = if i == 0 { "" } else { "or " };
            let source = if repeated {
                format!("with --{}", accepts.kind.name)
            } else {
                accepts.variables_in_words()
            };
            let _ = writeln!(
                out,
                "  {label:width$}{or}{source}: {}",
                accepts.sends.summary()
            );
        }
    }
    out.push_str(
        "Signed requests use the current time unless --timestamp gives one (RFC 3339).\n\
         Secrets are masked (***) in every output unless --reveal-secrets is given.",
    );
    out
}

const EXIT_HELP: &str = "\
Exit status: 0 valid, 1 invalid input (including a duplicate key), 2 misuse
(bad arguments, unknown operation, unreadable, oversized or non-JSON input,
missing credentials, a failed write), 141 when standard output is closed early.";

/// Validate inputs and plan exact HTTP requests for container-registry APIs
/// (Gcore, Qovery, NAVER Cloud, Huawei Cloud SWR).
#[derive(Debug, Parser)]
#[command(
    name = "regplan",
    version,
    propagate_version = true,
    subcommand_required = true,
    after_help = EXIT_HELP
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the operations: id, method, path (with --json: every field and rule)
    Operations(OperationsArgs),
    /// Report every error and warning of an input
    Validate(ValidateArgs),
    /// Print the exact request for a valid input
    #[command(after_help = credentials_help())]
    Plan(PlanArgs),
    /// Print the JSON Schema (draft 2020-12, or --draft draft-07) of an operation's input
    Schema(SchemaArgs),
    /// Print the rule table of README.md, with sources
    Rules(RulesArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell)
    Completions(CompletionsArgs),
}

#[derive(Debug, Args)]
struct OperationsArgs {
    /// Print the operations as JSON: fields, constraints, sources
    #[arg(long)]
    json: bool,
    /// Only the operations whose id starts with this (a provider: gcore, qovery, ncloud, huawei_swr)
    #[arg(value_name = "PROVIDER")]
    prefix: Option<String>,
}

/// Where the input comes from and how much of it may be read.
#[derive(Debug, Args)]
struct InputArgs {
    /// The operation id (see `regplan operations`)
    #[arg(value_name = "OP")]
    op: String,
    /// The input: a JSON file, or - for standard input
    #[arg(value_name = "FILE|-")]
    file: PathBuf,
}

#[derive(Debug, Args)]
struct ValidateArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Refuse an input (with --ndjson: a line) larger than this: bytes, or a number with KiB, MiB or GiB
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MAX_INPUT, value_parser = parse_size)]
    max_input_bytes: u64,
    /// Print the report as JSON
    #[arg(long)]
    json: bool,
    /// Read one JSON value per line and print one compact JSON report per line
    /// (`{"line":N,"valid":…,"errors":[…],"warnings":[…]}`); blank lines are skipped
    #[arg(long)]
    ndjson: bool,
}

#[derive(Debug, Clone, Copy, Default, ValueEnum)]
enum Format {
    /// The request as JSON: method, url, headers, body
    #[default]
    Json,
    /// A curl command line
    Curl,
}

#[derive(Debug, Args)]
struct PlanArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Refuse an input larger than this: bytes, or a number with KiB, MiB or GiB
    #[arg(long, value_name = "SIZE", default_value = DEFAULT_MAX_INPUT, value_parser = parse_size)]
    max_input_bytes: u64,
    /// How to print the request
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// Show secrets instead of ***
    #[arg(long)]
    reveal_secrets: bool,
    /// Send QOVERY_API_TOKEN as `Authorization: Bearer …` (for a JWT)
    #[arg(long)]
    bearer: bool,
    /// Send the request to this base URL instead of the provider's
    #[arg(long, value_name = "URL")]
    base_url: Option<String>,
    /// The signing time (RFC 3339, e.g. 2026-11-22T10:15:00Z) instead of now
    // Read as text and parsed after clap: clap's own parse errors quote the
    // value, and no error repeats what was passed.
    #[arg(long, value_name = "RFC3339")]
    timestamp: Option<String>,
    /// Print the report of an invalid input as JSON (and no warnings on stderr)
    #[arg(long)]
    json: bool,
    /// Without credentials, show the request with placeholders (APIKey <api_key>); it cannot be sent
    #[arg(long)]
    preview: bool,
}

#[derive(Debug, Args)]
struct SchemaArgs {
    /// The operation id (see `regplan operations`)
    #[arg(value_name = "OP")]
    op: String,
    /// The JSON Schema dialect: 2020-12 or draft-07 (plain ajv, rjsf, JSONForms)
    #[arg(long, value_name = "DRAFT", default_value = "2020-12", value_parser = regplan::Draft::NAMES)]
    draft: String,
}

#[derive(Debug, Args)]
struct RulesArgs {}

#[derive(Debug, Args)]
struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

/// `16777216`, `64KiB`, `16MiB`, `1GiB` (also `K`, `M`, `G`, `KB`, `MB`, `GB` as binary units).
fn parse_size(text: &str) -> Result<u64, String> {
    let digits = text.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let unit = text.get(digits.len()..).unwrap_or_default();
    let factor: u64 = match unit.to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        _ => return Err("the unit must be KiB, MiB or GiB".into()),
    };
    let number: u64 = digits
        .parse()
        .map_err(|_| "expected a number of bytes, like 1048576 or 16MiB".to_owned())?;
    number
        .checked_mul(factor)
        .ok_or_else(|| "the size is too large".to_owned())
}

fn parse_timestamp(text: &str) -> Result<Timestamp, Failure> {
    Timestamp::parse_rfc3339(text).map_err(|why| {
        Failure::Misuse(format!(
            "--timestamp: {why} (RFC 3339, e.g. 2026-11-22T10:15:00Z)"
        ))
    })
}

/// Why the program stops early.
#[derive(Debug)]
enum Failure {
    /// A misuse: `error: …` on stderr, exit 2.
    Misuse(String),
    /// Writing standard output failed: quiet exit 141 for a closed pipe,
    /// otherwise a one-line error and exit 2.
    Write(io::Error),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Self {
        Failure::Misuse(e.to_string())
    }
}

fn write_failed(e: io::Error) -> Failure {
    Failure::Write(e)
}

fn json_write_failed(e: serde_json::Error) -> Failure {
    Failure::Write(io::Error::from(e))
}

/// Writes to stderr; a failure there has nowhere to be reported, so it is ignored.
fn warn(text: &str) {
    let _ = io::stderr().lock().write_all(text.as_bytes());
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return clap_exit(&e),
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let outcome =
        run(cli, &mut out).and_then(|code| out.flush().map(|()| code).map_err(write_failed));
    match outcome {
        Ok(code) => code,
        Err(failure) => failure_exit(failure),
    }
}

fn failure_exit(failure: Failure) -> ExitCode {
    match failure {
        Failure::Misuse(message) => {
            warn(&format!("error: {message}\n"));
            ExitCode::from(2)
        }
        Failure::Write(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::from(CLOSED_PIPE),
        Failure::Write(e) => {
            warn(&format!("error: cannot write output: {e}\n"));
            ExitCode::from(2)
        }
    }
}

/// Help and version go to stdout (exit 0), usage errors to stderr (exit 2).
fn clap_exit(e: &clap::Error) -> ExitCode {
    if e.kind() == clap::error::ErrorKind::DisplayVersion {
        // The same line for `regplan --version` and `regplan plan --version`
        // (clap would say `regplan-plan 0.1.0` for the latter).
        let version = format!("regplan {}\n", env!("CARGO_PKG_VERSION"));
        let mut out = io::stdout().lock();
        return match out.write_all(version.as_bytes()).and_then(|()| out.flush()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(io) => failure_exit(Failure::Write(io)),
        };
    }
    let code = u8::try_from(e.exit_code()).unwrap_or(2);
    match e.print() {
        Ok(()) => ExitCode::from(code),
        Err(io) if code == 0 => failure_exit(Failure::Write(io)),
        Err(_) => ExitCode::from(code),
    }
}

fn run(cli: Cli, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Operations(args) => operations(&args, out),
        Command::Validate(args) if args.ndjson => {
            validate_ndjson(&args.input, args.max_input_bytes, out)
        }
        Command::Validate(args) => validate(&args, out),
        Command::Plan(args) => plan(&args, out),
        Command::Schema(args) => {
            // The value parser admits only the names `from_name` knows.
            let draft = regplan::Draft::from_name(&args.draft).unwrap_or_default();
            write_pretty(out, &regplan::schema_with(&args.op, draft)?)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Rules(RulesArgs {}) => {
            out.write_all(regplan::rule_table().as_bytes())
                .map_err(write_failed)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions(args) => {
            // Generated into memory: clap_complete panics on a failed write.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut Cli::command(), "regplan", &mut script);
            out.write_all(&script).map_err(write_failed)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn operations(args: &OperationsArgs, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let prefix = args.prefix.as_deref().unwrap_or("");
    let ops: Vec<_> = regplan::operations()
        .iter()
        .filter(|op| op.id.starts_with(prefix))
        .collect();
    if ops.is_empty() {
        let mut providers: Vec<&str> = Vec::new();
        for op in regplan::operations() {
            if !providers.contains(&op.provider.id) {
                providers.push(op.provider.id);
            }
        }
        return Err(Failure::Misuse(format!(
            "no operation id starts with `{}`; providers: {}",
            prefix.escape_debug(),
            providers.join(", ")
        )));
    }
    if args.json {
        // The bindings' shape, with each field's form metadata (label, input, kinds).
        let mut all = regplan::interop::operations_value();
        if let serde_json::Value::Array(items) = &mut all {
            items.retain(|op| op["id"].as_str().is_some_and(|id| id.starts_with(prefix)));
        }
        write_pretty(out, &all)?;
    } else {
        for op in ops {
            writeln!(out, "{:<36} {:<6} {}", op.id, op.method.as_str(), op.path)
                .map_err(write_failed)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn validate(args: &ValidateArgs, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let op = regplan::operation(&args.input.op)?;
    let input = match read_json(&args.input, args.max_input_bytes)? {
        Ok(input) => input,
        Err(duplicate) => return invalid_text(&duplicate, args.json, out),
    };
    let report = regplan::validate(op.id, &input)?;
    print_report(&report, args.json, out)?;
    Ok(if report.is_valid() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn plan(args: &PlanArgs, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let op = regplan::operation(&args.input.op)?;
    let input = match read_json(&args.input, args.max_input_bytes)? {
        Ok(input) => input,
        Err(duplicate) => return invalid_text(&duplicate, args.json, out),
    };
    let timestamp = match &args.timestamp {
        Some(text) => parse_timestamp(text)?,
        None => now()?,
    };
    let options = PlanOptions {
        credentials: credentials_from_env(op, args.bearer)?,
        base_url: args.base_url.clone(),
        timestamp: Some(timestamp),
        preview: args.preview,
        ..PlanOptions::default()
    };
    match regplan::plan(op.id, &input, &options) {
        Ok(request) => {
            if !args.json && !request.warnings.is_empty() {
                let warnings = Report {
                    errors: Vec::new(),
                    warnings: request.warnings.clone(),
                };
                warn(&warnings.to_string());
            }
            let text = match args.format {
                Format::Curl => request.to_curl(args.reveal_secrets),
                Format::Json => request.to_json(args.reveal_secrets),
            };
            writeln!(out, "{text}").map_err(write_failed)?;
            Ok(ExitCode::SUCCESS)
        }
        Err(Error::Invalid(report)) => {
            print_report(&report, args.json, out)?;
            Ok(ExitCode::from(1))
        }
        Err(Error::MissingCredentials { .. }) => Err(Failure::Misuse(format!(
            "{} needs credentials: set {}",
            op.id,
            op.provider.credential_env()
        ))),
        Err(other) => Err(other.into()),
    }
}

/// `validate --ndjson`: one value per line, one compact report per line, in
/// constant memory (a line may hold at most `--max-input-bytes`).
fn validate_ndjson(args: &InputArgs, limit: u64, out: &mut dyn Write) -> Result<ExitCode, Failure> {
    let op = regplan::operation(&args.op)?;
    // The whole stream may be larger than the limit: only a line may not.
    let (name, reader) = open_input(&args.file, u64::MAX)?;
    let mut reader = BufReader::new(reader);
    let mut out = io::BufWriter::new(out);
    let outcome = ndjson_lines(op.id, &name, limit, &mut reader, &mut out);
    // Reports written before a failure are still delivered.
    let flushed = out.flush().map_err(write_failed);
    let code = outcome?;
    flushed.map(|()| code)
}

fn ndjson_lines(
    op: &str,
    name: &str,
    limit: u64,
    reader: &mut BufReader<Box<dyn Read>>,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    let mut line = Vec::new();
    let mut number: u64 = 0;
    let mut all_valid = true;
    loop {
        line.clear();
        let read = (&mut *reader)
            .take(limit.saturating_add(1))
            .read_until(b'\n', &mut line)
            .map_err(|e| Failure::Misuse(format!("cannot read {name}: {e}")))?;
        if read == 0 {
            break;
        }
        number += 1;
        let ended = line.last() == Some(&b'\n');
        if ended {
            line.pop();
        } else if len_u64(&line) > limit {
            return Err(Failure::Misuse(format!(
                "line {number} of {name} is larger than --max-input-bytes ({limit} bytes)"
            )));
        }
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let report = match json_text::parse_slice(&line) {
            Ok(input) => serde_json::to_value(regplan::validate(op, &input)?),
            Err(e) => Ok(text_error_report(&e, false)),
        };
        let report = report.map_err(|e| Failure::Misuse(format!("cannot render a report: {e}")))?;
        all_valid &= report.get("valid") == Some(&Value::Bool(true));
        let mut result = Map::new();
        result.insert("line".into(), number.into());
        if let Value::Object(fields) = report {
            result.extend(fields);
        }
        serde_json::to_writer(&mut *out, &result).map_err(json_write_failed)?;
        out.write_all(b"\n").map_err(write_failed)?;
        // Batched while input is waiting, flushed before the next read could
        // block: a slow producer sees each report as soon as its line is in.
        if reader.buffer().is_empty() {
            out.flush().map_err(write_failed)?;
        }
    }
    Ok(if all_valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn len_u64(bytes: &[u8]) -> u64 {
    u64::try_from(bytes.len()).unwrap_or(u64::MAX)
}

/// The input named `path` (`-` for stdin), with a name for messages.
fn open_input(path: &Path, limit: u64) -> Result<(String, Box<dyn Read>), Failure> {
    if path.as_os_str() == OsStr::new("-") {
        return Ok(("standard input".to_owned(), Box::new(io::stdin().lock())));
    }
    let name = path.display().to_string().escape_debug().to_string();
    let file = File::open(path).map_err(|e| Failure::Misuse(format!("cannot read {name}: {e}")))?;
    // A regular file's size is known: refuse a huge one before reading a byte.
    if let Ok(meta) = file.metadata() {
        if meta.is_file() && meta.len() > limit {
            return Err(too_large(&name, limit));
        }
    }
    Ok((name, Box::new(file)))
}

fn too_large(name: &str, limit: u64) -> Failure {
    Failure::Misuse(format!(
        "{name} is larger than --max-input-bytes ({limit} bytes)"
    ))
}

/// Reads at most `--max-input-bytes` and parses it strictly. A text that is
/// not JSON is a misuse; a duplicate key comes back as `Ok(Err(_))`, an
/// invalid input.
fn read_json(args: &InputArgs, limit: u64) -> Result<Result<Value, JsonTextError>, Failure> {
    let (name, reader) = open_input(&args.file, limit)?;
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::Misuse(format!("cannot read {name}: {e}")))?;
    if len_u64(&bytes) > limit {
        return Err(too_large(&name, limit));
    }
    match json_text::parse_slice(&bytes) {
        Ok(value) => Ok(Ok(value)),
        Err(e @ JsonTextError::DuplicateKey { .. }) => Ok(Err(e)),
        Err(e) => Err(Failure::Misuse(format!("{name}: {e}"))),
    }
}

/// A JSON-text error as a report: `{"valid":false,"errors":[{"code":…}],"warnings":[]}`.
/// `params` gives the position: `line` and `column`, or only `column` for an NDJSON line.
fn text_error_report(e: &JsonTextError, with_line: bool) -> Value {
    let params = if with_line {
        json!({"line": e.line(), "column": e.column()})
    } else {
        json!({"column": e.column()})
    };
    json!({
        "valid": false,
        "errors": [{
            "code": e.code(),
            "path": e.pointer(),
            "message": e.reason(),
            "params": params,
        }],
        "warnings": [],
    })
}

/// A duplicate key: printed like an invalid input's report, exit 1.
fn invalid_text(
    e: &JsonTextError,
    as_json: bool,
    out: &mut dyn Write,
) -> Result<ExitCode, Failure> {
    if as_json {
        write_pretty(out, &text_error_report(e, true))?;
    } else {
        let path = match e.pointer().as_str() {
            "" => "(input)".to_owned(),
            path => path.escape_debug().to_string(),
        };
        writeln!(
            out,
            "error {path} ({}): {} (line {}, column {})",
            e.code(),
            e.reason(),
            e.line(),
            e.column()
        )
        .map_err(write_failed)?;
    }
    Ok(ExitCode::from(1))
}

/// The current time: the CLI may read the clock, the core never does.
fn now() -> Result<Timestamp, Failure> {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| Failure::Misuse("the system clock is before 1970".into()))?;
    i64::try_from(since_epoch.as_millis())
        .ok()
        .and_then(Timestamp::from_millis)
        .ok_or_else(|| Failure::Misuse("the system clock is out of range".into()))
}

/// Credentials from the vendors' usual environment variables, as the
/// provider's declaration (`Provider::credentials`) names them; `--bearer`
/// picks Qovery's `bearer` type and is ignored by providers without one.
/// None set: `plan` reports the missing credentials after the input's errors.
fn credentials_from_env(
    op: &regplan::Operation,
    bearer: bool,
) -> Result<Option<Credentials>, Failure> {
    let lookup = |name: &str| std::env::var(name).ok();
    if bearer && op.provider.accepted().contains(&BEARER) {
        return Ok(Credentials::from_env(op.provider, Some(BEARER), lookup)?);
    }
    Ok(regplan::credentials_from_env(op.id, lookup)?)
}

fn print_report(report: &Report, as_json: bool, out: &mut dyn Write) -> Result<(), Failure> {
    if as_json {
        return write_pretty(out, report);
    }
    if report.is_valid() && report.warnings.is_empty() {
        return out.write_all(b"valid\n").map_err(write_failed);
    }
    write!(out, "{report}").map_err(write_failed)?;
    if report.is_valid() {
        writeln!(out, "valid").map_err(write_failed)?;
    } else if io::stdout().is_terminal() {
        writeln!(out, "{} error(s)", report.errors.len()).map_err(write_failed)?;
    }
    Ok(())
}

fn write_pretty<T: serde::Serialize + ?Sized>(
    out: &mut dyn Write,
    value: &T,
) -> Result<(), Failure> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(json_write_failed)?;
    out.write_all(b"\n").map_err(write_failed)
}
