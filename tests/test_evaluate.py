"""Scoring of armedkg eval on hand-made cases, including ones that must score 0 and 1."""

from __future__ import annotations

from datetime import date

import pytest

from builder.evaluate import (
    RelSpan,
    Scores,
    Span,
    actor_matches,
    gold_alternatives,
    gold_mentions,
    haversine_km,
    match_relations,
    match_spans,
    prf,
    score_acled,
)
from builder.gazetteer import Gazetteer
from builder.records import DocResult, Document, Entity, Event, Evidence


def test_evaluate_prf_perfect_and_zero():
    perfect = prf(3, 3, 3)
    assert (perfect["precision"].value, perfect["recall"].value, perfect["f1"].value) == (1.0, 1.0, 1.0)
    zero = prf(0, 4, 5)
    assert (zero["precision"].value, zero["recall"].value, zero["f1"].value) == (0.0, 0.0, 0.0)
    assert prf(0, 0, 0)["precision"].value is None  # nothing to measure is not a zero


def test_evaluate_spans_exact_relaxed_and_typed():
    gold = [Span(0, 10, "Organisation"), Span(20, 25, "Location")]
    assert match_spans([Span(0, 10, "Organisation"), Span(20, 25, "Location")], gold, relaxed=False) == 2
    assert match_spans([Span(2, 8, "Organisation")], gold, relaxed=False) == 0
    assert match_spans([Span(2, 8, "Organisation")], gold, relaxed=True) == 1
    assert match_spans([Span(20, 25, "Person")], gold, relaxed=True) == 0  # type must agree
    # one prediction cannot match two gold spans
    assert match_spans([Span(0, 30, "Organisation")], [Span(0, 5, "Organisation"), Span(6, 9, "Organisation")], relaxed=True) == 1


def test_evaluate_gold_mentions_drop_pronouns():
    gold = {"entities": [{"text": "they", "type": "Organisation", "start": 0, "end": 4}, {"text": "ISIS", "type": "Organisation", "start": 5, "end": 9}, {"text": "Monday", "type": "Temporal", "start": 10, "end": 16}]}
    assert gold_mentions(gold) == [Span(5, 9, "Organisation")]


def test_evaluate_relations_relaxed_and_symmetric():
    gold = [RelSpan("FightingAgainst", (0, 5), (20, 30)), RelSpan("BelongsTo", (40, 45), (50, 60))]
    assert match_relations([RelSpan("FightingAgainst", (1, 4), (22, 25))], gold) == 1
    assert match_relations([RelSpan("FightingAgainst", (22, 25), (1, 4))], gold) == 1  # symmetric type
    assert match_relations([RelSpan("BelongsTo", (50, 60), (40, 45))], gold) == 0  # directed type
    assert match_relations([RelSpan("AlliesOf", (0, 5), (20, 30))], gold) == 0


def test_evaluate_acled_actor_names():
    gaz = Gazetteer()
    keys, iso = gold_alternatives("QSD: Syrian Democratic Forces")
    assert iso is None and {"qsd", "syriandemocraticforces"} <= keys
    assert gold_alternatives("Military Forces of Syria (2000-) Air Force Intelligence Directorate")[1] == "Syria"
    sdf = Entity("actor:sdf", "RebelGroup", "Syrian Democratic Forces", aliases={"SDF", "QSD"})
    army = Entity("actor:forces-sy", "StateForce", "Syrian Arab Army", country="SY")
    cands = [({"syriandemocraticforces", "sdf", "qsd"}, sdf), ({"syrianarabarmy"}, army)]
    assert actor_matches("QSD: Syrian Democratic Forces", cands, gaz)
    assert actor_matches("Military Forces of Syria (2000-)", cands, gaz)
    assert not actor_matches("Military Forces of Turkey (2016-)", cands, gaz)
    assert not actor_matches("Islamic State (Syria)", cands, gaz)


def _result(event: Event, entities: list[Entity]) -> DocResult:
    doc = Document(id="d", text="x", published=date(2020, 5, 9))
    return DocResult(doc, {e.key: e for e in entities}, [], [event] if event else [], "SY")


GOLD = {
    "date": "2020-05-09",
    "event_type": "Explosions/Remote violence",
    "sub_event_type": "Air/drone strike",
    "actor1": "Military Forces of Russia (2000-)",
    "inter1": "8",
    "actor2": "Civilians (Syria)",
    "inter2": "7",
    "country": "Syria",
    "admin1": "Idleb",
    "latitude": 35.93,
    "longitude": 36.63,
    "fatalities": 2,
}


def test_evaluate_acled_all_right_scores_one():
    ev_ = Evidence("d", "x", 0, 0, 1, "x", "r", 1.0)
    idlib = Entity("place:adm1:SY.12", "AdminRegion", "Idlib", lat=35.93062, lon=36.63393, mentions=[ev_])
    ru = Entity("actor:forces-ru", "StateForce", "Russian Armed Forces", country="RU", mentions=[ev_])
    civ = Entity("actor:civilians-sy", "CivilianGroup", "Civilians (Syria)", inter=7, mentions=[ev_])
    event = Event(1, "AirDroneStrike", [ev_], date(2020, 5, 9), 1, "place:adm1:SY.12", perpetrators=["actor:forces-ru"], targets=["actor:civilians-sy"], fatalities=2)
    scores = Scores()
    score_acled(_result(event, [idlib, ru, civ]), GOLD, scores, Gazetteer())
    figures = scores.figures()
    for name in ("found", "event_type", "sub_event_type", "date_exact", "location_25km", "location_161km", "admin1", "fatalities_exact", "actor_recall"):
        assert figures[f"events.{name}"]["value"] == 1.0, name


