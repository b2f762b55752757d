"""Sending planned requests with httpx and requests (regplan.httpx_auth,
regplan.requests_auth), checked against what arrives at a local server."""

from __future__ import annotations

import base64
import hashlib
import hmac
import time
from typing import Final, List

import httpx
import pytest
import requests

import regplan
from local_server import Arrived, LocalServer
from regplan import httpx_auth, requests_auth

GCORE: Final = "gcore.registries.create"
GCORE_INPUT: regplan.GcoreRegistriesCreateInput = {"project_id": 1, "region_id": 76, "name": "reg-home1"}
GCORE_KEY: regplan.ApiKeyCredentials = {"type": "api_key", "api_key": "k3y"}
NCLOUD: Final = "ncloud.registries.create"
NCLOUD_INPUT: regplan.NcloudRegistriesCreateInput = {"registry": "my-registry", "bucket": "my-ncr-bucket"}
NCLOUD_KEY: regplan.AccessKeyCredentials = {"type": "access_key", "access_key": "AK-id", "secret_key": "SK-secret"}


def _ncloud_signature(arrived: Arrived) -> str:
    """NAVER's signature v2 computed here, from what arrived: Base64(HMAC-SHA256(
    secret, METHOD + " " + URI + "\\n" + timestamp + "\\n" + access key))."""
    timestamp = arrived.header("x-ncp-apigw-timestamp")
    text = f"{arrived.method} {arrived.target}\n{timestamp}\nAK-id"
    return base64.b64encode(hmac.new(b"SK-secret", text.encode(), hashlib.sha256).digest()).decode()


def _assert_is_planned(arrived: Arrived, planned: regplan.Request, base_url: str) -> None:
    """Method, target, every planned header (value byte for byte) and the body arrived as planned."""
    assert f"{base_url}{arrived.target}" == planned.url
    assert arrived.method == planned.method
    for name, value in planned.headers.items():
        assert arrived.header(name) == value, name
    assert arrived.body == planned.body


def test_to_httpx_sends_the_planned_bytes() -> None:
    with LocalServer() as server, httpx.Client() as client:
        planned = regplan.plan(GCORE, GCORE_INPUT, credentials=GCORE_KEY, base_url=server.base_url)
        assert client.send(httpx_auth.to_httpx(planned)).status_code == 200
    [arrived] = server.arrived
    _assert_is_planned(arrived, planned, server.base_url)
    assert arrived.target == "/cloud/v1/registries/1/76"
    assert arrived.header("Authorization") == "APIKey k3y"
    assert arrived.body == b'{"name":"reg-home1","storage_limit":5}'


def test_to_requests_sends_the_planned_bytes() -> None:
    with LocalServer() as server, requests.Session() as session:
        planned = regplan.plan(GCORE, GCORE_INPUT, credentials=GCORE_KEY, base_url=server.base_url)
        assert session.send(requests_auth.to_requests(planned).prepare()).status_code == 200
    [arrived] = server.arrived
    _assert_is_planned(arrived, planned, server.base_url)
    assert arrived.body == b'{"name":"reg-home1","storage_limit":5}'


def _assert_signed_freshly(arrived: List[Arrived]) -> None:
    """Each send carried its own timestamp and a signature that is right for it."""
    assert len(arrived) == 2
    stamps = [int(a.header("x-ncp-apigw-timestamp")) for a in arrived]
    assert stamps[0] < stamps[1]
    for one in arrived:
        assert one.header("x-ncp-apigw-signature-v2") == _ncloud_signature(one)
        assert one.header("x-ncp-iam-access-key") == "AK-id"
        # With a base URL the gateway prefix is the base URL's: the path is the resource's.
        assert one.target == "/repositories/my-registry"
        assert one.body == b'{"bucket":"my-ncr-bucket"}'


def test_httpx_auth_signs_at_each_send() -> None:
    with LocalServer() as server, httpx.Client() as client:
        auth = httpx_auth.RegplanAuth(NCLOUD, NCLOUD_INPUT, credentials=NCLOUD_KEY, base_url=server.base_url)
        for _ in range(2):
            assert client.send(httpx_auth.to_httpx(auth.planned), auth=auth).status_code == 200
            time.sleep(0.005)
    _assert_signed_freshly(server.arrived)
    assert server.arrived[0].body == auth.planned.body


def test_requests_auth_signs_at_each_send() -> None:
    with LocalServer() as server, requests.Session() as session:
        auth = requests_auth.RegplanAuth(NCLOUD, NCLOUD_INPUT, credentials=NCLOUD_KEY, base_url=server.base_url)
        for _ in range(2):
            prepared = requests_auth.to_requests(auth.planned, auth=auth).prepare()
            assert session.send(prepared).status_code == 200
            time.sleep(0.005)
    _assert_signed_freshly(server.arrived)


def test_auth_refuses_a_request_that_is_not_the_planned_one() -> None:
    auth = httpx_auth.RegplanAuth(NCLOUD, NCLOUD_INPUT, credentials=NCLOUD_KEY, base_url="http://127.0.0.1:9")
    other = httpx.Request("POST", "http://127.0.0.1:9/ncr/api/v2/repositories/other", content=b"{}")
    with pytest.raises(ValueError) as raised:
        next(auth.auth_flow(other))
    assert str(raised.value) == (
        "the request to send is not the one planned for ncloud.registries.create "
        "(method, URL or body differ): build it with to_httpx / to_requests"
    )
    assert "SK-secret" not in str(raised.value)


def test_auth_refuses_an_invalid_input_when_made() -> None:
    with pytest.raises(regplan.ValidationError) as raised:
        requests_auth.RegplanAuth(GCORE, {**GCORE_INPUT, "name": "1-Bad_"}, credentials=GCORE_KEY)
    assert [e["code"] for e in raised.value.errors()] == ["pattern", "pattern", "pattern"]


def test_a_preview_is_planned_without_credentials_and_refused_by_both_senders() -> None:
    preview = regplan.plan(GCORE, GCORE_INPUT, preview=True)
    assert preview.preview is True
    assert preview.headers == {
        "Accept": "application/json",
        "Authorization": "APIKey <api_key>",
        "Content-Type": "application/json",
    }
    assert preview.to_dict()["preview"] is True
    assert [(w["code"], w["path"], w["params"]) for w in preview.warnings] == [("preview", "", {"credentials": "api_key"})]
    message = (
        "this request is a preview (placeholders stand in for the credentials) "
        "and cannot be sent; plan it again with credentials"
    )
    with pytest.raises(ValueError, match=r"^to_httpx: " + message.replace("(", r"\(").replace(")", r"\)") + "$"):
        httpx_auth.to_httpx(preview)
    with pytest.raises(ValueError, match=r"^to_requests: this request is a preview"):
        requests_auth.to_requests(preview)
    # With credentials preview changes nothing, and the request can be sent.
    real = regplan.plan(GCORE, GCORE_INPUT, credentials=GCORE_KEY, preview=True)
    assert real.preview is False
    assert real.headers["Authorization"] == "APIKey k3y"
    assert httpx_auth.to_httpx(real).headers["authorization"] == "APIKey k3y"


def test_a_signed_preview_has_placeholders_over_the_timestamp() -> None:
    preview = regplan.plan(NCLOUD, NCLOUD_INPUT, preview=True, timestamp=1795342500000)
    assert preview.headers == {
        "Content-Type": "application/json",
        "x-ncp-apigw-signature-v2": "<signature>",
        "x-ncp-apigw-timestamp": "1795342500000",
        "x-ncp-iam-access-key": "<access_key>",
    }
