"""The same corpus built four ways gives the same graph: one process, two worker processes,
a Dask LocalCluster (the code path of a remote scheduler), and into a live `oxigraph serve`."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from builder.build import build
from builder.store import RemoteStore, Store

from .test_endpoint import free_port
from .test_reliability import write_corpus

pytestmark = pytest.mark.slow


@pytest.fixture()
def oxigraph_server(tmp_path):
    exe = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    port = free_port()
    proc = subprocess.Popen([exe, "serve", "--location", str(tmp_path / "oxi"), "--bind", f"127.0.0.1:{port}"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=1).read()
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    yield url
    proc.terminate()
    proc.wait(10)


def test_scale_four_builds_are_isomorphic(tmp_path, nlp, oxigraph_server):
    from distributed import LocalCluster

    corpus = write_corpus(tmp_path / "corpus.jsonl", 40)
    one = Store(tmp_path / "one")
    r1 = build([corpus], one, progress=False, nlp=nlp)
    two = Store(tmp_path / "two")
    r2 = build([corpus], two, progress=False, workers=2, batch_size=4)
    forked = Store(tmp_path / "forked")  # two workers forked from this process, sharing its pipeline
    r2f = build([corpus], forked, progress=False, workers=2, batch_size=4, nlp=nlp)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask_store = Store(tmp_path / "dask")
        r3 = build([corpus], dask_store, progress=False, scheduler=cluster.scheduler_address, batch_size=4)
    remote = RemoteStore(oxigraph_server)
    r4 = build([corpus], remote, progress=False, nlp=nlp, batch_size=8)
    assert r1.documents_built == r2.documents_built == r2f.documents_built == r3.documents_built == r4.documents_built == 40
    reference = one.union_graph(include_ontology=True)
    for name, store in (("2 workers", two), ("2 forked workers", forked), ("dask", dask_store), ("oxigraph serve", remote)):
        assert isomorphic(store.union_graph(include_ontology=True), reference), name
    # Built again into the server: nothing changes (document hashes are read back over HTTP).
    again = build([corpus], remote, progress=False, nlp=nlp)
    assert again.documents_unchanged == 40 and isomorphic(remote.union_graph(include_ontology=True), reference)


def test_scale_remote_store_errors_are_coded():
    from builder.errors import RemoteStoreError

    with pytest.raises(RemoteStoreError, match=r"\[E031\].*oxigraph serve"):
        RemoteStore(f"http://127.0.0.1:{free_port()}")


def test_scale_build_cli_into_oxigraph_serve_and_query_it(tmp_path, oxigraph_server):
    from typer.testing import CliRunner

    from builder.cli import app

    runner = CliRunner()
    samples = Path(__file__).resolve().parents[1] / "data" / "samples"
    result = runner.invoke(app, ["build", str(samples), "--store", oxigraph_server, "-q"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["query", "actors_backed_by", "-p", "backer=Iran", "--store", oxigraph_server, "-f", "csv"])
    assert result.exit_code == 0 and "Kata'ib Hezbollah" in result.output


def test_scale_worker_processes_read_the_input_as_they_go(nlp):
    """With worker processes the input is read a few chunks ahead of the results, not all at
    once (memory stays bounded however long the corpus), and results keep the input order."""
    from datetime import date

    from builder.build import extract_all
    from builder.nlp import DEFAULT_MODEL
    from builder.records import Document

    consumed = 0

    def documents():
        nonlocal consumed
        for i in range(400):
            consumed += 1
            yield Document(id=f"d{i}", text=f"Rebels shelled the town of Binnish on Monday, killing {i % 5} people.", published=date(2021, 3, 16))

    results = extract_all(documents(), DEFAULT_MODEL, None, batch_size=16, workers=2, nlp=nlp)
    first = next(results)
    assert consumed <= 4 * 16 + 3 * 2 * 16  # the look-ahead and the chunks in flight
    rest = list(results)
    assert [e.doc_id for e in [first, *rest]] == [f"d{i}" for i in range(400)]
    assert all(e.error is None and e.events == 1 for e in [first, *rest])
