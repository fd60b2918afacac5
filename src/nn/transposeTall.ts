import * as tf from '@tensorflow/tfjs-core';
import { middleSumKernel, transpose2d, transposeKernelReady } from './transposeKernel.js';

/** Below this many entries one kernel is cheaper than the blocked transposes (launch costs). */
const SMALL = 131072;

/** Block heights tried by {@link transposeTall}, best first. */
const BLOCKS = [64, 50, 40, 32, 80, 100, 128, 48, 16];

/**
 * `[r, c]` -> `[c, r]` for a tall matrix. On wasm a 2-D transpose of a tall matrix strides
 * through memory (12800 x 128: ~8 ms); going through `[r/k, k, c]` -> `[r/k, c, k]` ->
 * `[c, r/k, k]` (two blocked transposes) takes ~1.5 ms. Falls back to one transpose when no block
 * height divides `r` or the matrix is small. With graphgen's wasm kernels loaded, one pass of
 * the blocked SIMD {@link transpose2d} instead (~1 ms). Internal to graphgen/nn.
 */
export function transposeTall(a: tf.Tensor2D): tf.Tensor2D {
  if (transposeKernelReady(a)) return transpose2d(a);
  const [r, c] = a.shape;
  const k = a.size < SMALL ? undefined : BLOCKS.find((cand) => r % cand === 0 && r > cand);
  if (k === undefined) return tf.transpose(a, [1, 0]);
  const blocks = tf.transpose(tf.reshape(a, [r / k, k, c]), [0, 2, 1]); // [r/k, c, k]
  return tf.reshape(tf.transpose(blocks, [1, 0, 2]), [c, r]) as tf.Tensor2D;
}

/**
 * `true` when sums and maxima over a middle axis should run as pooling kernels: on wasm, tfjs's
 * `Sum` and `Max` transpose the reduced axis behind the kept ones first (a strided general
 * transpose), while `AvgPool` and `MaxPool` are XNNPACK kernels that reduce a window of rows
 * with the channel axis contiguous. Internal to graphgen.
 */
export function poolReductions(): boolean {
  return tf.getBackend() === 'wasm';
}

/**
 * `Σ_a t[p, a, q]` of a rank-3 view `[pre, a, post]` -> `[pre, post]`. On wasm
 * ({@link poolReductions}) an average pool over the `a` rows of `[pre, a, 1, post]` times `a`
 * (`[32, 20, 2560]`: 2.0 ms -> 0.3 ms; `[1, 12800, 128]`: 9 ms -> 0.35 ms); the same values as
 * `tf.sum(t, 1)` up to float32 rounding. With graphgen's wasm kernels loaded, one kernel of its own
 * instead (one pass, no cast; `[1, 640, 128]`: ~0.05 ms). Internal to graphgen.
 */
export function middleSum(t: tf.Tensor3D): tf.Tensor2D {
  const [pre, a, post] = t.shape;
  if (a === 1) return tf.reshape(t, [pre, post]);
  const k = middleSumKernel(t);
  if (k !== null) return k;
  if (!poolReductions()) return tf.sum(t, 1);
  const avg = tf.avgPool(tf.reshape(t, [pre, a, 1, post]) as tf.Tensor4D, [a, 1], 1, 'valid'); // [pre,1,1,post]
  return tf.reshape(tf.mul(avg, a), [pre, post]);
}

/**
 * Column sums of `t [r, c]` -> `[c]`. On wasm an average pool over the rows
 * ({@link middleSum}; `[12800, 32]`: 0.9 ms -> 0.14 ms), elsewhere tfjs's reduction (or, for a
 * tall matrix, a last-axis sum of {@link transposeTall}`(t)`). Internal to graphgen/nn.
 */
export function columnSums(t: tf.Tensor2D): tf.Tensor1D {
  if (poolReductions()) return tf.reshape(middleSum(tf.reshape(t, [1, t.shape[0], t.shape[1]]) as tf.Tensor3D), [t.shape[1]]);
  if (t.size < SMALL || t.shape[0] < 4 * t.shape[1]) return tf.sum(t, 0) as tf.Tensor1D; // small or wide: one kernel
  return tf.sum(transposeTall(t), 1) as tf.Tensor1D;
}

/**
 * `Σ` of `t` over `axes`, keeping them as size-1 axes; the same values as
 * `tf.sum(t, axes, true)` up to rounding, faster on wasm when the last axis is kept: tfjs
 * reduces by first transposing the reduced axes behind the kept ones with a general rank-r
 * transpose, slow for middle axes (`[8,64,64,128]` over axis 1: 17 ms; viewed as
 * `[8, 64, 8192]`: 10 ms; over axes 1 and 2 at once: 2-3x slower than one axis after the
 * other). So a prefix of leading axes becomes {@link columnSums} of a matrix, and each other
 * run of adjacent axes is reduced as the middle axis of a rank-3 view ({@link middleSum}: a
 * pooling kernel on wasm), innermost run first. Internal to graphgen/nn.
 */
export function sumKeepDims(t: tf.Tensor, axes: readonly number[]): tf.Tensor {
  const rank = t.rank;
  const sorted = [...new Set(axes.map((a) => (a < 0 ? a + rank : a)))].sort((a, b) => b - a);
  if (sorted.length === 0) return t;
  const keptShape = t.shape.map((s, i) => (sorted.includes(i) ? 1 : s));
  if (sorted.includes(rank - 1)) return tf.sum(t, sorted, true);
  const prefix = sorted.length === sorted[0] + 1; // axes 0..k
  if (prefix) {
    const lead = t.shape.slice(0, sorted.length).reduce((p, s) => p * s, 1);
    return tf.reshape(columnSums(tf.reshape(t, [lead, -1]) as tf.Tensor2D), keptShape);
  }
  // runs of adjacent axes, innermost first: each run is one middle axis of a rank-3 view
  const runs: number[][] = [];
  for (const a of sorted) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last[last.length - 1] === a + 1) last.push(a);
    else runs.push([a]);
  }
  let r = t;
  for (const run of runs) {
    const lo = run[run.length - 1];
    const hi = run[0];
    const shape = r.shape;
    const pre = shape.slice(0, lo).reduce((p, s) => p * s, 1);
    const mid = shape.slice(lo, hi + 1).reduce((p, s) => p * s, 1);
    const post = shape.slice(hi + 1).reduce((p, s) => p * s, 1);
    const next = shape.map((s, i) => (i >= lo && i <= hi ? 1 : s));
    r = tf.reshape(middleSum(tf.reshape(r, [pre, mid, post]) as tf.Tensor3D), next);
  }
  return r;
}
