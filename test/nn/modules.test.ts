import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '../../src/core/rng.js';
import { GraphgenError } from '../../src/core/errors.js';
import { Graph } from '../../src/graph/Graph.js';
import { collate } from '../../src/graph/collate.js';
import {
  Adam,
  Ema,
  LayerNorm,
  Linear,
  Mlp,
  MultiHeadAttention,
  ResNet,
  TransformerEncoder,
  clipGradNorm,
  constantSchedule,
  dense,
  exponentialSchedule,
  initBackend,
  loadWeights,
  readWeightsFiles,
  serializeWeights,
  sinusoidalEmbedding,
  softmax,
  batchTensors,
  disposeBatchTensors,
  trainStep,
  warmupCosineSchedule,
  writeWeightsFiles,
  type Module,
} from '../../src/nn/index.js';
import { BACKENDS, maxAbsDiff, numericGrad, randn, useBackend } from './helpers.js';

/** tfjs-style reference dense backward: flagged matmuls (what default autodiff would do). */
function denseAutodiff(x: tf.Tensor, w: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const x2 = tf.reshape(x, [-1, w.shape[0]]);
  return tf.reshape(tf.add(tf.matMul(x2, w), b), [...x.shape.slice(0, -1), w.shape[1] as number]);
}

describe('initBackend', () => {
  it('rejects unknown names and explains unavailable backends', async () => {
    await expect(initBackend({ prefer: 'tpu' as never })).rejects.toMatchObject({ code: 'E_INPUT' });
    const err = await initBackend({ prefer: 'webgl' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GraphgenError);
    expect((err as GraphgenError).code).toBe('E_BACKEND');
    expect((err as Error).message).toMatch(/webgl: .*browser/);
  });
  it('falls back through a list and reports why', async () => {
    const info = await initBackend({ prefer: ['webgl', 'cpu'] });
    expect(info.name).toBe('cpu');
    expect(info.skipped.webgl).toMatch(/browser/);
    expect(tf.getBackend()).toBe('cpu');
  });
  it('defaults to wasm in Node', async () => {
    const info = await initBackend();
    expect(info.name).toBe('wasm');
    expect(info.environment).toBe('node');
  });
});

describe.each(BACKENDS)('nn modules (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it('dense: customGrad gradients equal autodiff within 1e-5 and match finite differences', () => {
    const x = randn([3, 4, 5], 1);
    const w = randn([5, 6], 2);
    const b = randn([6], 3);
    const before = tf.memory().numTensors;
    const loss = (f: (x: tf.Tensor, w: tf.Tensor, b: tf.Tensor) => tf.Tensor) => (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(tf.sin(f(xx, ww, bb)), 1.3));
    const g1 = tf.grads(loss(dense))([x, w, b]);
    const g2 = tf.grads(loss(denseAutodiff))([x, w, b]);
    for (let i = 0; i < 3; i++) expect(maxAbsDiff(g1[i], g2[i])).toBeLessThan(1e-5);
    const y1 = dense(x, w, b);
    const y2 = tf.tidy(() => denseAutodiff(x, w, b));
    expect(maxAbsDiff(y1, y2)).toBeLessThan(1e-5);
    const gw = numericGrad((ww) => loss(dense)(x, ww, b), w);
    expect(maxAbsDiff(g1[1], gw)).toBeLessThan(2e-2);
    // no-bias variant
    const g3 = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.square(dense(xx, ww))))([x, w]);
    const g4 = tf.grads((xx: tf.Tensor, ww: tf.Tensor) => tf.sum(tf.square(tf.matMul(tf.reshape(xx, [-1, 5]), ww))))([x, w]);
    expect(maxAbsDiff(g3[1], g4[1])).toBeLessThan(1e-4);
    tf.dispose([...g1, ...g2, ...g3, ...g4, y1, y2]);
    expect(tf.memory().numTensors).toBe(before);
    expect(() => dense(x, randn([4, 6], 1))).toThrow(/x: expected shape \[\.\.\., 4\]/);
    expect(() => dense(x, w, randn([5], 1))).toThrow(/b: expected shape/);
    tf.dispose([x, w, b]);
  });

  it('same seed gives the same weights and outputs; configs round trip', () => {
    const cfg = { inFeatures: 4, hiddenFeatures: [8, 8], outFeatures: 3, activation: 'silu' as const };
    const a = new Mlp(cfg, createRng(5));
    const b = Mlp.fromConfig(a.getConfig(), createRng(5));
    const c = new Mlp(cfg, createRng(6));
    const x = randn([2, 4], 9);
    expect(maxAbsDiff(a.apply(x), b.apply(x))).toBe(0);
    expect(maxAbsDiff(a.apply(x), c.apply(x))).toBeGreaterThan(0);
    expect(a.numParameters()).toBe(4 * 8 + 8 + 8 * 8 + 8 + 8 * 3 + 3);
    expect(a.namedParameters().map((p) => p.name)).toEqual(['layers.0.weight', 'layers.0.bias', 'layers.1.weight', 'layers.1.bias', 'layers.2.weight', 'layers.2.bias']);
    for (const m of [a, b, c]) m.dispose();
    x.dispose();
    expect(() => new Mlp({ ...cfg, hiddenFeatures: [0] }, createRng(0))).toThrow(/config.hiddenFeatures\[0\]/);
    expect(() => new Linear({ inFeatures: 2, outFeatures: 2, init: 'bogus' as never }, createRng(0))).toThrow(/config.init/);
    expect(() => new MultiHeadAttention({ dModel: 6, numHeads: 4 }, createRng(0))).toThrow(/numHeads/);
  });

  it('modules: shapes, no leaks over forward/backward/Adam steps', () => {
    const rng = createRng(1);
    const mods: Array<[Module, (x: tf.Tensor) => tf.Tensor, number[]]> = [];
    const lin = new Linear({ inFeatures: 6, outFeatures: 6 }, rng);
    const mlp = new Mlp({ inFeatures: 6, hiddenFeatures: [8], outFeatures: 6, dropout: 0.1 }, rng);
    const res = new ResNet({ inFeatures: 6, width: 8, depth: 2, outFeatures: 6, dropout: 0.1 }, rng);
    const enc = new TransformerEncoder({ dModel: 8, numHeads: 2, numLayers: 2, dropout: 0.1 }, rng);
    const ln = new LayerNorm({ features: 6 });
    const drng = createRng(3);
    const mask = tf.tensor2d([[1, 1, 1, 0], [1, 1, 0, 0]]);
    mods.push([lin, (x) => lin.apply(x), [2, 4, 6]]);
    mods.push([mlp, (x) => mlp.apply(x, { training: true, rng: drng }), [2, 4, 6]]);
    mods.push([res, (x) => res.apply(x, { training: true, rng: drng }), [2, 4, 6]]);
    mods.push([enc, (x) => enc.apply(x, mask, { training: true, rng: drng }), [2, 4, 8]]);
    mods.push([ln, (x) => ln.apply(x), [2, 4, 6]]);
    for (const [m, f, shape] of mods) {
      const x = randn(shape, 4);
      const opt = new Adam({ learningRate: 1e-2, clipNorm: 1, weightDecay: 0.01 });
      // warm-up step creates the moment buffers
      trainStep(() => tf.mean(tf.square(f(x))) as tf.Scalar, m.trainableVariables(), opt);
      const before = tf.memory().numTensors;
      let last = Infinity;
      for (let s = 0; s < 3; s++) {
        const r = trainStep(() => tf.mean(tf.square(f(x))) as tf.Scalar, m.trainableVariables(), opt);
        expect(Number.isFinite(r.loss)).toBe(true);
        last = r.loss;
      }
      const y = tf.tidy(() => f(x));
      expect(y.shape).toEqual([...shape.slice(0, -1), shape[shape.length - 1]]);
      y.dispose();
      expect(tf.memory().numTensors).toBe(before);
      expect(last).toBeLessThan(Infinity);
      opt.dispose();
      x.dispose();
    }
    expect(() => mlp.apply(tf.ones([1, 6]), { training: true })).toThrow(/options.rng/);
    mask.dispose();
    for (const [m] of mods) m.dispose();
  });

  it('TransformerEncoder: permutation-equivariant, padding inert and exactly zero', () => {
    const enc = new TransformerEncoder({ dModel: 8, numHeads: 2, numLayers: 2 }, createRng(2));
    tf.tidy(() => {
      const x = tf.mul(randn([2, 5, 8], 1), tf.reshape(tf.tensor2d([[1, 1, 1, 1, 0], [1, 1, 1, 0, 0]]), [2, 5, 1]));
      const mask = tf.tensor2d([[1, 1, 1, 1, 0], [1, 1, 1, 0, 0]]);
      const y = enc.apply(x, mask);
      const ya = y.arraySync() as number[][][];
      expect(ya[0][4].every((v) => v === 0)).toBe(true);
      expect(ya[1][3].concat(ya[1][4]).every((v) => v === 0)).toBe(true);
      // permute the 4 real nodes of graph 0 (padding stays last)
      const perm = [2, 0, 3, 1, 4];
      const idx = tf.tensor1d(perm, 'int32');
      const xp = tf.gather(x, idx, 1);
      const mp = tf.gather(mask, idx, 1);
      const yp = enc.apply(xp, mp);
      expect(maxAbsDiff(yp, tf.gather(y, idx, 1))).toBeLessThan(1e-4);
      // garbage in padded rows does not change real outputs
      const noisy = tf.add(x, tf.mul(randn([2, 5, 8], 3), tf.reshape(tf.sub(1, mask), [2, 5, 1])));
      expect(maxAbsDiff(enc.apply(noisy, mask), y)).toBeLessThan(1e-5);
    });
    enc.dispose();
  });

  it('weights: serialize/load round trip is bit-exact, fs helpers, errors', async () => {
    const enc = new TransformerEncoder({ dModel: 8, numHeads: 2, numLayers: 1 }, createRng(11));
    const w = serializeWeights(enc);
    expect(w.manifest.byteLength).toBe(4 * enc.numParameters());
    const copy = TransformerEncoder.fromConfig(w.manifest.config as never, createRng(99));
    loadWeights(copy, w);
    const a = enc.namedParameters();
    const b = copy.namedParameters();
    a.forEach((p, i) => expect(Buffer.from((p.variable.dataSync() as Float32Array).buffer).equals(Buffer.from((b[i].variable.dataSync() as Float32Array).buffer))).toBe(true));
    const dir = mkdtempSync(join(tmpdir(), 'gg-w-'));
    try {
      await writeWeightsFiles(join(dir, 'm'), w);
      const r = await readWeightsFiles(join(dir, 'm'));
      expect(Buffer.from(r.bytes).equals(Buffer.from(w.bytes))).toBe(true);
      expect(r.manifest).toEqual(w.manifest);
      await expect(readWeightsFiles(join(dir, 'missing'))).rejects.toMatchObject({ code: 'E_IO' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const lin = new Linear({ inFeatures: 2, outFeatures: 2 }, createRng(0));
    expect(() => loadWeights(lin, w)).toThrow(/className/);
    expect(() => loadWeights(copy, { manifest: w.manifest, bytes: w.bytes.subarray(4) })).toThrow(/bytes/);
    expect(() => loadWeights(copy, { manifest: { ...w.manifest, version: 2 as 1 }, bytes: w.bytes })).toThrow(/version/);
    const small = TransformerEncoder.fromConfig({ dModel: 4, numHeads: 2, numLayers: 1 }, createRng(0));
    expect(() => loadWeights(small, w)).toThrow(/expected shape/);
    for (const m of [enc, copy, lin, small]) m.dispose();
  });
});

describe('training helpers', () => {
  beforeAll(async () => useBackend('cpu'));

  it('Adam matches a hand-computed update, AdamW decays, state round trips', () => {
    const v = tf.variable(tf.tensor1d([1, -2]));
    const opt = new Adam({ learningRate: 0.1, weightDecay: 0.5 });
    opt.step([v], [tf.tensor1d([0.5, -1])]);
    // first step: m̂ = g, v̂ = g², update = g/(|g|+eps) = sign(g); decay lr·λ·θ
    const got = v.dataSync();
    expect(got[0]).toBeCloseTo(1 - 0.1 - 0.05 * 1, 5);
    expect(got[1]).toBeCloseTo(-2 + 0.1 + 0.05 * 2, 5);
    const st = opt.getState([v]);
    const opt2 = new Adam({ learningRate: 0.1, weightDecay: 0.5 });
    opt2.setState([v], st);
    expect(opt2.iterations).toBe(1);
    expect(opt2.getState([v]).m[0]).toEqual(st.m[0]);
    opt.dispose();
    opt2.dispose();
    v.dispose();
    expect(() => new Adam({ beta1: 1.5 })).toThrow(/beta1/);
  });

  it('clipGradNorm, schedules, EMA', () => {
    const g = [tf.tensor1d([3]), tf.tensor1d([4])];
    const c = clipGradNorm(g, 1);
    expect(c.norm).toBeCloseTo(5, 5);
    expect(c.grads[0].dataSync()[0]).toBeCloseTo(0.6, 4);
    tf.dispose([...g, ...c.grads]);
    const s = warmupCosineSchedule({ peak: 1, warmupSteps: 10, totalSteps: 110, minLr: 0.1 });
    expect(s(0)).toBeCloseTo(0.1);
    expect(s(9)).toBeCloseTo(1);
    expect(s(60)).toBeCloseTo(0.55);
    expect(s(500)).toBeCloseTo(0.1);
    expect(constantSchedule(0.3)(7)).toBe(0.3);
    expect(exponentialSchedule(1, 0.5, 10)(20)).toBeCloseTo(0.25);
    const lin = new Linear({ inFeatures: 1, outFeatures: 1 }, createRng(0));
    const ema = new Ema(lin, { decay: 0.5, warmup: false });
    const w0 = lin.weight.dataSync()[0];
    lin.weight.assign(tf.tensor2d([[w0 + 2]]));
    ema.update();
    ema.swap();
    expect(lin.weight.dataSync()[0]).toBeCloseTo(w0 + 1, 5);
    ema.swap();
    expect(lin.weight.dataSync()[0]).toBeCloseTo(w0 + 2, 5);
    ema.dispose();
    lin.dispose();
  });

  it('Adam and Ema leave no tensors behind once disposed, including their first step', () => {
    const before = tf.memory().numTensors;
    const lin = new Linear({ inFeatures: 3, outFeatures: 2 }, createRng(1));
    const vars = lin.trainableVariables();
    const opt = new Adam({ learningRate: 0.1 });
    const ema = new Ema(lin, { decay: 0.9 });
    for (let k = 0; k < 2; k++) {
      const grads = vars.map((v) => tf.onesLike(v));
      opt.step(vars, grads);
      tf.dispose(grads);
      ema.update();
    }
    opt.dispose();
    ema.dispose();
    lin.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('sinusoidalEmbedding', () => {
    const e = sinusoidalEmbedding(tf.tensor1d([0, 1]), 5);
    expect(e.shape).toEqual([2, 5]);
    const a = e.arraySync();
    expect(a[0]).toEqual([1, 1, 0, 0, 0]);
    expect(a[1][0]).toBeCloseTo(Math.cos(1), 5);
    expect(a[1][2]).toBeCloseTo(Math.sin(1), 5);
    expect(a[1][1]).toBeCloseTo(Math.cos(0.01), 5);
    e.dispose();
    expect(() => sinusoidalEmbedding(tf.ones([2, 2]), 4)).toThrow(/t: expected shape/);
  });
});

describe.each(BACKENDS)('softmax and batchTensors (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it('softmax on any axis equals tf.softmax and its gradient matches autodiff of the composite', () => {
    tf.tidy(() => {
      const x = randn([2, 3, 4, 5], 8);
      const w = randn([2, 3, 4, 5], 9);
      const ref = tf.transpose(tf.softmax(tf.transpose(x, [0, 1, 3, 2])), [0, 1, 3, 2]);
      expect(maxAbsDiff(softmax(x, 2), ref)).toBeLessThan(1e-6);
      expect(maxAbsDiff(softmax(x), tf.softmax(x))).toBeLessThan(1e-6);
      const g1 = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(softmax(t, 2), w)))(x);
      const g2 = tf.grad((t: tf.Tensor) => {
        const e = tf.exp(t);
        return tf.sum(tf.mul(tf.div(e, tf.sum(e, 2, true)), w));
      })(x);
      expect(maxAbsDiff(g1, g2)).toBeLessThan(1e-5);
    });
    expect(() => softmax(tf.ones([2]), 3)).toThrow(/axis/);
  });

  it('batchTensors converts a collated batch and rejects inconsistent arrays', () => {
    const batch = collate([Graph.fromEdgeList(3, [[0, 1]]), Graph.fromEdgeList(2, [[0, 1]])], { nodeClasses: 1, edgeClasses: 2 });
    const t = batchTensors(batch);
    expect(t.x.shape).toEqual([2, 3, 1]);
    expect(t.e.shape).toEqual([2, 3, 3, 2]);
    expect(Array.from(t.nodeMask.dataSync())).toEqual([1, 1, 1, 1, 1, 0]);
    disposeBatchTensors(t);
    expect(() => batchTensors({ ...batch, x: new Float32Array(1) })).toThrow(/batch.x: expected shape/);
  });
});

