import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { fgwBarycenter } from '../../src/ot/gromov/fgwBarycenter.js';
import { gromovBarycenter } from '../../src/ot/gromov/gromovBarycenter.js';
import { gromovWasserstein2 } from '../../src/ot/gromov/gromovWasserstein2.js';
import { sinkhornDivergence } from '../../src/ot/sinkhornDivergence.js';

const fixtures = JSON.parse(readFileSync(new URL('./fixtures/pot.json', import.meta.url), 'utf8'));

function ring(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => Math.min(Math.abs(i - j), n - Math.abs(i - j))));
}
function path(n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (__, j) => Math.abs(i - j)));
}
const uniform = (n: number) => new Float64Array(n).fill(1 / n);

describe('gromovBarycenter', () => {
  it('of copies of one graph, started at it, is that graph with zero loss', () => {
    const C = ring(6);
    const r = gromovBarycenter(6, [C, C], [uniform(6), uniform(6)], [1, 3], { init: C });
    expect(r.status).toBe('converged');
    expect(r.value).toBeLessThan(1e-12);
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) expect(r.C.data[i * 6 + j]).toBeCloseTo(C[i][j], 10);
  });

  it('from a random init: deterministic per seed, symmetric, reported loss matches GW to the inputs', () => {
    const Cs = [ring(6), path(5), ring(7)];
    const ps = [uniform(6), uniform(5), uniform(7)];
    const opts = { rng: createRng(31), maxIter: 30 };
    const r = gromovBarycenter(5, Cs, ps, [1, 1, 1], opts);
    const again = gromovBarycenter(5, Cs, ps, [1, 1, 1], { rng: createRng(31), maxIter: 30 });
    expect(Array.from(again.C.data)).toEqual(Array.from(r.C.data));
    for (let i = 0; i < 5; i++) for (let j = 0; j < 5; j++) expect(r.C.data[i * 5 + j]).toBeCloseTo(r.C.data[j * 5 + i], 10);
    expect(r.plans.map((T) => [T.rows, T.cols])).toEqual([[5, 6], [5, 5], [5, 7]]);
    // the barycenter is closer (weighted GW) than its random initialisation
    const init = gromovBarycenter(5, Cs, ps, [1, 1, 1], { rng: createRng(31), maxIter: 0 });
    const w = (C: typeof r.C) => Cs.reduce((s, Cs_, k) => s + gromovWasserstein2(C, Cs_, uniform(5), ps[k]) / 3, 0);
    expect(w(r.C)).toBeLessThan(w(init.C));
  });

  it('supports entropic inner solves', () => {
    const r = gromovBarycenter(4, [ring(4), path(4)], [uniform(4), uniform(4)], [0.5, 0.5], { rng: createRng(2), epsilon: 0.1, maxIter: 5 });
    expect(r.C.data.every(Number.isFinite)).toBe(true);
  });
});

describe('fgwBarycenter', () => {
  it('of copies of one attributed graph, started at it, is that graph with zero loss', () => {
    const C = path(5);
    const Y = [[0], [1], [2], [1], [0]];
    const r = fgwBarycenter(5, [Y, Y], [C, C], [uniform(5), uniform(5)], [0.5, 0.5], { initC: C, initX: Y, alpha: 0.5 });
    expect(r.status).toBe('converged');
    expect(r.value).toBeLessThan(1e-12);
    expect(Array.from(r.X.data).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([0, 1, 2, 1, 0]);
  });

  it('learns features between two graphs (fixed structure)', () => {
    const C = ring(4);
    const Y1 = [[0, 0], [0, 0], [0, 0], [0, 0]];
    const Y2 = [[2, 4], [2, 4], [2, 4], [2, 4]];
    const r = fgwBarycenter(4, [Y1, Y2], [C, C], [uniform(4), uniform(4)], [0.25, 0.75], { initC: C, fixStructure: true, alpha: 0.5 });
    for (let i = 0; i < 4; i++) {
      expect(r.X.data[2 * i]).toBeCloseTo(1.5, 10);
      expect(r.X.data[2 * i + 1]).toBeCloseTo(3, 10);
    }
    expect(Array.from(r.C.data)).toEqual(C.flat());
  });
});

describe('sinkhornDivergence', () => {
  fixtures.sinkhornDivergence.forEach((c: { xs: number[][]; xt: number[][]; a: number[]; b: number[]; reg: number; value: number }, k: number) => {
    it(`= ot.bregman.empirical_sinkhorn_divergence #${k}`, () => {
      const r = sinkhornDivergence(c.xs, c.xt, c.reg, { a: c.a, b: c.b, tol: 1e-13, maxIter: 100000 });
      expect(r.converged).toBe(true);
      expect(Math.abs(r.value - c.value)).toBeLessThan(1e-9);
    });
  });

  it('is zero between a cloud and itself and positive otherwise', () => {
    const x = [[0, 0], [1, 0], [0, 1]];
    expect(sinkhornDivergence(x, x, 0.1).value).toBeLessThan(1e-12);
    expect(sinkhornDivergence(x, [[5, 5]], 0.1, { metric: 'euclidean' }).value).toBeGreaterThan(1);
  });
});
