import * as tf from '@tensorflow/tfjs-core';
import { symmetricEigen } from '../../src/core/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { collate } from '../../src/graph/collate.js';
import { permute } from '../../src/graph/permute.js';
import { batchTensors } from '../../src/nn/batchTensors.js';
import { adjacencyFromEdges } from '../../src/layers/DenseGin.js';
import {
  batchedCycleCounts,
  batchedPowerSums,
  batchedRrwp,
  batchedSpectralFeatures,
  cycleCounts,
  degreeMoments,
  graphEmbedding,
  graphEmbeddingNames,
  powerSums,
  rrwp,
  spectralFeatures,
  walkSums,
  wlHistogram,
} from '../../src/embed/index.js';
import { BACKENDS, useBackend } from '../nn/helpers.js';

function randomGraph(n: number, p: number, rng: Rng): Graph {
  const edges: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.uniform() < p) edges.push([i, j]);
  return Graph.fromEdgeList(n, edges);
}
function complete(n: number): Graph {
  const e: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) e.push([i, j]);
  return Graph.fromEdgeList(n, e);
}
function cycle(n: number, extra = 0): Graph {
  return Graph.fromEdgeList(n + extra, Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as [number, number]));
}
const star = Graph.fromEdgeList(5, [[0, 1], [0, 2], [0, 3], [0, 4]]);
const c4k1 = cycle(4, 1);
const k33 = Graph.fromEdgeList(6, [[0, 3], [0, 4], [0, 5], [1, 3], [1, 4], [1, 5], [2, 3], [2, 4], [2, 5]]);
const prism = Graph.fromEdgeList(6, [[0, 1], [1, 2], [2, 0], [3, 4], [4, 5], [5, 3], [0, 3], [1, 4], [2, 5]]);
const petersen = Graph.fromEdgeList(10, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0], [0, 5], [1, 6], [2, 7], [3, 8], [4, 9], [5, 7], [7, 9], [9, 6], [6, 8], [8, 5]]);
function rook4(): Graph {
  const e: Array<[number, number]> = [];
  for (let u = 0; u < 16; u++) for (let v = u + 1; v < 16; v++) if (Math.floor(u / 4) === Math.floor(v / 4) || u % 4 === v % 4) e.push([u, v]);
  return Graph.fromEdgeList(16, e);
}
function shrikhande(): Graph {
  const e: Array<[number, number]> = [];
  const diffs = [[0, 1], [0, 3], [1, 0], [3, 0], [1, 1], [3, 3]];
  for (let u = 0; u < 16; u++)
    for (let v = u + 1; v < 16; v++) {
      const da = (Math.floor(v / 4) - Math.floor(u / 4) + 4) % 4;
      const db = ((v % 4) - (u % 4) + 4) % 4;
      if (diffs.some(([a, b]) => a === da && b === db)) e.push([u, v]);
    }
  return Graph.fromEdgeList(16, e);
}
const arr = (v: ArrayLike<number>) => Array.from(v);

