"""Build: read documents, extract, emit, write to the store in batches."""

from __future__ import annotations

import hashlib
import itertools
import logging
import queue
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .emit import doc_graph, emit_triples
from .errors import DocumentTooLong, DuplicateId, ExtractionFailed, Interrupted, NotEnglish, UnsupportedInput
from .knowledge.sync import concrete, prepare_store, source_infos
from .language import looks_english
from .nlp import DEFAULT_MODEL, build_pipeline, process
from .readers import ReadReport, estimate_documents, iter_documents
from .records import DocResult, Document
from .store import RemoteStore, Store, document_nquads, drop_orphans, graph_terms, open_store

log = logging.getLogger("armedkg.build")


@dataclass
class BuildReport:
    """What a build did: counts, skipped inputs with their coded errors, time."""

    documents_read: int = 0
    documents_built: int = 0
    documents_unchanged: int = 0
    documents_written: int = 0  # committed to the store (what an interrupted build has saved)
    documents_replaced: int = 0  # stored before with another text
    entities_dropped: int = 0  # descriptions removed: no document mentions them any more
    duplicate_ids: list[str] = field(default_factory=list)
    renamed: list[str] = field(default_factory=list)  # documents built under a new id ("<id>~2"), also in problems
    triples_written: int = 0
    store_triples: int = 0
    events: int = 0
    entities: int = 0
    relations: int = 0
    seconds: float = 0.0
    first_result_seconds: float | None = None  # when the first document came back (start-up cost)
    problems: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


class Progress:
    """Documents done (built, unchanged or skipped) out of an estimated total: a tqdm bar with
    docs/s and ETA on a terminal; in a pipe, a log line every ``every`` seconds whose rate and
    time left are measured from the first document on (not from the start, which includes
    loading the model), a time left only once a few documents are done, and a closing line."""

    def __init__(self, total: int | None, enabled: bool, every: float = 5.0, stream: Any = None, clock: Callable[[], float] = time.perf_counter) -> None:
        self.total, self.enabled, self.every, self.clock = total, enabled, every, clock
        self.done = 0
        self.started = self.last = clock()
        self.first: float | None = None  # when the first document was done
        self.bar = None
        stream = stream if stream is not None else sys.stderr
        if enabled and stream.isatty():
            import shutil

            from tqdm import tqdm

            # A terminal that reports no size (some ptys) would get a bar of width 0: take 100.
            width = shutil.get_terminal_size((100, 24)).columns or 100
            self.bar = tqdm(total=total, unit="doc", desc="build", file=stream, ncols=width)

    def update(self, n: int = 1) -> None:
        self.done += n
        now = self.clock()
        if self.first is None:
            self.first = now
            if self.enabled and self.bar is None:
                log.info("build: first document done after %.1f s (the model loads first)", now - self.started)
        if self.bar is not None:
            self.bar.update(n)
            return
        if self.enabled and now - self.last >= self.every:
            log.info("%s", self.line(now))
            self.last = now

    def line(self, now: float) -> str:
        """The log line for the state at ``now``."""
        since_first = self.done - 1
        elapsed = now - (self.first if self.first is not None else now)
        rate = since_first / elapsed if since_first > 0 and elapsed > 0 else None
        text = f"build: {self.done}{f' of ~{self.total}' if self.total else ''} documents"
        if rate:
            text += f", {rate:.1f} docs/s"
            if self.total and self.total > self.done and since_first >= 5:
                text += f", about {(self.total - self.done) / rate:.0f} s left"
        return text

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.enabled:
            log.info("build: %d document(s) done in %.1f s", self.done, self.clock() - self.started)


@dataclass
class Emitted:
    """One document ready for the writer: the N-Quads of its own graph and of the entity
    descriptions it adds to the shared graph, made where the NLP ran, so that the single writer
    only loads bytes."""

    doc_id: str
    origin: str | None
    error: str | None = None
    nquads: bytes = b""
    shared: bytes = b""
    events: int = 0
    entities: int = 0
    relations: int = 0


