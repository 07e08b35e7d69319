"""Event dates from the event's clause, and statements that are no events (hand-built parsed
docs, no model)."""

from __future__ import annotations

from datetime import date

import pytest

from builder.extraction.events.dating import context_date, sentence_dates
from builder.extraction.events.modality import not_an_event
from builder.extraction.knowledge import load_knowledge
from tests.handbuilt import parsed_sentence

TUESDAY = date(2022, 8, 9)


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _parsed(words, heads, deps, tags, published=TUESDAY):
    """A one-sentence Doc with the given parse (heads are absolute token indices)."""
    return parsed_sentence(words, heads, deps, tags, published)


# "Gunmen raided Olumbe on Sunday , officials said on Tuesday ."
RAID = (
    ["Gunmen", "raided", "Olumbe", "on", "Sunday", ",", "officials", "said", "on", "Tuesday", "."],
    [1, 7, 1, 1, 3, 7, 7, 7, 7, 8, 7],
    ["nsubj", "ccomp", "dobj", "prep", "pobj", "punct", "nsubj", "ROOT", "prep", "pobj", "punct"],
    ["NNS", "VBD", "NNP", "IN", "NNP", ",", "NNS", "VBD", "IN", "NNP", "."],
)


def test_the_events_own_day_not_the_day_it_was_told(k):
    doc, sent = _parsed(*RAID)
    found = sentence_dates(doc, k, sent, None)
    assert [d.value for d in found] == [date(2022, 8, 7)]


