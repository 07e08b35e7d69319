"""An article tells one attack several times: a date counted from an event it names, a quoted
witness after the lead, a toll told with where a wounded man later died, "his death", "the
aerial attack". Short articles written for these tests in three house styles; the whole
pipeline with the model (slow)."""

from __future__ import annotations

from datetime import date

import pytest

from builder.records import Document


@pytest.fixture(scope="module")
def nlp():
    from builder.nlp import build_pipeline

    return build_pipeline()


def _events(nlp, text: str, published: date):
    from builder.nlp import process

    return next(iter(process(nlp, [Document(id="t", text=text, published=published)]))).events


ANCHORED = [
    # wire: the last dated event before it is the convoy ambush (Tuesday); the text counts from the market attack
    (
        "Gunmen attacked a market in Gao on Monday, killing four traders, officials said.\n\n"
        "On Tuesday, an army convoy was ambushed near Ansongo, and two soldiers were killed.\n\n"
        "Three days after the market was attacked, soldiers raided a hamlet outside Gao, killing two men.",
        date(2024, 3, 14),
        date(2024, 3, 14),  # Monday 11 March + 3
    ),
    # brief: "two days before the X attack" counts back from the event it names
    (
        "Militants stormed a police post in Karak late on Tuesday, killing three policemen.\n\n"
        "Also on Wednesday, troops killed five militants in a raid in Lakki Marwat.\n\n"
        "Two days before the Karak attack, a roadside bomb struck a police van in Bannu, killing one officer.",
        date(2025, 1, 16),
        date(2025, 1, 12),  # Tuesday 14 January - 2
    ),
    # analysis: the event named by its verb's stem ("burned")
    (
        "Insurgents burned the village of Olumbi on Thursday and killed five people.\n\n"
        "On Saturday, soldiers clashed with fighters near Mocimboa da Praia.\n\n"
        "Two days after the village burned, gunmen abducted three fishermen near Quiterajo.",
        date(2024, 10, 22),
        date(2024, 10, 19),  # Thursday 17 October + 2
    ),
]


@pytest.mark.parametrize("text, published, expected", ANCHORED)
def test_a_date_counted_from_a_named_event_counts_from_that_event(nlp, text, published, expected):
    last = text.split("\n\n")[-1]
    event = next(e for e in _events(nlp, text, published) if any(ev.sentence in last for ev in e.evidence))
    assert event.date == expected


QUOTED = [
    (
        "Suspected jihadists shot dead nine farmers in fields outside Bama in Borno state on Sunday, residents said.\n\n"
        "\"They tied some of them up before they started shooting,\" a militia commander told reporters.",
        date(2025, 3, 11),
    ),
    (
        "A car bomb exploded at the gate of an army base in Balad on Sunday, killing five soldiers, an officer said.\n\n"
        "\"The car exploded at the first checkpoint after the guards opened fire on it,\" he said by telephone.",
        date(2025, 8, 4),
    ),
    (
        "Gunmen on motorcycles attacked the village of Tillia on Friday, killing seven people, the mayor said.\n\n"
        "“We heard shooting and ran into the bush,” said a farmer who fled the attack. “When we came back, the houses were burning.”",
        date(2024, 5, 6),
    ),
]


@pytest.mark.parametrize("text, published", QUOTED)
def test_a_witness_quoted_after_the_lead_tells_the_same_event(nlp, text, published):
    assert len(_events(nlp, text, published)) == 1


def test_where_a_wounded_man_later_died_is_not_where_the_attack_was(nlp):
    text = (
        "Explosives dropped from a drone hit the police station in El Plateado, in Argelia municipality of Cauca department, on Monday evening, killing one officer, authorities said.\n\n"
        "A second officer, who suffered shrapnel wounds, died in a hospital in Popayán on Tuesday, bringing the number of dead from the aerial attack to two."
    )
    events = _events(nlp, text, date(2024, 6, 19))
    assert len(events) == 1 and events[0].fatalities == 2 and events[0].date == date(2024, 6, 17)


@pytest.mark.parametrize(
    "follow",
    [
        "His death was the fourth killing of a community leader in Cauca this year, according to the network.",
        "The murder was the fourth of a community leader in Cauca this year, the ombudsman said.",
    ],
)
def test_his_death_or_the_murder_is_the_killing_told(nlp, follow):
    text = "A community leader was shot dead late on Sunday in Balboa, in Cauca department, a local rights group said.\n\n" + follow
    assert len(_events(nlp, text, date(2024, 6, 19))) == 1
