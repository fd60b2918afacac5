/**
 * Shared records and option types of the optimal-transport module.
 *
 * @module
 */

import type { Matrix } from '../core/matrix.js';

/**
 * Termination state of an iterative solver.
 * - `'converged'`: the stopping criterion was met within `maxIter` iterations.
 * - `'maxIter'`: the iteration budget was spent first (the result is the last iterate).
 * - `'numericalError'`: a scaling became zero or non-finite (Sinkhorn-Knopp only, for small
 *   `reg`); the result is the last finite iterate. The log-domain solver never reports it for
 *   valid input.
 */
export type OtStatus = 'converged' | 'maxIter' | 'numericalError';

/**
 * Dual potentials `(f, g)` of a transport problem, in cost units: `f` has length n (rows,
 * source histogram `a`), `g` length m. For entropic problems the plan is
 * `P[i][j] = exp((f[i] + g[j] - M[i][j]) / reg)`; for exact problems `f[i] + g[j] <= M[i][j]`
 * with equality on the support of the plan. Entries belonging to zero-mass bins are
 * `-Infinity` for entropic solvers.
 */
export interface OtPotentials {
  /** Potential of the source bins, length n. */
  readonly f: Float64Array;
  /** Potential of the target bins, length m. */
  readonly g: Float64Array;
}

/** Which Sinkhorn implementation runs: `'wasm'` (the C kernel) or `'js'` (its TypeScript twin). */
export type SinkhornBackendName = 'wasm' | 'js';

/** A transport plan and its cost, the common part of every OT result record. */
export interface TransportResult {
  /** Transport plan, n x m, rows indexed by the source histogram. */
  readonly plan: Matrix;
  /** Objective value (see the solver's documentation for the exact definition). */
  readonly value: number;
  /** Dual potentials. */
  readonly potentials: OtPotentials;
  /** Termination state. */
  readonly status: OtStatus;
  /** Iterations performed (pivots for the network simplex, outer iterations for GW). */
  readonly iterations: number;
}
