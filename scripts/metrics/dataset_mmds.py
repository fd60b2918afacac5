"""Spectre-preset MMDs of train vs test on the shared planar and sbm benchmarks, by the Python
transcription (reference.py), written to test/metrics/fixtures/datasets.json.

    /usr/bin/python3 scripts/metrics/dataset_mmds.py"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
import reference as R  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', '..', 'shared', 'datasets')
OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'metrics', 'fixtures', 'datasets.json')
res = {}
for name in ['planar', 'sbm']:
    train = R.read_g6(os.path.join(ROOT, name, 'train.g6'))
    test = R.read_g6(os.path.join(ROOT, name, 'test.g6'))
    res[name] = {'train_vs_test': R.spectre_mmds(train, test)}
    if name == 'planar':
        res[name]['vun_test_vs_train'] = R.vun(test, train, R.is_planar_valid)
    print(name, res[name], flush=True)
with open(OUT, 'w') as f:
    json.dump(res, f, indent=1)
