//! Turning a valid input into the exact HTTP request: URL, headers, body bytes.

use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt::{self, Write as _};

use crate::error::Error;
use crate::record::{Datum, Record};
use crate::report::{Issue, Pointer};
use crate::secret::{Credentials, MASK};
use crate::sign;
use crate::spec::{
    DefaultValue, Encoding, Endpoint, Field, Kind, Location, Method, Operation, Sends,
};
use crate::time::Timestamp;

/// Options of [`crate::plan`]; in JSON
/// `{"credentials": {...}, "base_url": "...", "timestamp": "2026-11-22T10:15:00Z", "preview": false}`.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanOptions {
    /// How to authenticate; required by every operation.
    pub credentials: Option<Credentials>,
    /// Replaces the provider's endpoint (a proxy, a mock server, NAVER's
    /// government or financial gateway); `http` or `https`, with an optional
    /// path prefix, no query or fragment.
    pub base_url: Option<String>,
    /// The signing instant, for providers that sign requests (NAVER, Huawei
    /// AK/SK): epoch milliseconds or RFC 3339. The core reads no clock.
    pub timestamp: Option<Timestamp>,
    /// Without credentials, plan the request anyway with placeholders where
    /// the provider's first accepted credential type goes
    /// (`Authorization: APIKey <api_key>`, signatures `<signature>`), marked
    /// by [`Request::preview`] and a `preview` warning. With credentials it
    /// changes nothing.
    #[serde(default)]
    pub preview: bool,
    /// Read the input as a form means it ([`crate::ValidateOptions::form`]):
    /// `""` and `null` members absent, integer text as integers, in the
    /// request too (`project_id: "1"` builds `.../registries/1/...`).
    #[serde(default)]
    pub form: bool,
}

/// One request header. Part of its value may be secret.
#[derive(Clone, PartialEq, Eq)]
pub struct Header {
    /// Header name, in the casing sent.
    pub name: &'static str,
    value: String,
    /// Byte offset where the secret part of `value` starts, if any.
    secret_from: Option<usize>,
}

impl Header {
    fn plain(name: &'static str, value: impl Into<String>) -> Self {
        Header {
            name,
            value: value.into(),
            secret_from: None,
        }
    }

    fn with_secret(name: &'static str, prefix: &str, secret: &str) -> Self {
        Header {
            name,
            value: format!("{prefix}{secret}"),
            secret_from: Some(prefix.len()),
        }
    }

    /// The value as sent. Contains the secret, if the header has one.
    #[must_use]
    pub fn value(&self) -> &str {
        &self.value
    }

    /// The value with any secret part replaced by `***`.
    #[must_use]
    pub fn masked_value(&self) -> String {
        match self.secret_from {
            Some(at) => format!("{}{MASK}", self.value.get(..at).unwrap_or_default()),
            None => self.value.clone(),
        }
    }

    /// Whether part of the value is a credential.
    #[must_use]
    pub fn is_secret(&self) -> bool {
        self.secret_from.is_some()
    }

    fn shown(&self, reveal: bool) -> String {
        if reveal {
            self.value.clone()
        } else {
            self.masked_value()
        }
    }
}

impl fmt::Debug for Header {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.name, self.masked_value())
    }
}

/// A planned request, ready to send. `Debug`, [`Request::to_json`] and
/// [`Request::to_curl`] mask secrets unless asked to reveal them.
#[derive(Clone, PartialEq)]
pub struct Request {
    /// HTTP method.
    pub method: Method,
    /// Full URL, path parameters percent-encoded.
    pub url: String,
    /// Headers in the order they are sent.
    pub headers: Vec<Header>,
    body: Option<String>,
    /// The body with secret members replaced by `***`, when it has any.
    masked_body: Option<String>,
    /// JSON Pointers of the fields whose defaults were filled in.
    pub defaults_applied: Vec<Pointer>,
    /// Warnings from validation; the request is still valid.
    pub warnings: Vec<Issue>,
    /// Whether placeholders stand where the credentials go
    /// ([`PlanOptions::preview`] without credentials): such a request cannot
    /// be sent, and the send helpers of every binding refuse it.
    pub preview: bool,
}

