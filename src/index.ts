/**
 * graphgen: generative modeling on graph space.
 *
 * The root entry holds the core and graph layers and lifts the headline functions of the
 * numeric areas (I/O, datasets, optimal transport, evaluation), none of which load
 * TensorFlow.js or RDKit. Every area is also a subpath with its full surface:
 * `graphgen/graph`, `graphgen/io`, `graphgen/datasets`, `graphgen/ot`, `graphgen/metrics`,
 * `graphgen/embed`, and the tfjs-based `graphgen/nn`, `graphgen/layers`, `graphgen/generators`,
 * plus the RDKit-based `graphgen/molecules`.
 *
 * @module graphgen
 */
export * from './core/index.js';
export * from './graph/index.js';
export { parseGraph6, formatGraph6, parseSparse6, formatSparse6, parseGraphs, formatGraphs } from './io/index.js';
export { loadDataset, loadBenchmark } from './datasets/index.js';
export { sinkhorn, sinkhorn2, emd, emd2, lsap, gromovWasserstein, gromovWasserstein2, fusedGromovWasserstein, gromovBarycenter } from './ot/index.js';
export { evaluate, mmd, isIsomorphic, wlHash, isPlanar, graphEditDistance } from './metrics/index.js';
