import * as tf from '@tensorflow/tfjs-core';
import { assertInteger, assertPositive } from '../core/assert.js';
import { ShapeError } from '../core/errors.js';

/** Options of {@link sinusoidalEmbedding}. */
export interface SinusoidalEmbeddingOptions {
  /** Longest period of the frequencies. @default 10000 */
  maxPeriod?: number;
  /** Multiplies `t` first (e.g. 1000 for diffusion times in [0, 1]). @default 1 */
  scale?: number;
}

/**
 * Sinusoidal embedding of scalar times or positions (Vaswani et al. 2017; the diffusion-time
 * embedding of Ho et al. 2020). With `h = ⌊dim / 2⌋` and `ω_k = maxPeriod^(−k/h)`,
 *
 * `emb(t) = [cos(s t ω_0), …, cos(s t ω_{h−1}), sin(s t ω_0), …, sin(s t ω_{h−1})]`,
 *
 * padded with one zero column when `dim` is odd.
 *
 * @param t - times `[B]` or `[B,1]`
 * @param dim - embedding width
 * @param options - see {@link SinusoidalEmbeddingOptions}
 * @returns `[B, dim]`
 * @throws `ShapeError` when `t` is not `[B]` or `[B,1]`
 * @throws `InputError` for `dim < 1` or a non-positive `maxPeriod`
 *
 * @example
 * ```ts
 * const temb = sinusoidalEmbedding(tf.tensor1d([0.1, 0.5]), 32, { scale: 1000 }); // [2, 32]
 * ```
 */
export function sinusoidalEmbedding(t: tf.Tensor, dim: number, options: SinusoidalEmbeddingOptions = {}): tf.Tensor2D {
  assertInteger(dim, 'dim', { min: 1 });
  const maxPeriod = options.maxPeriod ?? 10000;
  assertPositive(maxPeriod, 'options.maxPeriod');
  const scale = options.scale ?? 1;
  if (!(t.rank === 1 || (t.rank === 2 && t.shape[1] === 1))) {
    throw ShapeError.mismatch('t', '[B] or [B,1]', `[${t.shape.join(', ')}]`);
  }
  const half = Math.floor(dim / 2);
  const b = t.shape[0];
  return tf.tidy(() => {
    const freqs = new Float32Array(half);
    for (let k = 0; k < half; k++) freqs[k] = Math.exp((-Math.log(maxPeriod) * k) / Math.max(1, half));
    const args = tf.mul(tf.reshape(tf.mul(t, scale), [b, 1]), tf.tensor2d(freqs, [1, half])); // [B,h]
    const parts = [tf.cos(args), tf.sin(args)];
    if (dim % 2 === 1) parts.push(tf.zeros([b, 1]));
    return tf.concat(parts, 1) as tf.Tensor2D;
  });
}
