import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import {
  DATASET_RECIPES,
  RECIPE_NAMES,
  citationLikeGraph,
  communitySmallGraph,
  datasetStats,
  egoGraph,
  gdssSplit,
  gridGraph,
  loadDataset,
  lobsterGraph,
  planarGraph,
  randomTree,
  sbmGraph,
  spectreSplit,
  spectreSplitSizes,
  treeFromPrufer,
} from '../../src/datasets/index.js';
import { delaunayEdges, DegenerateInputError } from '../../src/datasets/internal/delaunay.js';
import { connected, isTree, passesEulerBound } from './helpers.js';

const all = (name: (typeof RECIPE_NAMES)[number]) => {
  const d = loadDataset(name);
  return [...d.train, ...d.val, ...d.test];
};

describe('Delaunay triangulation (planar recipe)', () => {
  it('matches a brute-force empty-circle check on random point sets', () => {
    const rng = createRng(3);
    for (let t = 0; t < 5; t++) {
      const n = 40;
      const xs = new Float64Array(n).map(() => rng.uniform());
      const ys = new Float64Array(n).map(() => rng.uniform());
      const { edges, hullSize } = delaunayEdges(xs, ys);
      expect(edges.length).toBe(3 * n - 3 - hullSize);
      const set = new Set(edges.map(([u, v]) => `${u},${v}`));
      let triangles = 0;
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++)
          for (let k = j + 1; k < n; k++) {
            const [ax, ay, bx, by, cx, cy] = [xs[i], ys[i], xs[j], ys[j], xs[k], ys[k]];
            const d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
            const ux = ((ax * ax + ay * ay) * (by - cy) + (bx * bx + by * by) * (cy - ay) + (cx * cx + cy * cy) * (ay - by)) / d;
            const uy = ((ax * ax + ay * ay) * (cx - bx) + (bx * bx + by * by) * (ax - cx) + (cx * cx + cy * cy) * (bx - ax)) / d;
            const r2 = (ax - ux) ** 2 + (ay - uy) ** 2;
            let empty = true;
            for (let m = 0; m < n && empty; m++) if (m !== i && m !== j && m !== k && (xs[m] - ux) ** 2 + (ys[m] - uy) ** 2 < r2 * (1 - 1e-9)) empty = false;
            if (empty) {
              triangles++;
              for (const e of [`${i},${j}`, `${j},${k}`, `${i},${k}`]) expect(set.has(e)).toBe(true);
            }
          }
      expect(triangles).toBe(2 * n - 2 - hullSize);
    }
  });
  it('reports degenerate input (collinear, cocircular, duplicate points)', () => {
    expect(() => delaunayEdges(new Float64Array([0, 0.5, 1]), new Float64Array([0, 0.5, 1]))).toThrow(DegenerateInputError);
    expect(() => delaunayEdges(new Float64Array([0, 1, 1, 0]), new Float64Array([0, 0, 1, 1]))).toThrow(DegenerateInputError);
    expect(() => delaunayEdges(new Float64Array([0, 0, 1]), new Float64Array([0, 0, 1]))).toThrow(DegenerateInputError);
  });
});

