"""Issue 15, the store and the command line: a damaged store is refused with a coded error and a
way to recover, never wiped or changed; every command answers bad paths with a code and a hint,
never a traceback; exports replace a file only when complete; Ctrl-C says what was saved.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import resource
import shutil
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from builder.build import build
from builder.store import Store

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "Gunmen attacked a police checkpoint near Kirkuk on Monday, killing two officers.",
    "Rebel fighters shelled an army position near Hama on Tuesday, wounding three soldiers.",
    "Islamic State militants ambushed a patrol of the Iraqi army near Tikrit on Wednesday.",
    "Houthi forces fired a missile at Marib city on Sunday, killing four civilians, officials said.",
]


def cli(*args: str, limit_file_bytes: int | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    def limits() -> None:
        if limit_file_bytes is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_bytes, limit_file_bytes))

    return subprocess.run([sys.executable, "-m", "builder.cli", *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout, preexec_fn=limits)


def assert_coded(result: subprocess.CompletedProcess, what: str) -> None:
    output = result.stdout + result.stderr
    assert "Traceback" not in output, f"{what}: {output[-2000:]}"
    assert result.returncode != 0, f"{what}: exit 0: {output[-500:]}"
    assert re.search(r"\[E\d{3}\]", output) and "Hint:" in output, f"{what}: {output[-1000:]}"


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def built_store(tmp_path_factory, nlp) -> Path:
    path = tmp_path_factory.mktemp("built") / "store"
    corpus = path.parent / "docs.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": t, "published": "2022-05-0" + str(i + 1)}) + "\n" for i, t in enumerate(SENTENCES)), encoding="utf-8")
    store = Store(path)
    assert build([corpus], store, progress=False, nlp=nlp).documents_built == len(SENTENCES)
    store.flush()
    del store
    return path


def damaged(source: Path, kind: str, into: Path) -> Path:
    """A copy of a store with one kind of damage."""
    shutil.copytree(source, into)
    if kind == "no-current":
        (into / "CURRENT").unlink()
    elif kind == "truncated-manifest":
        manifest = next(into.glob("MANIFEST-*"))
        manifest.write_bytes(manifest.read_bytes()[:10])
    elif kind == "missing-sst":
        next(iter(sorted(into.glob("*.sst")))).unlink()
    elif kind == "bad-current":
        (into / "CURRENT").write_text("MANIFEST-999999\n", encoding="utf-8")
    return into


def free_port() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return str(s.getsockname()[1])


def commands(store: Path, out: Path, corpus: Path) -> dict[str, list[str]]:
    s = str(store)
    return {
        "build": ["build", str(corpus), "--store", s, "-q"],
        "query": ["query", "actors_backed_by", "--store", s],
        "view": ["view", "-o", str(out / "v.html"), "--store", s],
        "map": ["map", "-o", str(out / "m.html"), "--store", s],
        "export": ["export", "-f", "turtle", "-o", str(out / "e.ttl"), "--store", s],
        "validate": ["validate", "--store", s],
        "reason": ["reason", "--engine", "owlrl", "--store", s],
        "serve": ["serve", "--store", s, "--port", free_port()],
    }


DAMAGE = ["no-current", "truncated-manifest", "missing-sst", "bad-current"]


def test_reliability_every_command_on_damaged_stores_and_bad_paths(built_store, tmp_path):
    """Items 4 and 11: every command that takes --store, on each kind of damaged store, on a
    file given as --store and on a missing store: a coded error with a hint, no traceback, and
    the damaged store's files byte for byte as they were."""
    corpus = tmp_path / "more.jsonl"
    corpus.write_text(json.dumps({"id": "new", "text": SENTENCES[0]}) + "\n", encoding="utf-8")
    (tmp_path / "a-file").write_text("not a store", encoding="utf-8")
    cases = []
    for kind in DAMAGE:
        store = damaged(built_store, kind, tmp_path / kind)
        cases += [(kind, name, args, store) for name, args in commands(store, tmp_path, corpus).items()]
    for name, args in commands(tmp_path / "a-file", tmp_path, corpus).items():
        cases.append(("file", name, args, None))
    for name, args in commands(tmp_path / "nowhere", tmp_path, corpus).items():
        if name != "build":  # build creates a store there
            cases.append(("missing", name, args, None))
    before = {kind: snapshot(tmp_path / kind) for kind in DAMAGE}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda case: cli(*case[2], timeout=90), cases))
    for (kind, name, _, _), result in zip(cases, results):
        assert_coded(result, f"{name} on {kind}")
    for kind in DAMAGE:
        assert snapshot(tmp_path / kind) == before[kind], kind
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "not a store"
    print(f"\n{len(cases)} command runs on damaged stores and bad paths: all coded, none changed a file")


def test_reliability_commands_without_a_store_on_bad_paths(tmp_path):
    """Items 11 and 13: eval, query (.rq file) and build on paths that do not exist or are not
    what they should be: coded, no traceback."""
    latin = tmp_path / "latin.rq"
    latin.write_bytes("# name: latin\n# purpose: caf\xe9\nSELECT * { ?s ?p ?o }\n".encode("latin-1"))
    runs = {
        "eval missing": cli("eval", str(tmp_path / "missing.jsonl")),
        "eval folder": cli("eval", str(tmp_path)),
        "build missing input": cli("build", str(tmp_path / "missing.txt"), "--store", str(tmp_path / "s"), "-q"),
        "query non-utf8 rq": cli("query", str(latin), "--store", str(tmp_path / "s")),
    }
    for what, result in runs.items():
        assert_coded(result, what)
    assert cli("queries").returncode == 0


