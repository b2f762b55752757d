"""Shared paths. The tests import `regplan` from wherever it is installed;
test.sh runs them against the wheel in a fresh venv."""

from __future__ import annotations

import pathlib

BINDING = pathlib.Path(__file__).resolve().parents[1]
REPO = BINDING.parent
VECTORS = REPO / "tests" / "vectors"
VENDOR = REPO / "tests" / "vendor"
