"""Tolls the parse tells without a noun of people (builder.extraction.events.casualties.
parsed_count) and a toll sentence that names its event paragraphs later
(builder.extraction.events.sentence._names_an_event). Hand-built parsed sentences written for
these tests (no model), in the styles of wire copy, encyclopaedia prose and analysis."""

from __future__ import annotations

import pytest

from builder.extraction.events.casualties import parsed_count
from builder.extraction.events.sentence import _names_an_event
from builder.extraction.knowledge import load_knowledge
from tests.handbuilt import parsed_sentence


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


TOLD = [
    # wire copy: bodies, whatever is done with them
    (["Rescuers", "pulled", "16", "bodies", "from", "the", "rubble", "."],
     [1, 1, 3, 1, 1, 6, 4, 1],
     ["nsubj", "ROOT", "nummod", "dobj", "prep", "det", "pobj", "punct"],
     ["NNS", "VBD", "CD", "NNS", "IN", "DT", "NN", "."], 16),
    (["Twelve", "bodies", "were", "found", "in", "a", "mass", "grave", "near", "the", "town", "."],
     [1, 3, 3, 3, 3, 7, 7, 4, 7, 10, 8, 3],
     ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "det", "amod", "pobj", "prep", "det", "pobj", "punct"],
     ["CD", "NNS", "VBD", "VBN", "IN", "DT", "JJ", "NN", "IN", "DT", "NN", "."], 12),
    # analysis: a bare number as the dead
    (["An", "official", "said", "15", "had", "been", "killed", "."],
     [1, 2, 2, 6, 6, 6, 2, 2],
     ["det", "nsubj", "ROOT", "nsubjpass", "aux", "auxpass", "ccomp", "punct"],
     ["DT", "NN", "VBD", "CD", "VBD", "VBN", "VBN", "."], 15),
    # encyclopaedia
    (["At", "least", "30", "died", "in", "the", "fighting", "."],
     [1, 2, 3, 3, 3, 6, 4, 3],
     ["advmod", "advmod", "nsubj", "ROOT", "prep", "det", "pobj", "punct"],
     ["RB", "JJS", "CD", "VBD", "IN", "DT", "NN", "."], 30),
    # a verb whose result is death
    (["Gunmen", "hacked", "to", "death", "eleven", "farmers", "."],
     [1, 1, 1, 2, 5, 1, 1],
     ["nsubj", "ROOT", "prep", "pobj", "nummod", "dobj", "punct"],
     ["NNS", "VBD", "IN", "NN", "CD", "NNS", "."], 11),
    (["Two", "women", "were", "stoned", "to", "death", "."],
     [1, 3, 3, 3, 3, 4, 3],
     ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct"],
     ["CD", "NNS", "VBD", "VBN", "IN", "NN", "."], 2),
    # the rank of the dead: feature "A third soldier has died of his wounds."
    (['A', 'third', 'soldier', 'has', 'died', 'of', 'his', 'wounds', '.'],
     [2, 2, 4, 4, 4, 4, 7, 5, 4],
     ['det', 'amod', 'nsubj', 'aux', 'ROOT', 'prep', 'poss', 'pobj', 'punct'],
     ['DT', 'JJ', 'NN', 'VBZ', 'VBN', 'IN', 'PRP$', 'NNS', '.'], 3),
    # wire: "A fourth police officer was killed in the clashes."
    (['A', 'fourth', 'police', 'officer', 'was', 'killed', 'in', 'the', 'clashes', '.'],
     [3, 3, 3, 5, 5, 5, 5, 8, 6, 5],
     ['det', 'amod', 'compound', 'nsubjpass', 'auxpass', 'ROOT', 'prep', 'det', 'pobj', 'punct'],
     ['DT', 'JJ', 'NN', 'NN', 'VBD', 'VBN', 'IN', 'DT', 'NNS', '.'], 4),
]

