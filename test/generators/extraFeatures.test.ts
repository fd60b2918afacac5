import * as tf from '@tensorflow/tfjs-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { collate } from '../../src/graph/collate.js';
import { permute } from '../../src/graph/permute.js';
import { initBackend } from '../../src/nn/initBackend.js';
import { buildDenoiserInput } from '../../src/generators/common/buildDenoiserInput.js';
import { createExtraFeatures } from '../../src/generators/common/createExtraFeatures.js';
import { spectralProjectors } from '../../src/embed/spectralProjectors.js';
import type { ExtraFeaturesConfig, ExtraFeaturesName } from '../../src/generators/common/ExtraFeatures.js';
import { DiscreteDiffusion } from '../../src/generators/diffusion/DiscreteDiffusion.js';
import { DiscreteFlow } from '../../src/generators/flow/DiscreteFlow.js';
import { loadGenerator } from '../../src/generators/loadGenerator.js';
import { bruteForceCycles, completeGraph, cycleGraph, petersenGraph, randomGraph } from '../embed/bruteForceCycles.js';
import { TINY, toyGraphs } from './helpers.js';

const LEGACY = fileURLToPath(new URL('./fixtures/legacy-digress', import.meta.url));
const dirs: string[] = [];
const batchOf = (graphs: Graph[], maxNodes?: number) => collate(graphs, { nodeClasses: 1, edgeClasses: 2, maxNodes });

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' });
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Trains a tiny DiscreteFlow with `features` (input widths `widths`) for one epoch, saves, loads, and checks the features and the samples survive. */
async function expectSavedFeatures(features: ExtraFeaturesConfig, widths: [number, number, number], seed: number): Promise<void> {
  const model = new DiscreteFlow({ denoiser: TINY, features });
  expect([model.features.nodeDim, model.features.edgeDim, model.features.globalDim]).toEqual(widths);
  await model.fit(toyGraphs(8, createRng(seed)), { epochs: 1, batchSize: 8, rng: createRng(seed + 1) });
  const dir = mkdtempSync(join(tmpdir(), 'graphgen-feat-'));
  dirs.push(dir);
  await model.save(dir);
  const loaded = (await loadGenerator(dir)) as DiscreteFlow;
  expect(loaded.features.getConfig()).toEqual(model.features.getConfig());
  const s1 = await model.sample(3, { steps: 3, rng: createRng(seed + 2) });
  const s2 = await loaded.sample(3, { steps: 3, rng: createRng(seed + 2) });
  expect(s2.map((g) => g.edges())).toEqual(s1.map((g) => g.edges()));
  model.dispose();
  loaded.dispose();
}

describe('RRWP features', () => {
  it('equal the dense powers of P = D⁻¹A (node: diagonal, pair: entries), isolated rows zero, padding zero', () => {
    const rng = createRng(34);
    const graphs: Graph[] = [cycleGraph(5), completeGraph(4), petersenGraph(), Graph.empty(3), Graph.empty(0)];
    for (let r = 0; r < 10; r++) graphs.push(randomGraph(rng.int(2, 12), [0.1, 0.3, 0.6][r % 3], rng));
    const K = 5;
    const N = 12;
    const f = createExtraFeatures({ name: 'rrwp', walkSteps: K });
    const { x, e } = f.compute(batchOf(graphs, N));
    graphs.forEach((g, b) => {
      const n = g.n;
      const A = g.adjacency().data;
      const P = Array.from({ length: n }, (_, i) => {
        let d = 0;
        for (let j = 0; j < n; j++) d += A[i * n + j];
        return Array.from({ length: n }, (_, j) => (d > 0 ? A[i * n + j] / d : 0));
      });
      let Pk = P.map((row) => row.slice());
      for (let k = 0; k < K; k++) {
        if (k > 0) Pk = Pk.map((row) => P[0].map((_, j) => row.reduce((acc, v, m) => acc + v * P[m][j], 0)));
        for (let i = 0; i < N; i++) {
          expect(x[(b * N + i) * K + k]).toBeCloseTo(i < n ? Pk[i][i] : 0, 6);
          for (let j = 0; j < N; j++) expect(e[((b * N + i) * N + j) * K + k]).toBeCloseTo(i < n && j < n ? Pk[i][j] : 0, 6);
        }
      }
    });
  });
});

