"""Writes every ```python block of a README as a function of one module, so
that `mypy --strict` type-checks the README's examples (bindings-python/test.sh):
`python readme_blocks.py README.md OUT.py`. tests/test_readme.py runs them."""

import re
import sys

readme, out = sys.argv[1:]
with open(readme, encoding="utf-8") as f:
    blocks = re.findall(r"```python\n(.*?)```", f.read(), flags=re.S)
if not blocks:
    sys.exit(f"no python block in {readme}")
with open(out, "w", encoding="utf-8") as f:
    for i, block in enumerate(blocks, 1):
        f.write(f"def readme_block_{i}() -> None:\n")
        f.writelines(f"    {line}\n" if line else "\n" for line in block.splitlines())
        f.write("\n\n")
