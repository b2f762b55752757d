//! Huawei Cloud SoftWare Repository for Container (SWR).
//!
//! Source: seed 004 (`POST /v2/manage/namespaces/{namespace}/repos`, with the
//! namespace and repository naming rules) and the official Python SDK
//! `huaweicloudsdkswr` (region table, `create_namespace`). Requests are signed
//! as `huaweicloudsdkcore`'s `signer.py` does (see `sign.rs`).

use super::{field, matching, rule, src, ANY_STRING};
use crate::grammar::{ends_with, is_lower_alnum, starts_with};
use crate::issue_kind::IssueKind;
use crate::record::Record;
use crate::report::Code;
use crate::secret::{ACCESS_KEY, IAM_TOKEN};
use crate::spec::{
    pattern, Accepts, CrossCheck, CrossRule, Endpoint, EnumRule, Field, Kind, KnownValues,
    Location, Method, Operation, Pattern, Provider, Sends, Source, StrCheck, StrRule,
};

const SEED_004: &str = "seeds/004_1b74895f996baadb.txt";
const SDK: &str = "huaweicloudsdkswr 3.1.219 (PyPI), v2/region/swr_region.py";

pub(crate) static HUAWEI_SWR: Provider = Provider {
    id: "huawei_swr",
    name: "Huawei Cloud SWR",
    base_url: Endpoint::FromInput(endpoint),
    auth: "huawei_ak_sk",
    // The names huaweicloudsdkcore's `BasicCredentials` reads.
    // huaweicloudsdkcore signer.py: every header is signed, so Host, X-Sdk-Date
    // and X-Project-Id are added first and the signature last.
    credentials: &[
        Accepts {
            kind: &ACCESS_KEY,
            env: &[
                ("access_key", "HUAWEICLOUD_SDK_AK"),
                ("secret_key", "HUAWEICLOUD_SDK_SK"),
                ("project_id", "HUAWEICLOUD_SDK_PROJECT_ID"),
            ],
            sends: Sends::HuaweiSignature,
        },
        Accepts {
            kind: &IAM_TOKEN,
            env: &[("token", "HUAWEICLOUD_SDK_IAM_TOKEN")],
            sends: Sends::Header {
                name: "X-Auth-Token",
                prefix: "",
            },
        },
    ],
};

/// `huaweicloudsdkswr/v2/region/swr_region.py`: region id → endpoint. Every
/// entry follows `https://swr-api.{region}.myhuaweicloud.com` except where noted.
static REGIONS: &[(&str, &str)] = &[
    ("af-south-1", "https://swr-api.af-south-1.myhuaweicloud.com"),
    (
        "ap-southeast-1",
        "https://swr-api.ap-southeast-1.myhuaweicloud.com",
    ),
    (
        "ap-southeast-2",
        "https://swr-api.ap-southeast-2.myhuaweicloud.com",
    ),
    (
        "ap-southeast-3",
        "https://swr-api.ap-southeast-3.myhuaweicloud.com",
    ),
    ("cn-east-2", "https://swr-api.cn-east-2.myhuaweicloud.com"),
    ("cn-east-3", "https://swr-api.cn-east-3.myhuaweicloud.com"),
    ("cn-east-4", "https://swr-api.cn-east-4.myhuaweicloud.com"),
    ("cn-north-1", "https://swr-api.cn-north-1.myhuaweicloud.com"),
    ("cn-north-2", "https://swr-api.cn-north-2.myhuaweicloud.com"),
    ("cn-north-4", "https://swr-api.cn-north-4.myhuaweicloud.com"),
    ("cn-south-1", "https://swr-api.cn-south-1.myhuaweicloud.com"),
    ("cn-south-2", "https://swr-api.cn-south-2.myhuaweicloud.com"),
    (
        "cn-southwest-2",
        "https://swr-api.cn-southwest-2.myhuaweicloud.com",
    ),
    (
        "ru-northwest-2",
        "https://swr-api.ru-northwest-2.myhuaweicloud.com",
    ),
    ("la-south-2", "https://swr-api.la-south-2.myhuaweicloud.com"),
    (
        "sa-brazil-1",
        "https://swr-api.sa-brazil-1.myhuaweicloud.com",
    ),
    ("cn-north-9", "https://swr-api.cn-north-9.myhuaweicloud.com"),
    (
        "cn-north-11",
        "https://swr-api.cn-north-11.myhuaweicloud.com",
    ),
    (
        "na-mexico-1",
        "https://swr-api.na-mexico-1.myhuaweicloud.com",
    ),
    ("la-north-2", "https://swr-api.la-north-2.myhuaweicloud.com"),
    ("tr-west-1", "https://swr-api.tr-west-1.myhuaweicloud.com"),
    ("ae-ad-1", "https://swr-api.ae-ad-1.myhuaweicloud.com"),
    (
        "eu-west-101",
        "https://swr-api.eu-west-101.myhuaweicloud.eu",
    ),
    (
        "ru-moscow-1",
        "https://swr-api.ru-moscow-1.myhuaweicloud.com",
    ),
    (
        "my-kualalumpur-1",
        "https://swr-api.my-kualalumpur-1.myhuaweicloud.com",
    ),
    ("me-east-1", "https://swr-api.me-east-1.myhuaweicloud.com"),
    ("eu-west-0", "https://swr-api.eu-west-0.myhuaweicloud.com"),
    (
        "ap-southeast-5",
        "https://swr-api.ap-southeast-5.myhuaweicloud.com",
    ),
    ("cn-east-5", "https://swr-api.cn-east-5.myhuaweicloud.com"),
    ("af-north-1", "https://swr-api.af-north-1.myhuaweicloud.com"),
    (
        "ap-southeast-4",
        "https://swr-api.ap-southeast-4.myhuaweicloud.com",
    ),
    ("cn-south-4", "https://swr-api.cn-south-4.myhuaweicloud.com"),
    (
        "cn-southwest-3",
        "https://swr-api.cn-southwest-3.myhuaweicloud.com",
    ),
    (
        "cn-north-12",
        "https://swr-api.cn-north-12.myhuaweicloud.com",
    ),
    ("sa-peru-1", "https://swr-api.sa-peru-1.myhuaweicloud.com"),
];

