"""Boilerplate removal keeps offsets and drops appeals, disclaimers and headlines."""

from __future__ import annotations

from builder.boilerplate import clean

TEXT = (
    "Video: Rebels Advance On The Town In The North\n\n"
    "Rebels captured the town of Kafr Nabl on Monday.\n\n"
    "*\n\n"
    "Note to readers: please click the share buttons above.\n\n"
    "SUPPORT EXAMPLE NEWS:\n\n"
    "PayPal: someone@example.org, http://example.org/donate/\n\n"
    "Disclaimer: The contents of this article are of sole responsibility of the author(s).\n"
)


def test_boilerplate_offsets_preserved_and_footer_blanked():
    cleaned = clean(TEXT)
    assert len(cleaned.text) == len(TEXT)
    body = "Rebels captured the town of Kafr Nabl on Monday."
    start = TEXT.index(body)
    assert cleaned.text[start : start + len(body)] == body
    for word in ("PayPal", "Disclaimer", "share buttons", "SUPPORT", "Video:"):
        assert word not in cleaned.text
    assert cleaned.title == "Video: Rebels Advance On The Town In The North"


def test_boilerplate_plain_article_untouched():
    text = "Two soldiers were killed in an IED attack near Daraa on Sunday, local sources said."
    assert clean(text).text == text
