/**
 * Options and result record of the Sinkhorn solvers.
 *
 * @module
 */

import type { OtPotentials, SinkhornBackendName, TransportResult } from './types.js';
import type { SinkhornDtype, SinkhornKernel } from './backend/SinkhornKernel.js';

/**
 * Iteration scheme of the Sinkhorn solvers:
 * - `'stabilized'` (default): scaling iterations `u <- a ./ (Kt v)`, `v <- b ./ (Kt^T u)` on the
 *   absorbed kernel `Kt = exp((f + g - M) / reg)`; when a scaling leaves [1e-100, 1e100] (or
 *   becomes 0 / non-finite) it is absorbed into the log-potentials `f, g`, one exact
 *   log-domain iteration is taken and `Kt` is rebuilt (Schmitzer 2019, with a log-domain
 *   fallback). Matrix-vector speed when the scalings are tame, never NaN for any reg > 0.
 * - `'log'`: every iteration in the log domain (log-sum-exp over the whole matrix): the
 *   reference, never NaN, about 2 x n x m exponentials per iteration.
 * - `'knopp'`: classical Sinkhorn-Knopp (Cuturi 2013) on `K = exp(-M/reg)`; fastest per
 *   iteration but `K` underflows for small `reg`, which ends the run with `'numericalError'`.
 */
export type SinkhornMethod = 'stabilized' | 'log' | 'knopp';

/** The method used when `options.method` is not given. */
export const DEFAULT_SINKHORN_METHOD: SinkhornMethod = 'stabilized';

/** Schedule of epsilon scaling: `reg_k = max(reg, start * factor^k)`. */
export interface EpsilonScalingOptions {
  /** First regularization. @default the spread max(M) - min(M) of the cost (at least `reg`) */
  start?: number;
  /** Ratio between successive regularizations, in (0, 1). @default 0.5 */
  factor?: number;
  /** Iterations per intermediate stage (the last stage gets the rest of `maxIter`). @default 50 */
  stageIter?: number;
}

/** Options of {@link sinkhorn} and its variants. */
export interface SinkhornOptions {
  /**
   * Iteration scheme, see {@link SinkhornMethod}. The three converge to the same plan; they
   * differ in speed and robustness.
   * @default 'stabilized'
   */
  method?: SinkhornMethod;
  /** Maximum number of iterations (one iteration updates both potentials). @default 1000 */
  maxIter?: number;
  /**
   * Stop when the L1 error of the row marginal, `sum_i |sum_j P[i][j] - a[i]|`, is below `tol`
   * (column marginals are exact after each iteration). @default 1e-9
   */
  tol?: number;
  /** Check the stopping criterion every `checkEvery` iterations (each check costs O(n)). @default 1 */
  checkEvery?: number;
  /**
   * `'auto'`: the WASM kernel when it can be loaded synchronously (Node), else `'js'`.
   * `'wasm'`: the shared WASM kernel (throws `BackendError` when unavailable). `'js'`: the
   * TypeScript twin. Or an instance from {@link loadSinkhornWasm}.
   * @default 'auto'
   */
  backend?: 'auto' | SinkhornBackendName | SinkhornKernel;
  /** Initial potentials (e.g. the `potentials` of a previous solve with a nearby problem). @default zeros */
  warmStart?: OtPotentials;
  /** Solve a decreasing sequence of regularizations, warm-starting each from the last. @default false */
  epsilonScaling?: boolean | EpsilonScalingOptions;
  /** Relative tolerance on `|sum(a) - sum(b)|`. @default 1e-6 */
  massTol?: number;
  /** Throw `ConvergenceError` unless `status` is `'converged'`. @default false */
  strict?: boolean;
  /**
   * Floating-point type of the kernel matrix in the passes over it. `'float32'` (methods
   * `'log'` and `'knopp'` on the WASM backend) stores `-M / reg` or `exp(-M / reg)` in float32
   * and runs every pass on four float32 SIMD lanes with a float32 `exp`: about half the memory
   * traffic and twice the lanes, at float32 accuracy (plan entries to ~1e-6 relative times
   * `max|M| / reg`; potentials, marginals and the stopping test stay in float64, so use
   * `tol` >= ~1e-6). Knopp's kernel underflows earlier in float32 (`M / reg` > ~87). The
   * TypeScript backend always computes in float64 and ignores `'float32'`.
   * @default 'float64'
   * @throws `InputError` for `'float32'` with method `'stabilized'`
   *
   * @example
   * ```ts
   * const res = sinkhorn(a, b, M, 0.05, { method: 'log', dtype: 'float32', tol: 1e-6 });
   * ```
   */
  dtype?: SinkhornDtype;
}

/** Result of {@link sinkhorn}: plan, cost `<P, M>`, potentials, convergence information. */
export interface SinkhornResult extends TransportResult {
  /** L1 error of the row marginal of `plan` (column marginals are exact up to rounding). */
  readonly marginalError: number;
  /** Backend that ran the iterations. */
  readonly backend: SinkhornBackendName;
  /** Iteration scheme used. */
  readonly method: SinkhornMethod;
  /** The regularization of the (last) solve. */
  readonly reg: number;
}
