import { InputError } from '../../core/errors.js';
import { assertOneOf } from '../../core/assert.js';
import { kernelFunction } from './kernelFunction.js';
import type { GraphDescriptors } from './graphDescriptors.js';
import { mmdPrepared, normalizeVector } from './mmd.js';
import { MMD_METRICS, MMD_PRESETS, type MmdMetric, type MmdPresetName } from './presets.js';

/** MMD^2 per metric; a metric is absent when it was not computed (or the preset lacks it). */
export type MmdReport = Partial<Record<MmdMetric, number>>;

/** Options of {@link mmdFromDescriptors}. */
export interface MmdFromDescriptorsOptions {
  /** The kernel convention. @default 'spectre' */
  preset?: MmdPresetName;
  /** Metrics to compare (those present in both descriptor sets and in the preset). @default every metric present in both */
  metrics?: readonly MmdMetric[];
}

/**
 * MMDs between two descriptor sets from {@link graphDescriptors}, with the kernels and
 * normalisation of a preset ({@link MMD_PRESETS}).
 *
 * @param generated - descriptors of the generated graphs
 * @param reference - descriptors of the reference graphs
 * @param options - preset and metrics
 * @returns MMD^2 per metric
 * @throws `InputError` for an unknown preset, or a requested metric missing from a descriptor set
 *
 * @example
 * ```ts
 * const ref = graphDescriptors(test);
 * mmdFromDescriptors(graphDescriptors(generated), ref, { preset: 'spectre' }).degree;
 * ```
 */
export function mmdFromDescriptors(generated: GraphDescriptors, reference: GraphDescriptors, options: MmdFromDescriptorsOptions = {}): MmdReport {
  const preset = options.preset ?? 'spectre';
  assertOneOf(preset, 'options.preset', ['spectre', 'gdss'] as const);
  const spec = MMD_PRESETS[preset];
  const explicit = options.metrics !== undefined;
  const metrics = options.metrics ?? MMD_METRICS.filter((m) => generated[m] !== undefined && reference[m] !== undefined);
  const out: MmdReport = {};
  for (const m of metrics) {
    const s = spec[m];
    if (s === undefined) {
      if (explicit) throw InputError.invalid('options.metrics', `metrics defined by preset "${preset}"`, JSON.stringify(m));
      continue;
    }
    const a = generated[m];
    const b = reference[m];
    if (a === undefined) throw InputError.invalid(`generated.${m}`, 'computed descriptors', 'undefined');
    if (b === undefined) throw InputError.invalid(`reference.${m}`, 'computed descriptors', 'undefined');
    const na = a.map((v, i) => normalizeVector(Float64Array.from(v), s.normalize, `generated.${m}[${i}]`));
    const nb = b.map((v, i) => normalizeVector(Float64Array.from(v), s.normalize, `reference.${m}[${i}]`));
    out[m] = mmdPrepared(na, nb, kernelFunction(s.kernel));
  }
  return out;
}
