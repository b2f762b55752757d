#!/usr/bin/env python3
"""Signs regplan's Huawei SWR requests with Huawei's own signer.

Reads tests/vendor/signing_cases.json (written by tests/vectors/make_vectors.py:
our method, URL, headers and exact body bytes for each signed case) and signs
every `"vendor": "huawei"` case with huaweicloudsdkcore's `Signer` (the class the
SDK uses for SDK-HMAC-SHA256), passing X-Sdk-Date in the headers so the signer
reads no clock. Writes tests/vendor/huawei_signatures.json, which
make_vectors.py turns into the expected Authorization headers.

How to run (from the repository root):

    python3 -m venv /tmp/hw && /tmp/hw/bin/pip install huaweicloudsdkcore==3.1.219
    /tmp/hw/bin/python tests/vendor/huawei_signer.py
    python3 tests/vectors/make_vectors.py
"""
import json
import pathlib
from urllib.parse import urlsplit, parse_qsl

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest
from huaweicloudsdkcore.signer.signer import Signer

HERE = pathlib.Path(__file__).parent


def sign(case):
    url = urlsplit(case["url"])
    request = SdkRequest(
        method=case["method"],
        schema=url.scheme,
        host=url.netloc,
        resource_path=url.path,
        query_params=parse_qsl(url.query, keep_blank_values=True),
        header_params={name: value for name, value in case["headers"]},
        body=case["body"].encode("utf-8") if case["body"] is not None else b"",
    )
    signer = Signer(BasicCredentials(case["ak"], case["sk"]))
    signed = signer.sign(request)
    return {"name": case["name"], "authorization": signed.header_params["Authorization"]}


def main():
    cases = json.loads((HERE / "signing_cases.json").read_text())
    out = [sign(c) for c in cases if c["vendor"] == "huawei"]
    (HERE / "huawei_signatures.json").write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    print(f"signed {len(out)} Huawei cases")


if __name__ == "__main__":
    main()
