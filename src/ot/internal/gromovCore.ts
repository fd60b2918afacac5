/**
 * Shared machinery of the Gromov-Wasserstein solvers (internal): the square-loss tensor product
 * of Peyré et al. (2016), conditional gradient with exact line search (Vayer et al. 2019), the
 * entropic projected-gradient scheme, random initial couplings, multi-start.
 *
 * @module
 * @internal
 */

import { BackendError, ConvergenceError, InputError, ShapeError, describeValue } from '../../core/errors.js';
import type { CgLoopOutput } from './cgLoop.js';
import type { Matrix, MatrixLike, VectorLike } from '../../core/matrix.js';
import { toMatrix } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import { jsDenseKernel, type DenseKernel } from '../backend/DenseKernel.js';
import { defaultSinkhornWasm } from '../backend/loadSinkhornWasm.js';
import { checkHistogram, checkInRange, checkInt, checkMatrix, checkNonNegative, checkPositive, checkSameMass, checkSquare } from './checks.js';
import { frob, transpose } from './dense.js';
import { checkSinkhornProblem, resolveSinkhornOptions, solveSinkhorn } from './runSinkhorn.js';
import type { EntropicFusedGromovOptions, GromovResult } from '../gromov/GromovOptions.js';
import type { OtStatus } from '../types.js';

/** A validated GW problem. `M` is the feature cost (zeros for pure GW). */
export interface GromovProblem {
  readonly n: number;
  readonly m: number;
  readonly C1: Float64Array;
  readonly C2: Float64Array;
  readonly C2t: Float64Array;
  readonly p: Float64Array;
  readonly q: Float64Array;
  readonly M: Float64Array | null;
  /** constC_ij = sum_k C1_ik^2 p_k + sum_l C2_jl^2 q_l */
  readonly constC: Float64Array;
}

/** Validates and prepares a problem. */
export function prepareGromov(C1in: MatrixLike, C2in: MatrixLike, pin: VectorLike, qin: VectorLike, Min: MatrixLike | null, massTol: number): GromovProblem {
  const C1m = checkSquare(C1in, 'C1');
  const C2m = checkSquare(C2in, 'C2');
  const hp = checkHistogram(pin, 'p');
  const hq = checkHistogram(qin, 'q');
  if (hp.values.length !== C1m.rows) throw ShapeError.mismatch('p', `${C1m.rows} (rows of C1)`, `${hp.values.length}`);
  if (hq.values.length !== C2m.rows) throw ShapeError.mismatch('q', `${C2m.rows} (rows of C2)`, `${hq.values.length}`);
  checkSameMass(hp, hq, massTol, 'q', 'p');
  const n = C1m.rows;
  const m = C2m.rows;
  const M = Min === null ? null : checkMatrix(Min, 'M', n, m).data;
  const C1 = C1m.data;
  const C2 = C2m.data;
  const r1 = new Float64Array(n);
  const r2 = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) r1[i] += C1[i * n + k] * C1[i * n + k] * hp.values[k];
  for (let j = 0; j < m; j++) for (let l = 0; l < m; l++) r2[j] += C2[j * m + l] * C2[j * m + l] * hq.values[l];
  const constC = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) constC[i * m + j] = r1[i] + r2[j];
  return { n, m, C1, C2, C2t: transpose(C2, m, m), p: hp.values, q: hq.values, M, constC };
}

/** The dense kernels: the C/WASM ones when the module loads synchronously, else the TS twin (identical results). */
export function denseKernel(): DenseKernel {
  return defaultSinkhornWasm()?.dense ?? jsDenseKernel;
}

/** C1 T C2^T (n x m). */
export function crossTerm(P: GromovProblem, T: Float64Array, kernel: DenseKernel = denseKernel()): Float64Array {
  const X = kernel.matmul(P.C1, T, P.n, P.n, P.m);
  return kernel.matmul(X, P.C2t, P.n, P.m, P.m);
}

/** True when T is (exactly) the independent coupling p q^T. */
function isProduct(P: GromovProblem, T: Float64Array): boolean {
  for (let i = 0; i < P.n; i++) for (let j = 0; j < P.m; j++) if (T[i * P.m + j] !== P.p[i] * P.q[j]) return false;
  return true;
}

/** The factors of C1 (p q^T) C2^T = (C1 p)(C2 q)^T, in O(n^2 + m^2). */
function productFactors(P: GromovProblem): { x: Float64Array; y: Float64Array } {
  const { n, m } = P;
  const x = new Float64Array(n);
  const y = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let k = 0; k < n; k++) x[i] += P.C1[i * n + k] * P.p[k];
  for (let j = 0; j < m; j++) for (let l = 0; l < m; l++) y[j] += P.C2[j * m + l] * P.q[l];
  return { x, y };
}

