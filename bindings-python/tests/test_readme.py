"""Every ```python block of bindings-python/README.md runs."""

from __future__ import annotations

import re

from conftest import BINDING


def test_readme_examples_run() -> None:
    text = (BINDING / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", text, flags=re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
