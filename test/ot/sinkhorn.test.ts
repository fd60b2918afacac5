import { describe, expect, it } from 'vitest';
import { ConvergenceError } from '../../src/core/errors.js';
import { jsSinkhornKernel } from '../../src/ot/backend/jsSinkhornKernel.js';
import { sinkhorn } from '../../src/ot/sinkhorn.js';
import { sinkhorn2 } from '../../src/ot/sinkhorn2.js';
import { sinkhornBatch } from '../../src/ot/sinkhornBatch.js';
import { sinkhornKnopp } from '../../src/ot/sinkhornKnopp.js';
import { sinkhornLog } from '../../src/ot/sinkhornLog.js';
import { colSums, createRng, maxAbsDiff, randomCost, randomHistogram, relDiff, rowSums } from './helpers.js';

describe('sinkhorn: WASM kernel vs TypeScript twin (same iterations)', () => {
  const rng = createRng('parity');
  const cases: [number, number, number, number][] = [
    [1, 1, 0.1, 0],
    [3, 5, 0.5, 0],
    [17, 9, 0.05, 1],
    [64, 64, 0.01, 2],
    [120, 77, 1e-3, 3],
  ];
  for (const [n, m, reg, zeros] of cases) {
    for (const method of ['log', 'stabilized', 'knopp'] as const) {
      it(`${method} ${n}x${m} reg=${reg}`, () => {
        const a = randomHistogram(rng, n, zeros);
        const b = randomHistogram(rng, m, zeros);
        const M = randomCost(rng, n, m);
        const opts = { method, maxIter: 150, tol: 0 } as const;
        const w = sinkhorn(a, b, M, reg, { ...opts, backend: 'wasm' });
        const j = sinkhorn(a, b, M, reg, { ...opts, backend: 'js' });
        expect(w.backend).toBe('wasm');
        expect(j.backend).toBe('js');
        expect(w.iterations).toBe(j.iterations);
        expect(w.status).toBe(j.status);
        expect(relDiff(w.plan.data, j.plan.data)).toBeLessThan(1e-10);
        if (method !== 'knopp' || reg >= 0.01) {
          expect(relDiff(w.potentials.f, j.potentials.f)).toBeLessThan(1e-10);
          expect(relDiff(w.potentials.g, j.potentials.g)).toBeLessThan(1e-10);
        }
        expect(Math.abs(w.value - j.value)).toBeLessThan(1e-12 * Math.max(1, Math.abs(j.value)));
        expect(Math.abs(w.marginalError - j.marginalError)).toBeLessThan(1e-12);
      });
    }
  }
});

