"""The benchmark workloads, shared by python_bench.py and node_bench.cjs.

    python3 bench/workloads.py OUT.json

writes every input (seeded, so every run and every language times the same
values). The shared-reference graph is not JSON: each benchmark builds it
natively from `graph.depth`. The single inputs are also those of
bench/rust/src/lib.rs.
"""

import json
import random
import string
import sys

GCORE = "gcore.registries.create"
QOVERY = "qovery.container_registries.create"

GCORE_VALID = {"project_id": 1, "region_id": 76, "name": "my-registry-01", "storage_limit": 20}
# project_id below its minimum, a name breaking three rules, storage_limit 0.
GCORE_INVALID = {"project_id": 0, "region_id": 76, "name": "1-Bad-", "storage_limit": 0}

QOVERY_VALID = {
    "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "name": "production-ecr",
    "kind": "ECR",
    "description": "images of the production cluster",
    "url": "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
    "config": {
        "region": "eu-west-3",
        "access_key_id": "AKIAIOSFODNN7EXAMPLE",
        "secret_access_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
    },
}
# A short UUID, an empty name, an http:// URL, a config key ECR does not use
# (username) and half of the access-key pair.
QOVERY_INVALID = {
    "organizationId": "3fa85f64-5717-4562-b3fc-2c963f66afa",
    "name": "",
    "kind": "ECR",
    "url": "http://123456789012.dkr.ecr.eu-west-3.amazonaws.com",
    "config": {"region": "eu-west-3", "access_key_id": "AKIAIOSFODNN7EXAMPLE", "username": "me"},
}

# plan + sign, with the fixed instants (and so the signatures) of
# tests/vectors/signed_requests.json.
PLANS = [
    {
        "key": "plan_ncloud",
        "op": "ncloud.registries.create",
        "input": {"registry": "my-registry", "bucket": "my-ncr-bucket"},
        "credentials": {
            "type": "access_key",
            "access_key": "ncp_iam_EXAMPLEACCESSKEY",
            "secret_key": "ncp_iam_EXAMPLESECRETKEY0000000000000",
        },
        "timestamp": 1795342500000,
        "expect_header": ["x-ncp-apigw-signature-v2", "Lqjch1aMmH0lWU9eKlDk6xYPPxcYDfcODG+dSJiZL3k="],
    },
    {
        "key": "plan_huawei",
        "op": "huawei_swr.namespaces.create",
        "input": {"region": "eu-west-101", "namespace": "my-team"},
        "credentials": {
            "type": "access_key",
            "access_key": "AKEXAMPLE0000000000",
            "secret_key": "SKEXAMPLEsecretkeyvalue000000000000000000",
        },
        "timestamp": "2026-11-22T10:15:00Z",
        "expect_header": [
            "Authorization",
            "SDK-HMAC-SHA256 Access=AKEXAMPLE0000000000, SignedHeaders=content-type;host;x-sdk-date, "
            "Signature=1e4d76154cb4195161378725fa5d0678fed39354de47d57b22a2fb25e27cdcdd",
        ],
    },
]

LOWER_ALNUM = string.ascii_lowercase + string.digits


def _name(rng: random.Random) -> str:
    middle = "".join(rng.choice(LOWER_ALNUM + "-") for _ in range(rng.randint(0, 20)))
    return rng.choice(string.ascii_lowercase) + middle + rng.choice(LOWER_ALNUM)


def mixed_gcore(count: int = 10_000, seed: int = 1) -> list:
    """About half valid; the rest break one or more rules of every kind:
    patterns, lengths, ranges, types, bool for an integer, missing and unknown
    fields, a non-object."""
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        d = {
            "project_id": rng.randint(1, 10**6),
            "region_id": rng.randint(1, 200),
            "name": _name(rng),
        }
        if rng.random() < 0.7:
            d["storage_limit"] = rng.randint(1, 1000)
        if rng.random() < 0.5:
            for _ in range(rng.choice([1, 1, 1, 2, 3])):
                fault = rng.randrange(14)
                if fault in (0, 1, 2, 3, 13) and not isinstance(d.get("name"), str):
                    fault = 4
                if fault == 0:
                    d["name"] = d["name"].upper()
                elif fault == 1:
                    d["name"] = rng.choice(string.digits) + d["name"]
                elif fault == 2:
                    d["name"] = d["name"] + "-"
                elif fault == 3:
                    d["name"] = (d["name"] * 5)[:rng.randint(25, 40)]
                elif fault == 4:
                    d["name"] = rng.choice(string.ascii_lowercase)
                elif fault == 5:
                    d["storage_limit"] = rng.choice([0, 1001, -5, 10**6])
                elif fault == 6:
                    d["project_id"] = rng.choice([0, -1])
                elif fault == 7:
                    d["project_id"] = str(d["project_id"])
                elif fault == 8:
                    d["region_id"] = True
                elif fault == 9:
                    d.pop("name", None)
                elif fault == 10:
                    d["colour"] = "red"
                elif fault == 11:
                    d["region_id"] = 1.5
                elif fault == 12:
                    d["name"] = rng.randint(0, 99)
                else:
                    d["name"] = d["name"].replace(d["name"][1:2], "_", 1) if len(d["name"]) > 2 else "a_"
        out.append(d)
    # One non-object, the way a caller's bug looks.
    out[rng.randrange(count)] = ["not", "an", "object"]
    return out


def all_workloads(mixed_count: int = 10_000) -> dict:
    return {
        "single": [
            {"key": "gcore_valid", "label": "gcore create, valid", "op": GCORE, "input": GCORE_VALID, "valid": True},
            {"key": "gcore_invalid", "label": "gcore create, invalid", "op": GCORE, "input": GCORE_INVALID, "valid": False},
            {"key": "qovery_valid", "label": "Qovery ECR create, valid", "op": QOVERY, "input": QOVERY_VALID, "valid": True},
            {"key": "qovery_invalid", "label": "Qovery ECR create, invalid", "op": QOVERY, "input": QOVERY_INVALID, "valid": False},
        ],
        "mixed": {"op": GCORE, "inputs": mixed_gcore(mixed_count)},
        "plans": PLANS,
        "graph": {"depth": 30},
    }


if __name__ == "__main__":
    with open(sys.argv[1], "w") as f:
        json.dump(all_workloads(), f)
