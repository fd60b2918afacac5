// The dense GW kernels: the C/WASM matmul and network simplex (wasm/dense.c) against their
// TypeScript twins: identical bits, and GW runs identical on either.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BackendError } from '../../src/core/errors.js';
import { jsDenseKernel } from '../../src/ot/backend/DenseKernel.js';
import { defaultSinkhornWasm } from '../../src/ot/backend/loadSinkhornWasm.js';
import { emd } from '../../src/ot/emd.js';
import { comonotoneBasis } from '../../src/ot/internal/cgLoop.js';
import { conditionalGradient, prepareGromov, randomCoupling } from '../../src/ot/internal/gromovCore.js';
import { networkSimplex } from '../../src/ot/internal/networkSimplex.js';
import { colSums, createRng, maxAbsDiff, randomCost, randomHistogram, rowSums } from './helpers.js';

const wasm = defaultSinkhornWasm()?.dense;
if (!wasm) throw new Error('the wasm kernel must load in the test environment');

const root = new URL('../../', import.meta.url);
const hasCc = spawnSync('cc', ['--version'], { stdio: 'ignore' }).status === 0;

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

  it('network simplex: identical on degenerate problems (uniform masses, integer costs) and elongated ones', () => {
    for (const [n, m] of [
      [50, 50],
      [64, 32],
      [1, 300],
      [300, 1],
    ] as const) {
      const a = new Float64Array(n).fill(1 / n);
      const b = new Float64Array(m).fill(1 / m);
      const C = Float64Array.from({ length: n * m }, () => rng.int(0, 5));
      const r1 = jsDenseKernel.networkSimplex(a, b, C, 1_000_000);
      const r2 = wasm.networkSimplex(a, b, C, 1_000_000);
      expect(r1.optimal && r2.optimal).toBe(true);
      expect(r2.pivots).toBe(r1.pivots);
      for (const key of ['rows', 'cols', 'flow', 'u', 'v'] as const) expect(same(r2[key], r1[key])).toBe(true);
    }
  });

  it('emd runs on the wasm kernel: same plan bits as the TypeScript twin, memory grown for a larger problem', () => {
    const n = 400;
    const m = 500;
    const a = randomHistogram(rng, n);
    const b = randomHistogram(rng, m);
    const M = randomCost(rng, n, m);
    const r = emd(a, b, M);
    expect(defaultSinkhornWasm()?.memoryBytes()).toBeGreaterThanOrEqual(8 * n * m); // grown to hold the cost
    const ref = networkSimplex(a, b, M.data, 1_000_000);
    expect(r.iterations).toBe(ref.pivots);
    const plan = new Float64Array(n * m);
    for (let k = 0; k < ref.flow.length; k++) plan[ref.rows[k] * m + ref.cols[k]] += ref.flow[k];
    expect(same(r.plan.data, plan)).toBe(true);
    expect(maxAbsDiff(rowSums(r.plan), a)).toBeLessThan(1e-15);
    expect(maxAbsDiff(colSums(r.plan), b)).toBeLessThan(1e-15);
  });

  it('network simplex on 1 x 2^20 and 2^20 x 1 without out-of-bounds access; refuses problems beyond 4 GiB', () => {
    const big = 1 << 20;
    const b = new Float64Array(big).fill(1 / big);
    const C = Float64Array.from({ length: big }, (_, j) => (j % 97) / 97);
    const r = wasm.networkSimplex(new Float64Array([1]), b, C, 1_000_000);
    expect(r.optimal).toBe(true);
    expect(r.flow.length).toBe(big);
    expect(r.flow.every((x) => x === 1 / big)).toBe(true);
    const t = wasm.networkSimplex(b, new Float64Array([1]), C, 1_000_000);
    expect(t.optimal).toBe(true);
    expect(t.flow.every((x) => x === 1 / big)).toBe(true);
    // 30000^2 doubles = 7.2 GB: the glue refuses before touching memory
    const huge = new Float64Array(30000);
    expect(() => wasm.networkSimplex(huge, huge, new Float64Array(0), 1)).toThrow(BackendError);
  });

  it('the comonotone start basis is a feasible spanning tree, optimal for a cost decreasing in x_i y_j', () => {
    const n = 40;
    const m = 30;
    const a = randomHistogram(rng, n);
    const b = randomHistogram(rng, m);
    const x = Float64Array.from({ length: n }, () => rng.uniform());
    const y = Float64Array.from({ length: m }, () => rng.uniform());
    const basis = comonotoneBasis(a, b, x, y);
    expect(basis.rows.length).toBe(n + m - 1);
    const rs = new Float64Array(n);
    const cs = new Float64Array(m);
    for (let k = 0; k < basis.flow.length; k++) {
      expect(basis.flow[k]).toBeGreaterThanOrEqual(0);
      rs[basis.rows[k]] += basis.flow[k];
      cs[basis.cols[k]] += basis.flow[k];
    }
    expect(maxAbsDiff(rs, a)).toBeLessThan(1e-15);
    expect(maxAbsDiff(cs, b)).toBeLessThan(1e-15);
    const C = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) C[i * m + j] = x[i] * x[i] + y[j] - 4 * x[i] * y[j];
    const warm = jsDenseKernel.networkSimplex(a, b, C, 1_000_000, basis);
    expect(warm.optimal).toBe(true);
    expect(warm.pivots).toBe(0);
    const cold = jsDenseKernel.networkSimplex(a, b, C, 1_000_000);
    let vw = 0;
    let vc = 0;
    for (let k = 0; k < warm.flow.length; k++) vw += warm.flow[k] * C[warm.rows[k] * m + warm.cols[k]];
    for (let k = 0; k < cold.flow.length; k++) vc += cold.flow[k] * C[cold.rows[k] * m + cold.cols[k]];
    expect(Math.abs(vw - vc)).toBeLessThan(1e-14);
    const w2 = wasm.networkSimplex(a, b, C, 1_000_000, basis);
    expect(same(w2.flow, warm.flow) && same(w2.u, warm.u) && same(w2.v, warm.v)).toBe(true);
  });

  it('conditional-gradient FGW, zero-mass bins and random starts: identical on both kernels', () => {
    for (const [n, m, alpha, zeros] of [
      [15, 11, 0.3, 2],
      [40, 50, 0.8, 0],
      [30, 30, 1, 3],
    ] as const) {
      const C1 = randomCost(rng, n, n);
      const C2 = randomCost(rng, m, m);
      const p = randomHistogram(rng, n, zeros);
      const q = randomHistogram(rng, m, zeros);
      const M = randomCost(rng, n, m, 3);
      const P = prepareGromov(C1, C2, p, q, alpha < 1 ? M : null, 1e-6);
      const starts = [new Float64Array(n * m), randomCoupling(p, q, rng)];
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) starts[0][i * m + j] = p[i] * q[j];
      for (const G0 of starts) {
        const x = conditionalGradient(P, alpha, G0, 1000, 1e-9, jsDenseKernel);
        const y = conditionalGradient(P, alpha, G0, 1000, 1e-9, wasm);
        expect(y.status).toBe(x.status);
        expect(y.iterations).toBe(x.iterations);
        expect(Object.is(y.value, x.value)).toBe(true);
        expect(same(y.plan, x.plan)).toBe(true);
        expect(same(y.f, x.f) && same(y.g, x.g)).toBe(true);
      }
    }
  });

  const nativeTest = hasCc ? it : it.skip;
  nativeTest(hasCc ? 'passes the native C test (wasm/test_dense.c built with cc)' : 'native C test skipped: no `cc` on PATH', () => {
    const exe = join(mkdtempSync(join(tmpdir(), 'gg-dense-')), 'test_dense');
    execFileSync('cc', ['-O2', '-o', exe, ...['test_dense.c', 'dense.c', 'gromov.c'].map((f) => new URL(`wasm/${f}`, root).pathname), '-lm']);
    expect(execFileSync(exe, { encoding: 'utf8' })).toContain('all native dense kernel tests passed');
  });
});
