/**
 * Entropic transport cost.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../core/matrix.js';
import { sinkhorn } from './sinkhorn.js';
import type { SinkhornOptions } from './SinkhornOptions.js';

/**
 * The transport cost `<P*, M>` of the entropic plan `P*` of {@link sinkhorn} (without the entropy
 * term), as POT's `ot.sinkhorn2`. Use `strict: true` to throw instead of returning the cost of a
 * non-converged plan.
 *
 * @param a - source histogram, length n
 * @param b - target histogram, length m
 * @param M - cost, n x m
 * @param reg - regularization, > 0
 * @param options - see {@link SinkhornOptions}
 * @returns `sum_ij P*_ij M_ij`
 * @throws as {@link sinkhorn}
 *
 * @example
 * ```ts
 * sinkhorn2([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]], 0.01); // ~ 0
 * ```
 */
export function sinkhorn2(a: VectorLike, b: VectorLike, M: MatrixLike, reg: number, options: SinkhornOptions = {}): number {
  return sinkhorn(a, b, M, reg, options).value;
}
