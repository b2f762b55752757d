"""Python side of bench/run.sh: regplan (the installed wheel) against its peers,
interleaved round-robin in one process.

    target/bench/venv/bin/python bench/python_bench.py WORKLOADS.json OUT.json [--quick]
"""

import functools
import gc
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from importlib import metadata
from pathlib import Path
from typing import Literal, Optional

import fastjsonschema
import jsonschema_rs
import regplan
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr, ValidationError, model_validator

HERE = Path(__file__).resolve().parent
GCORE = "gcore.registries.create"
QOVERY = "qovery.container_registries.create"
MAX_SAFE = 2**53 - 1

# ----------------------------------------------------------------- peers ----

# pydantic v2, strict types (bool is not an int, "1" is not an int), extra
# fields forbidden; Qovery's ECR rules in a model validator.
NAME_PATTERN = r"^[a-z][-a-z0-9]{0,22}[a-z0-9]$"
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
URL_PATTERN = r"^https://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#][!-~]*)?$"
KINDS = ("ECR", "SCALEWAY_CR", "DOCKER_HUB", "GITHUB_CR", "GITHUB_ENTERPRISE_CR", "GITLAB_CR",
         "PUBLIC_ECR", "GENERIC_CR", "GCP_ARTIFACT_REGISTRY", "AZURE_CR")
CONFIG_STRINGS = ("access_key_id", "secret_access_key", "region", "scaleway_access_key",
                  "scaleway_secret_key", "scaleway_project_id", "json_credentials", "username",
                  "password", "role_arn", "azure_tenant_id", "azure_subscription_id", "project_id",
                  "service_account_email", "workload_identity_provider_resource")
ECR_KEYS = frozenset(("access_key_id", "secret_access_key", "region", "role_arn"))


class GcoreCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    project_id: StrictInt = Field(ge=1, le=MAX_SAFE)
    region_id: StrictInt = Field(ge=1, le=MAX_SAFE)
    name: StrictStr = Field(pattern=NAME_PATTERN)
    storage_limit: StrictInt = Field(default=5, ge=1, le=1000)




class QoveryConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")
    access_key_id: Optional[StrictStr] = Field(default=None, min_length=1)
    secret_access_key: Optional[StrictStr] = Field(default=None, min_length=1)
    region: Optional[StrictStr] = Field(default=None, min_length=1)
    scaleway_access_key: Optional[StrictStr] = Field(default=None, min_length=1)
    scaleway_secret_key: Optional[StrictStr] = Field(default=None, min_length=1)
    scaleway_project_id: Optional[StrictStr] = Field(default=None, min_length=1)
    json_credentials: Optional[StrictStr] = Field(default=None, min_length=1)
    username: Optional[StrictStr] = Field(default=None, min_length=1)
    password: Optional[StrictStr] = Field(default=None, min_length=1)
    role_arn: Optional[StrictStr] = Field(default=None, min_length=1)
    azure_tenant_id: Optional[StrictStr] = Field(default=None, min_length=1)
    azure_subscription_id: Optional[StrictStr] = Field(default=None, min_length=1)
    gcp_credentials_type: Optional[Literal["workload_identity_federation"]] = None
    project_id: Optional[StrictStr] = Field(default=None, min_length=1)
    service_account_email: Optional[StrictStr] = Field(default=None, min_length=1)
    workload_identity_provider_resource: Optional[StrictStr] = Field(default=None, min_length=1)
    token_lifetime_seconds: Optional[StrictInt] = Field(default=None, ge=1, le=2147483647)


class QoveryCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")
    organizationId: StrictStr = Field(pattern=UUID_PATTERN)
    name: StrictStr = Field(min_length=1)
    kind: Literal[KINDS]  # type: ignore[valid-type]
    description: Optional[StrictStr] = None
    url: Optional[StrictStr] = Field(default=None, pattern=URL_PATTERN)
    config: QoveryConfig

    @model_validator(mode="after")
    def kind_rules(self):
        if self.kind == "ECR":
            problems = []
            keys = self.config.model_fields_set
            if self.url is None:
                problems.append("url is required for ECR")
            if "region" not in keys:
                problems.append("config.region is required for ECR")
            for key in keys - ECR_KEYS:
                problems.append(f"config.{key} is not used by ECR")
            pair = ("access_key_id" in keys) + ("secret_access_key" in keys)
            if pair == 1:
                problems.append("access_key_id and secret_access_key go together")
            if (pair > 0) == ("role_arn" in keys):
                problems.append("set access keys or role_arn")
            if problems:
                raise ValueError("; ".join(problems))
        return self


