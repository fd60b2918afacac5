/**
 * Options and result records of the Gromov-Wasserstein solvers.
 *
 * @module
 */

import type { Matrix } from '../../core/matrix.js';
import type { Rng } from '../../core/rng.js';
import type { SinkhornKernel } from '../backend/SinkhornKernel.js';
import type { SinkhornBackendName, TransportResult } from '../types.js';

/** Options shared by every (fused) Gromov-Wasserstein solver. */
export interface GromovOptions {
  /** Initial coupling, n x m with marginals p, q. @default the independent coupling p q^T */
  G0?: Matrix | readonly (readonly number[])[];
  /** Maximum number of outer iterations. @default 1000 */
  maxIter?: number;
  /**
   * Stopping tolerance: relative (and absolute) change of the loss between two outer
   * iterations for the conditional-gradient solvers; Frobenius change of the plan (checked every
   * 10 iterations, as POT) for the entropic ones. @default 1e-9
   */
  tol?: number;
  /**
   * Number of initializations: the first is `G0` (or p q^T), the others are random couplings
   * drawn from `rng`; the plan with the smallest loss is returned. GW is non-convex, so
   * several starts reduce the risk of a poor local minimum. @default 1
   */
  nInit?: number;
  /** Random generator for the extra initializations (required when `nInit > 1`). */
  rng?: Rng;
  /** Relative tolerance on `|sum(p) - sum(q)|`. @default 1e-6 */
  massTol?: number;
  /** Throw `ConvergenceError` when the best run did not converge. @default false */
  strict?: boolean;
}

/** Options of the entropic solvers (projected gradient with inner Sinkhorn). */
export interface EntropicGromovOptions extends GromovOptions {
  /** Entropic regularization of each inner Sinkhorn projection, > 0. @default 0.1 */
  epsilon?: number;
  /** Inner Sinkhorn iteration budget. @default 1000 */
  innerMaxIter?: number;
  /** Inner Sinkhorn tolerance. @default 1e-9 */
  innerTol?: number;
  /** Sinkhorn backend of the inner solves. @default 'auto' */
  backend?: 'auto' | SinkhornBackendName | SinkhornKernel;
}

/** Options of the fused solvers. */
export interface FusedGromovOptions extends GromovOptions {
  /** Trade-off: `(1 - alpha) <M, T> + alpha * GW(T)`, in [0, 1]. @default 0.5 */
  alpha?: number;
}

/** Options of the entropic fused solver. */
export interface EntropicFusedGromovOptions extends EntropicGromovOptions {
  /** Trade-off: `(1 - alpha) <M, T> + alpha * GW(T)`, in [0, 1]. @default 0.5 */
  alpha?: number;
}

/**
 * Result of a Gromov-Wasserstein solver: the coupling (n x m), the loss as `value` (square loss,
 * POT convention, without the entropy term), the dual potentials of the last linearized problem,
 * `status`, outer `iterations` of the best start, and `losses`, the final loss of every start.
 */
export interface GromovResult extends TransportResult {
  /** Final loss of each initialization (length `nInit`); `value` is their minimum. */
  readonly losses: Float64Array;
}
