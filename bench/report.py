"""Turns the results of python_bench.py, node_bench.cjs and the criterion run
into bench/results.md and bench/chart.svg (standard library only).

    python3 bench/report.py RESULTS_DIR CRITERION_DIR OUT_DIR "COMMAND"
"""

import datetime
import html
import json
import math
import os
import platform
import subprocess
import sys
from pathlib import Path

RUST_BENCHES = [
    ("gcore_valid", "gcore create, valid", "validate gcore create valid"),
    ("gcore_invalid", "gcore create, invalid", "validate gcore create invalid"),
    ("qovery_valid", "Qovery ECR create, valid", "validate qovery create valid"),
    ("qovery_invalid", "Qovery ECR create, invalid", "validate qovery create invalid"),
    ("plan_ncloud", "plan + sign NAVER (ncloud.registries.create)", "plan+sign ncloud registries create"),
    ("plan_huawei", "plan + sign Huawei (huawei_swr.namespaces.create)", "plan+sign huawei namespaces create"),
]


def fmt_ns(v):
    if v is None:
        return "—"
    if v >= 1_000_000:
        return f"{v / 1e6:,.2f} ms"
    return f"{v:,.0f}"


def fmt_ms(ms):
    return f"{ms * 1000:,.1f} µs" if ms < 1 else f"{ms:,.2f} ms"


def fmt_ratio(r):
    return "—" if r is None else f"{r:.2f}×"


def ratio(a, b):
    if a is None or b is None or b == 0:
        return None
    return a / b