describe('exact invariants on known graphs', () => {
  it('power sums, walk sums, degree moments', () => {
    expect(arr(powerSums(complete(3), { maxK: 3 }))).toEqual([0, 6, 6]);
    expect(arr(walkSums(Graph.fromEdgeList(3, [[0, 1], [1, 2]]), { maxK: 3 }))).toEqual([4, 6, 8]);
    const dm = degreeMoments(Graph.fromEdgeList(3, [[0, 1], [1, 2]]), { maxOrder: 2 });
    expect(dm[0]).toBeCloseTo(4 / 3);
    expect(dm[1]).toBeCloseTo(2);
    expect(arr(powerSums(Graph.empty(0)))).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('cycle counts: K6, Petersen, per node', () => {
    const k6 = cycleCounts(complete(6));
    expect(arr(k6.perGraph)).toEqual([20, 45, 72, 60]); // n!/(2k(n-k)!)
    k6.perNode.forEach((pn, t) => expect(arr(pn)).toEqual(new Array(6).fill((k6.perGraph[t] * (t + 3)) / 6)));
    expect(arr(cycleCounts(petersen).perGraph)).toEqual([0, 0, 12, 10]);
    expect(arr(cycleCounts(Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3], [3, 0], [0, 2]])).perNode[0])).toEqual([2, 1, 2, 1]);
  });

  it('spectral features: eigen solver, components, C4 ∪ K1, projector features', () => {
    const r = symmetricEigen(new Float64Array([2, 1, 0, 1, 2, 0, 0, 0, 5]), 3);
    expect(arr(r.values).map((x) => +x.toFixed(10))).toEqual([1, 3, 5]);
    const sf = spectralFeatures(c4k1, { k: 6 });
    expect(arr(sf.eigenvalues).map((x) => +x.toFixed(8))).toEqual([0, 0, 1, 1, 2, 2]);
    expect(sf.numComponents).toBe(2);
    // rows of node features: first eigenspace (λ=0, dim 2) spans the C4 constant vector and the isolated node
    const n = 5;
    for (let i = 0; i < n; i++) expect(sf.nodeFeatures[i * 6 + 0]).toBeCloseTo(i < 4 ? 0.125 : 0.5, 8);
    expect(() => spectralFeatures(c4k1, { k: 0 })).toThrow(/options.k/);
  });

  it('rrwp and WL histogram basics', () => {
    const r = rrwp(Graph.fromEdgeList(3, [[0, 1], [1, 2]]), { steps: 3 });
    // M = [[0,1,0],[.5,0,.5],[0,1,0]]; (M²)_00 = 0.5
    expect(r.nodes[0 * 3 + 2]).toBeCloseTo(0.5);
    expect(r.pairs[(0 * 3 + 1) * 3 + 1]).toBeCloseTo(1);
    const h = wlHistogram(petersen, { iterations: 2, bins: 8 });
    expect(h.length).toBe(24);
    expect(h.reduce((a, b) => a + b, 0)).toBe(30);
  });

  it('bad input', () => {
    expect(() => powerSums({} as Graph)).toThrow(/graph: expected a Graph/);
    expect(() => walkSums(petersen, { maxK: 0 })).toThrow(/options.maxK/);
    expect(() => cycleCounts(petersen, { maxK: 2 })).toThrow(/options.maxK/);
    expect(() => wlHistogram(petersen, { bins: 0 })).toThrow(/options.bins/);
    expect(() => graphEmbedding(petersen, null as never)).toThrow(/spec/);
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(/expected shape/);
  });
});

describe('invariance under random relabelling', () => {
  it('all invariants are unchanged and node features permute', () => {
    const rng = createRng(17);
    for (let trial = 0; trial < 6; trial++) {
      const g = randomGraph(9 + trial, 0.35, rng);
      const perm = rng.permutation(g.n);
      const h = permute(g, perm);
      expect(arr(powerSums(h))).toEqual(arr(powerSums(g)));
      expect(arr(walkSums(h))).toEqual(arr(walkSums(g)));
      expect(arr(degreeMoments(h))).toEqual(arr(degreeMoments(g)));
      expect(arr(wlHistogram(h))).toEqual(arr(wlHistogram(g)));
      const cg = cycleCounts(g);
      const ch = cycleCounts(h);
      expect(arr(ch.perGraph)).toEqual(arr(cg.perGraph));
      for (let v = 0; v < g.n; v++) expect(ch.perNode.map((p) => p[perm[v]])).toEqual(cg.perNode.map((p) => p[v]));
      const eg = graphEmbedding(g);
      const eh = graphEmbedding(h);
      expect(eh.length).toBe(graphEmbeddingNames().length);
      for (let i = 0; i < eg.length; i++) expect(eh[i]).toBeCloseTo(eg[i], 8);
      const sg = spectralFeatures(g, { k: 5 });
      const sh = spectralFeatures(h, { k: 5 });
      for (let v = 0; v < g.n; v++) for (let t = 0; t < 5; t++) expect(sh.nodeFeatures[perm[v] * 5 + t]).toBeCloseTo(sg.nodeFeatures[v * 5 + t], 6);
      const rg = rrwp(g, { steps: 4 });
      const rh = rrwp(h, { steps: 4 });
      for (let v = 0; v < g.n; v++) for (let t = 0; t < 4; t++) expect(rh.nodes[perm[v] * 4 + t]).toBeCloseTo(rg.nodes[v * 4 + t], 10);
    }
  });
});

