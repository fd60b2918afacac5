/**
 * Exact optimal transport (earth mover's distance) by network simplex.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../core/matrix.js';
import type { EmdOptions, EmdResult } from './EmdOptions.js';
import { checkHistogram, checkInt, checkMatrix, checkNonNegative, checkSameMass } from './internal/checks.js';
import { BackendError, ConvergenceError } from '../core/errors.js';
import { jsDenseKernel } from './backend/DenseKernel.js';
import { defaultSinkhornWasm } from './backend/loadSinkhornWasm.js';
import type { NetworkSimplexOutput } from './internal/networkSimplex.js';

/**
 * Exact optimal transport between histograms `a` (length n) and `b` (length m) for the cost `M`:
 *
 * ```text
 *   P* = argmin_{P >= 0, P 1 = a, P^T 1 = b}  <P, M>
 * ```
 *
 * solved by the primal network simplex on the bipartite transport graph (block-search pivoting,
 * as LEMON and POT's `ot.emd`; in C/WebAssembly when the kernel loads, else its TypeScript twin,
 * same pivots and bits), suitable for n, m up to a few thousand. Zero-mass bins are
 * removed before solving (their rows/columns of the plan are 0 and their potentials the
 * tightest feasible ones). The returned plan is a vertex of the transport polytope (at most
 * n + m - 1 non-zeros).
 *
 * @param a - source histogram, length n, entries >= 0, positive sum
 * @param b - target histogram, length m, same total mass as `a` within `massTol`
 * @param M - cost matrix, n x m, finite (may be negative)
 * @param options - see {@link EmdOptions}
 * @returns plan (n x m), value `<P, M>`, potentials `(f, g)`, status, pivots
 * @throws `InputError` for NaN/Infinity/negative masses, different total masses,
 *   non-finite costs, empty histograms
 * @throws `ShapeError` when `M` is not n x m
 * @throws `ConvergenceError` with `strict: true` when the pivot budget runs out
 *
 * @example
 * ```ts
 * const { plan, value } = emd([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]]);
 * value; // 0
 * ```
 *
 * @see N. Bonneel, M. van de Panne, S. Paris, W. Heidrich, "Displacement Interpolation Using
 *   Lagrangian Mass Transport", SIGGRAPH Asia 2011 (the network simplex behind POT's `ot.emd`).
 * @see R. K. Ahuja, T. L. Magnanti, J. B. Orlin, "Network Flows", 1993, Ch. 11.
 */
export function emd(a: VectorLike, b: VectorLike, M: MatrixLike, options: EmdOptions = {}): EmdResult {
  const ha = checkHistogram(a, 'a');
  const hb = checkHistogram(b, 'b');
  const massTol = checkNonNegative(options.massTol ?? 1e-6, 'options.massTol');
  checkSameMass(ha, hb, massTol);
  const n = ha.values.length;
  const m = hb.values.length;
  const cost = checkMatrix(M, 'M', n, m);
  const maxIter = checkInt(options.maxIter ?? 1_000_000, 'options.maxIter', 0);
  const rowsIdx: number[] = [];
  const colsIdx: number[] = [];
  for (let i = 0; i < n; i++) if (ha.values[i] > 0) rowsIdx.push(i);
  for (let j = 0; j < m; j++) if (hb.values[j] > 0) colsIdx.push(j);
  const ratio = ha.mass / hb.mass;
  const ac = Float64Array.from(rowsIdx, (i) => ha.values[i]);
  const bc = Float64Array.from(colsIdx, (j) => hb.values[j] * ratio);
  const nc = ac.length;
  const mc = bc.length;
  const C = new Float64Array(nc * mc);
  for (let r = 0; r < nc; r++) {
    const off = rowsIdx[r] * m;
    for (let c = 0; c < mc; c++) C[r * mc + c] = cost.data[off + colsIdx[c]];
  }
  const out = solveTransport(ac, bc, C, maxIter);
  const plan = new Float64Array(n * m);
  let value = 0;
  for (let k = 0; k < out.flow.length; k++) {
    const i = rowsIdx[out.rows[k]];
    const j = colsIdx[out.cols[k]];
    plan[i * m + j] += out.flow[k];
    value += out.flow[k] * cost.data[i * m + j];
  }
  const f = new Float64Array(n).fill(Infinity);
  const g = new Float64Array(m).fill(Infinity);
  rowsIdx.forEach((i, r) => (f[i] = out.u[r]));
  colsIdx.forEach((j, c) => (g[j] = out.v[c]));
  // zero-mass bins: tightest dual-feasible potentials
  for (let i = 0; i < n; i++) {
    if (ha.values[i] > 0) continue;
    let best = Infinity;
    for (const j of colsIdx) best = Math.min(best, cost.data[i * m + j] - g[j]);
    f[i] = best;
  }
  for (let j = 0; j < m; j++) {
    if (hb.values[j] > 0) continue;
    let best = Infinity;
    for (let i = 0; i < n; i++) best = Math.min(best, cost.data[i * m + j] - f[i]);
    g[j] = best;
  }
  const status = out.optimal ? 'converged' : 'maxIter';
  if (options.strict && !out.optimal) {
    throw new ConvergenceError(`emd: not optimal after ${out.pivots} pivots (options.maxIter = ${maxIter})`, { argument: 'options.maxIter' });
  }
  return { plan: { rows: n, cols: m, data: plan }, value, potentials: { f, g }, status, iterations: out.pivots };
}

/**
 * The network simplex on the C/WASM kernel when it loads (identical pivots and bits to the
 * TypeScript twin, several times faster), else, or when the problem does not fit in wasm32
 * memory, on the twin.
 */
function solveTransport(a: Float64Array, b: Float64Array, C: Float64Array, maxIter: number): NetworkSimplexOutput {
  const wasm = defaultSinkhornWasm();
  if (wasm) {
    try {
      return wasm.dense.networkSimplex(a, b, C, maxIter);
    } catch (cause) {
      if (!(cause instanceof BackendError)) throw cause;
    }
  }
  return jsDenseKernel.networkSimplex(a, b, C, maxIter);
}
