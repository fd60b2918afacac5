import { describe, expect, it } from 'vitest';
import { Graph, collate, uncollate, permute, randomPermutation, type DenseBatch } from '../../src/graph/index.js';
import { InputError, ShapeError, createRng, type Rng } from '../../src/core/index.js';

function randomLabelledGraph(rng: Rng, n: number, dx: number, de: number): Graph {
  const edges: [number, number][] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.uniform() < 0.35) { edges.push([i, j]); labels.push(rng.int(1, de)); }
  const nodeLabels = Array.from({ length: n }, () => rng.int(0, dx));
  return Graph.fromEdgeList(n, edges, { nodeLabels, edgeLabels: labels });
}

describe('collate / uncollate', () => {
  it('produces the documented one-hot layout', () => {
    const g = Graph.fromEdgeList(2, [[0, 1]]);
    const b = collate([g], { nodeClasses: 1, edgeClasses: 2, maxNodes: 3 });
    expect(b.batchSize).toBe(1);
    expect(b.maxNodes).toBe(3);
    expect(Array.from(b.x)).toEqual([1, 1, 0]);
    expect(Array.from(b.nodeMask)).toEqual([1, 1, 0]);
    expect(Array.from(b.nodeCounts)).toEqual([2]);
    // e[i][j] = [noEdge, edge]; diagonal and padding all zero
    expect(Array.from(b.e)).toEqual([0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('is symmetric, zero on the diagonal and padding, and inverts exactly', () => {
    const rng = createRng(3);
    const graphs = Array.from({ length: 12 }, (_, i) => randomLabelledGraph(rng, i % 7, 3, 4));
    const b = collate(graphs, { nodeClasses: 3, edgeClasses: 4, maxNodes: 8 });
    const N = 8;
    const de = 4;
    for (let k = 0; k < graphs.length; k++) {
      const n = graphs[k].n;
      for (let i = 0; i < N; i++) for (let j = 0; j < N; j++) for (let c = 0; c < de; c++) {
        const v = b.e[(((k * N + i) * N + j) * de) + c];
        expect(v).toBe(b.e[(((k * N + j) * N + i) * de) + c]);
        if (i === j || i >= n || j >= n) expect(v).toBe(0);
      }
    }
    const back = uncollate(b);
    expect(back.length).toBe(graphs.length);
    back.forEach((g, k) => expect(g.equals(graphs[k])).toBe(true));
  });

  it('commutes with node permutations of the real nodes', () => {
    const rng = createRng(4);
    const g = randomLabelledGraph(rng, 6, 2, 3);
    const perm = randomPermutation(6, rng);
    const a = collate([g], { nodeClasses: 2, edgeClasses: 3 });
    const p = collate([permute(g, perm)], { nodeClasses: 2, edgeClasses: 3 });
    for (let i = 0; i < 6; i++) {
      for (let c = 0; c < 2; c++) expect(p.x[perm[i] * 2 + c]).toBe(a.x[i * 2 + c]);
      for (let j = 0; j < 6; j++) for (let c = 0; c < 3; c++) expect(p.e[(perm[i] * 6 + perm[j]) * 3 + c]).toBe(a.e[(i * 6 + j) * 3 + c]);
    }
  });

  it('rejects undeclared classes, oversize graphs and empty input', () => {
    const g = Graph.fromEdgeList(3, [[0, 1]], { edgeLabels: [3], nodeLabels: [0, 2, 0] });
    expect(() => collate([g], { nodeClasses: 2, edgeClasses: 4 })).toThrow(/graphs\[0\] node 1 label/);
    expect(() => collate([g], { nodeClasses: 3, edgeClasses: 3 })).toThrow(/edge label: expected a class < edgeClasses = 3, got 3/);
    expect(() => collate([g], { nodeClasses: 3, edgeClasses: 4, maxNodes: 2 })).toThrow(/graphs\[0\]\.n/);
    expect(() => collate([], { nodeClasses: 1, edgeClasses: 2 })).toThrow(InputError);
    expect(() => collate([g], { nodeClasses: 0, edgeClasses: 2 })).toThrow(/nodeClasses/);
    expect(() => collate([g], { nodeClasses: 3, edgeClasses: 1 })).toThrow(/edgeClasses/);
    expect(() => collate([{} as Graph], { nodeClasses: 1, edgeClasses: 2 })).toThrow(/graphs\[0\]: expected a Graph/);
  });

  it('uncollate refuses anything that is not an exact, symmetric one-hot batch', () => {
    const base = collate([Graph.fromEdgeList(3, [[0, 1]])], { nodeClasses: 1, edgeClasses: 2, maxNodes: 4 });
    const mutate = (f: (b: DenseBatch) => void): DenseBatch => {
      const b: DenseBatch = { ...base, x: base.x.slice(), e: base.e.slice(), nodeMask: base.nodeMask.slice(), nodeCounts: base.nodeCounts.slice() };
      f(b);
      return b;
    };
    expect(() => uncollate(mutate((b) => { b.x[0] = 0.9; }))).toThrow(/batch\.x\[0\]\[0\]/);
    expect(() => uncollate(mutate((b) => { b.x[3] = 1; }))).toThrow(/padding/);
    expect(() => uncollate(mutate((b) => { b.e[(0 * 4 + 1) * 2 + 1] = 0; b.e[(0 * 4 + 1) * 2] = 1; }))).toThrow(/symmetric/);
    expect(() => uncollate(mutate((b) => { b.e[0] = 1; }))).toThrow(/diagonal/);
    expect(() => uncollate(mutate((b) => { b.nodeMask[3] = 1; }))).toThrow(/nodeMask\[0\]\[3\]/);
    expect(() => uncollate(mutate((b) => { b.e = b.e.subarray(1); }))).toThrow(ShapeError);
    expect(() => uncollate(mutate((b) => { b.nodeCounts[0] = 9; }))).toThrow(/nodeCounts\[0\]/);
  });
});

describe('permute', () => {
  it('maps node v to perm[v] with its labels, and inverts', () => {
    const g = Graph.fromEdgeList(3, [[0, 1], [1, 2]], { nodeLabels: [7, 8, 9], edgeLabels: [1, 2] });
    const h = permute(g, [2, 0, 1]);
    expect(h.edges()).toEqual([[0, 1], [0, 2]]);
    expect(h.edgeLabel(2, 0)).toBe(1);
    expect(h.edgeLabel(0, 1)).toBe(2);
    expect(Array.from(h.nodeLabels())).toEqual([8, 9, 7]);
    const inv = [1, 2, 0];
    expect(permute(h, inv).equals(g)).toBe(true);
  });

  it('randomPermutation is seeded and validated by permute', () => {
    expect(Array.from(randomPermutation(10, createRng(1)))).toEqual(Array.from(randomPermutation(10, createRng(1))));
    const g = Graph.empty(3);
    expect(() => permute(g, [0, 1])).toThrow(ShapeError);
    expect(() => permute(g, [0, 0, 1])).toThrow(/perm\[1\]: expected a permutation/);
    expect(() => permute(g, [0, 1, 3])).toThrow(InputError);
  });
});
