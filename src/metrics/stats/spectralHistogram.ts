import { assertInteger } from '../../core/assert.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraph, checkNonEmptyGraph } from '../internal/checks.js';
import { binCounts } from './histogram.js';
import { laplacianSpectrum } from './laplacianSpectrum.js';

/** Options of {@link spectralHistogram}. */
export interface SpectralHistogramOptions {
  /** Number of bins on (-1e-5, 2). @default 200 */
  bins?: number;
}

/**
 * The spectral descriptor of GRAN (Liao et al. 2019), SPECTRE and GDSS: the histogram of the
 * normalised-Laplacian eigenvalues with numpy binning on `[-1e-5, 2]` (200 bins by default),
 * divided by its sum (the reference normalises here, and its MMD normalises again).
 * An eigenvalue that rounding puts above 2 (bipartite components) is set to 2 first, so that it
 * counts in the last bin as it does mathematically; LAPACK may round it either way.
 *
 * @param graph - a graph with at least one node
 * @param options - bin count
 * @returns probability vector, length `bins`
 * @throws `InputError` when `graph` is not a Graph, has no nodes, or `bins` is invalid
 *
 * @example
 * ```ts
 * const pmf = spectralHistogram(Graph.fromEdgeList(2, [[0, 1]])); // 0.5 in the first and last bins
 * ```
 */
export function spectralHistogram(graph: Graph, options: SpectralHistogramOptions = {}): Float64Array {
  checkGraph(graph, 'graph');
  checkNonEmptyGraph(graph, 'graph');
  const bins = options.bins ?? 200;
  assertInteger(bins, 'options.bins', { min: 1 });
  return spectralFromEigen(laplacianSpectrum(graph), bins);
}

/** {@link spectralHistogram} from precomputed eigenvalues (modified in place). @internal */
export function spectralFromEigen(eig: Float64Array, bins = 200): Float64Array {
  for (let i = 0; i < eig.length; i++) if (eig[i] > 2 && eig[i] < 2 + 1e-9) eig[i] = 2;
  const h = binCounts(eig, bins, -1e-5, 2);
  let sum = 0;
  for (let i = 0; i < bins; i++) sum += h[i];
  for (let i = 0; i < bins; i++) h[i] /= sum;
  return h;
}
