//! NAVER Cloud Platform Container Registry (NCR).
//!
//! Source: seed 002 (`POST /repositories/{registry}` with `{"bucket": …}` and
//! the API Gateway signature headers). Naming rules NAVER documents elsewhere
//! are cited to their pages and kept apart from the seed's own rules.

use super::{field, rule, src, NON_EMPTY};
use crate::grammar::{ends_with, is_lower_alnum, looks_like_ipv4, starts_with};
use crate::record::Record;
use crate::report::Code;
use crate::secret::ACCESS_KEY;
use crate::spec::{
    pattern, Accepts, DefaultValue, Endpoint, EnumRule, Field, Kind, Location, Method, Operation,
    Pattern, Provider, Sends, Source, StrCheck, StrRule,
};

const SEED_002: &str = "seeds/002_4f3cfe5fef19d78d.txt";

pub(crate) static NCLOUD: Provider = Provider {
    id: "ncloud",
    name: "NAVER Cloud Container Registry",
    base_url: Endpoint::FromInput(endpoint),
    auth: "ncp_signature_v2",
    // Seed 002 and NAVER's API Gateway guide: the signature covers method,
    // path with query, timestamp and access key; the body is not signed.
    credentials: &[Accepts {
        kind: &ACCESS_KEY,
        env: &[
            ("access_key", "NCLOUD_ACCESS_KEY"),
            ("secret_key", "NCLOUD_SECRET_KEY"),
        ],
        sends: Sends::NcpSignatureV2,
    }],
};

/// Region → API Gateway base URL. The prefix is part of the signed URI.
static REGIONS: &[(&str, &str)] = &[
    ("KR", "https://ncr.apigw.ntruss.com/ncr/api/v2"),
    ("SGN", "https://ncr.apigw.ntruss.com/ncr/sgn-api/v2"),
    ("JPN", "https://ncr.apigw.ntruss.com/ncr/jpn-api/v2"),
];

fn endpoint(input: &Record) -> String {
    let region = input.str("region").unwrap_or("KR");
    REGIONS
        .iter()
        .find(|(id, _)| *id == region)
        .or(REGIONS.first())
        .map_or("", |(_, url)| url)
        .to_owned()
}

static REGION: EnumRule = EnumRule {
    values: &["KR", "SGN", "JPN"],
    retired: &[],
};

/// NAVER Object Storage guide, "Using buckets": "Only lower case letters or
/// numbers are allowed for the first and last characters. Enter between 3 and
/// 63 characters. A period (.) and a hyphen (-) are allowed, but the name in
/// the form of an IP address cannot be used."
const BUCKET_GUIDE: Source = Source {
    document: "NAVER Cloud Object Storage guide, 'Using buckets' (guide.ncloud-docs.com/docs/en/objectstorage-use-bucket)",
    location: "bucket name: 3-63 characters, lowercase letters, digits, '.', '-', first and last a letter or digit, no IP-address form",
};

static BUCKET_PATTERN: Pattern = pattern!(
    "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$",
    "must be 3 to 63 lowercase letters, digits, periods and hyphens, starting and ending with a letter or digit"
);

static BUCKET_RULE: StrRule = StrRule {
    min_len: Some(3),
    max_len: Some(63),
    pattern: Some(&BUCKET_PATTERN),
    checks: &[
        rule("must start with a lowercase letter or digit", |s| {
            starts_with(s, is_lower_alnum)
        }),
        rule(
            "may contain only lowercase letters, digits, periods and hyphens",
            |s| s.chars().all(|c| is_lower_alnum(c) || c == '.' || c == '-'),
        ),
        rule("must end with a lowercase letter or digit", |s| {
            ends_with(s, is_lower_alnum)
        }),
        StrCheck {
            code: Code::IpAddress,
            message: "must not be in the form of an IP address",
            test: |s| !looks_like_ipv4(s),
        },
    ],
    grammar_source: Some(BUCKET_GUIDE),
    repair: Some(&crate::repair::BUCKET_NAME),
};

const FIELDS: &[Field] = &[
    field(
        "region",
        Location::Endpoint,
        Kind::Enum(&REGION),
        "NAVER Cloud region of the API Gateway: KR (/ncr/api/v2), SGN (/ncr/sgn-api/v2), JPN (/ncr/jpn-api/v2); other gateways through base_url",
        Source {
            document: "NAVER Cloud API guide, Container Registry overview (api.ncloud-docs.com/docs/en/compute-containerregistry)",
            location: "Regional API URLs: Korea /ncr/api/v2, Singapore /ncr/sgn-api/v2, Japan /ncr/jpn-api/v2",
        },
    )
    .default(DefaultValue::Text("KR")),
    field(
        "registry",
        Location::Path,
        Kind::String(&NON_EMPTY),
        "Name of the registry to create",
        src(SEED_002, "Request path parameters: registry (String, Required)"),
    ),
    field(
        "bucket",
        Location::Body,
        Kind::String(&BUCKET_RULE),
        "Name of the bucket in Object Storage that will be integrated with the new registry",
        src(SEED_002, "Request body: bucket (String, Required)"),
    ),
];

pub(crate) static REGISTRIES_CREATE: Operation = Operation {
    id: "ncloud.registries.create",
    provider: &NCLOUD,
    summary: "Register a new registry integrated with an Object Storage bucket",
    method: Method::Post,
    path: "/repositories/{registry}",
    accept: None,
    fields: FIELDS,
    checks: &[],
    source: Source {
        document: SEED_002,
        location: "POST /repositories/{registry}",
    },
};

/// This provider's operations, in the order they are listed and documented.
pub(crate) static OPERATIONS: &[&Operation] = &[&REGISTRIES_CREATE];