describe('cycle features up to 6-cycles', () => {
  it('equal min(1, count / 10) of brute-force counts, per node (k = 3..5) and per graph (k = 3..6), padding zero', () => {
    const rng = createRng(31);
    const graphs: Graph[] = [cycleGraph(5), cycleGraph(6), completeGraph(5), completeGraph(6), petersenGraph(), Graph.empty(0), Graph.empty(2)];
    for (let r = 0; r < 16; r++) graphs.push(randomGraph(rng.int(3, 10), [0.25, 0.4, 0.6][r % 3], rng));
    const f = createExtraFeatures({ name: 'cycles', maxCycleLength: 6 });
    expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([3, 0, 5]);
    const N = 11;
    const { x, y } = f.compute(batchOf(graphs, N));
    graphs.forEach((g, b) => {
      const ex = bruteForceCycles(g, 6);
      expect(y[b * 5]).toBeCloseTo(g.n / 64, 6);
      for (let k = 0; k < 4; k++) expect(y[b * 5 + 1 + k]).toBeCloseTo(Math.min(1, ex.perGraph[k] / 10), 6);
      for (let v = 0; v < N; v++)
        for (let k = 0; k < 3; k++) expect(x[(b * N + v) * 3 + k]).toBeCloseTo(v < g.n ? Math.min(1, ex.perNode[k][v] / 10) : 0, 6);
    });
    // the known counts, unclipped where below 10: C5, C6, Petersen (12 five-cycles clip, 10 six-cycles = 1)
    expect(Array.from(y.subarray(0, 5)).map((v) => +v.toFixed(6))).toEqual([5 / 64, 0, 0, 0.1, 0].map((v) => +v.toFixed(6)));
    expect(Array.from(y.subarray(5, 10)).map((v) => +v.toFixed(6))).toEqual([6 / 64, 0, 0, 0, 0.1].map((v) => +v.toFixed(6)));
    expect(Array.from(y.subarray(20, 25)).map((v) => +v.toFixed(6))).toEqual([10 / 64, 0, 0, 1, 1].map((v) => +v.toFixed(6)));
    expect(Array.from(x.subarray(4 * N * 3, 4 * N * 3 + 3)).map((v) => +v.toFixed(6))).toEqual([0, 0, 0.6]); // Petersen node: 6 five-cycles
  });

  it('L = 6 extends the L = 4 columns (same c3, c4, C3, C4) and L = 3, 5 give the widths in between', () => {
    const rng = createRng(32);
    const graphs = [randomGraph(8, 0.5, rng), randomGraph(6, 0.7, rng), petersenGraph()];
    const batch = batchOf(graphs);
    const N = batch.maxNodes;
    const full = createExtraFeatures({ name: 'cycles', maxCycleLength: 6 }).compute(batch);
    for (const L of [3, 4, 5]) {
      const f = createExtraFeatures({ name: 'cycles', maxCycleLength: L });
      const nd = Math.min(L, 5) - 2;
      expect([f.nodeDim, f.globalDim]).toEqual([nd, 1 + L - 2]);
      const r = f.compute(batch);
      for (let row = 0; row < graphs.length * N; row++) for (let k = 0; k < nd; k++) expect(r.x[row * nd + k]).toBe(full.x[row * 3 + k]);
      for (let b = 0; b < graphs.length; b++) for (let k = 0; k < f.globalDim; k++) expect(r.y[b * f.globalDim + k]).toBe(full.y[b * 5 + k]);
    }
  });

  it('are permutation equivariant per node and invariant per graph, for every set', () => {
    const rng = createRng(33);
    const graphs = [randomGraph(9, 0.45, rng), petersenGraph(), randomGraph(7, 0.6, rng)];
    const perms = graphs.map((g) => rng.permutation(g.n));
    const N = 10;
    const a = batchOf(graphs, N);
    const b = batchOf(
      graphs.map((g, i) => permute(g, perms[i])),
      N,
    );
    for (const name of ['cycles', 'cycles+rrwp', 'cycles+spectral'] as const) {
      const f = createExtraFeatures({ name, maxCycleLength: 6, walkSteps: 3, eigenvalues: 3 });
      const fa = f.compute(a);
      const fb = f.compute(b);
      const nd = f.nodeDim;
      graphs.forEach((g, i) => {
        for (let k = 0; k < f.globalDim; k++) expect(fb.y[i * f.globalDim + k]).toBeCloseTo(fa.y[i * f.globalDim + k], 5);
        for (let v = 0; v < g.n; v++)
          for (let k = 0; k < nd; k++) expect(fb.x[(i * N + perms[i][v]) * nd + k]).toBeCloseTo(fa.x[(i * N + v) * nd + k], 5);
      });
    }
  });

  it('declare exactly the widths they produce, for every set and L', () => {
    const graphs = [petersenGraph(), cycleGraph(5), completeGraph(4)];
    const batch = batchOf(graphs, 12);
    const B = graphs.length;
    const N = 12;
    const names: ExtraFeaturesName[] = ['none', 'cycles', 'rrwp', 'cycles+rrwp', 'cycles+spectral'];
    for (const name of names)
      for (const L of [3, 4, 5, 6]) {
        const f = createExtraFeatures({ name, maxCycleLength: L, walkSteps: 2, eigenvalues: 3 });
        const cyc = name.startsWith('cycles');
        const nodeDim = (cyc ? Math.min(L, 5) - 2 : 0) + (name.includes('rrwp') ? 2 : 0) + (name === 'cycles+spectral' ? 3 : 0);
        const globalDim = 1 + (cyc ? L - 2 : 0) + (name === 'cycles+spectral' ? 4 : 0);
        expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([nodeDim, name.includes('rrwp') ? 2 : 0, globalDim]);
        const r = f.compute(batch);
        expect([r.x.length, r.e.length, r.y.length]).toEqual([B * N * f.nodeDim, B * N * N * f.edgeDim, B * f.globalDim]);
        if (name === 'cycles+spectral') {
          // the component count (1 / 10 for connected graphs) is the last global column, after L − 2 cycle columns and 3 eigenvalues
          for (let b = 0; b < B; b++) expect(r.y[b * globalDim + globalDim - 1]).toBeCloseTo(0.1, 6);
          expect(r.y[1 + L - 2]).toBeCloseTo(0, 5); // smallest Laplacian eigenvalue of the (connected) Petersen graph
          expect(r.y[1 + L - 2 + 1]).toBeGreaterThan(0.1); // then its spectral gap
        }
        const again = createExtraFeatures(f.getConfig());
        expect([again.nodeDim, again.edgeDim, again.globalDim]).toEqual([f.nodeDim, f.edgeDim, f.globalDim]);
        expect(f.getConfig().maxCycleLength).toBe(L);
        // the denoiser input has the declared widths; no tensor left behind
        const before = tf.memory().numTensors;
        const input = buildDenoiserInput(batch, [0.1, 0.5, 0.9], f);
        expect([input.x.shape, input.e.shape, input.y.shape]).toEqual([
          [B, N, 1 + f.nodeDim],
          [B, N, N, 2 + f.edgeDim],
          [B, 1 + f.globalDim],
        ]);
        tf.dispose([input.x, input.e, input.y, input.nodeMask]);
        expect(tf.memory().numTensors).toBe(before);
      }
  });

  it('rejects a longest cycle outside 3..6', () => {
    for (const L of [2, 7, 4.5, Number.NaN]) expect(() => createExtraFeatures({ name: 'cycles', maxCycleLength: L })).toThrow(/maxCycleLength/);
  });
});