describe('recipe invariants on the default datasets', () => {
  it('planar: 200 connected graphs of 64 nodes within the Euler bound, 3n-3-h edges', () => {
    const gs = all('planar');
    expect(gs.length).toBe(200);
    for (const g of gs) {
      expect(g.n).toBe(64);
      expect(passesEulerBound(g)).toBe(true);
      // 3n - 3 - h with a hull of 3..19 points; the benchmark files have 173..181, scipy gives 172..184.
      expect(g.numEdges).toBeGreaterThanOrEqual(170);
      expect(g.numEdges).toBeLessThanOrEqual(186);
      expect(Math.min(...g.degrees())).toBeGreaterThanOrEqual(2);
    }
    const mean = datasetStats(gs).edges.mean;
    expect(mean).toBeGreaterThan(176);
    expect(mean).toBeLessThan(180);
  });
  it('tree: 200 trees of 64 nodes', () => {
    const gs = all('tree');
    expect(gs.length).toBe(200);
    for (const g of gs) {
      expect(g.n).toBe(64);
      expect(isTree(g)).toBe(true);
    }
  });
  it('sbm: block counts and sizes within bounds, densities near 0.3 / 0.005', () => {
    const rng = createRng(5);
    let inE = 0, inP = 0, outE = 0, outP = 0;
    for (let t = 0; t < 60; t++) {
      const { graph, blockSizes } = sbmGraph(rng.split());
      expect(blockSizes.length).toBeGreaterThanOrEqual(2);
      expect(blockSizes.length).toBeLessThanOrEqual(5);
      for (const s of blockSizes) expect(s >= 20 && s <= 40).toBe(true);
      expect(blockSizes.reduce((a, b) => a + b)).toBe(graph.n);
      const block: number[] = blockSizes.flatMap((s, b) => Array(s).fill(b));
      graph.forEachEdge((u, v) => (block[u] === block[v] ? inE++ : outE++));
      for (let b = 0; b < blockSizes.length; b++) {
        inP += (blockSizes[b] * (blockSizes[b] - 1)) / 2;
        for (let c = b + 1; c < blockSizes.length; c++) outP += blockSizes[b] * blockSizes[c];
      }
    }
    expect(inE / inP).toBeGreaterThan(0.29);
    expect(inE / inP).toBeLessThan(0.31);
    expect(outE / outP).toBeGreaterThan(0.004);
    expect(outE / outP).toBeLessThan(0.006);
    const s = datasetStats(all('sbm'));
    expect(s.graphs).toBe(200);
    expect(s.nodes.min).toBeGreaterThanOrEqual(40);
    expect(s.nodes.max).toBeLessThanOrEqual(200);
  });
  it('community-small: 100 connected graphs, even n in 12..20, two communities with >= 1 bridge', () => {
    const gs = all('community-small');
    expect(gs.length).toBe(100);
    for (const g of gs) {
      expect(g.n % 2).toBe(0);
      expect(g.n >= 12 && g.n <= 20).toBe(true);
      expect(connected(g)).toBe(true);
    }
    const rng = createRng(9);
    for (let t = 0; t < 50; t++) {
      const { graph, communitySize: c, bridges } = communitySmallGraph(rng.split());
      expect(bridges).toBeGreaterThanOrEqual(1);
      let across = 0;
      graph.forEachEdge((u, v) => (across += (u < c) !== (v < c) ? 1 : 0));
      expect(across).toBeLessThanOrEqual(bridges);
    }
  });
  it('grid: the 100 distinct grids i x j, i, j in 10..19, in row-major node order', () => {
    const gs = all('grid');
    const shapes = new Set<string>();
    for (const g of gs) {
      const cols = g.neighbors(0)[1] - 0; // node 0's neighbours are 1 and cols
      const rows = g.n / cols;
      expect(g.equals(gridGraph(rows, cols))).toBe(true);
      shapes.add(`${rows}x${cols}`);
    }
    expect(shapes.size).toBe(100);
  });
  it('lobster: 100 lobsters with 10..100 nodes (trees that become paths after two leaf removals)', () => {
    const gs = all('lobster');
    expect(gs.length).toBe(100);
    for (const g of gs) {
      expect(g.n >= 10 && g.n <= 100).toBe(true);
      expect(isTree(g)).toBe(true);
      let alive = new Set(Array.from({ length: g.n }, (_, i) => i));
      for (let round = 0; round < 2; round++) {
        const deg = (v: number) => Array.from(g.neighbors(v)).filter((w) => alive.has(w)).length;
        alive = new Set([...alive].filter((v) => deg(v) > 1));
      }
      for (const v of alive) expect(Array.from(g.neighbors(v)).filter((w) => alive.has(w)).length).toBeLessThanOrEqual(2);
    }
  });
  it('ego-like: 200 connected ego graphs of 4..18 nodes with a centre adjacent to all', () => {
    const gs = all('ego-like');
    expect(gs.length).toBe(200);
    for (const g of gs) {
      expect(g.n >= 4 && g.n <= 18).toBe(true);
      expect(connected(g)).toBe(true);
      expect(Math.max(...g.degrees())).toBe(g.n - 1);
    }
    expect(DATASET_RECIPES['ego-like'].description).toMatch(/NOT Citeseer/);
  });
});

