"""Importer for the TABARI/PETRARCH ``.actors`` and ``.agents`` dictionaries (CAMEO/Phoenix).

Actor dictionary format, as PETRARCH reads it::

    NEW_PEOPLE'S_ARMY [PHLREB]          an entry: words joined by "_", a default code
    +NPA_                               a synonym of the entry above
    MOHAMMAD_ZAHIR_SHAH_  # comment     an entry without a code ...
        [AFGELI 320101-331108]          ... and its codes held between two dates (YYMMDD or
        [AFGGOV >331108]                YYYYMMDD; ">d" from d, "<d" until d)

Consecutive entries without a code share the codes that follow them (PETRARCH's rule). Each
entry becomes an organisation or a person: a person's codes become time-scoped roles (the
state's government or forces, or the group it was listed under); an organisation's code gives
its ontology class, ACLED inter code and country (:mod:`builder.knowledge.cameo`). A synonym of a
group that is a person's name (it shares no word with the group's name and holds no group word:
a leader listed under the group, as CAMEO codes leaders by their group) becomes a person with a
membership in that group. Entries whose code is a bare country (country names and the cities
coded as their country) are not actors and are skipped.

Agent dictionary format: ``NOUN {PLURAL} [~CODE]`` and substitution markers ``!PERSON! = MAN, MEN``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..errors import KnowledgeError
from ..gazetteer import slug
from .cameo import INTERNATIONAL, ROLES, Code, agent_class, parse_code
from .gate import english_words
from .records import ActorRecord, AgentRecord, Knowledge, PersonRecord, Problem, Role, SourceInfo

#: Words that make a name an organisation's (English and the Arabic, Urdu and Pashto group words
#: of armed groups' names).
GROUP_WORDS = frozenset(
    """army armies forces force front brigade brigades battalion battalions regiment division movement party parties council
    committee committees organization organisation organizations group groups militia militias corps guard guards police ministry
    government union league alliance coalition liberation commission agency service services association federation bank university
    institute company corporation news court parliament assembly senate congress office department republic foundation fund church
    network cell cells squad squads command unit units tribunal board bureau authority administration cabinet club center centre
    society mission programme program embassy mujahideen mujahidin fighters rebels brotherhood declaration resistance revolutionary
    revolutionaries islamic democratic socialist communist nationalist patriotic popular international national secretariat media press
    radio television times airlines tigers military patrol protection enforcement security intelligence customs guerrillas insurgents commandos legion jihad jaish jaysh jabhat jabha harakat harakah harkat
    hizb hezb hizbollah hezbollah hizbullah liwa liwaa kataib kataeb katibat katiba saraya sarayat tanzim jamaat jamaa jamaah jemaah
    majlis ansar ahrar jund faylaq fawj lashkar tehrik tehreek sipah students workers people's peoples forum initiative unity solidarity
    emirate caliphate state""".split()
)
#: Words a person's name never holds.
NOT_IN_NAMES = frozenset("of the and for in on to from with against by".split())
PERSON_STARTS = frozenset("abu abou umm sheikh shaikh mullah haji".split())
_CODE = re.compile(r"\[\s*([A-Z0-9~-]*)\s*(?:([<>])\s*(\d+)|(\d+)\s*-\s*(\d+))?\s*\]")
_ARTICLES = frozenset("al el ad as ash az an ar at bin ibn bint abd".split())
_KEEP_LOWER = frozenset("of the and for in on to de du da di del la le des van von bin ibn".split())


@dataclass
class _Entry:
    name: str
    line: int
    synonyms: list[str] = field(default_factory=list)
    comment: str = ""


@dataclass
class _Group:
    """Entries that share one list of codes."""

    entries: list[_Entry] = field(default_factory=list)
    codes: list[tuple[Code, date | None, date | None]] = field(default_factory=list)


def _decode(data: bytes) -> Iterator[str]:
    """Lines, each UTF-8 or else cp1252 (the dictionaries mix both)."""
    for raw in data.splitlines():
        try:
            yield raw.decode("utf-8")
        except UnicodeDecodeError:
            yield raw.decode("cp1252", errors="replace")


def phoenix_date(text: str) -> date:
    """YYMMDD (00-30 are 20YY, the rest 19YY, as PETRARCH reads them) or YYYYMMDD."""
    if len(text) == 6:
        year = int(text[:2])
        year += 2000 if year <= 30 else 1900
        return date(year, int(text[2:4]), int(text[4:6]))
    if len(text) == 8:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    raise ValueError(f"date '{text}' is neither YYMMDD nor YYYYMMDD")


def parse_codes(text: str) -> list[tuple[Code, date | None, date | None]]:
    """The ``[CODE]``, ``[CODE >d]``, ``[CODE <d]`` and ``[CODE d1-d2]`` of a line; ``[---]`` is none."""
    out = []
    for m in _CODE.finditer(text):
        raw, sign, single, first, last = m.groups()
        if not raw or not raw.strip("-"):
            continue
        start = end = None
        if single:
            when = phoenix_date(single)
            start, end = (when, None) if sign == ">" else (None, when)
        elif first:
            start, end = phoenix_date(first), phoenix_date(last)
            if end < start:
                raise ValueError(f"the range {first}-{last} ends before it starts")
        out.append((parse_code(raw.strip("~")), start, end))
    return out


def phrase(text: str) -> list[str]:
    """Names of a phrase: "_" is a space; a "+" inside splits two synonyms run together; an
    acronym in brackets is a name of its own ("ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_")."""
    out = []
    for part in text.split("+"):
        words = " ".join(part.replace("_", " ").split())
        m = re.fullmatch(r"(.+?)\s*\(([^)]+)\)\s*", words)
        if m:
            out += [m[1].strip(), m[2].strip()]
        elif words:
            out.append(words)
    return [w for w in out if re.search(r"[A-Za-z]", w)]


def _is_acronym(word: str) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", word)
    return bool(letters) and (not re.search(r"[AEIOUaeiou]", letters) or len(letters) <= 2)


def pretty(name: str, person: bool = False) -> str:
    """Case for a label: "NEW PEOPLE'S ARMY" -> "New People's Army", "JABHAT AL NUSRA" ->
    "Jabhat al Nusra"; acronyms stay upper case."""
    words = name.split()
    letters = re.sub(r"[^A-Za-z]", "", name)
    if len(words) == 1 and name.isupper() and not person and (_is_acronym(name) or len(letters) <= 4 or letters.lower() not in english_words()):
        return name  # "PFLP", "FARC", "SWAPO"; "TIGERS" becomes "Tigers"
    out = []
    for i, word in enumerate(words):
        if not word.isupper():
            out.append(word)
        elif word.lower() in _KEEP_LOWER or word.lower() in _ARTICLES:
            out.append(word.lower() if i else word.capitalize())
        elif _is_acronym(word) or "." in word:
            out.append(word)
        else:
            out.append("-".join(_cap(p) for p in word.split("-")))
    return " ".join(out)


def _cap(part: str) -> str:
    """"AL" -> "al" inside a hyphenated word ("AL-NUSRA" -> "al-Nusra"), else capitalised."""
    return part.lower() if part.lower() in _ARTICLES else part[:1] + part[1:].lower()


def _content_words(name: str) -> set[str]:
    return {w for w in re.split(r"[\s'-]+", name.lower()) if w and w not in NOT_IN_NAMES and w not in _ARTICLES}


def has_group_word(name: str) -> bool:
    return bool({w.strip(".,()") for w in re.split(r"[\s-]+", name.lower())} & GROUP_WORDS)


def looks_like_person(name: str) -> bool:
    """A personal name: two to five words, no group word, no "of"/"the", not an acronym."""
    words = name.split()
    if not 2 <= len(words) <= 5 or has_group_word(name):
        return False
    if {w.lower() for w in words} & NOT_IN_NAMES:
        return False
    if not all(re.fullmatch(r"[A-Za-z'’.-]+", w) for w in words) or all(_is_acronym(w) for w in words):
        return False
    english = english_words()
    return any(w.lower().strip(".") not in english for w in words if w.lower() not in _ARTICLES)  # "US Border Patrol" is no one


def _blocks(lines: Iterator[str], path: Path, problems: list[Problem]) -> Iterator[_Group]:
    """Groups of entries with their shared codes, in file order."""
    group = _Group()
    for number, line in enumerate(lines, start=1):
        if "---STOP---" in line:
            break
        body, _, comment = line.partition("#")
        if not body.strip() or line.startswith("<!"):
            continue
        try:
            codes = parse_codes(body)
        except ValueError as exc:
            problems.append(Problem.at(path, number, f"{exc}; the code is skipped", "PETRARCH skips such a line too."))
            codes = []
        text = _CODE.sub(" ", body)
        if line[0] in "\t " and not text.strip().startswith("+"):
            group.codes += codes  # an indented code line
        elif text.strip().startswith("+"):
            if group.entries:
                group.entries[-1].synonyms += phrase(text.strip()[1:])
        else:
            names = phrase(text.strip())
            if not names:
                continue
            if group.codes:
                yield group
                group = _Group()
            group.entries.append(_Entry(names[0], number, names[1:], comment))
            group.codes += codes
    if group.entries:
        yield group


def _is_place_code(code: Code) -> bool:
    """A country ("AFG"), a former state ("SUN") or a region of a country ("PSEGZA"): names of places."""
    if code.is_country_only or (not code.segments and code.prefix not in INTERNATIONAL):
        return True
    return code.country is not None and code.role is None and code.prefix not in INTERNATIONAL and not (set(code.segments) & {"MUS", "CHR", "JEW"})


class PhoenixReader:
    """Reads .actors and .agents files into one :class:`Knowledge`."""

    def __init__(self, info: SourceInfo) -> None:
        self.knowledge = Knowledge(info=info)
        self.counts = {"entries": 0, "synonyms": 0, "organisations": 0, "persons": 0, "roles": 0, "agents": 0, "country entries skipped": 0}
        self.ids: dict[str, int] = {}

    def read(self, paths: list[Path]) -> Knowledge:
        for path in paths:
            try:
                data = path.read_bytes()
            except OSError as exc:
                raise KnowledgeError(f"cannot read {path}: {exc.strerror or exc}.", "Give .actors or .agents dictionary files.") from None
            if ".agents" in path.name.lower() or re.search(rb"\[~[A-Z]", data[:200_000]):
                self._agents(path, _decode(data))
            else:
                for group in _blocks(_decode(data), path, self.knowledge.problems):
                    self._group(group, path)
        self.knowledge.counts = self.counts
        self.knowledge.tag()
        return self.knowledge

    def _id(self, name: str) -> str:
        base = slug(name)
        n = self.ids.get(base, 0) + 1
        self.ids[base] = n
        return base if n == 1 else f"{base}-{n}"

    def _group(self, group: _Group, path: Path) -> None:
        codes = group.codes
        if any(_is_place_code(code) for code, _, _ in codes):  # a country's or a region's names, with its cities
            self.counts["country entries skipped"] += len(group.entries)
            return
        for entry in group.entries:
            self.counts["entries"] += 1
            self.counts["synonyms"] += len(entry.synonyms)
            if self._is_person(entry, codes, path):
                self._person(entry, codes, None)
            else:
                self._organisation(entry, codes)

    @staticmethod
    def _is_person(entry: _Entry, codes: list, path: Path) -> bool:
        name = entry.name
        if "countryinfo" in entry.comment.lower():
            return True  # the leaders' lists of CountryInfo.txt
        if has_group_word(name) or len(name.split()) == 1 and not any(start or end for _, start, end in codes):
            return False
        if any(start or end for _, start, end in codes) or any(c.role == "ELI" for c, _, _ in codes):
            return True
        if name.split()[0].lower() in PERSON_STARTS:
            return True
        companies = any(c.prefix in ("MNC", "NGO", "IGO") or c.role == "BUS" for c, _, _ in codes)
        return "milnonstate" not in path.name.lower() and not companies and looks_like_person(name)

    def _organisation(self, entry: _Entry, codes: list) -> None:
        undated = [c for c, start, end in codes if not start and not end]
        main = (undated or [c for c, _, _ in codes] or [None])[0]
        cls, inter = main.actor_class() if main else ("NonStateArmedGroup", None)
        starts = [s for _, s, _ in codes if s]
        ends = [e for _, _, e in codes if e]
        record = ActorRecord(
            id=self._id(pretty(entry.name)),
            name=pretty(entry.name),
            cls=cls,
            country=main.country if main else None,
            inter=inter,
            valid_from=min(starts) if starts and len(starts) == len(codes) else None,
            valid_to=max(ends) if ends and len(ends) == len(codes) else None,
            line=entry.line,
        )
        name_words = _content_words(entry.name)
        persons: dict[str, list[str]] = {  # a leader listed under the group -> their other spellings
            s: [] for s in entry.synonyms if looks_like_person(s) and not (_content_words(s) & name_words)
        }
        for synonym in entry.synonyms:
            if synonym in persons:
                continue
            holder = next((p for p in persons if _content_words(synonym) <= _content_words(p)), None)
            if holder is not None and not has_group_word(synonym):
                persons[holder].append(synonym)  # "AL JOULANI" after "ABU MUHAMMAD AL JOULANI"
            elif pretty(synonym) not in record.aliases and pretty(synonym) != record.name:
                record.aliases.append(pretty(synonym))
        self.knowledge.actors.append(record)
        self.counts["organisations"] += 1
        for name, spellings in persons.items():
            self._person(_Entry(name, entry.line, spellings), codes, record)

    def _person(self, entry: _Entry, codes: list, group: ActorRecord | None) -> None:
        roles = []
        for code, start, end in codes:
            organisation = code.organisation() or (group.id if group else None)
            word = ROLES[code.role][2] if code.role else ("member" if group else "")
            if not word and not organisation:
                continue
            roles.append(Role(role=word or "member", organisation=organisation, start=start, end=end, code=code.raw))
        if group is not None and not any(r.organisation == group.id for r in roles):
            roles.append(Role(role="member", organisation=group.id))
        countries = [c.country for c, _, _ in sorted(codes, key=lambda c: c[2] or date.max) if c.country]
        name = pretty(entry.name, person=True)
        record = PersonRecord(
            id=self._id(name),
            name=name,
            aliases=list(dict.fromkeys(pretty(s, person=True) for s in entry.synonyms if pretty(s, person=True) != name)),
            country=countries[-1] if countries else (group.country if group else None),
            roles=roles,
            line=entry.line,
        )
        self.knowledge.persons.append(record)
        self.counts["persons"] += 1
        self.counts["roles"] += len(roles)

    def _agents(self, path: Path, lines: Iterator[str]) -> None:
        markers: dict[str, list[str]] = {}
        for number, line in enumerate(lines, start=1):
            body = line.partition("#")[0].strip()
            if not body or body.startswith("<!"):
                continue
            marker = re.fullmatch(r"!(\w+)!\s*=\s*(.+)", body)
            if marker:
                markers[marker[1]] = [w.strip() for w in marker[2].split(",") if w.strip()]
                continue
            m = re.fullmatch(r"(.+?)\s*(?:\{([^}]*)\})?\s*\[\s*(~?[A-Z]+~?)\s*[\]}]", body)
            if not m:
                self.knowledge.problems.append(Problem.at(path, number, "not an agent entry (NOUN {PLURAL} [~CODE])", "The line is skipped."))
                continue
            self._agent(m[1], m[2], m[3], markers, number)

    def _agent(self, noun: str, plural: str | None, code: str, markers: dict[str, list[str]], line: int) -> None:
        forms = [noun]
        marker = re.search(r"!(\w+)!", noun)
        if marker and marker[1] in markers:
            forms = [noun.replace(marker[0], sub) for sub in markers[marker[1]]]
            plural = ""
        cls, inter = agent_class(code)
        for form in forms:
            text = " ".join(form.replace("_", " ").split()).lower()
            plural_text = " ".join(plural.replace("_", " ").split()).lower() if plural else None
            self.knowledge.agents.append(AgentRecord(noun=text, plural=plural_text, code=code, cls=cls, inter=inter, line=line))
            self.counts["agents"] += 1


def read_phoenix(paths: list[Path], info: SourceInfo) -> Knowledge:
    """Read PETRARCH dictionaries (``.actors``, ``.agents``; the files of a folder) into one source."""
    files: list[Path] = []
    for path in paths:
        files += sorted(p for p in path.iterdir() if p.is_file() and re.search(r"\.(actors|agents)(\.txt)?$", p.name, re.I)) if path.is_dir() else [path]
    if not files:
        raise KnowledgeError(f"no .actors or .agents file in {', '.join(map(str, paths))}.", "Give PETRARCH dictionary files, e.g. Phoenix.MilNonState.actors.txt.")
    return PhoenixReader(info).read(files)
