import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { Adam, LayerNorm, Linear, dense } from '../../src/nn/index.js';
import { softmax } from '../../src/nn/softmax.js';
import { softmaxWeightedSum } from '../../src/nn/softmaxWeightedSum.js';
import { columnSums, middleSum, sumKeepDims, transposeTall } from '../../src/nn/transposeTall.js';
import { channelsFirst, channelsLast, transpose2d, transposeBatched } from '../../src/nn/transposeKernel.js';
import { BACKENDS, maxAbsDiff, numericGrad, randn, useBackend } from './helpers.js';

/** Relative max error against a reference. */
function rel(a: tf.Tensor, r: tf.Tensor): number {
  return maxAbsDiff(a, r) / Math.max(1, ...Array.from(r.dataSync(), Math.abs));
}

describe.each(BACKENDS)('fast nn ops vs slow twins (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it('transposeTall, transpose2d, columnSums and sumKeepDims equal tf.transpose and tf.sum (block and fallback shapes, axis sets)', () => {
    const before = tf.memory().numTensors;
    for (const [r, c] of [[1280, 24], [1031, 5], [640, 128], [64, 3], [4096, 33]] as const) {
      tf.tidy(() => {
        const a = randn([r, c], r + c) as tf.Tensor2D;
        expect(maxAbsDiff(transposeTall(a), tf.transpose(a))).toBe(0);
        expect(rel(columnSums(a), tf.sum(a, 0))).toBeLessThan(1e-5);
      });
    }
    tf.tidy(() => {
      const a = randn([3, 4, 5, 6], 7);
      const big = randn([600, 4, 70], 8);
      for (const [t, axes] of [[a, [1]], [a, [2]], [a, [1, 2]], [a, [0]], [a, [0, 1]], [a, [0, 2]], [a, [3]], [a, [1, 3]], [a, []], [big, [0]], [big, [0, 1]], [big, [1]]] as const) {
        const got = sumKeepDims(t, axes);
        expect(got.shape).toEqual(tf.sum(t, [...axes], true).shape);
        expect(rel(got, tf.sum(t, [...axes], true)), `axes ${axes.join(',')}`).toBeLessThan(1e-5);
      }
    });
    tf.tidy(() => {
      // transpose2d (graphgen's kernel on wasm): exact, with the transpose as its gradient
      const a = randn([37, 130], 3) as tf.Tensor2D;
      const w = randn([130, 37], 4);
      expect(maxAbsDiff(transpose2d(a), tf.transpose(a))).toBe(0);
      const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(transpose2d(t as tf.Tensor2D), w)))(a);
      expect(maxAbsDiff(g, tf.transpose(w))).toBe(0);
    });
    tf.tidy(() => {
      // transposeBatched and the pair-tensor moves built on it: exact values and gradients, any sizes
      for (const [b, r, c] of [[3, 37, 130], [2, 64, 8], [1, 5, 3], [4, 49, 6]] as const) {
        const a = randn([b, r, c], b + r + c) as tf.Tensor3D;
        const w = randn([b, c, r], c);
        expect(maxAbsDiff(transposeBatched(a), tf.transpose(a, [0, 2, 1]))).toBe(0);
        const g = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(transposeBatched(t as tf.Tensor3D), w)))(a);
        expect(maxAbsDiff(g, tf.transpose(w, [0, 2, 1]))).toBe(0);
      }
      for (const [b, n, m, c] of [[2, 7, 7, 8], [3, 13, 13, 5], [1, 4, 6, 3]] as const) {
        const t = randn([b, n, m, c], n + c) as tf.Tensor4D;
        const first = channelsFirst(t);
        expect(first.shape).toEqual([b, c, n, m]);
        expect(maxAbsDiff(first, tf.transpose(t, [0, 3, 1, 2]))).toBe(0);
        expect(maxAbsDiff(channelsLast(first), t)).toBe(0);
        const w = randn([b, c, n, m], m);
        const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(channelsFirst(x as tf.Tensor4D), w)))(t);
        expect(maxAbsDiff(g, tf.transpose(w, [0, 2, 3, 1]))).toBe(0);
      }
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('middleSum (a pooling kernel on wasm) equals tf.sum over the middle axis; sumKeepDims over runs of adjacent axes', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      for (const shape of [[1, 12800, 32], [32, 20, 2560], [640, 20, 128], [3, 1, 5], [2, 7, 1], [2, 130, 23], [1, 12800, 6]] as const) {
        const t = randn([...shape], shape[0] + shape[1]) as tf.Tensor3D;
        const got = middleSum(t);
        expect(got.shape).toEqual([shape[0], shape[2]]);
        expect(rel(got, tf.sum(t, 1)), `[${shape.join(',')}]`).toBeLessThan(1e-5);
      }
      // gradient (the kernel's on wasm): ∂/∂t Σ w ⊙ middleSum(t) = w broadcast over the middle axis
      const t = randn([3, 70, 21], 5) as tf.Tensor3D;
      const w = randn([3, 21], 6);
      const g = tf.grad((x: tf.Tensor) => tf.sum(tf.mul(middleSum(x as tf.Tensor3D), w)))(t);
      expect(maxAbsDiff(g, tf.mul(tf.reshape(w, [3, 1, 21]), tf.onesLike(t)))).toBe(0);
      const a = randn([2, 3, 4, 5, 6], 9);
      for (const axes of [[1, 2], [0, 2, 3], [1, 3], [0, 1, 2, 3], [2, 3]]) {
        const got = sumKeepDims(a, axes);
        expect(got.shape).toEqual(tf.sum(a, axes, true).shape);
        expect(rel(got, tf.sum(a, axes, true)), `axes ${axes.join(',')}`).toBeLessThan(1e-5);
      }
    });
    expect(tf.memory().numTensors).toBe(before);
  });

  it('dense: large-batch backward (both operand orders, with and without bias, odd row counts) equals autodiff of x W + b', () => {
    const before = tf.memory().numTensors;
    for (const [m, din, dout] of [[1280, 8, 24], [1280, 24, 8], [1031, 6, 10], [2048, 16, 16]] as const) {
      tf.tidy(() => {
        const x = randn([m / (m % 2 === 0 ? 2 : 1), m % 2 === 0 ? 2 : 1, din], m + din);
        const w = randn([din, dout], 2);
        const b = randn([dout], 3);
        const wt = randn([m, dout], 4);
        const lossOf = (y: tf.Tensor): tf.Scalar => tf.sum(tf.mul(tf.sin(tf.reshape(y, [m, dout])), wt));
        const plain = (xx: tf.Tensor, ww: tf.Tensor, bb?: tf.Tensor): tf.Tensor => {
          const y = tf.matMul(tf.reshape(xx, [m, din]) as tf.Tensor2D, ww as tf.Tensor2D);
          return bb === undefined ? y : tf.add(y, bb);
        };
        const g1 = tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => lossOf(dense(xx, ww, bb)))([x, w, b]);
        const g2 = tf.grads((xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => lossOf(plain(xx, ww, bb)))([x, w, b]);
        g1.forEach((g, i) => expect(rel(g, g2[i]), `[${m},${din},${dout}] input ${i}`).toBeLessThan(1e-5));
        const g3 = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => lossOf(dense(xx, ww)))([x, w]);
        const g4 = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => lossOf(plain(xx, ww)))([x, w]);
        g3.forEach((g, i) => expect(rel(g, g4[i])).toBeLessThan(1e-5));
      });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('softmaxWeightedSum equals softmax, product and sum; gradients equal autodiff of that composite and finite differences', () => {
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const logits = tf.add(randn([2, 3, 4, 5], 1), tf.mul(tf.reshape(tf.tensor1d([0, 0, -1e9, 0]), [1, 1, 4, 1]), 1)); // one excluded key
      const v = randn([2, 1, 4, 5], 2);
      const w = randn([2, 3, 5], 3);
      const composite = (l: tf.Tensor, vv: tf.Tensor): tf.Tensor => tf.sum(tf.mul(softmax(l, 2), vv), 2);
      expect(rel(softmaxWeightedSum(logits, v), composite(logits, v))).toBeLessThan(1e-5);
      const f = (op: typeof composite) => (l: tf.Tensor, vv: tf.Tensor) => tf.sum(tf.mul(op(l, vv), w));
      const g1 = tf.grads(f(softmaxWeightedSum))([logits, v]);
      const g2 = tf.grads(f(composite))([logits, v]);
      g1.forEach((g, i) => expect(rel(g, g2[i])).toBeLessThan(1e-5));
      const small = randn([1, 2, 3, 2], 4);
      const vs = randn([1, 1, 3, 2], 5);
      const num = numericGrad((l) => tf.sum(tf.mul(softmaxWeightedSum(l, vs), tf.tensor3d([1, -2, 0.5, 3], [1, 2, 2]))), small, 1e-2);
      const ana = tf.grad((l: tf.Tensor) => tf.sum(tf.mul(softmaxWeightedSum(l, vs), tf.tensor3d([1, -2, 0.5, 3], [1, 2, 2]))))(small);
      expect(maxAbsDiff(ana, num)).toBeLessThan(2e-2);
      // same-shape values (no broadcast)
      const vf = randn([2, 3, 4, 5], 6);
      const g3 = tf.grads(f(softmaxWeightedSum))([logits, vf]);
      const g4 = tf.grads(f(composite))([logits, vf]);
      g3.forEach((g, i) => expect(rel(g, g4[i])).toBeLessThan(1e-5));
    });
    expect(tf.memory().numTensors).toBe(before);
    expect(() => softmaxWeightedSum(tf.ones([2, 3, 4]), tf.ones([2, 3, 5]))).toThrow(/v: expected shape/);
  });

  it.each([6, 8, 32])('LayerNorm (width %i; wasm kernel when a multiple of 4): gradient equals autodiff of the textbook composite and finite differences', async (d) => {
    const ln = new LayerNorm({ features: d });
    ln.gamma.assign(randn([d], 7));
    ln.beta.assign(randn([d], 8));
    const prof = await tf.profile(() => ln.apply(tf.ones([2, d])));
    expect(prof.kernels.some((k) => k.name === 'GraphgenLayerNorm')).toBe(backend === 'wasm' && d % 4 === 0);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      for (const shape of [[3, 4, d], [2100, d]]) {
        const x = tf.add(randn(shape, 9), 2);
        const w = randn(shape, 10);
        const composite = (t: tf.Tensor, g: tf.Tensor, b: tf.Tensor): tf.Tensor => {
          const mu = tf.mean(t, -1, true);
          const xc = tf.sub(t, mu);
          return tf.add(tf.mul(tf.mul(xc, tf.rsqrt(tf.add(tf.mean(tf.square(xc), -1, true), 1e-5))), g), b);
        };
        expect(rel(ln.apply(x), composite(x, ln.gamma, ln.beta))).toBeLessThan(1e-5);
        const g1 = tf.grads((t: tf.Tensor) => tf.sum(tf.mul(ln.apply(t), w)))([x]);
        const { value, grads } = tf.variableGrads(() => tf.sum(tf.mul(ln.apply(x), w)) as tf.Scalar, [ln.gamma, ln.beta]);
        value.dispose();
        const g2 = tf.grads((t: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => tf.sum(tf.mul(composite(t, g, b), w)))([x, ln.gamma, ln.beta]);
        expect(rel(g1[0], g2[0])).toBeLessThan(1e-4);
        expect(rel(grads[ln.gamma.name], g2[1])).toBeLessThan(1e-4);
        expect(rel(grads[ln.beta.name], g2[2])).toBeLessThan(1e-4);
      }
      const xs = randn([2, d], 11);
      const wt = tf.reshape(tf.range(1, 2 * d + 1), [2, d]);
      const num = numericGrad((t) => tf.sum(tf.mul(ln.apply(t), wt)), xs, 1e-2);
      const ana = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(ln.apply(t), wt)))(xs);
      expect(maxAbsDiff(ana, num) / Math.max(1, ...Array.from(num, Math.abs))).toBeLessThan(1e-2);
    });
    // no leaks across forward and backward loops (the kernel's saved outputs are released)
    const x = randn([5, d], 12);
    for (let i = 0; i < 3; i++) {
      ln.apply(x).dispose();
      const { value, grads } = tf.variableGrads(() => tf.sum(tf.square(ln.apply(x))) as tf.Scalar, [ln.gamma, ln.beta]);
      value.dispose();
      tf.dispose(Object.values(grads));
      tf.dispose(tf.grads((t: tf.Tensor) => tf.sum(tf.square(ln.apply(t))))([x]));
    }
    x.dispose();
    expect(tf.memory().numTensors).toBe(before);
    ln.dispose();
  });

  it('Adam: the fused update equals the per-variable textbook update; state survives subsets, reorders and round trips; no leaks', () => {
    const before = tf.memory().numTensors;
    const rng = createRng(5);
    const lins = [new Linear({ inFeatures: 3, outFeatures: 4 }, rng), new Linear({ inFeatures: 4, outFeatures: 2 }, rng)];
    const vars = lins.flatMap((l) => l.trainableVariables());
    const ref = vars.map((v) => ({ theta: Float64Array.from(v.dataSync()), m: new Float64Array(v.size), v: new Float64Array(v.size) }));
    const opts = { learningRate: 0.01, beta1: 0.8, beta2: 0.95, eps: 1e-6, weightDecay: 0.1 };
    const opt = new Adam(opts);
    const refStep = (idx: number[], gs: Float32Array[], t: number): void => {
      idx.forEach((k, j) => {
        const r = ref[k];
        for (let i = 0; i < r.theta.length; i++) {
          const g = gs[j][i];
          r.m[i] = opts.beta1 * r.m[i] + (1 - opts.beta1) * g;
          r.v[i] = opts.beta2 * r.v[i] + (1 - opts.beta2) * g * g;
          const upd = (r.m[i] / (1 - opts.beta1 ** t)) / (Math.sqrt(r.v[i] / (1 - opts.beta2 ** t)) + opts.eps);
          r.theta[i] = r.theta[i] - opts.learningRate * upd - opts.learningRate * opts.weightDecay * r.theta[i];
        }
      });
    };
    // steps on all variables, then on a reordered subset (moments move with their variables), then all again
    const plan = [[0, 1, 2, 3], [0, 1, 2, 3], [3, 1], [0, 1, 2, 3]];
    plan.forEach((idx, s) => {
      const gs = idx.map((k) => tf.randomNormal(vars[k].shape, 0, 1, 'float32', 100 + 10 * s + k));
      opt.step(idx.map((k) => vars[k]), gs);
      refStep(idx, gs.map((g) => g.dataSync() as Float32Array), s + 1);
      tf.dispose(gs);
    });
    vars.forEach((v, k) => {
      const got = v.dataSync();
      for (let i = 0; i < got.length; i++) expect(Math.abs(got[i] - ref[k].theta[i])).toBeLessThan(1e-5);
    });
    const st = opt.getState(vars);
    vars.forEach((_, k) => {
      for (let i = 0; i < st.m[k].length; i++) {
        expect(Math.abs(st.m[k][i] - ref[k].m[i])).toBeLessThan(1e-5);
        expect(Math.abs(st.v[k][i] - ref[k].v[i])).toBeLessThan(1e-5);
      }
    });
    const opt2 = new Adam(opts);
    opt2.setState([vars[2], vars[0]], { step: st.step, m: [st.m[2], st.m[0]], v: [st.v[2], st.v[0]] });
    const back = opt2.getState(vars);
    expect(Array.from(back.m[0])).toEqual(Array.from(st.m[0]));
    expect(Array.from(back.v[2])).toEqual(Array.from(st.v[2]));
    expect(Array.from(back.m[1])).toEqual(new Array(st.m[1].length).fill(0));
    expect(opt2.iterations).toBe(4);
    opt.dispose();
    opt2.dispose();
    lins.forEach((l) => l.dispose());
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('wasm Identity kernel', () => {
  beforeAll(async () => useBackend('wasm'));

  it('clones share the buffer, keep their values when the source is disposed or a variable is reassigned, and free it last', () => {
    const engine = tf.engine();
    const ids0 = engine.backend.numDataIds();
    const a = tf.tensor1d([1, 2, 3]);
    const c = tf.clone(a);
    expect(engine.backend.numDataIds()).toBe(ids0 + 1); // shared
    a.dispose();
    expect(Array.from(c.dataSync())).toEqual([1, 2, 3]);
    const init = tf.tensor1d([4, 5]);
    const v = tf.variable(init);
    init.dispose();
    const saved = tf.clone(v);
    const next = tf.tensor1d([6, 7]);
    v.assign(next);
    next.dispose();
    expect(Array.from(saved.dataSync())).toEqual([4, 5]);
    expect(Array.from(v.dataSync())).toEqual([6, 7]);
    tf.dispose([c, saved, v]);
    expect(engine.backend.numDataIds()).toBe(ids0);
  });
});