def pydantic_check(model):
    validate = model.model_validate

    def check(x):
        try:
            validate(x)
            return None
        except ValidationError as e:
            return e.errors()

    return check


# Hand-written: `re` and type checks, a list of (path, code) per problem.
NAME_RE = re.compile(NAME_PATTERN)
UUID_RE = re.compile(UUID_PATTERN)
URL_RE = re.compile(URL_PATTERN)
GCORE_KEYS = frozenset(("project_id", "region_id", "name", "storage_limit"))
QOVERY_KEYS = frozenset(("organizationId", "name", "kind", "description", "url", "config"))
CONFIG_KEYS = frozenset(CONFIG_STRINGS + ("gcp_credentials_type", "token_lifetime_seconds"))
KIND_SET = frozenset(KINDS)


def _int_in(v, lo, hi):
    return type(v) is int and lo <= v <= hi


def re_gcore(d):
    if type(d) is not dict:
        return [("", "type")]
    errors = []
    for key in ("project_id", "region_id"):
        if key not in d:
            errors.append((key, "required"))
        elif not _int_in(d[key], 1, MAX_SAFE):
            errors.append((key, "integer"))
    name = d.get("name")
    if name is None:
        errors.append(("name", "required"))
    elif type(name) is not str or not NAME_RE.match(name):
        errors.append(("name", "pattern"))
    if "storage_limit" in d and not _int_in(d["storage_limit"], 1, 1000):
        errors.append(("storage_limit", "range"))
    if len(d) > 3:
        for key in d:
            if key not in GCORE_KEYS:
                errors.append((key, "unknown"))
    return errors


def re_qovery(d):
    if type(d) is not dict:
        return [("", "type")]
    errors = []
    v = d.get("organizationId")
    if type(v) is not str or not UUID_RE.match(v):
        errors.append(("organizationId", "uuid"))
    v = d.get("name")
    if type(v) is not str or not v:
        errors.append(("name", "non_empty"))
    kind = d.get("kind")
    if kind not in KIND_SET:
        errors.append(("kind", "enum"))
    if "description" in d and type(d["description"]) is not str:
        errors.append(("description", "type"))
    url = d.get("url")
    if url is not None and (type(url) is not str or not URL_RE.match(url)):
        errors.append(("url", "https_url"))
    for key in d:
        if key not in QOVERY_KEYS:
            errors.append((key, "unknown"))
    config = d.get("config")
    if type(config) is not dict:
        errors.append(("config", "object"))
        return errors
    for key, value in config.items():
        if key not in CONFIG_KEYS:
            errors.append(("config/" + key, "unknown"))
        elif key == "token_lifetime_seconds":
            if not _int_in(value, 1, 2147483647):
                errors.append(("config/" + key, "range"))
        elif key == "gcp_credentials_type":
            if value != "workload_identity_federation":
                errors.append(("config/" + key, "enum"))
        elif type(value) is not str or not value:
            errors.append(("config/" + key, "non_empty"))
    if kind == "ECR":
        if url is None:
            errors.append(("url", "required"))
        if "region" not in config:
            errors.append(("config/region", "required"))
        for key in config:
            if key in CONFIG_KEYS and key not in ECR_KEYS:
                errors.append(("config/" + key, "forbidden"))
        pair = ("access_key_id" in config) + ("secret_access_key" in config)
        if pair == 1:
            errors.append(("config", "pair"))
        if (pair > 0) == ("role_arn" in config):
            errors.append(("config", "one_of"))
    return errors


def errors_of(validator):
    iter_errors = validator.iter_errors
    return lambda x: list(iter_errors(x))


def fast_check(schema):
    validate = fastjsonschema.compile(schema)
    exc = fastjsonschema.JsonSchemaException

    def check(x):
        try:
            validate(x)
            return None
        except exc as e:
            return e

    return check


# Contenders: column name -> {op: (call, is_valid)}; a peer missing for an op
# shows as "—".
def contenders():
    hand = json.loads((HERE / "schemas.json").read_text())
    is_none = lambda r: r is None  # noqa: E731
    is_empty = lambda r: not r  # noqa: E731
    out = {}
    out["regplan"] = {op: ((lambda x, op=op: regplan.validate(op, x)), lambda r: r["valid"]) for op in (GCORE, QOVERY)}
    out["pydantic"] = {GCORE: (pydantic_check(GcoreCreate), is_none), QOVERY: (pydantic_check(QoveryCreate), is_none)}
    out["jsonschema-rs (hand schema)"] = {op: (errors_of(jsonschema_rs.validator_for(hand[op])), is_empty) for op in (GCORE, QOVERY)}
    out["jsonschema-rs (schema(op))"] = {op: (errors_of(jsonschema_rs.validator_for(regplan.schema(op))), is_empty) for op in (GCORE, QOVERY)}
    out["fastjsonschema"] = {op: (fast_check(hand[op]), is_none) for op in (GCORE, QOVERY)}
    out["re (hand-written)"] = {GCORE: (re_gcore, is_empty), QOVERY: (re_qovery, is_empty)}
    return out


