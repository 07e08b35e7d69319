"""Write the ontology reference from ontology/armed_actors.ttl: docs/ontology.md (for the
repository) and queries/assets/ontology.html (served by ``armedkg serve`` at /ontology).

    python scripts/build_ontology_doc.py           # write both
    python scripts/build_ontology_doc.py --check   # exit 1 if either is not what the TTL gives
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ontology.reasoning import ontology_graph  # noqa: E402
from ontology.reference import render_html, render_markdown  # noqa: E402

OUTPUTS = {ROOT / "docs" / "ontology.md": render_markdown, ROOT / "queries" / "assets" / "ontology.html": render_html}


def main(check: bool = False) -> int:
    g = ontology_graph()
    stale = []
    for path, render in OUTPUTS.items():
        text = render(g)
        if check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(path)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    for path in stale:
        print(f"{path.relative_to(ROOT)} is out of date: run python scripts/build_ontology_doc.py", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv[1:]))
