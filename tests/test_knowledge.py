"""The knowledge layer: the file format and its coded errors, the Phoenix and GeoNames importers,
resolution across sources with precedence, the context gate (on hand-built Docs, no model), the
library outside the source tree."""

from __future__ import annotations

import json
import random
import time
from datetime import date
from pathlib import Path

import pytest
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from builder.errors import KnowledgeError, UnknownKnowledgeFormat, UnknownKnowledgeSource
from builder.gazetteer import Gazetteer
from builder.knowledge.cameo import parse_code
from builder.knowledge.component import KnowledgeRuler
from builder.knowledge.gate import alias_flags, context_allows, countries_named, group_word_near, office_name, part_of_longer_name, proper_phrase, title_before
from builder.knowledge.library import Library
from builder.knowledge.merge import merge
from builder.knowledge.native import read_native
from builder.knowledge.phoenix import phoenix_date, read_phoenix
from builder.knowledge.records import COMMON_WORD, LONE_NAME, SHORT, ActorRecord, PersonRecord, SourceInfo
from builder.knowledge.registry import formats, get_format

FIXTURES = Path(__file__).resolve().parent / "fixtures"
PHOENIX = Path(__file__).resolve().parents[2] / "shared" / "kb" / "phoenix"
USER = SourceInfo("mine", "user", "armedkg")
IMPORTED = SourceInfo("dict", "imported", "phoenix")


# --------------------------------------------------------------------------- the file format
def test_knowledge_csv_from_a_spreadsheet(tmp_path):
    """A spreadsheet's CSV export (BOM, ';' separators, names in one cell, a person's roles on two
    rows) reads into typed records."""
    path = tmp_path / "groups.csv"
    path.write_bytes(
        "\ufeffkind;name;aliases;class;country;inter;valid_from;role;organisation;start;end\n"
        "actor;Red Hill Brigade;RHB | Red Hill Brigades;militia;Somalia;3;2019;;;;\n"
        "person;Amina Example;;;SO;;;commander;Red Hill Brigade;2019-03;2021\n"
        "person;Amina Example;;;SO;;;member;Red Hill Brigade;2017;\n".encode("utf-8")
    )
    knowledge = read_native(path, USER)
    assert not knowledge.problems
    (actor,) = knowledge.actors
    assert (actor.name, actor.cls, actor.country, actor.inter, actor.aliases) == ("Red Hill Brigade", "Militia", "SO", 3, ["RHB", "Red Hill Brigades"])
    assert actor.valid_from == date(2019, 1, 1) and actor.source == "mine" and actor.line == 2
    (person,) = knowledge.persons
    assert [(r.role, r.organisation, r.start, r.end) for r in person.roles] == [
        ("commander", "Red Hill Brigade", date(2019, 3, 1), date(2021, 12, 31)),
        ("member", "Red Hill Brigade", date(2017, 1, 1), None),
    ]


@pytest.mark.parametrize(
    "line,message",
    [
        ('{"name": "X", "class": "Brigand"}', "not an actor class"),
        ('{"name": "X", "country": "Atlantis"}', "not a country"),
        ('{"name": "X", "inter": 9}', "inter code 9"),
        ('{"name": "X", "qid": "42"}', "not a Wikidata QID"),
        ('{"name": "X", "valid_from": "2020", "valid_to": "2019"}', "before valid_from"),
        ('{"kind": "place", "name": "X", "lat": 95, "lon": 3}', "latitude 95"),
        ('{"kind": "group", "name": "X"}', "kind 'group'"),
        ('{"name": "X", "colour": "red"}', "unknown column"),
        ('{"aliases": "Y"}', "needs a name"),
        ("{not json", "not JSON"),
    ],
)
def test_knowledge_bad_entries_get_coded_errors(tmp_path, line, message):
    path = tmp_path / "k.jsonl"
    path.write_text('{"name": "Good Group"}\n' + line + "\n", encoding="utf-8")
    knowledge = read_native(path, USER)
    (problem,) = knowledge.problems
    assert problem.line == 2 and problem.error.startswith("[E086] k.jsonl line 2:") and message in problem.error
    assert [a.name for a in knowledge.actors] == ["Good Group"]


