"""Document reading: headline, dateline, bylines, captions, published lines, metadata, reference date."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from builder.document import html_metadata, published_from_metadata, read_document
from builder.readers import iter_documents
from builder.records import Document

ARTICLES = Path(__file__).parent / "fixtures" / "articles"
CHECK = Path(__file__).parent / "fixtures" / "articles_check"  # held-out articles (README there)
EXPECTED = [(ARTICLES, a) for a in json.loads((ARTICLES / "expected.json").read_text(encoding="utf-8"))["articles"]]
EXPECTED += [(CHECK, a) for a in json.loads((CHECK / "expected.json").read_text(encoding="utf-8"))["articles"]]

WIRE = """Gunmen kill 12 in attack on market in Darfur

KHARTOUM, May 3 (Reuters) - Gunmen on motorbikes attacked a market near Nyala on Sunday, killing 12 people, a local official said.

By Tuesday, the official said, the toll had not changed.

By Monday evening the army had sent reinforcements to the area.

(Reporting by Jane Smith; Editing by Tom Brown)
"""

AP_STYLE = """MOGADISHU, Somalia (AP) — A roadside bomb killed three soldiers on Saturday, officials said.

By ABDI GULED and TOM ODULA
"""

SOUTH_ASIAN = """Kabul, 12 March 2023: Two people were killed when a bomb exploded in a mosque in the north of the city on Friday, police said.

The blast happened during prayers."""

FEATURE = """# The road to Goma

*Displaced families wait for the guns to fall silent.*

By Marie Kahindo

Caption: A camp for displaced people near Goma, North Kivu, in 2022.

The M23 rebels shelled the outskirts of Sake on Tuesday, killing four civilians (2/3 of them children, a nurse said).

A man walks past burned shelters in Bulengo camp (AFP/Getty Images)

FILE PHOTO: Congolese soldiers at a checkpoint north of Goma, 3 February 2023.

(Photo: Rebels in Rutshuru. John Doe/Agence Example)

Read more: Rebels close in on Goma
"""

BRIEF = """Conflict Desk | Weekly Bulletin No. 14, 2023

Authors: A. Researcher and B. Analyst

Published: 20 March 2023
Updated: 22 March 2023