def test_a_day_before_a_trailing_attribution_is_the_events_wherever_the_parser_hung_it(k):
    # wire copy: "Drones hit the station , on Sunday , killing two officers , police said ." with
    # "on Sunday" hung on "said", as the parser does where commas part it from the act
    words = ["Drones", "hit", "the", "station", ",", "on", "Sunday", ",", "killing", "two", "officers", ",", "police", "said", "."]
    heads = [1, 13, 3, 1, 13, 13, 5, 13, 13, 10, 8, 13, 13, 13, 13]
    deps = ["nsubj", "ccomp", "det", "dobj", "punct", "prep", "pobj", "punct", "advcl", "nummod", "dobj", "punct", "nsubj", "ROOT", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", ",", "IN", "NNP", ",", "VBG", "CD", "NNS", ",", "NNS", "VBD", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    assert [(d.value, d.precision) for d in sentence_dates(doc, k, sent, None)] == [(date(2022, 8, 7), 1)]


def test_a_reported_day_is_the_date_when_the_text_gives_no_other(k):
    # "Officials said on Tuesday that gunmen raided Olumbe ."
    words = ["Officials", "said", "on", "Tuesday", "that", "gunmen", "raided", "Olumbe", "."]
    heads = [1, 1, 1, 2, 6, 6, 1, 6, 1]
    deps = ["nsubj", "ROOT", "prep", "pobj", "mark", "nsubj", "ccomp", "dobj", "punct"]
    tags = ["NNS", "VBD", "IN", "NNP", "IN", "NNS", "VBD", "NNP", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    assert [(d.value, d.precision) for d in sentence_dates(doc, k, sent, None)] == [(TUESDAY, 2)]  # that day or before


def test_a_deadline_is_no_event_date_and_a_day_after_counts_from_the_anchor(k):
    # "By Monday the toll from the raid had risen , a day after the raid ."
    words = ["By", "Monday", "the", "toll", "had", "risen", ",", "the", "day", "after", "the", "raid", "."]
    heads = [5, 0, 3, 5, 5, 5, 5, 8, 5, 8, 11, 9, 5]
    deps = ["prep", "pobj", "det", "nsubj", "aux", "ROOT", "punct", "det", "npadvmod", "prep", "det", "pobj", "punct"]
    tags = ["IN", "NNP", "DT", "NN", "VBD", "VBN", ",", "DT", "NN", "IN", "DT", "NN", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    assert sentence_dates(doc, k, sent, None) == []
    assert [d.value for d in sentence_dates(doc, k, sent, date(2022, 8, 7))] == [date(2022, 8, 8)]


def test_no_reference_date_leaves_a_weekday_unresolved(k):
    doc, sent = _parsed(*RAID, published=None)
    assert sentence_dates(doc, k, sent, None) == []
    assert context_date(doc, k, sent) is None


@pytest.mark.parametrize(
    "words",
    [
        "Aid workers fear that the fighters could return to the coast .",
        "Further attacks on isolated posts are to be expected .",
        "The town has been hit many times by the insurgents .",
        "He denied that his fighters had been in the town .",
        "The insurgents overran the district capital in March 2021 .",
        # a toll over years: the war's or the insurgency's, no one act
        "Colombia 's armed conflict killed more than 450,000 people between 1985 and 2018 .",
        "From 2014 to 2017 , the militants killed thousands of villagers in the region .",
        "The 2009-2020 insurgency left 35,000 people dead , a United Nations report says .",
        "Analysts say renewed clashes along the river are likely .",
        "A second round of shelling is possible next month .",
        "Farmers in the valley fear more raids by the bandits .",
        "The governor expects fresh attacks on the highway .",
    ],
)
def test_statements_that_tell_no_event(k, words):
    tokens = words.split()
    doc, sent = _parsed(tokens, [0] * len(tokens), ["ROOT"] + ["dep"] * (len(tokens) - 1), ["NN"] * len(tokens))
    assert not_an_event(doc, k, sent, has_day_date=False)


@pytest.mark.parametrize(
    "words",
    [
        "Gunmen attacked the village , killing four people .",
        "It was likely that the gunmen came from the forest .",
    ],
)
def test_likely_of_a_detail_or_fear_of_no_new_act_leaves_the_event(k, words):
    tokens = words.split()
    doc, sent = _parsed(tokens, [0] * len(tokens), ["ROOT"] + ["dep"] * (len(tokens) - 1), ["NN"] * len(tokens))
    assert not not_an_event(doc, k, sent, has_day_date=False)


def test_a_dated_attack_is_an_event(k):
    tokens = "Gunmen attacked the village on 7 August , killing four people .".split()
    doc, sent = _parsed(tokens, [0] * len(tokens), ["ROOT"] + ["dep"] * (len(tokens) - 1), ["NN"] * len(tokens))
    assert not not_an_event(doc, k, sent, has_day_date=True)


def test_a_trigger_in_the_simple_present_states_a_pattern():
    from builder.extraction.events.modality import habitual_present

    # "JNIM isolates posts , then strikes them ."
    words = ["JNIM", "isolates", "posts", ",", "then", "strikes", "them", "."]
    heads = [1, 1, 1, 1, 5, 1, 5, 1]
    deps = ["nsubj", "ROOT", "dobj", "punct", "advmod", "conj", "dobj", "punct"]
    tags = ["NNP", "VBZ", "NNS", ",", "RB", "VBZ", "PRP", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    start = doc.text.index("strikes")
    assert habitual_present(doc, sent, start, start + 7)
    # "JNIM has struck posts ." : a perfect tells an event
    doc, sent = _parsed(["JNIM", "has", "struck", "posts", "."], [2, 2, 2, 2, 2], ["nsubj", "aux", "ROOT", "dobj", "punct"], ["NNP", "VBZ", "VBN", "NNS", "."])
    start = doc.text.index("struck")
    assert not habitual_present(doc, sent, start, start + 6)


def test_the_day_a_wounded_man_died_is_not_the_day_of_the_attack(k):
    # "A fourth soldier died of his wounds on Wednesday ."
    words = ["A", "fourth", "soldier", "died", "of", "his", "wounds", "on", "Wednesday", "."]
    heads = [2, 2, 3, 3, 3, 6, 4, 3, 7, 3]
    deps = ["det", "amod", "nsubj", "ROOT", "prep", "poss", "pobj", "prep", "pobj", "punct"]
    tags = ["DT", "JJ", "NN", "VBD", "IN", "PRP$", "NNS", "IN", "NNP", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    assert sentence_dates(doc, k, sent, None) == []


def test_the_day_one_of_the_wounded_died_is_not_the_day_of_the_attack(k):
    # "One of the wounded reservists died in hospital on Wednesday ."
    words = ["One", "of", "the", "wounded", "reservists", "died", "in", "hospital", "on", "Wednesday", "."]
    heads = [5, 0, 4, 4, 1, 5, 5, 6, 5, 8, 5]
    deps = ["nsubj", "prep", "det", "amod", "pobj", "ROOT", "prep", "pobj", "prep", "pobj", "punct"]
    tags = ["CD", "IN", "DT", "VBN", "NNS", "VBD", "IN", "NN", "IN", "NNP", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    assert sentence_dates(doc, k, sent, None) == []
    words[3] = "young"  # "One of the young reservists died ... on Wednesday": killed that day
    tags[3] = "JJ"
    doc, sent = _parsed(words, heads, deps, tags)
    assert [d.value for d in sentence_dates(doc, k, sent, None)] == [date(2022, 8, 3)]


def test_a_soldier_killed_on_a_day_is_dated_that_day(k):
    # "Rebels killed a soldier on Wednesday ."
    words = ["Rebels", "killed", "a", "soldier", "on", "Wednesday", "."]
    heads = [1, 1, 3, 1, 1, 4, 1]
    deps = ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "punct"]
    tags = ["NNS", "VBD", "DT", "NN", "IN", "NNP", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    assert [d.value for d in sentence_dates(doc, k, sent, None)] == [date(2022, 8, 3)]


def test_the_day_a_source_was_reached_dates_the_statement(k):
    # "An official reached on Tuesday said that rebels raided Olumbe ."
    words = ["An", "official", "reached", "on", "Tuesday", "said", "that", "rebels", "raided", "Olumbe", "."]
    heads = [1, 5, 1, 2, 3, 5, 8, 8, 5, 8, 5]
    deps = ["det", "nsubj", "acl", "prep", "pobj", "ROOT", "mark", "nsubj", "ccomp", "dobj", "punct"]
    tags = ["DT", "NN", "VBN", "IN", "NNP", "VBD", "IN", "NNS", "VBD", "NNP", "."]
    doc, sent = _parsed(words, heads, deps, tags)
    assert [(d.value, d.precision) for d in sentence_dates(doc, k, sent, None)] == [(TUESDAY, 2)]  # that day or before


@pytest.mark.parametrize(
    "words, heads, deps, tags",
    [
        # wire: "One of the dead was a woman who had been wounded in the raid and died at the hospital on Monday ."
        (["One", "of", "the", "dead", "was", "a", "woman", "who", "had", "been", "wounded", "in", "the", "raid", "and", "died", "at", "the", "hospital", "on", "Monday", "."], [4, 0, 3, 1, 4, 6, 4, 10, 10, 10, 6, 10, 13, 11, 10, 10, 15, 18, 16, 15, 19, 4], ["nsubj", "prep", "det", "pobj", "ROOT", "det", "attr", "nsubjpass", "aux", "auxpass", "relcl", "prep", "det", "pobj", "cc", "conj", "prep", "det", "pobj", "prep", "pobj", "punct"], ["CD", "IN", "DT", "JJ", "VBD", "DT", "NN", "WP", "VBD", "VBN", "VBN", "IN", "DT", "NN", "CC", "VBD", "IN", "DT", "NN", "IN", "NNP", "."]),
        # brief: "Two soldiers were injured in the ambush and died in hospital on Friday ."
        (["Two", "soldiers", "were", "injured", "in", "the", "ambush", "and", "died", "in", "hospital", "on", "Friday", "."], [1, 3, 3, 3, 3, 6, 4, 3, 3, 8, 9, 8, 11, 3], ["nummod", "nsubjpass", "auxpass", "ROOT", "prep", "det", "pobj", "cc", "conj", "prep", "pobj", "prep", "pobj", "punct"], ["CD", "NNS", "VBD", "VBN", "IN", "DT", "NN", "CC", "VBD", "IN", "NN", "IN", "NNP", "."]),
    ],
)
def test_wounded_and_then_died_dates_the_death_not_the_attack(k, words, heads, deps, tags):
    doc, sent = _parsed(words, heads, deps, tags)
    assert sentence_dates(doc, k, sent, None) == []


@pytest.mark.parametrize(
    "words, heads, deps, tags, act, dating",
    [
        # feature: "Funeral prayers for the four policemen killed in the Karak raid were offered on Wednesday ." (the prayers' day)
        (["Funeral", "prayers", "for", "the", "four", "policemen", "killed", "in", "the", "Karak", "raid", "were", "offered", "on", "Wednesday", "."], [1, 12, 1, 5, 5, 2, 5, 6, 10, 10, 7, 12, 12, 12, 13, 12], ["compound", "nsubjpass", "prep", "det", "nummod", "pobj", "acl", "prep", "det", "compound", "pobj", "auxpass", "ROOT", "prep", "pobj", "punct"], ["JJ", "NNS", "IN", "DT", "CD", "NNS", "VBN", "IN", "DT", "NNP", "NN", "VBD", "VBN", "IN", "NNP", "."], 10, {"on Wednesday": False}),
        # wire: "Soldiers killed in an ambush near Kidal on Friday were buried on Saturday ." (Friday is the ambush's, Saturday the burial's)
        (["Soldiers", "killed", "in", "an", "ambush", "near", "Kidal", "on", "Friday", "were", "buried", "on", "Saturday", "."], [10, 0, 1, 4, 2, 4, 5, 1, 7, 10, 10, 10, 11, 10], ["nsubjpass", "acl", "prep", "det", "pobj", "prep", "pobj", "prep", "pobj", "auxpass", "ROOT", "prep", "pobj", "punct"], ["NNS", "VBN", "IN", "DT", "NN", "IN", "NNP", "IN", "NNP", "VBD", "VBN", "IN", "NNP", "."], 4, {"on Friday": True, "on Saturday": False}),
        # analysis: "Analysts trace the shift to Nov. 19 , when fighters attacked an army outpost ." (the clause of the date itself)
        (["Analysts", "trace", "the", "shift", "to", "Nov.", "19", ",", "when", "fighters", "attacked", "an", "army", "outpost", "."], [1, 1, 3, 1, 1, 4, 5, 5, 10, 10, 5, 13, 13, 10, 1], ["nsubj", "ROOT", "det", "dobj", "prep", "pobj", "nummod", "punct", "advmod", "nsubj", "relcl", "det", "compound", "dobj", "punct"], ["NNS", "VBP", "DT", "NN", "IN", "NNP", "CD", ",", "WRB", "NNS", "VBD", "DT", "NN", "NN", "."], 10, {"Nov. 19": True}),
    ],
)
def test_a_date_of_the_clause_an_act_is_only_named_in_is_not_the_acts(k, words, heads, deps, tags, act, dating):
    from builder.extraction.events.dating import names_the_act_only

    doc, sent = _parsed(words, heads, deps, tags, published=date(2024, 11, 22))
    found = {d.text: not names_the_act_only(doc, sent, d, doc[act]) for d in sent.dates(date(2024, 11, 22))}
    assert found == dating


@pytest.mark.parametrize(
    "words, heads, deps, tags, expected",
    [
        # wire: "Troops on Tuesday retook Kidal, which rebels had seized on Sunday." (the retaking's day)
        (['Troops', 'on', 'Tuesday', 'retook', 'Kidal', ',', 'which', 'rebels', 'had', 'seized', 'on', 'Sunday', '.'], [3, 3, 1, 3, 3, 4, 9, 9, 9, 4, 9, 10, 3], ['nsubj', 'prep', 'pobj', 'ROOT', 'dobj', 'punct', 'dobj', 'nsubj', 'aux', 'relcl', 'prep', 'pobj', 'punct'], ['NNS', 'IN', 'NNP', 'VBD', 'NNP', ',', 'WDT', 'NNS', 'VBD', 'VBN', 'IN', 'NNP', '.'], [date(2022, 8, 9)]),
        # brief: "Troops retook Kidal, which rebels captured on Sunday." (a simple past keeps its date: it may be the event told)
        (['Troops', 'retook', 'Kidal', ',', 'which', 'rebels', 'captured', 'on', 'Sunday', '.'], [1, 1, 1, 2, 6, 6, 2, 6, 7, 1], ['nsubj', 'ROOT', 'dobj', 'punct', 'dobj', 'nsubj', 'relcl', 'prep', 'pobj', 'punct'], ['NNS', 'VBP', 'NNP', ',', 'WDT', 'NNS', 'VBN', 'IN', 'NNP', '.'], [date(2022, 8, 7)]),
    ],
)
def test_a_date_in_a_past_perfect_relative_clause_is_an_earlier_events(k, words, heads, deps, tags, expected):
    """"which rebels had captured in 2012": background told in the past perfect, not the date of
    the sentence's event where the sentence gives another."""
    doc, sent = _parsed(words, heads, deps, tags)
    assert [d.value for d in sentence_dates(doc, k, sent, None)] == expected


def test_a_past_perfect_relative_clause_dates_the_sentence_only_alone(k):
    # feature: "The port of Adok, which SPLA-IO forces had seized in late September, was retaken."
    doc, sent = _parsed(['The', 'port', 'of', 'Adok', ',', 'which', 'SPLA', '-', 'IO', 'forces', 'had', 'seized', 'in', 'late', 'September', ',', 'was', 'retaken', '.'], [1, 17, 1, 2, 1, 11, 8, 8, 9, 11, 11, 1, 11, 14, 12, 1, 17, 17, 17], ['det', 'nsubjpass', 'prep', 'pobj', 'punct', 'dobj', 'compound', 'punct', 'compound', 'nsubj', 'aux', 'relcl', 'prep', 'amod', 'pobj', 'punct', 'auxpass', 'ROOT', 'punct'], ['DT', 'NN', 'IN', 'NNP', ',', 'WDT', 'NNP', 'HYPH', 'NNP', 'NNS', 'VBD', 'VBN', 'IN', 'JJ', 'NNP', ',', 'VBD', 'VBN', '.'])
    found = sentence_dates(doc, k, sent, None)
    assert [d.text for d in found] == ["late September"]


def test_a_claim_with_only_the_day_of_the_statement_is_dated_by_it(extract):
    """"On 21 October, the army said it had retaken the port": the act happened that day or
    before it (precision 2), as a report dates it."""
    r = extract("On 21 October, the SSPDF said it had retaken the river port of Adok, which SPLA-IO forces had seized in late September.", published=date(2023, 11, 3))
    retaken = [e for e in r.events if e.cls == "GovernmentRegainsTerritory"]
    assert retaken and retaken[0].date == date(2023, 10, 21) and retaken[0].time_precision == 2