impl Request {
    /// The exact body bytes (compact JSON), or `None` for a request without body.
    #[must_use]
    pub fn body(&self) -> Option<&[u8]> {
        self.body.as_deref().map(str::as_bytes)
    }

    /// The body as text, secrets masked unless `reveal`.
    #[must_use]
    pub fn body_text(&self, reveal: bool) -> Option<&str> {
        if reveal {
            self.body.as_deref()
        } else {
            self.masked_body.as_deref().or(self.body.as_deref())
        }
    }

    /// A serializable view (`method`, `url`, `headers` as an ordered map,
    /// `body` as text, `defaults_applied`, `warnings`, `preview`).
    #[must_use]
    pub fn view(&self, reveal: bool) -> RequestView<'_> {
        RequestView {
            request: self,
            reveal,
        }
    }

    /// The request as pretty JSON, secrets masked unless `reveal`.
    #[must_use]
    pub fn to_json(&self, reveal: bool) -> String {
        // Serializing plain strings and maps into a String cannot fail.
        serde_json::to_string_pretty(&self.view(reveal)).unwrap_or_default()
    }

    /// The request as a `curl` command line for a POSIX shell, secrets masked unless `reveal`.
    #[must_use]
    pub fn to_curl(&self, reveal: bool) -> String {
        let mut out = format!(
            "curl -X {} {}",
            self.method.as_str(),
            shell_quote(&self.url)
        );
        for header in &self.headers {
            let line = format!("{}: {}", header.name, header.shown(reveal));
            let _ = write!(out, " \\\n  -H {}", shell_quote(&line));
        }
        if let Some(body) = self.body_text(reveal) {
            let _ = write!(out, " \\\n  --data-raw {}", shell_quote(body));
        }
        out
    }
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &self.headers)
            .field("body", &self.body_text(false))
            .field("defaults_applied", &self.defaults_applied)
            .field("warnings", &self.warnings)
            .field("preview", &self.preview)
            .finish()
    }
}

/// See [`Request::view`].
pub struct RequestView<'a> {
    request: &'a Request,
    reveal: bool,
}

struct HeaderMap<'a>(&'a [Header], bool);

impl Serialize for HeaderMap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for header in self.0 {
            map.serialize_entry(header.name, &header.shown(self.1))?;
        }
        map.end()
    }
}

impl Serialize for RequestView<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let r = self.request;
        let mut s = serializer.serialize_struct("Request", 7)?;
        s.serialize_field("method", &r.method)?;
        s.serialize_field("url", &r.url)?;
        s.serialize_field("headers", &HeaderMap(&r.headers, self.reveal))?;
        s.serialize_field("body", &r.body_text(self.reveal))?;
        s.serialize_field("defaults_applied", &r.defaults_applied)?;
        s.serialize_field("warnings", &r.warnings)?;
        s.serialize_field("preview", &r.preview)?;
        s.end()
    }
}

/// Single-quotes `s` for a POSIX shell: nothing inside is interpreted.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

