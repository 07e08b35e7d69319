"""Names of armed groups the gazetteers lack, read from the form of the name (the
``unlisted_group_names`` patterns of data/lexicons/actors.json), on Docs built by hand."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Doc

from builder.extraction.knowledge import load_knowledge


@pytest.fixture(scope="module")
def knowledge():
    return load_knowledge(None, False, None)


def _names(knowledge, words: list[str]) -> list[str]:
    doc = Doc(English().vocab, words=words)
    return [doc[s:e].text for _, s, e in knowledge.group_names(doc.vocab)(doc)]


@pytest.mark.parametrize(
    "words, expected",
    [
        ("Liwa Fatemiyoun reinforced the army".split(), "Liwa Fatemiyoun"),
        ("fighters of Jaysh al - Mahdi clashed".split(), "Jaysh al - Mahdi"),
        ("Kata'ib Sayyid al - Shuhada denied it".split(), "Kata'ib Sayyid al - Shuhada"),
        ("he led the 3rd Infantry Regiment until 1914".split(), "3rd Infantry Regiment"),
        ("the Sultan Murad Division shelled villages".split(), "Sultan Murad Division"),
        ("the Justice and Equality Movement attacked".split(), "Justice and Equality Movement"),
        ("The Arakan Liberation Army attacked a post".split(), "Arakan Liberation Army"),
        ("they joined forces as the Army of Conquest in 2015".split(), "Army of Conquest"),
        ("the Brigades of the Martyrs shelled the town".split(), "Brigades of the Martyrs"),
    ],
)
def test_unlisted_group_names_are_read_whole(knowledge, words, expected):
    assert expected in _names(knowledge, words)


@pytest.mark.parametrize(
    "words",
    [
        "the army moved to the front on Monday".split(),  # a lower-case unit noun names no group
        "a brigade of the army".split(),
        "the liwa was empty".split(),
    ],
)
def test_common_nouns_are_no_group_names(knowledge, words):
    assert _names(knowledge, words) == []


def test_an_article_is_no_part_of_a_name(knowledge):
    assert "The Arakan Liberation Army" not in _names(knowledge, "The Arakan Liberation Army attacked".split())


def test_a_line_of_fighting_is_no_group(knowledge):
    assert knowledge.fighting_line("the Western Front")
    assert knowledge.fighting_line("northern front")
    assert not knowledge.fighting_line("the Southern Transitional Council")
    assert not knowledge.fighting_line("the Popular Resistance Front")


@pytest.mark.parametrize(
    "text, country",
    [("Sudan's army retook the town", "Sudan"), ("on Saturday. Mali's armed forces withdrew", "Mali"), ("South Sudan's army", "South Sudan")],
)
def test_a_countrys_forces_by_possessive(knowledge, text, country):
    """"Sudan's army" names the country's forces, as "the Sudanese army" does."""
    found = [m[1] for m in knowledge.country_force_re.finditer(text)]
    assert found == [country]


@pytest.mark.parametrize(
    "text, name",
    [
        ("Joint patrols by the Kenya Defence Forces resumed in Lamu.", "Kenya"),  # wire
        ("The Rwanda Defence Force has been deployed in Cabo Delgado since 2021.", "Rwanda"),  # encyclopaedia
        ("Soldiers of the Ethiopian National Defense Force retook the pass.", "Ethiopian"),  # analysis
    ],
)
def test_a_countrys_name_or_nationality_before_a_force_noun_names_its_forces(knowledge, text, name):
    """"the Kenya Defence Forces", "the Rwanda Defence Force": the country's own name (not only its
    nationality) with a force noun names its forces."""
    assert [m[1] for m in knowledge.force_re.finditer(text)] == [name]


def test_a_country_inside_a_hyphenated_town_name_names_no_forces(knowledge):
    """"the Fort-de-France police station": a town named after a country is no country's force."""
    assert list(knowledge.force_re.finditer("activists gathered near the Fort-de-France police station")) == []


def test_a_groups_possessive_is_no_country_force(knowledge):
    found = [m[1] for m in knowledge.country_force_re.finditer("the Houthis' drones and Hezbollah's fighters")]
    assert all(knowledge.gaz.country_by_name.get(name.lower()) is None for name in found)


@pytest.mark.parametrize(
    "words, expected",
    [
        # wire copy
        ("members of the 400 Mawozo gang kidnapped 17 missionaries".split(), "400 Mawozo gang"),
        # feature
        ("gunmen loyal to the Grand Ravine gang torched homes".split(), "Grand Ravine gang"),
        # analysis
        ("the expansion of the Tren de Aragua gang across the region".split(), "Tren de Aragua gang"),
        ("the Ma'awisley militia held the road".split(), "Ma'awisley militia"),
    ],
)
def test_a_name_before_a_lower_case_gang_noun_is_a_group(knowledge, words, expected):
    """"the Grand Ravine gang": capitalised words (or a number) before "gang", "cartel" or
    "militia" name a group the gazetteers lack."""
    assert expected in _names(knowledge, words)


@pytest.mark.parametrize("text", ["Haitian gangs control the capital", "Local militia fought off the attackers", "rival Salvadoran gangs clashed", "Some gangs fled"])
def test_a_nationality_or_a_determiner_before_a_gang_noun_names_no_group(knowledge, text):
    """A nationality, a state or a word that starts no name ("Haitian gangs", "Local militia")
    is no group's name: the matcher may find the words, the mention rule drops them."""
    from builder.extraction.mentions.cues import _names_no_gang

    doc = Doc(English().vocab, words=text.split())
    found = [doc[s:e] for _, s, e in knowledge.group_names(doc.vocab)(doc)]
    assert all(_names_no_gang(knowledge, span[:-1]) for span in found)


@pytest.mark.parametrize(
    "text, country, name, rebel",
    [
        # wire: the country's name begins a rebellion's name
        ("the Sudan Liberation Movement shelled the town", (1, 2), (1, 4), True),
        # encyclopaedia
        ("the Niger Patriotic Liberation Front was founded in 2023", (1, 2), (1, 5), True),
        # analysis: a state's own bodies keep their country
        ("the Nigeria Police Force said", (1, 2), (1, 4), False),
        ("the Mali Armed Forces said", (1, 2), (1, 4), False),
        # one word after the country is too little to be a rebellion's name
        ("the Syria Resistance said", (1, 2), (1, 3), False),
    ],
)
def test_a_country_only_begins_a_rebellions_name(knowledge, text, country, name, rebel):
    from spacy.tokens import Span

    from builder.extraction.mentions.cues import _starts_rebel_name

    doc = Doc(English().vocab, words=text.split())
    ent = Span(doc, *country, label="COUNTRY")
    assert _starts_rebel_name(knowledge, ent, doc[name[0] : name[1]]) is rebel
