import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { permute } from '../../src/graph/permute.js';
import {
  chiSquare1Sf,
  fitSbm,
  isGrid,
  isIsomorphic,
  isLobster,
  isPlanar,
  isPlanarValid,
  isSbmValid,
  isTree,
  sbmWaldTest,
  validityFunction,
  vun,
  wlColors,
  wlHash,
} from '../../src/metrics/index.js';
import { fixture, toGraph, type EdgeRecord } from './helpers/fixtures.js';

const planar = fixture<(EdgeRecord & { planar: boolean })[]>('planarity.json');
const iso = fixture<{ a: EdgeRecord; b: EdgeRecord; isomorphic: boolean }[]>('isomorphism.json');

function complete(n: number): Graph {
  const e: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) e.push([i, j]);
  return Graph.fromEdgeList(n, e);
}

function sbmGraph(sizes: number[], pIn: number, pOut: number, seed: number): Graph {
  const rng = createRng(seed);
  const block: number[] = [];
  sizes.forEach((s, b) => {
    for (let i = 0; i < s; i++) block.push(b);
  });
  const e: [number, number][] = [];
  for (let i = 0; i < block.length; i++) for (let j = i + 1; j < block.length; j++) if (rng.uniform() < (block[i] === block[j] ? pIn : pOut)) e.push([i, j]);
  return Graph.fromEdgeList(block.length, e);
}

describe('planarity vs networkx.check_planarity (fixtures/planarity.json)', () => {
  it(`agrees on all ${planar.length} graphs (${planar.filter((r) => r.planar).length} planar)`, () => {
    for (const r of planar) expect(isPlanar(toGraph(r))).toBe(r.planar);
  });
  it('Kuratowski graphs and small cases', () => {
    expect(isPlanar(complete(5))).toBe(false);
    expect(isPlanar(complete(4))).toBe(true);
    const k33: [number, number][] = [];
    for (let i = 0; i < 3; i++) for (let j = 3; j < 6; j++) k33.push([i, j]);
    expect(isPlanar(Graph.fromEdgeList(6, k33))).toBe(false);
    expect(isPlanar(Graph.empty(0))).toBe(true);
    expect(isPlanarValid(Graph.fromEdgeList(4, [[0, 1], [2, 3]]))).toBe(false);
  });
});

describe('isomorphism vs networkx.is_isomorphic (fixtures/isomorphism.json)', () => {
  it(`agrees on all ${iso.length} pairs`, () => {
    for (const r of iso) expect(isIsomorphic(toGraph(r.a), toGraph(r.b))).toBe(r.isomorphic);
  });
  it('regular graphs WL cannot separate: C6 vs two triangles', () => {
    const c6 = Graph.fromEdgeList(6, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 0]]);
    const tt = Graph.fromEdgeList(6, [[0, 1], [1, 2], [2, 0], [3, 4], [4, 5], [5, 3]]);
    expect(wlHash(c6)).toBe(wlHash(tt));
    expect(isIsomorphic(c6, tt)).toBe(false);
    expect(isIsomorphic(c6, permute(c6, [3, 1, 5, 0, 2, 4]))).toBe(true);
  });
  it('labels compare by value: explicit default labels equal no labels', () => {
    const plain = Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3]]);
    const ones = Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3]], { edgeLabels: [1, 1, 1], nodeLabels: [0, 0, 0, 0] });
    const two = Graph.fromEdgeList(4, [[0, 1], [1, 2], [2, 3]], { edgeLabels: [1, 2, 1] });
    expect(wlHash(ones)).toBe(wlHash(plain));
    expect(isIsomorphic(ones, plain)).toBe(true);
    expect(isIsomorphic(two, plain)).toBe(false);
    expect(wlHash(two)).not.toBe(wlHash(plain));
  });
  it('labels matter unless disabled', () => {
    const a = Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [0, 1] });
    const b = Graph.fromEdgeList(2, [[0, 1]], { nodeLabels: [0, 0] });
    expect(isIsomorphic(a, b)).toBe(false);
    expect(isIsomorphic(a, b, { nodeLabels: false })).toBe(true);
    const c = Graph.fromEdgeList(3, [[0, 1], [1, 2]], { edgeLabels: [1, 2] });
    const d = Graph.fromEdgeList(3, [[0, 1], [1, 2]], { edgeLabels: [2, 1] });
    expect(isIsomorphic(c, d)).toBe(true);
    expect(wlHash(c)).toBe(wlHash(d));
  });
  it('wlHash is invariant under permutation and deterministic', () => {
    const rng = createRng(3);
    for (const r of iso.slice(0, 30)) {
      const g = toGraph(r.a);
      expect(wlHash(permute(g, rng.permutation(g.n)))).toBe(wlHash(g));
    }
    expect(wlHash(complete(4))).toMatch(/^[0-9a-f]{16}$/);
    expect(wlColors(complete(3), { iterations: Infinity }).classes).toBe(1);
  });
});

