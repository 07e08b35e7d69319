"""Readers: every input kind becomes Document records; bad input is reported with a code."""

from __future__ import annotations

from datetime import date

from builder.readers import ReadReport, iter_documents


def read(paths, published=None):
    report = ReadReport()
    docs = list(iter_documents(paths, report, published))
    return docs, report


def test_readers_markdown_front_matter(tmp_path):
    f = tmp_path / "a.md"
    f.write_text("---\nid: doc-1\npublished: 2021-06-03\nsource: Test\n---\n# Title here\n\nBody text.\n", encoding="utf-8")
    docs, report = read([f])
    assert [d.id for d in docs] == ["doc-1"]
    assert docs[0].published == date(2021, 6, 3)
    assert docs[0].title == "Title here"
    assert docs[0].text.startswith("# Title here")
    assert not report.problems


def test_readers_txt_takes_published_default(tmp_path):
    (tmp_path / "b.txt").write_text("Some report.", encoding="utf-8")
    docs, _ = read([tmp_path], published=date(2020, 1, 2))
    assert docs[0].id == "b" and docs[0].published == date(2020, 1, 2)


def test_readers_html_drops_scripts_and_styles(tmp_path):
    f = tmp_path / "p.html"
    f.write_text(
        "<html><head><title>T</title><style>p{color:red}</style><script>var x='ISIS';</script></head>"
        "<body><nav>Home</nav><p>Clashes erupted in Idlib.</p><footer>(c) site</footer></body></html>",
        encoding="utf-8",
    )
    docs, _ = read([f])
    assert docs[0].text == "Clashes erupted in Idlib."
    assert docs[0].title == "T"


def test_readers_jsonl_malformed_line_is_reported_rest_is_read(tmp_path):
    f = tmp_path / "c.jsonl"
    f.write_text('{"id": "1", "text": "one"}\n{not json}\n{"id": "3"}\n{"id": "4", "text": "four", "published": "2020-05-01"}\n', encoding="utf-8")
    docs, report = read([f])
    assert [d.id for d in docs] == ["1", "4"]
    assert docs[1].published == date(2020, 5, 1)
    assert [p.line for p in report.problems] == [2, 3]
    assert report.problems[0].error.startswith("[E012]")


def test_readers_csv_columns(tmp_path):
    good = tmp_path / "d.csv"
    good.write_text('id,text,published\nx1,"An attack, in Homs.",2020-01-01\nx2,too,many,cells\n', encoding="utf-8")
    docs, report = read([good])
    assert [d.id for d in docs] == ["x1"] and docs[0].text == "An attack, in Homs."
    assert report.problems[0].line == 3 and "[E012]" in report.problems[0].error
    bad = tmp_path / "e.csv"
    bad.write_text("id,body\n1,x\n", encoding="utf-8")
    docs, report = read([bad])
    assert docs == [] and "no 'text' column" in report.problems[0].error


def test_readers_binary_empty_and_unknown_are_reported(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    docs, report = read([tmp_path / "bin.txt", tmp_path / "empty.txt", tmp_path / "x.pdf", tmp_path / "missing.txt"])
    assert docs == []
    errors = [p.error for p in report.problems]
    assert len(errors) == 4
    assert all(e.startswith("[E01") for e in errors)


def test_readers_cp1252_fallback(tmp_path):
    (tmp_path / "w.txt").write_bytes("Caf\xe9 bombing in Aleppo.".encode("cp1252"))
    docs, _ = read([tmp_path / "w.txt"])
    assert docs[0].text == "Café bombing in Aleppo."


def test_readers_estimate_documents_for_the_progress_bar(tmp_path):
    from builder.readers import estimate_documents

    (tmp_path / "a.jsonl").write_text('{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n', encoding="utf-8")
    (tmp_path / "b.csv").write_text("id,text\n1,x\n2,y\n3,z\n", encoding="utf-8")
    (tmp_path / "c.md").write_text("text", encoding="utf-8")
    (tmp_path / "d.bin").write_bytes(b"\x00")
    assert estimate_documents([tmp_path]) == 2 + 3 + 1


def test_build_progress_logs_rate_and_eta_off_a_terminal(caplog):
    import logging

    from builder.build import Progress

    now = [0.0]
    progress = Progress(total=10, enabled=True, every=0.0, clock=lambda: now[0])
    with caplog.at_level(logging.INFO, logger="armedkg.build"):
        for _ in range(7):  # a document a second once the first is done (rate and time left from then on)
            now[0] += 1.0
            progress.update(1)
    progress.close()
    line = caplog.records[-1].getMessage()
    assert "7 of ~10 documents" in line and "docs/s" in line and "s left" in line
