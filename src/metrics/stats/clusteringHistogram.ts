import { assertInteger } from '../../core/assert.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraph } from '../internal/checks.js';
import { clusteringCoefficients } from './clusteringCoefficients.js';
import { binCounts } from './histogram.js';

/** Options of {@link clusteringHistogram}. */
export interface ClusteringHistogramOptions {
  /** Number of bins on [0, 1]. @default 100 */
  bins?: number;
}

/**
 * Histogram of the local clustering coefficients on [0, 1] with numpy binning (last bin closed):
 * the per-graph descriptor of the clustering MMD in GraphRNN (You et al. 2018), GRAN (Liao et al.
 * 2019), SPECTRE (Martinkus et al. 2022) and GDSS (Jo et al. 2022). Counts, not normalised.
 *
 * @param graph - any graph
 * @param options - bin count
 * @returns counts, length `bins`, summing to n
 * @throws `InputError` when `graph` is not a Graph or `bins` is not a positive integer
 *
 * @example
 * ```ts
 * clusteringHistogram(Graph.fromEdgeList(3, [[0, 1], [1, 2], [0, 2]]), { bins: 2 }); // [0, 3]
 * ```
 */
export function clusteringHistogram(graph: Graph, options: ClusteringHistogramOptions = {}): Float64Array {
  checkGraph(graph, 'graph');
  const bins = options.bins ?? 100;
  assertInteger(bins, 'options.bins', { min: 1 });
  return binCounts(clusteringCoefficients(graph), bins, 0, 1);
}
