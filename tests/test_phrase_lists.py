"""Who a coordinated phrase names (builder.extraction.phrases.PhraseReader.spread): every item
of a list the parser hung on its first name as an apposition ("FARDC, the FDLR and ... fighters"),
and both owners of a noun whose modifier is coordinated ("Hamas and PIJ fighters"); an
apposition of a common noun stays a description. Hand-built parses of sentences written for these
tests (no model), in wire, encyclopaedia and analysis styles."""

from __future__ import annotations

import pytest

from builder.extraction.knowledge import load_knowledge
from builder.extraction.phrases import MentionAt, PhraseReader, PhraseWords
from tests.handbuilt import parsed_doc


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


def _spread(k, words, heads, deps, tags, named, at):
    doc = parsed_doc(words, heads, deps, tags)
    mentions = [MentionAt(doc[a].idx, doc[b].idx + len(doc[b]), key, kind) for kind, key, a, b in named]
    reader = PhraseReader(doc, mentions, PhraseWords.from_lexicon(k.lex), k.state_of, k.state_forces)
    return [n.key for n in reader.spread(doc[at], owners=True)]


def test_a_list_read_as_an_apposition_names_every_item(k):
    # wire: "FARDC , the FDLR and Nyatura fighters attacked": "the FDLR" hung on FARDC as an apposition
    words = ["FARDC", ",", "the", "FDLR", "and", "Nyatura", "fighters", "attacked"]
    heads = [7, 0, 3, 0, 3, 6, 3, 7]
    deps = ["nsubj", "punct", "det", "appos", "cc", "compound", "conj", "ROOT"]
    tags = ["NNP", ",", "DT", "NNP", "CC", "NNP", "NNS", "VBD"]
    named = [("actor", "actor:fardc", 0, 0), ("actor", "actor:fdlr", 3, 3), ("actor", "actor:nyatura", 5, 5)]
    assert _spread(k, words, heads, deps, tags, named, 0) == ["actor:fardc", "actor:fdlr", "actor:nyatura"]


def test_a_described_name_keeps_its_apposition_as_a_description(k):
    # encyclopaedia: "Madobe , the leader and founder of Ras Kamboni , attacked": one person
    words = ["Madobe", ",", "the", "leader", "and", "founder", "of", "Kamboni", ",", "attacked"]
    heads = [9, 0, 3, 0, 3, 3, 5, 6, 0, 9]
    deps = ["nsubj", "punct", "det", "appos", "cc", "conj", "prep", "pobj", "punct", "ROOT"]
    tags = ["NNP", ",", "DT", "NN", "CC", "NN", "IN", "NNP", ",", "VBD"]
    named = [("person", "person:madobe", 0, 0), ("actor", "actor:ras-kamboni", 7, 7)]
    assert _spread(k, words, heads, deps, tags, named, 0) == ["person:madobe"]


def test_an_apposition_without_a_list_is_no_list(k):
    # analysis: "Hezbollah , the Lebanese movement , attacked": one actor
    words = ["Hezbollah", ",", "the", "Lebanese", "movement", ",", "attacked"]
    heads = [6, 0, 4, 4, 0, 0, 6]
    deps = ["nsubj", "punct", "det", "amod", "appos", "punct", "ROOT"]
    tags = ["NNP", ",", "DT", "JJ", "NN", ",", "VBD"]
    assert _spread(k, words, heads, deps, tags, [("actor", "actor:hezbollah", 0, 0)], 0) == ["actor:hezbollah"]


@pytest.mark.parametrize(
    "words, heads, deps, tags, named, at, expected",
    [
        # wire: "Hamas and PIJ fighters fired": the fighters of both
        (["Hamas", "and", "PIJ", "fighters", "fired"], [3, 0, 0, 4, 4], ["nmod", "cc", "conj", "nsubj", "ROOT"], ["NNP", "CC", "NNP", "NNS", "VBD"], [("actor", "actor:hamas", 0, 0), ("actor", "actor:pij", 2, 2)], 3, ["actor:hamas", "actor:pij"]),
        # encyclopaedia: "MNLA and HCUA positions were shelled": the positions of both
        (["MNLA", "and", "HCUA", "positions", "were", "shelled"], [3, 0, 0, 5, 5, 5], ["compound", "cc", "conj", "nsubjpass", "auxpass", "ROOT"], ["NNP", "CC", "NNP", "NNS", "VBD", "VBN"], [("actor", "actor:mnla", 0, 0), ("actor", "actor:hcua", 2, 2)], 3, ["actor:mnla", "actor:hcua"]),
        # analysis: "ISIS positions": one owner
        (["ISIS", "positions", "were", "shelled"], [1, 3, 3, 3], ["compound", "nsubjpass", "auxpass", "ROOT"], ["NNP", "NNS", "VBD", "VBN"], [("actor", "actor:isis", 0, 0)], 1, ["actor:isis"]),
    ],
)
def test_a_coordinated_owner_owns_the_noun_with_each_item(k, words, heads, deps, tags, named, at, expected):
    assert _spread(k, words, heads, deps, tags, named, at) == expected
