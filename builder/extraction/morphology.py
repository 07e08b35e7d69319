"""Inflections of the lemmas the lexicons list.

The build leaves spaCy's lemmatizer out (a fifth of the model's time), so a rule that names
"attack" must also know "attacks", "attacked" and "attacking". :func:`inflect` makes the regular
forms of English verbs and nouns by rule and adds the irregular ones of the lexicon
(``irregular_forms`` in ``data/lexicons/morphology.json``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

_VOWELS = "aeiou"


def _double_final(word: str) -> bool:
    """Whether the final consonant doubles before -ed/-ing ("stop" -> "stopped"): a short word
    ending consonant-vowel-consonant, the last not w, x or y."""
    return (
        len(word) >= 3
        and len(word) <= 4
        and word[-1] not in _VOWELS + "wxy"
        and word[-2] in _VOWELS
        and word[-3] not in _VOWELS
    )


def regular_forms(lemma: str) -> set[str]:
    """The lemma with the regular -s, -ed and -ing endings (verbs) and the plural (nouns)."""
    if " " in lemma:
        head, rest = lemma.split(" ", 1)
        return {f"{form} {rest}" for form in regular_forms(head)}
    forms = {lemma}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in _VOWELS:
        forms.add(lemma + "ing")
    elif _double_final(lemma):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "ed", lemma + "ing"}
    return forms


def inflect(lemmas: Iterable[str], irregular: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """Every form of every lemma, mapped to its lemma (lower case). The same in every process: a
    word that is itself one of the lemmas is its own lemma, and a form two lemmas share goes to
    the first of them in alphabetical order (iterating a set would depend on the hash seed)."""
    ordered = sorted({lemma.lower() for lemma in lemmas})
    out: dict[str, str] = {}
    for lemma in ordered:
        for form in sorted(regular_forms(lemma) | set(irregular.get(lemma, ()))):
            out.setdefault(form, lemma)
    out.update({lemma: lemma for lemma in ordered})
    return out
