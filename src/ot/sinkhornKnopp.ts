/**
 * Sinkhorn-Knopp scaling iterations.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../core/matrix.js';
import { checkSinkhornProblem, resolveSinkhornOptions, solveSinkhorn } from './internal/runSinkhorn.js';
import type { SinkhornOptions, SinkhornResult } from './SinkhornOptions.js';

/**
 * Sinkhorn-Knopp: {@link sinkhorn} with `method: 'knopp'` (the option is ignored). With the
 * kernel `K = exp(-M / reg)`:
 *
 * ```text
 *   u <- a ./ (K v),     v <- b ./ (K^T u),     P = diag(u) K diag(v)
 * ```
 *
 * Two matrix-vector products per iteration and no exponentials, but `K` underflows when
 * `M / reg` exceeds ~700: then a scaling becomes infinite, the run stops with
 * `status: 'numericalError'` and returns the last finite iterate. Use the default log-domain
 * method for small `reg`.
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
 * const res = sinkhornKnopp([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]], 0.5);
 * ```
 *
 * @see M. Cuturi, NeurIPS 2013; R. Sinkhorn, P. Knopp, Pacific J. Math. 1967; POT `ot.bregman.sinkhorn_knopp`.
 */
export function sinkhornKnopp(a: VectorLike, b: VectorLike, M: MatrixLike, reg: number, options: SinkhornOptions = {}): SinkhornResult {
  const o = resolveSinkhornOptions(options, 'knopp');
  return solveSinkhorn(checkSinkhornProblem(a, b, M, reg, o.massTol), o, options.warmStart);
}
