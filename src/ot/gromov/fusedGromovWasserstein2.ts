/**
 * Fused Gromov-Wasserstein loss.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../../core/matrix.js';
import { fusedGromovWasserstein } from './fusedGromovWasserstein.js';
import type { FusedGromovOptions } from './GromovOptions.js';

/**
 * The FGW loss of {@link fusedGromovWasserstein}'s coupling, as POT's `fused_gromov_wasserstein2`.
 *
 * @param M - feature cost, n x m
 * @param C1 - source structure, n x n
 * @param C2 - target structure, m x m
 * @param p - source masses, length n
 * @param q - target masses, length m
 * @param options - see {@link FusedGromovOptions}
 * @returns the loss
 * @throws as {@link fusedGromovWasserstein}
 *
 * @example
 * ```ts
 * fusedGromovWasserstein2(M, C1, C2, p, q, { alpha: 0.3 });
 * ```
 */
export function fusedGromovWasserstein2(M: MatrixLike, C1: MatrixLike, C2: MatrixLike, p: VectorLike, q: VectorLike, options: FusedGromovOptions = {}): number {
  return fusedGromovWasserstein(M, C1, C2, p, q, options).value;
}
