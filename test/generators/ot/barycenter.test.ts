import { describe, expect, it } from 'vitest';
import { AbortedError, InputError } from '../../../src/core/errors.js';
import { createRng } from '../../../src/core/rng.js';
import { Graph } from '../../../src/graph/Graph.js';
import { permute } from '../../../src/graph/permute.js';
import { isIsomorphic } from '../../../src/metrics/sample/isIsomorphic.js';
import { decodeBarycenter } from '../../../src/generators/ot/decodeBarycenter.js';
import { graphBarycenter, type GraphBarycenterProgress } from '../../../src/generators/ot/graphBarycenter.js';
import { graphStructure } from '../../../src/generators/ot/graphStructure.js';
import { interpolate } from '../../../src/generators/ot/interpolate.js';
import { gnp, key } from './helpers.js';

describe('graphBarycenter', () => {
  it('the barycenter of k permuted copies of one graph is that graph (up to isomorphism)', () => {
    const rng = createRng(11);
    for (const [n, p] of [
      [8, 0.4],
      [12, 0.3],
      [16, 0.25],
      [20, 0.2],
    ] as const) {
      for (let rep = 0; rep < 3; rep++) {
        const g = gnp(n, p, rng);
        const k = 2 + rep;
        const copies = Array.from({ length: k }, () => permute(g, rng.permutation(n)));
        const weights = Array.from({ length: k }, () => rng.uniform() + 0.1);
        const bary = graphBarycenter(copies, weights, { rng });
        expect(bary.C.rows).toBe(n);
        expect(bary.value).toBeLessThan(1e-9);
        // the threshold rule and the exact edge count both give back the graph
        expect(isIsomorphic(decodeBarycenter(bary), g)).toBe(true);
        expect(isIsomorphic(decodeBarycenter(bary, { edges: g.numEdges }), g)).toBe(true);
      }
    }
  });

  it('works with shortest-path structures and node labels (fused GW)', () => {
    const rng = createRng(12);
    const base = gnp(12, 0.3, rng);
    const labels = Array.from({ length: 12 }, (_, i) => i % 3);
    const g = Graph.fromEdgeList(12, base.edges(), { nodeLabels: labels });
    const copies = [0, 1, 2].map(() => permute(g, rng.permutation(12)));
    for (const structure of ['adjacency', 'shortestPath'] as const) {
      const bary = graphBarycenter(copies, [1, 1, 1], { rng, structure, nInit: 4 });
      expect(bary.X.cols).toBe(3);
      expect(isIsomorphic(decodeBarycenter(bary, { edges: g.numEdges }), g)).toBe(true);
    }
    expect(graphStructure(Graph.fromEdgeList(3, [[0, 1], [1, 2]]), 'shortestPath').data).toEqual(Float64Array.of(0, 1, 2, 1, 0, 1, 2, 1, 0));
  });

  it('mixes graphs of different sizes, symmetric, deterministic, with progress events and abort', () => {
    const rng = createRng(13);
    const gs = [gnp(10, 0.3, rng), gnp(14, 0.3, rng), gnp(12, 0.4, rng)];
    const events: GraphBarycenterProgress[] = [];
    const a = graphBarycenter(gs, [0.2, 0.5, 0.3], { rng: createRng(1), nodes: 11, maxIter: 5, onProgress: (e) => events.push(e) });
    const b = graphBarycenter(gs, [0.2, 0.5, 0.3], { rng: createRng(1), nodes: 11, maxIter: 5 });
    expect(Array.from(a.C.data)).toEqual(Array.from(b.C.data));
    expect(events.length).toBe(a.iterations);
    expect(events[0]).toMatchObject({ iteration: 1, maxIter: 5 });
    for (let i = 0; i < 11; i++) for (let j = 0; j < 11; j++) expect(a.C.data[i * 11 + j]).toBeCloseTo(a.C.data[j * 11 + i], 12);
    a.plans.forEach((T, s) => {
      expect(T.rows).toBe(11);
      expect(T.cols).toBe(gs[s].n);
      const rowSums = new Float64Array(11);
      for (let i = 0; i < 11; i++) for (let j = 0; j < T.cols; j++) rowSums[i] += T.data[i * T.cols + j];
      rowSums.forEach((r) => expect(r).toBeCloseTo(1 / 11, 9));
    });
    const g = decodeBarycenter(a, { edges: 20 });
    expect(g.n).toBe(11);
    expect(g.numEdges).toBe(20);
    const ac = new AbortController();
    ac.abort();
    expect(() => graphBarycenter(gs, [1, 1, 1], { rng, signal: ac.signal })).toThrow(AbortedError);
  });

  it('rejects bad input with typed errors', () => {
    const rng = createRng(0);
    const g = gnp(5, 0.5, rng);
    expect(() => graphBarycenter([], [], { rng })).toThrow(InputError);
    expect(() => graphBarycenter([g], [1, 2], { rng })).toThrow(/weights/);
    expect(() => graphBarycenter([g], [Number.NaN], { rng })).toThrow(/weights\[0\]/);
    expect(() => graphBarycenter([g], [0], { rng })).toThrow(/positive/);
    expect(() => graphBarycenter([g, Graph.empty(0)], [1, 1], { rng })).toThrow(/graphs\[1\]/);
    expect(() => graphBarycenter([g, {} as Graph], [1, 1], { rng })).toThrow(/graphs\[1\]/);
    expect(() => graphBarycenter([g], [1], {} as never)).toThrow(/options.rng/);
    expect(() => graphBarycenter([g], [1], { rng, nodes: 0 })).toThrow(/options.nodes/);
    expect(() => graphBarycenter([g], [1], { rng, structure: 'wl' as never })).toThrow(/options.structure/);
    expect(() => graphBarycenter([g], [1], { rng, alpha: 2 })).toThrow(/options.alpha/);
    const bary = graphBarycenter([g], [1], { rng });
    expect(() => decodeBarycenter(bary, { edges: 11 })).toThrow(/options.edges/);
    expect(() => decodeBarycenter(bary, { threshold: -1 })).toThrow(/options.threshold/);
    expect(() => decodeBarycenter(null as never)).toThrow(InputError);
  });
});

