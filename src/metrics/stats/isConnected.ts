import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { connectedComponents } from './connectedComponents.js';

/**
 * Whether the graph is connected. A graph with no nodes is not connected (as in networkx, which
 * raises on it; the validity checks treat it as invalid); a single node is connected.
 *
 * @param graph - any graph
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * isConnected(Graph.fromEdgeList(3, [[0, 1], [1, 2]])); // true
 * ```
 */
export function isConnected(graph: Graph): boolean {
  checkGraph(graph, 'graph');
  return connectedComponents(graph).count === 1;
}
