/**
 * Mini-batch composition of the training loop (`trainDenoiser`): plain shuffled batches or
 * size-sorted pools (`FitOptions.sizePool`), and the loss scales that keep pooled batches'
 * per-pair weighting. Internal (not re-exported); the trainer and the batching bench use it.
 * @module
 */
import type { Rng } from '../../core/rng.js';

/**
 * The mini-batches of one epoch as lists of indices into the training set (see
 * `FitOptions.sizePool`): a shuffled order cut into batches, or, with `sizePool > 1`, cut into
 * pools of `sizePool` batches that are sorted by `sizes` (stable) before being cut, the batches
 * then visited in a random order. With `sizePool = 1` it draws one permutation, as the plain loop
 * always did.
 *
 * @param sizes - node count of each training graph
 * @param batchSize - graphs per batch (the last batch of a pool may be short)
 * @param sizePool - batches per sorted pool (1: no sorting)
 * @param rng - the loop's generator
 * @returns the epoch's batches, each a list of training-set indices; every index exactly once
 */
export function epochBatches(sizes: readonly number[], batchSize: number, sizePool: number, rng: Rng): number[][] {
  const order = Array.from(rng.permutation(sizes.length));
  const batches: number[][] = [];
  if (sizePool <= 1) {
    for (let start = 0; start < order.length; start += batchSize) batches.push(order.slice(start, start + batchSize));
    return batches;
  }
  const poolSize = batchSize * sizePool;
  for (let p = 0; p < order.length; p += poolSize) {
    const pool = order.slice(p, p + poolSize).sort((a, b) => sizes[a] - sizes[b]);
    for (let start = 0; start < pool.length; start += batchSize) batches.push(pool.slice(start, start + batchSize));
  }
  return Array.from(rng.permutation(batches.length), (i) => batches[i]);
}

/**
 * Loss scales of size-pooled batches. Pools put small graphs with small ones, so a per-batch
 * mean (the loss averages over a batch's node pairs) would weight their pairs more than mixed
 * batches do; scaling batch `k`'s loss by `pairs_k / mean_k pairs_k`, where `pairs_k = Σ n(n-1)`
 * over its graphs, gives every node pair of the epoch the same weight `1 / mean pairs`, as plain
 * batches nearly do. The mean scale is 1, so the learning rate keeps its meaning.
 *
 * @param batches - the epoch's batches ({@link epochBatches})
 * @param sizes - node count of each training graph
 * @returns one scale per batch (1 for a batch without pairs)
 */
export function pooledLossScales(batches: readonly (readonly number[])[], sizes: readonly number[]): number[] {
  const pairs = batches.map((b) => b.reduce((a, i) => a + sizes[i] * (sizes[i] - 1), 0));
  const mean = pairs.reduce((a, x) => a + x, 0) / Math.max(1, pairs.length);
  return pairs.map((p) => (p > 0 && mean > 0 ? p / mean : 1));
}
