"""Crash safety, idempotence, incremental builds and queries served during a build.

The corpus is made reproducibly from the paragraphs of data/samples (texts we wrote),
recombined into many short documents.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from builder.build import build
from builder.store import Store

from .conftest import SAMPLES

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]


def sample_paragraphs() -> list[tuple[str, str]]:
    """(published, paragraph) from the sample articles, front matter dropped."""
    from builder.readers import ReadReport, iter_documents

    out = []
    for doc in iter_documents([SAMPLES], ReadReport()):
        for para in doc.text.split("\n\n"):
            if len(para.split()) > 12 and not para.lstrip().startswith("#"):
                out.append((doc.published.isoformat(), para.strip()))
    return out


def write_corpus(path: Path, n: int) -> Path:
    paras = sample_paragraphs()
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            (pub, a), (_, b) = paras[i % len(paras)], paras[(i * 7 + 3) % len(paras)]
            f.write(json.dumps({"id": f"doc-{i:04d}", "text": a + "\n\n" + b, "published": pub}) + "\n")
    return path


def cli_build(corpus: Path, store: Path, *extra: str) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "builder.cli", "build", str(corpus), "--store", str(store), "-q", *extra]
    return subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


def graph_of(path: Path):
    store = Store(path)
    try:
        return store.union_graph(include_ontology=True), len(store.named_graphs())
    finally:
        del store


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "corpus.jsonl", 120)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory):
    path = tmp_path_factory.mktemp("ref") / "store"
    started = time.monotonic()
    proc = cli_build(corpus, path, "--batch-size", "4")
    out, _ = proc.communicate(timeout=600)
    assert proc.returncode == 0, out.decode()
    return (*graph_of(path), time.monotonic() - started)


def test_crash_sigkill_at_random_points_then_rebuild(corpus, reference, tmp_path):
    """Kill the build with SIGKILL at several points; the store opens, and finishing the build
    gives a graph isomorphic to an uninterrupted build."""
    ref_graph, ref_graphs, ref_seconds = reference
    rnd = random.Random(20261127)
    # Kill points as fractions of an uninterrupted build on this machine: one while the model
    # loads, three while documents are written.
    delays = [ref_seconds * rnd.uniform(lo, hi) for lo, hi in ((0.05, 0.2), (0.6, 0.7), (0.72, 0.82), (0.84, 0.94))]
    seen_states = []
    for trial, delay in enumerate(delays):
        path = tmp_path / f"store-{trial}"
        proc = cli_build(corpus, path, "--batch-size", "4")
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait(30)
        if path.exists():
            store = Store(path)  # opens after the kill (RocksDB replays its log)
            seen_states.append(len(store.named_graphs()))
            del store
        else:
            seen_states.append(0)
        finish = cli_build(corpus, path, "--batch-size", "4")
        out, _ = finish.communicate(timeout=600)
        assert finish.returncode == 0, out.decode()
        graph, n_graphs = graph_of(path)
        assert n_graphs == ref_graphs
        assert isomorphic(graph, ref_graph), f"trial {trial}: killed after {delay:.1f} s"
    print(f"\nkilled after {', '.join(f'{d:.1f}' for d in delays)} s; named graphs present at the kill: {seen_states} of {ref_graphs}")
    assert len(set(seen_states)) >= 2  # the kills landed at different points of the build


def test_idempotent_build_same_content(corpus, reference, tmp_path):
    ref_graph, _, _ = reference
    path = tmp_path / "store"
    for _ in range(2):
        proc = cli_build(corpus, path, "--batch-size", "16")
        out, _ = proc.communicate(timeout=600)
        assert proc.returncode == 0, out.decode()
        graph, _ = graph_of(path)
        assert len(graph) == len(ref_graph) and isomorphic(graph, ref_graph)


def test_incremental_add_and_replace(tmp_path, nlp):
    store = Store(None)
    first = tmp_path / "a.jsonl"
    first.write_text(
        json.dumps({"id": "a", "text": "Houthi forces fired a ballistic missile at Marib city on Sunday, killing four civilians.", "published": "2022-01-10"}) + "\n",
        encoding="utf-8",
    )
    build([first], store, progress=False, nlp=nlp)
    before = len(store)
    second = tmp_path / "b.jsonl"
    second.write_text(
        json.dumps({"id": "b", "text": "Turkish drones struck a YPG position near Kobani on Monday, killing two fighters.", "published": "2022-02-07"}) + "\n",
        encoding="utf-8",
    )
    report = build([first, second], store, progress=False, nlp=nlp)
    assert (report.documents_built, report.documents_unchanged) == (1, 1) and len(store) > before
    changed = tmp_path / "a.jsonl"
    changed.write_text(
        json.dumps({"id": "a", "text": "Al-Shabaab fighters attacked an army base in Lower Shabelle on Sunday, killing six soldiers.", "published": "2022-01-10"}) + "\n",
        encoding="utf-8",
    )
    report = build([changed], store, progress=False, nlp=nlp)
    assert report.documents_built == 1
    sentences = {r["s"].value for r in store.query("SELECT DISTINCT ?s WHERE { ?e <https://w3id.org/armedkg/ontology#sentence> ?s }")}
    assert any("Shabaab" in s for s in sentences) and any("Kobani" in s for s in sentences)
    assert not any("Marib" in s for s in sentences)  # the old version's assertions are gone


def test_queries_during_a_build_are_consistent(corpus, reference, tmp_path):
    """`armedkg serve` answers throughout a build; each answer sees whole batches only:
    every document graph it sees holds its document node and every evidence points at it."""
    from .test_endpoint import start_server

    path = tmp_path / "store"
    Store(path).ensure_ontology()
    proc, url = start_server(path, "--timeout", "20")
    consistency = """PREFIX akg: <https://w3id.org/armedkg/ontology#>
