import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { GraphTransformerLayer, type GraphFeatures } from '../../src/layers/index.js';
import { pooledStats } from '../../src/layers/pooledStats.js';
import { softmax } from '../../src/nn/softmax.js';
import { BACKENDS, maxAbsDiff, useBackend } from '../nn/helpers.js';

/**
 * Masked mean, min, max and std over axis 1 of v [B, K, d] with weights w [B, K, 1] and counts
 * cnt [B, 1], as plain tfjs ops (autodiff): the composite that pooledStats replaces.
 */
function pooledComposite(v: tf.Tensor, w: tf.Tensor, cnt: tf.Tensor): tf.Tensor {
  const mean = tf.div(tf.sum(tf.mul(v, w), 1), cnt);
  const off = tf.mul(tf.sub(w, 1), 1e9);
  const max = tf.max(tf.add(v, off), 1);
  const min = tf.neg(tf.max(tf.add(tf.neg(v), off), 1));
  const dev = tf.mul(tf.sub(v, tf.expandDims(mean, 1)), w);
  const std = tf.sqrt(tf.add(tf.div(tf.sum(tf.square(dev), 1), cnt), 1e-6));
  return tf.concat([mean, min, max, std], -1);
}

/**
 * Slow reference twin of GraphTransformerLayer.apply: the straightforward composition of tfjs
 * ops that the layer computed before its training step was optimised (masks on Q, K, V and on
 * the edge FiLM terms, scale on the scores, y-FiLM before W_eo, axis softmax, autodiff
 * throughout). The optimised layer must agree with it up to float32 rounding, in values and in
 * gradients with respect to every parameter and input.
 */
function referenceApply(layer: GraphTransformerLayer, input: GraphFeatures, nodeMask: tf.Tensor): GraphFeatures {
  const { dx, numHeads } = layer.getConfig();
  const p = new Map(layer.namedParameters().map(({ name, variable }) => [name, variable as tf.Tensor]));
  const lin = (name: string, t: tf.Tensor): tf.Tensor => {
    const w = p.get(`${name}.weight`) as tf.Tensor2D;
    const shape = t.shape;
    const y = tf.add(tf.matMul(tf.reshape(t, [-1, w.shape[0]]) as tf.Tensor2D, w), p.get(`${name}.bias`) as tf.Tensor);
    return tf.reshape(y, [...shape.slice(0, -1), w.shape[1]]);
  };
  const ln = (name: string, t: tf.Tensor): tf.Tensor => {
    const mu = tf.mean(t, -1, true);
    const xc = tf.sub(t, mu);
    const v = tf.mean(tf.square(xc), -1, true);
    return tf.add(tf.mul(tf.mul(xc, tf.rsqrt(tf.add(v, 1e-5))), p.get(`${name}.gamma`) as tf.Tensor), p.get(`${name}.beta`) as tf.Tensor);
  };
  const { x, e, y } = input;
  const [b, n] = nodeMask.shape;
  const de = e.shape[3] as number;
  const m3 = tf.expandDims(nodeMask, -1);
  const em = tf.mul(tf.reshape(nodeMask, [b, n, 1, 1]), tf.reshape(nodeMask, [b, 1, n, 1]));
  const cnt = tf.maximum(tf.sum(nodeMask, 1, true), 1);
  const q = tf.reshape(tf.mul(lin('q', x), m3), [b, n, 1, dx]);
  const k = tf.reshape(tf.mul(lin('k', x), m3), [b, 1, n, dx]);
  const v = tf.reshape(tf.mul(lin('v', x), m3), [b, 1, n, dx]);
  let s = tf.mul(tf.mul(q, k), 1 / Math.sqrt(dx / numHeads));
  const e1 = tf.mul(lin('eMul', e), em);
  const e2 = tf.mul(lin('eAdd', e), em);
  s = tf.add(tf.mul(s, tf.add(e1, 1)), e2);
  const yE1 = tf.reshape(lin('yEAdd', y), [b, 1, 1, dx]);
  const yE2 = tf.reshape(lin('yEMul', y), [b, 1, 1, dx]);
  const eNew = tf.mul(lin('eOut', tf.add(yE1, tf.mul(tf.add(yE2, 1), s))), em);
  const keyOff = tf.reshape(tf.mul(tf.sub(nodeMask, 1), 1e9), [b, 1, n, 1]);
  const att = softmax(tf.add(s, keyOff), 2);
  const wv = tf.sum(tf.mul(att, v), 2);
  const yX1 = tf.reshape(lin('yXAdd', y), [b, 1, dx]);
  const yX2 = tf.reshape(lin('yXMul', y), [b, 1, dx]);
  const xNew = tf.mul(lin('xOut', tf.add(yX1, tf.mul(tf.add(yX2, 1), wv))), m3);
  const px = pooledComposite(x, m3, cnt);
  const pe = pooledComposite(tf.reshape(e, [b, n * n, de]), tf.reshape(em, [b, n * n, 1]), tf.square(cnt));
  const yNew = lin('yOut.layers.1', tf.relu(lin('yOut.layers.0', tf.add(tf.add(lin('yY', y), lin('xToY', px)), lin('eToY', pe)))));
  let xo = tf.mul(ln('normX1', tf.add(x, xNew)), m3);
  let eo = tf.mul(ln('normE1', tf.add(e, eNew)), em);
  let yo = ln('normY1', tf.add(y, yNew));
  xo = tf.mul(ln('normX2', tf.add(xo, lin('ffX2', tf.relu(lin('ffX1', xo))))), m3);
  eo = tf.mul(ln('normE2', tf.add(eo, lin('ffE2', tf.relu(lin('ffE1', eo))))), em);
  yo = ln('normY2', tf.add(yo, lin('ffY2', tf.relu(lin('ffY1', yo)))));
  return { x: xo, e: eo, y: yo };
}

