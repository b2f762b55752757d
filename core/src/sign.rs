//! Request signing, byte for byte as the vendors' own code does it.
//!
//! HMAC-SHA256, SHA-256 and Base64 come from RustCrypto's `hmac`/`sha2` and the
//! `base64` crate; nothing here is hand-rolled crypto, only the canonical
//! strings each vendor signs. `tests/vendor/` holds the scripts that run the
//! vendors' signers on our requests; the vectors carry their output.

use base64::Engine as _;
use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

type HmacSha256 = Hmac<Sha256>;

fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    // HMAC accepts keys of any length, so `new_from_slice` cannot fail.
    let mut mac = match HmacSha256::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => return [0; 32],
    };
    mac.update(message);
    mac.finalize().into_bytes().into()
}

fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(out, "{b:02x}");
    }
    out
}

/// NAVER Cloud API Gateway signature v2:
/// `Base64(HMAC-SHA256(secret, METHOD + " " + URI + "\n" + timestamp + "\n" + accessKey))`,
/// where URI is the request path with the gateway prefix and the query string.
pub(crate) fn ncp_signature_v2(
    secret_key: &str,
    method: &str,
    uri: &str,
    timestamp_ms: &str,
    access_key: &str,
) -> String {
    let message = format!("{method} {uri}\n{timestamp_ms}\n{access_key}");
    base64::engine::general_purpose::STANDARD
        .encode(hmac_sha256(secret_key.as_bytes(), message.as_bytes()))
}

/// Huawei Cloud `SDK-HMAC-SHA256`, as `huaweicloudsdkcore/signer.py` computes it.
pub(crate) struct HuaweiSignature {
    /// The `Authorization` header value.
    pub authorization: String,
    /// The canonical request (holds no secret); compared with the vendor's in tests.
    #[cfg_attr(not(test), allow(dead_code))]
    pub canonical_request: String,
}

/// The parts of a request that Huawei's signature covers.
pub(crate) struct SignedParts<'a> {
    pub method: &'a str,
    pub path: &'a str,
    pub query: &'a str,
    pub headers: &'a [(&'a str, &'a str)],
    pub body: &'a [u8],
}

/// The `SignedHeaders` of a Huawei signature over `headers`: their names,
/// lower-cased and sorted, joined by `;` (names with `_` are not signed).
pub(crate) fn huawei_signed_headers(headers: &[(&str, &str)]) -> String {
    signed_names(&huawei_signed(headers))
}

/// The headers a Huawei signature covers: lower-cased names (without `_`),
/// trimmed values, sorted by name (signer.py `_signed_headers`).
fn huawei_signed<'a>(headers: &[(&str, &'a str)]) -> Vec<(String, &'a str)> {
    let mut signed: Vec<(String, &str)> = headers
        .iter()
        .filter(|(name, _)| !name.contains('_'))
        .map(|(name, value)| (name.to_ascii_lowercase(), value.trim()))
        .collect();
    signed.sort_by(|a, b| a.0.cmp(&b.0));
    signed
}

fn signed_names(signed: &[(String, &str)]) -> String {
    let names: Vec<&str> = signed.iter().map(|(n, _)| n.as_str()).collect();
    names.join(";")
}

