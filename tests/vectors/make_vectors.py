#!/usr/bin/env python3
"""Writes the shared test vectors (tests/vectors/*.json).

Every expectation below is written by hand from the seeds and the vendor SDK
capture (tests/vendor/gcore_sdk_requests.json); nothing is computed by regplan.
This script is the one source of the cases; the JSON files every runtime
runs are its output. Edit here, then run: python3 tests/vectors/make_vectors.py
(`--check`, which CI runs, fails when a JSON file differs from what it writes).
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).parent
SDK = json.loads((HERE.parent / "vendor" / "gcore_sdk_requests.json").read_text())

GCORE_KEY = "test-api-key"
GCORE_OPTIONS = {"credentials": {"type": "api_key", "api_key": GCORE_KEY}}
QOVERY_TOKEN = "qov_t0ken-example"
QOVERY_OPTIONS = {"credentials": {"type": "token", "token": QOVERY_TOKEN}}
BASE = {"project_id": 1, "region_id": 76}
REG = {**BASE, "registry_id": 607}
DIGEST = "sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae"
SHA512 = "sha512:" + "ab" * 64
ORG = "3fa85f64-5717-4562-b3fc-2c963f66afa6"
PREFIX = "https://api.gcore.com/cloud/v1/registries/1/76"


def err(code, path, **extra):
    return {"code": code, "path": path, **extra}


def invalid(name, op, input, *errors, warnings=None):
    expect = {"errors": list(errors)}
    if warnings:
        expect["warnings"] = warnings
    return {"name": name, "op": op, "input": input, "expect": expect}


def gcore_headers(method):
    accept = "*/*" if method == "DELETE" else "application/json"
    headers = [["Accept", accept], ["Authorization", "APIKey " + GCORE_KEY]]
    if method != "GET":
        headers.append(["Content-Type", "application/json"])
    return headers


def gcore_request(name, op, input, method, url, body=None, defaults=None, **extra):
    request = {"method": method, "url": url, "headers": gcore_headers(method), "body": body}
    if defaults:
        request["defaults_applied"] = defaults
    case = {"name": name, "op": op, "input": input, "expect": {"request": request}}
    case["expect"].update(extra)
    return case


def from_sdk(name, op, input, sdk_case, body=None, url=None, **kw):
    """A request case whose method, URL and body are what the gcore SDK sent."""
    sdk = SDK[sdk_case]
    assert sdk["headers"]["authorization"] == "APIKey " + GCORE_KEY
    return gcore_request(
        name, op, input, sdk["method"], url or sdk["url"], body if body is not None else sdk["body"], **kw
    )


CHECK = "--check" in sys.argv[1:]
STALE = []


def save(path, text):
    """Writes `text` to `path`, or under --check notes that the file differs."""
    if CHECK:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            STALE.append(str(path.relative_to(HERE.parent.parent)))
    else:
        path.write_text(text, encoding="utf-8")


def write(filename, description, options, cases):
    doc = {"description": description, "options": options, "cases": cases}
    save(HERE / filename, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    print(f"{filename}: {len(cases)} cases")


# ---------------------------------------------------------------- gcore registries
C = "gcore.registries.create"
registries = [
    from_sdk("create: name only, storage_limit default 5 applied", C, {**BASE, "name": "reg-home1"},
             "registries_create_name_only", body='{"name":"reg-home1","storage_limit":5}',
             defaults=["/storage_limit"]),
    from_sdk("create: explicit storage_limit 20", C, {**BASE, "name": "reg-home1", "storage_limit": 20},
             "registries_create_storage_limit"),
    gcore_request("create: name length 2 (minimum)", C, {**BASE, "name": "ab", "storage_limit": 1},
                  "POST", PREFIX, '{"name":"ab","storage_limit":1}'),
    gcore_request("create: name length 24 (maximum), storage 1000 (maximum)", C,
                  {**BASE, "name": "a" * 23 + "9", "storage_limit": 1000},
                  "POST", PREFIX, '{"name":"%s","storage_limit":1000}' % ("a" * 23 + "9")),
    gcore_request("create: storage_limit 5.0 is the integer 5", C, {**BASE, "name": "reg", "storage_limit": 5.0},
                  "POST", PREFIX, '{"name":"reg","storage_limit":5}'),
    gcore_request("create: project_id 1.0 is the integer 1", C, {"project_id": 1.0, "region_id": 76, "name": "reg"},
                  "POST", PREFIX, '{"name":"reg","storage_limit":5}', defaults=["/storage_limit"]),
    gcore_request("create: hyphens inside", C, {**BASE, "name": "my--reg-1"},
                  "POST", PREFIX, '{"name":"my--reg-1","storage_limit":5}', defaults=["/storage_limit"]),
    invalid("create: name length 1", C, {**BASE, "name": "a"},
            err("too_short", "/name", message="must be at least 2 characters long", params={"min": 2})),
    invalid("create: name length 25", C, {**BASE, "name": "a" * 25},
            err("too_long", "/name", message="must be at most 24 characters long", params={"max": 24, "suggestion": "a" * 24})),
    invalid("create: empty name", C, {**BASE, "name": ""}, err("too_short", "/name")),
    invalid("create: leading digit", C, {**BASE, "name": "1registry"},
            err("pattern", "/name", message="must start with a lowercase letter",
                params={"pattern": "^[a-z][-a-z0-9]{0,22}[a-z0-9]$", "suggestion": "registry"})),
    invalid("create: leading hyphen", C, {**BASE, "name": "-registry"},
            err("pattern", "/name", message="must start with a lowercase letter")),
    invalid("create: trailing hyphen", C, {**BASE, "name": "registry-"},
            err("pattern", "/name", message="must end with a lowercase letter or digit")),
    invalid("create: uppercase inside", C, {**BASE, "name": "myRegistry"},
            err("pattern", "/name", message="may contain only lowercase letters, digits and hyphens")),
    invalid("create: uppercase first", C, {**BASE, "name": "Registry"},
            err("pattern", "/name", message="must start with a lowercase letter"),
            err("pattern", "/name", message="may contain only lowercase letters, digits and hyphens")),
    invalid("create: underscore", C, {**BASE, "name": "my_registry"},
            err("pattern", "/name", message="may contain only lowercase letters, digits and hyphens")),
    invalid("create: trailing newline is not accepted", C, {**BASE, "name": "my-registry\n"},
            err("pattern", "/name", message="may contain only lowercase letters, digits and hyphens"),
            err("pattern", "/name", message="must end with a lowercase letter or digit")),
    invalid("create: non-ASCII letter", C, {**BASE, "name": "régistry"},
            err("pattern", "/name", message="may contain only lowercase letters, digits and hyphens")),
    invalid("create: too long and uppercase", C, {**BASE, "name": "A" * 25},
            err("too_long", "/name"), err("pattern", "/name"), err("pattern", "/name"), err("pattern", "/name")),
    invalid("create: name missing", C, dict(BASE), err("required", "/name", message="is required")),
    invalid("create: name is a number", C, {**BASE, "name": 5},
            err("type", "/name", message="must be a string, not a number", params={"expected": "string"})),
    invalid("create: name is null", C, {**BASE, "name": None},
            err("type", "/name", message="must be a string, not null")),
    invalid("create: storage_limit 0", C, {**BASE, "name": "reg", "storage_limit": 0},
            err("out_of_range", "/storage_limit", message="must be between 1 and 1000",
                params={"min": 1, "max": 1000})),
    invalid("create: storage_limit 1001", C, {**BASE, "name": "reg", "storage_limit": 1001},
            err("out_of_range", "/storage_limit", message="must be between 1 and 1000")),
    invalid("create: storage_limit -1", C, {**BASE, "name": "reg", "storage_limit": -1},
            err("out_of_range", "/storage_limit")),
    invalid("create: storage_limit 5.5", C, {**BASE, "name": "reg", "storage_limit": 5.5},
            err("type", "/storage_limit", message="must be an integer, not a fractional number")),
    invalid("create: storage_limit \"5\" (strings are not numbers)", C, {**BASE, "name": "reg", "storage_limit": "5"},
            err("type", "/storage_limit", message="must be an integer, not a string")),
    invalid("create: storage_limit true (booleans are not integers)", C,
            {**BASE, "name": "reg", "storage_limit": True},
            err("type", "/storage_limit", message="must be an integer, not a boolean")),
    invalid("create: storage_limit 1e300", C, {**BASE, "name": "reg", "storage_limit": 1e300},
            err("out_of_range", "/storage_limit")),
    invalid("create: storage_limit 2^64", C, {**BASE, "name": "reg", "storage_limit": 18446744073709551616},
            err("out_of_range", "/storage_limit")),
    invalid("create: storage_limit is an object", C, {**BASE, "name": "reg", "storage_limit": {"gib": 5}},
            err("type", "/storage_limit", message="must be an integer, not an object")),
    invalid("create: project_id 1e300 (no rule bound: the safe-integer limit applies)", C,
            {"project_id": 1e300, "region_id": 76, "name": "reg"},
            err("out_of_range", "/project_id",
                message="must be between -9007199254740991 and 9007199254740991: larger integers lose precision in JavaScript",
                params={"min": -9007199254740991, "max": 9007199254740991})),
    invalid("create: region_id 2^53", C, {"project_id": 1, "region_id": 9007199254740992, "name": "reg"},
            err("out_of_range", "/region_id")),
    gcore_request("create: project_id 2^53 - 1 is the largest accepted", C,
                  {"project_id": 9007199254740991, "region_id": 76, "name": "reg", "storage_limit": 5},
                  "POST", "https://api.gcore.com/cloud/v1/registries/9007199254740991/76",
                  '{"name":"reg","storage_limit":5}'),
    invalid("create: name 5.0 is a number (JavaScript has no 5.0)", C, {**BASE, "name": 5.0},
            err("type", "/name", message="must be a string, not a number")),
    invalid("create: project_id 0", C, {"project_id": 0, "region_id": 76, "name": "reg"},
            err("out_of_range", "/project_id", message="must be at least 1", params={"min": 1})),
    invalid("create: project_id as string", C, {"project_id": "1", "region_id": 76, "name": "reg"},
            err("type", "/project_id")),
    invalid("create: region_id true", C, {"project_id": 1, "region_id": True, "name": "reg"},
            err("type", "/region_id")),
    invalid("create: region_id negative", C, {"project_id": 1, "region_id": -5, "name": "reg"},
            err("out_of_range", "/region_id")),
    invalid("create: path ids missing", C, {"name": "reg"},
            err("required", "/project_id"), err("required", "/region_id")),
    invalid("create: unknown field with suggestion", C, {**BASE, "name": "reg", "storage_limt": 5},
            err("unknown_field", "/storage_limt", message="is not a known field; did you mean storage_limit?",
                params={"suggestion": "storage_limit"})),
    invalid("create: unknown fields sorted, no suggestion when nothing is close", C,
            {**BASE, "name": "reg", "zzz": 1, "aaa": 2},
            err("unknown_field", "/aaa", message="is not a known field", params={}),
            err("unknown_field", "/zzz")),
    invalid("create: JSON Pointer escapes ~ and /", C, {**BASE, "name": "reg", "a/b~c": 1},
            err("unknown_field", "/a~1b~0c")),
    invalid("create: every error at once, in field order", C,
            {"project_id": 0, "region_id": "x", "name": "1", "storage_limit": True, "extra": 1},
            err("out_of_range", "/project_id"), err("type", "/region_id"), err("too_short", "/name"),
            err("pattern", "/name", message="must start with a lowercase letter"),
            err("type", "/storage_limit"), err("unknown_field", "/extra")),
    invalid("create: input is an array", C, [1, 2],
            err("type", "", message="must be an object, not an array")),
    invalid("create: input is null", C, None, err("type", "")),
    invalid("create: input is a string", C, "reg-home1", err("type", "")),
    {"name": "create: no credentials", "op": C, "input": {**BASE, "name": "reg"}, "options": {},
     "expect": {"error": {"code": "missing_credentials"}}},
    {"name": "create: Qovery token is not a Gcore credential", "op": C, "input": {**BASE, "name": "reg"},
     "options": QOVERY_OPTIONS, "expect": {"error": {"code": "wrong_credentials"}}},
    {"name": "create: API key with CR LF is refused, not sent", "op": C, "input": {**BASE, "name": "reg"},
     "options": {"credentials": {"type": "api_key", "api_key": "abc\r\nX-Injected: 1"}},
     "expect": {"error": {"code": "invalid_credentials"}}},
    {"name": "create: empty API key", "op": C, "input": {**BASE, "name": "reg"},
     "options": {"credentials": {"type": "api_key", "api_key": ""}},
     "expect": {"error": {"code": "invalid_credentials"}}},
    {"name": "create: bad base_url", "op": C, "input": {**BASE, "name": "reg"},
     "options": {**GCORE_OPTIONS, "base_url": "ftp://example.com"},
     "expect": {"error": {"code": "invalid_option"}}},
    {"name": "create: invalid input is reported before missing credentials", "op": C,
     "input": {**BASE, "name": "A"}, "options": {},
     "expect": {"errors": [err("too_short", "/name"), err("pattern", "/name"), err("pattern", "/name"),
                           err("pattern", "/name")]}},
    {**gcore_request("create: base_url override keeps its path prefix", C, {**BASE, "name": "reg", "storage_limit": 5},
                     "POST", "http://127.0.0.1:8080/proxy/cloud/v1/registries/1/76", '{"name":"reg","storage_limit":5}'),
     "options": {**GCORE_OPTIONS, "base_url": "http://127.0.0.1:8080/proxy/"}},
    {**from_sdk("create: API key masked in every rendering", C, {**BASE, "name": "reg-home1", "storage_limit": 20},
                "registries_create_storage_limit"),
     "expect": {**from_sdk("x", C, {}, "registries_create_storage_limit")["expect"],
                "masked": {
                    "headers": [["Accept", "application/json"], ["Authorization", "APIKey ***"],
                                ["Content-Type", "application/json"]],
                    "curl": "curl -X POST 'https://api.gcore.com/cloud/v1/registries/1/76' \\\n"
                            "  -H 'Accept: application/json' \\\n"
                            "  -H 'Authorization: APIKey ***' \\\n"
                            "  -H 'Content-Type: application/json' \\\n"
                            "  --data-raw '{\"name\":\"reg-home1\",\"storage_limit\":20}'",
                    "secrets_absent": [GCORE_KEY]}}},
    from_sdk("list", "gcore.registries.list", dict(BASE), "registries_list"),
    from_sdk("list with limit and offset", "gcore.registries.list", {**BASE, "limit": 10, "offset": 20},
             "registries_list_limit_offset"),
    gcore_request("list: offset 0 is allowed", "gcore.registries.list", {**BASE, "offset": 0},
                  "GET", PREFIX + "?offset=0"),
    invalid("list: limit 0", "gcore.registries.list", {**BASE, "limit": 0}, err("out_of_range", "/limit")),
    invalid("list: offset -1", "gcore.registries.list", {**BASE, "offset": -1}, err("out_of_range", "/offset")),
    invalid("list: limit as string", "gcore.registries.list", {**BASE, "limit": "10"}, err("type", "/limit")),
    from_sdk("get", "gcore.registries.get", dict(REG), "registries_get"),
    from_sdk("delete: 204, so Accept */*", "gcore.registries.delete", dict(REG), "registries_delete"),
    invalid("delete: registry_id 0", "gcore.registries.delete", {**BASE, "registry_id": 0},
            err("out_of_range", "/registry_id")),
    invalid("get: registry_id missing", "gcore.registries.get", dict(BASE), err("required", "/registry_id")),
    from_sdk("resize", "gcore.registries.resize", {**REG, "storage_limit": 20}, "registries_resize"),
    invalid("resize: storage_limit required", "gcore.registries.resize", dict(REG),
            err("required", "/storage_limit")),
    invalid("resize: storage_limit 1001", "gcore.registries.resize", {**REG, "storage_limit": 1001},
            err("out_of_range", "/storage_limit")),
    invalid("resize: name is not a resize field", "gcore.registries.resize",
            {**REG, "storage_limit": 20, "name": "x"}, err("unknown_field", "/name")),
]
write("gcore_registries.json", "Gcore registries: create, list, get, delete, resize (seeds 000, 003; gcore SDK 0.59.0)",
      GCORE_OPTIONS, registries)

# ---------------------------------------------------------------- gcore repositories, artifacts, tags
RL, RD, AL, AD, TD = ("gcore.repositories.list", "gcore.repositories.delete", "gcore.artifacts.list",
                      "gcore.artifacts.delete", "gcore.tags.delete")
REPO_MSG_CHARS = "may contain only lowercase letters, digits, periods, underscores, hyphens and slashes (pass a/b as is: regplan encodes it)"
REPO_MSG_PARTS = "each part between slashes must start and end with a lowercase letter or digit"
REPO_MSG_SEPS = "separators must be one period, one or two underscores, or a run of hyphens, never mixed or next to each other"


def repo_invalid(name, value, *errors):
    return invalid(f"repository_name {name}", RD, {**REG, "repository_name": value}, *errors)


def repo_valid(name, value, wire):
    return gcore_request(f"repository_name {name}", RD, {**REG, "repository_name": value}, "DELETE",
                         f"{PREFIX}/607/repositories/{wire}")


artifacts = [
    from_sdk("repositories list", RL, dict(REG), "repositories_list"),
    from_sdk("repositories list with paging", RL, {**REG, "limit": 10, "offset": 20}, "repositories_list_limit_offset"),
    from_sdk("repositories delete nginx", RD, {**REG, "repository_name": "nginx"}, "repositories_delete_nginx"),
    # Decision (README "Rule decisions"): the SDK sends library%2Fnginx for "library/nginx", but the
    # API's own docstring asks for a%252Fb (Harbor decodes twice). We send the documented wire form,
    # which is what the SDK sends when given the pre-encoded "library%2Fnginx".
    repo_valid("with a slash is double-encoded", "library/nginx", "library%252Fnginx"),
    repo_valid("with two slashes", "team/app/web", "team%252Fapp%252Fweb"),
    repo_valid("with separators", "my.app_x__y--z", "my.app_x__y--z"),
    repo_valid("of 255 characters", "a" * 255, "a" * 255),
    repo_invalid("of 256 characters", "a" * 256, err("too_long", "/repository_name", params={"max": 255, "suggestion": "a" * 255})),
    repo_invalid("empty", "", err("too_short", "/repository_name")),
    repo_invalid("uppercase", "Library", err("pattern", "/repository_name", message=REPO_MSG_CHARS),
                 err("pattern", "/repository_name", message=REPO_MSG_PARTS)),
    repo_invalid("pre-encoded a%2Fb", "a%2Fb", err("pattern", "/repository_name", message=REPO_MSG_CHARS)),
    repo_invalid("dot-dot", "..", err("pattern", "/repository_name", message=REPO_MSG_PARTS),
                 err("pattern", "/repository_name", message=REPO_MSG_SEPS)),
    repo_invalid("path traversal", "a/../b", err("pattern", "/repository_name", message=REPO_MSG_PARTS),
                 err("pattern", "/repository_name", message=REPO_MSG_SEPS)),
    repo_invalid("with ?", "a?b", err("pattern", "/repository_name", message=REPO_MSG_CHARS)),
    repo_invalid("with #", "a#b", err("pattern", "/repository_name", message=REPO_MSG_CHARS)),
    repo_invalid("empty component", "a//b", err("pattern", "/repository_name", message=REPO_MSG_PARTS)),
    repo_invalid("leading slash", "/a", err("pattern", "/repository_name", message=REPO_MSG_PARTS)),
    repo_invalid("trailing separator", "a-", err("pattern", "/repository_name", message=REPO_MSG_PARTS)),
    repo_invalid("double dot", "a..b", err("pattern", "/repository_name", message=REPO_MSG_SEPS)),
    repo_invalid("triple underscore", "a___b", err("pattern", "/repository_name", message=REPO_MSG_SEPS)),
    repo_invalid("mixed separators", "a._b", err("pattern", "/repository_name", message=REPO_MSG_SEPS)),
    repo_invalid("space", "a b", err("pattern", "/repository_name", message=REPO_MSG_CHARS)),
    repo_invalid("number", 5, err("type", "/repository_name")),
    from_sdk("artifacts list", AL, {**REG, "repository_name": "nginx"}, "artifacts_list_nginx"),
    from_sdk("artifacts list with paging", AL, {**REG, "repository_name": "nginx", "limit": 10, "offset": 20},
             "artifacts_list_nginx_limit_offset"),
    from_sdk("artifacts list, nested repository", AL, {**REG, "repository_name": "library/nginx"},
             "artifacts_list_library_nginx", url=f"{PREFIX}/607/repositories/library%252Fnginx/artifacts"),
    from_sdk("artifacts delete: the digest's colon stays literal", AD,
             {**REG, "repository_name": "nginx", "digest": DIGEST}, "artifacts_delete_nginx"),
    gcore_request("artifacts delete: sha512 digest", AD, {**REG, "repository_name": "nginx", "digest": SHA512},
                  "DELETE", f"{PREFIX}/607/repositories/nginx/artifacts/{SHA512}"),
    invalid("digest without algorithm", AD, {**REG, "repository_name": "nginx", "digest": "2c26b46b"},
            err("pattern", "/digest", message="must be algorithm:hex, for example sha256: followed by 64 hex digits")),
    invalid("digest with uppercase hex", AD, {**REG, "repository_name": "nginx", "digest": DIGEST.upper().replace("SHA", "sha")},
            err("pattern", "/digest", message="the part after the colon must be lowercase hexadecimal (0-9, a-f)")),
    invalid("digest too short (63 hex)", AD, {**REG, "repository_name": "nginx", "digest": DIGEST[:-1]},
            err("pattern", "/digest", message="a sha256 digest has 64 hex digits, a sha512 digest 128")),
    invalid("digest too long (65 hex)", AD, {**REG, "repository_name": "nginx", "digest": DIGEST + "a"},
            err("pattern", "/digest", message="a sha256 digest has 64 hex digits, a sha512 digest 128")),
    invalid("digest with unknown algorithm", AD, {**REG, "repository_name": "nginx", "digest": "md5:" + "a" * 32},
            err("pattern", "/digest", message="the algorithm must be sha256 or sha512")),
    invalid("digest over 135 characters", AD, {**REG, "repository_name": "nginx", "digest": SHA512 + "a"},
            err("too_long", "/digest"),
            err("pattern", "/digest", message="a sha256 digest has 64 hex digits, a sha512 digest 128")),
    invalid("digest with a slash", AD, {**REG, "repository_name": "nginx", "digest": "sha256:../../x"},
            err("pattern", "/digest", message="the part after the colon must be lowercase hexadecimal (0-9, a-f)"),
            err("pattern", "/digest", message="a sha256 digest has 64 hex digits, a sha512 digest 128")),
    invalid("artifacts delete: everything missing", AD, dict(BASE),
            err("required", "/registry_id"), err("required", "/repository_name"), err("required", "/digest")),
    from_sdk("tags delete", TD, {**REG, "repository_name": "nginx", "digest": DIGEST, "tag_name": "v1.0"},
             "tags_delete_nginx"),
    from_sdk("tags delete, nested repository", TD,
             {**REG, "repository_name": "library/nginx", "digest": DIGEST, "tag_name": "v1.0"},
             "tags_delete_library_nginx",
             url=f"{PREFIX}/607/repositories/library%252Fnginx/artifacts/{DIGEST}/tags/v1.0"),
    gcore_request("tag of 128 characters, starting with _", TD,
                  {**REG, "repository_name": "nginx", "digest": DIGEST, "tag_name": "_" + "A" * 127}, "DELETE",
                  f"{PREFIX}/607/repositories/nginx/artifacts/{DIGEST}/tags/{'_' + 'A' * 127}"),
    invalid("tag of 129 characters", TD, {**REG, "repository_name": "nginx", "digest": DIGEST, "tag_name": "a" * 129},
            err("too_long", "/tag_name", params={"max": 128, "suggestion": "a" * 128})),
    invalid("tag empty", TD, {**REG, "repository_name": "nginx", "digest": DIGEST, "tag_name": ""},
            err("too_short", "/tag_name")),
    invalid("tag starting with .", TD, {**REG, "repository_name": "nginx", "digest": DIGEST, "tag_name": ".hidden"},
            err("pattern", "/tag_name", message="must start with a letter, digit or underscore")),
    invalid("tag starting with -", TD, {**REG, "repository_name": "nginx", "digest": DIGEST, "tag_name": "-rc"},
            err("pattern", "/tag_name", message="must start with a letter, digit or underscore")),
    invalid("tag with a slash", TD, {**REG, "repository_name": "nginx", "digest": DIGEST, "tag_name": "a/b"},
            err("pattern", "/tag_name", message="may contain only letters, digits, underscores, periods and hyphens")),
    invalid("tag dot-dot", TD, {**REG, "repository_name": "nginx", "digest": DIGEST, "tag_name": ".."},
            err("pattern", "/tag_name", message="must start with a letter, digit or underscore")),
]
write("gcore_artifacts.json", "Gcore repositories, artifacts and tags (seed 003; gcore SDK 0.59.0; OCI grammars)",
      GCORE_OPTIONS, artifacts)

# ---------------------------------------------------------------- gcore users
UC, UM, UU = "gcore.users.create", "gcore.users.create_multiple", "gcore.users.update"
users = [
    from_sdk("users list", "gcore.users.list", dict(REG), "users_list"),
    from_sdk("users list with paging", "gcore.users.list", {**REG, "limit": 10, "offset": 20}, "users_list_limit_offset"),
    {**from_sdk("users create, all fields; secret masked", UC,
                {**REG, "name": "myuser", "duration": 30, "read_only": False, "secret": "S3cretPassw0rd"},
                "users_create_full"),
     "expect": {**from_sdk("x", UC, {}, "users_create_full")["expect"],
                "masked": {"body": '{"duration":30,"name":"myuser","read_only":false,"secret":"***"}',
                           "secrets_absent": ["S3cretPassw0rd", GCORE_KEY]}}},
    from_sdk("users create, required only", UC, {**REG, "name": "myuser", "duration": 30}, "users_create_required_only"),
    gcore_request("users create: duration -1 (indefinite), name of 16", UC,
                  {**REG, "name": "a" * 15 + "1", "duration": -1}, "POST", f"{PREFIX}/607/users",
                  '{"duration":-1,"name":"%s"}' % ("a" * 15 + "1")),
    gcore_request("users create: duration 1 (minimum)", UC, {**REG, "name": "u", "duration": 1},
                  "POST", f"{PREFIX}/607/users", '{"duration":1,"name":"u"}'),
    gcore_request("users create: body keys in documented order whatever the input order", UC,
                  {"secret": "x", "read_only": True, "name": "u", "duration": 7, **REG},
                  "POST", f"{PREFIX}/607/users", '{"duration":7,"name":"u","read_only":true,"secret":"x"}'),
    gcore_request("users create: secret with quotes and unicode is JSON-escaped", UC,
                  {**REG, "name": "u", "duration": 7, "secret": "pa\"ss\\wörd\n"},
                  "POST", f"{PREFIX}/607/users", '{"duration":7,"name":"u","secret":"pa\\"ss\\\\wörd\\n"}'),
    invalid("users create: duration 0", UC, {**REG, "name": "u", "duration": 0},
            err("out_of_range", "/duration", message="must be -1 or at least 1", params={"min": 1, "also": [-1]})),
    invalid("users create: duration -2", UC, {**REG, "name": "u", "duration": -2}, err("out_of_range", "/duration")),
    invalid("users create: duration \"30\"", UC, {**REG, "name": "u", "duration": "30"}, err("type", "/duration")),
    invalid("users create: duration true", UC, {**REG, "name": "u", "duration": True}, err("type", "/duration")),
    invalid("users create: name of 17", UC, {**REG, "name": "a" * 17, "duration": 1},
            err("too_long", "/name", params={"max": 16, "suggestion": "a" * 16})),
    invalid("users create: empty name", UC, {**REG, "name": "", "duration": 1}, err("too_short", "/name")),
    invalid("users create: uppercase name", UC, {**REG, "name": "MyUser", "duration": 1},
            err("pattern", "/name", message="may contain only lowercase letters and digits")),
    invalid("users create: hyphen in name", UC, {**REG, "name": "my-user", "duration": 1},
            err("pattern", "/name", message="may contain only lowercase letters and digits")),
    invalid("users create: read_only 1 (integers are not booleans)", UC,
            {**REG, "name": "u", "duration": 1, "read_only": 1},
            err("type", "/read_only", message="must be a boolean (true or false), not a number")),
    invalid("users create: read_only \"true\"", UC, {**REG, "name": "u", "duration": 1, "read_only": "true"},
            err("type", "/read_only")),
    invalid("users create: empty secret", UC, {**REG, "name": "u", "duration": 1, "secret": ""},
            err("too_short", "/secret")),
    invalid("users create: required fields missing", UC, dict(REG),
            err("required", "/duration"), err("required", "/name")),
    {**gcore_request("users create_multiple: documented key order, secrets masked", UM,
                     {**REG, "users": [{"name": "alice", "duration": -1, "read_only": True},
                                       {"name": "bob", "duration": 30, "secret": "b0bS3cret"}]},
                     "POST", f"{PREFIX}/607/users/batch",
                     '{"users":[{"duration":-1,"name":"alice","read_only":true},'
                     '{"duration":30,"name":"bob","secret":"b0bS3cret"}]}'),
     },
    invalid("users create_multiple: empty list", UM, {**REG, "users": []},
            err("too_few_items", "/users", params={"min": 1})),
    invalid("users create_multiple: not a list", UM, {**REG, "users": {"name": "a", "duration": 1}},
            err("type", "/users", message="must be an array, not an object")),
    invalid("users create_multiple: every item checked", UM,
            {**REG, "users": [{"name": "ok", "duration": 1}, {"name": "Bad", "duration": 0},
                              "alice", {"duration": 1, "nmae": "x"}]},
            err("out_of_range", "/users/1/duration"), err("pattern", "/users/1/name"),
            err("type", "/users/2", message="must be an object, not a string"),
            err("required", "/users/3/name"),
            err("unknown_field", "/users/3/nmae", params={"suggestion": "name"})),
    from_sdk("users update", UU, {**REG, "user_id": 730, "duration": -1, "read_only": True}, "users_update_full"),
    from_sdk("users update, duration only", UU, {**REG, "user_id": 730, "duration": 30}, "users_update_duration_only"),
    invalid("users update: duration required", UU, {**REG, "user_id": 730, "read_only": True},
            err("required", "/duration")),
    invalid("users update: user_id 0", UU, {**REG, "user_id": 0, "duration": 1}, err("out_of_range", "/user_id")),
    from_sdk("users refresh_secret: POST without body", "gcore.users.refresh_secret", {**REG, "user_id": 730},
             "users_refresh_secret"),
    from_sdk("users delete", "gcore.users.delete", {**REG, "user_id": 730}, "users_delete"),
    invalid("users delete: user_id as float", "gcore.users.delete", {**REG, "user_id": 730.5},
            err("type", "/user_id")),
]
write("gcore_users.json", "Gcore registry users (seed 003; gcore SDK 0.59.0)", GCORE_OPTIONS, users)

# ---------------------------------------------------------------- qovery
Q = "qovery.container_registries.create"
Q_URL = f"https://api.qovery.com/organization/{ORG}/containerRegistry"
Q_HEADERS = [["Accept", "application/json"], ["Authorization", "Token " + QOVERY_TOKEN],
             ["Content-Type", "application/json"]]
ECR_URL = "https://123456789012.dkr.ecr.eu-west-3.amazonaws.com"
GCP_KEY = '{"type":"service_account","project_id":"p"}'

VALID_CONFIG = {
    "ECR": ({"region": "eu-west-3", "access_key_id": "AKIAEXAMPLE", "secret_access_key": "s3cr3t"}, ECR_URL),
    "SCALEWAY_CR": ({"region": "fr-par", "scaleway_access_key": "SCWEXAMPLE", "scaleway_secret_key": "s3cr3t",
                     "scaleway_project_id": "p-1"}, "https://rg.fr-par.scw.cloud"),
    "DOCKER_HUB": ({"username": "me", "password": "pw"}, None),
    "GITHUB_CR": ({"username": "me", "password": "ghp_x"}, None),
    "GITHUB_ENTERPRISE_CR": ({}, "https://containers.github.example.com"),
    "GITLAB_CR": ({}, None),
    "PUBLIC_ECR": ({}, "https://public.ecr.aws"),
    "GENERIC_CR": ({"username": "me", "password": "pw"}, "https://registry.example.com:5000"),
    "GCP_ARTIFACT_REGISTRY": ({"region": "europe-west1", "json_credentials": GCP_KEY},
                              "https://europe-west1-docker.pkg.dev"),
    "AZURE_CR": ({"azure_tenant_id": "t-1", "azure_subscription_id": "s-1"}, "https://myreg.azurecr.io"),
}
DEFAULT_URL = {"DOCKER_HUB": "https://docker.io", "GITHUB_CR": "https://ghcr.io",
               "GITLAB_CR": "https://registry.gitlab.com"}
# Config members in the documented order of seed 001 (the order regplan sends them).
CONFIG_ORDER = ["access_key_id", "secret_access_key", "region", "scaleway_access_key", "scaleway_secret_key",
                "scaleway_project_id", "json_credentials", "username", "password", "role_arn", "azure_tenant_id",
                "azure_subscription_id",
                # added by qovery-typescript-axios 1.1.952 (GCP Workload Identity Federation)
                "gcp_credentials_type", "project_id", "service_account_email", "workload_identity_provider_resource",
                "token_lifetime_seconds"]


def qinput(kind, config=None, url=None, **extra):
    value = {"organizationId": ORG, "name": "my-registry", "kind": kind,
             "config": VALID_CONFIG[kind][0] if config is None else config}
    url = VALID_CONFIG[kind][1] if url is None else url
    if url is not False and url is not None:
        value["url"] = url
    value.update(extra)
    return value


def qbody(kind, config, url, description=None):
    parts = ['"name":"my-registry"', f'"kind":"{kind}"']
    if description is not None:
        parts.append(f'"description":{json.dumps(description, ensure_ascii=False)}')
    parts.append(f'"url":"{url}"')
    members = ",".join(f'"{k}":{json.dumps(config[k])}' for k in CONFIG_ORDER if k in config)
    parts.append('"config":{' + members + "}")
    return "{" + ",".join(parts) + "}"


def qrequest(name, input, body, defaults=None, warnings=None, headers=Q_HEADERS, url=Q_URL):
    request = {"method": "POST", "url": url, "headers": headers, "body": body}
    if defaults:
        request["defaults_applied"] = defaults
    if warnings:
        request["warnings"] = warnings
    return {"name": name, "op": Q, "input": input, "expect": {"request": request}}


qovery = []
for kind, (config, url) in VALID_CONFIG.items():
    sent_url = url or DEFAULT_URL[kind]
    warnings = [err("docker_hub_rate_limit", "/config")] if kind == "DOCKER_HUB" and not config else None
    qovery.append(qrequest(f"{kind}: valid", qinput(kind), qbody(kind, config, sent_url),
                           defaults=None if url else ["/url"], warnings=warnings))
for kind, url in DEFAULT_URL.items():
    qovery.append(qrequest(f"{kind}: explicit documented url", qinput(kind, url=url),
                           qbody(kind, VALID_CONFIG[kind][0], url)))
    qovery.append(invalid(f"{kind}: another https url", Q, qinput(kind, url=url + "/"),
                          err("must_equal", "/url", message=f"must be exactly {url} for kind {kind} (or be left out)",
                              params={"expected": url, "kind": kind})))
qovery += [
    qrequest("DOCKER_HUB without credentials: default url and a rate-limit warning", qinput("DOCKER_HUB", config={}),
             qbody("DOCKER_HUB", {}, "https://docker.io"), defaults=["/url"],
             warnings=[err("docker_hub_rate_limit", "/config")]),
    {**qrequest("description is sent between kind and url; uppercase UUID accepted and sent as given",
              {**qinput("GITLAB_CR"), "description": "Team images ✓", "organizationId": ORG.upper()},
              qbody("GITLAB_CR", {}, "https://registry.gitlab.com", description="Team images ✓"),
              defaults=["/url"], url=Q_URL.replace(ORG, ORG.upper()))},
    {**qrequest("ECR with role_arn instead of keys; body keys in documented order",
                qinput("ECR", config={"role_arn": "arn:aws:iam::123456789012:role/qovery", "region": "eu-west-3"}),
                qbody("ECR", {"role_arn": "arn:aws:iam::123456789012:role/qovery", "region": "eu-west-3"}, ECR_URL))},
    {**qrequest("Bearer JWT", qinput("GITLAB_CR"), qbody("GITLAB_CR", {}, "https://registry.gitlab.com"),
                defaults=["/url"],
                headers=[["Accept", "application/json"], ["Authorization", "Bearer eyJhbGciOi.x.y"],
                         ["Content-Type", "application/json"]]),
     "options": {"credentials": {"type": "bearer", "token": "eyJhbGciOi.x.y"}}},
    {**qrequest("secrets masked in every rendering", qinput("ECR"), qbody("ECR", VALID_CONFIG["ECR"][0], ECR_URL)),
     },
    {"name": "no credentials", "op": Q, "input": qinput("ECR"), "options": {},
     "expect": {"error": {"code": "missing_credentials"}}},
    {"name": "a Gcore API key is not a Qovery credential", "op": Q, "input": qinput("ECR"),
     "options": {"credentials": {"type": "api_key", "api_key": "k"}}, "expect": {"error": {"code": "wrong_credentials"}}},
    {"name": "token with a newline is refused", "op": Q, "input": qinput("ECR"),
     "options": {"credentials": {"type": "token", "token": "abc\nX: y"}},
     "expect": {"error": {"code": "invalid_credentials"}}},
    invalid("DOCR is no longer supported", Q, {**qinput("ECR"), "kind": "DOCR"},
            err("kind_not_supported", "/kind", message="DOCR (DigitalOcean) is not supported anymore by Qovery")),
    invalid("kind in lowercase: enum with suggestion", Q, {**qinput("ECR"), "kind": "ecr"},
            err("enum", "/kind", params={"allowed": list(VALID_CONFIG), "suggestion": "ECR"})),
    invalid("kind unknown", Q, {**qinput("ECR"), "kind": "QUAY"}, err("enum", "/kind")),
    invalid("kind is a number", Q, {**qinput("ECR"), "kind": 3}, err("type", "/kind")),
    invalid("required top-level fields missing", Q, {"organizationId": ORG},
            err("required", "/name"), err("required", "/kind"), err("required", "/config")),
    invalid("organizationId not a UUID", Q, qinput("GITLAB_CR", organizationId="my-org"),
            err("pattern", "/organizationId",
                message="must be a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6")),
    invalid("organizationId with a path separator", Q, qinput("GITLAB_CR", organizationId="../../admin"),
            err("pattern", "/organizationId")),
    invalid("organizationId too long", Q, qinput("GITLAB_CR", organizationId=ORG + "0"),
            err("too_long", "/organizationId", message="must be at most 36 characters long")),
    invalid("empty name", Q, qinput("GITLAB_CR", name=""), err("too_short", "/name", message="must not be empty")),
    invalid("config is a string", Q, qinput("ECR", config="region=eu"),
            err("type", "/config", message="must be an object, not a string")),
    invalid("config value is a number", Q, qinput("GENERIC_CR", config={"username": "me", "password": 1234}),
            err("type", "/config/password")),
    invalid("config value empty", Q, qinput("GENERIC_CR", config={"username": "", "password": "pw"}),
            err("too_short", "/config/username")),
    invalid("typo in a config key: did you mean", Q,
            qinput("ECR", config={"region": "eu-west-3", "access_key_id": "A", "secret_acess_key": "s"}),
            err("unknown_field", "/config/secret_acess_key", params={"suggestion": "secret_access_key"}),
            err("required", "/config/secret_access_key", message="is required together with Access key ID")),
    invalid("ECR: url missing", Q, qinput("ECR", url=False),
            err("required", "/url", message="is required for kind ECR")),
    invalid("ECR: region missing", Q, qinput("ECR", config={"access_key_id": "A", "secret_access_key": "s"}),
            err("required", "/config/region", message="is required for kind ECR")),
    invalid("ECR: no credentials at all", Q, qinput("ECR", config={"region": "eu-west-3"}),
            err("required", "/config",
                message="kind ECR needs credentials: Access key ID + Secret access key or Role ARN")),
    invalid("ECR: access key without secret", Q, qinput("ECR", config={"region": "r", "access_key_id": "A"}),
            err("required", "/config/secret_access_key")),
    invalid("ECR: secret without access key", Q, qinput("ECR", config={"region": "r", "secret_access_key": "s"}),
            err("required", "/config/access_key_id")),
    invalid("ECR: keys and role_arn both", Q,
            qinput("ECR", config={"region": "r", "access_key_id": "A", "secret_access_key": "s", "role_arn": "arn"}),
            err("conflict", "/config/role_arn",
                message="set either Access key ID + Secret access key or Role ARN, not both")),
    invalid("ECR: username is another kind's key", Q,
            qinput("ECR", config={**VALID_CONFIG["ECR"][0], "username": "u"}),
            err("forbidden", "/config/username", message="is not used by kind ECR",
                params={"kind": "ECR", "allowed": ["access_key_id", "secret_access_key", "region", "role_arn"]})),
    invalid("ECR: http url", Q, qinput("ECR", url="http://123456789012.dkr.ecr.eu-west-3.amazonaws.com"),
            err("not_https", "/url", message="must start with https://")),
    invalid("ECR: url that does not parse", Q, qinput("ECR", url="https://exa mple.com"),
            err("invalid_url", "/url")),
    invalid("ECR: url without host", Q, qinput("ECR", url="https://"), err("invalid_url", "/url")),
    invalid("ECR: url with bad port", Q, qinput("ECR", url="https://example.com:99999"), err("invalid_url", "/url")),
    invalid("ECR: url is not a string", Q, qinput("ECR", url=443), err("type", "/url")),
    invalid("ECR: empty url", Q, qinput("ECR", url=""), err("too_short", "/url")),
]
for key in ["region", "scaleway_access_key", "scaleway_secret_key", "scaleway_project_id"]:
    config = {k: v for k, v in VALID_CONFIG["SCALEWAY_CR"][0].items() if k != key}
    qovery.append(invalid(f"SCALEWAY_CR: {key} missing", Q, qinput("SCALEWAY_CR", config=config),
                          err("required", f"/config/{key}", message="is required for kind SCALEWAY_CR")))
GCP = "GCP_ARTIFACT_REGISTRY"
GCP_URL = "https://europe-west1-docker.pkg.dev"
WIF = {"gcp_credentials_type": "workload_identity_federation", "project_id": "my-project",
       "service_account_email": "qovery@my-project.iam.gserviceaccount.com",
       "workload_identity_provider_resource": "projects/123456789/locations/global/workloadIdentityPools/qovery-pool/providers/qovery-aws"}
qovery += [
    invalid("GCP_ARTIFACT_REGISTRY: region missing", Q, qinput(GCP, config={"json_credentials": GCP_KEY}),
            err("required", "/config/region")),
    invalid("GCP_ARTIFACT_REGISTRY: neither json_credentials nor workload identity", Q,
            qinput(GCP, config={"region": "europe-west1"}),
            err("required", "/config", message="kind GCP_ARTIFACT_REGISTRY needs credentials: JSON credentials or "
                "GCP credentials type + Project ID + Service account email + Workload identity provider resource")),
    qrequest("GCP_ARTIFACT_REGISTRY: workload identity federation (TypeScript client keys)",
             qinput(GCP, config={"region": "europe-west1", **WIF, "token_lifetime_seconds": 14400}),
             qbody(GCP, {"region": "europe-west1", **WIF, "token_lifetime_seconds": 14400}, GCP_URL)),
    invalid("GCP_ARTIFACT_REGISTRY: workload identity without service_account_email", Q,
            qinput(GCP, config={"region": "r", **{k: v for k, v in WIF.items() if k != "service_account_email"}}),
            err("required", "/config/service_account_email")),
    invalid("GCP_ARTIFACT_REGISTRY: json key and workload identity both", Q,
            qinput(GCP, config={"region": "r", "json_credentials": GCP_KEY, **WIF}),
            err("conflict", "/config/gcp_credentials_type")),
    invalid("GCP_ARTIFACT_REGISTRY: unknown gcp_credentials_type", Q,
            qinput(GCP, config={"region": "r", **WIF, "gcp_credentials_type": "static"}),
            err("enum", "/config/gcp_credentials_type", params={"allowed": ["workload_identity_federation"]})),
    invalid("GCP_ARTIFACT_REGISTRY: token_lifetime_seconds 0", Q,
            qinput(GCP, config={"region": "r", **WIF, "token_lifetime_seconds": 0}),
            err("out_of_range", "/config/token_lifetime_seconds")),
    invalid("GCP_ARTIFACT_REGISTRY: token_lifetime_seconds beyond int32", Q,
            qinput(GCP, config={"region": "r", **WIF, "token_lifetime_seconds": 2147483648}),
            err("out_of_range", "/config/token_lifetime_seconds")),
    invalid("GCP_ARTIFACT_REGISTRY: token_lifetime_seconds as string", Q,
            qinput(GCP, config={"region": "r", **WIF, "token_lifetime_seconds": "14400"}),
            err("type", "/config/token_lifetime_seconds")),
    invalid("ECR: workload identity keys belong to GCP", Q,
            qinput("ECR", config={**VALID_CONFIG["ECR"][0], "service_account_email": "x@y"}),
            err("forbidden", "/config/service_account_email")),
]
for key in ["azure_tenant_id", "azure_subscription_id"]:
    config = {k: v for k, v in VALID_CONFIG["AZURE_CR"][0].items() if k != key}
    qovery.append(invalid(f"AZURE_CR: {key} missing", Q, qinput("AZURE_CR", config=config),
                          err("required", f"/config/{key}")))
for bad, label in [("not json", "not JSON"), ("[1, 2]", "a JSON array"), ('"text"', "a JSON string"),
                   ('{"a": 1', "truncated JSON")]:
    qovery.append(invalid(f"GCP_ARTIFACT_REGISTRY: json_credentials is {label}", Q,
                          qinput("GCP_ARTIFACT_REGISTRY", config={"region": "r", "json_credentials": bad}),
                          err("invalid_json", "/config/json_credentials",
                              message="must hold a JSON object: the contents of the service account key file")))
for kind in ["DOCKER_HUB", "GITHUB_CR", "GITLAB_CR", "GENERIC_CR", "GITHUB_ENTERPRISE_CR"]:
    qovery.append(invalid(f"{kind}: username without password", Q, qinput(kind, config={"username": "me"}),
                          err("required", "/config/password", message="is required together with Username")))
    qovery.append(invalid(f"{kind}: password without username", Q, qinput(kind, config={"password": "pw"}),
                          err("required", "/config/username", message="is required together with Password")))
for kind in ["GITHUB_ENTERPRISE_CR", "PUBLIC_ECR", "GENERIC_CR", "SCALEWAY_CR", "GCP_ARTIFACT_REGISTRY", "AZURE_CR"]:
    qovery.append(invalid(f"{kind}: url required", Q, qinput(kind, url=False),
                          err("required", "/url", message=f"is required for kind {kind}")))
qovery += [
    qrequest("PUBLIC_ECR: optional key pair accepted (decision)",
             qinput("PUBLIC_ECR", config={"access_key_id": "A", "secret_access_key": "s", "region": "us-east-1"}),
             qbody("PUBLIC_ECR", {"access_key_id": "A", "secret_access_key": "s", "region": "us-east-1"},
                   "https://public.ecr.aws")),
    invalid("PUBLIC_ECR: access key without secret", Q, qinput("PUBLIC_ECR", config={"access_key_id": "A"}),
            err("required", "/config/secret_access_key")),
    invalid("PUBLIC_ECR: scaleway key is forbidden", Q, qinput("PUBLIC_ECR", config={"scaleway_access_key": "x"}),
            err("forbidden", "/config/scaleway_access_key")),
    invalid("GITLAB_CR: region is forbidden", Q, qinput("GITLAB_CR", config={"region": "eu"}),
            err("forbidden", "/config/region")),
    invalid("DOCKER_HUB: http url", Q, qinput("DOCKER_HUB", url="http://docker.io"),
            err("not_https", "/url")),
    invalid("every error at once", Q,
            {"organizationId": "nope", "name": 1, "kind": "ECR", "url": "http://x", "description": None,
             "config": {"regoin": "eu", "username": "u"}, "extra": True},
            err("pattern", "/organizationId"), err("type", "/name"), err("type", "/description"),
            err("not_https", "/url"), err("unknown_field", "/config/regoin", params={"suggestion": "region"}),
            err("unknown_field", "/extra"), err("forbidden", "/config/username"),
            err("required", "/config/region"), err("required", "/config")),
]
# Secret masking: the access key pair and password are masked in body and curl.
masked_case = qrequest("ECR secrets masked in body, headers and curl", qinput("ECR"),
                       qbody("ECR", VALID_CONFIG["ECR"][0], ECR_URL))
masked_body = qbody("ECR", {"access_key_id": "***", "secret_access_key": "***", "region": "eu-west-3"}, ECR_URL)
masked_case["expect"]["masked"] = {
    "headers": [["Accept", "application/json"], ["Authorization", "Token ***"], ["Content-Type", "application/json"]],
    "body": masked_body,
    "curl": f"curl -X POST '{Q_URL}' \\\n  -H 'Accept: application/json' \\\n  -H 'Authorization: Token ***' \\\n"
            f"  -H 'Content-Type: application/json' \\\n  --data-raw '{masked_body}'",
    "secrets_absent": [QOVERY_TOKEN, "s3cr3t", "AKIAEXAMPLE"],
}
qovery.append(masked_case)
gcp_masked = qrequest("GCP json_credentials masked", qinput("GCP_ARTIFACT_REGISTRY"),
                      qbody("GCP_ARTIFACT_REGISTRY", VALID_CONFIG["GCP_ARTIFACT_REGISTRY"][0],
                            "https://europe-west1-docker.pkg.dev"))
gcp_masked["expect"]["masked"] = {"secrets_absent": ["service_account"]}
qovery.append(gcp_masked)
write("qovery.json", "Qovery container registries (seed 001; qovery-typescript-axios)", QOVERY_OPTIONS, qovery)

# ---------------------------------------------------------------- huawei swr (rules)
HR, HN = "huawei_swr.repositories.create", "huawei_swr.namespaces.create"
HW_INPUT = {"region": "cn-north-4", "namespace": "my-team", "repository": "busybox", "category": "linux",
            "description": "this is a busybox repository", "is_public": True}
ADJ = "periods, underscores and hyphens cannot be next to each other (only a double underscore is allowed)"
UND = "may contain at most two consecutive underscores"


def hw_ns(name, value, *errors):
    return invalid(f"namespace {name}", HN, {"region": "cn-north-4", "namespace": value}, *errors)


def hw_repo(name, value, *errors):
    return invalid(f"repository {name}", HR, {**HW_INPUT, "repository": value}, *errors)


huawei_rules = [
    hw_ns("empty", "", err("too_short", "/namespace")),
    hw_ns("of 65 characters", "a" * 65, err("too_long", "/namespace", params={"max": 64, "suggestion": "a" * 64})),
    hw_ns("starting with a digit", "1team", err("pattern", "/namespace", message="must start with a lowercase letter")),
    hw_ns("ending with a hyphen", "team-", err("pattern", "/namespace",
                                             message="must end with a lowercase letter or digit")),
    hw_ns("uppercase", "Team", err("pattern", "/namespace", message="must start with a lowercase letter"),
          err("pattern", "/namespace", message="may contain only lowercase letters, digits, periods, underscores and hyphens")),
    hw_ns("a--b (decision: hyphens are separators too)", "a--b", err("adjacent_separators", "/namespace", message=ADJ)),
    hw_ns("a._b", "a._b", err("adjacent_separators", "/namespace", message=ADJ)),
    hw_ns("a_.b", "a_.b", err("adjacent_separators", "/namespace", message=ADJ)),
    hw_ns("a..b", "a..b", err("adjacent_separators", "/namespace", message=ADJ)),
    hw_ns("a___b", "a___b", err("too_many_underscores", "/namespace", message=UND)),
    hw_ns("a____b", "a____b", err("too_many_underscores", "/namespace", message=UND)),
    hw_ns("a__-b", "a__-b", err("adjacent_separators", "/namespace", message=ADJ)),
    hw_ns("with a slash", "a/b", err("pattern", "/namespace",
                                     message="may contain only lowercase letters, digits, periods, underscores and hyphens")),
    hw_ns("is a number", 7, err("type", "/namespace")),
    invalid("namespace missing", HN, {"region": "cn-north-4"}, err("required", "/namespace")),
    invalid("region missing", HN, {"namespace": "team"}, err("required", "/region")),
    invalid("region malformed", HN, {"region": "north", "namespace": "team"},
            err("pattern", "/region", message="must be a region id such as cn-north-4 or ap-southeast-1")),
    invalid("region with CR LF", HN, {"region": "cn-north-4\r\nx", "namespace": "team"},
            err("control_character", "/region")),
    invalid("repositories: namespace path parameter with LF", HR, {**HW_INPUT, "namespace": "my-team\n"},
            err("control_character", "/namespace",
                message="must not contain control characters (CR, LF, tab, NUL, ...)")),
    hw_repo("empty", "", err("too_short", "/repository")),
    hw_repo("of 129 characters", "a" * 129, err("too_long", "/repository", params={"max": 128, "suggestion": "a" * 128})),
    hw_repo("starting with a hyphen", "-box", err("pattern", "/repository",
                                                 message="must start with a lowercase letter or digit")),
    hw_repo("ending with a period", "box.", err("pattern", "/repository",
                                               message="must end with a lowercase letter or digit")),
    hw_repo("a--b", "a--b", err("adjacent_separators", "/repository")),
    hw_repo("a___b", "a___b", err("too_many_underscores", "/repository")),
    hw_repo("with a slash", "library/busybox", err("pattern", "/repository")),
    invalid("repository: category unknown", HR, {**HW_INPUT, "category": "Linux"},
            err("enum", "/category", params={"allowed": ["app_server", "linux", "framework_app", "database", "lang",
                                                         "other", "windows", "arm"], "suggestion": "linux"})),
    invalid("repository: is_public missing", HR, {k: v for k, v in HW_INPUT.items() if k != "is_public"},
            err("required", "/is_public")),
    invalid("repository: is_public as string", HR, {**HW_INPUT, "is_public": "true"}, err("type", "/is_public")),
    invalid("repository: is_public as 1", HR, {**HW_INPUT, "is_public": 1}, err("type", "/is_public")),
    invalid("repository: description not a string", HR, {**HW_INPUT, "description": ["x"]},
            err("type", "/description")),
    invalid("repository: every error at once", HR,
            {"region": "x", "namespace": "A__", "repository": "b___", "is_public": None, "extra": 1},
            err("pattern", "/region"),
            err("pattern", "/namespace", message="must start with a lowercase letter"),
            err("pattern", "/namespace", message="may contain only lowercase letters, digits, periods, underscores and hyphens"),
            err("pattern", "/namespace", message="must end with a lowercase letter or digit"),
            err("pattern", "/repository", message="must end with a lowercase letter or digit"),
            err("too_many_underscores", "/repository"),
            err("type", "/is_public"), err("unknown_field", "/extra")),
]
write("huawei_swr_rules.json", "Huawei SWR naming rules (seed 004) and regions (huaweicloudsdkswr)",
      {"credentials": {"type": "access_key", "access_key": "AKEXAMPLE0000000000",
                       "secret_key": "SKEXAMPLEsecretkeyvalue000000000000000000"},
       "timestamp": "2026-11-22T10:15:00Z"}, huawei_rules)

# ---------------------------------------------------------------- ncloud (rules)
NC = "ncloud.registries.create"
NB = {"registry": "r", "bucket": "my-bucket"}
BUCKET_GUIDE_MSG = {
    "start": "must start with a lowercase letter or digit",
    "chars": "may contain only lowercase letters, digits, periods and hyphens",
    "end": "must end with a lowercase letter or digit",
}


def bucket(name, value, *errors):
    return invalid(f"bucket {name}", NC, {"registry": "r", "bucket": value}, *errors)


def bucket_ok(name, value):
    return {"name": f"bucket {name}", "op": NC, "input": {"registry": "r", "bucket": value},
            "expect": {"errors": []}}


ncloud_rules = [
    invalid("registry missing", NC, {"bucket": "my-bucket"}, err("required", "/registry")),
    invalid("bucket missing", NC, {"registry": "r"}, err("required", "/bucket")),
    invalid("registry empty", NC, {**NB, "registry": ""}, err("too_short", "/registry")),
    invalid("registry with CR LF (path parameter)", NC, {**NB, "registry": "r\r\nX-Evil: 1"},
            err("control_character", "/registry")),
    invalid("region unknown", NC, {**NB, "region": "US"},
            err("enum", "/region", params={"allowed": ["KR", "SGN", "JPN"]})),
    invalid("bucket not a string", NC, {"registry": "r", "bucket": 5}, err("type", "/bucket")),
    invalid("unknown field", NC, {**NB, "buket": "b"}, err("unknown_field", "/buket", params={"suggestion": "bucket"})),
    bucket("empty", "", err("too_short", "/bucket", params={"min": 3})),
    bucket("of 2 characters", "ab", err("too_short", "/bucket", params={"min": 3})),
    bucket_ok("of 3 characters", "abc"),
    bucket_ok("of 63 characters", "a" * 62 + "9"),
    bucket_ok("with periods and hyphens", "my.bucket-1"),
    bucket_ok("that is not quite an IP address", "1.2.3"),
    bucket("of 64 characters", "a" * 64, err("too_long", "/bucket", params={"max": 63, "suggestion": "a" * 63})),
    bucket("starting with a hyphen", "-abc", err("pattern", "/bucket", message=BUCKET_GUIDE_MSG["start"])),
    bucket("ending with a period", "abc.", err("pattern", "/bucket", message=BUCKET_GUIDE_MSG["end"])),
    bucket("with uppercase", "Abc", err("pattern", "/bucket", message=BUCKET_GUIDE_MSG["start"]),
           err("pattern", "/bucket", message=BUCKET_GUIDE_MSG["chars"])),
    bucket("with an underscore", "a_b", err("pattern", "/bucket", message=BUCKET_GUIDE_MSG["chars"])),
    bucket("in the form of an IP address", "192.168.0.1",
           err("ip_address", "/bucket", message="must not be in the form of an IP address")),
    {"name": "no timestamp: signing needs the caller's time", "op": NC, "input": NB,
     "options": {"credentials": {"type": "access_key", "access_key": "AK", "secret_key": "SK"}},
     "expect": {"error": {"code": "missing_timestamp"}}},
    {"name": "a Gcore API key cannot sign NAVER requests", "op": NC, "input": NB,
     "options": {"credentials": {"type": "api_key", "api_key": "k"}, "timestamp": 0},
     "expect": {"error": {"code": "wrong_credentials"}}},
    {"name": "access key with a newline is refused", "op": NC, "input": NB,
     "options": {"credentials": {"type": "access_key", "access_key": "AK\nx", "secret_key": "SK"}, "timestamp": 0},
     "expect": {"error": {"code": "invalid_credentials"}}},
    {"name": "timestamp that is not RFC 3339", "op": NC, "input": NB,
     "options": {"credentials": {"type": "access_key", "access_key": "AK", "secret_key": "SK"},
                 "timestamp": "yesterday"},
     "expect": {"error": {"code": "invalid_option"}}},
]
write("ncloud_rules.json", "NAVER Cloud NCR rules (seed 002)",
      {"credentials": {"type": "access_key", "access_key": "ncp_iam_EXAMPLEACCESSKEY",
                       "secret_key": "ncp_iam_EXAMPLESECRETKEY0000000000000"},
       "timestamp": 1795342500000}, ncloud_rules)

# ---------------------------------------------------------------- signed requests (huawei, ncloud)
# The unsigned parts (method, URL, headers, body) are written here by hand; the
# signatures come from the vendors' own code: tests/vendor/huawei_sign.py and
# tests/vendor/ncloud_sign.py read tests/vendor/signing_cases.json and write
# tests/vendor/{huawei,ncloud}_signatures.json, which this script reads back.
HW_AK, HW_SK = "AKEXAMPLE0000000000", "SKEXAMPLEsecretkeyvalue000000000000000000"
HW_PROJECT = "0123456789abcdef0123456789abcdef"
NC_AK, NC_SK = "ncp_iam_EXAMPLEACCESSKEY", "ncp_iam_EXAMPLESECRETKEY0000000000000"
WHEN, WHEN_MS, WHEN_HW = "2026-11-22T10:15:00Z", 1795342500000, "20261122T101500Z"
LATER_MS, LATER_HW = 1795342501000, "20261122T101501Z"


def hw_signed(name, op, input, path, body, region_host="swr-api.cn-north-4.myhuaweicloud.com", project=None,
              when=WHEN, sdk_date=WHEN_HW, warnings=None):
    headers = [["Content-Type", "application/json"], ["Host", region_host]]
    if project:
        headers.append(["X-Project-Id", project])
    headers.append(["X-Sdk-Date", sdk_date])
    credentials = {"type": "access_key", "access_key": HW_AK, "secret_key": HW_SK}
    if project:
        credentials["project_id"] = project
    return {"name": name, "op": op, "input": input, "options": {"credentials": credentials, "timestamp": when},
            "signing": {"vendor": "huawei", "method": "POST", "url": f"https://{region_host}{path}",
                        "headers": headers, "body": body, "ak": HW_AK, "sk": HW_SK},
            "warnings": warnings}


def nc_signed(name, input, base, path, when=WHEN_MS, base_url=None):
    options = {"credentials": {"type": "access_key", "access_key": NC_AK, "secret_key": NC_SK}, "timestamp": when}
    if base_url:
        options["base_url"] = base_url
    url = base + path
    uri = url.split("://", 1)[1]
    uri = uri[uri.index("/"):]
    return {"name": name, "op": NC, "input": input, "options": options,
            "signing": {"vendor": "ncloud", "method": "POST", "url": url, "uri": uri, "timestamp": str(when),
                        "access_key": NC_AK, "secret_key": NC_SK,
                        "body": '{"bucket":"%s"}' % input["bucket"]}}


HW_BODY = '{"repository":"busybox","category":"linux","description":"this is a busybox repository","is_public":true}'
signed = [
    hw_signed("huawei: create repository (seed 004 example), AK/SK", HR, HW_INPUT,
              "/v2/manage/namespaces/my-team/repos", HW_BODY),
    hw_signed("huawei: same request with a project id (X-Project-Id is signed)", HR, HW_INPUT,
              "/v2/manage/namespaces/my-team/repos", HW_BODY, project=HW_PROJECT),
    hw_signed("huawei: same request one second later (signature differs)", HR, HW_INPUT,
              "/v2/manage/namespaces/my-team/repos", HW_BODY, when="2026-11-22T10:15:01Z", sdk_date=LATER_HW),
    hw_signed("huawei: minimal repository, private, in ap-southeast-1", HR,
              {"region": "ap-southeast-1", "namespace": "a__b.c-d", "repository": "x", "is_public": False},
              "/v2/manage/namespaces/a__b.c-d/repos", '{"repository":"x","is_public":false}',
              region_host="swr-api.ap-southeast-1.myhuaweicloud.com"),
    hw_signed("huawei: UTF-8 description is hashed as sent", HR,
              {**HW_INPUT, "description": "Überall — 容器 ✓"},
              "/v2/manage/namespaces/my-team/repos",
              '{"repository":"busybox","category":"linux","description":"Überall — 容器 ✓","is_public":true}'),
    hw_signed("huawei: create namespace in eu-west-101 (.myhuaweicloud.eu)", HN,
              {"region": "eu-west-101", "namespace": "my-team"}, "/v2/manage/namespaces",
              '{"namespace":"my-team"}', region_host="swr-api.eu-west-101.myhuaweicloud.eu"),
    hw_signed("huawei: unknown but well-formed region, with a warning", HN,
              {"region": "xx-new-7", "namespace": "my-team"}, "/v2/manage/namespaces",
              '{"namespace":"my-team"}', region_host="swr-api.xx-new-7.myhuaweicloud.com",
              warnings=[err("unknown_region", "/region")]),
    nc_signed("ncloud: create registry (KR, default region)", {"registry": "my-registry", "bucket": "my-ncr-bucket"},
              "https://ncr.apigw.ntruss.com/ncr/api/v2", "/repositories/my-registry"),
    nc_signed("ncloud: same request one millisecond later", {"registry": "my-registry", "bucket": "my-ncr-bucket"},
              "https://ncr.apigw.ntruss.com/ncr/api/v2", "/repositories/my-registry", when=WHEN_MS + 1),
    nc_signed("ncloud: Singapore region prefix is signed",
              {"registry": "my-registry", "bucket": "my-ncr-bucket", "region": "SGN"},
              "https://ncr.apigw.ntruss.com/ncr/sgn-api/v2", "/repositories/my-registry"),
    nc_signed("ncloud: Japan region", {"registry": "my-registry", "bucket": "my-ncr-bucket", "region": "JPN"},
              "https://ncr.apigw.ntruss.com/ncr/jpn-api/v2", "/repositories/my-registry"),
    nc_signed("ncloud: government gateway (capital region) through base_url",
              {"registry": "gov-registry", "bucket": "gov-bucket"},
              "https://gov-ncr.apigw.gov-ntruss.com/ncr/kr/v2", "/repositories/gov-registry",
              base_url="https://gov-ncr.apigw.gov-ntruss.com/ncr/kr/v2"),
]
VENDOR = HERE.parent / "vendor"
save(VENDOR / "signing_cases.json", json.dumps([dict(c["signing"], name=c["name"]) for c in signed],
                                               indent=2, ensure_ascii=False) + "\n")


def load_signatures(filename):
    path = VENDOR / filename
    return {r["name"]: r for r in json.loads(path.read_text())} if path.exists() else {}


HW_SIGS, NC_SIGS = load_signatures("huawei_signatures.json"), load_signatures("ncloud_signatures.json")
signed_cases = []
for case in signed:
    s = case["signing"]
    if s["vendor"] == "huawei":
        vendor = HW_SIGS.get(case["name"])
        if vendor is None:
            continue
        headers = [["Authorization", vendor["authorization"]]] + s["headers"]
        masked = {"secrets_absent": [HW_SK]}
    else:
        vendor = NC_SIGS.get(case["name"])
        if vendor is None:
            continue
        headers = [["Content-Type", "application/json"], ["x-ncp-apigw-signature-v2", vendor["signature"]],
                   ["x-ncp-apigw-timestamp", s["timestamp"]], ["x-ncp-iam-access-key", s["access_key"]]]
        masked = {"secrets_absent": [NC_SK]}
    request = {"method": "POST", "url": s["url"], "headers": headers, "body": s["body"]}
    if case.get("warnings"):
        request["warnings"] = case["warnings"]
    if case["op"] == NC and "region" not in case["input"]:
        request["defaults_applied"] = []
    signed_cases.append({"name": case["name"], "op": case["op"], "input": case["input"], "options": case["options"],
                         "expect": {"request": request, "masked": masked}})
signed_cases += [
    {"name": "huawei: IAM token instead of AK/SK (X-Auth-Token, masked)", "op": HR, "input": HW_INPUT,
     "options": {"credentials": {"type": "iam_token", "token": "MIIEXAMPLEtoken"}},
     "expect": {"request": {"method": "POST", "url": "https://swr-api.cn-north-4.myhuaweicloud.com/v2/manage/namespaces/my-team/repos",
                            "headers": [["Content-Type", "application/json"], ["X-Auth-Token", "MIIEXAMPLEtoken"]],
                            "body": HW_BODY},
                "masked": {"headers": [["Content-Type", "application/json"], ["X-Auth-Token", "***"]],
                           "secrets_absent": ["MIIEXAMPLEtoken"]}}},
    {"name": "huawei: AK/SK without a timestamp", "op": HR, "input": HW_INPUT,
     "options": {"credentials": {"type": "access_key", "access_key": HW_AK, "secret_key": HW_SK}},
     "expect": {"error": {"code": "missing_timestamp"}}},
    {"name": "huawei: project id with CR LF is refused", "op": HR, "input": HW_INPUT,
     "options": {"credentials": {"type": "access_key", "access_key": HW_AK, "secret_key": HW_SK,
                                 "project_id": "p\r\nX: y"}, "timestamp": WHEN},
     "expect": {"error": {"code": "invalid_credentials"}}},
]
print(f"signed cases with vendor signatures: {len(signed_cases) - 3} of {len(signed)}")
write("signed_requests.json", "Signed requests: Huawei SDK-HMAC-SHA256 and NAVER API Gateway v2, "
      "signatures from the vendors' code (tests/vendor/)", {}, signed_cases)

# ---------------------------------------------------------------- suggestions (issue 12)
# For an invalid name, every issue of the field carries `params.suggestion`:
# the nearest name the grammar accepts, written out by hand here from the
# grammars of the seeds (lowercased, a run of refused characters turned into
# one allowed separator, what may not start or end a name dropped, a name too
# long cut to the limit at a word boundary); none when no such name exists.
GCORE_NAME_RE = "^[a-z][-a-z0-9]{0,22}[a-z0-9]$"
USER_NAME_RE = "^[a-z0-9]{1,16}$"
OCI_REPO_RE = r"^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$"
OCI_TAG_RE = "^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$"
BUCKET_RE = "^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$"
SWR_NS_RE = "^[a-z][a-z0-9]*(?:(?:[._-]|__)[a-z0-9]+)*$"
SWR_REPO_RE = "^[a-z0-9]+(?:(?:[._-]|__)[a-z0-9]+)*$"


def suggested(path, pattern, suggestion, *codes):
    """The field's issues, in order, each with the suggestion (`pattern` for
    the grammar's kinds, `max` for `too_long`)."""
    out = []
    for code in codes:
        if isinstance(code, tuple):
            code, message = code
            extra = {"message": message}
        else:
            extra = {}
        if code == "too_long":
            params = {"max": pattern}
        else:
            params = {"pattern": pattern}
        if suggestion is not None:
            params["suggestion"] = suggestion
        out.append(err(code, path, params=params, **extra))
    return out


