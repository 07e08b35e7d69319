"""``extensions.ext`` reads a Doc extension from ``doc.user_data`` without spaCy's accessor
object: it must give exactly what ``doc._.<name>`` gives, for every state the components keep,
before and after a value is written (if spaCy ever moved its storage, this fails first)."""

import spacy
from spacy.tokens import Doc

from builder.extraction import extensions
from builder.extraction.extensions import ext
from builder.records import Document

NAMES = ("armedkg_document", "armedkg_reading", "armedkg_result", *extensions._STATE)


def _doc() -> Doc:
    extensions.register()
    return spacy.blank("en")("Gunmen attacked a checkpoint near Gao on Sunday.")


def test_unset_extensions_read_as_none_both_ways():
    doc = _doc()
    for name in NAMES:
        assert ext(doc, name) is None
        assert getattr(doc._, name) is None


def test_reset_state_is_the_same_object_both_ways():
    doc = _doc()
    doc._.armedkg_document = Document(id="d1", text=doc.text)
    extensions.reset(doc)
    for name in NAMES:
        assert ext(doc, name) is getattr(doc._, name), name
    assert ext(doc, "armedkg_text") == "Gunmen attacked a checkpoint near Gao on Sunday."
    assert ext(doc, "armedkg_document").id == "d1"


def test_a_write_through_the_accessor_is_read_by_ext_and_lists_are_shared():
    doc = _doc()
    extensions.reset(doc)
    doc._.armedkg_focus = "ML"
    assert ext(doc, "armedkg_focus") == "ML"
    ext(doc, "armedkg_mentions").append("m")
    assert doc._.armedkg_mentions == ["m"]


def test_a_span_extension_of_the_same_name_is_not_read_as_the_docs():
    doc = _doc()
    extensions.reset(doc)
    doc._.armedkg_focus = "ML"
    doc.user_data[("._.", "armedkg_focus", 0, 2)] = "XX"  # where a Span's value would live
    assert ext(doc, "armedkg_focus") == "ML"


def _texts() -> list[str]:
    return [
        "Gunmen attacked a checkpoint near Gao on Sunday.",
        "  Two  spaces,\ttabs\nand\n\nnew lines ; al-Qaim (Anbar) -- 3km east.  ",
        "KHARTOUM, May 3 (Reuters) - RSF fighters shelled El Fasher's market.",
        "x",
        "",
    ]


def test_char_span_gives_spacys_expanded_span_for_every_pair_of_offsets():
    """Every start and end offset of several texts (runs of spaces, tabs, new lines, leading
    and trailing whitespace, one character, none): the same tokens as spaCy's own
    ``char_span(..., alignment_mode="expand")``, or None where it gives None."""
    nlp = spacy.blank("en")
    checked = 0
    for text in _texts():
        doc = nlp(text)
        for start in range(-1, len(text) + 2):
            for end in range(start + 1, len(text) + 2):
                want = doc.char_span(start, end, alignment_mode="expand")
                got = extensions.char_span(doc, start, end)
                assert (got is None) == (want is None), (text, start, end)
                if want is not None:
                    assert (got.start, got.end) == (want.start, want.end), (text, start, end)
                checked += 1
    assert checked > 2000


def test_ents_are_made_once_and_follow_set_ents():
    """``extensions.ents`` gives the spans of ``doc.ents`` (the same objects on every read), and
    after ``set_ents`` the new entities, not the ones it kept."""
    doc = spacy.blank("en")("Gunmen attacked a checkpoint near Gao on Sunday.")
    doc.ents = [doc.char_span(34, 37, label="GPE"), doc.char_span(41, 47, label="DATE")]
    first = extensions.ents(doc)
    assert [(e.text, e.label_) for e in first] == [("Gao", "GPE"), ("Sunday", "DATE")]
    assert extensions.ents(doc) is first
    extensions.set_ents(doc, [first[0]])
    assert [(e.text, e.label_) for e in extensions.ents(doc)] == [("Gao", "GPE")]
    assert [e.text for e in doc.ents] == ["Gao"]
