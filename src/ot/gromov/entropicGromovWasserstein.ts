/**
 * Entropic Gromov-Wasserstein.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../../core/matrix.js';
import { checkEpsilon, entropicScheme, multiStart, prepareGromov, resolveGromovOptions } from '../internal/gromovCore.js';
import type { EntropicGromovOptions, GromovResult } from './GromovOptions.js';

/**
 * Entropic Gromov-Wasserstein (Peyré et al. 2016): projected gradient descent on the
 * square-loss GW objective of {@link gromovWasserstein} with KL projections, i.e. the fixed-point
 * iteration
 *
 * ```text
 *   T <- sinkhorn(p, q, grad L(T), epsilon),   grad L(T) = 2 (constC - 2 C1 T C2^T)
 * ```
 *
 * with log-domain Sinkhorn inner solves warm-started from the previous potentials. Stops when
 * the Frobenius change of `T` (checked every 10 iterations) is below `tol`. `value` is the GW
 * loss of the returned plan, without the entropy (as POT's `entropic_gromov_wasserstein2`).
 *
 * @param C1 - source structure, n x n
 * @param C2 - target structure, m x m
 * @param p - source masses, length n
 * @param q - target masses, length m
 * @param options - see {@link EntropicGromovOptions} (`epsilon`, default 0.1)
 * @returns coupling, loss, potentials of the last projection, status, iterations
 * @throws as {@link gromovWasserstein}; `InputError` for `epsilon <= 0`
 *
 * @example
 * ```ts
 * const res = entropicGromovWasserstein(C1, C2, p, q, { epsilon: 0.05 });
 * ```
 *
 * @see G. Peyré, M. Cuturi, J. Solomon, ICML 2016; J. Solomon et al., "Entropic metric
 *   alignment for correspondence problems", SIGGRAPH 2016; POT `ot.gromov.entropic_gromov_wasserstein`.
 */
export function entropicGromovWasserstein(C1: MatrixLike, C2: MatrixLike, p: VectorLike, q: VectorLike, options: EntropicGromovOptions = {}): GromovResult {
  const o = resolveGromovOptions(options);
  const epsilon = checkEpsilon(options.epsilon);
  const P = prepareGromov(C1, C2, p, q, null, o.massTol);
  return multiStart(P, o, (G0) => entropicScheme(P, 1, G0, o.maxIter, o.tol, epsilon, options), 'entropicGromovWasserstein');
}