# ---------------------------------------------------------------- timing ----

def time_batch(batch, n):
    t0 = time.perf_counter_ns()
    batch(n)
    return time.perf_counter_ns() - t0


def repeat(call, x):
    def batch(n):
        for _ in range(n):
            call(x)
    return batch


def calibrate(batch, target_ns):
    n = 1
    while True:
        t = time_batch(batch, n)
        if t >= target_ns / 4 or n >= 1 << 22:
            return max(1, round(n * target_ns / max(t, 1)))
        n *= 4


def round_robin(batches, rounds, per_batch_calls):
    """batches: name -> (batch(n), n, calls per unit). Each round runs every
    batch once, starting one further along each round; median ns per call."""
    names = list(batches)
    samples = {name: [] for name in names}
    for r in range(rounds):
        for i in range(len(names)):
            name = names[(r + i) % len(names)]
            batch, n, per = batches[name]
            samples[name].append(time_batch(batch, n) / (n * per))
    return {name: statistics.median(v) for name, v in samples.items()}


def rss_kb(pid="self"):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


# ------------------------------------------------ shared-reference graph ----

GRAPH_CASES = {
    "project_id": "gcore.registries.create",
    "users": "gcore.users.create_multiple",
}


def graph_child(case, depth):
    """Runs in a child process (the parent enforces the time and memory caps)."""
    x = [1]
    for _ in range(depth):
        x = [x, x]
    if case == "project_id":
        value = {"project_id": x, "region_id": 76, "name": "my-registry"}
    else:
        value = {"project_id": 1, "region_id": 76, "registry_id": 1, "users": x}
    gc.collect()
    before = rss_kb()
    times = []
    outcome = None
    for _ in range(5):
        t0 = time.perf_counter_ns()
        try:
            r = regplan.validate(GRAPH_CASES[case], value)
            outcome = "accepted as valid" if r["valid"] else "invalid: " + r["errors"][0]["code"] + " " + r["errors"][0]["path"]
        except Exception as e:  # a refusal by exception is a refusal
            outcome = f"{type(e).__name__}: {str(e)[:100]}"
        times.append(time.perf_counter_ns() - t0)
        if times[-1] > 1e9:
            break
    after = rss_kb()
    print(json.dumps({"ms": statistics.median(times) / 1e6, "first_ms": times[0] / 1e6,
                      "rss_growth_mb": (after - before) / 1024, "outcome": outcome,
                      "refused": not outcome.startswith("accepted")}))


