/**
 * Stabilized (absorbing) Sinkhorn.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../core/matrix.js';
import { checkSinkhornProblem, resolveSinkhornOptions, solveSinkhorn } from './internal/runSinkhorn.js';
import type { SinkhornOptions, SinkhornResult } from './SinkhornOptions.js';

/**
 * Stabilized Sinkhorn: {@link sinkhorn} with `method: 'stabilized'` (the option is ignored; this
 * is also the dispatcher's default). With absorbed log-potentials `F = f/reg`, `G = g/reg` and
 * the kernel `Kt_ij = exp(F_i + G_j - M_ij / reg)`, iterate on scalings
 *
 * ```text
 *   u <- a ./ (Kt v),     v <- b ./ (Kt^T u),     P = diag(u) Kt diag(v)
 * ```
 *
 * (two matrix-vector products per iteration, no exponentials). When a scaling leaves
 * [1e-100, 1e100], is zero or non-finite, the last good scalings are absorbed
 * (`F += log u`, `G += log v`), one exact log-domain iteration is taken (as {@link sinkhornLog})
 * and `Kt` is rebuilt. The iterates are those of the log-domain solver up to rounding; the
 * result never contains NaN for any `reg > 0`.
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
 * const res = sinkhornStabilized([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]], 1e-3);
 * ```
 *
 * @see B. Schmitzer, "Stabilized Sparse Scaling Algorithms for Entropy Regularized Transport
 *   Problems", SIAM J. Sci. Comput. 41(3), 2019 (Alg. 2, absorption); POT
 *   `ot.bregman.sinkhorn_stabilized`.
 */
export function sinkhornStabilized(a: VectorLike, b: VectorLike, M: MatrixLike, reg: number, options: SinkhornOptions = {}): SinkhornResult {
  const o = resolveSinkhornOptions(options, 'stabilized');
  return solveSinkhorn(checkSinkhornProblem(a, b, M, reg, o.massTol), o, options.warmStart);
}
