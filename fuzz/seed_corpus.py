#!/usr/bin/env python3
"""Seeds fuzz/corpus/plan from the shared vectors: one file per case, the
first byte selecting the operation as the fuzz target does."""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
out = ROOT / "fuzz" / "corpus" / "plan"
out.mkdir(parents=True, exist_ok=True)
count = 0
for path in sorted((ROOT / "tests" / "vectors").glob("*.json")):
    for i, case in enumerate(json.loads(path.read_text())["cases"]):
        data = json.dumps(case["input"], ensure_ascii=False).encode()
        for selector in range(0, 20):
            (out / f"{path.stem}-{i}-{selector}").write_bytes(bytes([selector]) + data)
            count += 1
print(f"{count} corpus files in {out}")
