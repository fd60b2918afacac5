/**
 * Fused Gromov-Wasserstein.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../../core/matrix.js';
import { checkAlpha, conditionalGradient, multiStart, prepareGromov, resolveGromovOptions } from '../internal/gromovCore.js';
import type { FusedGromovOptions, GromovResult } from './GromovOptions.js';

/**
 * Fused Gromov-Wasserstein (Vayer et al. 2019) between attributed graphs: features compared by
 * the cost `M`, structures by `C1`, `C2`:
 *
 * ```text
 *   FGW = min_{T in U(p, q)} (1 - alpha) sum_ij M[i][j] T[i][j]
 *                            + alpha sum_{i,j,k,l} (C1[i][k] - C2[j][l])^2 T[i][j] T[k][l]
 * ```
 *
 * Conditional gradient with exact line search, as {@link gromovWasserstein} (which is the case
 * `alpha = 1`; `alpha = 0` is {@link emd}). Non-convex for alpha > 0: see `nInit`.
 *
 * @param M - feature cost, n x m
 * @param C1 - source structure, n x n
 * @param C2 - target structure, m x m
 * @param p - source masses, length n
 * @param q - target masses, length m
 * @param options - see {@link FusedGromovOptions} (`alpha`, default 0.5)
 * @returns coupling, FGW loss as `value`, status, iterations
 * @throws as {@link gromovWasserstein}; `ShapeError` when `M` is not n x m;
 *   `InputError` for `alpha` outside [0, 1]
 *
 * @example
 * ```ts
 * const res = fusedGromovWasserstein(M, C1, C2, p, q, { alpha: 0.5 });
 * ```
 *
 * @see T. Vayer et al., "Optimal Transport for structured data with application on graphs",
 *   ICML 2019; POT `ot.gromov.fused_gromov_wasserstein`.
 */
export function fusedGromovWasserstein(M: MatrixLike, C1: MatrixLike, C2: MatrixLike, p: VectorLike, q: VectorLike, options: FusedGromovOptions = {}): GromovResult {
  const o = resolveGromovOptions(options);
  const alpha = checkAlpha(options.alpha);
  const P = prepareGromov(C1, C2, p, q, M, o.massTol);
  return multiStart(P, o, (G0) => conditionalGradient(P, alpha, G0, o.maxIter, o.tol), 'fusedGromovWasserstein');
}
