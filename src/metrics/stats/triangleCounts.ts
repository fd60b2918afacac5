import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';

/**
 * Number of triangles through each node (`networkx.triangles`). Sums to three times the number
 * of triangles of the graph. Runs in O(sum over edges of min degree) with sorted-list merging.
 *
 * @param graph - any graph
 * @returns counts, length n
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * triangleCounts(Graph.fromEdgeList(3, [[0, 1], [1, 2], [0, 2]])); // Float64Array [1, 1, 1]
 * ```
 */
export function triangleCounts(graph: Graph): Float64Array {
  checkGraph(graph, 'graph');
  const n = graph.n;
  const { offsets, targets } = graph.csr();
  const t = new Float64Array(n);
  // each triangle u < v < w found once from its edge (u, v) by merging N(u) and N(v) above v
  for (let u = 0; u < n; u++) {
    const ue = offsets[u + 1];
    for (let a = offsets[u]; a < ue; a++) {
      const v = targets[a];
      if (v <= u) continue;
      let i = a + 1;
      let j = offsets[v];
      const ve = offsets[v + 1];
      while (j < ve && targets[j] <= v) j++;
      while (i < ue && j < ve) {
        const x = targets[i];
        const y = targets[j];
        if (x === y) {
          t[u]++;
          t[v]++;
          t[x]++;
          i++;
          j++;
        } else if (x < y) i++;
        else j++;
      }
    }
  }
  return t;
}
