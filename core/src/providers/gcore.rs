//! Gcore Cloud Container Registry.
//!
//! Sources: seed 000 (OpenAPI of create registry), seed 003 (managing
//! registries over REST) and the official `gcore` Python SDK 0.59.0
//! (`gcore/resources/cloud/registries/`), whose paths, parameter names and
//! docstrings fill in what the seeds leave out. Repository, tag and digest
//! grammars come from the OCI specifications the registry implements.

use super::{at_least, field, rule, src, NON_EMPTY};
use crate::grammar::{ends_with, is_lower_alnum, starts_with};
use crate::secret::API_KEY;
use crate::spec::{
    pattern, Accepts, ArrayRule, DefaultValue, Endpoint, Field, IntRule, Kind, Location, Method,
    ObjectRule, Operation, Pattern, Provider, Sends, Source, StrRule,
};

const SEED_000: &str = "seeds/000_2d52757c5edddc0b.txt";
const SEED_003: &str = "seeds/003_2fb84edb9700016b.txt";
const SDK: &str = "gcore 0.59.0 (PyPI)";
const OCI_DISTRIBUTION: &str = "OCI distribution-spec v1.1, spec.md";
const OCI_IMAGE: &str = "OCI image-spec v1.1, descriptor.md";

pub(crate) static GCORE: Provider = Provider {
    id: "gcore",
    name: "Gcore Cloud Container Registry",
    base_url: Endpoint::Fixed("https://api.gcore.com"),
    auth: "gcore_api_key",
    // Seed 003 (every curl example) and the gcore SDK send `APIKey`; seed 000
    // writes `apikey`. Auth schemes are case-insensitive (RFC 9110 §11.1).
    credentials: &[Accepts {
        kind: &API_KEY,
        env: &[("api_key", "GCORE_API_KEY")],
        sends: Sends::Header {
            name: "Authorization",
            prefix: "APIKey ",
        },
    }],
};

// ---- path and query parameters -------------------------------------------

const PROJECT_ID: Field = field(
    "project_id",
    Location::Path,
    at_least(1),
    "Project ID",
    src(
        SEED_000,
        "paths./cloud/v1/registries/{project_id}/{region_id}.post.parameters[project_id]",
    ),
);

const REGION_ID: Field = field(
    "region_id",
    Location::Path,
    at_least(1),
    "Region ID",
    src(
        SEED_000,
        "paths./cloud/v1/registries/{project_id}/{region_id}.post.parameters[region_id]",
    ),
);

const REGISTRY_ID: Field = field(
    "registry_id",
    Location::Path,
    at_least(1),
    "The numeric ID of an existing container registry",
    src(
        SEED_003,
        "REST API: REGISTRY_ID is the numeric ID of an existing container registry",
    ),
);

const USER_ID: Field = field(
    "user_id",
    Location::Path,
    at_least(1),
    "Registry user ID",
    src(SDK, "resources/cloud/registries/users.py: user_id: int"),
);

static REPOSITORY_NAME_PATTERN: Pattern = pattern!(
    r"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$",
    "must be an OCI repository name such as library/nginx"
);

static REPOSITORY_NAME_RULE: StrRule = StrRule {
    min_len: Some(1),
    max_len: Some(255),
    pattern: Some(&REPOSITORY_NAME_PATTERN),
    checks: &[
        rule(
            "may contain only lowercase letters, digits, periods, underscores, hyphens and slashes (pass a/b as is: regplan encodes it)",
            |s| s.chars().all(|c| is_lower_alnum(c) || matches!(c, '.' | '_' | '-' | '/')),
        ),
        rule("each part between slashes must start and end with a lowercase letter or digit", |s| {
            s.split('/').all(|part| starts_with(part, is_lower_alnum) && ends_with(part, is_lower_alnum))
        }),
        rule(
            "separators must be one period, one or two underscores, or a run of hyphens, never mixed or next to each other",
            separators_are_oci,
        ),
    ],
    grammar_source: None,
    repair: Some(&crate::repair::OCI_REPOSITORY_NAME),
};

