import { assertInteger } from '../../core/assert.js';
import type { Rng } from '../../core/rng.js';
import { Graph } from '../../graph/Graph.js';
import { DegenerateInputError, delaunayEdges } from '../internal/delaunay.js';

/** Options of {@link planarGraph}. */
export interface PlanarGraphOptions {
  /** Number of nodes (points), at least 3. @default 64 */
  numNodes?: number;
}

/**
 * A random planar graph as in SPECTRE (Martinkus et al. 2022): the Delaunay triangulation of
 * `numNodes` points drawn uniformly in the unit square. Node `i` is the i-th point drawn
 * (x then y, each `rng.uniform()`). The graph is connected, planar and maximal in the convex
 * hull: it has `3n - 3 - h` edges for `h` hull points (173 to 181 edges in the benchmark's
 * 64-node graphs).
 *
 * The triangulation uses exact geometric predicates (a floating-point filter with BigInt
 * fallback) and Lawson flips, so the graph does not depend on rounding. A draw with collinear or
 * cocircular points (probability ~0) is discarded and redrawn from the same `rng`.
 *
 * @param rng - random source (advanced)
 * @param options - number of nodes
 * @returns the triangulation as a graph on `numNodes` nodes
 * @throws `InputError` when `numNodes` is not an integer >= 3
 *
 * @example
 * ```ts
 * const g = planarGraph(createRng(0));
 * g.n; // 64
 * ```
 *
 * @see K. Martinkus, A. Loukas, N. Perraudin, R. Wattenhofer, "SPECTRE: Spectral Conditioning
 *   Helps to Overcome the Expressivity Limits of One-shot Graph Generators", ICML 2022.
 */
export function planarGraph(rng: Rng, options: PlanarGraphOptions = {}): Graph {
  const n = options.numNodes ?? 64;
  assertInteger(n, 'options.numNodes', { min: 3, max: 1_000_000 });
  for (;;) {
    const xs = new Float64Array(n);
    const ys = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = rng.uniform();
      ys[i] = rng.uniform();
    }
    try {
      return Graph.fromEdgeList(n, delaunayEdges(xs, ys).edges);
    } catch (err) {
      if (!(err instanceof DegenerateInputError)) throw err;
    }
  }
}
