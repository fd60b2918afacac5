/**
 * Optimal transport on histograms, point clouds and graphs (`graphgen/ot`).
 *
 * - Entropic OT: {@link sinkhorn} (dispatcher: stabilized, log-domain or Sinkhorn-Knopp),
 *   {@link sinkhornStabilized}, {@link sinkhornLog}, {@link sinkhornKnopp}, {@link sinkhorn2}, {@link sinkhornBatch} (many small problems),
 *   {@link sinkhornDivergence} (debiased, point clouds). The iterations run in a C kernel
 *   compiled to WebAssembly (`wasm/sinkhorn.c`, SIMD exp) with a TypeScript twin as fallback;
 *   see {@link loadSinkhornWasm} for browsers.
 * - Exact OT: {@link emd} / {@link emd2} (network simplex), {@link emd1d} (closed form on the
 *   line), {@link lsap} (linear sum assignment).
 * - Graphs: {@link gromovWasserstein}, {@link entropicGromovWasserstein},
 *   {@link fusedGromovWasserstein}, {@link entropicFusedGromovWasserstein} with `...2` loss
 *   twins, and the barycenters {@link gromovBarycenter}, {@link fgwBarycenter}.
 *
 * Conventions follow POT (Flamary et al., JMLR 2021): plans are n x m with rows indexed by the
 * source histogram `a`; GW uses the square loss without 1/2 and without root. Every solver
 * returns a record with a `status`; `strict: true` turns non-convergence into a
 * `ConvergenceError`. Inputs are `number[] | Float64Array` histograms and
 * `number[][] | Matrix` matrices.
 *
 * @example
 * ```ts
 * import { sinkhorn, emd2, gromovWasserstein2 } from 'graphgen/ot';
 * const res = sinkhorn([0.5, 0.5], [0.5, 0.5], [[0, 1], [1, 0]], 0.05);
 * ```
 *
 * @module ot
 */
export * from './types.js';
export * from './SinkhornOptions.js';
export * from './sinkhorn.js';
export * from './sinkhornLog.js';
export * from './sinkhornKnopp.js';
export * from './sinkhornStabilized.js';
export * from './sinkhorn2.js';
export * from './sinkhornBatch.js';
export * from './sinkhornDivergence.js';
export * from './EmdOptions.js';
export * from './emd.js';
export * from './emd2.js';
export * from './emd1d.js';
export * from './lsap.js';
export * from './gromov/GromovOptions.js';
export * from './gromov/gromovWasserstein.js';
export * from './gromov/gromovWasserstein2.js';
export * from './gromov/entropicGromovWasserstein.js';
export * from './gromov/entropicGromovWasserstein2.js';
export * from './gromov/fusedGromovWasserstein.js';
export * from './gromov/fusedGromovWasserstein2.js';
export * from './gromov/entropicFusedGromovWasserstein.js';
export * from './gromov/entropicFusedGromovWasserstein2.js';
export * from './gromov/gromovBarycenter.js';
export * from './gromov/fgwBarycenter.js';
export type { SinkhornDtype, SinkhornKernel, SinkhornKernelInput, SinkhornKernelOutput } from './backend/SinkhornKernel.js';
export { jsSinkhornKernel } from './backend/jsSinkhornKernel.js';
export { loadSinkhornWasm, instantiateSinkhornWasm, SINKHORN_WASM_URL } from './backend/loadSinkhornWasm.js';
export type { SinkhornWasm, SinkhornWasmSource } from './backend/loadSinkhornWasm.js';
