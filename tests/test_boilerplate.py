"""Boilerplate removal keeps offsets and drops appeals, disclaimers and headlines."""

from __future__ import annotations

from builder.boilerplate import clean

TEXT = (
    "Watch: Militia Convoy Spotted On The Northern Highway\n\n"
    "Government troops recaptured the village of Tell Sultan on Friday.\n\n"
    "---\n\n"
    "Editor's note: use the buttons at the top to share this story with friends.\n\n"
    "DONATE TO THE FRONTLINE DESK:\n\n"
    "Patreon: https://patreon.example/desk or write to desk@example.net\n\n"
    "Disclaimer: the views in this piece belong to its writers; the desk is not responsible for their accuracy.\n"
)


def test_boilerplate_offsets_preserved_and_footer_blanked():
    cleaned = clean(TEXT)
    assert len(cleaned.text) == len(TEXT)
    body = "Government troops recaptured the village of Tell Sultan on Friday."
    start = TEXT.index(body)
    assert cleaned.text[start : start + len(body)] == body
    for word in ("Patreon", "Disclaimer", "share this story", "DONATE", "Watch:"):
        assert word not in cleaned.text
    assert cleaned.title == "Watch: Militia Convoy Spotted On The Northern Highway"


def test_boilerplate_plain_article_untouched():
    text = "Two soldiers were killed in a mine blast outside Jasim on Sunday, residents said."
    assert clean(text).text == text