def suggestion_case(name, op, input, errors):
    return invalid(name, op, input, *errors)


TAG_BASE = {**REG, "repository_name": "nginx", "digest": DIGEST}
suggestions = [
    # The issue's three examples.
    suggestion_case("gcore registry name 'My_Registry ' -> my-registry", C, {**BASE, "name": "My_Registry "},
                    suggested("/name", GCORE_NAME_RE, "my-registry",
                              ("pattern", "must start with a lowercase letter"),
                              ("pattern", "may contain only lowercase letters, digits and hyphens"),
                              ("pattern", "must end with a lowercase letter or digit"))),
    suggestion_case("gcore registry name of 35 characters cut at a word boundary", C,
                    {**BASE, "name": "my-very-long-registry-name-for-prod"},
                    suggested("/name", 24, "my-very-long-registry", "too_long")),
    suggestion_case("huawei namespace a--b -> a-b", HN, {"region": "cn-north-4", "namespace": "a--b"},
                    suggested("/namespace", SWR_NS_RE, "a-b", ("adjacent_separators", ADJ))),
    # One per naming rule.
    suggestion_case("gcore registry name cut where the limit falls on a hyphen", C,
                    {**BASE, "name": "abcdefghij-klmnopqrstuvw-xyz"},
                    suggested("/name", 24, "abcdefghij-klmnopqrstuvw", "too_long")),
    suggestion_case("gcore registry name with a leading digit", C, {**BASE, "name": "1registry"},
                    suggested("/name", GCORE_NAME_RE, "registry", "pattern")),
    suggestion_case("gcore user name John.Doe -> johndoe", UC, {**REG, "name": "John.Doe", "duration": 1},
                    suggested("/name", USER_NAME_RE, "johndoe", "pattern")),
    suggestion_case("gcore user name of 20 characters cut to 16", UC,
                    {**REG, "name": "Registry_Robot_0042", "duration": 1},
                    suggested("/name", 16, "registryrobot004", "too_long")
                    + suggested("/name", USER_NAME_RE, "registryrobot004", "pattern")),
    suggestion_case("gcore repository name Library/My_Nginx -> library/my_nginx", RD,
                    {**REG, "repository_name": "Library/My_Nginx"},
                    suggested("/repository_name", OCI_REPO_RE, "library/my_nginx",
                              ("pattern", REPO_MSG_CHARS), ("pattern", REPO_MSG_PARTS))),
    suggestion_case("gcore repository name with mixed separators and an empty part", RD,
                    {**REG, "repository_name": "team//web._app"},
                    suggested("/repository_name", OCI_REPO_RE, "team/web.app",
                              ("pattern", REPO_MSG_PARTS), ("pattern", REPO_MSG_SEPS))),
    suggestion_case("gcore tag '.v1 beta' -> v1-beta (capitals allowed)", TD, {**TAG_BASE, "tag_name": ".V1 beta"},
                    suggested("/tag_name", OCI_TAG_RE, "V1-beta", "pattern", "pattern")),
    suggestion_case("ncloud bucket 'My Bucket' -> my-bucket", NC, {"registry": "r", "bucket": "My Bucket"},
                    suggested("/bucket", BUCKET_RE, "my-bucket", "pattern", "pattern")),
    suggestion_case("ncloud bucket ending with a period", NC, {"registry": "r", "bucket": "my.bucket."},
                    suggested("/bucket", BUCKET_RE, "my.bucket", "pattern")),
    suggestion_case("huawei namespace Team--Alpha -> team-alpha", HN,
                    {"region": "cn-north-4", "namespace": "Team--Alpha"},
                    suggested("/namespace", SWR_NS_RE, "team-alpha",
                              ("pattern", "must start with a lowercase letter"),
                              ("pattern", "may contain only lowercase letters, digits, periods, underscores and hyphens"),
                              ("adjacent_separators", ADJ))),
    suggestion_case("huawei namespace with three underscores", HN, {"region": "cn-north-4", "namespace": "a___b"},
                    suggested("/namespace", SWR_NS_RE, "a_b", ("too_many_underscores", UND))),
    suggestion_case("huawei repository My__App___X -> my__app_x", HR, {**HW_INPUT, "repository": "My__App___X"},
                    suggested("/repository", SWR_REPO_RE, "my__app_x", "pattern", "pattern", "pattern",
                              ("too_many_underscores", UND))),
    suggestion_case("huawei repository starting with a hyphen", HR, {**HW_INPUT, "repository": "-busybox"},
                    suggested("/repository", SWR_REPO_RE, "busybox", "pattern")),
    # No valid name near: no suggestion.
    suggestion_case("gcore registry name '1' has no suggestion", C, {**BASE, "name": "1"},
                    [err("too_short", "/name", params={"min": 2})]
                    + suggested("/name", GCORE_NAME_RE, None, "pattern")),
    suggestion_case("ncloud bucket in IP address form has no suggestion", NC,
                    {"registry": "r", "bucket": "192.168.5.4"},
                    suggested("/bucket", BUCKET_RE, None, "ip_address")),
    suggestion_case("gcore user name of punctuation only has no suggestion", UC, {**REG, "name": "..", "duration": 1},
                    suggested("/name", USER_NAME_RE, None, "pattern")),
]
write("suggestions.json", "Suggestions for invalid names: params.suggestion (issue 12)", {}, suggestions)

