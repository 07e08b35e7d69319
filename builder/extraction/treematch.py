"""spaCy ``DependencyMatcher`` patterns matched by walking the parse from each pattern's anchor.

spaCy's matcher (3.8) finds, in every sentence, the tokens that fit each node of a pattern and
then tries the Cartesian product of them (explosion/spaCy#6678): a pattern with a node that any
token fits, or any noun, tries thousands of combinations in a long sentence, and that was the
largest cost of the extraction after the model. :class:`TreeMatcher` takes the same patterns
and gives the same matches in the same order, but reaches each node from the node it hangs on:
its candidates are the tokens the relation leads to, tested against its attributes. A pattern
starts from the tokens its first node fits, found by the index of a word (or tag, or label) it
must have; a first node without a word starts only from the heads of tokens that fit its ``>``
nodes.

The order is spaCy's: by key in the order added, then by sentence tree (the order in which the
document's tokens first meet each tree, which is spaCy's order whenever a tree is a contiguous
span, as the parser's trees are, or some node fits any token), then by the positions of the
nodes, first node first. A pattern with an attribute or operator not handled here (see ``ATTRS``
and ``OPS``) makes the whole matcher spaCy's; so does a document without tags or dependencies
(where spaCy's token matcher raises its own error). ``tests/test_treematch.py`` compares the
two matchers on parsed sentences.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy

from spacy.attrs import DEP, HEAD, LOWER, ORTH, TAG
from spacy.matcher import DependencyMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc
from spacy.vocab import Vocab

ATTRS = {"ORTH": ORTH, "LOWER": LOWER, "TAG": TAG, "DEP": DEP}
ANNOTATED = {"TAG": "TAG", "DEP": "DEP"}  # attributes spaCy's token matcher requires to be set


class Parse:
    """One document's attributes and tree, as plain lists of integers (token ``i`` at index ``i``)."""

    def __init__(self, doc: Doc) -> None:
        array = doc.to_array([HEAD, *ATTRS.values()]).reshape(len(doc), len(ATTRS) + 1)  # unsigned 64 bits
        self.n = len(doc)
        self.heads = (array[:, 0].astype("int64") + numpy.arange(self.n)).tolist()
        self.columns = dict(zip(ATTRS, array[:, 1:].T.tolist()))
        self.children: list[list[int]] = [[] for _ in range(self.n)]
        for i, head in enumerate(self.heads):
            if head != i:
                self.children[head].append(i)
        self.root = self._roots()
        self.rank: dict[int, int] = {}
        for r in self.root:
            self.rank.setdefault(r, len(self.rank))
        self._index: dict[str, dict[int, list[int]]] = {}
        self._edges: dict[int, tuple[int, int]] = {}
        # a node's signature -> the tokens that have its lookup value, in order (set by the
        # matcher for all its anchoring nodes at once: TreeMatcher.candidates); None: each node looks up its own
        self.candidates: dict[tuple, list[int]] | None = None
        self.doc = doc

    def _roots(self) -> list[int]:
        """The root of each token's tree: by pointer jumping (each token's pointer goes to its
        pointer's pointer until no pointer moves: as many passes as the depth of the deepest tree
        has bits, each a list comprehension, where a walk up from every token cost a Python loop
        per step), else (a cycle, which no parser makes) :meth:`_roots_walked`."""
        root = self.heads
        for _ in range(self.n.bit_length() + 1):
            jumped = [root[r] for r in root]
            if jumped == root:
                return root if root is not self.heads else list(root)
            root = jumped
        return self._roots_walked()

    def _roots_walked(self) -> list[int]:
        root = [-1] * self.n
        for i in range(self.n):
            path, j = [], i
            while root[j] < 0 and self.heads[j] != j and len(path) <= self.n:
                path.append(j)
                j = self.heads[j]
            top = root[j] if root[j] >= 0 else j
            for p in path + [j]:
                root[p] = top
        return root

    def where(self, attr: str) -> dict[int, list[int]]:
        """The positions of each value of an attribute (built at first use)."""
        if attr not in self._index:
            index: dict[int, list[int]] = {}
            for i, value in enumerate(self.columns[attr]):
                index.setdefault(value, []).append(i)
            self._index[attr] = index
        return self._index[attr]

    def edges(self, i: int) -> tuple[int, int]:
        """The first and last token of i's tree as spaCy's precedence operators take them: the
        edges the Doc keeps for the root (which a non-projective tree can leave too narrow)."""
        root = self.root[i]
        if root not in self._edges:
            self._edges[root] = (self.doc[root].left_edge.i, self.doc[root].right_edge.i)
        return self._edges[root]

    def descendants(self, i: int) -> list[int]:
        out, stack = [], list(self.children[i])
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children[j])
        return sorted(out)

    def ancestors(self, i: int) -> list[int]:
        out = []
        while self.heads[i] != i and len(out) < self.n:
            i = self.heads[i]
            out.append(i)
        return sorted(out)


