import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { isConnected } from '../stats/isConnected.js';

/**
 * Whether the graph is a tree: connected with n - 1 edges (`networkx.is_tree`; a graph with no
 * nodes is not a tree). The validity criterion of the tree benchmark (SPECTRE, DiGress, DeFoG).
 *
 * @param graph - any graph
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * isTree(Graph.fromEdgeList(3, [[0, 1], [1, 2]])); // true
 * ```
 */
export function isTree(graph: Graph): boolean {
  checkGraph(graph, 'graph');
  return graph.n > 0 && graph.numEdges === graph.n - 1 && isConnected(graph);
}
