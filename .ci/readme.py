#!/usr/bin/env python3
"""Runs every code block of README.md and the bindings' READMEs and compares
the output they show, so no README can lie (jsonschema-rs's test_readme.py,
for every language here).

    python3 .ci/readme.py [--only console,sh,python,js,html,json]

Run by test.sh after the bindings' test.sh (it uses what they installed:
the wheel in target/py-smoke-venv, the npm packages in target/node-smoke
and target/wasm-smoke). Per block language:

- console: each `$ command` runs in bash at the repository root; the lines
  under it, up to the next `$`, must be its standard output exactly.
  `cargo install` installs into target/readme-bin (CARGO_INSTALL_ROOT), which
  is first on PATH for the commands after it.
- sh: each command runs in bash at the repository root and must succeed,
  except the commands in NOT_RUN (with the reason).
- python: runs with the installed wheel; `print(x)  # shown` lines must
  print what is shown (`...` stands for any text).
- js: runs with node where the package is installed; `console.log(x) // shown`
  lines likewise.
- rust: core/src/lib.rs runs README.md's rust blocks as doctests; ts:
  bindings-node/test.sh type-checks them (test/readme-blocks.mjs); here
  both are only counted.
- html: must be the <script> of the file the text above it names.
- json: must parse.

A block of any other language, or a block in NOT_RUN that is no longer in
a README, fails the run: nothing is skipped silently.
"""

from __future__ import annotations

import json
import os
import pathlib
import re
import subprocess
import sys
import tempfile
from typing import Dict, List, Tuple

ROOT = pathlib.Path(__file__).resolve().parents[1]
READMES = ["README.md", "bindings-python/README.md", "bindings-node/README.md", "bindings-wasm/README.md"]
PYTHON = ROOT / "target/py-smoke-venv/bin/python"
NODE_DIRS = {"bindings-node/README.md": ROOT / "target/node-smoke", "bindings-wasm/README.md": ROOT / "target/wasm-smoke"}
BIN = ROOT / "target/readme-bin"

# Commands and blocks not run, each with the reason (README file, first line of the command or block).
NOT_RUN: Dict[Tuple[str, str], str] = {
    ("README.md", "./test.sh"): "the whole CI, which is what runs this script",
    ("README.md", "bash bindings-wasm/test.sh          # builds bindings-wasm/pkg-web (and runs its tests)"):
        "./test.sh runs it just before this script",
    ("README.md", "python3 -m http.server -d bindings-wasm 8000   # then open http://127.0.0.1:8000/browser/example.html"):
        "serves until stopped; bindings-wasm/test.sh loads the same page in Chromium",
    ("bindings-python/README.md",
     "bash bindings-python/test.sh   # venv, maturin wheel, fresh-venv install, pytest, mypy --strict, stubtest, differential, hostile"):
        "./test.sh runs it just before this script",
    ("bindings-node/README.md", "const { validate, plan, RegplanError } = require('regplan')"):
        "sends a request to api.gcore.com; the offline example below it runs",
    ("bindings-wasm/README.md", '// Node (ESM or CommonJS): ready on import.'):
        "sends a request to api.gcore.com (fetch)",
}

failures: List[str] = []
used = set()


def blocks(text: str) -> List[Tuple[str, str, str]]:
    """(language, body, the paragraph before the block) for each fenced block."""
    found = []
    for match in re.finditer(r"^```(\w*)\n(.*?)^```\n", text, flags=re.S | re.M):
        before = text[: match.start()].rstrip().rsplit("\n\n", 1)[-1]
        found.append((match.group(1), match.group(2), before))
    return found


def shown_pattern(shown: str) -> re.Pattern:
    return re.compile(".*?".join(re.escape(part) for part in shown.split("...")) + r"\Z", re.S)


def compare_shown(where: str, output: str, shown: List[str]) -> None:
    lines = output.splitlines()
    if len(lines) != len(shown):
        failures.append(f"{where}: printed {len(lines)} line(s), the README shows {len(shown)}:\n{output}")
        return
    for got, want in zip(lines, shown):
        if not shown_pattern(want).match(got):
            failures.append(f"{where}: printed\n  {got}\nthe README shows\n  {want}")


def env() -> Dict[str, str]:
    environment = dict(os.environ, CARGO_INSTALL_ROOT=str(BIN))
    environment["PATH"] = f"{BIN / 'bin'}:{environment['PATH']}"
    return environment


