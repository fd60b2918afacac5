import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { LayerNorm } from '../../src/nn/index.js';
import { layerNormResidualMasked } from '../../src/nn/layerNormKernel.js';
import { BACKENDS, maxAbsDiff, randn, useBackend } from './helpers.js';

/** Relative max error against a reference. */
function rel(a: tf.Tensor, r: tf.Tensor): number {
  return maxAbsDiff(a, r) / Math.max(1, ...Array.from(r.dataSync(), Math.abs));
}

describe.each(BACKENDS)('layerNormResidualMasked vs LN(x + h) ⊙ m (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it.each([8, 32, 6])('width %i: values and gradients of x, h, m, γ and β agree; padded rows are exactly zero; no leaks', async (d) => {
    const ln = new LayerNorm({ features: d });
    ln.gamma.assign(randn([d], 1));
    ln.beta.assign(randn([d], 2));
    const x = randn([3, 5, 5, d], 3);
    const h = randn([3, 5, 5, d], 4);
    const m = tf.tidy(() => tf.reshape(tf.cast(tf.greater(randn([3, 5, 5], 5), -0.5), 'float32'), [3, 5, 5, 1]));
    const w = randn([3, 5, 5, d], 6);
    const prof = await tf.profile(() => layerNormResidualMasked(ln, x, h, m));
    expect(prof.kernels.some((k) => k.name === 'GraphgenLayerNormMasked')).toBe(backend === 'wasm' && d % 4 === 0);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const ref = (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor): tf.Tensor => tf.mul(ln.apply(tf.add(a, b)), c);
      const got = layerNormResidualMasked(ln, x, h, m);
      expect(rel(got, ref(x, h, m))).toBeLessThan(1e-5);
      const md = m.dataSync();
      const gd = got.dataSync();
      for (let r = 0; r < md.length; r++) if (md[r] === 0) for (let f = 0; f < d; f++) expect(Math.abs(gd[r * d + f])).toBe(0);
      const loss = (op: typeof ref) => (a: tf.Tensor, b: tf.Tensor, c: tf.Tensor): tf.Scalar => tf.sum(tf.mul(op(a, b, c), w));
      const g1 = tf.grads(loss((a, b, c) => layerNormResidualMasked(ln, a, b, c)) as never)([x, h, m]);
      const g2 = tf.grads(loss(ref) as never)([x, h, m]);
      g1.forEach((g, i) => expect(rel(g, g2[i]), `input ${i}`).toBeLessThan(1e-4));
      const v1 = tf.variableGrads(() => loss((a, b, c) => layerNormResidualMasked(ln, a, b, c))(x, h, m), [ln.gamma, ln.beta]);
      const v2 = tf.variableGrads(() => loss(ref)(x, h, m), [ln.gamma, ln.beta]);
      for (const v of [ln.gamma, ln.beta]) expect(rel(v1.grads[v.name], v2.grads[v.name])).toBeLessThan(1e-4);
    });
    for (let i = 0; i < 3; i++) {
      layerNormResidualMasked(ln, x, h, m).dispose();
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(layerNormResidualMasked(ln, x, h, m))) as tf.Scalar, [ln.gamma, ln.beta]);
      value.dispose();
      tf.dispose(Object.values(grads));
      tf.dispose(tf.grads((a: tf.Tensor, b: tf.Tensor) => tf.sum(tf.square(layerNormResidualMasked(ln, a, b, m))))([x, h]));
    }
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, h, m, w]);
    ln.dispose();
  });
});
