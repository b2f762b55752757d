#!/usr/bin/env python3
"""Lists every artifact under target/dist (written by .ci/packages.sh) as a
Markdown table: file, size in bytes, platform tag. The tag is read from the
artifact itself: a wheel's WHEEL file, an npm package's os/cpu/libc, a
.node addon's ELF machine.

    python3 .ci/artifacts.py target/dist
"""

from __future__ import annotations

import json
import pathlib
import sys
import tarfile
import zipfile

ELF_MACHINES = {0x3E: "x86_64", 0xB7: "aarch64"}


def wheel_tags(path: pathlib.Path) -> str:
    with zipfile.ZipFile(path) as wheel:
        name = next(n for n in wheel.namelist() if n.endswith(".dist-info/WHEEL"))
        lines = wheel.read(name).decode().splitlines()
    return ", ".join(line.split(": ", 1)[1] for line in lines if line.startswith("Tag: "))


def npm_tag(path: pathlib.Path) -> str:
    with tarfile.open(path) as tar:
        manifest = json.load(tar.extractfile("package/package.json"))  # type: ignore[arg-type]
        addons = [m for m in tar.getmembers() if m.name.endswith(".node")]
        machine = ""
        if addons:
            header = tar.extractfile(addons[0]).read(20)  # type: ignore[union-attr]
            machine = ELF_MACHINES.get(int.from_bytes(header[18:20], "little"), "?")
        has_wasm = any(m.name.endswith(".wasm") for m in tar.getmembers())
    name = manifest["name"]
    if "os" in manifest:
        libc = "/".join(manifest.get("libc", []))
        return f"{name}: {'/'.join(manifest['os'])} {'/'.join(manifest['cpu'])}{' ' + libc if libc else ''} (ELF {machine})"
    if has_wasm:
        return f"{name}: wasm32, any platform (Node {manifest['engines']['node']}, browsers)"
    optional = ", ".join(manifest.get("optionalDependencies", {})) or "none"
    return f"{name}: any platform (JS loader; addon from optionalDependencies: {optional})"


def tag_of(path: pathlib.Path) -> str:
    if path.suffix == ".whl":
        return wheel_tags(path)
    if path.name.endswith(".tar.gz"):
        return "sdist (source, builds with a Rust toolchain)"
    if path.suffix == ".tgz":
        return npm_tag(path)
    if path.suffix == ".crate":
        return "crate source (any platform)"
    return "?"


def main() -> None:
    dist = pathlib.Path(sys.argv[1])
    rows = ["| artifact | bytes | platform tag |", "| --- | ---: | --- |"]
    for path in sorted(p for p in dist.rglob("*") if p.is_file() and p.suffix in {".whl", ".gz", ".tgz", ".crate"}):
        rows.append(f"| `{path.relative_to(dist)}` | {path.stat().st_size:,} | {tag_of(path)} |")
    print("\n".join(rows))


if __name__ == "__main__":
    main()