/// Builds the request for an input that has passed validation.
pub(crate) fn build(
    op: &'static Operation,
    input: &Record,
    options: &PlanOptions,
    mut warnings: Vec<Issue>,
) -> Result<Request, Error> {
    let derived;
    let base = match (&options.base_url, op.provider.base_url) {
        (Some(url), _) => checked_base_url(url)?,
        (None, Endpoint::Fixed(url)) => url,
        (None, Endpoint::FromInput(choose)) => {
            derived = choose(input);
            derived.as_str()
        }
    };
    let mut url = String::with_capacity(base.len() + op.path.len() + 32);
    url.push_str(base);
    write_path(op, input, &mut url);
    write_query(op, input, &mut url);

    let mut defaults_applied = Vec::new();
    let has_body = op.fields.iter().any(|f| f.location == Location::Body);
    let (body, masked_body) = if has_body {
        let mut body = String::with_capacity(64);
        let has_secret = write_object(
            op.fields,
            input,
            false,
            &mut body,
            Some(&mut defaults_applied),
        );
        let masked = has_secret.then(|| {
            let mut masked = String::with_capacity(body.len());
            write_object(op.fields, input, true, &mut masked, None);
            masked
        });
        (Some(body), masked)
    } else {
        (None, None)
    };

    let mut headers = Vec::with_capacity(6);
    if let Some(accept) = op.accept {
        headers.push(Header::plain("Accept", accept));
    }
    // The vendor SDKs label every non-GET request as JSON, even without a body.
    if op.method != Method::Get {
        headers.push(Header::plain("Content-Type", "application/json"));
    }
    let signing = Signing {
        method: op.method.as_str(),
        url: &url,
        body: body.as_deref().unwrap_or_default().as_bytes(),
        timestamp: options.timestamp,
    };
    let preview = match &options.credentials {
        Some(credentials) => {
            authenticate(op, credentials, &signing, &mut headers)?;
            false
        }
        None if options.preview => {
            let credentials = placeholders(op, &signing, &mut headers)?;
            warnings.push(crate::IssueKind::Preview { credentials }.at(Pointer::root()));
            true
        }
        None => {
            return Err(Error::MissingCredentials {
                provider: op.provider.id,
                accepted: op.provider.accepted(),
            })
        }
    };
    // One rule for every provider: headers sorted by lower-cased name.
    headers.sort_by(|a, b| {
        let lower = |h: &Header| h.name.bytes().map(|c| c.to_ascii_lowercase());
        lower(a).cmp(lower(b))
    });
    Ok(Request {
        method: op.method,
        url,
        headers,
        body,
        masked_body,
        defaults_applied,
        warnings,
        preview,
    })
}

/// What a signature covers.
struct Signing<'a> {
    method: &'static str,
    url: &'a str,
    body: &'a [u8],
    timestamp: Option<Timestamp>,
}

impl Signing<'_> {
    /// `(authority, path, query)` of the URL, which `build` wrote as `scheme://authority/path?query`.
    fn parts(&self) -> (&str, &str, &str) {
        let rest = self
            .url
            .split_once("://")
            .map_or(self.url, |(_, rest)| rest);
        let (authority, path_query) = rest.find('/').map_or((rest, ""), |at| rest.split_at(at));
        let (path, query) = path_query.split_once('?').unwrap_or((path_query, ""));
        (authority, path, query)
    }

    fn timestamp(&self, provider: &'static str) -> Result<Timestamp, Error> {
        self.timestamp.ok_or(Error::MissingTimestamp { provider })
    }
}

/// The placeholder of a credential member: `<api_key>`.
fn placeholder(member: &str) -> String {
    format!("<{member}>")
}

