"""Generates test/ot/fixtures/pot.json: reference values from POT (Python Optimal Transport) and
SciPy for the graphgen OT tests. Tests read the JSON and never need Python.

Run with Debian's interpreter, which has the packages:
    apt-get install -y python3-pot python3-scipy
    /usr/bin/python3 scripts/ot/make_fixtures.py
Versions used are recorded in the output ("meta").
"""
import json
import sys

import numpy as np
import ot
import scipy
from scipy.optimize import linear_sum_assignment

rng = np.random.RandomState(20261123)


def hist(n, zeros=0):
    h = 0.1 + rng.rand(n)
    h[:zeros] = 0
    return h / h.sum()


def cloud(n, d=2):
    return rng.rand(n, d)


def sqdist(x, y):
    return ot.dist(x, y, metric='sqeuclidean')


def graph_structure(n, p=0.3):
    """Shortest-path-like structure matrix: symmetric, zero diagonal."""
    x = rng.rand(n, 2)
    C = ot.dist(x, x, metric='euclidean')
    return C / C.max()


out = {"meta": {"pot": ot.__version__, "numpy": np.__version__, "scipy": scipy.__version__, "python": sys.version.split()[0],
                "script": "scripts/ot/make_fixtures.py"}}

# Sinkhorn (log-domain) plans and costs
cases = []
for (n, m, reg, zeros) in [(5, 7, 0.1, 0), (20, 15, 0.01, 1), (40, 40, 0.005, 0), (30, 25, 1e-3, 0)]:
    a, b = hist(n, zeros), hist(m, zeros)
    M = sqdist(cloud(n), cloud(m))
    P = ot.sinkhorn(a, b, M, reg, method='sinkhorn_log', numItermax=100000, stopThr=1e-13)
    cases.append({"a": a.tolist(), "b": b.tolist(), "M": M.tolist(), "reg": reg, "plan": P.tolist(), "cost": float((P * M).sum())})
out["sinkhorn"] = cases

# EMD
cases = []
for (n, m, zeros) in [(4, 6, 0), (30, 20, 2), (100, 120, 0), (60, 60, 0)]:
    a, b = hist(n, zeros), hist(m, zeros)
    M = sqdist(cloud(n, 3), cloud(m, 3))
    G, log = ot.emd(a, b, M, log=True, numItermax=10000000)
    cases.append({"a": a.tolist(), "b": b.tolist(), "M": M.tolist(), "value": float(log["cost"]), "plan": G.tolist()})
# integer-ish costs with many ties
a = np.ones(8) / 8
b = np.ones(8) / 8
M = rng.randint(0, 3, size=(8, 8)).astype(float)
G, log = ot.emd(a, b, M, log=True)
cases.append({"a": a.tolist(), "b": b.tolist(), "M": M.tolist(), "value": float(log["cost"]), "plan": G.tolist()})
out["emd"] = cases

# Sinkhorn vs EMD is checked in the tests; emd2_1d
cases = []
for (n, m) in [(5, 5), (7, 11), (50, 30)]:
    xa, xb = rng.randn(n), rng.randn(m) + 0.5
    a, b = hist(n), hist(m)
    cases.append({"xa": xa.tolist(), "xb": xb.tolist(), "a": a.tolist(), "b": b.tolist(),
                  "sqeuclidean": float(ot.emd2_1d(xa, xb, a, b, metric='sqeuclidean')),
                  "p1": float(ot.emd2_1d(xa, xb, a, b, metric='minkowski', p=1)),
                  "p3": float(ot.emd2_1d(xa, xb, a, b, metric='minkowski', p=3))})
out["emd1d"] = cases

# LSAP vs SciPy
cases = []
for (n, m) in [(5, 5), (10, 7), (6, 13), (50, 50)]:
    C = rng.rand(n, m) * 10
    r, c = linear_sum_assignment(C)
    rx, cx = linear_sum_assignment(C, maximize=True)
    cases.append({"C": C.tolist(), "rowInd": r.tolist(), "colInd": c.tolist(), "cost": float(C[r, c].sum()),
                  "maxCost": float(C[rx, cx].sum())})
out["lsap"] = cases

# Gromov-Wasserstein (square loss), FGW, entropic GW; default init p q^T
cases = []
for (n, m) in [(8, 8), (12, 10), (20, 20)]:
    C1, C2 = graph_structure(n), graph_structure(m)
    p, q = hist(n), hist(m)
    M = sqdist(rng.rand(n, 1), rng.rand(m, 1))
    T, log = ot.gromov.gromov_wasserstein(C1, C2, p, q, 'square_loss', log=True)
    gw = float(log["gw_dist"])
    Tf, logf = ot.gromov.fused_gromov_wasserstein(M, C1, C2, p, q, 'square_loss', alpha=0.5, log=True)
    fgw = float(logf["fgw_dist"])
    Te = ot.gromov.entropic_gromov_wasserstein(C1, C2, p, q, 'square_loss', epsilon=0.05, max_iter=1000, tol=1e-11)
    constC, hC1, hC2 = ot.gromov.init_matrix(C1, C2, p, q, 'square_loss')
    egw_loss = float(ot.gromov.gwloss(constC, hC1, hC2, Te))
    cases.append({"C1": C1.tolist(), "C2": C2.tolist(), "p": p.tolist(), "q": q.tolist(), "M": M.tolist(),
                  "gw": gw, "gwPlan": T.tolist(), "fgw": fgw, "alpha": 0.5,
                  "egwEpsilon": 0.05, "egwPlan": Te.tolist(), "egwLoss": egw_loss})
out["gromov"] = cases

# sinkhorn divergence on point clouds
cases = []
for (n, m, reg) in [(10, 12, 0.1), (25, 20, 0.5)]:
    xs, xt = cloud(n), cloud(m) + 0.2
    a, b = hist(n), hist(m)
    v = ot.bregman.empirical_sinkhorn_divergence(xs, xt, reg, a, b, metric='sqeuclidean', numIterMax=100000, stopThr=1e-13)
    cases.append({"xs": xs.tolist(), "xt": xt.tolist(), "a": a.tolist(), "b": b.tolist(), "reg": reg, "value": float(v)})
out["sinkhornDivergence"] = cases

json.dump(out, open("test/ot/fixtures/pot.json", "w"), indent=None, separators=(",", ":"))
print("wrote test/ot/fixtures/pot.json")
