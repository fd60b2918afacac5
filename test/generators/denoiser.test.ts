import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { collate } from '../../src/graph/collate.js';
import { permute } from '../../src/graph/permute.js';
import { initBackend } from '../../src/nn/initBackend.js';
import { buildDenoiserInput } from '../../src/generators/common/buildDenoiserInput.js';
import { createExtraFeatures } from '../../src/generators/common/createExtraFeatures.js';
import { GraphTransformerDenoiser } from '../../src/generators/common/GraphTransformerDenoiser.js';
import { crossEntropyLoss } from '../../src/generators/common/GraphLoss.js';
import { Graph } from '../../src/graph/Graph.js';
import { corruptBatch } from '../../src/generators/common/corruptBatch.js';
import { FlowProcess } from '../../src/generators/flow/FlowProcess.js';
import { toyGraphs } from './helpers.js';

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});

describe('GraphTransformerDenoiser', () => {
  it('is permutation equivariant and keeps padding and diagonal at zero', () => {
    const rng = createRng(11);
    const features = createExtraFeatures({ name: 'cycles+rrwp', walkSteps: 3 });
    const net = new GraphTransformerDenoiser(
      { inNodeFeatures: 1 + features.nodeDim, inEdgeFeatures: 2 + features.edgeDim, inGlobalFeatures: 1 + features.globalDim, nodeClasses: 1, edgeClasses: 2, hiddenX: 16, hiddenE: 8, hiddenY: 8, layers: 2, heads: 4 },
      rng,
    );
    const g = Graph.fromEdgeList(6, [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5], [5, 3]]);
    const perm = rng.permutation(6);
    const small = Graph.fromEdgeList(4, [[0, 1], [1, 2]]);
    const run = (graph: Graph) => {
      const batch = collate([graph, small], { nodeClasses: 1, edgeClasses: 2, maxNodes: 7 });
      const input = buildDenoiserInput(batch, [0.3, 0.7], features);
      const out = net.apply(input);
      const r = { x: out.x.arraySync() as number[][][], e: out.e.arraySync() as number[][][][] };
      tf.dispose([input.x, input.e, input.y, input.nodeMask, out.x, out.e]);
      return r;
    };
    const a = run(g);
    const b = run(permute(g, perm));
    // permute maps node v of g to perm[v]
    for (let v = 0; v < 6; v++) {
      for (let c = 0; c < 1; c++) expect(b.x[0][perm[v]][c]).toBeCloseTo(a.x[0][v][c], 4);
      for (let w = 0; w < 6; w++) for (let c = 0; c < 2; c++) expect(b.e[0][perm[v]][perm[w]][c]).toBeCloseTo(a.e[0][v][w][c], 4);
    }
    // padding (node 6 of graph 0, nodes 4..6 of graph 1) and diagonal are exactly zero; symmetric
    for (let c = 0; c < 2; c++) {
      expect(a.e[0][6][2][c]).toBe(0);
      expect(a.e[1][5][1][c]).toBe(0);
      expect(a.e[0][3][3][c]).toBe(0);
      expect(a.e[0][1][4][c]).toBeCloseTo(a.e[0][4][1][c], 6);
    }
    expect(a.x[1][5][0]).toBe(0);
    net.dispose();
  });

  // The wasm path runs each residual norm and its mask as one graphgen kernel (layerNormResidualMasked);
  // the cpu backend runs the tfjs-ops twin, so the two must agree in values and weight gradients.
  it('fused wasm path = tfjs-ops twin on cpu (outputs and every weight gradient), no leaks', async () => {
    const features = createExtraFeatures({ name: 'rrwp', walkSteps: 3 });
    const net = new GraphTransformerDenoiser(
      { inNodeFeatures: 1 + features.nodeDim, inEdgeFeatures: 2 + features.edgeDim, inGlobalFeatures: 1 + features.globalDim, nodeClasses: 1, edgeClasses: 2, hiddenX: 16, hiddenE: 8, hiddenY: 8, layers: 2, heads: 4 },
      createRng(21),
    );
    const graphs = [Graph.fromEdgeList(6, [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5]]), Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3]])];
    const run = (): { x: Float32Array; e: Float32Array; grads: Float32Array[] } => {
      const input = buildDenoiserInput(collate(graphs, { nodeClasses: 1, edgeClasses: 2 }), [0.4, 0.8], features);
      const w = tf.randomNormal([2, 6, 6, 2], 0, 1, 'float32', 3);
      const before = tf.memory().numTensors;
      const out = net.apply(input);
      const vars = net.trainableVariables();
      const { grads, value } = tf.variableGrads(() => tf.tidy(() => {
        const o = net.apply(input);
        return tf.add(tf.sum(tf.mul(o.e, w)), tf.sum(o.x));
      }), vars);
      const r = { x: out.x.dataSync() as Float32Array, e: out.e.dataSync() as Float32Array, grads: vars.map((v) => (grads[v.name]?.dataSync() as Float32Array | undefined) ?? new Float32Array(0)) }; // the last layer's globals reach no output
      tf.dispose([out.x, out.e, value, ...Object.values(grads)]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([input.x, input.e, input.y, input.nodeMask, w]);
      return r;
    };
    const wasm = run();
    await initBackend({ prefer: 'cpu' });
    const cpu = run();
    await initBackend({ prefer: 'wasm' });
    const close = (a: Float32Array, b: Float32Array, tol: number): void => {
      const scale = Math.max(1, ...Array.from(b, Math.abs));
      let m = 0;
      for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
      expect(m / scale).toBeLessThan(tol);
    };
    close(wasm.x, cpu.x, 1e-5);
    close(wasm.e, cpu.e, 1e-5);
    wasm.grads.forEach((g, i) => close(g, cpu.grads[i], 1e-4));
    net.dispose();
  });

  it('real outputs and weight gradients do not depend on padding (alone = padded in a batch)', () => {
    const features = createExtraFeatures({ name: 'rrwp', walkSteps: 3 });
    const net = new GraphTransformerDenoiser(
      { inNodeFeatures: 1 + features.nodeDim, inEdgeFeatures: 2 + features.edgeDim, inGlobalFeatures: 1 + features.globalDim, nodeClasses: 1, edgeClasses: 2, hiddenX: 16, hiddenE: 8, hiddenY: 8, layers: 2, heads: 4 },
      createRng(22),
    );
    const g = Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3], [3, 0]]);
    const run = (maxNodes: number): { x: number[][]; e: number[][][]; grads: Float32Array[] } => {
      const input = buildDenoiserInput(collate([g], { nodeClasses: 1, edgeClasses: 2, maxNodes }), [0.6], features);
      const vars = net.trainableVariables();
      const out = net.apply(input);
      const real = (t: tf.Tensor): tf.Tensor => tf.slice(t, 0, [1, 4]);
      const { grads, value } = tf.variableGrads(() => tf.tidy(() => {
        const o = net.apply(input);
        return tf.add(tf.sum(tf.square(tf.slice(o.e, 0, [1, 4, 4, 2]))), tf.sum(tf.square(real(o.x))));
      }), vars);
      const r = {
        x: (tf.tidy(() => real(out.x)).arraySync() as number[][][])[0],
        e: (tf.tidy(() => tf.slice(out.e, 0, [1, 4, 4, 2])).arraySync() as number[][][][])[0],
        grads: vars.map((v) => (grads[v.name]?.dataSync() as Float32Array | undefined) ?? new Float32Array(0)),
      };
      tf.dispose([out.x, out.e, value, ...Object.values(grads), input.x, input.e, input.y, input.nodeMask]);
      return r;
    };
    const alone = run(4);
    const padded = run(9);
    for (let i = 0; i < 4; i++) {
      expect(padded.x[i][0]).toBeCloseTo(alone.x[i][0], 5);
      for (let j = 0; j < 4; j++) for (let c = 0; c < 2; c++) expect(padded.e[i][j][c]).toBeCloseTo(alone.e[i][j][c], 5);
    }
    alone.grads.forEach((ga, k) => {
      const gp = padded.grads[k];
      const scale = Math.max(1, ...Array.from(ga, Math.abs));
      for (let i = 0; i < ga.length; i++) expect(Math.abs(gp[i] - ga[i]) / scale).toBeLessThan(1e-4);
    });
    net.dispose();
  });

  it('rejects inputs of the wrong width and heads that do not divide hiddenX', () => {
    const rng = createRng(0);
    expect(() => new GraphTransformerDenoiser({ inNodeFeatures: 1, inEdgeFeatures: 2, inGlobalFeatures: 1, nodeClasses: 1, edgeClasses: 2, hiddenX: 10, heads: 4 }, rng)).toThrow(/heads/);
    const net = new GraphTransformerDenoiser({ inNodeFeatures: 2, inEdgeFeatures: 2, inGlobalFeatures: 1, nodeClasses: 1, edgeClasses: 2, hiddenX: 8, hiddenE: 4, hiddenY: 4, layers: 1, heads: 2 }, rng);
    const batch = collate([Graph.empty(3)], { nodeClasses: 1, edgeClasses: 2 });
    const input = buildDenoiserInput(batch, [0], createExtraFeatures({ name: 'none' }));
    expect(() => net.apply(input)).toThrow(/input.x/);
    tf.dispose([input.x, input.e, input.y, input.nodeMask]);
    net.dispose();
  });
});

