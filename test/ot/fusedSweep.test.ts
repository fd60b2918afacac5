// The fused scaling sweep (one pass over K per iteration: K v, u update and K^T u row by row)
// computes the same iterates as the textbook unfused sequence u = a ./ (K v), v = b ./ (K^T u).
// The fused log-domain sweep (one exponential per entry: the row's exponentials, rescaled, give the
// column sums of the v-update) computes the same iterates as the textbook two-pass log-domain
// iteration with an exact max-shifted log-sum-exp in every row and column.
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

/** Textbook log-domain Sinkhorn: f_i = reg log a_i - reg LSE_j((g_j - M_ij)/reg), then g likewise. */
function twoPassLog(a: Float64Array, b: Float64Array, M: Float64Array, reg: number, iters: number): { f: Float64Array; g: Float64Array } {
  const n = a.length;
  const m = b.length;
  const lse = (xs: number[]): number => {
    const mx = Math.max(...xs);
    if (mx === -Infinity) return -Infinity;
    return mx + Math.log(xs.reduce((s, x) => s + Math.exp(x - mx), 0));
  };
  const f = new Float64Array(n).map((_, i) => (a[i] > 0 ? 0 : -Infinity));
  const g = new Float64Array(m).map((_, j) => (b[j] > 0 ? 0 : -Infinity));
  for (let it = 0; it < iters; it++) {
    for (let i = 0; i < n; i++) {
      if (!(a[i] > 0)) continue;
      const xs = Array.from({ length: m }, (_, j) => (g[j] - M[i * m + j]) / reg);
      f[i] = reg * (Math.log(a[i]) - lse(xs));
    }
    for (let j = 0; j < m; j++) {
      if (!(b[j] > 0)) continue;
      const xs = Array.from({ length: n }, (_, i) => (f[i] - M[i * m + j]) / reg);
      g[j] = reg * (Math.log(b[j]) - lse(xs));
    }
  }
  return { f, g };
}

describe('fused log-domain sweep', () => {
  const rng = createRng('fusedLog');
  // [n, m, reg, cost scale, zero bins]: the last two make most rows and columns underflow in the first
  // iterations, so both exact-maximum fallbacks run (checked by the stabilized-free log method only).
  for (const [n, m, reg, scale, zeros] of [
    [1, 1, 0.1, 1, 0],
    [7, 5, 0.1, 1, 1],
    [33, 64, 0.02, 1, 3],
    [40, 30, 1e-4, 1e3, 2],
    [30, 41, 1e-3, 1, 0],
  ] as const) {
    it(`log (wasm and js) equals the two-pass iteration, ${n} x ${m}, reg ${reg}, costs x ${scale}`, () => {
      const a = randomHistogram(rng, n, zeros);
      const b = randomHistogram(rng, m, zeros);
      const M = randomCost(rng, n, m);
      for (let k = 0; k < M.data.length; k++) M.data[k] *= scale;
      const ref = twoPassLog(a, b, M.data, reg, 25);
      let fmax = 0;
      for (const x of [...ref.f, ...ref.g]) if (Number.isFinite(x)) fmax = Math.max(fmax, Math.abs(x));
      for (const backend of ['wasm', 'js'] as const) {
        const r = sinkhorn(a, b, M, reg, { method: 'log', backend, maxIter: 25, tol: 0 });
        expect(r.iterations).toBe(25);
        for (const [got, want] of [
          [r.potentials.f, ref.f],
          [r.potentials.g, ref.g],
        ] as const) {
          for (let k = 0; k < want.length; k++) {
            if (want[k] === -Infinity) expect(got[k]).toBe(-Infinity);
            else expect(Math.abs(got[k] - want[k])).toBeLessThanOrEqual(1e-11 * Math.max(1, fmax));
          }
        }
      }
    });
  }
});

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
