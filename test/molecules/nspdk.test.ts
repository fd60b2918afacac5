import { beforeAll, describe, expect, it } from 'vitest';
import { Graph } from '../../src/graph/index.js';
import { permute } from '../../src/graph/permute.js';
import { createRng, InputError, ShapeError } from '../../src/core/index.js';
import {
  loadRdkit, nspdkFeatures, nspdkMmd, moleculeNspdkGraph, frechetDistance, type RdkitModule, type NspdkFeatures,
} from '../../src/molecules/index.js';

let rdkit: RdkitModule;
beforeAll(async () => {
  rdkit = await loadRdkit();
});

const dot = (a: NspdkFeatures, b: NspdkFeatures): number => {
  let s = 0;
  let j = 0;
  for (let i = 0; i < a.indices.length; i++) {
    while (j < b.indices.length && b.indices[j] < a.indices[i]) j++;
    if (j < b.indices.length && b.indices[j] === a.indices[i]) s += a.values[i] * b.values[j];
  }
  return s;
};

/**
 * Independent slow NSPDK (same definition, no hashing): exact string keys for neighbourhoods and
 * features, BFS on the edge-to-vertex graph, per-(R, D) block normalisation then global.
 */
function slowNspdk(g: Graph, r: number, d: number): Map<string, number> {
  const n = g.n;
  const edges = g.edges();
  const el = g.edgeLabels();
  const nl = g.nodeLabels();
  const total = n + edges.length;
  const adj: number[][] = Array.from({ length: total }, () => []);
  edges.forEach(([a, b], e) => {
    adj[a].push(n + e);
    adj[b].push(n + e);
    adj[n + e].push(a, b);
  });
  const label = (x: number) => (x < n ? `n${nl[x]}` : `e${el[x - n]}`) + `/${adj[x].length}`;
  const dists = (root: number) => {
    const dist = new Array(total).fill(-1);
    dist[root] = 0;
    const q = [root];
    for (let h = 0; h < q.length; h++) for (const y of adj[q[h]]) if (dist[y] < 0 && dist[q[h]] < 2 * Math.max(r, d)) { dist[y] = dist[q[h]] + 1; q.push(y); }
    return dist;
  };
  const all = Array.from({ length: n }, (_, v) => dists(v));
  const neigh = (v: number, R: number): string | null => {
    const dist = all[v];
    const shells: string[] = [];
    for (let k = 0; k <= 2 * R; k++) {
      const s = [];
      for (let x = 0; x < total; x++) if (dist[x] === k) s.push(label(x));
      if (s.length === 0) return null;
      shells.push(s.sort().join(','));
    }
    return shells.join(';');
  };
  const blocks = new Map<string, Map<string, number>>();
  for (let v = 0; v < n; v++) {
    for (let u = 0; u < n; u++) {
      const D2 = all[v][u];
      if (D2 < 0 || D2 > 2 * d) continue;
      for (let R = 0; R <= r; R++) {
        const a = neigh(v, R);
        const b = neigh(u, R);
        if (a === null || b === null) break;
        const key = `${R},${D2 / 2}`;
        const block = blocks.get(key) ?? new Map<string, number>();
        blocks.set(key, block);
        const full = `F|${a < b ? a : b}|${a < b ? b : a}|${key}`;
        const half = `H|${b}|${key}`;
        block.set(full, (block.get(full) ?? 0) + 1);
        block.set(half, (block.get(half) ?? 0) + 1);
      }
    }
  }
  const out = new Map<string, number>();
  for (const block of blocks.values()) {
    const norm = Math.sqrt([...block.values()].reduce((s, c) => s + c * c, 0));
    for (const [k, c] of block) out.set(k, c / norm);
  }
  const norm = Math.sqrt([...out.values()].reduce((s, c) => s + c * c, 0));
  for (const [k, c] of out) out.set(k, c / norm);
  return out;
}
const slowDot = (a: Map<string, number>, b: Map<string, number>) => [...a].reduce((s, [k, x]) => s + x * (b.get(k) ?? 0), 0);

