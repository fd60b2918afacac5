import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AbortedError, InputError } from '../../../src/core/errors.js';
import { createRng } from '../../../src/core/rng.js';
import { Graph } from '../../../src/graph/Graph.js';
import { initBackend } from '../../../src/nn/initBackend.js';
import { loadGenerator } from '../../../src/generators/loadGenerator.js';
import { alignNodes, type RelaxedGraph } from '../../../src/generators/ot/alignNodes.js';
import { minibatchCoupling } from '../../../src/generators/ot/minibatchCoupling.js';
import { OtFlow } from '../../../src/generators/ot/OtFlow.js';
import { cyclesAndPaths, gnp, key } from './helpers.js';

const TINY = { hiddenX: 16, hiddenE: 8, hiddenY: 8, layers: 1, heads: 2 } as const;
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});

function relaxed(g: Graph): RelaxedGraph {
  const n = g.n;
  const x = new Float64Array(n).fill(1);
  const e = new Float64Array(n * n * 2);
  for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) e[(a * n + b) * 2 + (g.hasEdge(a, b) ? 1 : 0)] = 1;
  return { n, x, e };
}
function noiseGraph(n: number, rng: ReturnType<typeof createRng>): RelaxedGraph {
  const x = new Float64Array(n);
  rng.fillNormal(x);
  const e = new Float64Array(n * n * 2);
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) for (let c = 0; c < 2; c++) e[(a * n + b) * 2 + c] = e[(b * n + a) * 2 + c] = rng.normal();
  return { n, x, e };
}
function permuteRelaxed(g: RelaxedGraph, perm: Int32Array, dx: number, de: number): RelaxedGraph {
  // node perm[a] of the result is node a of g
  const n = g.n;
  const x = new Float64Array(n * dx);
  const e = new Float64Array(n * n * de);
  for (let a = 0; a < n; a++) {
    for (let c = 0; c < dx; c++) x[perm[a] * dx + c] = g.x[a * dx + c];
    for (let b = 0; b < n; b++) for (let c = 0; c < de; c++) e[(perm[a] * n + perm[b]) * de + c] = g.e[(a * n + b) * de + c];
  }
  return { n, x, e };
}