describe('corruption, features and loss', () => {
  it('noises pairs symmetrically and leaves padding empty', () => {
    const rng = createRng(5);
    const clean = collate(toyGraphs(6, rng), { nodeClasses: 1, edgeClasses: 2 });
    const { noisy, times } = corruptBatch(clean, new FlowProcess({ x: Float64Array.of(1), e: Float64Array.of(0.5, 0.5) }), rng);
    expect(times.length).toBe(6);
    const N = clean.maxNodes;
    for (let b = 0; b < 6; b++)
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++)
          for (let c = 0; c < 2; c++) expect(noisy.e[((b * N + i) * N + j) * 2 + c]).toBe(noisy.e[((b * N + j) * N + i) * 2 + c]);
    // one-hot and valid: uncollate-compatible
    expect(noisy.nodeCounts).toEqual(clean.nodeCounts);
  });
  it('cycle features count triangles and 4-cycles per node', () => {
    const f = createExtraFeatures({ name: 'cycles' });
    // K4: each node is on 3 triangles and 3 four-cycles
    const k4 = Graph.fromEdgeList(4, [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
    const r = f.compute(collate([k4], { nodeClasses: 1, edgeClasses: 2 }));
    expect(r.x[0]).toBeCloseTo(0.3, 6);
    expect(r.x[1]).toBeCloseTo(0.3, 6);
    expect(r.y[1]).toBeCloseTo(0.4, 6); // 4 triangles / 10
    expect(r.y[2]).toBeCloseTo(0.3, 6); // 3 four-cycles / 10
    expect(() => createExtraFeatures({ name: 'bogus' as 'none' })).toThrow(/config.name/);
  });
  it('cross-entropy is zero for a perfect prediction and weights edges by lambda', () => {
    const loss = crossEntropyLoss({ edgeWeight: 5 });
    const tx = tf.tensor3d([[[1], [1]]]);
    const te = tf.tensor4d([[[[0, 0], [0, 1]], [[0, 1], [0, 0]]]]);
    const perfect = loss({ x: tf.zeros([1, 2, 1]) as tf.Tensor3D, e: tf.mul(te, 100) as tf.Tensor4D }, { x: tx, e: te });
    expect(perfect.dataSync()[0]).toBeCloseTo(0, 5);
    const flat = loss({ x: tf.zeros([1, 2, 1]) as tf.Tensor3D, e: tf.zeros([1, 2, 2, 2]) as tf.Tensor4D }, { x: tx, e: te });
    expect(flat.dataSync()[0]).toBeCloseTo(5 * Math.log(2), 5);
    expect(() => crossEntropyLoss({ edgeWeight: -1 })).toThrow(/edgeWeight/);
  });
});

describe('spectral features', () => {
  it('adds Laplacian eigenvalues and the component count, invariant under permutation', () => {
    const f = createExtraFeatures({ name: 'cycles+spectral', eigenvalues: 3 });
    expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([5, 0, 7]);
    const g = Graph.fromEdgeList(5, [[0, 1], [1, 2], [3, 4]]);
    const a = f.compute(collate([g], { nodeClasses: 1, edgeClasses: 2 }));
    const b = f.compute(collate([permute(g, [4, 2, 0, 1, 3])], { nodeClasses: 1, edgeClasses: 2 }));
    expect(a.y[6]).toBeCloseTo(0.2, 6); // two components / 10
    expect(a.y[3]).toBeCloseTo(0, 6); // smallest eigenvalue 0
    for (let c = 0; c < 7; c++) expect(b.y[c]).toBeCloseTo(a.y[c], 6);
  });
});