describe('validity', () => {
  it('tree, lobster, grid', () => {
    expect(isTree(Graph.fromEdgeList(3, [[0, 1], [1, 2]]))).toBe(true);
    expect(isTree(Graph.fromEdgeList(3, [[0, 1], [1, 2], [0, 2]]))).toBe(false);
    expect(isTree(Graph.empty(0))).toBe(false);
    // caterpillar with two-level legs: spine 0-1-2, legs 3 (on 1) with leaf 4
    expect(isLobster(Graph.fromEdgeList(5, [[0, 1], [1, 2], [1, 3], [3, 4]]))).toBe(true);
    // spider with three legs of length 3 is not a lobster
    const spider: [number, number][] = [[0, 1], [1, 2], [2, 3], [0, 4], [4, 5], [5, 6], [0, 7], [7, 8], [8, 9]];
    expect(isLobster(Graph.fromEdgeList(10, spider))).toBe(false);
    const grid = (i: number, j: number): Graph => {
      const e: [number, number][] = [];
      for (let r = 0; r < i; r++) for (let c = 0; c < j; c++) {
        if (c + 1 < j) e.push([r * j + c, r * j + c + 1]);
        if (r + 1 < i) e.push([r * j + c, (r + 1) * j + c]);
      }
      return Graph.fromEdgeList(i * j, e);
    };
    const rng = createRng(1);
    const g = grid(4, 7);
    expect(isGrid(permute(g, rng.permutation(g.n)))).toBe(true);
    expect(isGrid(grid(1, 7))).toBe(false);
    expect(isGrid(grid(4, 20))).toBe(false);
    expect(isGrid(complete(4))).toBe(false);
  });

  it('chi-square(1) survival matches scipy', () => {
    expect(chiSquare1Sf(0)).toBe(1);
    expect(chiSquare1Sf(3.841458820694124)).toBeCloseTo(0.05, 14);
    expect(Math.abs(chiSquare1Sf(20) / 7.744216431044088e-6 - 1)).toBeLessThan(1e-10);
    expect(Math.abs(chiSquare1Sf(40) / 2.5396285894708634e-10 - 1)).toBeLessThan(1e-10);
  });

  it('SBM fit recovers planted blocks; the Wald test accepts it and rejects wrong densities', () => {
    const g = sbmGraph([25, 30, 35], 0.3, 0.005, 11);
    const fit = fitSbm(g, { rng: createRng(0) });
    expect(fit.numBlocks).toBe(3);
    expect(Array.from(fit.sizes).sort()).toEqual([25, 30, 35]);
    expect(sbmWaldTest(fit).valid).toBe(true);
    expect(isSbmValid(g, { rng: createRng(1) })).toBe(true);
    expect(isSbmValid(sbmGraph([25, 30, 35], 0.6, 0.005, 12), { rng: createRng(1) })).toBe(false);
    expect(isSbmValid(sbmGraph([60, 30], 0.3, 0.005, 13), { rng: createRng(1) })).toBe(false);
    // deterministic for a given seed
    const a = fitSbm(g, { rng: createRng(5) });
    const b = fitSbm(g, { rng: createRng(5) });
    expect(Array.from(a.blocks)).toEqual(Array.from(b.blocks));
  });

  it('validityFunction by name', () => {
    expect(validityFunction('none')(Graph.empty(0))).toBe(true);
    expect(validityFunction('tree')(Graph.fromEdgeList(2, [[0, 1]]))).toBe(true);
    expect(() => validityFunction('sbm')).toThrow(/options.rng/);
    expect(() => validityFunction('x' as 'tree')).toThrow(/name: expected one of/);
  });
});

