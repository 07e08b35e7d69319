"""End to end: build the samples and fixtures, then ask the named queries what a researcher would.

Expected rows were checked by hand against the sample texts in data/samples and tests/fixtures.
"""

from __future__ import annotations

import pytest
from rdflib import Graph

from queries.runner import list_queries, run_query

pytestmark = pytest.mark.slow


def rows(store, name, **params):
    return run_query(store, name, {k: v for k, v in params.items()}).as_dicts()


def test_pipeline_actors_backed_by_iran(sample_store):
    backed = {r["actorLabel"] for r in rows(sample_store, "actors_backed_by", backer="Iran")}
    assert {"National Defence Forces", "Kata'ib Hezbollah", "Ansar Allah"} <= backed
    turkish = {r["actorLabel"] for r in rows(sample_store, "actors_backed_by", backer="Turkey")}
    assert "National Front for Liberation" in turkish
    for r in rows(sample_store, "actors_backed_by"):
        assert r["sentence"] and r["doc"] and r["status"] == "current"


def test_pipeline_commanders_current_and_former(sample_store):
    fsa = rows(sample_store, "commanders_of", group="Free Syrian Army")
    assert [(r["personLabel"], r["status"], r["nomDeGuerre"]) for r in fsa] == [("Khaled al-Zoubi", "former", "Abu Omar")]
    ndf = rows(sample_store, "commanders_of", group="NDF")
    assert [(r["personLabel"], r["status"], r["rank"]) for r in ndf] == [("Ali Haidar Mansour", "current", "Colonel")]


def test_pipeline_claims_of_responsibility(sample_store):
    claims = {(r["claimantLabel"], r["eventDate"]): r for r in rows(sample_store, "claims_of_responsibility")}
    ambush = claims[("Islamic State", "2021-03-14")]
    assert ambush["viaLabel"] == "Amaq News Agency" and ambush["claimDate"] == "2021-03-15"
    assert (ambush["fatalities"], ambush["injured"]) == ("7", "5")
    raqqa = claims[("Islamic State", "2019-11-02")]
    assert raqqa["subEventType"] == "Remote explosive/landmine/IED" and raqqa["fatalities"] == "2" and raqqa["injured"] == "3"
    jnim = claims[("Jama'at Nusrat al-Islam wal-Muslimin", "2022-01-16")]
    assert jnim["claimDate"] == "2022-01-17"


def test_pipeline_events_inside_a_province_and_date_range(sample_store):
    daraa = rows(sample_store, "events_in_place", place="Daraa")
    assert [(r["placeLabel"], r["date"], r["subEventType"]) for r in daraa] == [("Ţafas", "2021-06-01", "Attack")]
    idlib = {r["placeLabel"] for r in rows(sample_store, "events_in_place", place="Idlib", since="2021-09-01", until="2021-09-30")}
    assert "Arīḩā" in idlib or "Ariha" in idlib
    assert rows(sample_store, "events_in_place", place="Idlib", since="2022-01-01") == []


def test_pipeline_place_hierarchy(sample_store):
    up = {r["containerLabel"] for r in rows(sample_store, "place_hierarchy", place="Tafas")}
    assert up == {"Daraa", "Syria"}


def test_pipeline_every_actor_reaches_evidence(sample_store):
    missing = list(
        sample_store.query(
            """PREFIX akg: <https://w3id.org/armedkg/ontology#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            SELECT ?x WHERE {
              { ?x a ?c . ?c rdfs:subClassOf* akg:Actor } UNION { ?x a ?c . ?c rdfs:subClassOf* akg:Event }
              UNION { ?x a ?c . ?c rdfs:subClassOf* akg:Affiliation }
              FILTER NOT EXISTS { ?x akg:evidence/akg:document/akg:docId ?d }
              FILTER(STRSTARTS(STR(?x), "https://w3id.org/armedkg/id/"))
            }"""
        )
    )
    assert missing == []
    ev = rows(sample_store, "evidence_of", actor="Wagner Group")
    assert ev and all(r["sentence"] and r["rule"] and r["doc"] == "sample-mali-ambush" for r in ev)
    assert all(int(r["start"]) <= int(r["end"]) for r in ev)
    # The mention is computed in the query (the sentence between the offsets): it is what the
    # document says at those offsets.
    from builder.readers import ReadReport, iter_documents

    from .conftest import SAMPLES

    text = next(d.text for d in iter_documents([SAMPLES], ReadReport()) if d.id == "sample-mali-ambush")
    assert {r["mention"] for r in ev} >= {"Wagner Group"}
    assert all(text[int(r["start"]) : int(r["end"])] == r["mention"] for r in ev)


