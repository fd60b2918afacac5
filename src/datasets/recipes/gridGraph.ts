import { assertInteger } from '../../core/assert.js';
import { Graph } from '../../graph/Graph.js';

/**
 * The 2-D grid graph with `rows x cols` nodes, numbered row-major (node `r * cols + c` is cell
 * `(r, c)`), each joined to its right and lower neighbour: the node order of networkx's
 * `grid_2d_graph(rows, cols)` after `convert_node_labels_to_integers`, as in the GraphRNN/GDSS
 * `grid` dataset.
 *
 * @param rows - number of rows, >= 1
 * @param cols - number of columns, >= 1
 * @returns the grid (`rows (cols - 1) + cols (rows - 1)` edges)
 * @throws `InputError` for non-positive or non-integer sizes
 *
 * @example
 * ```ts
 * gridGraph(2, 3).edges(); // [[0, 1], [0, 3], [1, 2], [1, 4], [2, 5], [3, 4], [4, 5]]
 * ```
 */
export function gridGraph(rows: number, cols: number): Graph {
  assertInteger(rows, 'rows', { min: 1, max: 100_000 });
  assertInteger(cols, 'cols', { min: 1, max: 100_000 });
  const edges: [number, number][] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const v = r * cols + c;
      if (c + 1 < cols) edges.push([v, v + 1]);
      if (r + 1 < rows) edges.push([v, v + cols]);
    }
  }
  return Graph.fromEdgeList(rows * cols, edges);
}