describe('backwards compatibility of saved feature configs', () => {
  it('configs without maxCycleLength keep the widths of the 3-/4-cycle features', () => {
    const old: Array<[ExtraFeaturesConfig, number[]]> = [
      [{ name: 'cycles' }, [2, 0, 3]],
      [{ name: 'cycles', walkSteps: 8, eigenvalues: 5 }, [2, 0, 3]],
      [{ name: 'cycles+spectral', eigenvalues: 5 }, [7, 0, 9]],
      [{ name: 'cycles+rrwp', walkSteps: 8 }, [10, 8, 3]],
      [{ name: 'rrwp', walkSteps: 8 }, [8, 8, 1]],
    ];
    for (const [config, widths] of old) {
      const f = createExtraFeatures(config);
      expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual(widths);
      expect(f.getConfig().maxCycleLength).toBe(4);
    }
  });

  it('a DiscreteDiffusion saved before 5-/6-cycle features loads with the same features and outputs', async () => {
    const expected = JSON.parse(readFileSync(join(LEGACY, 'expected.json'), 'utf8')) as { widths: number[]; featuresX: number[]; featuresY: number[]; logitsX: number[]; logitsE: number[] };
    const saved = JSON.parse(readFileSync(join(LEGACY, 'generator.json'), 'utf8')) as { config: { features: ExtraFeaturesConfig } };
    expect(saved.config.features).toEqual({ name: 'cycles+spectral', eigenvalues: 5 }); // no maxCycleLength: saved by the old code
    const model = (await loadGenerator(LEGACY)) as DiscreteDiffusion;
    expect([model.features.nodeDim, model.features.edgeDim, model.features.globalDim]).toEqual(expected.widths);
    const k4 = completeGraph(4);
    const wheel = Graph.fromEdgeList(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0], [5, 0], [5, 1], [5, 2], [5, 3], [5, 4]]);
    const batch = batchOf([k4, wheel, cycleGraph(6)]);
    const f = model.features.compute(batch);
    expect(Array.from(f.x)).toEqual(expected.featuresX.map((v) => expect.closeTo(v, 5)));
    expect(Array.from(f.y)).toEqual(expected.featuresY.map((v) => expect.closeTo(v, 5)));
    const before = tf.memory().numTensors;
    const input = buildDenoiserInput(batch, [0.2, 0.5, 0.8], model.features);
    const out = model.denoiser!.apply(input);
    expect(Array.from(out.x.dataSync())).toEqual(expected.logitsX.map((v) => expect.closeTo(v, 3)));
    expect(Array.from(out.e.dataSync())).toEqual(expected.logitsE.map((v) => expect.closeTo(v, 3)));
    tf.dispose([input.x, input.e, input.y, input.nodeMask, out.x, out.e]);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  it('a model with DiGress cycle features (L = 6) saves maxCycleLength and loads back', async () => {
    const model = new DiscreteDiffusion({ denoiser: TINY, trainSteps: 20, features: { name: 'cycles+spectral', eigenvalues: 5, maxCycleLength: 6 } });
    expect([model.features.nodeDim, model.features.globalDim]).toEqual([8, 11]);
    await model.fit(toyGraphs(8, createRng(34)), { epochs: 1, batchSize: 8, rng: createRng(35) });
    const dir = mkdtempSync(join(tmpdir(), 'graphgen-feat-'));
    dirs.push(dir);
    await model.save(dir);
    const saved = JSON.parse(readFileSync(join(dir, 'generator.json'), 'utf8')) as { config: { features: ExtraFeaturesConfig } };
    expect(saved.config.features.maxCycleLength).toBe(6);
    const loaded = (await loadGenerator(dir)) as DiscreteDiffusion;
    expect([loaded.features.nodeDim, loaded.features.globalDim]).toEqual([8, 11]);
    const s1 = await model.sample(3, { steps: 3, rng: createRng(36) });
    const s2 = await loaded.sample(3, { steps: 3, rng: createRng(36) });
    expect(s2.map((g) => g.edges())).toEqual(s1.map((g) => g.edges()));
    model.dispose();
    loaded.dispose();
  });
});

