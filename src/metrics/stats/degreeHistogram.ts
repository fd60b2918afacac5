import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';

/**
 * Degree histogram: entry d is the number of nodes of degree d, for d = 0..maxDegree, as
 * `networkx.degree_histogram` returns it. A graph with no nodes gives an empty array.
 * This is the per-graph descriptor of the degree MMD (You et al. 2018, GraphRNN; Martinkus et al.
 * 2022, SPECTRE).
 *
 * @param graph - any graph
 * @returns counts, length `maxDegree + 1` (0 for an empty graph), summing to `graph.n`
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * degreeHistogram(Graph.fromEdgeList(3, [[0, 1], [1, 2]])); // Float64Array [0, 2, 1]
 * ```
 */
export function degreeHistogram(graph: Graph): Float64Array {
  checkGraph(graph, 'graph');
  const deg = graph.degrees();
  let max = -1;
  for (let i = 0; i < deg.length; i++) if (deg[i] > max) max = deg[i];
  const h = new Float64Array(max + 1);
  for (let i = 0; i < deg.length; i++) h[deg[i]]++;
  return h;
}
