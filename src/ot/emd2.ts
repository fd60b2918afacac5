/**
 * Exact transport cost.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../core/matrix.js';
import { emd } from './emd.js';
import type { EmdOptions } from './EmdOptions.js';

/**
 * The optimal transport cost `min_P <P, M>` over plans with marginals `a`, `b` (the earth
 * mover's / Wasserstein cost for the ground cost `M`), as POT's `ot.emd2`. See {@link emd}.
 *
 * @param a - source histogram, length n
 * @param b - target histogram, length m
 * @param M - cost, n x m
 * @param options - see {@link EmdOptions}; use `strict: true` to throw rather than return the
 *   cost of a non-optimal plan
 * @returns the optimal cost
 * @throws as {@link emd}
 *
 * @example
 * ```ts
 * emd2([1, 0], [0, 1], [[0, 2], [2, 0]]); // 2
 * ```
 */
export function emd2(a: VectorLike, b: VectorLike, M: MatrixLike, options: EmdOptions = {}): number {
  return emd(a, b, M, options).value;
}
