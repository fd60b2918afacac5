import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { triangleCounts } from './triangleCounts.js';

/**
 * Local clustering coefficient of every node, as `networkx.clustering` (unweighted):
 * `c(v) = 2 T(v) / (d(v) (d(v) - 1))` with `T(v)` the triangles through v, and 0 when
 * `d(v) < 2`.
 *
 * @param graph - any graph
 * @returns coefficients in [0, 1], length n
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * // a triangle with a pendant node 3 on node 0
 * clusteringCoefficients(Graph.fromEdgeList(4, [[0, 1], [1, 2], [0, 2], [0, 3]]));
 * // Float64Array [1/3, 1, 1, 0]
 * ```
 */
export function clusteringCoefficients(graph: Graph): Float64Array {
  checkGraph(graph, 'graph');
  const t = triangleCounts(graph);
  const deg = graph.degrees();
  const c = new Float64Array(graph.n);
  for (let v = 0; v < graph.n; v++) {
    const d = deg[v];
    // networkx: 2 * T / (d * (d - 1)), computed in this order
    c[v] = d < 2 || t[v] === 0 ? 0 : (2 * t[v]) / (d * (d - 1));
  }
  return c;
}
