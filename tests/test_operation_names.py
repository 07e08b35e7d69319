"""The name of a military operation is no place, however the model cut it
(builder.extraction.sentences.operation_name). Phrases written for these tests; no model."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    "text, name, operation",
    [
        # wire: the model takes only the last word for a place
        ('three gang members were killed in the clash, part of "Operation Roraima", the minister said', "Roraima", True),
        # analysis: the word inside the mention
        ("troops deployed under Operation Barkhane until 2022", "Operation Barkhane", True),
        # encyclopaedia: "the operation, known as ..."
        ("the joint operation, known as Shujaa, began in 2021", "Shujaa", True),
        # a town after an ordinary word stays a place
        ("soldiers clashed with gang members near Roraima on Tuesday", "Roraima", False),
    ],
)
def test_the_name_of_a_military_operation_is_no_place(text, name, operation):
    from builder.extraction.knowledge import load_knowledge
    from builder.extraction.sentences import operation_name

    start = text.index(name)
    assert operation_name(load_knowledge(None, False, None), text, start, start + len(name)) is operation
