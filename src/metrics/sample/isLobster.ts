import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { isTree } from './isTree.js';

/**
 * Whether the graph is a lobster: a tree that becomes a path (its "spine") after removing its
 * leaves twice. Same decision as the reference `is_lobster_graph` of GRAN / SPECTRE: after the two
 * rounds of leaf removal the remainder must have exactly two nodes of degree 1 and all others of
 * degree 2, or no node of degree 1 or 2 at all (a single node or nothing).
 *
 * @param graph - any graph
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * isLobster(Graph.fromEdgeList(4, [[0, 1], [0, 2], [0, 3]])); // true (a star)
 * ```
 */
export function isLobster(graph: Graph): boolean {
  checkGraph(graph, 'graph');
  if (!isTree(graph)) return false;
  const n = graph.n;
  const { offsets, targets } = graph.csr();
  const alive = new Uint8Array(n).fill(1);
  const deg = Int32Array.from(graph.degrees());
  for (let round = 0; round < 2; round++) {
    const leaves: number[] = [];
    for (let v = 0; v < n; v++) if (alive[v] && deg[v] === 1) leaves.push(v);
    for (const v of leaves) alive[v] = 0;
    for (const v of leaves) for (let k = offsets[v]; k < offsets[v + 1]; k++) if (alive[targets[k]]) deg[targets[k]]--;
    for (const v of leaves) deg[v] = 0;
  }
  let remaining = 0;
  let ones = 0;
  let twos = 0;
  for (let v = 0; v < n; v++) {
    if (!alive[v]) continue;
    remaining++;
    if (deg[v] === 1) ones++;
    else if (deg[v] === 2) twos++;
  }
  // the reference compares sums of degrees: sum(deg==1) == 2 and sum(deg==2) == 2 (remaining - 2)
  if (ones === 2 && 2 * twos === 2 * (remaining - 2)) return true;
  return ones === 0 && twos === 0;
}