def test_pipeline_no_boilerplate_actor(sample_store):
    from builder.errors import NameNotFound

    with pytest.raises(NameNotFound, match="no actor named 'PayPal'"):
        rows(sample_store, "actor_profile", actor="PayPal")


def test_pipeline_query_parameters_are_terms_not_text(sample_store):
    before = sorted(map(str, sample_store.iter_quads()))
    hostile_strings = [
        'x" } ; DROP ALL ; #',
        "<http://evil>",
        "Iran' } UNION { ?a ?b ?c } #",
        'x" } INSERT DATA { <http://evil/s> <http://evil/p> "o" } #',
        'x" } SERVICE <http://evil.example/sparql> { ?s ?p ?o } #',
        "Iran\" . ?a ?b ?c . #",
        "\u0000\n\r\"}",
    ]
    from builder.errors import NameNotFound, QueryError

    for hostile in hostile_strings:
        for query in ("actors_backed_by", "actor_profile", "events_by_actor"):
            param = "backer" if query == "actors_backed_by" else "actor"
            with pytest.raises(NameNotFound):  # no rows, and said so: no entity has that name
                rows(sample_store, query, **{param: hostile})
    assert sorted(map(str, sample_store.iter_quads())) == before  # nothing changed

    with pytest.raises(QueryError, match="longer than"):
        run_query(sample_store, "actor_profile", {"actor": "x" * 100_000})
    with pytest.raises(QueryError, match="not a valid IRI"):
        run_query(sample_store, "evidence_of_node", {"node": "http://x> } DROP ALL {"})
    with pytest.raises(QueryError):
        run_query(sample_store, "events_in_place", {"since": "2020-01-01'; DROP ALL"})
    with pytest.raises(QueryError):
        run_query(sample_store, "actors_backed_by", {"nope": "x"})


def test_pipeline_every_named_query_runs(sample_store):
    names = [q.name for q in list_queries()]
    assert len(names) >= 6
    for q in list_queries():
        params = {p.name: {"string": "Islamic State", "date": "2021-01-01", "iri": "https://w3id.org/armedkg/id/actor/islamic-state", "integer": "10"}[p.type] for p in q.params if p.required}
        result = run_query(sample_store, q.name, params)
        assert result.columns == q.columns, q.name


def test_pipeline_validate_reason_export(sample_store, tmp_path):
    from ontology.reasoning import reason, validate
    from queries.export import export

    report = validate(sample_store.union_graph())
    assert report.conforms, report.text
    result = reason(sample_store, engine="hermit")
    assert result.consistent and result.inferred > 0
    # HermiT adds transitive containment: Tafas lies in Syria.
    assert any(str(s).endswith("gn-163806") and str(o).endswith("country/SY") for s, _, o in result.graph)
    owl = tmp_path / "graph.owl"
    export(sample_store, "rdfxml", owl)
    import owlready2

    world = owlready2.World()
    onto = world.get_ontology(owl.as_uri()).load()
    assert any(i.iri.endswith("actor/islamic-state") for i in onto.individuals())
    ttl = tmp_path / "graph.ttl"
    n = export(sample_store, "turtle", ttl)
    assert len(Graph().parse(ttl)) == n


def test_pipeline_rebuild_is_idempotent(sample_store):
    from builder.build import build

    from .conftest import FIXTURES, SAMPLES

    before = len(sample_store)
    report = build([SAMPLES, FIXTURES / "articles.jsonl"], sample_store, progress=False)
    assert report.documents_unchanged == 10 and report.documents_built == 0
    assert len(sample_store) == before


def test_pipeline_backers_network_and_alliances(sample_store):
    kh = rows(sample_store, "backers_network", actor="Kata'ib Hezbollah")
    assert ("Kata'ib Hezbollah", "Iran", "true") in {(r["actorLabel"], r["backerLabel"], r["direct"]) for r in kh}
    net = {(r["kind"], r["aLabel"], r["bLabel"]) for r in rows(sample_store, "alliance_hostility_network")}
    assert ("allied", "Giants Brigades", "Southern Transitional Council") in net
    assert ("fighting", "Islamic State", "Syrian Arab Army") in net
    assert all(k == "allied" for k, _, _ in {(r["kind"], 0, 0) for r in rows(sample_store, "alliance_hostility_network", relation="allied")})


