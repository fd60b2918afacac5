"""POT / SciPy side of bench/ot.bench.ts: reads a JSON spec on stdin, prints JSON timings.

Run by the benchmark with Debian's interpreter (/usr/bin/python3, packages python3-pot and
python3-scipy). Inputs are rebuilt here from the same closed-form recipes as the TypeScript and
C sides (see bench/ot.bench.ts), so all sides solve identical problems.
"""
import json
import sys
import time

import numpy as np
import ot
import scipy
from scipy.optimize import linear_sum_assignment


def frac(x):
    return x - np.floor(x)


def sinkhorn_problem(n):
    i = np.arange(n, dtype=float)
    a = 1 + 0.5 * np.sin(i)
    b = 1 + 0.5 * np.cos(i)
    a /= a.sum()
    b /= b.sum()
    x = i / (n - 1)
    y = (i / (n - 1)) ** 2
    M = (x[:, None] - y[None, :]) ** 2
    return a, b, M


def points(n, shift):
    i = np.arange(n, dtype=float)
    if shift:
        return np.stack([frac(i * 0.732051 + 0.1), frac(i * 0.236068 + 0.2)], axis=1)
    return np.stack([frac(i * 0.618034), frac(i * 0.414214)], axis=1)


def emd_problem(n):
    i = np.arange(n, dtype=float)
    a = 1 + 0.5 * np.sin(i)
    b = 1 + 0.5 * np.cos(i)
    a /= a.sum()
    b /= b.sum()
    X, Y = points(n, False), points(n, True)
    M = ((X[:, None, :] - Y[None, :, :]) ** 2).sum(-1)
    return a, b, M


def timed(fn, repeats):
    ts = []
    out = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        ts.append(time.perf_counter() - t0)
    return float(np.median(ts)), out


spec = json.load(sys.stdin)
res = {"pot": ot.__version__, "scipy": scipy.__version__, "sinkhorn_log": {}, "sinkhorn": {}, "emd": {}, "lsap": {}, "gw": {}}
for case in spec.get("sinkhorn", []):
    n, reg = case["n"], case["reg"]
    a, b, M = sinkhorn_problem(n)
    t, P = timed(lambda: ot.sinkhorn(a, b, M, reg, method="sinkhorn_log", numItermax=case["logIters"], stopThr=0), case["repeats"])
    res["sinkhorn_log"][str(n)] = {"seconds": t, "iterations": case["logIters"], "value": float((P * M).sum())}
    t, P = timed(lambda: ot.sinkhorn(a, b, M, reg, method="sinkhorn", numItermax=case["iters"], stopThr=0), case["repeats"])
    res["sinkhorn"][str(n)] = {"seconds": t, "iterations": case["iters"], "value": float((P * M).sum())}
for case in spec.get("emd", []):
    a, b, M = emd_problem(case["n"])
    t, v = timed(lambda: ot.emd2(a, b, M, numItermax=10000000), case["repeats"])
    res["emd"][str(case["n"])] = {"seconds": t, "value": float(v)}
for case in spec.get("lsap", []):
    _, _, M = emd_problem(case["n"])
    t, (r, c) = timed(lambda: linear_sum_assignment(M), case["repeats"])
    res["lsap"][str(case["n"])] = {"seconds": t, "value": float(M[r, c].sum())}
for case in spec.get("gw", []):
    n = case["n"]
    X, Y = points(n, False), points(n, True)
    C1 = np.sqrt(((X[:, None, :] - X[None, :, :]) ** 2).sum(-1))
    C2 = np.sqrt(((Y[:, None, :] - Y[None, :, :]) ** 2).sum(-1))
    p = np.ones(n) / n
    timed(lambda: ot.gromov.gromov_wasserstein2(C1, C2, p, p, "square_loss"), case.get("warmup", 0))
    t, v = timed(lambda: ot.gromov.gromov_wasserstein2(C1, C2, p, p, "square_loss"), case["repeats"])
    res["gw"][str(n)] = {"seconds": t, "value": float(v)}
json.dump(res, sys.stdout)