/// The endpoint of the (validated) region: the SDK's table, else the common form.
fn endpoint(input: &Record) -> String {
    let region = input.str("region").unwrap_or_default();
    match REGIONS.iter().find(|(id, _)| *id == region) {
        Some((_, url)) => (*url).to_owned(),
        None => format!("https://swr-api.{region}.myhuaweicloud.com"),
    }
}

static REGION_PATTERN: Pattern = pattern!(
    "^[a-z]{2,3}(?:-[a-z]+)+-[0-9]{1,3}$",
    "must be a region id such as cn-north-4 or ap-southeast-1"
);

static REGION_RULE: StrRule = matching(1, 64, &REGION_PATTERN);

const REGION: Field = field(
    "region",
    Location::Endpoint,
    Kind::String(&REGION_RULE),
    "Region id, e.g. cn-north-4; selects the endpoint https://swr-api.{region}.myhuaweicloud.com",
    src(SDK, "SwrRegion static table"),
);

fn is_separator(c: char) -> bool {
    matches!(c, '.' | '_' | '-')
}

/// Runs of separators are single characters or exactly `__`. Runs of three or
/// more underscores are left to [`underscores_at_most_two`], so each mistake
/// has one message.
fn separators_not_adjacent(s: &str) -> bool {
    s.split(|c: char| !is_separator(c))
        .filter(|run| run.len() > 1)
        .all(|run| run.bytes().all(|b| b == b'_'))
}

fn underscores_at_most_two(s: &str) -> bool {
    !s.contains("___")
}

const SEPARATOR_CHECKS: [StrCheck; 2] = [
    StrCheck {
        code: Code::AdjacentSeparators,
        message:
            "periods, underscores and hyphens cannot be next to each other (only a double underscore is allowed)",
        test: separators_not_adjacent,
    },
    StrCheck {
        code: Code::TooManyUnderscores,
        message: "may contain at most two consecutive underscores",
        test: underscores_at_most_two,
    },
];

static NAMESPACE_PATTERN: Pattern = pattern!(
    "^[a-z][a-z0-9]*(?:(?:[._-]|__)[a-z0-9]+)*$",
    "must be lowercase letters and digits joined by a single period, underscore or hyphen, or a double underscore, starting with a letter"
);

static NAMESPACE_RULE: StrRule = StrRule {
    min_len: Some(1),
    max_len: Some(64),
    pattern: Some(&NAMESPACE_PATTERN),
    checks: &[
        rule("must start with a lowercase letter", |s| {
            starts_with(s, |c| c.is_ascii_lowercase())
        }),
        rule(
            "may contain only lowercase letters, digits, periods, underscores and hyphens",
            |s| s.chars().all(|c| is_lower_alnum(c) || is_separator(c)),
        ),
        rule("must end with a lowercase letter or digit", |s| {
            ends_with(s, is_lower_alnum)
        }),
        SEPARATOR_CHECKS[0],
        SEPARATOR_CHECKS[1],
    ],
    grammar_source: None,
    repair: Some(&crate::repair::SWR_NAMESPACE),
};

const NAMESPACE_DOC: &str = "Enter 1 to 64 characters, starting with a lowercase letter and ending with a lowercase letter or digit. Only lowercase letters, digits, periods (.), underscores (_), and hyphens (-) are allowed. Periods, underscores, and hyphens cannot be placed next to each other. A maximum of two consecutive underscores are allowed.";

static REPOSITORY_PATTERN: Pattern = pattern!(
    "^[a-z0-9]+(?:(?:[._-]|__)[a-z0-9]+)*$",
    "must be lowercase letters and digits joined by a single period, underscore or hyphen, or a double underscore"
);