def test_pipeline_fatalities_and_timeline(sample_store):
    isis = {(r["month"], r["fatalities"]) for r in rows(sample_store, "fatalities_by_actor_month", actor="ISIS")}
    assert {("2019-11", "2"), ("2021-03", "7")} <= isis
    timeline = [(r["date"], r["kind"]) for r in rows(sample_store, "actor_timeline", actor="Islamic State")]
    assert ("2021-03-14", "event") in timeline and ("2021-03-15", "claim") in timeline
    assert timeline == sorted(timeline)


def test_pipeline_actors_near_place(sample_store):
    near = {r["actorLabel"] for r in rows(sample_store, "actors_near_place", place="Tafas", km="30")}
    assert "Unidentified armed group" in near
    far = {r["placeLabel"] for r in rows(sample_store, "actors_near_place", place="Tafas", km="30")}
    assert "Arīḩā" not in far  # Ariha (Idlib) is ~300 km away


def test_pipeline_contested_affiliations_across_documents(tmp_path):
    """A link is contested when its statements disagree on status or come from different
    sources; the same link restated by the same source with the same status is not."""
    import json

    from builder.build import build
    from builder.store import Store

    docs = [
        ("c1", "2017-03-01", "Islamic State fighters still hold Raqqa, the group's self-declared capital, according to the Syrian Observatory for Human Rights."),
        ("c2", "2017-10-20", "The Syrian Democratic Forces liberated Raqqa from Islamic State on Tuesday after a four-month battle, according to the Syrian Arab News Agency."),
        ("c3", "2017-04-02", "Islamic State fighters still hold Raqqa despite heavy air strikes, according to the Syrian Observatory for Human Rights."),
    ]
    src = tmp_path / "docs.jsonl"
    src.write_text("".join(json.dumps({"id": i, "published": p, "text": t}) + "\n" for i, p, t in docs), encoding="utf-8")
    store = Store(tmp_path / "store")
    build([src], store, progress=False)
    got = rows(store, "contested_affiliations")
    assert [(r["subjectLabel"], r["relation"], r["objectLabel"], r["documents"]) for r in got] == [("Islamic State", "controls (territory)", "Raqqa", "3")]
    assert set(got[0]["statuses"].split("; ")) == {"current", "former"}
    assert set(got[0]["sources"].split("; ")) == {"Syrian Observatory for Human Rights", "Syrian Arab News Agency"}


# Rows below were checked by hand against data/samples/01_syria_badia_ambush.md (published
# Tuesday 2021-03-16, so "on Monday" is 2021-03-15), 02_iraq_rocket_attack.md, 05_idlib_airstrikes.md.


def test_query_library_is_documented():
    qs = list_queries()
    assert len(qs) >= 15
    for q in qs:
        assert q.purpose and q.columns, q.name
        assert all(p.type in {"string", "date", "integer", "decimal", "iri"} and p.description for p in q.params), q.name


def test_query_affiliations_of(sample_store):
    got = {(r["relation"], r["direction"], r["otherLabel"]) for r in rows(sample_store, "affiliations_of", actor="Kataib Hezbollah")}
    assert ("backed by", "outgoing", "Iran") in got
    assert ("part of / sub-unit of", "outgoing", "Popular Mobilization Forces") in got
    assert all(direction in {"outgoing", "incoming"} for _, direction, _ in got)


def test_query_events_between(sample_store):
    got = {(r["subEventType"], r["date"], r["placeLabel"], r["perpetrators"], r["targets"], r["fatalities"]) for r in rows(sample_store, "events_between", since="2021-03-01", until="2021-03-31")}
    assert got == {
        ("Armed clash", "2021-03-14", "al-Shula", "Islamic State", "Syrian Arab Army", "7"),
        ("Air/drone strike", "2021-03-15", "Syrian Desert", "Russian Armed Forces", "Islamic State", None),
    }


def test_query_events_by_actor_and_role(sample_store):
    got = {(r["role"], r["date"], r["placeLabel"], r["fatalities"]) for r in rows(sample_store, "events_by_actor", actor="Russian Armed Forces")}
    assert got == {("perpetrator", "2021-03-15", "Syrian Desert", None), ("perpetrator", "2021-09-06", "Arīḩā", "3")}
    assert rows(sample_store, "events_by_actor", actor="Russian Armed Forces", role="victim") == []
    targets = {r["date"] for r in rows(sample_store, "events_by_actor", actor="Islamic State", role="target")}
    assert targets == {"2021-03-15"}