describe('connected-component features', () => {
  /** Reachability by repeated relaxation (independent of graphgen's component code). */
  function reach(g: Graph): boolean[][] {
    const r = Array.from({ length: g.n }, (_, i) => Array.from({ length: g.n }, (_, j) => i === j || g.hasEdge(i, j)));
    for (let k = 0; k < g.n; k++) for (let i = 0; i < g.n; i++) for (let j = 0; j < g.n; j++) if (r[i][k] && r[k][j]) r[i][j] = true;
    return r;
  }

  it('per pair [i ~ j], per node |C(i)| / n, per graph #components / 10, after the named set', () => {
    const rng = createRng(37);
    const forest = Graph.fromEdgeList(9, [[0, 1], [1, 2], [2, 3], [4, 5], [6, 7]]); // components {0..3}, {4,5}, {6,7}, {8}
    const graphs = [forest, cycleGraph(5), Graph.empty(3), Graph.empty(0), randomGraph(10, 0.15, rng), randomGraph(8, 0.2, rng)];
    const N = 11;
    const batch = batchOf(graphs, N);
    const plain = createExtraFeatures({ name: 'rrwp', walkSteps: 3 });
    const f = createExtraFeatures({ name: 'rrwp', walkSteps: 3, components: true });
    expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([plain.nodeDim + 1, plain.edgeDim + 1, plain.globalDim + 1]);
    const p = plain.compute(batch);
    const r = f.compute(batch);
    graphs.forEach((g, b) => {
      const R = reach(g);
      const count = new Set(R.map((row) => row.map((v) => (v ? 1 : 0)).join(''))).size;
      for (let k = 0; k < plain.globalDim; k++) expect(r.y[b * f.globalDim + k]).toBe(p.y[b * plain.globalDim + k]);
      expect(r.y[b * f.globalDim + f.globalDim - 1]).toBeCloseTo(count / 10, 6);
      for (let i = 0; i < N; i++) {
        for (let k = 0; k < plain.nodeDim; k++) expect(r.x[(b * N + i) * f.nodeDim + k]).toBe(p.x[(b * N + i) * plain.nodeDim + k]);
        const size = i < g.n ? R[i].filter(Boolean).length : 0;
        expect(r.x[(b * N + i) * f.nodeDim + f.nodeDim - 1]).toBeCloseTo(i < g.n ? size / g.n : 0, 6);
        for (let j = 0; j < N; j++) {
          const at = ((b * N + i) * N + j) * f.edgeDim;
          for (let k = 0; k < plain.edgeDim; k++) expect(r.e[at + k]).toBe(p.e[((b * N + i) * N + j) * plain.edgeDim + k]);
          expect(r.e[at + f.edgeDim - 1]).toBe(i < g.n && j < g.n && i !== j && R[i][j] ? 1 : 0);
        }
      }
    });
    // the forest by hand: 4 components; nodes 3 and 0 joined (distance 3), 3 and 4 not
    expect(r.y[f.globalDim - 1]).toBeCloseTo(0.4, 6);
    expect(r.e[(3 * N + 0) * f.edgeDim + f.edgeDim - 1]).toBe(1);
    expect(r.e[(3 * N + 4) * f.edgeDim + f.edgeDim - 1]).toBe(0);
    expect(r.x[8 * f.nodeDim + f.nodeDim - 1]).toBeCloseTo(1 / 9, 6);
  });

  it('are permutation equivariant per node and pair and invariant per graph, with every set', () => {
    const rng = createRng(38);
    const graphs = [randomGraph(9, 0.15, rng), Graph.fromEdgeList(7, [[0, 1], [2, 3], [3, 4]]), randomGraph(6, 0.3, rng)];
    const perms = graphs.map((g) => rng.permutation(g.n));
    const N = 10;
    const a = batchOf(graphs, N);
    const b = batchOf(
      graphs.map((g, i) => permute(g, perms[i])),
      N,
    );
    for (const name of ['none', 'cycles', 'rrwp', 'cycles+rrwp', 'cycles+spectral'] as const) {
      const f = createExtraFeatures({ name, walkSteps: 3, eigenvalues: 3, components: true });
      const fa = f.compute(a);
      const fb = f.compute(b);
      const { nodeDim: nd, edgeDim: ed, globalDim: gd } = f;
      graphs.forEach((g, i) => {
        expect(fb.y[i * gd + gd - 1]).toBeCloseTo(fa.y[i * gd + gd - 1], 6);
        for (let v = 0; v < g.n; v++) {
          expect(fb.x[(i * N + perms[i][v]) * nd + nd - 1]).toBeCloseTo(fa.x[(i * N + v) * nd + nd - 1], 6);
          for (let w = 0; w < g.n; w++) expect(fb.e[((i * N + perms[i][v]) * N + perms[i][w]) * ed + ed - 1]).toBe(fa.e[((i * N + v) * N + w) * ed + ed - 1]);
        }
      });
    }
  });

  it('round-trip through getConfig, are absent from configs that do not ask for them, and reject non-booleans', () => {
    const f = createExtraFeatures({ name: 'cycles', components: true });
    expect(f.getConfig().components).toBe(true);
    expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([3, 1, 4]);
    const again = createExtraFeatures(f.getConfig());
    expect([again.nodeDim, again.edgeDim, again.globalDim]).toEqual([3, 1, 4]);
    expect('components' in createExtraFeatures({ name: 'cycles' }).getConfig()).toBe(false);
    expect('components' in createExtraFeatures({ name: 'cycles', components: false }).getConfig()).toBe(false);
    expect(() => createExtraFeatures({ name: 'rrwp', components: 'yes' as unknown as boolean })).toThrow(/config\.components/);
  });

  it('a DiscreteFlow with component features trains, saves and loads back with the same samples', async () => {
    await expectSavedFeatures({ name: 'rrwp', walkSteps: 4, components: true }, [5, 5, 2], 39);
  });
});

