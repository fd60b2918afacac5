import { InputError } from '../../core/errors.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { NUM_ORBITS, orbitCounts } from './orbitCounts.js';

/**
 * The orbit descriptor of the reference evaluation (GRAN, SPECTRE, GDSS): the 15 per-node orbit
 * counts of {@link orbitCounts} summed over the nodes and divided by n. A 15-vector, not a
 * histogram and not normalised; the orbit MMD compares these vectors directly.
 *
 * @param graph - a graph with at least one node
 * @returns length-15 vector
 * @throws `InputError` when `graph` is not a Graph or has no nodes
 *
 * @example
 * ```ts
 * orbitDescriptor(Graph.fromEdgeList(3, [[0, 1], [1, 2], [0, 2]])); // [2, 0, 0, 1, 0, ...]
 * ```
 */
export function orbitDescriptor(graph: Graph): Float64Array {
  checkGraph(graph, 'graph');
  if (graph.n === 0) throw InputError.invalid('graph', 'a graph with at least one node', 'a graph with 0 nodes');
  const counts = orbitCounts(graph).data;
  const out = new Float64Array(NUM_ORBITS);
  for (let v = 0; v < graph.n; v++) for (let j = 0; j < NUM_ORBITS; j++) out[j] += counts[v * NUM_ORBITS + j];
  for (let j = 0; j < NUM_ORBITS; j++) out[j] /= graph.n;
  return out;
}