describe('interpolate', () => {
  const ring = Graph.fromEdgeList(8, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7], [7, 0]]);
  const star = Graph.fromEdgeList(6, [[0, 1], [0, 2], [0, 3], [0, 4], [0, 5]]);

  it('returns the endpoints at t = 0 and 1 and interpolates node and edge counts in between', () => {
    expect(interpolate(ring, star, 0, { rng: createRng(0) })).toBe(ring);
    expect(interpolate(ring, star, 1, { rng: createRng(0) })).toBe(star);
    for (const t of [0.25, 0.5, 0.75]) {
      const g = interpolate(ring, star, t, { rng: createRng(0) });
      expect(g.n).toBe(Math.round((1 - t) * 8 + t * 6));
      const rho = (1 - t) * (8 / 28) + t * (5 / 15);
      expect(g.numEdges).toBe(Math.round((rho * g.n * (g.n - 1)) / 2));
    }
    // a small step from the ring stays a ring-like graph (all degrees 2 when n and m stay 8)
    const near = interpolate(ring, star, 0.1, { rng: createRng(0) });
    expect(near.n).toBe(8);
    expect(isIsomorphic(near, ring)).toBe(true);
  });

  it('is deterministic and permutation-invariant up to isomorphism at the endpoints', () => {
    const a = interpolate(ring, star, 0.5, { rng: createRng(3) });
    const b = interpolate(ring, star, 0.5, { rng: createRng(3) });
    expect(key([a])).toBe(key([b]));
    const g = gnp(9, 0.4, createRng(5));
    const h = permute(g, createRng(6).permutation(9));
    expect(isIsomorphic(interpolate(g, h, 0.5, { rng: createRng(1) }), g)).toBe(true);
  });

  it('rejects bad input', () => {
    expect(() => interpolate(ring, star, 1.5, { rng: createRng(0) })).toThrow(/\bt\b/);
    expect(() => interpolate(ring, star, Number.NaN, { rng: createRng(0) })).toThrow(InputError);
    expect(() => interpolate(ring, Graph.empty(0), 0.5, { rng: createRng(0) })).toThrow(/g2/);
    expect(() => interpolate({} as Graph, star, 0.5, { rng: createRng(0) })).toThrow(/g1/);
    expect(() => interpolate(ring, star, 0.5, {} as never)).toThrow(/options.rng/);
    expect(() => interpolate(ring, star, 0.5, { rng: createRng(0), edges: 1000 })).toThrow(/options.edges/);
  });
});
