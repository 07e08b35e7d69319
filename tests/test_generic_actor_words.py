"""A generic actor word ("militants", "gunmen") right after a named actor is that actor's
("Islamic State militants"), but only on the same line: a headline's last name owns nothing of
the next paragraph (builder.extraction.mentions.generic). Hand-built documents, no model."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from builder.extraction.extensions import ext
from builder.extraction.knowledge import load_knowledge
from builder.extraction.mentions.generic import _generic
from builder.extraction.state import Mention
from tests.handbuilt import parsed_doc


@pytest.fixture(scope="module")
def k():
    return load_knowledge(None, False, None)


@pytest.mark.parametrize(
    "words, spaces, owned",
    [
        # wire: "Islamic State militants attacked" -> the militants are Islamic State's
        (["Islamic", "State", "militants", "attacked"], [True, True, True, False], True),
        # html page: a headline ending in a name, then the story's first paragraph
        (["Troops", "clash", "with", "Islamic", "State", "\n\n", "militants", "attacked"], [True, True, True, True, False, False, True, False], False),
    ],
)
def test_a_generic_word_after_a_name_is_its_actor_only_on_the_same_line(k, words, spaces, owned):
    doc = parsed_doc(words, spaces=spaces)
    at = words.index("Islamic")
    name = doc[at : at + 2]
    ext(doc, "armedkg_mentions").append(Mention("actor:islamic-state", name.start_char, name.end_char, name.text, "actor", "test", 0.9))
    noun = words.index("militants")
    doc.ents = [Span(doc, noun, noun + 1, label="GENERIC_ACTOR", span_id="actor:unidentified-armed-group")]
    ent = doc.ents[0]
    _generic(doc, k, ent)
    mention = ext(doc, "armedkg_mentions")[0]
    assert (mention.end == ent.end_char) is owned