/// Every run of separators is `.`, `_`, `__` or `-+` (other characters are
/// left to the character check, so one mistake gives one message).
fn separators_are_oci(s: &str) -> bool {
    s.split(|c: char| !matches!(c, '.' | '_' | '-'))
        .filter(|run| !run.is_empty())
        .all(|run| matches!(run, "." | "_" | "__") || run.bytes().all(|b| b == b'-'))
}

const REPOSITORY_NAME: Field = field(
    "repository_name",
    // Gcore's docstring: "If it contains a slash, encode it with URL encoding,
    // e.g. a/b -> a%252Fb" (Harbor's rule). The caller passes `a/b`.
    Location::Path,
    Kind::String(&REPOSITORY_NAME_RULE),
    "Repository name, e.g. `nginx` or `library/nginx`",
    src(
        SDK,
        "repositories.py delete(): repository_name docstring; grammar from OCI distribution-spec 'name'",
    ),
)
.double_encoded();

static DIGEST_PATTERN: Pattern = pattern!(
    "^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$",
    "must be a digest such as sha256: followed by 64 lowercase hex digits"
);

static DIGEST_RULE: StrRule = StrRule {
    min_len: Some(1),
    max_len: Some(135),
    pattern: Some(&DIGEST_PATTERN),
    checks: &[
        rule(
            "must be algorithm:hex, for example sha256: followed by 64 hex digits",
            |s| s.contains(':'),
        ),
        rule("the algorithm must be sha256 or sha512", |s| {
            s.split_once(':')
                .is_none_or(|(algorithm, _)| matches!(algorithm, "sha256" | "sha512"))
        }),
        rule(
            "the part after the colon must be lowercase hexadecimal (0-9, a-f)",
            |s| {
                s.split_once(':').is_none_or(|(_, hex)| {
                    hex.bytes()
                        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
                })
            },
        ),
        rule(
            "a sha256 digest has 64 hex digits, a sha512 digest 128",
            |s| match s.split_once(':') {
                Some(("sha256", hex)) => hex.len() == 64,
                Some(("sha512", hex)) => hex.len() == 128,
                _ => true,
            },
        ),
    ],
    grammar_source: None,
    repair: None,
};

const DIGEST: Field = field(
    "digest",
    Location::Path,
    Kind::String(&DIGEST_RULE),
    "Artifact digest, from List artifacts",
    src(
        OCI_IMAGE,
        "Digests: registered algorithms sha256 ([a-f0-9]{64}) and sha512 ([a-f0-9]{128})",
    ),
);

static TAG_PATTERN: Pattern = pattern!(
    "^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$",
    "must be an OCI tag such as latest or v1.0"
);

static TAG_RULE: StrRule = StrRule {
    min_len: Some(1),
    max_len: Some(128),
    pattern: Some(&TAG_PATTERN),
    checks: &[
        rule("must start with a letter, digit or underscore", |s| {
            starts_with(s, |c| c.is_ascii_alphanumeric() || c == '_')
        }),
        rule(
            "may contain only letters, digits, underscores, periods and hyphens",
            |s| {
                s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
            },
        ),
    ],
    grammar_source: None,
    repair: Some(&crate::repair::OCI_TAG),
};

const TAG_NAME: Field = field(
    "tag_name",
    Location::Path,
    Kind::String(&TAG_RULE),
    "Tag name, from the `tags` of List artifacts",
    src(OCI_DISTRIBUTION, "Pulling manifests: <reference> as a tag"),
);

const LIMIT: Field = field(
    "limit",
    Location::Query,
    at_least(1),
    "Optional. Limit the number of returned items",
    src(
        SDK,
        "list(): limit docstring; minimum 1 is a regplan decision",
    ),
)
.optional();

