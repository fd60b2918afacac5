import { describe, expect, it } from 'vitest';
import { ConvergenceError } from '../../src/core/errors.js';
import { emd } from '../../src/ot/emd.js';
import { emd1d } from '../../src/ot/emd1d.js';
import { emd2 } from '../../src/ot/emd2.js';
import { lsap } from '../../src/ot/lsap.js';
import { sinkhorn } from '../../src/ot/sinkhorn.js';
import { colSums, createRng, maxAbsDiff, randomCost, randomHistogram, rowSums } from './helpers.js';

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  const out: number[][] = [];
  for (const p of permutations(n - 1)) for (let k = 0; k <= p.length; k++) out.push([...p.slice(0, k), n - 1, ...p.slice(k)]);
  return out;
}

describe('emd', () => {
  it('plans have exact marginals and at most n + m - 1 non-zeros; zero masses handled', () => {
    const rng = createRng(11);
    const a = randomHistogram(rng, 40, 4);
    const b = randomHistogram(rng, 33, 3);
    const M = randomCost(rng, 40, 33);
    const r = emd(a, b, M);
    expect(r.status).toBe('converged');
    expect(maxAbsDiff(rowSums(r.plan), a)).toBeLessThan(1e-14);
    expect(maxAbsDiff(colSums(r.plan), b)).toBeLessThan(1e-14);
    expect(r.plan.data.filter((x) => x > 0).length).toBeLessThanOrEqual(73);
    expect(r.plan.data.every((x) => x >= 0)).toBe(true);
    expect(emd2(a, b, M)).toBe(r.value);
  });

  it('EMD <= Sinkhorn cost, and the Sinkhorn cost tends to EMD as reg -> 0', () => {
    const rng = createRng(12);
    const a = randomHistogram(rng, 25);
    const b = randomHistogram(rng, 25);
    const M = randomCost(rng, 25, 25);
    const exact = emd2(a, b, M);
    let prevGap = Infinity;
    for (const reg of [0.1, 0.03, 0.01, 0.003, 0.001]) {
      const s = sinkhorn(a, b, M, reg, { maxIter: 50000, tol: 1e-12, epsilonScaling: true });
      const gap = s.value - exact;
      expect(gap).toBeGreaterThan(-1e-10);
      expect(gap).toBeLessThan(prevGap + 1e-12);
      prevGap = gap;
    }
    expect(prevGap).toBeLessThan(2e-3);
  });

  it('equals brute-force assignment for uniform masses (permutation vertices)', () => {
    const rng = createRng(13);
    for (let t = 0; t < 5; t++) {
      const n = 6;
      const M = randomCost(rng, n, n);
      let best = Infinity;
      for (const p of permutations(n)) best = Math.min(best, p.reduce((s, j, i) => s + M.data[i * n + j], 0));
      expect(emd2(new Float64Array(n).fill(1 / n), new Float64Array(n).fill(1 / n), M)).toBeCloseTo(best / n, 13);
    }
  });

  it('rescales b within massTol, handles negative costs, reports maxIter', () => {
    expect(emd2([0.5, 0.5], [0.5 + 1e-9, 0.5], [[-1, 0], [0, -1]])).toBeCloseTo(-1, 8);
    const rng = createRng(14);
    const a = randomHistogram(rng, 20);
    const M = randomCost(rng, 20, 20);
    const r = emd(a, a.slice().reverse(), M, { maxIter: 1 });
    expect(r.status).toBe('maxIter');
    expect(() => emd(a, a.slice().reverse(), M, { maxIter: 1, strict: true })).toThrow(ConvergenceError);
  });

  it('solves a 500 x 500 problem', () => {
    const rng = createRng(15);
    const a = randomHistogram(rng, 500);
    const b = randomHistogram(rng, 500);
    const M = randomCost(rng, 500, 500);
    const r = emd(a, b, M);
    expect(r.status).toBe('converged');
    expect(maxAbsDiff(rowSums(r.plan), a)).toBeLessThan(1e-13);
    let dual = 0;
    for (let i = 0; i < 500; i++) dual += a[i] * r.potentials.f[i] + b[i] * r.potentials.g[i];
    expect(Math.abs(dual - r.value)).toBeLessThan(1e-10);
  });
});

describe('lsap', () => {
  it('equals brute force on small random matrices (square and rectangular, min and max)', () => {
    const rng = createRng(16);
    for (let t = 0; t < 20; t++) {
      const n = rng.int(1, 6);
      const m = rng.int(1, 6);
      const C = Array.from({ length: n }, () => Array.from({ length: m }, () => Math.round(rng.uniform() * 20) - 5));
      const k = Math.min(n, m);
      let best = Infinity;
      let worst = -Infinity;
      // brute force over injective maps from the smaller side
      const big = Math.max(n, m);
      for (const p of permutations(big)) {
        let s = 0;
        for (let i = 0; i < k; i++) s += n <= m ? C[i][p[i]] : C[p[i]][i];
        best = Math.min(best, s);
        worst = Math.max(worst, s);
      }
      const r = lsap(C);
      expect(r.cost).toBeCloseTo(best, 10);
      expect(lsap(C, { maximize: true }).cost).toBeCloseTo(worst, 10);
      expect(r.rowInd.length).toBe(k);
      expect(new Set(r.colInd).size).toBe(k);
      expect(Array.from(r.rowInd)).toEqual([...r.rowInd].sort((x, y) => x - y));
    }
  });

  it('handles empty matrices', () => {
    expect(lsap([]).cost).toBe(0);
  });
});

describe('emd1d', () => {
  it('matches emd on the line and is symmetric', () => {
    const rng = createRng(17);
    const xa = Array.from({ length: 9 }, () => rng.normal());
    const xb = Array.from({ length: 6 }, () => rng.normal());
    const a = randomHistogram(rng, 9);
    const b = randomHistogram(rng, 6);
    const M = xa.map((x) => xb.map((y) => Math.abs(x - y) ** 2));
    expect(emd1d(xa, xb, { a, b }).value).toBeCloseTo(emd2(a, b, M), 13);
    expect(emd1d(xb, xa, { a: b, b: a }).value).toBeCloseTo(emd1d(xa, xb, { a, b }).value, 13);
    const c = emd1d(xa, xb, { a, b }).coupling;
    expect(c.mass.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 14);
    expect(c.rows.length).toBeLessThanOrEqual(14);
  });
});
