import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { permute } from '../../src/graph/permute.js';
import { batchedCycleCounts, cycleCounts } from '../../src/embed/index.js';
import { BACKENDS, useBackend } from '../nn/helpers.js';
import { bruteForceCycles, completeGraph, cycleGraph, petersenGraph, randomGraph } from './bruteForceCycles.js';

/** Padded adjacency `[B,N,N]` and node mask `[B,N]` of graphs (N = the largest n unless given). */
function padded(graphs: Graph[], maxNodes?: number): { adj: Float32Array; mask: Float32Array; N: number } {
  const N = maxNodes ?? Math.max(...graphs.map((g) => g.n));
  const adj = new Float32Array(graphs.length * N * N);
  const mask = new Float32Array(graphs.length * N);
  graphs.forEach((g, b) => {
    for (let v = 0; v < g.n; v++) mask[b * N + v] = 1;
    for (const [u, v] of g.edges()) {
      adj[(b * N + u) * N + v] = 1;
      adj[(b * N + v) * N + u] = 1;
    }
  });
  return { adj, mask, N };
}

function counts(graphs: Graph[], options: { maxNodes?: number; garbage?: boolean } = {}): { perNode: number[][][]; perGraph: number[][] } {
  const { adj, mask, N } = padded(graphs, options.maxNodes);
  if (options.garbage) {
    // entries touching padding and the diagonal are not zero: the mask must remove them
    for (let b = 0; b < graphs.length; b++)
      for (let i = 0; i < N; i++)
        for (let j = 0; j < N; j++) if (i === j || mask[b * N + i] === 0 || mask[b * N + j] === 0) adj[(b * N + i) * N + j] = 1;
  }
  const a = tf.tensor3d(adj, [graphs.length, N, N]);
  const m = tf.tensor2d(mask, [graphs.length, N]);
  const r = batchedCycleCounts(a, m);
  const out = { perNode: r.perNode.arraySync(), perGraph: r.perGraph.arraySync() };
  tf.dispose([a, m, r.perNode, r.perGraph]);
  return out;
}

/** Float64 reference with explicit matrix powers A², …, A⁶ (the DiGress form of the formulas). */
function explicitPowers(g: Graph): { perNode: Float64Array[]; perGraph: number[] } {
  const n = g.n;
  const A = new Float64Array(n * n);
  for (const [u, v] of g.edges()) A[u * n + v] = A[v * n + u] = 1;
  const mul = (p: Float64Array, q: Float64Array): Float64Array => {
    const c = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let k = 0; k < n; k++) {
        const x = p[i * n + k];
        if (x !== 0) for (let j = 0; j < n; j++) c[i * n + j] += x * q[k * n + j];
      }
    return c;
  };
  const P: Float64Array[] = [A, A]; // P[k] = A^k (P[0] unused)
  for (let k = 2; k <= 6; k++) P.push(mul(P[k - 1], A));
  const dg = (k: number, i: number): number => P[k][i * n + i];
  const d = Array.from({ length: n }, (_, i) => dg(2, i));
  const t = Array.from({ length: n }, (_, i) => dg(3, i));
  const c3 = new Float64Array(n);
  const c4 = new Float64Array(n);
  const c5 = new Float64Array(n);
  let c6 = 0;
  for (let i = 0; i < n; i++) {
    let ad = 0;
    let at = 0;
    let aa2d = 0;
    for (let j = 0; j < n; j++) {
      ad += A[i * n + j] * d[j];
      at += A[i * n + j] * t[j];
      aa2d += A[i * n + j] * P[2][i * n + j] * d[j];
      c6 += 9 * A[i * n + j] * P[2][i * n + j] ** 2 + 3 * P[3][i * n + j];
    }
    c3[i] = t[i] / 2;
    c4[i] = (dg(4, i) - d[i] * (d[i] - 1) - ad) / 2;
    c5[i] = (dg(5, i) - 2 * t[i] * d[i] - at - 2 * aa2d + 5 * t[i]) / 2;
    c6 += dg(6, i) - 3 * t[i] ** 2 - 6 * d[i] * dg(4, i) + 6 * dg(4, i) - 4 * t[i] + 4 * d[i] ** 3 - 12 * d[i] ** 2 + 4 * d[i];
  }
  const sum = (v: Float64Array): number => v.reduce((s, x) => s + x, 0);
  return { perNode: [c3, c4, c5], perGraph: [sum(c3) / 3, sum(c4) / 4, sum(c5) / 5, c6 / 12] };
}

