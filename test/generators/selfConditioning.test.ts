import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { projectorsOfAdjacency, spectralProjectors } from '../../src/embed/spectralProjectors.js';
import { collate, type DenseBatch } from '../../src/graph/collate.js';
import { Graph } from '../../src/graph/Graph.js';
import { initBackend } from '../../src/nn/initBackend.js';
import { createSelfConditioning, type ClassProbabilities } from '../../src/generators/common/SelfConditioning.js';
import { corruptionBatches } from '../../src/generators/common/trainDenoiser.js';
import { buildDenoiserInput } from '../../src/generators/common/buildDenoiserInput.js';
import { predictClasses } from '../../src/generators/common/predictClasses.js';
import type { DenoiserInput, DenoiserOutput } from '../../src/generators/common/Denoiser.js';
import { DiscreteDiffusion } from '../../src/generators/diffusion/DiscreteDiffusion.js';
import { DiscreteFlow } from '../../src/generators/flow/DiscreteFlow.js';
import { FlowProcess } from '../../src/generators/flow/FlowProcess.js';
import { loadGenerator } from '../../src/generators/loadGenerator.js';
import { TINY, toyGraphs } from './helpers.js';

const root = mkdtempSync(join(tmpdir(), 'graphgen-selfcond-'));
beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const key = (gs: Graph[]): string => gs.map((g) => `${g.n}:${g.edges().join(';')}`).join('|');

/** Random class probabilities of a batch (rows normalised). */
function randomPrediction(batch: DenseBatch, seed: number): ClassProbabilities {
  const rng = createRng(seed);
  const { batchSize: B, maxNodes: N, nodeClasses: dx, edgeClasses: de } = batch;
  const rows = (count: number, width: number): Float32Array => {
    const a = new Float32Array(count * width);
    for (let r = 0; r < count; r++) {
      let s = 0;
      for (let c = 0; c < width; c++) s += a[r * width + c] = rng.uniform() + 0.05;
      for (let c = 0; c < width; c++) a[r * width + c] /= s;
    }
    return a;
  };
  return { x: rows(B * N, dx), e: rows(B * N * N, de) };
}

/** Two 6-cliques joined by one edge, and a 5-cycle (padded in a batch). */
function twoGraphs(): Graph[] {
  const edges: [number, number][] = [];
  for (const off of [0, 6]) for (let i = 0; i < 6; i++) for (let j = i + 1; j < 6; j++) edges.push([off + i, off + j]);
  edges.push([5, 6]);
  return [Graph.fromEdgeList(12, edges), Graph.fromEdgeList(5, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0]])];
}

describe('weighted spectral projectors (the self-conditioning projector channels)', () => {
  it('0/1 weights give exactly the unweighted projectors, and weights change them', () => {
    const g = twoGraphs()[0];
    const a = g.adjacency().data;
    const plain = projectorsOfAdjacency(a, g.n, 3);
    const weighted = projectorsOfAdjacency(a, g.n, 3, 1e-6, 4, true);
    expect(Array.from(weighted.pairs)).toEqual(Array.from(plain.pairs));
    expect(Array.from(weighted.eigenvalues)).toEqual(Array.from(plain.eigenvalues));
    expect(Array.from(plain.pairs)).toEqual(Array.from(spectralProjectors(g, { k: 3 }).pairs));
    // the bridge at weight 0.05: still two clusters, more separated than with weight 1
    const w = Float64Array.from(a);
    w[5 * 12 + 6] = w[6 * 12 + 5] = 0.05;
    const soft = projectorsOfAdjacency(w, 12, 1, 1e-6, 4, true);
    expect(soft.eigenvalues[0]).toBeLessThan(plain.eigenvalues[0]);
    expect(soft.pairs[(0 * 12 + 1) * 1]).toBeGreaterThan(0.9);
    expect(soft.pairs[(0 * 12 + 11) * 1]).toBeLessThan(-0.9);
  });
});

