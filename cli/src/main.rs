//! `regplan`: validate inputs and plan requests for container-registry APIs from the shell.
//!
//! Exit status: 0 valid, 1 invalid input (the errors are printed), 2 misuse.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use regplan::{Credentials, Error, PlanOptions, Report};
use serde_json::Value;

const USAGE: &str = "\
usage:
  regplan operations [--json]
  regplan validate OP FILE|- [--json]
  regplan plan OP FILE|- [--format json|curl] [--reveal-secrets] [--bearer] [--base-url URL] [--json]
  regplan schema OP
  regplan rules               (the rule table of README.md, with sources)

Credentials come from the environment:
  gcore.*   GCORE_API_KEY     sent as `Authorization: APIKey …`
  qovery.*  QOVERY_API_TOKEN  sent as `Authorization: Token …` (`Bearer …` with --bearer, for a JWT)
Secrets are masked (***) in every output unless --reveal-secrets is given.
Exit status: 0 valid, 1 invalid input, 2 misuse.";

/// A misuse of the command line; printed with the usage hint, exit 2.
struct Misuse(String);

impl<E: std::fmt::Display> From<E> for Misuse {
    fn from(e: E) -> Self {
        Misuse(e.to_string())
    }
}

#[derive(Default)]
struct Flags {
    json: bool,
    reveal: bool,
    bearer: bool,
    curl: bool,
    base_url: Option<String>,
    positional: Vec<String>,
}

fn parse_flags(args: impl Iterator<Item = String>) -> Result<Flags, Misuse> {
    let mut flags = Flags::default();
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => flags.json = true,
            "--reveal-secrets" => flags.reveal = true,
            "--bearer" => flags.bearer = true,
            "--format" => match args.next().as_deref() {
                Some("json") => flags.curl = false,
                Some("curl") => flags.curl = true,
                other => {
                    return Err(Misuse(format!(
                        "--format takes json or curl, not {other:?}"
                    )))
                }
            },
            "--base-url" => {
                flags.base_url = Some(
                    args.next()
                        .ok_or_else(|| Misuse("--base-url takes a URL".into()))?,
                );
            }
            "-" => flags.positional.push(arg),
            flag if flag.starts_with('-') => return Err(Misuse(format!("unknown option {flag}"))),
            _ => flags.positional.push(arg),
        }
    }
    Ok(flags)
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let command = args.next();
    let outcome = match command.as_deref() {
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        Some(command) => parse_flags(args).and_then(|flags| run(command, &flags)),
        None => Err(Misuse("no command given".into())),
    };
    match outcome {
        Ok(code) => code,
        Err(Misuse(message)) => {
            eprintln!("regplan: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(command: &str, flags: &Flags) -> Result<ExitCode, Misuse> {
    let arg = |i: usize, what: &str| {
        flags
            .positional
            .get(i)
            .map(String::as_str)
            .ok_or_else(|| Misuse(format!("{command} needs {what}")))
    };
    match command {
        "operations" => {
            let ops = regplan::operations();
            if flags.json {
                println!("{}", serde_json::to_string_pretty(ops)?);
            } else {
                for op in ops {
                    println!("{:<36} {:<6} {}", op.id, op.method.as_str(), op.path);
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        "rules" => {
            print!("{}", regplan::rule_table());
            Ok(ExitCode::SUCCESS)
        }
        "schema" => {
            print_json(&regplan::schema(arg(0, "an operation id")?)?);
            Ok(ExitCode::SUCCESS)
        }
        "validate" => {
            let op = arg(0, "an operation id")?;
            let input = read_input(arg(1, "an input file (or - for stdin)")?)?;
            let report = regplan::validate(op, &input)?;
            print_report(&report, flags.json);
            Ok(if report.is_valid() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        "plan" => {
            let op_id = arg(0, "an operation id")?;
            let input = read_input(arg(1, "an input file (or - for stdin)")?)?;
            let op = regplan::operation(op_id)?;
            let options = PlanOptions {
                credentials: credentials_from_env(op.provider, flags.bearer),
                base_url: flags.base_url.clone(),
            };
            match regplan::plan(op_id, &input, &options) {
                Ok(request) => {
                    if !flags.json && !request.warnings.is_empty() {
                        let warnings = Report {
                            errors: Vec::new(),
                            warnings: request.warnings.clone(),
                        };
                        eprint!("{warnings}");
                    }
                    let text = if flags.curl {
                        request.to_curl(flags.reveal)
                    } else {
                        request.to_json(flags.reveal)
                    };
                    println!("{text}");
                    Ok(ExitCode::SUCCESS)
                }
                Err(Error::Invalid(report)) => {
                    print_report(&report, flags.json);
                    Ok(ExitCode::from(1))
                }
                Err(Error::MissingCredentials { .. }) => Err(Misuse(format!(
                    "{} needs credentials: set {}",
                    op.id,
                    op.provider.credential_env.join(" or ")
                ))),
                Err(other) => Err(other.into()),
            }
        }
        other => Err(Misuse(format!("unknown command {other:?}"))),
    }
}

fn credentials_from_env(provider: &regplan::Provider, bearer: bool) -> Option<Credentials> {
    let value = provider
        .credential_env
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))?;
    Some(match (provider.id, bearer) {
        ("gcore", _) => Credentials::ApiKey {
            api_key: value.into(),
        },
        (_, true) => Credentials::Bearer {
            token: value.into(),
        },
        _ => Credentials::Token {
            token: value.into(),
        },
    })
}

fn read_input(path: &str) -> Result<Value, Misuse> {
    let mut text = String::new();
    if path == "-" {
        std::io::stdin().read_to_string(&mut text)?;
    } else {
        text = std::fs::read_to_string(path)
            .map_err(|e| Misuse(format!("cannot read {path}: {e}")))?;
    }
    serde_json::from_str(&text).map_err(|e| Misuse(format!("{path} is not valid JSON: {e}")))
}

fn print_report(report: &Report, json: bool) {
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(report).unwrap_or_default()
        );
    } else if report.is_valid() && report.warnings.is_empty() {
        println!("valid");
    } else {
        let mut out = std::io::stdout().lock();
        let _ = write!(out, "{report}");
        if report.is_valid() {
            let _ = writeln!(out, "valid");
        } else if std::io::stdout().is_terminal() {
            let _ = writeln!(out, "{} error(s)", report.errors.len());
        }
    }
}

fn print_json(value: &Value) {
    println!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_default()
    );
}