def test_knowledge_user_file_with_a_bad_line_is_not_stored(tmp_path):
    path = tmp_path / "k.csv"
    path.write_text("name,country\nGood Group,SO\nBad Group,Atlantis\nOther Bad,Narnia\n", encoding="utf-8")
    report = Library(tmp_path / "lib").store("k", "armedkg", [path])
    assert not report.stored and [p.line for p in report.problems] == [3, 4]
    assert Library(tmp_path / "lib").names() == []


# --------------------------------------------------------------------------- Phoenix / PETRARCH
DICTIONARY = """# a dictionary in the TABARI format, written for this test (invented names)
RED_HILL_BRIGADE_(RHB)_ [SOMREB] # a group with its acronym in brackets
+RED_HILL_BRIGADES_
+HAWO_QORANE_
+QORANE_

COASTAL_DEFENCE_COMMAND_ [SOMMIL 120101-181231]

MAXAMED_CALI_XAASHI_  # CountryInfo.txt
+M._C._XAASHI_
\t[SOMGOV 060101-091231]
\t[SOMELI >091231]

NORTHERN_FRONT_
EASTERN_FRONT_
\t[IMGMUSRAD]

SOMALIA_ [SOM]
+MOGADISHU_
"""
AGENTS = """!PERSON! = MAN, MEN
POLICE!PERSON! [~COP]
SOLDIER [~MIL] # a comment
MILITIA_FIGHTER [~UAF]
"""


def test_knowledge_phoenix_entries_synonyms_roles_and_shared_codes(tmp_path):
    (tmp_path / "t.actors").write_text(DICTIONARY, encoding="utf-8")
    (tmp_path / "t.agents").write_text(AGENTS, encoding="utf-8")
    k = read_phoenix([tmp_path], IMPORTED)
    actors = {a.name: a for a in k.actors}
    rhb = actors["Red Hill Brigade"]
    assert (rhb.cls, rhb.country, rhb.inter, rhb.aliases) == ("RebelGroup", "SO", 2, ["RHB", "Red Hill Brigades"])
    assert actors["Coastal Defence Command"].cls == "StateForce" and actors["Coastal Defence Command"].valid_from == date(2012, 1, 1)
    # entries without a code share the codes that follow them (PETRARCH's rule)
    assert actors["Northern Front"].cls == actors["Eastern Front"].cls == "JihadistGroup"
    persons = {p.name: p for p in k.persons}
    xaashi = persons["Maxamed Cali Xaashi"]
    assert xaashi.aliases == ["M. C. Xaashi"] and xaashi.country == "SO"
    assert [(r.role, r.organisation, r.start, r.end) for r in xaashi.roles] == [
        ("government", "government-so", date(2006, 1, 1), date(2009, 12, 31)),
        ("elite", None, date(2009, 12, 31), None),
    ]
    # a person's name listed under a group is a member, not an alias; their surname follows them
    qorane = persons["Hawo Qorane"]
    assert qorane.aliases == ["Qorane"] and [(r.role, r.organisation) for r in qorane.roles] == [("rebel", rhb.id)]
    assert "Mogadishu" not in {a for p in (*k.actors, *k.persons) for a in (p.name, *p.aliases)}  # a country's names are skipped
    assert {(a.noun, a.cls) for a in k.agents} >= {("policeman", "StateForce"), ("policemen", "StateForce"), ("soldier", "StateForce"), ("militia fighter", "NonStateArmedGroup")}
    assert k.counts["entries"] == 5 and k.counts["synonyms"] == 5 and k.counts["country entries skipped"] == 1


@pytest.mark.parametrize(
    "code,cls,inter,country",
    [
        ("IRQREB", "RebelGroup", 2, "IQ"),
        ("AFGMIL", "StateForce", 1, "AF"),
        ("NGACOP", "StateForce", 1, "NG"),
        ("IMGMUSALQ", "JihadistGroup", 2, None),
        ("SYRGOV", "Organisation", None, "SY"),
        ("PHLUAF", "NonStateArmedGroup", 3, "PH"),
        ("IGOUNOKID", "Organisation", None, None),
        ("USAMED", "MediaOutlet", None, "US"),
    ],
)
def test_knowledge_cameo_codes_map_to_classes_and_inter_codes(code, cls, inter, country):
    parsed = parse_code(code)
    assert parsed.actor_class() == (cls, inter) and parsed.country == country


