/**
 * Gromov-Wasserstein loss.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../../core/matrix.js';
import { gromovWasserstein } from './gromovWasserstein.js';
import type { GromovOptions } from './GromovOptions.js';

/**
 * The square-loss Gromov-Wasserstein loss of {@link gromovWasserstein}'s coupling (POT's
 * `gromov_wasserstein2`). Non-convex: the value is an upper bound of the true GW discrepancy,
 * tightened by `nInit`.
 *
 * @param C1 - source structure, n x n
 * @param C2 - target structure, m x m
 * @param p - source masses, length n
 * @param q - target masses, length m
 * @param options - see {@link GromovOptions}
 * @returns the loss
 * @throws as {@link gromovWasserstein}
 *
 * @example
 * ```ts
 * gromovWasserstein2([[0, 1], [1, 0]], [[0, 2], [2, 0]], [0.5, 0.5], [0.5, 0.5]); // 0.5
 * ```
 */
export function gromovWasserstein2(C1: MatrixLike, C2: MatrixLike, p: VectorLike, q: VectorLike, options: GromovOptions = {}): number {
  return gromovWasserstein(C1, C2, p, q, options).value;
}
