"""Every model module says first what it computes: its governing equation."""

import importlib
import pkgutil

import pytest

import helpers.models

MODULES = [info.name for info in pkgutil.iter_modules(helpers.models.__path__)
           if not info.name.startswith("_")]


def test_the_models_were_found():
    assert {"growth", "size", "clones", "treatment", "lesions", "markers"} <= set(MODULES)


@pytest.mark.parametrize("name", MODULES)
def test_docstring_opens_with_the_governing_equation(name):
    doc = importlib.import_module(f"helpers.models.{name}").__doc__ or ""
    paragraphs = [p for p in doc.split("\n\n") if p.strip()]
    # The one-line summary, then the equation: before units, words or caveats.
    assert len(paragraphs) >= 3, doc
    assert paragraphs[1].startswith("Governing equation"), paragraphs[1]
    assert "=" in paragraphs[2], paragraphs[2]