@pytest.mark.parametrize("text,expected", [("060101", date(2006, 1, 1)), ("991231", date(1999, 12, 31)), ("19411207", date(1941, 12, 7))])
def test_knowledge_phoenix_dates(text, expected):
    assert phoenix_date(text) == expected


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="the Phoenix dictionaries are in ../shared/kb/phoenix")
def test_knowledge_phoenix_real_dictionaries():
    """The PETRARCH dictionaries import in seconds: thousands of groups, persons with dated roles,
    agent nouns; the few malformed dates are reported with their line, not fatal."""
    started = time.perf_counter()
    k = read_phoenix([PHOENIX], IMPORTED)
    assert time.perf_counter() - started < 30
    assert k.counts["entries"] > 20_000 and k.counts["persons"] > 15_000 and k.counts["roles"] > 20_000 and k.counts["agents"] > 2_000
    npa = next(a for a in k.actors if a.name == "New People's Army")
    assert (npa.cls, npa.country, npa.inter) == ("RebelGroup", "PH", 2)
    assert all(p.error.startswith("[E086]") for p in k.problems) and len(k.problems) < 20


@pytest.mark.skipif(not PHOENIX.is_dir(), reason="the Phoenix dictionaries are in ../shared/kb/phoenix")
def test_knowledge_phoenix_stored_and_merged_with_the_curated_gazetteers(tmp_path):
    """Stored in a library and merged: a group the curated gazetteers know gains names and keeps its
    curated facts; a group they lack becomes an actor of its own; conflicts are reported."""
    library = Library(tmp_path / "lib")
    report = library.store("phoenix", "phoenix", [PHOENIX])
    assert report.stored and report.counts["persons"] > 15_000
    gaz = Gazetteer(knowledge=[library.load("phoenix")])
    hts = gaz.actors["hts"]
    assert hts.sources == ["curated", "phoenix"] and hts.cls == "JihadistGroup" and "Nusrah Front" in hts.aliases
    assert hts.alias_kinds["Nusrah Front"] == "imported" and hts.alias_kinds["HTS"] == "curated"
    olf = next(e for e in gaz.actors.values() if e.name == "Oromo Liberation Front")
    assert olf.sources == ["phoenix"] and olf.cls == "RebelGroup" and olf.country is None  # [EAFREB]: East Africa, a region, no country
    assert any(c.entity == "hts" and c.field == "cls" and c.kept_source == "curated" for c in gaz.knowledge.conflicts)


# --------------------------------------------------------------------------- resolution and precedence
def _actor(name, source, **kw) -> ActorRecord:
    return ActorRecord(id=name.lower().replace(" ", "-"), name=name, source=source, **kw)


KINDS = {"mine": "user", "curated": "curated", "dict": "imported"}


@pytest.mark.parametrize(
    "a,b",
    [
        (_actor("Red Hill Brigade", "dict", aliases=["RHB"], country="SO"), _actor("RHB", "mine", country="SO")),  # acronym and full name
        (_actor("Jabhat al-Nusrah", "dict", country="SY"), _actor("Jabhat an-Nusra", "mine", country="SY")),  # two transliterations
        (_actor("The Coastal Guard", "dict"), _actor("Coastal Guard", "mine")),  # with and without "the"
        (_actor("Hizbollah", "dict", country="LB"), _actor("Hezbollah", "curated", country="LB")),
    ],
)
def test_knowledge_one_node_across_sources(a, b):
    merged = merge([a, b], [], KINDS)
    assert len(merged.actors) == 1


def test_knowledge_shared_acronym_in_two_countries_stays_two():
    a = _actor("Sahel National Army", "dict", aliases=["SNA"], country="ML")
    b = _actor("Sudan National Alliance", "mine", aliases=["SNA"], country="SD")
    assert len(merge([a, b], [], KINDS).actors) == 2


