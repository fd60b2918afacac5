import { InputError, describeValue } from '../core/errors.js';
import type { DatasetSplits } from './types.js';

/**
 * Splits items the way GDSS (Jo et al. 2022, `utils/data_loader.py`) does for community-small,
 * ego-small, ENZYMES and grid: `test = the first floor(0.2 N)` items in file order, `train = the
 * rest`, no shuffling and no validation set (`val` is empty).
 *
 * @param items - the items in file order (not modified)
 * @returns `{ train, val: [], test }`
 * @throws `InputError` when `items` is not an array
 *
 * @example
 * ```ts
 * gdssSplit([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // { train: [3..10], val: [], test: [1, 2] }
 * ```
 */
export function gdssSplit<T>(items: readonly T[]): DatasetSplits<T> {
  if (!Array.isArray(items)) throw InputError.invalid('items', 'an array', describeValue(items));
  const testSize = Math.floor(0.2 * items.length);
  return { train: items.slice(testSize), val: [], test: items.slice(0, testSize) };
}