# ---------------------------------------------------------------- preview (issue 12)
# `plan` with `preview: true` and no credentials: placeholders of the
# provider's first credential type where the credentials go, `preview` true
# on the request, and a `preview` warning at the root.
PREVIEW_WARNING = "placeholders stand in for the credentials; this request cannot be sent"


def preview_warning(credentials):
    return err("preview", "", message=PREVIEW_WARNING, params={"credentials": credentials})


def preview_case(name, op, input, options, method, url, headers, body, defaults=None, warnings=(), masked=None):
    request = {"method": method, "url": url, "headers": headers, "body": body, "preview": True,
               "warnings": list(warnings)}
    if defaults:
        request["defaults_applied"] = defaults
    expect = {"request": request}
    if masked:
        expect["masked"] = masked
    return {"name": name, "op": op, "input": input, "options": options, "expect": expect}


GCORE_PREVIEW_HEADERS = [["Accept", "application/json"], ["Authorization", "APIKey <api_key>"],
                         ["Content-Type", "application/json"]]
previews = [
    preview_case("gcore create: APIKey <api_key>", C, {**BASE, "name": "reg-home1"}, {"preview": True},
                 "POST", PREFIX, GCORE_PREVIEW_HEADERS, '{"name":"reg-home1","storage_limit":5}',
                 defaults=["/storage_limit"], warnings=[preview_warning("api_key")],
                 masked={"headers": GCORE_PREVIEW_HEADERS, "body": '{"name":"reg-home1","storage_limit":5}'}),
    preview_case("gcore list (GET): no Content-Type", "gcore.registries.list", BASE, {"preview": True},
                 "GET", PREFIX, [["Accept", "application/json"], ["Authorization", "APIKey <api_key>"]], None,
                 warnings=[preview_warning("api_key")]),
    preview_case("gcore user create: the user's secret stays masked, the placeholder shown", UC,
                 {**REG, "name": "ci", "duration": 30, "secret": "Sup3r-secret"}, {"preview": True},
                 "POST", f"{PREFIX}/607/users", GCORE_PREVIEW_HEADERS,
                 '{"duration":30,"name":"ci","secret":"Sup3r-secret"}', warnings=[preview_warning("api_key")],
                 masked={"headers": GCORE_PREVIEW_HEADERS, "body": '{"duration":30,"name":"ci","secret":"***"}',
                         "secrets_absent": ["Sup3r-secret"]}),
    preview_case("qovery create: Token <token>", Q, qinput("DOCKER_HUB"), {"preview": True},
                 "POST", Q_URL, [["Accept", "application/json"], ["Authorization", "Token <token>"],
                                 ["Content-Type", "application/json"]],
                 qbody("DOCKER_HUB", VALID_CONFIG["DOCKER_HUB"][0], "https://docker.io"), defaults=["/url"],
                 warnings=[preview_warning("token")]),
    preview_case("ncloud create: <access_key> and <signature> over the timestamp", NC, NB,
                 {"preview": True, "timestamp": WHEN_MS},
                 "POST", "https://ncr.apigw.ntruss.com/ncr/api/v2/repositories/r",
                 [["Content-Type", "application/json"], ["x-ncp-apigw-signature-v2", "<signature>"],
                  ["x-ncp-apigw-timestamp", str(WHEN_MS)], ["x-ncp-iam-access-key", "<access_key>"]],
                 '{"bucket":"my-bucket"}', warnings=[preview_warning("access_key")]),
    preview_case("huawei create namespace: SDK-HMAC-SHA256 with placeholders", HN,
                 {"region": "cn-north-4", "namespace": "my-team"}, {"preview": True, "timestamp": WHEN},
                 "POST", "https://swr-api.cn-north-4.myhuaweicloud.com/v2/manage/namespaces",
                 [["Authorization", "SDK-HMAC-SHA256 Access=<access_key>, SignedHeaders=content-type;host;x-sdk-date, "
                                    "Signature=<signature>"],
                  ["Content-Type", "application/json"], ["Host", "swr-api.cn-north-4.myhuaweicloud.com"],
                  ["X-Sdk-Date", WHEN_HW]],
                 '{"namespace":"my-team"}', warnings=[preview_warning("access_key")]),
    {"name": "with credentials preview changes nothing", "op": C, "input": {**BASE, "name": "reg-home1"},
     "options": {"preview": True, **GCORE_OPTIONS},
     "expect": {"request": {"method": "POST", "url": PREFIX, "headers": gcore_headers("POST"),
                            "body": '{"name":"reg-home1","storage_limit":5}', "preview": False,
                            "defaults_applied": ["/storage_limit"]}}},
    {"name": "without preview credentials are required", "op": C, "input": {**BASE, "name": "reg-home1"},
     "options": {"preview": False}, "expect": {"error": {"code": "missing_credentials"}}},
    {"name": "a signed preview still needs a timestamp", "op": NC, "input": NB, "options": {"preview": True},
     "expect": {"error": {"code": "missing_timestamp"}}},
    {"name": "preview must be a boolean", "op": C, "input": {**BASE, "name": "reg-home1"},
     "options": {"preview": "yes"}, "expect": {"error": {"code": "invalid_option"}}},
    {"name": "an invalid input is reported, preview or not", "op": C, "input": {**BASE, "name": "ab_"},
     "options": {"preview": True},
     "expect": {"errors": suggested("/name", GCORE_NAME_RE, "ab", "pattern", "pattern")}},
]
write("preview.json", "Preview without credentials: placeholders, request.preview, the preview warning (issue 12)",
      {}, previews)

