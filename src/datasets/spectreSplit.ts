import { InputError, describeValue } from '../core/errors.js';
import type { Rng } from '../core/rng.js';
import type { DatasetSplits } from './types.js';

/** Split sizes of {@link spectreSplit} for N items: `{ train, val, test }`. */
export function spectreSplitSizes(total: number): { train: number; val: number; test: number } {
  if (!Number.isInteger(total) || total < 0) throw InputError.invalid('total', 'a non-negative integer', describeValue(total));
  const test = Math.round(0.2 * total);
  const train = Math.round(0.8 * (total - test));
  return { train, val: total - test - train, test };
}

/**
 * Splits items the way SPECTRE (Martinkus et al. 2022), DiGress and DeFoG do:
 * `test = round(0.2 N)`, `train = round(0.8 (N - test))`, `val = N - test - train`, over a random
 * permutation: the first `train` permuted items are the training set, the next `val` the
 * validation set, the rest the test set (the layout of `torch.utils.data.random_split`). The
 * permutation comes from `rng`, not from torch, so the membership differs from the reference
 * files; the sizes are the same (128/32/40 for N = 200, 64/16/20 for N = 100).
 *
 * @param items - the items, in generation order (not modified)
 * @param rng - random source for the permutation (advanced)
 * @returns the three lists (items in permuted order)
 * @throws `InputError` when `items` is not an array
 *
 * @example
 * ```ts
 * const { train, val, test } = spectreSplit(graphs, createRng(1234)); // 200 -> 128 / 32 / 40
 * ```
 */
export function spectreSplit<T>(items: readonly T[], rng: Rng): DatasetSplits<T> {
  if (!Array.isArray(items)) throw InputError.invalid('items', 'an array', describeValue(items));
  const { train, val } = spectreSplitSizes(items.length);
  const perm = rng.permutation(items.length);
  const pick = (from: number, to: number): T[] => Array.from(perm.subarray(from, to), (i) => items[i]);
  return { train: pick(0, train), val: pick(train, train + val), test: pick(train + val, items.length) };
}