def emitted(result: DocResult) -> Emitted:
    document = result.document
    if result.error:
        return Emitted(document.id, document.origin, error=result.error)
    triples = emit_triples(result)
    own, shared = document_nquads(doc_graph(document.id), triples.document(), triples.shared())
    return Emitted(document.id, document.origin, None, own, shared, len(result.events), len(result.entities), len(result.relations))


FLUSH_EVERY = 8  # batches between flushes of the store's memtables


class Writer:
    """The single writer: applies batches to the store on its own thread, in order, one
    transaction each, while the caller goes on with the next documents (the store's load runs
    in native code, mostly outside the GIL). At most ``depth`` batches wait, so memory stays
    bounded; an error in a write is raised by the next :meth:`put` or by :meth:`close`.
    """

    MAX_REMEMBERED = 2_000_000  # description quads remembered as written (bounded memory)

    def __init__(self, store: Store | RemoteStore, report: BuildReport, depth: int = 2, replacing: set[str] | None = None) -> None:
        self.store, self.report = store, report
        self.replacing = replacing if replacing is not None else set()  # ids of stored documents whose text changed
        self.orphan_candidates: set[str] = set()  # what replaced documents mentioned: checked after the build
        self.written: set[bytes] = set()
        self.queue: queue.Queue = queue.Queue(maxsize=depth)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="armedkg-writer", daemon=True)
        self.thread.start()

    def _unwritten(self, shared: bytes) -> bytes:
        """The description quads not yet written by this build. Descriptions of an entity repeat
        in every document that mentions it, and the shared graph only grows (replacing a
        document drops its own graph, never descriptions), so a quad written once need not be
        written again: a third of the quads of a batch, saved from the store's indexes. (Entities
        that no document mentions any more are removed after the build, see :func:`drop_orphans`.)"""
        if len(self.written) > self.MAX_REMEMBERED:
            self.written.clear()
        fresh = []
        for line in shared.splitlines(keepends=True):
            if line not in self.written:
                self.written.add(line)
                fresh.append(line)
        return b"".join(fresh)

    def _run(self) -> None:
        batches = 0
        while (batch := self.queue.get()) is not None:
            if self.error is not None:
                continue  # a write failed: drain, the caller raises
            try:
                documents = []
                for e in batch:
                    data = e.nquads + self._unwritten(e.shared)
                    documents.append((doc_graph(e.doc_id), data, data.count(b"\n")))
                    if e.doc_id in self.replacing:
                        self.orphan_candidates |= graph_terms(self.store, doc_graph(e.doc_id))  # before its graph is replaced
                self.report.triples_written += self.store.write_documents(documents)
                self.report.documents_written += len(documents)
                batches += 1
                if batches % FLUSH_EVERY == 0:
                    self.store.flush()  # write the store's in-memory tables to disk: memory stays flat on long builds
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                self.error = exc

    def put(self, batch: list[Emitted]) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put(batch)

    def close(self, raise_error: bool = True) -> None:
        """Write what is queued, stop the thread, raise a write error if there was one."""
        self.queue.put(None)
        self.thread.join()
        if raise_error and self.error is not None:
            raise self.error


_WORKER_NLP: dict[str, object] = {}


def _worker_init(model: str, data_dir: str | None, kb: tuple[str, ...] = ()) -> None:
    _WORKER_NLP["nlp"] = build_pipeline(model, data_dir=data_dir, kb=kb)


def _emit_chunk(nlp: object, documents: list[Document]) -> list[Emitted]:
    """One chunk through the NLP and emission, as one spaCy batch (in a worker process)."""
    return [emitted(r) for r in process(nlp, documents, batch_size=len(documents) or 1)]


def _worker_run(documents: list[Document]) -> list[Emitted]:
    return _emit_chunk(_WORKER_NLP["nlp"], documents)


def _chunks(documents: Iterator[Document], size: int, tail: int | None = None) -> Iterator[list[Document]]:
    """Chunks of ``size`` documents, read up to three chunks ahead. The last documents come in
    chunks of ``tail`` (default ``size``), so that parallel workers finish together instead of one
    waiting for the other's last big chunk."""
    ahead: list[Document] = []
    for document in documents:
        ahead.append(document)
        if len(ahead) >= 4 * size:
            yield ahead[:size]
            ahead = ahead[size:]
    tail = tail or size
    for start in range(0, len(ahead), tail):
        yield ahead[start : start + tail]


