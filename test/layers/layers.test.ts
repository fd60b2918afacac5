import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { collate } from '../../src/graph/collate.js';
import { batchTensors } from '../../src/nn/batchTensors.js';
import { Adam, trainStep } from '../../src/nn/index.js';
import {
  BASIS_2_TO_2,
  DeepSets,
  DenseGin,
  Equivariant1to2,
  Equivariant2to0,
  Equivariant2to1,
  Equivariant2to2,
  GraphTransformerLayer,
  PpgnBlock,
  adjacencyFromEdges,
  basis2to2,
} from '../../src/layers/index.js';
import { BACKENDS, maxAbsDiff, numericGrad, useBackend } from '../nn/helpers.js';

const B = 3;
const N = 6;
const COUNTS = [6, 4, 5];
const DX = 4;
const DE = 3;
const DY = 2;

interface Feats {
  x: tf.Tensor;
  e: tf.Tensor;
  y: tf.Tensor;
  mask: tf.Tensor;
}

/** Random padded batch: real-valued features, zero at padding. */
function randomBatch(seed: number): Feats {
  const rng = createRng(seed);
  const mask = new Float32Array(B * N);
  COUNTS.forEach((c, b) => mask.fill(1, b * N, b * N + c));
  const x = new Float32Array(B * N * DX);
  const e = new Float32Array(B * N * N * DE);
  for (let b = 0; b < B; b++)
    for (let i = 0; i < N; i++) {
      for (let d = 0; d < DX; d++) x[(b * N + i) * DX + d] = mask[b * N + i] * rng.normal();
      for (let j = 0; j < N; j++) for (let d = 0; d < DE; d++) e[((b * N + i) * N + j) * DE + d] = mask[b * N + i] * mask[b * N + j] * rng.normal();
    }
  const y = Float32Array.from({ length: B * DY }, () => rng.normal());
  return { x: tf.tensor3d(x, [B, N, DX]), e: tf.tensor4d(e, [B, N, N, DE]), y: tf.tensor2d(y, [B, DY]), mask: tf.tensor2d(mask, [B, N]) };
}

/** Applies a node permutation (same for every graph) to all tensors: node v goes to perm[v]. */
function permuteFeats(f: Feats, perm: Int32Array): Feats {
  const inv = new Int32Array(perm.length);
  perm.forEach((p, v) => (inv[p] = v));
  const idx = tf.tensor1d(inv, 'int32'); // new position p holds old node inv[p]
  return {
    x: tf.gather(f.x, idx, 1),
    e: tf.gather(tf.gather(f.e, idx, 1), idx, 2),
    y: tf.clone(f.y),
    mask: tf.gather(f.mask, idx, 1),
  };
}

function permuteOut(t: tf.Tensor, perm: Int32Array, pairs: boolean): tf.Tensor {
  const inv = new Int32Array(perm.length);
  perm.forEach((p, v) => (inv[p] = v));
  const idx = tf.tensor1d(inv, 'int32');
  const a = tf.gather(t, idx, 1);
  return pairs ? tf.gather(a, idx, 2) : a;
}

/** Checks that every entry touching a padded node is exactly 0. */
function expectPaddingZero(t: tf.Tensor, mask: tf.Tensor, pairs: boolean): void {
  const d = t.dataSync();
  const m = mask.dataSync();
  const c = t.shape[t.rank - 1] as number;
  for (let b = 0; b < B; b++)
    for (let i = 0; i < N; i++)
      for (let j = 0; j < (pairs ? N : 1); j++) {
        if (m[b * N + i] * (pairs ? m[b * N + j] : 1) !== 0) continue;
        const base = pairs ? ((b * N + i) * N + j) * c : (b * N + i) * c;
        for (let k = 0; k < c; k++) expect(d[base + k] === 0).toBe(true); // +0 or -0
      }
}

type Out = { x?: tf.Tensor; e?: tf.Tensor; y?: tf.Tensor };
interface Case {
  name: string;
  make: () => { module: { trainableVariables(): tf.Variable[]; dispose(): void }; run: (f: Feats) => Out };
}