/** Exact 3- and 4-cycle counts from common neighbours (a formula independent of the others). */
function commonNeighbourCounts(g: Graph): { c3: number; c4: number; perNode4: Float64Array } {
  const n = g.n;
  const nb = Array.from({ length: n }, (_, v) => new Set(Array.from(g.neighbors(v))));
  let c3 = 0;
  let c4 = 0;
  const perNode4 = new Float64Array(n);
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      let common = 0;
      for (const w of nb[i]) if (nb[j].has(w)) common++;
      if (nb[i].has(j)) c3 += common; // each triangle has 3 edges
      const pairs = (common * (common - 1)) / 2; // 4-cycles with i, j opposite
      c4 += pairs; // each 4-cycle has 2 diagonals
      perNode4[i] += pairs;
      perNode4[j] += pairs;
    }
  return { c3: c3 / 3, c4: c4 / 2, perNode4 };
}

describe.each(BACKENDS)('batchedCycleCounts (%s)', (backend) => {
  beforeAll(async () => useBackend(backend));

  it('matches brute force on random graphs (n <= 9), in padded batches', () => {
    const rng = createRng(21);
    const graphs: Graph[] = [];
    for (let r = 0; r < 24; r++) graphs.push(randomGraph(rng.int(3, 10), [0.3, 0.5, 0.7, 0.9][r % 4], rng));
    graphs.push(Graph.empty(0), Graph.empty(1), cycleGraph(3));
    for (let start = 0; start < graphs.length; start += 9) {
      const chunk = graphs.slice(start, start + 9);
      const got = counts(chunk, { maxNodes: 11 });
      chunk.forEach((g, b) => {
        const ex = bruteForceCycles(g, 6);
        expect(got.perGraph[b]).toEqual(ex.perGraph.map((v) => expect.closeTo(v, 4)));
        for (let v = 0; v < 11; v++) {
          const want = v < g.n ? [0, 1, 2].map((k) => ex.perNode[k][v]) : [0, 0, 0];
          expect(got.perNode[b][v]).toEqual(want.map((x) => expect.closeTo(x, 4)));
        }
        // and the pure-TS enumeration agrees with the brute force
        expect(Array.from(cycleCounts(g, { maxK: 6 }).perGraph)).toEqual(ex.perGraph);
      });
    }
  });

  it('gives the known counts of C5, C6, K5, K6 and the Petersen graph', () => {
    const graphs = [cycleGraph(5), cycleGraph(6), completeGraph(5), completeGraph(6), petersenGraph()];
    const got = counts(graphs);
    const round = (v: number[]): number[] => v.map((x) => Math.round(x * 1000) / 1000);
    expect(round(got.perGraph[0])).toEqual([0, 0, 1, 0]);
    expect(round(got.perGraph[1])).toEqual([0, 0, 0, 1]);
    expect(round(got.perGraph[2])).toEqual([10, 15, 12, 0]); // C(5,k)(k-1)!/2
    expect(round(got.perGraph[3])).toEqual([20, 45, 72, 60]);
    expect(round(got.perGraph[4])).toEqual([0, 0, 12, 10]);
    expect(round(got.perNode[0][0])).toEqual([0, 0, 1]);
    expect(round(got.perNode[2][0])).toEqual([6, 12, 12]);
    expect(round(got.perNode[3][5])).toEqual([10, 30, 60]);
    for (let v = 0; v < 10; v++) expect(round(got.perNode[4][v])).toEqual([0, 0, 6]); // 12 · 5 / 10
    for (let v = 5; v < 10; v++) expect(got.perNode[0][v]).toEqual([0, 0, 0]); // C5 padded to 10
  });

  it('ignores whatever lies on the diagonal and on padded rows/columns when given the node mask', () => {
    const rng = createRng(22);
    const graphs = [randomGraph(7, 0.5, rng), randomGraph(4, 0.8, rng), completeGraph(5)];
    const clean = counts(graphs, { maxNodes: 9 });
    const dirty = counts(graphs, { maxNodes: 9, garbage: true });
    expect(dirty).toEqual(clean);
  });

  it('is permutation equivariant per node and invariant per graph', () => {
    const rng = createRng(23);
    const graphs = [randomGraph(9, 0.5, rng), petersenGraph(), randomGraph(8, 0.7, rng)];
    const perms = graphs.map((g) => rng.permutation(g.n));
    const a = counts(graphs);
    const b = counts(graphs.map((g, i) => permute(g, perms[i])));
    graphs.forEach((g, i) => {
      expect(b.perGraph[i]).toEqual(a.perGraph[i].map((x) => expect.closeTo(x, 4)));
      for (let v = 0; v < g.n; v++) expect(b.perNode[i][perms[i][v]]).toEqual(a.perNode[i][v].map((x) => expect.closeTo(x, 4)));
    });
  });

  it('stays exact enough in float32 on 200-node dense graphs (relative 1e-4)', () => {
    const rng = createRng(24);
    const dense = [randomGraph(200, 0.5, rng), randomGraph(200, 0.1, rng), completeGraph(200)];
    const got = counts(dense);
    const rel = (x: number, want: number): number => Math.abs(x - want) / Math.max(1, Math.abs(want));
    dense.forEach((g, b) => {
      const ref = explicitPowers(g);
      const cn = commonNeighbourCounts(g);
      expect(ref.perGraph[0]).toBe(cn.c3);
      expect(ref.perGraph[1]).toBe(cn.c4);
      for (let k = 0; k < 4; k++) expect(rel(got.perGraph[b][k], ref.perGraph[k])).toBeLessThan(1e-4);
      for (let v = 0; v < 200; v++) {
        expect(ref.perNode[1][v]).toBe(cn.perNode4[v]);
        for (let k = 0; k < 3; k++) expect(rel(got.perNode[b][v][k], ref.perNode[k][v])).toBeLessThan(1e-4);
      }
    });
    // K200: C(200,k)(k-1)!/2 cycles of length k
    const kn = [3, 4, 5, 6].map((k) => {
      let c = 1;
      for (let q = 0; q < k; q++) c *= 200 - q;
      return c / (2 * k);
    });
    for (let k = 0; k < 4; k++) expect(rel(got.perGraph[2][k], kn[k])).toBeLessThan(1e-4);
    expect(explicitPowers(dense[2]).perGraph).toEqual(kn);
  });

  it('does not leak tensors and checks shapes', () => {
    const { adj, mask, N } = padded([petersenGraph(), cycleGraph(6)]);
    const a = tf.tensor3d(adj, [2, N, N]);
    const m = tf.tensor2d(mask, [2, N]);
    const before = tf.memory().numTensors;
    const r1 = batchedCycleCounts(a, m);
    const r2 = batchedCycleCounts(a);
    expect(r1.perNode.shape).toEqual([2, N, 3]);
    expect(r1.perGraph.shape).toEqual([2, 4]);
    expect(r2.perGraph.arraySync()).toEqual(r1.perGraph.arraySync());
    tf.dispose([r1.perNode, r1.perGraph, r2.perNode, r2.perGraph]);
    expect(tf.memory().numTensors).toBe(before);
    const bad = [tf.zeros([2, 3]), tf.ones([2, N + 1]), tf.ones([1, N]), tf.zeros([2, N, N + 1])];
    expect(() => batchedCycleCounts(bad[0])).toThrow(/adj/);
    expect(() => batchedCycleCounts(bad[3], m)).toThrow(/adj/);
    expect(() => batchedCycleCounts(a, bad[1])).toThrow(/nodeMask/);
    expect(() => batchedCycleCounts(a, bad[2])).toThrow(/nodeMask/);
    tf.dispose(bad);
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([a, m]);
  });
});