describe('recipe building blocks', () => {
  it('treeFromPrufer matches networkx 2.8.8 from_prufer_sequence', () => {
    expect(treeFromPrufer([3, 3, 3]).edges()).toEqual([[0, 3], [1, 3], [2, 3], [3, 4]]);
    expect(treeFromPrufer([0]).edges()).toEqual([[0, 1], [0, 2]]);
    expect(treeFromPrufer([4, 0, 3, 1, 1]).edges()).toEqual([[0, 3], [0, 4], [1, 3], [1, 5], [1, 6], [2, 4]]);
    expect(treeFromPrufer([5, 5, 0, 2, 7, 7]).edges()).toEqual([[0, 2], [0, 4], [1, 5], [2, 7], [3, 5], [5, 7], [6, 7]]);
    expect(treeFromPrufer([]).edges()).toEqual([[0, 1]]);
  });
  it('randomTree covers all 16 labelled trees on 4 nodes about uniformly (Cayley)', () => {
    const rng = createRng(1);
    const counts = new Map<string, number>();
    for (let t = 0; t < 3200; t++) {
      const k = JSON.stringify(randomTree(rng, 4).edges());
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    expect(counts.size).toBe(16);
    for (const c of counts.values()) expect(c).toBeGreaterThan(140);
    expect(randomTree(rng, 1).n).toBe(1);
  });
  it('egoGraph keeps labels and node order', () => {
    const g = Graph.fromEdgeList(5, [[0, 2], [2, 4], [4, 0], [1, 3]], { nodeLabels: [1, 2, 3, 4, 5], edgeLabels: [2, 3, 4, 1] });
    const e = egoGraph(g, 2);
    expect(e.n).toBe(3);
    expect(Array.from(e.nodeLabels())).toEqual([1, 3, 5]);
    expect(e.edgeLabel(0, 1)).toBe(2);
    expect(e.edgeLabel(1, 2)).toBe(3);
    expect(e.edgeLabel(0, 2)).toBe(4);
  });
  it('lobsterGraph with a zero-length backbone is empty; citationLikeGraph is connected', () => {
    expect(lobsterGraph(createRng(0), { meanBackbone: 0 }).n).toBe(0);
    expect(connected(citationLikeGraph(createRng(0), { numNodes: 300 }))).toBe(true);
    expect(planarGraph(createRng(0), { numNodes: 3 }).numEdges).toBe(3);
  });
  it('determinism: same seed, same graphs; other seed, other graphs', () => {
    const a = loadDataset('community-small', { seed: 7 });
    const b = loadDataset('community-small', { seed: 7 });
    const c = loadDataset('community-small', { seed: 8 });
    a.train.forEach((g, i) => expect(g.equals(b.train[i])).toBe(true));
    expect(a.train.every((g, i) => g.equals(c.train[i]))).toBe(false);
    expect(a.meta).toMatchObject({ name: 'community-small', seed: 7, source: 'recipe', split: 'spectre', sizes: { train: 64, val: 16, test: 20 } });
  });
});

describe('splits', () => {
  it('SPECTRE sizes: 200 -> 128/32/40, 100 -> 64/16/20', () => {
    expect(spectreSplitSizes(200)).toEqual({ train: 128, val: 32, test: 40 });
    expect(spectreSplitSizes(100)).toEqual({ train: 64, val: 16, test: 20 });
    expect(spectreSplitSizes(0)).toEqual({ train: 0, val: 0, test: 0 });
    expect(spectreSplitSizes(7)).toEqual({ train: 5, val: 1, test: 1 });
  });
  it('SPECTRE split is a seeded partition', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const s = spectreSplit(items, createRng(1));
    expect([...s.train, ...s.val, ...s.test].sort((a, b) => a - b)).toEqual(items);
    expect(spectreSplit(items, createRng(1))).toEqual(s);
  });
  it('GDSS split: first 20 % test, no val', () => {
    const items = Array.from({ length: 587 }, (_, i) => i);
    const s = gdssSplit(items);
    expect(s.test.length).toBe(117);
    expect(s.train.length).toBe(470);
    expect(s.test[0]).toBe(0);
    expect(s.val).toEqual([]);
  });
});

describe('bad input', () => {
  it('loadDataset', () => {
    expect(() => loadDataset('citeseer' as never)).toThrow(InputError);
    expect(() => loadDataset('citeseer' as never)).toThrow(/planar, sbm, community-small, tree, grid, lobster, ego-like/);
    expect(() => loadDataset('toString' as never)).toThrow(InputError);
    expect(() => loadDataset(undefined as never)).toThrow(InputError);
    expect(() => loadDataset('tree', { seed: 1.5 })).toThrow(InputError);
    expect(() => loadDataset('tree', { seed: NaN })).toThrow(InputError);
  });
  it('recipes', () => {
    const rng = createRng(0);
    expect(() => planarGraph(rng, { numNodes: 2 })).toThrow(InputError);
    expect(() => sbmGraph(rng, { minBlocks: 3, maxBlocks: 2 })).toThrow(InputError);
    expect(() => sbmGraph(rng, { pIntra: 1.5 })).toThrow(InputError);
    expect(() => sbmGraph(rng, { pInter: NaN })).toThrow(InputError);
    expect(() => sbmGraph(rng, { maxBlocks: 1e6, maxBlockSize: 1e6 })).toThrow(InputError);
    expect(() => communitySmallGraph(rng, { minNodes: 1 })).toThrow(InputError);
    expect(() => randomTree(rng, 0)).toThrow(InputError);
    expect(() => randomTree(rng, 2.5)).toThrow(InputError);
    expect(() => gridGraph(0, 3)).toThrow(InputError);
    expect(() => gridGraph(3, Infinity)).toThrow(InputError);
    expect(() => lobsterGraph(rng, { p1: 1 })).toThrow(InputError);
    expect(() => citationLikeGraph(rng, { referenceCounts: [-1] })).toThrow(InputError);
    expect(() => citationLikeGraph(rng, { numNodes: 0 })).toThrow(InputError);
    expect(() => treeFromPrufer([5])).toThrow(InputError);
    expect(() => treeFromPrufer(null as never)).toThrow(InputError);
    expect(() => egoGraph(Graph.empty(2), 2)).toThrow(InputError);
    expect(() => egoGraph({} as never, 0)).toThrow(InputError);
  });
  it('splits and stats', () => {
    expect(() => spectreSplit('abc' as never, createRng(0))).toThrow(InputError);
    expect(() => spectreSplitSizes(-1)).toThrow(InputError);
    expect(() => gdssSplit(null as never)).toThrow(InputError);
    expect(() => datasetStats([1] as never)).toThrow(InputError);
    expect(() => datasetStats(undefined as never)).toThrow(InputError);
    expect(datasetStats([])).toEqual({ graphs: 0, nodes: { min: 0, max: 0, mean: 0 }, edges: { min: 0, max: 0, mean: 0 }, connected: 0 });
  });
});