SELECT (COUNT(DISTINCT ?g) AS ?graphs) (COUNT(DISTINCT ?bad) AS ?broken) WHERE {
  GRAPH ?g { ?x ?p ?o }
  FILTER(STRSTARTS(STR(?g), "https://w3id.org/armedkg/graph/doc/"))
  OPTIONAL { GRAPH ?g { ?ev akg:document ?doc } FILTER NOT EXISTS { GRAPH ?g { ?doc akg:textSha256 ?h } } BIND(?g AS ?bad) }
}"""
    answers, failures = [], []
    stop = threading.Event()

    def poll() -> None:
        while not stop.is_set():
            try:
                q = urllib.parse.urlencode({"query": consistency})
                with urllib.request.urlopen(f"{url}/sparql?{q}", timeout=30) as r:
                    row = json.loads(r.read())["results"]["bindings"][0]
                    answers.append((int(row["graphs"]["value"]), int(row["broken"]["value"])))
            except Exception as exc:  # noqa: BLE001 - every failure is a finding
                failures.append(repr(exc) + (exc.read().decode()[:300] if hasattr(exc, "read") else ""))
            time.sleep(0.2)

    poller = threading.Thread(target=poll)
    poller.start()
    try:
        builder = cli_build(corpus, path, "--batch-size", "8")
        out, _ = builder.communicate(timeout=600)
        assert builder.returncode == 0, out.decode()
        # The workers reopen the store at least once a second; on a loaded machine a reopen can
        # take longer, so wait (up to 30 s) for an answer that sees the finished build.
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not (answers and answers[-1][0] == 120):
            time.sleep(0.2)
    finally:
        stop.set()
        poller.join(60)
        proc.terminate()
        proc.wait(10)
    assert failures == []
    assert all(broken == 0 for _, broken in answers)
    counts = [g for g, _ in answers]
    assert counts == sorted(counts) and counts[-1] == 120  # every document of the corpus
    assert len(set(counts)) >= 3  # answers came while the build was running
    print(f"\n{len(answers)} queries during the build, document graphs seen: {sorted(set(counts))}")
