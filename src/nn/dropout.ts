import * as tf from '@tensorflow/tfjs-core';
import { assertFinite } from '../core/assert.js';
import type { Rng } from '../core/rng.js';

/**
 * Inverted dropout (Srivastava et al. 2014): each entry is zeroed with probability `rate` and
 * the survivors scaled by `1 / (1 − rate)`. The mask is drawn by tfjs from a seed taken from
 * `rng.seedInt()`, so the same generator state gives the same mask. With `rate = 0` the input
 * is returned unchanged (and `rng` is not advanced).
 *
 * @param x - any shape
 * @param rate - drop probability in [0, 1)
 * @param rng - the generator of the mask's seed
 * @returns a tensor of the shape of `x`; zeros of `x` stay zeros
 * @throws `InputError` when `rate` is outside [0, 1)
 *
 * @example
 * ```ts
 * const y = dropout(x, 0.1, rng); // training only
 * ```
 */
export function dropout(x: tf.Tensor, rate: number, rng: Rng): tf.Tensor {
  assertFinite(rate, 'rate', { min: 0 });
  if (rate >= 1) assertFinite(rate, 'rate', { max: 0.999999 });
  if (rate === 0) return x;
  const seed = rng.seedInt();
  return tf.tidy(() => {
    const keep = tf.cast(tf.greaterEqual(tf.randomUniform(x.shape, 0, 1, 'float32', seed), rate), 'float32');
    return tf.mul(x, tf.mul(keep, 1 / (1 - rate)));
  });
}