describe('V.U.N.', () => {
  it('reference definitions: earlier duplicates are not unique, the denominator is every sample', () => {
    const p3 = Graph.fromEdgeList(3, [[0, 1], [1, 2]]);
    const p3b = Graph.fromEdgeList(3, [[0, 2], [2, 1]]);
    const tri = Graph.fromEdgeList(3, [[0, 1], [1, 2], [0, 2]]);
    const star = Graph.fromEdgeList(4, [[0, 1], [0, 2], [0, 3]]);
    const r = vun([p3, p3b, tri, star], [tri], { validity: isTree });
    expect(r.flags.unique).toEqual([true, false, true, true]);
    expect(r.flags.novel).toEqual([true, false, false, true]);
    expect(r.flags.valid).toEqual([true, true, false, true]);
    expect(r.unique).toBe(0.75);
    expect(r.uniqueNovel).toBe(0.5);
    expect(r.valid).toBe(0.75);
    expect(r.vun).toBe(0.5);
  });
});

describe('bad input', () => {
  it('typed errors naming the argument', () => {
    const bad = null as unknown as Graph;
    expect(() => isPlanar(bad)).toThrow(/graph: expected a Graph/);
    expect(() => isIsomorphic(complete(2), bad)).toThrow(/b: expected a Graph/);
    expect(() => wlHash(complete(2), { iterations: -1 })).toThrow(/options.iterations/);
    expect(() => fitSbm(complete(3), {} as never)).toThrow(/options.rng/);
    expect(() => fitSbm(Graph.empty(0), { rng: createRng(0) })).toThrow(/at least one node/);
    expect(() => fitSbm(complete(3), { rng: createRng(0), maxBlocks: 0 })).toThrow(/options.maxBlocks/);
    expect(() => sbmWaldTest({} as never)).toThrow(/fit: expected an SbmFitResult/);
    expect(() => chiSquare1Sf(NaN)).toThrow(/w: expected a finite number/);
    expect(() => vun([], [])).toThrow(/generated: expected a non-empty array/);
    expect(() => vun([complete(2)], [bad])).toThrow(/train\[0\]: expected a Graph/);
    expect(() => vun([complete(2)], [], { validity: 3 as never })).toThrow(/options.validity/);
  });
});

import { canonicalForm } from '../../src/metrics/index.js';

describe('canonicalForm', () => {
  it('equal keys exactly for isomorphic pairs (fixtures/isomorphism.json), invariant under permutation', () => {
    for (const r of iso) {
      const a = canonicalForm(toGraph(r.a)).key;
      const b = canonicalForm(toGraph(r.b)).key;
      expect(a === b).toBe(r.isomorphic);
    }
    const rng = createRng(9);
    const c12 = Graph.fromEdgeList(12, Array.from({ length: 12 }, (_, i) => [i, (i + 1) % 12] as [number, number]));
    expect(canonicalForm(permute(c12, rng.permutation(12))).key).toBe(canonicalForm(c12).key);
    const k10 = complete(10);
    expect(canonicalForm(permute(k10, rng.permutation(10))).key).toBe(canonicalForm(k10).key);
    expect(canonicalForm(Graph.empty(8)).key).toBe(canonicalForm(Graph.empty(8)).key);
  });
  it('leaf budget and bad input', () => {
    expect(() => canonicalForm(complete(3), { maxLeaves: 0 })).toThrow(/options.maxLeaves/);
    expect(() => canonicalForm(null as unknown as Graph)).toThrow(/graph: expected a Graph/);
  });
});