const rngFor = (s: number) => createRng(s);
const cases: Case[] = [
  { name: 'Equivariant2to2', make: () => { const m = new Equivariant2to2({ inChannels: DE, outChannels: 5 }, rngFor(1)); return { module: m, run: (f) => ({ e: m.apply(f.e, f.mask) }) }; } },
  { name: 'Equivariant2to2 (sum)', make: () => { const m = new Equivariant2to2({ inChannels: DE, outChannels: 2, normalization: 'sum' }, rngFor(1)); return { module: m, run: (f) => ({ e: m.apply(f.e, f.mask) }) }; } },
  { name: 'Equivariant2to1', make: () => { const m = new Equivariant2to1({ inChannels: DE, outChannels: 5 }, rngFor(2)); return { module: m, run: (f) => ({ x: m.apply(f.e, f.mask) }) }; } },
  { name: 'Equivariant1to2', make: () => { const m = new Equivariant1to2({ inChannels: DX, outChannels: 5 }, rngFor(3)); return { module: m, run: (f) => ({ e: m.apply(f.x, f.mask) }) }; } },
  { name: 'Equivariant2to0', make: () => { const m = new Equivariant2to0({ inChannels: DE, outChannels: 3 }, rngFor(4)); return { module: m, run: (f) => ({ y: m.apply(f.e, f.mask) }) }; } },
  { name: 'DeepSets', make: () => { const m = new DeepSets({ inChannels: DX, outChannels: 5 }, rngFor(5)); return { module: m, run: (f) => ({ x: m.apply(f.x, f.mask) }) }; } },
  { name: 'PpgnBlock', make: () => { const m = new PpgnBlock({ inChannels: DE, outChannels: 4 }, rngFor(6)); return { module: m, run: (f) => ({ e: m.apply(f.e, f.mask) }) }; } },
  { name: 'DenseGin', make: () => { const m = new DenseGin({ inFeatures: DX, outFeatures: 5 }, rngFor(7)); return { module: m, run: (f) => ({ x: m.apply(f.x, tf.abs(tf.sum(f.e, 3)), f.mask) }) }; } },
  { name: 'GraphTransformerLayer', make: () => { const m = new GraphTransformerLayer({ dx: DX, de: DE, dy: DY, numHeads: 2, dropout: 0 }, rngFor(8)); return { module: m, run: (f) => m.apply({ x: f.x, e: f.e, y: f.y }, f.mask) }; } },
];

describe.each(BACKENDS)('equivariant layers (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it.each(cases)('$name: equivariant under permutations, padding exactly zero, no leaks', ({ make }) => {
    const { module, run } = make();
    const f = randomBatch(11);
    const before = tf.memory().numTensors;
    tf.tidy(() => {
      const out = run(f);
      if (out.x) expectPaddingZero(out.x, f.mask, false);
      if (out.e) expectPaddingZero(out.e, f.mask, true);
      for (const seed of [1, 2]) {
        const perm = createRng(seed).permutation(N);
        const outP = run(permuteFeats(f, perm));
        if (out.x) expect(maxAbsDiff(outP.x!, permuteOut(out.x, perm, false))).toBeLessThan(1e-4);
        if (out.e) expect(maxAbsDiff(outP.e!, permuteOut(out.e, perm, true))).toBeLessThan(1e-4);
        if (out.y) expect(maxAbsDiff(outP.y!, out.y)).toBeLessThan(1e-4);
      }
      // garbage in padded entries does not change anything
      const noise = randomBatch(99);
      const pad3 = tf.expandDims(tf.sub(1, f.mask), -1);
      const padPairs = tf.sub(1, tf.mul(tf.reshape(f.mask, [B, N, 1, 1]), tf.reshape(f.mask, [B, 1, N, 1])));
      const dirty = { ...f, x: tf.add(f.x, tf.mul(tf.abs(tf.add(noise.x, 1)), pad3)), e: tf.add(f.e, tf.mul(tf.abs(tf.add(noise.e, 1)), padPairs)) };
      const outD = run(dirty);
      for (const k of ['x', 'e', 'y'] as const) if (out[k]) expect(maxAbsDiff(outD[k]!, out[k]!)).toBeLessThan(1e-5);
    });
    expect(tf.memory().numTensors).toBe(before);
    // forward/backward/Adam loop leaks nothing
    const opt = new Adam({ learningRate: 1e-3 });
    const loss = () => {
      const o = run(f);
      return tf.addN(Object.values(o).map((t) => tf.mean(tf.square(t as tf.Tensor)))) as tf.Scalar;
    };
    trainStep(loss, module.trainableVariables(), opt);
    const mid = tf.memory().numTensors;
    for (let s = 0; s < 2; s++) trainStep(loss, module.trainableVariables(), opt);
    expect(tf.memory().numTensors).toBe(mid);
    opt.dispose();
    module.dispose();
    tf.dispose(Object.values(f));
  });
});

