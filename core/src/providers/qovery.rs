//! Qovery container registries.
//!
//! Source: seed 001 (OpenAPI of `POST /organization/{organizationId}/containerRegistry`)
//! and, for config keys the seed predates, the official TypeScript client
//! `qovery-typescript-axios` (npm). What depends on the registry `kind` (URL
//! rule, which config keys are required, allowed, paired) is the [`KINDS`]
//! table below; [`check_kind_rules`] reads it and [`kind_rules_schema`] exports it.

use serde_json::{json, Map, Value};

use super::{field, matching, src, ANY_STRING, NON_EMPTY};
use crate::issue_kind::IssueKind;
use crate::record::{Datum, Record};
use crate::report::{Code, Issue, Pointer};
use crate::schema;
use crate::spec::{
    pattern, AuthScheme, CrossCheck, DefaultValue, Endpoint, EnumRule, EnvCredentials, Field,
    IntRule, Kind, Location, Method, ObjectRule, Operation, Pattern, Provider, Source, StrCheck,
    StrRule,
};

const SEED_001: &str = "seeds/001_8587205676ad3ee8.txt";
const TS_CLIENT: &str = "qovery-typescript-axios 1.1.952 (npm), api.ts";

pub(crate) static QOVERY: Provider = Provider {
    id: "qovery",
    name: "Qovery",
    base_url: Endpoint::Fixed("https://api.qovery.com"),
    auth: AuthScheme::QoveryToken,
    credential_env: "QOVERY_API_TOKEN (or a JWT with --bearer)",
    // One variable for both: an API token by default, a JWT when asked for `bearer`.
    env: &[
        EnvCredentials {
            kind: "token",
            required: &[("token", "QOVERY_API_TOKEN")],
            optional: &[],
        },
        EnvCredentials {
            kind: "bearer",
            required: &[("token", "QOVERY_API_TOKEN")],
            optional: &[],
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
            test: |s| !s.starts_with("https://") || is_https_url(s),
        },
    ],
    grammar_source: None,
};

static JSON_CREDENTIALS_RULE: StrRule = StrRule {
    min_len: Some(1),
    max_len: None,
    pattern: None,
    checks: &[StrCheck {
        code: Code::InvalidJson,
        message: "must hold a JSON object: the contents of the service account key file",
        test: |s| serde_json::from_str::<Map<String, Value>>(s).is_ok(),
    }],
    grammar_source: None,
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

/// What a kind requires of `url`.
#[derive(Debug)]
enum UrlRule {
    /// Must be exactly this URL; it is also the default.
    Fixed(&'static str),
    /// Required, `https://`.
    Required,
}

/// How a kind authenticates against the registry.
#[derive(Debug)]
enum Auth {
    /// No credential keys.
    None,
    /// Optionally one group of keys, all or none of them.
    Optional(&'static [&'static str]),
    /// Exactly one of these groups, complete.
    OneOf(&'static [&'static [&'static str]]),
}

/// The per-kind rules of seed 001 (`url` and `config` descriptions).
#[derive(Debug)]
struct KindRules {
    kind: &'static str,
    url: UrlRule,
    /// Config keys that must be present.
    required: &'static [&'static str],
    auth: Auth,
    /// Further config keys that may be present.
    optional: &'static [&'static str],
    source: Source,
}

impl KindRules {
    /// The credential key groups, whatever the `Auth` variant.
    fn groups(&self) -> &[&'static [&'static str]] {
        match &self.auth {
            Auth::None => &[],
            Auth::Optional(group) => std::slice::from_ref(group),
            Auth::OneOf(groups) => groups,
        }
    }

    fn auth_keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.groups().iter().flat_map(|g| g.iter().copied())
    }

    fn allows(&self, key: &str) -> bool {
        self.required.contains(&key)
            || self.optional.contains(&key)
            || self.auth_keys().any(|k| k == key)
    }

    fn allowed(&self) -> Vec<&'static str> {
        CONFIG_FIELDS
            .iter()
            .map(|f| f.name)
            .filter(|k| self.allows(k))
            .collect()
    }
}

const USER_PASSWORD: &[&str] = &["username", "password"];

