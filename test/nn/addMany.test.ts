import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../src/nn/initBackend.js';
import { addMany } from '../../src/nn/addMany.js';

describe('addMany', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'wasm' });
  });

  it.each([1, 2, 7, 8, 15, 50])('equals the sum of %i tensors and frees its intermediates', (count) => {
    const parts = Array.from({ length: count }, (_, k) => tf.tensor2d([[k, -2 * k, 0.5 * k]]));
    const before = tf.memory().numTensors;
    const total = addMany(parts);
    expect(tf.memory().numTensors).toBe(before + 1);
    const s = (count * (count - 1)) / 2;
    expect(Array.from(total.dataSync())).toEqual([s, -2 * s, 0.5 * s]);
    tf.dispose([...parts, total]);
  });
});