def rust_results(criterion_dir):
    found = {}
    for bench in Path(criterion_dir).glob("*/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        est = json.loads((bench.parent / "estimates.json").read_text())
        found[meta.get("full_id") or meta.get("function_id")] = est["median"]["point_estimate"]
    rows = []
    for key, label, name in RUST_BENCHES:
        rows.append({"key": key, "label": label, "ns": {"regplan (core)": found.get(name)}})
    return {"language": "Rust", "runtime": "criterion 0.5", "columns": ["regplan (core)"],
            "regplan_columns": ["regplan (core)"], "rows": rows, "graph": []}


def row(data, key):
    for r in data["rows"]:
        if r["key"] == key:
            return r["ns"]
    return {}


def targets(py, node, rust):
    """(target, measured ratio or value, limit, unit)."""
    out = []

    def add(label, value, limit, unit="×"):
        out.append((label, value, limit, unit))

    if py:
        peers = [c for c in py["columns"] if c != "regplan"]
        for op, name in (("gcore", "gcore"), ("qovery", "Qovery")):
            v = row(py, f"{op}_valid")
            fastest = min((v[p] for p in peers if v.get(p)), default=None)
            fastest_name = min((p for p in peers if v.get(p)), key=lambda p: v[p], default="?")
            add(f"Python {name} valid: regplan ≤ 0.8× the fastest peer ({fastest_name})", ratio(v.get("regplan"), fastest), 0.8)
            i = row(py, f"{op}_invalid")
            add(f"Python {name} invalid: regplan ≤ 0.8× pydantic", ratio(i.get("regplan"), i.get("pydantic")), 0.8)
            add(f"Python {name} invalid: regplan ≤ 1.5× hand-written re", ratio(i.get("regplan"), i.get("re (hand-written)")), 1.5)
        m = row(py, "mixed_many")
        add("Python validate_many ≤ 0.5× a hand-written re loop, per input", ratio(m.get("regplan"), m.get("re (hand-written)")), 0.5)
    if node:
        limits = {"regplan addon": {"valid": (0.5, 6), "invalid": (0.2, 8)},
                  "regplan wasm": {"valid": (1.0, 12), "invalid": (0.3, 16)}}
        for variant, by_validity in limits.items():
            short = "addon" if "addon" in variant else "wasm"
            for op, name in (("gcore", "gcore"), ("qovery", "Qovery")):
                for validity, (zod_limit, ajv_limit) in by_validity.items():
                    v = row(node, f"{op}_{validity}")
                    add(f"Node {short} {name} {validity}: ≤ {zod_limit:g}× zod", ratio(v.get(variant), v.get("zod 4")), zod_limit)
                    add(f"Node {short} {name} {validity}: ≤ {ajv_limit:g}× ajv", ratio(v.get(variant), v.get("ajv (hand schema)")), ajv_limit)
        m = row(node, "mixed_many")
        add("Node addon validateMany ≤ 1.5× ajv, per input", ratio(m.get("regplan addon"), m.get("ajv (hand schema)")), 1.5)
    if rust:
        add("core gcore create valid ≤ 100 ns (shipped features)", row(rust, "gcore_valid").get("regplan (core)"), 100, "ns")
        add("core plan + sign NAVER ≤ 3 µs", row(rust, "plan_ncloud").get("regplan (core)"), 3000, "ns")
        add("core plan + sign Huawei ≤ 3 µs", row(rust, "plan_huawei").get("regplan (core)"), 3000, "ns")
    for data in (py, node):
        for g in (data or {}).get("graph", []):
            where = f"{data['language']} {g['variant']}, 30-level graph as {g['case']}"
            if g.get("refused"):
                add(f"{where}: refused in ≤ 10 ms", g["ms"], 10, "ms")
                add(f"{where}: memory growth < 50 MB", g["rss_growth_mb"], 50, "MB")
            else:
                add(f"{where}: refused in ≤ 10 ms", g["status"], 10, "ms")
                add(f"{where}: memory growth < 50 MB", f"{g['status']}, {g['rss_growth_mb']:,.0f} MB", 50, "MB")
    return out


def verdict(value, limit, unit):
    if value is None:
        return "**miss** (no result)"
    if isinstance(value, str):
        return "**miss**"
    if unit == "MB":
        ok = value < limit
    else:
        ok = value <= limit
    return "pass" if ok else f"**miss** ({value / limit:.1f}× over)"


def fmt_target_value(value, unit):
    if value is None:
        return "—"
    if isinstance(value, str):
        return value
    if unit == "×":
        return f"{value:.2f}×"
    if unit == "ns":
        return f"{value:,.0f} ns"
    if unit == "ms":
        return fmt_ms(value)
    return f"{value:,.1f} MB"


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[0]
        except Exception:
            return "?"
    load = os.getloadavg()
    return (f"{cpu}, {os.cpu_count()} cores, Linux {platform.release()}; {version(['rustc', '--version'])}; "
            f"load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f} (1 / 5 / 15 min) when the report was written")


def language_section(data):
    lines = [f"## {data['language']} ({data['runtime']})", ""]
    if data.get("versions"):
        lines += ["Versions: " + ", ".join(f"{k} {v}" for k, v in data["versions"].items()) + ".", ""]
    cols = data["columns"]
    lines += ["Median ns per call (per input for the 10,000-input rows):", ""]
    lines.append("| workload | " + " | ".join(cols) + " |")
    lines.append("| --- |" + " ---: |" * len(cols))
    for r in data["rows"]:
        lines.append(f"| {r['label']} | " + " | ".join(fmt_ns(r["ns"].get(c)) for c in cols) + " |")
    ours = data["regplan_columns"]
    peers = [c for c in cols if c not in ours]
    if peers:
        pairs = [(o, p) for o in ours for p in peers]
        lines += ["", "Ratio regplan / peer (below 1: regplan is faster):", ""]
        head = [f"{o.replace('regplan ', '') if len(ours) > 1 else 'regplan'} / {p}" for o, p in pairs]
        lines.append("| workload | " + " | ".join(head) + " |")
        lines.append("| --- |" + " ---: |" * len(pairs))
        for r in data["rows"]:
            if not any(r["ns"].get(p) for p in peers):
                continue
            lines.append(f"| {r['label']} | " + " | ".join(fmt_ratio(ratio(r["ns"].get(o), r["ns"].get(p))) for o, p in pairs) + " |")
    for note in data.get("notes", []):
        lines += ["", f"Note: {note}."]
    lines.append("")
    return lines


def graph_section(results):
    lines = ["## Shared-reference graph (`x = [1]`, then 30 times `x = [x, x]`)", "",
             "Each case runs in a child process, killed after 10 s or beyond 2,048 MB RSS. "
             "Time: median of up to 5 calls; memory: RSS after the calls minus before (for a killed child, its peak RSS).", "",
             "| runtime | passed as | outcome | time | RSS growth |", "| --- | --- | --- | ---: | ---: |"]
    for data in results:
        for g in data.get("graph", []):
            outcome = g["status"] if g["status"] != "refused" else f"refused: {g.get('outcome')}"
            outcome = outcome.replace("|", "\\|")
            if len(outcome) > 110:
                outcome = outcome[:107] + "…"
            ms = "—" if g.get("ms") is None else fmt_ms(g["ms"])
            lines.append(f"| {data['language']} {g['variant']} | `{g['case']}` | {outcome} | {ms} | {g['rss_growth_mb']:,.1f} MB |")
    lines.append("")
    return lines


def chart(results, path):
    """Horizontal bars, log scale, one group per (language, workload)."""
    groups = []
    for data in results:
        for r in data["rows"]:
            if r["key"].startswith("plan_") and data["language"] != "Rust":
                continue
            bars = [(c, r["ns"].get(c), c in data["regplan_columns"]) for c in data["columns"] if r["ns"].get(c)]
            if bars:
                groups.append((f"{data['language']}: {r['label']}", bars))
    bar_h, gap, left, width = 13, 12, 330, 900
    values = [v for _, bars in groups for _, v, _ in bars]
    lo = 10 ** math.floor(math.log10(min(values))) if values else 10
    hi = 10 ** math.ceil(math.log10(max(values))) if values else 1e6
    scale = (width - left - 90) / (math.log10(hi) - math.log10(lo))
    x_of = lambda v: left + (math.log10(max(v, lo)) - math.log10(lo)) * scale  # noqa: E731
    y = 50
    body = []
    for title, bars in groups:
        body.append(f'<text x="8" y="{y + 10}" font-weight="bold">{html.escape(title)}</text>')
        y += 16
        for name, v, ours in bars:
            colour = "#e8590c" if ours else "#868e96"
            body.append(f'<text x="{left - 6}" y="{y + 10}" text-anchor="end">{html.escape(name)}</text>')
            body.append(f'<rect x="{left}" y="{y}" width="{max(1, x_of(v) - left):.1f}" height="{bar_h - 2}" fill="{colour}"/>')
            body.append(f'<text x="{x_of(v) + 4:.1f}" y="{y + 10}">{html.escape(fmt_ns(v))} ns</text>')
            y += bar_h
        y += gap
    ticks = []
    decade = lo
    while decade <= hi:
        x = x_of(decade)
        label = f"{decade:,.0f} ns" if decade < 1e6 else f"{decade / 1e6:,.0f} ms"
        ticks.append(f'<line x1="{x:.1f}" y1="40" x2="{x:.1f}" y2="{y}" stroke="#dee2e6"/>'
                     f'<text x="{x:.1f}" y="34" text-anchor="middle" fill="#495057">{label}</text>')
        decade *= 10
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{y + 10}" font-family="sans-serif" font-size="11">',
           f'<rect width="{width}" height="{y + 10}" fill="white"/>',
           '<text x="8" y="16" font-size="13" font-weight="bold">regplan vs peers: median ns per call (log scale; orange = regplan)</text>',
           *ticks, *body, "</svg>"]
    Path(path).write_text("\n".join(svg) + "\n")


