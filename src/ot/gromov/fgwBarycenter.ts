/**
 * Fused Gromov-Wasserstein barycenter of attributed graphs.
 *
 * @module
 */

import { InputError, ShapeError, describeValue } from '../../core/errors.js';
import type { Matrix, MatrixLike, VectorLike } from '../../core/matrix.js';
import { toMatrix } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import { checkBoolean, checkInRange, checkInt, checkNonNegative, checkSquare } from '../internal/checks.js';
import { sqdist } from '../internal/dense.js';
import { conditionalGradient, prepareGromov } from '../internal/gromovCore.js';
import { barycenterUpdate, checkBarycenterInputs, randomStructure } from '../internal/barycenterCore.js';
import type { OtStatus } from '../types.js';

/** Options of {@link fgwBarycenter}. */
export interface FgwBarycenterOptions {
  /** Trade-off between features (0) and structure (1). @default 0.5 */
  alpha?: number;
  /** Masses of the barycenter's N nodes (all > 0). @default uniform 1/N */
  p?: VectorLike;
  /** Initial structure, N x N. @default random (POT's scheme) drawn from `rng` */
  initC?: MatrixLike;
  /** Initial features, N x d. @default zeros (as POT) */
  initX?: MatrixLike;
  /** Random generator for the default structure initialization (required without `initC`). */
  rng?: Rng;
  /** Keep the structure fixed at `initC` (only features are learned). @default false */
  fixStructure?: boolean;
  /** Keep the features fixed at `initX` (only the structure is learned). @default false */
  fixFeatures?: boolean;
  /** Maximum number of outer iterations. @default 100 */
  maxIter?: number;
  /** Stop when the Frobenius change of structure plus features is below `tol`. @default 1e-9 */
  tol?: number;
  /** Iteration budget of each inner FGW solve. @default 1000 */
  innerMaxIter?: number;
}

/** Result of {@link fgwBarycenter}. */
export interface FgwBarycenterResult {
  /** Barycenter structure, N x N. */
  readonly C: Matrix;
  /** Barycenter node features, N x d. */
  readonly X: Matrix;
  /** Couplings from the barycenter to each input: `plans[s]` is N x n_s. */
  readonly plans: readonly Matrix[];
  /** `sum_s lambda_s FGW_s` of the last inner solves. */
  readonly value: number;
  /** `'converged'` when structure and features stopped moving within `tol`. */
  readonly status: OtStatus;
  /** Outer iterations performed. */
  readonly iterations: number;
}

/**
 * Fused Gromov-Wasserstein barycenter (Vayer et al. 2019) of S attributed graphs with node
 * features `Ys[s]` (n_s x d) and structures `Cs[s]` (n_s x n_s):
 *
 * ```text
 *   (C*, X*) = argmin_{C, X}  sum_s lambda_s FGW_alpha((X, C, p), (Ys[s], Cs[s], ps[s]))
 * ```
 *
 * with the squared Euclidean feature cost `M_s[i][j] = |X_i - Ys[s]_j|^2`. Block-coordinate
 * descent: couplings by {@link fusedGromovWasserstein} (warm-started), then the closed-form
 * updates `X = diag(1/p) sum_s lambda_s T_s Ys[s]` and
 * `C = (sum_s lambda_s T_s Cs[s] T_s^T) / (p p^T)`. Weights are normalized to sum 1.
 *
 * @param N - number of nodes of the barycenter
 * @param Ys - S feature matrices, `Ys[s]` n_s x d (same d for all)
 * @param Cs - S symmetric structures, `Cs[s]` n_s x n_s
 * @param ps - masses, `ps[s]` of length n_s
 * @param lambdas - S non-negative weights
 * @param options - see {@link FgwBarycenterOptions}
 * @returns structure, features, couplings, weighted loss, status, iterations
 * @throws `InputError` / `ShapeError` as {@link gromovBarycenter}, and for feature
 *   dimensions that disagree
 *
 * @example
 * ```ts
 * const { C, X } = fgwBarycenter(5, [Y1, Y2], [C1, C2], [p1, p2], [0.5, 0.5], { rng: createRng(1) });
 * ```
 *
 * @see T. Vayer et al., "Optimal Transport for structured data with application on graphs",
 *   ICML 2019, Sec. 4; POT `ot.gromov.fgw_barycenters`.
 */
