//! `regplan`: validate inputs and plan requests for container-registry APIs from the shell.
//!
//! Exit status: 0 valid, 1 invalid input (the errors are printed), 2 misuse.

use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use regplan::spec::AuthScheme;
use regplan::{Credentials, Error, PlanOptions, Report, Timestamp};
use serde_json::Value;

const USAGE: &str = "\
usage:
  regplan operations [--json]
  regplan validate OP FILE|- [--json]
  regplan plan OP FILE|- [--format json|curl] [--reveal-secrets] [--bearer] [--base-url URL]
               [--timestamp 2026-11-22T10:15:00Z] [--json]
  regplan schema OP
  regplan rules               (the rule table of README.md, with sources)

Credentials come from the environment:
  gcore.*   GCORE_API_KEY     sent as `Authorization: APIKey …`
  qovery.*  QOVERY_API_TOKEN  sent as `Authorization: Token …` (`Bearer …` with --bearer, for a JWT)
  ncloud.*  NCLOUD_ACCESS_KEY, NCLOUD_SECRET_KEY       API Gateway signature v2
  huawei_swr.*  HUAWEICLOUD_SDK_AK, HUAWEICLOUD_SDK_SK (+ HUAWEICLOUD_SDK_PROJECT_ID)
                for AK/SK signing, or HUAWEICLOUD_SDK_IAM_TOKEN for X-Auth-Token
Signed requests use the current time unless --timestamp gives one (RFC 3339).
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
    timestamp: Option<String>,
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
            "--timestamp" => {
                flags.timestamp = Some(
                    args.next()
                        .ok_or_else(|| Misuse("--timestamp takes an RFC 3339 time".into()))?,
                );
            }
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
            let timestamp = match &flags.timestamp {
                Some(text) => Timestamp::parse_rfc3339(text)
                    .map_err(|why| Misuse(format!("--timestamp {why}")))?,
                None => now()?,
            };
            let options = PlanOptions {
                credentials: credentials_from_env(op.provider, flags.bearer),
                base_url: flags.base_url.clone(),
                timestamp: Some(timestamp),
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
                    op.id, op.provider.credential_env
                ))),
                Err(other) => Err(other.into()),
            }
        }
        other => Err(Misuse(format!("unknown command {other:?}"))),
    }
}

/// The current time: the CLI may read the clock, the core never does.
fn now() -> Result<Timestamp, Misuse> {
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_err(|_| Misuse("the system clock is before 1970".into()))?;
    i64::try_from(since_epoch.as_millis())
        .ok()
        .and_then(Timestamp::from_millis)
        .ok_or_else(|| Misuse("the system clock is out of range".into()))
}

fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

/// Credentials from the vendors' usual environment variables.
fn credentials_from_env(provider: &regplan::Provider, bearer: bool) -> Option<Credentials> {
    Some(match provider.auth {
        AuthScheme::GcoreApiKey => Credentials::ApiKey {
            api_key: env("GCORE_API_KEY")?.into(),
        },
        AuthScheme::QoveryToken if bearer => Credentials::Bearer {
            token: env("QOVERY_API_TOKEN")?.into(),
        },
        AuthScheme::QoveryToken => Credentials::Token {
            token: env("QOVERY_API_TOKEN")?.into(),
        },
        AuthScheme::NcpSignatureV2 => Credentials::AccessKey {
            access_key: env("NCLOUD_ACCESS_KEY")?,
            secret_key: env("NCLOUD_SECRET_KEY")?.into(),
            project_id: None,
        },
        AuthScheme::HuaweiAkSk => match (env("HUAWEICLOUD_SDK_AK"), env("HUAWEICLOUD_SDK_SK")) {
            (Some(access_key), Some(secret_key)) => Credentials::AccessKey {
                access_key,
                secret_key: secret_key.into(),
                project_id: env("HUAWEICLOUD_SDK_PROJECT_ID"),
            },
            _ => Credentials::IamToken {
                token: env("HUAWEICLOUD_SDK_IAM_TOKEN")?.into(),
            },
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
