"""Shared fixtures: one spaCy pipeline and one built store per test session."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import os

import pytest

from builder.records import Document

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session", autouse=True)
def knowledge_library(tmp_path_factory):
    """An empty knowledge library of the test session (ARMEDKG_KB_DIR), so that what a developer
    has added to their own library never reaches a test."""
    before = os.environ.get("ARMEDKG_KB_DIR")
    root = tmp_path_factory.mktemp("knowledge")
    os.environ["ARMEDKG_KB_DIR"] = str(root)
    yield root
    if before is None:
        os.environ.pop("ARMEDKG_KB_DIR", None)
    else:
        os.environ["ARMEDKG_KB_DIR"] = before


@pytest.fixture(scope="session")
def nlp():
    from builder.nlp import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def extract(nlp):
    """Run the full pipeline on one text; returns the DocResult."""
    from builder.nlp import process

    def run(text: str, published: date | None = date(2021, 3, 16), doc_id: str = "t"):
        return next(process(nlp, [Document(id=doc_id, text=text, published=published)]))

    return run


def labels_of(result, keys):
    return {result.entities[k].label for k in keys if k in result.entities}


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory):
    """The six sample articles and the test fixtures, built into a fresh on-disk store."""
    from builder.build import build
    from builder.store import Store

    path = tmp_path_factory.mktemp("store") / "armedkg-store"
    store = Store(path)
    report = build([SAMPLES, FIXTURES / "articles.jsonl"], store, progress=False)
    assert report.documents_built == 7 + 3, report
    return store