static KINDS: &[KindRules] = &[
    KindRules {
        kind: "ECR",
        url: UrlRule::Required,
        required: &["region"],
        auth: Auth::OneOf(&[&["access_key_id", "secret_access_key"], &["role_arn"]]),
        optional: &[],
        source: seed("config: ECR needs region, access_key_id, secret_access_key; role_arn 'instead of' static keys"),
    },
    KindRules {
        kind: "SCALEWAY_CR",
        url: UrlRule::Required,
        required: &["region", "scaleway_access_key", "scaleway_secret_key", "scaleway_project_id"],
        auth: Auth::None,
        optional: &[],
        source: seed("config: SCALEWAY_CR; config.properties.scaleway_project_id 'Required if kind is SCALEWAY_CR'"),
    },
    KindRules {
        kind: "DOCKER_HUB",
        url: UrlRule::Fixed("https://docker.io"),
        required: &[],
        auth: Auth::Optional(USER_PASSWORD),
        optional: &[],
        source: seed("url: DOCKER_HUB must be https://docker.io; config: optional username, password"),
    },
    KindRules {
        kind: "GITHUB_CR",
        url: UrlRule::Fixed("https://ghcr.io"),
        required: &[],
        auth: Auth::Optional(USER_PASSWORD),
        optional: &[],
        source: seed("url: GITHUB_CR must be https://ghcr.io; config: optional username, password"),
    },
    KindRules {
        kind: "GITHUB_ENTERPRISE_CR",
        url: UrlRule::Required,
        required: &[],
        auth: Auth::Optional(USER_PASSWORD),
        optional: &[],
        source: seed("url: 'For others: required, https://'; config: undocumented, treated like GITHUB_CR"),
    },
    KindRules {
        kind: "GITLAB_CR",
        url: UrlRule::Fixed("https://registry.gitlab.com"),
        required: &[],
        auth: Auth::Optional(USER_PASSWORD),
        optional: &[],
        source: seed("url: GITLAB_CR must be https://registry.gitlab.com; config: optional username, password"),
    },
    KindRules {
        kind: "PUBLIC_ECR",
        url: UrlRule::Required,
        required: &[],
        auth: Auth::Optional(&["access_key_id", "secret_access_key"]),
        optional: &["region"],
        source: seed("config: 'PUBLIC_ECR doesn't need credentials info' (decision: keys optional, paired)"),
    },
    KindRules {
        kind: "GENERIC_CR",
        url: UrlRule::Required,
        required: &[],
        auth: Auth::Optional(USER_PASSWORD),
        optional: &[],
        source: seed("config: GENERIC_CR optional username, password"),
    },
    KindRules {
        kind: "GCP_ARTIFACT_REGISTRY",
        url: UrlRule::Required,
        required: &["region"],
        auth: Auth::OneOf(&[
            &["json_credentials"],
            &["gcp_credentials_type", "project_id", "service_account_email", "workload_identity_provider_resource"],
        ]),
        optional: &["token_lifetime_seconds"],
        source: Source {
            document: TS_CLIENT,
            location: "json_credentials: 'either set a service account JSON key with json_credentials or use \
                       Workload Identity Federation with gcp_credentials_type' (seed 001: region, json_credentials)",
        },
    },
    KindRules {
        kind: "AZURE_CR",
        url: UrlRule::Required,
        required: &["azure_tenant_id", "azure_subscription_id"],
        auth: Auth::None,
        optional: &[],
        source: seed("config.properties.azure_tenant_id / azure_subscription_id: 'Required if kind is AZURE_CR'"),
    },
];

/// The kinds whose `config` may hold this key and those that require it
/// (`None` for any field but a `config` key).
pub(crate) fn kinds_of_config_key(field: &Field) -> Option<(Vec<&'static str>, Vec<&'static str>)> {
    // By address: a Huawei or Gcore field may share a config key's name.
    if !CONFIG_FIELDS.iter().any(|f| std::ptr::eq(f, field)) {
        return None;
    }
    let kinds = KINDS
        .iter()
        .filter(|k| k.allows(field.name))
        .map(|k| k.kind)
        .collect();
    let required_for = KINDS
        .iter()
        .filter(|k| k.required.contains(&field.name))
        .map(|k| k.kind)
        .collect();
    Some((kinds, required_for))
}

fn rules_for(input: &Record) -> Option<&'static KindRules> {
    let kind = input.str("kind")?;
    KINDS.iter().find(|k| k.kind == kind)
}

/// `url`'s default: the fixed URL of DOCKER_HUB, GITHUB_CR and GITLAB_CR.
fn default_url(input: &Record) -> Option<&'static str> {
    match rules_for(input)?.url {
        UrlRule::Fixed(url) => Some(url),
        UrlRule::Required => None,
    }
}

