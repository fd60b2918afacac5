/**
 * The entropic OT dispatcher.
 *
 * @module
 */

import type { MatrixLike, VectorLike } from '../core/matrix.js';
import { checkSinkhornProblem, resolveSinkhornOptions, solveSinkhorn } from './internal/runSinkhorn.js';
import type { SinkhornOptions, SinkhornResult } from './SinkhornOptions.js';

/**
 * Entropy-regularized optimal transport (Cuturi 2013) between histograms `a` (length n) and `b`
 * (length m) for the cost `M` (n x m):
 *
 * ```text
 *   P* = argmin_{P >= 0, P 1 = a, P^T 1 = b}  <P, M> + reg * sum_ij P_ij (log P_ij - 1)
 * ```
 *
 * solved by alternate projections on the two marginal constraints, written on the dual
 * potentials `f, g` with `P_ij = exp((f_i + g_j - M_ij) / reg)`. Three schemes compute the same
 * iterates (see {@link SinkhornMethod}): `'stabilized'` (default; scaling iterations on an
 * absorbed kernel with a log-domain fallback, see {@link sinkhornStabilized}), `'log'`
 * (log-sum-exp updates, {@link sinkhornLog}) and `'knopp'` (plain scalings, underflows for small
 * `reg`, {@link sinkhornKnopp}). `'stabilized'` and `'log'` never produce NaN for any `reg > 0`,
 * zero masses, or costs spanning many orders of magnitude. Same iteration as POT's
 * `ot.sinkhorn(a, b, M, reg, method='sinkhorn_log' | 'sinkhorn_stabilized' | 'sinkhorn')`.
 *
 * `value` is the transport cost `<P, M>` without the entropy term (as POT's `sinkhorn2`).
 * Runs on the C/WebAssembly kernel when available, else on its TypeScript twin (`backend`).
 *
 * @param a - source histogram, length n, entries >= 0, positive sum
 * @param b - target histogram, length m, same total mass as `a` (within `massTol`)
 * @param M - cost matrix, n x m, finite
 * @param reg - entropic regularization, > 0 (in cost units)
 * @param options - see {@link SinkhornOptions}
 * @returns plan (n x m), value `<P, M>`, potentials, status, iterations, marginal error
 * @throws `InputError` for NaN/Infinity/negative masses, masses with different totals,
 *   non-finite costs, `reg <= 0`, empty histograms, invalid options
 * @throws `ShapeError` when `M` is not `a.length x b.length`
 * @throws `ConvergenceError` with `strict: true` when `status !== 'converged'`
 * @throws `BackendError` with `backend: 'wasm'` when the kernel cannot be loaded or the
 *   problem does not fit in 4 GiB of wasm32 memory
 *
 * @example
 * ```ts
 * const res = sinkhorn([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]], 0.05);
 * res.plan;   // ~ [[0.5, 0], [0, 0.5]] as a Matrix
 * res.value;  // ~ 0
 * ```
 *
 * @see M. Cuturi, "Sinkhorn Distances: Lightspeed Computation of Optimal Transport", NeurIPS 2013.
 * @see B. Schmitzer, "Stabilized Sparse Scaling Algorithms for Entropy Regularized Transport
 *   Problems", SIAM J. Sci. Comput. 2019.
 * @see G. Peyré, M. Cuturi, "Computational Optimal Transport", 2019, Sec. 4.
 * @see R. Flamary et al., "POT: Python Optimal Transport", JMLR 2021 (`ot.bregman.sinkhorn`).
 */
export function sinkhorn(a: VectorLike, b: VectorLike, M: MatrixLike, reg: number, options: SinkhornOptions = {}): SinkhornResult {
  const o = resolveSinkhornOptions(options);
  return solveSinkhorn(checkSinkhornProblem(a, b, M, reg, o.massTol), o, options.warmStart);
}
