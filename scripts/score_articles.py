"""Print the document-level figures of the extraction on the test articles
(tests/fixtures/articles, or another folder of articles with an expected.json such as
tests/fixtures/articles_check): ``python scripts/score_articles.py [-v] [FOLDER]``."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from builder.article_scores import ArticleScores, score_article
from builder.nlp import build_pipeline, process
from builder.readers import iter_documents

ARTICLES = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "articles"


def main() -> None:
    folders = [Path(a) for a in sys.argv[1:] if not a.startswith("-")]
    folder = folders[0] if folders else ARTICLES
    expected = {a["id"]: a for a in json.loads((folder / "expected.json").read_text(encoding="utf-8"))["articles"]}
    documents = list(iter_documents([folder / a["file"] for a in expected.values()]))
    scores = ArticleScores()
    for result in process(build_pipeline(), documents):
        score_article(result, expected[result.document.id], scores)
        if "-v" in sys.argv:
            for e in result.events:
                print(result.document.id, e.cls, e.date, e.place, e.fatalities, [c.claimant for c in e.claims], "|", e.evidence[0].sentence[:70])
    print("\n".join(scores.lines()))
    if "-v" in sys.argv:
        for label, items in (("zone", scores.zone_events), ("not-event", scores.not_event_events), ("claims elsewhere", scores.claims_elsewhere), ("outside focus", scores.places_outside), ("outlet as place", scores.outlets_as_places), ("dates", scores.wrong_dates)):
            for item in items:
                print(f"  {label}: {item}")


if __name__ == "__main__":
    main()
