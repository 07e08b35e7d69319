"""CAMEO actor and agent codes -> the ontology's classes and ACLED inter codes.

A CAMEO actor code concatenates three-letter segments: a country (ISO 3166 alpha-3) or an
international prefix (IGO, NGO, IMG, MNC, ...), then role segments (GOV government, MIL military,
REB rebels, ...), then optional religious or ethnic segments (MUS, CHR, ...). An agent code is
the role part alone, written ``~MIL``. The tables follow the CAMEO codebook's role codes
(Schrodt, Gerner, Yilmaz: *CAMEO Conflict and Mediation Event Observations: Actor Codebook*,
2012); they were written for armedkg, not copied.
"""

from __future__ import annotations

from dataclasses import dataclass

from .fields import alpha3_to_alpha2

#: International and transnational prefixes: no country.
INTERNATIONAL = {"IGO", "NGO", "NGM", "IMG", "MNC", "INT", "UNO", "UIS", "CHR", "MUS", "JEW", "BUD", "HIN"}

#: Role segment -> (ontology class of an organisation with that role, ACLED inter code, role word of a person).
ROLES: dict[str, tuple[str, int | None, str]] = {
    "MIL": ("StateForce", 1, "military"),
    "COP": ("StateForce", 1, "police"),
    "SPY": ("StateForce", 1, "intelligence"),
    "GOV": ("Organisation", None, "government"),
    "REB": ("RebelGroup", 2, "rebel"),
    "INS": ("RebelGroup", 2, "insurgent"),
    "SEP": ("RebelGroup", 2, "separatist"),
    "UAF": ("NonStateArmedGroup", 3, "armed group"),
    "CRM": ("NonStateArmedGroup", None, "criminal"),
    "OPP": ("Organisation", None, "opposition"),
    "PTY": ("Organisation", None, "party"),
    "MED": ("MediaOutlet", None, "media"),
    "CVL": ("CivilianGroup", 7, "civilian"),
    "ELI": ("Organisation", None, "elite"),
    "LEG": ("Organisation", None, "legislature"),
    "JUD": ("Organisation", None, "judiciary"),
    "BUS": ("Organisation", None, "business"),
    "NGO": ("Organisation", None, "non-governmental organisation"),
    "IGO": ("Organisation", None, "intergovernmental organisation"),
}
#: Segments that mark an armed group's religious or radical agenda.
ISLAMIST = {"MUS", "RAD"}
#: Where a person's role sits: the state's forces or its government (keys the extraction uses).
ROLE_ORGANISATION = {"MIL": "forces-{iso}", "COP": "forces-{iso}", "SPY": "forces-{iso}", "GOV": "government-{iso}"}


@dataclass(frozen=True)
class Code:
    """A parsed CAMEO actor code."""

    raw: str
    prefix: str
    country: str | None  # ISO alpha-2
    segments: tuple[str, ...]

    @property
    def is_country_only(self) -> bool:
        """A country name entry (``[AFG]``): a place, not an actor."""
        return self.country is not None and not self.segments

    @property
    def role(self) -> str | None:
        """The first role segment the tables know."""
        return next((s for s in self.segments if s in ROLES), None)

    def actor_class(self) -> tuple[str, int | None]:
        """Ontology class and ACLED inter code of an organisation with this code."""
        if self.prefix == "IMG":
            islamist = bool(ISLAMIST & set(self.segments))
            return ("JihadistGroup" if islamist else "NonStateArmedGroup"), 2
        role = self.role
        if role is None:
            return ("Organisation" if self.prefix in INTERNATIONAL or self.country else "NonStateArmedGroup"), None
        cls, inter, _ = ROLES[role]
        if cls == "StateForce" and self.country is None:
            return "ArmedActor", None  # a military of no country: an international force
        return cls, inter

    def organisation(self) -> str | None:
        """The actor id a person holding this code belongs to (the state's forces or government)."""
        role = self.role
        template = ROLE_ORGANISATION.get(role or "")
        return template.format(iso=self.country.lower()) if template and self.country else None


def parse_code(raw: str) -> Code:
    """``"SYRREBMUS"`` -> country SY, segments (REB, MUS); ``"IGOUNOKID"`` -> prefix IGO."""
    code = raw.strip().upper()
    prefix = code[:3]
    country = alpha3_to_alpha2(prefix) if prefix not in INTERNATIONAL else None
    segments = tuple(code[i : i + 3] for i in range(3, len(code), 3))
    return Code(raw=code, prefix=prefix, country=country, segments=segments)


def agent_class(code: str) -> tuple[str | None, int | None]:
    """Ontology class and inter code an agent noun names (``~MIL`` soldiers: state forces)."""
    body = code.strip().strip("~").upper()
    first = body[:3]
    if first in ROLES:
        cls, inter, _ = ROLES[first]
        return cls, inter
    return None, None
