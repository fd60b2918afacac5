import type { Rng } from '../../core/rng.js';
import type { DenseBatch } from '../../graph/collate.js';
import type { DiscreteProcess } from './DiscreteProcess.js';

/** Result of {@link corruptBatch}. */
export interface CorruptBatchResult {
  /** The noisy one-hot batch (same shapes as the input). */
  noisy: DenseBatch;
  /** Training time of each graph `[B]`. */
  times: Float64Array;
}

/**
 * Noises a clean one-hot batch with a {@link DiscreteProcess}: one time per graph, then each
 * real node and each unordered pair of distinct real nodes independently from
 * `q(z_t | clean)`; pairs are sampled once and mirrored (symmetric edge sampling). The input
 * is not modified.
 *
 * @param clean - one-hot batch from `collate`
 * @param process - the forward process
 * @param rng - randomness
 * @returns the noisy batch and the times
 *
 * @example
 * ```ts
 * const { noisy, times } = corruptBatch(collate(graphs, { nodeClasses: 1, edgeClasses: 2 }), process, rng);
 * ```
 */
export function corruptBatch(clean: DenseBatch, process: DiscreteProcess, rng: Rng): CorruptBatchResult {
  const { batchSize: B, maxNodes: N, nodeClasses: dx, edgeClasses: de } = clean;
  const x = new Float32Array(clean.x.length);
  const e = new Float32Array(clean.e.length);
  const times = new Float64Array(B);
  const px = new Float64Array(dx);
  const pe = new Float64Array(de);
  for (let b = 0; b < B; b++) {
    const t = process.sampleTime(rng);
    times[b] = t;
    const n = clean.nodeCounts[b];
    for (let i = 0; i < n; i++) {
      const off = (b * N + i) * dx;
      process.noisyDistribution('x', argmax(clean.x, off, dx), t, px);
      x[off + rng.categorical(px)] = 1;
    }
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const off = ((b * N + i) * N + j) * de;
        process.noisyDistribution('e', argmax(clean.e, off, de), t, pe);
        const c = rng.categorical(pe);
        e[off + c] = 1;
        e[((b * N + j) * N + i) * de + c] = 1;
      }
  }
  return { noisy: { ...clean, x, e, nodeMask: clean.nodeMask.slice(), nodeCounts: clean.nodeCounts.slice() }, times };
}

/** Index of the largest entry of `a[off .. off+k)`. */
export function argmax(a: ArrayLike<number>, off: number, k: number): number {
  let best = 0;
  for (let c = 1; c < k; c++) if (a[off + c] > a[off + best]) best = c;
  return best;
}
