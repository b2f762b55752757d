//! Qovery container registries.
//!
//! Source: seed 001 (OpenAPI of `POST /organization/{organizationId}/containerRegistry`)
//! and, for config keys the seed predates, the official TypeScript client
//! `qovery-typescript-axios` (npm). What depends on the registry `kind` (URL
//! rule, which config keys are required, allowed, paired) is the
//! declaration [`KIND_RULES`], read by the generic engine (`validate.rs`,
//! `schema.rs`, `docs.rs`).

use serde_json::Value;

use super::{field, matching, src, ANY_STRING, NON_EMPTY};
use crate::grammar;
use crate::issue_kind::IssueKind;
use crate::report::Code;
use crate::secret::{BEARER, TOKEN};
use crate::spec::{
    pattern, Accepts, Case, CaseWarning, CrossCheck, CrossRule, DefaultValue, Endpoint, EnumRule,
    Field, FieldRule, IntRule, Kind, Location, Method, ObjectRule, Operation, Pattern, PerValue,
    Provider, Sends, Source, StrCheck, StrRule,
};

const SEED_001: &str = "seeds/001_8587205676ad3ee8.txt";
const TS_CLIENT: &str = "qovery-typescript-axios 1.1.952 (npm), api.ts";

pub(crate) static QOVERY: Provider = Provider {
    id: "qovery",
    name: "Qovery",
    base_url: Endpoint::Fixed("https://api.qovery.com"),
    auth: "qovery_token",
    // One variable for both: an API token by default, a JWT when asked for `bearer`.
    // Seed 001, securitySchemes ApiKeyAuth and bearerAuth.
    credentials: &[
        Accepts {
            kind: &TOKEN,
            env: &[("token", "QOVERY_API_TOKEN")],
            sends: Sends::Header {
                name: "Authorization",
                prefix: "Token ",
            },
        },
        Accepts {
            kind: &BEARER,
            env: &[("token", "QOVERY_API_TOKEN")],
            sends: Sends::Header {
                name: "Authorization",
                prefix: "Bearer ",
            },
        },
    ],
};

static UUID_PATTERN: Pattern = pattern!(
    "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
    "must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6"
);

static UUID_RULE: StrRule = matching(1, 36, &UUID_PATTERN);

static HTTPS_URL_PATTERN: Pattern = pattern!(
    "^https://[!-~]+$",
    "must be an https:// URL of printable ASCII characters"
);

static URL_RULE: StrRule = StrRule {
    min_len: Some(1),
    max_len: None,
    pattern: Some(&HTTPS_URL_PATTERN),
    checks: &[
        StrCheck {
            code: Code::NotHttps,
            message: "must start with https://",
            test: |s| s.starts_with("https://"),
        },
        StrCheck {
            code: Code::InvalidUrl,
            message: "is not a valid URL: expected https://host[:port][/path]",
            test: |s| !s.starts_with("https://") || grammar::is_https_url(s),
        },
    ],
    grammar_source: None,
    repair: None,
};

static JSON_CREDENTIALS_RULE: StrRule = StrRule {
    min_len: Some(1),
    max_len: None,
    pattern: None,
    checks: &[StrCheck {
        code: Code::InvalidJson,
        message: "must hold a JSON object: the contents of the service account key file",
        // Parsed as a `Value`, then asked for an object: the same texts pass
        // as for `Map<String, Value>`, but a typed target's type-mismatch
        // error would keep core::fmt's float formatting (27 KB raw) in the wasm.
        test: |s| matches!(serde_json::from_str::<Value>(s), Ok(Value::Object(_))),
    }],
    grammar_source: None,
    repair: None,
};

static KIND_RULE: EnumRule = EnumRule {
    values: &[
        "ECR",
        "SCALEWAY_CR",
        "DOCKER_HUB",
        "GITHUB_CR",
        "GITHUB_ENTERPRISE_CR",
        "GITLAB_CR",
        "PUBLIC_ECR",
        "GENERIC_CR",
        "GCP_ARTIFACT_REGISTRY",
        "AZURE_CR",
    ],
    retired: &[(
        "DOCR",
        "DOCR (DigitalOcean) is not supported anymore by Qovery",
    )],
};

