/**
 * Entropic fused Gromov-Wasserstein.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../../core/matrix.js';
import { checkAlpha, checkEpsilon, entropicScheme, multiStart, prepareGromov, resolveGromovOptions } from '../internal/gromovCore.js';
import type { EntropicFusedGromovOptions, GromovResult } from './GromovOptions.js';

/**
 * Entropic fused Gromov-Wasserstein: the projected-gradient scheme of
 * {@link entropicGromovWasserstein} on the FGW objective of {@link fusedGromovWasserstein},
 *
 * ```text
 *   T <- sinkhorn(p, q, (1 - alpha) M + 2 alpha (constC - 2 C1 T C2^T), epsilon)
 * ```
 *
 * (the scheme of POT >= 0.9's `entropic_fused_gromov_wasserstein`). `value` is the FGW loss
 * without entropy.
 *
 * @param M - feature cost, n x m
 * @param C1 - source structure, n x n
 * @param C2 - target structure, m x m
 * @param p - source masses, length n
 * @param q - target masses, length m
 * @param options - see {@link EntropicFusedGromovOptions}
 * @returns coupling, loss, potentials of the last projection, status, iterations
 * @throws as {@link fusedGromovWasserstein}; `InputError` for `epsilon <= 0`
 *
 * @example
 * ```ts
 * entropicFusedGromovWasserstein(M, C1, C2, p, q, { alpha: 0.5, epsilon: 0.05 });
 * ```
 *
 * @see T. Vayer et al., ICML 2019; G. Peyré et al., ICML 2016.
 */
export function entropicFusedGromovWasserstein(M: MatrixLike, C1: MatrixLike, C2: MatrixLike, p: VectorLike, q: VectorLike, options: EntropicFusedGromovOptions = {}): GromovResult {
  const o = resolveGromovOptions(options);
  const alpha = checkAlpha(options.alpha);
  const epsilon = checkEpsilon(options.epsilon);
  const P = prepareGromov(C1, C2, p, q, M, o.massTol);
  return multiStart(P, o, (G0) => entropicScheme(P, alpha, G0, o.maxIter, o.tol, epsilon, options), 'entropicFusedGromovWasserstein');
}
