"""Bad input, one case per test: each is built beside a good article, which must still be built;
the bad one is skipped (or handled) with a coded error naming its file (and line), and nothing
of it is half-written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from builder.build import build
from builder.store import Store

pytestmark = pytest.mark.slow

GOOD = (
    "---\nid: good\npublished: 2022-04-02\n---\n"
    "Fighters of the Islamic State attacked a checkpoint of the Iraqi Army near Tikrit on Friday, "
    "killing two soldiers, the Iraqi Security Media Cell said.\n"
)


def run(tmp_path: Path, nlp, files: dict[str, bytes | str], store: Store | None = None, **kwargs) -> tuple[object, Store]:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    for name, content in files.items():
        path = folder / name
        if isinstance(content, str):
            path.write_text(content, encoding="utf-8")
        else:
            path.write_bytes(content)
    store = store if store is not None else Store(None)
    report = build([folder], store, progress=False, nlp=nlp, **kwargs)
    return report, store


def doc_ids(store: Store) -> set[str]:
    rows = store.query("SELECT DISTINCT ?id WHERE { ?d <https://w3id.org/armedkg/ontology#docId> ?id }")
    return {r["id"].value for r in rows}


def problem(report, code: str, name: str) -> dict:
    hits = [p for p in report.problems if code in p["error"] and name in (p["path"] + p["error"])]
    assert hits, report.problems
    return hits[0]


def test_bad_input_empty_file(tmp_path, nlp):
    report, store = run(tmp_path, nlp, {"empty.txt": b"", "blank.md": "---\nid: blank\n---\n   \n"})
    problem(report, "E010", "empty.txt")
    problem(report, "E010", "blank.md")
    assert doc_ids(store) == {"good"} and report.documents_built == 1


def test_bad_input_binary_file(tmp_path, nlp):
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    report, store = run(tmp_path, nlp, {"picture.txt": png, "archive.jsonl": b"PK\x03\x04\x00\x00" + bytes(64)})
    problem(report, "E010", "picture.txt")
    problem(report, "E010", "archive.jsonl")
    assert doc_ids(store) == {"good"}


def test_bad_input_encodings_are_decoded(tmp_path, nlp):
    text = "Government forces shelled the village of Kafr Nabl in Idlib on Monday, the Syrian Observatory said. Café owners fled."
    files = {
        "latin1.txt": text.encode("cp1252"),
        "utf16.txt": text.encode("utf-16"),  # with BOM
        "broken.txt": text.encode("utf-8") + b" \xff\xfe\xfa invalid bytes",
    }
    report, store = run(tmp_path, nlp, files, published=None)
    assert report.problems == []
    assert doc_ids(store) == {"good", "latin1", "utf16", "broken"}
    labels = {r["l"].value for r in store.query("SELECT ?l WHERE { ?d <https://w3id.org/armedkg/ontology#docId> ?id . ?e <https://w3id.org/armedkg/ontology#evidence>/<https://w3id.org/armedkg/ontology#document> ?d ; <http://www.w3.org/2000/01/rdf-schema#label> ?l FILTER(?id = \"utf16\") }")}
    assert "Idlib" in labels


def test_bad_input_50_mb_document_is_refused_quickly(tmp_path, nlp):
    import time

    sentence = "Militants attacked a checkpoint near the town and fled into the desert. "
    big = sentence * (50 * 1024 * 1024 // len(sentence))
    started = time.perf_counter()
    report, store = run(tmp_path, nlp, {"huge.txt": big})
    assert time.perf_counter() - started < 60
    p = problem(report, "E016", "huge")
    assert "huge.txt" in p["path"] and "--max-chars" in p["error"]
    assert doc_ids(store) == {"good"}


def test_bad_input_jsonl_malformed_lines(tmp_path, nlp):
    lines = [
        json.dumps({"id": "j1", "text": "Houthi forces fired a missile at Marib city on Sunday, officials said.", "published": "2022-01-10"}),
        '{"id": "j2", "text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"id": "j4", "text": ""}),
        json.dumps({"id": "j5", "text": "Al-Shabaab fighters attacked an army base in Lower Shabelle, killing four soldiers.", "published": "not a date"}),
        json.dumps({"id": "j6", "text": "Unidentified gunmen killed a police officer in Daraa on Tuesday.", "published": "2022-01-11"}),
    ]
    report, store = run(tmp_path, nlp, {"feed.jsonl": "\n".join(lines) + "\n"})
    assert {(Path(p["path"]).name, p["line"]) for p in report.problems} == {("feed.jsonl", 2), ("feed.jsonl", 3), ("feed.jsonl", 4), ("feed.jsonl", 5)}
    assert all("E012" in p["error"] for p in report.problems)
    assert doc_ids(store) == {"good", "j1", "j6"}


def test_bad_input_csv_missing_and_extra_columns(tmp_path, nlp):
    rows = (
        "id,text,published\n"
        "c1,Turkish drones struck a YPG position near Kobani on Monday.,2022-02-07\n"
        "c2,Only two cells\n"
        'c3,"Extra, unquoted",2022-02-07,surplus\n'
        "c4,Iraqi police arrested three suspected ISIS members in Kirkuk.,2022-02-08\n"
    )
    report, store = run(tmp_path, nlp, {"table.csv": rows, "noheader.csv": "id,body\nx,some words\n"})
    assert {(Path(p["path"]).name, p["line"]) for p in report.problems if "table.csv" in p["path"]} == {("table.csv", 3), ("table.csv", 4)}
    problem(report, "E010", "noheader.csv")
    assert doc_ids(store) == {"good", "c1", "c4"}


def test_bad_input_html_full_of_scripts_and_styles(tmp_path, nlp):
    page = (
        "<html><head><title>Clashes in Tafas</title><style>p{color:red} .x{display:none}</style>"
        "<script>var tracker = function(){ document.write('Hezbollah'); };</script></head><body>"
        "<nav>Home | World | Hezbollah Daily</nav><script>alert('Wagner Group')</script>"
        "<p>Gunmen killed a former rebel commander in Tafas, in the Daraa countryside, on Sunday.</p>"
        "<noscript>Enable JavaScript</noscript><style>body{}</style></body></html>"
    )
    report, store = run(tmp_path, nlp, {"page.html": page})
    assert report.problems == []
    text = " ".join(r["s"].value for r in store.query("SELECT DISTINCT ?s WHERE { ?e <https://w3id.org/armedkg/ontology#sentence> ?s }"))
    assert "Tafas" in text
    for junk in ("tracker", "alert", "color:red", "Wagner", "Enable JavaScript", "Hezbollah Daily"):
        assert junk not in text
    labels = {r["l"].value for r in store.query("SELECT ?l WHERE { ?a a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <https://w3id.org/armedkg/ontology#Actor> ; <http://www.w3.org/2000/01/rdf-schema#label> ?l }")}
    assert "Wagner Group" not in labels and "Hezbollah" not in labels


def test_bad_input_other_languages(tmp_path, nlp):
    french = (
        "Les forces gouvernementales syriennes ont bombardé samedi plusieurs villages de la province d'Idleb, "
        "tuant au moins cinq civils selon un observatoire basé au Royaume-Uni. Des combats ont également opposé "
        "les rebelles aux troupes du régime près de la ville."
    )
    arabic = "قصفت قوات الحكومة السورية يوم السبت عدة قرى في محافظة إدلب مما أسفر عن مقتل خمسة مدنيين على الأقل بحسب مرصد مقره بريطانيا"
    report, store = run(tmp_path, nlp, {"fr.txt": french, "ar.txt": arabic})
    problem(report, "E017", "fr.txt")
    problem(report, "E017", "ar.txt")
    assert doc_ids(store) == {"good"}
    (tmp_path / "in" / "ar.txt").unlink()
    report, store = run(tmp_path, nlp, {"fr.txt": french}, check_language=False)
    assert doc_ids(store) == {"good", "fr"}


def test_bad_input_duplicate_ids_with_different_text(tmp_path, nlp):
    lines = [
        json.dumps({"id": "same", "text": "Syrian army units shelled Ariha in Idlib on Monday.", "published": "2022-03-07"}),
        json.dumps({"id": "same", "text": "Houthi drones struck Abha airport in Saudi Arabia on Monday.", "published": "2022-03-07"}),
        json.dumps({"id": "same", "text": "Syrian army units shelled Ariha in Idlib on Monday.", "published": "2022-03-07"}),
    ]
    report, store = run(tmp_path, nlp, {"dups.jsonl": "\n".join(lines)})
    p = problem(report, "E013", "same")
    assert "dups.jsonl:2" in p["path"]
    assert "same~2" in p["error"]
    # nothing read is lost: the second text is built under a new id, the repeat of the first is not built again
    assert report.duplicate_ids == ["same"] and doc_ids(store) == {"good", "same", "same~2"}
    text = " ".join(r["s"].value for r in store.query("SELECT ?s WHERE { ?e <https://w3id.org/armedkg/ontology#sentence> ?s }"))
    assert "Ariha" in text and "Abha" in text


def test_bad_input_extraction_failure_skips_only_that_document(tmp_path, nlp, monkeypatch):
    from builder.extraction import rules

    original = rules.sentence_rules

    def flaky(doc, *rest):
        if doc._.armedkg_document.id == "poison":
            raise RuntimeError("rule blew up")
        return original(doc, *rest)

    monkeypatch.setattr(rules, "sentence_rules", flaky)
    report, store = run(tmp_path, nlp, {"poison.txt": "Rebels attacked an army post near Hama on Monday, killing three soldiers."})
    p = problem(report, "E021", "poison")
    assert "rule blew up" in p["error"]
    assert doc_ids(store) == {"good"}


def test_bad_input_cli_exit_status_and_summary(tmp_path):
    from typer.testing import CliRunner

    from builder.cli import app

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "feed.jsonl").write_text('{"id": 1, "text": \n', encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(folder), "--store", str(tmp_path / "s"), "-q"])
    assert result.exit_code == 1
    assert "built 1 document(s)" in result.output and "2 skipped input(s)" in result.output
    assert "E010" in result.output and "empty.txt" in result.output and "E012" in result.output and "feed.jsonl line 1" in result.output


def test_bad_input_store_write_failure_stops_the_build_with_its_code(tmp_path, nlp, monkeypatch):
    """A write that fails on the writer thread reaches the caller as the store's coded error,
    and the batches written before it stay in the store."""
    from builder.errors import StoreError

    calls = []
    original = Store.write_documents

    def failing(self, documents):
        calls.append(len(documents))
        if len(calls) == 2:
            raise StoreError("disk full (simulated)", "Free some space.")
        return original(self, documents)

    monkeypatch.setattr(Store, "write_documents", failing)
    lines = [json.dumps({"id": f"d{i}", "text": f"Rebels shelled an army post near Hama on Monday, killing {i + 2} soldiers.", "published": "2022-03-07"}) for i in range(6)]
    store = Store(None)
    with pytest.raises(StoreError, match="disk full"):
        run(tmp_path, nlp, {"docs.jsonl": "\n".join(lines)}, store=store, batch_size=2)
    assert doc_ids(store) == {"d0", "d1"}  # the first batch (docs.jsonl is read before good.md), written before the failure


def test_bad_input_descriptions_repeated_across_documents_are_written_once(tmp_path, nlp, monkeypatch):
    """The writer skips entity descriptions it already wrote; the graph is the same as when every
    document writes all of its quads."""
    from rdflib.compare import isomorphic

    from builder.build import Writer

    lines = [json.dumps({"id": f"d{i}", "text": "Hezbollah fighters and the Syrian Arab Army attacked Islamic State positions near Palmyra on Monday.", "published": "2022-03-07"}) for i in range(4)]
    report, deduped = run(tmp_path, nlp, {"docs.jsonl": "\n".join(lines)}, batch_size=2)
    monkeypatch.setattr(Writer, "_unwritten", lambda self, shared: shared)
    report_full, full = run(tmp_path, nlp, {"docs.jsonl": "\n".join(lines)}, batch_size=2)
    assert isomorphic(deduped.union_graph(include_ontology=True), full.union_graph(include_ontology=True))
    assert len(deduped) == len(full)
    assert report.triples_written < report_full.triples_written  # fewer quads sent to the store


def test_bad_input_cli_a_renamed_duplicate_is_built_not_skipped(tmp_path):
    """The command says a document built under a new id was renamed, not skipped, and exits 0."""
    from typer.testing import CliRunner

    from builder.cli import app

    lines = [
        json.dumps({"id": "same", "text": "Syrian army units shelled Ariha in Idlib on Monday."}),
        json.dumps({"id": "same", "text": "Houthi drones struck Abha airport in Saudi Arabia on Monday."}),
    ]
    (tmp_path / "dups.jsonl").write_text("\n".join(lines), encoding="utf-8")
    result = CliRunner().invoke(app, ["build", str(tmp_path / "dups.jsonl"), "--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert "built 2 document(s)" in result.output and "0 skipped input(s)" in result.output
    assert "renamed: [E013]" in result.output and "'same~2'" in result.output
