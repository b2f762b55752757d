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

/// A credential type: its `type` tag in JSON and its members. Every type is
/// declared once, here; providers name the ones they accept
/// ([`crate::spec::Provider::credentials`]).
#[derive(Debug, PartialEq, Eq)]
pub struct CredentialType {
    /// The `type` tag (`api_key`, `access_key`, ...).
    pub name: &'static str,
    /// Members that must be present.
    pub required: &'static [&'static str],
    /// Members that may be present.
    pub optional: &'static [&'static str],
}

/// `{"type": "api_key", "api_key": ...}`.
pub(crate) static API_KEY: CredentialType = CredentialType {
    name: "api_key",
    required: &["api_key"],
    optional: &[],
};
/// `{"type": "token", "token": ...}`.
pub(crate) static TOKEN: CredentialType = CredentialType {
    name: "token",
    required: &["token"],
    optional: &[],
};
/// `{"type": "bearer", "token": ...}`.
pub(crate) static BEARER: CredentialType = CredentialType {
    name: "bearer",
    required: &["token"],
    optional: &[],
};
/// `{"type": "access_key", "access_key": ..., "secret_key": ..., "project_id"?: ...}`.
pub(crate) static ACCESS_KEY: CredentialType = CredentialType {
    name: "access_key",
    required: &["access_key", "secret_key"],
    optional: &["project_id"],
};
/// `{"type": "iam_token", "token": ...}`.
pub(crate) static IAM_TOKEN: CredentialType = CredentialType {
    name: "iam_token",
    required: &["token"],
    optional: &[],
};

/// Every credential type, in the order of [`Credentials`]' variants.
pub static CREDENTIAL_TYPES: &[&CredentialType] =
    &[&API_KEY, &TOKEN, &BEARER, &ACCESS_KEY, &IAM_TOKEN];

impl Credentials {
    /// Credentials for `provider` from environment variables, as the
    /// provider's [`crate::spec::Accepts`] declarations name them: the first
    /// type whose required variables are all set (non-empty), or the type
    /// `kind` when given. The core reads no environment: `lookup` does
    /// (`|name| std::env::var(name).ok()`). `None` when nothing is set.
    ///
    /// # Errors
    /// [`crate::Error::InvalidOption`] when `kind` is not a type the provider
    /// takes from the environment.
    pub fn from_env(
        provider: &crate::Provider,
        kind: Option<&str>,
        lookup: impl Fn(&str) -> Option<String>,
    ) -> Result<Option<Credentials>, crate::Error> {
        if let Some(kind) = kind {
            if !provider.credentials.iter().any(|e| e.kind.name == kind) {
                return Err(crate::Error::InvalidOption {
                    option: "credentials",
                    reason: format!(
                        "{} takes {} from the environment",
                        provider.id,
                        provider.accepted().join(" or ")
                    ),
                });
            }
        }
        let read = |var: &str| lookup(var).filter(|v| !v.is_empty());
        for entry in provider
            .credentials
            .iter()
            .filter(|e| kind.is_none_or(|k| e.kind.name == k))
        {
            let mut members = serde_json::Map::new();
            members.insert("type".to_owned(), entry.kind.name.into());
            let all_set = entry.required().all(|(member, var)| match read(var) {
                Some(value) => members.insert(member.to_owned(), value.into()).is_none(),
                None => false,
            });
            if !all_set {
                continue;
            }
            for (member, var) in entry.optional() {
                if let Some(value) = read(var) {
                    members.insert(member.to_owned(), value.into());
                }
            }
            return crate::interop::credentials(&serde_json::Value::Object(members)).map(Some);
        }
        Ok(None)
    }