/// A preview's authentication: the headers the provider's first accepted
/// credential type would add, with `<member>` placeholders for its values
/// and `<signature>` for signatures (still computed over a timestamp, so
/// signing providers need one as for a real request). Returns that type's name.
fn placeholders(
    op: &Operation,
    signing: &Signing<'_>,
    headers: &mut Vec<Header>,
) -> Result<&'static str, Error> {
    let provider = op.provider;
    let accepts = provider
        .credentials
        .first()
        .ok_or_else(|| Error::MissingCredentials {
            provider: provider.id,
            accepted: provider.accepted(),
        })?;
    let secret_member = accepts.kind.required.last().copied().unwrap_or("secret");
    let access_key = placeholder(
        accepts
            .kind
            .required
            .first()
            .copied()
            .unwrap_or("access_key"),
    );
    let signature = placeholder("signature");
    match accepts.sends {
        Sends::Header { name, prefix } => {
            headers.push(Header::plain(
                name,
                format!("{prefix}{}", placeholder(secret_member)),
            ));
        }
        Sends::NcpSignatureV2 => {
            let timestamp = signing.timestamp(provider.id)?.millis().to_string();
            headers.push(Header::plain("x-ncp-apigw-timestamp", timestamp));
            headers.push(Header::plain("x-ncp-iam-access-key", access_key));
            headers.push(Header::plain("x-ncp-apigw-signature-v2", signature));
        }
        Sends::HuaweiSignature => {
            let date = signing.timestamp(provider.id)?.basic_utc();
            let (authority, _, _) = signing.parts();
            headers.push(Header::plain("Host", authority));
            headers.push(Header::plain("X-Sdk-Date", date));
            let pairs: Vec<(&str, &str)> = headers.iter().map(|h| (h.name, h.value())).collect();
            let signed_headers = sign::huawei_signed_headers(&pairs);
            headers.push(Header::plain(
                "Authorization",
                format!("SDK-HMAC-SHA256 Access={access_key}, SignedHeaders={signed_headers}, Signature={signature}"),
            ));
        }
    }
    Ok(accepts.kind.name)
}

fn authenticate(
    op: &Operation,
    credentials: &Credentials,
    signing: &Signing<'_>,
    headers: &mut Vec<Header>,
) -> Result<(), Error> {
    let provider = op.provider;
    // The provider's declaration says how this type is sent (or that it is not accepted).
    let wrong = || Error::WrongCredentials {
        provider: provider.id,
        given: credentials.kind(),
        accepted: provider.accepted(),
    };
    let declared = provider
        .credentials
        .iter()
        .find(|accepts| std::ptr::eq(accepts.kind, credentials.credential_type()))
        .ok_or_else(wrong)?;
    let secret = || header_safe(credentials.secret().expose());
    match (declared.sends, credentials) {
        (Sends::Header { name, prefix }, _) => {
            headers.push(Header::with_secret(name, prefix, secret()?));
        }
        (Sends::NcpSignatureV2, Credentials::AccessKey { access_key, .. }) => {
            let access_key = header_safe(access_key)?;
            let secret = secret()?;
            let timestamp = signing.timestamp(provider.id)?.millis().to_string();
            let (_, path, query) = signing.parts();
            let uri = if query.is_empty() {
                path.to_owned()
            } else {
                format!("{path}?{query}")
            };
            let signature =
                sign::ncp_signature_v2(secret, signing.method, &uri, &timestamp, access_key);
            headers.push(Header::plain("x-ncp-apigw-timestamp", timestamp));
            headers.push(Header::plain("x-ncp-iam-access-key", access_key));
            headers.push(Header::plain("x-ncp-apigw-signature-v2", signature));
        }
        (
            Sends::HuaweiSignature,
            Credentials::AccessKey {
                access_key,
                project_id,
                ..
            },
        ) => {
            let access_key = header_safe(access_key)?;
            let secret = secret()?;
            let date = signing.timestamp(provider.id)?.basic_utc();
            let (authority, path, query) = signing.parts();
            headers.push(Header::plain("Host", authority));
            headers.push(Header::plain("X-Sdk-Date", date.clone()));
            if let Some(project_id) = project_id {
                headers.push(Header::plain("X-Project-Id", header_safe(project_id)?));
            }
            let pairs: Vec<(&str, &str)> = headers.iter().map(|h| (h.name, h.value())).collect();
            let signature = sign::huawei_sign(
                access_key,
                secret,
                &sign::SignedParts {
                    method: signing.method,
                    path,
                    query,
                    headers: &pairs,
                    body: signing.body,
                },
                &date,
            );
            headers.push(Header::plain("Authorization", signature.authorization));
        }
        // A signature declared for a type without an access key: a provider
        // file's mistake, refused like a type it does not accept.
        (Sends::NcpSignatureV2 | Sends::HuaweiSignature, _) => return Err(wrong()),
    }
    Ok(())
}