describe('nspdkFeatures', () => {
  it('single atoms: two features of weight 1/sqrt(2), hand-checked MMDs', () => {
    const c = Graph.empty(1, { nodeLabels: [6] });
    const n = Graph.empty(1, { nodeLabels: [7] });
    const f = nspdkFeatures(c);
    expect(f.indices).toHaveLength(2);
    expect(Array.from(f.values)).toEqual([Math.SQRT1_2, Math.SQRT1_2].map((x) => expect.closeTo(x, 15)));
    expect(dot(f, nspdkFeatures(n))).toBe(0);
    expect(nspdkMmd([c], [n])).toBeCloseTo(2, 12);
    expect(nspdkMmd([c, n], [c])).toBeCloseTo(0.5, 12);
    expect(nspdkMmd([c, c], [c])).toBeCloseTo(0, 12);
  });

  it('two bonded atoms: 4 blocks x 2 features, each 1/(2 sqrt 2)', () => {
    // C-C: roots are symmetric; blocks (R, D) for R, D in {0, 1} each hold a full and a half feature with count 2.
    const f = nspdkFeatures(Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [6, 6], edgeLabels: [1] }));
    expect(f.indices).toHaveLength(8);
    for (const x of f.values) expect(x).toBeCloseTo(1 / (2 * Math.SQRT2), 14);
  });

  it('matches an independent exact implementation on random labelled graphs', () => {
    const rng = createRng(3);
    const graphs: Graph[] = [];
    for (let t = 0; t < 12; t++) {
      const n = rng.int(1, 9);
      const edges: [number, number][] = [];
      for (let i = 1; i < n; i++) edges.push([rng.int(0, i), i]);
      for (let k = 0; k < 2 && n > 3; k++) {
        const a = rng.int(0, n);
        const b = rng.int(0, n);
        if (a !== b && !edges.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) edges.push([a, b]);
      }
      graphs.push(Graph.fromEdgeList(n, edges, {
        nodeLabels: Array.from({ length: n }, () => rng.int(0, 3)),
        edgeLabels: edges.map(() => rng.int(1, 3)),
      }));
    }
    for (const [r, d] of [[4, 4], [1, 2], [0, 0]]) {
      const fast = graphs.map((g) => nspdkFeatures(g, { radius: r, distance: d, nbits: 30 }));
      const slow = graphs.map((g) => slowNspdk(g, r, d));
      for (let i = 0; i < graphs.length; i++) {
        for (let j = i; j < graphs.length; j++) expect(dot(fast[i], fast[j])).toBeCloseTo(slowDot(slow[i], slow[j]), 10);
      }
    }
  });

  it('is invariant under node reordering', () => {
    const rng = createRng(5);
    for (const s of ['CC(=O)Nc1ccccc1', 'OC1COC1C#N', 'C1CC2CC1O2']) {
      const g = moleculeNspdkGraph(rdkit, s);
      const f = nspdkFeatures(g);
      for (let t = 0; t < 3; t++) {
        const p = nspdkFeatures(permute(g, rng.permutation(g.n)));
        expect(Array.from(p.indices)).toEqual(Array.from(f.indices));
        Array.from(p.values).forEach((x, i) => expect(x).toBeCloseTo(f.values[i], 14));
      }
    }
  });

  it('rejects bad input', () => {
    expect(() => nspdkFeatures(Graph.empty(0))).toThrow(/at least one node/);
    expect(() => nspdkFeatures({} as Graph)).toThrow(InputError);
    expect(() => nspdkFeatures(Graph.empty(1), { nbits: 4 })).toThrow(/options.nbits/);
    expect(() => nspdkFeatures(Graph.empty(1), { radius: -1 })).toThrow(/options.radius/);
    expect(() => nspdkFeatures(Graph.empty(1), { complexity: 1.5 })).toThrow(/options.complexity/);
  });
});

describe('nspdkMmd', () => {
  it('equals the pairwise V-statistic, skips empty graphs, and is 0 for equal sets', () => {
    const xs = ['CCO', 'c1ccccc1', 'CC#N', 'OC=O'].map((s) => moleculeNspdkGraph(rdkit, s));
    const ys = ['CCN', 'c1ccncc1', 'CCO'].map((s) => moleculeNspdkGraph(rdkit, s));
    const fx = xs.map((g) => nspdkFeatures(g));
    const fy = ys.map((g) => nspdkFeatures(g));
    const mean = (a: NspdkFeatures[], b: NspdkFeatures[]) => a.reduce((s, p) => s + b.reduce((t, q) => t + dot(p, q), 0), 0) / (a.length * b.length);
    const pairwise = mean(fx, fx) + mean(fy, fy) - 2 * mean(fx, fy);
    expect(nspdkMmd(xs, ys)).toBeCloseTo(pairwise, 12);
    expect(nspdkMmd(xs, [...ys, Graph.empty(0)])).toBeCloseTo(pairwise, 12);
    expect(nspdkMmd(xs, [...xs].reverse())).toBeCloseTo(0, 12);
    expect(() => nspdkMmd([], ys)).toThrow(/x: expected at least one non-empty graph/);
    expect(() => nspdkMmd(xs, [Graph.empty(0)])).toThrow(/y/);
    expect(() => nspdkMmd(xs, 'y' as unknown as Graph[])).toThrow(InputError);
  });
});

describe('moleculeNspdkGraph', () => {
  it('labels atoms by atomic number and bonds by int(order), aromatic = 1', () => {
    const g = moleculeNspdkGraph(rdkit, 'C1=CC=CC=C1C#N');
    expect(Array.from(g.nodeLabels())).toEqual([6, 6, 6, 6, 6, 6, 6, 7]);
    expect(Array.from(g.edgeLabels()).sort()).toEqual([1, 1, 1, 1, 1, 1, 1, 3]);
    expect(() => moleculeNspdkGraph(rdkit, 'C1CC')).toThrow(/unclosed ring/);
    expect(() => moleculeNspdkGraph(rdkit, '')).toThrow(InputError);
  });
});

describe('frechetDistance', () => {
  it('matches closed forms', () => {
    expect(frechetDistance([[0], [2]], [[1], [3]])).toBeCloseTo(1, 12);
    // variances 2 and 8 (unbiased), equal means: (sqrt 2 - sqrt 8)^2 = 2
    expect(frechetDistance([[-1], [1]], [[-2], [2]])).toBeCloseTo(2, 12);
    const a = [[1, 0], [0, 1], [-1, 0], [0, -1]];
    expect(frechetDistance(a, a)).toBeCloseTo(0, 10);
    // shifting every point moves only the mean
    expect(frechetDistance(a, a.map(([x, y]) => [x + 3, y - 4]))).toBeCloseTo(25, 10);
  });
  it('rejects bad input', () => {
    expect(() => frechetDistance([[1]], [[1], [2]])).toThrow(/at least two/);
    expect(() => frechetDistance([[1], [2]], [[1, 2], [2, 3]])).toThrow(ShapeError);
    expect(() => frechetDistance([[1], [NaN]], [[1], [2]])).toThrow(/a\[1\]\[0\]/);
  });
});
