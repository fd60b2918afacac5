// The optional float32 path of the WASM log-domain and Knopp kernels against the float64 kernels.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { sinkhorn } from '../../src/ot/sinkhorn.js';
import { createRng, randomCost, randomHistogram, rowSums } from './helpers.js';

describe('sinkhorn dtype: float32', () => {
  const rng = createRng('float32');
  for (const [n, m, reg, zeros] of [
    [1, 1, 0.1, 0],
    [5, 9, 0.5, 0],
    [33, 17, 0.05, 2],
    [130, 70, 0.02, 3],
  ] as const) {
    for (const method of ['log', 'knopp'] as const) {
      it(`${method} ${n} x ${m} reg ${reg}: float32 plan and cost match float64 to float32 accuracy`, () => {
        const a = randomHistogram(rng, n, zeros);
        const b = randomHistogram(rng, m, zeros);
        const M = randomCost(rng, n, m);
        const r64 = sinkhorn(a, b, M, reg, { method, backend: 'wasm', maxIter: 200, tol: 0 });
        const r32 = sinkhorn(a, b, M, reg, { method, backend: 'wasm', maxIter: 200, tol: 0, dtype: 'float32' });
        expect(r32.status).toBe(r64.status);
        expect(r32.iterations).toBe(200);
        let pmax = 0;
        for (const x of r64.plan.data) pmax = Math.max(pmax, x);
        // K = -M/reg is rounded to float32: relative error ~ 6e-8 * max(M)/reg per entry, plus
        // float32 sums over rows and columns
        const scale = 6e-8 * (1 + 2 / reg) * Math.sqrt(Math.max(n, m)) * 20;
        for (let k = 0; k < n * m; k++) {
          expect(Number.isFinite(r32.plan.data[k])).toBe(true);
          expect(Math.abs(r32.plan.data[k] - r64.plan.data[k])).toBeLessThanOrEqual(scale * pmax);
        }
        expect(Math.abs(r32.value - r64.value)).toBeLessThanOrEqual(scale * Math.abs(r64.value) + 1e-12);
        const rs = rowSums(r32.plan);
        for (let i = 0; i < n; i++) if (a[i] === 0) expect(rs[i]).toBe(0);
      });
    }
  }

  it('converges to a float32-appropriate tolerance', () => {
    const a = randomHistogram(rng, 200);
    const b = randomHistogram(rng, 150);
    const M = randomCost(rng, 200, 150);
    for (const method of ['log', 'knopp'] as const) {
      const r = sinkhorn(a, b, M, 0.05, { method, backend: 'wasm', dtype: 'float32', tol: 1e-5, maxIter: 5000 });
      expect(r.status).toBe('converged');
      expect(r.marginalError).toBeLessThan(1e-5);
    }
  });

  it('log float32 never produces NaN for tiny reg; the TS backend computes in float64', () => {
    const a = randomHistogram(rng, 40, 3);
    const b = randomHistogram(rng, 30, 2);
    const M = randomCost(rng, 40, 30);
    const r = sinkhorn(a, b, M, 1e-4, { method: 'log', backend: 'wasm', dtype: 'float32', maxIter: 300 });
    expect(r.plan.data.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
    const j = sinkhorn(a, b, M, 0.05, { method: 'log', backend: 'js', dtype: 'float32', maxIter: 50, tol: 0 });
    const j64 = sinkhorn(a, b, M, 0.05, { method: 'log', backend: 'js', maxIter: 50, tol: 0 });
    expect(j.value).toBe(j64.value);
  });

  it('rejects unknown dtypes and float32 with the stabilized method', () => {
    expect(() => sinkhorn([1], [1], [[0]], 1, { dtype: 'float16' as 'float32' })).toThrow(InputError);
    expect(() => sinkhorn([1], [1], [[0]], 1, { dtype: 'float32' })).toThrow(/options\.dtype/);
    expect(() => sinkhorn([1], [1], [[0]], 1, { method: 'stabilized', dtype: 'float32' })).toThrow(InputError);
  });
});
