import { assertInteger } from '../../core/assert.js';
import type { Rng } from '../../core/rng.js';
import { Graph } from '../../graph/Graph.js';
import { treeFromPrufer } from './treeFromPrufer.js';

/**
 * A uniformly random labelled tree on `numNodes` nodes: a uniform Prüfer sequence (each of the
 * `n - 2` entries uniform in `0..n-1`) decoded by {@link treeFromPrufer}, which is how networkx
 * 2.8's `random_tree` draws the benchmark's trees (HSpectre/DeFoG `tree`: 64 nodes). By Cayley's
 * formula each of the `n^(n-2)` trees is equally likely.
 *
 * @param rng - random source (advanced)
 * @param numNodes - number of nodes, >= 1
 * @returns the tree (`numNodes - 1` edges, connected)
 * @throws `InputError` when `numNodes` is not a positive integer
 *
 * @example
 * ```ts
 * randomTree(createRng(0), 64).numEdges; // 63
 * ```
 */
export function randomTree(rng: Rng, numNodes = 64): Graph {
  assertInteger(numNodes, 'numNodes', { min: 1, max: 10_000_000 });
  if (numNodes === 1) return Graph.empty(1);
  const seq = new Int32Array(numNodes - 2);
  for (let i = 0; i < seq.length; i++) seq[i] = rng.int(0, numNodes);
  return treeFromPrufer(seq);
}