def run_console(where: str, body: str) -> None:
    commands: List[Tuple[str, List[str]]] = []
    for line in body.splitlines():
        if line.startswith("$ "):
            commands.append((line[2:], []))
        elif commands:
            commands[-1][1].append(line)
    for command, shown in commands:
        while shown and shown[-1] == "":
            shown.pop()
        done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env(), capture_output=True, text=True)
        if done.returncode not in (0, 1):
            failures.append(f"{where}: `{command}` exited {done.returncode}:\n{done.stderr}")
            continue
        if done.stdout.splitlines() != shown:
            failures.append(f"{where}: `{command}` printed\n{done.stdout}\nthe README shows\n" + "\n".join(shown))


def sh_commands(body: str) -> List[str]:
    """Commands of a sh block: a line, with its quoted continuation lines."""
    commands: List[str] = []
    for line in body.splitlines():
        if commands and commands[-1].count("'") % 2 == 1:
            commands[-1] += "\n" + line
        elif line.strip():
            commands.append(line)
    return commands


def run_sh(readme: str, where: str, body: str) -> None:
    for command in sh_commands(body):
        first = command.splitlines()[0]
        if (readme, first) in NOT_RUN:
            used.add((readme, first))
            continue
        done = subprocess.run(["bash", "-c", command], cwd=ROOT, env=env(), capture_output=True, text=True)
        if done.returncode != 0:
            failures.append(f"{where}: `{first}` exited {done.returncode}:\n{done.stdout}\n{done.stderr}")


def shown_comments(body: str, call: str, comment: str) -> List[str]:
    return [m.group(1) for m in re.finditer(rf"^\s*{call}\(.*\)\s*{comment} (.*)$", body, flags=re.M)]


def run_program(where: str, argv: List[str], cwd: pathlib.Path, body: str, shown: List[str]) -> None:
    done = subprocess.run(argv, cwd=cwd, input=body, capture_output=True, text=True)
    if done.returncode != 0:
        failures.append(f"{where}: exited {done.returncode}:\n{done.stdout}\n{done.stderr}")
        return
    if shown:
        compare_shown(where, done.stdout, shown)


def check_html(where: str, body: str, before: str) -> None:
    named = re.findall(r"`([\w/.-]+\.html)`", before)
    if not named:
        failures.append(f"{where}: an html block must follow the name of the file it shows")
        return
    # Compared line by line, leading and trailing spaces aside (the page indents it more).
    def lines(text: str) -> str:
        return "\n".join(line.strip() for line in text.strip().splitlines())

    page = (ROOT / named[0]).read_text(encoding="utf-8")
    if lines(body) not in lines(page):
        failures.append(f"{where}: is not what {named[0]} holds")


def main() -> int:
    only = set(sys.argv[sys.argv.index("--only") + 1].split(",")) if "--only" in sys.argv else None
    counts: Dict[str, int] = {}
    for readme in READMES:
        text = (ROOT / readme).read_text(encoding="utf-8")
        for index, (language, body, before) in enumerate(blocks(text), start=1):
            where = f"{readme} block {index} ({language or 'no language'})"
            first = body.splitlines()[0] if body else ""
            counts[language] = counts.get(language, 0) + 1
            if only is not None and language not in only:
                used.update(key for key in NOT_RUN if key[0] == readme)
                continue
            if (readme, first) in NOT_RUN and language != "sh":
                used.add((readme, first))
                continue
            if language == "console":
                run_console(where, body)
            elif language == "sh":
                run_sh(readme, where, body)
            elif language == "python":
                run_program(where, [str(PYTHON), "-"], pathlib.Path(tempfile.gettempdir()), body,
                            shown_comments(body, "print", "#"))
            elif language == "js":
                cwd = NODE_DIRS.get(readme, ROOT / "target/node-smoke")
                run_program(where, ["node", "--input-type=commonjs" if "require(" in body else "--input-type=module"],
                            cwd, body, shown_comments(body, "console.log", "//"))
            elif language == "html":
                check_html(where, body, before)
            elif language == "json":
                try:
                    json.loads(body)
                except ValueError as error:
                    failures.append(f"{where}: not JSON: {error}")
            elif language not in ("rust", "ts"):
                failures.append(f"{where}: no way to run a `{language}` block; add one to .ci/readme.py")
    for stale in sorted(set(NOT_RUN) - used):
        failures.append(f"NOT_RUN names a command no README has any more: {stale}")
    print("README blocks:", ", ".join(f"{n} {lang or 'plain'}" for lang, n in sorted(counts.items())),
          f"({len(used)} commands or blocks not run, each with its reason in .ci/readme.py)", flush=True)
    for failure in failures:
        print(f"FAIL {failure}\n", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