UNTOLD = [
    # an addition to a toll, not the toll
    (["Rescuers", "recovered", "three", "more", "bodies", "."],
     [1, 1, 4, 4, 1, 1],
     ["nsubj", "ROOT", "nummod", "amod", "dobj", "punct"],
     ["NNS", "VBD", "CD", "JJR", "NNS", "."]),
    # deaths to come
    (["As", "many", "as", "50", "could", "die", "if", "the", "siege", "continues", "."],
     [3, 3, 3, 5, 5, 5, 9, 8, 9, 5, 5],
     ["advmod", "amod", "quantmod", "nsubj", "aux", "ROOT", "mark", "det", "nsubj", "advcl", "punct"],
     ["RB", "JJ", "IN", "CD", "MD", "VB", "IN", "DT", "NN", "VBZ", "."]),
    # bodies that are institutions
    (["Two", "UN", "bodies", "condemned", "the", "attack", "."],
     [2, 2, 3, 3, 5, 3, 3],
     ["nummod", "compound", "nsubj", "ROOT", "det", "dobj", "punct"],
     ["CD", "NNP", "NNS", "VBD", "DT", "NN", "."]),
    # the rank of what killed, not of the dead: analysis "A second bomb killed people near the market."
    (['A', 'second', 'bomb', 'killed', 'people', 'near', 'the', 'market', '.'],
     [2, 2, 3, 3, 3, 3, 7, 5, 3],
     ['det', 'amod', 'nsubj', 'ROOT', 'dobj', 'prep', 'det', 'pobj', 'punct'],
     ['DT', 'JJ', 'NN', 'VBD', 'NNS', 'IN', 'DT', 'NN', '.']),
]


@pytest.mark.parametrize("words,heads,deps,tags,toll", TOLD)
def test_bodies_bare_numbers_of_the_dead_and_deaths_as_a_result_are_tolls(k, words, heads, deps, tags, toll):
    doc, sent = parsed_sentence(words, heads, deps, tags)
    assert parsed_count(k, sent) == toll


@pytest.mark.parametrize("words,heads,deps,tags", UNTOLD)
def test_additions_deaths_to_come_and_bodies_of_an_institution_are_no_toll(k, words, heads, deps, tags):
    doc, sent = parsed_sentence(words, heads, deps, tags)
    assert parsed_count(k, sent) is None


def test_without_a_parse_nothing_is_read(k):
    doc, sent = parsed_sentence("Rescuers pulled 16 bodies from the rubble .".split())
    assert parsed_count(k, sent) is None


def test_a_toll_sentence_naming_its_event_by_a_definite_description_reaches_it(k):
    words = ["The", "toll", "from", "the", "Sunday", "massacre", "rose", "to", "14", "."]
    doc, sent = parsed_sentence(words, [1, 6, 1, 5, 5, 2, 6, 6, 7, 6], ["det", "nsubj", "prep", "det", "compound", "pobj", "ROOT", "prep", "pobj", "punct"], ["DT", "NN", "IN", "DT", "NNP", "NN", "VBD", "IN", "CD", "."])
    assert _names_an_event(doc, k, sent)
    words = ["The", "toll", "rose", "to", "14", "on", "Tuesday", "."]
    doc, sent = parsed_sentence(words, [1, 2, 2, 2, 3, 2, 5, 2], ["det", "nsubj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"], ["DT", "NN", "VBD", "IN", "CD", "IN", "NNP", "."])
    assert not _names_an_event(doc, k, sent)  # only the event of its own paragraph


def test_bodies_counted_in_the_paragraph_after_an_event_are_its_dead_and_not_two_paragraphs_on(k):
    from builder.extraction.events.sentence import _bodies_found_after
    from builder.extraction.facts import new_event

    words = ["Rescuers", "pulled", "16", "bodies", "from", "the", "rubble", "."]
    doc, sent = parsed_sentence(words, [1, 1, 3, 1, 1, 6, 4, 1], ["nsubj", "ROOT", "nummod", "dobj", "prep", "det", "pobj", "punct"], ["NNS", "VBD", "CD", "NNS", "IN", "DT", "NN", "."])
    sent.paragraph = 3
    assert _bodies_found_after(k, sent, new_event(doc, "AirDroneStrike", 2))
    assert not _bodies_found_after(k, sent, new_event(doc, "AirDroneStrike", 1))