/** The outer product x y^T (n x m). */
function outer(x: Float64Array, y: Float64Array): Float64Array {
  const n = x.length;
  const m = y.length;
  const out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) out[i * m + j] = x[i] * y[j];
  return out;
}

/** Square-loss GW objective <constC, T> - 2 <C1 T C2^T, T>. */
export function gwLoss(P: GromovProblem, T: Float64Array, cross = crossTerm(P, T)): number {
  return frob(P.constC, T) - 2 * frob(cross, T);
}

/** (1 - alpha) <M, T> + alpha GW(T). */
export function fusedLoss(P: GromovProblem, T: Float64Array, alpha: number, cross = crossTerm(P, T)): number {
  const gw = gwLoss(P, T, cross);
  return P.M === null ? alpha * gw : (1 - alpha) * frob(P.M, T) + alpha * gw;
}

/** Gradient of the fused loss (exact for symmetric C1, C2): (1 - alpha) M + 2 alpha (constC - 2 C1 T C2^T). */
function fusedGrad(P: GromovProblem, alpha: number, cross: Float64Array): Float64Array {
  const g = new Float64Array(P.n * P.m);
  for (let k = 0; k < g.length; k++) g[k] = 2 * alpha * (P.constC[k] - 2 * cross[k]) + (P.M === null ? 0 : (1 - alpha) * P.M[k]);
  return g;
}

/** Output of one run from one initialization. */
export interface GromovRun {
  plan: Float64Array;
  value: number;
  f: Float64Array;
  g: Float64Array;
  status: OtStatus;
  iterations: number;
}

/** Conditional gradient (Frank-Wolfe) with exact line search and an exact inner OT solve (the loop runs in `kernel.cgLoop`). */
export function conditionalGradient(P: GromovProblem, alpha: number, G0: Float64Array, maxIter: number, tol: number, kernel: DenseKernel = denseKernel()): GromovRun {
  const G = G0.slice();
  // from the independent coupling, the first gradient is 2 alpha (constC - 2 x y^T) (+ M): for pure
  // GW its exact OT is the comonotone coupling of x and y, the loop's start basis
  const factors = isProduct(P, G) ? productFactors(P) : null;
  const cross = factors ? outer(factors.x, factors.y) : crossTerm(P, G, kernel);
  const loss = fusedLoss(P, G, alpha, cross);
  const order = P.M === null && alpha > 0 ? factors : null;
  let out: CgLoopOutput;
  try {
    out = kernel.cgLoop(P, alpha, G, cross, loss, maxIter, tol, order);
  } catch (cause) {
    // beyond wasm32 memory the kernel refuses before touching G and cross: run the twin
    if (!(cause instanceof BackendError)) throw cause;
    out = jsDenseKernel.cgLoop(P, alpha, G, cross, loss, maxIter, tol, order);
  }
  for (let k = 0; k < G.length; k++) if (G[k] < 0) G[k] = 0;
  return { plan: G, value: fusedLoss(P, G, alpha, cross), f: out.f, g: out.g, status: out.converged ? 'converged' : 'maxIter', iterations: out.iterations };
}

/** Entropic projected gradient: T <- Sinkhorn(p, q, grad(T), epsilon) (Peyré et al. 2016). */
export function entropicScheme(P: GromovProblem, alpha: number, G0: Float64Array, maxIter: number, tol: number, epsilon: number, options: EntropicFusedGromovOptions): GromovRun {
  const so = resolveSinkhornOptions({ maxIter: options.innerMaxIter ?? 1000, tol: options.innerTol ?? 1e-9, backend: options.backend, massTol: 1 });
  let T: Float64Array = G0.slice();
  let f: Float64Array = new Float64Array(P.n);
  let g: Float64Array = new Float64Array(P.m);
  let status: OtStatus = 'maxIter';
  let it = 0;
  let warm: { f: Float64Array; g: Float64Array } | undefined;
  while (it < maxIter) {
    const cross = crossTerm(P, T);
    // POT convention: the cost of the projection is the gradient of the loss
    const grad = fusedGrad(P, alpha, cross);
    const prob = checkSinkhornProblem(P.p, P.q, { rows: P.n, cols: P.m, data: grad }, epsilon, 1);
    const r = solveSinkhorn(prob, so, warm);
    warm = r.potentials;
    f = r.potentials.f;
    g = r.potentials.g;
    const prev = T;
    T = r.plan.data;
    it++;
    if (it % 10 === 0 || it === 1) {
      let err = 0;
      for (let k = 0; k < T.length; k++) err += (T[k] - prev[k]) ** 2;
      if (Math.sqrt(err) < tol) {
        status = 'converged';
        break;
      }
    }
  }
  return { plan: T, value: fusedLoss(P, T, alpha), f, g, status, iterations: it };
}

