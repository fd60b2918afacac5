import { createMatrix, type Matrix } from '../../core/matrix.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';

/**
 * The symmetric normalised Laplacian `L = D^-1/2 (D - A) D^-1/2` as
 * `networkx.normalized_laplacian_matrix` builds it: entry (i, i) is `s_i (d_i s_i)` and entry
 * (i, j) of an edge is `-(s_i s_j)` with `s_i = 1 / sqrt(d_i)`, and an isolated node has
 * `s_i = 0`, hence an all-zero row and eigenvalue 0 (not 1 as `I - D^-1/2 A D^-1/2` would give).
 * The floating-point operations are done in networkx's order so that the matrices agree to the
 * last bit.
 *
 * @param graph - any graph
 * @returns the n x n matrix
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * normalizedLaplacian(Graph.fromEdgeList(2, [[0, 1]])).data; // [1, -1, -1, 1]
 * ```
 */
export function normalizedLaplacian(graph: Graph): Matrix {
  checkGraph(graph, 'graph');
  const n = graph.n;
  const out = createMatrix(n, n);
  const L = out.data;
  const deg = graph.degrees();
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) s[i] = deg[i] > 0 ? 1 / Math.sqrt(deg[i]) : 0;
  const { offsets, targets } = graph.csr();
  for (let i = 0; i < n; i++) {
    L[i * n + i] = s[i] * (deg[i] * s[i]);
    for (let k = offsets[i]; k < offsets[i + 1]; k++) {
      const j = targets[k];
      L[i * n + j] = s[i] * (-1 * s[j]);
    }
  }
  return out;
}
