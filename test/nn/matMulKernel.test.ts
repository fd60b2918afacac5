import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { batchMatMulTakesKernel, matMul2d, matMulTN } from '../../src/nn/matMulKernel.js';
import { dense } from '../../src/nn/index.js';
import { BACKENDS, randn, useBackend } from './helpers.js';

/** `aᵀ` (when `transA`) or `a` times `b`, plus `bias`, in float64 loops: an independent reference. */
function reference(a: tf.Tensor2D, b: tf.Tensor2D, transA: boolean, bias?: tf.Tensor1D): Float64Array {
  const [ar, ac] = a.shape;
  const [m, k] = transA ? [ac, ar] : [ar, ac];
  const n = b.shape[1];
  const av = a.dataSync();
  const bv = b.dataSync();
  const biasv = bias?.dataSync();
  const out = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = biasv === undefined ? 0 : biasv[j];
      for (let p = 0; p < k; p++) s += (transA ? av[p * ac + i] : av[i * ac + p]) * bv[p * n + j];
      out[i * n + j] = s;
    }
  }
  return out;
}

/** Max |got - ref| relative to the largest |ref| (at least 1). */
function relErr(got: tf.Tensor, ref: Float64Array): number {
  const g = got.dataSync();
  expect(g.length).toBe(ref.length);
  let err = 0;
  let scale = 1;
  for (let i = 0; i < ref.length; i++) {
    err = Math.max(err, Math.abs(g[i] - ref[i]));
    scale = Math.max(scale, Math.abs(ref[i]));
  }
  return err / scale;
}

/** [M, K, N]: 4 x 8 tiles with 4-column and 1-row tails, K = 1 and K = 0, no rows, more than one 128-row block. */
const SHAPES: [number, number, number][] = [
  [7, 5, 12],
  [13, 33, 4],
  [64, 32, 128],
  [1, 1, 8],
  [0, 4, 8],
  [5, 0, 8],
  [300, 18, 20],
  [9, 6, 6],
];

describe.each(BACKENDS)('matMul2d and matMulTN against float64 products (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it.each(SHAPES)('[%i, %i] x [., %i]: values with and without bias; graphgen kernel on wasm when N % 4 = 0', async (m, k, n) => {
    const a = randn([m, k], 1) as tf.Tensor2D;
    const b = randn([k, n], 2) as tf.Tensor2D;
    const bt = randn([m, n], 3) as tf.Tensor2D;
    const bias = randn([n], 4) as tf.Tensor1D;
    const before = tf.memory().numTensors;
    const kernelExpected = backend === 'wasm' && n % 4 === 0;
    const prof = await tf.profile(() => tf.tidy(() => [matMul2d(a, b, bias), matMulTN(a, bt)]));
    expect(prof.kernels.some((x) => x.name === 'GraphgenMatMul')).toBe(kernelExpected);
    expect(prof.kernels.some((x) => x.name === 'GraphgenMatMulTN')).toBe(kernelExpected);
    tf.tidy(() => {
      const c = matMul2d(a, b);
      expect(c.shape).toEqual([m, n]);
      expect(relErr(c, reference(a, b, false))).toBeLessThan(1e-5);
      expect(relErr(matMul2d(a, b, bias), reference(a, b, false, bias))).toBeLessThan(1e-5);
      const t = matMulTN(a, bt);
      expect(t.shape).toEqual([k, n]);
      expect(relErr(t, reference(a, bt, true))).toBeLessThan(1e-5);
    });
    tf.dispose(prof.result as tf.Tensor[]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b, bt, bias]);
  });

  it('gradients of both products equal those of tf.matMul (with bias), no leaks', () => {
    const a = randn([10, 12], 5) as tf.Tensor2D;
    const b = randn([12, 8], 6) as tf.Tensor2D;
    const bias = randn([8], 7) as tf.Tensor1D;
    const bt = randn([10, 8], 8) as tf.Tensor2D;
    const w = randn([10, 8], 9);
    const wt = randn([12, 8], 10);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const mine = tf.grads((x: tf.Tensor, y: tf.Tensor, z: tf.Tensor) => tf.sum(tf.mul(matMul2d(x as tf.Tensor2D, y as tf.Tensor2D, z as tf.Tensor1D), w)))([a, b, bias]);
      const ref = tf.grads((x: tf.Tensor, y: tf.Tensor, z: tf.Tensor) => tf.sum(tf.mul(tf.add(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D), z), w)))([a, b, bias]);
      mine.forEach((g, i) => expect(relErr(g, Float64Array.from(ref[i].dataSync())), `input ${i}`).toBeLessThan(1e-5));
      const mineTn = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(matMulTN(x as tf.Tensor2D, y as tf.Tensor2D), wt)))([a, bt]);
      const refTn = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x as tf.Tensor2D, y as tf.Tensor2D, true, false), wt)))([a, bt]);
      mineTn.forEach((g, i) => expect(relErr(g, Float64Array.from(refTn[i].dataSync())), `input ${i}`).toBeLessThan(1e-5));
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b, bias, bt, w, wt]);
  });

  it('dense on a pair tensor [4, 20, 20, 32] -> 128 agrees with a float64 product in value and gradient', () => {
    const x = randn([4, 20, 20, 32], 11);
    const wt = randn([32, 128], 12) as tf.Tensor2D;
    const b = randn([128], 13) as tf.Tensor1D;
    const up = randn([4, 20, 20, 128], 14);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const x2 = tf.reshape(x, [-1, 32]) as tf.Tensor2D;
      expect(relErr(tf.reshape(dense(x, wt, b), [-1, 128]), reference(x2, wt, false, b))).toBeLessThan(1e-5);
      const [, dw, db] = tf.grads((p: tf.Tensor, q: tf.Tensor, r: tf.Tensor) => tf.sum(tf.mul(dense(p, q, r), up)))([x, wt, b]);
      const up2 = tf.reshape(up, [-1, 128]) as tf.Tensor2D;
      expect(relErr(dw, reference(x2, up2, true))).toBeLessThan(1e-5);
      expect(relErr(db, Float64Array.from(tf.sum(up2, 0).dataSync()))).toBeLessThan(1e-5);
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([x, wt, b, up]);
  });
});

