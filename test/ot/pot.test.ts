// Cross-checks against POT 0.8.2 / SciPy reference values (test/ot/fixtures/pot.json, made by
// scripts/ot/make_fixtures.py).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emd } from '../../src/ot/emd.js';
import { emd1d } from '../../src/ot/emd1d.js';
import { lsap } from '../../src/ot/lsap.js';
import { sinkhorn } from '../../src/ot/sinkhorn.js';
import { maxAbsDiff } from './helpers.js';

export const fixtures = JSON.parse(readFileSync(new URL('./fixtures/pot.json', import.meta.url), 'utf8'));

describe('POT fixtures', () => {
  it('records the reference versions', () => {
    expect(fixtures.meta.pot).toBe('0.8.2');
  });

  fixtures.sinkhorn.forEach((c: { a: number[]; b: number[]; M: number[][]; reg: number; plan: number[][]; cost: number }, k: number) => {
    it(`sinkhorn log-domain plan and cost = ot.sinkhorn(method='sinkhorn_log') #${k} (${c.a.length}x${c.b.length}, reg=${c.reg})`, () => {
      for (const backend of ['wasm', 'js'] as const) {
        const r = sinkhorn(c.a, c.b, c.M, c.reg, { tol: 1e-13, maxIter: 100000, backend });
        expect(r.status).toBe('converged');
        expect(maxAbsDiff(r.plan.data, c.plan.flat())).toBeLessThan(1e-10);
        expect(Math.abs(r.value - c.cost)).toBeLessThan(1e-10 * Math.max(1, c.cost));
      }
    });
  });

  fixtures.emd.forEach((c: { a: number[]; b: number[]; M: number[][]; value: number; plan: number[][] }, k: number) => {
    it(`emd value = ot.emd #${k} (${c.a.length}x${c.b.length})`, () => {
      const r = emd(c.a, c.b, c.M);
      expect(r.status).toBe('converged');
      expect(Math.abs(r.value - c.value)).toBeLessThan(1e-12 * Math.max(1, c.value));
      // dual feasibility and complementary slackness
      const n = c.a.length;
      const m = c.b.length;
      for (let i = 0; i < n; i++)
        for (let j = 0; j < m; j++) {
          const slack = c.M[i][j] - r.potentials.f[i] - r.potentials.g[j];
          expect(slack).toBeGreaterThan(-1e-10);
          if (r.plan.data[i * m + j] > 0) expect(Math.abs(slack)).toBeLessThan(1e-10);
        }
      // dual objective = primal
      let dual = 0;
      for (let i = 0; i < n; i++) dual += c.a[i] * r.potentials.f[i];
      for (let j = 0; j < m; j++) dual += c.b[j] * r.potentials.g[j];
      expect(Math.abs(dual - c.value)).toBeLessThan(1e-10);
    });
  });

  fixtures.emd1d.forEach((c: { xa: number[]; xb: number[]; a: number[]; b: number[]; sqeuclidean: number; p1: number; p3: number }, k: number) => {
    it(`emd1d = ot.emd2_1d #${k}`, () => {
      const o = { a: c.a, b: c.b };
      expect(emd1d(c.xa, c.xb, o).value).toBeCloseTo(c.sqeuclidean, 12);
      expect(emd1d(c.xa, c.xb, { ...o, p: 1 }).value).toBeCloseTo(c.p1, 12);
      expect(emd1d(c.xa, c.xb, { ...o, p: 3 }).value).toBeCloseTo(c.p3, 12);
    });
  });

  fixtures.lsap.forEach((c: { C: number[][]; rowInd: number[]; colInd: number[]; cost: number; maxCost: number }, k: number) => {
    it(`lsap = scipy linear_sum_assignment #${k} (${c.C.length}x${c.C[0].length})`, () => {
      const r = lsap(c.C);
      expect(Array.from(r.rowInd)).toEqual(c.rowInd);
      expect(Array.from(r.colInd)).toEqual(c.colInd);
      expect(r.cost).toBeCloseTo(c.cost, 10);
      expect(lsap(c.C, { maximize: true }).cost).toBeCloseTo(c.maxCost, 10);
    });
  });
});
