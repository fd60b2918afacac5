import type { KernelSpec } from './kernelFunction.js';
import type { HistogramNormalization } from './mmd.js';

/** The graph statistics compared by MMD. */
export type MmdMetric = 'degree' | 'clustering' | 'orbit' | 'spectral' | 'wavelet';

/** Every {@link MmdMetric}, in report order. */
export const MMD_METRICS: readonly MmdMetric[] = ['degree', 'clustering', 'orbit', 'spectral', 'wavelet'];

/** Names of the evaluation presets. */
export type MmdPresetName = 'spectre' | 'gdss';

/** Kernel and normalisation of one metric in a preset. */
export interface MetricSpec {
  /** The kernel and its bandwidth. */
  readonly kernel: KernelSpec;
  /** How the descriptors are normalised before the kernel. */
  readonly normalize: HistogramNormalization;
}

/** A preset: the spec of each metric it defines. */
export type MmdPreset = Readonly<Partial<Record<MmdMetric, MetricSpec>>>;

/**
 * The two MMD conventions of the literature. Their numbers are not comparable with each other.
 *
 * `spectre` (planar, SBM and tree tables of SPECTRE, DiGress, DeFoG; Martinkus et al. 2022,
 * Vignac et al. 2023, Qin et al. 2025): every kernel is {@link gaussianTv}; degree s = 1,
 * clustering s = 0.1 (100-bin histograms), orbit s = 30 on the unnormalised 15-vector of mean
 * orbit counts, spectral s = 1 (200 bins on (-1e-5, 2)), wavelet s = 1; histograms divided by
 * `sum + 1e-6`.
 *
 * `gdss` (community-small, ego-small, ENZYMES tables of GraphRNN and GDSS; You et al. 2018,
 * Jo et al. 2022): degree {@link gaussianEmd} s = 1; clustering gaussianEmd s = 0.1 with
 * distanceScaling 100; orbit {@link gaussian} s = 30; spectral gaussianEmd s = 1; histograms
 * divided by their sum. No wavelet metric.
 *
 * @example
 * ```ts
 * MMD_PRESETS.spectre.clustering; // { kernel: { name: 'gaussianTv', sigma: 0.1 }, normalize: 'sumEps' }
 * ```
 */
export const MMD_PRESETS: Readonly<Record<MmdPresetName, MmdPreset>> = Object.freeze({
  spectre: Object.freeze({
    degree: { kernel: { name: 'gaussianTv', sigma: 1 }, normalize: 'sumEps' },
    clustering: { kernel: { name: 'gaussianTv', sigma: 0.1 }, normalize: 'sumEps' },
    orbit: { kernel: { name: 'gaussianTv', sigma: 30 }, normalize: 'none' },
    spectral: { kernel: { name: 'gaussianTv', sigma: 1 }, normalize: 'sumEps' },
    wavelet: { kernel: { name: 'gaussianTv', sigma: 1 }, normalize: 'sumEps' },
  }),
  gdss: Object.freeze({
    degree: { kernel: { name: 'gaussianEmd', sigma: 1, distanceScaling: 1 }, normalize: 'sum' },
    clustering: { kernel: { name: 'gaussianEmd', sigma: 0.1, distanceScaling: 100 }, normalize: 'sum' },
    orbit: { kernel: { name: 'gaussian', sigma: 30 }, normalize: 'none' },
    spectral: { kernel: { name: 'gaussianEmd', sigma: 1, distanceScaling: 1 }, normalize: 'sum' },
  }),
} as const satisfies Record<MmdPresetName, MmdPreset>);