const fn config_key(name: &'static str, description: &'static str, source: Source) -> Field {
    field(
        name,
        Location::Body,
        Kind::String(&NON_EMPTY),
        description,
        source,
    )
    .optional()
}

const fn seed(location: &'static str) -> Source {
    src(SEED_001, location)
}

const fn ts(location: &'static str) -> Source {
    src(TS_CLIENT, location)
}

static GCP_CREDENTIALS_TYPE: EnumRule = EnumRule {
    values: &["workload_identity_federation"],
    retired: &[],
};

/// Every config key, in documented order (the order they are sent in): the
/// seed's twelve, then the five the current TypeScript client adds for GCP
/// Workload Identity Federation.
static CONFIG_FIELDS: [Field; 17] = [
    config_key(
        "access_key_id",
        "AWS access key ID (ECR, optional for PUBLIC_ECR)",
        seed("config.properties.access_key_id"),
    )
    .secret(),
    config_key(
        "secret_access_key",
        "AWS secret access key (ECR, optional for PUBLIC_ECR)",
        seed("config.properties.secret_access_key"),
    )
    .secret(),
    config_key(
        "region",
        "Cloud region of the registry (ECR, SCALEWAY_CR, GCP_ARTIFACT_REGISTRY)",
        seed("config.properties.region"),
    ),
    config_key(
        "scaleway_access_key",
        "Scaleway access key (SCALEWAY_CR)",
        seed("config.properties.scaleway_access_key"),
    )
    .secret(),
    config_key(
        "scaleway_secret_key",
        "Scaleway secret key (SCALEWAY_CR)",
        seed("config.properties.scaleway_secret_key"),
    )
    .secret(),
    config_key(
        "scaleway_project_id",
        "Scaleway project ID (SCALEWAY_CR)",
        seed("config.properties.scaleway_project_id"),
    ),
    field(
        "json_credentials",
        Location::Body,
        Kind::String(&JSON_CREDENTIALS_RULE),
        "GCP service account key, as the JSON text of the key file (GCP_ARTIFACT_REGISTRY)",
        seed("config.properties.json_credentials"),
    )
    .optional()
    .secret(),
    config_key(
        "username",
        "Registry username; optional, but Docker Hub rate-limits anonymous pulls",
        seed("config.properties.username"),
    ),
    config_key(
        "password",
        "Registry password or token; set together with username",
        seed("config.properties.password"),
    )
    .secret(),
    config_key(
        "role_arn",
        "For ECR, an IAM role ARN to assume instead of static access keys",
        seed("config.properties.role_arn"),
    ),
    config_key(
        "azure_tenant_id",
        "Azure tenant ID (AZURE_CR)",
        seed("config.properties.azure_tenant_id"),
    ),
    config_key(
        "azure_subscription_id",
        "Azure subscription ID (AZURE_CR)",
        seed("config.properties.azure_subscription_id"),
    ),
    field(
        "gcp_credentials_type",
        Location::Body,
        Kind::Enum(&GCP_CREDENTIALS_TYPE),
        "For GCP Artifact Registry, use Workload Identity Federation instead of a json_credentials key",
        ts("ContainerRegistryRequestConfig.gcp_credentials_type (ContainerRegistryRequestConfigGcpCredentialsTypeEnum)"),
    )
    .optional(),
    config_key(
        "project_id",
        "GCP project ID (GCP_ARTIFACT_REGISTRY with workload_identity_federation)",
        ts("ContainerRegistryRequestConfig.project_id"),
    ),
    config_key(
        "service_account_email",
        "GCP service account to impersonate (workload_identity_federation)",
        ts("ContainerRegistryRequestConfig.service_account_email"),
    ),
    config_key(
        "workload_identity_provider_resource",
        "projects/<number>/locations/global/workloadIdentityPools/<pool>/providers/<provider> (workload_identity_federation)",
        ts("ContainerRegistryRequestConfig.workload_identity_provider_resource"),
    ),
    field(
        "token_lifetime_seconds",
        Location::Body,
        Kind::Integer(IntRule {
            min: Some(1),
            max: Some(2_147_483_647),
            also: &[],
        }),
        "Lifetime of the federated token in seconds; optional (workload_identity_federation)",
        ts("ContainerRegistryRequestConfig.token_lifetime_seconds (integer, int32)"),
    )
    .optional(),
];

