import { Graph } from '../../src/graph/Graph.js';
import type { Rng } from '../../src/core/rng.js';

/** Brute-force simple-cycle counts, independent of graphgen's counters. */
export interface BruteForceCycles {
  /** `perNode[k - 3][v]`: simple k-cycles through v, k = 3..maxK. */
  perNode: number[][];
  /** `perGraph[k - 3]`: simple k-cycles, k = 3..maxK. */
  perGraph: number[];
}

/**
 * Counts simple k-cycles (k = 3..maxK) by brute force, for small graphs (n <= 10): for every
 * k-subset of the nodes, the Hamiltonian cycles of the induced subgraph are counted by trying
 * every order of the subset with its smallest node first (each cycle appears twice, once per
 * direction). Cost O(C(n, k) · (k − 1)!).
 */
export function bruteForceCycles(g: Graph, maxK = 6): BruteForceCycles {
  const n = g.n;
  const perNode = Array.from({ length: maxK - 2 }, () => new Array<number>(n).fill(0));
  const perGraph = new Array<number>(maxK - 2).fill(0);
  for (let k = 3; k <= maxK; k++) {
    for (const subset of subsets(n, k)) {
      let orders = 0;
      for (const rest of permutations(subset.slice(1))) {
        const cyc = [subset[0], ...rest];
        let ok = true;
        for (let q = 0; q < k && ok; q++) ok = g.hasEdge(cyc[q], cyc[(q + 1) % k]);
        if (ok) orders++;
      }
      const cycles = orders / 2;
      perGraph[k - 3] += cycles;
      for (const v of subset) perNode[k - 3][v] += cycles;
    }
  }
  return { perNode, perGraph };
}

function* subsets(n: number, k: number, start = 0, acc: number[] = []): Generator<number[]> {
  if (acc.length === k) {
    yield acc.slice();
    return;
  }
  for (let v = start; v < n; v++) {
    acc.push(v);
    yield* subsets(n, k, v + 1, acc);
    acc.pop();
  }
}

function* permutations(items: number[]): Generator<number[]> {
  if (items.length <= 1) {
    yield items.slice();
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const p of permutations(rest)) yield [items[i], ...p];
  }
}

/** G(n, p) from the given rng. */
export function randomGraph(n: number, p: number, rng: Rng): Graph {
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (rng.uniform() < p) edges.push([i, j]);
  return Graph.fromEdgeList(n, edges);
}

/** Complete graph K_n. */
export function completeGraph(n: number): Graph {
  const edges: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) edges.push([i, j]);
  return Graph.fromEdgeList(n, edges);
}

/** Cycle graph C_n. */
export function cycleGraph(n: number): Graph {
  return Graph.fromEdgeList(
    n,
    Array.from({ length: n }, (_, i) => [i, (i + 1) % n] as [number, number]),
  );
}

/** The Petersen graph: outer 5-cycle, inner pentagram, spokes (12 five-cycles, 10 six-cycles). */
export function petersenGraph(): Graph {
  const edges: [number, number][] = [];
  for (let i = 0; i < 5; i++) {
    edges.push([i, (i + 1) % 5]);
    edges.push([5 + i, 5 + ((i + 2) % 5)]);
    edges.push([i, 5 + i]);
  }
  return Graph.fromEdgeList(10, edges);
}
