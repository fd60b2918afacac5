#!/usr/bin/python3
"""Writes test/io/fixtures/networkx.json: graph6/sparse6 strings made by networkx.

Run with Debian's networkx 2.8.8:  /usr/bin/python3 scripts/io/make_networkx_fixtures.py
Each case holds n, the edge list (nodes 0..n-1 in order) and what networkx writes for it with
to_graph6_bytes(G, header=False) and to_sparse6_bytes(G, header=False). Also the size field
bytes n_to_data(n) for boundary values, and a file made of three write_graph6(G, f, header=True)
calls (the header is repeated on every line).
"""
import io
import json
import random
import sys

import networkx as nx
from networkx.readwrite.graph6 import n_to_data

OUT = "test/io/fixtures/networkx.json"
rng = random.Random(20261123)


def graph(n, edges):
    g = nx.Graph()
    g.add_nodes_from(range(n))
    g.add_edges_from(edges)
    return g


def case(name, n, edges, with_graph6=True):
    g = graph(n, edges)
    out = {
        "name": name,
        "n": n,
        "edges": sorted([min(u, v), max(u, v)] for u, v in g.edges()),
        "sparse6": nx.to_sparse6_bytes(g, header=False).decode("ascii"),
    }
    if with_graph6:
        out["graph6"] = nx.to_graph6_bytes(g, header=False).decode("ascii")
    return out


def gnp(n, p):
    return [(u, v) for v in range(n) for u in range(v) if rng.random() < p]


cases = []
for n in range(0, 4):
    cases.append(case(f"empty-{n}", n, []))
cases.append(case("edge-2", 2, [(0, 1)]))
cases.append(case("triangle", 3, [(0, 1), (1, 2), (0, 2)]))
cases.append(case("spec-example-sparse6", 7, [(0, 1), (0, 2), (1, 2), (5, 6)]))
# The sparse6 padding corner case: n = 2^k with k < 6, every edge subset of small graphs,
# and random subsets for larger n, ending at various current vertices.
for mask in range(1, 64):
    pairs = [(u, v) for v in range(4) for u in range(v)]
    cases.append(case(f"k4-subset-{mask}", 4, [pairs[i] for i in range(6) if mask >> i & 1]))
for k in (3, 4, 5):
    n = 1 << k
    for t in range(12):
        cases.append(case(f"pow2-{n}-{t}", n, gnp(n, rng.choice([0.02, 0.05, 0.1, 0.3]))))
    cases.append(case(f"pow2-{n}-last-pair", n, [(n - 3, n - 2)]))
    cases.append(case(f"pow2-{n}-to-last", n, [(0, n - 1)]))
for n in list(range(4, 70)) + [62, 63, 64, 65, 100, 127, 128, 129, 200]:
    for p in (0.05, 0.3, 0.7) if n < 100 else (0.02, 0.1):
        cases.append(case(f"gnp-{n}-{p}", n, gnp(n, p)))
cases.append(case("complete-20", 20, [(u, v) for v in range(20) for u in range(v)]))
cases.append(case("grid-10x13", 130, [(a, b) for a, b in nx.convert_node_labels_to_integers(nx.grid_2d_graph(10, 13)).edges()]))
# Large sparse graphs: the 4-character and 8-character size fields (graph6 would be gigabytes).
for n in (258047, 258048, 1000000):
    edges = [(0, 1), (5, n - 1), (n - 2, n - 1), (12345, 200000 % n)]
    cases.append(case(f"large-{n}", n, edges, with_graph6=False))

sizes = [{"n": n, "data": n_to_data(n)} for n in (0, 1, 62, 63, 64, 4095, 4096, 258047, 258048, 1 << 30, (1 << 36) - 1)]

buf = io.BytesIO()
multi = [graph(3, [(0, 1)]), graph(0, []), graph(5, [(0, 4), (1, 3)])]
for g in multi:
    nx.write_graph6(g, buf, header=True)
multi_edges = [sorted([min(u, v), max(u, v)] for u, v in g.edges()) for g in multi]

with open(OUT, "w") as f:
    json.dump(
        {
            "generator": f"networkx {nx.__version__}, scripts/io/make_networkx_fixtures.py",
            "cases": cases,
            "sizeFields": sizes,
            "multiWithHeaders": {"text": buf.getvalue().decode("ascii"), "n": [len(g) for g in multi], "edges": multi_edges},
        },
        f,
        separators=(",", ":"),
    )
print(f"wrote {len(cases)} cases to {OUT}", file=sys.stderr)
