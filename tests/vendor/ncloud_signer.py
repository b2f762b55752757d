#!/usr/bin/env python3
"""Signs regplan's NAVER Cloud requests with NAVER's own signing function.

Reads tests/vendor/signing_cases.json (written by tests/vectors/make_vectors.py)
and, for every `"vendor": "ncloud"` case, calls `ApiClient.make_signature` of
NAVER's official Python SDK (PyPI `ncloud-server`, `ncloud_server/api_client.py`),
which computes Base64(HMAC-SHA256(secret, METHOD + " " + URI + "\\n" + timestamp
+ "\\n" + accessKey)) with URI = the gateway prefix of the configured host + the
resource path + the query string. The SDK sends that value as
`x-ncp-apigw-signature-v1`; NCR's documentation names the header `-v2`, and the
value is the same. Writes tests/vendor/ncloud_signatures.json.

How to run (from the repository root):

    python3 -m venv /tmp/nc && /tmp/nc/bin/pip install ncloud-server==1.1.3
    /tmp/nc/bin/python tests/vendor/ncloud_signer.py
    python3 tests/vectors/make_vectors.py
"""
import json
import pathlib
from urllib.parse import urlsplit, parse_qsl

from ncloud_server.api_client import ApiClient
from ncloud_server.configuration import Configuration

HERE = pathlib.Path(__file__).parent


def sign(case):
    url = urlsplit(case["url"])
    # The SDK keeps the gateway prefix in `host` and signs it in front of the resource path;
    # the resource path here is the part after /ncr/{api,sgn-api,jpn-api}/v2.
    prefix_end = url.path.index("/v2/") + len("/v2")
    configuration = Configuration()
    configuration.host = f"{url.scheme}://{url.netloc}{url.path[:prefix_end]}"
    configuration.access_key = case["access_key"]
    configuration.secret_key = case["secret_key"]
    client = ApiClient(configuration)
    try:
        signature = client.make_signature(
            case["method"], url.path[prefix_end:], parse_qsl(url.query), case["timestamp"]
        )
    finally:
        client.pool.close()
    return {"name": case["name"], "signature": signature.decode("ascii")}


def main():
    cases = json.loads((HERE / "signing_cases.json").read_text())
    out = [sign(c) for c in cases if c["vendor"] == "ncloud"]
    (HERE / "ncloud_signatures.json").write_text(json.dumps(out, indent=2) + "\n")
    print(f"signed {len(out)} NAVER cases")


if __name__ == "__main__":
    main()
