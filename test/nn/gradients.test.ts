import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS, maxAbsDiff, numericGrad, randn, useBackend } from './helpers.js';

// Each case: a scalar function of one input; analytic gradient vs central differences.
const cases: Array<[string, number[], (x: tf.Tensor) => tf.Tensor]> = [
  ['add/sub/mul/div with broadcasting', [2, 3], (x) => tf.sum(tf.div(tf.mul(tf.sub(tf.add(x, tf.tensor1d([1, 2, 3])), 0.5), x), tf.add(tf.square(x), 2)))],
  ['sum/mean axes', [2, 3, 2], (x) => tf.sum(tf.mul(tf.mean(x, [0, 2], true), tf.sum(x, 1, true)))],
  ['max', [3, 4], (x) => tf.sum(tf.mul(tf.max(x, 1), tf.tensor1d([1, 2, 3])))],
  ['matMul all flags', [3, 3], (x) => tf.sum(tf.add(tf.add(tf.matMul(x, tf.square(x)), tf.matMul(x, x, true, false)), tf.add(tf.matMul(x, tf.exp(x), false, true), tf.matMul(tf.sin(x), x, true, true))))],
  ['batched matMul with broadcast', [2, 3, 4], (x) => tf.sum(tf.matMul(tf.square(x), tf.cast(tf.reshape(tf.range(0, 8), [4, 2]), 'float32')))],
  ['reshape/transpose/expandDims', [2, 3], (x) => tf.sum(tf.mul(tf.transpose(tf.reshape(tf.expandDims(x, 0), [3, 2])), tf.tensor2d([[1, 2, 3], [4, 5, 6]])))],
  ['concat/slice/pad/tile', [2, 2], (x) => tf.sum(tf.mul(tf.tile(tf.pad(tf.slice(tf.concat([x, tf.square(x)], 1), [0, 1], [2, 2]), [[1, 0], [0, 1]]), [2, 1]), tf.reshape(tf.cast(tf.range(0, 18), 'float32'), [6, 3])))],
  ['stack/unstack/split', [2, 3], (x) => { const [a, b] = tf.split(x, [1, 2], 1); const s = tf.stack([tf.square(a), tf.sum(b, 1, true)], 0); return tf.sum(tf.mul(tf.unstack(s, 0)[0], tf.unstack(s, 0)[1])); }],
  ['softmax', [2, 4], (x) => tf.sum(tf.mul(tf.softmax(x), tf.tensor2d([[1, 2, 3, 4], [4, 0, 1, 2]])))],
  ['exp/log/sqrt/rsqrt', [4], (x) => { const p = tf.add(tf.square(x), 1); return tf.sum(tf.add(tf.add(tf.log(p), tf.sqrt(p)), tf.add(tf.rsqrt(p), tf.exp(tf.mul(x, 0.3))))); }],
  ['relu/sigmoid/tanh/abs', [5], (x) => tf.sum(tf.add(tf.add(tf.relu(tf.add(x, 0.05)), tf.sigmoid(x)), tf.add(tf.tanh(x), tf.abs(tf.add(x, 0.05)))))],
  ['maximum/minimum/where/clip', [6], (x) => tf.sum(tf.add(tf.add(tf.maximum(x, 0.1), tf.minimum(x, -0.1)), tf.add(tf.where(tf.greater(x, 0.02), tf.square(x), x), tf.clipByValue(x, -0.5, 0.5))))],
  ['gather', [4, 2], (x) => tf.sum(tf.mul(tf.gather(x, tf.tensor1d([3, 1, 3], 'int32')), tf.tensor2d([[1, 2], [3, 4], [5, 6]])))],
  ['addN/squaredDifference/cast', [3], (x) => tf.sum(tf.addN([x, tf.squaredDifference(x, tf.tensor1d([1, 2, 3])), tf.cast(x, 'float32')]))],
];

describe.each(BACKENDS)('registered gradients vs finite differences (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it.each(cases)('%s', (_name, shape, f) => {
    // Piecewise ops get inputs away from their kinks (finite differences straddle them otherwise).
    const x = _name.startsWith('maximum') ? tf.tensor1d([-1.3, -0.7, -0.3, 0.2, 0.35, 0.9]) : randn(shape, 7);
    const before = tf.memory().numTensors;
    const g = tf.grad(f)(x);
    const num = numericGrad(f, x, 1e-2);
    const scale = Math.max(1, ...Array.from(num, Math.abs));
    expect(maxAbsDiff(g, num) / scale).toBeLessThan(2e-2);
    g.dispose();
    expect(tf.memory().numTensors).toBe(before);
    x.dispose();
  });
});