def test_knowledge_precedence_user_curated_imported_and_conflicts_reported():
    user = _actor("Red Hill Brigade", "mine", cls="Militia", inter=3)
    curated = _actor("Red Hill Brigade", "curated", cls="RebelGroup", country="SO", inter=2)
    imported = _actor("Red Hill Brigade", "dict", cls="NonStateArmedGroup", aliases=["Red Hill Front"], qid="Q1")
    merged = merge([imported, curated, user], [], KINDS)
    (actor,) = merged.actors.values()
    assert (actor.cls, actor.inter, actor.country) == ("Militia", 3, "SO")  # user over curated; curated fills what the user left
    assert actor.qid is None and "Red Hill Front" in actor.aliases  # imported knowledge adds names, never facts to a curated entity
    assert merged.sources[f"actor:{actor.id}"] == ["mine", "curated", "dict"]
    assert {(c.field, c.kept_source, c.dropped_source) for c in merged.conflicts} >= {("cls", "mine", "curated"), ("inter", "mine", "curated"), ("cls", "mine", "dict")}


def test_knowledge_two_curated_entries_never_join():
    a = _actor("Coastal Guard", "curated", country="SO")
    b = ActorRecord(id="coastal-guard-2", name="Coastal Guard", source="curated", country="SO")
    assert len(merge([a, b], [], KINDS).actors) == 2


def test_knowledge_roles_point_at_the_merged_actor():
    group = _actor("Red Hill Brigade", "dict", country="SO")
    curated = ActorRecord(id="rhb", name="Red Hill Brigade", source="curated", country="SO")
    person = PersonRecord(id="amina", name="Amina Example", source="dict", roles=[__import__("builder.knowledge.records", fromlist=["Role"]).Role("member", "red-hill-brigade")])
    merged = merge([group, curated], [person], KINDS)
    assert merged.persons["amina"].roles[0].organisation == "rhb"


# --------------------------------------------------------------------------- the context gate
@pytest.mark.parametrize(
    "alias,person,flags",
    [
        ("KLA", False, [SHORT]),
        ("Tigers", False, [COMMON_WORD]),
        ("Immediate Action", False, [COMMON_WORD]),
        ("PFLP", False, []),
        ("Oromo Liberation Front", False, []),
        ("Qorane", True, [LONE_NAME]),
        ("al-Qorane", True, [LONE_NAME]),
        ("Hawo Qorane", True, []),
    ],
)
def test_knowledge_alias_flags(alias, person, flags):
    english = frozenset({"tiger", "immediate", "action", "front", "liberation"})
    assert alias_flags(alias, person, english) == flags


def _doc(words: list[str], ents: list[str] | None = None) -> Doc:
    return Doc(Vocab(), words=words, ents=ents)


@pytest.mark.parametrize(
    "words,start,end,title,group",
    [
        (["General", "Qorane", "said"], 1, 2, True, False),
        (["the", "Tigers", "rebels", "attacked"], 1, 2, False, True),
        (["militants", "of", "the", "KLA", "fled"], 3, 4, False, True),
        (["Qorane", "said", "nothing"], 0, 1, False, False),
        (["the", "tigers", "escaped", "the", "zoo"], 1, 2, False, False),
    ],
)
def test_knowledge_gate_context_on_hand_built_docs(words, start, end, title, group):
    span = Span(_doc(words), start, end)
    assert title_before(span) is title and group_word_near(span) is group


@pytest.mark.parametrize(
    "flags,context,allowed",
    [
        ([SHORT], {}, False),
        ([SHORT], {"country_named": True}, True),
        ([SHORT], {"group_word": True}, True),
        ([SHORT], {"group_word": True, "has_country": True}, False),  # "ELA members" in Spain: not the Greek ELA
        ([COMMON_WORD], {"group_word": True}, True),
        ([COMMON_WORD], {"group_word": True, "capitalised": False}, False),
        ([COMMON_WORD], {"has_country": True, "proper_phrase": True}, True),
        ([COMMON_WORD], {"has_country": True}, False),
        ([LONE_NAME], {"country_named": True}, False),
        ([LONE_NAME], {"title": True}, True),
        ([LONE_NAME], {"named_in_full": True}, True),
        ([SHORT, LONE_NAME], {"title": True}, False),
        ([], {}, True),
    ],
)
def test_knowledge_gate_needs_the_right_context(flags, context, allowed):
    base = {"title": False, "group_word": False, "country_named": False, "named_in_full": False}
    assert context_allows(flags, **{**base, **context}) is allowed


