import { beforeAll, describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { createRng, type Rng } from '../../src/core/rng.js';
import { Graph } from '../../src/graph/Graph.js';
import { initBackend } from '../../src/nn/initBackend.js';
import { isPlanar } from '../../src/metrics/sample/isPlanar.js';
import { acyclicConstraint, edgeConstraint, planarConstraint, type EdgeConstraint } from '../../src/generators/common/EdgeConstraint.js';
import { DiscreteDiffusion } from '../../src/generators/diffusion/DiscreteDiffusion.js';
import { DiscreteFlow } from '../../src/generators/flow/DiscreteFlow.js';
import { TINY } from './helpers.js';

const adjacency = (n: number, edges: readonly (readonly [number, number])[]): number[][] => {
  const adj: number[][] = Array.from({ length: n }, () => []);
  for (const [u, v] of edges) {
    adj[u].push(v);
    adj[v].push(u);
  }
  return adj;
};

/** A forest iff |E| = n - (number of components), components by BFS. */
const isForest = (g: Graph): boolean => {
  const adj = adjacency(g.n, g.edges());
  const seen = new Uint8Array(g.n);
  let comps = 0;
  for (let s = 0; s < g.n; s++) {
    if (seen[s]) continue;
    comps++;
    const q = [s];
    seen[s] = 1;
    for (let h = 0; h < q.length; h++) for (const w of adj[q[h]]) if (!seen[w]) q.push(w), (seen[w] = 1);
  }
  return g.numEdges === g.n - comps;
};

/** Random edge sequences on n nodes: every pair once, in random order. */
const shuffledPairs = (n: number, rng: Rng): [number, number][] => {
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  return Array.from(rng.permutation(pairs.length), (k) => pairs[k]);
};

/** Dense graphs (G(n, 0.8), n in 8..11): their marginal prior draws are far from planar. */
const denseGraphs = (count: number, rng: Rng): Graph[] =>
  Array.from({ length: count }, () => {
    const n = rng.int(8, 12);
    return Graph.fromEdgeList(n, shuffledPairs(n, rng).filter(() => rng.uniform() < 0.8));
  });

describe('edge constraints', () => {
  it('planarConstraint.allowsEdge agrees with isPlanar on the graph plus the edge (random graphs grown to the threshold)', () => {
    const rng = createRng(3);
    let refused = 0;
    let allowed = 0;
    for (let trial = 0; trial < 40; trial++) {
      const n = rng.int(5, 14);
      const edges: [number, number][] = [];
      for (const [i, j] of shuffledPairs(n, rng)) {
        const adj = adjacency(n, edges);
        const expected = isPlanar(Graph.fromEdgeList(n, [...edges, [i, j]]));
        expect(planarConstraint.allowsEdge(adj, i, j)).toBe(expected);
        expect(planarConstraint.allowsEdge(adj, j, i)).toBe(expected);
        if (expected) {
          edges.push([i, j]);
          allowed++;
        } else refused++;
      }
      expect(isPlanar(Graph.fromEdgeList(n, edges))).toBe(true);
    }
    expect(refused).toBeGreaterThan(100);
    expect(allowed).toBeGreaterThan(100);
  });

  it('planarConstraint refuses the last edge of K5 and K3,3', () => {
    const k5: [number, number][] = [];
    for (let i = 0; i < 5; i++) for (let j = i + 1; j < 5; j++) if (!(i === 3 && j === 4)) k5.push([i, j]);
    expect(planarConstraint.allowsEdge(adjacency(5, k5), 3, 4)).toBe(false);
    const k33: [number, number][] = [];
    for (let i = 0; i < 3; i++) for (let j = 3; j < 6; j++) if (!(i === 2 && j === 5)) k33.push([i, j]);
    expect(planarConstraint.allowsEdge(adjacency(6, k33), 2, 5)).toBe(false);
    expect(planarConstraint.allowsEdge(adjacency(6, k33), 0, 1)).toBe(true); // K3,3 minus an edge plus a side edge is planar
  });

  it('acyclicConstraint allows an edge iff the graph stays a forest', () => {
    const rng = createRng(4);
    for (let trial = 0; trial < 30; trial++) {
      const n = rng.int(2, 12);
      const edges: [number, number][] = [];
      for (const [i, j] of shuffledPairs(n, rng)) {
        const expected = isForest(Graph.fromEdgeList(n, [...edges, [i, j]]));
        expect(acyclicConstraint.allowsEdge(adjacency(n, edges), i, j)).toBe(expected);
        if (expected) edges.push([i, j]);
      }
      expect(edges).toHaveLength(n - 1); // grown to a spanning tree
    }
  });

  it('edgeConstraint resolves names and objects and rejects anything else with a typed error', () => {
    expect(edgeConstraint('planar')).toBe(planarConstraint);
    expect(edgeConstraint('acyclic')).toBe(acyclicConstraint);
    const custom: EdgeConstraint = { name: 'c', allowsEdge: () => true };
    expect(edgeConstraint(custom)).toBe(custom);
    expect(() => edgeConstraint('outerplanar' as 'planar', 'options.constraint')).toThrow(InputError);
    expect(() => edgeConstraint('outerplanar' as 'planar', 'options.constraint')).toThrow(/options\.constraint.*'planar' or 'acyclic'/);
    expect(() => edgeConstraint({ name: 'x' } as unknown as EdgeConstraint)).toThrow(/allowsEdge/);
  });
});

describe('constrained sampling (ConStruct projector)', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'wasm' });
  });
  const train = denseGraphs(16, createRng(5));

  it('every sample satisfies the constraint, where unconstrained samples of the same model do not', async () => {
    const model = new DiscreteFlow({ denoiser: TINY });
    await model.fit(train, { epochs: 1, batchSize: 16, rng: createRng(6) });
    const free = await model.sample(12, { steps: 4, rng: createRng(7) });
    expect(free.some((g) => !isPlanar(g))).toBe(true);
    expect(free.some((g) => !isForest(g))).toBe(true);
    const planar = await model.sample(12, { steps: 4, rng: createRng(7), constraint: 'planar' });
    expect(planar.every((g) => isPlanar(g))).toBe(true);
    // refused edges leave a maximal planar-ish graph, not an empty one: the proposals are dense
    expect(planar.reduce((s, g) => s + g.numEdges, 0) / planar.length).toBeGreaterThan(12);
    const forests = await model.sample(12, { steps: 4, rng: createRng(7), constraint: 'acyclic', eta: 5 });
    expect(forests.every(isForest)).toBe(true);
    const again = await model.sample(12, { steps: 4, rng: createRng(7), constraint: 'planar' });
    expect(again.map((g) => g.edges().join(';'))).toEqual(planar.map((g) => g.edges().join(';')));
    model.dispose();
  });

  it('holds for the absorbing prior, for diffusion, and for a user constraint', async () => {
    const flow = new DiscreteFlow({ denoiser: TINY, prior: 'absorbing' });
    await flow.fit(train, { epochs: 1, batchSize: 16, rng: createRng(8) });
    const maxDegree2: EdgeConstraint = { name: 'max-degree-2', allowsEdge: (adj, i, j) => adj[i].length < 2 && adj[j].length < 2 };
    const paths = await flow.sample(8, { steps: 6, rng: createRng(9), constraint: maxDegree2 });
    for (const g of paths) for (let v = 0; v < g.n; v++) expect(g.degree(v)).toBeLessThanOrEqual(2);
    expect(paths.some((g) => g.numEdges > 0)).toBe(true);
    flow.dispose();
    const diffusion = new DiscreteDiffusion({ denoiser: TINY });
    await diffusion.fit(train, { epochs: 1, batchSize: 16, rng: createRng(10) });
    const gs = await diffusion.sample(8, { steps: 4, rng: createRng(11), constraint: 'planar' });
    expect(gs.every((g) => isPlanar(g))).toBe(true);
    await expect(diffusion.sample(2, { steps: 2, rng: createRng(1), constraint: 'bogus' as 'planar' })).rejects.toThrow(/options\.constraint/);
    diffusion.dispose();
  });
});
