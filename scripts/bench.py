"""`make bench`: throughput, query latency and view figures, printed (never asserted).

The corpus is generated reproducibly from the sample articles (and, when present, the texts
of ../shared/eval), each copy with its own id. Nothing is written to the repository.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from builder.build import build  # noqa: E402
from builder.nlp import DEFAULT_MODEL, build_pipeline  # noqa: E402
from builder.readers import iter_documents  # noqa: E402
from builder.store import Store  # noqa: E402
from queries.runner import list_queries, run_query  # noqa: E402
from queries.view import write_view  # noqa: E402

EXAMPLE_PARAMS = {"string": "Islamic State", "date": "2020-01-01", "iri": "https://w3id.org/armedkg/id/actor/islamic-state", "integer": "25"}


def corpus(n: int) -> list[dict]:
    texts = [(d.text, d.published) for d in iter_documents([ROOT / "data" / "samples"])]
    eval_dir = ROOT.parent / "shared" / "eval"
    if eval_dir.exists():
        for f in sorted(eval_dir.glob("*.jsonl")):
            for line in f.read_text(encoding="utf-8").splitlines()[:200]:
                rec = json.loads(line)
                texts.append((rec["text"], None))
    out = []
    for i in range(n):
        text, published = texts[i % len(texts)]
        out.append({"id": f"bench-{i:06d}", "text": text, "published": published.isoformat() if published else "2020-06-01"})
    return out


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    docs = corpus(n)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "corpus.jsonl"
        src.write_text("\n".join(json.dumps(d) for d in docs), encoding="utf-8")
        import spacy

        bare = spacy.load(DEFAULT_MODEL)
        t = time.perf_counter()
        tokens = sum(len(d) for d in bare.pipe((d["text"] for d in docs), batch_size=64))
        bare_s = time.perf_counter() - t
        build_pipeline()  # warm the GeoNames cache so that both runs pay the same load
        store = Store(Path(tmp) / "store")
        t = time.perf_counter()
        report = build([src], store, progress=False)
        full_s = time.perf_counter() - t
        print(f"corpus: {n} documents, {tokens} tokens")
        print(f"bare spaCy nlp.pipe ({DEFAULT_MODEL}): {n / bare_s:.1f} docs/s, {tokens / bare_s:.0f} tokens/s")
        print(f"full build, 1 worker (incl. model load): {n / full_s:.1f} docs/s, {tokens / full_s:.0f} tokens/s, ratio {bare_s / full_s:.2f} of bare spaCy")
        print(f"store: {len(store)} triples, {report.events} events, {report.relations} affiliations")
        for q in list_queries():
            params = {p.name: EXAMPLE_PARAMS[p.type] for p in q.params if p.required}
            times = []
            for _ in range(7):
                t = time.perf_counter()
                run_query(store, q.name, params)
                times.append((time.perf_counter() - t) * 1000)
            times.sort()
            print(f"query {q.name}: p50 {statistics.median(times):.1f} ms, p95 {times[-1]:.1f} ms (7 runs, {len(store)} triples)")
        page = Path(tmp) / "graph.html"
        t = time.perf_counter()
        info = write_view(store, page)
        print(f"view generation: {info['nodes']} nodes, {info['edges']} edges in {time.perf_counter() - t:.2f} s")
        try:
            from queries.browser import chromium_path, render

            if chromium_path():
                r = render(page)
                print(f"view in headless Chromium (offline): drawn and stable after {r.seconds_to_ready:.2f} s, {r.painted_pixels} painted pixels")
        except Exception as exc:  # the browser is optional for the bench
            print(f"view in browser: skipped ({exc})")


if __name__ == "__main__":
    main()