describe('createSelfConditioning', () => {
  it('declares its widths, fills defaults and rejects bad configs with typed errors', () => {
    const sc = createSelfConditioning({ spectralPairs: 3 }, 2, 3);
    expect([sc.nodeDim, sc.edgeDim, sc.globalDim, sc.probability]).toEqual([5, 6, 3, 0.5]);
    expect(sc.getConfig()).toEqual({ probability: 0.5, spectralPairs: 3 });
    expect(createSelfConditioning({}, 1, 2).getConfig()).toEqual({ probability: 0.5, spectralPairs: 0 });
    for (const bad of [{ probability: 0 }, { probability: 1.5 }, { probability: Number.NaN }, { spectralPairs: -1 }, { spectralPairs: 17 }, { spectralPairs: 1.5 }]) {
      expect(() => createSelfConditioning(bad, 1, 2)).toThrow(InputError);
    }
    expect(() => createSelfConditioning(null as never, 1, 2)).toThrow(/selfConditioning/);
    expect(() => new DiscreteFlow({ selfConditioning: { probability: 2 } })).toThrow(/selfConditioning\.probability/);
  });

  it('copies the prediction inside the graphs, zeroes diagonal and padding, and adds the projectors of the predicted graph', () => {
    const batch = collate(twoGraphs(), { nodeClasses: 2, edgeClasses: 2 });
    const sc = createSelfConditioning({ spectralPairs: 2 }, 2, 2);
    const zero = sc.compute(batch, undefined);
    expect([zero.x, zero.e, zero.y].every((a) => a.every((v) => v === 0))).toBe(true);
    const p = randomPrediction(batch, 3);
    const out = sc.compute(batch, p);
    const N = 12;
    const n1 = 5;
    // node rows: classes then projector diagonals; padding rows of graph 1 zero
    expect(out.x[(0 * N + 4) * 4 + 1]).toBe(p.x[(0 * N + 4) * 2 + 1]);
    for (let i = n1; i < N; i++) for (let c = 0; c < 4; c++) expect(out.x[(1 * N + i) * 4 + c]).toBe(0);
    // pair rows: classes then projectors; diagonal and padding zero
    expect(out.e[((0 * N + 2) * N + 7) * 4 + 1]).toBe(p.e[((0 * N + 2) * N + 7) * 2 + 1]);
    for (let c = 0; c < 4; c++) {
      expect(out.e[((0 * N + 3) * N + 3) * 4 + c]).toBe(0);
      expect(out.e[((1 * N + 2) * N + 8) * 4 + c]).toBe(0);
    }
    // projectors of graph 1: weights 1 − p(no edge), symmetrised
    const w = new Float64Array(n1 * n1);
    for (let i = 0; i < n1; i++)
      for (let j = 0; j < n1; j++) if (i !== j) w[i * n1 + j] = (1 - p.e[((1 * N + i) * N + j) * 2] + 1 - p.e[((1 * N + j) * N + i) * 2]) / 2;
    const ref = projectorsOfAdjacency(w, n1, 2, 1e-6, 4, true);
    expect(out.e[((1 * N + 0) * N + 3) * 4 + 2 + 1]).toBeCloseTo(ref.pairs[(0 * n1 + 3) * 2 + 1], 5);
    expect(out.x[(1 * N + 2) * 4 + 2]).toBeCloseTo(ref.diagonal[2 * 2], 5);
    expect(out.y[1 * 2 + 1]).toBeCloseTo(ref.eigenvalues[1], 5);
    expect(() => sc.compute(batch, { x: p.x.subarray(1), e: p.e })).toThrow(InputError);
  });

  it('is permutation-equivariant (nodes, pairs) and invariant (graph)', () => {
    const g = twoGraphs()[0];
    const n = g.n;
    const perm = createRng(9).permutation(n); // new index of node i is perm[i]
    const edges = g.edges().map(([u, v]) => [perm[u], perm[v]] as [number, number]);
    const h = Graph.fromEdgeList(n, edges);
    const bg = collate([g], { nodeClasses: 1, edgeClasses: 2 });
    const bh = collate([h], { nodeClasses: 1, edgeClasses: 2 });
    const p = randomPrediction(bg, 4);
    const q: ClassProbabilities = { x: new Float32Array(p.x.length), e: new Float32Array(p.e.length) };
    for (let i = 0; i < n; i++) {
      q.x[perm[i]] = p.x[i];
      for (let j = 0; j < n; j++) for (let c = 0; c < 2; c++) q.e[(perm[i] * n + perm[j]) * 2 + c] = p.e[(i * n + j) * 2 + c];
    }
    const sc = createSelfConditioning({ spectralPairs: 3 }, 1, 2);
    const a = sc.compute(bg, p);
    const b = sc.compute(bh, q);
    for (let i = 0; i < n; i++) {
      for (let c = 0; c < 4; c++) expect(b.x[perm[i] * 4 + c]).toBeCloseTo(a.x[i * 4 + c], 6);
      for (let j = 0; j < n; j++) for (let c = 0; c < 5; c++) expect(b.e[(perm[i] * n + perm[j]) * 5 + c]).toBeCloseTo(a.e[(i * n + j) * 5 + c], 6);
    }
    for (let m = 0; m < 3; m++) expect(b.y[m]).toBeCloseTo(a.y[m], 9);
  });
});

