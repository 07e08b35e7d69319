"""Dyads from clause frames: who acts on whom in each clause, whatever its mood.

Event coders of the CAMEO/PLOVER kind code a threat, a plan or a demand as an interaction
between a source and a target ("Iran threatened to close the strait to U.S. ships"); the graph
does not (an act threatened is not an event). :func:`read_interactions` gives every frame's
named agents against its named patients, "against" phrases, destinations and sources, with the
frame's mood, for a caller that codes such dyads (``DocResult.interactions``). A denied clause
and a speaker's "said" give none.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..records import Interaction
from .frames import Frame
from .phrases import PhraseReader

SIDES = ("actor", "country", "person")
TARGETS = ("actor", "country", "person", "place")


def _named(reader: PhraseReader, doc: Doc, heads: list[int], kinds: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for i in heads:
        for named in reader.spread(doc[i], owners=True):
            if named.kind in kinds and named.key not in out:
                out.append(named.key)
    return out


def read_interactions(doc: Doc, frames: list[Frame], reader: PhraseReader) -> list[Interaction]:
    """The dyads of every frame that is not denied and not a report of speech."""
    out: list[Interaction] = []
    seen: set[tuple[str, str, str]] = set()
    for f in frames:
        if f.negated or f.reporting:
            continue
        sources = _named(reader, doc, f.agents, SIDES)
        targets = _named(reader, doc, f.patients + f.opposed + f.destinations + f.sources, TARGETS)
        for s in sources:
            for t in targets:
                if s != t and (s, t, f.lemma) not in seen:
                    seen.add((s, t, f.lemma))
                    out.append(Interaction(s, t, f.lemma, f.modality, doc[f.head].sent.start_char))
    return out
