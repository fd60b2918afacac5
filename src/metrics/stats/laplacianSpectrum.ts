import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { symmetricEigen } from '../../core/symmetricEigen.js';
import { normalizedLaplacian } from './normalizedLaplacian.js';

/**
 * Eigenvalues of the normalised Laplacian ({@link normalizedLaplacian}), ascending, by a dense
 * symmetric solver (Householder tridiagonalisation + implicit QL, O(n^3)). All lie in [0, 2] up
 * to rounding (about 1e-15); 0 has multiplicity the number of components, 2 appears once per
 * bipartite component with an edge. Matches `scipy.linalg.eigvalsh` to 1e-12.
 *
 * @param graph - any graph
 * @returns n eigenvalues, ascending
 * @throws `InputError` when `graph` is not a Graph
 *
 * @example
 * ```ts
 * laplacianSpectrum(Graph.fromEdgeList(2, [[0, 1]])); // Float64Array [0, 2]
 * ```
 */
export function laplacianSpectrum(graph: Graph): Float64Array {
  checkGraph(graph, 'graph');
  return symmetricEigen(normalizedLaplacian(graph).data, graph.n, false).values;
}
