"""Who a sentence says reports it: "according to X", "local sources said", "X said" in the
main clause. Sources are never participants; each becomes a source entity (or the actor named)
with an ``attribution`` mention, and the relations and events of the sentence record it."""

from __future__ import annotations

from spacy.tokens import Doc

from .facts import source
from .knowledge import Knowledge
from .sentences import SentenceInfo
from .extensions import char_span, ext


def sentence_sources(doc: Doc, k: Knowledge, sent: SentenceInfo) -> list[str]:
    """The keys of the sources of one sentence, in order, once each."""
    out = []
    for m in k.rx("according_to").finditer(sent.text):
        label = k.rx("source_label_cut").split(m[1].strip())[0].strip()
        if 2 < len(label) < 60:
            out.append(source(doc, label, sent, sent.start + m.start(1), sent.start + m.start(1) + len(label)))
    for m in k.finditer("sources_said", sent.text, sent.lowered):
        out.append(source(doc, m[1].strip(), sent, sent.start + m.start(1), sent.start + m.end(1)))
    text = ext(doc, "armedkg_text")
    for mention in sent.mentions:
        if mention.kind == "actor":
            ent = ext(doc, "armedkg_entities").get(mention.key)
            verb = k.rx("said_after").match(text[mention.end : mention.end + 30])
            if ent is not None and verb:
                # Only a main-clause "X said" is the source of the sentence, not "which X said it intercepted".
                tok = char_span(doc, mention.end + verb.start(1), mention.end + verb.end(1))
                if tok is not None and (tok.root.dep_ == "ROOT" or (tok.root.dep_ in ("conj", "parataxis", "ccomp") and tok.root.head.dep_ == "ROOT")):
                    out.append(source(doc, ent.label, sent, mention.start, mention.end, key=mention.key))
    return list(dict.fromkeys(out))