def _in_order(chunks: Iterator[list[Document]], submit: Callable[[list[Document]], Any], result: Callable[[Any], list[Emitted]], slots: int) -> Iterator[Emitted]:
    """Results of chunks handed to a pool or cluster (``submit`` returns a future, ``result``
    waits for one), in input order, with at most ``slots`` chunks in flight: the input is read as
    the workers go, so memory stays bounded however long it is."""
    pending: deque = deque()
    for chunk in chunks:
        pending.append(submit(chunk))
        while len(pending) >= slots:
            yield from result(pending.popleft())
    while pending:
        yield from result(pending.popleft())


def _dask_run(documents: list[Document], model: str, data_dir: str | None, kb: tuple[str, ...] = ()) -> list[Emitted]:
    """Run on a Dask worker: the pipeline is loaded once per worker process and kept."""
    key = f"nlp:{model}:{data_dir}:{kb}"
    if key not in _WORKER_NLP:
        _WORKER_NLP[key] = build_pipeline(model, data_dir=data_dir, kb=kb)
    return _emit_chunk(_WORKER_NLP[key], documents)


def extract_on_dask(documents: Iterator[Document], scheduler: str, model: str, data_dir: str | None, chunk_size: int, kb: tuple[str, ...] = ()) -> Iterator:
    """Extraction on a Dask distributed cluster, results in input order.

    At most two chunks per worker thread are in flight, so memory stays bounded however long
    the input; the scheduler balances chunks across machines. Workers need armedkg installed.
    """
    from distributed import Client

    with Client(scheduler, set_as_default=False) as client:
        slots = max(2, 2 * sum(client.nthreads().values()))
        yield from _in_order(_chunks(documents, chunk_size), lambda chunk: client.submit(_dask_run, chunk, model, data_dir, kb, pure=False), lambda future: future.result(), slots)


