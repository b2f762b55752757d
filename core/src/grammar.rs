//! Grammars several rules share: URLs, host names, ports, IPv4-shaped names,
//! and the character classes the providers' name rules are built from.
//!
//! Each is a plain `fn(&str) -> bool`, linear in its input, so a provider's
//! [`crate::spec::StrCheck`] can name it directly. Sources: RFC 3986 (URI
//! syntax), RFC 1123 §2.1 (host names), RFC 6335 (port range).

/// `https://` + authority + optional path/query/fragment, per RFC 3986, with
/// a DNS name, IPv4 address or bracketed IPv6 host. Linear in the input.
pub(crate) fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    is_authority(authority) && is_uri_tail(tail)
}

/// `host[:port]`, the host a DNS name (or dotted IPv4) or a bracketed IPv6 literal.
pub(crate) fn is_authority(authority: &str) -> bool {
    match authority.strip_prefix('[') {
        Some(bracketed) => match bracketed.split_once(']') {
            Some((v6, after)) if is_ipv6_literal(v6) => match after.strip_prefix(':') {
                Some(port) => is_port(port),
                None => after.is_empty(),
            },
            _ => false,
        },
        None => match authority.rsplit_once(':') {
            Some((host, port)) => is_dns_name(host) && is_port(port),
            None => is_dns_name(authority),
        },
    }
}

/// The inside of `[...]`: hex digits, `:` and `.` (the shape of an IPv6
/// address, possibly with an embedded IPv4 tail). Not empty.
pub(crate) fn is_ipv6_literal(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.')
}

/// A DNS name (RFC 1123): at most 253 characters of dot-separated labels, each
/// 1–63 letters, digits and `-`, not starting or ending with `-`. One
/// trailing dot (a fully qualified name) is allowed.
pub(crate) fn is_dns_name(host: &str) -> bool {
    let labels = host.strip_suffix('.').unwrap_or(host);
    !labels.is_empty() && host.len() <= 253 && labels.split('.').all(is_dns_label)
}

fn is_dns_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// A TCP port: 1 to 5 digits, 1–65535.
pub(crate) fn is_port(port: &str) -> bool {
    !port.is_empty()
        && port.len() <= 5
        && port.bytes().all(|b| b.is_ascii_digit())
        && port.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n))
}

/// Path, query and fragment: printable ASCII outside the RFC 3986 "unwise"
/// set, with well-formed percent escapes.
pub(crate) fn is_uri_tail(tail: &str) -> bool {
    let bytes = tail.as_bytes();
    let mut i = 0;
    while let Some(&byte) = bytes.get(i) {
        match byte {
            b'%' => {
                let hex = |j: usize| bytes.get(j).is_some_and(u8::is_ascii_hexdigit);
                if !(hex(i + 1) && hex(i + 2)) {
                    return false;
                }
                i += 3;
                continue;
            }
            b if b.is_ascii_alphanumeric() => {}
            b'-' | b'.' | b'_' | b'~' | b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+'
            | b',' | b';' | b'=' | b':' | b'@' | b'/' | b'?' | b'#' => {}
            _ => return false,
        }
        i += 1;
    }
    true
}

/// Four dot-separated groups of 1–3 digits (`192.168.5.4`): the shape that
/// S3-style bucket rules forbid, whatever the numbers.
pub(crate) fn looks_like_ipv4(s: &str) -> bool {
    let mut groups = 0;
    s.split('.').all(|group| {
        groups += 1;
        !group.is_empty() && group.len() <= 3 && group.bytes().all(|b| b.is_ascii_digit())
    }) && groups == 4
}

/// A lowercase ASCII letter or a digit.
pub(crate) fn is_lower_alnum(c: char) -> bool {
    c.is_ascii_lowercase() || c.is_ascii_digit()
}

/// Whether the first character of `s` is in `class` (false for "").
pub(crate) fn starts_with(s: &str, class: fn(char) -> bool) -> bool {
    s.chars().next().is_some_and(class)
}

/// Whether the last character of `s` is in `class` (false for "").
pub(crate) fn ends_with(s: &str, class: fn(char) -> bool) -> bool {
    s.chars().next_back().is_some_and(class)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls() {
        for ok in [
            "https://docker.io",
            "https://registry.example.com:5000/v2/",
            "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
            "https://[::1]:8443/x",
            "https://[::1]",
            "https://example.com./a?b=c#d",
            "https://x.io/a%20b",
            "https://x.io?q",
        ] {
            assert!(is_https_url(ok), "{ok}");
        }
        for bad in [
            "http://docker.io",
            "https://",
            "https://:443",
            "https://exa mple.com",
            "https://example.com:0",
            "https://example.com:65536",
            "https://example.com:80a",
            "https://example.com:",
            "https://-bad.com",
            "https://a..b",
            "https://.",
            "https://x.io/a b",
            "https://x.io/%zz",
            "https://x.io/%2",
            "https://x.io/\n",
            "https://[]/",
            "https://[::1]x",
            "https://[::g]",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }

    #[test]
    fn dns_names() {
        assert!(is_dns_name("a"));
        assert!(is_dns_name("a-b.example.com."));
        assert!(is_dns_name(&format!("{}.io", "a".repeat(63))));
        assert!(!is_dns_name(&format!("{}.io", "a".repeat(64))));
        assert!(is_dns_name(&["a"; 127].join(".")), "253 characters");
        assert!(!is_dns_name(&format!("{}.a", ["a"; 127].join("."))));
        for bad in ["", ".", "a..b", "-a", "a-", "a_b", "a.b..", "é.io"] {
            assert!(!is_dns_name(bad), "{bad:?}");
        }
    }

    #[test]
    fn ports() {
        for (port, ok) in [
            ("1", true),
            ("65535", true),
            ("0", false),
            ("65536", false),
            ("000443", false),
            ("00443", true),
            ("", false),
            ("+1", false),
        ] {
            assert_eq!(is_port(port), ok, "{port:?}");
        }
    }

    #[test]
    fn ipv4_shapes() {
        assert!(looks_like_ipv4("192.168.5.4"));
        assert!(looks_like_ipv4("999.0.0.1"), "the shape, not the value");
        for bad in ["1.2.3", "1.2.3.4.5", "1.2.3.", "1.2.3.a", "1234.1.1.1", ""] {
            assert!(!looks_like_ipv4(bad), "{bad:?}");
        }
    }

    #[test]
    fn character_classes() {
        assert!(starts_with("a-", is_lower_alnum));
        assert!(!ends_with("a-", is_lower_alnum));
        assert!(!starts_with("", is_lower_alnum));
        assert!(!is_lower_alnum('A'));
        assert!(ends_with("x9", is_lower_alnum));
    }
}
