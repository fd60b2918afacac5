/**
 * Core utilities: typed errors, the seeded RNG, the dense {@link Matrix} record and argument checks.
 *
 * @module core
 */
export * from './errors.js';
export * from './rng.js';
export * from './matrix.js';
export * from './assert.js';
export * from './symmetricEigen.js';
