//! Credentials and the secret wrapper that keeps them out of every rendering.

use serde::{Deserialize, Deserializer};
use std::fmt;

/// The mask shown instead of a secret.
pub const MASK: &str = "***";

/// A secret string: `Debug` and `Display` print `***`; only
/// [`Secret::expose`] gives the value, so every leak is a visible call.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    /// Wraps a secret value.
    #[must_use]
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The secret itself. Call only where the value must be sent.
    #[must_use]
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({MASK})")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MASK)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Secret)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret(value.to_owned())
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret(value)
    }
}

/// Credentials for one request, tagged by `type` in JSON:
/// `{"type": "api_key", "api_key": "..."}`.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
#[non_exhaustive]
pub enum Credentials {
    /// A Gcore permanent API token, sent as `Authorization: APIKey <key>`.
    ApiKey {
        /// The key.
        api_key: Secret,
    },
    /// A Qovery API token (machine to machine), sent as `Authorization: Token <token>`.
    Token {
        /// The token.
        token: Secret,
    },
    /// A JWT (Qovery console / OIDC), sent as `Authorization: Bearer <jwt>`.
    Bearer {
        /// The JWT.
        token: Secret,
    },
    /// An access key pair that signs each request: NAVER Cloud (API Gateway
    /// signature v2) and Huawei Cloud (AK/SK, `SDK-HMAC-SHA256`).
    AccessKey {
        /// The access key id, sent in clear.
        access_key: String,
        /// The secret key; only its HMAC signatures are sent.
        secret_key: Secret,
        /// Huawei only: the project id, sent as `X-Project-Id` and signed.
        #[serde(default)]
        project_id: Option<String>,
    },
    /// A Huawei Cloud IAM token, sent as `X-Auth-Token`.
    IamToken {
        /// The token.
        token: Secret,
    },
}

impl Credentials {
    /// Each credential type (`type` in JSON) with its required and optional members.
    pub const MEMBERS: &'static [(
        &'static str,
        &'static [&'static str],
        &'static [&'static str],
    )] = &[
        ("api_key", &["api_key"], &[]),
        ("token", &["token"], &[]),
        ("bearer", &["token"], &[]),
        ("access_key", &["access_key", "secret_key"], &["project_id"]),
        ("iam_token", &["token"], &[]),
    ];

    /// The `type` tag, as in JSON.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        match self {
            Credentials::ApiKey { .. } => "api_key",
            Credentials::Token { .. } => "token",
            Credentials::Bearer { .. } => "bearer",
            Credentials::AccessKey { .. } => "access_key",
            Credentials::IamToken { .. } => "iam_token",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let credentials = Credentials::AccessKey {
            access_key: "AK".into(),
            secret_key: Secret::new("hunter2-key"),
            project_id: None,
        };
        let shown = format!("{credentials:?} {:?}", Secret::new("hunter2-key"));
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains(MASK));
    }
}
