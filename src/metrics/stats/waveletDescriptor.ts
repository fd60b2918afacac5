import { assertInteger } from '../../core/assert.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraph, checkNonEmptyGraph } from '../internal/checks.js';
import { symmetricEigen } from '../../core/symmetricEigen.js';
import { absplineFilterBank } from './absplineFilterBank.js';
import { binCounts } from './histogram.js';
import { normalizedLaplacian } from './normalizedLaplacian.js';

/** Options of {@link waveletDescriptor}. */
export interface WaveletDescriptorOptions {
  /** Number of Abspline filters. @default 12 */
  filters?: number;
  /** Bins per filter on [0, bound]. @default 100 */
  bins?: number;
}

/**
 * The spectral-wavelet descriptor of SPECTRE (Martinkus et al. 2022): with `L = U diag(lambda) U^T`
 * the normalised Laplacian and `g_f` the filters of {@link absplineFilterBank}, compute for every
 * filter the operator `U diag(g_f(lambda)) U^T`, take the squared Euclidean norm of each of its
 * rows, histogram these n values in `bins` bins on `[0, bound]` (numpy binning) and concatenate
 * the per-filter histograms. Counts, not normalised (the MMD normalises).
 *
 * The squared norm of row i is computed as `sum_k U[i][k]^2 g_f(lambda_k)^2`, which is the same
 * number (U is orthogonal) in O(n^2) per filter instead of O(n^3); it is independent of the basis
 * chosen inside repeated eigenvalues.
 *
 * @param graph - a graph with at least one node
 * @param options - filter count and bins
 * @returns counts, length `filters * bins`
 * @throws `InputError` when `graph` is not a Graph, has no nodes, or an option is invalid
 *
 * @example
 * ```ts
 * waveletDescriptor(Graph.fromEdgeList(3, [[0, 1], [1, 2]])).length; // 1200
 * ```
 */
export function waveletDescriptor(graph: Graph, options: WaveletDescriptorOptions = {}): Float64Array {
  checkGraph(graph, 'graph');
  checkNonEmptyGraph(graph, 'graph');
  const filters = options.filters ?? 12;
  const bins = options.bins ?? 100;
  assertInteger(filters, 'options.filters', { min: 2, max: 1000 });
  assertInteger(bins, 'options.bins', { min: 1 });
  const n = graph.n;
  const { values, vectors } = symmetricEigen(normalizedLaplacian(graph).data, n, true);
  return waveletFromEigen(values, vectors as Float64Array, n, filters, bins);
}

/** {@link waveletDescriptor} from a precomputed eigen-decomposition (`U[k * n + i]` = entry i of eigenvector k). @internal */
export function waveletFromEigen(values: Float64Array, U: Float64Array, n: number, filters = 12, bins = 100): Float64Array {
  const bank = absplineFilterBank({ count: filters });
  const out = new Float64Array(filters * bins);
  const g2 = new Float64Array(n);
  const norms = new Float64Array(n);
  for (let f = 0; f < filters; f++) {
    for (let k = 0; k < n; k++) {
      const g = bank.evaluate(f, values[k]);
      g2[k] = g * g;
    }
    norms.fill(0);
    for (let k = 0; k < n; k++) {
      const w = g2[k];
      if (w === 0) continue;
      const row = k * n;
      for (let i = 0; i < n; i++) {
        const u = U[row + i];
        norms[i] += u * u * w;
      }
    }
    binCounts(norms, bins, 0, bank.bound, out, f * bins);
  }
  return out;
}
