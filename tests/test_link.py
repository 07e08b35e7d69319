"""Cross-document event linking (builder/link.py) on stores built from hand-made records."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from builder.emit import doc_graph, emit_triples
from builder.errors import LinkError
from builder.link import DECISIONS_GRAPH, LINKS_GRAPH, LinkRules, compare, link_events, read_reports, unlink
from builder.records import GAZETTEER_RULE, DocResult, Document, Entity, Event, Evidence, Relation
from builder.store import Store, document_nquads
from ontology.namespace import AKG
from queries.runner import run_query
from queries.tabular import Facts, event_rows, write_events_csv
from queries.view import load_graph

IS = "actor:islamic-state"
ARMY = "actor:forces-mz"
TOWN = "place:gn:1001"  # a town with its own point
VILLAGE = "place:gn:1002"  # 4 km east of it
FAR_TOWN = "place:gn:1003"  # 100 km north of it


def _evidence(doc: str, sentence: str) -> Evidence:
    return Evidence(doc, sentence, 0, 0, len(sentence), sentence, "test_rule", 0.9)


def _entities(doc: str, sentence: str) -> dict[str, Entity]:
    ev = [_evidence(doc, sentence)]
    return {
        IS: Entity(IS, "JihadistGroup", "Islamic State", aliases={"ISIS"}, mentions=ev),
        ARMY: Entity(ARMY, "StateForce", "Mozambican Armed Forces", country="MZ", mentions=ev),
        "actor:civilians-mz": Entity("actor:civilians-mz", "Civilians", "Civilians (Mozambique)", mentions=ev),
        "country:MZ": Entity("country:MZ", "Country", "Mozambique", country="MZ", admin_level=0),
        TOWN: Entity(TOWN, "PopulatedPlace", "Palma", country="MZ", lat=-10.7667, lon=40.4667, parent="country:MZ", mentions=ev),
        VILLAGE: Entity(VILLAGE, "PopulatedPlace", "Olumbe", country="MZ", lat=-10.7667, lon=40.5033, parent="country:MZ", mentions=ev),
        FAR_TOWN: Entity(FAR_TOWN, "PopulatedPlace", "Mocimboa", country="MZ", lat=-9.8667, lon=40.4667, parent="country:MZ", mentions=ev),
    }


def _doc(doc_id: str, sentence: str, events: list[Event], published: date = date(2022, 8, 9)) -> DocResult:
    for event in events:
        event.evidence = [_evidence(doc_id, sentence)]
    ev = Evidence(doc_id, sentence, 0, 0, 1, sentence[:1], GAZETTEER_RULE, 0.8)
    containment = [Relation("locatedIn", place, "country:MZ", ev) for place in (TOWN, VILLAGE, FAR_TOWN)]
    return DocResult(Document(doc_id, sentence, published=published, source=f"outlet {doc_id}"), _entities(doc_id, sentence), containment, events)


def _attack(n: int, day: date, place: str, fatalities: int | None, perpetrators: list[str], cls: str = "Attack") -> Event:
    return Event(n=n, cls=cls, date=day, time_precision=1, place=place, geo_precision=1, perpetrators=perpetrators, victims=["actor:civilians-mz"], fatalities=fatalities)


def _store(results: list[DocResult], location: object = None) -> Store:
    """A store (in memory, or on disk at ``location``) holding the ontology and the records' RDF."""
    store = Store(location)
    store.ensure_ontology()
    for result in results:
        triples = emit_triples(result)
        own, shared = document_nquads(doc_graph(result.document.id), triples.document(), triples.shared())
        store.write_documents([(doc_graph(result.document.id), own + shared, len(triples))])
    return store


SUNDAY, MONDAY, NEXT_SUNDAY = date(2022, 8, 7), date(2022, 8, 8), date(2022, 8, 14)


@pytest.fixture()
def three_reports() -> list[DocResult]:
    """The same raid told by three documents in different words, tolls and days, plus two
    similar events that are other events: the same raid a week later, and one 100 km away."""
    return [
        _doc("wire-a", "Islamic State-linked insurgents raided Olumbe on Sunday, killing four civilians.", [_attack(1, SUNDAY, VILLAGE, 4, [IS])]),
        _doc("paper-b", "Six villagers died when jihadists attacked a village near Palma, officials said on Monday.", [_attack(1, MONDAY, TOWN, 6, [IS])]),
        _doc("blog-c", "Gunmen killed five people in the Palma area on 7 August.", [_attack(1, SUNDAY, TOWN, 5, [])]),
        _doc("wire-d", "Insurgents attacked Olumbe again a week later, killing two.", [_attack(1, NEXT_SUNDAY, VILLAGE, 2, [IS])], published=date(2022, 8, 15)),
        _doc("paper-e", "The same day insurgents raided Mocimboa, 100 km north, killing three.", [_attack(1, SUNDAY, FAR_TOWN, 3, [IS])]),
    ]