export function fgwBarycenter(
  N: number,
  Ys: readonly MatrixLike[],
  Cs: readonly MatrixLike[],
  ps: readonly VectorLike[],
  lambdas: VectorLike,
  options: FgwBarycenterOptions = {},
): FgwBarycenterResult {
  const { S, p, lam, structures, masses } = checkBarycenterInputs(N, Cs, ps, lambdas, options.p);
  if (!Array.isArray(Ys) || Ys.length !== S) throw ShapeError.mismatch('Ys', `${S} feature matrices (one per structure)`, Array.isArray(Ys) ? `${Ys.length}` : describeValue(Ys));
  const feats = Ys.map((Y, s) => toMatrix(Y, `Ys[${s}]`));
  const d = feats[0].cols;
  feats.forEach((Y, s) => {
    if (Y.rows !== structures[s].rows || Y.cols !== d) throw ShapeError.mismatch(`Ys[${s}]`, `${structures[s].rows} x ${d}`, `${Y.rows} x ${Y.cols}`);
  });
  const alpha = checkInRange(options.alpha ?? 0.5, 'options.alpha', 0, 1);
  const maxIter = checkInt(options.maxIter ?? 100, 'options.maxIter', 0);
  const tol = checkNonNegative(options.tol ?? 1e-9, 'options.tol');
  const innerMaxIter = checkInt(options.innerMaxIter ?? 1000, 'options.innerMaxIter', 1);
  const fixStructure = checkBoolean(options.fixStructure ?? false, 'options.fixStructure');
  const fixFeatures = checkBoolean(options.fixFeatures ?? false, 'options.fixFeatures');
  let C: Float64Array;
  if (options.initC !== undefined) {
    const init = checkSquare(options.initC, 'options.initC');
    if (init.rows !== N) throw ShapeError.mismatch('options.initC', `${N} x ${N}`, `${init.rows} x ${init.cols}`);
    C = init.data.slice();
  } else {
    if (fixStructure) throw InputError.invalid('options.initC', 'a structure when options.fixStructure is true', 'undefined');
    if (typeof options.rng !== 'object' || options.rng === null) throw InputError.invalid('options.rng', 'an Rng when options.initC is not given', describeValue(options.rng));
    C = randomStructure(N, options.rng);
  }
  let X: Float64Array;
  if (options.initX !== undefined) {
    const init = toMatrix(options.initX, 'options.initX');
    if (init.rows !== N || init.cols !== d) throw ShapeError.mismatch('options.initX', `${N} x ${d}`, `${init.rows} x ${init.cols}`);
    X = init.data.slice();
  } else {
    if (fixFeatures) throw InputError.invalid('options.initX', 'features when options.fixFeatures is true', 'undefined');
    X = new Float64Array(N * d);
  }
  const plans: Float64Array[] = masses.map((q) => {
    const T = new Float64Array(N * q.length);
    for (let i = 0; i < N; i++) for (let j = 0; j < q.length; j++) T[i * q.length + j] = p[i] * q[j];
    return T;
  });
  let status: OtStatus = 'maxIter';
  let it = 0;
  let value = 0;
  while (it < maxIter) {
    it++;
    value = 0;
    for (let s = 0; s < S; s++) {
      const n = structures[s].rows;
      const M = { rows: N, cols: n, data: sqdist(X, feats[s].data, N, n, d) };
      const P = prepareGromov({ rows: N, cols: N, data: C }, structures[s], p, masses[s], M, 1e-6);
      const run = conditionalGradient(P, alpha, plans[s], innerMaxIter, 1e-9);
      plans[s] = run.plan;
      value += lam[s] * run.value;
    }
    let err = 0;
    if (!fixFeatures) {
      const next = new Float64Array(N * d);
      for (let s = 0; s < S; s++) {
        const n = structures[s].rows;
        const T = plans[s];
        const Y = feats[s].data;
        for (let i = 0; i < N; i++)
          for (let j = 0; j < n; j++) {
            const w = (lam[s] * T[i * n + j]) / p[i];
            if (w === 0) continue;
            for (let t = 0; t < d; t++) next[i * d + t] += w * Y[j * d + t];
          }
      }
      for (let k = 0; k < next.length; k++) err += (next[k] - X[k]) ** 2;
      X = next;
    }
    if (!fixStructure) {
      const next = barycenterUpdate(N, p, lam, plans, structures);
      for (let k = 0; k < next.length; k++) err += (next[k] - C[k]) ** 2;
      C = next;
    }
    if (Math.sqrt(err) < tol) {
      status = 'converged';
      break;
    }
  }
  return {
    C: { rows: N, cols: N, data: C },
    X: { rows: N, cols: d, data: X },
    plans: plans.map((T, s) => ({ rows: N, cols: structures[s].rows, data: T })),
    value,
    status,
    iterations: it,
  };
}