describe('documented failure cases', () => {
  it('power sums cannot separate the cospectral pair K_{1,4} vs C4 ∪ K1; walk sums and the Laplacian spectrum can', () => {
    expect(arr(powerSums(star, { maxK: 10 }))).toEqual(arr(powerSums(c4k1, { maxK: 10 })));
    expect(arr(walkSums(star))).not.toEqual(arr(walkSums(c4k1)));
    expect(spectralFeatures(star).numComponents).toBe(1);
    expect(spectralFeatures(c4k1).numComponents).toBe(2);
    expect(arr(graphEmbedding(star, { walkSums: false, degreeMoments: false, cycles: false, spectrum: false, wl: false }))).toEqual(
      arr(graphEmbedding(c4k1, { walkSums: false, degreeMoments: false, cycles: false, spectrum: false, wl: false })),
    );
    expect(arr(graphEmbedding(star))).not.toEqual(arr(graphEmbedding(c4k1)));
  });

  it('WL histograms and degree moments cannot separate K_{3,3} vs the prism; cycle counts can', () => {
    expect(arr(wlHistogram(k33, { iterations: 5 }))).toEqual(arr(wlHistogram(prism, { iterations: 5 })));
    expect(arr(degreeMoments(k33))).toEqual(arr(degreeMoments(prism)));
    expect(cycleCounts(k33).perGraph[0]).toBe(0);
    expect(cycleCounts(prism).perGraph[0]).toBe(2);
    expect(arr(graphEmbedding(k33))).not.toEqual(arr(graphEmbedding(prism)));
  });

  it('the full default embedding cannot separate the 4x4 rook graph from the Shrikhande graph', () => {
    const a = graphEmbedding(rook4());
    const b = graphEmbedding(shrikhande());
    for (let i = 0; i < a.length; i++) expect(b[i]).toBeCloseTo(a[i], 8);
  });
});

describe.each(BACKENDS)('batched tfjs features match the exact ones (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it('cycle counts, power sums, RRWP, spectral features on a padded batch', () => {
    const rng = createRng(3);
    const graphs = [randomGraph(8, 0.5, rng), randomGraph(6, 0.6, rng), complete(5), prism];
    const t = batchTensors(collate(graphs, { nodeClasses: 1, edgeClasses: 2 }));
    const before = tf.memory().numTensors;
    const adj = adjacencyFromEdges(t.e);
    const cc = batchedCycleCounts(adj);
    const ps = batchedPowerSums(adj, 5);
    const rw = batchedRrwp(adj, t.nodeMask, 4);
    const sp = batchedSpectralFeatures(adj, t.nodeMask, 4);
    const pn = cc.perNode.arraySync();
    const pg = cc.perGraph.arraySync();
    const psa = ps.arraySync();
    const rwn = rw.nodes.arraySync();
    const spe = sp.eigenvalues.arraySync();
    graphs.forEach((g, b) => {
      const ex = cycleCounts(g);
      expect(pg[b].map((x) => Math.round(x * 1000) / 1000)).toEqual(arr(ex.perGraph));
      for (let v = 0; v < g.n; v++) for (let k = 0; k < 3; k++) expect(pn[b][v][k]).toBeCloseTo(ex.perNode[k][v], 3);
      for (let v = g.n; v < 8; v++) expect(pn[b][v]).toEqual([0, 0, 0]);
      expect(psa[b].slice(0, 5)).toEqual(arr(powerSums(g, { maxK: 5 })));
      expect(psa[b].slice(5)).toEqual(arr(walkSums(g, { maxK: 5 })));
      const r = rrwp(g, { steps: 4 });
      for (let v = 0; v < g.n; v++) for (let k = 0; k < 4; k++) expect(rwn[b][v][k]).toBeCloseTo(r.nodes[v * 4 + k], 5);
      expect(spe[b].map((x) => +x.toFixed(4))).toEqual(arr(spectralFeatures(g, { k: 4 }).eigenvalues).map((x) => +x.toFixed(4)));
    });
    tf.dispose([adj, cc.perNode, cc.perGraph, ps, rw.pairs, rw.nodes, sp.eigenvalues, sp.numComponents, sp.nodeFeatures]);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose(Object.values(t));
  });
});
