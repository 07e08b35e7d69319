"""Who uses a weapon, read from the clause that names the use: its doer (a subject shared through
coordination, an adverbial participle or control), never the one who speaks of the use, judges
it, denies it or threatens it. Sentences written for this test, in the styles of wire copy,
encyclopaedia prose and policy analysis."""

import pytest


def _users(result):
    return {(result.entities[x.subject].label, result.entities[x.object].label) for x in result.relations if x.prop == "usesWeapon"}


@pytest.mark.parametrize(
    "text,user,weapon",
    [
        # wire copy
        ("On 3 May, Houthi forces launched ballistic missiles toward the Saudi port of Jazan.", "Ansar Allah", "missile"),
        ("Al-Shabaab militants stormed the hotel in Mogadishu on 3 May, firing rocket-propelled grenades.", "al-Shabaab", "rocket-propelled grenade"),
        # "IS" taken for "is" (a stray passive auxiliary) leaves the verb active: its subject fired
        ("On 3 May, IS fighters fired an RPG at an SDF checkpoint near Hajin.", None, "rocket-propelled grenade"),
        # the accused, the blamed and the one called on do what the gerund says, not the speaker
        ("The United Nations accused the Syrian government of dropping barrel bombs on Aleppo.", "Government of Syria", "barrel bomb"),
        ("Israel blamed Hamas for launching rockets from Gaza on 3 May.", "Hamas", "rocket"),
        ("The Syrian army has been accused of using chlorine gas in Douma.", "Syrian Arab Army", "chemical weapon"),
        # encyclopaedia prose: a noun of use, its owner or its "by" phrase
        ("The Islamic State's use of car bombs in Mosul slowed the Iraqi advance in 2017.", "Islamic State", "vehicle-borne improvised explosive device"),
        ("The use of barrel bombs by the Syrian Arab Army was documented throughout 2014.", "Syrian Arab Army", "barrel bomb"),
        # analysis: a possessive pronoun is the doer of the clause; ceasing presupposes the use
        ("The regime has stepped up its use of barrel bombs over Idlib.", "Syrian Arab Army", "barrel bomb"),
        ("The European Union called on Russia to stop firing missiles at civilian targets.", "Russian Armed Forces", "missile"),
        # the subject of an adjective's clause does what its gerund says
        ("In 2017 the Syrian army was responsible for using sarin in Khan Sheikhoun.", "Syrian Arab Army", "chemical weapon"),
        # "used X to do Y": the user does it, the thing used is its means
        ("In 2016 the Syrian army used helicopters to drop barrel bombs on Daraya.", "Syrian Arab Army", "barrel bomb"),
        # one equipped by another holds what it was given
        ("In 2015 the coalition equipped the Peshmerga with anti-tank missiles.", "Peshmerga", "missile"),
    ],
)
def test_weapon_user_is_the_doer_of_the_clause_of_use(extract, text, user, weapon):
    users = _users(extract(text))
    assert any(w == weapon for _, w in users), users
    if user is not None:
        assert {u for u, w in users if w == weapon} == {user}


@pytest.mark.parametrize(
    "text",
    [
        # a speaker or a judge of the use is no user
        "The United Kingdom condemned the use of chemical weapons in Douma.",
        "The United Kingdom condemned their use of barrel bombs over Idlib.",
        "Human Rights Watch documented the use of cluster munitions in Idlib.",
        # a use denied, threatened or only possible is none
        "Hezbollah denied firing rockets at northern Israel.",
        "Russia denied its use of cluster munitions.",
        "North Korea threatened to use nuclear weapons against South Korea.",
        "If the talks collapse, Hezbollah will fire rockets at Haifa, the group warned.",
    ],
)
def test_no_weapon_user_read_from_a_speaker_a_denial_or_a_threat(extract, text):
    assert _users(extract(text)) == set()


def _controller(words, heads, deps, tags, verb):
    from builder.extraction.frame_phrases import object_controller
    from builder.extraction.lexicon import load_lexicon

    from tests.handbuilt import parsed_doc

    doc = parsed_doc(words, heads, deps, tags)
    reporting = frozenset(load_lexicon().forms("reporting_verbs"))
    return [t.text for t in object_controller(doc[verb], reporting)]


def test_object_control_names_the_doer_of_a_gerund_or_infinitive():
    """Hand-built parses: the object of "blamed X for", the noun of "accused X of", the "on"
    phrase of "called on X to", a passive subject ("was accused of"); not a date after "on",
    and not the verb's subject where it names no other doer ("succeeded in")."""
    # Kyiv blamed Moscow for shelling the plant
    assert _controller(["Kyiv", "blamed", "Moscow", "for", "shelling", "the", "plant"], [1, 1, 1, 1, 3, 6, 4], ["nsubj", "ROOT", "dobj", "prep", "pcomp", "det", "dobj"], ["NNP", "VBD", "NNP", "IN", "VBG", "DT", "NN"], 4) == ["Moscow"]
    # monitors accused the junta of bombing villages
    assert _controller(["monitors", "accused", "the", "junta", "of", "bombing", "villages"], [1, 1, 3, 1, 3, 4, 5], ["nsubj", "ROOT", "det", "dobj", "prep", "pcomp", "dobj"], ["NNS", "VBD", "DT", "NN", "IN", "VBG", "NNS"], 5) == ["junta"]
    # the militia was accused of firing mortars
    assert _controller(["the", "militia", "was", "accused", "of", "firing", "mortars"], [1, 3, 3, 3, 3, 4, 5], ["det", "nsubjpass", "auxpass", "ROOT", "prep", "pcomp", "dobj"], ["DT", "NN", "VBD", "VBN", "IN", "VBG", "NNS"], 5) == ["militia"]
    # Ankara called on the rebels to withdraw
    assert _controller(["Ankara", "called", "on", "the", "rebels", "to", "withdraw"], [1, 1, 1, 4, 2, 6, 1], ["nsubj", "ROOT", "prep", "det", "pobj", "aux", "xcomp"], ["NNP", "VBD", "IN", "DT", "NNS", "TO", "VB"], 6) == ["rebels"]
    # the army succeeded in retaking the town: its own subject acts (no other doer named)
    assert _controller(["the", "army", "succeeded", "in", "retaking", "the", "town"], [1, 2, 2, 2, 3, 6, 4], ["det", "nsubj", "ROOT", "prep", "pcomp", "det", "dobj"], ["DT", "NN", "VBD", "IN", "VBG", "DT", "NN"], 4) == []


def test_a_weapon_user_is_named_by_the_doers_own_phrase(extract):
    """"attacks using car bombs against Iraqi troops": the troops are whom the attacks were
    against, no user; "raids using drones": the raiders named by the light verb used them."""
    users = _users(extract("ISIL launched attacks using car bombs and mortars against Iraqi troops near Mosul."))
    assert not any("Iraq" in u for u, _ in users), users
    assert _users(extract("The Houthis mounted raids using drones on Saudi border posts.")) == {("Ansar Allah", "drone")}
