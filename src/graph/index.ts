/**
 * The graph data layer: the immutable {@link Graph} type, dense padded batches for models,
 * node permutations and graphology interop.
 *
 * @module graph
 */
export * from './Graph.js';
export * from './sanitizeEdgeList.js';
export * from './collate.js';
export * from './permute.js';
export * from './graphology.js';
