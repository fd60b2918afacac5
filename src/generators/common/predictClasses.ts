import * as tf from '@tensorflow/tfjs-core';
import type { Denoiser, DenoiserInput } from './Denoiser.js';
import type { buildDenoiserInput } from './buildDenoiserInput.js';
import type { ClassProbabilities } from './SelfConditioning.js';

/**
 * The denoiser's predicted clean-class probabilities, the softmax of its logits over the class
 * axis, read back as float32 arrays: `x [B,N,dx]` and `e [B,N,N,de]` (rows of padding and of the
 * diagonal are uniform, since their logits are zero). Every intermediate tensor is disposed; the
 * input tensors stay the caller's.
 *
 * @param denoiser - the network
 * @param input - its input (see {@link buildDenoiserInput})
 * @returns the class probabilities of every node and pair
 *
 * @example
 * ```ts
 * const input = buildDenoiserInput(noisy, Float64Array.of(0.3), model.features);
 * const { x, e } = predictClasses(model.denoiser!, input);
 * ```
 */
export function predictClasses(denoiser: Denoiser, input: DenoiserInput): ClassProbabilities {
  const [px, pe] = tf.tidy(() => {
    const o = denoiser.apply(input);
    return [tf.softmax(o.x), tf.softmax(o.e)];
  });
  const x = px.dataSync() as Float32Array;
  const e = pe.dataSync() as Float32Array;
  tf.dispose([px, pe]);
  return { x, e };
}
