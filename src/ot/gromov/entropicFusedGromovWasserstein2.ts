/**
 * Entropic fused Gromov-Wasserstein loss.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../../core/matrix.js';
import { entropicFusedGromovWasserstein } from './entropicFusedGromovWasserstein.js';
import type { EntropicFusedGromovOptions } from './GromovOptions.js';

/**
 * The FGW loss (without entropy) of {@link entropicFusedGromovWasserstein}'s coupling.
 *
 * @param M - feature cost, n x m
 * @param C1 - source structure, n x n
 * @param C2 - target structure, m x m
 * @param p - source masses, length n
 * @param q - target masses, length m
 * @param options - see {@link EntropicFusedGromovOptions}
 * @returns the loss
 * @throws as {@link entropicFusedGromovWasserstein}
 *
 * @example
 * ```ts
 * entropicFusedGromovWasserstein2(M, C1, C2, p, q, { epsilon: 0.05 });
 * ```
 */
export function entropicFusedGromovWasserstein2(M: MatrixLike, C1: MatrixLike, C2: MatrixLike, p: VectorLike, q: VectorLike, options: EntropicFusedGromovOptions = {}): number {
  return entropicFusedGromovWasserstein(M, C1, C2, p, q, options).value;
}