/** A random coupling with marginals p, q: a random positive matrix scaled by Sinkhorn-Knopp. */
export function randomCoupling(p: Float64Array, q: Float64Array, rng: Rng): Float64Array {
  const n = p.length;
  const m = q.length;
  const R = new Float64Array(n * m);
  for (let k = 0; k < R.length; k++) R[k] = rng.uniform() ** 4 + 1e-3; // heavy-ish tails for diverse starts
  const u = new Float64Array(n).fill(1);
  const v = new Float64Array(m).fill(1);
  for (let it = 0; it < 300; it++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += R[i * m + j] * v[j];
      u[i] = p[i] / s;
    }
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += R[i * m + j] * u[i];
      v[j] = q[j] / s;
    }
  }
  for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) R[i * m + j] *= u[i] * v[j];
  return R;
}

/** Validated common options. */
export interface ResolvedGromovOptions {
  maxIter: number;
  tol: number;
  nInit: number;
  rng: Rng | undefined;
  massTol: number;
  strict: boolean;
  G0: Matrix | undefined;
}

/** Validates the common options. */
export function resolveGromovOptions(o: { maxIter?: number; tol?: number; nInit?: number; rng?: Rng; massTol?: number; strict?: boolean; G0?: MatrixLike }): ResolvedGromovOptions {
  if (typeof o !== 'object' || o === null) throw InputError.invalid('options', 'an object', describeValue(o));
  const nInit = checkInt(o.nInit ?? 1, 'options.nInit', 1, 10000);
  if (nInit > 1 && (typeof o.rng !== 'object' || o.rng === null || typeof o.rng.uniform !== 'function')) {
    throw InputError.invalid('options.rng', 'an Rng (createRng(seed)) when options.nInit > 1', describeValue(o.rng));
  }
  return {
    maxIter: checkInt(o.maxIter ?? 1000, 'options.maxIter', 0),
    tol: checkNonNegative(o.tol ?? 1e-9, 'options.tol'),
    nInit,
    rng: o.rng,
    massTol: checkNonNegative(o.massTol ?? 1e-6, 'options.massTol'),
    strict: o.strict ?? false,
    G0: o.G0 === undefined ? undefined : toMatrix(o.G0, 'options.G0'),
  };
}

/** Runs `solve` from each initialization, keeps the best, assembles the result. */
export function multiStart(P: GromovProblem, o: ResolvedGromovOptions, solve: (G0: Float64Array) => GromovRun, name: string): GromovResult {
  const { n, m } = P;
  let first: Float64Array;
  if (o.G0) {
    if (o.G0.rows !== n || o.G0.cols !== m) throw ShapeError.mismatch('options.G0', `${n} x ${m}`, `${o.G0.rows} x ${o.G0.cols}`);
    for (let k = 0; k < o.G0.data.length; k++) if (o.G0.data[k] < 0) throw InputError.invalid('options.G0', 'a non-negative coupling', `entry ${o.G0.data[k]}`);
    const mass = P.p.reduce((s, x) => s + x, 0);
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let j = 0; j < m; j++) r += o.G0.data[i * m + j];
      if (Math.abs(r - P.p[i]) > 1e-6 * mass) throw InputError.invalid('options.G0', `a coupling with row sums p (row ${i}: ${P.p[i]})`, `row sum ${r}`);
    }
    for (let j = 0; j < m; j++) {
      let c = 0;
      for (let i = 0; i < n; i++) c += o.G0.data[i * m + j];
      if (Math.abs(c - P.q[j]) > 1e-6 * mass) throw InputError.invalid('options.G0', `a coupling with column sums q (column ${j}: ${P.q[j]})`, `column sum ${c}`);
    }
    first = o.G0.data.slice();
  } else {
    first = new Float64Array(n * m);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) first[i * m + j] = P.p[i] * P.q[j];
  }
  const losses = new Float64Array(o.nInit);
  let best: GromovRun | null = null;
  for (let s = 0; s < o.nInit; s++) {
    const G0 = s === 0 ? first : randomCoupling(P.p, P.q, o.rng as Rng);
    const run = solve(G0);
    losses[s] = run.value;
    if (best === null || run.value < best.value) best = run;
  }
  const b = best as GromovRun;
  if (o.strict && b.status !== 'converged') {
    throw new ConvergenceError(`${name}: not converged after ${b.iterations} iterations (options.maxIter = ${o.maxIter})`, { argument: 'options.maxIter' });
  }
  return { plan: { rows: n, cols: m, data: b.plan }, value: b.value, potentials: { f: b.f, g: b.g }, status: b.status, iterations: b.iterations, losses };
}

/** Validates alpha in [0, 1]. */
export function checkAlpha(alpha: unknown): number {
  return checkInRange(alpha ?? 0.5, 'options.alpha', 0, 1);
}

/** Validates epsilon > 0. */
export function checkEpsilon(epsilon: unknown): number {
  return checkPositive(epsilon ?? 0.1, 'options.epsilon');
}