const OFFSET: Field = field(
    "offset",
    Location::Query,
    at_least(0),
    "Optional. Offset value is used to exclude the first set of records from the result",
    src(
        SDK,
        "list(): offset docstring; minimum 0 is a regplan decision",
    ),
)
.optional();

// ---- body fields ---------------------------------------------------------

static REGISTRY_NAME_PATTERN: Pattern = pattern!(
    "^[a-z][-a-z0-9]{0,22}[a-z0-9]$",
    "must be lowercase letters, digits and hyphens, starting with a letter"
);

static REGISTRY_NAME_RULE: StrRule = StrRule {
    min_len: Some(2),
    max_len: Some(24),
    pattern: Some(&REGISTRY_NAME_PATTERN),
    checks: &[
        rule("must start with a lowercase letter", |s| {
            starts_with(s, |c| c.is_ascii_lowercase())
        }),
        rule(
            "may contain only lowercase letters, digits and hyphens",
            |s| s.chars().all(|c| is_lower_alnum(c) || c == '-'),
        ),
        rule("must end with a lowercase letter or digit", |s| {
            ends_with(s, is_lower_alnum)
        }),
    ],
    grammar_source: None,
    repair: Some(&crate::repair::GCORE_REGISTRY_NAME),
};

const REGISTRY_NAME: Field = field(
    "name",
    Location::Body,
    Kind::String(&REGISTRY_NAME_RULE),
    "A name for the container registry. Should be in lowercase, consisting only of numbers, letters and -, with maximum length of 24 characters",
    src(SEED_000, "components.schemas.RegistryCreateSerializer.properties.name (pattern)"),
);

const STORAGE_LIMIT_KIND: Kind = Kind::Integer(IntRule {
    min: Some(1),
    max: Some(1000),
    also: &[],
});

const STORAGE_LIMIT: Field = field(
    "storage_limit",
    Location::Body,
    STORAGE_LIMIT_KIND,
    "Registry storage limit, GiB",
    src(
        SEED_000,
        "components.schemas.RegistryCreateSerializer.properties.storage_limit (1..1000, default 5)",
    ),
);

static USER_NAME_PATTERN: Pattern =
    pattern!("^[a-z0-9]{1,16}$", "must be lowercase letters and digits");

static USER_NAME_RULE: StrRule = StrRule {
    min_len: Some(1),
    max_len: Some(16),
    pattern: Some(&USER_NAME_PATTERN),
    checks: &[rule("may contain only lowercase letters and digits", |s| {
        s.chars().all(is_lower_alnum)
    })],
    grammar_source: None,
    repair: Some(&crate::repair::GCORE_USER_NAME),
};

const USER_NAME: Field = field(
    "name",
    Location::Body,
    Kind::String(&USER_NAME_RULE),
    "A name for the registry user. Should be in lowercase, consisting only of numbers and letters, with maximum length of 16 characters",
    src(SDK, "types/cloud/registries/user_create_params.py: name docstring"),
);

const DURATION: Field = field(
    "duration",
    Location::Body,
    Kind::Integer(IntRule {
        min: Some(1),
        max: None,
        also: &[-1],
    }),
    "User account operating time, days; -1 for indefinite access",
    src(SEED_003, "Change user permissions: duration, 'Credential lifetime in days; -1 for indefinite access'"),
);

const READ_ONLY: Field = field(
    "read_only",
    Location::Body,
    Kind::Boolean,
    "Read-only user: true = pull only; false = push and pull",
    src(SEED_003, "Change user permissions: read_only"),
)
.optional();

const USER_SECRET: Field = field(
    "secret",
    Location::Body,
    Kind::String(&NON_EMPTY),
    "User secret (password); generated by Gcore when omitted",
    src(
        SDK,
        "types/cloud/registries/user_create_params.py: secret docstring",
    ),
)
.optional()
.secret();

