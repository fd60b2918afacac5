import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';

/** Result of {@link connectedComponents}. */
export interface ConnectedComponentsResult {
  /** Number of connected components (0 for a graph with no nodes). */
  count: number;
  /** Component id of each node, length n; components are numbered by their smallest node. */
  labels: Int32Array;
  /** Size of each component, length `count`. */
  sizes: Int32Array;
}

/**
 * Connected components by breadth-first search, O(n + m).
 *
 * @param graph - any graph
 * @returns the component count, a label per node and the component sizes
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * connectedComponents(Graph.fromEdgeList(4, [[0, 1], [2, 3]])).count; // 2
 * ```
 */
export function connectedComponents(graph: Graph): ConnectedComponentsResult {
  checkGraph(graph, 'graph');
  const n = graph.n;
  const { offsets, targets } = graph.csr();
  const labels = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const sizes: number[] = [];
  for (let s = 0; s < n; s++) {
    if (labels[s] >= 0) continue;
    const c = sizes.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    labels[s] = c;
    while (head < tail) {
      const u = queue[head++];
      for (let k = offsets[u]; k < offsets[u + 1]; k++) {
        const v = targets[k];
        if (labels[v] < 0) {
          labels[v] = c;
          queue[tail++] = v;
        }
      }
    }
    sizes.push(tail);
  }
  return { count: sizes.length, labels, sizes: Int32Array.from(sizes) };
}
