//! NAVER Cloud Platform Container Registry (NCR).
//!
//! Source: seed 002 (`POST /repositories/{registry}` with `{"bucket": …}` and
//! the API Gateway signature headers). Naming rules NAVER documents elsewhere
//! are cited to their pages and kept apart from the seed's own rules.

use serde_json::{Map, Value};

use super::{field, src};
use crate::spec::{
    AuthScheme, DefaultValue, Endpoint, EnumRule, Field, Kind, Location, Method, Operation,
    Provider, Source, StrRule,
};

const SEED_002: &str = "seeds/002_4f3cfe5fef19d78d.txt";

pub(crate) static NCLOUD: Provider = Provider {
    id: "ncloud",
    name: "NAVER Cloud Container Registry",
    base_url: Endpoint::FromInput(endpoint),
    auth: AuthScheme::NcpSignatureV2,
    credential_env: "NCLOUD_ACCESS_KEY and NCLOUD_SECRET_KEY",
};

/// Region → API Gateway base URL. The prefix is part of the signed URI.
static REGIONS: &[(&str, &str)] = &[
    ("KR", "https://ncr.apigw.ntruss.com/ncr/api/v2"),
    ("SGN", "https://ncr.apigw.ntruss.com/ncr/sgn-api/v2"),
    ("JPN", "https://ncr.apigw.ntruss.com/ncr/jpn-api/v2"),
];

fn endpoint(input: &Map<String, Value>) -> String {
    let region = input.get("region").and_then(Value::as_str).unwrap_or("KR");
    REGIONS
        .iter()
        .find(|(id, _)| *id == region)
        .map_or(REGIONS[0].1, |(_, url)| url)
        .to_owned()
}

static REGION: EnumRule = EnumRule {
    values: &["KR", "SGN", "JPN"],
    retired: &[],
};

static NON_EMPTY: StrRule = StrRule {
    min_len: Some(1),
    max_len: None,
    pattern: None,
    checks: &[],
};

const FIELDS: &[Field] = &[
    field(
        "region",
        Location::Endpoint,
        Kind::Enum(&REGION),
        "NAVER Cloud region of the API Gateway: KR (/ncr/api/v2), SGN (/ncr/sgn-api/v2), JPN (/ncr/jpn-api/v2); other gateways through base_url",
        Source {
            document: "NAVER Cloud API guide, Container Registry overview",
            location: "regional API URLs",
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
        Kind::String(&NON_EMPTY),
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
    accept: "",
    fields: FIELDS,
    checks: &[],
    source: Source {
        document: SEED_002,
        location: "POST /repositories/{registry}",
    },
};
