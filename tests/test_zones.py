"""The document component: sentence boundaries at zones and paragraphs, and which zones are closed
to events (hand-built docs, no model)."""

from __future__ import annotations

from datetime import date

import spacy

from builder.extraction import extensions
from builder.extraction.zones import DocumentComponent, closed_zones, in_closed_zone, reference_date
from builder.records import Document

WIRE = (
    "Gunmen storm a market town in the north\n\n"
    "By Amina Yusuf\n\n"
    "KANO, Nigeria, March 4 (Savannah Wire) - Gunmen on motorcycles stormed the market of Dansadau on Friday, "
    "killing nine traders. Police said the attackers fled into the forest.\n\n"
    "A market stall burned out after the raid (Savannah Wire/Musa Bello)\n\n"
    "(Reporting by Amina Yusuf; Editing by Tom Hale)"
)


def _doc(text: str, published: date | None = None):
    extensions.register()
    nlp = spacy.blank("en")
    doc = nlp.make_doc(text)
    doc._.armedkg_document = Document(id="t", text=text, published=published)
    return DocumentComponent()(doc)


def test_zone_edges_and_paragraphs_start_sentences():
    doc = _doc(WIRE)
    starts = {t.text for t in doc if t.is_sent_start and not t.is_space}
    # the headline, byline, dateline, the story after the dateline, the caption and the credit line
    assert {"Gunmen", "By", "KANO", "A", "("} <= starts
    first_story = next(t for t in doc if t.text == "Gunmen" and t.i > 5)
    assert first_story.is_sent_start


def test_byline_caption_dateline_and_headline_are_closed_but_story_is_not():
    doc = _doc(WIRE)
    kinds = {z.kind for z in closed_zones(doc)}
    assert {"headline", "byline", "dateline", "caption"} <= kinds
    story = WIRE.index("Gunmen on motorcycles")
    assert not in_closed_zone(doc, story, story + 20)
    byline = WIRE.index("By Amina")
    assert in_closed_zone(doc, byline, byline + 14)
    caption = WIRE.index("A market stall")
    assert in_closed_zone(doc, caption, caption + 14)


def test_a_one_line_note_is_all_story():
    doc = _doc("Militants attacked a checkpoint in Gao on 3 May 2022 [size=no report]")
    assert closed_zones(doc) == []


def test_reference_date_comes_from_a_published_line_when_the_record_has_none():
    text = "Published: 14 March 2023\n\nSoldiers were ambushed near Balad on Monday."
    assert reference_date(_doc(text)) == date(2023, 3, 14)
    assert reference_date(_doc(text, published=date(2023, 3, 20))) == date(2023, 3, 20)


def test_a_section_heading_and_a_standfirst_are_closed():
    text = (
        "Rebels return to the villages\n\n"
        "*A week after the massacre, survivors ask why the army came late.*\n\n"
        "Rebels killed nine people in Kisima on Tuesday.\n\n"
        "## The army's answer\n\n"
        "Troops attacked a rebel camp on Thursday."
    )
    doc = _doc(text)
    kinds = {z.kind: z.text for z in closed_zones(doc)}
    assert kinds.get("standfirst", "").startswith("*A week") and kinds.get("heading") == "## The army's answer"
    story = text.index("Troops attacked")
    assert not in_closed_zone(doc, story, story + 15)
