/**
 * The contract between the Sinkhorn front end and its two backends (the WASM kernel and the
 * TypeScript twin). Both implement exactly the same iteration, documented in `wasm/sinkhorn.c`.
 *
 * @module
 */

import type { OtStatus } from '../types.js';

/** Inputs of one kernel run. `M`, `a`, `b` are read only; `u`, `v` are updated in place. */
export interface SinkhornKernelInput {
  /** Number of rows (length of `a`). */
  readonly n: number;
  /** Number of columns (length of `b`). */
  readonly m: number;
  /** Cost matrix, n*m row-major. Not modified. */
  readonly M: Float64Array;
  /** Entropic regularization, > 0. */
  readonly reg: number;
  /** Source histogram, length n. */
  readonly a: Float64Array;
  /** Target histogram, length m. */
  readonly b: Float64Array;
  /** In/out: `f / reg` (log and stabilized methods) or `exp(f / reg)` (knopp method), length n. */
  readonly u: Float64Array;
  /** In/out: `g / reg` (log and stabilized methods) or `exp(g / reg)` (knopp method), length m. */
  readonly v: Float64Array;
  /** Iteration budget. */
  readonly maxIter: number;
  /** Stop when the L1 row-marginal error is below this. */
  readonly tol: number;
  /** Check the error every this many iterations. */
  readonly checkEvery: number;
  /**
   * Storage and arithmetic of the kernel matrix in the passes over it (`'log'` and `'knopp'` on the
   * WASM backend; the TS twin and the stabilized method always compute in float64).
   * @default 'float64'
   */
  readonly dtype?: SinkhornDtype;
}

/** Floating-point type of the kernel matrix in the Sinkhorn passes, see {@link SinkhornKernelInput.dtype}. */
export type SinkhornDtype = 'float64' | 'float32';

/** Output of one kernel run. */
export interface SinkhornKernelOutput {
  /** Termination state. */
  readonly status: OtStatus;
  /** Completed iterations. */
  readonly iterations: number;
  /** L1 error of the row marginal of the returned state. */
  readonly marginalError: number;
  /** The plan, n*m row-major (freshly allocated). */
  readonly plan: Float64Array;
  /** Stabilized method only: how many times the scalings were absorbed into the potentials. */
  readonly absorptions?: number;
}

/** A Sinkhorn backend. */
export interface SinkhornKernel {
  /** `'wasm'` or `'js'`. */
  readonly name: 'wasm' | 'js';
  /** Log-domain iterations. */
  sinkhornLog(input: SinkhornKernelInput): SinkhornKernelOutput;
  /** Sinkhorn-Knopp iterations in the scaling domain. */
  sinkhornKnopp(input: SinkhornKernelInput): SinkhornKernelOutput;
  /** Stabilized scaling iterations with absorption and a log-domain fallback. */
  sinkhornStabilized(input: SinkhornKernelInput): SinkhornKernelOutput;
}

/** Maps a C status code (GG_STATUS_* in wasm/sinkhorn.h) to an {@link OtStatus}. */
export function statusFromCode(code: number): OtStatus {
  if (code === 0) return 'converged';
  if (code === 1) return 'maxIter';
  return 'numericalError';
}