def test_knowledge_gate_countries_named_and_shared_acronym_decided_by_focus():
    doc = _doc(["Fighting", "in", "Mali", "and", "Somali", "troops"], ["O", "O", "B-COUNTRY", "O", "B-NORP", "O"])
    with doc.retokenize():
        pass
    doc.ents = [Span(doc, 2, 3, label="COUNTRY", span_id="country:ML"), Span(doc, 4, 5, label="NORP")]
    assert countries_named(doc, {"Somali": "SO"}.get) == {"ML", "SO"}
    candidates = [{"id": "actor:a", "country": "ML", "kind": "imported"}, {"id": "actor:b", "country": "SD", "kind": "imported"}]
    assert KnowledgeRuler.choose(candidates, {"ML"})["id"] == "actor:a"
    assert KnowledgeRuler.choose(candidates, {"SD"})["id"] == "actor:b"
    assert KnowledgeRuler.choose(candidates, set()) is None  # neither country named: no guess


@pytest.mark.parametrize(
    "words,expected",
    [(["Children", "of", "Fire"], True), (["immediate", "action"], False), (["21", "June"], False), (["Tigers"], False)],
)
def test_knowledge_gate_proper_phrase(words, expected):
    assert proper_phrase(Span(_doc(words), 0, len(words))) is expected


def test_knowledge_no_name_inside_a_longer_place_or_person_name():
    doc = _doc(["in", "Nelson", "Mandela", "Bay", "and", "Ko", "Soe", "Naing"])
    doc.ents = [Span(doc, 1, 4, label="GPE"), Span(doc, 5, 8, label="PERSON")]
    spans = [("imported", Span(doc, 1, 3, label="PERSON_GAZ", span_id="person:nm")), ("imported", Span(doc, 6, 8, label="PERSON_GAZ", span_id="person:sn"))]
    doc.ents = KnowledgeRuler.merge(doc, spans)
    assert [(e.text, e.label_) for e in doc.ents] == [("Nelson Mandela Bay", "GPE"), ("Ko Soe Naing", "PERSON")]
    doc = _doc(["Nelson", "Mandela", "spoke"])
    doc.ents = [Span(doc, 0, 2, label="PERSON")]
    doc.ents = KnowledgeRuler.merge(doc, [("imported", Span(doc, 0, 2, label="PERSON_GAZ", span_id="person:nm"))])
    assert [(e.text, e.ent_id_) for e in doc.ents] == [("Nelson Mandela", "person:nm")]  # the same span: the known person


@pytest.mark.parametrize(
    "words,start,end,label,norp,expected",
    [
        (["rally", "in", "Aldo", "Moro", "square"], 2, 4, "PERSON_GAZ", None, True),  # a square named after him
        (["clashes", "in", "Dera", "Ismail", "Khan", "on", "Monday"], 3, 5, "PERSON_GAZ", None, True),  # inside a town's name
        (["talks", "in", "the", "Kurdistan", "Region"], 3, 4, "ACTOR", None, True),
        (["said", "General", "Ismail", "Khan"], 2, 4, "PERSON_GAZ", None, False),  # a title, not a name
        (["Ismail", "Khan", "said"], 0, 2, "PERSON_GAZ", None, False),
        (["met", "Russian", "Lavrov"], 2, 3, "PERSON_GAZ", (1, 2), False),  # a nationality before the name
        (["raided", "a", "Hamas", "camp"], 2, 3, "ACTOR", None, False),  # a group's camp is the group's
    ],
)
def test_knowledge_imported_name_that_is_part_of_a_longer_name(words, start, end, label, norp, expected):
    doc = _doc(words)
    if norp:
        doc.ents = [Span(doc, *norp, label="NORP")]
    assert part_of_longer_name(Span(doc, start, end, label=label)) is expected