Key developments: the army retook two villages near Djibo between 14 and 16 March.
"""


def _zones(text: str, document: Document | None = None) -> dict[str, list[str]]:
    reading = read_document(text, document)
    out: dict[str, list[str]] = {}
    for zone in reading.zones:
        assert text[zone.start : zone.end] == zone.text
        out.setdefault(zone.kind, []).append(zone.text)
    return out


def test_document_wire_copy_dateline_byline_headline():
    reading = read_document(WIRE, Document("w", WIRE, published=date(2023, 5, 3)))
    assert reading.headline == "Gunmen kill 12 in attack on market in Darfur"
    assert reading.dateline is not None
    assert (reading.dateline.place, reading.dateline.date_text, reading.dateline.date, reading.dateline.agency) == ("Khartoum", "May 3", date(2023, 5, 3), "Reuters")
    assert reading.dateline.zone.text == "KHARTOUM, May 3 (Reuters) -"
    zones = _zones(WIRE, Document("w", WIRE, published=date(2023, 5, 3)))
    assert zones["byline"] == ["(Reporting by Jane Smith; Editing by Tom Brown)"]
    assert (reading.reference_date, reading.reference_from) == (date(2023, 5, 3), "document")
    story = WIRE.index("Gunmen on motorbikes")
    assert reading.is_content(story, story + 40)
    assert reading.place_hints[0].text == "Khartoum" and reading.place_hints[0].source == "dateline"


def test_document_time_phrases_starting_with_by_are_story():
    zones = _zones(WIRE)
    assert not any(z.startswith("By Tuesday") or z.startswith("By Monday") for z in zones.get("byline", []))


def test_document_ap_style_dateline_and_capital_byline():
    reading = read_document(AP_STYLE)
    assert reading.dateline is not None
    assert (reading.dateline.place, reading.dateline.region, reading.dateline.agency, reading.dateline.date) == ("Mogadishu", "Somalia", "AP", None)
    assert [z.kind for z in reading.zones] == ["dateline", "byline"]
    assert reading.reference_date is None and reading.reference_from is None


def test_document_dated_dateline_gives_the_reference_date():
    reading = read_document(SOUTH_ASIAN)
    assert reading.dateline is not None and reading.dateline.place == "Kabul"
    assert (reading.reference_date, reading.reference_from) == (date(2023, 3, 12), "dateline")
    assert reading.dateline.zone.text == "Kabul, 12 March 2023:"


def test_document_feature_captions_and_credits():
    zones = _zones(FEATURE)
    assert zones["headline"] == ["# The road to Goma"]
    assert zones["byline"] == ["By Marie Kahindo"]
    assert zones["caption"] == [
        "Caption: A camp for displaced people near Goma, North Kivu, in 2022.",
        "A man walks past burned shelters in Bulengo camp (AFP/Getty Images)",
        "FILE PHOTO: Congolese soldiers at a checkpoint north of Goma, 3 February 2023.",
        "(Photo: Rebels in Rutshuru. John Doe/Agence Example)",
    ]
    assert zones["related"] == ["Read more: Rebels close in on Goma"]
    reading = read_document(FEATURE)
    shelling = FEATURE.index("The M23 rebels shelled")
    assert reading.is_content(shelling, shelling + 100)  # "(2/3 of them children ...)" is no credit


def test_document_brief_masthead_authors_and_published_lines():
    reading = read_document(BRIEF)
    zones = _zones(BRIEF)
    assert zones["masthead"] == ["Conflict Desk | Weekly Bulletin No. 14, 2023"]
    assert zones["byline"] == ["Authors: A. Researcher and B. Analyst"]
    assert zones["published"] == ["Published: 20 March 2023", "Updated: 22 March 2023"]
    assert (reading.reference_date, reading.reference_from) == (date(2023, 3, 20), "published line")  # not the update


def test_document_own_date_wins_over_published_line():
    reading = read_document(BRIEF, Document("b", BRIEF, published=date(2023, 3, 21), metadata={"from": "front matter", "published": "2023-03-21"}))
    assert (reading.reference_date, reading.reference_from) == (date(2023, 3, 21), "front matter")


def test_document_front_matter_place_hints(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: Clashes in Tillaberi\npublished: 2022-06-01\ndateline: NIAMEY, Niger\ncountry: Niger\n---\nSoldiers clashed with militants near Tera on Monday.\n", encoding="utf-8")
    doc = next(iter_documents([path]))
    assert doc.metadata["from"] == "front matter" and doc.metadata["dateline"] == "NIAMEY, Niger"
    reading = read_document(doc.text, doc)
    assert [(h.text, h.source, h.region) for h in reading.place_hints] == [("Niamey", "front matter dateline", "Niger"), ("Niger", "front matter country", None)]
    assert reading.zones == []  # no headline: the only line is story


PAGE = """<!DOCTYPE html><html><head><title>Strike on depot | Example News</title>
<meta property="og:title" content="Strike on depot">
<meta property="article:modified_time" content="2022-10-09T08:00:00Z">
<script type="application/ld+json">{"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
 {"@type": "NewsArticle", "datePublished": "2022-10-07T21:10:00+03:00", "dateline": "ODESA, Ukraine",
  "contentLocation": {"@type": "Place", "name": "Odesa"}}]}</script>