def extract_all(
    documents: Iterator[Document],
    model: str,
    data_dir: str | None,
    batch_size: int,
    workers: int,
    nlp: object | None = None,
    scheduler: str | None = None,
    kb: tuple[str, ...] = (),
) -> Iterator:
    """Emitted documents in input order: from a Dask cluster, from ``workers`` processes, or from here."""
    if scheduler:
        yield from extract_on_dask(documents, scheduler, model, data_dir, max(1, min(batch_size, 16)), kb)
        return
    if workers <= 1:
        first = next(documents, None)
        if first is None:
            return  # nothing to build: the model is not loaded
        pipeline = nlp or build_pipeline(model, data_dir=data_dir, kb=kb)
        for result in process(pipeline, itertools.chain([first], documents), batch_size=batch_size):
            yield emitted(result)
        return
    import multiprocessing as mp

    # Chunks of 48: spaCy runs about 4% slower on batches of 16 than of 48-64; the last ones are
    # small so that the workers finish together.
    chunk_size = max(1, min(batch_size, 48))
    if nlp is not None and sys.platform.startswith("linux"):
        # A pipeline loaded here already: forked workers share it (no load of several seconds
        # per worker). Forked children only run the NLP; they never touch the store. (Linux
        # only: on macOS forking a process with threads is unsafe, so workers are spawned.)
        _WORKER_NLP["nlp"] = nlp
        pool = mp.get_context("fork").Pool(workers)
    else:
        pool = mp.get_context("spawn").Pool(workers, initializer=_worker_init, initargs=(model, data_dir, kb))
    try:
        # At most three chunks per worker in flight (Pool.imap would read and queue all of the
        # input at once, so memory would grow with the corpus).
        chunks = _chunks(documents, chunk_size, tail=max(1, chunk_size // 4))
        yield from _in_order(chunks, lambda chunk: pool.apply_async(_worker_run, (chunk,)), lambda async_result: async_result.get(), 3 * workers)
    finally:
        pool.terminate()
        _WORKER_NLP.pop("nlp", None)


def _graphs_of(paths: list[str | Path], published: date | None) -> set[str]:
    """The document graphs a build of ``paths`` writes (its inputs read once more, without NLP)."""
    return {str(doc_graph(d.id)) for d in iter_documents(paths, ReadReport(), published)}


def build(
    paths: list[str | Path],
    store: Store | str | Path | None = "./armedkg-store",
    published: date | None = None,
    model: str = DEFAULT_MODEL,
    batch_size: int = 64,
    workers: int = 1,
    progress: bool = True,
    data_dir: str | None = None,
    max_chars: int = 1_000_000,
    check_language: bool = True,
    nlp: object | None = None,
    scheduler: str | None = None,
    kb: tuple[str, ...] = (),
    rebuild: bool = False,
) -> BuildReport:
    """Build (or update) the graph from files and folders.

    Documents already in the store with the same id and text are skipped; a document whose
    text changed replaces its old graph. Inputs that cannot be read are reported, not fatal.

    Args:
        paths: files (.txt .md .html .jsonl .csv) and folders.
        store: a :class:`Store`, or its folder.
        published: publication date for inputs that carry none (relative dates need it).
        model: spaCy pipeline name.
        batch_size: documents per NLP batch and per store transaction.
        workers: processes for the NLP (spaCy ``n_process``).
        progress: show a progress bar on a terminal (plain log lines otherwise).
        data_dir: gazetteer folder.
        max_chars: longer documents are skipped with E016 (spaCy's own default limit).
        check_language: skip documents that do not look like English (E017).
        nlp: a pipeline from :func:`builder.nlp.build_pipeline` to reuse; with ``workers`` > 1
            the worker processes are forked from this one and share it (on Linux).
        scheduler: address of a Dask distributed scheduler (``tcp://host:8786``); the NLP then
            runs on its workers and this process writes the store.
        kb: knowledge sources besides the curated gazetteers: names of stored sources, knowledge
            files, ``*`` for every stored source (``armedkg build`` passes ``*`` and its ``--kb``
            files). ``nlp``, if given, must have been built with the same sources.
        rebuild: when the knowledge changed since the store was built, drop the documents this
            build does not rebuild (otherwise E089).

    Returns:
        A :class:`BuildReport`.
    """
    started = time.perf_counter()
    missing = [str(p) for p in paths if not Path(p).exists()]
    if paths and len(missing) == len(paths):
        # Nothing to read: say so at once, before opening the store or loading the model.
        raise UnsupportedInput(f"no such file or folder: {', '.join(missing)}.", "Give files (.txt .md .html .jsonl .csv) or folders that exist.")
    st = store if isinstance(store, (Store, RemoteStore)) else open_store(store)
    st.ensure_ontology()
    kb = concrete(kb)
    force = prepare_store(st, source_infos(kb, data_dir), lambda: _graphs_of(paths, published), rebuild)
    report = BuildReport()
    read = ReadReport()
    admit = Admission(st, report, read, max_chars, check_language, force)
    bar = Progress(estimate_documents(paths) if progress else None, progress)

    def fresh() -> Iterator[Document]:
        for document in iter_documents(paths, read, published):
            report.documents_read += 1
            if admit(document):
                yield document
            else:
                bar.update(1)

    writer = Writer(st, report, replacing=admit.replacing)
    try:
        _write_all(extract_all(fresh(), model, data_dir, batch_size, workers, nlp, scheduler, kb), writer, report, read, bar, batch_size, started)
    except KeyboardInterrupt:
        writer.close(raise_error=False)  # what was extracted is written
        raise _interrupted(report) from None
    except BaseException:
        writer.close(raise_error=False)  # what was extracted is written, even when the build stops on an error
        raise
    writer.close()
    bar.close()
    return _finish(st, writer, report, read, started)


def _finish(st: Store | RemoteStore, writer: "Writer", report: BuildReport, read: ReadReport, started: float) -> BuildReport:
    """Drop the entities no document names any more, flush the store, complete the report."""
    if writer.orphan_candidates:
        report.entities_dropped = drop_orphans(st, writer.orphan_candidates)
    st.flush()
    report.problems = [{"path": p.path, "line": p.line, "error": p.error} for p in read.problems]
    report.store_triples = len(st)
    report.seconds = time.perf_counter() - started
    return report


class Admission:
    """Whether to build a document; a skipped one is reported (coded) or counted unchanged."""

    def __init__(self, store: Store | RemoteStore, report: BuildReport, read: ReadReport, max_chars: int, check_language: bool, force: bool = False) -> None:
        """``force``: build every document again, even one the store holds with this text (the
        knowledge changed since the store was built, :func:`builder.knowledge.sync.prepare_store`)."""
        self.store, self.report, self.read = store, report, read
        self.max_chars, self.check_language, self.force = max_chars, check_language, force
        self.seen: dict[str, str] = {}
        self.replacing: set[str] = set()

    def __call__(self, document: Document) -> bool:
        digest = hashlib.sha256(document.text.encode("utf-8")).hexdigest()
        origin = document.origin or "?"
        if document.id in self.seen:
            if self.seen[document.id] == digest or not self._rename(document, digest, origin):
                return False
        if len(document.text) > self.max_chars:
            hint = "Split it into articles, or raise --max-chars (spaCy needs about 1 GB of memory per 100,000 words)."
            self.read.add(origin, None, DocumentTooLong(f"document '{document.id}' has {len(document.text):,} characters; the limit is {self.max_chars:,}.", hint))
            return False
        if self.check_language and not looks_english(document.text):
            hint = "The pipeline reads English; pass --any-language to build it anyway."
            self.read.add(origin, None, NotEnglish(f"document '{document.id}' does not look like English.", hint))
            return False
        self.seen[document.id] = digest
        stored = self.store.document_hash(doc_graph(document.id))
        if stored == digest and not self.force:
            self.report.documents_unchanged += 1
            return False
        if stored is not None and stored != digest:
            return self._replace(document, origin)
        return True

    def _rename(self, document: Document, digest: str, origin: str) -> bool:
        """A second document of the batch with the id of another text is built under the id
        with "~2" (then "~3" ...), reported with both ids, so that nothing read is lost; a
        repeat of a text already renamed is not built twice."""
        base, n = document.id, 2
        while f"{base}~{n}" in self.seen:
            if self.seen[f"{base}~{n}"] == digest:
                return False
            n += 1
        document.id = f"{base}~{n}"
        self.report.duplicate_ids.append(base)
        self.report.renamed.append(document.id)
        hint = "Give each document a unique id; this one is stored as the new id given here."
        self.read.add(origin, None, DuplicateId(f"duplicate document id '{base}' with different text; built as '{document.id}'.", hint))
        return True

    def _replace(self, document: Document, origin: str) -> bool:
        """A stored document with another text: replaced, unless its id is a file name that
        another file (same name, another folder) gave it first."""
        if document.source_file:
            other = self.store.document_source_file(doc_graph(document.id))
            if other and other != document.source_file:
                hint = "Give one of them its own id (front matter 'id: ...'), or rename the file."
                self.read.add(origin, None, DuplicateId(f"document id '{document.id}' (the name of {document.source_file}) is taken by {other}, already in the store; that one was kept.", hint))
                return False
        self.replacing.add(document.id)
        self.report.documents_replaced += 1
        return True


def _write_all(results: Iterator[Emitted], writer: Writer, report: BuildReport, read: ReadReport, bar: Progress, batch_size: int, started: float) -> None:
    """Hand the emitted documents to the writer in batches; extraction failures are reported."""
    pending: list[Emitted] = []
    for done in results:
        if report.first_result_seconds is None:
            report.first_result_seconds = time.perf_counter() - started
        bar.update(1)
        if done.error:
            hint = "Report it with the document; the rest of the build went on."
            read.add(done.origin or "?", None, ExtractionFailed(f"extraction failed on document '{done.doc_id}': {done.error}", hint))
            continue
        pending.append(done)
        report.documents_built += 1
        report.events += done.events
        report.entities += done.entities
        report.relations += done.relations
        if len(pending) >= batch_size:
            writer.put(pending)
            pending = []
    if pending:
        writer.put(pending)


def _interrupted(report: BuildReport) -> Interrupted:
    """What an interrupted build saved, and how to go on."""
    return Interrupted(
        f"interrupted: {report.documents_written} document(s) of this run were committed to the store "
        f"({report.documents_unchanged} more were already there); the documents in progress were not written.",
        "Run the same command again to resume: documents already stored are skipped.",
    )