describe('cycle-edge features', () => {
  /** Whether u and v stay joined once the edge u–v is removed (breadth-first search; independent of graphgen's bridge code). */
  function onCycle(g: Graph, u: number, v: number): boolean {
    const seen = new Set([u]);
    const queue = [u];
    while (queue.length > 0) {
      const a = queue.shift()!;
      for (let b = 0; b < g.n; b++) {
        if (seen.has(b) || !g.hasEdge(a, b) || (a === u && b === v) || (a === v && b === u)) continue;
        seen.add(b);
        queue.push(b);
      }
    }
    return seen.has(v);
  }
  function componentCount(g: Graph): number {
    const label = new Array<number>(g.n).fill(-1);
    let count = 0;
    for (let s = 0; s < g.n; s++) {
      if (label[s] >= 0) continue;
      const stack = [s];
      label[s] = count;
      while (stack.length > 0) {
        const a = stack.pop()!;
        for (let b = 0; b < g.n; b++) if (label[b] < 0 && g.hasEdge(a, b)) stack.push(b), (label[b] = count);
      }
      count++;
    }
    return count;
  }

  it('per pair [i–j on a cycle], per node [i on a cycle], per graph min(1, cycle rank / 10), after the component features', () => {
    const rng = createRng(51);
    // a 30-cycle with a pendant path (cycle-length beyond any count or 8-step walk), two triangles joined by a bridge, a tree
    const long = Graph.fromEdgeList(33, [...Array.from({ length: 30 }, (_, i) => [i, (i + 1) % 30] as [number, number]), [0, 30], [30, 31], [31, 32]]);
    const bowtie = Graph.fromEdgeList(7, [[0, 1], [1, 2], [2, 0], [2, 3], [3, 4], [4, 5], [5, 3], [5, 6]]);
    const tree = Graph.fromEdgeList(6, [[0, 1], [0, 2], [2, 3], [2, 4], [4, 5]]);
    const graphs = [long, bowtie, tree, completeGraph(6), petersenGraph(), Graph.empty(4), Graph.empty(0), randomGraph(12, 0.12, rng), randomGraph(15, 0.3, rng), randomGraph(20, 0.07, rng)];
    const N = 34;
    const batch = batchOf(graphs, N);
    const comps = createExtraFeatures({ name: 'rrwp', walkSteps: 3, components: true });
    const f = createExtraFeatures({ name: 'rrwp', walkSteps: 3, components: true, cycleEdges: true });
    expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([comps.nodeDim + 1, comps.edgeDim + 1, comps.globalDim + 1]);
    const p = comps.compute(batch);
    const r = f.compute(batch);
    graphs.forEach((g, b) => {
      const rank = g.numEdges - g.n + componentCount(g);
      expect(r.y[b * f.globalDim + f.globalDim - 1]).toBeCloseTo(Math.min(1, rank / 10), 6);
      for (let k = 0; k < comps.globalDim; k++) expect(r.y[b * f.globalDim + k]).toBe(p.y[b * comps.globalDim + k]);
      for (let i = 0; i < N; i++) {
        for (let k = 0; k < comps.nodeDim; k++) expect(r.x[(b * N + i) * f.nodeDim + k]).toBe(p.x[(b * N + i) * comps.nodeDim + k]);
        let nodeOnCycle = false;
        for (let j = 0; j < N; j++) {
          const at = ((b * N + i) * N + j) * f.edgeDim;
          for (let k = 0; k < comps.edgeDim; k++) expect(r.e[at + k]).toBe(p.e[((b * N + i) * N + j) * comps.edgeDim + k]);
          const want = i < g.n && j < g.n && i !== j && g.hasEdge(i, j) && onCycle(g, i, j);
          nodeOnCycle ||= want;
          expect(r.e[at + f.edgeDim - 1]).toBe(want ? 1 : 0);
        }
        expect(r.x[(b * N + i) * f.nodeDim + f.nodeDim - 1]).toBe(nodeOnCycle ? 1 : 0);
      }
    });
    // by hand: the 30-cycle's edges are marked and its pendant path is not; the bowtie's bridge 2–3 and leaf edge 5–6 are not; a tree has none
    const cycCol = (b: number, i: number, j: number) => r.e[((b * N + i) * N + j) * f.edgeDim + f.edgeDim - 1];
    expect([cycCol(0, 14, 15), cycCol(0, 29, 0), cycCol(0, 0, 30), cycCol(0, 31, 32)]).toEqual([1, 1, 0, 0]);
    expect([cycCol(1, 0, 1), cycCol(1, 2, 3), cycCol(1, 3, 2), cycCol(1, 4, 5), cycCol(1, 5, 6)]).toEqual([1, 0, 0, 1, 0]);
    expect(r.y[0 * f.globalDim + f.globalDim - 1]).toBeCloseTo(0.1, 6);
    expect(r.y[2 * f.globalDim + f.globalDim - 1]).toBe(0);
    expect(r.e.filter((_, k) => k % f.edgeDim === f.edgeDim - 1 && Math.floor(k / (f.edgeDim * N * N)) === 2).every((v) => v === 0)).toBe(true);
    // without the component features, the cycle-edge columns are the last ones on their own
    const alone = createExtraFeatures({ name: 'rrwp', walkSteps: 3, cycleEdges: true }).compute(batch);
    const plainDim = comps.edgeDim - 1;
    expect(alone.e[((1 * N + 0) * N + 1) * (plainDim + 1) + plainDim]).toBe(1);
    expect(alone.e[((1 * N + 2) * N + 3) * (plainDim + 1) + plainDim]).toBe(0);
  });

  it('are permutation equivariant per node and pair and invariant per graph', () => {
    const rng = createRng(52);
    const graphs = [randomGraph(12, 0.15, rng), Graph.fromEdgeList(8, [[0, 1], [1, 2], [2, 0], [2, 3], [4, 5], [5, 6], [6, 7], [7, 4]]), randomGraph(9, 0.35, rng)];
    const perms = graphs.map((g) => rng.permutation(g.n));
    const N = 13;
    const a = batchOf(graphs, N);
    const b = batchOf(
      graphs.map((g, i) => permute(g, perms[i])),
      N,
    );
    const f = createExtraFeatures({ name: 'cycles+rrwp', walkSteps: 3, cycleEdges: true });
    const fa = f.compute(a);
    const fb = f.compute(b);
    const { nodeDim: nd, edgeDim: ed, globalDim: gd } = f;
    graphs.forEach((g, i) => {
      expect(fb.y[i * gd + gd - 1]).toBe(fa.y[i * gd + gd - 1]);
      for (let v = 0; v < g.n; v++) {
        expect(fb.x[(i * N + perms[i][v]) * nd + nd - 1]).toBe(fa.x[(i * N + v) * nd + nd - 1]);
        for (let w = 0; w < g.n; w++) expect(fb.e[((i * N + perms[i][v]) * N + perms[i][w]) * ed + ed - 1]).toBe(fa.e[((i * N + v) * N + w) * ed + ed - 1]);
      }
    });
  });

  it('round-trip through getConfig, are absent from configs that do not ask for them, and reject non-booleans', () => {
    const f = createExtraFeatures({ name: 'cycles', components: true, cycleEdges: true });
    expect(f.getConfig().cycleEdges).toBe(true);
    expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([4, 2, 5]);
    const again = createExtraFeatures(f.getConfig());
    expect([again.nodeDim, again.edgeDim, again.globalDim]).toEqual([4, 2, 5]);
    expect('cycleEdges' in createExtraFeatures({ name: 'cycles', components: true }).getConfig()).toBe(false);
    expect('cycleEdges' in createExtraFeatures({ name: 'cycles', cycleEdges: false }).getConfig()).toBe(false);
    expect(() => createExtraFeatures({ name: 'rrwp', cycleEdges: 1 as unknown as boolean })).toThrow(/config\.cycleEdges/);
  });

  it('a DiscreteFlow with cycle-edge features trains, saves and loads back with the same samples', async () => {
    await expectSavedFeatures({ name: 'rrwp', walkSteps: 4, components: true, cycleEdges: true }, [6, 6, 3], 53);
  });
});