<script type="application/ld+json">{not json</script>
</head><body><header><p>By Ivan Petrenko</p><time datetime="2022-10-07">7 Oct</time></header>
<h1>Strike on depot</h1><p>ODESA, Ukraine — A drone struck a fuel depot on Friday, officials said.</p></body></html>"""


def test_document_html_metadata_reaches_the_document(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = next(iter_documents([path], published=date(2022, 1, 1)))
    assert doc.published == date(2022, 10, 7)  # the page's own date before a batch default
    assert doc.metadata["datePublished"] == "2022-10-07T21:10:00+03:00"
    assert doc.metadata["dateline"] == "ODESA, Ukraine" and doc.metadata["contentLocation"] == "Odesa"
    assert doc.metadata["og:title"] == "Strike on depot" and doc.metadata["time"] == "2022-10-07"
    reading = read_document(doc.text, doc)
    assert reading.headline == "Strike on depot"
    assert (reading.reference_date, reading.reference_from) == (date(2022, 10, 7), "metadata datePublished")
    assert reading.dateline is not None and reading.dateline.place == "Odesa"
    assert [h.source for h in reading.place_hints] == ["dateline"]  # the metadata dateline and location name the same town


@pytest.mark.parametrize(
    "metadata,expected",
    [
        ({"article:published_time": "2022-12-05T06:30:00+00:00", "time": "2022-12-01"}, (date(2022, 12, 5), "article:published_time")),
        ({"time": "2023-10-30"}, (date(2023, 10, 30), "time")),
        ({"date": "5 December 2022"}, (date(2022, 12, 5), "date")),
        ({"article:published_time": "yesterday", "datePublished": "2021-02-30", "time": "2021-03-01"}, (date(2021, 3, 1), "time")),
        ({"article:modified_time": "2022-12-06"}, (None, None)),
    ],
)
def test_document_published_from_metadata(metadata, expected):
    assert published_from_metadata(metadata) == expected


def test_document_html_metadata_survives_junk():
    from bs4 import BeautifulSoup

    soup = BeautifulSoup('<script type="application/ld+json">[[[{"datePublished": 5}]]]</script><meta name="pubdate" content="  "><time datetime="">x</time>', "html.parser")
    assert html_metadata(soup) == {"from": "html"}


@pytest.mark.parametrize("folder, article", EXPECTED, ids=[a["file"] for _, a in EXPECTED])
def test_document_reads_the_test_articles(folder, article):
    doc = next(iter_documents([folder / article["file"]]))
    reading = read_document(doc.text, doc)
    assert reading.reference_date == date.fromisoformat(article["reference_date"])
    assert reading.headline == article["headline"]
    if article["dateline_place"]:
        assert reading.dateline is not None and reading.dateline.place.lower() == article["dateline_place"].lower()
    else:
        assert reading.dateline is None
    for zone in article["not_events"]:
        if zone["zone"] in ("byline", "caption", "dateline", "published", "related") and zone["text"] in doc.text:
            start = doc.text.index(zone["text"])
            found = reading.zone_at(start, start + len(zone["text"]))
            assert found is not None and found.start <= start and found.end >= start + len(zone["text"]), zone["text"]
    for event in article["events"]:
        for phrase in event["mentions"]:
            start = doc.text.index(phrase)
            assert reading.is_content(start, start + len(phrase)), phrase


@pytest.mark.parametrize(
    "line, expected",
    [
        ("October 19, 2023 | 4:12 PM PHT", date(2023, 10, 19)),
        ("Thursday 19 October 2023 08:00 GMT", date(2023, 10, 19)),
        ("Tuesday, 3 May 2022, 10:15 (UTC+3)", date(2022, 5, 3)),
        ("2023-10-19", date(2023, 10, 19)),
    ],
)
def test_document_a_bare_date_line_under_the_headline_is_the_published_line(line, expected):
    text = f"Rebels ambush army patrol in the hills\n\nBy A. Reporter\n\n{line}\n\nRebels ambushed a patrol on Tuesday, the army said.\n"
    reading = read_document(text)
    assert (reading.reference_date, reading.reference_from) == (expected, "published line")
    assert _zones(text)["published"] == [line]


@pytest.mark.parametrize("line", ["Fighting in Tripoli on 14 August 2023", "14 August 2023: clashes resume", "October 2023"])
def test_document_a_story_line_with_a_date_is_no_published_line(line):
    text = f"Clashes in the capital\n\n{line}\n\nThe brigades fought on Monday.\n"
    assert read_document(text).reference_from is None


@pytest.mark.parametrize(
    "text, place, region, when",
    [
        # an incident log: day, month, year, then the district
        ("12 Jan 2025, Masisi: Gunmen attacked a market near Sake. Two killed.", "Masisi", None, date(2025, 1, 12)),
        # a dated brief, month first, with a dash
        ("May 3, 2024, North Kivu - Heavy fighting resumed around the town on Friday, residents said.", "North Kivu", None, date(2024, 5, 3)),
        # a province and, in brackets, the town within it
        ("14 Nov 2024, Sahel (Dori): Militants attacked a convoy escorted by the army.", "Sahel", None, date(2024, 11, 14)),
        # a town and its country
        ("2 February 2023, Kidal, Mali: Drones struck a compound overnight.", "Kidal", "Mali", date(2023, 2, 2)),
    ],
)
def test_document_a_date_first_slug_is_a_dated_dateline(text, place, region, when):
    reading = read_document(text)
    assert reading.dateline is not None
    assert (reading.dateline.place, reading.dateline.region, reading.dateline.date) == (place, region, when)
    assert reading.dateline.agency is None
    assert reading.zones[0].kind == "dateline" and text[reading.zones[0].end :].lstrip(" :-")[:1].isupper()


@pytest.mark.parametrize(
    "text",
    [
        "12 March 2023, the day the town fell, is still marked by a vigil.",  # no place, no colon
        "14 August 2023: clashes resume in the south",  # a date and a colon, no place
        "On 3 May 2024, North Kivu: fighting resumed.",  # an ACLED-style opening is story
    ],
)
def test_document_a_date_opening_a_story_line_is_no_dateline(text):
    assert read_document(text).dateline is None


@pytest.mark.parametrize(
    "head, published",
    [
        ("# Sahel weekly\n\n**Date: 14 November 2024**\n\n", date(2024, 11, 14)),  # a brief's bold date line
        ("# Ceasefire frays\n\n*By Ana Lopes for the Delta Courier · Published 22 October 2024*\n\n", date(2024, 10, 22)),  # byline and date on one line
        ("Clashes in the hills\n\nBy Omar Said | Posted: 3 March 2023\n\n", date(2023, 3, 3)),
        ("# Road war\n\n__Updated: 9 May 2022__\n\n**Published: 8 May 2022**\n\n", date(2022, 5, 8)),  # an update never sets it
    ],
)
def test_document_a_published_date_in_emphasis_or_beside_a_byline_is_the_reference(head, published):
    text = head + "Gunmen attacked a police post on Monday, killing two officers, a local official said.\n"
    reading = read_document(text)
    assert reading.reference_date == published
    assert reading.reference_from == "published line"
    assert "Gunmen attacked" not in " ".join(z.text for z in reading.zones)


@pytest.mark.parametrize(
    "paragraph, heading",
    [
        ("**Roadside bomb near Batibo.** On Tuesday, a bomb hit an army truck on the road.", "**Roadside bomb near Batibo.**"),
        ("__Assault on the gendarmerie.__ Separatists attacked the brigade on Monday.", "__Assault on the gendarmerie.__"),
        ("**Key development:** Fighters of the group seized two villages east of the town.", "**Key development:**"),
    ],
)
def test_document_a_bold_run_in_heading_is_a_heading_and_its_paragraph_story(paragraph, heading):
    text = "# Weekly brief\n\nThree incidents marked the week.\n\n" + paragraph + "\n"
    reading = read_document(text)
    zone = next(z for z in reading.zones if z.kind == "heading")
    assert zone.text == heading
    start = text.index(paragraph) + len(heading)
    assert reading.is_content(start + 1, len(text) - 1)


def test_document_bold_words_inside_a_story_line_are_no_heading():
    text = "# Brief\n\nThe army said **at least five** soldiers died in the attack on Monday.\n\n**Two** villages were burned.\n"
    reading = read_document(text)
    assert not [z for z in reading.zones if z.kind == "heading"]


def test_the_items_of_a_related_list_are_links_not_story():
    text = """Gunmen killed four traders near Kindia on Sunday, police said.

Related coverage:
- Guinea's junta dissolves dozens of political parties
- Conakry traders shut shops in protest over fuel prices

Police said no arrests had been made.
- A list item after story text stays story text
"""
    zones = _zones(text)
    assert zones["related"] == [
        "Related coverage:",
        "- Guinea's junta dissolves dozens of political parties",
        "- Conakry traders shut shops in protest over fuel prices",
    ]
    reading = read_document(text)
    item = text.index("- A list item")
    assert reading.is_content(item, item + 20)


def test_a_picture_and_the_line_under_it_are_a_caption():
    text = """# Hills of unease

Gunmen abducted two labourers on the road on Monday, police said.

![Workers on the road](road.jpg)
<small>Workers lay bricks on the road. Two labourers were kidnapped near here this month. (Delta Weekly/S. Tripura)</small>

Police said the army had joined the search.
"""
    zones = _zones(text)
    assert zones["caption"] == ["![Workers on the road](road.jpg)", "<small>Workers lay bricks on the road. Two labourers were kidnapped near here this month. (Delta Weekly/S. Tripura)</small>"]
    reading = read_document(text)
    after = text.index("Police said the army")
    assert reading.is_content(after, after + 20)


@pytest.mark.parametrize(
    "first",
    [
        "Donetsk region",  # a section label (kicker) above the headline
        "Orinoco Report | Venezuela | Mining Arc",  # a site's links
    ],
)
def test_document_the_title_under_a_section_label_is_the_headline(first):
    title = "Shelling kills three in New York as guided bombs hit Kostiantynivka"
    text = f"{first}\n\n{title}\n\nRussian artillery shelled the town on Tuesday, killing two civilians."
    reading = read_document(text, Document(id="d", text=text, title=title))
    assert reading.headline == title
    assert [z.kind for z in reading.zones if z.text == title] == ["headline"]


@pytest.mark.parametrize(
    "head, expected, source",
    [
        # wire copy with only an update stamp under the byline
        ("By Kwame Mensah\nUpdated February 11, 2025 14:20 GMT", date(2025, 2, 11), "updated line"),
        # a published line wins over the update
        ("By Kwame Mensah\nPublished 10 February 2025 · Updated February 11, 2025 14:20 GMT", date(2025, 2, 10), "published line"),
    ],
)
def test_document_an_update_stamp_dates_a_story_that_gives_no_publication(head, expected, source):
    text = f"Gunmen kill five in northern Ghana\n\n{head}\n\nBAWKU, Ghana (Agency) - Gunmen killed five people on Sunday, police said."
    reading = read_document(text, Document(id="d", text=text))
    assert (reading.reference_date, reading.reference_from) == (expected, source)
