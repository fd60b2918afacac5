import { describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/Graph.js';
import { permute } from '../../src/graph/permute.js';
import { createRng } from '../../src/core/rng.js';
import {
  clusteringCoefficients,
  clusteringHistogram,
  connectedComponents,
  cycleCounts,
  degreeHistogram,
  diameter,
  histogram,
  isConnected,
  laplacianSpectrum,
  normalizedLaplacian,
  orbitCounts,
  orbitDescriptor,
  spectralHistogram,
  triangleCounts,
  waveletDescriptor,
  absplineFilterBank,
} from '../../src/metrics/index.js';
import { fixture, toGraph, type EdgeRecord } from './helpers/fixtures.js';

interface StatsRecord extends EdgeRecord {
  degreeHistogram: number[];
  clustering: number[];
  triangles: number[];
  orbits: number[][];
  components: number;
  diameter: number | null;
  spectrum?: number[];
  clusteringHist?: number[];
  spectralPmf?: number[];
  wavelet?: number[];
}

const records = fixture<StatsRecord[]>('stats.json');

function close(a: ArrayLike<number>, b: ArrayLike<number>, tol: number): void {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThanOrEqual(tol);
}

describe('statistics vs networkx / scipy / brute force (fixtures/stats.json)', () => {
  it(`matches on ${records.length} graphs`, () => {
    for (const r of records) {
      const g = toGraph(r);
      expect(Array.from(degreeHistogram(g))).toEqual(r.degreeHistogram);
      close(clusteringCoefficients(g), r.clustering, 1e-12);
      expect(Array.from(triangleCounts(g))).toEqual(r.triangles);
      const o = orbitCounts(g);
      expect(o.rows).toBe(r.n);
      expect(o.cols).toBe(15);
      for (let v = 0; v < r.n; v++) expect(Array.from(o.data.subarray(v * 15, v * 15 + 15))).toEqual(r.orbits[v]);
      expect(connectedComponents(g).count).toBe(r.components);
      if (r.diameter !== null) expect(diameter(g)).toBe(r.diameter);
      else if (r.n > 0) expect(diameter(g)).toBe(Infinity);
      if (r.spectrum) {
        close(laplacianSpectrum(g), r.spectrum, 1e-9);
        expect(Array.from(clusteringHistogram(g))).toEqual(r.clusteringHist);
        if (Math.max(...r.spectrum) <= 2) close(spectralHistogram(g), r.spectralPmf as number[], 1e-12);
        else {
          // LAPACK rounded a bipartite eigenvalue 2 up and numpy dropped it; graphgen counts it in the last bin
          const clamped = r.spectrum.map((x) => Math.min(x, 2));
          const h = histogram(clamped, { bins: 200, range: [-1e-5, 2] });
          close(spectralHistogram(g), Array.from(h, (c) => c / r.n), 1e-12);
        }
        expect(Array.from(waveletDescriptor(g))).toEqual(r.wavelet);
      }
    }
  });
});

describe('statistics: definitions and invariance', () => {
  const rng = createRng(7);
  const edges: [number, number][] = [];
  for (let i = 0; i < 30; i++) for (let j = i + 1; j < 30; j++) if (rng.uniform() < 0.2) edges.push([i, j]);
  const g = Graph.fromEdgeList(30, edges);

  it('orbit counts are permutation-equivariant and orbit 0 is the degree', () => {
    const perm = rng.permutation(30);
    const h = permute(g, perm);
    const a = orbitCounts(g).data;
    const b = orbitCounts(h).data;
    for (let v = 0; v < 30; v++) for (let j = 0; j < 15; j++) expect(b[perm[v] * 15 + j]).toBe(a[v * 15 + j]);
    for (let v = 0; v < 30; v++) expect(a[v * 15]).toBe(g.degree(v));
  });

  it('orbit descriptor of K4 and of a star', () => {
    const k4 = Graph.fromEdgeList(4, [[0, 1], [0, 2], [0, 3], [1, 2], [1, 3], [2, 3]]);
    const d = orbitDescriptor(k4);
    expect(d[0]).toBe(3);
    expect(d[3]).toBe(3);
    expect(d[14]).toBe(1);
    const star = Graph.fromEdgeList(4, [[0, 1], [0, 2], [0, 3]]);
    const o = orbitCounts(star).data;
    expect(o[7]).toBe(1);
    expect(o[15 + 6]).toBe(1);
  });

  it('cycle counts of K_n follow n!/((n-k)! 2k); per node counts sum to k * total', () => {
    const e: [number, number][] = [];
    for (let i = 0; i < 7; i++) for (let j = i + 1; j < 7; j++) e.push([i, j]);
    const k7 = Graph.fromEdgeList(7, e);
    const c = cycleCounts(k7);
    const fact = (x: number): number => (x <= 1 ? 1 : x * fact(x - 1));
    for (let k = 3; k <= 6; k++) {
      expect(c.perGraph[k - 3]).toBe(fact(7) / fact(7 - k) / (2 * k));
      let s = 0;
      for (let v = 0; v < 7; v++) s += c.perNode[k - 3][v];
      expect(s).toBe(k * c.perGraph[k - 3]);
    }
    expect(cycleCounts(Graph.fromEdgeList(5, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 0]])).perGraph[2]).toBe(1);
    // triangles agree with triangleCounts
    const t = triangleCounts(g);
    const cc = cycleCounts(g, { maxK: 4 });
    for (let v = 0; v < 30; v++) expect(cc.perNode[0][v]).toBe(t[v]);
  });

  it('normalised Laplacian follows the networkx convention for isolated nodes', () => {
    const h = Graph.fromEdgeList(3, [[0, 1]]);
    expect(Array.from(normalizedLaplacian(h).data)).toEqual([1, -1, 0, -1, 1, 0, 0, 0, 0]);
    const s = laplacianSpectrum(h);
    expect(s[0]).toBeCloseTo(0, 14);
    expect(s[1]).toBeCloseTo(0, 14);
    expect(s[2]).toBeCloseTo(2, 14);
  });

  it('histogram follows numpy binning (edges, last bin closed, outside dropped)', () => {
    expect(Array.from(histogram([0, 0.3, 1 / 3, 0.5, 1, 1.5, -0.1], { bins: 10, range: [0, 1] }))).toEqual([1, 0, 1, 1, 0, 1, 0, 0, 0, 1]); // numpy: edge 3 is 0.30000000000000004, so 0.3 is in bin 2
    expect(Array.from(histogram([2, 2, 2], { bins: 2 }))).toEqual([0, 3]);
  });

  it('abspline bank: low-pass height equals the spline peak, bound is that peak', () => {
    const b = absplineFilterBank();
    expect(b.scales.length).toBe(11);
    expect(b.scales[0]).toBeCloseTo(20, 12);
    expect(b.scales[10]).toBeCloseTo(0.5, 12);
    expect(b.bound).toBeCloseTo(b.gammaL, 15);
    expect(b.gammaL).toBeGreaterThan(1);
  });

  it('components, connectivity, diameter', () => {
    const h = Graph.fromEdgeList(5, [[0, 1], [1, 2], [3, 4]]);
    const c = connectedComponents(h);
    expect(c.count).toBe(2);
    expect(Array.from(c.sizes)).toEqual([3, 2]);
    expect(isConnected(h)).toBe(false);
    expect(isConnected(Graph.empty(1))).toBe(true);
    expect(isConnected(Graph.empty(0))).toBe(false);
    expect(diameter(Graph.empty(1))).toBe(0);
  });

  it('rejects bad input with typed errors naming the argument', () => {
    const bad = { n: 3 } as unknown as Graph;
    for (const f of [degreeHistogram, clusteringCoefficients, triangleCounts, orbitCounts, laplacianSpectrum, connectedComponents, isConnected]) {
      expect(() => f(bad)).toThrow(/graph: expected a Graph/);
    }
    expect(() => orbitDescriptor(Graph.empty(0))).toThrow(/graph: expected a graph with at least one node/);
    expect(() => spectralHistogram(Graph.empty(0))).toThrow(/E?graph/);
    expect(() => waveletDescriptor(Graph.empty(0))).toThrow(/at least one node/);
    expect(() => diameter(Graph.empty(0))).toThrow(/at least one node/);
    expect(() => clusteringHistogram(g, { bins: 0 })).toThrow(/options.bins/);
    expect(() => histogram([1], { range: [1, 0] })).toThrow(/options.range/);
    expect(() => histogram([1], { range: [0, NaN] })).toThrow(/options.range/);
    expect(() => cycleCounts(g, { maxK: 2 })).toThrow(/maxK/);
    try {
      orbitCounts(bad);
    } catch (e) {
      expect((e as { code: string }).code).toBe('E_INPUT');
    }
  });
});