/// A credential as it may go into a header: non-empty, no spaces or control characters.
fn header_safe(value: &str) -> Result<&str, Error> {
    if value.trim().is_empty() {
        return Err(Error::InvalidCredentials {
            reason: "a credential is empty",
        });
    }
    if value.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(Error::InvalidCredentials {
            reason: "a credential contains spaces or control characters, which cannot go in an HTTP header",
        });
    }
    Ok(value)
}

fn checked_base_url(url: &str) -> Result<&str, Error> {
    let invalid = |reason: &str| Error::InvalidOption {
        option: "base_url",
        reason: reason.to_owned(),
    };
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
        .ok_or_else(|| invalid("must start with https:// or http://"))?;
    let host_end = rest.find('/').unwrap_or(rest.len());
    if rest[..host_end].is_empty() {
        return Err(invalid("has no host"));
    }
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(invalid("contains whitespace or control characters"));
    }
    if url.contains(['?', '#']) {
        return Err(invalid("must not contain a query or fragment"));
    }
    Ok(url.trim_end_matches('/'))
}

fn write_path(op: &Operation, input: &Record, url: &mut String) {
    let mut rest = op.path;
    while let Some(open) = rest.find('{') {
        url.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(after.len());
        let name = &after[..close];
        if let Some(value) = input.get(name) {
            let encoding = op.field(name).map_or(Encoding::Once, |f| f.encoding);
            write_path_value(value, encoding, url);
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    url.push_str(rest);
}

/// Writes one path parameter so that it stays exactly one segment: every byte
/// outside RFC 3986's unreserved set is percent-encoded, and a value made only
/// of dots is fully encoded so `.`/`..` can never be read as a dot-segment.
fn write_path_value(value: &Datum, encoding: Encoding, url: &mut String) {
    match value {
        Datum::Str(s) if !s.is_empty() && s.bytes().all(|b| b == b'.') => {
            for _ in 0..s.len() {
                url.push_str("%2E");
            }
        }
        Datum::Str(s) if encoding == Encoding::Twice => {
            let once = percent_encode(s);
            url.push_str(&percent_encode(&once));
        }
        _ => write_scalar(value, url, true),
    }
}

fn write_query(op: &Operation, input: &Record, url: &mut String) {
    let mut separator = '?';
    for field in op.fields.iter().filter(|f| f.location == Location::Query) {
        if let Some(value) = input.get(field.name) {
            url.push(separator);
            separator = '&';
            url.push_str(&percent_encode(field.name));
            url.push('=');
            write_scalar(value, url, true);
        }
    }
}

/// A scalar as it appears in a URL: integers normalized (`5.0` → `5`), strings percent-encoded.
fn write_scalar(value: &Datum, url: &mut String, encode: bool) {
    match value {
        Datum::Str(s) if encode => url.push_str(&percent_encode(s)),
        other => other.write_scalar(url),
    }
}

/// The hex digit of a nibble (`n` < 16), letters from `a` (`b'a'` or `b'A'`).
fn hex_digit(n: u8, a: u8) -> char {
    char::from(if n < 10 { b'0' + n } else { a + (n & 15) - 10 })
}

/// Percent-encodes every byte outside RFC 3986 `unreserved`, `:` and `@`
/// (both legal in a path segment and kept by the vendor SDKs, e.g. `sha256:…`).
pub(crate) fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b':' | b'@') {
            out.push(char::from(b));
        } else {
            out.push('%');
            out.push(hex_digit(b >> 4, b'A'));
            out.push(hex_digit(b & 15, b'A'));
        }
    }
    out
}

