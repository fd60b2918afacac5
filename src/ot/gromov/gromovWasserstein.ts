/**
 * Gromov-Wasserstein by conditional gradient.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../../core/matrix.js';
import { conditionalGradient, multiStart, prepareGromov, resolveGromovOptions } from '../internal/gromovCore.js';
import type { GromovOptions, GromovResult } from './GromovOptions.js';

/**
 * Gromov-Wasserstein coupling between two metric-measure spaces (e.g. graphs given by their
 * shortest-path or adjacency matrices) with POT's square-loss convention:
 *
 * ```text
 *   GW(C1, C2, p, q) = min_{T in U(p, q)}  sum_{i,j,k,l} (C1[i][k] - C2[j][l])^2 T[i][j] T[k][l]
 * ```
 *
 * (no 1/2, no square root). Solved by conditional gradient (Frank-Wolfe): linearize at `T`,
 * solve the linear problem exactly with the network simplex ({@link emd}), then take the exact
 * minimizer of the quadratic loss on the segment (closed-form line search). The problem is
 * non-convex and quadratic: the result is a stationary point that depends on the
 * initialization; use `nInit` (with `rng`) to keep the best of several starts. `C1` and `C2`
 * should be symmetric (the gradient assumes it, as POT's).
 *
 * @param C1 - structure of the source space, n x n
 * @param C2 - structure of the target space, m x m
 * @param p - source masses, length n
 * @param q - target masses, length m (same total as p)
 * @param options - see {@link GromovOptions}
 * @returns coupling (n x m), loss as `value`, status, iterations, losses of every start
 * @throws `InputError` for NaN/Infinity entries, bad masses, bad options (`nInit > 1`
 *   without `rng`)
 * @throws `ShapeError` for non-square structures or mass lengths that do not match them
 * @throws `ConvergenceError` with `strict: true` when not converged
 *
 * @example
 * ```ts
 * const C = [[0, 1, 2], [1, 0, 1], [2, 1, 0]]; // path graph distances
 * const p = [1 / 3, 1 / 3, 1 / 3];
 * gromovWasserstein(C, C, p, p, { nInit: 4, rng: createRng(0) }).value; // 0
 * ```
 *
 * @see G. Peyré, M. Cuturi, J. Solomon, "Gromov-Wasserstein Averaging of Kernel and Distance
 *   Matrices", ICML 2016 (square-loss tensor decomposition).
 * @see T. Vayer, L. Chapel, R. Flamary, R. Tavenard, N. Courty, "Optimal Transport for
 *   structured data with application on graphs", ICML 2019 (conditional gradient, line search).
 * @see F. Mémoli, "Gromov-Wasserstein distances and the metric approach to object matching", 2011.
 * @see POT `ot.gromov.gromov_wasserstein`.
 */
export function gromovWasserstein(C1: MatrixLike, C2: MatrixLike, p: VectorLike, q: VectorLike, options: GromovOptions = {}): GromovResult {
  const o = resolveGromovOptions(options);
  const P = prepareGromov(C1, C2, p, q, null, o.massTol);
  return multiStart(P, o, (G0) => conditionalGradient(P, 1, G0, o.maxIter, o.tol), 'gromovWasserstein');
}