@pytest.mark.parametrize(
    "words,start,end,label,expected",
    [
        (["The", "Secretary", "of", "State", "said"], 0, 4, "ACTOR", True),
        (["met", "the", "US", "Secretary", "of", "State"], 1, 6, "ACTOR", True),
        (["the", "Ministry", "of", "Defence", "said"], 0, 4, "ACTOR", False),  # a ministry is an organisation
        (["the", "General", "Intelligence", "Directorate"], 0, 4, "ACTOR", False),
        (["President", "Hollande", "said"], 0, 2, "PERSON_GAZ", False),  # a person with the title is a person
    ],
)
def test_knowledge_imported_actor_named_by_an_office(words, start, end, label, expected):
    assert office_name(Span(_doc(words), start, end, label=label)) is expected


def test_knowledge_imported_actor_inside_a_longer_organisation_name():
    doc = _doc(["the", "United", "Nations", "High", "Commissioner", "for", "Refugees", "said"])
    doc.ents = [Span(doc, 0, 7, label="ORG")]
    doc.ents = KnowledgeRuler.merge(doc, [("imported", Span(doc, 1, 3, label="ACTOR", span_id="actor:un"))])
    assert [(e.text, e.label_) for e in doc.ents] == [("the United Nations High Commissioner for Refugees", "ORG")]
    for words, ent, span in ((["the", "Children", "of", "Fire", "struck"], (0, 4), (1, 4)), (["Ansaru", "militants", "struck"], (0, 2), (0, 1))):
        doc = _doc(words)
        doc.ents = [Span(doc, *ent, label="ORG")]
        doc.ents = KnowledgeRuler.merge(doc, [("imported", Span(doc, *span, label="ACTOR", span_id="actor:x"))])
        assert [e.ent_id_ for e in doc.ents] == ["actor:x"]  # the same group with "the" or a group word


def test_knowledge_imported_name_never_replaces_a_curated_match_a_users_does():
    doc = _doc(["RHB", "fighters", "left"])
    doc.ents = [Span(doc, 0, 1, label="ACTOR", span_id="actor:curated-one")]
    doc.ents = KnowledgeRuler.merge(doc, [("imported", Span(doc, 0, 1, label="ACTOR", span_id="actor:imported-one"))])
    assert [e.ent_id_ for e in doc.ents] == ["actor:curated-one"]
    doc.ents = KnowledgeRuler.merge(doc, [("user", Span(doc, 0, 1, label="ACTOR", span_id="actor:user-one"))])
    assert [e.ent_id_ for e in doc.ents] == ["actor:user-one"]


# --------------------------------------------------------------------------- registry and library
def test_knowledge_formats_are_plugins_by_name():
    assert {"armedkg", "curated", "phoenix", "geonames"} <= set(formats())
    with pytest.raises(UnknownKnowledgeFormat, match=r"\[E088\].*Known formats"):
        get_format("tabari-xml")


def test_knowledge_library_add_show_remove(tmp_path):
    from builder.knowledge.api import add_file, list_sources, remove, show

    library = Library(tmp_path / "lib")
    path = tmp_path / "my groups.jsonl"
    path.write_text(json.dumps({"name": "Red Hill Brigade", "aliases": ["RHB"], "class": "Militia", "country": "SO", "source": "my field notes"}) + "\n", encoding="utf-8")
    report = add_file(path, library=library)
    assert report.stored and report.info.name == "my-groups" and report.info.kind == "user" and len(report.info.sha256) == 64
    assert [m["name"] for m in list_sources(library)] == ["my-groups"]
    (entity,) = show("RHB", library)["entities"]
    assert entity["class"] == "Militia" and entity["sources"] == ["my-groups"] and entity["citation"] == "my field notes"
    assert remove("my-groups", library)["name"] == "my-groups"
    with pytest.raises(UnknownKnowledgeSource, match=r"\[E087\]"):
        show("my-groups-x", library)
    with pytest.raises(KnowledgeError, match=r"\[E085\].*built-in"):
        add_file(path, name="curated", library=library)


