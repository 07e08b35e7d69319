"""Compare two ``armedkg eval --report`` JSON files figure by figure.

    python scripts/eval_diff.py BEFORE.json AFTER.json [--all] [--match TEXT]

Prints the headline figures (F1, recall of roles, ACLED figures) of every file and half with
the change; ``--all`` prints every figure, ``--match`` only figures whose name contains TEXT.
The per-rule rows (``rules.*``) are printed for AFTER only, sorted by the number of predictions.
"""

from __future__ import annotations

import argparse
import json

HEADLINE = ("f1", "recall", "events.", "seed.")


def _headline(name: str) -> bool:
    if name.startswith("rules."):
        return False
    return name.startswith(("events.", "seed.", "roles.")) or name.endswith(".f1") and ("relaxed" in name)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("before")
    ap.add_argument("after")
    ap.add_argument("--all", action="store_true")
    ap.add_argument("--match", default="")
    ap.add_argument("--rules", action="store_true", help="print the per-rule precision table of AFTER")
    args = ap.parse_args()
    before, after = json.load(open(args.before)), json.load(open(args.after))
    for file in sorted(set(before) | set(after)):
        rows = []
        names = sorted(set(before.get(file, {})) | set(after.get(file, {})))
        for name in names:
            if args.match and args.match not in name:
                continue
            if not args.all and not args.match and not _headline(name):
                continue
            b = before.get(file, {}).get(name, {}).get("value")
            a = after.get(file, {}).get(name, {}).get("value")
            n = after.get(file, {}).get(name, before.get(file, {}).get(name, {})).get("n")
            delta = "" if a is None or b is None else f"{a - b:+.3f}"
            fb = "-" if b is None else f"{b:.3f}"
            fa = "-" if a is None else f"{a:.3f}"
            mark = "" if not delta or abs(a - b) < 0.0005 else ("  ^" if a > b else "  v")
            rows.append(f"  {name:<44} {fb:>7} -> {fa:>7} {delta:>7}  n={n}{mark}")
        if rows:
            print(file)
            print("\n".join(rows))
        if args.rules:
            rules = [(k, v) for k, v in after.get(file, {}).items() if k.startswith("rules.")]
            for k, v in sorted(rules, key=lambda kv: -kv[1]["n"]):
                print(f"  {k:<60} {v['value']:.3f}  n={v['n']}")


if __name__ == "__main__":
    main()
