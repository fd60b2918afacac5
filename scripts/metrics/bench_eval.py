"""Python (networkx 2.8 / numpy / scipy) twin of `graphgen eval` with the spectre preset, for
bench/metrics.bench.ts: all five MMDs of generated vs reference, plus uniqueness / novelty /
validity / V.U.N. against the training graphs. Orbits by the pure-Python ESU counter of
reference.py (ORCA is not available here). Prints one JSON line with the in-process seconds.

    /usr/bin/python3 scripts/metrics/bench_eval.py GEN.g6 REF.g6 TRAIN.g6 planar|none"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(__file__))
import reference as R  # noqa: E402

gen, ref, train = (R.read_g6(p) for p in sys.argv[1:4])
validity = R.is_planar_valid if sys.argv[4] == 'planar' else (lambda g: True)
t0 = time.perf_counter()
mmds = R.spectre_mmds(ref, gen)
sample = R.vun(gen, train, validity)
elapsed = time.perf_counter() - t0
print(json.dumps({'seconds': elapsed, 'mmd': mmds, 'sample': sample}))
