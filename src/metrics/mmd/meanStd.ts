import { InputError, describeValue } from '../../core/errors.js';

/** Result of {@link meanStd}. */
export interface MeanStdResult {
  /** Arithmetic mean. */
  mean: number;
  /** Population standard deviation (numpy's default `ddof = 0`). */
  std: number;
  /** Number of values. */
  count: number;
}

/**
 * Mean and standard deviation over sampling folds, as DeFoG reports `mean +- std` over 5
 * sampling runs (population std, numpy's `np.std`).
 *
 * @param values - one value per fold, at least one, all finite
 * @returns mean, std and count
 * @throws `InputError` for an empty array or a non-finite value
 *
 * @example
 * ```ts
 * meanStd([1, 2, 3]); // { mean: 2, std: 0.816..., count: 3 }
 * ```
 */
export function meanStd(values: readonly number[]): MeanStdResult {
  if (!Array.isArray(values) || values.length === 0) throw InputError.invalid('values', 'a non-empty array of numbers', describeValue(values));
  let s = 0;
  for (let i = 0; i < values.length; i++) {
    if (typeof values[i] !== 'number' || !Number.isFinite(values[i])) throw InputError.invalid(`values[${i}]`, 'a finite number', describeValue(values[i]));
    s += values[i];
  }
  const mean = s / values.length;
  let v = 0;
  for (const x of values) v += (x - mean) * (x - mean);
  return { mean, std: Math.sqrt(v / values.length), count: values.length };
}
