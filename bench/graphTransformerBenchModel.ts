/**
 * The graph-transformer model of the nn benchmark (issue 5), shared by bench/nn.bench.ts (wasm vs
 * PyTorch) and scripts/gpu/gpuBench.ts (webgpu on a lent GPU): input projections, 4
 * GraphTransformerLayers (dx 128, de 32, dy 32, 4 heads), output heads, random data in `chunks`
 * micro-batches whose gradients are summed before one Adam update (same step as the full batch;
 * needed at N = 64 on wasm because its heap is limited to 4 GB).
 */
import * as tf from '@tensorflow/tfjs-core';
import { createRng } from '../src/core/rng.js';
import { Adam, Linear } from '../src/nn/index.js';
import { GraphTransformerLayer } from '../src/layers/index.js';

export interface MicroBatch {
  x: tf.Tensor;
  e: tf.Tensor;
  y: tf.Tensor;
  mask: tf.Tensor;
}

export interface GraphTransformerBench {
  vars: tf.Variable[];
  data: MicroBatch[];
  opt: Adam;
  /** A variable whose read waits for the whole step (async backends). */
  lastVariable: tf.Variable;
  /** The loss closure of one micro-batch (divided by the number of micro-batches). */
  loss: (d: MicroBatch) => () => tf.Scalar;
  /** Loss and gradients (one per variable, zeros where unused) of one micro-batch. */
  grads: (d: MicroBatch) => { value: tf.Scalar; g: tf.Tensor[] };
  /** Adds `g` into the running sum `acc` (both disposed; the sum is returned). */
  accumulate: (acc: tf.Tensor[] | undefined, g: tf.Tensor[]) => tf.Tensor[];
  dispose: () => void;
}

export function buildGraphTransformerBench(b: number, n: number, chunks: number): GraphTransformerBench {
  const rng = createRng(7);
  const dx = 128;
  const de = 32;
  const dy = 32;
  const inX = new Linear({ inFeatures: 4, outFeatures: dx }, rng);
  const inE = new Linear({ inFeatures: 2, outFeatures: de }, rng);
  const inY = new Linear({ inFeatures: 1, outFeatures: dy }, rng);
  const layers = Array.from({ length: 4 }, () => new GraphTransformerLayer({ dx, de, dy, numHeads: 4, ffX: 256, ffE: 64, ffY: 64 }, rng));
  const outX = new Linear({ inFeatures: dx, outFeatures: 4 }, rng);
  const outE = new Linear({ inFeatures: de, outFeatures: 2 }, rng);
  const mods = [inX, inE, inY, ...layers, outX, outE];
  const vars = mods.flatMap((m) => m.trainableVariables());
  const bc = b / chunks;
  const data = Array.from({ length: chunks }, (_, c) => ({
    x: tf.randomNormal([bc, n, 4], 0, 1, 'float32', 10 + c),
    e: tf.randomNormal([bc, n, n, 2], 0, 1, 'float32', 20 + c),
    y: tf.randomNormal([bc, 1], 0, 1, 'float32', 30 + c),
    mask: tf.ones([bc, n]),
  }));
  const opt = new Adam({ learningRate: 1e-4 });
  const loss = (d: MicroBatch) => (): tf.Scalar => {
    let h = { x: inX.apply(d.x), e: inE.apply(d.e), y: inY.apply(d.y) };
    for (const l of layers) h = l.apply(h, d.mask);
    const l = tf.add(tf.mean(tf.square(tf.sub(outX.apply(h.x), d.x))), tf.mean(tf.square(tf.sub(outE.apply(h.e), d.e))));
    return tf.div(l, chunks) as tf.Scalar;
  };
  const grads = (d: MicroBatch): { value: tf.Scalar; g: tf.Tensor[] } => {
    const { value, grads: gs } = tf.variableGrads(loss(d), vars);
    const g = vars.map((v) => gs[v.name] ?? tf.zerosLike(v)); // null for variables that do not reach the loss
    tf.dispose(Object.values(gs).filter((t) => !g.includes(t)));
    return { value, g };
  };
  const accumulate = (acc: tf.Tensor[] | undefined, g: tf.Tensor[]): tf.Tensor[] => {
    if (acc === undefined) return g;
    const next = acc.map((a, i) => tf.add(a, g[i]));
    tf.dispose([...acc, ...g]);
    return next;
  };
  return {
    vars,
    data,
    opt,
    loss,
    lastVariable: outE.trainableVariables()[0],
    grads,
    accumulate,
    dispose: () => {
      mods.forEach((m) => m.dispose());
      opt.dispose();
      tf.dispose(data.flatMap((d) => [d.x, d.e, d.y, d.mask]));
    },
  };
}
