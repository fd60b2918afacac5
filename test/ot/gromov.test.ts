import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRng } from '../../src/core/rng.js';
import { ConvergenceError, InputError } from '../../src/core/errors.js';
import { entropicFusedGromovWasserstein } from '../../src/ot/gromov/entropicFusedGromovWasserstein.js';
import { entropicGromovWasserstein } from '../../src/ot/gromov/entropicGromovWasserstein.js';
import { entropicGromovWasserstein2 } from '../../src/ot/gromov/entropicGromovWasserstein2.js';
import { fusedGromovWasserstein } from '../../src/ot/gromov/fusedGromovWasserstein.js';
import { fusedGromovWasserstein2 } from '../../src/ot/gromov/fusedGromovWasserstein2.js';
import { gromovWasserstein } from '../../src/ot/gromov/gromovWasserstein.js';
import { gromovWasserstein2 } from '../../src/ot/gromov/gromovWasserstein2.js';
import { emd2 } from '../../src/ot/emd2.js';
import { colSums, maxAbsDiff, randomHistogram, rowSums } from './helpers.js';

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/pot.json', import.meta.url), 'utf8'));

/** Brute-force square loss sum_{ijkl} (C1_ik - C2_jl)^2 T_ij T_kl. */
function bruteLoss(C1: number[][], C2: number[][], T: ArrayLike<number>): number {
  const n = C1.length;
  const m = C2.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) for (let k = 0; k < n; k++) for (let l = 0; l < m; l++) s += (C1[i][k] - C2[j][l]) ** 2 * T[i * m + j] * T[k * m + l];
  return s;
}

function randomGraphDistances(rng: ReturnType<typeof createRng>, n: number): number[][] {
  const x = Array.from({ length: n }, () => [rng.uniform(), rng.uniform()]);
  return x.map((a) => x.map((b) => Math.hypot(a[0] - b[0], a[1] - b[1])));
}

describe('Gromov-Wasserstein vs POT 0.8.2 (same init p q^T)', () => {
  fixtures.gromov.forEach((c: { C1: number[][]; C2: number[][]; p: number[]; q: number[]; M: number[][]; gw: number; fgw: number; alpha: number; egwEpsilon: number; egwLoss: number; egwPlan: number[][] }, k: number) => {
    it(`#${k} (${c.p.length}x${c.q.length}): GW and FGW loss <= POT's + 1e-9, entropic GW plan matches`, () => {
      const r = gromovWasserstein(c.C1, c.C2, c.p, c.q);
      expect(r.status).toBe('converged');
      expect(r.value).toBeLessThanOrEqual(c.gw + 1e-9);
      expect(r.value).toBeCloseTo(bruteLoss(c.C1, c.C2, r.plan.data), 12);
      expect(maxAbsDiff(rowSums(r.plan), c.p)).toBeLessThan(1e-12);
      expect(maxAbsDiff(colSums(r.plan), c.q)).toBeLessThan(1e-12);
      const f = fusedGromovWasserstein(c.M, c.C1, c.C2, c.p, c.q, { alpha: c.alpha });
      expect(f.value).toBeLessThanOrEqual(c.fgw + 1e-9);
      const e = entropicGromovWasserstein(c.C1, c.C2, c.p, c.q, { epsilon: c.egwEpsilon, tol: 1e-11 });
      expect(Math.abs(e.value - c.egwLoss)).toBeLessThan(1e-7);
      expect(maxAbsDiff(e.plan.data, c.egwPlan.flat())).toBeLessThan(1e-7);
    });
  });
});

describe('Gromov-Wasserstein properties', () => {
  it('a graph vs a permuted copy gives 0 from the permutation init and, with nInit, from random starts', () => {
    const rng = createRng(21);
    const n = 9;
    const C = randomGraphDistances(rng, n);
    const perm = rng.permutation(n);
    const Cp = C.map((_, i) => C.map((__, j) => C[perm[i]][perm[j]]));
    const p = new Float64Array(n).fill(1 / n);
    const G0 = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => (perm[j] === i ? 1 / n : 0)));
    expect(gromovWasserstein2(C, Cp, p, p, { G0 })).toBeLessThan(1e-14);
    const multi = gromovWasserstein(C, Cp, p, p, { nInit: 12, rng: createRng(5) });
    expect(multi.losses).toHaveLength(12);
    expect(multi.value).toBe(Math.min(...multi.losses));
    expect(multi.value).toBeLessThan(1e-12);
  });

  it('nInit is deterministic for a fixed seed and never worse than the single start', () => {
    const rng = createRng(22);
    const C1 = randomGraphDistances(rng, 10);
    const C2 = randomGraphDistances(rng, 8);
    const p = randomHistogram(rng, 10);
    const q = randomHistogram(rng, 8);
    const one = gromovWasserstein2(C1, C2, p, q);
    const a = gromovWasserstein(C1, C2, p, q, { nInit: 5, rng: createRng(1) });
    const b = gromovWasserstein(C1, C2, p, q, { nInit: 5, rng: createRng(1) });
    expect(a.value).toBe(b.value);
    expect(a.value).toBeLessThanOrEqual(one);
    expect(() => gromovWasserstein(C1, C2, p, q, { nInit: 2 })).toThrow(InputError);
  });

  it('FGW interpolates: alpha = 0 is EMD on M, alpha = 1 is GW', () => {
    const rng = createRng(23);
    const C1 = randomGraphDistances(rng, 7);
    const C2 = randomGraphDistances(rng, 6);
    const p = randomHistogram(rng, 7);
    const q = randomHistogram(rng, 6);
    const M = Array.from({ length: 7 }, () => Array.from({ length: 6 }, () => rng.uniform()));
    expect(fusedGromovWasserstein2(M, C1, C2, p, q, { alpha: 0 })).toBeCloseTo(emd2(p, q, M), 12);
    expect(fusedGromovWasserstein2(M, C1, C2, p, q, { alpha: 1 })).toBeCloseTo(gromovWasserstein2(C1, C2, p, q), 12);
  });

  it('entropic variants: loss decreases towards GW as epsilon shrinks; fused entropic runs', () => {
    const rng = createRng(24);
    const C1 = randomGraphDistances(rng, 10);
    const C2 = randomGraphDistances(rng, 10);
    const p = new Float64Array(10).fill(0.1);
    const big = entropicGromovWasserstein2(C1, C2, p, p, { epsilon: 1 });
    const small = entropicGromovWasserstein2(C1, C2, p, p, { epsilon: 0.01, maxIter: 100, nInit: 2, rng: createRng(2) });
    expect(small).toBeLessThan(big);
    const M = Array.from({ length: 10 }, () => Array.from({ length: 10 }, () => rng.uniform()));
    const ef = entropicFusedGromovWasserstein(M, C1, C2, p, p, { epsilon: 0.05, alpha: 0.3 });
    expect(ef.plan.data.every((x) => Number.isFinite(x) && x >= 0)).toBe(true);
    expect(maxAbsDiff(colSums(ef.plan), p)).toBeLessThan(1e-12);
  });

  it('strict and maxIter', () => {
    const rng = createRng(25);
    const C1 = randomGraphDistances(rng, 6);
    const C2 = randomGraphDistances(rng, 6);
    const p = randomHistogram(rng, 6);
    expect(entropicGromovWasserstein(C1, C2, p, p, { maxIter: 2, epsilon: 0.01 }).status).toBe('maxIter');
    expect(() => entropicGromovWasserstein(C1, C2, p, p, { maxIter: 2, epsilon: 0.01, strict: true })).toThrow(ConvergenceError);
  });
});
