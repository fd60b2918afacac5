/**
 * Options and result record of the exact solvers.
 *
 * @module
 */

import type { TransportResult } from './types.js';

/** Options of {@link emd} and {@link emd2}. */
export interface EmdOptions {
  /** Maximum number of network-simplex pivots. @default 1000000 */
  maxIter?: number;
  /**
   * Relative tolerance on `|sum(a) - sum(b)|`; within it, `b` is rescaled to the mass of `a`
   * (as POT does). @default 1e-6
   */
  massTol?: number;
  /** Throw `ConvergenceError` when the pivot budget runs out before optimality. @default false */
  strict?: boolean;
}

/**
 * Result of {@link emd}: the optimal plan, the cost `<P, M>`, dual potentials with
 * `f_i + g_j <= M_ij` (equality on the support), `status` (`'converged'` = optimal) and the
 * number of pivots as `iterations`.
 */
export type EmdResult = TransportResult;