/** Padded batch; the last graph is empty (all padding); `dirty` puts noise in padded entries. */
function batch(seed: number, b: number, n: number, d: { dx: number; de: number; dy: number }, counts: number[], dirty: boolean) {
  const mask = new Float32Array(b * n);
  counts.forEach((c, g) => mask.fill(1, g * n, g * n + c));
  return tf.tidy(() => {
  const mk = tf.tensor2d(mask, [b, n]);
  const x0 = tf.randomNormal([b, n, d.dx], 0, 1, 'float32', seed);
  const e0 = tf.randomNormal([b, n, n, d.de], 0, 1, 'float32', seed + 1);
  const x = dirty ? x0 : tf.mul(x0, tf.expandDims(mk, -1));
  const e = dirty ? e0 : tf.mul(e0, tf.mul(tf.reshape(mk, [b, n, 1, 1]), tf.reshape(mk, [b, 1, n, 1])));
  const y = tf.randomNormal([b, d.dy], 0, 1, 'float32', seed + 2);
  return { x, e, y, mask: mk };
  });
}

describe.each(BACKENDS)('GraphTransformerLayer vs its reference twin (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it.each([false, true])('values and gradients agree up to float32 rounding (noise in padding: %s)', (dirty) => {
    const before = tf.memory().numTensors;
    const cfg = { dx: 8, de: 4, dy: 3, numHeads: 2, ffX: 12, ffE: 6, ffY: 5 };
    const layer = new GraphTransformerLayer(cfg, createRng(3));
    const f = batch(11, 4, 5, cfg, [5, 3, 1, 0], dirty);
    const vars = layer.trainableVariables();
    const weights = tf.tidy(() => {
      const w = [tf.cos(tf.reshape(tf.range(0, 4 * 5 * 8), [4, 5, 8])), tf.sin(tf.reshape(tf.range(0, 4 * 25 * 4), [4, 5, 5, 4])), tf.cos(tf.reshape(tf.range(0, 12), [4, 3]))];
      return w;
    });
    const lossOf = (o: GraphFeatures): tf.Scalar => tf.addN([tf.sum(tf.mul(o.x, weights[0])), tf.sum(tf.mul(o.e, weights[1])), tf.sum(tf.mul(o.y, weights[2]))]) as tf.Scalar;
    const run = (apply: (x: tf.Tensor, e: tf.Tensor, y: tf.Tensor) => GraphFeatures) => {
      const out = tf.tidy(() => {
        const o = apply(f.x, f.e, f.y);
        return [o.x, o.e, o.y];
      });
      const g = tf.grads((x: tf.Tensor, e: tf.Tensor, y: tf.Tensor) => lossOf(apply(x, e, y)))([f.x, f.e, f.y]);
      const { value, grads } = tf.variableGrads(() => lossOf(apply(f.x, f.e, f.y)), vars);
      value.dispose();
      return { out, g, gv: vars.map((v) => grads[v.name]) };
    };
    const fast = run((x, e, y) => layer.apply({ x, e, y }, f.mask));
    const ref = run((x, e, y) => referenceApply(layer, { x, e, y }, f.mask));
    const rel = (a: tf.Tensor, r: tf.Tensor): number => maxAbsDiff(a, r) / Math.max(1, ...Array.from(r.dataSync(), Math.abs));
    fast.out.forEach((t, i) => expect(rel(t, ref.out[i])).toBeLessThan(1e-5));
    // padded entries exactly zero
    const xo = fast.out[0].dataSync();
    const eo = fast.out[1].dataSync();
    const m = f.mask.dataSync();
    for (let i = 0; i < m.length; i++) if (m[i] === 0) for (let c = 0; c < 8; c++) expect(xo[i * 8 + c]).toBe(0);
    for (let bb = 0; bb < 4; bb++)
      for (let i = 0; i < 5; i++)
        for (let j = 0; j < 5; j++) if (m[bb * 5 + i] * m[bb * 5 + j] === 0) for (let c = 0; c < 4; c++) expect(eo[((bb * 5 + i) * 5 + j) * 4 + c]).toBe(0);
    fast.g.forEach((t, i) => expect(rel(t, ref.g[i])).toBeLessThan(1e-4));
    fast.gv.forEach((t, i) => {
      expect(t, layer.namedParameters()[i].name).toBeDefined();
      expect(rel(t, ref.gv[i]), layer.namedParameters()[i].name).toBeLessThan(1e-4);
    });
    tf.dispose([...fast.out, ...fast.g, ...fast.gv, ...ref.out, ...ref.g, ...ref.gv, ...weights, ...Object.values(f)]);
    layer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe.each(BACKENDS)('pooledStats vs autodiff of its composite (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it.each([5, 8])('width %i (graphgen kernel on wasm when a multiple of 4): values and gradients agree over nodes and over pairs, with tied extrema and an empty set', async (d) => {
    const prof = await tf.profile(() => pooledStats(tf.ones([1, 2, d]), tf.ones([1, 2, 1]), tf.fill([1, 1], 2)));
    expect(prof.kernels.some((k) => k.name === 'GraphgenPooledStats')).toBe(backend === 'wasm' && d % 4 === 0);
    tf.dispose(prof.result as tf.Tensor);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const composite = (v: tf.Tensor, w: tf.Tensor, cnt: tf.Tensor): tf.Tensor => {
        const [b, d] = [v.shape[0] as number, v.shape[v.rank - 1] as number];
        return pooledComposite(tf.reshape(v, [b, -1, d]), tf.reshape(w, [b, -1, 1]), cnt);
      };
      const mask = tf.tensor2d([1, 1, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0], [3, 4]); // graph 3 empty
      const cnt = tf.maximum(tf.sum(mask, 1, true), 1);
      // integer values: repeated maxima and minima inside a set
      const vx = tf.round(tf.mul(tf.randomNormal([3, 4, d], 0, 1, 'float32', 3), 2));
      const ve = tf.round(tf.mul(tf.randomNormal([3, 4, 4, d], 0, 1, 'float32', 4), 2));
      const wx = tf.expandDims(mask, -1);
      const we = tf.mul(tf.reshape(mask, [3, 4, 1, 1]), tf.reshape(mask, [3, 1, 4, 1]));
      const probe = tf.cos(tf.reshape(tf.range(0, 12 * d), [3, 4 * d]));
      for (const [v, w, c] of [[vx, wx, cnt], [ve, we, tf.square(cnt)]] as const) {
        expect(maxAbsDiff(pooledStats(v, w, c), composite(v, w, c))).toBeLessThan(1e-4);
        const g1 = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(pooledStats(t, w, c), probe)))(v);
        const g2 = tf.grad((t: tf.Tensor) => tf.sum(tf.mul(composite(t, w, c), probe)))(v);
        expect(maxAbsDiff(g1, g2)).toBeLessThan(1e-4);
      }
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});
