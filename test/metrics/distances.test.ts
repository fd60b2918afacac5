import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { permute } from '../../src/graph/permute.js';
import { bipartiteGraphEditDistance, graphEditDistance, gromovWassersteinDistance, wlSubtreeKernel } from '../../src/metrics/index.js';
import { fixture, toGraph, type EdgeRecord } from './helpers/fixtures.js';

const ged = fixture<{ a: EdgeRecord; b: EdgeRecord; ged: number }[]>('ged.json');

describe('graph edit distance vs networkx.graph_edit_distance (fixtures/ged.json)', () => {
  it(`exact on ${ged.length} pairs; bipartite is an upper bound`, () => {
    for (const r of ged) {
      const a = toGraph(r.a);
      const b = toGraph(r.b);
      const e = graphEditDistance(a, b);
      expect(e.exact).toBe(true);
      expect(e.value).toBe(r.ged);
      expect(graphEditDistance(b, a).value).toBe(r.ged);
      expect(bipartiteGraphEditDistance(a, b).value).toBeGreaterThanOrEqual(r.ged);
    }
  });
  it('labels, isomorphic graphs, timeout', () => {
    const p3 = Graph.fromEdgeList(3, [[0, 1], [1, 2]]);
    expect(graphEditDistance(p3, permute(p3, [2, 0, 1])).value).toBe(0);
    const l = Graph.fromEdgeList(3, [[0, 1], [1, 2]], { nodeLabels: [0, 1, 0] });
    expect(graphEditDistance(p3, l).value).toBe(1);
    expect(graphEditDistance(p3, l, { nodeLabels: false }).value).toBe(0);
    const rng = createRng(2);
    const big = (n: number): Graph => {
      const e: [number, number][] = [];
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.uniform() < 0.5) e.push([i, j]);
      return Graph.fromEdgeList(n, e);
    };
    const r = graphEditDistance(big(14), big(14), { timeoutMs: 30 });
    expect(r.exact).toBe(false);
    expect(r.value).toBeGreaterThan(0);
  });
});

describe('WL subtree kernel and GW distance', () => {
  it('kernel: symmetric, invariant, normalised diagonal 1', () => {
    const a = Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3]]);
    const b = Graph.fromEdgeList(4, [[0, 1], [0, 2], [0, 3]]);
    const K = wlSubtreeKernel([a, b, permute(a, [3, 2, 1, 0])], { iterations: 2 });
    expect(K.data[0]).toBe(K.data[8]);
    expect(K.data[2]).toBe(K.data[0]);
    expect(K.data[1]).toBe(K.data[3]);
    // round 0: 4*4 = 16 for every pair of unlabelled 4-node graphs
    expect(K.data[1]).toBeGreaterThanOrEqual(16);
    const Kn = wlSubtreeKernel([a, b], { normalize: true });
    expect(Kn.data[0]).toBeCloseTo(1, 15);
    expect(Kn.data[1]).toBeLessThan(1);
  });
  it('GW distance is ~0 for a relabelled copy and positive otherwise', () => {
    const c6 = Graph.fromEdgeList(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0]]);
    expect(gromovWassersteinDistance(c6, permute(c6, [1, 3, 5, 0, 2, 4])).value).toBeLessThan(1e-9);
    const p6 = Graph.fromEdgeList(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]);
    expect(gromovWassersteinDistance(c6, p6).value).toBeGreaterThan(1e-3);
    const r = gromovWassersteinDistance(c6, p6, { alpha: 0.5, structure: 'adjacency' });
    expect(r.plan.rows).toBe(6);
  });
  it('bad input', () => {
    const g = Graph.fromEdgeList(2, [[0, 1]]);
    expect(() => graphEditDistance(g, null as unknown as Graph)).toThrow(/b: expected a Graph/);
    expect(() => graphEditDistance(g, g, { timeoutMs: NaN })).toThrow(/options.timeoutMs/);
    expect(() => bipartiteGraphEditDistance(3 as unknown as Graph, g)).toThrow(/a: expected a Graph/);
    expect(() => wlSubtreeKernel([])).toThrow(/graphs: expected a non-empty array/);
    expect(() => wlSubtreeKernel([g], { iterations: 1.5 })).toThrow(/options.iterations/);
    expect(() => gromovWassersteinDistance(g, Graph.empty(0))).toThrow(/b: expected a graph with at least one node/);
    expect(() => gromovWassersteinDistance(g, g, { alpha: 2 })).toThrow(/options.alpha/);
    expect(() => gromovWassersteinDistance(g, g, { structure: 'x' as 'adjacency' })).toThrow(/options.structure/);
  });
});