# ---------------------------------------------------------------- forms
def form_cases():
    """Form reading (`"options": {"form": true}`) and validateField with the
    whole input (`field_checks`). Every expectation is written by hand: a
    form's text for an integer field is that integer (ASCII-trimmed decimal),
    `""`/`null` members are absent (so defaults apply and required fields
    are missing), `"true"`/`"false"` are booleans for a boolean field."""
    gcore_form = {**GCORE_OPTIONS, "form": True}
    qovery_form = {**QOVERY_OPTIONS, "form": True}
    integer = {"expected": "integer"}
    not_integer = "must be an integer, not a string"
    form_text = {"project_id": "1", "region_id": " 76 ", "name": "reg-home1", "storage_limit": ""}
    ecr_no_region = qinput("ECR", config={"access_key_id": "AKIAEXAMPLE", "secret_access_key": "s3cr3t"})
    region_for_ecr = err("required", "/config/region", message="is required for kind ECR",
                         params={"field": "region", "kind": "ECR"})
    cases = [
        {**gcore_request("gcore create: integer text and an empty storage_limit (default 5 applied)", C, form_text,
                         "POST", PREFIX, '{"name":"reg-home1","storage_limit":5}', defaults=["/storage_limit"]),
         "options": gcore_form},
        {**gcore_request("gcore create: storage_limit \"+20\" is sent as the integer 20", C,
                         {"project_id": "1", "region_id": "76", "name": "reg", "storage_limit": "+20"},
                         "POST", PREFIX, '{"name":"reg","storage_limit":20}'),
         "options": gcore_form},
        {**gcore_request("gcore create: an empty member the operation lacks is absent, not unknown", C,
                         {**BASE, "name": "reg", "colour": "", "note": None},
                         "POST", PREFIX, '{"name":"reg","storage_limit":5}', defaults=["/storage_limit"]),
         "options": gcore_form},
        {**invalid("gcore create: project_id \"x\" keeps the type error", C, {**form_text, "project_id": "x"},
                   err("type", "/project_id", message=not_integer, params=integer)),
         "options": gcore_form},
        {**invalid("gcore create: \"7.5\" and \"1e3\" are no integers", C,
                   {"project_id": "1e3", "region_id": "7.5", "name": "reg"},
                   err("type", "/project_id", message=not_integer, params=integer),
                   err("type", "/region_id", message=not_integer, params=integer)),
         "options": gcore_form},
        {**invalid("gcore create: integer text is still range-checked", C,
                   {"project_id": "0", "region_id": "76", "name": "reg", "storage_limit": "1001"},
                   err("out_of_range", "/project_id"), err("out_of_range", "/storage_limit")),
         "options": gcore_form},
        {**invalid("gcore create: empty required members are missing", C,
                   {"project_id": None, "region_id": "", "name": ""},
                   err("required", "/project_id", message="is required"),
                   err("required", "/region_id", message="is required"),
                   err("required", "/name", message="is required")),
         "options": gcore_form},
        {**invalid("gcore create: the same text without the form option", C, form_text,
                   err("type", "/project_id", message=not_integer), err("type", "/region_id", message=not_integer),
                   err("type", "/storage_limit", message=not_integer)),
         "options": GCORE_OPTIONS},
        {**gcore_request("gcore users create: \"30\" and \"false\" from a form", UC,
                         {"project_id": "1", "region_id": "76", "registry_id": "607", "name": "myuser",
                          "duration": "30", "read_only": "false", "secret": ""},
                         "POST", f"{PREFIX}/607/users", '{"duration":30,"name":"myuser","read_only":false}'),
         "options": gcore_form},
        {**invalid("gcore users create: read_only \"yes\" is no boolean", UC,
                   {**REG, "name": "myuser", "duration": 30, "read_only": "yes"},
                   err("type", "/read_only", message="must be a boolean (true or false), not a string")),
         "options": gcore_form},
        {**invalid("qovery ECR: config.region \"\" is missing for the kind", Q,
                   qinput("ECR", config={**VALID_CONFIG["ECR"][0], "region": ""}), region_for_ecr),
         "options": qovery_form},
        {**qrequest("qovery ECR: empty description and null role_arn are absent",
                    {**qinput("ECR", config={**VALID_CONFIG["ECR"][0], "role_arn": None}), "description": ""},
                    qbody("ECR", VALID_CONFIG["ECR"][0], ECR_URL)),
         "options": qovery_form},
        {**qrequest("qovery GITLAB_CR: empty url is absent, the documented one applied",
                    qinput("GITLAB_CR", url=""), qbody("GITLAB_CR", {}, "https://registry.gitlab.com"),
                    defaults=["/url"]),
         "options": qovery_form},
        # validateField with the whole input: the value goes to `field` inside the case's input.
        {**invalid("validateField with the whole input: qovery region for ECR", Q, ecr_no_region, region_for_ecr),
         "options": qovery_form,
         "field_checks": [
             {"field": "/config/region", "value": "", "with_input": True, "expect": {"errors": [region_for_ecr]}},
             # Alone, an empty region from a form is just absent: only the whole input knows ECR needs it.
             {"field": "/config/region", "value": "", "with_input": False, "expect": {"errors": []}},
             {"field": "/config/region", "value": "eu-west-3", "with_input": True, "expect": {"errors": []}},
             {"field": "/config/username", "value": "me", "with_input": True,
              "expect": {"errors": [err("forbidden", "/config/username", message="is not used by kind ECR")]}},
             {"field": "/kind", "value": "GITLAB_CR", "with_input": True, "expect": {"errors": []}},
             {"field": "/config/nope", "value": "x", "with_input": True,
              "expect": {"error": {"code": "unknown_field_name"}}},
         ]},
        {**invalid("validateField with the whole input: gcore fields by name and by pointer", C,
                   {"project_id": "0", "region_id": "76", "name": "reg"}, err("out_of_range", "/project_id")),
         "options": gcore_form,
         "field_checks": [
             {"field": "name", "value": "-x", "with_input": True,
              "expect": {"errors": [err("pattern", "/name")]}},
             {"field": "/project_id", "value": " 7 ", "with_input": True, "expect": {"errors": []}},
             {"field": "/project_id", "value": "", "with_input": True,
              "expect": {"errors": [err("required", "/project_id", message="is required")]}},
             {"field": "/project_id", "value": "x", "with_input": False,
              "expect": {"errors": [err("type", "/project_id", message=not_integer)]}},
         ]},
    ]
    write("forms.json", "Form reading (options.form) and validateField with the whole input (field_checks)",
          gcore_form, cases)


form_cases()

if STALE:
    sys.exit("out of date (run python3 tests/vectors/make_vectors.py): " + ", ".join(STALE))