describe('parity with slow loops, gradients (cpu)', () => {
  beforeAll(async () => useBackend('cpu'));

  /** Loop reference of the 15 orbit-sum operations at (b,i,j,c), 'sum' normalisation. */
  function refOp(op: number, T: (i: number, j: number) => number, n: number, i: number, j: number): number {
    let s = 0;
    const d = i === j ? 1 : 0;
    switch (BASIS_2_TO_2[op]) {
      case '{1,3}{2,4}': return T(i, j);
      case '{1,4}{2,3}': return T(j, i);
      case '{1,2,3,4}': return d * T(i, i);
      case '{1,2}{3,4}': for (let k = 0; k < n; k++) s += T(k, k); return d * s;
      case '{1,2,3}{4}': for (let l = 0; l < n; l++) s += T(i, l); return d * s;
      case '{1,2,4}{3}': for (let k = 0; k < n; k++) s += T(k, i); return d * s;
      case '{1,2}{3}{4}': for (let k = 0; k < n; k++) for (let l = 0; l < n; l++) s += T(k, l); return d * s;
      case '{1,3,4}{2}': return T(i, i);
      case '{1,3}{2}{4}': for (let l = 0; l < n; l++) s += T(i, l); return s;
      case '{1,4}{2}{3}': for (let k = 0; k < n; k++) s += T(k, i); return s;
      case '{1}{2,3,4}': return T(j, j);
      case '{1}{2,3}{4}': for (let l = 0; l < n; l++) s += T(j, l); return s;
      case '{1}{2,4}{3}': for (let k = 0; k < n; k++) s += T(k, j); return s;
      case '{1}{2}{3,4}': for (let k = 0; k < n; k++) s += T(k, k); return s;
      case '{1}{2}{3}{4}': for (let k = 0; k < n; k++) for (let l = 0; l < n; l++) s += T(k, l); return s;
      default: throw new Error('unknown op');
    }
  }

  it('basis2to2 equals the loop definition of each partition; the layer equals Σ_γ L_γ W_γ + biases', () => {
    const f = randomBatch(3);
    const ops = basis2to2(f.e, f.mask, 'sum');
    expect(ops.length).toBe(15);
    const e = f.e.arraySync() as number[][][][];
    for (let op = 0; op < 15; op++) {
      const got = ops[op].arraySync() as number[][][][];
      for (let b = 0; b < B; b++) {
        const n = COUNTS[b];
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            for (let c = 0; c < DE; c++) expect(got[b][i][j][c]).toBeCloseTo(refOp(op, (k, l) => e[b][k][l][c], n, i, j), 4);
      }
    }
    const layer = new Equivariant2to2({ inChannels: DE, outChannels: 2 }, createRng(4));
    tf.tidy(() => {
      layer.biasAll.assign(tf.tensor1d([0.3, -0.2]));
      layer.biasDiag.assign(tf.tensor1d([-0.5, 0.7]));
      const mops = basis2to2(f.e, f.mask, 'mean');
      let ref: tf.Tensor = tf.zeros([B, N, N, 2]);
      mops.forEach((o, g) => (ref = tf.add(ref, tf.reshape(tf.matMul(tf.reshape(o, [-1, DE]), tf.reshape(tf.slice(layer.weight, [g, 0, 0], [1, DE, 2]), [DE, 2])), [B, N, N, 2]))));
      const eye = tf.reshape(tf.eye(N), [1, N, N, 1]);
      ref = tf.add(ref, tf.add(layer.biasAll, tf.mul(eye, layer.biasDiag)));
      const em = tf.mul(tf.reshape(f.mask, [B, N, 1, 1]), tf.reshape(f.mask, [B, 1, N, 1]));
      expect(maxAbsDiff(layer.apply(f.e, f.mask), tf.mul(ref, em))).toBeLessThan(1e-4);
    });
    layer.dispose();
    tf.dispose([...ops, ...Object.values(f)]);
  });

  it('2→1, 1→2, 2→0, DeepSets and GIN match loop formulas', () => {
    const f = randomBatch(5);
    const e = f.e.arraySync() as number[][][][];
    const x = f.x.arraySync() as number[][][];
    const rng = createRng(8);
    const l21 = new Equivariant2to1({ inChannels: DE, outChannels: 1, normalization: 'sum' }, rng);
    const l12 = new Equivariant1to2({ inChannels: DX, outChannels: 1, normalization: 'sum' }, rng);
    const l20 = new Equivariant2to0({ inChannels: DE, outChannels: 1, normalization: 'sum' }, rng);
    const ds = new DeepSets({ inChannels: DX, outChannels: 1, normalization: 'sum' }, rng);
    const w21 = l21.weight.arraySync() as number[][][];
    const w12 = l12.weight.arraySync() as number[][][];
    const w20 = l20.weight.arraySync() as number[][][];
    const wds = ds.weight.arraySync() as number[][][];
    const y21 = l21.apply(f.e, f.mask).arraySync() as number[][][];
    const y12 = l12.apply(f.x, f.mask).arraySync() as number[][][][];
    const y20 = l20.apply(f.e, f.mask).arraySync() as number[][];
    const yds = ds.apply(f.x, f.mask).arraySync() as number[][][];
    for (let b = 0; b < B; b++) {
      const n = COUNTS[b];
      let tr = 0;
      let tot = 0;
      const trc = new Array(DE).fill(0);
      const totc = new Array(DE).fill(0);
      for (let c = 0; c < DE; c++) for (let k = 0; k < n; k++) { trc[c] += e[b][k][k][c]; for (let l = 0; l < n; l++) totc[c] += e[b][k][l][c]; }
      for (let c = 0; c < DE; c++) { tr += trc[c] * w20[0][c][0]; tot += totc[c] * w20[1][c][0]; }
      expect(y20[b][0]).toBeCloseTo(tr + tot, 4);
      const xs = new Array(DX).fill(0);
      for (let c = 0; c < DX; c++) for (let k = 0; k < n; k++) xs[c] += x[b][k][c];
      for (let i = 0; i < n; i++) {
        let v = 0;
        for (let c = 0; c < DE; c++) {
          let rs = 0;
          let cs = 0;
          for (let l = 0; l < n; l++) { rs += e[b][i][l][c]; cs += e[b][l][i][c]; }
          v += e[b][i][i][c] * w21[0][c][0] + rs * w21[1][c][0] + cs * w21[2][c][0] + trc[c] * w21[3][c][0] + totc[c] * w21[4][c][0];
        }
        expect(y21[b][i][0]).toBeCloseTo(v, 4);
        let u = 0;
        for (let c = 0; c < DX; c++) u += x[b][i][c] * wds[0][c][0] + xs[c] * wds[1][c][0];
        expect(yds[b][i][0]).toBeCloseTo(u, 4);
        for (let j = 0; j < n; j++) {
          let w = 0;
          for (let c = 0; c < DX; c++) w += (i === j ? x[b][i][c] * w12[0][c][0] + xs[c] * w12[1][c][0] : 0) + x[b][i][c] * w12[2][c][0] + x[b][j][c] * w12[3][c][0] + xs[c] * w12[4][c][0];
          expect(y12[b][i][j][0]).toBeCloseTo(w, 4);
        }
      }
    }
    // GIN with ε = 0.25 and an identity-like check through its MLP on the aggregated input
    const gin = new DenseGin({ inFeatures: DX, outFeatures: 3 }, createRng(9));
    tf.tidy(() => {
      gin.eps!.assign(tf.tensor1d([0.25]));
      const adj = tf.abs(tf.sum(f.e, 3));
      const a = adj.arraySync() as number[][][];
      const agg = x.map((xb, b) => xb.map((xi, i) => xi.map((v, c) => {
        let s = 1.25 * v;
        for (let j = 0; j < N; j++) s += (i < COUNTS[b] && j < COUNTS[b] ? a[b][i][j] : 0) * x[b][j][c];
        return s;
      })));
      const mlp = (gin as unknown as { mlp: { apply(t: tf.Tensor): tf.Tensor } }).mlp;
      const ref = tf.mul(mlp.apply(tf.tensor3d(agg)), tf.expandDims(f.mask, -1));
      expect(maxAbsDiff(gin.apply(f.x, adj, f.mask), ref)).toBeLessThan(1e-4);
    });
    for (const m of [l21, l12, l20, ds, gin]) m.dispose();
    tf.dispose(Object.values(f));
  });

  it('adjacencyFromEdges from a collated batch', () => {
    const g = Graph.fromEdgeList(3, [[0, 1], [1, 2]], { edgeLabels: [1, 2] });
    const t = batchTensors(collate([g, Graph.fromEdgeList(2, [[0, 1]])], { nodeClasses: 1, edgeClasses: 3, maxNodes: 3 }));
    const a = adjacencyFromEdges(t.e).arraySync();
    expect(a).toEqual([[[0, 1, 0], [1, 0, 1], [0, 1, 0]], [[0, 1, 0], [1, 0, 0], [0, 0, 0]]]);
    tf.dispose(Object.values(t));
  });

  it('gradients match finite differences (Equivariant2to2 weight, GraphTransformerLayer input x)', () => {
    const f = randomBatch(21);
    const layer = new Equivariant2to2({ inChannels: DE, outChannels: 2 }, createRng(1));
    const g = tf.grad((w: tf.Tensor) => {
      layer.weight.assign(w);
      return tf.sum(tf.sin(layer.apply(f.e, f.mask)));
    });
    const w0 = tf.clone(layer.weight);
    // analytic gradient through variableGrads, numeric through assignments
    const { grads, value } = tf.variableGrads(() => tf.sum(tf.sin(layer.apply(f.e, f.mask))) as tf.Scalar, [layer.weight]);
    const num = numericGrad((w) => { layer.weight.assign(w); return tf.sum(tf.sin(layer.apply(f.e, f.mask))); }, w0, 1e-2);
    expect(maxAbsDiff(grads[layer.weight.name], num) / Math.max(1, ...Array.from(num, Math.abs))).toBeLessThan(2e-2);
    tf.dispose([value, ...Object.values(grads), w0]);
    void g;
    const gt = new GraphTransformerLayer({ dx: DX, de: DE, dy: DY, numHeads: 2 }, createRng(2));
    const fx = (x: tf.Tensor) => tf.sum(tf.mul(gt.apply({ x, e: f.e, y: f.y }, f.mask).x, tf.cos(tf.reshape(tf.range(0, B * N * DX), [B, N, DX]))));
    const ga = tf.grad(fx)(f.x);
    const gn = numericGrad(fx, f.x, 3e-3); // small step: relu and max/min pooling have kinks
    const m = f.mask.dataSync();
    const gad = ga.dataSync();
    let err = 0;
    for (let k = 0; k < gad.length; k++) if (m[Math.floor(k / DX)] === 1) err = Math.max(err, Math.abs(gad[k] - gn[k]));
    expect(err / Math.max(1, ...Array.from(gn, Math.abs))).toBeLessThan(3e-2);
    ga.dispose();
    layer.dispose();
    gt.dispose();
    tf.dispose(Object.values(f));
  });
});