# Each operator: the tokens it leads to from token i, in ascending order (spaCy's ``_ops``;
# tokens outside i's tree are dropped by the caller, as spaCy drops them).
OPS: dict[str, Callable[[Parse, int], list[int]]] = {
    ">": lambda p, i: p.children[i],
    "<": lambda p, i: [p.heads[i]] if p.heads[i] != i else [],
    ">>": Parse.descendants,
    "<<": Parse.ancestors,
    ".": lambda p, i: [i + 1] if p.edges(i)[0] <= i + 1 <= p.edges(i)[1] else [],
    ";": lambda p, i: [i - 1] if p.edges(i)[0] <= i - 1 <= p.edges(i)[1] else [],
    ".*": lambda p, i: list(range(i + 1, p.edges(i)[1] + 1)),
    ";*": lambda p, i: list(range(p.edges(i)[0], i)),
    "$+": lambda p, i: [c for c in p.children[p.heads[i]] if c == i + 1],
    "$-": lambda p, i: [c for c in p.children[p.heads[i]] if c == i - 1],
    "$++": lambda p, i: [c for c in p.children[p.heads[i]] if c > i],
    "$--": lambda p, i: [c for c in p.children[p.heads[i]] if c < i],
}


class Node:
    """One node of a pattern: the relation from an earlier node and the tests of its attributes."""

    def __init__(self, spec: dict, ids: dict[str, int]) -> None:
        self.op: str | None = spec.get("REL_OP")
        self.left = ids.get(spec.get("LEFT_ID", ""), -1)
        self.tests: list[tuple[str, str, object]] = []
        self.walkable = self.op is None or self.op in OPS
        for name, value in spec["RIGHT_ATTRS"].items():
            if name not in ATTRS:
                self.walkable = False
            elif isinstance(value, str):
                self.tests.append((name, "==", get_string_id(value)))
            elif isinstance(value, dict) and value and set(value) <= {"IN", "NOT_IN"}:
                self.tests += [(name, kind, frozenset(get_string_id(v) for v in values)) for kind, values in value.items()]
            else:
                self.walkable = False
        # A value the node must have, by which its tokens are looked up: a word's first, then a
        # tag's or a label's (None: every token is tried).
        musts = sorted((t for t in self.tests if t[1] != "NOT_IN"), key=lambda t: t[0] not in ("LOWER", "ORTH"))
        self.lookup = (musts[0][0], musts[0][2] if musts[0][1] == "IN" else frozenset((musts[0][2],))) if musts else None
        self.signature = self.lookup  # nodes of the same lookup have the same candidates

    def fits(self, p: Parse, i: int) -> bool:
        for name, kind, value in self.tests:
            v = p.columns[name][i]
            if (kind == "==" and v != value) or (kind == "IN" and v not in value) or (kind == "NOT_IN" and v in value):
                return False
        return True

    @property
    def has_word(self) -> bool:
        """Whether the node must be one of some words (its tokens are found by the word index)."""
        return self.lookup is not None and self.lookup[0] in ("LOWER", "ORTH")

    def anchors(self, p: Parse) -> list[int]:
        """The tokens this node fits, in order: through the index of ``lookup``, if any."""
        if self.lookup is None:
            return [i for i in range(p.n) if self.fits(p, i)]
        if p.candidates is not None:
            return [i for i in p.candidates.get(self.signature, ()) if self.fits(p, i)]
        name, values = self.lookup
        where = p.where(name)
        return [i for i in sorted(i for v in where.keys() & values for i in where[v]) if self.fits(p, i)]