fn check_kind_rules(input: &Record, errors: &mut Vec<Issue>, warnings: &mut Vec<Issue>) {
    let Some(rules) = rules_for(input) else {
        return; // a missing or unknown kind is already reported by the field table
    };
    let root = Pointer::root();
    let kind = rules.kind;
    match (&rules.url, input.get("url")) {
        (UrlRule::Required, None) => {
            errors.push(IssueKind::RequiredForKind { field: "url", kind }.at(root.key("url")));
        }
        (UrlRule::Fixed(expected), Some(Datum::Str(url)))
            if url != expected && url.starts_with("https://") =>
        {
            errors.push(IssueKind::MustEqual { expected, kind }.at(root.key("url")));
        }
        _ => {}
    }

    let Some(Datum::Object(config)) = input.get("config") else {
        return; // missing or of the wrong type: already reported by the field table
    };
    // Built only when something is reported: a valid input allocates no paths.
    let at = || Pointer::root().key("config");
    // Which config keys are set, as bits in `CONFIG_FIELDS` order: the rules
    // below ask dozens of times, and a name comparison beats a hash lookup.
    let index_of = |key: &str| CONFIG_FIELDS.iter().position(|f| f.name == key);
    let set: u32 = config
        .keys()
        .filter_map(&index_of)
        .fold(0, |bits, i| bits | 1 << i);
    let present = |key: &str| index_of(key).is_some_and(|i| set & (1 << i) != 0);

    for key in CONFIG_FIELDS
        .iter()
        .map(|f| f.name)
        .filter(|k| present(k) && !rules.allows(k))
    {
        let allowed = rules.allowed();
        errors.push(IssueKind::Forbidden { kind, allowed }.at(at().key(key)));
    }
    for key in rules.required.iter().filter(|k| !present(k)) {
        errors.push(IssueKind::RequiredForKind { field: key, kind }.at(at().key(key)));
    }
    let groups = rules.groups();
    let is_touched = |g: &&&[&str]| g.iter().any(|k| present(k));
    for group in groups.iter().filter(is_touched) {
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
    if let Auth::OneOf(groups) = &rules.auth {
        let one_of = *groups;
        let mut touched = groups.iter().filter(is_touched);
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
    if kind == "DOCKER_HUB" && !present("username") && !present("password") {
        warnings.push(IssueKind::DockerHubRateLimit { kind }.at(at()));
    }
}

/// One `if kind = K then …` branch per kind. The branch declares the kind's
/// own `config` properties (a form generator shows exactly those) and closes
/// the object; "exactly one credential group" is said with `not` alone (no
/// `oneOf`/`anyOf`, which generators render as pickers): some key of some
/// group is present, and no two keys of different groups are.
fn kind_rules_schema() -> Vec<Value> {
    KINDS
        .iter()
        .map(|rules| {
            let mut then = Map::new();
            let mut config = Map::new();
            config.insert("type".into(), json!("object"));
            config.insert("title".into(), json!(schema::label("config")));
            config.insert("x-source".into(), json!(schema::source_text(&rules.source)));
            let properties: Map<String, Value> = CONFIG_FIELDS
                .iter()
                .filter(|f| rules.allows(f.name))
                .map(|f| (f.name.to_owned(), schema::field_schema(f)))
                .collect();
            config.insert("properties".into(), Value::Object(properties));
            config.insert("required".into(), json!(rules.required));
            config.insert("additionalProperties".into(), json!(false));
            let groups = rules.groups();
            let mut dependent = Map::new();
            for group in groups {
                for key in *group {
                    let others: Vec<&str> = group.iter().copied().filter(|k| k != key).collect();
                    if !others.is_empty() {
                        dependent.insert((*key).into(), json!(others));
                    }
                }
            }
            if !dependent.is_empty() {
                config.insert("dependentRequired".into(), Value::Object(dependent));
            }
            if let Auth::OneOf(groups) = &rules.auth {
                let all_absent: Map<String, Value> = groups
                    .iter()
                    .flat_map(|g| g.iter())
                    .map(|k| ((*k).to_owned(), json!(false)))
                    .collect();
                let mut exactly_one = vec![json!({"not": {"properties": all_absent}})];
                for (i, first) in groups.iter().enumerate() {
                    for later in groups.iter().skip(i + 1) {
                        for a in *first {
                            for b in *later {
                                exactly_one.push(json!({"not": {"required": [a, b]}}));
                            }
                        }
                    }
                }
                config.insert("allOf".into(), Value::Array(exactly_one));
            }
            let mut properties = Map::new();
            properties.insert("config".into(), Value::Object(config));
            match rules.url {
                UrlRule::Fixed(url) => {
                    properties.insert("url".into(), json!({"const": url}));
                }
                UrlRule::Required => {
                    // Restated so that strict ajv sees `url` declared where it is required.
                    properties.insert("url".into(), json!({"type": "string"}));
                    then.insert("required".into(), json!(["url"]));
                }
            }
            then.insert("properties".into(), Value::Object(properties));
            json!({
                "if": {"properties": {"kind": {"const": rules.kind}}, "required": ["kind"]},
                "then": then,
                "x-source": schema::source_text(&rules.source),
            })
        })
        .collect()
}

fn kind_rules_table() -> String {
    let mut out = String::from(
        "| kind | url | required config | credentials | also allowed | source |\n| --- | --- | --- | --- | --- | --- |\n",
    );
    let list = |keys: &[&str]| {
        if keys.is_empty() {
            "—".to_owned()
        } else {
            keys.iter()
                .map(|k| format!("`{k}`"))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    for rules in KINDS {
        let url = match rules.url {
            UrlRule::Fixed(url) => format!("must be {url} (default)"),
            UrlRule::Required => "required, https://".to_owned(),
        };
        let credentials = match &rules.auth {
            Auth::None => "—".to_owned(),
            Auth::Optional(group) => format!("optional, all or none: {}", list(group)),
            Auth::OneOf(groups) => format!(
                "exactly one of: {}",
                groups
                    .iter()
                    .map(|g| format!("({})", list(g)))
                    .collect::<Vec<_>>()
                    .join(" or ")
            ),
        };
        out.push_str(&format!(
            "| {} | {url} | {} | {credentials} | {} | {} — {} |\n",
            rules.kind,
            list(rules.required),
            list(rules.optional),
            rules.source.document,
            rules.source.location.replace('|', "\\|"),
        ));
    }
    out.push_str(
        "| DOCR | — | — | — | — | seed 001: `DOCR` is not supported anymore (`kind_not_supported`) |\n\n\
         Keys of other kinds are `forbidden`; Docker Hub without username/password adds the warning `docker_hub_rate_limit`.\n",
    );
    out
}

/// `https://` + authority + optional path/query/fragment, per RFC 3986, with
/// a DNS name, IPv4 address or bracketed IPv6 host. Linear in the input.
fn is_https_url(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("https://") else {
        return false;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    let (host, port) = match authority.strip_prefix('[') {
        Some(bracketed) => match bracketed.split_once(']') {
            Some((v6, after))
                if !v6.is_empty()
                    && v6
                        .chars()
                        .all(|c| c.is_ascii_hexdigit() || c == ':' || c == '.') =>
            {
                (
                    v6,
                    after
                        .strip_prefix(':')
                        .map(Some)
                        .unwrap_or(if after.is_empty() { None } else { Some("") }),
                )
            }
            _ => return false,
        },
        None => match authority.rsplit_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    let host_ok = authority.starts_with('[')
        || (!host.is_empty()
            && host.len() <= 253
            && host.split('.').enumerate().all(|(i, label)| {
                // A trailing dot (fully qualified name) leaves one empty last label.
                (label.is_empty()
                    && i > 0
                    && host.ends_with('.')
                    && i == host.split('.').count() - 1)
                    || (!label.is_empty()
                        && label.len() <= 63
                        && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
                        && !label.starts_with('-')
                        && !label.ends_with('-'))
            }));
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && p.len() <= 5
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| (1..=65535).contains(&n))
    });
    host_ok && port_ok && tail_ok(tail)
}

/// Path, query and fragment: printable ASCII outside the RFC 3986 "unwise"
/// set, with well-formed percent escapes.
fn tail_ok(tail: &str) -> bool {
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

pub(crate) static CONTAINER_REGISTRIES_CREATE: Operation = Operation {
    id: "qovery.container_registries.create",
    provider: &QOVERY,
    summary: "Create a container registry",
    method: Method::Post,
    path: "/organization/{organizationId}/containerRegistry",
    accept: "application/json",
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
        .default(DefaultValue::Derived(default_url)),
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
        validate: check_kind_rules,
        schema: kind_rules_schema,
        table: kind_rules_table,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_urls_parse() {
        for ok in [
            "https://docker.io",
            "https://registry.example.com:5000/v2/",
            "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
            "https://[::1]:8443/x",
            "https://example.com./a?b=c#d",
            "https://x.io/a%20b",
        ] {
            assert!(is_https_url(ok), "{ok}");
        }
        for bad in [
            "https://",
            "https://:443",
            "https://exa mple.com",
            "https://example.com:0",
            "https://example.com:65536",
            "https://example.com:80a",
            "https://-bad.com",
            "https://a..b",
            "https://x.io/a b",
            "https://x.io/%zz",
            "https://x.io/\n",
            "https://[]/",
        ] {
            assert!(!is_https_url(bad), "{bad}");
        }
    }

    #[test]
    fn every_kind_key_is_a_config_field() {
        for rules in KINDS {
            for key in rules
                .required
                .iter()
                .chain(rules.optional)
                .copied()
                .chain(rules.auth_keys())
            {
                assert!(
                    CONFIG_FIELDS.iter().any(|f| f.name == key),
                    "{}: {key}",
                    rules.kind
                );
            }
            assert!(KIND_RULE.values.contains(&rules.kind));
        }
        assert_eq!(KINDS.len(), KIND_RULE.values.len());
    }
}
