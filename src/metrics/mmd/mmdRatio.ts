import { InputError, describeValue } from '../../core/errors.js';
import { assertInteger } from '../../core/assert.js';
import type { MmdReport } from './mmdFromDescriptors.js';
import { MMD_METRICS, type MmdMetric } from './presets.js';

/** Options of {@link mmdRatio}. */
export interface MmdRatioOptions {
  /** Metrics averaged. @default ['degree', 'clustering', 'orbit', 'spectral', 'wavelet'] */
  metrics?: readonly MmdMetric[];
  /** Decimals the reference MMD is rounded to before dividing (DeFoG rounds to 4). @default 4 */
  decimals?: number;
}

/** Result of {@link mmdRatio}. */
export interface MmdRatioResult {
  /** Mean of the per-metric ratios (NaN when every metric was skipped). */
  ratio: number;
  /** `MMD(generated, test) / round(MMD(train, test))` per metric that was used. */
  perMetric: Partial<Record<MmdMetric, number>>;
  /** Metrics skipped because their rounded reference is 0 (or missing). */
  skipped: MmdMetric[];
}

/**
 * The "Ratio" of HSpectre / DeFoG (Qin et al. 2025): for each metric,
 * `MMD(generated, test) / MMD(train, test)` with the train-vs-test reference rounded to
 * `decimals` decimals; a metric whose rounded reference is 0 is skipped (trees have clustering
 * MMD 0); the reported ratio is the mean over the remaining metrics.
 *
 * @param generated - MMDs of generated vs test graphs
 * @param reference - MMDs of train vs test graphs (same preset)
 * @param options - metrics and rounding
 * @returns the mean ratio, the per-metric ratios and the skipped metrics
 * @throws `InputError` when a report is not an object, a used value is not finite, or `decimals` is not an integer in 0..15
 *
 * @example
 * ```ts
 * mmdRatio({ degree: 0.002 }, { degree: 0.001 }, { metrics: ['degree'] }).ratio; // 2
 * ```
 */
export function mmdRatio(generated: MmdReport, reference: MmdReport, options: MmdRatioOptions = {}): MmdRatioResult {
  if (generated === null || typeof generated !== 'object') throw InputError.invalid('generated', 'an MMD report object', describeValue(generated));
  if (reference === null || typeof reference !== 'object') throw InputError.invalid('reference', 'an MMD report object', describeValue(reference));
  const decimals = options.decimals ?? 4;
  assertInteger(decimals, 'options.decimals', { min: 0, max: 15 });
  const metrics = options.metrics ?? MMD_METRICS;
  const perMetric: Partial<Record<MmdMetric, number>> = {};
  const skipped: MmdMetric[] = [];
  let sum = 0;
  let count = 0;
  for (const m of metrics) {
    const r = reference[m];
    const g = generated[m];
    if (r === undefined || g === undefined) {
      skipped.push(m);
      continue;
    }
    if (!Number.isFinite(r)) throw InputError.invalid(`reference.${m}`, 'a finite MMD', describeValue(r));
    if (!Number.isFinite(g)) throw InputError.invalid(`generated.${m}`, 'a finite MMD', describeValue(g));
    const rounded = roundHalfEven(r, decimals);
    if (rounded === 0) {
      skipped.push(m);
      continue;
    }
    perMetric[m] = g / rounded;
    sum += g / rounded;
    count++;
  }
  return { ratio: count === 0 ? NaN : sum / count, perMetric, skipped };
}

/** Python's `round(x, d)` (round half to even on the decimal value). */
function roundHalfEven(x: number, d: number): number {
  const f = 10 ** d;
  const y = x * f;
  const r = Math.round(y);
  const diff = Math.abs(y - Math.trunc(y));
  const even = diff === 0.5 && r % 2 !== 0 ? r - 1 : r;
  return even / f;
}