def _anchors(p: Parse, nodes: list[Node], guides: list[Node]) -> list[int]:
    """The tokens the first node fits; for a first node without a word, only the heads of
    tokens fitting each of its ``guides`` (its ``>`` nodes that must have some value): no other
    token starts a match, and a node that fits any token or any noun would start thousands."""
    if not guides:
        return nodes[0].anchors(p)
    heads: set[int] | None = None
    for guide in guides:
        found = {p.heads[j] for j in guide.anchors(p) if p.heads[j] != j}
        heads = found if heads is None else heads & found
    return [i for i in sorted(heads or ()) if nodes[0].fits(p, i)]


class TreeMatcher:
    """A drop-in ``DependencyMatcher`` (``add`` and ``__call__``) that walks the parse."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.spacy = DependencyMatcher(vocab)  # validates each pattern; matches where walking cannot
        self.patterns: dict[int, list[tuple[list[Node], list[Node]]]] = {}  # key -> (nodes, guides) of each pattern
        self.annotations: set[str] = set()
        self.walkable = True
        # attribute -> value -> the signatures of the nodes looked up by that value (candidates)
        self.wanted: dict[str, dict[int, list[tuple]]] = {}

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        self.spacy.add(key, patterns)
        compiled = self.patterns.setdefault(self.vocab.strings.add(key), [])
        for pattern in patterns:
            ids = {spec["RIGHT_ID"]: i for i, spec in enumerate(pattern)}
            nodes = [Node(spec, ids) for spec in pattern]
            self.walkable = self.walkable and all(node.walkable for node in nodes)
            self.annotations |= {ANNOTATED[name] for node in nodes for name, _, _ in node.tests if name in ANNOTATED}
            guides = [] if nodes[0].has_word else [n for n in nodes[1:] if n.left == 0 and n.op == ">" and n.lookup is not None]
            compiled.append((nodes, guides))
            # only a first node and its guides are looked up (``_anchors``); the others are
            # reached by walking the tree and tested with ``fits``
            for node in (n for n in (nodes[0], *guides) if n.lookup is not None):
                for value in node.lookup[1]:
                    signatures = self.wanted.setdefault(node.lookup[0], {}).setdefault(value, [])
                    if node.signature not in signatures:
                        signatures.append(node.signature)

    def candidates(self, p: Parse) -> dict[tuple, list[int]]:
        """For every node signature, the tokens that have its lookup value, in order: one pass
        over the document's tokens per attribute, each value looked up among the values of all
        the nodes, rather than the values of each node (up to a few hundred words) among those
        of the document. A signature holds one attribute, so its tokens come in token order."""
        out: dict[tuple, list[int]] = {}
        for name, wanted in self.wanted.items():
            get = wanted.get
            for i, value in enumerate(p.columns[name]):
                signatures = get(value)
                if signatures is not None:
                    for signature in signatures:
                        out.setdefault(signature, []).append(i)
        return out

    def __call__(self, doc: Doc) -> list[tuple[int, list[int]]]:
        if not self.walkable or not all(doc.has_annotation(a) for a in self.annotations):
            return self.spacy(doc)
        p = Parse(doc)
        p.candidates = self.candidates(p)
        out: list[tuple[int, list[int]]] = []
        candidates = p.candidates
        for key, patterns in self.patterns.items():
            for nodes, guides in patterns:
                if not guides and nodes[0].lookup is not None and nodes[0].signature not in candidates:
                    continue  # no token has the word (tag, label) the first node must have
                found: list[list[int]] = []
                for anchor in _anchors(p, nodes, guides):
                    _walk(p, nodes, [anchor], found)
                found.sort(key=lambda m: p.rank[p.root[m[0]]])  # stable: tree by tree, as spaCy
                out += [(key, m) for m in found]
        return out


def _walk(p: Parse, nodes: list[Node], bound: list[int], out: list[list[int]]) -> None:
    """Every way to bind the nodes after ``bound``, in spaCy's order (positions ascending)."""
    if len(bound) == len(nodes):
        out.append(list(bound))
        return
    node = nodes[len(bound)]
    root = p.root[bound[0]]
    for j in OPS[node.op](p, bound[node.left]):
        if p.root[j] == root and node.fits(p, j):
            bound.append(j)
            _walk(p, nodes, bound, out)
            bound.pop()
