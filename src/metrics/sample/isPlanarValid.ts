import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { isConnected } from '../stats/isConnected.js';
import { isPlanar } from './isPlanar.js';

/**
 * Validity of the planar benchmark (SPECTRE, DiGress, DeFoG): connected and planar.
 *
 * @param graph - any graph
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * isPlanarValid(Graph.fromEdgeList(3, [[0, 1], [1, 2]])); // true
 * ```
 */
export function isPlanarValid(graph: Graph): boolean {
  checkGraph(graph, 'graph');
  return isConnected(graph) && isPlanar(graph);
}
