import { InputError, describeValue } from '../../core/errors.js';
import { assertInteger } from '../../core/assert.js';

/** Options of {@link histogram}. */
export interface HistogramOptions {
  /** Number of equal-width bins. @default 10 */
  bins?: number;
  /** Closed range `[lo, hi]` of the bins; values outside are ignored. @default [min(values), max(values)] */
  range?: readonly [number, number];
}

/**
 * Counts of `values` in equal-width bins, exactly as `numpy.histogram(values, bins, range)`
 * computes them: the bin edges are `numpy.linspace(lo, hi, bins + 1)` (edge i is
 * `lo + i * ((hi - lo) / bins)`, the last edge is `hi`), bin i holds `edges[i] <= x < edges[i+1]`,
 * the last bin is closed (`x = hi` falls in it), values outside `[lo, hi]` and NaN are dropped.
 * Matching numpy bit for bit matters because the reference evaluation bins values that sit
 * exactly on edges (clustering coefficients such as 0.3 or 1/3).
 *
 * @param values - the samples, any length
 * @param options - bin count and range
 * @returns a new `Float64Array` of length `bins` with the counts
 * @throws `InputError` for a non-integer or non-positive `bins`, or a range with `lo >= hi` or non-finite ends
 *
 * @example
 * ```ts
 * histogram([0, 0.5, 1], { bins: 2, range: [0, 1] }); // Float64Array [1, 2]
 * ```
 */
export function histogram(values: ArrayLike<number>, options: HistogramOptions = {}): Float64Array {
  const bins = options.bins ?? 10;
  assertInteger(bins, 'options.bins', { min: 1 });
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw InputError.invalid('values', 'an array of numbers', describeValue(values));
  }
  let lo: number;
  let hi: number;
  if (options.range !== undefined) {
    [lo, hi] = options.range;
    if (!Number.isFinite(lo) || !Number.isFinite(hi) || !(lo < hi)) {
      throw InputError.invalid('options.range', 'finite [lo, hi] with lo < hi', `[${lo}, ${hi}]`);
    }
  } else {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < values.length; i++) {
      if (values[i] < lo) lo = values[i];
      if (values[i] > hi) hi = values[i];
    }
    if (values.length === 0) {
      lo = 0;
      hi = 1;
    } else if (lo === hi) {
      // numpy widens a degenerate range by 0.5 on each side
      lo -= 0.5;
      hi += 0.5;
    }
  }
  return binCounts(values, bins, lo, hi);
}

/** The numpy uniform-bin fast path (see {@link histogram}); assumes validated arguments. @internal */
export function binCounts(values: ArrayLike<number>, bins: number, lo: number, hi: number, out?: Float64Array, offset = 0): Float64Array {
  const counts = out ?? new Float64Array(bins);
  const step = (hi - lo) / bins;
  const edges = new Float64Array(bins + 1);
  for (let i = 0; i < bins; i++) edges[i] = i * step + lo;
  edges[bins] = hi;
  const denom = hi - lo;
  for (let k = 0; k < values.length; k++) {
    const x = values[k];
    if (!(x >= lo && x <= hi)) continue;
    let idx = Math.trunc(((x - lo) / denom) * bins);
    if (idx === bins) idx--;
    if (x < edges[idx]) idx--;
    else if (x >= edges[idx + 1] && idx !== bins - 1) idx++;
    counts[offset + idx]++;
  }
  return counts;
}