describe('bad input (cpu)', () => {
  beforeAll(async () => useBackend('cpu'));

  it('every layer names the offending argument on wrong shapes; configs are validated', () => {
    const rng = createRng(0);
    const m = tf.ones([2, 3]);
    const e = tf.ones([2, 3, 3, 2]);
    const x = tf.ones([2, 3, 4]);
    expect(() => new Equivariant2to2({ inChannels: 2, outChannels: 2 }, rng).apply(tf.ones([2, 3, 3, 5]), m)).toThrow(/t: expected shape \[2,3,3,2\]/);
    expect(() => new Equivariant2to2({ inChannels: 2, outChannels: 2 }, rng).apply(e, tf.ones([2, 4]))).toThrow(/t: expected shape/);
    expect(() => new Equivariant2to2({ inChannels: 2, outChannels: 2 }, rng).apply(e, tf.ones([6]))).toThrow(/nodeMask: expected shape/);
    expect(() => new Equivariant2to1({ inChannels: 2, outChannels: 2 }, rng).apply(x, m)).toThrow(/t: expected shape/);
    expect(() => new Equivariant1to2({ inChannels: 4, outChannels: 2 }, rng).apply(e, m)).toThrow(/x: expected shape/);
    expect(() => new Equivariant2to0({ inChannels: 2, outChannels: 2 }, rng).apply(x, m)).toThrow(/t: expected shape/);
    expect(() => new DeepSets({ inChannels: 3, outChannels: 2 }, rng).apply(x, m)).toThrow(/x: expected shape \[2,3,3\]/);
    expect(() => new PpgnBlock({ inChannels: 2, outChannels: 2 }, rng).apply(x, m)).toThrow(/t: expected shape/);
    expect(() => new DenseGin({ inFeatures: 4, outFeatures: 2 }, rng).apply(x, tf.ones([2, 3, 4]), m)).toThrow(/adj: expected shape/);
    const gt = new GraphTransformerLayer({ dx: 4, de: 2, dy: 1, numHeads: 2 }, rng);
    expect(() => gt.apply({ x, e, y: tf.ones([2, 2]) }, m)).toThrow(/y: expected shape \[2,1\]/);
    expect(() => new GraphTransformerLayer({ dx: 4, de: 2, dy: 1, numHeads: 3 }, rng)).toThrow(/numHeads/);
    expect(() => new Equivariant2to2({ inChannels: 0, outChannels: 2 }, rng)).toThrow(/config.inChannels/);
    expect(() => new Equivariant2to2({ inChannels: 1, outChannels: 2, normalization: 'max' as never }, rng)).toThrow(/config.normalization/);
    expect(() => new PpgnBlock({ inChannels: 1, outChannels: 2, mlpDepth: 0 }, rng)).toThrow(/config.mlpDepth/);
    expect(() => adjacencyFromEdges(x)).toThrow(/e: expected shape/);
    tf.dispose([m, e, x]);
  });

  it('an empty batch of graphs (all padding) gives all-zero outputs without NaN', () => {
    const layer = new Equivariant2to2({ inChannels: 2, outChannels: 3 }, createRng(1));
    const gt = new GraphTransformerLayer({ dx: 4, de: 2, dy: 2, numHeads: 1 }, createRng(1));
    tf.tidy(() => {
      const m = tf.zeros([1, 3]);
      const out = layer.apply(tf.zeros([1, 3, 3, 2]), m);
      expect(Array.from(out.dataSync()).every((v) => v === 0)).toBe(true);
      const o = gt.apply({ x: tf.zeros([1, 3, 4]), e: tf.zeros([1, 3, 3, 2]), y: tf.zeros([1, 2]) }, m);
      expect(Array.from(o.x.dataSync()).every((v) => v === 0)).toBe(true);
      expect(Array.from(o.y.dataSync()).every(Number.isFinite)).toBe(true);
    });
    layer.dispose();
    gt.dispose();
  });
});