static REPOSITORY_RULE: StrRule = StrRule {
    min_len: Some(1),
    max_len: Some(128),
    pattern: Some(&REPOSITORY_PATTERN),
    checks: &[
        rule("must start with a lowercase letter or digit", |s| {
            starts_with(s, is_lower_alnum)
        }),
        rule(
            "may contain only lowercase letters, digits, periods, underscores and hyphens",
            |s| s.chars().all(|c| is_lower_alnum(c) || is_separator(c)),
        ),
        rule("must end with a lowercase letter or digit", |s| {
            ends_with(s, is_lower_alnum)
        }),
        SEPARATOR_CHECKS[0],
        SEPARATOR_CHECKS[1],
    ],
    grammar_source: None,
    repair: Some(&crate::repair::SWR_REPOSITORY),
};

static CATEGORY: EnumRule = EnumRule {
    values: &[
        "app_server",
        "linux",
        "framework_app",
        "database",
        "lang",
        "other",
        "windows",
        "arm",
    ],
    retired: &[],
};

static KNOWN_REGIONS: KnownValues = KnownValues {
    field: "region",
    table: REGIONS,
    meaning: "endpoint",
    warning: |known, endpoint| IssueKind::UnknownRegion { known, endpoint },
    fallback: endpoint,
};

const CHECKS: &[CrossCheck] = &[CrossCheck {
    name: "known regions",
    rule: CrossRule::KnownValues(&KNOWN_REGIONS),
    source: Source {
        document: SDK,
        location: "SwrRegion: unknown regions are accepted with a warning (regplan decision)",
    },
}];

pub(crate) static NAMESPACES_CREATE: Operation = Operation {
    id: "huawei_swr.namespaces.create",
    provider: &HUAWEI_SWR,
    summary: "Create an organization (namespace)",
    method: Method::Post,
    path: "/v2/manage/namespaces",
    accept: None,
    fields: &[
        REGION,
        field(
            "namespace",
            Location::Body,
            Kind::String(&NAMESPACE_RULE),
            NAMESPACE_DOC,
            src(
                SEED_004,
                "Table 1: namespace (the same rule names organizations)",
            ),
        ),
    ],
    checks: CHECKS,
    source: Source {
        document: "huaweicloudsdkswr 3.1.219 (PyPI), v2/swr_client.py",
        location: "create_namespace: POST /v2/manage/namespaces",
    },
};

pub(crate) static REPOSITORIES_CREATE: Operation = Operation {
    id: "huawei_swr.repositories.create",
    provider: &HUAWEI_SWR,
    summary: "Create an image repository in an organization",
    method: Method::Post,
    path: "/v2/manage/namespaces/{namespace}/repos",
    accept: None,
    fields: &[
        REGION,
        field(
            "namespace",
            Location::Path,
            Kind::String(&NAMESPACE_RULE),
            NAMESPACE_DOC,
            src(SEED_004, "Table 1: namespace"),
        ),
        field(
            "repository",
            Location::Body,
            Kind::String(&REPOSITORY_RULE),
            "Image repository name. Enter 1 to 128 characters, starting and ending with a lowercase letter or digit. Only lowercase letters, digits, periods (.), underscores (_), and hyphens (-) are allowed. Periods, underscores, and hyphens cannot be placed next to each other. A maximum of two consecutive underscores are allowed.",
            src(SEED_004, "Table 2: repository"),
        ),
        field(
            "category",
            Location::Body,
            Kind::Enum(&CATEGORY),
            "Repository category",
            src(SEED_004, "Table 2: category"),
        )
        .optional(),
        field(
            "description",
            Location::Body,
            Kind::String(&ANY_STRING),
            "Repository description",
            src(SEED_004, "Table 2: description"),
        )
        .optional(),
        field(
            "is_public",
            Location::Body,
            Kind::Boolean,
            "Whether the repository is public",
            src(SEED_004, "Table 2: is_public"),
        ),
    ],
    checks: CHECKS,
    source: Source {
        document: SEED_004,
        location: "URI: POST /v2/manage/namespaces/{namespace}/repos",
    },
};

/// This provider's operations, in the order they are listed and documented.
pub(crate) static OPERATIONS: &[&Operation] = &[&NAMESPACES_CREATE, &REPOSITORIES_CREATE];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separator_decisions() {
        // a__b is the documented exception; every other adjacency is refused.
        assert!(separators_not_adjacent("a__b") && underscores_at_most_two("a__b"));
        assert!(!separators_not_adjacent("a--b"));
        assert!(!separators_not_adjacent("a._b"));
        assert!(!separators_not_adjacent("a_.b"));
        assert!(separators_not_adjacent("a___b") && !underscores_at_most_two("a___b"));
    }

    #[test]
    fn endpoints() {
        let of = |region: &str| {
            endpoint(&Record::from_iter([(
                "region",
                crate::record::Datum::Str(region.to_owned()),
            )]))
        };
        assert_eq!(
            of("cn-north-4"),
            "https://swr-api.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(
            of("eu-west-101"),
            "https://swr-api.eu-west-101.myhuaweicloud.eu"
        );
        assert_eq!(of("xx-new-9"), "https://swr-api.xx-new-9.myhuaweicloud.com");
    }
}
