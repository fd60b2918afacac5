import { describe, expect, it } from 'vitest';
import { Graph, sanitizeEdgeList } from '../../src/graph/index.js';
import { InputError, ShapeError, createRng } from '../../src/core/index.js';

function randomGraph(n: number, p: number, seed: number): Graph {
  const rng = createRng(seed);
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.uniform() < p) edges.push(rng.uniform() < 0.5 ? [i, j] : [j, i]);
  return Graph.fromEdgeList(n, rng.shuffled(edges));
}

describe('Graph.fromEdgeList', () => {
  it('stores edges canonically and gives sorted neighbourhoods', () => {
    const g = Graph.fromEdgeList(5, [[3, 1], [0, 4], [1, 0], [4, 3]]);
    expect(g.n).toBe(5);
    expect(g.numEdges).toBe(4);
    expect(g.edges()).toEqual([[0, 1], [0, 4], [1, 3], [3, 4]]);
    expect(Array.from(g.neighbors(0))).toEqual([1, 4]);
    expect(Array.from(g.neighbors(3))).toEqual([1, 4]);
    expect(Array.from(g.neighbors(2))).toEqual([]);
    expect(Array.from(g.degrees())).toEqual([2, 2, 0, 2, 2]);
    expect(g.hasEdge(4, 0)).toBe(true);
    expect(g.hasEdge(2, 0)).toBe(false);
    expect(g.edgeLabel(1, 3)).toBe(1);
    expect(g.edgeLabel(1, 2)).toBe(0);
    expect(g.nodeLabel(2)).toBe(0);
    expect(g.hasNodeLabels).toBe(false);
  });

  it('CSR agrees with the dense adjacency on random graphs', () => {
    for (let s = 0; s < 20; s++) {
      const g = randomGraph(1 + (s % 13) * 3, 0.3, s);
      const a = g.adjacency();
      const { offsets, targets, edgeIds } = g.csr();
      const edges = g.edges();
      for (let i = 0; i < g.n; i++) {
        const row: number[] = [];
        for (let j = 0; j < g.n; j++) if (a.data[i * g.n + j] === 1) row.push(j);
        expect(Array.from(g.neighbors(i))).toEqual(row);
        for (let k = offsets[i]; k < offsets[i + 1]; k++) {
          const [u, v] = edges[edgeIds[k]];
          expect(u === i ? v : u).toBe(targets[k]);
        }
      }
      for (let i = 0; i < g.n; i++) expect(a.data[i * g.n + i]).toBe(0);
    }
  });

  it('keeps node and edge labels aligned with the sorted edge order', () => {
    const g = Graph.fromEdgeList(3, [[2, 1], [0, 1]], { edgeLabels: [3, 2], nodeLabels: [5, 0, 1] });
    expect(g.edges()).toEqual([[0, 1], [1, 2]]);
    expect(Array.from(g.edgeLabels())).toEqual([2, 3]);
    expect(g.edgeLabel(1, 2)).toBe(3);
    expect(g.nodeLabel(0)).toBe(5);
    expect(Array.from(g.adjacency('labels').data)).toEqual([0, 2, 0, 2, 0, 3, 0, 3, 0]);
  });

  it('is immutable from the outside: returned arrays are copies', () => {
    const g = Graph.fromEdgeList(3, [[0, 1]], { nodeLabels: [1, 1, 1] });
    g.nodeLabels()[0] = 9;
    g.degrees()[0] = 9;
    g.edges()[0][1] = 2;
    g.edgeArrays().u[0] = 2;
    expect(g.nodeLabel(0)).toBe(1);
    expect(g.degree(0)).toBe(1);
    expect(g.hasEdge(0, 1)).toBe(true);
    expect(Object.isFrozen(g)).toBe(false); // private fields, not freezing, guarantee immutability
  });

  it('rejects self-loops, multi-edges and out-of-range ids with clear errors', () => {
    expect(() => Graph.fromEdgeList(3, [[1, 1]])).toThrow(/edges\[0\]: self-loop on node 1/);
    expect(() => Graph.fromEdgeList(3, [[0, 1], [2, 0], [1, 0]])).toThrow(/edges\[2\]: edge \{0, 1\} appears more than once \(edges\[0\]\)/);
    expect(() => Graph.fromEdgeList(3, [[0, 3]])).toThrow('edges[0][1]: expected a node id in 0..2, got 3');
    expect(() => Graph.fromEdgeList(3, [[0, 1.5]])).toThrow(InputError);
    expect(() => Graph.fromEdgeList(3, [[0, Number.NaN]])).toThrow(/NaN/);
    expect(() => Graph.fromEdgeList(3, [[0] as never])).toThrow(/edges\[0\]: expected a pair/);
    expect(() => Graph.fromEdgeList(-1, [])).toThrow(/^n: /);
    expect(() => Graph.fromEdgeList(2.5, [])).toThrow(InputError);
    expect(() => Graph.fromEdgeList(3, null as never)).toThrow(/edges: expected an array/);
  });

  it('validates labels', () => {
    expect(() => Graph.fromEdgeList(2, [[0, 1]], { edgeLabels: [0] })).toThrow(/edgeLabels\[0\].*>= 1/);
    expect(() => Graph.fromEdgeList(2, [[0, 1]], { edgeLabels: [1, 2] })).toThrow(ShapeError);
    expect(() => Graph.fromEdgeList(2, [], { nodeLabels: [0] })).toThrow(ShapeError);
    expect(() => Graph.fromEdgeList(2, [], { nodeLabels: [0, -1] })).toThrow(/nodeLabels\[1\]/);
    expect(() => Graph.fromEdgeList(2, [], { nodeLabels: [0, 0.5] })).toThrow(InputError);
  });

  it('accessors validate node ids', () => {
    const g = Graph.fromEdgeList(2, [[0, 1]]);
    expect(() => g.degree(2)).toThrow(/v: expected a node id in 0..1, got 2/);
    expect(() => g.hasEdge(-1, 0)).toThrow(InputError);
    expect(() => g.neighbors(0.5)).toThrow(InputError);
  });

  it('handles the empty graph and large sparse graphs', () => {
    const e = Graph.empty(0);
    expect(e.n).toBe(0);
    expect(e.adjacency().data.length).toBe(0);
    const n = 100_000;
    const edges: [number, number][] = [];
    for (let i = 0; i + 1 < n; i++) edges.push([i + 1, i]);
    const path = Graph.fromEdgeList(n, edges);
    expect(path.degree(0)).toBe(1);
    expect(path.degree(n / 2)).toBe(2);
    expect(path.hasEdge(n - 1, n - 2)).toBe(true);
  });
});