pub(crate) fn huawei_sign(
    access_key: &str,
    secret_key: &str,
    request: &SignedParts<'_>,
    sdk_date: &str,
) -> HuaweiSignature {
    let SignedParts {
        method,
        path,
        query,
        headers,
        body,
    } = *request;
    let signed = huawei_signed(headers);
    let signed_headers = signed_names(&signed);
    let mut canonical_headers = String::new();
    for (name, value) in &signed {
        let _ = writeln!(canonical_headers, "{name}:{value}");
    }
    let canonical_request = format!(
        "{}\n{}\n{}\n{}\n{}\n{}",
        method.to_ascii_uppercase(),
        huawei_canonical_uri(path),
        huawei_canonical_query(query),
        canonical_headers,
        signed_headers,
        hex(&Sha256::digest(body)),
    );
    let string_to_sign = format!(
        "SDK-HMAC-SHA256\n{sdk_date}\n{}",
        hex(&Sha256::digest(canonical_request.as_bytes()))
    );
    let signature = hex(&hmac_sha256(
        secret_key.as_bytes(),
        string_to_sign.as_bytes(),
    ));
    HuaweiSignature {
        authorization: format!("SDK-HMAC-SHA256 Access={access_key}, SignedHeaders={signed_headers}, Signature={signature}"),
        canonical_request,
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters, as Python's
/// `quote(s, safe='~')` does.
fn huawei_encode(s: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for &b in s {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Python's `unquote`: `%XX` decoded, anything malformed left as is.
fn percent_decode(s: &str) -> Vec<u8> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex_at = |j: usize| b.get(j).and_then(|c| char::from(*c).to_digit(16));
        match (c, hex_at(i + 1), hex_at(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(u8::try_from(hi * 16 + lo).unwrap_or(0));
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// signer.py `_process_canonical_uri`: the whole path is decoded, split on
/// `/`, each segment encoded with `quote(safe='~')`, and a trailing `/` added.
fn huawei_canonical_uri(path: &str) -> String {
    let decoded = percent_decode(path);
    let segments: Vec<String> = decoded.split(|&b| b == b'/').map(huawei_encode).collect();
    let mut uri = segments.join("/");
    if !uri.ends_with('/') {
        uri.push('/');
    }
    uri
}

/// signer.py `_process_canonical_query_string`: the (decoded) pairs sorted,
/// then each key and value encoded, joined by `&`.
fn huawei_canonical_query(query: &str) -> String {
    if query.is_empty() {
        return String::new();
    }
    let mut pairs: Vec<(Vec<u8>, Vec<u8>)> = query
        .split('&')
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect();
    pairs.sort();
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", huawei_encode(k), huawei_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// huaweicloudsdkcore 3.1.219 `Signer`, case 1 of its run on this request
    /// (canonical request, body hash and signature as the SDK computed them).
    #[test]
    fn huawei_canonical_request_and_signature_equal_the_sdk() {
        let headers = [
            ("Content-Type", "application/json"),
            ("Host", "swr-api.cn-north-4.myhuaweicloud.com"),
            ("X-Sdk-Date", "20261122T101500Z"),
        ];
        let body = br#"{"repository":"busybox","category":"linux","description":"this is a busybox repository","is_public":true}"#;
        let signed = huawei_sign(
            "AKEXAMPLE0000000000",
            "SKEXAMPLEsecretkeyvalue000000000000000000",
            &SignedParts {
                method: "POST",
                path: "/v2/manage/namespaces/my-ns/repos",
                query: "",
                headers: &headers,
                body,
            },
            "20261122T101500Z",
        );
        assert_eq!(
            signed.canonical_request,
            "POST\n/v2/manage/namespaces/my-ns/repos/\n\ncontent-type:application/json\n\
             host:swr-api.cn-north-4.myhuaweicloud.com\nx-sdk-date:20261122T101500Z\n\n\
             content-type;host;x-sdk-date\nbebc01a91981d86d0f2c7aa4d4f85125152dd643671d29b4dd74402d4d251303"
        );
        assert_eq!(
            signed.authorization,
            "SDK-HMAC-SHA256 Access=AKEXAMPLE0000000000, SignedHeaders=content-type;host;x-sdk-date, \
             Signature=cf0cd5c2a951a8f75243da28c05f637e053cbfbcf043afcd9ed0be5ed8bd4b4f"
        );
    }

    #[test]
    fn hmac_matches_rfc_4231_case_2() {
        assert_eq!(
            hex(&hmac_sha256(b"Jefe", b"what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    const HEADERS: &[(&str, &str)] = &[
        ("Content-Type", "application/json"),
        ("Host", "swr-api.cn-north-4.myhuaweicloud.com"),
        ("X-Sdk-Date", "20261122T101500Z"),
    ];
    const BODY: &[u8] = br#"{"namespace":"my-team"}"#;

    fn huawei(headers: &[(&str, &str)], body: &[u8], date: &str) -> String {
        huawei_sign(
            "AK",
            "SK",
            &SignedParts {
                method: "POST",
                path: "/v2/manage/namespaces",
                query: "",
                headers,
                body,
            },
            date,
        )
        .authorization
    }

    #[test]
    fn a_later_timestamp_gives_another_signature() {
        let uri = "/ncr/api/v2/repositories/r";
        assert_ne!(
            ncp_signature_v2("SK", "POST", uri, "1795342500000", "AK"),
            ncp_signature_v2("SK", "POST", uri, "1795342500001", "AK")
        );
        let mut later = HEADERS.to_vec();
        later[2].1 = "20261122T101501Z";
        assert_ne!(
            huawei(HEADERS, BODY, "20261122T101500Z"),
            huawei(&later, BODY, "20261122T101501Z")
        );
    }

    #[test]
    fn every_signed_header_and_the_body_change_the_huawei_signature() {
        let base = huawei(HEADERS, BODY, "20261122T101500Z");
        for i in 0..HEADERS.len() {
            let mut changed = HEADERS.to_vec();
            let value = format!("{}x", changed[i].1);
            changed[i].1 = &value;
            assert_ne!(
                huawei(&changed, BODY, "20261122T101500Z"),
                base,
                "{}",
                HEADERS[i].0
            );
        }
        assert_ne!(
            huawei(HEADERS, br#"{"namespace":"my-teams"}"#, "20261122T101500Z"),
            base
        );
        // A header whose name has `_` is not signed, exactly as signer.py skips it.
        let mut unsigned = HEADERS.to_vec();
        unsigned.push(("X_Custom", "anything"));
        assert_eq!(huawei(&unsigned, BODY, "20261122T101500Z"), base);
        // Adding a signed header changes both the list and the signature.
        let mut extra = HEADERS.to_vec();
        extra.push(("X-Project-Id", "p"));
        let with_project = huawei(&extra, BODY, "20261122T101500Z");
        assert!(with_project.contains("SignedHeaders=content-type;host;x-project-id;x-sdk-date"));
        assert_ne!(with_project, base);
    }

    #[test]
    fn ncp_signature_covers_method_uri_and_key() {
        let base = ncp_signature_v2("SK", "POST", "/ncr/api/v2/repositories/r", "1", "AK");
        assert_ne!(
            ncp_signature_v2("SK", "GET", "/ncr/api/v2/repositories/r", "1", "AK"),
            base
        );
        assert_ne!(
            ncp_signature_v2("SK", "POST", "/ncr/sgn-api/v2/repositories/r", "1", "AK"),
            base
        );
        assert_ne!(
            ncp_signature_v2("SK", "POST", "/ncr/api/v2/repositories/r", "1", "AK2"),
            base
        );
        assert_ne!(
            ncp_signature_v2("SK2", "POST", "/ncr/api/v2/repositories/r", "1", "AK"),
            base
        );
    }

    #[test]
    fn canonical_uri_reencodes_each_segment() {
        assert_eq!(
            huawei_canonical_uri("/v2/manage/namespaces/my-ns/repos"),
            "/v2/manage/namespaces/my-ns/repos/"
        );
        assert_eq!(huawei_canonical_uri("/a%20b/c d/"), "/a%20b/c%20d/");
        // Decoded before splitting, as signer.py does: an encoded `/` separates.
        assert_eq!(huawei_canonical_uri("/a%2Fb"), "/a/b/");
        assert_eq!(huawei_canonical_query("c=d%20e&a=b"), "a=b&c=d%20e");
    }
}
