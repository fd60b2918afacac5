import * as tf from '@tensorflow/tfjs-core';

/** Block heights tried by {@link transposeTall}, best first. */
const BLOCKS = [64, 50, 40, 32, 80, 100, 128, 48, 16];

/**
 * `[r, c]` -> `[c, r]` for a tall matrix. On wasm a 2-D transpose of a tall matrix strides
 * through memory (12800 x 128: ~8 ms); going through `[r/k, k, c]` -> `[r/k, c, k]` ->
 * `[c, r/k, k]` (two blocked transposes) takes ~1.5 ms. Falls back to one transpose when no block
 * height divides `r`. Internal to graphgen/nn.
 */
export function transposeTall(a: tf.Tensor2D): tf.Tensor2D {
  const [r, c] = a.shape;
  const k = BLOCKS.find((cand) => r % cand === 0 && r > cand);
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
  if (t.size < 65536) return tf.sum(t, 0) as tf.Tensor1D; // small: one kernel is cheaper
  return tf.sum(transposeTall(t), 1) as tf.Tensor1D;
}