describe('sinkhorn: properties', () => {
  it('returns plans whose marginals match to tol, deterministically', () => {
    const rng = createRng(3);
    const a = randomHistogram(rng, 40);
    const b = randomHistogram(rng, 30);
    const M = randomCost(rng, 40, 30);
    const r = sinkhorn(a, b, M, 0.02, { tol: 1e-10, maxIter: 10000 });
    expect(r.status).toBe('converged');
    expect(r.marginalError).toBeLessThan(1e-10);
    expect(maxAbsDiff(rowSums(r.plan), a)).toBeLessThan(1e-10);
    expect(maxAbsDiff(colSums(r.plan), b)).toBeLessThan(1e-14);
    const again = sinkhorn(a, b, M, 0.02, { tol: 1e-10, maxIter: 10000 });
    expect(Array.from(again.plan.data)).toEqual(Array.from(r.plan.data));
    // plan = exp((f + g - M) / reg)
    const { f, g } = r.potentials;
    for (const [i, j] of [[0, 0], [7, 12], [39, 29]]) expect(r.plan.data[i * 30 + j]).toBeCloseTo(Math.exp((f[i] + g[j] - M.data[i * 30 + j]) / 0.02), 14);
  });

  it('never produces NaN: zero masses, tiny reg, costs over many orders of magnitude', () => {
    const rng = createRng(4);
    const n = 30;
    const a = randomHistogram(rng, n, 5);
    const b = randomHistogram(rng, n, 5);
    const M = randomCost(rng, n, n);
    for (let k = 0; k < M.data.length; k++) M.data[k] *= 10 ** ((k % 13) - 6); // 1e-6 .. 1e6
    for (const backend of ['wasm', 'js'] as const) {
      for (const reg of [1e-6, 1e-3, 1, 1e6])
      for (const method of ['log', 'stabilized'] as const) {
        const r = sinkhorn(a, b, M, reg, { backend, method, maxIter: 300 });
        expect(r.plan.data.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
        expect(Number.isFinite(r.value)).toBe(true);
        expect(r.status).not.toBe('numericalError');
        for (let i = 0; i < n; i++) {
          if (a[i] === 0) expect(r.potentials.f[i]).toBe(-Infinity);
          else expect(Number.isFinite(r.potentials.f[i])).toBe(true);
        }
        expect(maxAbsDiff(colSums(r.plan), b)).toBeLessThan(1e-12);
      }
    }
  });

  it('Knopp reports numericalError for a tiny reg and keeps the last finite iterate', () => {
    const M = [[0, 1000], [1000, 0.5]];
    const r = sinkhornKnopp([0.3, 0.7], [0.6, 0.4], M, 1e-3);
    expect(r.status).toBe('numericalError');
    expect(r.plan.data.every((x) => !Number.isNaN(x))).toBe(true);
    expect(() => sinkhornKnopp([0.3, 0.7], [0.6, 0.4], M, 1e-3, { strict: true })).toThrow(ConvergenceError);
    const l = sinkhornLog([0.3, 0.7], [0.6, 0.4], M, 1e-3);
    expect(l.status).not.toBe('numericalError');
    expect(l.plan.data.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
    expect(sinkhornLog([0.3, 0.7], [0.6, 0.4], [[0, 10], [10, 0.5]], 1e-2).status).toBe('converged');
  });

  it('stabilized follows the log-domain iterates (same iterations, plans equal to rounding)', () => {
    const rng = createRng(10);
    for (const reg of [0.05, 1e-3, 1e-4]) {
      const a = randomHistogram(rng, 40, 2);
      const b = randomHistogram(rng, 35, 2);
      const M = randomCost(rng, 40, 35);
      const s = sinkhorn(a, b, M, reg, { method: 'stabilized', maxIter: 400, tol: 0 });
      const l = sinkhorn(a, b, M, reg, { method: 'log', maxIter: 400, tol: 0 });
      expect(s.method).toBe('stabilized');
      expect(relDiff(s.plan.data, l.plan.data)).toBeLessThan(1e-10);
      expect(Math.abs(s.marginalError - l.marginalError)).toBeLessThan(1e-10);
    }
    expect(sinkhorn([1], [1], [[0]], 1).method).toBe('stabilized');
  });

  it('Knopp and log agree on well-conditioned problems', () => {
    const rng = createRng(5);
    const a = randomHistogram(rng, 25);
    const b = randomHistogram(rng, 20);
    const M = randomCost(rng, 25, 20);
    const l = sinkhorn(a, b, M, 0.05, { tol: 1e-12, maxIter: 5000 });
    const k = sinkhorn(a, b, M, 0.05, { method: 'knopp', tol: 1e-12, maxIter: 5000 });
    expect(relDiff(k.plan.data, l.plan.data)).toBeLessThan(1e-9);
    expect(k.value).toBeCloseTo(l.value, 12);
    expect(sinkhorn2(a, b, M, 0.05, { tol: 1e-12, maxIter: 5000 })).toBe(l.value);
  });

  it('strict throws ConvergenceError when maxIter is too small; status otherwise', () => {
    const rng = createRng(6);
    const a = randomHistogram(rng, 20);
    const M = randomCost(rng, 20, 20);
    const r = sinkhorn(a, a.slice().reverse(), M, 1e-3, { maxIter: 3 });
    expect(r.status).toBe('maxIter');
    expect(r.iterations).toBe(3);
    expect(() => sinkhorn(a, a.slice().reverse(), M, 1e-3, { maxIter: 3, strict: true })).toThrow(ConvergenceError);
  });

  it('warm start from the solution converges immediately; epsilon scaling reaches the same plan', () => {
    const rng = createRng(7);
    const a = randomHistogram(rng, 30);
    const b = randomHistogram(rng, 30);
    const M = randomCost(rng, 30, 30);
    const r = sinkhorn(a, b, M, 2e-3, { maxIter: 20000, tol: 1e-9 });
    expect(r.status).toBe('converged');
    const w = sinkhorn(a, b, M, 2e-3, { warmStart: r.potentials, tol: 1e-9 });
    expect(w.iterations).toBeLessThanOrEqual(1);
    const e = sinkhorn(a, b, M, 2e-3, { epsilonScaling: true, maxIter: 20000, tol: 1e-9 });
    expect(e.status).toBe('converged');
    expect(e.iterations).toBeLessThan(r.iterations);
    expect(Math.abs(e.value - r.value)).toBeLessThan(1e-7);
  });

  it('checkEvery delays the check but not the iteration', () => {
    const rng = createRng(8);
    const a = randomHistogram(rng, 10);
    const M = randomCost(rng, 10, 10);
    const r1 = sinkhorn(a, a, M, 0.1, { tol: 1e-8 });
    const r10 = sinkhorn(a, a, M, 0.1, { tol: 1e-8, checkEvery: 10 });
    expect(r10.iterations % 10).toBe(0);
    expect(r10.iterations).toBeGreaterThanOrEqual(r1.iterations);
  });

  it('the JS kernel can be passed as an object', () => {
    const r = sinkhorn([1], [1], [[3]], 1, { backend: jsSinkhornKernel });
    expect(r.backend).toBe('js');
    expect(r.value).toBe(3);
    expect(r.plan.data[0]).toBeCloseTo(1, 15);
  });
});

describe('sinkhornBatch', () => {
  it('equals independent solves, with shared or per-problem costs and mixed sizes', () => {
    const rng = createRng(9);
    const sizes = [5, 12, 1, 30];
    const a = sizes.map((n) => randomHistogram(rng, n));
    const b = sizes.map((n) => randomHistogram(rng, n));
    const M = sizes.map((n) => randomCost(rng, n, n));
    const res = sinkhornBatch(a, b, M, 0.05);
    expect(res.results).toHaveLength(4);
    expect(res.converged).toBe(4);
    for (let k = 0; k < 4; k++) expect(res.values[k]).toBe(sinkhorn(a[k], b[k], M[k], 0.05).value);
    const shared = sinkhornBatch([a[1], b[1]], [b[1], a[1]], M[1], [0.05, 0.1]);
    expect(shared.values[1]).toBe(sinkhorn(b[1], a[1], M[1], 0.1).value);
  });

  it('names the offending problem', () => {
    expect(() => sinkhornBatch([[0.5, 0.5], [1, Number.NaN]], [[0.5, 0.5], [0.5, 0.5]], [[0, 1], [1, 0]], 0.1)).toThrow(/a\[1\]\[1\]/);
    expect(() => sinkhornBatch([[1]], [[1], [1]], [[[0]]], 0.1)).toThrow(/b: expected shape 1 histograms/);
    expect(() => sinkhornBatch([[1]], [[1]], [[[0]], [[0]]], 0.1)).toThrow(/^M/);
    expect(() => sinkhornBatch([[1]], [[1]], [[[0]]], [0.1, 0.2])).toThrow(/^reg/);
    expect(() => sinkhornBatch([[1], [1]], [[1], [1]], [[[0]], [[0]]], [0.1, -1])).toThrow(/reg\[1\]/);
  });
});
