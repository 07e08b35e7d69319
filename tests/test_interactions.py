"""Dyads of event coders read from clause frames (builder.extraction.interactions): the one a
coercive verb of saying is aimed at, what an object is imposed on, the other side of a border,
a capital and a nationality standing for a state, both sides of a symmetric predicate.
Hand-built parsed sentences written for these tests (no model), in wire, encyclopaedia and
analysis styles."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from builder.extraction.frames import ClauseWords, read_frames
from builder.extraction.interactions import DyadWords, read_interactions
from builder.extraction.knowledge import load_knowledge
from builder.extraction.phrases import MentionAt, PhraseReader, PhraseWords
from builder.records import Entity
from tests.handbuilt import parsed_doc


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _dyads(k, words, heads, deps, tags, named, numbers=()):
    """The (source, target) pairs of a hand-built sentence; ``named``: (kind, key, first word,
    last word) of each mention; ``numbers``: the words the model would call a CARDINAL."""
    doc = parsed_doc(words, heads, deps, tags)
    doc.ents = [Span(doc, i, i + 1, label="CARDINAL") for i in numbers]
    mentions = [MentionAt(doc[a].idx, doc[b].idx + len(doc[b]), key, kind) for kind, key, a, b in named]
    reader = PhraseReader(doc, mentions, PhraseWords.from_lexicon(k.lex), k.state_of, k.state_forces)
    frames = read_frames(doc, ClauseWords.from_lexicon(k.lex))
    dyads, _ = read_interactions(doc, frames, reader, DyadWords.from_lexicon(k.lex))
    return {(d.source, d.target) for d in dyads}


def test_the_one_warned_is_the_target_though_warn_reports_speech(k):
    # wire copy: "China warned Taiwan that it would respond ."
    words = ["China", "warned", "Taiwan", "that", "it", "would", "respond", "."]
    heads = [1, 1, 1, 6, 6, 6, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "mark", "nsubj", "aux", "ccomp", "punct"]
    tags = ["NNP", "VBD", "NNP", "IN", "PRP", "MD", "VB", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:CN", 0, 0), ("country", "country:TW", 2, 2)])
    assert ("country:CN", "country:TW") in dyads


def test_the_subject_of_what_is_demanded_is_the_target(k):
    # analysis: "Pakistan demanded that India withdraw ."
    words = ["Pakistan", "demanded", "that", "India", "withdraw", "."]
    heads = [1, 1, 4, 4, 1, 1]
    deps = ["nsubj", "ROOT", "mark", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "VBD", "IN", "NNP", "VB", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:PK", 0, 0), ("country", "country:IN", 3, 3)])
    assert dyads == {("country:PK", "country:IN")}


def test_a_plain_report_of_speech_aims_at_nobody(k):
    # wire copy: "Iran told Reuters that talks went well ." (the one told is no target)
    words = ["Iran", "told", "Reuters", "that", "talks", "went", "well", "."]
    heads = [1, 1, 1, 5, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "dobj", "mark", "nsubj", "ccomp", "advmod", "punct"]
    tags = ["NNP", "VBD", "NNP", "IN", "NNS", "VBD", "RB", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:IR", 0, 0), ("actor", "actor:reuters", 2, 2)])
    assert dyads == set()


def test_what_an_object_is_imposed_on(k):
    # encyclopaedia: "In 1973 the producers imposed an embargo on the Netherlands ."
    words = ["In", "1973", "the", "producers", "imposed", "an", "embargo", "on", "the", "Netherlands", "."]
    heads = [4, 0, 3, 4, 4, 6, 4, 6, 9, 7, 4]
    deps = ["prep", "pobj", "det", "nsubj", "ROOT", "det", "dobj", "prep", "det", "pobj", "punct"]
    tags = ["IN", "CD", "DT", "NNS", "VBD", "DT", "NN", "IN", "DT", "NNP", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("actor", "actor:producers", 2, 3), ("country", "country:NL", 9, 9)])
    assert dyads == {("actor:producers", "country:NL")}


def test_a_measure_declared_in_a_country(k):
    # wire copy: "The junta declared martial law in Haiti ."
    words = ["The", "junta", "declared", "martial", "law", "in", "Haiti", "."]
    heads = [1, 2, 2, 4, 2, 4, 5, 2]
    deps = ["det", "nsubj", "ROOT", "amod", "dobj", "prep", "pobj", "punct"]
    tags = ["DT", "NN", "VBD", "JJ", "NN", "IN", "NNP", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("actor", "actor:junta", 0, 1), ("country", "country:HT", 6, 6)])
    assert ("actor:junta", "country:HT") in dyads


def test_a_capital_acts_for_its_state_and_a_nationality_names_a_state_not_its_forces(k):
    # wire copy: "Moscow expelled two Polish diplomats ."
    words = ["Moscow", "expelled", "two", "Polish", "diplomats", "."]
    heads = [1, 1, 4, 4, 1, 1]
    deps = ["nsubj", "ROOT", "nummod", "amod", "dobj", "punct"]
    tags = ["NNP", "VBD", "CD", "JJ", "NNS", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("place", "place:moscow", 0, 0)])
    assert dyads == {("country:RU", "country:PL")}


def test_a_nationality_before_a_force_noun_is_still_that_state_s_forces(k):
    # analysis: "Turkey shelled Syrian troops ." -> the Syrian forces, not the state
    words = ["Turkey", "shelled", "Syrian", "troops", "."]
    heads = [1, 1, 3, 1, 1]
    deps = ["nsubj", "ROOT", "amod", "dobj", "punct"]
    tags = ["NNP", "VBD", "JJ", "NNS", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:TR", 0, 0)])
    assert dyads == {("country:TR", k.state_forces("SY"))}


def test_the_state_across_a_border(k):
    # analysis: "Ethiopia massed troops along its border with Eritrea ."
    words = ["Ethiopia", "massed", "troops", "along", "its", "border", "with", "Eritrea", "."]
    heads = [1, 1, 1, 1, 5, 3, 5, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "poss", "pobj", "prep", "pobj", "punct"]
    tags = ["NNP", "VBD", "NNS", "IN", "PRP$", "NN", "IN", "NNP", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:ET", 0, 0), ("country", "country:ER", 7, 7)])
    assert ("country:ET", "country:ER") in dyads
    assert ("country:ET", "country:ET") not in dyads


def test_a_name_in_apposition_to_the_object(k):
    # encyclopaedia: "The government ordered the newspaper La Prensa to close ."
    words = ["The", "government", "ordered", "the", "newspaper", "La", "Prensa", "to", "close", "."]
    heads = [1, 2, 2, 4, 2, 6, 4, 8, 2, 2]
    deps = ["det", "nsubj", "ROOT", "det", "dobj", "compound", "appos", "aux", "xcomp", "punct"]
    tags = ["DT", "NN", "VBD", "DT", "NN", "NNP", "NNP", "TO", "VB", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("actor", "actor:government", 0, 1), ("actor", "actor:la-prensa", 5, 6)])
    assert ("actor:government", "actor:la-prensa") in dyads


def test_a_symmetric_clash_gives_both_directions(k):
    # wire copy: "Government forces clashed with the rebels ."
    words = ["Government", "forces", "clashed", "with", "the", "rebels", "."]
    heads = [1, 2, 2, 2, 5, 3, 2]
    deps = ["compound", "nsubj", "ROOT", "prep", "det", "pobj", "punct"]
    tags = ["NN", "NNS", "VBD", "IN", "DT", "NNS", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("actor", "actor:army", 0, 1), ("actor", "actor:rebels", 4, 5)])
    assert dyads == {("actor:army", "actor:rebels"), ("actor:rebels", "actor:army")}


def test_a_denied_act_gives_no_dyad(k):
    # analysis: "Kenya did not impose sanctions on Somalia ."
    words = ["Kenya", "did", "not", "impose", "sanctions", "on", "Somalia", "."]
    heads = [3, 3, 3, 3, 3, 4, 5, 3]
    deps = ["nsubj", "aux", "neg", "ROOT", "dobj", "prep", "pobj", "punct"]
    tags = ["NNP", "VBD", "RB", "VB", "NNS", "IN", "NNP", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:KE", 0, 0), ("country", "country:SO", 6, 6)])
    assert dyads == set()



def test_whom_a_number_counts(k):
    # wire copy: "Tanzania expelled thousands of Rwandan refugees ."
    words = ["Tanzania", "expelled", "thousands", "of", "Rwandan", "refugees", "."]
    heads = [1, 1, 1, 2, 5, 3, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "amod", "pobj", "punct"]
    tags = ["NNP", "VBD", "NNS", "IN", "JJ", "NNS", "."]
    doc_ents = [("country", "country:TZ", 0, 0)]
    dyads = _dyads(k, words, heads, deps, tags, doc_ents, numbers=[2])
    assert dyads == {("country:TZ", "country:RW")}


def test_the_one_a_threat_is_conditioned_on(k):
    # analysis: "Libya threatened to boycott the summit unless Egypt apologised ."
    words = ["Libya", "threatened", "to", "boycott", "the", "summit", "unless", "Egypt", "apologised", "."]
    heads = [1, 1, 3, 1, 5, 3, 8, 8, 3, 1]
    deps = ["nsubj", "ROOT", "aux", "xcomp", "det", "dobj", "mark", "nsubj", "advcl", "punct"]
    tags = ["NNP", "VBD", "TO", "VB", "DT", "NN", "IN", "NNP", "VBD", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:LY", 0, 0), ("country", "country:EG", 7, 7)])
    assert ("country:LY", "country:EG") in dyads


def test_a_condition_of_a_plain_act_names_no_target(k):
    # encyclopaedia: "Libya left the summit because Egypt objected ." -> no threat, no dyad
    words = ["Libya", "left", "the", "summit", "because", "Egypt", "objected", "."]
    heads = [1, 1, 3, 1, 6, 6, 1, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "mark", "nsubj", "advcl", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "IN", "NNP", "VBD", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:LY", 0, 0), ("country", "country:EG", 5, 5)])
    assert ("country:LY", "country:EG") not in dyads


def test_who_holds_what_is_acted_on(k):
    # encyclopaedia: "Troops dispersed a march by the Awami League ."
    words = ["Troops", "dispersed", "a", "march", "by", "the", "Awami", "League", "."]
    heads = [1, 1, 3, 1, 3, 7, 7, 4, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "det", "compound", "pobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "IN", "DT", "NNP", "NNP", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("actor", "actor:troops", 0, 0), ("actor", "actor:awami-league", 6, 7)])
    assert dyads == {("actor:troops", "actor:awami-league")}


def test_sides_of_a_clash_named_on_the_verb_it_is_subject_of(k):
    # wire copy: "Fighting broke out between Ethiopian and Eritrean troops ."
    words = ["Fighting", "broke", "out", "between", "Ethiopian", "and", "Eritrean", "troops", "."]
    heads = [1, 1, 1, 1, 7, 4, 4, 3, 1]
    deps = ["nsubj", "ROOT", "prt", "prep", "amod", "cc", "conj", "pobj", "punct"]
    tags = ["NN", "VBD", "RP", "IN", "JJ", "CC", "JJ", "NNS", "."]
    et, er = k.state_forces("ET"), k.state_forces("ER")
    assert _dyads(k, words, heads, deps, tags, []) == {(et, er), (er, et)}


def test_two_named_sides_of_a_clash_between_them(k):
    # encyclopaedia: "Clashes erupted between Hamas and Fatah ."
    words = ["Clashes", "erupted", "between", "Hamas", "and", "Fatah", "."]
    heads = [1, 1, 1, 2, 3, 3, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "cc", "conj", "punct"]
    tags = ["NNS", "VBD", "IN", "NNP", "CC", "NNP", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("actor", "actor:hamas", 3, 3), ("actor", "actor:fatah", 5, 5)])
    assert dyads == {("actor:hamas", "actor:fatah"), ("actor:fatah", "actor:hamas")}


def test_a_verb_that_is_no_clash_pairs_nobody(k):
    # analysis: "Talks began between Hamas and Fatah ." -> no hostile pair
    words = ["Talks", "began", "between", "Hamas", "and", "Fatah", "."]
    heads = [1, 1, 1, 2, 3, 3, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "cc", "conj", "punct"]
    tags = ["NNS", "VBD", "IN", "NNP", "CC", "NNP", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("actor", "actor:hamas", 3, 3), ("actor", "actor:fatah", 5, 5)])
    assert dyads == set()


def test_whom_a_number_counts_as_the_subject_of_a_passive(k):
    # encyclopaedia: "Hundreds of Rohingya villagers were expelled by Myanmar ."
    words = ["Hundreds", "of", "Rohingya", "villagers", "were", "expelled", "by", "Myanmar", "."]
    heads = [5, 0, 3, 1, 5, 5, 5, 6, 5]
    deps = ["nsubjpass", "prep", "compound", "pobj", "auxpass", "ROOT", "agent", "pobj", "punct"]
    tags = ["NNS", "IN", "NNP", "NNS", "VBD", "VBN", "IN", "NNP", "."]
    named = [("country", "country:MM", 7, 7), ("actor", "actor:rohingya", 2, 2)]
    dyads = _dyads(k, words, heads, deps, tags, named, numbers=[0])
    assert dyads == {("country:MM", "actor:rohingya")}


def test_where_a_place_lies_off_a_coast(k):
    # analysis: "China sent warships to the waters off Taiwan ."
    words = ["China", "sent", "warships", "to", "the", "waters", "off", "Taiwan", "."]
    heads = [1, 1, 1, 1, 5, 3, 5, 6, 1]
    deps = ["nsubj", "ROOT", "dobj", "prep", "det", "pobj", "prep", "pobj", "punct"]
    tags = ["NNP", "VBD", "NNS", "IN", "DT", "NNS", "IN", "NNP", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:CN", 0, 0), ("country", "country:TW", 7, 7)])
    assert ("country:CN", "country:TW") in dyads


def test_a_seat_of_government_acts_for_its_state(k):
    # wire copy: "Downing Street warned Iran ." (no mention: the name is read from the parse)
    words = ["Downing", "Street", "warned", "Iran", "."]
    heads = [1, 2, 2, 2, 2]
    deps = ["compound", "nsubj", "ROOT", "dobj", "punct"]
    tags = ["NNP", "NNP", "VBD", "NNP", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:IR", 3, 3)])
    assert dyads == {("country:GB", "country:IR")}


def test_coordinated_sides_of_a_battle_fight_each_other(k):
    # encyclopaedia: "Hamas and Fatah fought a brief war ."
    words = ["Hamas", "and", "Fatah", "fought", "a", "brief", "war", "."]
    heads = [3, 0, 0, 3, 6, 6, 3, 3]
    deps = ["nsubj", "cc", "conj", "ROOT", "det", "amod", "dobj", "punct"]
    tags = ["NNP", "CC", "NNP", "VBD", "DT", "JJ", "NN", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("actor", "actor:hamas", 0, 0), ("actor", "actor:fatah", 2, 2)])
    assert dyads == {("actor:hamas", "actor:fatah"), ("actor:fatah", "actor:hamas")}


def test_coordinated_subjects_of_an_act_that_is_not_symmetric_are_not_paired(k):
    # analysis: "Hamas and Fatah signed a deal ."
    words = ["Hamas", "and", "Fatah", "signed", "a", "deal", "."]
    heads = [3, 0, 0, 3, 5, 3, 3]
    deps = ["nsubj", "cc", "conj", "ROOT", "det", "dobj", "punct"]
    tags = ["NNP", "CC", "NNP", "VBD", "DT", "NN", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("actor", "actor:hamas", 0, 0), ("actor", "actor:fatah", 2, 2)])
    assert dyads == set()


def test_a_nationality_before_an_act_of_force_is_that_state_s_forces(k):
    # encyclopaedia: "The Iraqi invasion of Kuwait began in 1990 ."
    words = ["The", "Iraqi", "invasion", "of", "Kuwait", "began", "in", "1990", "."]
    heads = [2, 2, 5, 2, 3, 5, 5, 6, 5]
    deps = ["det", "amod", "nsubj", "prep", "pobj", "ROOT", "prep", "pobj", "punct"]
    tags = ["DT", "JJ", "NN", "IN", "NNP", "VBD", "IN", "CD", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:KW", 4, 4)])
    assert dyads == {(k.state_forces("IQ"), "country:KW")}


def test_a_nationality_before_a_noun_of_no_act_acts_for_nobody(k):
    # analysis: "Iraqi diplomats visited Kuwait ." (the state acts, not its forces)
    words = ["Iraqi", "diplomats", "visited", "Kuwait", "."]
    heads = [1, 2, 2, 2, 2]
    deps = ["amod", "nsubj", "ROOT", "dobj", "punct"]
    tags = ["JJ", "NNS", "VBD", "NNP", "."]
    dyads = _dyads(k, words, heads, deps, tags, [("country", "country:KW", 3, 3)])
    assert dyads == {("country:IQ", "country:KW")}


def test_a_side_named_twice_is_read_at_both_words(k):
    # wire copy: "Israel imposed a closure on Ramallah and Jenin ." -> Palestine, named by both towns
    words = ["Israel", "imposed", "a", "closure", "on", "Ramallah", "and", "Jenin", "."]
    heads = [1, 1, 3, 1, 3, 4, 5, 5, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "cc", "conj", "punct"]
    tags = ["NNP", "VBD", "DT", "NN", "IN", "NNP", "CC", "NNP", "."]
    doc = parsed_doc(words, heads, deps, tags)
    named = [("country", "country:IL", 0, 0), ("place", "place:ramallah", 5, 5), ("place", "place:jenin", 7, 7)]
    mentions = [MentionAt(doc[a].idx, doc[b].idx + len(doc[b]), key, kind) for kind, key, a, b in named]
    reader = PhraseReader(doc, mentions, PhraseWords.from_lexicon(k.lex), k.state_of, k.state_forces)
    for town in ("ramallah", "jenin"):
        doc._.armedkg_entities[f"place:{town}"] = Entity(f"place:{town}", "PopulatedPlace", town.title(), country="PS")
    dyads, sides = read_interactions(doc, read_frames(doc, ClauseWords.from_lexicon(k.lex)), reader, DyadWords.from_lexicon(k.lex))
    assert ("country:IL", "country:PS") in {(d.source, d.target) for d in dyads}
    assert {doc[n.token].text for n in sides if n.key == "country:PS"} == {"Ramallah", "Jenin"}


def test_the_one_told_to_act_is_the_target_and_the_one_told_a_fact_is_not(k):
    # wire copy: "Egypt told Hamas to stop ." / "Egypt told Reuters that Hamas stopped ."
    words = ["Egypt", "told", "Hamas", "to", "stop", "."]
    heads = [1, 1, 1, 4, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "aux", "xcomp", "punct"]
    tags = ["NNP", "VBD", "NNP", "TO", "VB", "."]
    named = [("country", "country:EG", 0, 0), ("actor", "actor:hamas", 2, 2)]
    assert ("country:EG", "actor:hamas") in _dyads(k, words, heads, deps, tags, named)
    words = ["Egypt", "told", "Reuters", "that", "Hamas", "stopped", "."]
    heads = [1, 1, 1, 5, 5, 1, 1]
    deps = ["nsubj", "ROOT", "dobj", "mark", "nsubj", "ccomp", "punct"]
    tags = ["NNP", "VBD", "NNP", "IN", "NNP", "VBD", "."]
    named = [("country", "country:EG", 0, 0), ("actor", "actor:reuters", 2, 2), ("actor", "actor:hamas", 4, 4)]
    assert _dyads(k, words, heads, deps, tags, named) == set()