def test_evaluate_acled_no_event_scores_zero():
    scores = Scores()
    score_acled(_result(None, []), GOLD, scores, Gazetteer())
    figures = scores.figures()
    for name in ("found", "event_type", "sub_event_type", "date_exact", "location_25km", "fatalities_exact", "actor_recall"):
        assert figures[f"events.{name}"]["value"] == 0.0, name
    assert figures["events.found"]["n"] == 1


def test_evaluate_haversine_known_distance():
    # Damascus to Aleppo is about 310 km as the crow flies.
    assert haversine_km(33.5102, 36.29128, 36.20124, 37.16117) == pytest.approx(310, abs=10)


def test_evaluate_cli_missing_or_malformed_gold_file_is_a_coded_error(tmp_path):
    from typer.testing import CliRunner

    from builder.cli import app

    result = CliRunner().invoke(app, ["eval", str(tmp_path / "nowhere.jsonl")])
    assert result.exit_code != 0 and "E010" in result.output and "nowhere.jsonl" in result.output
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "x", "gold": {}}\n{not json\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", str(bad)])
    assert result.exit_code != 0 and "E012" in result.output and "bad.jsonl:2" in result.output


def test_evaluate_relation_of_a_country_acting_as_its_forces_is_scored_on_the_country_name():
    """"Russia shelled Ukraine": the relation holds between the two states' forces, whose only
    words in the sentence are the country names; the scorer must find those spans, not drop it."""
    from builder.evaluate import predicted_relations
    from builder.records import Relation

    text = "Russia shelled Ukraine."
    ev_ru = Evidence("d", text, 0, 0, 6, "Russia", "country_as_actor", 0.95)
    ev_ua = Evidence("d", text, 0, 15, 22, "Ukraine", "country_as_actor", 0.95)
    implied = Evidence("d", text, 0, 0, 22, text[:22], "implied:event_trigger", 0.5)
    entities = [
        Entity("country:RU", "Country", "Russia", country="RU", mentions=[ev_ru]),
        Entity("country:UA", "Country", "Ukraine", country="UA", mentions=[ev_ua]),
        Entity("actor:forces-ru", "StateForce", "Russian Armed Forces", country="RU", mentions=[implied]),
        Entity("actor:forces-ua", "StateForce", "Military Forces of Ukraine", country="UA", mentions=[implied]),
    ]
    rel = Relation("fightingAgainst", "actor:forces-ru", "actor:forces-ua", Evidence("d", text, 0, 0, 22, text[:22], "event_trigger:ShellingArtilleryMissileAttack", 0.7))
    result = DocResult(Document(id="d", text=text), {e.key: e for e in entities}, [rel], [], "UA")
    assert predicted_relations(result) == [RelSpan("FightingAgainst", (0, 6), (15, 22))]


def _plover_target_recall(text: str, entities: list[Entity], event: Event, focus: str, gold_target: str) -> float:
    """roles.target_recall of one document holding ``event``, for one gold target."""
    from builder.evaluate import score_plover

    scores = Scores()
    result = DocResult(Document(id="d", text=text), {e.key: e for e in entities}, [], [event], focus)
    score_plover(result, {"source_actors": [], "target_actors": [gold_target]}, scores, None)
    return scores.figures()["roles.target_recall"]["value"]


def test_evaluate_plover_target_that_is_a_country_acting_as_its_forces():
    """PLOVER's target "Turkey" is matched by the Turkish forces the graph holds as the target,
    named in the text only by the country; forces of a country not named there are not."""
    text = "Russia closed its border with Turkey."
    ev_ru = Evidence("d", text, 0, 0, 6, "Russia", "gazetteer_country", 0.95)
    ev_tr = Evidence("d", text, 0, 29, 35, "Turkey", "gazetteer_country", 0.95)
    implied = Evidence("d", text, 0, 7, 13, "closed", "implied:event_participant", 0.5)
    entities = [
        Entity("country:RU", "Country", "Russia", country="RU", mentions=[ev_ru]),
        Entity("country:TR", "Country", "Turkey", country="TR", mentions=[ev_tr]),
        Entity("actor:forces-ru", "StateForce", "Russian Armed Forces", country="RU", mentions=[implied]),
        Entity("actor:forces-tr", "StateForce", "Turkish Armed Forces", country="TR", mentions=[implied]),
    ]
    for target, expected in (("actor:forces-tr", 1.0), ("actor:forces-ru", 0.0)):
        event = Event(1, "OtherDevelopment", [implied], perpetrators=["actor:forces-ru" if target != "actor:forces-ru" else "actor:forces-tr"], targets=[target])
        assert _plover_target_recall(text, entities, event, "RU", "Turkey") == expected


def test_evaluate_plover_target_that_is_a_place_the_event_was_directed_at():
    """PLOVER codes a town shelled as the target: matched by the event's targeted place, not by
    a place that is only where the event happened."""
    text = "Rebels shelled Juba from Yei."
    ev_juba = Evidence("d", text, 0, 15, 19, "Juba", "gazetteer_place", 0.9)
    ev_yei = Evidence("d", text, 0, 25, 28, "Yei", "gazetteer_place", 0.9)
    trigger = Evidence("d", text, 0, 7, 14, "shelled", "event_trigger:ShellingArtilleryMissileAttack", 0.7)
    entities = [
        Entity("place:t:juba", "PopulatedPlace", "Juba", country="SS", mentions=[ev_juba]),
        Entity("place:t:yei", "PopulatedPlace", "Yei", country="SS", mentions=[ev_yei]),
    ]
    for gold, expected in (("Juba", 1.0), ("Yei", 0.0)):
        event = Event(1, "ShellingArtilleryMissileAttack", [trigger], place="place:t:yei", target_places=["place:t:juba"])
        assert _plover_target_recall(text, entities, event, "SS", gold) == expected


def test_evaluate_plover_targeted_place_also_named_by_a_dyad_still_counts():
    """A town an event was directed at counts as the target even where a clause's dyad names it
    too: the dyad's place is no actor, so it must not shadow the event's targeted place."""
    from builder.evaluate import score_plover
    from builder.records import Interaction

    text = "Rebels shelled Juba."
    ev_juba = Evidence("d", text, 0, 15, 19, "Juba", "gazetteer_place", 0.9)
    trigger = Evidence("d", text, 0, 7, 14, "shelled", "event_trigger:ShellingArtilleryMissileAttack", 0.7)
    juba = Entity("place:t:juba", "PopulatedPlace", "Juba", country="SS", mentions=[ev_juba])
    event = Event(1, "ShellingArtilleryMissileAttack", [trigger], target_places=["place:t:juba"])
    dyad = Interaction("actor:rebels", "place:t:juba", "shell")
    result = DocResult(Document(id="d", text=text), {juba.key: juba}, [], [event], "SS", interactions=[dyad])
    scores = Scores()
    score_plover(result, {"source_actors": [], "target_actors": ["Juba"]}, scores, None)
    assert scores.figures()["roles.target_recall"]["value"] == 1.0


def test_evaluate_weapon_use_is_re3d_in_charge_of_its_holding_belongs_to_and_no_actor():
    """re3d's InChargeOf includes an organisation's weapons: a weapon used is scored as such,
    and a weapon is never matched as an actor."""
    from builder.evaluate import actor_names, predicted_relations
    from builder.records import Relation

    text = "Hamas fired rockets."
    ev_h = Evidence("d", text, 0, 0, 5, "Hamas", "gazetteer_actor", 0.9)
    ev_r = Evidence("d", text, 0, 12, 19, "rockets", "weapon_lexicon", 0.7)
    entities = [Entity("actor:hamas", "JihadistGroup", "Hamas", mentions=[ev_h]), Entity("weapon:rocket", "Weapon", "rocket", mentions=[ev_r])]
    rel = Relation("usesWeapon", "actor:hamas", "weapon:rocket", Evidence("d", text, 0, 0, 19, text[:19], "weapon_use", 0.6))
    result = DocResult(Document(id="d", text=text), {e.key: e for e in entities}, [rel], [], None)
    assert predicted_relations(result) == [RelSpan("InChargeOf", (0, 5), (12, 19))]
    assert [e.key for _, e in actor_names(result)] == ["actor:hamas"]
    held = Relation("holdsWeapon", "actor:hamas", "weapon:rocket", Evidence("d", text, 0, 0, 19, text[:19], "weapon_of_actor", 0.6))
    result = DocResult(Document(id="d", text=text), {e.key: e for e in entities}, [held], [], None)
    assert predicted_relations(result) == [RelSpan("BelongsTo", (0, 5), (12, 19))]


def test_evaluate_acled_location_uses_an_events_own_point():
    """An event placed by a direction ("the southern countryside of Idlib") is scored at its own
    point: 40 km south of the gold point it misses 25 km though its place is on the gold point."""
    from builder.geo import offset

    ev_ = Evidence("d", "x", 0, 0, 1, "x", "r", 1.0)
    idlib = Entity("place:adm1:SY.12", "AdminRegion", "Idlib", lat=GOLD["latitude"], lon=GOLD["longitude"], mentions=[ev_])
    for km, expected in ((0.0, 1.0), (40.0, 0.0)):
        lat, lon = offset(GOLD["latitude"], GOLD["longitude"], 180, km)
        event = Event(1, "AirDroneStrike", [ev_], date(2020, 5, 9), 1, "place:adm1:SY.12", lat=lat, lon=lon)
        scores = Scores()
        score_acled(_result(event, [idlib]), GOLD, scores, Gazetteer())
        assert scores.figures()["events.location_25km"]["value"] == expected