def _linked_rows(store: Store) -> list[dict]:
    return [r for r in event_rows(Facts(store)) if r["event_id"].startswith("event/linked/")]


def test_link_three_documents_one_event(three_reports):
    store = _store(three_reports)
    report = link_events(store)
    assert report.events_read == 5
    assert len(report.links) == 1
    linked, members = report.links[0]
    assert sorted(m.rsplit("/", 2)[-2] for m in members) == ["blog-c", "paper-b", "wire-a"]
    rows = event_rows(Facts(store))
    assert len(rows) == 3  # the linked raid, the raid a week later, the raid 100 km away
    (row,) = _linked_rows(store)
    assert row["doc_id"] == "blog-c; paper-b; wire-a"
    assert row["fatalities"] == 6  # the highest toll, not the sum
    assert row["event_date"] == "2022-08-07"  # two reports of three say Sunday
    assert row["actor1"] == "Islamic State" and row["sub_event_type"] == "Attack"
    assert row["location"] == "Palma"  # as precise as Olumbe (both precision 1), and told twice
    assert len(row["evidence"].split(" | ")) == 3  # every report's sentence


def test_link_records_its_reasons(three_reports):
    store = _store(three_reports)
    link_events(store)
    reasons = [str(s["r"].value) for s in store.query(f"PREFIX akg: <{AKG._NS}> SELECT ?r WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?l akg:linkReason ?r }} }}")]
    assert len(reasons) == 3  # every pair of the three reports was compared
    assert any("0 day(s) apart" in r and "shared actors: " in r for r in reasons)
    assert all("km apart" in r for r in reasons)
    assert any("1 day(s) apart" in r and "Islamic State" not in r for r in reasons)


def test_link_not_a_week_apart_nor_100_km_apart(three_reports):
    reports = {r.doc.rsplit("/", 1)[-1]: r for r in read_reports(_store(three_reports))}
    assert compare(reports["wire-a"], reports["paper-b"]) is not None
    assert compare(reports["wire-a"], reports["wire-d"]) is None  # a week apart
    assert compare(reports["wire-a"], reports["paper-e"]) is None  # 100 km apart
    assert compare(reports["wire-a"], reports["paper-e"], LinkRules(max_km=150)) is not None
    assert compare(reports["wire-a"], reports["wire-a"]) is None  # one document never links with itself


def test_link_conflicting_perpetrators_or_types_stay_apart():
    army_raid = _doc("army-f", "Soldiers raided Olumbe on Sunday, killing four.", [_attack(1, SUNDAY, VILLAGE, 4, [ARMY])])
    is_raid = _doc("wire-a", "Insurgents raided Olumbe on Sunday, killing four.", [_attack(1, SUNDAY, VILLAGE, 4, [IS])])
    protest = _doc("paper-g", "Residents protested in Olumbe on Sunday.", [Event(n=1, cls="PeacefulProtest", date=SUNDAY, time_precision=1, place=VILLAGE, geo_precision=1)])
    clash = _doc("paper-h", "Troops fought the insurgents at Olumbe on Sunday.", [Event(n=1, cls="ArmedClash", date=SUNDAY, time_precision=1, place=VILLAGE, geo_precision=1, perpetrators=[ARMY], targets=[IS])])
    store = _store([army_raid, is_raid, protest, clash])
    reports = {r.doc.rsplit("/", 1)[-1]: r for r in read_reports(store)}
    assert compare(reports["army-f"], reports["wire-a"]) is None  # different perpetrators
    assert compare(reports["wire-a"], reports["paper-g"]) is None  # a protest is no attack
    assert compare(reports["wire-a"], reports["paper-h"]) is None  # an attack and a clash that share no perpetrator
    assert compare(reports["army-f"], reports["paper-h"]) is not None  # the army's raid and its clash with IS: one event


def test_link_undo_restores_the_store(three_reports):
    store = _store(three_reports)
    before = len(store)
    link_events(store)
    assert len(store) > before
    report = link_events(store, undo=True)
    assert report.removed == 1 and len(store) == before
    assert len(event_rows(Facts(store))) == 5