static CONFIG_RULE: ObjectRule = ObjectRule {
    fields: &CONFIG_FIELDS,
};

const USER_PASSWORD: &[&str] = &["username", "password"];
const URL_REQUIRED: &[(&str, FieldRule)] = &[("url", FieldRule::Required)];

/// A kind whose credentials are an optional username and password, all or none.
const fn with_user_password(
    kind: &'static str,
    fields: &'static [(&'static str, FieldRule)],
    source: Source,
) -> Case {
    Case {
        value: kind,
        fields,
        required: &[],
        all_or_none: &[USER_PASSWORD],
        exactly_one: &[],
        optional: &[],
        warnings: &[],
        source,
    }
}

/// The per-kind rules of seed 001 (`url` and `config` descriptions).
static KIND_RULES: PerValue = PerValue {
    discriminator: "kind",
    fields: &["url"],
    object: "config",
    object_fields: &CONFIG_FIELDS,
    groups_are: "credentials",
    cases: &[
        Case {
            value: "ECR",
            fields: URL_REQUIRED,
            required: &["region"],
            all_or_none: &[],
            exactly_one: &[&["access_key_id", "secret_access_key"], &["role_arn"]],
            optional: &[],
            warnings: &[],
            source: seed("config: ECR needs region, access_key_id, secret_access_key; role_arn 'instead of' static keys"),
        },
        Case {
            value: "SCALEWAY_CR",
            fields: URL_REQUIRED,
            required: &["region", "scaleway_access_key", "scaleway_secret_key", "scaleway_project_id"],
            all_or_none: &[],
            exactly_one: &[],
            optional: &[],
            warnings: &[],
            source: seed("config: SCALEWAY_CR; config.properties.scaleway_project_id 'Required if kind is SCALEWAY_CR'"),
        },
        Case {
            warnings: &[CaseWarning {
                unless_any_of: USER_PASSWORD,
                issue: |kind| IssueKind::DockerHubRateLimit { kind },
            }],
            ..with_user_password(
                "DOCKER_HUB",
                &[("url", FieldRule::FixedUrl("https://docker.io"))],
                seed("url: DOCKER_HUB must be https://docker.io; config: optional username, password"),
            )
        },
        with_user_password(
            "GITHUB_CR",
            &[("url", FieldRule::FixedUrl("https://ghcr.io"))],
            seed("url: GITHUB_CR must be https://ghcr.io; config: optional username, password"),
        ),
        with_user_password(
            "GITHUB_ENTERPRISE_CR",
            URL_REQUIRED,
            seed("url: 'For others: required, https://'; config: undocumented, treated like GITHUB_CR"),
        ),
        with_user_password(
            "GITLAB_CR",
            &[("url", FieldRule::FixedUrl("https://registry.gitlab.com"))],
            seed("url: GITLAB_CR must be https://registry.gitlab.com; config: optional username, password"),
        ),
        Case {
            value: "PUBLIC_ECR",
            fields: URL_REQUIRED,
            required: &[],
            all_or_none: &[&["access_key_id", "secret_access_key"]],
            exactly_one: &[],
            optional: &["region"],
            warnings: &[],
            source: seed("config: 'PUBLIC_ECR doesn't need credentials info' (decision: keys optional, paired)"),
        },
        with_user_password(
            "GENERIC_CR",
            URL_REQUIRED,
            seed("config: GENERIC_CR optional username, password"),
        ),
        Case {
            value: "GCP_ARTIFACT_REGISTRY",
            fields: URL_REQUIRED,
            required: &["region"],
            all_or_none: &[],
            exactly_one: &[
                &["json_credentials"],
                &["gcp_credentials_type", "project_id", "service_account_email", "workload_identity_provider_resource"],
            ],
            optional: &["token_lifetime_seconds"],
            warnings: &[],
            source: Source {
                document: TS_CLIENT,
                location: "json_credentials: 'either set a service account JSON key with json_credentials or use \
                           Workload Identity Federation with gcp_credentials_type' (seed 001: region, json_credentials)",
            },
        },
        Case {
            value: "AZURE_CR",
            fields: URL_REQUIRED,
            required: &["azure_tenant_id", "azure_subscription_id"],
            all_or_none: &[],
            exactly_one: &[],
            optional: &[],
            warnings: &[],
            source: seed("config.properties.azure_tenant_id / azure_subscription_id: 'Required if kind is AZURE_CR'"),
        },
    ],
};

