/**
 * Log-domain Sinkhorn.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../core/matrix.js';
import { checkSinkhornProblem, resolveSinkhornOptions, solveSinkhorn } from './internal/runSinkhorn.js';
import type { SinkhornOptions, SinkhornResult } from './SinkhornOptions.js';

/**
 * Log-domain Sinkhorn: {@link sinkhorn} with `method: 'log'` (the option is ignored). With
 * `K = -M / reg`, `u = f / reg`, `v = g / reg`, one iteration is
 *
 * ```text
 *   u_i <- log a_i - LSE_j (K_ij + v_j),     v_j <- log b_j - LSE_i (K_ij + u_i)
 * ```
 *
 * Both log-sum-exps of an iteration come from one pass over the cost with one exponential per
 * entry: the row sums are shifted by the previous `u` (which bounds every term once the column
 * marginal is satisfied), and the same exponentials, rescaled by `a_i / (row sum)`, are the plan
 * after the `u`-update, whose column sums give the `v`-update. A row or column whose shifted sum
 * leaves [1e-280, 1e280] is recomputed with its exact maximum as the shift, so the iterates are
 * those of the textbook two-pass iteration up to rounding (tested). Zero-mass bins get potential
 * `-Infinity` and zero rows/columns. The float32 path (`dtype: 'float32'`) keeps two passes.
 *
 * @param a - source histogram, length n
 * @param b - target histogram, length m
 * @param M - cost, n x m
 * @param reg - regularization, > 0
 * @param options - see {@link SinkhornOptions}
 * @returns see {@link SinkhornResult}
 * @throws `InputError` / `ShapeError` / `ConvergenceError` / `BackendError` as {@link sinkhorn}
 *
 * @example
 * ```ts
 * const { plan, potentials } = sinkhornLog([1, 0], [0.5, 0.5], [[0, 1], [1e6, 0]], 1e-3);
 * ```
 *
 * @see B. Schmitzer, SIAM J. Sci. Comput. 2019; POT `ot.bregman.sinkhorn_log`.
 */
export function sinkhornLog(a: VectorLike, b: VectorLike, M: MatrixLike, reg: number, options: SinkhornOptions = {}): SinkhornResult {
  const o = resolveSinkhornOptions(options, 'log');
  return solveSinkhorn(checkSinkhornProblem(a, b, M, reg, o.massTol), o, options.warmStart);
}
