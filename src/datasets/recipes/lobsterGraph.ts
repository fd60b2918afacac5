import { assertFinite, assertInteger } from '../../core/assert.js';
import type { Rng } from '../../core/rng.js';
import { Graph } from '../../graph/Graph.js';

/** Options of {@link lobsterGraph}. */
export interface LobsterGraphOptions {
  /** Expected backbone length: the backbone has `floor(2 u meanBackbone + 0.5)` nodes, u uniform. @default 80 */
  meanBackbone?: number;
  /** Probability of adding each further first-level branch to a backbone node. @default 0.7 */
  p1?: number;
  /** Probability of adding each further second-level leaf to a branch node. @default 0.7 */
  p2?: number;
}

/**
 * A random lobster as networkx 2.8's `random_lobster(meanBackbone, p1, p2)` draws it: a path
 * (the backbone) of `floor(2 u meanBackbone + 0.5)` nodes; for each backbone node, while a coin of
 * probability `p1` succeeds a new node is attached to it, and for each such node, while a coin of
 * probability `p2` succeeds a new leaf is attached to that node. Nodes are numbered backbone
 * first, then in order of creation. A lobster is a tree that becomes a path after removing its
 * leaves twice.
 *
 * GRAN (Liao et al. 2019) builds its lobster dataset with `meanBackbone = 80`, `p1 = p2 = 0.7`,
 * keeping graphs with 10 to 100 nodes (see the `lobster` recipe of `loadDataset`).
 *
 * @param rng - random source (advanced)
 * @param options - backbone mean and branching probabilities (both < 1)
 * @returns the lobster (may be empty when the backbone length rounds to 0)
 * @throws `InputError` for probabilities outside [0, 1) or a negative mean
 *
 * @example
 * ```ts
 * const g = lobsterGraph(createRng(0), { meanBackbone: 10 });
 * g.numEdges === g.n - 1 || g.n === 0; // true (a tree)
 * ```
 *
 * @see R. Liao et al., "Efficient Graph Generation with Graph Recurrent Attention Networks", NeurIPS 2019.
 */
export function lobsterGraph(rng: Rng, options: LobsterGraphOptions = {}): Graph {
  const { meanBackbone = 80, p1 = 0.7, p2 = 0.7 } = options;
  assertFinite(meanBackbone, 'options.meanBackbone', { min: 0, max: 1_000_000 });
  assertFinite(p1, 'options.p1', { min: 0, max: 0.999 });
  assertFinite(p2, 'options.p2', { min: 0, max: 0.999 });
  const backbone = Math.floor(2 * rng.uniform() * meanBackbone + 0.5);
  assertInteger(backbone, 'backbone length');
  const edges: [number, number][] = [];
  for (let i = 1; i < backbone; i++) edges.push([i - 1, i]);
  let current = backbone - 1;
  for (let i = 0; i < backbone; i++) {
    while (rng.uniform() < p1) {
      current++;
      edges.push([i, current]);
      const cat = current;
      while (rng.uniform() < p2) {
        current++;
        edges.push([cat, current]);
      }
    }
  }
  return Graph.fromEdgeList(Math.max(current + 1, 0), edges);
}