def test_query_evidence_of_node(sample_store):
    from builder.readers import ReadReport, iter_documents

    from .conftest import SAMPLES

    text = next(d.text for d in iter_documents([SAMPLES / "05_idlib_airstrikes.md"], ReadReport()))
    got = rows(sample_store, "evidence_of_node", node="https://w3id.org/armedkg/id/event/sample-idlib-airstrikes/1")
    assert [(r["mention"], r["doc"]) for r in got] == [("warplanes", "sample-idlib-airstrikes")]
    assert text[int(got[0]["start"]) : int(got[0]["end"])] == "warplanes"
    assert got[0]["sentence"].startswith("Russian warplanes carried out air strikes")


def test_query_actor_profile(sample_store):
    got = {(r["aspect"], r["valueLabel"]) for r in rows(sample_store, "actor_profile", actor="Kata'ib Hezbollah")}
    assert {
        ("backed by", "Iran"),
        ("country", "Iraq"),
        ("part of", "Popular Mobilization Forces"),
        ("fighting against", "Global Coalition against Daesh"),
        ("operates in", "Al Qā’im"),
        ("type", "Militia"),
        ("alias", "Kataib Hezbollah"),
    } <= got
    # "where US-led coalition aircraft struck its facilities last year" is background to a story
    # of February 2021, dated to no more than a year: no event (issue 17), the enmity stays.
    assert not any(a == "event" and "Al Qā’im" in v for a, v in got)


def test_pipeline_paged_queries_return_every_row_once_across_pages(sample_store):
    """A paged query returns one page by default; the pages, read with offset, hold exactly the
    rows of limit=0, each once, in date order (events of one day may fall on either side of a
    page boundary)."""
    from builder.errors import QueryError
    from queries.runner import find_query

    assert find_query("events_in_place").page == 200
    everything = run_query(sample_store, "events_in_place", {"place": "Syria", "limit": "0"})
    assert len(everything.rows) > 3 and not everything.more
    pages, offset = [], 0
    while True:
        page = run_query(sample_store, "events_in_place", {"place": "Syria", "limit": "2", "offset": str(offset)})
        assert len(page.rows) <= 2
        pages += page.rows
        if not page.more:
            break
        offset += 2
    assert sorted(map(str, pages)) == sorted(map(str, everything.rows))
    dates = [row[everything.columns.index("date")] or "" for row in pages]
    assert dates == sorted(dates)
    with pytest.raises(QueryError):
        run_query(sample_store, "events_in_place", {"place": "Syria", "limit": "-1"})


def test_pipeline_every_affiliation_rests_on_a_construction_and_a_path(sample_store):
    """No relation of the samples comes from co-occurrence: each affiliation's evidence names the
    construction it was read from and the dependency path between its two names."""
    head = """PREFIX akg: <https://w3id.org/armedkg/ontology#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ?c . ?c rdfs:subClassOf* akg:Affiliation . ?a akg:evidence ?ev . """
    total = int(next(iter(sample_store.query(head + "}")))[0].value)
    bare = int(next(iter(sample_store.query(head + "FILTER NOT EXISTS { ?ev akg:construction ?k ; akg:dependencyPath ?p } }")))[0].value)
    assert total > 20 and bare == 0


def test_every_relation_of_the_samples_names_its_construction(nlp):
    from builder.nlp import process
    from builder.readers import ReadReport, iter_documents
    from builder.records import GAZETTEER_RULE

    from .conftest import SAMPLES

    docs = list(iter_documents([SAMPLES], ReadReport()))
    relations = [r for res in process(nlp, docs) for r in res.relations if r.evidence.rule != GAZETTEER_RULE]
    assert len(relations) > 20
    assert [r for r in relations if not (r.evidence.construction and r.evidence.path)] == []
    # a path joins the two names through the parse, not through the text between them
    assert all("<" in r.evidence.path or ">" in r.evidence.path for r in relations)


def test_interactions_keep_threats_out_of_the_graph(extract):
    """A threat is a dyad for an event coder (source, target, mood) but no event or relation."""
    result = extract("Hezbollah threatened to strike Israel if the offensive continued.")
    dyads = {(i.source, i.target, i.mood) for i in result.interactions}
    assert ("actor:hezbollah", "country:IL", "intention") in dyads
    assert not any(r.prop == "fightingAgainst" for r in result.relations)
    assert result.events == []