describe('spectral-projector features', () => {
  it('per pair the k projectors, per node their diagonals, per graph the eigenvalues, after the component and cycle-edge features', () => {
    const rng = createRng(61);
    const graphs = [randomGraph(12, 0.3, rng), completeGraph(5), Graph.empty(3), Graph.empty(0), randomGraph(14, 0.1, rng)];
    const N = 15;
    const k = 3;
    const batch = batchOf(graphs, N);
    const base = createExtraFeatures({ name: 'rrwp', walkSteps: 3, components: true, cycleEdges: true });
    const f = createExtraFeatures({ name: 'rrwp', walkSteps: 3, components: true, cycleEdges: true, spectralPairs: k });
    expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([base.nodeDim + k, base.edgeDim + k, base.globalDim + k]);
    const p = base.compute(batch);
    const r = f.compute(batch);
    graphs.forEach((g, b) => {
      const sp = spectralProjectors(g, { k });
      for (let t = 0; t < base.globalDim; t++) expect(r.y[b * f.globalDim + t]).toBe(p.y[b * base.globalDim + t]);
      for (let t = 0; t < k; t++) expect(r.y[b * f.globalDim + base.globalDim + t]).toBeCloseTo(g.n === 0 ? 0 : sp.eigenvalues[t], 6);
      for (let i = 0; i < N; i++) {
        for (let t = 0; t < base.nodeDim; t++) expect(r.x[(b * N + i) * f.nodeDim + t]).toBe(p.x[(b * N + i) * base.nodeDim + t]);
        for (let t = 0; t < k; t++) expect(r.x[(b * N + i) * f.nodeDim + base.nodeDim + t]).toBeCloseTo(i < g.n ? sp.diagonal[i * k + t] : 0, 6);
        for (let j = 0; j < N; j++) {
          const at = ((b * N + i) * N + j) * f.edgeDim;
          for (let t = 0; t < base.edgeDim; t++) expect(r.e[at + t]).toBe(p.e[((b * N + i) * N + j) * base.edgeDim + t]);
          for (let t = 0; t < k; t++) expect(r.e[at + base.edgeDim + t]).toBeCloseTo(i < g.n && j < g.n ? sp.pairs[(i * g.n + j) * k + t] : 0, 6);
        }
      }
    });
  });

  it('are permutation equivariant per node and pair and invariant per graph', () => {
    const rng = createRng(62);
    const graphs = [randomGraph(12, 0.25, rng), randomGraph(9, 0.4, rng)];
    const perms = graphs.map((g) => rng.permutation(g.n));
    const N = 12;
    const f = createExtraFeatures({ name: 'rrwp', walkSteps: 2, spectralPairs: 2 });
    const fa = f.compute(batchOf(graphs, N));
    const fb = f.compute(
      batchOf(
        graphs.map((g, i) => permute(g, perms[i])),
        N,
      ),
    );
    const { nodeDim: nd, edgeDim: ed, globalDim: gd } = f;
    graphs.forEach((g, i) => {
      for (let t = gd - 2; t < gd; t++) expect(fb.y[i * gd + t]).toBeCloseTo(fa.y[i * gd + t], 5);
      for (let v = 0; v < g.n; v++)
        for (let t = 1; t <= 2; t++) {
          expect(fb.x[(i * N + perms[i][v]) * nd + nd - t]).toBeCloseTo(fa.x[(i * N + v) * nd + nd - t], 4);
          for (let w = 0; w < g.n; w++) expect(fb.e[((i * N + perms[i][v]) * N + perms[i][w]) * ed + ed - t]).toBeCloseTo(fa.e[((i * N + v) * N + w) * ed + ed - t], 4);
        }
    });
  });

  it('round-trip through getConfig, are absent from configs that do not ask for them, and reject counts outside 1..16', () => {
    const f = createExtraFeatures({ name: 'rrwp', walkSteps: 8, spectralPairs: 6 });
    expect(f.getConfig().spectralPairs).toBe(6);
    expect([f.nodeDim, f.edgeDim, f.globalDim]).toEqual([14, 14, 7]);
    expect('spectralPairs' in createExtraFeatures({ name: 'rrwp' }).getConfig()).toBe(false);
    expect(() => createExtraFeatures({ name: 'rrwp', spectralPairs: 0 })).toThrow(/config\.spectralPairs/);
    expect(() => createExtraFeatures({ name: 'rrwp', spectralPairs: 17 })).toThrow(/config\.spectralPairs/);
    expect(() => createExtraFeatures({ name: 'rrwp', spectralPairs: 2.5 })).toThrow(/config\.spectralPairs/);
  });

  it('a DiscreteFlow with spectral-projector features trains, saves and loads back with the same samples', async () => {
    await expectSavedFeatures({ name: 'rrwp', walkSteps: 4, spectralPairs: 2 }, [6, 6, 3], 63);
  });
});
