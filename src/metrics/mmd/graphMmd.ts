import type { Graph } from '../../graph/Graph.js';
import { graphDescriptors } from './graphDescriptors.js';
import { mmdFromDescriptors, type MmdReport } from './mmdFromDescriptors.js';
import { MMD_PRESETS, type MmdMetric, type MmdPresetName } from './presets.js';

/** Options of {@link graphMmd}. */
export interface GraphMmdOptions {
  /** The kernel convention, see {@link MMD_PRESETS}. @default 'spectre' */
  preset?: MmdPresetName;
  /** Metrics to compute. @default every metric of the preset */
  metrics?: readonly MmdMetric[];
}

/**
 * The graph-statistics MMDs between generated and reference graphs, as papers print them
 * (MMD^2, biased V-statistic): degree, clustering, orbit, spectral and (spectre preset) wavelet.
 * Graphs with no nodes are dropped from both sets first.
 *
 * @param generated - generated graphs (at least one with nodes)
 * @param reference - reference graphs, usually the test split
 * @param options - preset and metrics
 * @returns MMD^2 per metric
 * @throws `InputError` for empty lists, non-Graph entries, unknown preset or metric
 *
 * @example
 * ```ts
 * const r = graphMmd(samples, testGraphs, { preset: 'spectre' });
 * const row = [r.degree, r.clustering, r.orbit, r.spectral, r.wavelet];
 * ```
 */
export function graphMmd(generated: readonly Graph[], reference: readonly Graph[], options: GraphMmdOptions = {}): MmdReport {
  const preset = options.preset ?? 'spectre';
  const metrics = options.metrics ?? (Object.keys(MMD_PRESETS[preset] ?? {}) as MmdMetric[]);
  const a = graphDescriptors(generated, { metrics });
  const b = graphDescriptors(reference, { metrics });
  return mmdFromDescriptors(a, b, { preset, metrics });
}
