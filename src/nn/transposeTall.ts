import * as tf from '@tensorflow/tfjs-core';

/** Below this many entries one kernel is cheaper than the blocked transposes (launch costs). */
const SMALL = 131072;

/** Block heights tried by {@link transposeTall}, best first. */
const BLOCKS = [64, 50, 40, 32, 80, 100, 128, 48, 16];

/**
 * `[r, c]` -> `[c, r]` for a tall matrix. On wasm a 2-D transpose of a tall matrix strides
 * through memory (12800 x 128: ~8 ms); going through `[r/k, k, c]` -> `[r/k, c, k]` ->
 * `[c, r/k, k]` (two blocked transposes) takes ~1.5 ms. Falls back to one transpose when no block
 * height divides `r` or the matrix is small. Internal to graphgen/nn.
 */
export function transposeTall(a: tf.Tensor2D): tf.Tensor2D {
  const [r, c] = a.shape;
  const k = a.size < SMALL ? undefined : BLOCKS.find((cand) => r % cand === 0 && r > cand);
  if (k === undefined) return tf.transpose(a, [1, 0]);
  const blocks = tf.transpose(tf.reshape(a, [r / k, k, c]), [0, 2, 1]); // [r/k, c, k]
  return tf.reshape(tf.transpose(blocks, [1, 0, 2]), [c, r]) as tf.Tensor2D;
}

/**
 * Column sums of `t [r, c]` -> `[c]`, as a last-axis sum of {@link transposeTall}`(t)` (tfjs's
 * reduction over axis 0 transposes with the slow 2-D kernel first; 12800 x 128: 8 ms -> 5 ms);
 * small matrices take tfjs's reduction. Internal to graphgen/nn.
 */
export function columnSums(t: tf.Tensor2D): tf.Tensor1D {
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
 * axis is reduced on its own as the middle axis of a rank-3 view, innermost first. Internal to
 * graphgen/nn.
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
  let r = t;
  for (const a of sorted) {
    const shape = r.shape;
    const pre = shape.slice(0, a).reduce((p, s) => p * s, 1);
    const post = shape.slice(a + 1).reduce((p, s) => p * s, 1);
    const next = shape.map((s, i) => (i === a ? 1 : s));
    r = tf.reshape(tf.sum(tf.reshape(r, [pre, shape[a], post]), 1), next);
  }
  return r;
}