static USER_FIELDS: [Field; 4] = [DURATION, USER_NAME, READ_ONLY, USER_SECRET];

static USER_OBJECT: ObjectRule = ObjectRule {
    fields: &USER_FIELDS,
};

static USERS_RULE: ArrayRule = ArrayRule {
    items: Kind::Object(&USER_OBJECT),
    min_items: Some(1),
    max_items: None,
};

// ---- operations ----------------------------------------------------------

const REGISTRIES: &str = "/cloud/v1/registries/{project_id}/{region_id}";

const fn sdk(location: &'static str) -> Source {
    src(SDK, location)
}

const fn op(
    id: &'static str,
    summary: &'static str,
    method: Method,
    path: &'static str,
    fields: &'static [Field],
    source: Source,
) -> Operation {
    Operation {
        id,
        provider: &GCORE,
        summary,
        method,
        path,
        // The SDK sends `*/*` for the calls that answer 204 No Content.
        accept: if matches!(method, Method::Delete) {
            Some("*/*")
        } else {
            Some("application/json")
        },
        fields,
        checks: &[],
        source,
    }
}

pub(crate) static REGISTRIES_LIST: Operation = op(
    "gcore.registries.list",
    "List all container registries in the specified project and region.",
    Method::Get,
    REGISTRIES,
    &[PROJECT_ID, REGION_ID, LIMIT, OFFSET],
    sdk("resources/cloud/registries/registries.py: list()"),
);

pub(crate) static REGISTRIES_CREATE: Operation = op(
    "gcore.registries.create",
    "Create a new container registry with the specified configuration.",
    Method::Post,
    REGISTRIES,
    &[
        PROJECT_ID,
        REGION_ID,
        REGISTRY_NAME,
        STORAGE_LIMIT.default(DefaultValue::Integer(5)),
    ],
    src(
        SEED_000,
        "paths./cloud/v1/registries/{project_id}/{region_id}.post",
    ),
);

pub(crate) static REGISTRIES_GET: Operation = op(
    "gcore.registries.get",
    "Get detailed information about a specific container registry.",
    Method::Get,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID],
    sdk("resources/cloud/registries/registries.py: get()"),
);

pub(crate) static REGISTRIES_DELETE: Operation = op(
    "gcore.registries.delete",
    "Delete a specific container registry and all its associated resources.",
    Method::Delete,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID],
    src(SEED_003, "Delete a registry"),
);

pub(crate) static REGISTRIES_RESIZE: Operation = op(
    "gcore.registries.resize",
    "Update the size of a container registry.",
    Method::Patch,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/resize",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID, STORAGE_LIMIT],
    src(SEED_003, "Resize storage limit"),
);

pub(crate) static REPOSITORIES_LIST: Operation = op(
    "gcore.repositories.list",
    "List all repositories in the container registry.",
    Method::Get,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/repositories",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID, LIMIT, OFFSET],
    src(SEED_003, "List repositories"),
);

pub(crate) static REPOSITORIES_DELETE: Operation = op(
    "gcore.repositories.delete",
    "Delete a specific repository from the container registry.",
    Method::Delete,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/repositories/{repository_name}",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID, REPOSITORY_NAME],
    src(SEED_003, "Delete a repository"),
);

pub(crate) static ARTIFACTS_LIST: Operation = op(
    "gcore.artifacts.list",
    "List all artifacts in a specific repository.",
    Method::Get,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/repositories/{repository_name}/artifacts",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID, REPOSITORY_NAME, LIMIT, OFFSET],
    src(SEED_003, "List artifacts in a repository"),
);

pub(crate) static ARTIFACTS_DELETE: Operation = op(
    "gcore.artifacts.delete",
    "Delete a specific artifact from a repository.",
    Method::Delete,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/repositories/{repository_name}/artifacts/{digest}",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID, REPOSITORY_NAME, DIGEST],
    src(SEED_003, "Delete an artifact"),
);