def main():
    results_dir, criterion_dir, out_dir, command = sys.argv[1:5]
    load = lambda name: json.loads((Path(results_dir) / name).read_text()) if (Path(results_dir) / name).exists() else None  # noqa: E731
    py, node = load("results-python.json"), load("results-node.json")
    rust = rust_results(criterion_dir)
    quick = (Path(results_dir) / "quick").exists()
    results = [d for d in (py, node, rust) if d]
    lines = ["# Benchmarks", "",
             "Generated by `bench/run.sh` (do not edit by hand). regplan as users install it (the wheel in a fresh venv, "
             "the packed npm packages in a fresh project, the core in the shipped feature set) against peers, "
             "one process per language, every contender's batch once per round, many rounds; medians. "
             "Every peer first agreed with regplan on the validity of every input.", "",
             f"- Command: `{command}`" + (" (quick mode: few rounds, the figures are rough)" if quick else ""),
             f"- Date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
             f"- Machine: {machine()}",
             "- Rounds: " + ", ".join(f"{d['language']} {d['rounds']}" for d in (py, node) if d and "rounds" in d)
             + " (single inputs); criterion's own sampling for Rust", ""]
    lines += ["## Targets (issue 9)", "", "| target | measured | result |", "| --- | ---: | --- |"]
    for label, value, limit, unit in targets(py, node, rust):
        lines.append(f"| {label} | {fmt_target_value(value, unit)} | {verdict(value, limit, unit)} |")
    lines.append("")
    for data in results:
        lines += language_section(data)
    lines += graph_section(results)
    lines += ["![chart](chart.svg)", ""]
    Path(out_dir, "results.md").write_text("\n".join(lines))
    chart(results, Path(out_dir, "chart.svg"))
    if not quick:
        update_readme(lines)


def update_readme(lines):
    """Writes the target table and the per-language tables into README.md,
    between its `bench:start` / `bench:end` markers, so README shows what
    the last full run measured."""
    readme = Path(__file__).resolve().parent.parent / "README.md"
    text = readme.read_text()
    start, end = "<!-- bench:start -->", "<!-- bench:end -->"
    if start not in text or end not in text:
        return
    body = [line.replace("](chart.svg)", "](bench/chart.svg)") for line in lines
            if not line.startswith("# Benchmarks") and not line.startswith("Generated by")]
    head, rest = text.split(start, 1)
    _, tail = rest.split(end, 1)
    readme.write_text(head + start + "\n" + "\n".join(body).replace("## ", "### ") + "\n" + end + tail)


if __name__ == "__main__":
    main()
