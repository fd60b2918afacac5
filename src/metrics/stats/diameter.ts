import { InputError } from '../../core/errors.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';

/**
 * Diameter: the largest shortest-path distance (in edges) between two nodes, by a breadth-first
 * search from every node, O(n (n + m)). A disconnected graph has diameter `Infinity` (networkx
 * raises instead); a single node has diameter 0.
 *
 * @param graph - a graph with at least one node
 * @returns the diameter, an integer or `Infinity`
 * @throws `InputError` when `graph` is not a Graph or has no nodes
 *
 * @example
 * ```ts
 * diameter(Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3]])); // 3
 * ```
 */
export function diameter(graph: Graph): number {
  checkGraph(graph, 'graph');
  const n = graph.n;
  if (n === 0) throw InputError.invalid('graph', 'a graph with at least one node', 'a graph with 0 nodes');
  const { offsets, targets } = graph.csr();
  const dist = new Int32Array(n);
  const queue = new Int32Array(n);
  let best = 0;
  for (let s = 0; s < n; s++) {
    dist.fill(-1);
    dist[s] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const u = queue[head++];
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = targets[k];
        if (dist[v] < 0) {
          dist[v] = dist[u] + 1;
          queue[tail++] = v;
        }
      }
    }
    if (tail < n) return Infinity;
    const far = dist[queue[tail - 1]];
    if (far > best) best = far;
  }
  return best;
}
