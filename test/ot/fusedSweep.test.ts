// The fused scaling sweep (one pass over K per iteration: K v, u update and K^T u row by row)
// computes the same iterates as the textbook unfused sequence u = a ./ (K v), v = b ./ (K^T u).
import { describe, expect, it } from 'vitest';
import { sinkhorn } from '../../src/ot/sinkhorn.js';
import { createRng, randomCost, randomHistogram } from './helpers.js';

/** Unfused Sinkhorn-Knopp, written plainly: kv for all rows, then u, then K^T u, then v. */
function unfusedKnopp(a: Float64Array, b: Float64Array, M: Float64Array, reg: number, iters: number): { u: Float64Array; v: Float64Array } {
  const n = a.length;
  const m = b.length;
  const K = M.map((x) => Math.exp(-x / reg));
  const u = new Float64Array(n).fill(1);
  const v = new Float64Array(m).fill(1);
  for (let it = 0; it < iters; it++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += K[i * m + j] * v[j];
      u[i] = a[i] / s;
    }
    const ktu = new Float64Array(m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) ktu[j] += u[i] * K[i * m + j];
    for (let j = 0; j < m; j++) v[j] = b[j] / ktu[j];
  }
  return { u, v };
}

describe('fused scaling sweep', () => {
  const rng = createRng('fused');
  for (const [n, m] of [
    [1, 1],
    [7, 5],
    [33, 64],
    [65, 31],
  ] as const) {
    it(`knopp (wasm and js) equals the unfused iteration, ${n} x ${m}`, () => {
      const a = randomHistogram(rng, n);
      const b = randomHistogram(rng, m);
      const M = randomCost(rng, n, m);
      const ref = unfusedKnopp(a, b, M.data, 0.1, 37);
      for (const backend of ['wasm', 'js'] as const) {
        const r = sinkhorn(a, b, M, 0.1, { method: 'knopp', backend, maxIter: 37, tol: 0 });
        expect(r.iterations).toBe(37);
        for (let i = 0; i < n; i++) expect(Math.abs(r.potentials.f[i] - 0.1 * Math.log(ref.u[i]))).toBeLessThan(1e-12);
        for (let j = 0; j < m; j++) expect(Math.abs(r.potentials.g[j] - 0.1 * Math.log(ref.v[j]))).toBeLessThan(1e-12);
        for (let i = 0; i < n; i++)
          for (let j = 0; j < m; j++) {
            const p = ref.u[i] * Math.exp(-M.data[i * m + j] / 0.1) * ref.v[j];
            expect(Math.abs(r.plan.data[i * m + j] - p)).toBeLessThanOrEqual(1e-12 * Math.max(p, 1e-300) + 1e-300);
          }
      }
    });
  }

  it('stops on convergence with the state of the last completed iteration (u not advanced by the sweep)', () => {
    const a = randomHistogram(rng, 40);
    const b = randomHistogram(rng, 30);
    const M = randomCost(rng, 40, 30);
    for (const method of ['knopp', 'stabilized'] as const) {
      const w = sinkhorn(a, b, M, 0.05, { method, backend: 'wasm', tol: 1e-8 });
      const j = sinkhorn(a, b, M, 0.05, { method, backend: 'js', tol: 1e-8 });
      expect(w.status).toBe('converged');
      expect(j.iterations).toBe(w.iterations);
      // columns are exact after a completed iteration; rows within tol
      for (let c = 0; c < 30; c++) {
        let s = 0;
        for (let r = 0; r < 40; r++) s += w.plan.data[r * 30 + c];
        expect(Math.abs(s - b[c])).toBeLessThan(1e-14);
      }
      expect(w.marginalError).toBeLessThan(1e-8);
    }
  });
});
