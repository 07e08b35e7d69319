"""``armedkg serve``'s pages: the query editor at / and the ontology reference at /ontology."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from builder.store import Store

from .handmade import TRIG
from .test_endpoint import http, start_server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def page_server(tmp_path_factory):
    """``armedkg serve`` over the hand-made graph, on disk."""
    path = tmp_path_factory.mktemp("pages") / "store"
    store = Store(path)
    store.ensure_ontology()
    store.ox.load(TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    proc, url = start_server(path, "--workers", "1")
    yield url
    proc.terminate()
    proc.wait(10)


def test_query_page_serves_the_ontology_reference(page_server):
    status, headers, body = http(page_server + "/ontology")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    text = body.decode("utf-8")
    assert "<h3>akg:JihadistGroup</h3>" in text and "transnational jihadist ideology" in text
    assert "default-src 'none'" in text  # the page runs no script
    status, _, body = http(page_server + "/")
    assert b'href="/ontology"' in body