describe('bad hyper-parameters (NaN, empty, oversized)', () => {
  beforeAll(async () => useBackend('cpu'));

  it('constructors and helpers reject NaN, empty and out-of-range values with named arguments', () => {
    const rng = createRng(0);
    expect(() => new Adam({ learningRate: Number.NaN })).toThrow(/options.learningRate/);
    expect(() => new Adam({ clipNorm: 0 })).toThrow(/options.clipNorm/);
    expect(() => new Adam({ weightDecay: -1 })).toThrow(/options.weightDecay/);
    expect(() => warmupCosineSchedule({ peak: Number.NaN, totalSteps: 10 })).toThrow(/options.peak/);
    expect(() => warmupCosineSchedule({ peak: 1, warmupSteps: 20, totalSteps: 10 })).toThrow(/options.totalSteps/);
    expect(() => clipGradNorm([], Number.NaN)).toThrow(/maxNorm/);
    expect(clipGradNorm([], 1)).toEqual({ grads: [], norm: 0 });
    expect(() => new Linear({ inFeatures: Number.NaN, outFeatures: 2 }, rng)).toThrow(/config.inFeatures/);
    expect(() => new Mlp({ inFeatures: 2, hiddenFeatures: 'x' as never, outFeatures: 2 }, rng)).toThrow(/config.hiddenFeatures/);
    expect(() => new Mlp({ inFeatures: 2, hiddenFeatures: [], outFeatures: 2, dropout: 1 }, rng)).toThrow(/config.dropout/);
    expect(() => new ResNet({ inFeatures: 2, width: 4, depth: -1, outFeatures: 2 }, rng)).toThrow(/config.depth/);
    expect(() => new LayerNorm({ features: 3, eps: 0 })).toThrow(/config.eps/);
    expect(() => new TransformerEncoder({ dModel: 8, numHeads: 2, numLayers: 1, activation: 'swish' as never }, rng)).toThrow(/config.activation/);
    expect(() => sinusoidalEmbedding(tf.zeros([2]), Number.NaN)).toThrow(/dim/);
    expect(() => new Ema(new Linear({ inFeatures: 1, outFeatures: 1 }, rng), { decay: 1 })).toThrow(/options.decay/);
  });
});
