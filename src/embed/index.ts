/**
 * Invariant and equivariant graph features: pure functions of a `Graph` on `Float64Array`
 * (power sums, walk sums, degree moments, exact k-cycle counts, normalised-Laplacian spectral
 * features, RRWP, WL colour histograms, and the fixed-length {@link graphEmbedding}), plus
 * batched tfjs versions for training-time "extra features" of generators (DiGress, DeFoG).
 *
 * @module embed
 */
export * from './powerSums.js';
export * from './walkSums.js';
export * from './degreeMoments.js';
export * from './cycleCounts.js';
export * from './spectralFeatures.js';
export * from './rrwp.js';
export * from './wlHistogram.js';
export * from './graphEmbedding.js';
export * from './batchedCycleCounts.js';
export * from './batchedPowerSums.js';
export * from './batchedRrwp.js';
export * from './batchedSpectralFeatures.js';
export { spectralProjectors, type SpectralProjectorsOptions, type SpectralProjectorsResult } from './spectralProjectors.js';
