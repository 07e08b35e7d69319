"""What witnesses say happened, told with no date of its own right after an event, describes
that event: "Survivors said about two dozen armed men arrived on motorcycles before dawn and
fired at people" after the lead on a gang's raid is the raid, not a second attack. A sentence
with a day of its own stays an event of its own. Texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest


@pytest.mark.parametrize(
    "text",
    [
        # wire copy
        "KADUNA, Nigeria, Sept 17 - Gunmen stormed the village of Kauru on Thursday, shooting seven people dead, a local official said.\n\n"
        "Survivors said about two dozen armed men arrived on motorcycles before dawn and fired at people as they fled.",
        # feature
        "The attack on Kauru began before dawn on Thursday, when gunmen killed seven farmers in their fields.\n\n"
        "Villagers said the attackers burned granaries and shot at anyone who ran.",
        # brief
        "Gunmen killed seven people in Kauru, Kaduna State, on Thursday.\n\n"
        "Residents told the monitor that the attackers had fired on worshippers leaving a church.",
    ],
)
def test_what_witnesses_say_describes_the_event_told(extract, text):
    r = extract(text, published=date(2024, 9, 17))
    assert len(r.events) == 1, [(e.cls, e.date, e.evidence[0].sentence[:40]) for e in r.events]


def test_witnesses_telling_another_day_tell_another_event(extract):
    r = extract("Gunmen killed five villagers in Zamfara on Monday.\n\nResidents said soldiers later clashed with bandits near Gusau on Wednesday.", published=date(2024, 9, 17))
    assert len(r.events) == 2