def run_graph(case, depth, timeout_s, rss_cap_mb):
    proc = subprocess.Popen([sys.executable, __file__, "--graph-child", case, str(depth)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    start = time.monotonic()
    peak = 0
    status = None
    while proc.poll() is None:
        try:
            peak = max(peak, rss_kb(proc.pid))
        except (FileNotFoundError, ProcessLookupError):
            pass
        if time.monotonic() - start > timeout_s:
            status = f"no answer within {timeout_s:g} s (killed)"
        elif peak / 1024 > rss_cap_mb:
            status = f"RSS over {rss_cap_mb} MB after {time.monotonic() - start:.1f} s (killed)"
        if status:
            proc.kill()
            proc.wait()
            break
        time.sleep(0.01)
    out, err = proc.communicate()
    if status is None and proc.returncode == 0 and out.strip():
        result = json.loads(out.strip().splitlines()[-1])
        result["status"] = "refused" if result["refused"] else "accepted"
        return result
    return {"status": status or f"crashed (exit {proc.returncode}): {err.strip()[-200:]}",
            "refused": False, "ms": None, "rss_growth_mb": peak / 1024, "outcome": None}


# ------------------------------------------------------------------ main ----

def main():
    if sys.argv[1] == "--graph-child":
        graph_child(sys.argv[2], int(sys.argv[3]))
        return
    workloads = json.loads(Path(sys.argv[1]).read_text())
    out_path = Path(sys.argv[2])
    quick = "--quick" in sys.argv
    rounds = 5 if quick else 100
    target_ns = 1_000_000 if quick else 4_000_000
    mixed_rounds = 2 if quick else 20
    assert "site-packages" in regplan.__file__, f"regplan not from an installed wheel: {regplan.__file__}"

    peers = contenders()
    columns = list(peers)
    rows = []

    # Agreement first: every peer says valid exactly where regplan does.
    mixed = workloads["mixed"]
    for name, by_op in peers.items():
        for w in workloads["single"]:
            call, is_valid = by_op[w["op"]]
            got = bool(is_valid(call(w["input"])))
            assert got == w["valid"], f"{name} says valid={got} for {w['key']}, expected {w['valid']}"
        if mixed["op"] in by_op:
            call, is_valid = by_op[mixed["op"]]
            expected = [r["valid"] for r in regplan.validate_many(mixed["op"], mixed["inputs"])]
            for i, x in enumerate(mixed["inputs"]):
                got = bool(is_valid(call(x)))
                assert got == expected[i], f"{name} disagrees with regplan on mixed input {i}: {x!r} (regplan valid={expected[i]})"
    print(f"python: every peer agrees with regplan on {len(workloads['single'])} inputs and {len(mixed['inputs'])} mixed inputs", flush=True)

    for w in workloads["single"]:
        batches = {}
        for name, by_op in peers.items():
            call, _ = by_op[w["op"]]
            b = repeat(call, w["input"])
            batches[name] = (b, calibrate(b, target_ns), 1)
        ns = round_robin(batches, rounds, 1)
        rows.append({"key": w["key"], "label": w["label"], "ns": ns})
        print(f"  {w['label']}: " + ", ".join(f"{k} {v:,.0f}" for k, v in ns.items()), flush=True)

    inputs = mixed["inputs"]
    count = len(inputs)
    batches = {}
    vm = functools.partial(regplan.validate_many, mixed["op"])
    batches["regplan validate_many"] = ((lambda n: [vm(inputs) for _ in range(n)]), 1, count)
    for name, by_op in peers.items():
        call, _ = by_op[mixed["op"]]

        def loop(n, call=call):
            for _ in range(n):
                for x in inputs:
                    call(x)
        batches[name] = (loop, 1, count)
    ns = round_robin(batches, mixed_rounds, count)
    loop_row = {k: v for k, v in ns.items() if k != "regplan validate_many"}
    many_row = dict(loop_row, regplan=ns["regplan validate_many"])
    rows.append({"key": "mixed_loop", "label": f"{count:,} mixed gcore, per input (loop of validate)", "ns": loop_row})
    rows.append({"key": "mixed_many", "label": f"{count:,} mixed gcore, per input (validate_many)", "ns": many_row})
    print(f"  mixed: validate_many {ns['regplan validate_many']:,.0f}, loop {ns['regplan']:,.0f}", flush=True)

    for p in workloads["plans"]:
        request = regplan.plan(p["op"], p["input"], credentials=p["credentials"], timestamp=p["timestamp"])
        name, value = p["expect_header"]
        assert request.headers[name] == value, f"{p['op']}: {name} is {request.headers[name]!r}, expected {value!r}"
        call = functools.partial(regplan.plan, p["op"], credentials=p["credentials"], timestamp=p["timestamp"])
        b = repeat(call, p["input"])
        ns = round_robin({"regplan": (b, calibrate(b, target_ns), 1)}, rounds, 1)
        label = "plan + sign NAVER (ncloud.registries.create)" if p["key"] == "plan_ncloud" else "plan + sign Huawei (huawei_swr.namespaces.create)"
        rows.append({"key": p["key"], "label": label, "ns": ns})
        print(f"  {label}: {ns['regplan']:,.0f}", flush=True)

    graph = []
    for case in GRAPH_CASES:
        r = run_graph(case, workloads["graph"]["depth"], timeout_s=10, rss_cap_mb=2048)
        r.update(variant="regplan", case=case)
        graph.append(r)
        print(f"  graph ({case}): {r['status']} {r.get('ms')} ms, {r['rss_growth_mb']:.1f} MB: {r.get('outcome')}", flush=True)

    versions = {name: metadata.version(name) for name in ("regplan", "pydantic", "jsonschema-rs", "fastjsonschema")}
    out_path.write_text(json.dumps({
        "language": "Python",
        "runtime": f"CPython {platform.python_version()}",
        "columns": columns,
        "regplan_columns": ["regplan"],
        "rows": rows,
        "graph": graph,
        "versions": versions,
        "rounds": rounds,
    }, indent=1))


if __name__ == "__main__":
    main()
