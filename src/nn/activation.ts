import * as tf from '@tensorflow/tfjs-core';
import { InputError, describeValue } from '../core/errors.js';

/** Pointwise nonlinearities. */
export type ActivationName = 'relu' | 'silu' | 'gelu' | 'tanh' | 'sigmoid' | 'identity';

/** The allowed {@link ActivationName}s, for validation. */
export const ACTIVATIONS: readonly ActivationName[] = ['relu', 'silu', 'gelu', 'tanh', 'sigmoid', 'identity'];

/**
 * Applies a pointwise nonlinearity:
 * `relu(x) = max(x, 0)`, `silu(x) = x σ(x)`,
 * `gelu(x) = x/2 (1 + tanh(√(2/π) (x + 0.044715 x³)))` (tanh approximation, Hendrycks &
 * Gimpel 2016), `tanh`, `sigmoid`, `identity`.
 *
 * All map 0 to 0 except `sigmoid`, which is why masked layers re-apply their mask after it.
 *
 * @param x - any shape
 * @param name - the nonlinearity
 * @returns a tensor of the same shape
 * @throws `InputError` for an unknown name
 *
 * @example
 * ```ts
 * const y = activation(tf.tensor1d([-1, 2]), 'relu'); // [0, 2]
 * ```
 */
export function activation(x: tf.Tensor, name: ActivationName): tf.Tensor {
  switch (name) {
    case 'relu':
      return tf.relu(x);
    case 'silu':
      return tf.mul(x, tf.sigmoid(x));
    case 'gelu': {
      const inner = tf.mul(tf.add(x, tf.mul(tf.mul(tf.mul(x, x), x), 0.044715)), Math.sqrt(2 / Math.PI));
      return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
    }
    case 'tanh':
      return tf.tanh(x);
    case 'sigmoid':
      return tf.sigmoid(x);
    case 'identity':
      return x;
    default:
      throw InputError.invalid('activation', `one of ${ACTIVATIONS.join(', ')}`, describeValue(name));
  }
}