def test_knowledge_gazetteer_keeps_its_api_with_a_user_source(tmp_path):
    """The extraction's view of the knowledge: new actors and persons in ``actors``/``persons``,
    their names out of the curated ruler's patterns and in the knowledge patterns, a curated
    entry extended (not replaced) with a user's alias."""
    path = tmp_path / "k.jsonl"
    rows = [
        {"name": "Red Hill Brigade", "aliases": ["RHB"], "class": "Militia", "country": "SO"},
        {"kind": "person", "name": "Hawo Qorane", "roles": [{"role": "commander", "organisation": "Red Hill Brigade", "start": "2019"}]},
        {"name": "Islamic State", "aliases": ["Dawlat al-Islamiyya"]},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    gaz = Gazetteer(knowledge=[read_native(path, USER)])
    assert gaz.actors["red-hill-brigade"].cls == "Militia" and gaz.actors["red-hill-brigade"].sources == ["mine"]
    assert gaz.persons["hawo-qorane"]["roles"][0]["organisation"] == "red-hill-brigade"
    assert gaz.actors["islamic-state"].sources == ["mine", "curated"] and gaz.actors["islamic-state"].cls == "JihadistGroup"
    curated = {p["pattern"] for p in gaz.actor_patterns()}
    knowledge = {p["pattern"]: p for p in gaz.knowledge_patterns()}
    assert "RHB" not in curated and knowledge["RHB"]["id"] == "actor:red-hill-brigade" and knowledge["RHB"]["flags"] == []
    assert "Dawlat al-Islamiyya" in knowledge and "ISIS" in curated and "ISIS" not in knowledge
    assert gaz.knowledge.fingerprint == (("mine", ""),)


# --------------------------------------------------------------------------- GeoNames
DUMP = FIXTURES / "geonames" / "invented_places.txt"


@pytest.fixture(scope="module")
def geonames_gazetteer(tmp_path_factory):
    library = Library(tmp_path_factory.mktemp("lib"))
    report = library.store("geonames-test", "geonames", [DUMP])
    assert report.stored and report.counts["places"] == 210 and not report.problems
    return Gazetteer(knowledge=[library.load("geonames-test")])


def _dump_rows() -> list[list[str]]:
    return [line.split("\t") for line in DUMP.read_text(encoding="utf-8").splitlines()]


def test_knowledge_geonames_villages_alternate_names_and_admin_codes(geonames_gazetteer):
    gaz = geonames_gazetteer
    rows = _dump_rows()
    assert len(rows) >= 200 and all(len(r) == 19 for r in rows)
    for gid, name, _, alternates, lat, lon, fclass, _, country, _, admin1, *_ in rows:
        (hit,) = [p for p in gaz.lookup_place(name, country) if p.geonames_id == gid]
        assert hit.country == country and hit.admin1 == f"adm1:{country}.{admin1}"  # the division of its admin1 code
        assert abs(hit.lat - float(lat)) < 1e-4 and abs(hit.lon - float(lon)) < 1e-4
        assert hit.cls == {"P": "PopulatedPlace", "S": "Facility", "T": "NaturalFeature"}[fclass]
        latin = [a for a in alternates.split(",") if a.isascii() and not a.startswith("al-")]
        for alternate in latin:
            assert gid in {p.geonames_id for p in gaz.lookup_place(alternate, country)}


def test_knowledge_geonames_lookups_are_fast(geonames_gazetteer):
    """10,000 lookups of distinct names (the dump's names and alternate names, and as many that
    are no place) take under a second."""
    rng = random.Random(7)
    places = [n for r in _dump_rows() for n in (r[1], *r[3].split(","))]
    names = places + ["".join(rng.choice("abdeghiklmnoqrstuz") for _ in range(9)) for _ in range(10_000 - len(places))]
    index = geonames_gazetteer.knowledge.place_indexes[0]
    started = time.perf_counter()
    found = sum(1 for name in names if index.lookup(name))
    assert time.perf_counter() - started < 1.0
    assert found == sum(1 for n in places if n.isascii())  # every Latin-script name (Arabic-script ones are not indexed)
    started = time.perf_counter()
    for name in names:
        geonames_gazetteer.lookup_place(name, "SY")
    assert time.perf_counter() - started < 2.0


# --------------------------------------------------------------------------- the command line
def test_knowledge_cli_add_list_remove_and_coded_errors(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from builder.cli import app

    monkeypatch.setenv("ARMEDKG_KB_DIR", str(tmp_path / "lib"))
    runner = CliRunner()
    bad = tmp_path / "bad.csv"
    bad.write_text("name,class\nRed Hill Brigade,brigand\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "add", str(bad)])
    assert result.exit_code == 1 and "[E086] bad.csv line 2: 'brigand' is not an actor class" in result.output and "Traceback" not in result.output
    good = tmp_path / "good.csv"
    good.write_text("name,class,country\nRed Hill Brigade,Militia,SO\n", encoding="utf-8")
    result = runner.invoke(app, ["kb", "add", str(good)])
    assert result.exit_code == 0 and "added good (user, armedkg): 1 actors" in result.output
    assert "good (user, armedkg" in runner.invoke(app, ["kb", "list"]).output
    assert runner.invoke(app, ["kb", "remove", "nothing"]).exit_code == 2
    assert "removed good" in runner.invoke(app, ["kb", "remove", "good"]).output
    result = runner.invoke(app, ["eval", str(tmp_path / "none.jsonl"), "--kb", "good"])
    assert result.exit_code == 2 and "[E010]" in result.output  # the gold file is read first
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"id": "a", "text": "Nothing happened.", "gold": {}}\n', encoding="utf-8")
    result = runner.invoke(app, ["eval", str(gold), "--kb", "good"])
    assert result.exit_code == 2 and "[E087] 'good' is neither a file nor a stored knowledge source" in result.output


# --------------------------------------------------------------------------- SHACL
@pytest.mark.parametrize(
    "cls,provenance,conforms",
    [
        ("akg:Militia", "akg:knowledgeSource <urn:phoenix>", True),  # an imported dictionary knows it
        ("akg:Militia", "akg:extractedFrom <urn:doc>", True),  # read in a document
        ("akg:Person", "akg:knowledgeSource <urn:phoenix>", True),
        ("akg:Militia", "", False),  # says nowhere where its description came from
        ("akg:Person", "", False),
        ("akg:Militia", "akg:extractedFrom <urn:ev>", False),  # extracted from something that is no document
    ],
)
def test_knowledge_shacl_every_actor_and_person_says_where_it_came_from(cls, provenance, conforms):
    from rdflib import Graph

    from ontology.reasoning import validate

    data = f"""
        @prefix akg: <https://w3id.org/armedkg/ontology#> .
        @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
        <urn:doc> a akg:Document ; akg:docId "d" ; akg:textSha256 "00" .
        <urn:phoenix> a akg:ImportedKnowledge ; rdfs:label "phoenix" .
        <urn:x> a {cls} ; rdfs:label "Some Name" ; akg:evidence <urn:ev> {";" if provenance else ""} {provenance} .
        <urn:ev> akg:document <urn:doc> ; akg:sentence "Some Name attacked." ; akg:sentenceStart 0 ;
            akg:confidence 0.9 ; akg:start 0 ; akg:end 9 ; akg:rule "ner" .
    """
    report = validate(Graph().parse(data=data, format="turtle"))
    assert report.conforms is conforms, report.text
    if not conforms and not provenance:
        assert "where its description came from" in report.text


# --------------------------------------------------------------------------- provenance
def test_knowledge_provenance_of_a_person_only_when_named_through_the_knowledge():
    """A person the gazetteer or a knowledge source named keeps its source; one the model alone
    found under a known person's name (a namesake, or a town: "Dera Ismail Khan") was read in the
    document, whatever its key."""
    from builder.knowledge.component import annotate
    from builder.records import DocResult, Document, Entity, Evidence

    def person(rule: str) -> Entity:
        ev = Evidence("d", "Bashar al-Assad spoke.", 0, 0, 15, "Bashar al-Assad", rule, 0.9)
        return Entity("person:bashar-al-assad", "Person", "Bashar al-Assad", mentions=[ev])

    gaz = Gazetteer()
    for rule, sources in (("gazetteer_person", ["curated"]), ("model_person", [])):
        result = DocResult(Document(id="d", text="Bashar al-Assad spoke."), {"person:bashar-al-assad": person(rule)})
        annotate(result, gaz)
        assert result.entities["person:bashar-al-assad"].sources == sources
