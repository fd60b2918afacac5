import { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { isIsomorphic } from './isIsomorphic.js';

/** The i x j grid graph (node `r * j + c`). @internal */
export function gridGraph(i: number, j: number): Graph {
  const edges: [number, number][] = [];
  for (let r = 0; r < i; r++) {
    for (let c = 0; c < j; c++) {
      if (c + 1 < j) edges.push([r * j + c, r * j + c + 1]);
      if (r + 1 < i) edges.push([r * j + c, (r + 1) * j + c]);
    }
  }
  return Graph.fromEdgeList(i * j, edges);
}

/**
 * Whether the graph is isomorphic to an i x j grid with `2 <= i, j < 20`, the validity criterion
 * of the grid benchmark (reference `is_grid_graph` of SPECTRE, which compares with every such
 * grid of the same node count).
 *
 * @param graph - any graph
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * isGrid(Graph.fromEdgeList(4, [[0, 1], [1, 3], [3, 2], [2, 0]])); // true: the 2 x 2 grid
 * ```
 */
export function isGrid(graph: Graph): boolean {
  checkGraph(graph, 'graph');
  const n = graph.n;
  for (let i = 2; i < 20; i++) {
    if (n % i !== 0) continue;
    const j = n / i;
    if (j < i || j >= 20) continue;
    if (graph.numEdges !== i * (j - 1) + j * (i - 1)) continue;
    if (isIsomorphic(graph, gridGraph(i, j), { nodeLabels: false, edgeLabels: false })) return true;
  }
  return false;
}
