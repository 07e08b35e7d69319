"""The lexicons of data/lexicons: every file loads and validates; malformed files, unknown
ontology terms, bad patterns and repeated vocabularies fail with E022; the extraction code keeps
no vocabulary of its own. No model is loaded."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from builder.extraction.lexicon import DEFAULT_LEXICON_DIR, LexiconError, load_lexicon

ROOT = Path(__file__).resolve().parents[1]
EXTRACTION = ROOT / "builder" / "extraction"


def write(folder: Path, name: str, vocabularies: dict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps({"about": "test", "source": "test", "vocabularies": vocabularies}), encoding="utf-8")


def fails(folder: Path, *words: str) -> None:
    with pytest.raises(LexiconError) as info:
        load_lexicon(folder)
    assert info.value.code == "E022"
    assert all(w in str(info.value) for w in words), str(info.value)


def test_lexicon_every_data_file_loads_and_every_vocabulary_is_usable():
    files = sorted(DEFAULT_LEXICON_DIR.glob("*.json"))
    assert len(files) >= 5
    lex = load_lexicon()
    assert {v.file for v in lex.vocabularies.values()} == {f.name for f in files}
    for name, voc in lex.vocabularies.items():
        assert voc.about, f"{name} says nothing about what it is"
        if voc.kind == "regex":
            assert lex.pattern(name).pattern
        elif voc.kind == "words":
            assert lex.words(name)
        elif voc.kind == "map":
            assert lex.table(name)


def test_lexicon_the_arabic_article_is_referred_to_by_name():
    """Expressions name the article lists instead of repeating them (``{{arabic_articles}}``)."""
    lex = load_lexicon()
    assert lex.pattern("arabic_article_start").match("al-Bab") and lex.pattern("arabic_article_start").match("Ash Shaddadi")
    assert not lex.pattern("arabic_article_start").match("Aleppo")
    assert lex.pattern("surname_article").match("Al-Hariri") and not lex.pattern("surname_article").match("AL-Hariri")
    raw = [t for v in lex.vocabularies.values() if v.kind == "regex" for t in (v.template, *v.entries)]
    assert not any("al|el|as|ad" in t for t in raw)


def test_lexicon_a_reference_to_an_unknown_vocabulary_fails(tmp_path):
    write(tmp_path, "a.json", {"x": {"kind": "regex", "about": "x", "entries": ["{{nowhere}}-"]}})
    fails(tmp_path, "nowhere")


def test_lexicon_an_unknown_ontology_term_fails(tmp_path):
    write(tmp_path, "a.json", {"t": {"kind": "map", "about": "t", "entries": {"Shelling": {"class": "Shellingg"}}}})
    fails(tmp_path, "Shellingg", "ontology")
    write(tmp_path, "a.json", {"p": {"kind": "token_patterns", "about": "p", "entries": [{"label": "x", "class": "NoSuchClass", "pattern": [{"LOWER": "x"}]}]}})
    fails(tmp_path, "NoSuchClass")


@pytest.mark.parametrize(
    "kind,entry",
    [
        ("token_patterns", {"label": "x", "pattern": [{"LOWERR": "militia"}]}),
        ("token_patterns", {"label": "x", "pattern": "militia"}),
        ("dependency_patterns", {"id": "x", "pattern": [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": "x"}}, {"LEFT_ID": "nope", "REL_OP": ">", "RIGHT_ID": "b", "RIGHT_ATTRS": {}}]}),
    ],
)
def test_lexicon_a_malformed_matcher_pattern_fails(tmp_path, kind, entry):
    write(tmp_path, "a.json", {"p": {"kind": kind, "about": "p", "entries": [entry]}})
    fails(tmp_path, "'p'")


def test_lexicon_a_name_defined_twice_fails(tmp_path):
    write(tmp_path, "a.json", {"ranks": {"kind": "words", "about": "r", "entries": ["colonel"]}})
    write(tmp_path, "b.json", {"ranks": {"kind": "words", "about": "r", "entries": ["major"]}})
    fails(tmp_path, "ranks", "a.json", "b.json")


def test_lexicon_the_same_word_list_twice_fails(tmp_path):
    write(tmp_path, "a.json", {"force_nouns": {"kind": "words", "about": "f", "entries": ["troops", "soldiers"]}})
    write(tmp_path, "b.json", {"army_nouns": {"kind": "words", "about": "f", "entries": ["Soldiers", "troops"]}})
    fails(tmp_path, "force_nouns", "army_nouns")


def test_lexicon_a_word_repeated_in_one_list_and_a_bad_expression_fail(tmp_path):
    write(tmp_path, "a.json", {"w": {"kind": "words", "about": "w", "entries": ["troops", "Troops"]}})
    fails(tmp_path, "'w'")
    write(tmp_path, "a.json", {"r": {"kind": "regex", "about": "r", "entries": ["(unclosed"]}})
    fails(tmp_path, "'r'")
    (tmp_path / "a.json").write_text("{not json", encoding="utf-8")
    fails(tmp_path, "a.json")


def _literals(path: Path) -> list[tuple[int, str]]:
    """String literals of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }
    return [(n.lineno, n.value) for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def test_lexicon_the_extraction_code_keeps_no_vocabulary():
    """A string literal of five or more alternatives joined by ``|`` is a vocabulary: it belongs
    in data/lexicons. Smaller alternations are rule logic ("'s|’s", "and|or")."""
    offenders = [f"{p.relative_to(ROOT)}:{line}" for p in sorted(EXTRACTION.rglob("*.py")) for line, text in _literals(p) if text.count("|") >= 4]
    assert offenders == []


def test_lexicon_inflected_forms_do_not_depend_on_the_hash_seed():
    """Two lemmas sharing a form, and a lemma that is another's form: the same mapping whatever
    the order the lemmas come in (a set's order changes with PYTHONHASHSEED)."""
    from builder.extraction.morphology import inflect

    lemmas = ["operation", "operations", "shell", "shelling"]
    first = inflect(lemmas, {})
    assert first == inflect(list(reversed(lemmas)), {})
    assert first["operations"] == "operations" and first["shelling"] == "shelling" and first["shelled"] == "shell"


def test_lexicon_a_construction_naming_an_unknown_check_fails(tmp_path):
    """A construction's ``check`` names a test the code knows; a typo fails at load, it does not
    silently pass every match."""
    pattern = [{"RIGHT_ID": "a", "RIGHT_ATTRS": {"LOWER": "x"}}]
    write(tmp_path, "a.json", {"p": {"kind": "dependency_patterns", "about": "p", "entries": [{"id": "c", "check": "armed_side", "pattern": pattern}]}})
    fails(tmp_path, "armed_side", "unknown check")
