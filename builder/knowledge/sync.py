"""A store remembers the knowledge it was built with, so that adding or removing a source rebuilds
what it changes and removing it again gives back the graph built without it.

The store's ``knowledge`` graph describes the sources of the last build (``emit.knowledge_graph``).
When the sources beyond the built-in ones differ from the current ones, every document is
extracted again and the shared entity descriptions (and the reasoner's inferences) are dropped
and rewritten; documents the store holds that this build does not rebuild would keep a graph
made with other knowledge, so the build stops (E089) unless told to drop them (``rebuild``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ontology.namespace import AKG, GRAPH

from ..errors import KnowledgeChanged
from .apply import BUILT_IN, CURATED
from .library import Library, read_file, resolve, sha256_of
from .records import SourceInfo

KNOWLEDGE_GRAPH = GRAPH["knowledge"]
DOC_GRAPHS = str(GRAPH["doc/"])


def source_infos(specs: tuple[str, ...], data_dir: str | None = None, library: Library | None = None) -> list[SourceInfo]:
    """The built-in sources and those ``specs`` name (a knowledge file is read and checked here,
    so that a malformed one stops the build before the NLP starts)."""
    from ..gazetteer import DEFAULT_DATA_DIR

    library = library or Library()
    folder = Path(data_dir) if data_dir else DEFAULT_DATA_DIR
    curated = SourceInfo(**{**CURATED.__dict__, "sha256": sha256_of(sorted(folder.glob("*.jsonl")))})
    infos = [curated, *BUILT_IN[1:]]
    for kind, value in resolve(specs, library):
        infos.append(library.info(value) if kind == "stored" else read_file(Path(value)).info)
    return infos


def concrete(specs: tuple[str, ...], library: Library | None = None) -> tuple[str, ...]:
    """Specs with ``*`` replaced by the stored sources' names and files by absolute paths (what
    worker processes are given)."""
    return tuple(value for _, value in resolve(specs, library or Library()))


def fingerprint(infos: list[SourceInfo]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((i.name, i.sha256) for i in infos if i.kind != "curated"))


def stored_fingerprint(store: object) -> tuple[tuple[str, str], ...]:
    """The fingerprint of the knowledge the store was last built with (empty: built-ins only)."""
    sparql = (
        f"SELECT ?name ?sha WHERE {{ GRAPH <{KNOWLEDGE_GRAPH}> {{ ?s a ?c ; <http://www.w3.org/2000/01/rdf-schema#label> ?name ; "
        f"<{AKG.contentSha256}> ?sha FILTER(?c != <{AKG.CuratedKnowledge}>) }} }}"
    )
    return tuple(sorted((row["name"].value, row["sha"].value) for row in store.query(sparql)))


def prepare_store(store: object, infos: list[SourceInfo], given_graphs: Callable[[], set[str]], rebuild: bool = False) -> bool:
    """Record this build's knowledge in the store; True when it differs from the last build's and
    every document must be extracted again (the shared descriptions are then dropped first)."""
    from ..emit import knowledge_graph

    changed = stored_fingerprint(store) != fingerprint(infos)
    if changed:
        held = {g for g in store.named_graphs() if g.startswith(DOC_GRAPHS)}
        stale = held - given_graphs() if held else set()
        if stale and not rebuild:
            raise KnowledgeChanged(
                f"the knowledge sources changed since the store was built, and {len(stale)} document(s) in it are not among these inputs.",
                "Give the inputs of every earlier build too, or pass --rebuild to drop the documents not given.",
            )
        from ..store import DESCRIPTIONS_GRAPH, INFERRED_GRAPH

        for graph in sorted(stale) + [str(DESCRIPTIONS_GRAPH), str(INFERRED_GRAPH)]:
            store.update(f"DROP SILENT GRAPH <{graph}>")
    store.replace_graph(KNOWLEDGE_GRAPH, knowledge_graph(infos))
    return changed