/// Writes the body members of `fields` as compact JSON in table order, with
/// defaults filled in. Returns whether a secret member was written.
fn write_object(
    fields: &[Field],
    input: &Record,
    mask: bool,
    out: &mut String,
    mut defaults: Option<&mut Vec<Pointer>>,
) -> bool {
    let mut has_secret = false;
    let mut first = true;
    out.push('{');
    for field in fields.iter().filter(|f| f.location == Location::Body) {
        let default;
        let value = match input.get(field.name) {
            Some(value) => value,
            None => {
                default = match &field.default {
                    Some(DefaultValue::Integer(i)) => Datum::Int(*i),
                    Some(DefaultValue::Text(text)) => Datum::Str((*text).to_owned()),
                    Some(DefaultValue::PerValue(rules)) => {
                        match rules.fixed_value(input, field.name) {
                            Some(s) => Datum::Str(s.to_owned()),
                            None => continue,
                        }
                    }
                    None => continue,
                };
                if let Some(applied) = defaults.as_deref_mut() {
                    applied.push(Pointer::root().key(field.name));
                }
                &default
            }
        };
        if !first {
            out.push(',');
        }
        first = false;
        write_json_string(field.name, out);
        out.push(':');
        if field.secret {
            has_secret = true;
            if mask {
                write_json_string(MASK, out);
                continue;
            }
        }
        has_secret |= write_value(&field.kind, value, mask, out);
    }
    out.push('}');
    has_secret
}

fn write_value(kind: &Kind, value: &Datum, mask: bool, out: &mut String) -> bool {
    match (kind, value) {
        (Kind::Object(rule), Datum::Object(record)) => {
            write_object(rule.fields, record, mask, out, None)
        }
        (Kind::Array(rule), Datum::Array(items)) => {
            let mut has_secret = false;
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                has_secret |= write_value(&rule.items, item, mask, out);
            }
            out.push(']');
            has_secret
        }
        (_, Datum::Str(s)) => {
            write_json_string(s, out);
            false
        }
        (_, Datum::Null) => {
            out.push_str("null");
            false
        }
        (_, other) => {
            write_scalar(other, out, false);
            false
        }
    }
}

/// A JSON string literal, escaped exactly as serde_json does it (quotes,
/// backslash and control characters; everything else, UTF-8 included, as is),
/// without serde_json's intermediate allocation.
fn write_json_string(s: &str, out: &mut String) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let escape = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0x00..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if escape.is_empty() {
            out.push_str("\\u00");
            out.push(hex_digit(b >> 4, b'a'));
            out.push(hex_digit(b & 15, b'a'));
        } else {
            out.push_str(escape);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_encoding_keeps_only_unreserved() {
        assert_eq!(percent_encode("a/b?c#d e%"), "a%2Fb%3Fc%23d%20e%25");
        assert_eq!(percent_encode("v1.0_x~-:@"), "v1.0_x~-:@");
        assert_eq!(percent_encode("é"), "%C3%A9");
    }

    #[test]
    fn dot_segments_are_encoded() {
        let mut url = String::new();
        write_path_value(&Datum::Str("..".into()), Encoding::Once, &mut url);
        assert_eq!(url, "%2E%2E");
    }

    #[test]
    fn json_strings_are_escaped_like_serde_json() {
        let mut samples: Vec<String> = (0u8..0x80)
            .map(|b| format!("a{}b", char::from(b)))
            .collect();
        samples.extend(["", "é👍\u{2028}\u{7f}", "\"\\/", "plain"].map(String::from));
        for sample in samples {
            let mut ours = String::new();
            write_json_string(&sample, &mut ours);
            assert_eq!(
                ours,
                serde_json::to_string(&sample).unwrap_or_default(),
                "{sample:?}"
            );
        }
    }

    #[test]
    fn shell_quote_survives_single_quotes() {
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }

    #[test]
    fn base_url_is_checked() {
        assert_eq!(
            checked_base_url("http://127.0.0.1:8080/").ok(),
            Some("http://127.0.0.1:8080")
        );
        assert!(checked_base_url("ftp://x").is_err());
        assert!(checked_base_url("https://x/?a").is_err());
        assert!(checked_base_url("https://x\r\n").is_err());
        assert!(checked_base_url("https:///path").is_err());
    }
}