pub(crate) static TAGS_DELETE: Operation = op(
    "gcore.tags.delete",
    "Delete a specific tag from an artifact.",
    Method::Delete,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/repositories/{repository_name}/artifacts/{digest}/tags/{tag_name}",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID, REPOSITORY_NAME, DIGEST, TAG_NAME],
    src(SEED_003, "Delete a tag"),
);

pub(crate) static USERS_LIST: Operation = op(
    "gcore.users.list",
    "List all users with access to the container registry.",
    Method::Get,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/users",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID, LIMIT, OFFSET],
    sdk("resources/cloud/registries/users.py: list()"),
);

pub(crate) static USERS_CREATE: Operation = op(
    "gcore.users.create",
    "Create a new user for accessing the container registry.",
    Method::Post,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/users",
    &[
        PROJECT_ID,
        REGION_ID,
        REGISTRY_ID,
        DURATION,
        USER_NAME,
        READ_ONLY,
        USER_SECRET,
    ],
    sdk("resources/cloud/registries/users.py: create()"),
);

pub(crate) static USERS_CREATE_MULTIPLE: Operation = op(
    "gcore.users.create_multiple",
    "Create multiple users for accessing the container registry in a single request.",
    Method::Post,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/users/batch",
    &[
        PROJECT_ID,
        REGION_ID,
        REGISTRY_ID,
        field(
            "users",
            Location::Body,
            Kind::Array(&USERS_RULE),
            "Set of users",
            sdk("types/cloud/registries/user_create_multiple_params.py: users"),
        ),
    ],
    sdk("resources/cloud/registries/users.py: create_multiple()"),
);

pub(crate) static USERS_UPDATE: Operation = op(
    "gcore.users.update",
    "Update the configuration of a specific registry user.",
    Method::Patch,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/users/{user_id}",
    &[
        PROJECT_ID,
        REGION_ID,
        REGISTRY_ID,
        USER_ID,
        DURATION,
        READ_ONLY,
    ],
    src(SEED_003, "Change user permissions"),
);

pub(crate) static USERS_REFRESH_SECRET: Operation = op(
    "gcore.users.refresh_secret",
    "Generate a new secret for a specific registry user.",
    Method::Post,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/users/{user_id}/refresh_secret",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID, USER_ID],
    src(SEED_003, "Regenerate user password"),
);

pub(crate) static USERS_DELETE: Operation = op(
    "gcore.users.delete",
    "Delete a specific user from the container registry.",
    Method::Delete,
    "/cloud/v1/registries/{project_id}/{region_id}/{registry_id}/users/{user_id}",
    &[PROJECT_ID, REGION_ID, REGISTRY_ID, USER_ID],
    src(SEED_003, "Delete a user"),
);

/// This provider's operations, in the order they are listed and documented.
pub(crate) static OPERATIONS: &[&Operation] = &[
    &REGISTRIES_LIST,
    &REGISTRIES_CREATE,
    &REGISTRIES_GET,
    &REGISTRIES_DELETE,
    &REGISTRIES_RESIZE,
    &REPOSITORIES_LIST,
    &REPOSITORIES_DELETE,
    &ARTIFACTS_LIST,
    &ARTIFACTS_DELETE,
    &TAGS_DELETE,
    &USERS_LIST,
    &USERS_CREATE,
    &USERS_CREATE_MULTIPLE,
    &USERS_UPDATE,
    &USERS_REFRESH_SECRET,
    &USERS_DELETE,
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_follow_the_oci_grammar() {
        for ok in ["a", "a.b", "a_b", "a__b", "a---b", "a/b.c"] {
            assert!(separators_are_oci(ok), "{ok}");
        }
        for bad in ["a..b", "a___b", "a._b", "a-_b", "a-.b"] {
            assert!(!separators_are_oci(bad), "{bad}");
        }
    }
}
