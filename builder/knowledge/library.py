"""The user's knowledge library: sources added with ``armedkg kb add`` / ``kb import``, kept
outside the source tree so that they survive a rebuild and a reinstall.

Location: ``$ARMEDKG_KB_DIR`` if set, else ``$XDG_DATA_HOME/armedkg/knowledge`` (by default
``~/.local/share/armedkg/knowledge``). One folder per source: ``manifest.json`` (name, kind,
format, origin files, SHA-256, counts), ``entries.jsonl`` (its actors, persons and places in the
armedkg format), ``agents.jsonl`` (agent nouns of a dictionary) and ``places.sqlite`` (a GeoNames
index).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from ..errors import KnowledgeError, UnknownKnowledgeSource
from ..gazetteer import slug
from .records import AgentRecord, Knowledge, Problem, SourceInfo

MANIFEST = "manifest.json"


def default_dir() -> Path:
    """Where the library lives (see the module docstring)."""
    if os.environ.get("ARMEDKG_KB_DIR"):
        return Path(os.environ["ARMEDKG_KB_DIR"])
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "armedkg" / "knowledge"


@dataclass
class AddReport:
    """What adding or importing a source did."""

    info: SourceInfo
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    stored: bool = False
    replaced: bool = False
    seconds: float = 0.0


def sha256_of(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        if path.exists():
            with path.open("rb") as handle:
                for block in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(block)
    return digest.hexdigest()


class Library:
    """Stored knowledge sources, by name."""

    def __init__(self, root: Path | str | None = None) -> None:
        self.root = Path(root) if root else default_dir()

    def names(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if (p / MANIFEST).exists())

    def manifest(self, name: str) -> dict:
        path = self.root / name / MANIFEST
        if not path.exists():
            known = ", ".join(self.names()) or "none"
            raise UnknownKnowledgeSource(f"no knowledge source named '{name}' in {self.root}.", f"Stored sources: {known} ('armedkg kb list').")
        return json.loads(path.read_text(encoding="utf-8"))

    def info(self, name: str) -> SourceInfo:
        m = self.manifest(name)
        return SourceInfo(name=m["name"], kind=m["kind"], format=m["format"], origin=tuple(m.get("origin", ())), sha256=m["sha256"], licence=m.get("licence", ""), description=m.get("description", ""))

    def store(self, name: str, fmt: str, paths: list[Path], kind: str | None = None, strict: bool | None = None, **options: str) -> AddReport:
        """Read ``paths`` with plugin ``fmt`` and keep them as source ``name`` (replacing one of that
        name). A user file with a malformed entry is not stored (``strict``); an imported dictionary
        is stored without its malformed lines, which are reported."""
        from .registry import get_format

        started = time.perf_counter()
        plugin = get_format(fmt)
        kind = kind or plugin.kind
        name = slug(name)
        strict = kind == "user" if strict is None else strict
        staging = self.root / f".{name}.new"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        info = SourceInfo(name=name, kind=kind, format=plugin.name, origin=tuple(p.name for p in paths))
        try:
            knowledge = plugin.read(paths, info, staging, **options)  # type: ignore[call-arg]
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        report = AddReport(info=info, counts=dict(knowledge.counts), problems=list(knowledge.problems))
        if strict and knowledge.problems:
            shutil.rmtree(staging, ignore_errors=True)
            report.seconds = time.perf_counter() - started
            return report
        report.info = self._write(staging, knowledge, info)
        report.replaced = (self.root / name).exists()
        shutil.rmtree(self.root / name, ignore_errors=True)
        os.replace(staging, self.root / name)
        report.stored = True
        report.seconds = time.perf_counter() - started
        return report

    def _write(self, folder: Path, knowledge: Knowledge, info: SourceInfo) -> SourceInfo:
        from .native import write_native

        write_native(knowledge, folder / "entries.jsonl")
        if knowledge.agents:
            with (folder / "agents.jsonl").open("w", encoding="utf-8") as out:
                for agent in knowledge.agents:
                    out.write(json.dumps({k: v for k, v in asdict(agent).items() if k not in ("source", "line")}, ensure_ascii=False) + "\n")
        files = [folder / f for f in ("entries.jsonl", "agents.jsonl", "places.sqlite")]
        info = SourceInfo(name=info.name, kind=info.kind, format=info.format, origin=info.origin, sha256=sha256_of(files), licence=info.licence, description=info.description)
        manifest = {**asdict(info), "origin": list(info.origin), "counts": knowledge.counts, "problems": len(knowledge.problems),
                    "added": datetime.now(timezone.utc).isoformat(timespec="seconds")}
        (folder / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        return info

    def remove(self, name: str) -> SourceInfo:
        info = self.info(name)
        shutil.rmtree(self.root / name)
        return info

    def load(self, name: str) -> Knowledge:
        """A stored source's records (and its place index, if any)."""
        from .native import read_native

        info = self.info(name)
        folder = self.root / name
        knowledge = read_native(folder / "entries.jsonl", info) if (folder / "entries.jsonl").exists() else Knowledge(info=info)
        if knowledge.problems:
            raise KnowledgeError(f"the stored source '{name}' is damaged: {knowledge.problems[0].error}", f"Remove it ('armedkg kb remove {name}') and add it again.")
        knowledge.info = info
        knowledge.tag()
        agents = folder / "agents.jsonl"
        if agents.exists():
            for line in agents.read_text(encoding="utf-8").splitlines():
                knowledge.agents.append(AgentRecord(**json.loads(line), source=name))
        if (folder / "places.sqlite").exists():
            knowledge.place_index = str(folder / "places.sqlite")
        knowledge.counts = self.manifest(name).get("counts", {})
        return knowledge


def read_file(path: Path) -> Knowledge:
    """A user's knowledge file given to one build or evaluation (``--kb FILE``), not stored."""
    from .native import read_native

    if not path.is_file():
        raise KnowledgeError(f"the knowledge file {path} does not exist.", "Give a .jsonl or .csv file in the armedkg format, or the name of a stored source ('armedkg kb list').")
    info = SourceInfo(name=slug(path.stem), kind="user", format="armedkg", origin=(path.name,), sha256=sha256_of([path]))
    knowledge = read_native(path, info)
    if knowledge.problems:
        listed = "; ".join(p.error for p in knowledge.problems[:5])
        raise KnowledgeError(f"{path} has {len(knowledge.problems)} malformed entr{'y' if len(knowledge.problems) == 1 else 'ies'}: {listed}", "Fix the lines named; 'armedkg kb add' lists them all.")
    return knowledge


def resolve(specs: tuple[str, ...], library: Library | None = None) -> list[tuple[str, str]]:
    """Knowledge specs -> (kind of spec, value) pairs: ``*`` is every stored source, a stored
    source's name is that source, an existing file is a file read for this run."""
    library = library or Library()
    out: list[tuple[str, str]] = []
    for spec in specs:
        if spec == "*":
            out += [("stored", n) for n in library.names()]
        elif Path(spec).is_file():
            out.append(("file", str(Path(spec).resolve())))
        elif spec in library.names():
            out.append(("stored", spec))
        else:
            raise UnknownKnowledgeSource(f"'{spec}' is neither a file nor a stored knowledge source.", f"Stored sources: {', '.join(library.names()) or 'none'} ('armedkg kb list').")
    return list(dict.fromkeys(out))


def load_sources(specs: tuple[str, ...], library: Library | None = None) -> list[Knowledge]:
    library = library or Library()
    return [library.load(value) if kind == "stored" else read_file(Path(value)) for kind, value in resolve(specs, library)]