describe('Graph.fromAdjacency', () => {
  it('round-trips with adjacency()', () => {
    for (let s = 0; s < 10; s++) {
      const g = randomGraph(12, 0.4, 100 + s);
      expect(Graph.fromAdjacency(g.adjacency()).equals(g)).toBe(true);
    }
    const a = [[0, 2, 0], [2, 0, 1], [0, 1, 0]];
    const labelled = Graph.fromAdjacency(a, { values: 'labels' });
    expect(labelled.edgeLabel(0, 1)).toBe(2);
    expect(Graph.fromAdjacency(a).edgeLabel(0, 1)).toBe(1);
  });

  it('rejects non-square, asymmetric and diagonal entries', () => {
    expect(() => Graph.fromAdjacency([[0, 1]])).toThrow(ShapeError);
    expect(() => Graph.fromAdjacency([[0, 1], [0, 0]])).toThrow(/matrix\[1\]\[0\]: expected a symmetric matrix/);
    expect(() => Graph.fromAdjacency([[1, 0], [0, 0]])).toThrow(/matrix\[0\]\[0\]/);
    expect(() => Graph.fromAdjacency([[0, 0.5], [0.5, 0]], { values: 'labels' })).toThrow(InputError);
    expect(() => Graph.fromAdjacency([[0, Number.NaN], [Number.NaN, 0]])).toThrow(InputError);
    expect(() => Graph.fromAdjacency({ rows: 2, cols: 3, data: new Float64Array(6) })).toThrow(ShapeError);
    expect(() => Graph.fromAdjacency(5 as never)).toThrow(InputError);
  });
});

describe('equality and JSON', () => {
  it('equals compares structure and labels; JSON round-trips', () => {
    const g = Graph.fromEdgeList(3, [[0, 1], [1, 2]], { nodeLabels: [0, 1, 2], edgeLabels: [1, 2] });
    expect(Graph.fromJSON(JSON.parse(JSON.stringify(g.toJSON()))).equals(g)).toBe(true);
    expect(g.equals(Graph.fromEdgeList(3, [[0, 1], [1, 2]]))).toBe(false);
    expect(Graph.fromEdgeList(3, [[0, 1]]).equals(Graph.fromEdgeList(3, [[0, 1]], { nodeLabels: [0, 0, 0], edgeLabels: [1] }))).toBe(true);
    expect(() => Graph.fromJSON({} as never)).toThrow(InputError);
    expect(String(g)).toBe('Graph(n=3, m=2, node labels, edge labels)');
  });
});

describe('sanitizeEdgeList', () => {
  it('drops self-loops and duplicates explicitly and reports them', () => {
    const r = sanitizeEdgeList(4, [[0, 1], [2, 2], [1, 0], [2, 3], [3, 2]], [1, 1, 1, 2, 2]);
    expect(r.edges).toEqual([[0, 1], [2, 3]]);
    expect(r.edgeLabels).toEqual([1, 2]);
    expect(r.dropped).toEqual({ selfLoops: [1], duplicates: [2, 4] });
    expect(() => Graph.fromEdgeList(4, r.edges, { edgeLabels: r.edgeLabels })).not.toThrow();
  });

  it('refuses to drop a duplicate that carries a different label', () => {
    expect(() => sanitizeEdgeList(2, [[0, 1], [1, 0]], [1, 2])).toThrow(/edgeLabels\[1\]/);
    expect(() => sanitizeEdgeList(2, [[0, 2]])).toThrow(InputError);
  });
});
