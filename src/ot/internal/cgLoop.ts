/**
 * The iterations of conditional-gradient (Frank-Wolfe) Gromov-Wasserstein with the square loss
 * (internal): the TypeScript twin of `gg_gromov_cg` in `wasm/gromov.c`. Both do the same
 * arithmetic in the same order, so a run gives identical bits on either.
 *
 * Each iteration: gradient `2 alpha (constC - 2 cross) + (1 - alpha) M`, exact OT on it by the
 * network simplex (warm-started from the previous basis), the cross term of the sparse vertex
 * `C1 Gc C2^T`, then the exact line search on the quadratic `loss(G + t (Gc - G))` and the update
 * of `G` and `cross = C1 G C2^T`.
 *
 * @module
 * @internal
 */

import { matmul } from './dense.js';
import { networkSimplex, type NetworkSimplexBasis } from './networkSimplex.js';

/** A square-loss (fused) GW problem as the loop needs it. @internal */
export interface CgProblem {
  readonly n: number;
  readonly m: number;
  /** n x n */
  readonly C1: Float64Array;
  /** m x m, C2 transposed */
  readonly C2t: Float64Array;
  /** n x m, constC_ij = sum_k C1_ik^2 p_k + sum_l C2_jl^2 q_l */
  readonly constC: Float64Array;
  /** n x m feature cost, or null for pure GW */
  readonly M: Float64Array | null;
  readonly p: Float64Array;
  readonly q: Float64Array;
}