def test_link_unlink_keeps_the_reports_apart(three_reports):
    store = _store(three_reports)
    linked, members = link_events(store).links[0]
    short = linked.split("/id/", 1)[1]
    report = unlink(store, short)
    assert report.links == [(linked, members)]
    assert not _linked_rows(store) and len(event_rows(Facts(store))) == 5
    decisions = list(store.query(f"PREFIX akg: <{AKG._NS}> SELECT ?a ?b WHERE {{ GRAPH <{DECISIONS_GRAPH}> {{ ?a akg:distinctFrom ?b }} }}"))
    assert len(decisions) == 3
    assert link_events(store).links == []  # a person's decision holds on the next run
    with pytest.raises(LinkError):
        unlink(store, short)
    with pytest.raises(LinkError):
        unlink(store, 'event/x> } ; DROP ALL ; #')


def test_link_unlink_by_one_report(three_reports):
    store = _store(three_reports)
    linked, members = link_events(store).links[0]
    assert unlink(store, members[0]).links[0][0] == linked


def test_link_relinking_is_stable(three_reports):
    store = _store(three_reports)
    first = link_events(store).links
    size = len(store)
    assert link_events(store).links == first and len(store) == size  # the same IRI, nothing doubled


def _count(store: Store, name: str, params: dict) -> list[dict]:
    return run_query(store, name, params).as_dicts()


@pytest.mark.parametrize(
    "name,params",
    [
        ("events_between", {"since": "2022-08-01", "until": "2022-08-31"}),
        ("events_in_place", {"place": "Mozambique"}),
        ("events_by_actor", {"actor": "Islamic State"}),
        ("actor_timeline", {"actor": "Islamic State"}),
    ],
)
def test_link_named_queries_count_a_linked_event_once(three_reports, name, params):
    store = _store(three_reports)
    before = _count(store, name, params)
    link_events(store)
    after = _count(store, name, params)
    # wire-a, paper-b (Islamic State), blog-c (no perpetrator), wire-d, paper-e: the three reports become one
    linked_reports = 3 if name in ("events_between", "events_in_place") else 2
    assert len(after) == len(before) - linked_reports + 1


def test_link_fatalities_by_actor_month_counts_once(three_reports):
    store = _store(three_reports)
    rows = _count(store, "fatalities_by_actor_month", {"actor": "Islamic State"})
    assert [(int(r["events"]), int(r["fatalities"])) for r in rows] == [(4, 4 + 6 + 2 + 3)]
    link_events(store)
    rows = _count(store, "fatalities_by_actor_month", {"actor": "Islamic State"})
    assert [(int(r["events"]), int(r["fatalities"])) for r in rows] == [(3, 6 + 2 + 3)]


def test_link_events_between_lists_every_source(three_reports):
    store = _store(three_reports)
    link_events(store)
    rows = _count(store, "events_between", {"since": "2022-08-07", "until": "2022-08-07"})
    docs = sorted(sorted(str(r["doc"]).split("; ")) for r in rows)
    assert docs == [["blog-c", "paper-b", "wire-a"], ["paper-e"]]  # (SPARQL's GROUP_CONCAT keeps no order)


def test_link_events_csv_and_view(three_reports, tmp_path):
    store = _store(three_reports)
    link_events(store)
    path = tmp_path / "events.csv"
    assert write_events_csv(store, path) == 3
    with path.open(encoding="utf-8") as f:
        assert sorted(r["doc_id"] for r in csv.DictReader(f)) == ["blog-c; paper-b; wire-a", "paper-e", "wire-d"]
    g = load_graph(store)
    events = [n for n, d in g.nodes(data=True) if "Event" in d["classes"]]
    assert len(events) == 3 and any("/event/linked/" in n for n in events)
    linked = next(n for n in events if "/event/linked/" in n)
    assert "(3 reports)" in g.nodes[linked]["label"]
    assert any(u.endswith("islamic-state") for u, _ in g.in_edges(linked))


def test_link_command_line(three_reports, tmp_path):
    import gc

    from typer.testing import CliRunner

    from builder.cli import app

    path = tmp_path / "store"
    store = _store(three_reports, path)
    store.flush()
    del store
    runner = CliRunner()
    done = runner.invoke(app, ["link-events", "--store", str(path)])
    assert done.exit_code == 0 and "linked 3 report(s) into 1 event(s)" in done.output
    linked = _linked_rows(Store(path, read_only=True))[0]["event_id"]
    done = runner.invoke(app, ["unlink", linked, "--store", str(path)])
    assert done.exit_code == 0 and "3 report(s) kept apart" in done.output
    done = runner.invoke(app, ["unlink", "event/nothing/1", "--store", str(path)])
    assert done.exit_code == 2 and "[E081]" in done.output
    del done  # its traceback holds that command's store open (one command is one process outside tests)
    gc.collect()
    done = runner.invoke(app, ["link-events", "--undo", "--store", str(path)])
    assert done.exit_code == 0 and "removed 0 linked event(s)" in done.output, done.output
