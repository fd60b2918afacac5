import { InputError, describeValue } from '../../core/errors.js';
import type { Graph } from '../../graph/Graph.js';
import { checkGraphList, nonEmptyGraphs } from '../internal/checks.js';
import { symmetricEigen } from '../../core/symmetricEigen.js';
import { clusteringHistogram } from '../stats/clusteringHistogram.js';
import { degreeHistogram } from '../stats/degreeHistogram.js';
import { normalizedLaplacian } from '../stats/normalizedLaplacian.js';
import { orbitDescriptor } from '../stats/orbitDescriptor.js';
import { spectralFromEigen } from '../stats/spectralHistogram.js';
import { waveletFromEigen } from '../stats/waveletDescriptor.js';
import { MMD_METRICS, type MmdMetric } from './presets.js';

/** Per-graph descriptors of a set of graphs, one array per computed metric (graphs without nodes dropped). */
export type GraphDescriptors = Partial<Record<MmdMetric, Float64Array[]>>;

/** Options of {@link graphDescriptors}. */
export interface GraphDescriptorsOptions {
  /** Which descriptors to compute. @default all five: degree, clustering, orbit, spectral, wavelet */
  metrics?: readonly MmdMetric[];
}

/**
 * Computes the per-graph descriptors the MMDs compare (unnormalised): degree histogram,
 * 100-bin clustering histogram, the 15-vector orbit descriptor, the 200-bin spectral pmf and the
 * 1200-bin wavelet histogram. Graphs with no nodes are dropped first, as the reference does.
 * One eigen-decomposition per graph serves both spectral statistics. Compute a reference set's
 * descriptors once and compare many generated sets with {@link mmdFromDescriptors}.
 *
 * @param graphs - at least one graph with nodes
 * @param options - which metrics
 * @returns descriptors per metric, aligned with the graphs that have nodes
 * @throws `InputError` for an empty list, a non-Graph entry, only empty graphs, or an unknown metric
 *
 * @example
 * ```ts
 * const d = graphDescriptors(graphs, { metrics: ['degree', 'orbit'] });
 * d.orbit?.[0].length; // 15
 * ```
 */
export function graphDescriptors(graphs: readonly Graph[], options: GraphDescriptorsOptions = {}): GraphDescriptors {
  checkGraphList(graphs, 'graphs');
  const metrics = checkMetrics(options.metrics ?? MMD_METRICS, 'options.metrics');
  const kept = nonEmptyGraphs(graphs, 'graphs');
  const out: GraphDescriptors = {};
  const want = new Set(metrics);
  if (want.has('degree')) out.degree = kept.map((g) => degreeHistogram(g));
  if (want.has('clustering')) out.clustering = kept.map((g) => clusteringHistogram(g));
  if (want.has('orbit')) out.orbit = kept.map((g) => orbitDescriptor(g));
  if (want.has('spectral') || want.has('wavelet')) {
    const spectral: Float64Array[] = [];
    const wavelet: Float64Array[] = [];
    for (const g of kept) {
      const { values, vectors } = symmetricEigen(normalizedLaplacian(g).data, g.n, want.has('wavelet'));
      if (want.has('wavelet')) wavelet.push(waveletFromEigen(values, vectors as Float64Array, g.n));
      if (want.has('spectral')) spectral.push(spectralFromEigen(values.slice()));
    }
    if (want.has('spectral')) out.spectral = spectral;
    if (want.has('wavelet')) out.wavelet = wavelet;
  }
  return out;
}

/** Validates a metric list. @internal */
export function checkMetrics(metrics: readonly MmdMetric[], name: string): readonly MmdMetric[] {
  if (!Array.isArray(metrics)) throw InputErrorFor(name, metrics);
  for (let i = 0; i < metrics.length; i++) {
    if (!MMD_METRICS.includes(metrics[i])) throw InputErrorFor(`${name}[${i}]`, metrics[i]);
  }
  return metrics;
}

function InputErrorFor(name: string, value: unknown): InputError {
  return InputError.invalid(name, `metric names among ${MMD_METRICS.map((m) => JSON.stringify(m)).join(', ')}`, describeValue(value));
}
