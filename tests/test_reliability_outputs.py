"""Issue 15, outputs: text from documents cannot break the view page (item 7) or run as a formula
in a spreadsheet opened from events-csv (item 8)."""

from __future__ import annotations

import csv
import json
import re

import networkx as nx
import pytest

from builder.build import build
from builder.store import Store
from queries.browser import chromium_path
from queries.view import render_html

HOSTILE = "the page said <!--<script> and then nothing & </script> \u2028 more"


def hostile_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.add_node("a", label=HOSTILE, kind="Militia", classes=["Militia"], sentence=HOSTILE, doc="d", aliases="", date="")
    g.add_node("b", label="Target", kind="StateForce", classes=["StateForce"], sentence="", doc="", aliases="", date="")
    g.add_edge("a", "b", label="fighting against", status="current", sentence=HOSTILE, doc="d", source="")
    return g


def test_reliability_view_data_cannot_open_a_comment_or_script():
    """Item 7: `<!--<script>` in a sentence once left the page's data script unclosed (a blank
    view). The embedded JSON holds no '<', '>' or '&' at all, and still means the same text."""
    page = render_html(hostile_graph())
    data = re.search(r"const DATA = (.*?);\n", page, re.S).group(1)
    assert not set("<>&\u2028\u2029") & set(data)
    assert HOSTILE in json.dumps(json.loads(data), ensure_ascii=False)  # the sentence, whole, as text


@pytest.mark.slow
@pytest.mark.skipif(chromium_path() is None, reason="needs Debian chromium (make browser)")
def test_reliability_view_with_a_comment_opener_still_draws(tmp_path):
    from queries.browser import render

    out = tmp_path / "hostile.html"
    out.write_text(render_html(hostile_graph()), encoding="utf-8")
    result = render(out)
    assert result.nodes == 2 and result.console_errors == [] and result.dialogs == []


@pytest.mark.slow
def test_reliability_events_csv_guards_formulas(tmp_path, nlp):
    """Item 8: cells starting with = + - @ are written with a leading apostrophe (OWASP), by
    default; --no-formula-guard writes them as they are; plain numbers are left alone."""
    from queries.export import export

    text = "=HYPERLINK(\"http://x.example\",\"click\") Gunmen attacked a police checkpoint near Kirkuk on Monday, killing two officers."
    corpus = tmp_path / "docs.jsonl"
    corpus.write_text(json.dumps({"id": "f", "text": text, "published": "2022-05-02"}) + "\n", encoding="utf-8")
    store = Store(None)
    build([corpus], store, progress=False, nlp=nlp)
    export(store, "events-csv", tmp_path / "guarded.csv")
    export(store, "events-csv", tmp_path / "raw.csv", formula_guard=False)
    guarded = list(csv.DictReader((tmp_path / "guarded.csv").open(encoding="utf-8")))
    raw = list(csv.DictReader((tmp_path / "raw.csv").open(encoding="utf-8")))
    assert guarded and raw
    assert all(not v.startswith(("=", "+", "-", "@")) or re.fullmatch(r"-?\d+(\.\d+)?", v) for row in guarded for v in row.values())
    assert any(v.startswith("'=HYPERLINK") for row in guarded for v in row.values())
    assert any(v.startswith("=HYPERLINK") for row in raw for v in row.values())