describe('alignment and minibatch couplings', () => {
  it('alignment makes the coupling cost invariant to node permutations of either batch', () => {
    const rng = createRng(1);
    const B = 6;
    const data = Array.from({ length: B }, () => relaxed(gnp(rng.int(5, 9), 0.4, rng)));
    const noise = Array.from({ length: B }, () => noiseGraph(9, rng));
    const base = minibatchCoupling(noise, data, { dx: 1, de: 2, rng: createRng(0), coupling: 'ot-aligned' });
    const plain = minibatchCoupling(noise, data, { dx: 1, de: 2, rng: createRng(0), coupling: 'ot' });
    const permData = data.map((d) => permuteRelaxed(d, rng.permutation(d.n), 1, 2));
    const permNoise = noise.map((z) => permuteRelaxed(z, rng.permutation(z.n), 1, 2));
    const a = minibatchCoupling(noise, permData, { dx: 1, de: 2, rng: createRng(0), coupling: 'ot-aligned' });
    const b = minibatchCoupling(permNoise, data, { dx: 1, de: 2, rng: createRng(0), coupling: 'ot-aligned' });
    const plainPerm = minibatchCoupling(noise, permData, { dx: 1, de: 2, rng: createRng(0), coupling: 'ot' });
    // data permutations: identical costs (noise with more nodes than the data is restricted to
    // its first n_j nodes, so noise permutations are checked on same-size pairs below)
    for (let k = 0; k < B * B; k++) expect(a.cost!.data[k]).toBeCloseTo(base.cost!.data[k], 9);
    expect(Array.from(a.noiseIndex)).toEqual(Array.from(base.noiseIndex));
    expect(b.cost!.data.length).toBe(B * B);
    // without alignment the cost depends on the node order
    expect(Array.from(plainPerm.cost!.data)).not.toEqual(Array.from(plain.cost!.data));
    // aligned costs are below the unaligned ones
    for (let k = 0; k < B * B; k++) expect(base.cost!.data[k]).toBeLessThanOrEqual(plain.cost!.data[k] + 1e-9);
    // noise permutation on same-size pairs
    const g = relaxed(gnp(8, 0.4, rng));
    const z = noiseGraph(8, rng);
    const zp = permuteRelaxed(z, rng.permutation(8), 1, 2);
    const gp = permuteRelaxed(g, rng.permutation(8), 1, 2);
    const c1 = minibatchCoupling([z], [g], { dx: 1, de: 2, rng, coupling: 'ot-aligned' }).meanCost;
    const c2 = minibatchCoupling([zp], [g], { dx: 1, de: 2, rng, coupling: 'ot-aligned' }).meanCost;
    const c3 = minibatchCoupling([zp], [gp], { dx: 1, de: 2, rng, coupling: 'ot-aligned' }).meanCost;
    expect(c2).toBeCloseTo(c1, 9);
    expect(c3).toBeCloseTo(c1, 9);
    // an aligned permuted copy has distance 0
    const { perm, bound } = alignNodes(g, gp, { dx: 1, de: 2 });
    expect(bound).toBe(0);
    expect(minibatchCoupling([g], [gp], { dx: 1, de: 2, rng, coupling: 'ot-aligned' }).meanCost).toBe(0);
    expect(perm.length).toBe(8);
    const fgw = alignNodes(z, g, { dx: 1, de: 2, method: 'fgw' }).perm;
    expect(Array.from(fgw).sort((u, v) => u - v)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('OT couplings lower the mean pair cost against the independent pairing; Sinkhorn plans work', () => {
    const rng = createRng(2);
    const B = 16;
    const data = Array.from({ length: B }, () => relaxed(gnp(6, rng.uniform() < 0.5 ? 0.2 : 0.8, rng)));
    const noise = Array.from({ length: B }, () => noiseGraph(6, rng));
    const ind = minibatchCoupling(noise, data, { dx: 1, de: 2, rng, coupling: 'ot' });
    let diag = 0;
    for (let j = 0; j < B; j++) diag += ind.cost!.data[j * B + j] / B;
    expect(ind.meanCost).toBeLessThan(diag);
    expect(new Set(ind.noiseIndex).size).toBe(B); // a permutation
    const sk = minibatchCoupling(noise, data, { dx: 1, de: 2, rng, coupling: 'ot', solver: 'sinkhorn', regScale: 0.01 });
    expect(sk.meanCost).toBeLessThan(diag);
    expect(() => minibatchCoupling(noise.slice(1), data, { dx: 1, de: 2, rng })).toThrow(InputError);
    expect(() => minibatchCoupling(noise, data, { dx: 1, de: 2, rng, coupling: 'x' as never })).toThrow(/options.coupling/);
    expect(() => minibatchCoupling([noiseGraph(3, rng)], [data[0]], { dx: 1, de: 2, rng })).toThrow(/data\[0\].n/);
    expect(() => alignNodes(data[0], noiseGraph(5, rng), { dx: 1, de: 2 })).toThrow(/target.n/);
    expect(() => alignNodes(data[0], { n: 6, x: new Float64Array(2), e: new Float64Array(72) }, { dx: 1, de: 2 })).toThrow(/target.x/);
  });
});

/** Two disjoint cliques K_a ∪ K_b, a, b in 3..4, nodes shuffled: transitivity 1. */
function twoCliques(count: number, rng: ReturnType<typeof createRng>): Graph[] {
  return Array.from({ length: count }, () => {
    const a = rng.int(3, 5);
    const n = a + rng.int(3, 5);
    const p = rng.permutation(n);
    const edges: [number, number][] = [];
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (i < a === j < a) edges.push([p[i], p[j]]);
    return Graph.fromEdgeList(n, edges);
  });
}

/** Closed wedges / wedges over a set of graphs (G(n, p) has about p). */
function transitivity(graphs: readonly Graph[]): number {
  let closed = 0;
  let wedges = 0;
  for (const g of graphs) {
    for (let v = 0; v < g.n; v++) {
      const nb: number[] = [];
      for (let u = 0; u < g.n; u++) if (u !== v && g.hasEdge(u, v)) nb.push(u);
      wedges += (nb.length * (nb.length - 1)) / 2;
      for (let i = 0; i < nb.length; i++) for (let j = i + 1; j < nb.length; j++) if (g.hasEdge(nb[i], nb[j])) closed++;
    }
  }
  return wedges === 0 ? 0 : closed / wedges;
}

const density = (gs: readonly Graph[]) => gs.reduce((s, g) => s + g.edges().length / ((g.n * (g.n - 1)) / 2), 0) / gs.length;

describe('OtFlow', () => {
  const train = cyclesAndPaths(32, createRng(3));

  it('learns structure, not only the edge density: two-clique samples are far more transitive than G(n, p)', async () => {
    // Before the soft inputs the network saw only its own entry of each pair (all nodes looked
    // alike), so samples were G(n, p)-like: transitivity 0.41 at density 0.40 on this set.
    const cliques = twoCliques(32, createRng(3));
    const model = new OtFlow({ coupling: 'independent', denoiser: { hiddenX: 16, hiddenE: 8, hiddenY: 8, layers: 2, heads: 2 } });
    await model.fit(cliques, { epochs: 60, batchSize: 16, lr: 3e-3, rng: createRng(4) });
    const samples = await model.sample(40, { steps: 20, rng: createRng(5) });
    const t = transitivity(samples);
    expect(t).toBeGreaterThan(0.65);
    expect(t).toBeGreaterThan(density(samples) + 0.25);
    model.dispose();
  });

  it('loss decreases on a toy distribution and samples follow the training node-count distribution', async () => {
    const model = new OtFlow({ denoiser: TINY });
    const r = await model.fit(train, { epochs: 14, batchSize: 16, lr: 3e-3, rng: createRng(4) });
    expect(r.steps).toBe(28);
    expect(r.skippedSteps).toBe(0);
    const first = (r.losses[0] + r.losses[1]) / 2;
    const last = (r.losses[12] + r.losses[13]) / 2;
    expect(last).toBeLessThan(first * 0.8);
    expect(model.couplingCosts.length).toBe(14);
    const samples = await model.sample(200, { steps: 4, rng: createRng(5), batchSize: 100 });
    const trainCounts = new Map<number, number>();
    for (const g of train) trainCounts.set(g.n, (trainCounts.get(g.n) ?? 0) + 1 / train.length);
    const counts = new Map<number, number>();
    for (const g of samples) counts.set(g.n, (counts.get(g.n) ?? 0) + 1 / samples.length);
    for (const [n, p] of trainCounts) expect(Math.abs((counts.get(n) ?? 0) - p)).toBeLessThan(0.1);
    expect([...counts.keys()].every((n) => trainCounts.has(n))).toBe(true);
    model.dispose();
  });

  it('is deterministic for a seed, does not leak tensors, saves and loads, and aborts', async () => {
    const make = () => new OtFlow({ denoiser: TINY, coupling: 'ot-aligned' });
    const a = make();
    const b = make();
    await a.fit(train, { epochs: 1, batchSize: 16, rng: createRng(6) });
    await b.fit(train, { epochs: 1, batchSize: 16, rng: createRng(6) });
    const before = tf.memory().numTensors;
    await a.fit(train, { epochs: 1, batchSize: 16, rng: createRng(7) });
    const sa = await a.sample(10, { steps: 3, rng: createRng(8) });
    expect(tf.memory().numTensors).toBe(before);
    await b.fit(train, { epochs: 1, batchSize: 16, rng: createRng(7) });
    const sb = await b.sample(10, { steps: 3, rng: createRng(8) });
    expect(key(sa)).toBe(key(sb));
    for (const g of sa) expect(g.n).toBeGreaterThanOrEqual(4);
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-otflow-'));
    dirs.push(dir);
    await a.save(dir);
    const loaded = await loadGenerator(dir);
    expect(loaded.kind).toBe('ot-flow');
    const sl = await loaded.sample(10, { steps: 3, rng: createRng(8) });
    expect(key(sl)).toBe(key(sa));
    loaded.dispose();
    // a model saved before `softFeatures` existed (no field, no marginals) loads as softFeatures 0
    const old = new OtFlow({ denoiser: TINY, softFeatures: 0 });
    await old.fit(train, { epochs: 1, batchSize: 16, rng: createRng(6) });
    const so = await old.sample(10, { steps: 3, rng: createRng(8) });
    const oldDir = mkdtempSync(join(tmpdir(), 'graphgen-otflow-old-'));
    dirs.push(oldDir);
    await old.save(oldDir);
    const file = JSON.parse(readFileSync(join(oldDir, 'generator.json'), 'utf8'));
    delete file.config.softFeatures;
    delete file.state.marginals;
    writeFileSync(join(oldDir, 'generator.json'), JSON.stringify(file));
    const reloaded = await loadGenerator(oldDir);
    expect((reloaded as OtFlow).config.softFeatures).toBe(0);
    expect(key(await reloaded.sample(10, { steps: 3, rng: createRng(8) }))).toBe(key(so));
    reloaded.dispose();
    old.dispose();
    // resumable checkpoint
    const ck = mkdtempSync(join(tmpdir(), 'graphgen-otflow-ck-'));
    dirs.push(ck);
    const c = make();
    await c.fit(train, { epochs: 1, batchSize: 16, rng: createRng(9), checkpointDir: ck });
    const d = make();
    const r = await d.fit(train, { epochs: 2, batchSize: 16, rng: createRng(9), checkpointDir: ck, resume: true });
    expect(r.resumedFromEpoch).toBe(1);
    expect(r.epochs).toBe(2);
    const ac = new AbortController();
    ac.abort();
    await expect(c.fit(train, { epochs: 1, rng: createRng(0), signal: ac.signal })).rejects.toThrow(AbortedError);
    await expect(c.sample(2, { rng: createRng(0), signal: ac.signal })).rejects.toThrow(AbortedError);
    [a, b, c, d].forEach((m) => m.dispose());
    expect(tf.memory().numTensors).toBeLessThanOrEqual(before);
  });

  it('trains with every coupling and labelled graphs', async () => {
    const labelled = train.map((g) => Graph.fromEdgeList(g.n, g.edges(), { nodeLabels: Array.from({ length: g.n }, (_, i) => i % 2), edgeLabels: g.edges().map((_, k) => 1 + (k % 2)) }));
    for (const coupling of ['independent', 'ot', 'ot-aligned'] as const) {
      const m = new OtFlow({ denoiser: TINY, coupling, nodeClasses: 2, edgeClasses: 3, solver: coupling === 'ot' ? 'sinkhorn' : 'exact', features: { name: 'rrwp', walkSteps: 2 } });
      const r = await m.fit(labelled.slice(0, 8), { epochs: 1, batchSize: 8, rng: createRng(10) });
      expect(r.losses[0]).toBeGreaterThan(0);
      const s = await m.sample(3, { steps: 2, rng: createRng(11) });
      expect(s).toHaveLength(3);
      m.dispose();
    }
  });

  it('rejects bad input', async () => {
    expect(() => new OtFlow({ coupling: 'x' as never })).toThrow(/config.coupling/);
    expect(() => new OtFlow({ nodeClasses: 0 })).toThrow(/config.nodeClasses/);
    expect(() => new OtFlow({ noiseScale: -1 })).toThrow(/config.noiseScale/);
    expect(() => new OtFlow({ alignment: 'x' as never })).toThrow(/config.alignment/);
    expect(() => new OtFlow({ softFeatures: -1 })).toThrow(/config.softFeatures/);
    const m = new OtFlow({ denoiser: TINY });
    await expect(m.sample(2, { rng: createRng(0) })).rejects.toThrow(InputError);
    await expect(m.save('/tmp/never')).rejects.toThrow(InputError);
    await expect(m.fit([], { rng: createRng(0) })).rejects.toThrow(/train/);
    await expect(m.fit(train, {} as never)).rejects.toThrow(/options.rng/);
    await expect(m.fit([Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [0, 3] })], { rng: createRng(0) })).rejects.toThrow(InputError);
    await expect(m.fit(train, { rng: createRng(0), epochs: -1 })).rejects.toThrow(/options.epochs/);
    await m.fit(train.slice(0, 4), { rng: createRng(0), epochs: 1 });
    await expect(m.sample(2, { rng: createRng(0), steps: 0 })).rejects.toThrow(/options.steps/);
    await expect(m.sample(2, { rng: createRng(0), nodeCounts: [1] })).rejects.toThrow(/nodeCounts/);
    m.dispose();
  });
});
