/**
 * graphgen: generative modeling on graph space.
 *
 * The root entry lifts the headline API of every area; each area is also a subpath
 * (`graphgen/graph`, `graphgen/io`, `graphgen/datasets`, `graphgen/ot`, `graphgen/metrics`, ...)
 * with its full surface.
 *
 * @module graphgen
 */
export * from './core/index.js';
export * from './graph/index.js';