    /// The `type` tag, as in JSON.
    #[must_use]
    pub fn kind(&self) -> &'static str {
        self.credential_type().name
    }

    /// The declaration of this credential's type.
    #[must_use]
    pub fn credential_type(&self) -> &'static CredentialType {
        match self {
            Credentials::ApiKey { .. } => &API_KEY,
            Credentials::Token { .. } => &TOKEN,
            Credentials::Bearer { .. } => &BEARER,
            Credentials::AccessKey { .. } => &ACCESS_KEY,
            Credentials::IamToken { .. } => &IAM_TOKEN,
        }
    }

    /// The secret that is sent (a key or token) or, for an access key, signs.
    pub(crate) fn secret(&self) -> &Secret {
        match self {
            Credentials::ApiKey { api_key: secret }
            | Credentials::Token { token: secret }
            | Credentials::Bearer { token: secret }
            | Credentials::IamToken { token: secret }
            | Credentials::AccessKey {
                secret_key: secret, ..
            } => secret,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_come_from_the_providers_env_table() {
        let huawei = crate::operation("huawei_swr.namespaces.create")
            .unwrap()
            .provider;
        let env = |vars: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                vars.iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        let both = env(&[
            ("HUAWEICLOUD_SDK_AK", "AK"),
            ("HUAWEICLOUD_SDK_SK", "SK"),
            ("HUAWEICLOUD_SDK_PROJECT_ID", "p1"),
            ("HUAWEICLOUD_SDK_IAM_TOKEN", "tok"),
        ]);
        assert_eq!(
            Credentials::from_env(huawei, None, both).unwrap(),
            Some(Credentials::AccessKey {
                access_key: "AK".into(),
                secret_key: Secret::new("SK"),
                project_id: Some("p1".into()),
            })
        );
        assert_eq!(
            Credentials::from_env(huawei, Some("iam_token"), both).unwrap(),
            Some(Credentials::IamToken {
                token: Secret::new("tok")
            })
        );
        let token_only = env(&[
            ("HUAWEICLOUD_SDK_AK", ""),
            ("HUAWEICLOUD_SDK_IAM_TOKEN", "tok"),
        ]);
        assert_eq!(
            Credentials::from_env(huawei, None, token_only).unwrap(),
            Some(Credentials::IamToken {
                token: Secret::new("tok")
            })
        );
        assert_eq!(Credentials::from_env(huawei, None, env(&[])).unwrap(), None);
        let error = Credentials::from_env(huawei, Some("api_key"), env(&[])).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid option `credentials`: huawei_swr takes access_key or iam_token from the environment"
        );
    }

    #[test]
    fn every_type_is_parsed_as_itself() {
        let mut names = std::collections::BTreeSet::new();
        for declared in CREDENTIAL_TYPES {
            assert!(names.insert(declared.name), "{} twice", declared.name);
            let mut members = serde_json::Map::new();
            members.insert("type".into(), declared.name.into());
            for member in declared.required.iter().chain(declared.optional) {
                members.insert((*member).into(), "x".into());
            }
            let parsed = crate::interop::credentials(&members.into()).unwrap();
            assert!(std::ptr::eq(parsed.credential_type(), *declared));
            assert_eq!(parsed.kind(), declared.name);
            assert_eq!(parsed.secret().expose(), "x");
        }
    }

    #[test]
    fn credentials_from_env_takes_an_operation_or_a_provider() {
        let env = |name: &str| match name {
            "QOVERY_API_TOKEN" => Some("qt".to_owned()),
            "NCLOUD_ACCESS_KEY" => Some("AK".to_owned()),
            _ => None,
        };
        let token = Some(Credentials::Token {
            token: Secret::new("qt"),
        });
        assert_eq!(crate::credentials_from_env("qovery", env).unwrap(), token);
        assert_eq!(
            crate::credentials_from_env("qovery.container_registries.create", env).unwrap(),
            token
        );
        // NCLOUD_SECRET_KEY is not set: the one declared type is incomplete.
        assert_eq!(
            crate::credentials_from_env("ncloud.registries.create", env).unwrap(),
            None
        );
        let unknown = crate::credentials_from_env("gcor", env).unwrap_err();
        assert!(
            matches!(unknown, crate::Error::UnknownOperation { .. }),
            "{unknown}"
        );
    }

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