/** Sort keys of rows (x, length n) and columns (y, length m) for the first basis of {@link cgLoop}. @internal */
export interface CgOrder {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** Outcome of {@link cgLoop}; `G` and `cross` are updated in place. @internal */
export interface CgLoopOutput {
  /** potentials of the last linear problem (0 for zero-mass bins) */
  f: Float64Array;
  g: Float64Array;
  converged: boolean;
  iterations: number;
}

/**
 * Runs at most `maxIter` conditional-gradient iterations from the coupling `G` (n x m) with
 * `cross = C1 G C2^T` and `loss` its fused loss. Stops when the step is 0 or the loss changes by
 * at most `tol` (absolute or relative).
 *
 * `order`, when given, holds keys x (n) and y (m) such that the first gradient's transport cost
 * decreases in x_i y_j up to row and column terms (pure GW from `G = p q^T`: x = C1 p, y = C2 q):
 * the first network simplex then starts from the comonotone coupling (north-west corner rule
 * on rows sorted by x and columns sorted by y), which is optimal or close to it, instead of the
 * row-minimum basis. Later iterations warm-start from the previous basis.
 */
export function cgLoop(P: CgProblem, alpha: number, G: Float64Array, cross: Float64Array, loss: number, maxIter: number, tol: number, order: CgOrder | null = null): CgLoopOutput {
  const { n, m } = P;
  let f = new Float64Array(n);
  let g = new Float64Array(m);
  let converged = false;
  let it = 0;
  // zero-mass bins are dropped for the inner solves
  const rows: number[] = [];
  const cols: number[] = [];
  for (let i = 0; i < n; i++) if (P.p[i] > 0) rows.push(i);
  for (let j = 0; j < m; j++) if (P.q[j] > 0) cols.push(j);
  const nc = rows.length;
  const mc = cols.length;
  const pc = Float64Array.from(rows, (i) => P.p[i]);
  let mp = 0;
  for (let i = 0; i < n; i++) mp += P.p[i];
  let mq = 0;
  for (let j = 0; j < m; j++) mq += P.q[j];
  const qc = Float64Array.from(cols, (j) => (P.q[j] * mp) / mq);
  const Cc = new Float64Array(nc * mc);
  let basis: NetworkSimplexBasis | undefined = order ? comonotoneBasis(pc, qc, rows.map((i) => order.x[i]), cols.map((j) => order.y[j])) : undefined;
  const Gc = new Float64Array(n * m);
  const Z = new Float64Array(n * m);
  const D = new Float64Array(n * m);
  const crossD = new Float64Array(n * m);
  const { C1, C2t, constC } = P;
  const Mf = P.M;
  const ga = 2 * alpha;
  const ma = 1 - alpha;
  while (it < maxIter) {
    it++;
    // gradient at G, restricted to the support of p and q
    for (let r = 0; r < nc; r++) {
      const gi = rows[r] * m;
      const ci = r * mc;
      if (Mf === null) for (let c = 0; c < mc; c++) Cc[ci + c] = ga * (constC[gi + cols[c]] - 2 * cross[gi + cols[c]]) + 0;
      else for (let c = 0; c < mc; c++) Cc[ci + c] = ga * (constC[gi + cols[c]] - 2 * cross[gi + cols[c]]) + ma * Mf[gi + cols[c]];
    }
    // successive linearizations are close: warm-start from the previous optimal basis
    const lp = networkSimplex(pc, qc, Cc, 1_000_000, basis);
    basis = lp;
    Gc.fill(0);
    // C1 Gc C2^T from the sparse vertex Gc (<= n + m - 1 non-zeros): Z = Gc C2^T row by row, then C1 Z
    Z.fill(0);
    for (let k = 0; k < lp.flow.length; k++) {
      const val = lp.flow[k];
      if (val === 0) continue;
      const r = rows[lp.rows[k]];
      const l = cols[lp.cols[k]];
      Gc[r * m + l] += val;
      const zr = r * m;
      const cl = l * m;
      for (let j = 0; j < m; j++) Z[zr + j] += val * C2t[cl + j];
    }
    matmul(C1, Z, n, n, m, crossD);
    f = new Float64Array(n);
    g = new Float64Array(m);
    for (let r = 0; r < nc; r++) f[rows[r]] = lp.u[r];
    for (let c = 0; c < mc; c++) g[cols[c]] = lp.v[c];
    // exact line search on loss(G + t D) = loss + b t + a t^2, with D = Gc - G; the five inner
    // products are accumulated in one pass, each sum in index order
    let sDD = 0; // <crossD, D>
    let sCD = 0; // <constC, D>
    let sDG = 0; // <crossD, G>
    let sXD = 0; // <cross, D>
    let sMD = 0; // <M, D>
    for (let k = 0; k < D.length; k++) {
      const d = Gc[k] - G[k];
      D[k] = d;
      const cd = crossD[k] - cross[k];
      crossD[k] = cd;
      sDD += cd * d;
      sCD += constC[k] * d;
      sDG += cd * G[k];
      sXD += cross[k] * d;
      if (Mf !== null) sMD += Mf[k] * d;
    }
    const a = -2 * alpha * sDD;
    let b = alpha * (sCD - 2 * (sDG + sXD));
    if (Mf !== null) b += ma * sMD;
    let t: number;
    if (a > 0) t = Math.min(1, Math.max(0, -b / (2 * a)));
    else t = a + b < 0 ? 1 : 0;
    if (!(t > 0)) {
      // no move: G is stationary for the linearization
      converged = true;
      break;
    }
    // update G and cross and evaluate the loss at the new point in the same pass
    let sC = 0; // <constC, G>
    let sX = 0; // <cross, G>
    let sM = 0; // <M, G>
    for (let k = 0; k < G.length; k++) {
      const gk = G[k] + t * D[k];
      G[k] = gk;
      const xk = cross[k] + t * crossD[k];
      cross[k] = xk;
      sC += constC[k] * gk;
      sX += xk * gk;
      if (Mf !== null) sM += Mf[k] * gk;
    }
    const gw = sC - 2 * sX;
    const newLoss = Mf === null ? alpha * gw : ma * sM + alpha * gw;
    const delta = Math.abs(newLoss - loss);
    loss = newLoss;
    if (delta <= tol * Math.abs(loss) || delta <= tol) {
      converged = true;
      break;
    }
  }
  return { f, g, converged, iterations: it };
}

/** Indices 0..k-1 sorted by key, ties by index (a total order: any sort gives this permutation). */
function argsort(key: ArrayLike<number>): Int32Array {
  return Int32Array.from(Array.from({ length: key.length }, (_, r) => r).sort((s, t) => (key[s] < key[t] ? -1 : key[s] > key[t] ? 1 : s - t)));
}

/**
 * The north-west corner basis (n + m - 1 cells, a staircase) on rows sorted by `x` and columns
 * sorted by `y`: the comonotone coupling of the two orders. When a row and a column run out
 * together the walk moves down a row (a zero-flow cell), as the row-minimum start does.
 */
export function comonotoneBasis(a: Float64Array, b: Float64Array, x: ArrayLike<number>, y: ArrayLike<number>): NetworkSimplexBasis {
  const n = a.length;
  const m = b.length;
  const arcs = n + m - 1;
  const ro = argsort(x);
  const co = argsort(y);
  const rows = new Int32Array(arcs);
  const cols = new Int32Array(arcs);
  const flow = new Float64Array(arcs);
  let i = 0;
  let j = 0;
  let ra = a[ro[0]];
  let rb = b[co[0]];
  for (let k = 0; k < arcs; k++) {
    const t = Math.min(ra, rb);
    rows[k] = ro[i];
    cols[k] = co[j];
    flow[k] = Math.max(t, 0);
    ra -= t;
    rb -= t;
    if (k === arcs - 1) break;
    if (j === m - 1 || (i < n - 1 && ra <= rb)) {
      i++;
      ra = a[ro[i]];
    } else {
      j++;
      rb = b[co[j]];
    }
  }
  return { rows, cols, flow };
}
