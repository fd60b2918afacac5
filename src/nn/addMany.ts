import * as tf from '@tensorflow/tfjs-core';

/** tfjs-backend-webgpu mis-executes `AddN` with more than this many inputs (Dawn drops the work). */
const MAX_ADDN_INPUTS = 7;

/**
 * Element-wise sum of same-shape tensors, as `tf.addN`, but in nested groups of at most 7 inputs:
 * the webgpu backend (4.22, Dawn) silently drops an `AddN` with more inputs and leaves garbage in
 * the result, with no exception. On wasm/cpu the grouping costs nothing measurable. Internal.
 *
 * @param tensors - at least one tensor, all of one shape and dtype
 * @returns a new tensor (the caller disposes it; intermediates are freed)
 */
export function addMany(tensors: readonly tf.Tensor[]): tf.Tensor {
  if (tensors.length === 1) return tf.clone(tensors[0]);
  if (tensors.length <= MAX_ADDN_INPUTS) return tf.addN([...tensors]);
  return tf.tidy(() => {
    const groups: tf.Tensor[] = [];
    for (let i = 0; i < tensors.length; i += MAX_ADDN_INPUTS) groups.push(addMany(tensors.slice(i, i + MAX_ADDN_INPUTS)));
    return addMany(groups);
  });
}
