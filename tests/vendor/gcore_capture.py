#!/usr/bin/env python3
"""Capture the exact HTTP requests the official Gcore Python SDK sends for the
Cloud Container Registry API (client.cloud.registries.*).

The SDK is driven against an in-process httpx.MockTransport: nothing goes over
the network. For every case we record the method, the full URL, the
`authorization`, `content-type` and `accept` headers (null when absent) and the
exact body bytes as a UTF-8 string (null when the request has no body).

How to run (from the repository root):

    python3 -m venv /tmp/gcore-venv
    /tmp/gcore-venv/bin/pip install gcore==0.59.0
    /tmp/gcore-venv/bin/python tests/vendor/gcore_capture.py > tests/vendor/gcore_sdk_requests.json

(equivalently: `python -m venv venv; . venv/bin/activate; pip install gcore==0.59.0;
python tests/vendor/gcore_capture.py > tests/vendor/gcore_sdk_requests.json`)

The output is deterministic: a pretty-printed JSON object keyed by case name,
in a fixed order. Cases whose SDK call raises before sending a request (e.g.
path dot-segment rejection) are recorded as {"error": "<ExceptionType>: <msg>"}.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, Callable, Dict, List, Optional

import httpx

import gcore
from gcore import Gcore

# Make sure no environment configuration leaks into the capture.
for _var in (
    "GCORE_API_KEY",
    "GCORE_BASE_URL",
    "GCORE_CLOUD_PROJECT_ID",
    "GCORE_CLOUD_REGION_ID",
    "GCORE_CUSTOM_HEADERS",
):
    os.environ.pop(_var, None)

API_KEY = "test-api-key"
BASE_URL = "https://api.gcore.com"
P = 1  # project_id
R = 76  # region_id
REG = 607  # registry_id
USER = 730  # user_id
DIGEST = "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
TS = "2025-01-01T00:00:00Z"

REGISTRY = {
    "id": REG,
    "created_at": TS,
    "name": "reg-home1",
    "repo_count": 0,
    "storage_limit": 5,
    "storage_used": 0,
    "updated_at": TS,
    "url": "https://reg-home1.example.invalid",
}
USER_OBJ = {
    "id": USER,
    "created_at": TS,
    "duration": 30,
    "expires_at": TS,
    "name": "myuser",
    "read_only": False,
}
USER_CREATED = dict(USER_OBJ, secret="generated-secret")


def _page(items: List[Dict[str, Any]]) -> Dict[str, Any]:
    return {"count": len(items), "results": items}


def _mock_response(request: httpx.Request) -> httpx.Response:
    method = request.method
    path = request.url.raw_path.split(b"?", 1)[0].decode("ascii")
    if method == "DELETE":
        return httpx.Response(204)
    if method == "GET":
        if path.endswith("/repositories") or path.endswith("/artifacts") or path.endswith("/users"):
            return httpx.Response(200, json=_page([]))
        if path.count("/") == 5:  # /cloud/v1/registries/{p}/{r}
            return httpx.Response(200, json=_page([REGISTRY]))
        return httpx.Response(200, json=REGISTRY)
    if path.endswith("/users/batch"):
        return httpx.Response(200, json=_page([USER_CREATED]))
    if path.endswith("/refresh_secret") or path.endswith("/users"):
        return httpx.Response(200, json=USER_CREATED)
    if "/users/" in path:
        return httpx.Response(200, json=USER_OBJ)
    return httpx.Response(200, json=REGISTRY)


_captured: List[httpx.Request] = []


def _handler(request: httpx.Request) -> httpx.Response:
    request.read()
    _captured.append(request)
    return _mock_response(request)


def _make_client() -> Gcore:
    return Gcore(
        api_key=API_KEY,
        base_url=BASE_URL,
        max_retries=0,
        http_client=httpx.Client(transport=httpx.MockTransport(_handler)),
    )


def _record(call: Callable[[], Any]) -> Dict[str, Any]:
    _captured.clear()
    error: Optional[str] = None
    try:
        call()
    except Exception as exc:  # parsing or client-side validation failures
        error = f"{type(exc).__name__}: {exc}"
    if not _captured:
        return {"error": error}
    if len(_captured) != 1:
        raise RuntimeError(f"expected exactly one request, got {len(_captured)}")
    req = _captured[0]
    body = req.content
    out: Dict[str, Any] = {
        "method": req.method,
        "url": str(req.url),
        "raw_path": req.url.raw_path.decode("ascii"),
        "headers": {
            "authorization": req.headers.get("authorization"),
            "content-type": req.headers.get("content-type"),
            "accept": req.headers.get("accept"),
        },
        "body": body.decode("utf-8") if body else None,
    }
    if error is not None:
        out["response_parse_error"] = error
    return out


def main() -> None:
    client = _make_client()
    reg = client.cloud.registries
    pr = dict(project_id=P, region_id=R)

    cases: List[tuple] = [
        # registries
        ("registries_create_name_only", lambda: reg.create(name="reg-home1", **pr)),
        ("registries_create_storage_limit", lambda: reg.create(name="reg-home1", storage_limit=20, **pr)),
        ("registries_list", lambda: reg.list(**pr)),
        ("registries_list_limit_offset", lambda: reg.list(limit=10, offset=20, **pr)),
        ("registries_get", lambda: reg.get(registry_id=REG, **pr)),
        ("registries_delete", lambda: reg.delete(registry_id=REG, **pr)),
        ("registries_resize", lambda: reg.resize(registry_id=REG, storage_limit=20, **pr)),
        ("registries_resize_no_storage_limit", lambda: reg.resize(registry_id=REG, **pr)),
        # repositories
        ("repositories_list", lambda: reg.repositories.list(registry_id=REG, **pr)),
        (
            "repositories_list_limit_offset",
            lambda: reg.repositories.list(registry_id=REG, limit=10, offset=20, **pr),
        ),
        (
            "repositories_delete_nginx",
            lambda: reg.repositories.delete(repository_name="nginx", registry_id=REG, **pr),
        ),
        (
            "repositories_delete_library_nginx",
            lambda: reg.repositories.delete(repository_name="library/nginx", registry_id=REG, **pr),
        ),
        (
            "repositories_delete_pre_encoded_a_2Fb",
            lambda: reg.repositories.delete(repository_name="a%2Fb", registry_id=REG, **pr),
        ),
        (
            "repositories_delete_space",
            lambda: reg.repositories.delete(repository_name="a b", registry_id=REG, **pr),
        ),
        (
            "repositories_delete_dotdot",
            lambda: reg.repositories.delete(repository_name="..", registry_id=REG, **pr),
        ),
        (
            "repositories_delete_empty",
            lambda: reg.repositories.delete(repository_name="", registry_id=REG, **pr),
        ),
        # artifacts
        (
            "artifacts_list_nginx",
            lambda: reg.artifacts.list(repository_name="nginx", registry_id=REG, **pr),
        ),
        (
            "artifacts_list_library_nginx",
            lambda: reg.artifacts.list(repository_name="library/nginx", registry_id=REG, **pr),
        ),
        (
            "artifacts_list_nginx_limit_offset",
            lambda: reg.artifacts.list(repository_name="nginx", registry_id=REG, limit=10, offset=20, **pr),
        ),
        (
            "artifacts_delete_nginx",
            lambda: reg.artifacts.delete(digest=DIGEST, repository_name="nginx", registry_id=REG, **pr),
        ),
        (
            "artifacts_delete_library_nginx",
            lambda: reg.artifacts.delete(digest=DIGEST, repository_name="library/nginx", registry_id=REG, **pr),
        ),
        # tags
        (
            "tags_delete_nginx",
            lambda: reg.tags.delete(
                tag_name="v1.0", digest=DIGEST, repository_name="nginx", registry_id=REG, **pr
            ),
        ),
        (
            "tags_delete_library_nginx",
            lambda: reg.tags.delete(
                tag_name="v1.0", digest=DIGEST, repository_name="library/nginx", registry_id=REG, **pr
            ),
        ),
        # users
        ("users_list", lambda: reg.users.list(registry_id=REG, **pr)),
        ("users_list_limit_offset", lambda: reg.users.list(registry_id=REG, limit=10, offset=20, **pr)),
        (
            "users_create_full",
            lambda: reg.users.create(
                registry_id=REG, name="myuser", duration=30, read_only=False, secret="S3cretPassw0rd", **pr
            ),
        ),
        (
            "users_create_required_only",
            lambda: reg.users.create(registry_id=REG, name="myuser", duration=30, **pr),
        ),
        (
            "users_create_multiple",
            lambda: reg.users.create_multiple(
                registry_id=REG,
                users=[
                    {"name": "alice", "duration": -1, "read_only": True},
                    {"name": "bob", "duration": 30},
                ],
                **pr,
            ),
        ),
        (
            "users_update_full",
            lambda: reg.users.update(user_id=USER, registry_id=REG, duration=-1, read_only=True, **pr),
        ),
        (
            "users_update_duration_only",
            lambda: reg.users.update(user_id=USER, registry_id=REG, duration=30, **pr),
        ),
        ("users_refresh_secret", lambda: reg.users.refresh_secret(user_id=USER, registry_id=REG, **pr)),
        ("users_delete", lambda: reg.users.delete(user_id=USER, registry_id=REG, **pr)),
    ]

    result: Dict[str, Any] = {
        "_meta": {
            "gcore_version": gcore.__version__,
            "api_key": API_KEY,
            "base_url": BASE_URL,
        }
    }
    for name, call in cases:
        if name in result:
            raise RuntimeError(f"duplicate case name {name}")
        result[name] = _record(call)

    json.dump(result, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