@pytest.mark.parametrize(
    "sentence, generic",
    [
        ("Air raids on villages have become an almost daily occurrence .", True),
        ("Drones fly over the town nightly .", True),
        ("A member of the rescue team told the Chindwin Daily .", False),  # a newspaper's name
        ("The Daily Trust reported the attack on Sunday .", False),
    ],
)
def test_daily_and_nightly_are_generic_only_in_lower_case(k, sentence, generic):
    assert bool(k.rx("generic_statement").search(sentence)) is generic


@pytest.mark.parametrize("sentence", ["Nobody was killed in the exchange of fire , police said .", "No one was hurt .", "No-one was wounded in the blast .", "No soldiers were wounded .", "No civilians were reportedly killed in the raid ."])
def test_nobody_killed_is_no_casualty(k, sentence):
    assert k.rx("no_casualties").search(sentence)


@pytest.mark.parametrize(
    "sentence, report",
    [
        ("Four other people, including two women, were wounded.", True),  # wire: a toll after the act
        ("No soldiers were wounded.", True),
        ("Three members of the patrol, all conscripts, were killed.", True),  # feature
        ("No aid has been delivered to the camp since May.", False),
    ],
)
def test_a_sentence_that_only_tells_a_toll(k, sentence, report):
    assert bool(k.rx("casualty_report").match(sentence)) is report


@pytest.mark.parametrize(
    "sentence, toll",
    [
        ("The siege killed 1,200 people , the UN said .", 1200),  # not 1
        ("Clashes killed 12, officials said .", 12),  # a comma after a number is no thousands separator
        ("The strike killed 2,300 soldiers in a week .", 2300),
    ],
)
def test_thousands_written_with_commas_are_read_whole(k, sentence, toll):
    from builder.extraction.events.casualties import count

    assert count(k, sentence, k.src("count_kill_words")) == toll


@pytest.mark.parametrize(
    "sentence, toll",
    [
        ("ADF rebels massacred at least 35 people in Lubero overnight .", 35),
        ("Gunmen slaughtered 12 farmers in Kawuri on Sunday .", 12),
        ("The insurgents beheaded three men near the river , residents said .", 3),
    ],
)
def test_verbs_of_mass_killing_count_the_dead(k, sentence, toll):
    from builder.extraction.events.casualties import count

    assert count(k, sentence, k.src("count_kill_words")) == toll


def test_nobody_wounded_beside_a_killing_keeps_the_dead(k):
    """"Gunmen killed one man; nobody was wounded": no injured, and one dead (not none)."""
    from builder.extraction.events.casualties import casualties
    from builder.records import Event

    doc, sent = parsed_sentence(["Gunmen", "killed", "one", "man", ";", "nobody", "was", "wounded", "."], [1, 7, 3, 1, 7, 7, 7, 7, 7], ["nsubj", "ccomp", "nummod", "dobj", "punct", "nsubjpass", "auxpass", "ROOT", "punct"], ["NNS", "VBD", "CD", "NN", ":", "NN", "VBD", "VBN", "."])
    event = Event(1, "Attack", [])
    casualties(k, sent, event, [])
    assert event.fatalities == 1


@pytest.mark.parametrize(
    "sentence, toll",
    [
        ("A man was beaten to death in Mabayi last week .", 1),  # wire
        ("Three women were burnt to death in their homes .", 3),  # feature
        ("Gunmen hacked to death two farmers .", 2),  # brief
    ],
)
def test_killed_to_death_counts_the_dead(k, sentence, toll):
    from builder.extraction.events.casualties import count

    assert count(k, sentence, k.src("count_kill_words")) == toll