describe('self-conditioned generators', () => {
  const train = toyGraphs(16, createRng(1));

  it('training conditions a batch on a first prediction with the configured probability', async () => {
    const model = new DiscreteFlow({ denoiser: TINY, selfConditioning: { probability: 1, spectralPairs: 1 } });
    await model.fit(train, { epochs: 1, batchSize: 8, rng: createRng(2) }); // builds the denoiser
    const sc = model.selfConditioning!;
    const process = new FlowProcess({ x: Float64Array.of(1), e: Float64Array.of(0.6, 0.4) });
    const clean = collate(train.slice(0, 4), { nodeClasses: 1, edgeClasses: 2 });
    const before = tf.memory().numTensors;
    const prepared = corruptionBatches(process, model.features, { conditioning: sc, denoiser: model.denoiser! })(clean, createRng(5));
    // the same draws without self-conditioning: the noisy batch is the same, and the first pass sees zero channels
    const rng = createRng(5);
    const plain = corruptionBatches(process, model.features)(clean, rng);
    const width = 1 + model.features.nodeDim;
    const zeroInput = tf.tidy(() => ({
      ...plain.input,
      x: tf.concat([plain.input.x, tf.zeros([4, clean.maxNodes, sc.nodeDim])], 2) as tf.Tensor3D,
      e: tf.concat([plain.input.e, tf.zeros([4, clean.maxNodes, clean.maxNodes, sc.edgeDim])], 3) as tf.Tensor4D,
      y: tf.concat([plain.input.y, tf.zeros([4, sc.globalDim])], 1) as tf.Tensor2D,
    }));
    const first = predictClasses(model.denoiser!, zeroInput);
    const X = prepared.input.x.arraySync();
    for (let i = 0; i < clean.nodeCounts[0]; i++) expect(X[0][i][width]).toBeCloseTo(first.x[i], 6);
    const E = prepared.input.e.arraySync();
    const we = 2 + model.features.edgeDim;
    expect(E[1][0][1][we + 1]).toBeCloseTo(first.e[((1 * clean.maxNodes + 0) * clean.maxNodes + 1) * 2 + 1], 6);
    expect(prepared.input.y.shape[1]).toBe(1 + model.features.globalDim + 1);
    tf.dispose([prepared.input.x, prepared.input.e, prepared.input.y, prepared.input.nodeMask, prepared.target.x, prepared.target.e]);
    tf.dispose([plain.input.x, plain.input.e, plain.input.y, plain.input.nodeMask, plain.target.x, plain.target.e, zeroInput.x, zeroInput.e, zeroInput.y]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('sampling feeds each step the previous step\'s prediction (zero at the first step)', async () => {
    const model = new DiscreteFlow({ denoiser: TINY, selfConditioning: { spectralPairs: 2 } });
    await model.fit(train, { epochs: 2, batchSize: 8, rng: createRng(2) });
    const d = model.denoiser!;
    const inputs: { x: number[][][]; e: number[][][][]; y: number[][] }[] = [];
    const outputs: ClassProbabilities[] = [];
    const apply = d.apply.bind(d);
    d.apply = (input: DenoiserInput): DenoiserOutput => {
      const o = apply(input);
      inputs.push({ x: input.x.arraySync(), e: input.e.arraySync(), y: input.y.arraySync() });
      outputs.push(tf.tidy(() => ({ x: tf.softmax(o.x).dataSync() as Float32Array, e: tf.softmax(o.e).dataSync() as Float32Array })));
      return o;
    };
    const before = tf.memory().numTensors;
    const gs = await model.sample(2, { steps: 3, rng: createRng(3), nodeCounts: [6, 4] });
    expect(tf.memory().numTensors).toBe(before);
    expect(gs.map((g) => g.n)).toEqual([6, 4]);
    expect(inputs.length).toBe(3);
    const fx = 1 + model.features.nodeDim;
    const fe = 2 + model.features.edgeDim;
    // step 0: zero channels; steps 1, 2: the previous softmax
    expect(inputs[0].x[0][2].slice(fx)).toEqual([0, 0, 0]);
    expect(inputs[0].e[0][1][2].slice(fe)).toEqual([0, 0, 0, 0]);
    for (const s of [1, 2]) {
      const N = 6;
      expect(inputs[s].x[1][3][fx]).toBeCloseTo(outputs[s - 1].x[1 * N + 3], 6);
      expect(inputs[s].e[0][1][4][fe + 1]).toBeCloseTo(outputs[s - 1].e[((0 * N + 1) * N + 4) * 2 + 1], 6);
      expect(inputs[s].e[1][1][5].slice(fe)).toEqual([0, 0, 0, 0]); // padding
      const batch = collate([Graph.empty(6), Graph.empty(4)], { nodeClasses: 1, edgeClasses: 2 });
      const ref = model.selfConditioning!.compute(batch, outputs[s - 1]);
      expect(inputs[s].e[0][2][5][fe + 3]).toBeCloseTo(ref.e[((0 * N + 2) * N + 5) * 4 + 3], 5);
      expect(inputs[s].y[1].slice(-2)).toEqual([ref.y[2], ref.y[3]].map((v) => expect.closeTo(v, 5)));
    }
    model.dispose();
  });

  it('is deterministic for a seed, saves and loads its config, and samples the same after loading (flow and diffusion)', async () => {
    for (const Model of [DiscreteFlow, DiscreteDiffusion]) {
      const make = () => new Model({ denoiser: TINY, selfConditioning: { spectralPairs: 1, probability: 0.7 } });
      const a = make();
      const b = make();
      const ra = await a.fit(train, { epochs: 2, batchSize: 8, rng: createRng(4) });
      const rb = await b.fit(train, { epochs: 2, batchSize: 8, rng: createRng(4) });
      expect(ra.losses).toEqual(rb.losses);
      const plain = new Model({ denoiser: TINY });
      const rp = await plain.fit(train, { epochs: 2, batchSize: 8, rng: createRng(4) });
      expect(rp.losses).not.toEqual(ra.losses);
      expect(a.denoiser!.getConfig().inNodeFeatures).toBe(plain.denoiser!.getConfig().inNodeFeatures + 2);
      const sa = await a.sample(4, { steps: 4, rng: createRng(6) });
      expect(key(sa)).toBe(key(await b.sample(4, { steps: 4, rng: createRng(6) })));
      const dir = join(root, Model.name);
      await a.save(dir);
      const loaded = await loadGenerator(dir);
      expect((loaded as DiscreteFlow).config.selfConditioning).toEqual({ probability: 0.7, spectralPairs: 1 });
      expect(key(await loaded.sample(4, { steps: 4, rng: createRng(6) }))).toBe(key(sa));
      [a, b, plain, loaded].forEach((m) => m.dispose());
    }
  });

  it('buildDenoiserInput appends the channels after the features', () => {
    const batch = collate(twoGraphs(), { nodeClasses: 1, edgeClasses: 2 });
    const model = new DiscreteFlow({ denoiser: TINY, selfConditioning: {} });
    const sc = model.selfConditioning!;
    const p = randomPrediction(batch, 8);
    const input = buildDenoiserInput(batch, [0.2, 0.5], model.features, { nodeDim: sc.nodeDim, edgeDim: sc.edgeDim, globalDim: sc.globalDim, values: sc.compute(batch, p) });
    const plain = buildDenoiserInput(batch, [0.2, 0.5], model.features);
    expect(input.x.shape[2]).toBe(plain.x.shape[2] + 1);
    expect(input.e.shape[3]).toBe(plain.e.shape[3] + 2);
    expect(input.y.shape[1]).toBe(plain.y.shape[1]);
    const E = input.e.arraySync();
    const Ep = plain.e.arraySync();
    expect(E[0][3][9].slice(0, -2)).toEqual(Ep[0][3][9]);
    expect(E[0][3][9].slice(-2)).toEqual([p.e[(3 * 12 + 9) * 2], p.e[(3 * 12 + 9) * 2 + 1]].map((v) => expect.closeTo(v, 6)));
    tf.dispose([input.x, input.e, input.y, input.nodeMask, plain.x, plain.e, plain.y, plain.nodeMask]);
  });
});