/** Batched float64 product `op(a) op(b)` of rank-3 arrays (`op` = transpose of the last two axes when flagged), batch broadcast when one side has 1. */
function batchedReference(a: tf.Tensor, b: tf.Tensor, ta: boolean, tb: boolean): { shape: number[]; values: Float64Array } {
  const [ba, ar, ac] = a.shape;
  const [bb, br, bc] = b.shape;
  const [m, k] = ta ? [ac, ar] : [ar, ac];
  const n = tb ? br : bc;
  const batch = Math.max(ba, bb);
  const av = a.dataSync();
  const bv = b.dataSync();
  const out = new Float64Array(batch * m * n);
  for (let p = 0; p < batch; p++) {
    const ao = (ba === 1 ? 0 : p) * ar * ac;
    const bo = (bb === 1 ? 0 : p) * br * bc;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let q = 0; q < k; q++) s += av[ao + (ta ? q * ac + i : i * ac + q)] * bv[bo + (tb ? j * bc + q : q * bc + j)];
        out[(p * m + i) * n + j] = s;
      }
    }
  }
  return { shape: [batch, m, n], values: out };
}

describe.each(BACKENDS)('tf.matMul (BatchMatMul) against float64 products (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  // [a shape, b shape, transposeA, transposeB, graphgen kernel on wasm]
  const CASES: [number[], number[], boolean, boolean, boolean][] = [
    [[3, 7, 5], [3, 5, 12], false, false, true],
    [[128, 9, 8], [128, 8, 16], false, false, true],
    [[1, 13, 33], [1, 33, 4], false, false, true],
    [[2, 0, 4], [2, 4, 8], false, false, true],
    [[3, 5, 7], [3, 5, 12], true, false, false],
    [[3, 7, 5], [3, 12, 5], false, true, false],
    [[1, 7, 5], [3, 5, 12], false, false, false],
    // any number of columns: the ones past the last multiple of 4 are summed one at a time
    [[3, 7, 5], [3, 5, 6], false, false, true],
    [[2, 13, 7], [2, 7, 15], false, false, true],
    [[4, 9, 12], [4, 12, 9], false, false, true],
    [[2, 5, 3], [2, 3, 1], false, false, true],
    [[8, 61, 16], [8, 16, 61], false, false, true],
  ];

  it.each(CASES)('%j x %j (transposeA %s, transposeB %s): values; graphgen kernel on wasm: %s', (as, bs, ta, tb, kernel) => {
    const a = randn(as, 21);
    const b = randn(bs, 22);
    const info = (t: tf.Tensor): tf.TensorInfo => ({ dataId: t.dataId, shape: t.shape, dtype: t.dtype });
    expect(batchMatMulTakesKernel(info(a), info(b), ta, tb)).toBe(kernel);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const ref = batchedReference(a, b, ta, tb);
      const c = tf.matMul(a, b, ta, tb);
      expect(c.shape).toEqual(ref.shape);
      expect(relErr(c, ref.values)).toBeLessThan(1e-5);
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b]);
  });

  it.each([8, 7])('a rank-4 product [2,3,6,5] x [2,3,5,%i] through the kernel and its gradients (explicit transposes, so the kernel again) agree with float64', (n) => {
    const a = randn([2, 3, 6, 5], 23);
    const b = randn([2, 3, 5, n], 24);
    const w = randn([2, 3, 6, n], 25);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const a3 = tf.reshape(a, [6, 6, 5]);
      const b3 = tf.reshape(b, [6, 5, n]);
      const w3 = tf.reshape(w, [6, 6, n]);
      expect(relErr(tf.matMul(a, b), batchedReference(a3, b3, false, false).values)).toBeLessThan(1e-5);
      const [da, db] = tf.grads((x: tf.Tensor, y: tf.Tensor) => tf.sum(tf.mul(tf.matMul(x, y), w)))([a, b]);
      expect(relErr(da, batchedReference(w3, b3, false, true).values)).toBeLessThan(1e-5); // W Bᵀ
      expect(relErr(db, batchedReference(a3, w3, true, false).values)).toBeLessThan(1e-5); // Aᵀ W
    });
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, b, w]);
  });
});
