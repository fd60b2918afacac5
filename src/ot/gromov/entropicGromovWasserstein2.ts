/**
 * Entropic Gromov-Wasserstein loss.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../../core/matrix.js';
import { entropicGromovWasserstein } from './entropicGromovWasserstein.js';
import type { EntropicGromovOptions } from './GromovOptions.js';

/**
 * The square-loss GW loss (without entropy) of {@link entropicGromovWasserstein}'s coupling, as
 * POT's `entropic_gromov_wasserstein2`.
 *
 * @param C1 - source structure, n x n
 * @param C2 - target structure, m x m
 * @param p - source masses, length n
 * @param q - target masses, length m
 * @param options - see {@link EntropicGromovOptions}
 * @returns the loss
 * @throws as {@link entropicGromovWasserstein}
 *
 * @example
 * ```ts
 * entropicGromovWasserstein2(C1, C2, p, q, { epsilon: 0.01 });
 * ```
 */
export function entropicGromovWasserstein2(C1: MatrixLike, C2: MatrixLike, p: VectorLike, q: VectorLike, options: EntropicGromovOptions = {}): number {
  return entropicGromovWasserstein(C1, C2, p, q, options).value;
}
