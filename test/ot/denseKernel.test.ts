// The dense GW kernels: the C/WASM matmul and network simplex (wasm/dense.c) against their
// TypeScript twins: identical bits, and GW runs identical on either.
import { describe, expect, it } from 'vitest';
import { jsDenseKernel } from '../../src/ot/backend/DenseKernel.js';
import { defaultSinkhornWasm } from '../../src/ot/backend/loadSinkhornWasm.js';
import { conditionalGradient, prepareGromov } from '../../src/ot/internal/gromovCore.js';
import { createRng, randomCost, randomHistogram } from './helpers.js';

const wasm = defaultSinkhornWasm()?.dense;
if (!wasm) throw new Error('the wasm kernel must load in the test environment');

function same(x: ArrayLike<number>, y: ArrayLike<number>): boolean {
  if (x.length !== y.length) return false;
  for (let k = 0; k < x.length; k++) if (!Object.is(x[k], y[k])) return false;
  return true;
}

describe('dense kernels: wasm vs TypeScript twin', () => {
  const rng = createRng('dense');
  it('matmul is bitwise identical (odd and even sizes, k not a multiple of 4)', () => {
    for (const [n, k, m] of [
      [1, 1, 1],
      [3, 5, 7],
      [16, 8, 4],
      [33, 50, 17],
      [100, 100, 100],
    ] as const) {
      const A = Float64Array.from({ length: n * k }, () => rng.uniform() - 0.5);
      const B = Float64Array.from({ length: k * m }, () => rng.uniform() * 3);
      const ref = jsDenseKernel.matmul(A, B, n, k, m);
      expect(same(wasm.matmul(A, B, n, k, m), ref)).toBe(true);
      const out = new Float64Array(n * m).fill(7);
      expect(wasm.matmul(A, B, n, k, m, out)).toBe(out);
      expect(same(out, ref)).toBe(true);
      // and it is a product
      let s = 0;
      for (let l = 0; l < k; l++) s += A[(n - 1) * k + l] * B[l * m + (m - 1)];
      expect(Math.abs(ref[n * m - 1] - s)).toBeLessThan(1e-12 * Math.max(1, Math.abs(s)));
    }
  });

  it('network simplex gives the same pivots, flows and potentials (cold and warm start)', () => {
    for (const [n, m] of [
      [1, 1],
      [1, 6],
      [6, 1],
      [20, 30],
      [100, 100],
    ] as const) {
      const a = randomHistogram(rng, n);
      const b = randomHistogram(rng, m);
      const C = randomCost(rng, n, m).data;
      const r1 = jsDenseKernel.networkSimplex(a, b, C, 1_000_000);
      const r2 = wasm.networkSimplex(a, b, C, 1_000_000);
      expect(r2.optimal).toBe(true);
      expect(r2.pivots).toBe(r1.pivots);
      for (const key of ['rows', 'cols', 'flow', 'u', 'v'] as const) expect(same(r2[key], r1[key])).toBe(true);
      const C2 = C.map((x) => x + 0.05 * rng.uniform());
      const w1 = jsDenseKernel.networkSimplex(a, b, C2, 1_000_000, r1);
      const w2 = wasm.networkSimplex(a, b, C2, 1_000_000, r2);
      expect(w2.pivots).toBe(w1.pivots);
      for (const key of ['rows', 'cols', 'flow', 'u', 'v'] as const) expect(same(w2[key], w1[key])).toBe(true);
      const cut = jsDenseKernel.networkSimplex(a, b, C, 3);
      const cutW = wasm.networkSimplex(a, b, C, 3);
      expect(cutW.optimal).toBe(cut.optimal);
      expect(same(cutW.flow, cut.flow)).toBe(true);
    }
  });

  it('conditional-gradient GW runs are identical on both kernels', () => {
    for (const [n, m] of [
      [12, 9],
      [60, 80],
    ] as const) {
      const C1 = randomCost(rng, n, n);
      const C2 = randomCost(rng, m, m);
      const p = randomHistogram(rng, n);
      const q = randomHistogram(rng, m);
      const P = prepareGromov(C1, C2, p, q, null, 1e-6);
      const G0 = new Float64Array(n * m);
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) G0[i * m + j] = p[i] * q[j];
      const x = conditionalGradient(P, 1, G0, 1000, 1e-9, jsDenseKernel);
      const y = conditionalGradient(P, 1, G0, 1000, 1e-9, wasm);
      expect(y.iterations).toBe(x.iterations);
      expect(Object.is(y.value, x.value)).toBe(true);
      expect(same(y.plan, x.plan)).toBe(true);
      expect(same(y.f, x.f) && same(y.g, x.g)).toBe(true);
    }
  });
});
