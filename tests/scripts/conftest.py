"""Fixtures of the tests of ``scripts/``: a script imported as a module."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"


@pytest.fixture(scope="session")
def load_script():
    """``load_script("bench.py", "kg_bench_script")``: the script run as module ``name``, registered
    in ``sys.modules`` (dataclasses look their module up there) until the session ends."""
    names = []

    def load(filename: str, name: str):
        spec = importlib.util.spec_from_file_location(name, SCRIPTS / filename)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        names.append(name)
        spec.loader.exec_module(module)
        return module

    yield load
    for name in names:
        sys.modules.pop(name, None)