pub(crate) static CONTAINER_REGISTRIES_CREATE: Operation = Operation {
    id: "qovery.container_registries.create",
    provider: &QOVERY,
    summary: "Create a container registry",
    method: Method::Post,
    path: "/organization/{organizationId}/containerRegistry",
    accept: Some("application/json"),
    fields: &[
        field(
            "organizationId",
            Location::Path,
            Kind::String(&UUID_RULE),
            "Organization ID",
            seed("components.parameters.organizationId (format: uuid)"),
        ),
        field(
            "name",
            Location::Body,
            Kind::String(&NON_EMPTY),
            "Name of the container registry",
            seed("ContainerRegistryRequest.required: name (non-empty is a regplan decision)"),
        ),
        field(
            "kind",
            Location::Body,
            Kind::Enum(&KIND_RULE),
            "The type of your container registry",
            seed("components.schemas.ContainerRegistryKindEnum"),
        ),
        field(
            "description",
            Location::Body,
            Kind::String(&ANY_STRING),
            "Description of the container registry",
            seed("ContainerRegistryRequest.properties.description"),
        )
        .optional(),
        field(
            "url",
            Location::Body,
            Kind::String(&URL_RULE),
            "URL of the container registry: https://docker.io for DOCKER_HUB, https://ghcr.io for GITHUB_CR, https://registry.gitlab.com for GITLAB_CR (each the default), otherwise required and https://",
            seed("ContainerRegistryRequest.properties.url"),
        )
        .default(DefaultValue::PerValue(&KIND_RULES)),
        field(
            "config",
            Location::Body,
            Kind::Object(&CONFIG_RULE),
            "Credentials and settings; which keys are needed depends on kind",
            seed("ContainerRegistryRequest.properties.config"),
        ),
    ],
    checks: &[CrossCheck {
        name: "per-kind url and config rules",
        rule: CrossRule::PerValue(&KIND_RULES),
        source: Source {
            document: SEED_001,
            location: "ContainerRegistryRequest.properties.url / config descriptions",
        },
    }],
    source: Source {
        document: SEED_001,
        location: "paths./organization/{organizationId}/containerRegistry.post",
    },
};

/// This provider's operations, in the order they are listed and documented.
pub(crate) static OPERATIONS: &[&Operation] = &[&CONTAINER_REGISTRIES_CREATE];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_key_is_a_config_field() {
        for case in KIND_RULES.cases {
            let keys = case.required.iter().chain(case.optional);
            for key in keys.copied().chain(case.groups().flatten().copied()) {
                assert!(
                    CONFIG_FIELDS.iter().any(|f| f.name == key),
                    "{}: {key}",
                    case.value
                );
            }
            assert!(KIND_RULE.values.contains(&case.value));
        }
        assert_eq!(KIND_RULES.cases.len(), KIND_RULE.values.len());
    }

    #[test]
    fn json_credentials_accept_exactly_the_texts_a_map_accepts() {
        let test = JSON_CREDENTIALS_RULE.checks[0].test;
        let accepted = [
            r#"{"type": "service_account"}"#,
            "{}",
            r#" {"a": [1.5, null]} "#,
            r#"{"a": 1, "a": 2}"#,
        ];
        let refused = [
            "[]",
            "1.5",
            "-0.0",
            r#""{}""#,
            "null",
            "true",
            "{",
            r#"{"a": 1} x"#,
            "{'a': 1}",
        ];
        for text in accepted {
            assert!(test(text), "{text}");
        }
        for text in refused {
            assert!(!test(text), "{text}");
        }
        for text in accepted.iter().chain(&refused) {
            let as_map = serde_json::from_str::<serde_json::Map<String, Value>>(text).is_ok();
            assert_eq!(test(text), as_map, "{text}");
        }
    }
}