def test_reliability_missing_current_is_refused_and_recoverable(built_store, tmp_path):
    """Item 4: a store without CURRENT is never turned into a new, empty database: two builds
    are refused (E032), the files stay as they were, and the hint's recovery brings back every
    document."""
    store = damaged(built_store, "no-current", tmp_path / "store")
    corpus = tmp_path / "one.jsonl"
    corpus.write_text(json.dumps({"id": "new", "text": SENTENCES[1]}) + "\n", encoding="utf-8")
    before = snapshot(store)
    for _ in range(2):
        result = cli("build", str(corpus), "--store", str(store), "-q")
        assert_coded(result, "build without CURRENT")
        assert "[E032]" in result.stderr and "CURRENT" in result.stderr
        assert snapshot(store) == before
    manifest = re.search(r"MANIFEST-\d+", result.stderr).group()
    (store / "CURRENT").write_text(manifest + "\n", encoding="utf-8")
    recovered = Store(store, read_only=True)
    ids = {r["id"].value for r in recovered.query("SELECT ?id WHERE { ?d <https://w3id.org/armedkg/ontology#docId> ?id }")}
    assert ids == {f"d{i}" for i in range(len(SENTENCES))}


def test_reliability_full_disk_during_a_build_is_a_coded_error(tmp_path):
    """Item 11: a build on a full disk (simulated: a file-size limit, so writes fail with EFBIG)
    ends with a coded error and a hint, not a traceback or a misleading hint."""
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"d{i}", "text": SENTENCES[i % 4] + f" Report {i}."}) + "\n" for i in range(40)), encoding="utf-8")
    result = cli("build", str(corpus), "--store", str(tmp_path / "store"), "-q", "--batch-size", "4", limit_file_bytes=64_000)
    assert_coded(result, "build on a full disk")
    assert "disk is full" in result.stderr and "another armedkg process" not in result.stderr


def test_reliability_exports_are_atomic_and_coded(built_store, tmp_path):
    """Item 12: an export that fails for want of space leaves the previous complete file as it
    was; a folder, a missing folder or /dev/full as output is a coded error."""
    previous = tmp_path / "graph.ttl"
    previous.write_text("# the previous complete export\n", encoding="utf-8")
    result = cli("export", "-f", "turtle", "-o", str(previous), "--store", str(built_store), limit_file_bytes=20_000)
    assert_coded(result, "export on a full disk")
    assert previous.read_text(encoding="utf-8") == "# the previous complete export\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".graph.ttl")]  # no temporary file left
    for output in (tmp_path, tmp_path / "missing" / "g.ttl", Path("/dev/full")):
        if output == Path("/dev/full") and not output.exists():
            continue
        assert_coded(cli("export", "-f", "events-csv", "-o", str(output), "--store", str(built_store)), f"export to {output}")


def _ctrl_c_as_at_a_terminal() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_reliability_ctrl_c_says_what_was_saved(tmp_path):
    """Item 15: Ctrl-C during a build exits 130 and says how many documents were committed and
    how to resume; the store holds those documents, and running the command again finishes."""
    corpus = tmp_path / "docs.jsonl"
    # Enough documents that the build outlasts the polling below by far (120 finished between two
    # polls on a fast machine, and the signal came after the build)
    corpus.write_text("".join(json.dumps({"id": f"d{i:03d}", "text": SENTENCES[i % 4] + f" It was report number {i}."}) + "\n" for i in range(400)), encoding="utf-8")
    store = tmp_path / "store"
    args = [sys.executable, "-m", "builder.cli", "build", str(corpus), "--store", str(store), "-q", "--batch-size", "4"]
    # The build gets Ctrl-C as from a terminal: a shell starts a background job ("make test &")
    # with SIGINT ignored, the child would inherit that and finish the build (exit 0)
    proc = subprocess.Popen(args, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_ctrl_c_as_at_a_terminal)
    deadline = time.monotonic() + 240
    polled: list[str] = []  # what each poll found, for the message when the build ends first
    while time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.2)
        try:
            stored = sum(1 for g in Store(store, read_only=True).named_graphs() if "/doc/" in g)
            polled.append(str(stored))
            if stored >= 8:
                break
        except Exception as exc:  # noqa: BLE001 - not created yet
            polled.append(type(exc).__name__ + ": " + str(exc)[:80])
            continue
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out, err, polled[-5:], len(polled))
    assert "Traceback" not in out + err and "[E080]" in err and "again to resume" in err
    saved = int(re.search(r"(\d+) document\(s\) of this run were committed", err).group(1))
    stored = sum(1 for g in Store(store, read_only=True).named_graphs() if "/doc/" in g)
    assert 8 <= saved == stored < 400
    again = cli("build", str(corpus), "--store", str(store), "-q")
    assert again.returncode == 0 and f"{saved} unchanged" in again.stdout, again.stdout + again.stderr
