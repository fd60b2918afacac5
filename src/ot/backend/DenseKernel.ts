/**
 * The dense kernels of the Gromov-Wasserstein solvers (matrix product, exact transport by network
 * simplex, the conditional-gradient loop) behind one interface, with two implementations
 * computing identical bits: the C/WASM kernels (`wasm/dense.c`, `wasm/gromov.c`, part of
 * `sinkhorn.wasm`) and the TypeScript twins below.
 *
 * @module
 * @internal
 */

import { matmul } from '../internal/dense.js';
import { cgLoop, type CgLoopOutput, type CgOrder, type CgProblem } from '../internal/cgLoop.js';
import { networkSimplex, type NetworkSimplexBasis, type NetworkSimplexOutput } from '../internal/networkSimplex.js';

/** Dense kernels of the GW solvers. @internal */
export interface DenseKernel {
  /** `'wasm'` or `'js'`. */
  readonly name: 'wasm' | 'js';
  /** C = A B with A n x k, B k x m (row-major); writes into `out` when given. */
  matmul(A: Float64Array, B: Float64Array, n: number, k: number, m: number, out?: Float64Array): Float64Array;
  /** Exact transport by network simplex (see `networkSimplex`), optionally from a previous basis. */
  networkSimplex(a: Float64Array, b: Float64Array, C: Float64Array, maxIter: number, init?: NetworkSimplexBasis): NetworkSimplexOutput;
  /** The conditional-gradient iterations of square-loss (fused) GW (see `cgLoop`); updates `G` and `cross` in place. */
  cgLoop(P: CgProblem, alpha: number, G: Float64Array, cross: Float64Array, loss: number, maxIter: number, tol: number, order?: CgOrder | null): CgLoopOutput;
}

/** The TypeScript dense kernels (always available). @internal */
export const jsDenseKernel: DenseKernel = Object.freeze({ name: 'js' as const, matmul, networkSimplex, cgLoop });
