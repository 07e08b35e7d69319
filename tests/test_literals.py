"""The literal gates of regular expressions (builder.literals): the strings read from a
pattern are in every match, and a gate never skips a text the pattern matches."""

from __future__ import annotations

import itertools
import re

from builder.literals import lowered, may_match, required_literals


def test_alternation_needs_a_literal_of_each_branch() -> None:
    rx = re.compile(r"\b(clash\w*|fought|exchange of fire)\b", re.I)
    assert required_literals(rx) == {"clash", "fought", "exchange of fire"}


def test_the_longest_required_run_is_kept() -> None:
    assert required_literals(re.compile(r"\bair ?strikes?\b", re.I)) == {"strike"}
    assert required_literals(re.compile(r"(?:heavy )?shelling on \w+", re.I)) == {"shelling on "}


def test_optional_parts_classes_and_lookarounds_give_nothing() -> None:
    assert required_literals(re.compile(r"(?:mortar)?\d+")) is None
    assert required_literals(re.compile(r"[A-Z]\w+")) is None
    assert required_literals(re.compile(r"(?=raid)\w+")) is None
    assert required_literals(re.compile(r"\b(raid|\w+ed)\b")) == {"raid", "ed"}
    assert required_literals(re.compile(r"\b(raid|\d+ km)\b")) == {"raid", " km"}
    assert required_literals(re.compile(r"\b(raid|[A-Z]\w+)\b")) is None  # one branch has no literal


def test_repeats_of_at_least_one_keep_their_literal() -> None:
    assert required_literals(re.compile(r"(?:bomb)+ing")) == {"bomb"}
    assert required_literals(re.compile(r"(?:convoy){1,3}")) == {"convoy"}


def test_case_is_folded_and_non_ascii_literals_give_nothing() -> None:
    assert required_literals(re.compile(r"Shot DOWN", re.I)) == {"shot down"}
    assert required_literals(re.compile(r"Qu[eé]r[eé]taro|Querétaro")) is None


def test_texts_with_letters_that_fold_to_ascii_are_always_searched() -> None:
    assert lowered("Troops SHELLED the ridge") == "troops shelled the ridge"
    for text in ("The \u017fhelling went on", "K\u0131l\u0131\u00e7 was hit", "\u0130dlib", "a \u212aelvin sign"):
        assert lowered(text) is None
        assert may_match(frozenset({"shelling"}), lowered(text))


def test_a_skipped_text_is_never_one_the_pattern_matches() -> None:
    patterns = [
        r"\b(ambush\w*|raid(?:ed|s)?|stormed)\b",
        r"\bsuicide[- ](bomb\w*|vest)|\bblew (himself|herself) up\b",
        r"\b(?:shot|gunned) down\b",
        r"\b(kidnap\w*|abduct\w*|seized (a|two|\d+) (men|people))\b",
    ]
    texts = [
        "Gunmen ambushed a patrol near the river crossing on Tuesday.",
        "An encyclopaedic note: the militia RAIDED the depot in 1998.",
        "Analysts say the group seized two men and later blew himself up, a contradiction.",
        "The drone was SHOT DOWN over the hills, officials said.",
        "Nothing happened in the valley this week.",
        "Two civilians were kidnapped from a bus, the governor's office said.",
        "ſeized two men",  # a long s: the gate must not decide
    ]
    for source, text in itertools.product(patterns, texts):
        rx = re.compile(source, re.I)
        if not may_match(required_literals(rx), lowered(text)):
            assert rx.search(text) is None, (source, text)
